import {overlapFraction, parseAgeLabel, readCrossTab, type AgeRange, type CrossTab, type Table} from '@epn/stats';
import {maxOf} from '../internal/lists.js';
import {fail, quoted} from '../internal/card/fail.js';
import {transpose} from '../internal/read-by-band.js';
import {keyOf} from '../internal/card/key-values.js';

/** How to read a population table (the card's attributes). */
export interface PopulationOptions {
  /** The territory: a row name (`Calvados`) or code (`14`), or several separated by `,` or `;` (summed). */
  territory?: string | null;
  /** The age range (`5-74`, `18 à 64 ans`, `75+`); without it, the whole population. */
  ages?: string | null;
  /**
   * `inside` (default): only the file's bands that lie inside the range are counted (the population used can be
   * narrower than asked: 20 to 74 for 5-74 with INSEE's bands); `overlap`: every band that overlaps the range is
   * counted (it can be wider: 0 to 74); `estimate`: every band that overlaps the range is counted for the share of its
   * ages inside it (uniform split, as the core's `harmonise` does: 10 of the 20 ages of 0-19 for 10-74), an estimate
   * the card says is one. Either way the card says which ages were counted.
   */
  match?: string | null;
  /** The group of columns of a two-row header (INSEE: `Ensemble`, `Hommes`, `Femmes`); default `Ensemble`. */
  group?: string | null;
}

/** A band of the population file. */
export interface PopulationBand {
  label: string;
  /** Its ages, read by the core's band reader (`null` when the label is not an age band). */
  range: AgeRange | null;
  count: number | null;
  /** Whether it is counted in the population used. */
  used: boolean;
  /** The share of it counted (1 when whole; below 1 for a band split by `match: 'estimate'`). */
  fraction: number;
}

/** The population used for a per-inhabitant figure, and how it was obtained. */
export interface Population {
  /** The rows of the file used (territories), as written; empty when the file has a single one. */
  territories: string[];
  /** All ages (the file's total, else the sum of its bands); `null` when unknown. */
  total: number | null;
  /** The file's bands, youngest first. */
  bands: PopulationBand[];
  /** The range asked for (`ages`), or `null`. */
  requested: AgeRange | null;
  /** The span of the bands counted, or `null` without `ages`. */
  used: AgeRange | null;
  /** The population counted: the bands used, or the total without `ages`; `null` when a band used is unknown. */
  value: number | null;
  /** Whether the ages counted are exactly the ages asked for. */
  exact: boolean;
  match: 'inside' | 'overlap' | 'estimate';
  /** Whether the value is an estimate (a band split by `match: 'estimate'`). */
  estimated: boolean;
  /** Ages asked for but not counted (the file's bands do not isolate them). */
  missing: AgeRange[];
  /** Ages counted but not asked for. */
  extra: AgeRange[];
  /** Whether bands counted overlap each other (a person may be counted twice). */
  overlapping: boolean;
}

/**
 * Reads an age range written as the core's band reader understands it (`5-74`, `de 5 à 74 ans`, `75+`, `moins de 20
 * ans`); throws `BAD_OPTION` otherwise.
 */
export function parseAgeRange(text: string): AgeRange {
  const range = parseAgeLabel(text);
  if (!range)
    throw fail(
      'BAD_OPTION',
      `ages="${text}" : une tranche d'âge comme 5-74, 18-64 ou 75+`,
      `ages="${text}": an age range such as 5-74, 18-64 or 75+`,
    );
  return range;
}

const TOTAL_GROUP = /^(ensemble|total|tous|toutes|tous sexes|ensemble des sexes|all|both sexes|overall)$/;

/** The group of columns to read in a two-row header (`Ensemble` by default), or `undefined` for a one-row header. */
function groupOf(table: Table, group: string | null | undefined): string | undefined {
  if (group && group.trim()) return group.trim();
  const {header, types} = table.meta;
  if (header.length < 2) return undefined;
  let carried = '';
  const tops = header[0]!.map((top) => (carried = top || carried));
  const groups = [...new Set(tops.filter((g, j) => g && types[j] === 'number'))];
  if (groups.length <= 1) return groups[0];
  const all = groups.find((g) => TOTAL_GROUP.test(keyOf(g)));
  if (all) return all;
  throw fail(
    'BAD_OPTION',
    `le fichier de population a plusieurs groupes de colonnes (${quoted(groups)}) : choisissez-en un avec population-group`,
    `the population file has several groups of columns (${quoted(groups, true)}): choose one with population-group`,
  );
}

interface Entity {
  label: string;
  counts: (number | null)[];
  total: number | null;
  isTotal?: boolean;
}

const sum = (xs: readonly (number | null)[]): number | null => {
  let s = 0;
  for (const x of xs) {
    if (x === null) return null;
    s += x;
  }
  return s;
};

const codeKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^0+(?=[0-9a-z])/, '');

