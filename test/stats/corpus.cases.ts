// The edge-case corpus's manifest: one entry per file of test/fixtures/corpus/, saying what RELIABILITY.md expects
// of it through the public API. corpus.test.ts checks every entry, and that the folder and this list match.
//
// Files are named by RELIABILITY.md's sections: bytes-* (encodings, other formats, empty files), struct-* (line
// ends, quotes, rows, headers, titles, notes, totals), delim-*, num-*, marker-*, sem-* (age bands, sex codes, null
// policy), whole-* (whole-file conditions) and attack-*. The byte-level files are written by make.mjs beside them.
//
// Expectations are exact. Unless an entry says otherwise, a table is expected to have no marker, no issue, no
// skipped line, no title, no note and no percent column, to be UTF-8 without a BOM, `;`-delimited with decimal
// commas and LF line ends, with one header row on line 1 and its rows on the lines that follow it; a cross-tab is
// expected to have no issue, no sub-row and no excluded row. A `// differs from RELIABILITY.md: …` comment marks an
// entry that expects what the core does where RELIABILITY.md asks for something else.
import type {
  CrossTab,
  CrossTabOptions,
  DecimalSeparator,
  Encoding,
  EpnErrorCode,
  IssueCode,
  LineEnding,
  MarkerKind,
  ParseOptions,
  ReadCrossTabOptions,
  ShareBasis,
  SubRow,
  Value,
} from '@epn/stats';

/** RELIABILITY.md's sections of input cases (plus the attacks that arrive through data). */
export type Section =
  'Bytes' | 'Structure' | 'Delimiters' | 'Numbers' | 'Markers' | 'Semantics' | 'Whole file' | 'Attacks';

/** An issue as expected: its code and every position it carries (its French message is not compared). */
export interface ExpectedIssue {
  code: IssueCode;
  row?: number;
  column?: number;
  line?: number;
  raw?: string;
}

/** A marker as expected: row, column, kind and the cell as written. */
export type ExpectedMarker = [row: number, column: number, kind: MarkerKind, raw: string];

/** A line set aside as expected: its line, why, and its text. */
export type ExpectedSkip = [line: number, reason: 'blank' | 'title' | 'note', text: string];

/** What `parseCsv` must return. */
export interface ExpectedTable {
  columns: string[];
  types: Array<'number' | 'string'>;
  /** Every row, exactly. */
  rows?: Value[][];
  /** For large files: the number of rows, the first ones and chosen cells `[row, column, value]`. */
  rowCount?: number;
  firstRows?: Value[][];
  cells?: Array<[row: number, column: number, value: Value]>;
  /** Default: the lines right after the header, one per row. */
  rowLines?: number[];
  markers?: ExpectedMarker[];
  issues?: ExpectedIssue[];
  skipped?: ExpectedSkip[];
  titles?: string[];
  notes?: string[];
  percentColumns?: number[];
  encoding?: Encoding;
  bom?: boolean;
  delimiter?: string;
  /** The decimal separator the file shows; absent: none (whole numbers only, `meta.decimal` is `null`). */
  decimal?: DecimalSeparator;
  lineEnding?: LineEnding;
  headerRows?: number;
  headerLine?: number;
  /** Another corpus file whose text is the same: both must give the same columns, types, rows, markers and issues. */
  sameAs?: string;
}

/** What `readCrossTab` or `crossTab` must return. */
export interface ExpectedCrossTab extends Pick<
  CrossTab,
  'rowLabels' | 'columnLabels' | 'counts' | 'rowTotals' | 'columnTotals' | 'total'
> {
  subRows?: SubRow[];
  excluded?: number;
  issues?: ExpectedIssue[];
  /** Shares of the cross-tab, for the null policy (a zero denominator gives null, never NaN or Infinity). */
  shares?: {basis: ShareBasis; values: (number | null)[][]};
}

/** One corpus file and what must come of it. */
export interface CorpusCase {
  file: string;
  section: Section;
  /** The RELIABILITY.md case it covers, in a few words. */
  covers: string;
  /** Options passed to `parseCsv` (and `loadCsv`). */
  options?: ParseOptions;
  /** Also served by a fake `fetch` with this Content-Type and read with `loadCsv`: same table (the header may lie). */
  servedAs?: string;
  /** For byte-level files: the size and some bytes the reader must receive, in Node and from the browser's server. */
  bytes?: {length: number; at: Record<number, number>};
  /** The `EpnDataError` that `parseCsv` must throw (nothing drawn), with its line when it has one. */
  error?: {code: EpnErrorCode; line?: number};
  table?: ExpectedTable;
  readCrossTab?: {options?: ReadCrossTabOptions; expect: ExpectedCrossTab};
  crossTab?: {options: CrossTabOptions; expect: ExpectedCrossTab};
}

/** The corpus must keep at least this many files. */
export const MIN_FILES = 60;

/** Files of the corpus folder that are not fixtures. */
export const NOT_FIXTURES = ['.gitattributes', 'make.mjs'];

// The text of bytes-utf8.csv, bytes-utf8-bom.csv and bytes-cp1252.csv (é, €, ’, œ, Œ, « »).
const SAME_COLUMNS = ['commune', 'dépense (€)', 'part', 'note'];
const SAME_ROWS: Value[][] = [
  ['Caen', 1250, 12.5, 'l’été'],
  ['Hérouville-Saint-Clair', 980, 7.5, 'cœur'],
  ['Saint-Lô', 2000, 80, 'Œuvre « clé »'],
];
const COMMUNES = ['commune', 'inscrits'];
const CAEN_VIRE: Value[][] = [
  ['Caen', 30],
  ['Vire', 12],
];
const LOREM =
  'Les espaces publics numériques accueillent tous les publics pour des ateliers, des permanences et un accès libre. ';
// Six spellings of the sexes, one file each, all with the same figures: each must give Hommes then Femmes.
const sexCase = (file: string, column: string, spelling: string, type: 'number' | 'string' = 'string'): CorpusCase => ({
  file,
  section: 'Semantics',
  covers: `sex codes ${spelling} become Hommes/Femmes, Hommes first`,
  table: {columns: [column, 'tranche', 'effectif'], types: [type, 'string', 'number'], rowCount: 4},
  crossTab: {
    options: {rows: column, columns: 'tranche', value: 'effectif'},
    expect: {
      rowLabels: ['Hommes', 'Femmes'],
      columnLabels: ['0-17', '18 +'],
      counts: [
        [10, 25],
        [12, 30],
      ],
      rowTotals: [35, 42],
      columnTotals: [22, 55],
      total: 77,
    },
  },
});

