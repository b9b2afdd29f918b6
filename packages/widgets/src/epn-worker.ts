// The widgets' module worker (`dist/epn-worker.js`, self-contained): fetches, decodes, parses and counts large
// individual-level CSV files off the main thread, and posts back only the CrossTab (a few numbers per group).
// Imported as a module in a page (where no worker can start: a script from a CDN, a CSP without worker-src), it only
// exports `aggregateCsv`, so that the all-in-one file does not carry the streaming counter for the pages that never
// need it.
import {aggregateCsv, EpnDataError} from '@epn/stats';

export {aggregateCsv};
import {countOptions, type WorkerReply, type WorkerRequest} from './internal/aggregate-source.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};
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

if (inWorker) scope.onmessage = async ({data: m}) => {
  if (m.type === 'abort') {
    running.get(m.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(m.id, controller);
  try {
    const result = await aggregateCsv(m.url, countOptions(m.spec, {signal: controller.signal, refresh: m.refresh, onProgress: progress(m.id)}));
    scope.postMessage({type: 'done', id: m.id, result});
  } catch (e) {
    const error = e instanceof EpnDataError ? e : new EpnDataError('NETWORK', {url: m.url});
    // The details cross as plain data: the cause (an Error, a Response…) stays here.
    const {cause: _cause, ...details} = error.details;
    scope.postMessage({type: 'error', id: m.id, code: error.code, details});
  } finally {
    running.delete(m.id);
  }
};