/**
 * The population of a territory, for an age range, from a population table: INSEE's estimates (two-row header,
 * `Ensemble` group, one row per département), a table with one row per territory and one column per age band, or
 * the transposed form (one row per band, one column per territory). The bands are read by the core
 * (`readCrossTab`, `parseAgeLabel`); the territory is a row name or code, or several summed.
 *
 * Null policy: a band used that is empty or secret makes the population `null` (never 0). Throws `BAD_OPTION` for an
 * unknown territory, an unreadable range or `match`, or a file of several territories without `territory`;
 * `UNEXPECTED_SHAPE` when the columns are not age bands or no band fits the range; and what the core throws.
 *
 * @example
 * ```ts
 * populationByAge(inseeTable, {territory: 'Calvados', ages: '5-74'}).used; // {lower: 20, upper: 74}: INSEE's 0-19 holds 0-4
 * ```
 */
export function populationByAge(table: Table, options: PopulationOptions = {}): Population {
  const match = (options.match || 'inside').trim();
  if (match !== 'inside' && match !== 'overlap' && match !== 'estimate') {
    throw fail(
      'BAD_OPTION',
      `age-match="${match}" (inside : seulement les tranches comprises dans l'intervalle ; overlap : toutes celles qui le touchent ; estimate : celles qui le touchent, au prorata de leurs âges compris)`,
      `age-match="${match}" (inside: only the bands within the range; overlap: every band touching it; estimate: those touching it, pro rata of their ages inside)`,
    );
  }
  const requested = options.ages && options.ages.trim() ? parseAgeRange(options.ages) : null;
  const group = groupOf(table, options.group);
  const ct = readCrossTab(table, group ? {group} : {});
  const isAges = (labels: string[]) => labels.length > 0 && labels.every((l) => parseAgeLabel(l) !== null);
  const transposed = !isAges(ct.columnLabels) && isAges(ct.rowLabels);
  const {bandLabels, entities} = byRow(transposed ? transpose(ct) : ct, !transposed);
  const chosen = chooseTerritories(table, ct, entities, options.territory, transposed);
  const counts = bandLabels.map((_, b) => sum(chosen.map((e) => e.counts[b] ?? null)));
  const total = sum(chosen.map((e) => e.total));
  const bands: PopulationBand[] = bandLabels.map((label, b) => ({
    label,
    range: parseAgeLabel(label),
    count: counts[b]!,
    used: false,
    fraction: 0,
  }));
  const territories =
    chosen.length === 1 && entities.filter((e) => !e.isTotal).length === 1 ? [] : chosen.map((e) => e.label);
  if (!requested) {
    return {
      territories,
      total,
      bands,
      requested: null,
      used: null,
      value: total,
      exact: true,
      match,
      estimated: false,
      missing: [],
      extra: [],
      overlapping: false,
    };
  }
  const asked = rangeKey(requested);
  if (!bands.some((b) => b.range)) {
    const some = bandLabels.slice(0, 6);
    throw fail(
      'UNEXPECTED_SHAPE',
      `les colonnes du fichier de population ne sont pas des tranches d'âge (${quoted(some)}) : impossible d'en retenir les ${asked} ans`,
      `the population file's columns are not age bands (${quoted(some, true)}): the ages ${asked} cannot be picked`,
    );
  }
  const inside = (r: AgeRange) => r.lower >= requested.lower && hi(r) <= hi(requested);
  const touches = (r: AgeRange) => r.lower <= hi(requested) && hi(r) >= requested.lower;
  for (const b of bands) {
    b.used = !!b.range && (match === 'inside' ? inside(b.range) : touches(b.range));
    b.fraction = b.used ? (match === 'estimate' ? overlapFraction(b.range!, requested) : 1) : 0;
  }
  const estimated = bands.some((b) => b.used && b.fraction < 1);
  const used = bands.filter((b) => b.used).map((b) => b.range!);
  if (!used.length) {
    throw fail(
      'UNEXPECTED_SHAPE',
      `aucune tranche d'âge du fichier de population (${quoted(bandLabels)}) n'est comprise dans ${asked} ans ; ` +
        `choisissez une autre tranche, ou age-match="overlap" pour compter les tranches qui la chevauchent`,
      `no age band of the population file (${quoted(bandLabels, true)}) lies within ${asked}; ` +
        `choose another range, or age-match="overlap" to count the bands that overlap it`,
    );
  }
  const span: AgeRange = {
    lower: -maxOf(used.map((r) => -r.lower)),
    upper: used.some((r) => r.upper === null) ? null : maxOf(used.map((r) => r.upper!)),
  };
  const sorted = [...used].sort((a, b) => a.lower - b.lower || hi(a) - hi(b));
  let reach = -1;
  let overlapping = false;
  sorted.forEach((r, i) => {
    if (i > 0 && r.lower <= reach) overlapping = true;
    reach = Math.max(reach, hi(r));
  });
  const missing = subtract([requested], sorted);
  const extra = subtract(sorted, [requested]);
  const value = sum(bands.filter((b) => b.used).map((b) => (b.count === null ? null : b.count * b.fraction)));
  if (estimated) {
    // The bands split pro rata cover exactly the ages asked for (within the file's ages): nothing missing or added.
    return {
      territories,
      total,
      bands,
      requested,
      used: requested,
      value,
      exact: false,
      match,
      estimated,
      missing: subtract([requested], sorted),
      extra: [],
      overlapping,
    };
  }
  return {
    territories,
    total,
    bands,
    requested,
    used: span,
    value,
    exact: !missing.length && !extra.length && !overlapping,
    match,
    estimated,
    missing,
    extra,
    overlapping,
  };
}

