import {DEFAULT_MARKERS, parseNumber, type CrossTab, type MarkerKind, type Table, type Value} from '@epn/stats';
import {fail, quoted} from './fail.js';

/**
 * Reading figures that are given one by one rather than as a cross-table: a key/value file (`indicateur,valeur[,unite]`,
 * one figure per line) or a record (one row, one column per figure: `budget,population,inscrits`). Shared by the
 * budget card and the key figures (the same family of elements). Pure: no DOM.
 */

/** One figure of a key/value file or a record. */
export interface KeyValue {
  /** The key as written (`visites_annuelles`, `Budget annuel (€)` without its unit). */
  key: string;
  /** The number, or `null` when the cell is empty, a marker or a text that is not a number. */
  value: number | null;
  /** The cell when it holds a text that is not a number (`Basse-Normandie`, `2012-2013`), else `null`. */
  text: string | null;
  /** The unit: the unit column, else a unit in parentheses after the key (`Budget (k€)`), else `null`. */
  unit: string | null;
  /** The kind of marker when the cell is one (`nd`, `s`…). */
  marker: MarkerKind | null;
  /** 1-based line of the file, when known. */
  line: number | null;
}

/** The figures of a file, in file order. */
export interface KeyValues {
  /** `key-value`: one figure per line; `record`: one row, one column per figure. */
  shape: 'key-value' | 'record';
  entries: KeyValue[];
  /** Lines of a key/value file left out because they have no key (1-based). */
  skippedLines: number[];
}

/** Options of {@link readKeyValues}. */
export interface ReadKeyValuesOptions {
  /** For a record with several rows: the year whose row is read (matched against a year column). */
  year?: string | null;
}

/**
 * A key for loose matching: lower-case, accents removed, `_ - . ’ '` and runs of spaces made one space, a unit in
 * parentheses or brackets removed. `Budget_annuel (€)` and `budget annuel` share a key.
 */
