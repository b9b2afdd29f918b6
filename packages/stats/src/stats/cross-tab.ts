import {badOption, EpnDataError} from '../errors.js';
import type {Issue, Marker, Table, Value} from '../table.js';
import {cleanLabel, looseKey} from '../text.js';
import {ageBands, orderAgeLabels, SEED_AGE_BANDS, type AgeBands} from './age-bands.js';
import {isIdentifierHeader} from '../csv/parse.js';
import {isSexColumn, sexOf} from './sex.js';

/**
 * A row that is not a category of its own: a `dont …` sub-row, or an aggregate such as `France métropolitaine` (or a
 * second `Total` row). Kept aside, never counted in the sums.
 */
export interface SubRow {
  /** The row's label as written. */
  label: string;
  /** `dont` for a « dont … » sub-row, `aggregate` for a territory aggregate. */
  kind: 'dont' | 'aggregate';
  /** Its cells, aligned with the cross-tab's columns. */
  counts: (number | null)[];
}

/** A cell of a cross-tab that the file gave as a marker (`s`, `n.d.`…): its count is `null`, and this says why. */
export interface CellMarker extends CellMark {
  /** Index into `rowLabels` (and `counts`). */
  row: number;
  /** Index into `columnLabels`. */
  column: number;
}

/** A marker's kind (`secret`, `unavailable`, `empty`) and its text as written. */
export type CellMark = Pick<Marker, 'kind' | 'raw'>;

/** The most cells {@link crossTab} builds (communes × single-year ages, 35 000 × 101, fit). */
const MAX_CELLS = 10_000_000;

/** What a cross-tab knows about its origin. */
export interface CrossTabMeta {
  /** Name of the column holding the row categories (`sexe`, `niveau`…). */
  rowTitle: string;
  /** Name of the column holding the column categories, for long tables (`age`); empty for wide tables. */
  columnTitle: string;
  /** The totals given by the file, when it had them (else `null`). */
  givenRowTotals: (number | null)[] | null;
  /** The column totals given by the file (its Total row), or `null`. */
  givenColumnTotals: (number | null)[] | null;
  /** The grand total given by the file, or `null`. */
  givenTotal: number | null;
  /** `dont …` rows and aggregates, kept aside. */
  subRows: SubRow[];
  /** Rows of the input left out of the counts, by reason (null key, age outside the bands). */
  excluded: number;
  /** Differences between given totals and sums (`TOTAL_MISMATCH`: by design in multi-response tables), band overlaps and gaps, missing keys. */
  issues: Issue[];
  /**
   * The counted cells the file gave as a marker (a cell of a wide table, or a count of a long one: the first marker
   * among a cell's unknown counts), so that a secret cell can be shown as « donnée confidentielle » rather than
   * « non disponible ». Absent when there are none.
   */
  markers?: CellMarker[];
}

/**
 * Counts by row category × column category. `rowTotals`, `columnTotals` and `total` are the file's own totals when
 * it gives them (so rates over distinct respondents work for multi-response tables), otherwise the sums; a total is
 * `null` when a cell it would sum is unknown (secret or unavailable).
 */
export interface CrossTab {
  /** Row categories, in order (sexes Hommes then Femmes, age bands youngest first, else as in the file). */
  rowLabels: string[];
  /** Column categories, in the same kind of order. */
  columnLabels: string[];
  /** `counts[row][column]`; `null` when unknown (secret, unavailable, not given). */
  counts: (number | null)[][];
  /** Per row: the file's total when given, else the sum (`null` if a cell is unknown). */
  rowTotals: (number | null)[];
  /** Per column: the file's total when given (distinct respondents in multi-response tables), else the sum. */
  columnTotals: (number | null)[];
  /** The grand total: given, else the sum (`null` if a cell is unknown). */
  total: number | null;
  /** Origin, given totals, rows set aside and issues. */
  meta: CrossTabMeta;
}

// A total, with what surveys and INSEE add to it: `Total (répondants distincts)`, `Ensemble des répondants`,
// `Total répondants`, `Total général (1)`, `Total*`.
const TOTAL =
  /^(total|totaux|ensemble|total general|tous|toutes|tous ages|all|overall|grand total)(?: des repondants| repondants| de la population| des inscrits| des usagers)?(?: \([^()]*\))?(?: ?\*+)?$/;
/** A title that names ages: `age`, `Âge`, `tranche d'âge`, `ans`. */
const AGE_TITLE = /(^|[^a-z])(ages?|ans|tranches?)([^a-z]|$)/;
const AGGREGATE =
  /^(france( entiere| metropolitaine( et (dom|drom))?| hors mayotte)?( \(hors mayotte\))?|dom|drom|dom-tom|metropole)$/;

/** Whether a label names a total (`Total`, `Ensemble`, `Tous âges`…). @internal */
export function isTotalLabel(label: string): boolean {
  return label.length < 80 && TOTAL.test(looseKey(label));
}

