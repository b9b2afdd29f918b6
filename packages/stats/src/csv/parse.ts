import Papa from 'papaparse';
import {badOption, EpnDataError} from '../errors.js';
import type {Issue, Marker, SkippedLine, Table, Value} from '../table.js';
import {cleanLabel, looseKey} from '../text.js';
import {parseAgeLabel} from '../stats/age-bands.js';
import {assertText, decodeBytes, normaliseEncoding, type Encoding} from './decode.js';
import {markerTable, type DEFAULT_MARKERS, type MarkerKind} from './markers.js';
import {guessDecimal, numberShape, type DecimalSeparator} from './number.js';
import {normaliseLines, sniffDelimiter} from './scan.js';

/**
 * Options of {@link parseCsv}. Every one is optional: the reader detects what it is not told (`undefined` and `null`
 * both mean "detect", so an absent HTML attribute can be passed as is). A value that is not understood throws
 * `BAD_OPTION`.
 */
export interface ParseOptions {
  /**
   * Force the delimiter (`;`, `,`, `\t`, `|` or any single character other than a quote or a line break). `tab` and
   * the two characters `\t` (as typed in an HTML attribute) mean a tab.
   */
  delimiter?: string | null;
  /**
   * Force the encoding (`utf-8`, `windows-1252`, `latin1`, `utf-16le`…) of bytes without a byte-order mark (a BOM
   * always wins). Ignored for a string input, but still checked.
   */
  encoding?: Encoding | string | null;
  /** Force the number of header rows (0: no header, columns are named `Colonne 1`…; 1; 2: merged two-row header). */
  headerRows?: number | null;
  /** Force the decimal separator. */
  decimal?: DecimalSeparator | null;
  /** Extra markers (`{'sc': 'secret'}`), or `null` to read a default marker as text (`{'-': null}`). */
  markers?: Record<string, MarkerKind | null> | null;
}

const IDENTIFIER_HEADER = /(^|\s)(code|cog|insee|siren|siret|id|identifiant|cp|n°|numero|depcom|codgeo|dep|reg|com)(\s|$)/;

/** True for a header that names identifiers: `Code`, `code_commune_insee`, `id-epn`, `codeInsee`, `N° SIRET`… */
function isIdentifierHeader(name: string): boolean {
  const words = looseKey(name.replace(/([a-z])([A-Z])/g, '$1 $2')).replace(/[_\-./]+/g, ' ');
  return IDENTIFIER_HEADER.test(words);
}

/** Notes and sources under a table: `Source : …`, `Champ : …`, `Lecture : …`, `(1) …`, `* …`. */
const NOTE_START = /^(?:(?:sources?|notes?|champ|lecture|guide de lecture|avertissement|remarques?|n\.?\s?b\.?)\s*:|\(\d+\)|\*)/i;

/** HTML (or XML) served where a CSV was expected: the text starts with a tag. */
const MARKUP_START =
  /^<(!doctype\s+html|html|head|body|!--|\?xml|meta|title|div|p|script|style|link|table|tr|td|th|span|a|h[1-6]|br|form|section|main|header|nav|iframe|center|pre|noscript|svg)[\s>/]/i;

