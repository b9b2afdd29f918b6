import {badOption, EpnDataError} from '../errors.js';
import type {Table, Value} from '../table.js';
import {cleanLabel, looseKey} from '../text.js';
import {orderAgeLabels} from './age-bands.js';
import {checkOptionNames, columnIndex, readCrossTab, type CrossTab, type CrossTabMeta} from './cross-tab.js';
import {isSexColumn, sexOf} from './sex.js';

/** Options of {@link readPopulation}. */
export interface PopulationOptions {
  /**
   * The territory or territories to keep, added together: names (`Calvados`) or codes (`14`, `014`), as a list or
   * one text separated by `,` or `;` (`Calvados, Manche, Orne`). Without it, every territory is added (the file's
   * `Total` row when it has one).
   */
  area?: string | readonly string[];
  /**
   * The groups of columns to read in a two-row header, separated by `,` (INSEE: `Hommes, Femmes`, or `Ensemble` for
   * no sexes). Default: the two sex groups when there are, else the `Ensemble` group.
   */
  group?: string;
  /** Long tables: the age column (default: a numeric column named `age`, `âge`, `age_revolu`…). */
  ageColumn?: string | number;
}

/** What a population cross-tab adds to a cross-tab's meta. */
export interface PopulationMeta extends CrossTabMeta {
  /** The territories added, as the file names them (empty when all were). */
  areas: string[];
}

/** A population by sex (rows `Hommes`, `Femmes`, or a single row `Ensemble`) × age band (columns). */
export interface PopulationCrossTab extends CrossTab {
  meta: PopulationMeta;
}

const AGE_COLUMN = /^(age|ages|age revolu|age_revolu|age atteint|age en annees|annee d age|age_annee|age_an)$/;
const TOTAL_GROUP = /^(ensemble|total|tous|toutes|tous sexes|ensemble des sexes|all|both sexes|overall)$/;
const codeKey = (s: string) => looseKey(s).replace(/^0+(?=[0-9a-z])/, '');

/**
 * A population by sex × age band for one territory or several added together, from the files population figures come
 * in: INSEE's estimates (a two-row header `Ensemble | Hommes | Femmes` over age bands, one row per département), a
 * long file of single years (`CODGEO, LIBGEO, …, Age, Nb_H, Nb_F`: one row per territory and age, a column per sex;
 * or a sex column and a count column), or a wide table (sex × age, either way round, or territories × ages without
 * sexes). Territories are picked by name or code (`area`); the ages become the columns, youngest first.
 *
 * Null policy: an unknown (secret, empty) count makes its cell `null`, and every sum over it. Throws `BAD_OPTION` for
 * an unknown territory (the message gives some) or option, `MISSING_COLUMN` for an unknown group or age column,
 * `UNEXPECTED_SHAPE` when no age bands are found, and what {@link readCrossTab} throws.
 *
 * @example
 * ```ts
 * const p = readPopulation(parseCsv(inseeBytes), {area: 'Calvados, Manche, Orne'});
 * p.rowLabels;    // ['Hommes', 'Femmes']
 * p.columnLabels; // ['0-19', '20-39', '40-59', '60-74', '75+']
 * p.total;        // 1 466 109
 * ```
 */
export function readPopulation(table: Table, options: PopulationOptions = {}): PopulationCrossTab {
  checkOptionNames('readPopulation', options, ['area', 'group', 'ageColumn']);
  // Kept as written (trimmed) for messages; matched loosely (spaces, case, accents).
  const tokens = (typeof options.area === 'string' ? options.area.split(/[,;]/) : (options.area ?? []))
    .map((s) => String(s).trim())
    .filter((s) => cleanLabel(s));
  const groups = groupsOf(table);
  if (groups.length > 1 || options.group) return fromGroups(table, groups, options.group, tokens);
  const age = ageColumnOf(table, options.ageColumn);
  if (age >= 0) return fromLong(table, age, tokens);
  return fromWide(readCrossTab(table), tokens);
}

/** The distinct upper header cells over numeric columns (two-row headers), in order. */
function groupsOf(table: Table): string[] {
  const {header, types} = table.meta;
  if (header.length < 2) return [];
  let carried = '';
  const tops = header[0]!.map((top) => (carried = top || carried));
  return [...new Set(tops.filter((g, j) => g && types[j] === 'number'))];
}

