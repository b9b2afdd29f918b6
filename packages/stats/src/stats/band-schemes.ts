import {badOption} from '../errors.js';
import {cleanLabel, looseKey} from '../text.js';
import {parseAgeLabel, type AgeBands, type AgeRange} from './age-bands.js';

/**
 * A scheme of age bands: one label and one range of ages per band, youngest first, without gaps or overlaps. The
 * last band may be open (`upper: null`, `75 +`).
 */
export interface BandScheme {
  /** The preset's name, when the scheme is one. */
  readonly name?: SchemeName;
  /** One label per band. */
  readonly labels: readonly string[];
  /** The ages of each band (`upper` inclusive, `null` for an open last band). */
  readonly ranges: readonly AgeRange[];
}

/** The names of the preset schemes. */
export type SchemeName = 'seed' | 'conseiller-numerique' | 'coop' | 'quinquennal' | 'broad' | 'single-years';

/**
 * When a band is open (`75 +`) and must be split, its ages are taken to run up to this age (inclusive): the
 * estimate spreads it over 75 to 99. An open band is never split when the estimate is not needed.
 */
export const OPEN_BAND_END = 99;

function fromBounds(name: SchemeName, lowers: readonly number[], labels?: readonly string[]): BandScheme {
  const ranges = lowers.map((lower, i) => ({lower, upper: i < lowers.length - 1 ? lowers[i + 1]! - 1 : null}));
  return Object.freeze({
    name,
    labels: Object.freeze(labels ? [...labels] : ranges.map(rangeLabel)),
    ranges: Object.freeze(ranges.map((r) => Object.freeze(r))),
  });
}

const range = (from: number, to: number, step = 1) =>
  Array.from({length: Math.floor((to - from) / step) + 1}, (_, i) => from + i * step);

/**
 * The band schemes EPN and INSEE files use:
 * - `seed`: the Basse-Normandie review's `-11, 11-17, 18-25, 26-35, 36-45, 46-55, 56-65, 65 +` (the last two labels
 *   overlap at 65 in the source: 65-year-olds are in `56-65`);
 * - `conseiller-numerique`: the national conseiller-numérique exports' `Moins12ans, De12a18ans, De18a35ans,
 *   De35a60ans, Plus60ans` (each band up to the next one's first age, excluded);
 * - `coop`: La Coop de la médiation numérique's `< 12, 12-18, 18-24, 25-39, 40-59, 60-69, 70 +` (`12-18` is 12 to 17);
 * - `quinquennal`: INSEE's five-year bands `0-4` … `90-94`, `95 +`;
 * - `broad`: INSEE's `0-19, 20-39, 40-59, 60-74, 75 +` (the département estimates);
 * - `single-years`: `0`, `1` … `99`, `100 +`.
 *
 * @example
 * ```ts
 * BAND_SCHEMES.broad.labels;          // ['0-19', '20-39', '40-59', '60-74', '75 +']
 * BAND_SCHEMES.coop.ranges[1];        // {lower: 12, upper: 17}
 * ```
 */
export const BAND_SCHEMES: Readonly<Record<SchemeName, BandScheme>> = Object.freeze({
  seed: fromBounds(
    'seed',
    [0, 11, 18, 26, 36, 46, 56, 66],
    ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'],
  ),
  'conseiller-numerique': fromBounds(
    'conseiller-numerique',
    [0, 12, 18, 35, 60],
    ['Moins12ans', 'De12a18ans', 'De18a35ans', 'De35a60ans', 'Plus60ans'],
  ),
  coop: fromBounds('coop', [0, 12, 18, 25, 40, 60, 70], ['< 12', '12-18', '18-24', '25-39', '40-59', '60-69', '70 +']),
  quinquennal: fromBounds('quinquennal', range(0, 95, 5)),
  broad: fromBounds('broad', [0, 20, 40, 60, 75]),
  'single-years': fromBounds('single-years', range(0, 100), [...range(0, 99).map(String), '100 +']),
});

/** A band's label from its ages: `0-19`, `75 +`, `40` (a single year). */
export function rangeLabel(r: AgeRange): string {
  return r.upper === null ? `${r.lower} +` : r.upper === r.lower ? String(r.lower) : `${r.lower}-${r.upper}`;
}

