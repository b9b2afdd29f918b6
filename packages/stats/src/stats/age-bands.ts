import {badOption} from '../errors.js';
import type {Issue} from '../table.js';
import {looseKey} from '../text.js';

/** A scheme of age bands: each band runs from its lower bound to the next band's lower bound minus one; the last is open. */
export interface AgeBands {
  /** The lower bound of each band, increasing. */
  readonly lowerBounds: readonly number[];
  /** The label of each band. */
  readonly labels: readonly string[];
  /**
   * Index of the band holding `age` (completed years: `17.9` is 17), the last band being open (`120` is in `65 +`);
   * -1 for `null`, `undefined`, `NaN`, ±`Infinity` and ages below the first bound (negative ages included).
   */
  bandOf(age: number | null | undefined): number;
  /** Label of the band holding `age`, or `null`. */
  labelOf(age: number | null | undefined): string | null;
}

/**
 * Builds an age-band scheme from strictly increasing lower bounds, with labels (by default each band runs up to
 * the next bound minus one and the last one is open: `0-17`, `18-64`, `65 +` for `[0, 18, 65]`). Throws
 * `BAD_OPTION` on bounds that are not a non-empty list of strictly increasing whole numbers from 0 up, or on labels
 * that are not one distinct, non-empty text per band. See {@link AgeBands.bandOf} for the null/NaN policy.
 *
 * @example
 * ```ts
 * const bands = ageBands([0, 18, 65]);
 * bands.labels;      // ['0-17', '18-64', '65 +']
 * bands.labelOf(70); // '65 +'
 * ```
 */
export function ageBands(lowerBounds: readonly number[], labels?: readonly string[]): AgeBands {
  if (
    !Array.isArray(lowerBounds) ||
    !lowerBounds.length ||
    lowerBounds.some((b, i) => !Number.isInteger(b) || b < 0 || (i > 0 && b <= lowerBounds[i - 1]!))
  ) {
    throw badOption(
      `tranches d'âge « ${Array.isArray(lowerBounds) ? lowerBounds.join(', ') : String(lowerBounds)} » : des âges entiers croissants, par exemple 0, 18, 65`,
    );
  }
  if (labels !== undefined && (!Array.isArray(labels) || labels.length !== lowerBounds.length)) {
    throw badOption(`${Array.isArray(labels) ? labels.length : 0} libellés pour ${lowerBounds.length} tranches d'âge`);
  }
  if (labels && (labels.some((l) => typeof l !== 'string' || !l.trim()) || new Set(labels).size !== labels.length)) {
    throw badOption(
      `libellés de tranches d'âge « ${labels.join(', ')} » : un libellé non vide et distinct par tranche`,
    );
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
 * Same null policy as {@link ageBands}: `labelOf` gives `null` for null, NaN and negative ages.
 *
 * @example
 * ```ts
 * SEED_AGE_BANDS.labelOf(65); // '56-65'
 * SEED_AGE_BANDS.labelOf(66); // '65 +'
 * ```
 */
export const SEED_AGE_BANDS: AgeBands = ageBands(
  [0, 11, 18, 26, 36, 46, 56, 66],
  ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'],
);

/** An age band read from its label: `upper` is inclusive, `null` when open-ended. */
export interface AgeRange {
  /** First age of the band. */
  lower: number;
  /** Last age of the band (inclusive), `null` when open-ended. */
  upper: number | null;
}

const N = '(\\d{1,3})';
const YEARS = '\\s*(?:ans?|years?|yrs?)?';
const PATTERNS: Array<[RegExp, (a: number, b: number) => AgeRange]> = [
  [new RegExp(`^(?:-|<|moins(?: de)?|under|less than|below)\\s*${N}${YEARS}$`), (a) => ({lower: 0, upper: a - 1})],
  [
    new RegExp(`^(?:de\\s*|from\\s*)?${N}${YEARS}\\s*(?:-|–|—|a|to|au)\\s*${N}${YEARS}(?:\\s*(?:revolus|inclus))?$`),
    (a, b) => ({lower: a, upper: b}),
  ],
  [
    new RegExp(`^${N}${YEARS}\\s*(?:\\+|ou plus|et plus|ou \\+|et \\+|and over|and more|or more|or over|plus)$`),
    (a) => ({lower: a, upper: null}),
  ],
  [new RegExp(`^(?:plus de|plus|over|>=|≥|>)\\s*${N}${YEARS}$`), (a) => ({lower: a, upper: null})],
  [new RegExp(`^${N}${YEARS}$`), (a) => ({lower: a, upper: a})],
];

/**
 * Reads an age-band label in the forms French and English tables use: `- 11`, `Moins de 15 ans`, `11-17`, `00-04`,
 * `0 à 19 ans`, `de 20 à 39 ans`, `65 +`, `75+`, `75 ans ou plus`, `95 ans et plus`, `80 ans et +`, `15 to 29`, `40 ans`.
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
  // No age label is long: a long cell is not one (and no pattern below runs over it).
  if (label.length > 40) return null;
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
  /** Overlaps (`BAND_OVERLAP`) and gaps (`BAND_GAP`), each band compared with all the younger ones. */
  issues: Issue[];
}

/**
 * Orders age-band labels by lower bound (then upper bound, an open band last; equal bands keep their order) and
 * records overlaps and gaps as issues; `null` when one label is not an age band (see {@link parseAgeLabel}).
 *
 * @example
 * ```ts
 * orderAgeLabels(['65 +', '- 11', '11-17'])?.order;               // [1, 2, 0]
 * orderAgeLabels(['0-14', '5-9', '20 +'])?.issues.map((i) => i.code); // ['BAND_OVERLAP', 'BAND_GAP']
 * ```
 */
export function orderAgeLabels(labels: readonly string[]): OrderedAgeLabels | null {
  const ranges: AgeRange[] = [];
  for (const l of labels) {
    const r = parseAgeLabel(l);
    if (!r) return null;
    ranges.push(r);
  }
  const order = labels
    .map((_, i) => i)
    .sort(
      (a, b) => ranges[a]!.lower - ranges[b]!.lower || (ranges[a]!.upper ?? Infinity) - (ranges[b]!.upper ?? Infinity),
    );
  const issues: Issue[] = [];
  // Compare each band with the furthest age the bands before it reach (not only with its neighbour), so that a wide
  // band overlapping two narrower ones is reported, and ages it covers are not reported as missing.
  let reach = -1;
  let reacher = '';
  order.forEach((i, k) => {
    const cur = ranges[i]!;
    const b = labels[i]!;
    if (k > 0) {
      if (cur.lower <= reach) {
        issues.push({
          code: 'BAND_OVERLAP',
          raw: `${reacher} / ${b}`,
          message: `Les tranches d'âge « ${reacher} » et « ${b} » se chevauchent.`,
        });
      } else if (cur.lower > reach + 1) {
        issues.push({
          code: 'BAND_GAP',
          raw: `${reacher} / ${b}`,
          message: `Il manque des âges entre les tranches « ${reacher} » et « ${b} » (${reach + 1} à ${cur.lower - 1} ans).`,
        });
      }
    }
    const upper = cur.upper ?? Infinity;
    if (k === 0 || upper > reach) {
      reach = upper;
      reacher = b;
    }
  });
  return {order, ranges, issues};
}