function fromGroups(table: Table, groups: string[], group: string | undefined, tokens: string[]): PopulationCrossTab {
  let chosen: string[];
  if (group && group.trim())
    chosen = group
      .split(/[,;]/)
      .map((g) => g.trim())
      .filter(Boolean);
  else {
    const men = groups.find((g) => sexOf(g) === 'Hommes');
    const women = groups.find((g) => sexOf(g) === 'Femmes');
    const all = groups.find((g) => TOTAL_GROUP.test(looseKey(g)));
    chosen = men && women ? [men, women] : all ? [all] : groups.slice(0, 1);
  }
  let areas: string[] = [];
  let columnLabels: string[] | null = null;
  const rows = chosen.map((g) => {
    const ct = readCrossTab(table, {group: g});
    if (columnLabels && ct.columnLabels.join('|') !== columnLabels.join('|')) {
      throw new EpnDataError('UNEXPECTED_SHAPE', {
        detail: `les groupes ${chosen.join(', ')} n'ont pas les mêmes tranches d'âge`,
        detailEn: `groups ${chosen.join(', ')} do not have the same age bands`,
      });
    }
    columnLabels = ct.columnLabels;
    const picked = pickAreas(table, ct, tokens);
    areas = picked.areas;
    return picked.counts;
  });
  return build(
    chosen.map((g) => sexOf(g) ?? g),
    columnLabels ?? [],
    rows,
    areas,
    'sexe',
  );
}

function ageColumnOf(table: Table, given: string | number | undefined): number {
  if (given !== undefined) return columnIndex(table.columns, given);
  return table.columns.findIndex(
    (c, j) => table.meta.types[j] === 'number' && AGE_COLUMN.test(looseKey(c).replace(/[\s-]+/g, ' ')),
  );
}

/** The sex a count column's name says (`Nb_H`, `hommes`, `pop_femmes`), or `null`. */
function sexOfColumn(name: string): string | null {
  const parts = looseKey(name)
    .split(/[\s_.-]+/)
    .filter(Boolean);
  const sexes = new Set(parts.map((p) => sexOf(p)).filter(Boolean));
  return sexes.size === 1 ? [...sexes][0]! : null;
}

function fromLong(table: Table, age: number, tokens: string[]): PopulationCrossTab {
  const {columns, meta} = table;
  const numeric = columns.map((_, j) => j).filter((j) => j !== age && meta.types[j] === 'number');
  const sexValue = numeric.filter((j) => sexOfColumn(columns[j]!) !== null);
  const sexColumn = columns.findIndex((c, j) => j !== age && isSexColumn(c));
  let series: Array<{label: string; value: number; sex?: number}>;
  if (sexValue.length >= 2) series = sexValue.map((j) => ({label: sexOfColumn(columns[j]!)!, value: j}));
  else if (sexColumn >= 0 && numeric.length) {
    const value = numeric.find((j) => !/^(code|cod|annee|an|year)/.test(looseKey(columns[j]!))) ?? numeric[0]!;
    series = ['Hommes', 'Femmes'].map((label) => ({label, value, sex: sexColumn}));
  } else if (numeric.length) series = [{label: 'Ensemble', value: numeric[numeric.length - 1]!}];
  else throw new EpnDataError('NOT_NUMERIC', {column: columns.find((_, j) => j !== age) ?? '', available: []});
  const strings = columns.map((_, j) => j).filter((j) => meta.types[j] === 'string' && j !== sexColumn);
  const found = new Set<string>();
  const matches = (r: Value[]) => {
    if (!tokens.length) return true;
    for (const t of tokens) {
      if (
        strings.some(
          (j) =>
            typeof r[j] === 'string' &&
            (looseKey(r[j] as string) === looseKey(t) || codeKey(r[j] as string) === codeKey(t)),
        )
      ) {
        found.add(t);
        return true;
      }
    }
    return false;
  };
  const sums = new Map<number, Array<number | null>>();
  let excluded = 0;
  table.rows.forEach((r) => {
    if (!matches(r)) return;
    const a = r[age];
    if (typeof a !== 'number' || !Number.isFinite(a) || a < 0) {
      excluded++;
      return;
    }
    const key = Math.floor(a);
    let cell = sums.get(key);
    if (!cell) sums.set(key, (cell = series.map(() => 0)));
    series.forEach((s, k) => {
      if (s.sex !== undefined && sexOf(r[s.sex] as string) !== s.label) return;
      const v = r[s.value];
      cell![k] = cell![k] === null || typeof v !== 'number' ? null : cell![k]! + v;
    });
  });
  const missing = tokens.filter((t) => !found.has(t));
  if (missing.length)
    throw unknownArea(
      missing[0]!,
      [
        ...new Set(
          table.rows.slice(0, 400).map((r) => strings.map((j) => r[j]).find((x) => typeof x === 'string') as string),
        ),
      ].slice(0, 4),
    );
  if (!sums.size) throw new EpnDataError('NO_DATA');
  const ages = [...sums.keys()].sort((x, y) => x - y);
  const out = build(
    series.map((s) => s.label),
    ages.map(String),
    series.map((_, k) => ages.map((a) => sums.get(a)![k]!)),
    tokens,
    columns[age]!,
  );
  out.meta.excluded = excluded;
  return out;
}