/** Options of {@link readCrossTab}. */
export interface ReadCrossTabOptions {
  /** The column of row labels (name or index); default: the last text column before the first numeric one. */
  labelColumn?: string | number;
  /** Keep only the columns under this upper header cell of a two-row header (`Hommes` in INSEE's files). */
  group?: string;
  /** Keep only these columns (names), in this order. */
  columns?: string[];
}

/**
 * Reads a wide table as published: one column of row labels, one numeric column per category. `Total`/`Ensemble`
 * rows and columns are recognised and kept as the given totals, then checked against the sums (a difference is a
 * `TOTAL_MISMATCH` issue, not an error: multi-response tables differ by design). `dont …` rows, aggregates (`France
 * métropolitaine`, `DOM`) and any further `Total` row are kept aside in `meta.subRows`, never counted. Columns (or
 * rows) that are all age bands are ordered by lower bound, whatever the file's order (unless `columns` gives an
 * order), and their overlaps and gaps are recorded (`BAND_OVERLAP`, `BAND_GAP`); other labels keep the file's order.
 *
 * Null policy: an empty, secret or unavailable cell is `null`, and so is every total computed over it (never 0); a
 * total the file gives is used as given. Throws `MISSING_COLUMN` for an unknown `labelColumn`, `group` or `columns`
 * entry (the message lists the available ones), `NOT_NUMERIC` when a value column holds no number, `NO_DATA` when
 * no category row is left, and `BAD_OPTION` for an unknown option.
 *
 * @example
 * ```ts
 * const ct = readCrossTab(parseCsv('sexe,-11,11-17,Total\nHommes,793,1762,2555\nFemmes,561,1327,1888\nTotal,1354,3089,4443'));
 * ct.rowLabels; // ['Hommes', 'Femmes']
 * ct.total;     // 4443
 * ```
 */