/**
 * Parses a CSV file as French open-data portals serve it, synchronously.
 *
 * - Bytes (a `Uint8Array`, an `ArrayBuffer` or any view of one) are decoded with encoding detection (see
 *   {@link decodeBytes}: BOM, strict UTF-8, else windows-1252); a string is used as is, less a leading BOM. Binary
 *   content is refused (`NOT_TEXT`), and so are an HTML/XML page and JSON (`NOT_CSV`).
 * - The delimiter is sniffed (see {@link sniffDelimiter}) unless forced; line ends are normalised outside quotes, so
 *   CRLF, LF and CR may be mixed. Text after a closing quote (`"Caen" (14)`) stays in its cell with a
 *   `MALFORMED_QUOTE` issue; a quote never closed is fatal (`UNTERMINATED_QUOTE`, with its line).
 * - Title lines before the header (records with a single filled cell) are set aside in `meta.titles`. Note and
 *   source lines after the table are set aside in `meta.notes`: trailing records with a single filled cell other than
 *   a lone number, and trailing records of any width starting like a note (`Source :`, `Note :`, `Champ :`,
 *   `Lecture :`, `(1)`, `*`), rejoined as written. A two-row header with merged cells is combined into one name per
 *   column: the upper cell is carried right over the empty (merged) cells, then joined to the lower one with a space
 *   (`Hommes` over `0-19` gives `Hommes 0-19`); when one of the two is empty, the other alone is the name.
 * - Header names are cleaned (trimmed, spaces collapsed, NFC); an empty name becomes `Colonne N`, a repeated one
 *   (compared without case, accents or extra spaces) gets ` (2)`, ` (3)`…, both recorded as issues; names are then
 *   unique.
 * - A column is numeric when its non-empty cells read as numbers (French or English notation, see
 *   {@link parseNumber}), allowing a few refused cells (`1e5`, `NaN`, stray text) which become `null` with an
 *   `INVALID_NUMBER` issue. Identifier-like columns (`01001`, `2A004`, or a header such as `Code`, `dep`,
 *   `code_commune_insee`, `id-epn`) stay strings. A column holding only markers (and empty cells) is numeric when its
 *   header names a figure (a year such as `2021`, an age band such as `0-19`): a wholly secret year stays a figure.
 * - In numeric columns, empty cells and markers (`s`, `nd`, `NC`, `-`…, see {@link DEFAULT_MARKERS}) are `null` and
 *   recorded in `meta.markers` in row order. Text cells are cleaned like labels; empty text cells are `null`.
 * - The table is as wide as its header; short rows are padded with `null` (`SHORT_ROW`); cells beyond the header are
 *   kept in a `LONG_ROW` issue, never dropped silently (the table is widened only when most rows are longer than
 *   the header); blank lines are recorded in `meta.skipped`.
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
  const opts: ParseOptions = options ?? {};
  const forcedDelimiter = checkDelimiter(opts.delimiter);
  const forcedHeaderRows = opts.headerRows ?? undefined;
  if (forcedHeaderRows !== undefined && ![0, 1, 2].includes(forcedHeaderRows)) {
    throw badOption(
      `nombre de lignes d'en-tête ${String(forcedHeaderRows)} (0, 1 ou 2)`,
      `number of header rows ${String(forcedHeaderRows)} (0, 1 or 2)`,
    );
  }
  const forcedDecimal = opts.decimal ?? undefined;
  if (forcedDecimal !== undefined && forcedDecimal !== ',' && forcedDecimal !== '.') {
    throw badOption(
      `séparateur décimal « ${String(forcedDecimal)} » (« , » ou « . »)`,
      `decimal separator "${String(forcedDecimal)}" ("," or ".")`,
    );
  }
  const markers = markerTable(opts.markers);
  let text: string;
  let encoding: Encoding | null = null;
  let bom = false;
  if (typeof input === 'string') {
    normaliseEncoding(opts.encoding);
    bom = input.charCodeAt(0) === 0xfeff;
    text = bom ? input.slice(1) : input;
    assertText(text);
  } else {
    ({text, encoding, bom} = decodeBytes(input, opts.encoding));
  }
  if (!/\S/.test(text)) throw new EpnDataError('EMPTY');
  checkNotOtherFormat(text);
  const delimiter = forcedDelimiter ?? sniffDelimiter(text);
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
  for (const m of scanned.malformed) {
    issues.push({
      code: 'MALFORMED_QUOTE', line: m.line, raw: m.raw,
      message: `Ligne ${m.line} : du texte suit un guillemet fermant (${m.raw}) ; la cellule est lue telle quelle. Vérifiez cette ligne.`,
    });
  }
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
  // A title or note line as written: its cells from the first filled one to the last, rejoined with the delimiter
  // (so that `Source : Insee, RP` split by a `,` delimiter reads as it was written).
  const lineText = (r: string[]) => {
    let a = 0;
    while (a < r.length && r[a]!.trim() === '') a++;
    return r.slice(a, effWidth(r)).join(delimiter).trim();
  };

  // Last record of a file ending with a line break is an empty artefact.
  let end = records.length;
  while (end > 0 && nonEmpty(records[end - 1]!) === 0) {
    if (end - 1 < records.length - 1 || records[end - 1]!.join('') !== '') {
      skipped.push({line: lineOf(end - 1), reason: 'blank', text: ''});
    }
    end--;
  }
  if (end === 0) throw new EpnDataError('EMPTY');
  // Header: the first record with two or more filled cells (or the first non-blank one in a one-column file).
  const wide = records.slice(0, end).some((r) => nonEmpty(r) >= 2);
  let h = 0;
  while (h < end && (nonEmpty(records[h]!) === 0 || (wide && nonEmpty(records[h]!) < 2))) {
    if (nonEmpty(records[h]!) === 0) skipped.push({line: lineOf(h), reason: 'blank', text: ''});
    else skipped.push({line: lineOf(h), reason: 'title', text: lineText(records[h]!)});
    h++;
  }
  const titles = skipped.filter((s) => s.reason === 'title').map((s) => s.text);

  // Notes after the table, in a table of two columns or more: trailing records with a single filled cell (other than
  // a lone number), and trailing records of any width that start like a note (`Source : Insee, RP` in a `,` file).
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
      const cell = r.find((c) => c.trim() !== '')!.trim();
      const noteLike = NOTE_START.test(cell);
      if (!noteLike && (k !== 1 || numberShape(cell).kind === 'number')) break;
      notes.unshift(lineText(r));
      last--;
    }
  }
  // Header rows: forced, or 2 when a row with merged (empty) cells sits over a row of names over data. Years in the
  // row of names (`Hommes` over `2012;2013`) are names, not figures.
  let headerRows = forcedHeaderRows ?? 1;
  if (forcedHeaderRows === undefined && h + 2 < last) {
    const top = records[h]!;
    const next = records[h + 1]!;
    const after = records[h + 2]!;
    const numeric = (r: string[]) => r.filter((c) => numberShape(c).kind === 'number').length;
    const figures = (r: string[]) => r.filter((c) => numberShape(c).kind === 'number' && !/^(1[89]|20)\d\d$/.test(c.trim())).length;
    const holes = top.slice(0, effWidth(top)).some((c, i) => i > 0 && c.trim() === '') || effWidth(top) < effWidth(next);
    if (holes && nonEmpty(next) > nonEmpty(top) && figures(next) * 2 < numeric(after) && figures(next) <= 1) headerRows = 2;
  }
  if (h + headerRows > last) headerRows = Math.max(0, last - h);
  const headerRecords = records.slice(h, h + headerRows);
  const first = h + headerRows;

  // Width: the header's, widened only when more data rows are wider than fit in it (a header missing its last
  // names); a few long rows keep the header's width and are recorded as LONG_ROW. Without a header: the usual width.
  const headerWidth = Math.max(0, ...headerRecords.map(effWidth));
  const wider = new Map<number, number>();
  let fit = 0;
  let over = 0;
  for (let i = first; i < last; i++) {
    const w = effWidth(records[i]!);
    if (!w) continue;
    if (w <= headerWidth) fit++;
    else {
      over++;
      wider.set(w, (wider.get(w) ?? 0) + 1);
    }
  }
  const width = tableWidth(headerWidth, fit, over, wider);

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
      // The extra cells, in place (empty ones between them kept), so that nothing is lost.
      const extra = r.slice(width, effWidth(r)).map((c) => c.trim());
      const shown = extra.filter(Boolean).join(' | ');
      issues.push({code: 'LONG_ROW', row, line, raw: extra.join(delimiter), message: `Ligne ${line} : ${effWidth(r)} cellules au lieu de ${width} ; les cellules en trop (${shown}) ne sont pas lues.`});
    }
    raw.push(r.length === width ? r : Array.from({length: width}, (_, j) => r[j] ?? ''));
    rowLines.push(line);
  }
  if (!raw.length) throw new EpnDataError('NO_DATA');

  // Types and values.
  const decimal = forcedDecimal ?? guessDecimal(iterCells(raw));
  const found: Marker[] = [];
  const types: Array<'number' | 'string'> = [];
  const percentColumns: number[] = [];
  const rows: Value[][] = raw.map(() => new Array<Value>(width));
  for (let j = 0; j < width; j++) {
    let numbers = 0;
    let texts = 0;
    let codes = 0;
    let percents = 0;
    let refused = 0;
    let marked = 0;
    for (const r of raw) {
      const cell = r[j]!.trim();
      if (!cell) continue;
      if (markers.has(cell.toLowerCase())) {
        marked++;
        continue;
      }
      const shape = numberShape(cell, decimal);
      if (shape.kind === 'number') {
        numbers++;
        if (shape.percent) percents++;
      } else if (shape.kind === 'code') codes++;
      else if (shape.kind === 'text') texts++;
      else refused++;
    }
    const type = columnType(header, columns, j, numbers, texts, codes, refused, marked);
    const isNumber = type === 'number';
    types.push(type);
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
  for (let i = last; i < end; i++) {
    if (nonEmpty(records[i]!) > 0) skipped.push({line: lineOf(i), reason: 'note', text: lineText(records[i]!)});
    else skipped.push({line: lineOf(i), reason: 'blank', text: ''});
  }
  skipped.sort((a, b) => a.line - b.line);
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
      markers: found.sort((a, b) => a.row - b.row || a.column - b.column),
      issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      skipped,
      rowLines,
    },
  };
}

/**
 * parseCsv's width rule: the header's width, widened only when more data rows are wider than fit in it (`fit` rows
 * fit, `over` are wider, `wider` counts them by width), then to the most frequent wider width (the widest on a tie).
 * @internal (also used by aggregateCsv)
 */
