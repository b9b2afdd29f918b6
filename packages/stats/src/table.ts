import type {Encoding} from './csv/decode.js';
import type {MarkerKind} from './csv/markers.js';
import type {DecimalSeparator} from './csv/number.js';
import type {LineEnding} from './csv/scan.js';

/** A cell: a number in numeric columns, a string in text columns, `null` when empty or a marker. */
export type Value = number | string | null;

/** A marker cell (secret statistique, unavailable) or an empty cell of a numeric column, recorded by position. */
export interface Marker {
  /** 0-based index into `Table.rows`. */
  row: number;
  /** 0-based index into `Table.columns`. */
  column: number;
  /** 1-based line of the file. */
  line: number;
  /** The cell as written (trimmed). */
  raw: string;
  /** What the marker stands for. */
  kind: MarkerKind;
}

/** Codes of the non-fatal problems recorded in `Table.meta.issues` and `CrossTab.meta.issues`. */
export type IssueCode =
  | 'SHORT_ROW'
  | 'LONG_ROW'
  | 'EMPTY_HEADER'
  | 'DUPLICATE_HEADER'
  | 'NO_HEADER'
  | 'INVALID_NUMBER'
  | 'MALFORMED_QUOTE'
  | 'TOTAL_MISMATCH'
  | 'BAND_OVERLAP'
  | 'BAND_GAP'
  | 'UNBINNED'
  | 'MISSING_KEY'
  | 'NULL_VALUE'
  | 'AMBIGUOUS_DECIMAL'
  | 'DAMAGED_TEXT'
  | 'GROUP_CHOSEN';

/** A recorded, non-fatal problem: what and where, and a French sentence saying it. */
export interface Issue {
  /** Stable code of the problem. */
  code: IssueCode;
  /** The problem in a French sentence, with its position. */
  message: string;
  /** 0-based index into `Table.rows` (or a cross-tab row), when it concerns one row. */
  row?: number;
  /** 0-based column index, when it concerns one cell or column. */
  column?: number;
  /** 1-based line of the file. */
  line?: number;
  /** The text concerned. */
  raw?: string;
}

/** A line of the file that is not in `rows`, and why. */
export interface SkippedLine {
  /** 1-based line of the file. */
  line: number;
  /**
   * Why it is not a data row: a blank line, a title line before the header, a note or source line after the table,
   * or a row of status codes (`Codes;A;A;SD`: INSEE's BDM downloads give one under each series).
   */
  reason: 'blank' | 'title' | 'note' | 'status';
  /** The line's text, without delimiters. */
  text: string;
}

/** Everything learned while reading a file. */
export interface TableMeta {
  /** Detected (or forced) encoding; `null` when the input was already a string. */
  encoding: Encoding | null;
  /** Whether the bytes began with a byte-order mark. */
  bom: boolean;
  /** The delimiter used (detected or forced). */
  delimiter: string;
  /**
   * The decimal separator of the file's numbers (detected or forced); `null` when no number of the file has
   * decimals (whole numbers only: they are read alike either way).
   */
  decimal: DecimalSeparator | null;
  /** How the file's lines end (`mixed` when they vary). */
  lineEnding: LineEnding;
  /** How many rows make the header (0, 1 or 2; 3 or 4 for INSEE's BDM downloads: `Libellé`, `idBank`, `Période`…). */
  headerRows: number;
  /** 1-based line of the first header row. */
  headerLine: number;
  /** The header rows as written (trimmed), before their cells were combined into `columns`. */
  header: string[][];
  /** The type of each column. */
  types: Array<'number' | 'string'>;
  /** Columns whose numbers were written with `%`. */
  percentColumns: number[];
  /** Title lines before the header (text, without delimiters). */
  titles: string[];
  /** Notes and source lines after the table (text, without delimiters). */
  notes: string[];
  /** Empty and marker cells of numeric columns, each with its position. */
  markers: Marker[];
  /** Non-fatal problems, each with its position. */
  issues: Issue[];
  /** Lines of the file that are not in `rows`, with the reason. */
  skipped: SkippedLine[];
  /** 1-based line of each row of `rows`. */
  rowLines: number[];
  /** Where the text came from, when loaded by `loadCsv`. */
  url?: string;
  /** Bytes read, when known. */
  bytes?: number;
}

/**
 * A parsed CSV file. `rows` are positional arrays (never objects keyed by header names: `__proto__` is a legal
 * header), aligned with `columns`.
 */
export interface Table {
  /** Column names, one per column (cleaned; merged two-row headers combined; repeats renamed ` (2)`). */
  columns: string[];
  /** Data rows, positional, aligned with `columns`. */
  rows: Value[][];
  /** What was detected and recorded while reading (encoding, delimiter, markers, issues…). */
  meta: TableMeta;
}