function fromWide(ct: CrossTab, tokens: string[]): PopulationCrossTab {
  const ages = (labels: string[]) => labels.length > 1 && !!orderAgeLabels(labels);
  const sexRows = (labels: string[]) => labels.filter((l) => sexOf(l)).length >= 2;
  if (ages(ct.rowLabels) && !ages(ct.columnLabels)) ct = transposed(ct);
  if (!ages(ct.columnLabels)) {
    throw new EpnDataError('UNEXPECTED_SHAPE', {
      detail: `le fichier de population n'a pas de tranches d'âge en colonnes ni en lignes (${ct.columnLabels.slice(0, 4).join(', ')})`,
      detailEn: `the population file has no age bands as columns or rows (${ct.columnLabels.slice(0, 4).join(', ')})`,
    });
  }
  if (sexRows(ct.rowLabels)) {
    const at = ['Hommes', 'Femmes'].map((s) => ct.rowLabels.findIndex((l) => sexOf(l) === s));
    return build(
      ['Hommes', 'Femmes'],
      ct.columnLabels,
      at.map((i) => ct.counts[i]!),
      [],
      ct.meta.rowTitle || 'sexe',
    );
  }
  const picked = pickAreas(null, ct, tokens);
  return build(['Ensemble'], ct.columnLabels, [picked.counts], picked.areas, 'sexe');
}

function transposed(ct: CrossTab): CrossTab {
  return {
    ...ct,
    rowLabels: ct.columnLabels,
    columnLabels: ct.rowLabels,
    counts: ct.columnLabels.map((_, j) => ct.counts.map((r) => r[j]!)),
    rowTotals: ct.columnTotals,
    columnTotals: ct.rowTotals,
  };
}

/** The counts of the chosen territories (rows of `ct`) added, per band; every row (or the Total row) without tokens. */
function pickAreas(table: Table | null, ct: CrossTab, tokens: string[]): {counts: (number | null)[]; areas: string[]} {
  const add = (rows: (number | null)[][]) =>
    ct.columnLabels.map((_, j) =>
      rows.reduce<number | null>((s, r) => (s === null || r[j] === null || r[j] === undefined ? null : s + r[j]!), 0),
    );
  if (!tokens.length) {
    if (ct.meta.givenColumnTotals) return {counts: [...ct.columnTotals], areas: []};
    return {counts: add(ct.counts), areas: []};
  }
  const entries = [
    ...ct.rowLabels.map((label, i) => ({label, counts: ct.counts[i]!})),
    ...ct.meta.subRows.map((s) => ({label: s.label, counts: s.counts})),
  ];
  const labelColumn = table ? table.columns.indexOf(ct.meta.rowTitle) : -1;
  const chosen = tokens.map((t) => {
    const key = looseKey(t);
    let e = entries.find((x) => looseKey(x.label) === key);
    if (!e && table && labelColumn >= 0) {
      // A code (`14`, `014`, `2A`) in another text column of the same row.
      const code = codeKey(t);
      const row = table.rows.find((r) =>
        r.some((v, j) => j !== labelColumn && v !== null && codeKey(String(v)) === code),
      );
      const label = row?.[labelColumn];
      if (label != null) e = entries.find((x) => looseKey(x.label) === looseKey(String(label)));
    }
    if (!e) throw unknownArea(t, ct.rowLabels.slice(0, 4));
    return e;
  });
  const unique = [...new Set(chosen)];
  return {counts: add(unique.map((e) => e.counts)), areas: unique.map((e) => e.label)};
}

function unknownArea(token: string, some: string[]): EpnDataError {
  const list = some.map((s) => `« ${s} »`).join(', ');
  return badOption(
    `territoire « ${token} » absent du fichier de population (par exemple : ${list}) ; indiquez un nom ou un code de la liste`,
    `territory "${token}" is not in the population file (e.g. ${some.map((s) => `"${s}"`).join(', ')}); give a name or code from the file`,
  );
}

function build(
  rowLabels: string[],
  columnLabels: string[],
  counts: (number | null)[][],
  areas: string[],
  rowTitle: string,
): PopulationCrossTab {
  const sum = (xs: (number | null)[]) =>
    xs.reduce<number | null>((a, x) => (a === null || x === null || x === undefined ? null : a + x), 0);
  const rowTotals = counts.map(sum);
  const columnTotals = columnLabels.map((_, j) => sum(counts.map((r) => r[j]!)));
  if (!columnLabels.length) throw new EpnDataError('NO_DATA');
  return {
    rowLabels,
    columnLabels,
    counts,
    rowTotals,
    columnTotals,
    total: sum(rowTotals),
    meta: {
      rowTitle,
      columnTitle: 'âge',
      givenRowTotals: null,
      givenColumnTotals: null,
      givenTotal: null,
      subRows: [],
      excluded: 0,
      issues: [],
      areas,
    },
  };
}
