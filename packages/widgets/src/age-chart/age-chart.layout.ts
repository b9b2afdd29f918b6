import {ticks} from 'd3-array';
import {CHAR, chartWidth, finite} from '../internal/geometry.js';

/** One horizontal bar and its direct label. */
export interface Bar {
  x: number;
  width: number;
  /** Where the value label goes, and how it is anchored. */
  labelX: number;
  anchor: 'start' | 'end';
  label: string;
}

/** One age band: its row and its two bars. */
export interface PyramidRow {
  band: string;
  y: number;
  height: number;
  men: Bar;
  women: Bar;
  /** The population's outline behind each bar (x and width), when a population is compared. */
  outline?: {men: {x: number; width: number}; women: {x: number; width: number}};
}

/** Geometry of a pyramid, in CSS pixels: everything the template needs, nothing it must compute. */
export interface PyramidLayout {
  width: number;
  height: number;
  /** The central column of band labels. */
  centerX: number;
  centerWidth: number;
  rows: PyramidRow[];
  /** Tick marks, mirrored on both sides. */
  ticks: Array<{label: string; menX: number; womenX: number}>;
  tickY: number;
  plotTop: number;
  plotBottom: number;
  headerY: number;
  menHeaderX: number;
  womenHeaderX: number;
  /** How many characters a band label may show before it is truncated. */
  bandChars: number;
}

/** What the layout needs: values per band (youngest first), and the formatter of the chart. */
export interface PyramidInput {
  bands: string[];
  men: (number | null)[];
  women: (number | null)[];
  /** The formatter of a bar's value; `band` and `side` say which bar (a `null` is written as its marker says). */
  format: (value: number | null, band?: number, side?: 'men' | 'women') => string;
  /** The formatter of tick labels (default: `format`). */
  tickFormat?: (value: number | null) => string;
  /** A population to compare, in the same unit (shares): drawn as outlines on the same scale. */
  outline?: {men: (number | null)[]; women: (number | null)[]};
}

/**
 * Lays out a population pyramid for a width: men on the left, women on the right, youngest band at the bottom,
 * absolute ticks on both sides, band labels in the centre, a direct value label at the end of each bar. Pure; every
 * number is finite (no NaN or Infinity even with no data or zero values).
 */
export function layoutPyramid(input: PyramidInput, width: number): PyramidLayout {
  const w = chartWidth(width);
  const n = input.bands.length;
  const longestBand = Math.max(3, ...input.bands.map((b) => Array.from(b).length));
  const centerWidth = Math.min(Math.max(longestBand * CHAR + 12, 44), Math.max(44, w * 0.22));
  const bandChars = Math.max(3, Math.floor((centerWidth - 8) / CHAR));
  const centerX = w / 2;
  const values = [
    ...input.men,
    ...input.women,
    ...(input.outline ? [...input.outline.men, ...input.outline.women] : []),
  ].filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  const max = values.length ? Math.max(...values) : 0;
  const labels = [
    ...input.men.map((v, i) => input.format(v, i, 'men')),
    ...input.women.map((v, i) => input.format(v, i, 'women')),
  ];
  const labelSpace = Math.max(...labels.map((l) => Array.from(l).length), 1) * CHAR + 8;
  const side = w / 2 - centerWidth / 2 - 2;
  const span = Math.max(10, side - labelSpace);
  const tickCount = w < 480 ? 2 : 4;
  // The domain follows the data: the longest bar takes the whole side (a « nice » end ran the axis of a 10,2 % share
  // to 20 % on a phone, halving every bar); ticks are the round values within it.
  const domainMax = max > 0 ? max : 1;
  const scale = (v: number | null) => (v === null || !Number.isFinite(v) || v <= 0 ? 0 : (v / domainMax) * span);
  const headerY = 10;
  const plotTop = 28;
  const band = n > 12 ? 18 : 26;
  const gap = 4;
  const plotBottom = plotTop + n * (band + gap) - gap;
  const tickY = plotBottom + 16;
  const left = centerX - centerWidth / 2;
  const right = centerX + centerWidth / 2;
  const rows: PyramidRow[] = input.bands.map((b, i) => {
    const y = plotTop + (n - 1 - i) * (band + gap);
    const mw = scale(input.men[i] ?? null);
    const ww = scale(input.women[i] ?? null);
    const om = input.outline ? scale(input.outline.men[i] ?? null) : 0;
    const ow = input.outline ? scale(input.outline.women[i] ?? null) : 0;
    // The value labels go beyond the outline when it is longer than the bar.
    const ml = Math.max(mw, om);
    const wl = Math.max(ww, ow);
    return {
      band: b,
      y: finite(y),
      height: band,
      men: {
        x: finite(left - mw),
        width: finite(mw),
        labelX: finite(left - ml - 4),
        anchor: 'end',
        label: input.format(input.men[i] ?? null, i, 'men'),
      },
      women: {
        x: finite(right),
        width: finite(ww),
        labelX: finite(right + wl + 4),
        anchor: 'start',
        label: input.format(input.women[i] ?? null, i, 'women'),
      },
      ...(input.outline
        ? {outline: {men: {x: finite(left - om), width: finite(om)}, women: {x: finite(right), width: finite(ow)}}}
        : {}),
    };
  });
  const tickValues = ticks(0, domainMax, tickCount).filter((v) => v <= domainMax);
  return {
    width: w,
    height: finite(tickY + 12),
    centerX: finite(centerX),
    centerWidth: finite(centerWidth),
    rows,
    ticks: tickValues.map((v) => ({
      label: (input.tickFormat ?? input.format)(v),
      menX: finite(left - scale(v)),
      womenX: finite(right + scale(v)),
    })),
    tickY: finite(tickY),
    plotTop,
    plotBottom: finite(plotBottom),
    headerY,
    menHeaderX: finite(left),
    womenHeaderX: finite(right),
    bandChars,
  };
}