export function keyOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[_\-.’'/\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Splits a unit written after a key in parentheses or brackets: `Budget (k€)` → `{name: 'Budget', unit: 'k€'}`. */
export function splitUnit(name: string): {name: string; unit: string | null} {
  const m = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(name);
  return m && m[1] && m[2] ? {name: m[1], unit: m[2]} : {name: name.trim(), unit: null};
}

/** Whether a unit means euros, and the factor to apply to get euros (`k€` → 1 000, `M€` → 1 000 000). */
export function euroUnit(unit: string | null | undefined): {euro: boolean; factor: number} {
  // keyOf has made every run of spaces one space.
  const u = unit ? keyOf(unit) : '';
  const factor = /^(€|eur|euro|euros|en euros|en €)$/.test(u)
    ? 1
    : /^(k€|keur|k eur|k euros|milliers d euros|milliers €|milliers de €|en milliers d euros)$/.test(u)
      ? 1e3
      : /^(m€|meur|m eur|millions d euros|millions €|millions de €|en millions d euros)$/.test(u)
        ? 1e6
        : 0;
  return {euro: factor > 0, factor: factor || 1};
}

const KEY_HEADER =
  /^(indicateurs?|cles?|keys?|indicators?|noms?|names?|libelles?|labels?|variables?|champs?|fields?|items?|chiffres cles|mesures?|measures?|intitules?|rubriques?|postes?|donnees?|figures?)$/;
const VALUE_HEADER =
  /^(valeurs?|values?|montants?|amounts?|nombres?|nb|counts?|chiffres?|quantites?|quantity|effectifs?|figures?)$/;
const UNIT_HEADER = /^(unites?|units?|unite de mesure|unit of measure)$/;
const YEAR_HEADER = /^(annee|annees|an|year|years|exercice|millesime)$/;

/**
 * Reads the figures of a table, whichever way it is laid out:
 * - key/value, one figure per line: a text column of keys (`indicateur`, `clé`, `key`… or simply the first text
 *   column), a value column (`valeur`, `value`, `montant`… or the first numeric column) and, optionally, a unit
 *   column (`unité`, `unit`). A file without a header line (its first figure read as the header) is understood.
 * - record: one row, one column per figure (`budget,population,inscrits,annee`); with several rows, `year` picks
 *   the row whose year column matches.
 * - a CrossTab with one column (keys × value) or one row (a record).
 *
 * Null policy: an empty or marker cell is `value: null` with its `marker`; a text that reads as a number (`1 050 000`
 * in a column that also holds texts) is a number; any other text is kept in `text`, never 0. Throws
 * `UNEXPECTED_SHAPE` when the table is neither, or when a record has several rows and none is chosen.
 *
 * @example
 * ```ts
 * readKeyValues(parseCsv('indicateur,valeur\nvisites,745000')).entries[0]; // {key: 'visites', value: 745000, …}
 * ```
 */
export function readKeyValues(input: Table | CrossTab, options: ReadKeyValuesOptions = {}): KeyValues {
  if ('rowLabels' in input) return fromCrossTab(input);
  const table = input;
  const {columns, meta} = table;
  const keys = columns.map(keyOf);
  const ofType = (type: string) => columns.map((_, j) => j).filter((j) => meta.types[j] === type);
  const stringCols = ofType('string');
  const numericCols = ofType('number');
  const unitCol = keys.findIndex((k) => UNIT_HEADER.test(k));
  const keyCol = keys.findIndex((k, j) => KEY_HEADER.test(k) && meta.types[j] === 'string' && j !== unitCol);
  const namedValue = keys.findIndex((k, j) => VALUE_HEADER.test(k) && j !== keyCol && j !== unitCol);
  const firstString = stringCols.find((j) => j !== unitCol) ?? -1;
  const looksKeyValue =
    keyCol >= 0 ||
    (namedValue >= 0 && firstString >= 0) ||
    (firstString === 0 &&
      table.rows.length > 1 &&
      numericCols.length <= 1 &&
      columns.length - (unitCol >= 0 ? 1 : 0) === 2);
  if (looksKeyValue) {
    const k = keyCol >= 0 ? keyCol : firstString;
    const v =
      namedValue >= 0
        ? namedValue
        : (numericCols.find((j) => j !== k && j !== unitCol) ?? columns.findIndex((_, j) => j !== k && j !== unitCol));
    if (k < 0 || v < 0) {
      throw fail(
        'UNEXPECTED_SHAPE',
        "il faut une colonne de noms d'indicateurs et une colonne de valeurs (par exemple « indicateur,valeur »)",
        'it needs a column of figure names and a column of values (e.g. "indicateur,valeur")',
      );
    }
    return readPairs(table, k, v, unitCol);
  }
  return readRecord(table, options, unitCol);
}

type Cell = Pick<KeyValue, 'value' | 'text' | 'marker'>;
const cell = (value: number | null, text: string | null = null, marker: MarkerKind | null = null): Cell => ({
  value,
  text,
  marker,
});

/**
 * {@link readKeyValues} for a card: `null` for no input or an input without rows (the empty table of a card given
 * attributes only).
 */
export function readFigures(input: Table | CrossTab | null, options?: ReadKeyValuesOptions): KeyValues | null {
  return input && ('rowLabels' in input ? input.rowLabels : input.rows).length ? readKeyValues(input, options) : null;
}

function cellOf(table: Table, row: number, column: number): Cell {
  const raw: Value = table.rows[row]?.[column] ?? null;
  if (typeof raw === 'number') return cell(raw);
  if (raw === null) {
    // A text among the numbers of a numeric column (`2012-2013` beside figures) is kept by the reading as an issue.
    const text = table.meta.issues.find(
      (x) => x.code === 'INVALID_NUMBER' && x.row === row && x.column === column,
    )?.raw;
    if (text !== undefined) return cell(null, text);
    return cell(null, null, table.meta.markers.find((x) => x.row === row && x.column === column)?.kind ?? null);
  }
  // A column that also holds texts is a text column: its markers (`nd`, `s`…) are read here.
  const key = raw.trim().toLowerCase();
  if (Object.hasOwn(DEFAULT_MARKERS, key)) return cell(null, null, DEFAULT_MARKERS[key]!);
  const n = parseNumber(raw, table.meta.decimal ?? undefined);
  return n === null ? cell(null, raw) : cell(n);
}

function readPairs(table: Table, k: number, v: number, u: number): KeyValues {
  const entries: KeyValue[] = [];
  const skippedLines: number[] = [];
  const {columns, meta} = table;
  // A file with no header line: its first figure was taken as the header (`budget;1050000`).
  const headerValue = parseNumber(columns[v] ?? '', meta.decimal ?? undefined);
  if (meta.headerRows === 1 && headerValue !== null && !KEY_HEADER.test(keyOf(columns[k]!))) {
    const {name, unit} = splitUnit(columns[k]!);
    entries.push({
      key: name,
      value: headerValue,
      text: null,
      unit: u >= 0 ? columns[u] || null : unit,
      marker: null,
      line: meta.headerLine || 1,
    });
  }
  table.rows.forEach((row, i) => {
    const rawKey = String(row[k] ?? '');
    const line = meta.rowLines[i] ?? null;
    if (!rawKey.trim()) {
      if (row.some((c) => c !== null)) skippedLines.push(line ?? i + 1);
      return;
    }
    const {name, unit} = splitUnit(rawKey);
    entries.push({key: name, ...cellOf(table, i, v), unit: (u >= 0 && String(row[u] ?? '').trim()) || unit, line});
  });
  return {shape: 'key-value', entries, skippedLines};
}

function readRecord(table: Table, options: ReadKeyValuesOptions, unitCol: number): KeyValues {
  const {columns, rows, meta} = table;
  let at = 0;
  if (rows.length > 1) {
    const yearCol = columns.findIndex((c) => YEAR_HEADER.test(keyOf(c)));
    const year = options.year?.trim();
    at = year && yearCol >= 0 ? rows.findIndex((r) => r[yearCol] !== null && String(r[yearCol]).trim() === year) : -1;
    if (at < 0) {
      const years = yearCol >= 0 ? rows.map((r) => String(r[yearCol] ?? '')).filter(Boolean) : [];
      const n = rows.length;
      throw years.length
        ? fail(
            'UNEXPECTED_SHAPE',
            `le fichier a ${n} lignes ; choisissez l'année avec l'attribut year (${quoted(years)})`,
            `the file has ${n} rows; choose the year with the year attribute (${quoted(years, true)})`,
          )
        : fail(
            'UNEXPECTED_SHAPE',
            `le fichier a ${n} lignes ; il faut soit une ligne par indicateur (« indicateur,valeur »), soit une seule ligne de valeurs`,
            `the file has ${n} rows; it needs either one row per figure ("indicateur,valeur") or a single row of values`,
          );
    }
  }
  const entries: KeyValue[] = [];
  columns.forEach((c, j) => {
    if (j !== unitCol) {
      const {name, unit} = splitUnit(c);
      entries.push({key: name, ...cellOf(table, at, j), unit, line: meta.rowLines[at] ?? null});
    }
  });
  return {shape: 'record', entries, skippedLines: []};
}

function fromCrossTab(ct: CrossTab): KeyValues {
  const rows = ct.rowLabels.length;
  const columns = ct.columnLabels.length;
  const entry = (label: string, value: number | null | undefined): KeyValue => {
    const {name, unit} = splitUnit(label);
    return {key: name, unit, ...cell(value ?? null), line: null};
  };
  if (columns === 1)
    return {shape: 'key-value', entries: ct.rowLabels.map((k, i) => entry(k, ct.counts[i]![0])), skippedLines: []};
  if (rows === 1)
    return {shape: 'record', entries: ct.columnLabels.map((k, j) => entry(k, ct.counts[0]![j])), skippedLines: []};
  throw fail(
    'UNEXPECTED_SHAPE',
    `il faut une seule colonne de valeurs (ou une seule ligne) ; le tableau a ${rows} lignes et ${columns} colonnes`,
    `it needs a single column of values (or a single row); the table has ${rows} rows and ${columns} columns`,
  );
}

/** The first entry whose key matches one of `aliases` (loose keys, see {@link keyOf}), or `undefined`. */
export function findEntry(entries: readonly KeyValue[], aliases: readonly string[]): KeyValue | undefined {
  const wanted = new Set(aliases.map(keyOf));
  return entries.find((e) => wanted.has(keyOf(e.key)));
}

export {emptyKeyValueTable} from './empty-table.js';
