import {CHAR, chartWidth, finite, positive} from '../internal/geometry.js';

/** One segment of a stacked bar: a level in an age band. */
export interface SkillSegment {
  /** Index of the level (into the input's `levels`). */
  level: number;
  value: number | null;
  x: number;
  width: number;
  /** The value label, centred in the segment; `null` when the segment is too thin for it (the table keeps it). */
  label: string | null;
  labelX: number;
}

/** One age band: its stacked bar, and the label after it (the band's total, when given). */
export interface SkillRow {
  band: string;
  y: number;
  height: number;
  segments: SkillSegment[];
  endLabel: string | null;
  endX: number;
}

/** One entry of the legend: a swatch and the level's name. */
export interface SkillLegendItem {
  level: number;
  text: string;
  /** How many characters the name may show before it is truncated. */
  chars: number;
  swatchX: number;
  textX: number;
  y: number;
}

/** Geometry of the stacked bars, in CSS pixels: everything the template needs, nothing it must compute. */
export interface SkillLayout {
  width: number;
  height: number;
  legend: SkillLegendItem[];
  /** Band labels end 6 px before `plotX` (anchored at their end), truncated to `bandChars` characters. */
  plotX: number;
  plotWidth: number;
  plotTop: number;
  plotBottom: number;
  bandChars: number;
  rows: SkillRow[];
  /** The space between two segments (they never touch: the background shows between them). */
  gap: number;
}

/** What the layout needs: the values per level and band, and the formatter of the chart. */
export interface SkillLayoutInput {
  levels: string[];
  bands: string[];
  /** `values[level][band]`, fractions, stacked in the order of `levels`. */
  values: (number | null)[][];
  format: (value: number | null) => string;
  /** The value a bar of the full width stands for (1 for 100 % bars); default and at least: the longest bar. */
  domainMax?: number;
  /** A label after each bar (the band's share of the grand total), or nothing. */
  endLabels?: string[] | null;
}

const SWATCH = 12;
const GAP = 2;
const chars = (s: string) => Array.from(s).length;

/**
 * Lays out one stacked horizontal bar per age band (levels left to right, in the given order), the band labels on
 * the left, a legend with the levels' names on top (evenly spaced, on as many lines as the width requires),
 * a value label in each segment wide enough for it, and segments separated by a 2 px gap. Pure; every number is finite, with no
 * data, zero or null values.
 */
export function layoutSkill(input: SkillLayoutInput, width: number): SkillLayout {
  const w = chartWidth(width);
  const n = input.bands.length;
  // Legend: swatch + name, one after another with the same 18 px between each name and the next swatch (a grid of
  // equal cells left wide gaps after short names), on as many lines as the width requires.
  const maxChars = Math.max(4, Math.floor((w - SWATCH - 6) / CHAR));
  let x = 0;
  let line = 0;
  const legend: SkillLegendItem[] = input.levels.map((text, level) => {
    const size = SWATCH + 6 + Math.min(maxChars, chars(text)) * CHAR;
    if (x > 0 && x + size > w) [x, line] = [0, line + 1];
    const item = {level, text, chars: maxChars, swatchX: finite(x), textX: finite(x + SWATCH + 6), y: 10 + line * 22};
    x += size + 18;
    return item;
  });
  const plotTop = input.levels.length ? 10 + line * 22 + 22 : 0;
  // Bands on the left, bars, and the end labels' space on the right.
  const longestBand = Math.max(2, ...input.bands.map(chars));
  const bandWidth = Math.min(longestBand * CHAR + 8, Math.max(36, w * 0.3));
  const bandChars = Math.max(2, Math.floor((bandWidth - 8) / CHAR));
  const ends = input.endLabels ?? null;
  const endSpace = ends ? Math.max(1, ...ends.map(chars)) * CHAR + 8 : 0;
  const plotX = bandWidth;
  const plotWidth = Math.max(10, w - plotX - endSpace);
  const sums = input.bands.map((_, j) => input.values.reduce((s, row) => s + (positive(row[j]) ? row[j]! : 0), 0));
  const largest = Math.max(0, ...sums);
  const domainMax = positive(input.domainMax) ? Math.max(input.domainMax, largest) : largest > 0 ? largest : 1;
  const scale = (v: number) => (v / domainMax) * plotWidth;
  const bar = n > 12 ? 16 : 24;
  const step = bar + (n > 12 ? 6 : 8);
  const rows = input.bands.map((band, j): SkillRow => {
    const shown = input.values.map((row, level) => ({level, value: row[j]})).filter((s) => positive(s.value));
    let cum = 0;
    const segments = input.values.map((row, level): SkillSegment => {
      const v = row[j];
      const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
      const start = scale(cum);
      const size = positive(value) ? scale(value) : 0;
      cum += positive(value) ? value : 0;
      // Inset by half the gap on each side that touches another segment.
      const left = positive(value) && shown[0]!.level !== level ? GAP / 2 : 0;
      const right = positive(value) && shown[shown.length - 1]!.level !== level ? GAP / 2 : 0;
      const segWidth = Math.max(0, size - left - right);
      const text = input.format(value);
      const fits = positive(value) && segWidth >= chars(text) * CHAR + 8;
      return {
        level,
        value,
        x: finite(plotX + start + left),
        width: finite(segWidth),
        label: fits ? text : null,
        labelX: finite(plotX + start + left + segWidth / 2),
      };
    });
    return {
      band,
      y: finite(plotTop + j * step),
      height: bar,
      segments,
      endLabel: ends ? (ends[j] ?? null) : null,
      endX: finite(plotX + scale(cum) + 4),
    };
  });
  const plotBottom = plotTop + (n ? n * step - (step - bar) : 0);
  return {
    width: w,
    height: finite(plotBottom + 2),
    legend,
    plotX: finite(plotX),
    plotWidth: finite(plotWidth),
    plotTop: finite(plotTop),
    plotBottom: finite(plotBottom),
    bandChars,
    rows,
    gap: GAP,
  };
}
