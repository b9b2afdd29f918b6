import {ratio, readCrossTab, type CrossTab, type EpnDataError, type Table} from '@epn/stats';
import {fail, quoted} from '../internal/card/fail.js';
import {maxOf} from '../internal/lists.js';
import {euroUnit, keyOf, readFigures, splitUnit, type KeyValue} from '../internal/card/key-values.js';

/** A figure of the file. */
export interface KeyFigure extends KeyValue {
  /** Whether it is an amount in euros (unit `EUR`, `€`, `k€`…); `value` is then in euros. */
  euro: boolean;
}

/** A ratio declared in the `ratios` attribute. */
export interface RatioSpec {
  numerator: string;
  denominator: string;
  /** The label written after the value (`visites par inscrit`), or `null` (a default is made of the two labels). */
  label: string | null;
}

/** A ratio and its value. */
export interface RatioFigure extends RatioSpec {
  /** numerator / denominator; `null` when either is missing or the denominator is 0. */
  value: number | null;
  num: KeyFigure;
  den: KeyFigure;
  /** Whether it is an amount in euros (euros over a count). */
  euro: boolean;
}

/** One bar of a breakdown. */
export interface BreakdownItem {
  label: string;
  value: number | null;
  /** Share of the total (`null` when unknown). */
  share: number | null;
  /** Length of the bar, as a fraction of the longest one, in [0, 1]. */
  length: number;
}

/** A breakdown: one bar per row of a second file, for one column. */
export interface Breakdown {
  /** The column shown, as written in the file (without a unit in parentheses). */
  column: string;
  /** The name of the column of row labels (`departement`). */
  rowTitle: string;
  items: BreakdownItem[];
  /** The file's total row, else the sum; `null` when a value is unknown. */
  total: number | null;
  /** Index of the largest value, or -1. */
  top: number;
  euro: boolean;
}

/** What `<epn-key-figures>` shows. */
export interface KeyFiguresModel {
  figures: KeyFigure[];
  ratios: RatioFigure[];
  breakdown: Breakdown | null;
  /** Custom labels (`labels` attribute), by loose key. */
  labels: Map<string, string>;
  /** Keys written more than once in the file (the first value is used by ratios). */
  duplicates: string[];
  /** Lines without a key, left out. */
  skippedLines: number[];
}

/** The attributes of `<epn-key-figures>`. */
export interface KeyFiguresOptions {
  keys?: string | null;
  ratios?: string | null;
  labels?: string | null;
  /** The breakdown file, once loaded, and its column. */
  breakdownTable?: Table | null;
  breakdownColumn?: string | null;
}

const RATIO_SYNTAX_FR =
  "chaque ratio s'écrit numérateur/dénominateur:libellé, séparés par des points-virgules (par exemple « visites_annuelles/inscrits_annuels:visites par inscrit »)";
const RATIO_SYNTAX_EN =
  'each ratio is written numerator/denominator:label, separated by semicolons (e.g. "visites_annuelles/inscrits_annuels:visites par inscrit")';

/**
 * Reads the `ratios` attribute: `numerator/denominator:label`, several separated by `;` (labels may hold commas). The
 * keys are those of the file (matched loosely: case, accents, `_` and spaces); the label is optional.
 * Throws `BAD_OPTION` (in French, with the syntax and an example) for anything else.
 *
 * @example
 * ```ts
 * parseRatios('visites_annuelles/inscrits_annuels:visites par inscrit');
 * // [{numerator: 'visites_annuelles', denominator: 'inscrits_annuels', label: 'visites par inscrit'}]
 * ```
 */
export function parseRatios(text: string | null | undefined): RatioSpec[] {
  if (!text || !text.trim()) return [];
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([^/:]+?)\s*\/\s*([^/:]+?)\s*(?::\s*(.*))?$/.exec(part);
      if (!m || !m[1]!.trim() || !m[2]!.trim()) {
        throw fail(
          'BAD_OPTION',
          `ratios="${text}" : « ${part} » n'est pas compris ; ${RATIO_SYNTAX_FR}`,
          `ratios="${text}": "${part}" is not understood; ${RATIO_SYNTAX_EN}`,
        );
      }
      const label = m[3]?.trim() || null;
      return {numerator: m[1]!.trim(), denominator: m[2]!.trim(), label};
    });
}

