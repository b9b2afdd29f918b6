import {nice, ticks} from 'd3-array';
import {CHAR, chartWidth, finite} from '../internal/geometry.js';

/** One band's bar. */
export interface ReachBar {
  label: string;
  y: number;
  height: number;
  width: number;
  /** Where the value label goes (after the bar). */
  valueX: number;
  value: string;
  /** Whether the band is left out of the overall rate (drawn lighter). */
  excluded: boolean;
  /** Whether its value rests on an estimate (drawn hatched). */
  estimated: boolean;
}

/** Geometry of the reach chart, in CSS pixels. */
export interface ReachLayout {
  width: number;
  height: number;
  /** Where bars start (after the band labels). */
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  bars: ReachBar[];
  /** How many characters a band label may show. */
  labelChars: number;
  ticks: Array<{x: number; label: string}>;
  tickY: number;
  /** The overall rate's reference line, with its label; `null` when unknown. */
  reference: {x: number; label: string; labelX: number; anchor: 'start' | 'end'} | null;
}

/** What the layout needs. */
export interface ReachLayoutInput {
  labels: string[];
  values: (number | null)[];
  excluded: boolean[];
  estimated: boolean[];
  /** The overall rate (drawn as a reference line). */
  reference: number | null;
  /** The formatter of a bar's value (a `null` is written by it too). */
  format: (value: number | null, band: number) => string;
  tickFormat: (value: number) => string;
  /** The reference line's label (`Ensemble : 14 ‰`). */
  referenceLabel: string;
}

/**
 * Lays out horizontal bars, youngest band at the top, with a vertical reference line at the overall rate. Pure; every
 * number is finite (no NaN or Infinity with no data or zero values).
 */
export function layoutReach(input: ReachLayoutInput, width: number): ReachLayout {
  const w = chartWidth(width);
  const n = input.labels.length;
  const longest = Math.max(3, ...input.labels.map((l) => Array.from(l).length));
  const labelWidth = Math.min(longest * CHAR + 16, Math.max(56, w * 0.3));
  const labelChars = Math.max(3, Math.floor((labelWidth - 16) / CHAR));
  const valueTexts = input.values.map((v, i) => input.format(v, i));
  const valueSpace = Math.max(1, ...valueTexts.map((t) => Array.from(t).length)) * CHAR + 8;
  const plotLeft = labelWidth;
  const plotRight = Math.max(plotLeft + 20, w - valueSpace);
  const span = plotRight - plotLeft;
  const finiteValues = [...input.values, input.reference].filter(
    (v): v is number => v !== null && Number.isFinite(v) && v > 0,
  );
  const max = finiteValues.length ? Math.max(...finiteValues) : 0;
  const tickCount = w < 480 ? 3 : 5;
  const [, top] = max > 0 ? nice(0, max, tickCount) : [0, 1];
  const domainMax = top > 0 ? top : 1;
  const scale = (v: number | null) => (v === null || !Number.isFinite(v) || v <= 0 ? 0 : (v / domainMax) * span);
  const plotTop = 26;
  const band = n > 12 ? 16 : 24;
  const gap = 6;
  const plotBottom = plotTop + Math.max(1, n) * (band + gap) - gap;
  const bars: ReachBar[] = input.labels.map((label, i) => {
    const bw = scale(input.values[i] ?? null);
    return {
      label,
      y: finite(plotTop + i * (band + gap)),
      height: band,
      width: finite(bw),
      valueX: finite(plotLeft + bw + 4),
      value: valueTexts[i]!,
      excluded: !!input.excluded[i],
      estimated: !!input.estimated[i],
    };
  });
  let reference: ReachLayout['reference'] = null;
  if (input.reference !== null && Number.isFinite(input.reference)) {
    const x = finite(plotLeft + scale(input.reference));
    const textWidth = Array.from(input.referenceLabel).length * CHAR;
    const anchor = x + 4 + textWidth <= w ? 'start' : 'end';
    reference = {x, label: input.referenceLabel, labelX: finite(anchor === 'start' ? x + 4 : x - 4), anchor};
  }
  return {
    width: w,
    height: finite(plotBottom + 30),
    plotLeft: finite(plotLeft),
    plotRight: finite(plotRight),
    plotTop,
    plotBottom: finite(plotBottom),
    bars,
    labelChars,
    ticks: ticks(0, domainMax, tickCount)
      .filter((v) => v <= domainMax)
      .map((v) => ({x: finite(plotLeft + scale(v)), label: input.tickFormat(v)})),
    tickY: finite(plotBottom + 16),
    reference,
  };
}