export function readCrossTab(table: Table, options: ReadCrossTabOptions = {}): CrossTab {
  checkOptionNames('readCrossTab', options, ['labelColumn', 'group', 'columns']);
  options ??= {};
  if (options.group !== undefined && typeof options.group !== 'string') {
    throw badOption(`readCrossTab : « group » doit être un nom de groupe de colonnes (${String(options.group)})`);
  }
  if (options.columns !== undefined && (!Array.isArray(options.columns) || !options.columns.length)) {
    throw badOption(`readCrossTab : « columns » doit être une liste de noms de colonnes`);
  }
  const {columns, meta} = table;
  const labelColumn =
    options.labelColumn !== undefined ? findColumn(table, options.labelColumn) : defaultLabelColumn(table);
  let valueColumns = columns.map((_, j) => j).filter((j) => j !== labelColumn && meta.types[j] === 'number');
  let names = valueColumns.map((j) => columns[j]!);
  const groups = groupsOf(table);
  let chosenGroup: string | undefined;
  if (options.group === undefined && !options.columns) {
    // A two-row header with several groups of figures (`Ensemble`, `Hommes`, `Femmes`): adding them up would count
    // everyone several times. The overall group when there is one, said in meta; else the reader must choose.
    const distinct = [...new Set(valueColumns.map((j) => groups[j]!).filter(Boolean))];
    if (distinct.length > 1) {
      chosenGroup = distinct.find(
        (g) => isTotalLabel(g) || /^(tous sexes|ensemble des sexes|both sexes)$/.test(looseKey(g)),
      );
      if (!chosenGroup) {
        throw new EpnDataError('UNEXPECTED_SHAPE', {
          detail: `le tableau a plusieurs groupes de colonnes (${distinct.slice(0, 8).join(', ')}) ; choisissez-en un (option group)`,
          detailEn: `the table has several groups of columns (${distinct.slice(0, 8).join(', ')}); choose one (group option)`,
        });
      }
    }
  }
  if (options.group !== undefined || chosenGroup !== undefined) {
    const group = looseKey(options.group ?? chosenGroup!);
    const kept = valueColumns.filter((j) => looseKey(groups[j] ?? '') === group);
    if (!kept.length) {
      const available = [...new Set(valueColumns.map((j) => groups[j]!).filter(Boolean))];
      throw new EpnDataError('MISSING_COLUMN', {column: options.group, available});
    }
    valueColumns = kept;
    names = kept.map((j) => meta.header[meta.header.length - 1]?.[j] || columns[j]!);
  }
  if (options.columns) {
    valueColumns = options.columns.map((c) => findColumn(table, c));
    names = valueColumns.map((j) => columns[j]!);
    for (const j of valueColumns) {
      if (meta.types[j] !== 'number')
        throw new EpnDataError('NOT_NUMERIC', {column: columns[j]!, available: numericColumns(table)});
    }
  }
  if (!valueColumns.length) {
    throw new EpnDataError('NOT_NUMERIC', {
      column: columns.find((_, j) => j !== labelColumn) ?? '',
      available: numericColumns(table),
    });
  }

  const totalAt = names.findIndex((n) => isTotalLabel(n));
  const issues: Issue[] = [];
  if (chosenGroup !== undefined) {
    issues.push({
      code: 'GROUP_CHOSEN',
      raw: chosenGroup,
      message: `Le fichier a plusieurs groupes de colonnes : seul « ${chosenGroup} » est lu (les autres en sont des parts). Pour un autre groupe, précisez-le (option group).`,
    });
  }
  // Rows that carry a code where the table has a code column are places, whatever their name (`01150;Drom`).
  const codeColumns = columns
    .map((_, j) => j)
    .filter((j) => j !== labelColumn && meta.types[j] === 'string' && isIdentifierHeader(columns[j]!));
  const hasCode = (r: Value[]) =>
    codeColumns.some((j) => r[j] != null && !AGGREGATE.test(looseKey(String(r[j]))) && !isTotalLabel(String(r[j])));
  // `France métropolitaine`, or a series named after it (`Taux de chômage … - France métropolitaine`); `Drom` and
  // `Dom` are also places' names: aggregates only without a code.
  const isAggregate = (key: string, r: Value[]) => {
    const tail = key.length < 200 ? key.slice(key.lastIndexOf(' - ') + 1).replace(/^- /, '') : key;
    if (!AGGREGATE.test(key) && !AGGREGATE.test(tail)) return false;
    return !/^(dom|drom|metropole)$/.test(key) || !hasCode(r);
  };
  // Age-band columns youngest first, whatever the file's order (overlaps and gaps recorded); chosen `columns` keep
  // the caller's order (and a chosen subset has gaps on purpose).
  const kept = names.map((_, k) => k).filter((k) => k !== totalAt);
  const columnOrder = options.columns
    ? kept.map((_, i) => i)
    : byAge(
        kept.map((k) => names[k]!),
        issues,
        'âge',
      );
  const categories = columnOrder.map((i) => valueColumns[kept[i]!]!);
  const columnLabels = columnOrder.map((i) => names[kept[i]!]!);
  let rowLabels: string[] = [];
  let counts: (number | null)[][] = [];
  let givenRow: (number | null)[] = [];
  const subRows: SubRow[] = [];
  let totalRow: (number | null)[] | null = null;
  let givenTotal: number | null = null;
  const cellsOf = (r: Value[]) => categories.map((j) => r[j] as number | null);
  // The markers of the cells counted, to say why they are `null` (meta.markers).
  const width = columns.length;
  const markerAt = new Map<number, Marker>(meta.markers.map((m) => [m.row * width + m.column, m]));
  const cellMarkers: (Marker | undefined)[][] = [];
  // Aggregate rows often carry their label in another text column (INSEE: `France métropolitaine` under `Code`).
  const textColumns = columns.map((_, j) => j).filter((j) => meta.types[j] === 'string');
  table.rows.forEach((r, i) => {
    const raw = r[labelColumn] ?? textColumns.map((j) => r[j]).find((x) => x != null);
    const label = raw == null ? '' : cleanLabel(String(raw));
    const key = looseKey(label);
    if (isTotalLabel(label) && !totalRow) {
      totalRow = cellsOf(r);
      givenTotal = totalAt >= 0 ? (r[valueColumns[totalAt]!] as number | null) : null;
      return;
    }
    if (isTotalLabel(label) || /^dont\b/.test(key) || isAggregate(key, r)) {
      // A second `Total` row (a total of another breakdown) is an aggregate too: counting it would double the sums.
      subRows.push({label, kind: /^dont\b/.test(key) ? 'dont' : 'aggregate', counts: cellsOf(r)});
      return;
    }
    if (!label) {
      issues.push({
        code: 'MISSING_KEY',
        row: i,
        line: meta.rowLines[i],
        message: `Ligne ${meta.rowLines[i]} : pas de libellé ; la ligne est nommée « (sans libellé) ».`,
      });
    }
    rowLabels.push(label || '(sans libellé)');
    counts.push(cellsOf(r));
    if (markerAt.size) cellMarkers.push(categories.map((j) => markerAt.get(i * width + j)));
    givenRow.push(totalAt >= 0 ? (r[valueColumns[totalAt]!] as number | null) : null);
  });
  if (!rowLabels.length) throw new EpnDataError('NO_DATA');
  // Age-band rows youngest first too (a transposed table).
  const rowOrder = byAge(rowLabels, issues, columns[labelColumn]);
  rowLabels = rowOrder.map((i) => rowLabels[i]!);
  counts = rowOrder.map((i) => counts[i]!);
  givenRow = rowOrder.map((i) => givenRow[i]!);
  const markers: CellMarker[] = [];
  rowOrder.forEach((i, row) =>
    cellMarkers[i]?.forEach((m, column) => m && markers.push({row, column, kind: m.kind, raw: m.raw})),
  );
  return finish(
    rowLabels,
    columnLabels,
    counts,
    {
      rowTitle: columns[labelColumn] ?? '',
      columnTitle: '',
      givenRowTotals: totalAt >= 0 ? givenRow : null,
      givenColumnTotals: totalRow,
      givenTotal,
      subRows,
      excluded: 0,
      issues,
    },
    markers,
  );
}