const tight = (s: string) => looseKey(s).replace(/\s+/g, '');

/**
 * A band scheme from a preset's name, an {@link AgeBands}, lower bounds (`[0, 18, 65]`), or band labels as a file
 * writes them. Labels that are exactly a preset's (spaces and case aside, in any order and any subset) take the
 * preset's ages (so the seed's `65 +` starts at 66, La Coop's `12-18` ends at 17); other labels are read by
 * {@link parseAgeLabel} (`0 à 19 ans`, `75 ans ou plus`, `00-04`, `40`). The bands are put youngest first.
 *
 * Throws `BAD_OPTION` for an unknown name, a label that is not an age band, bands that overlap or leave ages out
 * between them, or an empty list.
 *
 * @example
 * ```ts
 * bandScheme('broad').labels.length;             // 5
 * bandScheme(['75 ans ou plus', '0 à 74 ans']).ranges; // [{lower: 0, upper: 74}, {lower: 75, upper: null}]
 * bandScheme(['-11', '11-17', '65 +']).ranges[2]; // {lower: 66, upper: null} (the seed's)
 * ```
 */
export function bandScheme(
  spec: SchemeName | BandScheme | AgeBands | readonly number[] | readonly string[],
): BandScheme {
  if (typeof spec === 'string') {
    const preset = (BAND_SCHEMES as Record<string, BandScheme>)[spec];
    if (!preset || !Object.prototype.hasOwnProperty.call(BAND_SCHEMES, spec)) {
      throw badOption(
        `découpage en tranches d'âge « ${spec} » inconnu (${Object.keys(BAND_SCHEMES).join(', ')})`,
        `unknown age-band scheme "${spec}" (${Object.keys(BAND_SCHEMES).join(', ')})`,
      );
    }
    return preset;
  }
  if (Array.isArray(spec)) {
    if (!spec.length) throw badOption(`découpage en tranches d'âge vide`, 'empty age-band scheme');
    if (spec.every((x) => typeof x === 'number')) {
      const lowers = spec as number[];
      if (lowers.some((b, i) => !Number.isInteger(b) || b < 0 || (i > 0 && b <= lowers[i - 1]!))) {
        throw badOption(
          `tranches d'âge « ${lowers.join(', ')} » : des âges entiers croissants, par exemple 0, 18, 65`,
          `age bands "${lowers.join(', ')}": increasing whole ages, e.g. 0, 18, 65`,
        );
      }
      return checked(
        lowers.map((lower, i) => ({lower, upper: i < lowers.length - 1 ? lowers[i + 1]! - 1 : null})),
        undefined,
      );
    }
    return fromLabels((spec as readonly unknown[]).map((l) => cleanLabel(String(l))));
  }
  const s = spec as Partial<BandScheme & AgeBands>;
  if (s && Array.isArray(s.ranges) && Array.isArray(s.labels))
    return checked(
      s.ranges.map((r) => ({lower: r.lower, upper: r.upper})),
      s.labels,
      s.name,
    );
  if (s && Array.isArray(s.lowerBounds) && Array.isArray(s.labels)) {
    const lowers = s.lowerBounds;
    return checked(
      lowers.map((lower, i) => ({lower, upper: i < lowers.length - 1 ? lowers[i + 1]! - 1 : null})),
      s.labels,
    );
  }
  throw badOption(`découpage en tranches d'âge non compris`, 'age-band scheme not understood');
}

/** The scheme of band labels; `null` when one of them is not an age band (no error). */
export function schemeOfLabels(labels: readonly string[]): BandScheme | null {
  try {
    return labels.length ? fromLabels(labels.map((l) => cleanLabel(l))) : null;
  } catch {
    return null;
  }
}