export function tableWidth(headerWidth: number, fit: number, over: number, wider: Map<number, number>): number {
  let modal = 0;
  let modalCount = 0;
  for (const [w, c] of wider) if (c > modalCount || (c === modalCount && w > modal)) [modal, modalCount] = [w, c];
  return Math.max(1, headerWidth, over > fit ? modal : 0);
}

/**
 * parseCsv's type of column `j` from how many of its cells read as numbers, texts, codes, refused numbers and
 * markers: a string for identifiers (a code, or a header such as `Code`), a number when numbers are found with few
 * texts; a column of markers (and empty cells) only is numeric when its header names a figure (a year, an age
 * band): `2021` with `s` in every row is wholly secret, not a text column to leave out of the figures.
 * @internal (also used by aggregateCsv)
 */
export function columnType(header: string[][], columns: string[], j: number, numbers: number, texts: number, codes: number, refused = 0, marked = 0): 'number' | 'string' {
  return codes > 0 || isIdentifierHeader(columns[j]!)
    ? 'string'
    : (numbers > 0 && texts <= Math.floor(numbers / 10)) || (marked > 0 && numbers + texts + refused === 0 && names(header, columns, j).some(isFigureName))
      ? 'number'
      : 'string';
}

/** The column's name and the cells of its header rows. */
function names(header: string[][], columns: string[], j: number): string[] {
  return [columns[j]!, ...header.map((r) => r[j] ?? '')].filter(Boolean);
}