/** Options of {@link crossTab}. */
export interface CrossTabOptions {
  /** Column of the row categories (name, matched loosely, or index): sex, level, equipment… */
  rows: string | number;
  /** Column of the column categories (name or index): usually the age or the age band. */
  columns: string | number;
  /** Column of counts, for a table with one row per group; without it each row counts one person. */
  value?: string | number;
  /**
   * Bins a numeric age column into bands: an {@link AgeBands}, lower bounds (`[0, 18, 65]`), or `'seed'` for the
   * seed's eight bands. The binned column is `columns` (or `rows` when only it is numeric).
   */
  bands?: AgeBands | readonly number[] | 'seed';
}

/**
 * Counts a long table (one row per group with a count column, `value`) or an individual-level table (one row per
 * person) into a {@link CrossTab}. Sex codes (`H/F`, `Hommes/Femmes`, `Homme/Femme`, `M/F`, `Masculin/Féminin`, and
 * `1/2` in a column named `sexe`) become `Hommes`/`Femmes`, in that order, and other values (`Non communiqué`) keep a
 * row of their own after them; age labels are ordered by lower bound (overlaps and gaps are recorded as issues);
 * numbers numerically; other labels in order of first appearance. Rows labelled `Total`/`Ensemble` give the totals.
 * With `bands`, every band is a column of an individual-level table, and only the bands present are in a long one.
 *
 * Null policy: a row with an empty key or an age outside the bands (negative, unreadable) is left out, counted in
 * `meta.excluded` and reported by an issue (`MISSING_KEY`, `UNBINNED`); a `null` count makes its cell and its totals
 * `null` (`NULL_VALUE`), never 0. In a long table a combination absent from the file is `null`; in an
 * individual-level table it is 0. Throws `BAD_OPTION` for a missing or unknown option, `MISSING_COLUMN` and
 * `NOT_NUMERIC` for columns that are absent or not numeric, `NO_DATA` when nothing is left to count,
 * `UNEXPECTED_SHAPE` when the cross-tab would have over 10 million cells (two columns of near-unique values).
 *
 * @example
 * ```ts
 * const t = parseCsv('sexe;age\nH;10\nF;12\nF;70');
 * crossTab(t, {rows: 'sexe', columns: 'age', bands: [0, 18, 65]}).counts; // [[1, 0, 0], [1, 0, 1]]
 * ```
 */
export function crossTab(table: Table, options: CrossTabOptions): CrossTab {
  const {rows, columns, meta} = table;
  const plan = planCrossTab(
    columns,
    meta.types,
    function* (j) {
      for (const row of rows) yield row[j]!;
    },
    options,
  );
  const acc = new CrossTabAccumulator(plan);
  const {r, c, v} = plan;
  // The markers of the count column, to say why a cell is unknown (meta.markers).
  const marked = new Map<number, Marker>(
    v >= 0 ? meta.markers.filter((m) => m.column === v).map((m) => [m.row, m]) : [],
  );
  rows.forEach((row, i) => {
    const m = marked.get(i);
    acc.add(
      acc.keyOf(row[r]!, false),
      acc.keyOf(row[c]!, true),
      v >= 0 ? (row[v] as number | null) : 1,
      meta.rowLines[i] ?? i + 1,
      m && {kind: m.kind, raw: m.raw},
    );
  });
  return acc.finish();
}

/**
 * The key of a row's category on one axis of a cross-tab: its label, `null` when the cell is empty (the row is left
 * out as `MISSING_KEY`), or {@link UNBINNED} when an age falls outside the bands (left out as `UNBINNED`). @internal
 */
export type AxisKey = string | null | typeof UNBINNED;
/** See {@link AxisKey}. @internal */
export const UNBINNED: unique symbol = Symbol('unbinned');

/** What {@link crossTab} decides from the columns, their types and options, before counting. @internal */
export interface CrossTabPlan {
  /** Column names (for titles and messages). */
  columns: readonly string[];
  /** Index of the rows column, the columns column, the value column (-1 without `value`). */
  r: number;
  c: number;
  v: number;
  bands: AgeBands | null;
  /** Which axis is binned into age bands, if any. */
  binRows: boolean;
  binCols: boolean;
  /** Which axis holds sex codes, and whether its name says so (then `1/2` are sexes too). */
  sexRows: boolean;
  sexCols: boolean;
  sexNamedRows: boolean;
  sexNamedCols: boolean;
  /** Which axis is a numeric column (its labels are then ordered numerically). */
  numericRows: boolean;
  numericCols: boolean;
}

/**
 * Checks the shape of {@link crossTab}'s options (unknown names, `rows`/`columns` given, column references that are
 * names or indexes): `BAD_OPTION` otherwise. @internal
 */
export function checkCrossTabOptions(options: CrossTabOptions): void {
  checkOptionNames('crossTab', options, ['rows', 'columns', 'value', 'bands']);
  if (!options || options.rows === undefined || options.columns === undefined) {
    throw badOption('crossTab demande les colonnes « rows » et « columns »');
  }
  for (const key of ['rows', 'columns', 'value'] as const) {
    const o = options[key];
    if (o !== undefined && typeof o !== 'string' && typeof o !== 'number') {
      throw badOption(`crossTab : « ${key} » doit être un nom ou un numéro de colonne`);
    }
  }
}

