import {badOption, EpnDataError} from '../errors.js';
import {
  bandsOption,
  checkCrossTabOptions,
  checkOptionNames,
  type CrossTab,
  type CrossTabOptions,
  crossTab,
} from '../stats/cross-tab.js';
import {toBytes} from './decode.js';
import {readBody, type LoadOptions, type ResponseLike} from './load.js';
import {parseCsv} from './parse.js';
import {Aggregator} from './aggregate-sample.js';
import {crossTabOptions, PARSE_KEYS, parseOptions} from './aggregate-options.js';

/** The part of a `ReadableStream<Uint8Array>` that {@link aggregateCsv} uses (a web stream or a fetch body fits). */
export interface ByteStreamLike {
  /** Locks the stream and returns its reader. */
  getReader(): {
    /** The next chunk, or `done`. */
    read(): Promise<{done: boolean; value?: Uint8Array}>;
    /** Stops the stream (on error or abort). */
    cancel(reason?: unknown): Promise<void>;
  };
}

/**
 * Where {@link aggregateCsv} reads from: a URL (a string, or a `URL`), fetched and streamed like {@link loadCsv}
 * does; a `ReadableStream` of bytes; or any async iterable of bytes (a Node `fs.createReadStream`, for example).
 */
export type AggregateSource = string | {readonly href: string} | ByteStreamLike | AsyncIterable<Uint8Array>;

/**
 * Options of {@link aggregateCsv}: those of {@link crossTab} (`rows`, `columns`, `value`, `bands`), those of
 * {@link parseCsv} (`delimiter`, `encoding`, `headerRows`, `decimal`, `markers`) and those of {@link loadCsv}
 * (`signal`, `fetch`, `onProgress`, `maxBytes`, `timeout`, `idleTimeout`, `base`), which apply to every source.
 */
export interface AggregateOptions extends CrossTabOptions, LoadOptions {
  /**
   * Largest input accepted, in bytes (default 1 GiB: the reading itself does not grow with the file). A stream or a
   * response over it is aborted with `TOO_LARGE`.
   */
  maxBytes?: number;
  /** The expected size of a stream source in bytes, when known (`fs.stat`): progress then has a `fraction`. */
  total?: number;
}

const MAX_BYTES = 1024 * 1024 * 1024;
const KNOWN = [
  'rows',
  'columns',
  'value',
  'bands',
  ...PARSE_KEYS,
  'signal',
  'fetch',
  'onProgress',
  'maxBytes',
  'timeout',
  'idleTimeout',
  'base',
  'total',
];

/**
 * Counts a CSV file into a {@link CrossTab} as it streams in, without ever holding its rows: memory grows with the
 * number of distinct categories, not with the number of rows, so individual-level files of millions of lines can be
 * counted in a browser. The result (counts, totals, labels and their order, issues, errors) is the one of
 * `crossTab(parseCsv(bytes, options), options)` on the whole file.
 *
 * How: the encoding and the delimiter are decided on the first 256 Ki characters as {@link parseCsv} decides them
 * (and the title lines, header rows and column names by parseCsv itself on the first records); then every record is
 * split out of the bytes by a byte-level scanner (quotes, quoted line breaks, CRLF), and counted by distinct raw
 * cells. What parseCsv decides over the whole file (that it is valid UTF-8, the decimal separator over the first
 * 100 000 cells, each column's type, whether a column holds sex codes, which last lines are notes) is settled as
 * soon as it is known, from the distinct cells. Chunks may be split anywhere, including inside a UTF-8 character,
 * a byte-order mark or a quoted field, or between CR and LF. A file shorter than that first sample (288 KiB,
 * the 256 Ki characters and an eighth more bytes for accents; 72 KiB with a `delimiter` given) gets parseCsv's
 * decisions on its whole text, then is counted alike.
 *
 * Differences with reading the whole file: option errors (`BAD_OPTION`) come before any byte is read, and
 * `MISSING_COLUMN` as soon as the header is read. A file that changes shape in a way the counts cannot follow (it
 * turns out to mix UTF-8 and windows-1252 in numbers or blank cells, or most of its rows are wider than its header
 * although its first rows are not) is refused with `UNEXPECTED_SHAPE` rather than counted differently. When such a
 * late change regroups categories and `value` holds decimals, sums can differ from `crossTab`'s in the last binary
 * digit (they are then added by distinct cell rather than in file order). UTF-16 files, one-column files and files
 * that start like JSON are read whole.
 *
 * Throws (rejects with) the {@link EpnDataError}s of {@link loadCsv}, {@link parseCsv} and {@link crossTab}, and
 * `ABORTED` when `signal` fires.
 *
 * @example
 * ```ts
 * const ct = await aggregateCsv('https://example.fr/inscrits.csv', {rows: 'sexe', columns: 'âge', bands: 'seed'});
 * // In Node: await aggregateCsv(fs.createReadStream('inscrits.csv'), {rows: 'sexe', columns: 'âge', bands: [0, 18, 65]});
 * ct.counts; // [[…], […]]
 * ```
 */
