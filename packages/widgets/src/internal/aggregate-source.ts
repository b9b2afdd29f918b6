import {crossTab, EpnDataError, loadCsv, type CrossTab, type EpnErrorCode, type EpnErrorDetails} from '@epn/stats';
import {workerUrl} from '../worker-url.js';
import {fetchFor} from './fetch.js';
import type {PackedCrossTab, PackedTable} from './table-transfer.js';
import {internalError} from './internal-error.js';
import {page} from './page-worker.js';
import type {ReadOptions} from './read-options.js';

/**
 * What to count in an individual-level file (one row per person): the options of the core's `aggregateCsv`, as
 * plain data (they cross to a worker).
 */
export interface AggregateSpec extends ReadOptions {
  rows: string;
  columns: string;
  /** Lower bounds of the age bands, or `'seed'`; absent when the column holds band labels. */
  bands?: number[] | 'seed';
}

/** A request to the worker. @internal */
export type WorkerRequest =
  | {type: 'aggregate'; id: number; url: string; spec: AggregateSpec; refresh: boolean}
  | {type: 'parse'; id: number; bytes: ArrayBuffer; options: ReadOptions}
  | {type: 'abort'; id: number};

/** What the worker sends back for a `parse`: the table, and `readCrossTab(table)` (or why it failed). @internal */
export interface Parsed {
  table: PackedTable;
  wide: PackedCrossTab | {code: EpnErrorCode; details: EpnErrorDetails};
}

/** A reply of the worker. @internal */
export type WorkerReply =
  | {type: 'ready'; id: 0}
  | {type: 'progress'; id: number; fraction: number | null}
  | {type: 'done'; id: number; result: CrossTab | Parsed}
  | {type: 'error'; id: number; code: EpnErrorCode; details: EpnErrorDetails};

interface Job {
  resolve: (result: never) => void;
  reject: (e: unknown) => void;
  onProgress: (fraction: number | null) => void;
}

/** Settles once the worker's module has run (`true`) or failed to load (`false`). */
let ready: Promise<boolean> = Promise.resolve(false);
let nextId = 1;
const jobs = new Map<number, Job>();

/** The worker, or `null` when this page cannot run it: a script from another origin, a CSP without worker-src. */
function getWorker(): Worker | null {
  if (page.worker !== undefined) return page.worker;
  try {
    const url = workerUrl();
    // A worker must come from the page's origin (a CDN copy of the script cannot start one; no blob: workaround).
    if (url.origin !== location.origin) return (page.worker = null);
    const w = new Worker(url, {type: 'module', name: 'epn-worker'});
    let started: (ok: boolean) => void = () => undefined;
    ready = new Promise((resolve) => (started = resolve));
    w.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === 'ready') return started(true);
      const job = jobs.get(m.id);
      if (!job) return;
      if (m.type === 'progress') job.onProgress(m.fraction);
      else {
        jobs.delete(m.id);
        if (m.type === 'done') job.resolve(m.result as never);
        // `INTERNAL`: a bug in the worker (see epn-worker.ts; its cause is in the worker's console), said so here too.
        else
          job.reject(
            m.code === ('INTERNAL' as EpnErrorCode)
              ? internalError(`epn-worker.js: ${m.details.detail}`)
              : new EpnDataError(m.code, m.details),
          );
      }
    };
    // The worker failed to start (refused by a CSP, file missing): every job in flight falls back to the main thread.
    w.onerror = (e) => {
      e.preventDefault();
      started(false);
      page.worker = null;
      w.terminate();
      const waiting = [...jobs.values()];
      jobs.clear();
      for (const job of waiting) job.reject(UNUSABLE);
    };
    return (page.worker = w);
  } catch {
    return (page.worker = null);
  }
}

const UNUSABLE = Symbol('worker unusable');

/**
 * Counts an individual-level CSV at `url` into a CrossTab without holding its rows: in the page's worker when it can
 * run one (parsing a million rows never blocks the page), else on the main thread, chunk by chunk as bytes arrive
 * (else, without the worker's file, by reading the whole table). Rejects with EpnDataError (`ABORTED` when `signal`
 * fires).
 */
export async function aggregateSource(
  url: string,
  spec: AggregateSpec,
  options: {signal: AbortSignal; refresh: boolean; onProgress: (fraction: number | null) => void},
): Promise<CrossTab> {
  try {
    return await count(url, spec, options);
  } catch (e) {
    // Ages written as band labels ("18-25") on each row cannot be binned: count the labels as they are, as a
    // table read whole would.
    if (spec.bands && e instanceof EpnDataError && e.code === 'NOT_NUMERIC' && e.details.column !== undefined) {
      const {bands: _bands, ...labels} = spec;
      return count(url, labels, options);
    }
    throw e;
  }
}

async function count(
  url: string,
  spec: AggregateSpec,
  options: {signal: AbortSignal; refresh: boolean; onProgress: (fraction: number | null) => void},
): Promise<CrossTab> {
  const w = getWorker();
  if (w) {
    try {
      return await inWorker(w, new URL(url, document.baseURI).href, spec, options);
    } catch (e) {
      if (e !== UNUSABLE) throw e;
    }
  }
  return onMainThread(url, spec, options);
}

function inWorker(
  w: Worker,
  url: string,
  spec: AggregateSpec,
  options: {signal: AbortSignal; refresh: boolean; onProgress: (f: number | null) => void},
): Promise<CrossTab> {
  return job(
    w,
    (id) => ({type: 'aggregate', id, url, spec, refresh: options.refresh}),
    options.signal,
    options.onProgress,
  );
}