/** The age bands of {@link crossTab}'s `bands` option, or `null`; `BAD_OPTION` when they are not understood. @internal */
export function bandsOption(bands: CrossTabOptions['bands']): AgeBands | null {
  const scheme =
    bands === undefined
      ? null
      : bands === 'seed'
        ? SEED_AGE_BANDS
        : Array.isArray(bands)
          ? ageBands(bands as number[])
          : (bands as AgeBands);
  if (bands !== undefined && (!scheme || typeof scheme.bandOf !== 'function')) {
    throw badOption("bands : une liste d'âges (0, 18, 65) ou « seed »");
  }
  return scheme;
}

/**
 * Plans a cross-tab over columns of known names and types; `values(j)` gives the cells of column `j` in row order
 * (read only to recognise sex codes in a column whose name does not say so). Throws as {@link crossTab} does, in the
 * same order: `BAD_OPTION`, `MISSING_COLUMN`, `NOT_NUMERIC`. @internal
 */
export function planCrossTab(
  columns: readonly string[],
  types: readonly string[],
  values: (column: number) => Iterable<Value>,
  options: CrossTabOptions,
): CrossTabPlan {
  checkCrossTabOptions(options);
  const r = columnIndex(columns, options.rows);
  const c = columnIndex(columns, options.columns);
  const v = options.value !== undefined ? columnIndex(columns, options.value) : -1;
  if (v >= 0 && types[v] !== 'number') throw new EpnDataError('NOT_NUMERIC', {column: columns[v]!});
  const bands = bandsOption(options.bands);
  // The binned column is `columns`, unless only `rows` is numeric, or `columns` holds numeric sex codes (1/2).
  const numeric = (j: number) => types[j] === 'number';
  const sexNamedRows = isSexColumn(columns[r]!);
  const sexNamedCols = isSexColumn(columns[c]!);
  const binRows = !!bands && numeric(r) && (!numeric(c) || (sexNamedCols && !sexNamedRows));
  const binCols = !!bands && !binRows;
  if (binCols && !numeric(c)) throw new EpnDataError('NOT_NUMERIC', {column: columns[c]!});
  return {
    columns,
    r,
    c,
    v,
    bands,
    binRows,
    binCols,
    sexNamedRows,
    sexNamedCols,
    sexRows: sexNamedRows || looksLikeSex(values(r)),
    sexCols: sexNamedCols || looksLikeSex(values(c)),
    numericRows: numeric(r),
    numericCols: numeric(c),
  };
}

/** Rows left out for one reason: how many, and the first five lines (for the message). */
interface LeftOut {
  count: number;
  lines: number[];
}

/**
 * The counting half of {@link crossTab}: rows (or groups of rows with the same keys) go in with {@link add} or
 * {@link addGroup}, in any number, and {@link finish} makes the {@link CrossTab}. Memory grows with the number of
 * categories, not of rows. @internal
 */
export class CrossTabAccumulator {
  readonly #cells = new Map<string, Map<string, number | null>>();
  readonly #rowTotalsGiven = new Map<string, number | null>();
  readonly #colTotalsGiven = new Map<string, number | null>();
  /** Column keys in order of first appearance (rows: the order of `#cells`). */
  readonly #columnOrder = new Set<string>();
  /** Per cell, the first marker among its unknown counts (`s`, `n.d.`, empty), to say why the cell is unknown. */
  readonly #cellMarkers = new Map<string, Map<string, CellMark>>();
  #givenTotal: number | null = null;
  #hasGivenTotal = false;
  #excluded = 0;
  #nulls = 0;
  readonly #missing: LeftOut = {count: 0, lines: []};
  readonly #unbinned: LeftOut = {count: 0, lines: []};

  readonly #plan: CrossTabPlan;
  /** isTotalLabel of each key seen (a key is counted once per row: its label read once). */
  readonly #totals = new Map<string, boolean>();

