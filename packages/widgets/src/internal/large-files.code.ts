// The chunk epn-large-files.js beside the all-in-one file: what a source loads when its file turns out large (a table
// over 256 KB, parsed in the worker, its rows made here only when read) or is individual-level (counted as it
// streams, in the worker or on the main thread): the worker protocol and the large-table transfer. A seed-sized table
// never loads it.
import type {Table} from '@epn/stats';
import {parseInWorker, yieldToPage} from './aggregate-source.js';
import {unpackCrossTab, unpackTable} from './table-transfer.js';
import {wideReads} from './wide-read.js';
import type {ReadOptions} from './read-options.js';

export {aggregateSource} from './aggregate-source.js';

/**
 * Parses a large file's bytes in the page's worker and rebuilds the table (and its reading as a wide table) here,
 * their rows made when first read; `null`, bytes untouched, when this page cannot run the worker (the caller then
 * parses them itself).
 */
export async function parseLarge(bytes: Uint8Array, read: ReadOptions, signal: AbortSignal): Promise<Table | null> {
  const parsed = await parseInWorker(bytes, read, signal);
  if (!parsed) return null;
  const table = unpackTable(parsed.table);
  wideReads.set(table, 'code' in parsed.wide ? parsed.wide : await unpackCrossTab(parsed.wide));
  // The chart's model is made in a task of its own, not in the one that received the worker's message.
  await yieldToPage();
  return table;
}
