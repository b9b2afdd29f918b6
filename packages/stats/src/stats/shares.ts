import {badOption} from '../errors.js';
import type {CrossTab} from './cross-tab.js';
import {ratio} from './ratio.js';

/** What a share is a share of: the grand total, its row's total, or its column's total. */
export type ShareBasis = 'total' | 'row' | 'column';

/**
 * Each cell as a fraction of the grand total, of its row's total or of its column's total, in a new array of the
 * shape of `counts`. Totals are the file's own when it gives them, so `'column'` shares of a multi-response table
 * are rates over distinct respondents (901 / 1 055 = 85,4 %).
 *
 * Null policy: `null` where the cell is unknown (secret, absent) or the denominator is 0 or unknown; never
 * `Infinity` or `NaN`. Throws `BAD_OPTION` for a basis other than `'total'`, `'row'` and `'column'`.
 *
 * @example
 * ```ts
 * shares(readCrossTab(parseCsv('sexe;a;b\nHommes;1;3\nFemmes;0;0')), 'row'); // [[0.25, 0.75], [null, null]]
 * ```
 */
export function shares(crossTab: CrossTab, basis: ShareBasis): (number | null)[][] {
  if (basis !== 'total' && basis !== 'row' && basis !== 'column') {
    throw badOption(`base de pourcentage « ${String(basis)} » (total, row ou column)`);
  }
  return crossTab.counts.map((row, i) =>
    row.map((n, j) =>
      ratio(n, basis === 'total' ? crossTab.total : basis === 'row' ? crossTab.rowTotals[i] : crossTab.columnTotals[j]),
    ),
  );
}