function fromLabels(labels: string[]): BandScheme {
  const keys = labels.map(tight);
  for (const preset of Object.values(BAND_SCHEMES)) {
    const own = preset.labels.map(tight);
    if (keys.every((k) => own.includes(k)) && new Set(keys).size === keys.length) {
      const order = keys.map((k) => own.indexOf(k));
      const idx = labels.map((_, i) => i).sort((a, b) => order[a]! - order[b]!);
      const ranges = idx.map((i) => preset.ranges[order[i]!]!);
      // A subset of a preset is the preset's bands when they follow each other (a long file without some bands).
      return checked(
        ranges.map((r) => ({...r})),
        idx.map((i) => labels[i]!),
        preset.labels.length === labels.length ? preset.name : undefined,
      );
    }
  }
  const ranges = labels.map((l) => {
    const r = parseAgeLabel(l);
    if (!r)
      throw badOption(
        `« ${l} » n'est pas une tranche d'âge (par exemple 0-19, 75 +, 40)`,
        `"${l}" is not an age band (e.g. 0-19, 75 +, 40)`,
      );
    return r;
  });
  const idx = labels.map((_, i) => i).sort((a, b) => ranges[a]!.lower - ranges[b]!.lower);
  return checked(
    idx.map((i) => ranges[i]!),
    idx.map((i) => labels[i]!),
  );
}

/** Freezes a scheme after checking its bands follow each other without gaps or overlaps. */
function checked(ranges: AgeRange[], labels: readonly string[] | undefined, name?: SchemeName): BandScheme {
  const names = labels ? labels.map(String) : ranges.map(rangeLabel);
  if (names.length !== ranges.length)
    throw badOption(
      `${names.length} libellés pour ${ranges.length} tranches d'âge`,
      `${names.length} labels for ${ranges.length} age bands`,
    );
  ranges.forEach((r, i) => {
    if (i === 0) return;
    const prev = ranges[i - 1]!;
    if (prev.upper === null || r.lower !== prev.upper + 1) {
      const what = prev.upper === null || r.lower <= prev.upper ? 'se chevauchent' : 'laissent des âges de côté';
      const whatEn = prev.upper === null || r.lower <= prev.upper ? 'overlap' : 'leave ages out';
      throw badOption(
        `les tranches d'âge « ${names[i - 1]} » et « ${names[i]} » ${what}`,
        `age bands "${names[i - 1]}" and "${names[i]}" ${whatEn}`,
      );
    }
  });
  return Object.freeze({
    ...(name ? {name} : {}),
    labels: Object.freeze(names),
    ranges: Object.freeze(ranges.map((r) => Object.freeze({lower: r.lower, upper: r.upper}))),
  });
}

/**
 * The coarsest scheme in which both schemes' counts are exact: a boundary is kept only where both schemes have one
 * (so each of its bands is a union of bands of either). It covers the ages both cover. Throws `BAD_OPTION` when
 * the two schemes share no ages.
 *
 * @example
 * ```ts
 * commonScheme('quinquennal', 'broad').labels;          // ['0-19', '20-39', '40-59', '60-74', '75 +']
 * commonScheme('coop', 'conseiller-numerique').labels;  // ['0-11', '12-17', '18-59', '60 +']
 * ```
 */
export function commonScheme(a: Parameters<typeof bandScheme>[0], b: Parameters<typeof bandScheme>[0]): BandScheme {
  const sa = bandScheme(a);
  const sb = bandScheme(b);
  const lo = Math.max(sa.ranges[0]!.lower, sb.ranges[0]!.lower);
  const topOf = (s: BandScheme) => s.ranges[s.ranges.length - 1]!.upper;
  const ta = topOf(sa);
  const tb = topOf(sb);
  const top = ta === null ? tb : tb === null ? ta : Math.min(ta, tb);
  if (top !== null && top < lo)
    throw badOption(`les deux découpages n'ont aucun âge en commun`, 'the two schemes share no ages');
  const cutsOf = (s: BandScheme) => new Set(s.ranges.map((r) => r.lower));
  const ca = cutsOf(sa);
  const cb = cutsOf(sb);
  const cuts = [lo, ...[...ca].filter((c) => c > lo && cb.has(c) && (top === null || c <= top)).sort((x, y) => x - y)];
  const ranges = cuts.map((lower, i) => ({lower, upper: i < cuts.length - 1 ? cuts[i + 1]! - 1 : top}));
  return checked(ranges, undefined);
}
