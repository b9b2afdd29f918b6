import {badOption, EpnDataError} from '../errors.js';
import type {Issue, Marker, SkippedLine, Table, Value} from '../table.js';
import {cleanLabel, looseKey, unclean} from '../text.js';
import {parseAgeLabel} from '../stats/age-bands.js';
import {assertText, decodeBytes, normaliseEncoding, toBytes, type Encoding} from './decode.js';
import {markerKind, markerTable, type DEFAULT_MARKERS, type MarkerKind} from './markers.js';
import {decimalEvidence, DecimalTally, Evidence, numberShape, type DecimalSeparator} from './number.js';
import {HIGH, QUOTED, RecordScanner, REST_HIGH, REST_TEXT, TEXT, UNTERMINATED} from './records.js';
import {sniffDelimiter, type LineEnding} from './scan.js';

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
  /** Force the decimal separator (for every column: `1.234` is then 1.234 with `.`, 1234 with `,`). */
  decimal?: DecimalSeparator | null;
  /** Extra markers (`{'sc': 'secret'}`), or `null` to read a default marker as text (`{'-': null}`). */
  markers?: Record<string, MarkerKind | null> | null;
  /**
   * Force the type of columns, by name (compared without case or accents): `{pop_com: 'number', CODGEO: 'text'}`.
   * A forced number column reads its cells as numbers (what is not a number is `null` with an `INVALID_NUMBER`
   * issue); a forced text column keeps its cells as written (`01001`, `44000.0`).
   */
  types?: Record<string, 'number' | 'text' | 'string'> | null;
}

/** Header words that name identifiers wherever they stand in the name (`code_commune`, `commune_insee`, `N° SIRET`). */
const IDENTIFIER_WORDS = new Set([
  'code',
  'codes',
  'cog',
  'siren',
  'siret',
  'codgeo',
  'depcom',
  'iris',
  'identifiant',
  'codepostal',
  'uai',
  'finess',
  'rna',
  'codeinsee',
  'idbank',
]);
/** Header words that name identifiers only as the first word (`dep`, `com_nom`; but `ptot_com` is a count). */
const LEADING_IDENTIFIER_WORDS = new Set([
  'id',
  'cp',
  'n°',
  'no',
  'num',
  'numero',
  'dep',
  'dept',
  'departement',
  'reg',
  'region',
  'com',
  'epci',
  'arr',
  'can',
  'cv',
]);
/** Header words that name identifiers only over values of one width (`insee_com` over `14118`, not `insee_pop`). */
const WEAK_IDENTIFIER_WORDS = new Set(['insee']);

/**
 * True for a header that names identifiers: `Code`, `code_commune_insee`, `id-epn`, `codeInsee`, `N° SIRET`, `DEP`,
 * `COM`… An identifier word counts as a whole word; `dep`, `com`, `reg`, `id`, `cp` only as the first one
 * (`ptot_com`, `pop_com` are counts). @internal
 */
export function isIdentifierHeader(name: string): boolean {
  return identifierHeader(name) === 2;
}

