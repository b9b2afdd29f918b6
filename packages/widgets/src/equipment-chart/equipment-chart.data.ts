import {EpnDataError, ratio, shares, type CrossTab, type MarkerKind, type Table} from '@epn/stats';
import {columnSum, markersOf, readByBand, type ByBandOptions} from '../internal/read-by-band.js';

/** What `<epn-equipment-chart>` shows. */
export type EquipmentMeasure = 'rate' | 'distribution';

/** How to read a table into equipment data (the element's attributes). */
export interface EquipmentOptions extends ByBandOptions {
  /** `rate` (default: share of each band's respondents who have the item) or `distribution` (the source's row shares). */
  measure?: string | null;
}

/** Equipment data, ready to lay out: items × age bands. */
export interface EquipmentData {
  measure: EquipmentMeasure;
  /** Items (home computer, internet…), in the file's order. */
  items: string[];
  /** Age bands, in the file's order (long tables: by lower bound). */
  bands: string[];
  /** Counts per item and band: `counts[item][band]`. */
  counts: (number | null)[][];
  /** What is drawn, a fraction per item and band: rate within the band, or share of the item's total. */
  values: (number | null)[][];
  /** People who answered, per band (the file's `Total` row: distinct respondents, not the sum of the rows). */
  respondents: (number | null)[];
  /** People who have each item, all bands together. */
  itemTotals: (number | null)[];
  /** People who answered, all bands together. */
  total: number | null;
  /** Per item, all bands together: the rate over all respondents (3 620 / 4 541), or 1 (100 %) for `distribution`. */
  itemValues: (number | null)[];
  /** Whether the file gives the respondents per band (a `Total` row); without it, rates are over the sum of answers. */
  respondentsGiven: boolean;
  /** Whether the given respondents differ from the sums of the rows (several answers allowed). */
  multiResponse: boolean;
  /** Rows left out by the core (empty keys, ages outside the bands). */
  excluded: number;
  /** Why unknown counts are unknown (`markers[item][band]`: `secret`, `unavailable`…), when the file gave markers. */
  markers?: (MarkerKind | null)[][];
}

/**
 * Turns a Table (wide as published, either way round, long, or one row per person) or a CrossTab into equipment
 * data. `rate` is `shares(ct, 'column')`: 901 / 1 055 = 85,4 % for home computers among the 11–17, over the distinct
 * respondents of the `Total` row; `distribution` is `shares(ct, 'row')`: 236 / 3 620 = 6,5 %.
 * Throws EpnDataError: `BAD_OPTION` (measure), and the core's reading errors.
 */
export function equipmentData(input: Table | CrossTab, options: EquipmentOptions = {}): EquipmentData {
  const measure = options.measure || 'rate';
  if (measure !== 'rate' && measure !== 'distribution') {
    throw new EpnDataError('BAD_OPTION', {
      detail: `measure="${measure}" (rate ou distribution)`,
      detailEn: `measure="${measure}" (rate or distribution)`,
    });
  }
  const ct = readByBand(input, options, 'equipement');
  const given = ct.meta.givenColumnTotals;
  return {
    measure,
    items: ct.rowLabels,
    bands: ct.columnLabels,
    counts: ct.counts,
    values: shares(ct, measure === 'rate' ? 'column' : 'row'),
    respondents: ct.columnTotals,
    itemTotals: ct.rowTotals,
    total: ct.total,
    itemValues: ct.rowTotals.map((n) => ratio(n, measure === 'rate' ? ct.total : n)),
    respondentsGiven: given !== null,
    multiResponse:
      !!given &&
      given.some((g, j) => {
        const s = columnSum(ct, j);
        return g !== null && s !== null && g !== s;
      }),
    excluded: ct.meta.excluded,
    ...(ct.meta.markers ? {markers: markersOf(ct)} : {}),
  };
}
