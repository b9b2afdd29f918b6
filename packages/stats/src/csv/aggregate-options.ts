// The options of aggregateCsv shared by its two halves (aggregate-sample.ts, aggregate-count.ts), and the windows of
// the reading they take from parseCsv.
import type {CrossTabOptions} from '../stats/cross-tab.js';
import type {ParseOptions} from './parse.js';
import type {AggregateOptions} from './aggregate.js';

/** parseCsv's windows: `assertText` looks at 65 536 characters, `sniffDelimiter` at 262 144. */
export const TEXT_WINDOW = 65536;
export const SNIFF_WINDOW = 262144;
/** The options of aggregateCsv that parseCsv reads. */
export const PARSE_KEYS = ['delimiter', 'encoding', 'headerRows', 'decimal', 'markers', 'types'] as const;

/** The parseCsv options among aggregateCsv's. */
export function parseOptions(options: AggregateOptions): ParseOptions {
  const out: ParseOptions = {};
  for (const key of PARSE_KEYS) if (options[key] !== undefined) (out as Record<string, unknown>)[key] = options[key];
  return out;
}

/** The crossTab options among aggregateCsv's. */
export function crossTabOptions({rows, columns, value, bands}: AggregateOptions): CrossTabOptions {
  return {rows, columns, value, bands};
}