/** 2: a header naming identifiers; 1: one naming them only over values of one width (`insee_…`); 0: neither. */
function identifierHeader(name: string): 0 | 1 | 2 {
  const words = looseKey(name.slice(0, 200).replace(/([a-z])([A-Z])/g, '$1 $2'))
    .split(/[\s_\-./()']+/)
    .filter(Boolean);
  if (!words.length) return 0;
  // `citycode`, `postcode`, `result_oldcitycode`: a word ending in `code` names codes too.
  if (
    LEADING_IDENTIFIER_WORDS.has(words[0]!) ||
    words.some((w) => IDENTIFIER_WORDS.has(w) || (w.length > 5 && w.endsWith('code')))
  )
    return 2;
  return words.some((w) => WEAK_IDENTIFIER_WORDS.has(w)) ? 1 : 0;
}

/** Notes and sources under a table: `Source : …`, `Champ : …`, `Lecture : …`, `(1) …`, `* …`. */
const NOTE_START =
  /^(?:(?:sources?|notes?|champ|lecture|guide de lecture|avertissement|remarques?|n\.?\s?b\.?)\s*:|\(\d+\)|\*)/i;

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
  const forcedTypes = typesOption(opts.types);
  const markers = markerTable(opts.markers);
  let text: string;
  let encoding: Encoding | null = null;
  let bom: boolean;
  // The bytes the scanner reads, and whether they are the UTF-8 of `text` (else one byte per character).
  let bytes: Uint8Array | null = null;
  let from = 0;
  if (typeof input === 'string') {
    normaliseEncoding(opts.encoding);
    bom = input.charCodeAt(0) === 0xfeff;
    text = bom ? input.slice(1) : input;
    assertText(text);
  } else {
    ({text, encoding, bom} = decodeBytes(input, opts.encoding));
    const raw = toBytes(input);
    // The file's own bytes when each maps to its characters (windows-1252, or valid UTF-8); else the text re-encoded.
    if (encoding === 'windows-1252' || encoding === 'macintosh' || (encoding === 'utf-8' && !text.includes('\ufffd'))) {
      bytes = raw;
      from = bom ? 3 : 0;
    }
  }
  if (!/\S/.test(text)) throw new EpnDataError('EMPTY');
  checkNotOtherFormat(text);
  const delimiter = forcedDelimiter ?? sniffDelimiter(text);
  let d = delimiter.charCodeAt(0);
  if (d > 127) {
    // A delimiter outside ASCII: the scanner splits on bytes, so it reads the text with that character as U+001F
    // (cells are still taken from the text as written).
    bytes = new TextEncoder().encode(text.split(delimiter).join('\u001f'));
    from = 0;
    d = 0x1f;
  } else if (bytes === null) bytes = new TextEncoder().encode(text);
  const oneByte = (encoding === 'windows-1252' || encoding === 'macintosh') && d !== 0x1f;
  const f = scanFields(bytes!, from, text, d, oneByte, markers);
  if (f.unterminatedAt) throw new EpnDataError('UNTERMINATED_QUOTE', {line: f.unterminatedAt});

  const issues: Issue[] = [];
  const skipped: SkippedLine[] = [];
  const count = f.count;
  const lineOf = (r: number) => f.line[r]!;
  const cells = (r: number): string[] => {
    const out: string[] = [];
    for (let k = f.first[r]!; k < f.first[r + 1]!; k++) out.push(f.cell(k));
    return out;
  };
  const nonEmpty = (r: number) => {
    let k = 0;
    for (let x = f.first[r]!; x < f.first[r + 1]!; x++) if (f.kind[x]) k++;
    return k;
  };
  const effWidth = (r: number) => {
    const a = f.first[r]!;
    let w = f.first[r + 1]! - a;
    while (w > 0 && !f.kind[a + w - 1]) w--;
    return w;
  };
  // A title or note line as written: its cells from the first filled one to the last, rejoined with the delimiter
  // (so that `Source : Insee, RP` split by a `,` delimiter reads as it was written).
  const lineText = (r: number) => {
    const c = cells(r);
    let a = 0;
    while (a < c.length && c[a]!.trim() === '') a++;
    return c.slice(a, effWidth(r)).join(delimiter).trim();
  };
  for (const [line, raw] of f.malformed) {
    issues.push({
      code: 'MALFORMED_QUOTE',
      line,
      raw,
      message: `Ligne ${line} : du texte suit un guillemet fermant (${raw}) ; la cellule est lue telle quelle. Vérifiez cette ligne.`,
    });
  }

  let end = count;
  while (end > 0 && nonEmpty(end - 1) === 0) {
    skipped.push({line: lineOf(end - 1), reason: 'blank', text: ''});
    end--;
  }
  if (end === 0) throw new EpnDataError('EMPTY');
  // Header: the first record with two or more filled cells (or the first non-blank one in a one-column file).
  let wide = false;
  for (let r = 0; r < end && !wide; r++) wide = nonEmpty(r) >= 2;
  // The first filled cell of a record (−1 for none).
  const firstFilled = (r: number) => {
    for (let x = f.first[r]!; x < f.first[r + 1]!; x++) if (f.kind[x]) return x - f.first[r]!;
    return -1;
  };
  // A single filled cell away from the first column, right over a wider record, is a group label over some of the
  // columns (`;;;Modalités d'accompagnement;;`): the upper row of a two-row header, not a title.
  const groupRow = (r: number) =>
    forcedHeaderRows === undefined && r + 1 < end && firstFilled(r) > 0 && nonEmpty(r + 1) >= 2;
  let h = 0;
  while (h < end && (nonEmpty(h) === 0 || (wide && nonEmpty(h) < 2 && !groupRow(h)))) {
    if (nonEmpty(h) === 0) skipped.push({line: lineOf(h), reason: 'blank', text: ''});
    else skipped.push({line: lineOf(h), reason: 'title', text: lineText(h)});
    h++;
  }
  const titles = skipped.filter((x) => x.reason === 'title').map((x) => x.text);

  // Notes after the table, in a table of two columns or more: trailing records with a single filled cell (other than
  // a lone number), and trailing records of any width that start like a note (`Source : Insee, RP` in a `,` file).
  let last = end;
  const notes: string[] = [];
  if (wide) {
    while (last > h + 1) {
      const r = last - 1;
      const k = nonEmpty(r);
      if (k === 0) {
        last--;
        continue;
      }
      const cell = cells(r)
        .find((c) => c.trim() !== '')!
        .trim();
      const noteLike = NOTE_START.test(cell.slice(0, 64));
      // A note is written in the first column; a lone cell further right is data (an answer under its question).
      if (!noteLike && (k !== 1 || numberShape(cell).kind === 'number' || firstFilled(r) > 0)) break;
      notes.unshift(lineText(r));
      last--;
    }
  }
  // Header rows: forced, or 2 when a row with merged (empty) cells sits over a row of names over data. Years in the
  // row of names (`Hommes` over `2012;2013`) are names, not figures.
  let headerRows = forcedHeaderRows ?? 1;
  if (forcedHeaderRows === undefined && h + 2 < last) {
    const top = cells(h);
    const next = cells(h + 1);
    const after = cells(h + 2);
    const numeric = (r: string[]) => r.filter((c) => numberShape(c).kind === 'number').length;
    const figures = (r: string[]) =>
      r.filter((c) => numberShape(c).kind === 'number' && !/^(1[89]|20)\d\d$/.test(c.trim())).length;
    const holes = top.slice(0, effWidth(h)).some((c, i) => i > 0 && c.trim() === '') || effWidth(h) < effWidth(h + 1);
    if (holes && nonEmpty(h + 1) > nonEmpty(h) && figures(next) * 2 < numeric(after) && figures(next) <= 1)
      headerRows = 2;
  }
  // INSEE's BDM downloads: `Libellé` over `idBank`, `Dernière mise à jour`, `Période` rows (names from the first).
  const firstKey = (r: number) => (f.first[r + 1]! > f.first[r]! ? looseKey(f.cell(f.first[r]!).slice(0, 40)) : '');
  const bdm = firstKey(h) === 'libelle';
  if (bdm && forcedHeaderRows === undefined) {
    let r = h + 1;
    while (r < last && r <= h + 4 && BDM_HEADER.has(firstKey(r))) r++;
    if (r > h + 1) headerRows = r - h;
  }
  if (h + headerRows > last) headerRows = Math.max(0, last - h);
  const first = h + headerRows;

  // Width: the header's, widened only when more data rows are wider than fit in it (a header missing its last
  // names); a few long rows keep the header's width and are recorded as LONG_ROW. Without a header: the usual width.
  let headerWidth = 0;
  for (let r = h; r < first; r++) headerWidth = Math.max(headerWidth, effWidth(r));
  const wider = new Map<number, number>();
  let fit = 0;
  let over = 0;
  const data: number[] = [];
  for (let r = first; r < last; r++) {
    const w = effWidth(r);
    if (!w) {
      skipped.push({line: lineOf(r), reason: 'blank', text: ''});
      continue;
    }
    if (bdm && firstKey(r) === 'codes') {
      // The status of each value of the series above (A definitive, P provisional, SD semi-definitive).
      skipped.push({line: lineOf(r), reason: 'status', text: lineText(r).slice(0, 200)});
      continue;
    }
    data.push(r);
    if (w <= headerWidth) fit++;
    else {
      over++;
      wider.set(w, (wider.get(w) ?? 0) + 1);
    }
  }
  const width = tableWidth(headerWidth, fit, over, wider);
  if (width > MAX_COLUMNS) {
    throw new EpnDataError('UNEXPECTED_SHAPE', {
      detail: `le tableau a ${width} colonnes (au plus ${MAX_COLUMNS}) ; vérifiez le séparateur`,
      detailEn: `the table has ${width} columns (at most ${MAX_COLUMNS}); check the delimiter`,
    });
  }

  const header: string[][] = [];
  for (let r = h; r < first; r++) {
    const c = cells(r);
    header.push(Array.from({length: width}, (_, j) => cleanLabel(c[j] ?? '')));
  }
  const columns = combineHeader(header, width, issues);

  // Data rows: their lines, short and long rows.
  if (!data.length) throw new EpnDataError('NO_DATA');
  const n = data.length;
  // Array.from, not data.map: the inlined map deoptimised parseCsv (out of bounds) on every call, and V8 compiled it again each time.
  const rowLines = Array.from(data, lineOf);
  for (let i = 0; i < n; i++) {
    const r = data[i]!;
    const line = rowLines[i]!;
    const len = f.first[r + 1]! - f.first[r]!;
    if (len < width) {
      issues.push({
        code: 'SHORT_ROW',
        row: i,
        line,
        message: `Ligne ${line} : ${len} cellule(s) au lieu de ${width} ; les cellules manquantes sont vides.`,
      });
    } else if (len > width) {
      // (only a row of more cells than the table can hold more filled ones)
      const w = effWidth(r);
      if (w > width) {
        // The extra cells, in place (empty ones between them kept), so that nothing is lost.
        const extra = cells(r)
          .slice(width, w)
          .map((c) => c.trim());
        const shown = extra.filter(Boolean).join(' | ');
        issues.push({
          code: 'LONG_ROW',
          row: i,
          line,
          raw: extra.join(delimiter),
          message: `Ligne ${line} : ${w} cellules au lieu de ${width} ; les cellules en trop (${shown}) ne sont pas lues.`,
        });
      }
    }
  }

  // The decimal separator from the first 100 000 cells of the data rows: plain numbers tell it by their separator,
  // other cells by their shape.
  const {kind, val, sep, sid, strings} = f;
  const tally = new DecimalTally();
  if (forcedDecimal === undefined) {
    for (let i = 0; i < n && i * width < DECIMAL_WINDOW; i++) {
      const a = f.first[data[i]!]!;
      const len = Math.min(f.first[data[i]! + 1]! - a, width, DECIMAL_WINDOW - i * width);
      for (let k = a; k < a + len; k++) {
        const kd = kind[k];
        if (kd === K_NUMBER) {
          tally.add(sep[k] as Evidence);
        } else if (kd !== K_TEXT && kd !== K_EMPTY) {
          // (text says nothing of the decimal separator: no digit in a row with a separator)
          const c = strings[sid[k]!]!;
          if (c.length >= 3 && c.length <= 64) tally.add(decimalEvidence(c));
        }
      }
    }
  }
  const decimal: DecimalSeparator | null = forcedDecimal ?? tally.decided;
  const reading: DecimalSeparator = decimal ?? ',';

  const {counts, numberWidth, columnTallies} = readColumns(f, data, width, reading);
  const types: Array<'number' | 'string'> = [];
  const percentColumns: number[] = [];
  for (let j = 0; j < width; j++) {
    const c = j * 8;
    const type = columnType(
      header,
      columns,
      j,
      {
        numbers: counts[c + K_NUMBER]!,
        texts: counts[c + K_TEXT]!,
        codes: counts[c + K_CODE]!,
        refused: counts[c + K_REFUSED]!,
        marked: counts[c + K_MARKER]!,
        fractional: counts[c + FRACTIONAL]!,
        numberWidth: numberWidth[j]! >= 0 ? numberWidth[j] : -1,
      },
      forcedTypes?.get(looseKey(columns[j]!)),
    );
    const isNumber = type === 'number';
    types.push(type);
    if (isNumber && counts[c + PERCENT]! > 0) percentColumns.push(j);
    if (isNumber && forcedDecimal === undefined && columnTallies[j]!.ambiguous) {
      let example = '';
      for (let i = 0; i < n && !example; i++) {
        const a = f.first[data[i]!]!;
        const c = j < f.first[data[i]! + 1]! - a ? strings[sid[a + j]!]! : '';
        if (c && decimalEvidence(c) >= Evidence.AmbiguousComma) example = c;
      }
      const sep = example.includes('.') ? '.' : ',';
      const asDecimal = sep === reading;
      issues.push({
        code: 'AMBIGUOUS_DECIMAL',
        column: j,
        raw: example,
        message:
          `Colonne « ${columns[j]} » : « ${example} » peut se lire ${asDecimal ? 'avec une décimale' : 'comme un millier'} ou non ; ` +
          `il est lu ${asDecimal ? `avec « ${sep} » comme séparateur décimal` : `avec « ${sep} » comme séparateur des milliers`}, d'après le reste du fichier. ` +
          `Si c'est faux, précisez le séparateur décimal (option decimal).`,
      });
    }
  }
  // The rows, with the invalid numbers, the empty and marker cells of numeric columns in row order (issues are sorted
  // by line below, stably: on one line, by column, as before).
  const found: Marker[] = [];
  const isNumber = types.map((t) => t === 'number');
  const rows: Value[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = f.first[data[i]!]!;
    const len = f.first[data[i]! + 1]! - a;
    const row = new Array<Value>(width);
    rows[i] = row;
    for (let j = 0; j < width; j++) {
      const k = a + j;
      const kd = j < len ? kind[k]! : K_EMPTY;
      if (!isNumber[j]) {
        // (a plain number has no text made: its digits as written)
        row[j] =
          kd === K_EMPTY ? null : sid[k] ? (sep[k] ? cleanLabel(strings[sid[k]!]!) : strings[sid[k]!]!) : f.cell(k);
        continue;
      }
      if (kd === K_NUMBER) {
        row[j] = val[k]!;
        continue;
      }
      row[j] = null;
      const raw = kd === K_EMPTY ? '' : strings[sid[k]!]!;
      if (kd === K_EMPTY || kd === K_MARKER) {
        found.push({row: i, column: j, line: rowLines[i]!, raw, kind: raw ? markerKind(markers, raw)! : 'empty'});
        continue;
      }
      const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
      issues.push({
        code: 'INVALID_NUMBER',
        row: i,
        column: j,
        line: rowLines[i]!,
        raw,
        message: `Ligne ${rowLines[i]}, colonne « ${columns[j]} » : « ${shown} » n'est pas un nombre lisible ; la cellule est laissée vide.`,
      });
    }
  }
  for (let r = last; r < end; r++) {
    if (nonEmpty(r) > 0) skipped.push({line: lineOf(r), reason: 'note', text: lineText(r)});
    else skipped.push({line: lineOf(r), reason: 'blank', text: ''});
  }
  damagedText(text, issues);
  skipped.sort((a, b) => a.line - b.line);
  return {
    columns,
    rows,
    meta: {
      encoding,
      bom,
      delimiter,
      decimal,
      lineEnding: f.lineEnding,
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

/** First cells of the header rows under `Libellé` in INSEE's BDM downloads. */
const BDM_HEADER = new Set(['idbank', 'derniere mise a jour', 'periode']);

// What a field reads as: nothing (empty or white space), a number, text not read yet, then (data cells only) a
// marker, a code, text, a refused number.
const K_EMPTY = 0;
const K_NUMBER = 1;
const K_PENDING = 2;
const K_MARKER = 3;
const K_CODE = 4;
const K_TEXT = 5;
const K_REFUSED = 6;

/** In `Fields.sep`, for a field with text: it needs {@link cleanLabel}. */
const UNCLEAN = 8;

// Slots of readColumns's counts beside the kinds: numbers with a fractional part, percentages.
const FRACTIONAL = K_PENDING;
const PERCENT = K_EMPTY;

/**
 * Each cell of the data rows read once, row by row: the pending ones read with the decimal separator (a number or a
 * refused one). Per column `j`, eight counts from `8j`: by kind, numbers with a fractional part ({@link FRACTIONAL})
 * and percentages ({@link PERCENT}); the one width of its numbers as written (−1 before the first, −2 once two
 * differ); what its numbers say of the decimal separator (for the ambiguity issue).
 */
function readColumns(f: Fields, data: number[], width: number, reading: DecimalSeparator) {
  const {kind, val, sep, sid, strings, cs, ce, first, flags} = f;
  const counts = new Int32Array(width * 8);
  const numberWidth = new Int32Array(width).fill(-1);
  const columnTallies = Array.from({length: width}, () => new DecimalTally());
  for (let i = 0; i < data.length; i++) {
    const a = first[data[i]!]!;
    const len = Math.min(first[data[i]! + 1]! - a, width);
    for (let j = 0; j < len; j++) {
      const k = a + j;
      let kd = kind[k]!;
      if (kd === K_EMPTY) continue;
      let w = 0;
      if (kd === K_NUMBER) {
        // (less its quotes: `"2019"` is four digits)
        w = ce[k]! - cs[k]! - (flags[k] ? 2 : 0);
        columnTallies[j]!.add(sep[k] as Evidence);
      } else if (kd === K_PENDING) {
        const cell = strings[sid[k]!]!;
        const shape = numberShape(cell, reading);
        // (text and codes were told by the scan: what is not a number here is a refused one)
        kd = kind[k] = shape.kind === 'number' ? K_NUMBER : K_REFUSED;
        if (shape.kind === 'number') {
          val[k] = shape.value;
          w = cell.length;
          if (shape.percent) counts[j * 8 + PERCENT]++;
          columnTallies[j]!.add(decimalEvidence(cell));
        }
      }
      counts[j * 8 + kd]++;
      if (kd !== K_NUMBER) continue;
      // (not `% 1`: a call to fmod for every number)
      if (Math.floor(val[k]!) !== val[k]) counts[j * 8 + FRACTIONAL]++;
      const pw = numberWidth[j]!;
      if (pw !== w) numberWidth[j] = pw === -1 ? w : -2;
    }
  }
  return {counts, numberWidth, columnTallies};
}

/** parseCsv's window for the decimal guess: the first 100 000 cells of the data rows. @internal */
export const DECIMAL_WINDOW = 100000;
/** The widest table read (a wrong delimiter or a broken file beyond it). */
const MAX_COLUMNS = 10000;

/** The `types` option: column name (loose) → type. @internal (also used by aggregateCsv) */
export function typesOption(types: ParseOptions['types']): Map<string, 'number' | 'string'> | undefined {
  if (types === undefined || types === null) return undefined;
  if (typeof types !== 'object' || Array.isArray(types)) {
    throw badOption(
      `types ${String(types)} (un objet est attendu, par exemple { "pop_com": "number", "CODGEO": "text" })`,
      `types ${String(types)} (an object is expected, for example { "pop_com": "number", "CODGEO": "text" })`,
    );
  }
  const out = new Map<string, 'number' | 'string'>();
  for (const [name, t] of Object.entries(types)) {
    const type = t === 'number' ? 'number' : t === 'text' || t === 'string' ? 'string' : null;
    if (!type) {
      throw badOption(
        `type « ${String(t)} » pour la colonne « ${name} » (« number » ou « text »)`,
        `type "${String(t)}" for column "${name}" ("number" or "text")`,
      );
    }
    out.set(looseKey(name), type);
  }
  return out;
}

/** Text damaged before it reached us: U+FFFD replacement characters, or UTF-8 read as windows-1252 (`Ã©`). */
function damagedText(text: string, issues: Issue[]): void {
  const replacement = text.indexOf('\ufffd');
  const mojibake = text.search(
    /\u00c3[\u0080-\u00bf]|\u00e2\u20ac[\u0080-\u00bf\u2122\u0153\u02dc\u201c\u201d\u0161\u017e]/,
  );
  const at = replacement < 0 ? mojibake : mojibake < 0 ? replacement : Math.min(replacement, mojibake);
  if (at < 0) return;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const raw = text
    .slice(Math.max(0, at - 10), at + 10)
    .replace(/\s+/g, ' ')
    .trim();
  const kind = at === replacement ? 'des caractères illisibles (�)' : 'des accents mal convertis (« Ã© » pour « é »)';
  issues.push({
    code: 'DAMAGED_TEXT',
    line,
    raw,
    message: `Le fichier contient ${kind}, dès la ligne ${line} (« ${raw} ») : le texte a été abîmé avant publication. Les chiffres sont lus, mais des libellés peuvent être faux ; demandez un fichier corrigé à sa source.`,
  });
}

/**
 * The fields of every record of a file, split by the core's byte scanner, each read once: empty (or white space),
 * a plain number read from its bytes, or its trimmed text, read as a marker, text, a code or left pending (a number,
 * read once the decimal separator is known). Per field (`k`, from 0 in file order): `cs`/`ce` its characters in the
 * text, `kind`, `val` its number, `sid` its text in `strings` (0: none), `sep` what a plain number says of the decimal
 * separator (an {@link Evidence}: none for a whole number, a comma or a dot) or, for a field with text,
 * {@link UNCLEAN} when the text needs {@link cleanLabel}.
 */
interface Fields {
  count: number;
  /** Index of each record's first field; `first[count]` is the number of fields. */
  first: Int32Array;
  /** 1-based line where each record starts. */
  line: Int32Array;
  lineEnding: LineEnding;
  unterminatedAt: number;
  /** Fields with text after their closing quote: the line where each ends, and the field as written. */
  malformed: Array<[number, string]>;
  cs: Int32Array;
  ce: Int32Array;
  /** The scanner's flags (a plain number has none, or `QUOTED | TEXT` when it is in quotes). */
  flags: Uint8Array;
  kind: Uint8Array;
  val: Float64Array;
  sep: Uint8Array;
  sid: Int32Array;
  strings: string[];
  /** The cell's text (quotes undone), untrimmed. */
  cell(k: number): string;
}

/**
 * Splits `bytes[from…]` into records and fields with {@link RecordScanner}, maps each field to its characters in
 * `text` (one byte per character, or UTF-8) and reads it: plain numbers (digits, 1 to 15 without a leading zero, or
 * digits with one separator that can only be a decimal one: `12,5`, `308491.16`, not `1.234`) from their bytes,
 * exactly as `Number` reads them; other fields as trimmed text, made once.
 */
function scanFields(
  bytes: Uint8Array,
  from: number,
  text: string,
  delimiter: number,
  oneByte: boolean,
  markers: Map<string, MarkerKind>,
): Fields {
  const sc = new RecordScanner(delimiter);
  // Markers are looked up only for cells starting like one (either case), or `<` (`<5`), and as short as the longest.
  const markerStarts = new Uint8Array(65536);
  markerStarts[60] = 1;
  for (const key of markers.keys()) for (const c of [key[0]!, key[0]!.toUpperCase()]) markerStarts[c.charCodeAt(0)] = 1;
  const markerLength = Math.max(6, ...[...markers.keys()].map((k) => k.length));
  const len = bytes.length;
  // Sized for fields of 8 bytes and records of 64 (grown when smaller): no copy on most files.
  let cap = Math.max(1024, len >> 3);
  let cs = new Int32Array(cap);
  let ce = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let kind = new Uint8Array(cap);
  let val = new Float64Array(cap);
  let sep = new Uint8Array(cap);
  let sid = new Int32Array(cap);
  const strings: string[] = [''];
  const interned = new Map<string, number>();
  let hits = 0;
  let misses = 0;
  let rcap = Math.max(256, len >> 6);
  let first = new Int32Array(rcap + 1);
  let line = new Int32Array(rcap);
  let count = 0;
  let total = 0;
  let unterminatedAt = 0;
  const malformed: Array<[number, string]> = [];
  // byte offset − character offset, grown by each field holding multi-byte characters
  let delta = from;
  let pos = from;
  while (pos < len) {
    const next = sc.next(bytes, pos, true);
    if (next === UNTERMINATED) {
      unterminatedAt = sc.unterminatedAt;
      break;
    }
    if (count === rcap) {
      rcap *= 2;
      first = grow(first, rcap + 1);
      line = grow(line, rcap);
    }
    first[count] = total;
    line[count] = sc.recordLine;
    count++;
    const m = sc.n;
    if (total + m > cap) {
      while (total + m > cap) cap *= 2;
      cs = grow(cs, cap);
      ce = grow(ce, cap);
      flags = grow(flags, cap);
      kind = grow(kind, cap);
      val = grow(val, cap);
      sep = grow(sep, cap);
      sid = grow(sid, cap);
    }
    for (let k = 0; k < m; k++, total++) {
      const s = sc.start[k]!;
      const e = sc.end[k]!;
      const fl = sc.flags[k]!;
      const a = s - delta;
      let units = e - s;
      if (!oneByte && fl & (HIGH | REST_HIGH)) {
        units = utf16Length(bytes, s, e);
        delta += e - s - units;
      }
      cs[total] = a;
      ce[total] = a + units;
      flags[total] = fl;
      if (fl & (REST_TEXT | REST_HIGH)) {
        // The line where the field ends: the record's, plus the line ends in it so far.
        let l = sc.recordLine;
        for (let i = cs[first[count - 1]!]!; i < a + units; i++) {
          const c = text.charCodeAt(i);
          if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) l++;
        }
        malformed.push([l, text.substring(a, a + units)]);
      }
      if (s === e) continue;
      // A plain number: digits, at most one separator between them; in quotes too (`"2019"`, nothing else in them).
      const q = fl === (QUOTED | TEXT) && e - s > 2 && bytes[e - 1] === 34 ? 1 : 0;
      const ps = s + q;
      const pe = e - q;
      if ((!fl || q) && pe - ps <= 20) {
        let v = 0;
        let at = -1;
        let i = ps;
        for (; i < pe; i++) {
          const b = bytes[i]!;
          if (b >= 48 && b <= 57) v = v * 10 + (b - 48);
          else if ((b === 44 || b === 46) && at < 0 && i > ps && i < pe - 1) at = i;
          else break;
        }
        const digits = pe - ps - (at < 0 ? 0 : 1);
        // Whole: no leading zero (a code), 15 digits at most. With a separator: not `d{1,3}` then three digits
        // (thousands, or decimals: decided later), no leading zero before more digits (a code).
        if (
          i === pe &&
          (at < 0
            ? (bytes[ps] !== 48 || pe - ps === 1) && digits <= 15
            : !(pe - at - 1 === 3 && at - ps <= 3 && !(at - ps === 1 && bytes[ps] === 48)) &&
              !(at - ps > 1 && bytes[ps] === 48))
        ) {
          kind[total] = K_NUMBER;
          // digits ÷ 10^decimals is the correctly rounded value, as Number reads it, while both are exact.
          val[total] =
            at < 0
              ? v
              : digits <= 15
                ? v / POW10[pe - at - 1]!
                : Number(
                    bytes[at] === 46
                      ? text.substring(a + q, a + (pe - s))
                      : text.substring(a + q, a + (at - s)) + '.' + text.substring(a + (at - s) + 1, a + (pe - s)),
                  );
          sep[total] = at < 0 ? Evidence.None : bytes[at] === 44 ? Evidence.Comma : Evidence.Dot;
          continue;
        }
      }
      // (no trim when the field starts and ends with a visible ASCII character: most fields)
      const c =
        fl & QUOTED
          ? unquote(text, a, a + units).trim()
          : bytes[s]! > 32 && bytes[s]! < 127 && bytes[e - 1]! > 32 && bytes[e - 1]! < 127
            ? text.substring(a, a + units)
            : text.substring(a, a + units).trim();
      if (!c) continue;
      // A short text met before (a category, a town, Oui/Non) is read as it was, and shares its string: one copy of
      // each in memory, and the garbage collector copies fewer strings. Not in a file of texts seldom repeated (names,
      // addresses: less than one hit for two misses after a thousand), where the lookups would cost more than they save.
      if (c.length <= 40 && (misses < 1024 || hits * 2 >= misses)) {
        const seen = interned.get(c);
        if (seen !== undefined) {
          kind[total] = kind[seen]!;
          sid[total] = sid[seen]!;
          sep[total] = sep[seen]!;
          hits++;
          continue;
        }
        interned.set(c, total);
        misses++;
      }
      // Read while the text is at hand: a marker, text or a code (whatever the decimal separator), else left to
      // read once the separator is known (a number, or a refused one); whether the label needs cleaning.
      let kd = K_PENDING;
      const l = c.length;
      const c0 = c.charCodeAt(0);
      const c1 = c.charCodeAt(1);
      // (a letter in lower case; beyond ASCII, 128 or more)
      const lower = c0 | 32;
      if (l <= markerLength && markerStarts[c0] && markerKind(markers, c)) kd = K_MARKER;
      else if (
        // What numberShape tells at once: text starting with a letter that begins no code (`A12`, `FR10`, `ZE2020`:
        // one or two capitals, then digits) and spells neither `NaN` nor `Inf`/`Infinity`; or starting with a
        // character beyond ASCII other than a minus.
        (lower >= 97 &&
          lower <= 122 &&
          !(l === 3 && (lower === 110 || lower === 105)) &&
          !(l === 8 && lower === 105) &&
          !(c0 < 91 && (isDigit(c1) || (c1 >= 65 && c1 <= 90 && isDigit(c.charCodeAt(2)))))) ||
        (c0 >= 128 && c0 !== 0x2212 && c0 !== 0x2013)
      ) {
        kd = K_TEXT;
      } else {
        const shape = numberShape(c);
        if (shape.kind === 'text') kd = K_TEXT;
        else if (shape.kind === 'code') kd = K_CODE;
      }
      kind[total] = kd;
      sid[total] = strings.push(c) - 1;
      // (ASCII, unquoted: what cleanLabel would change is two spaces in a row or a control character)
      if (fl ? unclean(c) : / {2}|[\0-\x1f\x7f]/.test(c)) sep[total] = UNCLEAN;
    }
    pos = next;
  }
  first[count] = total;
  const cell = (k: number): string =>
    flags[k]! & QUOTED ? unquote(text, cs[k]!, ce[k]!) : text.substring(cs[k]!, ce[k]!);
  return {
    count,
    first,
    line,
    unterminatedAt,
    malformed,
    cs,
    ce,
    flags,
    kind,
    val,
    sep,
    sid,
    strings,
    cell,
    lineEnding: lineEnding(sc.crlf, sc.lf, sc.cr),
  };
}

/** A quoted field's text, `text[a, b)` from its opening quote: `""` is a quote; text after the closing quote is kept unless it is white space. */
function unquote(text: string, a: number, b: number): string {
  let out = '';
  let at = a + 1;
  for (;;) {
    const q = text.indexOf('"', at);
    if (q < 0 || q >= b) return out + text.substring(at, b);
    if (q + 1 < b && text.charCodeAt(q + 1) === 34) {
      out += text.substring(at, q + 1);
      at = q + 2;
      continue;
    }
    out += text.substring(at, q);
    const rest = text.substring(q + 1, b);
    return rest.trim() === '' ? out : out + rest;
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Powers of ten up to 10^20, exact. */
const POW10 = [1];
for (let i = 1; i <= 20; i++) POW10.push(POW10[i - 1]! * 10);

/** UTF-16 code units of valid UTF-8 bytes `buf[s, e)`: bytes less continuation bytes, plus one per 4-byte lead. */
function utf16Length(buf: Uint8Array, s: number, e: number): number {
  let units = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as new (length: number) => T)(length);
  b.set(a);
  return b;
}

function lineEnding(crlf: number, lf: number, cr: number): LineEnding {
  return [crlf, lf, cr].filter(Boolean).length > 1 ? 'mixed' : crlf ? 'crlf' : lf ? 'lf' : cr ? 'cr' : 'none';
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

/** How many cells of a column read as each kind (empty cells aside). @internal */
export interface ColumnCounts {
  /** numbers */
  numbers: number;
  /** text that is no number */
  texts: number;
  /** identifier codes (`01001`, `2A004`) */
  codes: number;
  /** broken numbers (`1e5`, `12s`, `1O0`, `1,2,3`) */
  refused: number;
  /** markers (`s`, `n.d.`, `<5`) */
  marked: number;
  /** numbers with a fractional part */
  fractional: number;
  /** the one length of every number as written (`14118`, `97501`: 5), or −1 when they differ (`1`, `12`) */
  numberWidth?: number;
}

/**
 * parseCsv's type of column `j` from how many of its cells read as each kind (the rule of both readers):
 * - forced by the `types` option;
 * - text for identifiers: a header naming them (see {@link isIdentifierHeader}) over codes or whole numbers
 *   (`44000`, `01001`, `2A`), or codes under any header other than a figure's;
 * - a number when numbers are found with few texts: at most one in ten, or a single stray note (`voir annexe`)
 *   among two numbers or more outside the first column (the row labels), or under a header that names a figure (a
 *   year `2021`, an age band `0-19`, a count `nb_…`) as long as numbers are not outnumbered. Broken numbers (`12s`,
 *   `1O0`) do not count as text: a column of figures with a typo stays a column of figures, the typo recorded;
 * - a column of markers (and empty cells) only is numeric under a figure's header: `2021` with `s` in every row is
 *   wholly secret, not a text column to leave out of the figures.
 * @internal (also used by aggregateCsv)
 */
export function columnType(
  header: string[][],
  columns: string[],
  j: number,
  k: ColumnCounts,
  forced?: 'number' | 'string',
): 'number' | 'string' {
  if (forced) return forced;
  const id = identifierHeader(columns[j]!);
  // A weak identifier word needs codes of one width other than a year's (`insee_com` over `14118`; `insee_pop_millesime`
  // over `2024` is a year).
  const fixed = k.numbers > 1 && (k.numberWidth ?? -1) > 0 && k.numberWidth !== 4;
  if (id && (k.codes > 0 || (k.fractional === 0 && (id === 2 || fixed)))) return 'string';
  let figure: boolean | undefined;
  const isFigure = () => (figure ??= names(header, columns, j).some(isFigureName));
  if (k.codes > 0 && !(k.codes * 10 <= k.numbers && isFigure())) return 'string';
  if (k.numbers > 0) {
    if (k.texts <= Math.floor(k.numbers / 10)) return 'number';
    if (j > 0 && k.texts === 1 && k.numbers >= 2) return 'number';
    if (k.texts <= k.numbers && isFigure()) return 'number';
    return 'string';
  }
  return k.texts + k.refused === 0 && k.marked > 0 && isFigure() ? 'number' : 'string';
}

/** The column's name and the cells of its header rows. */
function names(header: string[][], columns: string[], j: number): string[] {
  return [columns[j]!, ...header.map((r) => r[j] ?? '')].filter(Boolean);
}

/** Count words that begin a figure's header: `nb_inscrits`, `Nombre de visites`, `effectif`, `pop_2021`… */
const COUNT_WORDS = new Set([
  'nb',
  'nbr',
  'nbre',
  'nombre',
  'effectif',
  'effectifs',
  'total',
  'pop',
  'population',
  'montant',
  'somme',
  'count',
  'sum',
  'taux',
  'part',
  'ptot',
  'pmun',
  'pcap',
]);

/** A header that names a figure: a year or another number (`2021`), an age band (`0-19`, `65 ans ou plus`), a count. */
function isFigureName(name: string): boolean {
  if (numberShape(name).kind === 'number' || parseAgeLabel(name) !== null) return true;
  const word = looseKey(name.slice(0, 100)).split(/[\s_\-./()']+/)[0] ?? '';
  return COUNT_WORDS.has(word);
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
    issues.push({
      code: 'NO_HEADER',
      message: `Le fichier n'a pas de ligne d'en-tête : les colonnes sont nommées « Colonne 1 », « Colonne 2 »…`,
    });
  }
  // Names are unique under loose matching (case, accents, spaces), the renamed ones included: `a (2);a;a` gives
  // `a (2)`, `a`, `a (3)`.
  const taken = new Set<string>();
  return names.map((name, j) => {
    if (!name) {
      name = `Colonne ${j + 1}`;
      if (header.length)
        issues.push({
          code: 'EMPTY_HEADER',
          column: j,
          message: `La colonne ${j + 1} n'a pas de nom dans l'en-tête ; elle est nommée « ${name} ».`,
        });
    }
    let final = name;
    let key;
    for (let k = 2; taken.has((key = looseKey(final))); k++) final = `${name} (${k})`;
    taken.add(key);
    if (final !== name) {
      issues.push({
        code: 'DUPLICATE_HEADER',
        column: j,
        raw: name,
        message: `Le nom de colonne « ${name} » est répété ; la colonne ${j + 1} est nommée « ${final} ».`,
      });
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
    throw new EpnDataError('NOT_CSV', {
      detail: xml ? 'un document XML' : 'une page web (HTML)',
      detailEn: xml ? 'an XML document' : 'a web page (HTML)',
    });
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