  #total(k: string): boolean {
    let t = this.#totals.get(k);
    if (t === undefined) this.#totals.set(k, (t = isTotalLabel(k)));
    return t;
  }

  constructor(plan: CrossTabPlan) {
    this.#plan = plan;
  }

  /** The key of a cell on the rows axis (`columns` false) or the columns axis (`columns` true). */
  keyOf(value: Value, columns: boolean): AxisKey {
    const p = this.#plan;
    const binned = columns ? p.binCols : p.binRows;
    if (value === null) return null;
    if (value === '') return binned ? UNBINNED : null;
    if (binned) return (typeof value === 'number' ? p.bands!.labelOf(value) : null) ?? UNBINNED;
    if (columns ? p.sexCols : p.sexRows)
      return sexOf(value, columns ? p.sexNamedCols : p.sexNamedRows) ?? cleanLabel(String(value));
    return typeof value === 'number' ? String(value) : cleanLabel(value);
  }

  /**
   * Counts one row: its keys, its count (`1` for one person, `null` when unknown), its 1-based line and, for an
   * unknown count, the marker the file gave for it.
   */
  add(rk: AxisKey, ck: AxisKey, n: number | null, line: number, marker?: CellMark): void {
    if (typeof rk !== 'string' || typeof ck !== 'string') {
      this.#excluded++;
      const out = rk === UNBINNED || ck === UNBINNED ? this.#unbinned : this.#missing;
      out.count++;
      if (out.lines.length < 5) out.lines.push(line);
      return;
    }
    if (n === null) this.#nulls++;
    this.#count(rk, ck, n, marker);
  }

  /**
   * Counts `rows` rows with the same keys at once: `sum` is their counts added in file order (`null` if one is
   * unknown), `nulls` how many are unknown, `lines` the first lines where they are (up to five), `marker` the first
   * marker the file gave among the unknown counts.
   */
  addGroup(
    rk: AxisKey,
    ck: AxisKey,
    sum: number | null,
    rows: number,
    nulls: number,
    lines: readonly number[],
    marker?: CellMark,
  ): void {
    if (typeof rk !== 'string' || typeof ck !== 'string') {
      this.#excluded += rows;
      const out = rk === UNBINNED || ck === UNBINNED ? this.#unbinned : this.#missing;
      out.count += rows;
      out.lines = [...out.lines, ...lines].sort((a, b) => a - b).slice(0, 5);
      return;
    }
    this.#nulls += nulls;
    this.#count(rk, ck, sum, marker);
  }

  #count(rk: string, ck: string, n: number | null, marker?: CellMark): void {
    const rowTotal = this.#total(rk);
    const colTotal = this.#total(ck);
    if (!colTotal) this.#columnOrder.add(ck);
    if (rowTotal && colTotal) {
      // Like every other sum: once one count is unknown, the total stays unknown.
      this.#givenTotal = !this.#hasGivenTotal
        ? n
        : this.#givenTotal === null || n === null
          ? null
          : this.#givenTotal + n;
      this.#hasGivenTotal = true;
    } else if (rowTotal) addTo(this.#colTotalsGiven, ck, n);
    else if (colTotal) addTo(this.#rowTotalsGiven, rk, n);
    else {
      let m = this.#cells.get(rk);
      if (!m) this.#cells.set(rk, (m = new Map()));
      addTo(m, ck, n);
      if (marker) {
        let k = this.#cellMarkers.get(rk);
        if (!k) this.#cellMarkers.set(rk, (k = new Map()));
        if (!k.has(ck)) k.set(ck, marker);
      }
    }
  }

  /** The cross-tab of what was counted, under `plan` (by default the one it was made with). */
  finish(plan: CrossTabPlan = this.#plan): CrossTab {
    const cells = this.#cells;
    const rowTotalsGiven = this.#rowTotalsGiven;
    const colTotalsGiven = this.#colTotalsGiven;
    const missing = this.#missing;
    const unbinned = this.#unbinned;
    const {columns, bands, binRows, binCols, v} = plan;
    const rowName = columns[plan.r]!;
    const colName = columns[plan.c]!;
    const issues: Issue[] = [];
    const someLines = (out: LeftOut) =>
      `${out.count > 1 ? 'lignes' : 'ligne'} ${out.lines.join(', ')}${out.count > 5 ? '…' : ''}`;
    if (missing.count) {
      issues.push({
        code: 'MISSING_KEY',
        line: missing.lines[0],
        message: `${missing.count} ligne(s) sans « ${rowName} » ou sans « ${colName} » ne sont pas comptées (${someLines(missing)}).`,
      });
    }
    if (unbinned.count) {
      issues.push({
        code: 'UNBINNED',
        line: unbinned.lines[0],
        message: `${unbinned.count} ligne(s) ont un âge hors des tranches (négatif ou illisible) et ne sont pas comptées (${someLines(unbinned)}).`,
      });
    }
    if (this.#nulls) {
      issues.push({
        code: 'NULL_VALUE',
        message: `${this.#nulls} effectif(s) vides ou confidentiels : les cases concernées et leurs totaux sont inconnus.`,
      });
    }
    let rowLabels = [...cells.keys()];
    const colSet = this.#columnOrder;
    for (const k of rowTotalsGiven.keys()) if (!cells.has(k)) rowLabels.push(k);
    let columnLabels = [...colSet];
    if (binCols) columnLabels = bands!.labels.filter((l) => colSet.has(l) || v < 0);
    else columnLabels = orderLabels(columnLabels, plan.sexCols, plan.numericCols, issues, colName);
    if (binRows) rowLabels = bands!.labels.filter((l) => cells.has(l) || v < 0);
    else rowLabels = orderLabels(rowLabels, plan.sexRows, plan.numericRows, issues, rowName);
    if (!rowLabels.length || !columnLabels.length) throw new EpnDataError('NO_DATA');
    const size = rowLabels.length * columnLabels.length;
    if (size > MAX_CELLS) {
      // Two columns with about one value per row (identifiers, names): seconds of work and hundreds of megabytes for
      // a table no one can read. Refused before it is built.
      const shape = `${rowLabels.length} × ${columnLabels.length}`;
      throw new EpnDataError('UNEXPECTED_SHAPE', {
        column: colName,
        detail: `« ${rowName} » × « ${colName} » ferait ${shape} cases (plus de 10 millions) : ces colonnes ont presque une valeur par ligne ; vérifiez les colonnes choisies`,
        detailEn: `"${rowName}" × "${colName}" would make ${shape} cells (over 10 million): these columns have nearly one value per row; check the columns chosen`,
      });
    }
    const absent = v >= 0 ? null : 0;
    const counts = rowLabels.map((rk) =>
      columnLabels.map((ck) => {
        const m = cells.get(rk);
        return m && m.has(ck) ? m.get(ck)! : absent;
      }),
    );
    const markers: CellMarker[] = [];
    rowLabels.forEach((rk, row) => {
      const kinds = this.#cellMarkers.get(rk);
      if (kinds)
        columnLabels.forEach((ck, column) => {
          const m = kinds.get(ck);
          if (m && counts[row]![column] === null) markers.push({row, column, ...m});
        });
    });
    return finish(
      rowLabels,
      columnLabels,
      counts,
      {
        rowTitle: rowName,
        columnTitle: colName,
        givenRowTotals: rowTotalsGiven.size
          ? rowLabels.map((k) => (rowTotalsGiven.has(k) ? rowTotalsGiven.get(k)! : null))
          : null,
        givenColumnTotals: colTotalsGiven.size
          ? columnLabels.map((k) => (colTotalsGiven.has(k) ? colTotalsGiven.get(k)! : null))
          : null,
        givenTotal: this.#hasGivenTotal ? this.#givenTotal : null,
        subRows: [],
        excluded: this.#excluded,
        issues,
      },
      markers,
    );
  }
}

