// The real-file corpus of issue 11 (test/fixtures/real-corpus/, copied byte for byte from the shared corpus):
// every `checks[]` figure of MANIFEST.json translated by hand into code over the parsed Table, one entry per check,
// plus what real-corpus.test.ts needs per file that the manifest says only in prose (its `remarks`): which column
// labels the total rows, which records are not data, which cross-tabs aggregateCsv must reproduce.
//
// Each check reads the table the way the manifest's sentence says, through the public API: columns by name (the
// names of MANIFEST.json), codes compared as text (a code typed as a number would lose its leading zero and fail
// here, which is the point), sums over the cells that hold numbers (a text cell in a summed column fails the check
// with its row), and cross-tab figures through readCrossTab / crossTab as issue 11 asks.
import {crossTab, readCrossTab, type CrossTab, type CrossTabOptions, type Table, type Value} from '@epn/stats';

/** One figure of the manifest: `what` exactly as MANIFEST.json writes it, `expected` its value there. */
export interface RealCheck {
  file: string;
  what: string;
  expected: number | string;
  value: (t: Table) => number | string;
  /**
   * The figure is a text cell, which parseCsv cleans like a label (its documented rule: runs of white space, U+00A0
   * included, become one space): the manifest's text is compared cleaned the same way.
   */
  asLabel?: boolean;
}

