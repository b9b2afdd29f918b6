import {
  ageBands,
  crossTab,
  EpnDataError,
  findColumn,
  orderAgeLabels,
  SEED_AGE_BANDS,
  transposeCrossTab,
  type AgeBands,
  type CrossTab,
  type MarkerKind,
  type Table,
} from '@epn/stats';
import type {AggregateSpec} from './aggregate-source.js';
import {labelAt, readWide} from './wide-read.js';

/**
 * How to read a table of categories × age bands (the attributes shared by `<epn-equipment-chart>` and
 * `<epn-skill-chart>`).
 */
export interface ByBandOptions {
  /** Long tables: the column of categories (items, levels). */
  rowsColumn?: string | null;
  /** Long tables: the age column (band labels, or ages in years binned by `bands`). */
  ageColumn?: string | null;
  /** Long tables: the count column (without it, each row counts one person). */
  valueColumn?: string | null;
  /** Lower bounds of the bands for ages in years (`0,18,65`); default: the seed's eight bands. */
  bands?: string | null;
}

/**
 * A CrossTab with the categories as rows and the age bands as columns, from a wide table as published (either way
 * round: a table whose rows are age bands and whose columns are not is transposed), a long table (`ageColumn`,
 * `rowsColumn`, `valueColumn`), one row per person (ages in years binned by `bands`), or a CrossTab.
 * Throws EpnDataError (`MISSING_COLUMN`, `NOT_NUMERIC`, `NO_DATA`, `BAD_OPTION` for `rows-column` or
 * `value-column` without `age-column`).
 */
export function readByBand(input: Table | CrossTab, options: ByBandOptions, defaultRows: string): CrossTab {
  let ct: CrossTab;
  if ('rowLabels' in input) ct = input;
  else if (options.ageColumn) {
    const age = findColumn(input, options.ageColumn);
    ct = crossTab(input, {
      rows: options.rowsColumn || defaultRows,
      columns: age,
      value: options.valueColumn || undefined,
      bands: input.meta.types[age] === 'number' ? parseBands(options.bands) : undefined,
    });
  } else if (options.rowsColumn || options.valueColumn) {
    throw new EpnDataError('BAD_OPTION', {
      detail: 'rows-column et value-column servent aux tableaux en colonnes : indiquez aussi age-column',
      detailEn: 'rows-column and value-column are for long tables: give age-column too',
    });
  } else ct = readWide(input);
  // Too many rows is refused whichever way round the table is, before its labels are made (a 900 000-row table read
  // in the worker makes them when first read).
  if (ct.rowTotals.length > MAX_CATEGORIES) drawable(ct);
  return drawable(orderAgeLabels(ct.rowLabels) && !orderAgeLabels(ct.columnLabels) ? transpose(ct) : ct);
}

/** The most categories a chart draws on one axis: single-year ages from 0 to 100 fit, a column of identifiers does not. */
export const MAX_CATEGORIES = 150;

/**
 * The cross-tab, if a chart can draw it: `UNEXPECTED_SHAPE` when it has more than {@link MAX_CATEGORIES} age bands
 * (columns) or, with `rows`, categories (a wrong `age-column` naming a column of identifiers or communes would
 * otherwise draw tens of thousands of bars and freeze the page).
 */
export function drawable(ct: CrossTab, rows = true): CrossTab {
  // Rows are counted by their totals and only the first three labels read (labelAt): a cross-tab rebuilt from the
  // worker's makes its labels when first read, and 900 000 of them would hold the page.
  const axes: [number, (i: number) => string, string, string][] = [
    [ct.columnLabels.length, (i) => ct.columnLabels[i]!, "colonnes (tranches d'âge)", 'columns (age bands)'],
  ];
  if (rows) axes.push([ct.rowTotals.length, (i) => labelAt(ct, i), 'lignes (catégories)', 'rows (categories)']);
  for (const [n, label, fr, en] of axes) {
    if (n > MAX_CATEGORIES) {
      const some = [0, 1, 2].map((i) => `« ${label(i)} »`).join(', ');
      throw new EpnDataError('UNEXPECTED_SHAPE', {
        detail: `${n} ${fr} (${some}…), trop pour un graphique (${MAX_CATEGORIES} au plus) ; vérifiez la colonne indiquée (age-column, rows-column, sex-column) ou le fichier`,
        detailEn: `${n} ${en} (${some.replace(/« | »/g, '"')}…), too many for a chart (${MAX_CATEGORIES} at most); check the column given (age-column, rows-column, sex-column) or the file`,
      });
    }
  }
  return ct;
}

/** Parses `bands="0,18,65"` (lower bounds); default: the seed's eight bands. Throws BAD_OPTION. */
export function parseBands(text: string | null | undefined): AgeBands {
  if (!text || !text.trim()) return SEED_AGE_BANDS;
  return ageBands(
    text
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number),
  );
}

/**
 * How to count a file of one row per person as it streams, off the main thread: `age-column` without
 * `value-column`, by `rows` (the sex or category column) × the age bands of `bands="0,18,65"` (lower bounds, as plain
 * data for a worker; `'seed'` by default). Invalid bounds are left for the core to refuse (`BAD_OPTION`), as with a
 * table. `null` when the attributes do not describe such a file. One rule for every widget that counts people.
 */
export function countSpec(
  ageColumn: string | null,
  valueColumn: string | null,
  rows: string,
  bands: string | null,
): AggregateSpec | null {
  if (!ageColumn || valueColumn) return null;
  return {
    rows,
    columns: ageColumn,
    bands:
      !bands || !bands.trim()
        ? 'seed'
        : bands
            .split(/[,;\s]+/)
            .filter(Boolean)
            .map(Number),
  };
}

/** Rows become columns, with their totals and markers (the core's `transposeCrossTab`). */
export const transpose = transposeCrossTab;

/** Why each cell is unknown (`markers[row][column]`: `secret`, `unavailable`…), when the file gave markers. */
export function markersOf(ct: CrossTab): (MarkerKind | null)[][] | undefined {
  return ct.meta.markers && ct.rowLabels.map((_, i) => markersOfRow(ct, i));
}

/** Why each cell of a row is unknown (`secret`, `unavailable`…), from the cross-tab's markers; `null` where none. */
export function markersOfRow(ct: CrossTab, row: number): (MarkerKind | null)[] {
  const kinds: (MarkerKind | null)[] = ct.columnLabels.map(() => null);
  for (const m of ct.meta.markers ?? []) if (m.row === row) kinds[m.column] = m.kind;
  return kinds;
}

/** The sum of a column of counts, `null` when a cell is unknown. */
export function columnSum(ct: CrossTab, j: number): number | null {
  let s = 0;
  for (const row of ct.counts) {
    const n = row[j];
    if (n === null || n === undefined) return null;
    s += n;
  }
  return s;
}
