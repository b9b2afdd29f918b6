// The widgets' module worker (`dist/epn-worker.js`, self-contained): fetches, decodes, parses and counts large
// individual-level CSV files off the main thread, and posts back only the CrossTab (a few numbers per group).
// Imported as a module in a page (where no worker can start: a script from a CDN, a CSP without worker-src), it only
// exports `aggregateCsv`, so that the all-in-one file does not carry the streaming counter for the pages that never
// need it.
import {aggregateCsv, EpnDataError, parseCsv, readCrossTab, type EpnErrorCode} from '@epn/stats';

export {aggregateCsv};
import {countOptions, type Parsed, type WorkerReply, type WorkerRequest} from './internal/aggregate-source.js';
import {buffers, packCrossTab, packTable} from './internal/table-transfer.js';
import type {ReadOptions} from './internal/read-options.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

/**
 * The details of an error as plain data (the cause, an Error or a Response, stays here). The core gives every failure
 * of a file or of the network as an EpnDataError: anything else is a bug of ours, sent as `INTERNAL` (the page says
 * so, see internal-error.ts), its cause in the worker's console.
 */
const plain = (e: unknown) => {
  if (e instanceof EpnDataError) {
    const {cause: _cause, ...details} = e.details;
    return {code: e.code, details};
  }
  console.error('EPN widgets: internal error', e);
  return {
    code: 'INTERNAL' as EpnErrorCode,
    details: {detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e)},
  };
};

/**
 * A large table's bytes, parsed here (as the page would with parseCsv) and read as a wide table (readCrossTab, which
 * the charts do next: as long as parsing on a large table): both go back packed, their buffers transferred.
 */
function parse(id: number, bytes: ArrayBuffer, options: ReadOptions): void {
  try {
    const table = parseCsv(new Uint8Array(bytes), options);
    let wide: Parsed['wide'];
    try {
      wide = packCrossTab(readCrossTab(table));
    } catch (e) {
      // A bug of ours fails the whole reading (as on the page, where it fails the chart): reported as INTERNAL below.
      if (!(e instanceof EpnDataError)) throw e;
      wide = plain(e);
    }
    const result: Parsed = {table: packTable(table), wide};
    scope.postMessage({type: 'done', id, result}, [...buffers(result.table), ...buffers('code' in wide ? null : wide)]);
  } catch (e) {
    scope.postMessage({type: 'error', id, ...plain(e)});
  }
}
const running = new Map<number, AbortController>();

/** Progress at most every 50 ms (each message costs the page a task). */
function progress(id: number): (fraction: number | null) => void {
  let last = 0;
  return (fraction) => {
    const now = performance.now();
    if (now - last < 50 && fraction !== 1) return;
    last = now;
    scope.postMessage({type: 'progress', id, fraction});
  };
}

/** Whether this module runs as a worker (not imported by a page). */
const inWorker = typeof (globalThis as {WorkerGlobalScope?: unknown}).WorkerGlobalScope !== 'undefined';

if (inWorker)
  scope.onmessage = async ({data: m}) => {
    if (m.type === 'abort') {
      running.get(m.id)?.abort();
      return;
    }
    if (m.type === 'parse') return parse(m.id, m.bytes, m.options);
    const controller = new AbortController();
    running.set(m.id, controller);
    try {
      const result = await aggregateCsv(
        m.url,
        countOptions(m.spec, {signal: controller.signal, refresh: m.refresh, onProgress: progress(m.id)}),
      );
      scope.postMessage({type: 'done', id: m.id, result});
    } catch (e) {
      scope.postMessage({type: 'error', id: m.id, ...plain(e)});
    } finally {
      running.delete(m.id);
    }
  };
// The page waits for this before handing over a file's bytes (a worker that fails to load would take them with it).
if (inWorker) scope.postMessage({type: 'ready', id: 0});
