import {
  EpnDataError,
  readCrossTab,
  type CrossTab,
  type EpnErrorCode,
  type EpnErrorDetails,
  type Table,
} from '@epn/stats';

/**
 * `readCrossTab(table)` (no options: a wide table as published) of the tables read in the worker: it read them too
 * there, off the page's main thread (a large table takes as long to read as to parse), and its result, or its error,
 * is kept here (`wideReads.set(table, result)`) for the widget that draws the table. Other tables are read here. Results
 * are shared: never mutated. @internal
 */
export const wideReads = new WeakMap<Table, CrossTab | {code: EpnErrorCode; details: EpnErrorDetails}>();

/**
 * `readCrossTab(table)`, once per table: done already when the worker parsed it, else done here and kept (a chart's
 * model and the notes under it read the same table; a setting changed draws it again). @internal
 */
export function readWide(table: Table): CrossTab {
  let known = wideReads.get(table);
  if (!known) {
    try {
      known = readCrossTab(table);
    } catch (e) {
      if (!(e instanceof EpnDataError)) throw e;
      known = {code: e.code, details: e.details};
    }
    wideReads.set(table, known);
  }
  if ('code' in known) throw new EpnDataError(known.code, known.details);
  return known;
}

/** Row `i` of the cross-tabs rebuilt from the worker's, read from their packed form (table-transfer.ts). @internal */
export const packedRows = new WeakMap<
  CrossTab,
  {label: (i: number) => string; cells: (i: number) => (number | null)[]}
>();

/** The label of row `i` of a cross-tab, without making its counts or every row of one rebuilt from the worker's. @internal */
export const labelAt = (ct: CrossTab, i: number): string => packedRows.get(ct)?.label(i) ?? ct.rowLabels[i]!;

/**
 * Row `i` of a cross-tab: its label and counts, without making every row of one rebuilt from the worker's (a chart
 * that draws two rows of 900 000 reads those two). @internal
 */
export const rowAt = (ct: CrossTab, i: number): [string, (number | null)[]] => [
  labelAt(ct, i),
  packedRows.get(ct)?.cells(i) ?? ct.counts[i]!,
];
