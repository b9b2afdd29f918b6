import {EpnDataError, looseKey, ratio, shares, type CrossTab, type MarkerKind, type Table} from '@epn/stats';
import {columnSum, markersOfRow, readByBand, type ByBandOptions} from '../internal/read-by-band.js';

/** What `<epn-skill-chart>` shows. */
export type SkillMeasure = 'distribution' | 'share-of-total';

/** How to read a table into skill data (the element's attributes). */
export interface SkillOptions extends ByBandOptions {
  /** `distribution` (default: levels within each age band) or `share-of-total` (the source's convention). */
  measure?: string | null;
}

/** The colour of a level: `l1`…`l4` along the sequential palette, `o1`/`o2` (greys, alternating) for other levels. */
export type SkillTone = 'l1' | 'l2' | 'l3' | 'l4' | 'o1' | 'o2';

/** Skill data, ready to lay out: levels (ordered) × age bands. */
export interface SkillData {
  measure: SkillMeasure;
  /** Levels, débutant → intermédiaire → avancé → confirmé, then any other level in the file's order. */
  levels: string[];
  /** The palette entry of each level. */
  tones: SkillTone[];
  /** Age bands, in the file's order (long tables: by lower bound). */
  bands: string[];
  /** Counts per level and band: `counts[level][band]`. */
  counts: (number | null)[][];
  /** What is drawn, a fraction per level and band: of the band's total, or of the grand total. */
  values: (number | null)[][];
  /** People per band, and per level. */
  bandTotals: (number | null)[];
  levelTotals: (number | null)[];
  total: number | null;
  /** Per band, all levels together: 1 (100 %) for `distribution`, the band's share of the grand total otherwise. */
  bandValues: (number | null)[];
  /** Per level, all bands together: its share of the grand total (débutant: 3 691 / 7 708 = 47,9 %). */
  levelValues: (number | null)[];
  /** Bands whose given total differs from the sum of their levels. */
  mismatched: string[];
  /** Rows left out by the core (empty keys, ages outside the bands). */
  excluded: number;
  /** Why unknown counts are unknown (`markers[level][band]`: `secret`, `unavailable`…), when the file gave markers. */
  markers?: (MarkerKind | null)[][];
}

const LEVELS = [
  /\b(debutants?|debutantes?|beginners?|novices?|initiation|decouverte)\b/,
  /\b(intermediaires?|intermediate|moyens?)\b/,
  /\b(avances?|avancees?|advanced)\b/,
  /\b(confirmes?|confirmees?|experts?|experimentes?|experienced)\b/,
];

/** The rank of a level's name (0 débutant, 1 intermédiaire, 2 avancé, 3 confirmé, in French or English), or -1. */
export function levelRank(label: string): number {
  const key = looseKey(label);
  return LEVELS.findIndex((re) => re.test(key));
}

/**
 * The order of levels (indexes into `labels`): the known levels by rank (débutant → confirmé), then the others in
 * their order; and the tone of each, in that order. Known levels take the palette's steps in order; other levels
 * take greys; when no level is known, the first four take the palette's steps in the file's order.
 */
export function orderLevels(labels: readonly string[]): {order: number[]; tones: SkillTone[]} {
  const ranks = labels.map(levelRank);
  const known = labels
    .map((_, i) => i)
    .filter((i) => ranks[i]! >= 0)
    .sort((a, b) => ranks[a]! - ranks[b]! || a - b);
  const others = labels.map((_, i) => i).filter((i) => ranks[i]! < 0);
  const steps: SkillTone[] = ['l1', 'l2', 'l3', 'l4'];
  const tones: SkillTone[] = known.map((_, k) => steps[Math.min(k, 3)]!);
  others.forEach((_, k) =>
    tones.push(!known.length && k < 4 ? steps[k]! : (k - (known.length ? 0 : 4)) % 2 ? 'o2' : 'o1'),
  );
  return {order: [...known, ...others], tones};
}

/**
 * Turns a Table (wide as published, either way round, long, or one row per person) or a CrossTab into skill data.
 * `distribution` is `shares(ct, 'column')`: 678 / 1 037 = 65,4 % of débutants among the 65 +; `share-of-total` is
 * `shares(ct, 'total')`: 517 / 7 708 = 6,7 %, as the source printed. Throws EpnDataError: `BAD_OPTION` (measure),
 * and the core's reading errors.
 */
export function skillData(input: Table | CrossTab, options: SkillOptions = {}): SkillData {
  const measure = options.measure || 'distribution';
  if (measure !== 'distribution' && measure !== 'share-of-total') {
    throw new EpnDataError('BAD_OPTION', {
      detail: `measure="${measure}" (distribution ou share-of-total)`,
      detailEn: `measure="${measure}" (distribution or share-of-total)`,
    });
  }
  const ct = readByBand(input, options, 'niveau');
  const {order, tones} = orderLevels(ct.rowLabels);
  const all = shares(ct, measure === 'distribution' ? 'column' : 'total');
  const given = ct.meta.givenColumnTotals;
  return {
    measure,
    levels: order.map((i) => ct.rowLabels[i]!),
    tones,
    bands: ct.columnLabels,
    counts: order.map((i) => ct.counts[i]!),
    values: order.map((i) => all[i]!),
    bandTotals: ct.columnTotals,
    levelTotals: order.map((i) => ct.rowTotals[i]!),
    total: ct.total,
    bandValues: ct.columnTotals.map((n) => ratio(n, measure === 'distribution' ? n : ct.total)),
    levelValues: order.map((i) => ratio(ct.rowTotals[i], ct.total)),
    mismatched: given
      ? ct.columnLabels.filter((_, j) => {
          const s = columnSum(ct, j);
          return given[j] != null && s !== null && given[j] !== s;
        })
      : [],
    excluded: ct.meta.excluded,
    ...(ct.meta.markers ? {markers: order.map((i) => markersOfRow(ct, i))} : {}),
  };
}
