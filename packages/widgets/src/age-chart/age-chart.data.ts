import {crossTab, EpnDataError, findColumn, ratio, sexOf, type CrossTab, type MarkerKind, type Table} from '@epn/stats';
import {quotedSome} from '../internal/lists.js';
import {drawable, markersOfRow, parseBands, transpose} from '../internal/read-by-band.js';
import {readWide} from '../internal/wide-read.js';

/** How to read a table into a pyramid (the element's attributes). */
export interface PyramidOptions {
  /** Long or individual-level tables: the sex column. */
  sexColumn?: string | null;
  /** Long or individual-level tables: the age column (band labels, or ages in years binned by `bands`). */
  ageColumn?: string | null;
  /** Long tables: the count column. */
  valueColumn?: string | null;
  /** Lower bounds of the bands for ages in years (`0,18,65`); default: the seed's eight bands. */
  bands?: string | null;
  /** `count` (default) or `share` (of the grand total). */
  measure?: string | null;
}

/** A pyramid, ready to lay out: one entry per band, youngest first. */
export interface PyramidData {
  measure: 'count' | 'share';
  bands: string[];
  /** Counts per band. */
  men: (number | null)[];
  women: (number | null)[];
  /** What is drawn: counts, or shares of the grand total. */
  menValues: (number | null)[];
  womenValues: (number | null)[];
  menTotal: number | null;
  womenTotal: number | null;
  total: number | null;
  /** Rows of another sex value (`Non communiqué`), shown as a note, not drawn. */
  others: Array<{label: string; total: number | null}>;
  /** Rows left out by the core (empty keys, ages outside the bands). */
  excluded: number;
  /** Why unknown counts are unknown, per band (`secret`, `unavailable`…), when the file gave markers; else absent. */
  markers?: {men: (MarkerKind | null)[]; women: (MarkerKind | null)[]};
}

/**
 * Turns a Table (wide as published, transposed, long, or one row per person) or a CrossTab into pyramid data.
 * Throws EpnDataError: `MISSING_COLUMN`, `UNEXPECTED_SHAPE` (no Hommes/Femmes), `BAD_OPTION` (measure).
 */
export function pyramidData(input: Table | CrossTab, options: PyramidOptions = {}): PyramidData {
  const measure = options.measure || 'count';
  if (measure !== 'count' && measure !== 'share') {
    throw new EpnDataError('BAD_OPTION', {detail: `measure="${measure}" (count ou share)`, detailEn: `measure="${measure}" (count or share)`});
  }
  let ct: CrossTab;
  if ('rowLabels' in input) ct = input;
  else if (options.ageColumn) {
    const ageIsNumber = input.meta.types[findColumn(input, options.ageColumn)] === 'number';
    ct = crossTab(input, {
      rows: options.sexColumn || 'sexe',
      columns: options.ageColumn,
      value: options.valueColumn || undefined,
      bands: ageIsNumber ? parseBands(options.bands) : undefined,
    });
  } else ct = readWide(input);
  if (!ct.rowLabels.some((l) => sexOf(l)) && ct.columnLabels.filter((l) => sexOf(l)).length >= 2) ct = transpose(ct);
  // Only the two sex rows are drawn (others are a note), so only the bands are limited.
  drawable(ct, false);
  const menAt = ct.rowLabels.findIndex((l) => sexOf(l) === 'Hommes');
  const womenAt = ct.rowLabels.findIndex((l) => sexOf(l) === 'Femmes');
  if (menAt < 0 || womenAt < 0) {
    throw new EpnDataError('UNEXPECTED_SHAPE', {
      detail: `il faut une ligne « Hommes » et une ligne « Femmes » (ou H/F, M/F) ; lignes trouvées : ${quotedSome(ct.rowLabels)}`,
      detailEn: `it needs a "Hommes" (men) row and a "Femmes" (women) row (or H/F, M/F); rows found: ${quotedSome(ct.rowLabels, true)}`,
    });
  }
  const men = ct.counts[menAt]!;
  const women = ct.counts[womenAt]!;
  const total = ct.total;
  const toValue = (n: number | null) => (measure === 'share' ? ratio(n, total) : n);
  return {
    measure,
    bands: ct.columnLabels,
    men,
    women,
    menValues: men.map(toValue),
    womenValues: women.map(toValue),
    menTotal: ct.rowTotals[menAt] ?? null,
    womenTotal: ct.rowTotals[womenAt] ?? null,
    total,
    others: ct.rowLabels.map((label, i) => ({label, total: ct.rowTotals[i] ?? null})).filter((_, i) => i !== menAt && i !== womenAt),
    excluded: ct.meta.excluded,
    ...(ct.meta.markers ? {markers: {men: markersOfRow(ct, menAt), women: markersOfRow(ct, womenAt)}} : {}),
  };
}
