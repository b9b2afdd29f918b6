import Papa from 'papaparse';
import {EpnDataError} from '../errors.js';
import type {Issue, Marker, SkippedLine, Table, Value} from '../table.js';
import {cleanLabel, looseKey} from '../text.js';
import {decodeBytes, normaliseEncoding, type Encoding} from './decode.js';
import {markerTable, type MarkerKind} from './markers.js';
import {guessDecimal, numberShape, type DecimalSeparator} from './number.js';
import {normaliseLines, sniffDelimiter} from './scan.js';

/** Options of {@link parseCsv}. Every one is optional: the reader detects what it is not told. */
export interface ParseOptions {
  /** Force the delimiter (`;`, `,`, `\t`, `|` or any single character). */
  delimiter?: string;
  /** Force the encoding (`utf-8`, `windows-1252`, `latin1`, `utf-16le`…). */
  encoding?: Encoding | string;
  /** Force the number of header rows (0: no header, columns are named `Colonne 1`…; 1; 2: merged two-row header). */
  headerRows?: number;
  /** Force the decimal separator. */
  decimal?: DecimalSeparator;
  /** Extra markers (`{'sc': 'secret'}`), or `null` to read a default marker as text (`{'-': null}`). */
  markers?: Record<string, MarkerKind | null>;
}

const IDENTIFIER_HEADER = /(^|\s)(code|cog|insee|siren|siret|id|identifiant|cp|n°|numero|depcom|codgeo|dep|reg|com)(\s|$)/;

/**
 * Parses a CSV file as French open-data portals serve it, synchronously.
 *
 * - Bytes are decoded with encoding detection (BOM, strict UTF-8, else windows-1252); a string is used as is.
 * - The delimiter is sniffed (see {@link sniffDelimiter}); line ends are normalised outside quotes.
 * - Title lines before the header and note/source lines after the table are set aside in `meta.titles` and
 *   `meta.notes`. A two-row header with merged cells is combined into one name per column: the upper cell is
 *   carried right over the empty (merged) cells, then joined to the lower one with a space (`Hommes` over `0-19`
 *   gives `Hommes 0-19`); when one of the two is empty, the other alone is the name.
 * - Header names are cleaned (trimmed, spaces collapsed, NFC); an empty name becomes `Colonne N`, a repeated one gets
 *   ` (2)`, both recorded as issues.
 * - A column is numeric when its non-empty cells read as numbers (French or English notation, see
 *   {@link parseNumber}), allowing a few refused cells (`1e5`, `NaN`, stray text) which become `null` with an
 *   `INVALID_NUMBER` issue. Identifier-like columns (`01001`, `2A004`, or a header such as `Code`) stay strings.
 * - In numeric columns, empty cells and markers (`s`, `nd`, `NC`, `-`…) are `null` and recorded in `meta.markers`.
 *   Text cells are cleaned like labels; empty text cells are `null`.
 * - Short rows are padded with `null` (`SHORT_ROW`); cells beyond the header are recorded (`LONG_ROW`), never dropped
 *   silently; blank lines are recorded in `meta.skipped`.
 *
 * Throws {@link EpnDataError}: `NOT_TEXT`, `NOT_CSV`, `EMPTY`, `NO_DATA`, `UNTERMINATED_QUOTE`, `BAD_OPTION`.
 *
 * @example
 * ```ts
 * const t = parseCsv('sexe;-11;11-17\nHommes;793;1 762\nFemmes;561;1 327');
 * t.columns;   // ['sexe', '-11', '11-17']
 * t.rows[0];   // ['Hommes', 793, 1762]
 * ```
 */
