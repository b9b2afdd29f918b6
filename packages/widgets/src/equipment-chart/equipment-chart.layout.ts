import {CHAR, chartWidth, finite, positive} from '../internal/geometry.js';

/** One bar of a panel: an age band, its value and its direct label. */
export interface EquipmentBar {
  band: string;
  value: number | null;
  y: number;
  height: number;
  x: number;
  width: number;
  /** Where the value label is, and how it is anchored: after the end of the bar, or (with a track) right-aligned
   * after the track's end, in a column. */
  labelX: number;
  anchor: 'start' | 'end';
  label: string;
}

/** One small multiple: an item, with one bar per age band. */
export interface EquipmentPanel {
  item: string;
  x: number;
  y: number;
  width: number;
  /** The item's title over the panel, truncated to `titleChars` characters. */
  titleY: number;
  titleChars: number;
  /** Where the bars start (the band labels end 6 px before, anchored at their end). */
  plotX: number;
  plotTop: number;
  plotBottom: number;
  /** How many characters a band label may show. */
  bandChars: number;
  /** Width of the track behind each bar (the full 100 %), 0 without a track. */
  trackWidth: number;
  bars: EquipmentBar[];
}

/** Geometry of the small multiples, in CSS pixels: everything the template needs, nothing it must compute. */
export interface EquipmentLayout {
  width: number;
  height: number;
  columns: number;
  panels: EquipmentPanel[];
}

/** What the layout needs: the values per item and band, and the formatter of the chart. */
export interface EquipmentLayoutInput {
  items: string[];
  bands: string[];
  /** `values[item][band]`, fractions. */
  values: (number | null)[][];
  /** The formatter of a bar's value; `item` and `band` say which bar (a `null` is written as its marker says). */
  format: (value: number | null, item?: number, band?: number) => string;
  /** The value a bar of the full width stands for (1 for rates); default: the largest value. */
  domainMax?: number;
  /** Draw a track behind each bar up to `domainMax` (for rates: the whole band). */
  track?: boolean;
}

const TITLE_CHAR = 8.2; // at 13px bold, with a margin for wide fonts
const MIN_PANEL = 280;
const GUTTER_X = 28;
const GUTTER_Y = 18;
const TITLE_HEIGHT = 24;

/**
 * Lays out one small multiple per item (two columns from 2 × 280 px, else one), each a horizontal bar per age band
 * with the band label on the left and the value label at the end of the bar (with a track behind the bars, for
 * rates: after the track, right-aligned, so that no label straddles the track's end). Every panel shares one scale. Pure;
 * every number is finite, with no data, zero or null values.
 */
export function layoutEquipment(input: EquipmentLayoutInput, width: number): EquipmentLayout {
  const w = chartWidth(width);
  const items = input.items;
  const n = input.bands.length;
  const columns = items.length > 1 && w >= 2 * MIN_PANEL + GUTTER_X ? 2 : 1;
  const panelWidth = (w - (columns - 1) * GUTTER_X) / columns;
  const longestBand = Math.max(2, ...input.bands.map((b) => Array.from(b).length));
  const bandWidth = Math.min(longestBand * CHAR + 8, Math.max(36, panelWidth * 0.3));
  const bandChars = Math.max(2, Math.floor((bandWidth - 8) / CHAR));
  const labels = input.values.map((row, i) => input.bands.map((_, j) => input.format(row[j] ?? null, i, j)));
  const labelSpace = Math.max(1, ...labels.flat().map((l) => Array.from(l).length)) * CHAR + 12;
  const span = Math.max(10, panelWidth - bandWidth - labelSpace);
  const largest = Math.max(0, ...input.values.flat().filter(positive));
  const domainMax = positive(input.domainMax) ? Math.max(input.domainMax, largest) : largest > 0 ? largest : 1;
  const scale = (v: number | null | undefined) => (positive(v) ? (v / domainMax) * span : 0);
  const bar = n > 12 ? 12 : 16;
  const gap = n > 12 ? 4 : 6;
  const panelHeight = TITLE_HEIGHT + n * (bar + gap) - (n ? gap : 0);
  const panels = items.map((item, i): EquipmentPanel => {
    const x = (i % columns) * (panelWidth + GUTTER_X);
    const y = Math.floor(i / columns) * (panelHeight + GUTTER_Y);
    const plotX = x + bandWidth;
    const plotTop = y + TITLE_HEIGHT;
    return {
      item,
      x: finite(x),
      y: finite(y),
      width: finite(panelWidth),
      titleY: finite(y + 9),
      titleChars: Math.max(4, Math.floor(panelWidth / TITLE_CHAR)),
      plotX: finite(plotX),
      plotTop: finite(plotTop),
      plotBottom: finite(plotTop + n * (bar + gap) - (n ? gap : 0)),
      bandChars,
      trackWidth: input.track ? finite(scale(Math.min(1, domainMax) || 1)) : 0,
      bars: input.bands.map((band, j) => {
        const v = input.values[i]?.[j];
        const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
        const width = scale(value);
        const labelX = input.track ? x + panelWidth : plotX + width + 4;
        return {
          band,
          value,
          y: finite(plotTop + j * (bar + gap)),
          height: bar,
          x: finite(plotX),
          width: finite(width),
          labelX: finite(labelX),
          anchor: input.track ? 'end' : 'start',
          label: labels[i]![j]!,
        };
      }),
    };
  });
  const rows = Math.ceil(items.length / columns);
  return {width: w, height: finite(rows ? rows * panelHeight + (rows - 1) * GUTTER_Y + 2 : 0), columns, panels};
}
