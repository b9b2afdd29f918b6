import {badOption, EpnDataError} from '../errors.js';
import type {Issue} from '../table.js';
import type {AgeRange} from './age-bands.js';
import {bandScheme, OPEN_BAND_END, schemeOfLabels, type BandScheme} from './band-schemes.js';
import type {CrossTab, CrossTabMeta} from './cross-tab.js';

/** How {@link harmonise} fills a band whose count cannot be summed exactly. */
export type HarmoniseMethod = 'uniform' | 'exact';

/** Options of {@link harmonise}. */
export interface HarmoniseOptions {
  /**
   * `uniform` (default): a source band that straddles a target boundary is split in proportion to the ages on each
   * side (as if every age of the band counted the same), and the target bands it feeds are flagged as estimated;
   * `exact`: such a split throws `BAD_OPTION` (use {@link commonScheme} for exact figures).
   */
  method?: HarmoniseMethod;
}

/** What a harmonised cross-tab adds to its source's meta. */
export interface HarmonisedMeta extends CrossTabMeta {
  /** The target scheme. */
  scheme: BandScheme;
  /** Per age band (column): whether its counts are an estimate (a source band was split), not counts. */
  estimated: boolean[];
  /** Per age band: the source bands it takes counts from, with the fraction of each taken (1 = whole). */
  sources: Array<Array<{band: string; fraction: number}>>;
}

/** A cross-tab re-expressed in another band scheme. */
export interface HarmonisedCrossTab extends CrossTab {
  meta: HarmonisedMeta;
}

/** Number of ages in a range (an open one runs to {@link OPEN_BAND_END}, and has at least one age). */
const width = (r: AgeRange) => Math.max(1, (r.upper ?? Math.max(OPEN_BAND_END, r.lower)) - r.lower + 1);

/**
 * The fraction of source band `s` that falls in target band `t`: 1 when `s` lies inside `t`, 0 when they do not
 * meet, else the share of its ages inside `t` (an open band running to {@link OPEN_BAND_END}).
 */
export function overlapFraction(s: AgeRange, t: AgeRange): number {
  const sHi = s.upper ?? Infinity;
  const tHi = t.upper ?? Infinity;
  if (s.lower >= t.lower && sHi <= tHi) return 1;
  if (sHi < t.lower || s.lower > tHi) return 0;
  const end = Math.max(OPEN_BAND_END, s.lower);
  const lo = Math.max(s.lower, t.lower);
  const hi = Math.min(s.upper ?? end, t.upper ?? end);
  return hi < lo ? 0 : (hi - lo + 1) / width(s);
}

/** Which axis of a cross-tab holds age bands: `columns` (checked first) or `rows`, with their scheme. */
export function ageAxis(ct: CrossTab): {axis: 'columns' | 'rows'; scheme: BandScheme} | null {
  const cols = ct.columnLabels.length ? schemeOfLabels(ct.columnLabels) : null;
  if (cols) return {axis: 'columns', scheme: cols};
  const rows = ct.rowLabels.length ? schemeOfLabels(ct.rowLabels) : null;
  return rows ? {axis: 'rows', scheme: rows} : null;
}

/**
 * Re-expresses a cross-tab's age bands (its columns, or its rows when only they are age bands) in another scheme:
 * a preset's name (`'broad'`, `'seed'`…), a {@link BandScheme}, lower bounds or band labels (see {@link bandScheme}).
 *
 * A target band is **exact** when it is a union of whole source bands (single years into any bands, five-year into
 * ten-year bands); otherwise a source band that straddles its boundary is split uniformly over its ages (an open
 * band as if it ran to {@link OPEN_BAND_END}), and the band is flagged in `meta.estimated`, never passed off as a
 * count. The split keeps every total: the target bands sum to the source bands they cover.
 *
 * Null policy: a target band fed by an unknown (`null`) count is `null`; a target band with ages below the source's
 * first band (or in a gap) is `null` and reported as a `BAND_GAP` issue; ages above a closed last source band are
 * taken as absent (INSEE's single-year files write `100` for 100 and over). Totals are sums, `null` when a band is.
 * Throws `BAD_OPTION` for an unknown scheme or method, or (method `exact`) when a band needs an estimate, and
 * `UNEXPECTED_SHAPE` when neither axis is made of age bands.
 *
 * @example
 * ```ts
 * const h = harmonise(insee2023, 'seed');      // INSEE's broad bands into the seed's eight
 * h.meta.estimated;                            // [true, true, true, true, true, true, true, true]
 * harmonise(singleYears, 'broad').meta.estimated.includes(true); // false: exact
 * ```
 */