export function parseCsv(input: string | Uint8Array | ArrayBuffer, options: ParseOptions = {}): Table {
  let text: string;
  let encoding: Encoding | null = null;
  let bom = false;
  if (typeof input === 'string') {
    bom = input.charCodeAt(0) === 0xfeff;
    text = bom ? input.slice(1) : input;
  } else {
    const decoded = decodeBytes(input, options.encoding);
    ({text, encoding, bom} = decoded);
  }
  if (typeof input === 'string' && options.encoding) normaliseEncoding(options.encoding);
  if (!/\S/.test(text)) throw new EpnDataError('EMPTY');
  checkNotOtherFormat(text);
  if (options.delimiter !== undefined && (options.delimiter.length !== 1 || /["\r\n]/.test(options.delimiter))) {
    throw new EpnDataError('BAD_OPTION', {detail: `séparateur « ${options.delimiter} » (un seul caractère : ; , | ou tabulation)`});
  }
  if (options.headerRows !== undefined && ![0, 1, 2].includes(options.headerRows)) {
    throw new EpnDataError('BAD_OPTION', {detail: `nombre de lignes d'en-tête ${options.headerRows} (0, 1 ou 2)`});
  }
  if (options.decimal !== undefined && options.decimal !== ',' && options.decimal !== '.') {
    throw new EpnDataError('BAD_OPTION', {detail: `séparateur décimal « ${String(options.decimal)} » (« , » ou « . »)`});
  }
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const scanned = normaliseLines(text, delimiter);
  if (scanned.unterminatedAt !== undefined) throw new EpnDataError('UNTERMINATED_QUOTE', {line: scanned.unterminatedAt});

  const parsed = Papa.parse<string[]>(scanned.text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const records = parsed.data;
  const lineOf = (i: number) => scanned.recordLines[i] ?? i + 1;
  const issues: Issue[] = [];
  for (const e of parsed.errors) {
    if (e.code === 'MissingQuotes') throw new EpnDataError('UNTERMINATED_QUOTE', {line: lineOf(e.row ?? 0)});
    if (e.type === 'Quotes') {
      issues.push({code: 'MALFORMED_QUOTE', line: lineOf(e.row ?? 0), message: `Guillemet mal placé ligne ${lineOf(e.row ?? 0)} : vérifiez cette ligne.`});
    }
  }

  const skipped: SkippedLine[] = [];
  const nonEmpty = (r: string[]) => {
    let k = 0;
    for (const c of r) if (c.trim() !== '') k++;
    return k;
  };
  const effWidth = (r: string[]) => {
    let w = r.length;
    while (w > 0 && r[w - 1]!.trim() === '') w--;
    return w;
  };
  const joined = (r: string[]) => r.map((c) => c.trim()).filter(Boolean).join(' ');

  // Last record of a file ending with a line break is an empty artefact.
  let end = records.length;
  while (end > 0 && nonEmpty(records[end - 1]!) === 0) {
    if (end - 1 < records.length - 1 || records[end - 1]!.join('') !== '') {
      skipped.push({line: lineOf(end - 1), reason: 'blank', text: ''});
    }
    end--;
  }
  // Header: the first record with two or more filled cells (or the first non-blank one in a one-column file).
  const wide = records.slice(0, end).some((r) => nonEmpty(r) >= 2);
  let h = 0;
  while (h < end && (nonEmpty(records[h]!) === 0 || (wide && nonEmpty(records[h]!) < 2))) {
    if (nonEmpty(records[h]!) === 0) skipped.push({line: lineOf(h), reason: 'blank', text: ''});
    else skipped.push({line: lineOf(h), reason: 'title', text: joined(records[h]!)});
    h++;
  }
  const titles = skipped.filter((s) => s.reason === 'title').map((s) => s.text);

  // Notes after the table: trailing records with a single filled cell, in a table of two columns or more.
  let last = end;
  const notes: string[] = [];
  if (wide) {
    while (last > h + 1) {
      const r = records[last - 1]!;
      const k = nonEmpty(r);
      if (k === 0) {
        last--;
        continue;
      }
      if (k !== 1) break;
      const cell = r.find((c) => c.trim() !== '')!.trim();
      if (numberShape(cell).kind === 'number' && !/^(source|note|champ|lecture)/i.test(cell)) break;
      notes.unshift(cell);
      last--;
    }
  }
  // Header rows: forced, or 2 when a row with merged (empty) cells sits over a row of names over data.
  let headerRows = options.headerRows ?? 1;
  if (options.headerRows === undefined && h + 2 < last) {
    const top = records[h]!;
    const next = records[h + 1]!;
    const after = records[h + 2]!;
    const numeric = (r: string[]) => r.filter((c) => numberShape(c).kind === 'number').length;
    const holes = top.slice(0, effWidth(top)).some((c, i) => i > 0 && c.trim() === '') || effWidth(top) < effWidth(next);
    if (holes && nonEmpty(next) > nonEmpty(top) && numeric(next) * 2 < numeric(after) && numeric(next) <= 1) headerRows = 2;
  }
  if (h + headerRows > last) headerRows = Math.max(0, last - h);
  const headerRecords = records.slice(h, h + headerRows);
  const first = h + headerRows;

  // Width: the header's, widened by the usual width of data rows.
  const widths = new Map<number, number>();
  for (let i = first; i < last; i++) {
    const w = effWidth(records[i]!);
    if (w) widths.set(w, (widths.get(w) ?? 0) + 1);
  }
  let modal = 0;
  let modalCount = 0;
  for (const [w, c] of widths) if (c > modalCount || (c === modalCount && w > modal)) [modal, modalCount] = [w, c];
  const width = Math.max(1, modal, ...headerRecords.map(effWidth));

  const header = headerRecords.map((r) => Array.from({length: width}, (_, j) => cleanLabel(r[j] ?? '')));
  const columns = combineHeader(header, width, issues);

  // Data rows, raw.
  const raw: string[][] = [];
  const rowLines: number[] = [];
  for (let i = first; i < last; i++) {
    const r = records[i]!;
    const line = lineOf(i);
    if (nonEmpty(r) === 0) {
      skipped.push({line, reason: 'blank', text: ''});
      continue;
    }
    const row = raw.length;
    if (r.length < width) {
      issues.push({code: 'SHORT_ROW', row, line, message: `Ligne ${line} : ${r.length} cellule(s) au lieu de ${width} ; les cellules manquantes sont vides.`});
    } else if (effWidth(r) > width) {
      const extra = r.slice(width).map((c) => c.trim()).filter(Boolean);
      issues.push({code: 'LONG_ROW', row, line, raw: extra.join(delimiter), message: `Ligne ${line} : ${effWidth(r)} cellules au lieu de ${width} ; les cellules en trop (${extra.join(' | ')}) ne sont pas lues.`});
    }
    raw.push(r.length === width ? r : Array.from({length: width}, (_, j) => r[j] ?? ''));
    rowLines.push(line);
  }
  if (!raw.length) throw new EpnDataError('NO_DATA');

  // Types and values.
  const decimal = options.decimal ?? guessDecimal(iterCells(raw));
  const markers = markerTable(options.markers);
  const found: Marker[] = [];
  const types: Array<'number' | 'string'> = [];
  const percentColumns: number[] = [];
  const rows: Value[][] = raw.map(() => new Array<Value>(width));
  for (let j = 0; j < width; j++) {
    let numbers = 0;
    let texts = 0;
    let codes = 0;
    let percents = 0;
    for (const r of raw) {
      const cell = r[j]!.trim();
      if (!cell || markers.has(cell.toLowerCase())) continue;
      const shape = numberShape(cell, decimal);
      if (shape.kind === 'number') {
        numbers++;
        if (shape.percent) percents++;
      } else if (shape.kind === 'code') codes++;
      else if (shape.kind === 'text') texts++;
    }
    const identifier = codes > 0 || IDENTIFIER_HEADER.test(looseKey(columns[j]!));
    const isNumber = !identifier && numbers > 0 && texts <= Math.floor(numbers / 10);
    types.push(isNumber ? 'number' : 'string');
    if (isNumber && percents > 0) percentColumns.push(j);
    for (let i = 0; i < raw.length; i++) {
      const cell = raw[i]![j]!.trim();
      if (!isNumber) {
        rows[i]![j] = cell ? cleanLabel(cell) : null;
        continue;
      }
      if (!cell) {
        rows[i]![j] = null;
        found.push({row: i, column: j, line: rowLines[i]!, raw: '', kind: 'empty'});
        continue;
      }
      const kind = markers.get(cell.toLowerCase());
      if (kind) {
        rows[i]![j] = null;
        found.push({row: i, column: j, line: rowLines[i]!, raw: cell, kind});
        continue;
      }
      const shape = numberShape(cell, decimal);
      if (shape.kind === 'number') rows[i]![j] = shape.value;
      else {
        rows[i]![j] = null;
        issues.push({
          code: 'INVALID_NUMBER', row: i, column: j, line: rowLines[i]!, raw: cell,
          message: `Ligne ${rowLines[i]}, colonne « ${columns[j]} » : « ${cell} » n'est pas un nombre lisible ; la cellule est laissée vide.`,
        });
      }
    }
  }
  skipped.sort((a, b) => a.line - b.line);
  for (let i = last; i < end; i++) {
    if (nonEmpty(records[i]!) > 0) skipped.push({line: lineOf(i), reason: 'note', text: joined(records[i]!)});
  }
  return {
    columns,
    rows,
    meta: {
      encoding, bom, delimiter, decimal,
      lineEnding: scanned.lineEnding,
      headerRows,
      headerLine: headerRows ? lineOf(h) : 0,
      header,
      types,
      percentColumns,
      titles,
      notes,
      markers: found,
      issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      skipped,
      rowLines,
    },
  };
}

function* iterCells(rows: string[][]): Iterable<string> {
  let n = 0;
  for (const r of rows) for (const c of r) if (n++ < 100000) yield c;
}

/** One name per column from 0, 1 or 2 header rows (see {@link parseCsv}). */
function combineHeader(header: string[][], width: number, issues: Issue[]): string[] {
  const names: string[] = [];
  let carried = '';
  for (let j = 0; j < width; j++) {
    let name: string;
    if (header.length === 2) {
      const top = header[0]![j]!;
      if (top) carried = top;
      const bottom = header[1]![j]!;
      name = carried && bottom && carried !== bottom ? `${carried} ${bottom}` : bottom || carried;
    } else name = header[0]?.[j] ?? '';
    names.push(name);
  }
  if (!header.length) {
    issues.push({code: 'NO_HEADER', message: `Le fichier n'a pas de ligne d'en-tête : les colonnes sont nommées « Colonne 1 », « Colonne 2 »…`});
  }
  const seen = new Map<string, number>();
  return names.map((name, j) => {
    if (!name) {
      name = `Colonne ${j + 1}`;
      if (header.length) issues.push({code: 'EMPTY_HEADER', column: j, message: `La colonne ${j + 1} n'a pas de nom dans l'en-tête ; elle est nommée « ${name} ».`});
    }
    const key = looseKey(name);
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    if (k > 1) {
      const renamed = `${name} (${k})`;
      issues.push({code: 'DUPLICATE_HEADER', column: j, raw: name, message: `Le nom de colonne « ${name} » est répété ; la colonne ${j + 1} est nommée « ${renamed} ».`});
      return renamed;
    }
    return name;
  });
}

/** HTML or JSON served where a CSV was expected. */
function checkNotOtherFormat(text: string): void {
  const head = text.slice(0, 2048).trimStart();
  if (/^<(!doctype\s+html|html|head|body|!--|\?xml|meta|title|div|p|script)[\s>]/i.test(head)) {
    throw new EpnDataError('NOT_CSV', {detail: /^<\?xml/i.test(head) ? 'un document XML' : 'une page web (HTML)'});
  }
  if (/^[[{]/.test(head)) {
    try {
      JSON.parse(text);
      throw new EpnDataError('NOT_CSV', {detail: 'des données JSON'});
    } catch (e) {
      if (e instanceof EpnDataError) throw e;
    }
  }
}