/** What the test needs to know of a file beyond MANIFEST.json's fields (taken from its remarks). */
export interface RealFile {
  /** Size and FNV-1a 32 of the bytes: the browser must get the file exactly as on disk. */
  bytes: [number, number];
  /** The column whose label marks the manifest's `totalRows` (readCrossTab's labelColumn). */
  totalsColumn?: string;
  /** How many records of the file carry a total label (the manifest's `rows` leaves them out; the Table keeps them). */
  totalRecords?: number;
  /**
   * Records after the header that are not data rows, by their fields as split (the oracle leaves them out, and the
   * core must not give them as rows either).
   */
  notData?: (fields: string[]) => boolean;
  /** Cross-tabs that aggregateCsv (streaming) must give exactly as crossTab(parseCsv(bytes)). */
  aggregate?: CrossTabOptions[];
  /**
   * Where MANIFEST.json is wrong or ambiguous, checked on the bytes (the manifest is kept as shared, byte for byte):
   * the decimal separators a correct reading may report instead of the manifest's, and numeric columns it missed.
   */
  manifestFix?: {why: string; decimal?: Array<',' | '.' | null>; numericColumns?: string[]};
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers over a Table.

/**
 * The index of a column named as in the manifest: its name in `columns`, else (a file with several header rows,
 * where the core may combine them) its name in one of the header rows as written (`meta.header`). Throws, naming
 * the columns there are, when there is none.
 */
export function col(t: Table, name: string): number {
  const j = t.columns.indexOf(name);
  if (j >= 0) return j;
  for (const row of t.meta.header ?? []) {
    const k = row.indexOf(name);
    if (k >= 0) return k;
  }
  throw new Error(
    `no column « ${name} » (columns: ${t.columns
      .slice(0, 40)
      .map((c) => `« ${c} »`)
      .join(', ')}${t.columns.length > 40 ? '…' : ''})`,
  );
}

/** A cell as text: `null` is '', a number its shortest decimal form. */
export const text = (v: Value | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Per table, the raw text recorded for each cell position (`row * width + column`): markers first, then issues. */
const recordedOf = new WeakMap<Table, Map<number, string>>();

/** The recorded raw text of a `null` cell (its marker's or issue's), else ''. */
export function recordedRaw(t: Table, i: number, j: number): string {
  let byCell = recordedOf.get(t);
  if (!byCell) {
    byCell = new Map();
    const width = t.columns.length;
    for (const m of [...t.meta.issues].reverse())
      if (m.row !== undefined && m.column !== undefined && m.raw !== undefined)
        byCell.set(m.row * width + m.column, m.raw);
    for (const m of [...t.meta.markers].reverse()) byCell.set(m.row * width + m.column, m.raw);
    recordedOf.set(t, byCell);
  }
  return byCell.get(i * t.columns.length + j) ?? '';
}

/** A cell as it was written, as far as the table can tell: its text, or for a `null` its recorded raw text. */
export const raw = (t: Table, i: number, j: number): string => {
  const v = t.rows[i]![j];
  return v === null || v === undefined ? recordedRaw(t, i, j) : String(v);
};

/** Per row, the cells of the named columns as a record `get(name)`. */
type Get = (name: string) => Value;
function rowsOf(t: Table, names: string[]): Get[] {
  const at = new Map(names.map((n) => [n, col(t, n)]));
  return t.rows.map((r) => (name: string) => {
    const j = at.get(name);
    if (j === undefined) throw new Error(`column « ${name} » not declared`);
    return r[j] ?? null;
  });
}

/** A number cell, or an error naming the row (a text cell in a numeric figure is a failure, not a 0). */
function num(t: Table, i: number, name: string, v: Value): number | null {
  if (v === null) return null;
  if (typeof v !== 'number')
    throw new Error(`${name}, row ${i} (line ${t.meta.rowLines[i]}): « ${v} » is text, not a number`);
  return v;
}

/** Rows (indices) where `pred` holds. */
export function where(t: Table, names: string[], pred: (get: Get) => boolean): number[] {
  const out: number[] = [];
  rowsOf(t, names).forEach((get, i) => pred(get) && out.push(i));
  return out;
}

/** Count of rows where `pred` holds. */
export const count = (t: Table, names: string[], pred: (get: Get) => boolean): number => where(t, names, pred).length;

/** Count of rows whose column `name` reads `value` as text. */
export const countEq = (t: Table, name: string, value: string): number =>
  count(t, [name], (g) => text(g(name)) === value);

/** Sum of the numbers of a column over the rows `rows` (all by default); empty and marker cells add nothing. */
export function sum(t: Table, name: string, rows?: number[]): number {
  const j = col(t, name);
  let s = 0;
  for (const i of rows ?? t.rows.map((_, k) => k)) s += num(t, i, name, t.rows[i]![j] ?? null) ?? 0;
  return s;
}

/** Max / min of the numbers of a column. */
export function extreme(t: Table, name: string, which: 'max' | 'min'): number {
  const j = col(t, name);
  const values = t.rows.map((r, i) => num(t, i, name, r[j] ?? null)).filter((v): v is number => v !== null);
  if (!values.length) throw new Error(`${name}: no number`);
  return which === 'max' ? Math.max(...values) : Math.min(...values);
}

/** The single value of column `name` in the row where `conditions` (column → text) all hold. */
export function valueWhere(t: Table, name: string, conditions: Record<string, string>): Value {
  const keys = Object.keys(conditions);
  const rows = where(t, keys, (g) => keys.every((k) => text(g(k)) === conditions[k]));
  if (rows.length !== 1) throw new Error(`${JSON.stringify(conditions)}: ${rows.length} rows match, expected one`);
  return t.rows[rows[0]!]![col(t, name)] ?? null;
}

/** A number found by `valueWhere` (text in a numeric column fails). */
export function numberWhere(t: Table, name: string, conditions: Record<string, string>): number {
  const v = valueWhere(t, name, conditions);
  if (typeof v !== 'number')
    throw new Error(`${name} where ${JSON.stringify(conditions)}: « ${text(v)} » is not a number`);
  return v;
}

/** Number of distinct texts of a column (empty included as ''). */
export const distinct = (t: Table, name: string): number => {
  const j = col(t, name);
  return new Set(t.rows.map((r) => text(r[j]))).size;
};

/** A cell of a cross-tab by its labels (an error naming the labels there are when one is absent). */
export function cell(ct: CrossTab, row: string, column: string): number | null {
  const i = ct.rowLabels.indexOf(row);
  const j = ct.columnLabels.indexOf(column);
  if (i < 0) throw new Error(`cross-tab: no row « ${row} » (rows: ${ct.rowLabels.slice(0, 20).join(', ')}…)`);
  if (j < 0)
    throw new Error(`cross-tab: no column « ${column} » (columns: ${ct.columnLabels.slice(0, 20).join(', ')}…)`);
  return ct.counts[i]![j]!;
}

/** Rows of a cross-tab (indices) whose label satisfies `pred`. */
const labelled = (ct: CrossTab, pred: (label: string) => boolean): number[] =>
  ct.rowLabels.flatMap((l, i) => (pred(l) ? [i] : []));

/** Sum of the cells of one cross-tab column over some rows (a `null` cell makes the sum `NaN`: unknown, not 0). */
function columnSum(ct: CrossTab, rows: number[], column: string): number {
  const j = ct.columnLabels.indexOf(column);
  if (j < 0) throw new Error(`cross-tab: no column « ${column} »`);
  return rows.reduce((s, i) => s + (ct.counts[i]![j] ?? NaN), 0);
}

/** Count of the cells of the given columns (all by default) whose raw text is `value`. */
export function countRaw(t: Table, value: string, columns?: number[], rows?: number[]): number {
  const cs = columns ?? t.columns.map((_, j) => j);
  let n = 0;
  for (const i of rows ?? t.rows.map((_, k) => k)) for (const j of cs) if (raw(t, i, j) === value) n++;
  return n;
}

/** Count of occurrences of a character in the text cells of the data rows. */
export function countChar(t: Table, ch: string, withHeader = false): number {
  let n = 0;
  const inText = (s: string) => s.split(ch).length - 1;
  if (withHeader) for (const c of t.columns) n += inText(c);
  for (const r of t.rows) for (const v of r) if (typeof v === 'string') n += inText(v);
  return n;
}

/** Rows carrying an issue of this code (each row once). */
const rowsWithIssue = (t: Table, code: string): Set<number> =>
  new Set(t.meta.issues.filter((i) => i.code === code && i.row !== undefined).map((i) => i.row!));

const d5 = /^\d{5}$/;

// ---------------------------------------------------------------------------------------------------------------
// The files.

export const FILES: Record<string, RealFile> = {
  'ifn-epci-2023.csv': {bytes: [186009, 0x99f59eac]},
  'conum-cra-codes-postaux-2023.csv': {bytes: [159377, 0xbf368ccb]},
  'cnfs-structures-2023.csv': {bytes: [532353, 0x012971b2]},
  'aidants-connect-structures-2024.csv': {bytes: [852744, 0x01f36240]},
  'aidants-connect-stats-2023.csv': {bytes: [653777, 0xe4bae949]},
  'insee-cog-departements-2023.csv': {bytes: [4546, 0xa2c51e20]},
  'france-services-2022.csv': {bytes: [1035241, 0x5762a392]},
  'lieux-inclusion-region-sud-2022.csv': {bytes: [350218, 0xb0ebccef]},
  'ultra-num-reunion.csv': {bytes: [125746, 0x036aec81]},
  'anct-emploi-zones-emploi.csv': {bytes: [48858, 0x1f1c5f0f]},
  'anct-revenu-median-zones-emploi.csv': {bytes: [16696, 0xa9b5fe11]},
  'epn-netpublic-2017.csv': {bytes: [2805635, 0xffd7f1ef]},
  'barometre-numerique-dictionnaire.txt': {bytes: [47410, 0x78bfaff5]},
  'bibliotheques-amp-horaires.csv': {bytes: [125981, 0xd7f33e73]},
  'hubik-pyrenees-atlantiques.csv': {bytes: [112110, 0x8caea0bb]},
  'nice-cyber-espaces.csv': {bytes: [590, 0xc0ca92b3]},
  'normandie-epn.csv': {bytes: [38407, 0xb8b4ce6c]},
  'auvergne-espaces-numeriques.csv': {bytes: [30664, 0xf4e125b9]},
  'auvergne-fablabs.csv': {bytes: [1197, 0x0514ecf2]},
  'corse-epn.csv': {bytes: [6739, 0x7e0882c5]},
  'connumm-lieux-2020.csv': {bytes: [423429, 0xc25cc2a2]},
  'ternum-bfc-lieux-2020.csv': {bytes: [241244, 0x52de899e]},
  'siilab-hdf-lieux-2020.csv': {bytes: [1342811, 0x822cd5f1]},
  'insee-cog-cantons-2017.txt': {bytes: [98052, 0x8fe6986a]},
  'subventions-castelmaurou-2018.csv': {bytes: [23711, 0x2df55cc3]},
  'insee-bdm-naissances-mensuelles.csv': {bytes: [19404, 0x83f2fe94]},
  'insee-bdm-chomage-localise.csv': {bytes: [202524, 0x52bbaa5f]},
  'ssmsi-delinquance-dep-2016-2023.csv': {bytes: [1380604, 0x8602a81e]},
  'ssmsi-delinquance-dep-2024.csv': {bytes: [1671450, 0x372a727b]},
  'insee-chomage-dep-excel.csv': {bytes: [65387, 0xb6103dea]},
  'insee-salaires-snhm-dep-2018.csv': {bytes: [41053, 0x7a011b5b]},
  'insee-populations-legales-dep.csv': {bytes: [5652, 0x3c2977dc]},
  'insee-ril-bondy-2025.csv': {bytes: [14136, 0x1068d0e0]},
  'insee-filosofi-iris-bondy-2013.csv': {bytes: [944, 0x79c5b8ee]},
  'insee-deces-quotidiens-dep-2021.csv': {bytes: [1780079, 0x8ea490ca]},
  'ofgl-comptes-communes-2024.csv': {bytes: [755862, 0x499ece0b]},
  'rne-senateurs.csv': {bytes: [38122, 0x6c220e62]},
  'anct-crte-epci.csv': {bytes: [262535, 0xd420ddbd]},
  'aptic-referentiel.csv': {bytes: [13008, 0x958f1688]},
  'pyramide-villes-occitanie-2021.csv': {bytes: [129548, 0x87d8dc91]},
};

// Per-file extras (from each file's remarks).
Object.assign(FILES['insee-bdm-chomage-localise.csv']!, {
  // "Each series row is followed by a 'Codes' row giving the status of each value … 'rows' counts series rows only,
  // excluding the two national aggregates": the two aggregates are total rows (labelled in Libellé), the 'Codes'
  // records are annotations of the row above, not data rows.
  totalsColumn: 'Libellé',
  totalRecords: 2,
  notData: (f: string[]) => f[0] === 'Codes',
});
Object.assign(FILES['insee-deces-quotidiens-dep-2021.csv']!, {
  // "Zone 'France' (366 rows, first block) is the aggregate of the 101 'Dept_NN' zones; 'rows' excludes it."
  totalsColumn: 'Zone',
  totalRecords: 366,
  aggregate: [{rows: 'Zone', columns: 'Date_evenement', value: 'Total_deces_2019'}],
});
FILES['siilab-hdf-lieux-2020.csv']!.manifestFix = {
  why:
    "the manifest says decimal null and 'no measure columns', but the last two columns, Latitude and Longitude, hold " +
    "a decimal-comma coordinate in all 1 249 rows ('49,912065', '2,24187')",
  decimal: [','],
  numericColumns: ['Latitude', 'Longitude'],
};
FILES['ultra-num-reunion.csv']!.manifestFix = {
  why:
    "the manifest says decimal null, but the geocoder's columns 'latitude', 'longitude' (108-109, after the empty " +
    "'Latitude'/'Longitude' of 21-22) and 'result_score' hold '.' decimals in 153-155 of the 156 rows ('-20.902798', " +
    "'0.5039168109668108'); a shifted row's text there is an issue, not a number",
  decimal: ['.'],
  numericColumns: ['latitude', 'longitude', 'result_score'],
};
FILES['aidants-connect-structures-2024.csv']!.manifestFix = {
  why:
    "decimal null holds for the measure columns, but Siret is written as a float ('13002603200016.0') and is a " +
    "category code (text or number both right): read as a number, its separator is '.', so '.' is right too",
  decimal: [null, '.'],
};
FILES['pyramide-villes-occitanie-2021.csv']!.aggregate = [
  {rows: 'LIBGEO', columns: 'Age', value: 'Nb_H'},
  {rows: 'LIBGEO', columns: 'Age', value: 'Nb_F', bands: 'seed'},
];
FILES['ssmsi-delinquance-dep-2016-2023.csv']!.aggregate = [{rows: 'classe', columns: 'annee', value: 'faits'}];
FILES['ssmsi-delinquance-dep-2024.csv']!.aggregate = [{rows: 'indicateur', columns: 'annee', value: 'nombre'}];
FILES['ofgl-comptes-communes-2024.csv']!.aggregate = [{rows: 'Agrégat', columns: 'Type de budget', value: 'Montant'}];
FILES['cnfs-structures-2023.csv']!.aggregate = [
  {rows: 'Région', columns: 'Type', value: 'Nombre de conseillers validés par le COSELEC'},
];
FILES['france-services-2022.csv']!.aggregate = [{rows: 'insee_dep', columns: 'format_fs'}];
FILES['normandie-epn.csv']!.aggregate = [{rows: 'DPT', columns: 'STATUT'}];
FILES['rne-senateurs.csv']!.aggregate = [{rows: 'Code sexe', columns: 'Libellé de la catégorie socio-professionnelle'}];
FILES['insee-populations-legales-dep.csv']!.aggregate = [{rows: 'Région', columns: 'REG', value: 'PMUN'}];
FILES['aidants-connect-structures-2024.csv']!.aggregate = [
  {rows: 'Is Active', columns: 'France Services Label', value: "Nombre d'aidants"},
];

// ---------------------------------------------------------------------------------------------------------------
// The checks, file by file, in the manifest's order.

const C = (file: string, what: string, expected: number | string, value: (t: Table) => number | string): RealCheck => ({
  file,
  what,
  expected,
  value,
});
const AGE5 = [
  'Somme de Moins12ans',
  'Somme de De12a18ans',
  'Somme de De18a35ans',
  'Somme de De35a60ans',
  'Somme de Plus60ans',
];

export const CHECKS: RealCheck[] = [
  // ifn-epci-2023.csv
  C('ifn-epci-2023.csv', 'sum of column total over data rows', 7646.353191, (t) => sum(t, 'total')),
  C('ifn-epci-2023.csv', 'value of total where code = 200000172 (CC Faucigny-Glières)', 5.122419823999411, (t) =>
    numberWhere(t, 'total', {code: '200000172'}),
  ),
  C('ifn-epci-2023.csv', 'max of no_thd_coverage_rate', 9.504929, (t) => extreme(t, 'no_thd_coverage_rate', 'max')),
  C('ifn-epci-2023.csv', 'count of data rows where code is not 9 digits', 1, (t) =>
    count(t, ['code'], (g) => !/^\d{9}$/.test(text(g('code')))),
  ),

  // conum-cra-codes-postaux-2023.csv
  C('conum-cra-codes-postaux-2023.csv', 'sum of Somme de Plus60ans over data rows', 1102990, (t) =>
    sum(t, 'Somme de Plus60ans'),
  ),
  // A wide age-band table (issue 11, case 8: Moins12ans … Plus60ans): its grand total through readCrossTab, the five
  // columns chosen by name, the postal codes as row labels (no row is a total).
  C(
    'conum-cra-codes-postaux-2023.csv',
    'sum of the five age-band columns (Moins12ans..Plus60ans) over data rows',
    2354479,
    (t) => readCrossTab(t, {labelColumn: 'CodePostal', columns: AGE5}).total ?? NaN,
  ),
  C('conum-cra-codes-postaux-2023.csv', 'count of rows whose CodePostal is exactly 5 digits', 4783, (t) =>
    count(t, ['CodePostal'], (g) => d5.test(text(g('CodePostal')))),
  ),
  C('conum-cra-codes-postaux-2023.csv', 'value of Somme de De35a60ans where CodePostal = 97680', 575, (t) =>
    numberWhere(t, 'Somme de De35a60ans', {CodePostal: '97680'}),
  ),

  // cnfs-structures-2023.csv
  C('cnfs-structures-2023.csv', 'sum of Nombre de conseillers validés par le COSELEC', 3925, (t) =>
    sum(t, 'Nombre de conseillers validés par le COSELEC'),
  ),
  C('cnfs-structures-2023.csv', 'sum of Investissement financier estimatif total de l’Etat', 191973121, (t) =>
    sum(t, 'Investissement financier estimatif total de l’Etat'),
  ),
  C('cnfs-structures-2023.csv', "count of rows where Département = 'Calvados'", 20, (t) =>
    countEq(t, 'Département', 'Calvados'),
  ),
  C('cnfs-structures-2023.csv', "count of rows where Code département = '2A' or '2B'", 32, (t) =>
    count(t, ['Code département'], (g) => ['2A', '2B'].includes(text(g('Code département')))),
  ),

  // aidants-connect-structures-2024.csv
  C('aidants-connect-structures-2024.csv', "sum of Nombre d'aidants", 16463, (t) => sum(t, "Nombre d'aidants")),
  C('aidants-connect-structures-2024.csv', "count of rows where Is Active = 'true'", 5181, (t) =>
    countEq(t, 'Is Active', 'true'),
  ),
  C('aidants-connect-structures-2024.csv', "sum of column 12 (Question 110 → Nombre D'usagers Uniques)", 42049, (t) => {
    expect12(t, "Question 110 → Nombre D'usagers Uniques");
    return sum(t, "Question 110 → Nombre D'usagers Uniques");
  }),
  C('aidants-connect-structures-2024.csv', 'count of rows whose City Insee Code is empty', 225, (t) =>
    countEq(t, 'City Insee Code', ''),
  ),

  // aidants-connect-stats-2023.csv
  C(
    'aidants-connect-stats-2023.csv',
    'sum of Nombre De Demarche Par Structure (thousands separator U+202F removed)',
    348740,
    (t) => sum(t, 'Nombre De Demarche Par Structure'),
  ),
  C('aidants-connect-stats-2023.csv', "sum of Nombre d'aidants", 16081, (t) => sum(t, "Nombre d'aidants")),
  // The table holds numbers, not their text: in this file a number has a U+202F exactly when it is 1 000 or more
  // (checked on the bytes with Python: 173 cells of columns 9-21 hold U+202F, 173 hold a value >= 1000), so the
  // figure is the count of numbers >= 1000 in columns 9-21 (1-based), all of which must be numbers.
  C('aidants-connect-stats-2023.csv', 'count of numeric cells (columns 9-21) containing U+202F', 173, (t) => {
    let n = 0;
    for (let j = 8; j <= 20; j++)
      for (let i = 0; i < t.rows.length; i++) {
        const v = num(t, i, t.columns[j]!, t.rows[i]![j] ?? null);
        if (v !== null && Math.abs(v) >= 1000) n++;
      }
    return n;
  }),
  C('aidants-connect-stats-2023.csv', "count of rows where Is Active = 'TRUE'", 5171, (t) =>
    countEq(t, 'Is Active', 'TRUE'),
  ),

  // insee-cog-departements-2023.csv
  C('insee-cog-departements-2023.csv', "value of LIBELLE where DEP = '2A'", 'Corse-du-Sud', (t) =>
    text(valueWhere(t, 'LIBELLE', {DEP: '2A'})),
  ),
  C('insee-cog-departements-2023.csv', "count of rows where REG = '28' (Normandie)", 5, (t) => countEq(t, 'REG', '28')),
  C('insee-cog-departements-2023.csv', "value of CHEFLIEU where DEP = '14'", '14118', (t) =>
    text(valueWhere(t, 'CHEFLIEU', {DEP: '14'})),
  ),

  // france-services-2022.csv
  C('france-services-2022.csv', "count of rows where insee_dep = '14'", 42, (t) => countEq(t, 'insee_dep', '14')),
  C('france-services-2022.csv', "count of rows where format_fs = 'Antenne'", 142, (t) =>
    countEq(t, 'format_fs', 'Antenne'),
  ),
  C('france-services-2022.csv', 'number of distinct insee_dep values', 102, (t) => distinct(t, 'insee_dep')),
  C('france-services-2022.csv', "count of rows where itinerance = 'Oui'", 288, (t) => countEq(t, 'itinerance', 'Oui')),

  // lieux-inclusion-region-sud-2022.csv
  // Over the header names and every text cell (checked on the bytes: the header has none, the latitude and
  // longitude columns none; all 7 639 are in text cells).
  C('lieux-inclusion-region-sud-2022.csv', 'count of U+FFFD replacement characters in the whole file', 7639, (t) =>
    countChar(t, '\ufffd', true),
  ),
  C('lieux-inclusion-region-sud-2022.csv', "count of rows where adresse_departement = 'Var'", 188, (t) =>
    countEq(t, 'adresse_departement', 'Var'),
  ),
  C('lieux-inclusion-region-sud-2022.csv', 'count of rows with a non-empty latitude', 1231, (t) => {
    const j = col(t, 'latitude');
    return t.rows.filter((_, i) => raw(t, i, j) !== '').length;
  }),
  C('lieux-inclusion-region-sud-2022.csv', 'count of rows where adresse_code_postal has 4 digits', 545, (t) =>
    count(t, ['adresse_code_postal'], (g) => /^\d{4}$/.test(text(g('adresse_code_postal')))),
  ),

  // ultra-num-reunion.csv
  // A record with one field fewer than the header is a short row: the table pads it and says so (SHORT_ROW).
  C('ultra-num-reunion.csv', 'count of records with 124 fields (one fewer than the header)', 2, (t) => {
    need(t.columns.length === 125, `125 columns, not ${t.columns.length}`);
    return rowsWithIssue(t, 'SHORT_ROW').size;
  }),
  C('ultra-num-reunion.csv', "count of rows where Type de lieu = 'Espace Public Numérique autre'", 133, (t) =>
    countEq(t, 'Type de lieu', 'Espace Public Numérique autre'),
  ),
  C('ultra-num-reunion.csv', 'count of rows where Code postal is 5 digits starting with 974', 82, (t) =>
    count(t, ['Code postal'], (g) => /^974\d\d$/.test(text(g('Code postal')))),
  ),

  // anct-emploi-zones-emploi.csv
  C('anct-emploi-zones-emploi.csv', 'sum of empl_tot_2015 over data rows', 27336275, (t) => sum(t, 'empl_tot_2015')),
  C('anct-emploi-zones-emploi.csv', "value of empl_tot_1998 where codgeo = '0050' (Mont-de-Marsan)", 61892, (t) =>
    numberWhere(t, 'empl_tot_1998', {codgeo: '0050'}),
  ),
  C('anct-emploi-zones-emploi.csv', 'count of rows where codreg is empty', 8, (t) => {
    const j = col(t, 'codreg');
    return t.rows.filter((_, i) => raw(t, i, j) === '').length;
  }),
  C('anct-emploi-zones-emploi.csv', 'sum of 1999empl_tot_ over data rows', 24937151, (t) => sum(t, '1999empl_tot_')),

  // anct-revenu-median-zones-emploi.csv
  C('anct-revenu-median-zones-emploi.csv', 'sum of value1 over data rows', 6170690.2, (t) => sum(t, 'value1')),
  C('anct-revenu-median-zones-emploi.csv', "value of value0 where codgeo = '0051' (Alençon)", 18501.125, (t) =>
    numberWhere(t, 'value0', {codgeo: '0051'}),
  ),
  // The table holds numbers: a value1 written with a decimal comma is one with a fractional part (checked on the
  // bytes: 205 cells hold a comma, 205 values are not integers, and no comma value is a whole number).
  C('anct-revenu-median-zones-emploi.csv', 'count of value1 cells containing a decimal comma', 205, (t) => {
    const j = col(t, 'value1');
    return t.rows.filter((r, i) => {
      const v = num(t, i, 'value1', r[j] ?? null);
      return v !== null && !Number.isInteger(v);
    }).length;
  }),

  // epn-netpublic-2017.csv ('address by position': the first of the repeated names is the column meant)
  C('epn-netpublic-2017.csv', "count of rows where Statut = 'Collectivité publique'", 640, (t) =>
    countEq(t, 'Statut', 'Collectivité publique'),
  ),
  C('epn-netpublic-2017.csv', "count of rows where the first 'Label NetPublic' column (col 6) = '1'", 2363, (t) => {
    need(col(t, 'Label NetPublic') === 5, `'Label NetPublic' is column ${col(t, 'Label NetPublic') + 1}, not 6`);
    return countEq(t, 'Label NetPublic', '1');
  }),
  C(
    'epn-netpublic-2017.csv',
    "count of rows where the first 'Code postal' column (col 13) starts with '14'",
    43,
    (t) => {
      need(col(t, 'Code postal') === 12, `'Code postal' is column ${col(t, 'Code postal') + 1}, not 13`);
      return count(t, ['Code postal'], (g) => text(g('Code postal')).startsWith('14'));
    },
  ),
  // Records with fewer fields are padded with a SHORT_ROW issue each: the complete ones are the others.
  C('epn-netpublic-2017.csv', 'count of records having all 131 fields', 70, (t) => {
    need(t.columns.length === 131, `131 columns, not ${t.columns.length}`);
    return t.rows.length - rowsWithIssue(t, 'SHORT_ROW').size;
  }),

  // barometre-numerique-dictionnaire.txt
  C('barometre-numerique-dictionnaire.txt', 'count of variable lines (non-empty Nom)', 274, (t) =>
    count(t, ['Nom'], (g) => text(g('Nom')) !== ''),
  ),
  C('barometre-numerique-dictionnaire.txt', "count of '€' characters in data rows", 18, (t) => countChar(t, '€')),
  C(
    'barometre-numerique-dictionnaire.txt',
    "value of Descriptif et modalités where Nom = 'ABILITY'",
    'Comment qualifieriez-vous votre propre compétence pour utiliser un ordinateur ?',
    (t) => text(valueWhere(t, 'Descriptif et modalités', {Nom: 'ABILITY'})),
  ),

  // bibliotheques-amp-horaires.csv ('NA' is text in a text column, or a recorded marker: its raw text either way)
  C('bibliotheques-amp-horaires.csv', "count of rows where jour = 'lundi'", 101, (t) => countEq(t, 'jour', 'lundi')),
  C('bibliotheques-amp-horaires.csv', "count of rows where ouverture_am = 'NA'", 432, (t) =>
    countRaw(t, 'NA', [col(t, 'ouverture_am')]),
  ),
  C('bibliotheques-amp-horaires.csv', 'number of distinct nom values', 24, (t) => distinct(t, 'nom')),

  // hubik-pyrenees-atlantiques.csv (column names are those of the second header row)
  C(
    'hubik-pyrenees-atlantiques.csv',
    "count of rows where 'Accompagnement en groupe sur inscription' = 'oui'",
    33,
    (t) => countEq(t, 'Accompagnement en groupe sur inscription', 'oui'),
  ),
  C('hubik-pyrenees-atlantiques.csv', "value of Lat where id = '124'", 43.361158, (t) =>
    numberWhere(t, 'Lat', {id: '124'}),
  ),
  C('hubik-pyrenees-atlantiques.csv', 'sum of Long over data rows', -125.145756, (t) => sum(t, 'Long')),
  C('hubik-pyrenees-atlantiques.csv', 'count of rows with an empty id', 17, (t) => {
    const j = col(t, 'id');
    return t.rows.filter((_, i) => raw(t, i, j) === '').length;
  }),

  // nice-cyber-espaces.csv (Mac Roman: 0x8E is 'é', 0xCA U+00A0)
  C('nice-cyber-espaces.csv', "count of rows where ETABLISSEMENT_CODE_POSTAL = '06300'", 3, (t) =>
    countEq(t, 'ETABLISSEMENT_CODE_POSTAL', '06300'),
  ),
  // The manifest's value holds three U+00A0 (Mac Roman 0xCA), and so does the file; the table holds the cell cleaned
  // like a label (asLabel): what this check guards is the é read from 0x8E, and 0xCA read as a space, not as « Ê ».
  {
    ...C(
      'nice-cyber-espaces.csv',
      "value of ETABLISSEMENT_ADRESSE where ETABLISSEMENT_NOM = 'Vila Vielha' (contains two U+00A0)",
      '4,\u00a0rue\u00a0Sainte\u00a0Réparate',
      (t) => text(valueWhere(t, 'ETABLISSEMENT_ADRESSE', {ETABLISSEMENT_NOM: 'Vila Vielha'})),
    ),
    asLabel: true,
  },

  // normandie-epn.csv
  C('normandie-epn.csv', "count of rows where DPT = 'Calvados'", 41, (t) => countEq(t, 'DPT', 'Calvados')),
  C('normandie-epn.csv', 'count of rows where DPT in (Calvados, Manche, Orne)', 105, (t) =>
    count(t, ['DPT'], (g) => ['Calvados', 'Manche', 'Orne'].includes(text(g('DPT')))),
  ),
  C('normandie-epn.csv', "count of rows where STATUT = 'labellisé'", 99, (t) => countEq(t, 'STATUT', 'labellisé')),
  C('normandie-epn.csv', "count of rows where CRANT = 'CRANT de la Manche'", 46, (t) =>
    countEq(t, 'CRANT', 'CRANT de la Manche'),
  ),

  // auvergne-espaces-numeriques.csv
  C('auvergne-espaces-numeriques.csv', 'count of rows where Code postal has only 4 digits', 23, (t) =>
    count(t, ['Code postal'], (g) => /^\d{4}$/.test(text(g('Code postal')))),
  ),
  C(
    'auvergne-espaces-numeriques.csv',
    "count of rows where Statut = 'Association (Délégation de service public)'",
    35,
    (t) => countEq(t, 'Statut', 'Association (Délégation de service public)'),
  ),
  C('auvergne-espaces-numeriques.csv', 'sum of Latitude over data rows', 6112.980244, (t) => sum(t, 'Latitude')),

  // auvergne-fablabs.csv
  C('auvergne-fablabs.csv', 'sum of Latitude over data rows', 317.474386, (t) => sum(t, 'Latitude')),
  C('auvergne-fablabs.csv', "value of Longitude where Nom = 'ACoLab'", 3.075424, (t) =>
    numberWhere(t, 'Longitude', {Nom: 'ACoLab'}),
  ),

  // corse-epn.csv
  C('corse-epn.csv', "count of rows where commune = 'Bastia'", 5, (t) => countEq(t, 'commune', 'Bastia')),
  C('corse-epn.csv', 'sum of Y over data rows', 932.018703, (t) => sum(t, 'Y')),
  C('corse-epn.csv', "count of rows where code_post = '20250' (Corte)", 2, (t) => countEq(t, 'code_post', '20250')),

  // connumm-lieux-2020.csv ('nan' is text in a code column, or a recorded marker: its raw text either way)
  C('connumm-lieux-2020.csv', "count of rows where departement = '44.0'", 253, (t) =>
    countEq(t, 'departement', '44.0'),
  ),
  C('connumm-lieux-2020.csv', "count of rows where Code postal = 'nan'", 6, (t) =>
    countRaw(t, 'nan', [col(t, 'Code postal')]),
  ),
  C('connumm-lieux-2020.csv', "count of rows where APTIC = 'Oui'", 3, (t) => countEq(t, 'APTIC', 'Oui')),
  C('connumm-lieux-2020.csv', 'sum of result_score over data rows', 617.11, (t) => sum(t, 'result_score')),

  // ternum-bfc-lieux-2020.csv
  C('ternum-bfc-lieux-2020.csv', "count of rows where departement = '71'", 131, (t) => countEq(t, 'departement', '71')),
  C('ternum-bfc-lieux-2020.csv', "count of rows where code_label = '-MSAP'", 79, (t) =>
    countEq(t, 'code_label', '-MSAP'),
  ),
  C('ternum-bfc-lieux-2020.csv', 'sum of lat over data rows', 30255.694767, (t) => sum(t, 'lat')),

  // siilab-hdf-lieux-2020.csv
  C('siilab-hdf-lieux-2020.csv', "count of rows where Statut = 'Public'", 957, (t) => countEq(t, 'Statut', 'Public')),
  C('siilab-hdf-lieux-2020.csv', "count of rows where EPN = 'Oui'", 90, (t) => countEq(t, 'EPN', 'Oui')),
  C('siilab-hdf-lieux-2020.csv', "count of rows where CP starts with '59'", 452, (t) =>
    count(t, ['CP'], (g) => text(g('CP')).startsWith('59')),
  ),

  // insee-cog-cantons-2017.txt
  C('insee-cog-cantons-2017.txt', "count of rows where DEP = '14'", 25, (t) => countEq(t, 'DEP', '14')),
  C('insee-cog-cantons-2017.txt', "value of NCCENR where DEP = '14' and CANTON = '01'", 'Aunay-sur-Odon', (t) =>
    text(valueWhere(t, 'NCCENR', {DEP: '14', CANTON: '01'})),
  ),
  C('insee-cog-cantons-2017.txt', "count of rows where TYPCT = '1'", 1422, (t) => countEq(t, 'TYPCT', '1')),

  // subventions-castelmaurou-2018.csv
  C('subventions-castelmaurou-2018.csv', 'sum of montant over data rows', 228633.46, (t) => sum(t, 'montant')),
  C('subventions-castelmaurou-2018.csv', "sum of montant where dateConvention starts with '2018'", 37840.88, (t) =>
    sum(
      t,
      'montant',
      where(t, ['dateConvention'], (g) => text(g('dateConvention')).startsWith('2018')),
    ),
  ),
  C('subventions-castelmaurou-2018.csv', 'number of distinct idBeneficiaire', 17, (t) => distinct(t, 'idBeneficiaire')),

  // insee-bdm-naissances-mensuelles.csv (names from the first header row: the periods are under 'Libellé')
  C('insee-bdm-naissances-mensuelles.csv', 'sum of births over the 12 months of 2017', 730242, (t) => {
    const rows = where(t, ['Libellé'], (g) => text(g('Libellé')).startsWith('2017-'));
    need(rows.length === 12, `${rows.length} rows of 2017, not 12`);
    return sum(t, BIRTHS, rows);
  }),
  C('insee-bdm-naissances-mensuelles.csv', 'value of births for 2018-12', 59800, (t) =>
    numberWhere(t, BIRTHS, {Libellé: '2018-12'}),
  ),
  C('insee-bdm-naissances-mensuelles.csv', "count of rows where Codes = 'P'", 12, (t) => countEq(t, 'Codes', 'P')),

  // insee-bdm-chomage-localise.csv
  C(
    'insee-bdm-chomage-localise.csv',
    "value of 2023-T3 for 'Taux de chômage localisé par région - France métropolitaine'",
    7.2,
    (t) => numberWhere(t, '2023-T3', {Libellé: 'Taux de chômage localisé par région - France métropolitaine'}),
  ),
  C(
    'insee-bdm-chomage-localise.csv',
    "count of département series (Libellé starts with 'Taux de chômage localisé par département')",
    96,
    (t) => count(t, ['Libellé'], (g) => text(g('Libellé')).startsWith('Taux de chômage localisé par département')),
  ),
  C('insee-bdm-chomage-localise.csv', 'sum of 2023-T3 over the département series', 685, (t) =>
    sum(
      t,
      '2023-T3',
      where(t, ['Libellé'], (g) => text(g('Libellé')).startsWith('Taux de chômage localisé par département')),
    ),
  ),
  // The 'Codes' records are annotations, not data: the core may keep them aside (meta.skipped) or as rows; either way
  // all 111 must be accounted for.
  C(
    'insee-bdm-chomage-localise.csv',
    "count of 'Codes' rows (status annotation rows, not data)",
    111,
    (t) => countEq(t, 'Libellé', 'Codes') + t.meta.skipped.filter((s) => /^"?Codes\b/.test(s.text)).length,
  ),

  // ssmsi-delinquance-dep-2016-2023.csv
  C(
    'ssmsi-delinquance-dep-2016-2023.csv',
    "sum of faits where classe = 'Cambriolages de logement' and annee = '23'",
    217632,
    (t) =>
      cell(crossTab(t, {rows: 'classe', columns: 'annee', value: 'faits'}), 'Cambriolages de logement', '23') ?? NaN,
  ),
  C(
    'ssmsi-delinquance-dep-2016-2023.csv',
    "value of tauxpourmille where classe = 'Homicides', annee = '16', Code.département = '01'",
    0.00783177350511023,
    (t) => numberWhere(t, 'tauxpourmille', {classe: 'Homicides', annee: '16', 'Code.département': '01'}),
  ),
  // 'NA' as text (the code columns) or as a recorded marker (the numeric columns): its raw text either way.
  C('ssmsi-delinquance-dep-2016-2023.csv', "count of 'NA' cells in the whole table", 896, (t) => countRaw(t, 'NA')),
  C(
    'ssmsi-delinquance-dep-2016-2023.csv',
    "value of faits where classe = 'Cambriolages de logement', annee = '23', Code.département = '14'",
    1783,
    (t) => numberWhere(t, 'faits', {classe: 'Cambriolages de logement', annee: '23', 'Code.département': '14'}),
  ),

  // ssmsi-delinquance-dep-2024.csv
  C(
    'ssmsi-delinquance-dep-2024.csv',
    "sum of nombre where indicateur = 'Cambriolages de logement' and annee = '2023'",
    217078,
    (t) =>
      cell(crossTab(t, {rows: 'indicateur', columns: 'annee', value: 'nombre'}), 'Cambriolages de logement', '2023') ??
      NaN,
  ),
  C(
    'ssmsi-delinquance-dep-2024.csv',
    "value of nombre where indicateur = 'Cambriolages de logement', annee = '2023', Code_departement = '14'",
    1776,
    (t) => numberWhere(t, 'nombre', {indicateur: 'Cambriolages de logement', annee: '2023', Code_departement: '14'}),
  ),
  C(
    'ssmsi-delinquance-dep-2024.csv',
    "value of taux_pour_mille where indicateur = 'Homicides', annee = '2016', Code_departement = '01'",
    0.0078318,
    (t) => numberWhere(t, 'taux_pour_mille', {indicateur: 'Homicides', annee: '2016', Code_departement: '01'}),
  ),

  // insee-chomage-dep-excel.csv
  C('insee-chomage-dep-excel.csv', "value of T1_1982 where Code = '1' (AIN)", 3.8, (t) =>
    numberWhere(t, 'T1_1982', {Code: '1'}),
  ),
  C('insee-chomage-dep-excel.csv', 'sum of T4_2021 over data rows', 738.3, (t) => sum(t, 'T4_2021')),
  C('insee-chomage-dep-excel.csv', 'count of empty cells in period columns', 512, (t) =>
    countRaw(
      t,
      '',
      t.columns.flatMap((c, j) => (/^T[1-4]_\d{4}$/.test(c) ? [j] : [])),
    ),
  ),
  C('insee-chomage-dep-excel.csv', "value of T4_2021 where Code = '14'", 6.5, (t) =>
    numberWhere(t, 'T4_2021', {Code: '14'}),
  ),

  // insee-salaires-snhm-dep-2018.csv
  C('insee-salaires-snhm-dep-2018.csv', "value of SNHM18 where CODGEO = '14'", 13.503221640518, (t) =>
    numberWhere(t, 'SNHM18', {CODGEO: '14'}),
  ),
  C('insee-salaires-snhm-dep-2018.csv', 'sum of SNHM18 over data rows', 1398.059277, (t) => sum(t, 'SNHM18')),
  C('insee-salaires-snhm-dep-2018.csv', 'max of SNHMF5018 over data rows', 24.907775, (t) =>
    extreme(t, 'SNHMF5018', 'max'),
  ),

  // insee-populations-legales-dep.csv
  C('insee-populations-legales-dep.csv', 'sum of PMUN over data rows', 68094280, (t) => sum(t, 'PMUN')),
  // Through readCrossTab (départements as row labels): no département may be taken for an aggregate (issue 11, case 2).
  C(
    'insee-populations-legales-dep.csv',
    'sum of PMUN for DEP in (14, 50, 61) (former Basse-Normandie)',
    1482164,
    (t) => {
      const ct = readCrossTab(t, {labelColumn: 'DEP', columns: ['PMUN']});
      return columnSum(
        ct,
        labelled(ct, (l) => ['14', '50', '61'].includes(l)),
        'PMUN',
      );
    },
  ),
  C('insee-populations-legales-dep.csv', "value of PTOT where DEP = '14'", 722979, (t) =>
    numberWhere(t, 'PTOT', {DEP: '14'}),
  ),
  C('insee-populations-legales-dep.csv', 'sum of NBCOM over data rows', 34858, (t) => sum(t, 'NBCOM')),

  // insee-ril-bondy-2025.csv
  C('insee-ril-bondy-2025.csv', 'sum of nombre_logements over data rows', 521, (t) => sum(t, 'nombre_logements')),
  C('insee-ril-bondy-2025.csv', "count of '¶' characters in data rows", 55, (t) => countChar(t, '¶')),
  C('insee-ril-bondy-2025.csv', "value of nombre_logements where id_ea = '930100000003976'", 104, (t) =>
    numberWhere(t, 'nombre_logements', {id_ea: '930100000003976'}),
  ),

  // insee-filosofi-iris-bondy-2013.csv
  C('insee-filosofi-iris-bondy-2013.csv', 'sum of DISP_MED13 over data rows', 324526.2, (t) => sum(t, 'DISP_MED13')),
  C('insee-filosofi-iris-bondy-2013.csv', "value of DISP_MED13 where IRIS = '930100301'", 22839, (t) =>
    numberWhere(t, 'DISP_MED13', {IRIS: '930100301'}),
  ),
  C('insee-filosofi-iris-bondy-2013.csv', 'min of DISP_MED13', 12005.4, (t) => extreme(t, 'DISP_MED13', 'min')),

  // insee-deces-quotidiens-dep-2021.csv
  C('insee-deces-quotidiens-dep-2021.csv', "value of Total_deces_2019 for Zone = 'France' on '31-déc.'", 613456, (t) =>
    numberWhere(t, 'Total_deces_2019', {Zone: 'France', Date_evenement: '31-déc.'}),
  ),
  // Zone × day cross-tab of Total_deces_2019; the département rows of the '31-déc.' column summed.
  C(
    'insee-deces-quotidiens-dep-2021.csv',
    "sum of Total_deces_2019 over the département rows of '31-déc.' (equals the France row)",
    613456,
    (t) => {
      const ct = crossTab(t, {rows: 'Zone', columns: 'Date_evenement', value: 'Total_deces_2019'});
      const depts = labelled(ct, (l) => l.startsWith('Dept_'));
      need(depts.length === 101, `${depts.length} département rows, not 101`);
      return columnSum(ct, depts, '31-déc.');
    },
  ),
  C('insee-deces-quotidiens-dep-2021.csv', "value of Total_deces_2021 for Zone = 'Dept_14' on '06-sept.'", 5499, (t) =>
    numberWhere(t, 'Total_deces_2021', {Zone: 'Dept_14', Date_evenement: '06-sept.'}),
  ),
  C('insee-deces-quotidiens-dep-2021.csv', "count of 'NA' cells in data rows", 23028, (t) =>
    countRaw(
      t,
      'NA',
      undefined,
      where(t, ['Zone'], (g) => text(g('Zone')) !== 'France'),
    ),
  ),

  // ofgl-comptes-communes-2024.csv
  C(
    'ofgl-comptes-communes-2024.csv',
    "sum of Montant where Agrégat = 'Dépenses totales' and Type de budget = 'Budget principal'",
    802182317.28,
    (t) =>
      cell(
        crossTab(t, {rows: 'Agrégat', columns: 'Type de budget', value: 'Montant'}),
        'Dépenses totales',
        'Budget principal',
      ) ?? NaN,
  ),
  C(
    'ofgl-comptes-communes-2024.csv',
    "value of Montant en € par habitant where Nom 2024 Commune = 'Les Abymes', Agrégat = 'Achats et charges externes', Type de budget = 'Budget principal'",
    147.54712794279845,
    (t) =>
      numberWhere(t, 'Montant en € par habitant', {
        'Nom 2024 Commune': 'Les Abymes',
        Agrégat: 'Achats et charges externes',
        'Type de budget': 'Budget principal',
      }),
  ),
  C('ofgl-comptes-communes-2024.csv', 'number of distinct Code Insee 2024 Commune', 32, (t) =>
    distinct(t, 'Code Insee 2024 Commune'),
  ),
  C('ofgl-comptes-communes-2024.csv', "count of rows where Type de budget = 'Budget annexe'", 954, (t) =>
    countEq(t, 'Type de budget', 'Budget annexe'),
  ),

  // rne-senateurs.csv (ISO dates compare as text)
  C('rne-senateurs.csv', "count of rows where Code sexe = 'F'", 135, (t) => countEq(t, 'Code sexe', 'F')),
  C('rne-senateurs.csv', 'count of rows with Date de naissance before 1960-01-01', 128, (t) =>
    count(t, ['Date de naissance'], (g) => {
      const d = text(g('Date de naissance'));
      return /^\d{4}-\d\d-\d\d$/.test(d) && d < '1960-01-01';
    }),
  ),
  C('rne-senateurs.csv', "count of rows where Code du département = '14'", 3, (t) =>
    countEq(t, 'Code du département', '14'),
  ),
  C('rne-senateurs.csv', "count of rows where Code du département = 'ZZ'", 12, (t) =>
    countEq(t, 'Code du département', 'ZZ'),
  ),

  // anct-crte-epci.csv
  C('anct-crte-epci.csv', 'number of distinct id_crte', 854, (t) => distinct(t, 'id_crte')),
  C('anct-crte-epci.csv', "count of rows where dep_chef_file = '14'", 16, (t) => countEq(t, 'dep_chef_file', '14')),
  C('anct-crte-epci.csv', "count of rows whose siren_grp_supra contains ' ; '", 102, (t) =>
    count(t, ['siren_grp_supra'], (g) => text(g('siren_grp_supra')).includes(' ; ')),
  ),

  // aptic-referentiel.csv
  C('aptic-referentiel.csv', "count of rows where catégorie = 'Maîtriser le numérique'", 54, (t) =>
    countEq(t, 'catégorie', 'Maîtriser le numérique'),
  ),
  C('aptic-referentiel.csv', 'number of distinct sous-catégorie', 9, (t) => distinct(t, 'sous-catégorie')),
  C('aptic-referentiel.csv', "value of service where numéro = '129'", 'Découvrir les métiers du numérique', (t) =>
    text(valueWhere(t, 'service', {numéro: '129'})),
  ),

  // pyramide-villes-occitanie-2021.csv
  C('pyramide-villes-occitanie-2021.csv', 'sum of column Nb_H over data rows', 883801, (t) => sum(t, 'Nb_H')),
  C('pyramide-villes-occitanie-2021.csv', 'sum of column Nb_F over data rows', 972206, (t) => sum(t, 'Nb_F')),
  // Town × age cross-tabs (men, women): Toulouse's row totals.
  C('pyramide-villes-occitanie-2021.csv', 'sum of Nb_H + Nb_F where LIBGEO = Toulouse', 503980, (t) => {
    const rowTotal = (value: string) => {
      const ct = crossTab(t, {rows: 'LIBGEO', columns: 'Age', value});
      return ct.rowTotals[ct.rowLabels.indexOf('Toulouse')] ?? NaN;
    };
    return rowTotal('Nb_H') + rowTotal('Nb_F');
  }),
  // The seed's bands over the single-year ages: the '65 +' band (66 and over) of the men's column totals.
  C(
    'pyramide-villes-occitanie-2021.csv',
    "sum of Nb_H where Age >= 66 (the seed's 65 + band starts at 66)",
    136362,
    (t) => {
      const ct = crossTab(t, {rows: 'LIBGEO', columns: 'Age', value: 'Nb_H', bands: 'seed'});
      return ct.columnTotals[ct.columnLabels.indexOf('65 +')] ?? NaN;
    },
  ),
];

const BIRTHS = 'Démographie - Nombre de naissances vivantes - France métropolitaine';

/** A precondition of a check's reading (thrown, so that the check fails with the reason). */
function need(ok: boolean, why: string): void {
  if (!ok) throw new Error(why);
}

/** "column 12": the named column is the 12th. */
function expect12(t: Table, name: string): void {
  need(col(t, name) === 11, `« ${name} » is column ${col(t, name) + 1}, not 12`);
}