/** Adds `n` to a running sum that starts at 0 and stays `null` once a count is unknown. */
function addTo(map: Map<string, number | null>, key: string, n: number | null): void {
  const prev = map.has(key) ? map.get(key)! : 0;
  map.set(key, prev === null || n === null ? null : prev + n);
}

/**
 * Sums, given totals and their comparison: the cross-tab of `counts`, its `meta` completed with the issues of totals
 * that differ from the sums and with `markers` (the counted cells given as markers) when there are some.
 */
function finish(
  rowLabels: string[],
  columnLabels: string[],
  counts: (number | null)[][],
  meta: CrossTabMeta,
  markers: CellMarker[],
): CrossTab {
  const {givenRowTotals, givenColumnTotals, givenTotal, issues} = meta;
  const sum = (xs: (number | null)[]): number | null => {
    let s = 0;
    for (const x of xs) {
      if (x === null) return null;
      s += x;
    }
    return s;
  };
  const rowSums = counts.map(sum);
  const colSums = columnLabels.map((_, j) => sum(counts.map((r) => r[j]!)));
  const rowTotals = givenRowTotals ? givenRowTotals.map((g, i) => g ?? rowSums[i]!) : rowSums;
  const columnTotals = givenColumnTotals ? givenColumnTotals.map((g, j) => g ?? colSums[j]!) : colSums;
  const total = givenTotal ?? (givenColumnTotals ? sum(columnTotals) : givenRowTotals ? sum(rowTotals) : sum(rowSums));
  const differ = (a: number | null, b: number | null) =>
    a !== null && b !== null && Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
  givenRowTotals?.forEach((g, i) => {
    if (differ(g, rowSums[i]!)) {
      issues.push({
        code: 'TOTAL_MISMATCH',
        row: i,
        message: `Le total donné pour « ${rowLabels[i]} » (${g}) diffère de la somme de la ligne (${rowSums[i]}).`,
      });
    }
  });
  givenColumnTotals?.forEach((g, j) => {
    if (differ(g, colSums[j]!)) {
      issues.push({
        code: 'TOTAL_MISMATCH',
        column: j,
        message: `Le total donné pour « ${columnLabels[j]} » (${g}) diffère de la somme de la colonne (${colSums[j]}) : normal pour une question à réponses multiples (le total compte les personnes), à vérifier sinon.`,
      });
    }
  });
  const grand = sum(rowSums);
  if (
    givenTotal !== null &&
    differ(givenTotal, grand) &&
    !(givenColumnTotals && !differ(givenTotal, sum(givenColumnTotals)))
  ) {
    issues.push({
      code: 'TOTAL_MISMATCH',
      message: `Le total général donné (${givenTotal}) diffère de la somme des cases (${grand}).`,
    });
  }
  if (markers.length) meta.markers = markers;
  return {rowLabels, columnLabels, counts, rowTotals, columnTotals, total, meta};
}