export const CASES: CorpusCase[] = [
  // ---------------------------------------------------------------------------------------------------------------
  // Bytes
  {
    file: 'bytes-utf8.csv',
    section: 'Bytes',
    covers: 'UTF-8 without a BOM (é, €, ’, œ)',
    bytes: {length: 134, at: {18: 0xe2}},
    table: {decimal: ',', columns: SAME_COLUMNS, types: ['string', 'number', 'number', 'string'], rows: SAME_ROWS},
  },
  {
    file: 'bytes-utf8-bom.csv',
    section: 'Bytes',
    covers: 'UTF-8 with a BOM, kept out of the first column name',
    bytes: {length: 137, at: {0: 0xef, 1: 0xbb, 2: 0xbf}},
    table: {
      decimal: ',',
      columns: SAME_COLUMNS,
      types: ['string', 'number', 'number', 'string'],
      rows: SAME_ROWS,
      bom: true,
      sameAs: 'bytes-utf8.csv',
    },
  },
  {
    file: 'bytes-cp1252.csv',
    section: 'Bytes',
    covers: 'windows-1252: é, € at 0x80, ’ at 0x92, œ at 0x9C, Œ at 0x8C',
    bytes: {length: 120, at: {9: 0xe9, 17: 0x80, 47: 0x92, 84: 0x9c, 106: 0x8c}},
    table: {
      decimal: ',',
      columns: SAME_COLUMNS,
      types: ['string', 'number', 'number', 'string'],
      rows: SAME_ROWS,
      encoding: 'windows-1252',
      sameAs: 'bytes-utf8.csv',
    },
  },
  {
    file: 'bytes-cp1252-charset-utf8.csv',
    section: 'Bytes',
    covers: 'a charset header that lies: windows-1252 served as charset=utf-8',
    servedAs: 'text/csv; charset=utf-8',
    bytes: {length: 91, at: {0: 0xe9, 60: 0xae, 81: 0x96}},
    table: {
      columns: ['équipement', 'nombre'],
      types: ['string', 'number'],
      rows: [
        ['Ordinateurs portables', 12],
        ['Tablettes (iPad®)', 4],
        ['Imprimantes 3D – prêt', 1],
      ],
      encoding: 'windows-1252',
      lineEnding: 'crlf',
    },
  },
  {
    file: 'bytes-utf16le-bom-tab.txt',
    section: 'Bytes',
    covers: 'UTF-16LE with a BOM and tabs (Excel "Texte Unicode"), CRLF',
    servedAs: 'text/plain; charset=iso-8859-1',
    bytes: {length: 220, at: {0: 0xff, 1: 0xfe, 2: 0x54, 3: 0x00, 28: 0x09}},
    table: {
      columns: ["Tranche d'âge", 'Hommes', 'Femmes'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Moins de 15 ans', 1250, 1198],
        ['15 à 29 ans', 980, 1002],
        ['30 ans ou plus', 2410, 2655],
      ],
      encoding: 'utf-16le',
      bom: true,
      delimiter: '\t',
      lineEnding: 'crlf',
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Moins de 15 ans', '15 à 29 ans', '30 ans ou plus'],
        columnLabels: ['Hommes', 'Femmes'],
        counts: [
          [1250, 1198],
          [980, 1002],
          [2410, 2655],
        ],
        rowTotals: [2448, 1982, 5065],
        columnTotals: [4640, 4855],
        total: 9495,
      },
    },
  },
  {
    file: 'bytes-utf16be-bom.csv',
    section: 'Bytes',
    covers: 'UTF-16BE with a BOM, an emoji as a surrogate pair',
    bytes: {length: 94, at: {0: 0xfe, 1: 0xff, 82: 0xd8}},
    table: {
      columns: ['usage', 'effectif'],
      types: ['string', 'number'],
      rows: [
        ['Bureautique', 12],
        ['Numérique 📱', 15],
      ],
      encoding: 'utf-16be',
      bom: true,
    },
  },
  {
    file: 'bytes-utf16le-no-bom.csv',
    section: 'Bytes',
    covers: 'UTF-16LE without a BOM (beyond RELIABILITY.md: recognised by its NUL bytes)',
    bytes: {length: 66, at: {0: 0x63, 1: 0x00}},
    table: {columns: COMMUNES, types: ['string', 'number'], rows: CAEN_VIRE, encoding: 'utf-16le'},
  },
  {
    file: 'bytes-invalid-utf8.csv',
    section: 'Bytes',
    covers:
      'invalid UTF-8 (a lone 0xF4 beside a valid é): the whole file falls back to windows-1252, as RELIABILITY.md says',
    bytes: {length: 42, at: {18: 0xc3, 19: 0xa9, 38: 0xf4}},
    // The valid é read in windows-1252 is « Ã© »: the reading says the text looks damaged (issue 11, item 9).
    table: {
      columns: COMMUNES,
      types: ['string', 'number'],
      rows: [
        ['HÃ©rouville', 3],
        ['Saint-Lô', 5],
      ],
      encoding: 'windows-1252',
      issues: [{code: 'DAMAGED_TEXT', line: 2, raw: 'inscrits HÃ©rouville'}],
    },
  },
  {
    file: 'bytes-zip.csv',
    section: 'Bytes',
    covers: 'a ZIP archive served as CSV',
    bytes: {length: 86, at: {0: 0x50, 1: 0x4b, 2: 0x03, 3: 0x04}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-xlsx.csv',
    section: 'Bytes',
    covers: 'an Excel .xlsx workbook served as CSV',
    bytes: {length: 113, at: {0: 0x50, 1: 0x4b, 2: 0x03, 3: 0x04}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-xls.csv',
    section: 'Bytes',
    covers: 'an Excel .xls workbook served as CSV',
    bytes: {length: 38, at: {0: 0xd0, 1: 0xcf, 2: 0x11, 3: 0xe0}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-pdf.csv',
    section: 'Bytes',
    covers: 'a PDF served as CSV',
    bytes: {length: 103, at: {0: 0x25, 1: 0x50, 10: 0xe2}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-gzip.csv',
    section: 'Bytes',
    covers: 'a gzip file served as CSV (not decoded by the server)',
    bytes: {length: 45, at: {0: 0x1f, 1: 0x8b}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-png.csv',
    section: 'Bytes',
    covers: 'a PNG image served as CSV',
    bytes: {length: 29, at: {0: 0x89, 1: 0x50, 2: 0x4e, 3: 0x47}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-binary-nul.csv',
    section: 'Bytes',
    covers: 'a binary file full of control bytes and NULs',
    bytes: {length: 258, at: {0: 0x00, 1: 0x01}},
    error: {code: 'NOT_TEXT'},
  },
  {
    file: 'bytes-empty.csv',
    section: 'Bytes',
    covers: 'an empty file (0 bytes)',
    bytes: {length: 0, at: {}},
    error: {code: 'EMPTY'},
  },
  {
    file: 'bytes-only-bom.csv',
    section: 'Bytes',
    covers: 'a file holding only a UTF-8 BOM',
    bytes: {length: 3, at: {0: 0xef, 1: 0xbb, 2: 0xbf}},
    error: {code: 'EMPTY'},
  },
  {
    file: 'bytes-blank.csv',
    section: 'Bytes',
    covers: 'a file of spaces, tabs and CRLFs only',
    bytes: {length: 12, at: {3: 0x0d, 5: 0x09}},
    error: {code: 'EMPTY'},
  },
  {
    file: 'bytes-html.csv',
    section: 'Bytes',
    covers: "an HTML page (the dataset's page) served instead of the CSV",
    error: {code: 'NOT_CSV'},
  },
  {
    file: 'bytes-html-bom.csv',
    section: 'Bytes',
    covers: 'an HTML page with a BOM and a blank line first',
    bytes: {length: 123, at: {0: 0xef, 3: 0x0d}},
    error: {code: 'NOT_CSV'},
  },
  {
    file: 'bytes-html-table.csv',
    section: 'Bytes',
    covers: 'an HTML table fragment (a spreadsheet\'s "web page" export)',
    error: {code: 'NOT_CSV'},
  },
  {file: 'bytes-json-array.csv', section: 'Bytes', covers: 'a JSON array served as CSV', error: {code: 'NOT_CSV'}},
  {
    file: 'bytes-json-object.csv',
    section: 'Bytes',
    covers: 'a pretty-printed JSON object (an API answer) served as CSV',
    error: {code: 'NOT_CSV'},
  },
  {file: 'bytes-json-lines.csv', section: 'Bytes', covers: 'JSON lines served as CSV', error: {code: 'NOT_CSV'}},
  {file: 'bytes-xml.csv', section: 'Bytes', covers: 'an XML document served as CSV', error: {code: 'NOT_CSV'}},

  // ---------------------------------------------------------------------------------------------------------------
  // Structure
  {
    file: 'struct-crlf.csv',
    section: 'Structure',
    covers: 'CRLF line ends',
    bytes: {length: 36, at: {16: 0x0d, 17: 0x0a}},
    table: {columns: COMMUNES, types: ['string', 'number'], rows: CAEN_VIRE, lineEnding: 'crlf'},
  },
  {
    file: 'struct-cr.csv',
    section: 'Structure',
    covers: 'CR line ends (old Mac Excel)',
    bytes: {length: 33, at: {16: 0x0d}},
    table: {columns: COMMUNES, types: ['string', 'number'], rows: CAEN_VIRE, lineEnding: 'cr'},
  },
  {
    file: 'struct-mixed-line-ends.csv',
    section: 'Structure',
    covers: 'CRLF, then LF, then CR: no row merged',
    bytes: {length: 63, at: {16: 0x0d, 17: 0x0a}},
    table: {
      columns: COMMUNES,
      types: ['string', 'number'],
      rows: [
        ['Caen', 30],
        ['Vire', 12],
        ['Bayeux', 8],
        ['Lisieux', 6],
        ['Falaise', 4],
      ],
      lineEnding: 'mixed',
    },
  },
  {
    file: 'struct-no-final-newline.csv',
    section: 'Structure',
    covers: 'the last line without a line break',
    table: {columns: COMMUNES, types: ['string', 'number'], rows: CAEN_VIRE},
  },
  {
    file: 'struct-blank-lines.csv',
    section: 'Structure',
    covers: 'blank lines (empty, spaces, delimiters only) inside and after the table',
    bytes: {length: 45, at: {41: 0x09}},
    table: {
      columns: COMMUNES,
      types: ['string', 'number'],
      rows: CAEN_VIRE,
      rowLines: [3, 6],
      skipped: [
        [2, 'blank', ''],
        [4, 'blank', ''],
        [5, 'blank', ''],
        [7, 'blank', ''],
        [8, 'blank', ''],
      ],
    },
  },
  {
    file: 'struct-quoted-fields.csv',
    section: 'Structure',
    covers: 'quoted fields holding ";", doubled quotes, a line break, and an empty quoted field',
    table: {
      columns: ['commune', 'commentaire', 'inscrits'],
      types: ['string', 'string', 'number'],
      rows: [
        ['Caen', 'ateliers; permanences; accès libre', 30],
        ['Vire', 'salle "Le Cube", 1er étage', 12],
        ['Bayeux', 'ouvert le samedi', 8],
        ['Lisieux', null, 6],
      ],
      rowLines: [2, 3, 4, 6],
    },
  },
  {
    file: 'struct-quoted-crlf-inside.csv',
    section: 'Structure',
    covers: 'a CRLF file with CRLF inside a quoted field',
    bytes: {length: 137, at: {28: 0x0d, 29: 0x0a, 52: 0x0d, 53: 0x0a}},
    table: {
      columns: ['commune', 'commentaire', 'inscrits'],
      types: ['string', 'string', 'number'],
      rows: [
        ['Caen', 'ouvert le samedi et le dimanche', 30],
        ['Vire', 'ateliers; permanences', 12],
        ['Bayeux', 'salle "Le Cube"', 8],
      ],
      rowLines: [2, 4, 5],
      lineEnding: 'crlf',
    },
  },
  {
    file: 'struct-unterminated-quote.csv',
    section: 'Structure',
    covers: 'a quote never closed: nothing drawn',
    error: {code: 'UNTERMINATED_QUOTE', line: 3},
  },
  {
    file: 'struct-text-after-quote.csv',
    section: 'Structure',
    covers: 'text after a closing quote ("Caen" (14)) kept in the cell, recorded',
    table: {
      columns: COMMUNES,
      types: ['string', 'number'],
      rows: [
        ['Caen (14)', 30],
        ['Vire', 12],
      ],
      issues: [{code: 'MALFORMED_QUOTE', line: 2, raw: '"Caen" (14)'}],
    },
  },
  {
    file: 'struct-quote-inside-field.csv',
    section: 'Structure',
    covers: 'a quote inside an unquoted field (24") read as a character',
    table: {
      columns: ['équipement', 'nombre'],
      types: ['string', 'number'],
      rows: [
        ['Écran 24"', 4],
        ['Tablette 10" Android', 6],
      ],
    },
  },
  {
    file: 'struct-short-long-rows.csv',
    section: 'Structure',
    covers: 'a short row (padded, recorded) and a long row (extra cells recorded, never dropped silently)',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, null],
        ['Bayeux', 8, 2],
        ['Lisieux', 6, 1],
      ],
      markers: [[1, 2, 'empty', '']],
      issues: [
        {code: 'SHORT_ROW', row: 1, line: 3},
        {code: 'LONG_ROW', row: 2, line: 4, raw: 'voir note'},
      ],
    },
  },
  {
    file: 'struct-widened.csv',
    section: 'Structure',
    covers: 'every row longer than the header: the table is widened, the new column named and recorded',
    table: {
      columns: ['commune', 'inscrits', 'Colonne 3'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
        ['Bayeux', 8, 1],
      ],
      issues: [{code: 'EMPTY_HEADER', column: 2}],
    },
  },
  {
    file: 'struct-trailing-delimiter.csv',
    section: 'Structure',
    covers: 'a trailing delimiter on every line: no extra column',
    table: {columns: COMMUNES, types: ['string', 'number'], rows: CAEN_VIRE},
  },
  {
    file: 'struct-trailing-delimiter-header.csv',
    section: 'Structure',
    covers: 'a trailing delimiter on the header only: no extra column',
    table: {columns: COMMUNES, types: ['string', 'number'], rows: CAEN_VIRE},
  },
  {
    file: 'struct-duplicate-headers.csv',
    section: 'Structure',
    covers: 'duplicate headers (same name, other case, other accents) kept apart, renamed, recorded',
    table: {
      columns: ['commune', 'inscrits', 'Inscrits (2)', 'inscrits (2) (2)', 'Âge', 'age (2)'],
      types: ['string', 'number', 'number', 'number', 'number', 'number'],
      rows: [['Caen', 30, 31, 32, 40, 41]],
      issues: [
        {code: 'DUPLICATE_HEADER', column: 2, raw: 'Inscrits'},
        {code: 'DUPLICATE_HEADER', column: 3, raw: 'inscrits (2)'},
        {code: 'DUPLICATE_HEADER', column: 5, raw: 'age'},
      ],
    },
  },
  {
    file: 'struct-empty-header.csv',
    section: 'Structure',
    covers: 'an empty header cell named "Colonne 2", recorded',
    table: {
      columns: ['commune', 'Colonne 2', 'inscrits'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 4, 30],
        ['Vire', 2, 12],
      ],
      issues: [{code: 'EMPTY_HEADER', column: 1}],
    },
  },
  {
    file: 'struct-proto-headers.csv',
    section: 'Structure',
    covers: '__proto__, constructor, toString headers and labels: kept, nothing polluted',
    table: {
      columns: ['__proto__', 'constructor', 'toString', 'hasOwnProperty'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['__proto__', 1, 2, 3],
        ['constructor', 4, 5, 6],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['__proto__', 'constructor'],
        columnLabels: ['constructor', 'toString', 'hasOwnProperty'],
        counts: [
          [1, 2, 3],
          [4, 5, 6],
        ],
        rowTotals: [6, 15],
        columnTotals: [5, 7, 9],
        total: 21,
      },
    },
  },
  {
    file: 'struct-header-spaces-nfd.csv',
    section: 'Structure',
    covers: 'header names with stray and no-break spaces and NFD accents (macOS)',
    bytes: {length: 93, at: {0: 0x20, 37: 0xcc}},
    table: {
      // Composed (NFC) on purpose: the file has them decomposed.
      columns: ['Commune', 'Effectif inscrit', 'Cat\u00e9gorie d\u2019\u00e2ge'],
      types: ['string', 'number', 'string'],
      rows: [
        ['Caen', 30, 'S\u00e9niors'],
        ['Vire', 12, 'Adolescents'],
      ],
    },
  },
  {
    file: 'struct-title-lines.csv',
    section: 'Structure',
    covers: 'title lines and a blank line before the header',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
      ],
      headerLine: 4,
      titles: ['Inscrits des EPN du Calvados', 'Année 2023'],
      skipped: [
        [1, 'title', 'Inscrits des EPN du Calvados'],
        [2, 'title', 'Année 2023'],
        [3, 'blank', ''],
      ],
    },
  },
  {
    file: 'struct-title-lines-twelve.csv',
    section: 'Structure',
    covers: 'twelve title lines (some with commas) before a ";" table with decimal commas: more commas than semicolons',
    table: {
      decimal: ',',
      columns: ['département', 'structures', 'inscrits', 'part'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Calvados', 42, 3120, 31.5],
        ['Manche', 37, 2410, 24.3],
        ['Orne', 21, 1050, 10.6],
        ['Eure', 25, 1500, 15.1],
        ['Seine-Maritime', 30, 1840, 18.5],
      ],
      headerLine: 13,
      titles: [
        'Fréquentation des espaces publics numériques',
        'Région Normandie, 2023',
        'Enquête annuelle auprès des structures',
        'Unité : nombre de personnes, sauf mention contraire',
        'Champ : EPN ouverts au moins six mois dans l’année',
        'Réalisation : service des données, mars 2024',
        'Contact : donnees@example.fr',
        'Version 2, corrigée',
        'Diffusion : licence ouverte',
        'Mise à jour : 12/03/2024',
        'Précision : chiffres arrondis, total non additif',
        'Voir aussi : le tableau par commune',
      ],
      skipped: [
        [1, 'title', 'Fréquentation des espaces publics numériques'],
        [2, 'title', 'Région Normandie, 2023'],
        [3, 'title', 'Enquête annuelle auprès des structures'],
        [4, 'title', 'Unité : nombre de personnes, sauf mention contraire'],
        [5, 'title', 'Champ : EPN ouverts au moins six mois dans l’année'],
        [6, 'title', 'Réalisation : service des données, mars 2024'],
        [7, 'title', 'Contact : donnees@example.fr'],
        [8, 'title', 'Version 2, corrigée'],
        [9, 'title', 'Diffusion : licence ouverte'],
        [10, 'title', 'Mise à jour : 12/03/2024'],
        [11, 'title', 'Précision : chiffres arrondis, total non additif'],
        [12, 'title', 'Voir aussi : le tableau par commune'],
      ],
    },
  },
  {
    file: 'struct-two-row-header.csv',
    section: 'Structure',
    covers: 'a two-row header with merged cells (Hommes over 2022;2023)',
    table: {
      columns: ["Tranche d'âge", 'Hommes 2022', 'Hommes 2023', 'Femmes 2022', 'Femmes 2023'],
      types: ['string', 'number', 'number', 'number', 'number'],
      rows: [
        ['0-14', 1200, 1180, 1150, 1130],
        ['15-29', 980, 1010, 1002, 1020],
        ['30 +', 500, 510, 620, 640],
      ],
      headerRows: 2,
    },
    readCrossTab: {
      options: {group: 'Femmes'},
      expect: {
        rowLabels: ['0-14', '15-29', '30 +'],
        columnLabels: ['2022', '2023'],
        counts: [
          [1150, 1130],
          [1002, 1020],
          [620, 640],
        ],
        rowTotals: [2280, 2022, 1260],
        columnTotals: [2772, 2790],
        total: 5562,
      },
    },
  },
  {
    file: 'struct-insee-extract.csv',
    section: 'Structure',
    covers:
      "an extract of INSEE's population estimates: two-row header, merged cells, Total columns, 2A/2B codes, aggregate rows",
    table: {
      columns: [
        'Départements Code',
        'Départements Nom',
        'Ensemble 0-19',
        'Ensemble 20+',
        'Ensemble Total',
        'Hommes 0-19',
        'Hommes 20+',
        'Hommes Total',
        'Femmes 0-19',
        'Femmes 20+',
        'Femmes Total',
      ],
      types: [
        'string',
        'string',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
      ],
      rows: [
        ['01', 'Ain', 170727, 501210, 671937, 88293, 243285, 331578, 82434, 257925, 340359],
        ['2A', 'Corse-du-Sud', 33395, 130560, 163955, 17203, 62015, 79218, 16192, 68545, 84737],
        ['2B', 'Haute-Corse', 36177, 151123, 187300, 18773, 72558, 91331, 17404, 78565, 95969],
        [
          'France métropolitaine',
          null,
          15318609,
          50516228,
          65834837,
          7854105,
          24029717,
          31883822,
          7464504,
          26486511,
          33951015,
        ],
        ['974', 'La Réunion', 251904, 621198, 873102, 127719, 287082, 414801, 124185, 334116, 458301],
        ['DOM', null, 701179, 1506575, 2207754, 352721, 683834, 1036555, 348458, 822741, 1171199],
      ],
      headerRows: 2,
    },
    readCrossTab: {
      options: {group: 'Hommes'},
      expect: {
        rowLabels: ['Ain', 'Corse-du-Sud', 'Haute-Corse', 'La Réunion'],
        columnLabels: ['0-19', '20+'],
        counts: [
          [88293, 243285],
          [17203, 62015],
          [18773, 72558],
          [127719, 287082],
        ],
        rowTotals: [331578, 79218, 91331, 414801],
        columnTotals: [251988, 664940],
        total: 916928,
        subRows: [
          {label: 'France métropolitaine', kind: 'aggregate', counts: [7854105, 24029717]},
          {label: 'DOM', kind: 'aggregate', counts: [352721, 683834]},
        ],
      },
    },
  },
  {
    file: 'struct-notes-after.csv',
    section: 'Structure',
    covers: 'source and note lines after the table (Source :, Champ :, Lecture :, (1), *)',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
      ],
      notes: [
        'Source : enquête EPN 2023',
        'Champ : structures labellisées',
        'Lecture : 30 personnes inscrites à Caen.',
        '(1) chiffres provisoires',
        '* hors ateliers en ligne',
      ],
      skipped: [
        [4, 'blank', ''],
        [5, 'note', 'Source : enquête EPN 2023'],
        [6, 'note', 'Champ : structures labellisées'],
        [7, 'note', 'Lecture : 30 personnes inscrites à Caen.'],
        [8, 'note', '(1) chiffres provisoires'],
        [9, 'note', '* hors ateliers en ligne'],
      ],
    },
  },
  {
    file: 'struct-notes-comma.csv',
    section: 'Structure',
    covers: 'a "Source : Insee, RP…" note split by a "," delimiter: one note, not a row',
    table: {
      columns: ['commune', 'population'],
      types: ['string', 'number'],
      rows: [
        ['Caen', 108200],
        ['Vire', 17700],
      ],
      delimiter: ',',
      notes: ['Source : Insee, RP 2020, exploitation principale'],
      skipped: [[4, 'note', 'Source : Insee, RP 2020, exploitation principale']],
    },
  },
  {
    file: 'struct-notes-unprefixed.csv',
    section: 'Structure',
    covers: 'a free-text note after a blank line under the table',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
      ],
      notes: ['Données provisoires, susceptibles d’être révisées'],
      skipped: [
        [4, 'blank', ''],
        [5, 'note', 'Données provisoires, susceptibles d’être révisées'],
      ],
    },
  },
  {
    file: 'struct-last-row-label-only.csv',
    section: 'Structure',
    covers: 'a last data row whose figures are all empty (Bayeux;;)',
    // differs from RELIABILITY.md: "every input cell ends up as a value, a recorded marker, or a recorded issue" and
    // "partial data is never drawn as if complete" ask for a row ['Bayeux', null, null] with two `empty` markers; the
    // core reads a last record with a single filled cell as a note under the table, so Bayeux is only in meta.notes
    // and meta.skipped, and a chart leaves it out without saying so. Telling `Bayeux;;` from `Données provisoires;;`
    // needs a rule that is not small: reported to the lead instead of fixed here.
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
      ],
      notes: ['Bayeux'],
      skipped: [[4, 'note', 'Bayeux']],
    },
  },
  {
    file: 'struct-totals.csv',
    section: 'Structure',
    covers: 'a Total row and a Total column: the given totals, out of the categories',
    table: {
      columns: ['public', 'Ateliers', 'Accès libre', 'Total'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Jeunes', 120, 80, 200],
        ['Adultes', 300, 150, 450],
        ['Seniors', 90, 60, 150],
        ['Total', 510, 290, 800],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Jeunes', 'Adultes', 'Seniors'],
        columnLabels: ['Ateliers', 'Accès libre'],
        counts: [
          [120, 80],
          [300, 150],
          [90, 60],
        ],
        rowTotals: [200, 450, 150],
        columnTotals: [510, 290],
        total: 800,
      },
    },
  },
  {
    file: 'struct-ensemble-first.csv',
    section: 'Structure',
    covers: 'an Ensemble row and an Ensemble column placed first',
    table: {
      columns: ['Public', 'Ensemble', 'Hommes', 'Femmes'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Ensemble', 800, 380, 420],
        ['Jeunes', 200, 90, 110],
        ['Adultes', 450, 220, 230],
        ['Seniors', 150, 70, 80],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Jeunes', 'Adultes', 'Seniors'],
        columnLabels: ['Hommes', 'Femmes'],
        counts: [
          [90, 110],
          [220, 230],
          [70, 80],
        ],
        rowTotals: [200, 450, 150],
        columnTotals: [380, 420],
        total: 800,
      },
    },
  },
  {
    file: 'struct-dont-rows.csv',
    section: 'Structure',
    covers: '"dont …" sub-rows (any case) kept aside, never counted',
    table: {
      columns: ['public', '2022', '2023', 'Total'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Adultes', 300, 320, 620],
        ["dont demandeurs d'emploi", 80, 95, 175],
        ['Dont seniors', 40, 45, 85],
        ['Jeunes', 120, 130, 250],
        ['Total', 420, 450, 870],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Adultes', 'Jeunes'],
        columnLabels: ['2022', '2023'],
        counts: [
          [300, 320],
          [120, 130],
        ],
        rowTotals: [620, 250],
        columnTotals: [420, 450],
        total: 870,
        subRows: [
          {label: "dont demandeurs d'emploi", kind: 'dont', counts: [80, 95]},
          {label: 'Dont seniors', kind: 'dont', counts: [40, 45]},
        ],
      },
    },
  },
  {
    file: 'struct-total-mismatch.csv',
    section: 'Structure',
    covers: 'a Total row of distinct respondents (multi-response): kept, differences recorded',
    table: {
      columns: ['équipement', 'Jeunes', 'Adultes', 'Total'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Ordinateur', 80, 300, 380],
        ['Smartphone', 95, 280, 375],
        ['Total', 100, 320, 420],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Ordinateur', 'Smartphone'],
        columnLabels: ['Jeunes', 'Adultes'],
        counts: [
          [80, 300],
          [95, 280],
        ],
        rowTotals: [380, 375],
        columnTotals: [100, 320],
        total: 420,
        issues: [
          {code: 'TOTAL_MISMATCH', column: 0},
          {code: 'TOTAL_MISMATCH', column: 1},
        ],
      },
    },
  },
  {
    file: 'struct-aggregates.csv',
    section: 'Structure',
    covers: 'aggregate rows (France métropolitaine, DOM) kept aside, never counted',
    table: {
      columns: ['territoire', 'Hommes', 'Femmes'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Calvados', 1200, 1300],
        ['Manche', 900, 950],
        ['France métropolitaine', 2100, 2250],
        ['DOM', 150, 160],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Calvados', 'Manche'],
        columnLabels: ['Hommes', 'Femmes'],
        counts: [
          [1200, 1300],
          [900, 950],
        ],
        rowTotals: [2500, 1850],
        columnTotals: [2100, 2250],
        total: 4350,
        subRows: [
          {label: 'France métropolitaine', kind: 'aggregate', counts: [2100, 2250]},
          {label: 'DOM', kind: 'aggregate', counts: [150, 160]},
        ],
      },
    },
  },

  // ---------------------------------------------------------------------------------------------------------------
  // Delimiters
  {
    file: 'delim-semicolon.csv',
    section: 'Delimiters',
    covers: '";" with decimal commas',
    table: {
      decimal: ',',
      columns: ['commune', 'inscrits', 'part'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 12.5],
        ['Vire', 12, 7.5],
      ],
    },
  },
  {
    file: 'delim-comma.csv',
    section: 'Delimiters',
    covers: '","',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
        ['Bayeux', 8, 1],
      ],
      delimiter: ',',
    },
  },
  {
    file: 'delim-comma-quoted-decimals.csv',
    section: 'Delimiters',
    covers: '"," with quoted French decimals ("12,5")',
    table: {
      decimal: ',',
      columns: ['commune', 'part', 'taux'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 12.5, 3.25],
        ['Vire', 7.5, 1.5],
        ['Bayeux', 80, 0.75],
      ],
      delimiter: ',',
    },
  },
  {
    file: 'delim-tab.tsv',
    section: 'Delimiters',
    covers: 'tab, with spaced thousands and decimal commas',
    bytes: {length: 99, at: {7: 0x09}},
    table: {
      decimal: ',',
      columns: ['commune', 'population', 'part'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 108200, 12.5],
        ['Saint-Lô', 19000, 7.5],
        ['Hérouville-Saint-Clair', 22000, 3.25],
      ],
      delimiter: '\t',
    },
  },
  {
    file: 'delim-pipe.csv',
    section: 'Delimiters',
    covers: '"|"',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 30, 4],
        ['Vire', 12, 2],
      ],
      delimiter: '|',
    },
  },
  {
    file: 'delim-two-columns-decimal-comma.csv',
    section: 'Delimiters',
    covers: 'the two-column age;pct file papaparse reads as "," ("12" plus an extra "5")',
    table: {
      decimal: ',',
      columns: ['age', 'pct'],
      types: ['string', 'number'],
      rows: [
        ['0-14', 12.5],
        ['15-29', 17.5],
        ['30-59', 40.25],
        ['60 +', 29.75],
      ],
    },
  },
  {
    file: 'delim-one-column.csv',
    section: 'Delimiters',
    covers: 'a one-column file of text',
    table: {columns: ['commune'], types: ['string'], rows: [['Caen'], ['Vire'], ['Bayeux']]},
  },
  {
    file: 'delim-one-column-decimals.csv',
    section: 'Delimiters',
    covers: 'a one-column file of French decimals, not split on ","',
    table: {decimal: ',', columns: ['taux'], types: ['number'], rows: [[12.5], [7.25], [80]]},
  },
  {
    file: 'delim-many-decimal-commas.csv',
    section: 'Delimiters',
    covers: 'more commas than semicolons on every line (French decimals, commas in labels)',
    table: {
      decimal: ',',
      columns: ['public', 'part H', 'part F', 'part ensemble'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Jeunes, 11 à 17 ans', 12.5, 11.9, 12.2],
        ['Adultes, 18 à 64 ans', 57.5, 56.1, 56.8],
        ['Seniors, 65 ans ou plus', 30, 32, 31],
      ],
    },
  },
  {
    file: 'delim-forced-option.csv',
    section: 'Delimiters',
    covers:
      'an explicit delimiter wins: a one-column file of addresses holding ", " (sniffed, it reads as two "," columns)',
    options: {delimiter: ';'},
    table: {
      columns: ['adresse'],
      types: ['string'],
      rows: [['12, rue de Caen'], ['3, place du Marché'], ['1, boulevard de la Mer']],
    },
  },

  // ---------------------------------------------------------------------------------------------------------------
  // Numbers
  {
    file: 'num-decimal-comma.csv',
    section: 'Numbers',
    covers: 'decimal commas (12,5; 0,5; 10,125; 2,0)',
    table: {
      decimal: ',',
      columns: ['commune', 'taux', 'moyenne'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 12.5, 3.75],
        ['Vire', 0.5, 10.125],
        ['Bayeux', 100, 2],
      ],
    },
  },
  {
    file: 'num-thousands-spaces.csv',
    section: 'Numbers',
    covers: 'thousands grouped by a space, U+00A0, U+202F, U+2009',
    bytes: {length: 81, at: {30: 0xc2, 31: 0xa0, 39: 0xe2, 40: 0x80, 41: 0xaf}},
    table: {
      decimal: ',',
      columns: ['commune', 'population'],
      types: ['string', 'number'],
      rows: [
        ['A', 1234],
        ['B', 1234],
        ['C', 1234],
        ['D', 1234],
        ['E', 12345678],
        ['F', 1234.5],
      ],
    },
  },
  {
    file: 'num-thousands-dot.csv',
    section: 'Numbers',
    covers: 'dotted thousands with a decimal comma (1.234,5; 12.345.678)',
    table: {
      decimal: ',',
      columns: ['poste', 'montant'],
      types: ['string', 'number'],
      rows: [
        ['Matériel', 1234.5],
        ['Personnel', 12345678],
        ['Loyer', 980.25],
      ],
    },
  },
  {
    file: 'num-minus.csv',
    section: 'Numbers',
    covers: 'U+2212 minus, hyphen minus, a plus sign, and -0 read as 0',
    bytes: {length: 87, at: {31: 0xe2, 32: 0x88, 33: 0x92}},
    table: {
      decimal: ',',
      columns: ['indicateur', 'évolution'],
      types: ['string', 'number'],
      rows: [
        ['Inscrits', -12.5],
        ['Séances', -3],
        ['Prêts', -4],
        ['Ateliers', 7],
        ['Visites', 0],
      ],
    },
  },
  {
    file: 'num-percent.csv',
    section: 'Numbers',
    covers: '12,5 % with a space, U+00A0, U+202F or nothing before %',
    bytes: {length: 68, at: {37: 0xc2, 38: 0xa0}},
    table: {
      decimal: ',',
      columns: ['public', 'part'],
      types: ['string', 'number'],
      rows: [
        ['Jeunes', 12.5],
        ['Adultes', 7.5],
        ['Seniors', 80],
        ['Autres', 0.5],
      ],
      percentColumns: [1],
    },
  },
  {
    file: 'num-euro.csv',
    section: 'Numbers',
    covers: 'amounts with €',
    table: {
      decimal: ',',
      columns: ['poste', 'montant'],
      types: ['string', 'number'],
      rows: [
        ['Matériel', 1234.5],
        ['Formation', 980],
        ['Loyer', 12000],
      ],
    },
  },
  {
    file: 'num-dot-decimal.csv',
    section: 'Numbers',
    covers: 'an English export: "," delimiter and dot decimals (95.57)',
    table: {
      columns: ['commune', 'rate', 'count'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', 95.57, 1200],
        ['Vire', 12.5, 300],
        ['Bayeux', 0.75, 45],
      ],
      delimiter: ',',
      decimal: '.',
    },
  },
  {
    file: 'num-codes.csv',
    section: 'Numbers',
    covers: 'commune codes 01001, 2A004, 97411 stay strings (leading zero, letter)',
    table: {
      columns: ['codgeo', 'libellé', 'inscrits'],
      types: ['string', 'string', 'number'],
      rows: [
        ['01001', "L'Abergement-Clémenciat", 3],
        ['2A004', 'Ajaccio', 12],
        ['97411', 'Saint-Denis', 25],
        ['14118', 'Caen', 30],
      ],
    },
  },
  {
    file: 'num-dep-codes.csv',
    section: 'Numbers',
    covers: 'département codes 01, 2A, 2B, 14, 974 stay strings',
    table: {
      columns: ['département', 'nom', 'structures'],
      types: ['string', 'string', 'number'],
      rows: [
        ['01', 'Ain', 4],
        ['2A', 'Corse-du-Sud', 2],
        ['2B', 'Haute-Corse', 3],
        ['14', 'Calvados', 42],
        ['974', 'La Réunion', 11],
      ],
    },
  },
  {
    file: 'num-codes-by-header.csv',
    section: 'Numbers',
    covers: 'codes without a leading zero (14118, 974) stay strings under code_commune_insee and dep',
    table: {
      columns: ['code_commune_insee', 'dep', 'inscrits'],
      types: ['string', 'string', 'number'],
      rows: [
        ['14118', '14', 30],
        ['50129', '50', 12],
        ['97411', '974', 25],
      ],
    },
  },
  {
    file: 'num-refused.csv',
    section: 'Numbers',
    covers: '1e5, 0x10, Infinity, NaN, -Infinity in a count column: issues, never numbers',
    table: {
      columns: COMMUNES,
      types: ['string', 'number'],
      rows: [
        ['Caen', 30],
        ['Vire', null],
        ['Bayeux', null],
        ['Lisieux', null],
        ['Falaise', null],
        ['Honfleur', 12],
        ['Deauville', 8],
        ["Pont-l'Évêque", 5],
        ['Cabourg', 7],
        ['Ouistreham', 9],
        ['Courseulles', 11],
        ['Thury-Harcourt', null],
      ],
      issues: [
        {code: 'INVALID_NUMBER', row: 1, column: 1, line: 3, raw: '1e5'},
        {code: 'INVALID_NUMBER', row: 2, column: 1, line: 4, raw: '0x10'},
        {code: 'INVALID_NUMBER', row: 3, column: 1, line: 5, raw: 'Infinity'},
        {code: 'INVALID_NUMBER', row: 4, column: 1, line: 6, raw: 'NaN'},
        {code: 'INVALID_NUMBER', row: 11, column: 1, line: 13, raw: '-Infinity'},
      ],
    },
  },
  {
    file: 'num-empty-cells.csv',
    section: 'Numbers',
    covers: 'empty cells are null, never 0: recorded in numeric columns',
    table: {
      columns: ['commune', 'inscrits', 'ateliers', 'remarque'],
      types: ['string', 'number', 'number', 'string'],
      rows: [
        ['Caen', 30, null, 'ouvert'],
        ['Vire', null, 2, null],
        ['Bayeux', 8, 1, 'fermé'],
      ],
      markers: [
        [0, 2, 'empty', ''],
        [1, 1, 'empty', ''],
      ],
    },
  },
  {
    file: 'num-stray-word.csv',
    section: 'Numbers',
    covers: 'a word among numbers: an issue, not a silent 0',
    table: {
      columns: COMMUNES,
      types: ['string', 'number'],
      rows: [
        ['A', 1],
        ['B', 2],
        ['C', 3],
        ['D', 4],
        ['E', 5],
        ['F', 6],
        ['G', 7],
        ['H', 8],
        ['I', 9],
        ['J', 10],
        ['K', null],
      ],
      issues: [{code: 'INVALID_NUMBER', row: 10, column: 1, line: 12, raw: 'beaucoup'}],
    },
  },

  // ---------------------------------------------------------------------------------------------------------------
  // Markers
  {
    file: 'marker-secret.csv',
    section: 'Markers',
    covers: 'secret statistique: s, S, secret, c, x, secret statistique, conf.',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', null, 4],
        ['Vire', null, 2],
        ['Bayeux', null, 1],
        ['Lisieux', null, 3],
        ['Falaise', null, 5],
        ['Honfleur', null, 6],
        ['Deauville', 12, null],
      ],
      markers: [
        [0, 1, 'secret', 's'],
        [1, 1, 'secret', 'S'],
        [2, 1, 'secret', 'secret'],
        [3, 1, 'secret', 'c'],
        [4, 1, 'secret', 'x'],
        [5, 1, 'secret', 'secret statistique'],
        [6, 2, 'secret', 'conf.'],
      ],
    },
  },
  {
    file: 'marker-unavailable.csv',
    section: 'Markers',
    covers: 'unavailable: nd, n.d., ND, NC, -, …, ..., n/a, Non communiqué',
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', null, 4],
        ['Vire', null, 2],
        ['Bayeux', null, 1],
        ['Lisieux', null, 3],
        ['Falaise', null, 5],
        ['Honfleur', null, 6],
        ['Deauville', null, 7],
        ['Cabourg', null, 8],
        ['Ouistreham', 12, null],
      ],
      markers: [
        [0, 1, 'unavailable', 'nd'],
        [1, 1, 'unavailable', 'n.d.'],
        [2, 1, 'unavailable', 'ND'],
        [3, 1, 'unavailable', 'NC'],
        [4, 1, 'unavailable', '-'],
        [5, 1, 'unavailable', '…'],
        [6, 1, 'unavailable', '...'],
        [7, 1, 'unavailable', 'n/a'],
        [8, 2, 'unavailable', 'Non communiqué'],
      ],
    },
  },
  {
    file: 'marker-text-column.csv',
    section: 'Markers',
    covers: 'marker-like words in a text column (statut) stay text',
    table: {
      columns: ['commune', 'statut', 'inscrits'],
      types: ['string', 'string', 'number'],
      rows: [
        ['Caen', 's', 30],
        ['Vire', 'NC', 12],
        ['Bayeux', '-', 8],
      ],
    },
  },
  {
    file: 'marker-custom.csv',
    section: 'Markers',
    covers: 'configurable markers: "sc" added as secret, "-" turned off (then an invalid number)',
    options: {markers: {sc: 'secret', '-': null}},
    table: {
      columns: ['commune', 'inscrits', 'ateliers'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Caen', null, 4],
        ['Vire', 12, null],
        ['Bayeux', 8, 2],
        ['Lisieux', 6, 3],
        ['Falaise', 5, 4],
        ['Honfleur', 4, 5],
        ['Deauville', 3, 6],
        ['Cabourg', 2, 7],
        ['Ouistreham', 1, 8],
        ['Courseulles', 9, 9],
        ['Douvres', 7, 1],
      ],
      markers: [[0, 1, 'secret', 'sc']],
      issues: [{code: 'INVALID_NUMBER', row: 1, column: 2, line: 3, raw: '-'}],
    },
  },
  {
    file: 'marker-secret-year-column.csv',
    section: 'Markers',
    covers: 'a year wholly secret (s in every row): null figures with their markers, never left out',
    table: {
      columns: ['commune', '2021', '2022', '2023'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Caen', null, 28, 30],
        ['Vire', null, 11, 12],
        ['Bayeux', null, null, 8],
      ],
      markers: [
        [0, 1, 'secret', 's'],
        [1, 1, 'secret', 's'],
        [2, 1, 'secret', 's'],
        [2, 2, 'unavailable', 'nd'],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Caen', 'Vire', 'Bayeux'],
        columnLabels: ['2021', '2022', '2023'],
        counts: [
          [null, 28, 30],
          [null, 11, 12],
          [null, null, 8],
        ],
        rowTotals: [null, null, null],
        columnTotals: [null, null, 50],
        total: null,
      },
    },
  },
  {
    file: 'marker-secret-totals.csv',
    section: 'Markers',
    covers: 'a secret cell makes its totals null, never a partial sum',
    table: {
      columns: ['public', 'Hommes', 'Femmes'],
      types: ['string', 'number', 'number'],
      rows: [
        ['Jeunes', null, 110],
        ['Adultes', 220, 230],
        ['Seniors', 70, 80],
      ],
      markers: [[0, 1, 'secret', 's']],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Jeunes', 'Adultes', 'Seniors'],
        columnLabels: ['Hommes', 'Femmes'],
        counts: [
          [null, 110],
          [220, 230],
          [70, 80],
        ],
        rowTotals: [null, 450, 150],
        columnTotals: [null, 420],
        total: null,
      },
    },
  },

  // ---------------------------------------------------------------------------------------------------------------
  // Semantics
  {
    file: 'sem-age-labels-long.csv',
    section: 'Semantics',
    covers: 'age labels in several forms (00-04, 5 à 14 ans, 95 ans ou plus), shuffled: ordered by lower bound',
    table: {columns: ['sexe', 'âge', 'effectif'], types: ['string', 'string', 'number'], rowCount: 10},
    crossTab: {
      options: {rows: 'sexe', columns: 'âge', value: 'effectif'},
      expect: {
        rowLabels: ['Hommes', 'Femmes'],
        columnLabels: ['00-04', '5 à 14 ans', '15-64', '65-94', '95 ans ou plus'],
        counts: [
          [20, 40, 50, 30, 1],
          [21, 41, 51, 31, 2],
        ],
        rowTotals: [141, 146],
        columnTotals: [41, 81, 101, 61, 3],
        total: 287,
      },
    },
  },
  {
    file: 'sem-age-labels-wide.csv',
    section: 'Semantics',
    covers:
      'age-band columns (65 +, Moins de 15 ans, 15 à 64 ans) out of order in a wide table: ordered by lower bound',
    table: {
      columns: ['sexe', '65 +', 'Moins de 15 ans', '15 à 64 ans'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Hommes', 300, 150, 900],
        ['Femmes', 420, 140, 910],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Hommes', 'Femmes'],
        columnLabels: ['Moins de 15 ans', '15 à 64 ans', '65 +'],
        counts: [
          [150, 900, 300],
          [140, 910, 420],
        ],
        rowTotals: [1350, 1470],
        columnTotals: [290, 1810, 720],
        total: 2820,
      },
    },
  },
  {
    file: 'sem-age-overlap-gap.csv',
    section: 'Semantics',
    covers: 'overlapping (0-14 / 10-29) and gapped (10-29 / 40-59) bands recorded',
    table: {columns: ['sexe', 'tranche', 'effectif'], types: ['string', 'string', 'number'], rowCount: 8},
    crossTab: {
      options: {rows: 'sexe', columns: 'tranche', value: 'effectif'},
      expect: {
        rowLabels: ['Hommes', 'Femmes'],
        columnLabels: ['0-14', '10-29', '40-59', '60 ans et plus'],
        counts: [
          [10, 20, 30, 40],
          [11, 21, 31, 41],
        ],
        rowTotals: [100, 104],
        columnTotals: [21, 41, 61, 81],
        total: 204,
        issues: [
          {code: 'BAND_OVERLAP', raw: '0-14 / 10-29'},
          {code: 'BAND_GAP', raw: '10-29 / 40-59'},
        ],
      },
    },
  },
  {
    file: 'sem-age-overlap-gap-wide.csv',
    section: 'Semantics',
    covers: 'age-band rows out of order, overlapping and gapped, in a wide table: ordered and recorded',
    table: {
      columns: ['tranche', 'Hommes', 'Femmes'],
      types: ['string', 'number', 'number'],
      rows: [
        ['40-59', 30, 31],
        ['0-14', 10, 11],
        ['60 ans et plus', 40, 41],
        ['10-29', 20, 21],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['0-14', '10-29', '40-59', '60 ans et plus'],
        columnLabels: ['Hommes', 'Femmes'],
        counts: [
          [10, 11],
          [20, 21],
          [30, 31],
          [40, 41],
        ],
        rowTotals: [21, 41, 61, 81],
        columnTotals: [100, 104],
        total: 204,
        issues: [
          {code: 'BAND_OVERLAP', raw: '0-14 / 10-29'},
          {code: 'BAND_GAP', raw: '10-29 / 40-59'},
        ],
      },
    },
  },
  {
    file: 'sem-age-individual.csv',
    section: 'Semantics',
    covers:
      'one row per person, ages in years binned (17.9 is 17); a negative age, an empty age and an empty sex left out and recorded',
    table: {
      decimal: ',',
      columns: ['id', 'sexe', 'age'],
      types: ['string', 'string', 'number'],
      rows: [
        ['1', 'F', 8],
        ['2', 'H', 17],
        ['3', 'F', 17.9],
        ['4', 'H', 18],
        ['5', 'F', 64],
        ['6', 'H', 65],
        ['7', 'F', 101],
        ['8', 'H', -1],
        ['9', 'F', null],
        ['10', null, 40],
      ],
      markers: [[8, 2, 'empty', '']],
    },
    crossTab: {
      options: {rows: 'sexe', columns: 'age', bands: [0, 18, 65]},
      expect: {
        rowLabels: ['Hommes', 'Femmes'],
        columnLabels: ['0-17', '18-64', '65 +'],
        counts: [
          [1, 1, 1],
          [2, 1, 1],
        ],
        rowTotals: [3, 4],
        columnTotals: [3, 2, 2],
        total: 7,
        excluded: 3,
        issues: [
          {code: 'MISSING_KEY', line: 10},
          {code: 'UNBINNED', line: 9},
        ],
      },
    },
  },
  sexCase('sem-sex-h-f.csv', 'sexe', 'H/F'),
  sexCase('sem-sex-hommes-femmes.csv', 'genre', 'Hommes/Femmes'),
  sexCase('sem-sex-homme-femme.csv', 'sexe', 'Homme/Femme'),
  sexCase('sem-sex-m-f.csv', 'sex', 'M/F'),
  sexCase('sem-sex-masculin-feminin.csv', 'sexe', 'Masculin/Féminin (any case)'),
  sexCase('sem-sex-1-2.csv', 'sexe', '1/2 (INSEE, in a column named sexe)', 'number'),
  {
    file: 'sem-sex-non-communique.csv',
    section: 'Semantics',
    covers: '"Non communiqué" in a sex column: a row of its own after Hommes and Femmes, never dropped',
    table: {columns: ['sexe', 'tranche', 'effectif'], types: ['string', 'string', 'number'], rowCount: 6},
    crossTab: {
      options: {rows: 'sexe', columns: 'tranche', value: 'effectif'},
      expect: {
        rowLabels: ['Hommes', 'Femmes', 'Non communiqué'],
        columnLabels: ['0-17', '18 +'],
        counts: [
          [10, 25],
          [12, 30],
          [3, 4],
        ],
        rowTotals: [35, 42, 7],
        columnTotals: [25, 59],
        total: 84,
      },
    },
  },
  {
    file: 'sem-sex-individual.csv',
    section: 'Semantics',
    covers: "one row per person, H/F/M and Non communiqué, binned into the seed's bands",
    table: {
      columns: ['sexe', 'age'],
      types: ['string', 'number'],
      rows: [
        ['H', 10],
        ['F', 12],
        ['F', 70],
        ['M', 40],
        ['Non communiqué', 30],
      ],
    },
    crossTab: {
      options: {rows: 'sexe', columns: 'age', bands: 'seed'},
      expect: {
        rowLabels: ['Hommes', 'Femmes', 'Non communiqué'],
        columnLabels: ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'],
        counts: [
          [1, 0, 0, 0, 1, 0, 0, 0],
          [0, 1, 0, 0, 0, 0, 0, 1],
          [0, 0, 0, 1, 0, 0, 0, 0],
        ],
        rowTotals: [2, 2, 1],
        columnTotals: [1, 1, 0, 1, 1, 0, 0, 1],
        total: 5,
      },
    },
  },
  {
    file: 'sem-all-zero.csv',
    section: 'Semantics',
    covers: 'all-zero data: zero denominators give null shares, never NaN or Infinity',
    table: {
      columns: ['sexe', '0-17', '18-64', '65 +'],
      types: ['string', 'number', 'number', 'number'],
      rows: [
        ['Hommes', 0, 0, 0],
        ['Femmes', 0, 0, 0],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Hommes', 'Femmes'],
        columnLabels: ['0-17', '18-64', '65 +'],
        counts: [
          [0, 0, 0],
          [0, 0, 0],
        ],
        rowTotals: [0, 0],
        columnTotals: [0, 0, 0],
        total: 0,
        shares: {
          basis: 'total',
          values: [
            [null, null, null],
            [null, null, null],
          ],
        },
      },
    },
  },
  {
    file: 'sem-single-row.csv',
    section: 'Semantics',
    covers: 'single-row data still reads, with its shares',
    table: {
      columns: ['sexe', '0-17', '18-64', '65 +'],
      types: ['string', 'number', 'number', 'number'],
      rows: [['Femmes', 12, 30, 8]],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['Femmes'],
        columnLabels: ['0-17', '18-64', '65 +'],
        counts: [[12, 30, 8]],
        rowTotals: [50],
        columnTotals: [12, 30, 8],
        total: 50,
        shares: {basis: 'total', values: [[0.24, 0.6, 0.16]]},
      },
    },
  },
  {
    file: 'sem-long-rtl-emoji-labels.csv',
    section: 'Semantics',
    covers: 'a 500-character label, an RTL label and an emoji ZWJ sequence stay whole in the table',
    bytes: {length: 589, at: {0: 0x6c}},
    table: {
      columns: ['libellé', 'effectif'],
      types: ['string', 'number'],
      rows: [
        [`${'Atelier '.repeat(62)}fini`, 3],
        ['مساحة رقمية عامة', 4],
        ['Numérique 👩\u200d💻 pour tous', 5],
      ],
    },
  },

  // ---------------------------------------------------------------------------------------------------------------
  // Whole file
  {file: 'whole-header-only.csv', section: 'Whole file', covers: 'a header and no rows', error: {code: 'NO_DATA'}},
  {
    file: 'whole-header-blank-lines.csv',
    section: 'Whole file',
    covers: 'a header, then blank and delimiter-only lines',
    error: {code: 'NO_DATA'},
  },
  {
    file: 'whole-title-header-only.csv',
    section: 'Whole file',
    covers: 'a title line and a header, no rows',
    error: {code: 'NO_DATA'},
  },
  {
    file: 'whole-single-value.csv',
    section: 'Whole file',
    covers: 'one column, one value',
    table: {columns: ['inscrits'], types: ['number'], rows: [[42]]},
  },
  {
    file: 'whole-huge-line.csv',
    section: 'Whole file',
    covers: 'a 230 KB line (one huge cell)',
    bytes: {length: 232051, at: {0: 0x63}},
    table: {
      columns: ['commune', 'inscrits', 'commentaire'],
      types: ['string', 'number', 'string'],
      rows: [
        ['Caen', 30, LOREM.repeat(2000).trim()],
        ['Vire', 12, 'court'],
      ],
    },
  },
  {
    file: 'whole-many-rows.csv',
    section: 'Whole file',
    covers: "5 000 rows (beyond the sniffer's sample), codes kept as text",
    bytes: {length: 113373, at: {0: 0x63}},
    table: {
      columns: ['code_commune', 'commune', 'inscrits'],
      types: ['string', 'string', 'number'],
      rowCount: 5000,
      firstRows: [
        ['14001', 'Commune 1', 0],
        ['14002', 'Commune 2', 37],
      ],
      cells: [
        [4999, 0, '19000'],
        [4999, 1, 'Commune 5000'],
        [4999, 2, 963],
      ],
    },
  },

  // ---------------------------------------------------------------------------------------------------------------
  // Attacks (through the data: read as text, never as markup or code)
  {
    file: 'attack-markup-labels.csv',
    section: 'Attacks',
    covers: '<img onerror>, <script>, "><svg onload>, </text><foreignObject>, javascript: as labels and a header',
    table: {
      columns: ['libellé', '<b>effectif</b>'],
      types: ['string', 'number'],
      rows: [
        ['<img src=x onerror=alert(1)>', 1],
        ['<script>alert("x")</script>', 2],
        ['"><svg onload=alert(1)>', 3],
        ['</text><foreignObject><div>x</div></foreignObject>', 4],
        ['javascript:alert(1)', 5],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: [
          '<img src=x onerror=alert(1)>',
          '<script>alert("x")</script>',
          '"><svg onload=alert(1)>',
          '</text><foreignObject><div>x</div></foreignObject>',
          'javascript:alert(1)',
        ],
        columnLabels: ['<b>effectif</b>'],
        counts: [[1], [2], [3], [4], [5]],
        rowTotals: [1, 2, 3, 4, 5],
        columnTotals: [15],
        total: 15,
      },
    },
  },
  {
    file: 'attack-template-labels.csv',
    section: 'Attacks',
    covers: '${…}, {{…}}, __proto__ and constructor labels stay text',
    table: {
      columns: ['catégorie', 'effectif'],
      types: ['string', 'number'],
      rows: [
        ['${alert(1)}', 1],
        ['{{constructor.constructor("alert(1)")()}}', 2],
        ['__proto__', 3],
        ['constructor', 4],
      ],
    },
    readCrossTab: {
      expect: {
        rowLabels: ['${alert(1)}', '{{constructor.constructor("alert(1)")()}}', '__proto__', 'constructor'],
        columnLabels: ['effectif'],
        counts: [[1], [2], [3], [4]],
        rowTotals: [1, 2, 3, 4],
        columnTotals: [10],
        total: 10,
      },
    },
  },
  {
    file: 'attack-formula-cells.csv',
    section: 'Attacks',
    covers: 'formula-like cells (= + - @, a leading tab) read as text as written (exports escape them)',
    bytes: {length: 125, at: {116: 0x09}},
    table: {
      columns: ['libellé', 'effectif', 'commentaire'],
      types: ['string', 'number', 'string'],
      rows: [
        ['=HYPERLINK("http://example.com","clic")', 1, '=1+2'],
        ['@SUM(A1:A2)', 2, '+33 1 23 45 67 89'],
        ['-2+3', 3, 'tabulé'],
      ],
    },
  },
];