export async function aggregateCsv(source: AggregateSource, options: AggregateOptions): Promise<CrossTab> {
  const o = checkOptions(options);
  const body = openSource(source, o);
  const aggregator = new Aggregator(o);
  const url = typeof body === 'string' ? body : undefined;
  await readBody(body, {...o, maxBytes: o.maxBytes ?? MAX_BYTES}, (chunk) => aggregator.push(bytesOf(chunk)));
  if (o.signal?.aborted) throw new EpnDataError('ABORTED', {url});
  return aggregator.end();
}

/** Checks every option that does not depend on the data (`BAD_OPTION`), before any byte is read. */
function checkOptions(options: AggregateOptions): AggregateOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw badOption(`aggregateCsv attend un objet d'options (rows, columns…)`);
  }
  checkOptionNames('aggregateCsv', options, KNOWN);
  checkCrossTabOptions(crossTabOptions(options));
  bandsOption(options.bands);
  // parseCsv checks its own options: ask it, on a tiny file (when there are any).
  const parse = parseOptions(options);
  if (Object.keys(parse).length) parseCsv('a;b\n1;2\n', parse);
  const total = options.total;
  if (total !== undefined && (typeof total !== 'number' || !(total >= 0))) {
    throw badOption(`aggregateCsv : « total » doit être un nombre d'octets`);
  }
  return options;
}

/** A URL to fetch, or the stream wrapped as a response for {@link readBody}. */
function openSource(source: AggregateSource, options: AggregateOptions): string | {response: ResponseLike} {
  if (typeof source === 'string') return source;
  const s = source as Partial<ByteStreamLike> & Partial<AsyncIterable<Uint8Array>> & {href?: unknown};
  let body: ResponseLike['body'];
  if (s && typeof s.getReader === 'function') body = s as ByteStreamLike;
  else if (s && typeof s[Symbol.asyncIterator] === 'function') {
    const iterable = s as AsyncIterable<Uint8Array>;
    body = {
      getReader: () => {
        const iterator = iterable[Symbol.asyncIterator]();
        return {
          read: async () => {
            const step = await iterator.next();
            return step.done ? {done: true} : {done: false, value: step.value};
          },
          cancel: async () => {
            await iterator.return?.();
          },
        };
      },
    };
  } else if (s && typeof s.href === 'string') return s.href;
  else
    throw badOption(
      `aggregateCsv : la source doit être une adresse, un ReadableStream ou un itérable asynchrone d'octets`,
    );
  const total = options.total;
  return {
    response: {
      ok: true,
      status: 200,
      headers: {
        get: (name) =>
          name.toLowerCase() === 'content-length' && total !== undefined ? String(Math.floor(total)) : null,
      },
      body,
      arrayBuffer: () => Promise.reject(new Error('no body')),
    },
  };
}

function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof ArrayBuffer || ArrayBuffer.isView(chunk)) return toBytes(chunk);
  throw badOption(`aggregateCsv : le flux doit donner des octets (Uint8Array), pas du texte`);
}
