import {EpnDataError, fetchBytes, parseCsv, type Table} from '@epn/stats';
import {fetchFor} from './fetch.js';
import {largeFiles} from './large-files.js';
import {need} from './lazy.js';
import type {ReadOptions} from './read-options.js';

/**
 * Files larger than this (bytes) are parsed in the widgets' worker: parsing takes the page about half a second per
 * megabyte, so a file of 256 KB already holds it for a long task (over 50 ms).
 */
export const WORKER_BYTES = 256 * 1024;

/**
 * Loads a whole table as `loadCsv` does (the same checks, errors, progress and timeouts: the download is the core's
 * `fetchBytes`), but parses a large file in the page's worker, off the main thread: the table (and its reading as a
 * wide table) comes back packed and is rebuilt here in slices that leave the page free between them (that code, the
 * chunk epn-large-files.js beside the all-in-one file, is loaded then). Without the worker (a CSP without worker-src,
 * a script from another origin, epn-worker.js missing), the page parses it.
 */
export async function loadTable(
  url: string,
  read: ReadOptions,
  options: {signal: AbortSignal; refresh: boolean; onProgress: (fraction: number | null) => void},
): Promise<Table> {
  const {signal} = options;
  const fetched = await fetchBytes(url, {
    ...read,
    signal,
    fetch: fetchFor(options.refresh),
    onProgress: (p) => options.onProgress(p.fraction),
  });
  const size = fetched.bytes.byteLength;
  let table = size > WORKER_BYTES ? await (await need(largeFiles)).parseLarge(fetched.bytes, read, signal) : null;
  if (!table) {
    if (signal.aborted) throw new EpnDataError('ABORTED', {url});
    table = parseCsv(fetched.bytes, read);
  }
  if (signal.aborted) throw new EpnDataError('ABORTED', {url});
  table.meta.url = fetched.url;
  table.meta.bytes = size;
  return table;
}
