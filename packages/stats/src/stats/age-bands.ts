import {EpnDataError} from '../errors.js';
import type {Issue} from '../table.js';
import {looseKey} from '../text.js';

/** A scheme of age bands: each band runs from its lower bound to the next band's lower bound minus one; the last is open. */
export interface AgeBands {
  readonly lowerBounds: readonly number[];
  readonly labels: readonly string[];
  /** Index of the band holding `age` (completed years; decimals are floored), or -1 for null, NaN, negative. */
  bandOf(age: number | null | undefined): number;
  /** Label of the band holding `age`, or `null`. */
  labelOf(age: number | null | undefined): string | null;
}

/**
 * Builds an age-band scheme from strictly increasing lower bounds, with labels (default `0-10`, `11-17`…, `66 +`).
 * Throws `BAD_OPTION` on bounds that are not increasing whole numbers from 0 up, or on a label count that differs.
 *
 * @example
 * ```ts
 * const bands = ageBands([0, 18, 65]);
 * bands.labels;      // ['0-17', '18-64', '65 +']
 * bands.labelOf(70); // '65 +'
 * ```
 */
export function ageBands(lowerBounds: readonly number[], labels?: readonly string[]): AgeBands {
  if (!lowerBounds.length || lowerBounds.some((b, i) => !Number.isInteger(b) || b < 0 || (i > 0 && b <= lowerBounds[i - 1]!))) {
    throw new EpnDataError('BAD_OPTION', {detail: `tranches d'âge « ${lowerBounds.join(', ')} » : des âges entiers croissants, par exemple 0, 18, 65`});
  }
  if (labels && labels.length !== lowerBounds.length) {
    throw new EpnDataError('BAD_OPTION', {detail: `${labels.length} libellés pour ${lowerBounds.length} tranches d'âge`});
  }
  const bounds = Object.freeze([...lowerBounds]);
  const names = Object.freeze(
    labels ? [...labels] : bounds.map((b, i) => (i === bounds.length - 1 ? `${b} +` : `${b}-${bounds[i + 1]! - 1}`)),
  );
  const bandOf = (age: number | null | undefined): number => {
    if (age == null || !Number.isFinite(age) || age < bounds[0]!) return -1;
    const a = Math.floor(age);
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]! <= a) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return Object.freeze({
    lowerBounds: bounds,
    labels: names,
    bandOf,
    labelOf: (age: number | null | undefined) => {
      const i = bandOf(age);
      return i < 0 ? null : names[i]!;
    },
  });
}

/**
 * The seed's eight bands, as labelled in the Basse-Normandie review: `-11`, `11-17`, `18-25`, `26-35`, `36-45`,
 * `46-55`, `56-65`, `65 +` (lower bounds 0, 11, 18, 26, 36, 46, 56, 66: the source's last two labels overlap at 65).
 */
export const SEED_AGE_BANDS: AgeBands = ageBands([0, 11, 18, 26, 36, 46, 56, 66], ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +']);

/** An age band read from its label: `upper` is inclusive, `null` when open-ended. */
export interface AgeRange {
  lower: number;
  upper: number | null;
}

const N = '(\\d{1,3})';
const YEARS = '\\s*(?:ans?|years?|yrs?)?';
const PATTERNS: Array<[RegExp, (a: number, b: number) => AgeRange]> = [
  [new RegExp(`^(?:-|<|moins de|under|less than|below)\\s*${N}${YEARS}$`), (a) => ({lower: 0, upper: a - 1})],
  [new RegExp(`^(?:de\\s*|from\\s*)?${N}${YEARS}\\s*(?:-|–|—|a|to|au)\\s*${N}${YEARS}(?:\\s*(?:revolus|inclus))?$`), (a, b) => ({lower: a, upper: b})],
  [new RegExp(`^${N}${YEARS}\\s*(?:\\+|ou plus|et plus|ou \\+|and over|and more|or more|or over|plus)$`), (a) => ({lower: a, upper: null})],
  [new RegExp(`^(?:plus de|over|>=|≥|>)\\s*${N}${YEARS}$`), (a) => ({lower: a, upper: null})],
  [new RegExp(`^${N}${YEARS}$`), (a) => ({lower: a, upper: a})],
];

/**
 * Reads an age-band label in the forms French and English tables use: `- 11`, `Moins de 15 ans`, `11-17`, `00-04`,
 * `0 à 19 ans`, `de 20 à 39 ans`, `65 +`, `75+`, `75 ans ou plus`, `95 ans et plus`, `15 to 29`, `40 ans`.
 * Returns `null` when the label is not an age band.
 *
 * @example
 * ```ts
 * parseAgeLabel('0 à 19 ans');     // {lower: 0, upper: 19}
 * parseAgeLabel('75 ans ou plus'); // {lower: 75, upper: null}
 * parseAgeLabel('- 11');           // {lower: 0, upper: 10}
 * ```
 */
export function parseAgeLabel(label: string): AgeRange | null {
  const key = looseKey(label).replace(/['’]/g, ' ');
  for (const [re, make] of PATTERNS) {
    const m = re.exec(key);
    if (m) {
      const range = make(Number(m[1]), Number(m[2]));
      if (range.upper !== null && range.upper < range.lower) return null;
      return range;
    }
  }
  return null;
}

/** The result of {@link orderAgeLabels}. */
export interface OrderedAgeLabels {
  /** Indexes into the given labels, youngest band first. */
  order: number[];
  /** The band of each given label, in the given order. */
  ranges: AgeRange[];
  /** Overlaps (`BAND_OVERLAP`) and gaps (`BAND_GAP`) between consecutive bands. */
  issues: Issue[];
}

/**
 * Orders age-band labels by lower bound and records overlaps and gaps; `null` when one label is not an age band.
 *
 * @example
 * ```ts
 * orderAgeLabels(['65 +', '- 11', '11-17'])?.order; // [1, 2, 0]
 * ```
 */
export function orderAgeLabels(labels: readonly string[]): OrderedAgeLabels | null {
  const ranges: AgeRange[] = [];
  for (const l of labels) {
    const r = parseAgeLabel(l);
    if (!r) return null;
    ranges.push(r);
  }
  const order = labels.map((_, i) => i).sort((a, b) => ranges[a]!.lower - ranges[b]!.lower || (ranges[a]!.upper ?? Infinity) - (ranges[b]!.upper ?? Infinity));
  const issues: Issue[] = [];
  for (let k = 1; k < order.length; k++) {
    const prev = ranges[order[k - 1]!]!;
    const cur = ranges[order[k]!]!;
    const a = labels[order[k - 1]!]!;
    const b = labels[order[k]!]!;
    if (prev.upper === null || cur.lower <= prev.upper) {
      issues.push({code: 'BAND_OVERLAP', raw: `${a} / ${b}`, message: `Les tranches d'âge « ${a} » et « ${b} » se chevauchent.`});
    } else if (cur.lower > prev.upper + 1) {
      issues.push({code: 'BAND_GAP', raw: `${a} / ${b}`, message: `Il manque des âges entre les tranches « ${a} » et « ${b} » (${prev.upper + 1} à ${cur.lower - 1} ans).`});
    }
  }
  return {order, ranges, issues};
}
