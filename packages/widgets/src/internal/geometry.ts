// What the charts' pure layouts share.

/** Average glyph width at 12 px, for fitting labels. */
export const CHAR = 6.6;

/** A finite number rounded to 0.01 (0 for NaN, ±Infinity and what would overflow when rounded). */
export const finite = (x: number): number => {
  const r = Math.round(x * 100) / 100;
  return Number.isFinite(r) ? r : 0;
};

/** Widths beyond any screen are drawn at this width. */
const MAX_WIDTH = 10_000;

/** The width a chart is laid out at: the element's, at least 240 px, at most {@link MAX_WIDTH}, 0 for nonsense. */
export const chartWidth = (width: number): number => Math.min(MAX_WIDTH, Math.max(240, finite(width)));

/** A count or share that draws a bar: a finite number above 0. */
export const positive = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;
