import type {CrossTab, Table, Value} from '@epn/stats';
import {yieldToPage} from './aggregate-source.js';
import {packedRows} from './wide-read.js';

// A Table (and the CrossTab read from it) as the worker sends it back: numbers in Float64Arrays and texts as one
// string with offsets, all transferred rather than copied. A million rows cloned as arrays of arrays would take the
// page longer to receive than to parse; their rows are made here only when first read (a chart reads two rows of a
// large wide table: wide-read.ts's rowAt), so they never block it for long.

/** Numbers with `null` as NaN (a Table or a CrossTab never holds NaN). */
type Numbers = Float64Array;
/** Texts with `null`: one string, `ends[i]` the end of text i, `nulls[i]` 1 for a null. */
interface Texts {
  text: string;
  ends: Uint32Array;
  nulls: Uint8Array;
}
/** A Table packed for postMessage: its cells row by row, whatever its shape (a million columns or rows alike). @internal */
export interface PackedTable {
  columns: string[];
  length: number;
  /** Per cell: 0 null, 1 a number (in `numbers`), 2 a text (the next of `texts`). */
  kinds: Uint8Array;
  numbers: Numbers;
  texts: Texts;
  meta: Omit<Table['meta'], 'rowLines'>;
  rowLines: Numbers;
}

/** A CrossTab packed for postMessage. @internal */
export interface PackedCrossTab {
  rowLabels: Texts;
  columnLabels: string[];
  counts: Numbers;
  rowTotals: Numbers;
  columnTotals: Numbers;
  total: number | null;
  meta: Omit<CrossTab['meta'], 'givenRowTotals'>;
  givenRowTotals: Numbers | null;
}

const numbers = (values: ArrayLike<number | null>): Numbers =>
  Float64Array.from(values as ArrayLike<number>, (v) => (v === null ? NaN : v));
const texts = (values: ArrayLike<string | null>): Texts => {
  const ends = new Uint32Array(values.length);
  const nulls = new Uint8Array(values.length);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls[i] = 1;
    else {
      parts.push(v);
      at += v.length;
    }
    ends[i] = at;
  }
  return {text: parts.join(''), ends, nulls};
};

/** The buffers of a packed value, to transfer. @internal */
export function buffers(packed: PackedTable | PackedCrossTab | null | undefined): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (x: unknown) => {
    if (x instanceof Float64Array || x instanceof Uint32Array || x instanceof Uint8Array)
      out.push(x.buffer as ArrayBuffer);
    else if (x && typeof x === 'object' && 'ends' in x) {
      add((x as Texts).ends);
      add((x as Texts).nulls);
    }
  };
  if (!packed) return out;
  if ('kinds' in packed) {
    for (const x of [packed.kinds, packed.numbers, packed.texts, packed.rowLines]) add(x);
  } else {
    for (const x of [packed.rowLabels, packed.counts, packed.rowTotals, packed.columnTotals, packed.givenRowTotals])
      add(x);
  }
  return out;
}

/** Packs a Table (in the worker). @internal */
export function packTable(table: Table): PackedTable {
  const {rowLines, ...meta} = table.meta;
  const width = table.columns.length;
  const kinds = new Uint8Array(table.rows.length * width);
  const values = new Float64Array(kinds.length);
  const strings: string[] = [];
  table.rows.forEach((row, i) => {
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? null;
      const k = i * width + j;
      if (typeof v === 'number') {
        kinds[k] = 1;
        values[k] = v;
      } else if (typeof v === 'string') {
        kinds[k] = 2;
        strings.push(v);
      }
    }
  });
  return {
    columns: table.columns,
    length: table.rows.length,
    kinds,
    numbers: values,
    texts: texts(strings),
    meta,
    rowLines: numbers(rowLines),
  };
}