/** Reads the `keys` attribute: keys separated by `,` or `;`. */
export function parseKeyList(text: string | null | undefined): string[] {
  if (!text || !text.trim()) return [];
  return text
    .split(/[;,]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/**
 * Reads the `labels` attribute: `key:label`, several separated by `;`. Throws `BAD_OPTION` for a part without `:`.
 *
 * @example
 * ```ts
 * parseLabels('epn:Lieux labellisés; animateurs:Médiateurs').get('epn'); // 'Lieux labellisés'
 * ```
 */
export function parseLabels(text: string | null | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  if (!text || !text.trim()) return labels;
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    if (at <= 0 || !part.slice(at + 1).trim()) {
      throw fail(
        'BAD_OPTION',
        `labels="${text}" : « ${part} » n'est pas compris ; chaque libellé s'écrit clé:libellé, séparés par des points-virgules (par exemple « epn:Lieux labellisés »)`,
        `labels="${text}": "${part}" is not understood; each label is written key:label, separated by semicolons (e.g. "epn:Certified places")`,
      );
    }
    labels.set(keyOf(part.slice(0, at)), part.slice(at + 1).trim());
  }
  return labels;
}

function toFigure(e: KeyValue): KeyFigure {
  const {euro, factor} = euroUnit(e.unit);
  return {...e, value: e.value === null ? null : e.value * factor, euro};
}

function unknownKey(attribute: string, key: string, figures: readonly KeyFigure[]): EpnDataError {
  const some = figures.map((f) => f.key);
  return fail(
    'BAD_OPTION',
    `${attribute} : l'indicateur « ${key} » n'est pas dans le fichier${some.length ? ` (indicateurs : ${quoted(some)})` : ''}`,
    `${attribute}: the figure "${key}" is not in the file${some.length ? ` (figures: ${quoted(some, true)})` : ''}`,
  );
}

/**
 * The key figures of a key/value file (or a one-row table), the ratios declared, and a breakdown from a second file.
 *
 * Null policy: an empty or marker value stays `null` (shown "non disponible" / "donnée confidentielle"), a ratio over
 * a missing or zero denominator is `null`, never Infinity or NaN. Throws `BAD_OPTION` for a malformed `ratios`,
 * `keys` or `labels`, or a key they name that the file does not have (listing the file's keys); and what the core
 * throws on the breakdown file (`MISSING_COLUMN` for an unknown `breakdown-column`).
 *
 * @example
 * ```ts
 * keyFigures(chiffresCles, {ratios: 'visites_annuelles/inscrits_annuels:visites par inscrit'}).ratios[0].value; // 11.34…
 * ```
 */
export function keyFigures(input: Table | CrossTab | null, options: KeyFiguresOptions = {}): KeyFiguresModel {
  const kv = readFigures(input);
  const all = (kv?.entries ?? []).map(toFigure);
  const find = (attribute: string, key: string) => {
    const k = keyOf(key);
    const f = all.find((x) => keyOf(x.key) === k);
    if (!f) throw unknownKey(attribute, key, all);
    return f;
  };
  const labels = parseLabels(options.labels);
  const keys = parseKeyList(options.keys);
  const figures = keys.length ? keys.map((k) => find('keys', k)) : all;
  const ratios: RatioFigure[] = parseRatios(options.ratios).map((spec) => {
    const num = find('ratios', spec.numerator);
    const den = find('ratios', spec.denominator);
    return {...spec, num, den, value: ratio(num.value, den.value), euro: num.euro && !den.euro};
  });
  // The figures of each loose key, in file order: a key with several is a duplicate, named as first written.
  const byKey = new Map<string, string[]>();
  for (const f of all) byKey.set(keyOf(f.key), [...(byKey.get(keyOf(f.key)) ?? []), f.key]);
  const duplicates = [...byKey.values()].filter((keys) => keys.length > 1).map((keys) => keys[0]!);
  const breakdown = options.breakdownTable ? breakdownOf(options.breakdownTable, options.breakdownColumn) : null;
  return {figures, ratios, breakdown, labels, duplicates, skippedLines: kv?.skippedLines ?? []};
}

/**
 * One bar per row of a table, for one numeric column (`column`, default the first numeric one), read by the core
 * (`readCrossTab`: a `Total` row is the total, aggregates and `dont` rows are set aside). Bar lengths are fractions
 * of the largest value (0 for `null`, for negative values, and when every value is 0).
 *
 * @example
 * ```ts
 * breakdownOf(parseCsv('departement,epn\nCalvados,36\nManche,61\nOrne,20'), 'epn').total; // 117
 * ```
 */
export function breakdownOf(table: Table, column?: string | null): Breakdown {
  const name = column && column.trim() ? column.trim() : table.columns[table.meta.types.indexOf('number')];
  const ct = readCrossTab(table, name ? {columns: [name]} : {});
  const values = ct.counts.map((r) => r[0] ?? null);
  const max = maxOf(
    values.filter((v): v is number => v !== null),
    0,
  );
  const total = ct.total;
  let top = -1;
  values.forEach((v, i) => {
    if (v !== null && (top < 0 || v > values[top]!)) top = i;
  });
  const {name: columnName, unit} = splitUnit(ct.columnLabels[0] ?? name ?? '');
  return {
    column: columnName,
    rowTitle: ct.meta.rowTitle,
    items: ct.rowLabels.map((label, i) => {
      const v = values[i]!;
      return {label, value: v, share: ratio(v, total), length: v !== null && v > 0 && max > 0 ? v / max : 0};
    }),
    total,
    top,
    euro: euroUnit(unit).euro,
  };
}
