import {crossTab, EpnDataError, findColumn, ratio, sexOf, type CrossTab, type MarkerKind, type Table} from '@epn/stats';
import {MAX_LISTED, quotedSome} from '../internal/lists.js';
import {drawable, markersOfRow, parseBands, transpose} from '../internal/read-by-band.js';
import {labelAt, readWide, rowAt} from '../internal/wide-read.js';

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
  /**
   * Rows of another sex value (`Non communiqué`), not drawn: the first {@link MAX_OTHERS}, each shown as a note (a
   * wide table may have 900 000 rows: the others are counted in `moreRows`).
   */
  others: Array<{label: string; total: number | null}>;
  /** How many rows of another sex value come after `others`. */
  moreRows: number;
  /** Their total (`null` when one is unknown). */
  moreTotal: number | null;
  /** Rows left out by the core (empty keys, ages outside the bands). */
  excluded: number;
  /** Why unknown counts are unknown, per band (`secret`, `unavailable`…), when the file gave markers; else absent. */
  markers?: {men: (MarkerKind | null)[]; women: (MarkerKind | null)[]};
}

/** The rows of another sex value a pyramid's data names one by one; the others are counted. */
const MAX_OTHERS = 5;

/**
 * Turns a Table (wide as published, transposed, long, or one row per person) or a CrossTab into pyramid data.
 * Throws EpnDataError: `MISSING_COLUMN`, `UNEXPECTED_SHAPE` (no Hommes/Femmes), `BAD_OPTION` (measure).
 */
export function pyramidData(input: Table | CrossTab, options: PyramidOptions = {}): PyramidData {
  const measure = options.measure || 'count';
  if (measure !== 'count' && measure !== 'share') {
    throw new EpnDataError('BAD_OPTION', {
      detail: `measure="${measure}" (count ou share)`,
      detailEn: `measure="${measure}" (count or share)`,
    });
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
  // The sex rows, in one pass over the labels read one at a time (labelAt): a wide table read in the worker has its
  // rows made only when all are read, and 900 000 of them would hold the page.
  const sexRows = (c: CrossTab) => {
    const at = {Hommes: -1, Femmes: -1, any: false};
    for (let i = 0, n = c.rowTotals.length; i < n; i++) {
      const sex = sexOf(labelAt(c, i));
      if (!sex) continue;
      at.any = true;
      if (at[sex] < 0) at[sex] = i;
    }
    return at;
  };
  let sexes = sexRows(ct);
  if (!sexes.any && ct.columnLabels.filter((l) => sexOf(l)).length >= 2) sexes = sexRows((ct = transpose(ct)));
  // Only the two sex rows are drawn (others are a note), so only the bands are limited.
  drawable(ct, false);
  const {Hommes: menAt, Femmes: womenAt} = sexes;
  if (menAt < 0 || womenAt < 0) {
    const n = ct.rowTotals.length;
    const found = (en?: boolean) =>
      quotedSome(
        Array.from({length: Math.min(n, MAX_LISTED)}, (_, i) => labelAt(ct, i)),
        en,
        MAX_LISTED,
        n,
      );
    throw new EpnDataError('UNEXPECTED_SHAPE', {
      detail: `il faut une ligne « Hommes » et une ligne « Femmes » (ou H/F, M/F) ; lignes trouvées : ${found()}`,
      detailEn: `it needs a "Hommes" (men) row and a "Femmes" (women) row (or H/F, M/F); rows found: ${found(true)}`,
    });
  }
  const men = rowAt(ct, menAt)[1];
  const women = rowAt(ct, womenAt)[1];
  const others: PyramidData['others'] = [];
  let moreRows = 0;
  let moreTotal: number | null = 0;
  // A loop over a local list, not forEach: 900 000 rows' totals are added in the task that draws the chart.
  const totals = ct.rowTotals;
  for (let i = 0; i < totals.length; i++) {
    const total = totals[i] ?? null;
    if (i === menAt || i === womenAt) continue;
    if (others.length < MAX_OTHERS) others.push({label: rowAt(ct, i)[0], total});
    else {
      moreRows++;
      moreTotal = total === null || moreTotal === null ? null : moreTotal + total;
    }
  }
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
    others,
    moreRows,
    moreTotal,
    excluded: ct.meta.excluded,
    ...(ct.meta.markers ? {markers: {men: markersOfRow(ct, menAt), women: markersOfRow(ct, womenAt)}} : {}),
  };
}