/** Packs a CrossTab (in the worker). @internal */
export function packCrossTab(ct: CrossTab): PackedCrossTab {
  const {givenRowTotals, ...meta} = ct.meta;
  const flat = new Float64Array(ct.rowLabels.length * ct.columnLabels.length);
  ct.counts.forEach((row, i) => row.forEach((v, j) => (flat[i * ct.columnLabels.length + j] = v === null ? NaN : v)));
  return {
    rowLabels: texts(ct.rowLabels),
    columnLabels: ct.columnLabels,
    counts: flat,
    rowTotals: numbers(ct.rowTotals),
    columnTotals: numbers(ct.columnTotals),
    total: ct.total,
    meta,
    givenRowTotals: givenRowTotals && numbers(givenRowTotals),
  };
}

const number = (x: number): number | null => (Number.isNaN(x) ? null : x);
/** `x` with `null` for NaN, by a loop (`Array.from(x, f)` on a typed array takes 10 times as long). */
const list = (x: Numbers): (number | null)[] => {
  const out = new Array<number | null>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = number(x[i]!);
  return out;
};
/** {@link list}, leaving the page free after each 65 536 numbers (the totals of 900 000 rows). */
const sliced = async (x: Numbers): Promise<(number | null)[]> => {
  const out = new Array<number | null>(x.length);
  for (let i = 0; i < x.length; i++) {
    out[i] = number(x[i]!);
    if ((i & 65535) === 65535) await yieldToPage();
  }
  return out;
};
const text = (t: Texts, i: number): string | null =>
  t.nulls[i] ? null : t.text.slice(i ? t.ends[i - 1]! : 0, t.ends[i]!);

/**
 * Rebuilds a Table on the page. Its rows and their line numbers are made when first read (in one go): the charts
 * draw from the cross-tab the worker read, so a million rows are made only for a page script that reads them
 * (`epn-load`'s table), not on every load (making them takes the page's garbage collector long pauses). @internal
 */
export function unpackTable(p: PackedTable): Table {
  const width = p.columns.length;
  let rows: Value[][] | undefined;
  let lines: number[] | undefined;
  const build = (): Value[][] => {
    const out: Value[][] = new Array(p.length);
    let s = 0;
    for (let i = 0, k = 0; i < p.length; i++) {
      const row: Value[] = new Array(width);
      for (let j = 0; j < width; j++, k++)
        row[j] = p.kinds[k] === 1 ? p.numbers[k]! : p.kinds[k] === 2 ? text(p.texts, s++) : null;
      out[i] = row;
    }
    return out;
  };
  return {
    columns: p.columns,
    get rows() {
      return (rows ??= build());
    },
    set rows(value: Value[][]) {
      rows = value;
    },
    meta: {
      ...p.meta,
      get rowLines() {
        return (lines ??= Array.from(p.rowLines));
      },
    },
  };
}

/**
 * Rebuilds a CrossTab on the page: its row totals in slices, its rows (labels, counts) when first read, in one go. A
 * chart draws a few rows of a large wide table (the sex rows of 900 000, the others counted in a note), read one at a
 * time through `rowAt` (wide-read.ts) from the packed form; making them all would give the page's garbage collector
 * pauses of 60 ms and more (issue 12). @internal
 */
export async function unpackCrossTab(p: PackedCrossTab): Promise<CrossTab> {
  const m = p.columnLabels.length;
  const label = (i: number) => text(p.rowLabels, i) ?? '';
  const cells = (i: number) => list(p.counts.subarray(i * m, i * m + m));
  let labels: string[] | undefined;
  let counts: (number | null)[][] | undefined;
  const ct: CrossTab = {
    get rowLabels() {
      return (labels ??= Array.from(p.rowTotals, (_, i) => label(i)));
    },
    columnLabels: p.columnLabels,
    get counts() {
      return (counts ??= Array.from(p.rowTotals, (_, i) => cells(i)));
    },
    rowTotals: await sliced(p.rowTotals),
    columnTotals: list(p.columnTotals),
    total: p.total,
    meta: {...p.meta, givenRowTotals: p.givenRowTotals && (await sliced(p.givenRowTotals))},
  };
  packedRows.set(ct, {label, cells});
  return ct;
}