/** A header that names a figure: a year or another number (`2021`), or an age band (`0-19`, `65 ans ou plus`). */
function isFigureName(name: string): boolean {
  return numberShape(name).kind === 'number' || parseAgeLabel(name) !== null;
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
  // Names are unique under loose matching (case, accents, spaces), the renamed ones included: `a (2);a;a` gives
  // `a (2)`, `a`, `a (3)`.
  const taken = new Set<string>();
  return names.map((name, j) => {
    if (!name) {
      name = `Colonne ${j + 1}`;
      if (header.length) issues.push({code: 'EMPTY_HEADER', column: j, message: `La colonne ${j + 1} n'a pas de nom dans l'en-tête ; elle est nommée « ${name} ».`});
    }
    let final = name;
    for (let k = 2; taken.has(looseKey(final)); k++) final = `${name} (${k})`;
    taken.add(looseKey(final));
    if (final !== name) {
      issues.push({code: 'DUPLICATE_HEADER', column: j, raw: name, message: `Le nom de colonne « ${name} » est répété ; la colonne ${j + 1} est nommée « ${final} ».`});
    }
    return final;
  });
}

/** The forced delimiter, checked: one character other than a quote or a line break; `tab` and `\\t` mean a tab. */
function checkDelimiter(d: unknown): string | undefined {
  if (d === undefined || d === null) return undefined;
  if (d === 'tab' || d === 'tabulation' || d === '\\t') return '\t';
  if (typeof d !== 'string' || d.length !== 1 || /["\r\n]/.test(d)) {
    throw badOption(
      `séparateur « ${String(d)} » (un seul caractère : ; , | ou tabulation)`,
      `delimiter "${String(d)}" (one character: ; , | or tab)`,
    );
  }
  return d;
}

/** HTML, XML or JSON served where a CSV was expected. */
function checkNotOtherFormat(text: string): void {
  const head = text.slice(0, 2048).trimStart();
  if (MARKUP_START.test(head)) {
    const xml = /^<\?xml/i.test(head);
    throw new EpnDataError('NOT_CSV', {detail: xml ? 'un document XML' : 'une page web (HTML)', detailEn: xml ? 'an XML document' : 'a web page (HTML)'});
  }
  if (/^[[{]/.test(head)) {
    // A JSON document, a JSON-lines file, or the start of a pretty-printed or truncated one.
    const firstLine = head.split(/\r\n|\n|\r/, 1)[0]!.trim();
    let json = /^(?:[[{]$|\{\s*"|\[\s*[[{"])/.test(firstLine);
    if (!json) {
      try {
        JSON.parse(text);
        json = true;
      } catch {
        // not JSON: read it as CSV
      }
    }
    if (json) throw new EpnDataError('NOT_CSV', {detail: 'des données JSON', detailEn: 'JSON data'});
  }
}