export function harmonise(
  ct: CrossTab,
  target: Parameters<typeof bandScheme>[0],
  options: HarmoniseOptions = {},
): HarmonisedCrossTab {
  const method = options.method ?? 'uniform';
  if (method !== 'uniform' && method !== 'exact')
    throw badOption(
      `méthode « ${String(method)} » (uniform ou exact)`,
      `method "${String(method)}" (uniform or exact)`,
    );
  const scheme = bandScheme(target);
  const found = ageAxis(ct);
  if (!found) {
    throw new EpnDataError('UNEXPECTED_SHAPE', {
      detail: `ni les colonnes ni les lignes ne sont des tranches d'âge (${ct.columnLabels.slice(0, 4).join(', ')})`,
      detailEn: `neither the columns nor the rows are age bands (${ct.columnLabels.slice(0, 4).join(', ')})`,
    });
  }
  const byRows = found.axis === 'rows';
  const source = found.scheme;
  const labels = byRows ? ct.rowLabels : ct.columnLabels;
  // The source's bands in scheme order, as indexes into the cross-tab's axis.
  const at = source.labels.map((l) => labels.indexOf(l));
  const cellsOf = (k: number): (number | null)[] => (byRows ? ct.counts[at[k]!]! : ct.counts.map((r) => r[at[k]!]!));
  const firstAge = source.ranges[0]!.lower;
  const issues: Issue[] = [];
  const estimated: boolean[] = [];
  const sources: HarmonisedMeta['sources'] = [];
  const others = byRows ? ct.columnLabels.length : ct.rowLabels.length;
  // bands[j][i]: target band j of row (or column) i.
  const bands = scheme.ranges.map((t, j) => {
    const parts = source.ranges.map((s, k) => ({k, f: overlapFraction(s, t)})).filter((p) => p.f > 0);
    const covered = coveredBySource(t, source);
    estimated.push(parts.some((p) => p.f < 1));
    sources.push(parts.map((p) => ({band: source.labels[p.k]!, fraction: p.f})));
    if (!covered) {
      issues.push({
        code: 'BAND_GAP',
        raw: scheme.labels[j],
        message: `La tranche « ${scheme.labels[j]} » commence avant les âges du fichier (${firstAge} ans et plus) ou tombe dans un trou : elle est inconnue.`,
      });
    }
    return Array.from({length: others}, (_, i) => {
      if (!covered) return null;
      let s = 0;
      for (const p of parts) {
        const n = cellsOf(p.k)[i];
        if (n === null || n === undefined) return null;
        s += p.f === 1 ? n : n * p.f;
      }
      return s;
    });
  });
  if (method === 'exact' && estimated.includes(true)) {
    const which = scheme.labels.filter((_, j) => estimated[j]).join(', ');
    throw badOption(
      `les tranches ${which} ne s'obtiennent pas exactement à partir de ${source.labels.join(', ')} : choisissez la méthode uniform (estimation signalée) ou un découpage commun (commonScheme)`,
      `bands ${which} cannot be obtained exactly from ${source.labels.join(', ')}: use method uniform (a flagged estimate) or a common scheme (commonScheme)`,
    );
  }
  const counts = byRows ? bands : ct.rowLabels.map((_, i) => bands.map((b) => b[i]!));
  const sum = (xs: (number | null)[]) =>
    xs.reduce<number | null>((a, x) => (a === null || x === null || x === undefined ? null : a + x), 0);
  const rowTotals = counts.map(sum);
  const columnTotals = (counts[0] ?? []).map((_, j) => sum(counts.map((r) => r[j]!)));
  const {markers: _markers, ...meta} = ct.meta;
  return {
    rowLabels: byRows ? [...scheme.labels] : [...ct.rowLabels],
    columnLabels: byRows ? [...ct.columnLabels] : [...scheme.labels],
    counts,
    rowTotals,
    columnTotals,
    total: sum(rowTotals),
    meta: {
      ...meta,
      givenRowTotals: null,
      givenColumnTotals: null,
      givenTotal: null,
      issues: [...ct.meta.issues, ...issues],
      scheme,
      estimated,
      sources,
    },
  };
}

/** Whether the source covers every age of `t` (ages above a closed last source band count as covered: absent). */
function coveredBySource(t: AgeRange, source: BandScheme): boolean {
  // The source's bands follow each other without gaps (a BandScheme), so only its first age matters.
  return t.lower >= source.ranges[0]!.lower;
}