/** Sex labels first (Hommes, Femmes), age bands by lower bound, numbers numerically, else first appearance. */
function orderLabels(labels: string[], sex: boolean, numeric: boolean, issues: Issue[], title: string): string[] {
  if (sex) {
    const rank = (l: string) => (l === 'Hommes' ? 0 : l === 'Femmes' ? 1 : 2);
    return [...labels].sort((a, b) => rank(a) - rank(b));
  }
  if (numeric) return [...labels].sort((a, b) => Number(a) - Number(b));
  return byAge(labels, issues, title).map((i) => labels[i]!);
}

/**
 * The order of `labels`: by lower bound when every one is an age band (their overlaps and gaps pushed to `issues`),
 * else as given.
 */
function byAge(labels: string[], issues: Issue[], title?: string): number[] {
  // Bare numbers (`04`, `06`, `11`: region codes, levels) are ages only under a title that names ages.
  const bare = labels.every((l) => /^\s*\d{1,3}\s*$/.test(l));
  const ages = labels.length > 1 && (!bare || AGE_TITLE.test(looseKey(title ?? ''))) ? orderAgeLabels(labels) : null;
  if (!ages) return labels.map((_, i) => i);
  issues.push(...ages.issues);
  return ages.order;
}

/**
 * Throws `BAD_OPTION` for options that are not an object, or an option name the function does not know (a typo must
 * not be ignored silently). @internal (also used by aggregateCsv)
 */
export function checkOptionNames(fn: string, options: unknown, known: readonly string[]): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw badOption(`${fn} attend un objet d'options (${known.join(', ')})`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !known.includes(key)) {
      throw badOption(`${fn} : option « ${key} » inconnue (options possibles : ${known.join(', ')})`);
    }
  }
}

function numericColumns(table: Table): string[] {
  return table.columns.filter((_, j) => table.meta.types[j] === 'number');
}

function looksLikeSex(values: Iterable<Value>): boolean {
  let sex = 0;
  let other = 0;
  const seen = new Set<string>();
  for (const v of values) {
    if (v === null || v === undefined || typeof v === 'number') continue;
    if (seen.has(v)) continue;
    seen.add(v);
    if (sexOf(v)) sex++;
    else if (!isTotalLabel(v)) other++;
    if (seen.size > 20) return false;
  }
  return sex >= 2 && other <= 1;
}

/**
 * Finds a column by 0-based index or by name (matched trimmed, case- and accent-insensitively). Throws
 * `MISSING_COLUMN` (its message lists the columns) for an unknown name or an index out of range, `BAD_OPTION` for
 * anything else than a name or an index.
 *
 * @example
 * ```ts
 * findColumn(parseCsv('Sexe;Âge\nH;10'), 'age'); // 1
 * ```
 */
export function findColumn(table: Table, name: string | number): number {
  return columnIndex(table.columns, name);
}

/** {@link findColumn} over column names. @internal */
export function columnIndex(columns: readonly string[], name: string | number): number {
  if (typeof name !== 'string' && typeof name !== 'number') {
    throw badOption(`colonne « ${String(name)} » : un nom ou un numéro de colonne`);
  }
  if (typeof name === 'number') {
    if (Number.isInteger(name) && name >= 0 && name < columns.length) return name;
    throw new EpnDataError('MISSING_COLUMN', {column: String(name), available: [...columns]});
  }
  const key = looseKey(name);
  const j = columns.findIndex((c) => looseKey(c) === key);
  if (j < 0) throw new EpnDataError('MISSING_COLUMN', {column: name, available: [...columns]});
  return j;
}

function defaultLabelColumn(table: Table): number {
  const firstNumber = table.meta.types.indexOf('number');
  if (firstNumber <= 0) return 0;
  return firstNumber - 1;
}

/** The upper header cell of each column (carried over merged cells), or '' for one-row headers. */
function groupsOf(table: Table): string[] {
  const {header} = table.meta;
  if (header.length < 2) return table.columns.map(() => '');
  let carried = '';
  return header[0]!.map((top) => (carried = top || carried));
}

/**
 * The cross-tab with its rows as columns: labels, counts, totals, titles, given totals and markers swapped (a table
 * published with its age bands as rows read like one with them as columns).
 *
 * @example
 * ```ts
 * transposeCrossTab(readCrossTab(parseCsv('âge;H;F\n0-19;1;2\n20-39;3;4'))).columnLabels; // ['0-19', '20-39']
 * ```
 */
export function transposeCrossTab(ct: CrossTab): CrossTab {
  return {
    rowLabels: ct.columnLabels,
    columnLabels: ct.rowLabels,
    counts: ct.columnLabels.map((_, j) => ct.counts.map((r) => r[j]!)),
    rowTotals: ct.columnTotals,
    columnTotals: ct.rowTotals,
    total: ct.total,
    meta: {
      ...ct.meta,
      givenRowTotals: ct.meta.givenColumnTotals,
      givenColumnTotals: ct.meta.givenRowTotals,
      rowTitle: ct.meta.columnTitle,
      columnTitle: ct.meta.rowTitle,
      ...(ct.meta.markers ? {markers: ct.meta.markers.map((m) => ({...m, row: m.column, column: m.row}))} : {}),
    },
  };
}