/** Posts a request to the worker and waits for its result; `signal` aborts it (`ABORTED`). */
function job<T>(
  w: Worker,
  request: (id: number) => WorkerRequest,
  signal: AbortSignal,
  onProgress: (f: number | null) => void = () => undefined,
  transfer: Transferable[] = [],
): Promise<T> {
  if (signal.aborted) return Promise.reject(new EpnDataError('ABORTED'));
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      if (!jobs.delete(id)) return;
      w.postMessage({type: 'abort', id} satisfies WorkerRequest);
      reject(new EpnDataError('ABORTED'));
    };
    signal.addEventListener('abort', onAbort, {once: true});
    const done = () => signal.removeEventListener('abort', onAbort);
    jobs.set(id, {
      resolve: (result: T) => (done(), resolve(result)),
      reject: (e) => (done(), reject(e)),
      onProgress,
    } as Job);
    w.postMessage(request(id), transfer);
  });
}

/** How long (ms) a large table waits for the worker to start before the page parses it itself. */
const READY_WAIT = 5000;

/**
 * Parses bytes in the page's worker (taking them: the buffer is transferred) and returns what it sent back, or
 * `null` without touching the bytes when this page cannot run the worker (the caller then parses them itself).
 */
export async function parseInWorker(
  bytes: Uint8Array,
  options: ReadOptions,
  signal: AbortSignal,
): Promise<Parsed | null> {
  const w = getWorker();
  // The bytes are handed over only to a worker that runs: one that fails to load would take them with it. One that
  // never says it runs (an older epn-worker.js left beside this file) is not waited for long: the page parses.
  if (!w) return null;
  const said = await Promise.race([ready, new Promise<false>((r) => setTimeout(() => r(false), READY_WAIT))]);
  if (!said || page.worker !== w) return null;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  const buffer = whole.buffer as ArrayBuffer;
  try {
    return await job<Parsed>(w, (id) => ({type: 'parse', id, bytes: buffer, options}), signal, undefined, [buffer]);
  } catch (e) {
    if (e === UNUSABLE) throw internalError(new Error('epn-worker.js stopped while reading the file'));
    throw e;
  }
}

async function onMainThread(
  url: string,
  spec: AggregateSpec,
  options: {signal: AbortSignal; refresh: boolean; onProgress: (f: number | null) => void},
): Promise<CrossTab> {
  const load = countOptions(spec, options, sliced);
  const counting = {rows: spec.rows, columns: spec.columns, ...(spec.bands ? {bands: spec.bands} : {})};
  // The streaming counter lives in the worker's file (the all-in-one file does not carry it): imported here, it runs
  // on the main thread, chunk by chunk as bytes arrive.
  let aggregateCsv: typeof import('@epn/stats').aggregateCsv | null = null;
  try {
    ({aggregateCsv} = (await import(/* @vite-ignore */ workerUrl().href)) as typeof import('@epn/stats'));
  } catch {
    // No epn-worker.js beside the script (only the all-in-one file was copied): read the whole table.
  }
  if (aggregateCsv) {
    try {
      return await aggregateCsv(url, load);
    } catch (e) {
      // The worker's file has its own copy of the core: its errors are EpnDataErrors of another class.
      const other = e as {name?: unknown; code?: EpnErrorCode; details?: EpnErrorDetails};
      throw other?.name === 'EpnDataError' && other.code ? new EpnDataError(other.code, other.details) : e;
    }
  }
  return crossTab(await loadCsv(url, load), counting);
}

/**
 * The options of `aggregateCsv` for a spec, in the worker as on the main thread: the spec, the load's signal and
 * progress, and the page's fetch (through `wrap`, e.g. {@link sliced}). @internal
 */
export function countOptions(
  spec: AggregateSpec,
  options: {signal: AbortSignal; refresh: boolean; onProgress: (fraction: number | null) => void},
  wrap: (response: Response) => Response = (r) => r,
): AggregateSpec & {
  signal: AbortSignal;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  onProgress: (p: {fraction: number | null}) => void;
} {
  const get = fetchFor(options.refresh);
  return {
    ...spec,
    signal: options.signal,
    fetch: async (url, init) => wrap(await get(url, init)),
    onProgress: (p) => options.onProgress(p.fraction),
  };
}

/** Bytes handed to the counter at a time on the main thread. */
const SLICE = 64 * 1024;
/** Longest stretch of main-thread work between two yields to the page, in ms (a long task is 50 ms). */
const BUDGET = 8;

/** Lets the page run (input, rendering) before going on: `scheduler.yield()` where it exists, else a message. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as {scheduler?: {yield?: () => Promise<void>}}).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * A response whose body reads in slices of at most {@link SLICE} bytes, yielding to the page every {@link BUDGET} ms:
 * a local or fast server hands over megabytes at once, and counting them in one go would freeze the page.
 */
function sliced(response: Response): Response {
  const body = response.body;
  if (!body) return response;
  let last = performance.now();
  const wrapped = {
    getReader() {
      const reader = body.getReader();
      let pending: Uint8Array | null = null;
      return {
        async read(): Promise<{done: boolean; value?: Uint8Array}> {
          if (performance.now() - last > BUDGET) {
            await yieldToPage();
            last = performance.now();
          }
          if (!pending || pending.length === 0) {
            const next = await reader.read();
            if (next.done) return {done: true};
            pending = next.value;
          }
          const value = pending.subarray(0, SLICE);
          pending = pending.subarray(value.length);
          return {done: false, value};
        },
        cancel: (reason?: unknown) => reader.cancel(reason),
      };
    },
  };
  // Only what the core reads of a response (ok, status, url, headers, body, arrayBuffer) is needed.
  return {
    ok: response.ok,
    status: response.status,
    url: response.url,
    headers: response.headers,
    body: wrapped,
    arrayBuffer: () => response.arrayBuffer(),
  } as unknown as Response;
}
