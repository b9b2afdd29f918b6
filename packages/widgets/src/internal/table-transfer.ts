import type {CrossTab, Table, Value} from '@epn/stats';

// A Table (and the CrossTab read from it) as the worker sends it back: columns of numbers as Float64Arrays and columns
// of texts as one string with offsets, all transferred rather than copied. A million rows cloned as arrays of arrays
// would take the page longer to receive than to parse; rebuilt here in slices, they never block it for long.

/** Numbers with `null` as NaN (a Table or a CrossTab never holds NaN). */
type Numbers = Float64Array;
/** Texts with `null`: one string, `ends[i]` the end of text i, `nulls[i]` 1 for a null. */
interface Texts {
  text: string;
  ends: Uint32Array;
  nulls: Uint8Array;
}
/** One column of a Table: numbers, texts, or (numbers and texts mixed) the values as they are. */
type Column = {numbers: Numbers} | {texts: Texts} | {values: Value[]};

/** A Table packed for postMessage. @internal */
export interface PackedTable {
  columns: string[];
  length: number;
  cells: Column[];
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

const numbers = (values: ArrayLike<number | null>): Numbers => Float64Array.from(values as ArrayLike<number>, (v) => (v === null ? NaN : v));
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
    if (x instanceof Float64Array || x instanceof Uint32Array || x instanceof Uint8Array) out.push(x.buffer as ArrayBuffer);
    else if (x && typeof x === 'object' && 'ends' in x) add((x as Texts).ends), add((x as Texts).nulls);
  };
  if (!packed) return out;
  if ('cells' in packed) {
    add(packed.rowLines);
    for (const c of packed.cells) add('numbers' in c ? c.numbers : 'texts' in c ? c.texts : null);
  } else {
    for (const x of [packed.rowLabels, packed.counts, packed.rowTotals, packed.columnTotals, packed.givenRowTotals]) add(x);
  }
  return out;
}

/** Packs a Table (in the worker). @internal */
export function packTable(table: Table): PackedTable {
  const {rowLines, ...meta} = table.meta;
  const cells = table.columns.map((_, j): Column => {
    const column = table.rows.map((r) => r[j] ?? null);
    if (column.every((v) => typeof v !== 'string')) return {numbers: numbers(column as (number | null)[])};
    if (column.every((v) => typeof v !== 'number')) return {texts: texts(column as (string | null)[])};
    return {values: column};
  });
  return {columns: table.columns, length: table.rows.length, cells, meta, rowLines: numbers(rowLines)};
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

/** Lets the page run between two slices of work. */
export type Yield = () => Promise<void>;

/** Longest stretch of rebuilding between two yields, in ms. */
const BUDGET = 8;

/** Calls `f(i)` for i in [0, n), yielding to the page every {@link BUDGET} ms. */
async function sliced(n: number, f: (i: number) => void, pause: Yield): Promise<void> {
  let last = performance.now();
  for (let i = 0; i < n; i++) {
    f(i);
    if ((i & 1023) === 1023 && performance.now() - last > BUDGET) {
      await pause();
      last = performance.now();
    }
  }
}

const number = (x: number): number | null => (Number.isNaN(x) ? null : x);
const numberList = async (x: Numbers, pause: Yield): Promise<(number | null)[]> => {
  const out = new Array<number | null>(x.length);
  await sliced(x.length, (i) => (out[i] = number(x[i]!)), pause);
  return out;
};
const text = (t: Texts, i: number): string | null => (t.nulls[i] ? null : t.text.slice(i ? t.ends[i - 1]! : 0, t.ends[i]!));

/**
 * Rebuilds a Table on the page. Its rows are made when first read (in one go): the charts draw from the cross-tab the
 * worker read, so a million rows are made only for a page script that reads them (`epn-load`'s table), not on every
 * load (making them takes the page's garbage collector long pauses). @internal
 */
export async function unpackTable(p: PackedTable, pause: Yield): Promise<Table> {
  const width = p.columns.length;
  let rows: Value[][] | null = null;
  const build = (): Value[][] => {
    const out: Value[][] = new Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const row: Value[] = new Array(width);
      for (let j = 0; j < width; j++) {
        const c = p.cells[j]!;
        row[j] = 'numbers' in c ? number(c.numbers[i]!) : 'texts' in c ? text(c.texts, i) : c.values[i]!;
      }
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
    meta: {...p.meta, rowLines: (await numberList(p.rowLines, pause)) as number[]},
  };
}

/** Rebuilds a CrossTab on the page, in slices. @internal */
export async function unpackCrossTab(p: PackedCrossTab, pause: Yield): Promise<CrossTab> {
  const n = p.rowTotals.length;
  const m = p.columnLabels.length;
  const rowLabels = new Array<string>(n);
  const counts = new Array<(number | null)[]>(n);
  await sliced(
    n,
    (i) => {
      rowLabels[i] = text(p.rowLabels, i) ?? '';
      const row = new Array<number | null>(m);
      for (let j = 0; j < m; j++) row[j] = number(p.counts[i * m + j]!);
      counts[i] = row;
    },
    pause,
  );
  return {
    rowLabels,
    columnLabels: p.columnLabels,
    counts,
    rowTotals: await numberList(p.rowTotals, pause),
    columnTotals: await numberList(p.columnTotals, pause),
    total: p.total,
    meta: {...p.meta, givenRowTotals: p.givenRowTotals && (await numberList(p.givenRowTotals, pause))},
  };
}