/** The territories of a table whose rows are territories (a transposed one's, for bands as rows), and its bands. */
function byRow(ct: CrossTab, subRows: boolean): {bandLabels: string[]; entities: Entity[]} {
  const entities: Entity[] = ct.rowLabels.map((label, i) => ({
    label,
    counts: ct.counts[i]!,
    total: ct.rowTotals[i] ?? null,
  }));
  // `dont` rows are territories too; in a transposed table they would be bands.
  if (subRows) for (const s of ct.meta.subRows) entities.push({label: s.label, counts: s.counts, total: sum(s.counts)});
  if (ct.meta.givenColumnTotals)
    entities.push({label: 'Total', counts: ct.columnTotals, total: ct.total, isTotal: true});
  return {bandLabels: ct.columnLabels, entities};
}

function chooseTerritories(
  table: Table,
  ct: CrossTab,
  entities: Entity[],
  territory: string | null | undefined,
  transposed: boolean,
): Entity[] {
  const tokens = [
    ...new Set(
      (territory ?? '')
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const places = entities.filter((e) => !e.isTotal);
  if (!tokens.length) {
    if (places.length === 1) return places;
    const total = entities.find((e) => e.isTotal);
    if (total) return [total];
    const n = places.length;
    const first = places[0]?.label ?? '';
    throw fail(
      'BAD_OPTION',
      `le fichier de population a ${n} territoires : choisissez-en un avec l'attribut territory (par exemple « ${first} », ou son code)`,
      `the population file has ${n} territories: choose one with the territory attribute (e.g. "${first}", or its code)`,
    );
  }
  const byLabel = (key: string) => entities.find((e) => keyOf(e.label) === key);
  const labelColumn = table.columns.indexOf(ct.meta.rowTitle);
  const stringColumns = table.columns.map((_, j) => j).filter((j) => table.meta.types[j] === 'string');
  return tokens.map((token) => {
    const found = byLabel(keyOf(token)) ?? (transposed || labelColumn < 0 ? undefined : byCode(token));
    if (!found) {
      const some = places.slice(0, 4).map((e) => e.label);
      const more = places.length > 4 ? '…' : '';
      throw fail(
        'BAD_OPTION',
        `territory : « ${token} » n'est pas dans le fichier de population (par exemple : ${quoted(some)}${more})`,
        `territory: "${token}" is not in the population file (e.g. ${quoted(some, true)}${more})`,
      );
    }
    return found;
  });

  function byCode(token: string): Entity | undefined {
    const code = codeKey(token);
    const row = table.rows.find((r) =>
      stringColumns.some((j) => j !== labelColumn && typeof r[j] === 'string' && codeKey(r[j] as string) === code),
    );
    if (!row) return undefined;
    const label = row[labelColumn] ?? stringColumns.map((j) => row[j]).find((x) => x != null);
    return label == null ? undefined : byLabel(keyOf(String(label)));
  }
}

/** Ages of `a` not covered by `b` (inclusive integer ranges; `upper: null` is open). */
export function subtract(a: readonly AgeRange[], b: readonly AgeRange[]): AgeRange[] {
  let pieces = a.map((r) => ({lower: r.lower, upper: hi(r)}));
  for (const cut of b) {
    const next: Array<{lower: number; upper: number}> = [];
    for (const p of pieces) {
      if (hi(cut) < p.lower || cut.lower > p.upper) {
        next.push(p);
        continue;
      }
      if (cut.lower > p.lower) next.push({lower: p.lower, upper: cut.lower - 1});
      if (hi(cut) < p.upper) next.push({lower: hi(cut) + 1, upper: p.upper});
    }
    pieces = next;
  }
  return pieces
    .sort((x, y) => x.lower - y.lower)
    .map((p) => ({lower: p.lower, upper: p.upper === Infinity ? null : p.upper}));
}

/** The upper bound of a range, `Infinity` when it is open. */
const hi = (r: AgeRange) => r.upper ?? Infinity;

const rangeKey = (r: AgeRange) => (r.upper === null ? `${r.lower}+` : `${r.lower}-${r.upper}`);
