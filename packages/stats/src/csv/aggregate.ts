import {badOption, EpnDataError} from '../errors.js';
import type {Table, Value} from '../table.js';
import {cleanLabel, looseKey} from '../text.js';
import {
  bandsOption,
  checkCrossTabOptions,
  checkOptionNames,
  columnIndex,
  CrossTabAccumulator,
  planCrossTab,
  type AxisKey,
  type CellMark,
  type CrossTab,
  type CrossTabOptions,
  crossTab,
} from '../stats/cross-tab.js';
import {assertText, decodeBytes, decodeWindows1252, normaliseEncoding, sniffBinary, toBytes} from './decode.js';
import {readBody, type LoadOptions, type ResponseLike} from './load.js';
import {markerKind, markerTable, type MarkerKind} from './markers.js';
import {guessDecimal, numberShape, type DecimalSeparator} from './number.js';
import {columnType, DECIMAL_WINDOW, parseCsv, tableWidth, typesOption, type ParseOptions} from './parse.js';
import {asciiBlank, HIGH, INCOMPLETE, Interner, QUOTED, RecordScanner, REST_HIGH, REST_TEXT, TEXT, UNTERMINATED} from './records.js';
import {sniffDelimiter} from './scan.js';

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
/** parseCsv's windows: `assertText` looks at 65 536 characters, `sniffDelimiter` at 262 144, the decimal guess at 100 000 cells. */
const TEXT_WINDOW = 65536;
const SNIFF_WINDOW = 262144;
const PARSE_KEYS = ['delimiter', 'encoding', 'headerRows', 'decimal', 'markers', 'types'] as const;
const KNOWN = ['rows', 'columns', 'value', 'bands', ...PARSE_KEYS, 'signal', 'fetch', 'onProgress', 'maxBytes', 'timeout', 'idleTimeout', 'base', 'total'];

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
 * a byte-order mark or a quoted field, or between CR and LF. A file shorter than that first sample (256 Ki
 * characters, 64 Ki with a `delimiter` given) gets parseCsv's decisions on its whole text, then is counted alike.
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
  // parseCsv checks its own options: ask it, on a tiny file.
  parseCsv('a;b\n1;2\n', parseOptions(options));
  const total = options.total;
  if (total !== undefined && (typeof total !== 'number' || !(total >= 0))) {
    throw badOption(`aggregateCsv : « total » doit être un nombre d'octets`);
  }
  return options;
}

function parseOptions(options: AggregateOptions): ParseOptions {
  const out: ParseOptions = {};
  for (const key of PARSE_KEYS) if (options[key] !== undefined) (out as Record<string, unknown>)[key] = options[key];
  return out;
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
  else throw badOption(`aggregateCsv : la source doit être une adresse, un ReadableStream ou un itérable asynchrone d'octets`);
  const total = options.total;
  return {
    response: {
      ok: true,
      status: 200,
      headers: {get: (name) => (name.toLowerCase() === 'content-length' && total !== undefined ? String(Math.floor(total)) : null)},
      body,
      arrayBuffer: () => Promise.reject(new Error('no body')),
    },
  };
}

function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof ArrayBuffer || ArrayBuffer.isView(chunk)) return toBytes(chunk);
  throw badOption(`aggregateCsv : le flux doit donner des octets (Uint8Array), pas du texte`);
}

/** Text encodings the byte scanner reads (ASCII-compatible). */
type ByteEncoding = 'utf-8' | 'windows-1252';

/** What the sample decided, for the {@link Counter}. */
interface Decisions {
  /** parseCsv's table of the first records (header, column names, data rows and their lines, column types). */
  table: Table;
  /** Those first records' bytes (up to `cut`), and the first 256 Ki characters' (to check a late windows-1252). */
  head: Uint8Array;
  sniffed: Uint8Array;
  cut: number;
  /** The whole file is in `table`: every decision is final. */
  whole: boolean;
  encoding: ByteEncoding;
  /** UTF-8 is the sample's reading, not yet known for the whole file. */
  provisional: boolean;
  /**
   * Control characters in the first 65 536 characters as decoded (`text`); and, while UTF-8 is provisional, the bytes
   * of those characters in windows-1252, to look again if the file is not UTF-8.
   */
  controls: {text: boolean; cp1252: Uint8Array | null};
  /** The decimal separator, when forced or final. */
  decimal: DecimalSeparator | null;
}

/**
 * Reads the first bytes, takes parseCsv's decisions on them, then hands every chunk to a {@link Counter}. Files whose
 * decisions cannot be taken on their beginning (UTF-16, one column, JSON-like start) are kept whole and parsed at
 * the end, and so are files that end before their decisions are taken.
 */
class Aggregator {
  #mode: 'sample' | 'count' | 'whole' = 'sample';
  #sample = new Uint8Array(65536);
  #used = 0;
  /** End offsets of the chunks kept while sampling, to replay them as they came. */
  #marks: number[] = [];
  #nextCheck = TEXT_WINDOW;
  #counter: Counter | null = null;
  readonly #parse: ParseOptions;
  readonly #options: AggregateOptions;

  constructor(options: AggregateOptions) {
    this.#options = options;
    this.#parse = parseOptions(options);
  }

  push(chunk: Uint8Array): void {
    if (!chunk.length) return;
    if (this.#mode === 'count') {
      this.#counter!.push(chunk);
      return;
    }
    if (this.#used + chunk.length > this.#sample.length) {
      const grown = new Uint8Array(Math.max(this.#sample.length * 2, this.#used + chunk.length));
      grown.set(this.#sample.subarray(0, this.#used));
      this.#sample = grown;
    }
    this.#sample.set(chunk, this.#used);
    this.#used += chunk.length;
    this.#marks.push(this.#used);
    if (this.#mode === 'sample' && this.#used >= this.#nextCheck) {
      // A text has at least as many bytes as characters: no need to look before the windows can be complete. Looking
      // again each time the sample grows by a quarter keeps the work linear.
      this.#nextCheck = Math.max(Math.ceil(this.#used * 1.25), this.#parse.delimiter == null ? SNIFF_WINDOW : TEXT_WINDOW);
      if (this.#used >= (this.#parse.delimiter == null ? SNIFF_WINDOW : TEXT_WINDOW)) this.#settle();
    }
  }

  end(): CrossTab {
    if (this.#mode !== 'count') {
      // The whole file is in the sample (kept whole, or it ended before the decisions): parseCsv's are final.
      const bytes = this.#sample.subarray(0, this.#used);
      const table = parseCsv(bytes, this.#parse);
      const {encoding, decimal} = table.meta;
      if (this.#mode === 'whole' || encoding === 'utf-16le' || encoding === 'utf-16be') return crossTab(table, crossTabOptions(this.#options));
      const none = new Uint8Array(0);
      this.#start({
        table, head: none, sniffed: none, cut: bytes.length, whole: true, provisional: false, decimal,
        encoding: encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
        controls: {text: false, cp1252: null},
      });
    }
    return this.#counter!.end();
  }

  /** Tries to take the decisions on the sample; starts counting when they are taken. */
  #settle(): void {
    const bytes = this.#sample.subarray(0, this.#used);
    // Decode up to the last ASCII byte: the sample may end inside a UTF-8 character.
    let end = bytes.length;
    while (end > 0 && bytes[end - 1]! >= 128) end--;
    const forced = normaliseEncoding(this.#parse.encoding);
    let decoded: ReturnType<typeof decodeBytes>;
    try {
      decoded = decodeBytes(bytes.subarray(0, end), forced);
    } catch (e) {
      // A binary signature is final; control characters are final once 65 536 characters are surely in the sample.
      if (e instanceof EpnDataError && e.code === 'NOT_TEXT' && !sniffBinary(bytes) && end < 4 * TEXT_WINDOW + 4) return;
      throw e;
    }
    const {text, encoding, bom} = decoded;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') {
      this.#mode = 'whole';
      return;
    }
    if (text.length < TEXT_WINDOW || !/\S/.test(text)) return;
    if (/^[[{]/.test(text.slice(0, 2048).trimStart())) {
      // parseCsv tells JSON from CSV by parsing the whole text: keep it whole.
      this.#mode = 'whole';
      return;
    }
    const forcedDelimiter = this.#parse.delimiter != null ? parseCsv('a\n1\n', this.#parse).meta.delimiter : null;
    if (forcedDelimiter === null && text.length < SNIFF_WINDOW) return;
    const delimiter = forcedDelimiter ?? sniffDelimiter(text);
    const skip = bom ? 3 : 0;
    // The ends of the sample's whole records; parseCsv reads the first ones (16 KiB or more) for the header.
    const scanner = new RecordScanner(delimiter.charCodeAt(0));
    let pos = skip;
    const nextEnd = () => {
      const next = pos < end ? scanner.next(bytes, pos, false) : -1;
      if (next < 0 || next > end) return false;
      pos = next;
      return true;
    };
    if (!nextEnd()) return;
    let records = 1;
    const parse: ParseOptions = {...this.#parse, delimiter, encoding: forced ?? (encoding === 'windows-1252' ? 'windows-1252' : undefined)};
    let table: Table | null = null;
    let cut = 0;
    for (let size = 16384, last = false; ; size *= 4) {
      // At least 16 KiB and five records (a title, the header, three rows) for parseCsv to look at.
      while ((pos < size || records < 5) && !last) {
        last = !nextEnd();
        if (!last) records++;
      }
      if (pos === cut && !last) continue;
      cut = pos;
      try {
        table = parseCsv(bytes.subarray(0, cut), parse);
      } catch (e) {
        // No data yet, or control characters over more than 1 % of fewer characters than parseCsv looks at (the
        // sample, which has them all, passed): look at more records.
        if (!(e instanceof EpnDataError && (e.code === 'EMPTY' || e.code === 'NO_DATA' || e.code === 'NOT_TEXT'))) throw e;
        table = null;
      }
      // Three data rows settle the header (parseCsv looks two records past it).
      if ((table && table.rows.length >= 3) || last) break;
    }
    if (!table || table.rows.length < 3) return;
    if (table.columns.length < 2) {
      this.#mode = 'whole';
      return;
    }
    const provisional = !bom && forced === undefined && encoding === 'utf-8';
    const highBytes = provisional && bytes.subarray(0, end).some((b) => b >= 128);
    this.#start({
      table,
      head: highBytes ? bytes.slice(0, cut) : new Uint8Array(0),
      sniffed: highBytes && forcedDelimiter === null ? bytes.slice(skip, Math.min(end, skip + SNIFF_WINDOW)) : new Uint8Array(0),
      cut,
      whole: false,
      encoding: encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
      provisional,
      controls: {text: hasControls(text), cp1252: provisional ? bytes.slice(skip, Math.min(end, skip + TEXT_WINDOW)) : null},
      decimal: this.#parse.decimal ?? null,
    });
  }

  /** Starts counting: replays the sampled chunks into a new {@link Counter}. */
  #start(decisions: Decisions): void {
    const counter = new Counter(decisions, this.#parse, this.#options);
    this.#counter = counter;
    this.#mode = 'count';
    const sample = this.#sample;
    this.#sample = new Uint8Array(0);
    let from = 0;
    for (const to of this.#marks) {
      counter.push(sample.subarray(from, to));
      from = to;
    }
    this.#marks = [];
  }
}

function crossTabOptions({rows, columns, value, bands}: AggregateOptions): CrossTabOptions {
  return {rows, columns, value, bands};
}

/** Kinds of a cell for column typing, as parseCsv counts them: skipped (empty, marker), number, code, text, other. */
const SKIP = 0;
const NUMBER = 1;
const CODE = 2;
const TEXTUAL = 3;
const OTHER = 4;

/** A cell read as parseCsv reads it in a numeric column: its value and its kind (see above). */
interface NumberCell {
  n: number | null;
  kind: number;
  /** An empty cell or a marker (`s`, `n.d.`): its kind and text, as parseCsv records it. */
  mark?: CellMark;
}

/** A data row whose count waits for the decimal separator. */
interface Deferred {
  pair: number;
  idR: number;
  idC: number;
  line: number;
  value: Uint8Array | null;
  flags: number;
}

/**
 * Counts records into raw groups (distinct raw cell of `rows` × distinct raw cell of `columns`), from the first byte
 * of the file, under the sample's decisions; settles the others at the end.
 */
class Counter {
  readonly #table: Table;
  readonly #delimiter: number;
  #encoding: ByteEncoding;
  #provisional: boolean;
  #flipped = false;
  readonly #cut: number;
  readonly #whole: boolean;
  readonly #utf8 = new TextDecoder('utf-8', {ignoreBOM: true});
  readonly #markers: Map<string, MarkerKind>;
  readonly #fastNumbers: boolean;
  readonly #r: number;
  readonly #c: number;
  readonly #v: number;
  /** The width of the sample's table: parseCsv's cells per row, if the end confirms it. */
  readonly #width: number;
  readonly #dataLines: number[];
  #dataAt = 0;
  readonly #headerLine: number;
  readonly #headerRows: number;
  #headerLeft = 0;
  #headerWidth = 0;

  // The decimal separator: parseCsv guesses it from the first 100 000 cells of its rows.
  #decimal: DecimalSeparator = ',';
  #decimalFinal: boolean;
  #windowCells = 0;
  readonly #candidates: Uint8Array[] = [];
  #deferred: Deferred[] = [];
  #decimalEncodingSensitive = false;

  // Input.
  readonly #scanner: RecordScanner;
  #buf: Uint8Array = new Uint8Array(0);
  #pos = 0;
  /** Offset in the file of `buf[0]`. */
  #base = 0;
  #waiting: Uint8Array[] = [];
  /** Two buffers used in turn to join what is left of a chunk to the next ones (no garbage per chunk). */
  readonly #scratch = [new Uint8Array(0), new Uint8Array(0)];
  #turn = 0;
  #waitingBytes = 0;
  #needed = 0;
  #skip: number;
  #unterminatedAt = 0;
  #nulAfter = false;

  // Counts.
  readonly #R = new Interner();
  readonly #C: Interner;
  readonly #rowPairs: number[][] = [];
  #pairs = 0;
  readonly #pR: number[] = [];
  readonly #pC: number[] = [];
  readonly #pCount: number[] = [];
  readonly #pSum: (number | null)[] = [];
  readonly #pNulls: number[] = [];
  /** Per raw group, the first marker among its unknown counts. */
  readonly #pMarks: (CellMark | undefined)[] = [];
  readonly #pLines: number[][] = [];
  #fit = 0;
  #over = 0;
  readonly #wider = new Map<number, number>();
  #vNumbers = 0;
  #vTexts = 0;
  #vCodes = 0;
  #vRefused = 0;
  #vMarked = 0;
  #vFractional = 0;
  /** A blank cell or a count read differently in UTF-8 and windows-1252 (matters only if the file is not UTF-8). */
  #encodingSensitive = false;
  #pending: Array<{bytes: Uint8Array; line: number}> = [];

  // Counting in file order under the sample's decisions (with `value` only: sums of decimals depend on their order).
  readonly #acc0: CrossTabAccumulator | null = null;
  readonly #provR: AxisKey[] = [];
  readonly #provC: AxisKey[] = [];

  readonly #decisions: Decisions;
  readonly #parse: ParseOptions;
  readonly #options: AggregateOptions;

  constructor(decisions: Decisions, parse: ParseOptions, options: AggregateOptions) {
    this.#decisions = decisions;
    this.#parse = parse;
    this.#options = options;
    const {table, encoding, provisional, cut, whole, decimal} = decisions;
    const {meta, columns} = table;
    this.#table = table;
    this.#delimiter = meta.delimiter.charCodeAt(0);
    this.#scanner = new RecordScanner(this.#delimiter);
    this.#encoding = encoding;
    this.#provisional = provisional;
    this.#cut = cut;
    this.#whole = whole;
    this.#decimalFinal = decimal !== null;
    if (decimal !== null) this.#decimal = decimal;
    this.#markers = markerTable(parse.markers);
    this.#fastNumbers = ![...this.#markers.keys()].some((k) => /^[\d.,]+$/.test(k));
    this.#r = columnIndex(columns, options.rows);
    this.#c = columnIndex(columns, options.columns);
    this.#v = options.value !== undefined ? columnIndex(columns, options.value) : -1;
    this.#C = this.#c === this.#r ? this.#R : new Interner();
    this.#width = columns.length;
    this.#dataLines = meta.rowLines;
    this.#headerLine = meta.headerLine;
    this.#headerRows = meta.headerRows;
    this.#skip = meta.bom ? 3 : 0;
    if (this.#v >= 0) {
      try {
        this.#acc0 = new CrossTabAccumulator(planCrossTab(columns, meta.types, (j) => table.rows.map((row) => row[j]!), crossTabOptions(options)));
      } catch {
        // The sample's column types do not fit the options: the raw groups will be counted at the end.
      }
    }
  }

  /** Takes a chunk: looks for NUL bytes past the sample, then reads its whole records. */
  push(chunk: Uint8Array): void {
    const offset = this.#base + this.#buf.length + this.#waitingBytes;
    if (!this.#whole && offset + chunk.length > this.#cut && (offset >= this.#cut ? chunk : chunk.subarray(this.#cut - offset)).indexOf(0) >= 0) this.#nulAfter = true;
    this.#waiting.push(chunk);
    this.#waitingBytes += chunk.length;
    // A record longer than what is buffered is read again only once the buffer has doubled (linear time).
    if (this.#buf.length - this.#pos + this.#waitingBytes > this.#needed) this.#read(false);
  }

  #read(eof: boolean): void {
    if (this.#unterminatedAt) return;
    let buf = this.#buf;
    let pos = this.#pos;
    if (this.#waiting.length) {
      if (pos === buf.length && this.#waiting.length === 1) {
        this.#base += buf.length;
        buf = this.#waiting[0]!;
      } else {
        const rest = buf.length - pos;
        const size = rest + this.#waitingBytes;
        let joined = this.#scratch[this.#turn]!;
        if (joined.length < size) joined = this.#scratch[this.#turn] = new Uint8Array(Math.max(size, 2 * joined.length));
        this.#turn ^= 1;
        joined = joined.subarray(0, size);
        joined.set(buf.subarray(pos));
        let at = rest;
        for (const w of this.#waiting) {
          joined.set(w, at);
          at += w.length;
        }
        this.#base += pos;
        buf = joined;
      }
      pos = 0;
      this.#waiting = [];
      this.#waitingBytes = 0;
    }
    if (this.#skip) {
      const k = Math.min(this.#skip, buf.length - pos);
      pos += k;
      this.#skip -= k;
    }
    const sc = this.#scanner;
    const len = buf.length;
    while (pos < len) {
      const next = sc.next(buf, pos, eof);
      if (next === INCOMPLETE) break;
      if (next === UNTERMINATED) {
        this.#unterminatedAt = sc.unterminatedAt;
        if (this.#provisional && !validUtf8(buf, pos, len)) this.#flip();
        pos = len;
        break;
      }
      this.#record(buf, pos);
      pos = next;
    }
    this.#buf = buf;
    this.#pos = pos;
    this.#needed = 2 * (len - pos);
  }

  #flip(): void {
    this.#provisional = false;
    this.#flipped = true;
    this.#encoding = 'windows-1252';
  }

  /** One record of the file: header, data row, or a record after the sample's last data row (maybe a note). */
  #record(buf: Uint8Array, at: number): void {
    const sc = this.#scanner;
    const line = sc.recordLine;
    if (this.#provisional && this.#base + at >= this.#cut) {
      // Past the sample's first records: is the file still valid UTF-8?
      for (let j = 0; j < sc.n; j++) {
        if (sc.flags[j]! & (HIGH | REST_HIGH) && !validUtf8(buf, sc.start[j]!, sc.end[j]!)) {
          this.#flip();
          break;
        }
      }
    }
    if (this.#dataAt < this.#dataLines.length) {
      if (line === this.#dataLines[this.#dataAt]) {
        this.#dataAt++;
        this.#row(sc, buf, line);
      } else if (line === this.#headerLine || this.#headerLeft > 0) {
        if (line === this.#headerLine) this.#headerLeft = this.#headerRows;
        this.#headerWidth = Math.max(this.#headerWidth, this.#effWidth(sc, buf));
        this.#headerLeft--;
      }
      return;
    }
    if (this.#whole) return;
    // Past the sample's data rows: a record with one filled cell, or starting like a note, may be a note under the
    // table; it is held until a plain data row follows (then it is data), or the file ends (then parseCsv decides).
    let first = -1;
    let filled = 0;
    for (let j = 0; j < sc.n && filled < 2; j++) {
      if (!this.#blank(sc, buf, j)) {
        if (first < 0) first = j;
        filled++;
      }
    }
    if (!filled) return;
    if (filled === 1 || noteLike(sc, buf, first)) {
      this.#pending.push({bytes: buf.slice(at, sc.end[sc.n - 1]!), line});
      return;
    }
    if (this.#pending.length) this.#flushPending(this.#pending.length);
    this.#row(sc, buf, line);
  }

  /** Counts the first `count` held records as data rows. */
  #flushPending(count: number): void {
    const held = this.#pending.splice(0, count);
    const sc = new RecordScanner(this.#delimiter);
    for (const {bytes, line} of held) {
      sc.next(bytes, 0, true);
      this.#row(sc, bytes, line);
    }
  }

  /** Whether field `j` reads as blank (`cell.trim() === ''`). */
  #blank(sc: RecordScanner, buf: Uint8Array, j: number): boolean {
    const f = sc.flags[j]!;
    const s = sc.start[j]!;
    const e = sc.end[j]!;
    if (f & QUOTED ? f & (TEXT | REST_TEXT) : !asciiBlank(buf, s, e)) return false;
    if (!(f & (HIGH | REST_HIGH))) return true;
    const bytes = buf.subarray(s, e);
    const blank = this.#text(bytes).trim() === '';
    if (this.#provisional && blank !== (this.#text(bytes, 'windows-1252').trim() === '')) this.#encodingSensitive = true;
    return blank;
  }

  #effWidth(sc: RecordScanner, buf: Uint8Array): number {
    let w = sc.n;
    while (w > 0 && this.#blank(sc, buf, w - 1)) w--;
    return w;
  }

  #text(bytes: Uint8Array, encoding: ByteEncoding = this.#encoding): string {
    return cellText(bytes, encoding, this.#utf8);
  }

  /** One data row: its width, the raw cells of `rows` and `columns`, its count. */
  #row(sc: RecordScanner, buf: Uint8Array, line: number): void {
    const w = this.#effWidth(sc, buf);
    if (w <= this.#headerWidth) this.#fit++;
    else {
      this.#over++;
      this.#wider.set(w, (this.#wider.get(w) ?? 0) + 1);
    }
    if (!this.#decimalFinal) this.#decimalCells(sc, buf);
    const idR = this.#intern(this.#R, sc, buf, this.#r);
    const idC = this.#c === this.#r ? idR : this.#intern(this.#C, sc, buf, this.#c);
    let pairsOfRow = this.#rowPairs[idR];
    if (!pairsOfRow) pairsOfRow = this.#rowPairs[idR] = [];
    let p = pairsOfRow[idC];
    if (p === undefined) {
      p = pairsOfRow[idC] = this.#pairs++;
      this.#pR.push(idR);
      this.#pC.push(idC);
      this.#pCount.push(0);
      this.#pSum.push(0);
      this.#pNulls.push(0);
      this.#pMarks.push(undefined);
      this.#pLines.push([]);
    }
    if (this.#pCount[p]!++ < 5) this.#pLines[p]!.push(line);
    if (this.#v < 0) return;
    const j = this.#v;
    const has = j < sc.n;
    if (this.#decimalFinal) this.#count(p, idR, idC, line, has ? buf : null, has ? sc.start[j]! : 0, has ? sc.end[j]! : 0, has ? sc.flags[j]! : 0);
    else this.#deferred.push({pair: p, idR, idC, line, value: has ? buf.slice(sc.start[j]!, sc.end[j]!) : null, flags: has ? sc.flags[j]! : 0});
  }

  /** Adds a row's count (the value cell `buf[s, e)`, or none) to its raw group, and to the running cross-tab. */
  #count(p: number, idR: number, idC: number, line: number, buf: Uint8Array | null, s: number, e: number, flags: number): void {
    const cell = buf ? this.#valueCell(buf, s, e, flags) : EMPTY_CELL;
    const n = cell.n;
    if (cell.kind === NUMBER) {
      this.#vNumbers++;
      if (n! % 1 !== 0) this.#vFractional++;
    } else if (cell.kind === CODE) this.#vCodes++;
    else if (cell.kind === TEXTUAL) this.#vTexts++;
    else if (cell.kind === OTHER) this.#vRefused++;
    else if (cell.mark && cell.mark.kind !== 'empty') this.#vMarked++;
    const sum = this.#pSum[p]!;
    this.#pSum[p] = sum === null || n === null ? null : sum + n;
    if (n === null) {
      this.#pNulls[p]!++;
      this.#pMarks[p] ??= cell.mark;
    }
    if (this.#acc0) this.#acc0.add(this.#provisionalKey(idR, false), this.#provisionalKey(idC, true), n, line, n === null ? cell.mark : undefined);
  }

  /** The key of a raw cell under the sample's column types and the encoding known so far. */
  #provisionalKey(id: number, columns: boolean): AxisKey {
    const keys = columns ? this.#provC : this.#provR;
    let key = keys[id];
    if (key === undefined) {
      const j = columns ? this.#c : this.#r;
      const value = this.#valueOf((columns ? this.#C : this.#R).bytes(id), this.#table.meta.types[j] === 'number', this.#encoding).value;
      key = keys[id] = this.#acc0!.keyOf(value, columns);
    }
    return key;
  }

  /** Counts the row's cells towards parseCsv's decimal guess (its first 100 000 cells, `width` per row). */
  #decimalCells(sc: RecordScanner, buf: Uint8Array): void {
    for (let j = 0; j < this.#width && this.#windowCells < DECIMAL_WINDOW; j++) {
      this.#windowCells++;
      if (j < sc.n && decimalLike(buf, sc.start[j]!, sc.end[j]!)) this.#candidates.push(buf.slice(sc.start[j]!, sc.end[j]!));
    }
    if (this.#windowCells >= DECIMAL_WINDOW) this.#settleDecimal();
  }

  /** Guesses the decimal separator as parseCsv does, then counts the rows that waited for it. */
  #settleDecimal(): void {
    const guess = (encoding: ByteEncoding) => guessDecimal(this.#candidates.map((b) => this.#text(b, encoding)));
    this.#decimal = guess(this.#encoding) ?? ',';
    if (this.#provisional && this.#candidates.some((b) => b.some((x) => x >= 128)) && guess('windows-1252') !== this.#decimal) this.#decimalEncodingSensitive = true;
    this.#decimalFinal = true;
    this.#candidates.length = 0;
    const deferred = this.#deferred;
    this.#deferred = [];
    for (const d of deferred) this.#count(d.pair, d.idR, d.idC, d.line, d.value, 0, d.value?.length ?? 0, d.flags);
  }

  #intern(interner: Interner, sc: RecordScanner, buf: Uint8Array, j: number): number {
    return j < sc.n ? interner.intern(buf, sc.start[j]!, sc.end[j]!) : interner.intern(buf, 0, 0);
  }

  /** A cell of the value column (`buf[s, e)`), as parseCsv reads a numeric column. */
  #valueCell(buf: Uint8Array, s: number, e: number, flags: number): NumberCell {
    if (this.#fastNumbers && !(flags & (HIGH | QUOTED)) && e > s) {
      const fast = fastNumber(buf, s, e, this.#decimal);
      if (fast !== NOT_FAST) return fast === IS_CODE ? CODE_CELL : {n: fast, kind: NUMBER};
    }
    const bytes = buf.subarray(s, e);
    const cell = this.#numberCell(this.#text(bytes));
    if (this.#provisional && flags & (HIGH | REST_HIGH)) {
      const other = this.#numberCell(this.#text(bytes, 'windows-1252'));
      if (!Object.is(other.n, cell.n) || other.kind !== cell.kind) this.#encodingSensitive = true;
    }
    return cell;
  }

  /** A cell as parseCsv reads it in a numeric column (`text`: the field with its quotes undone). */
  #numberCell(text: string): NumberCell {
    const cell = text.trim();
    if (!cell) return EMPTY_CELL;
    const marker = markerKind(this.#markers, cell);
    if (marker) return {n: null, kind: SKIP, mark: {kind: marker, raw: cell}};
    const shape = numberShape(cell, this.#decimal);
    if (shape.kind === 'number') return {n: shape.value, kind: NUMBER};
    return shape.kind === 'code' ? CODE_CELL : shape.kind === 'text' ? TEXT_CELL : OTHER_CELL;
  }

  /** The value of a raw cell in a numeric or a text column, and its kind for typing. */
  #valueOf(bytes: Uint8Array, numeric: boolean, encoding: ByteEncoding): {value: Value; kind: number} {
    const text = this.#text(bytes, encoding);
    const cell = this.#numberCell(text);
    if (numeric) return {value: cell.n, kind: cell.kind};
    const trimmed = text.trim();
    return {value: trimmed ? cleanLabel(trimmed) : null, kind: cell.kind};
  }

  /** Reads what is left, settles every end-of-file decision and returns the cross-tab. */
  end(): CrossTab {
    this.#read(true);
    let columns = this.#table.columns;
    if (this.#flipped) columns = this.#checkFlip();
    const {controls} = this.#decisions;
    if (this.#nulAfter && (this.#flipped && controls.cp1252 ? hasControls(decodeWindows1252(controls.cp1252)) : controls.text)) {
      throw new EpnDataError('NOT_TEXT', {detail: 'un fichier binaire', detailEn: 'a binary file'});
    }
    if (this.#unterminatedAt) throw new EpnDataError('UNTERMINATED_QUOTE', {line: this.#unterminatedAt});
    if (this.#pending.length) this.#flushPending(this.#dataPending());
    if (!this.#decimalFinal) this.#settleDecimal();
    if (this.#flipped && (this.#encodingSensitive || this.#decimalEncodingSensitive)) throw mixedEncodings();
    this.#checkWidth(columns.length);

    // Column types, as parseCsv decides them over the whole column.
    const types = [...this.#table.meta.types];
    const forced = typesOption(this.#parse.types);
    const typeOf = (j: number, numbers: number, texts: number, codes: number, refused: number, marked: number, fractional: number) =>
      columnType(this.#table.meta.header, columns, j, {numbers, texts, codes, refused, marked, fractional}, forced?.get(looseKey(columns[j]!)));
    /** The type of column `j` (`rows` or `columns`) from the kinds of its distinct raw cells, by occurrences. */
    const axisType = (j: number, interner: Interner, byPair: number[]) => {
      const occurrences = new Array<number>(interner.size).fill(0);
      for (let p = 0; p < this.#pairs; p++) occurrences[byPair[p]!]! += this.#pCount[p]!;
      // Kinds as above, a sixth count: skipped cells that are markers (not blank), a seventh: numbers with decimals.
      const k = [0, 0, 0, 0, 0, 0, 0];
      for (let id = 0; id < interner.size; id++) {
        const bytes = interner.bytes(id);
        const {kind, value} = this.#valueOf(bytes, true, this.#encoding);
        k[kind]! += occurrences[id]!;
        if (kind === SKIP && bytes.some((b) => b > 0x20)) k[5]! += occurrences[id]!;
        if (typeof value === 'number' && value % 1 !== 0) k[6]! += occurrences[id]!;
      }
      types[j] = typeOf(j, k[NUMBER]!, k[TEXTUAL]!, k[CODE]!, k[OTHER]!, k[5]!, k[6]!);
    };
    axisType(this.#r, this.#R, this.#pR);
    if (this.#c !== this.#r) axisType(this.#c, this.#C, this.#pC);
    if (this.#v >= 0) types[this.#v] = typeOf(this.#v, this.#vNumbers, this.#vTexts, this.#vCodes, this.#vRefused, this.#vMarked, this.#vFractional);

    // The distinct raw cells' values, in order of first appearance; then the plan and their keys.
    const values = (interner: Interner, j: number) => {
      const out: Value[] = [];
      for (let id = 0; id < interner.size; id++) out.push(this.#valueOf(interner.bytes(id), types[j] === 'number', this.#encoding).value);
      return out;
    };
    const valuesR = values(this.#R, this.#r);
    const valuesC = this.#c === this.#r ? valuesR : values(this.#C, this.#c);
    const plan = planCrossTab(columns, types, (j) => (j === this.#r ? valuesR : valuesC), crossTabOptions(this.#options));
    const acc = new CrossTabAccumulator(plan);
    const keysR = valuesR.map((x) => acc.keyOf(x, false));
    const keysC = valuesC.map((x) => acc.keyOf(x, true));
    const same = (keys: AxisKey[], prov: AxisKey[]) => keys.every((k, i) => k === prov[i]);
    if (this.#acc0 && same(keysR, this.#provR) && same(keysC, this.#provC)) {
      // Every raw cell has the key the sample gave it: the counts added in file order stand.
      return this.#acc0.finish(plan);
    }
    for (let p = 0; p < this.#pairs; p++) {
      const count = this.#pCount[p]!;
      acc.addGroup(keysR[this.#pR[p]!]!, keysC[this.#pC[p]!]!, this.#v >= 0 ? this.#pSum[p]! : count, count, this.#pNulls[p]!, this.#pLines[p]!, this.#pMarks[p]);
    }
    return acc.finish();
  }

  /**
   * How many held records are data rather than notes under the table: parseCsv decides, on a header, a plain data
   * row and the held records.
   */
  #dataPending(): number {
    const d = String.fromCharCode(this.#delimiter);
    const name = ['k', 'q', 'z'].find((x) => x !== d)!;
    const one = ['1', '2', '3'].find((x) => x !== d)!;
    const texts = this.#pending.map(({bytes}) => safeText(this.#encoding === 'utf-8' ? this.#utf8.decode(bytes) : decodeWindows1252(bytes)));
    const probe = parseCsv(`${name}${d}${name}\n${one}${d}${one}\n${texts.join('\n')}`, {delimiter: d, headerRows: 1});
    return probe.rows.length - 1;
  }

  /** The file is windows-1252 after all: parseCsv's decisions on its first records must be the same. */
  #checkFlip(): string[] {
    const before = this.#table;
    const {head, sniffed} = this.#decisions;
    if (!head.length) return before.columns;
    const after = parseCsv(head, {...this.#parse, delimiter: before.meta.delimiter, encoding: 'windows-1252'});
    const o = this.#options;
    const same =
      (!sniffed.length || sniffDelimiter(decodeWindows1252(sniffed)) === before.meta.delimiter) &&
      after.meta.headerRows === before.meta.headerRows &&
      after.meta.headerLine === before.meta.headerLine &&
      after.columns.length === before.columns.length &&
      after.meta.rowLines.length === before.meta.rowLines.length &&
      after.meta.rowLines.every((l, i) => l === before.meta.rowLines[i]) &&
      columnIndex(after.columns, o.rows) === this.#r &&
      columnIndex(after.columns, o.columns) === this.#c &&
      (o.value === undefined || columnIndex(after.columns, o.value) === this.#v);
    if (!same) throw mixedEncodings();
    return after.columns;
  }

  /** parseCsv's rule: the header's width, widened only when most data rows are wider. It must be the sample's. */
  #checkWidth(width: number): void {
    const final = tableWidth(this.#headerWidth, this.#fit, this.#over, this.#wider);
    if (final !== width) {
      throw new EpnDataError('UNEXPECTED_SHAPE', {
        detail: `la plupart des lignes ont ${final} cellules mais l'en-tête et les premières lignes en ont ${width} ; complétez l'en-tête`,
        detailEn: `most rows have ${final} cells but the header and the first rows have ${width}; complete the header`,
      });
    }
  }
}

const EMPTY_CELL: NumberCell = {n: null, kind: SKIP, mark: {kind: 'empty', raw: ''}};
const CODE_CELL: NumberCell = {n: null, kind: CODE};
const TEXT_CELL: NumberCell = {n: null, kind: TEXTUAL};
const OTHER_CELL: NumberCell = {n: null, kind: OTHER};

function mixedEncodings(): EpnDataError {
  return new EpnDataError('UNEXPECTED_SHAPE', {
    detail: `le fichier mêle deux encodages (UTF-8 puis Windows-1252) ; réenregistrez-le en UTF-8`,
    detailEn: `the file mixes two encodings (UTF-8, then Windows-1252); save it again as UTF-8`,
  });
}

/** Could field `j` start a note (`Source : …`, `(1) …`, `* …`)? A superset of parseCsv's test, on bytes. */
function noteLike(sc: RecordScanner, buf: Uint8Array, j: number): boolean {
  const e = sc.end[j]!;
  let k = sc.start[j]!;
  while (k < e && (buf[k] === 32 || buf[k] === 34 || (buf[k]! >= 9 && buf[k]! <= 13))) k++;
  if (k < e && (buf[k] === 40 || buf[k] === 42 || buf[k]! >= 128)) return true;
  for (; k < e; k++) if (buf[k] === 58) return true;
  return false;
}

/** Whether `buf[s, e)` holds a digit, a `.` or `,`, and a digit in a row: only such cells count in the decimal guess. */
function decimalLike(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s + 1; i < e - 1; i++) {
    const b = buf[i];
    if ((b === 44 || b === 46) && buf[i - 1]! >= 48 && buf[i - 1]! <= 57 && buf[i + 1]! >= 48 && buf[i + 1]! <= 57) return true;
  }
  return false;
}

/** Whether `buf[s, e)` is valid UTF-8 (as `TextDecoder` with `fatal` reads it). */
function validUtf8(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead byte; the second one's range is narrower after E0, ED, F0 and F4.
    const need = b < 0xc2 ? 0 : b < 0xe0 ? 1 : b < 0xf0 ? 2 : b < 0xf5 ? 3 : 0;
    if (!need || i + need >= e) return false;
    const c = buf[i + 1]!;
    if (c < (b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80) || c > (b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf)) return false;
    for (let k = 2; k <= need; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

/** The text of a raw field as parseCsv reads it: quotes undone, text after them kept unless it is white space. */
function cellText(bytes: Uint8Array, encoding: ByteEncoding, utf8: TextDecoder): string {
  const decode = (b: Uint8Array) => (encoding === 'utf-8' && b.some((x) => x >= 128) ? utf8.decode(b) : decodeWindows1252(b));
  if (bytes[0] !== 34) return decode(bytes);
  let i = 1;
  while (i < bytes.length) {
    if (bytes[i] === 34) {
      if (bytes[i + 1] === 34) i += 2;
      else break;
    } else i++;
  }
  const content = decode(bytes.subarray(1, i)).replace(/""/g, '"');
  const rest = decode(bytes.subarray(i + 1));
  return rest.trim() === '' ? content : content + rest;
}

const NOT_FAST = -1;
const IS_CODE = -2;

/**
 * The number in `buf[s, e)` when it is plain digits, with at most one `.` or `,` between digits, read exactly as
 * `numberShape` reads it; {@link IS_CODE} for digits with a leading zero (`01001`); {@link NOT_FAST} for anything
 * else (then the general reader decides).
 */
function fastNumber(buf: Uint8Array, s: number, e: number, decimal: DecimalSeparator): number {
  let sep = -1;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b >= 48 && b <= 57) continue;
    if ((b === 44 || b === 46) && sep < 0 && i > s && i < e - 1) {
      sep = i;
      continue;
    }
    return NOT_FAST;
  }
  if (sep < 0) {
    if (e - s > 1 && buf[s] === 48) return IS_CODE;
    if (e - s > 15) return NOT_FAST;
    let n = 0;
    for (let i = s; i < e; i++) n = n * 10 + (buf[i]! - 48);
    return n;
  }
  const int = latin1(buf, s, sep);
  const frac = latin1(buf, sep + 1, e);
  const thousands = decimal === ',' ? 46 : 44;
  if (buf[sep] === thousands && frac.length === 3 && int.length <= 3 && int !== '0') return Number(int + frac);
  return Number(int + '.' + frac);
}

function latin1(buf: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(buf[i]!);
  return out;
}

/** Whether the first 65 536 characters hold control characters: then parseCsv refuses a file with a NUL anywhere. */
function hasControls(text: string): boolean {
  try {
    assertText(text.slice(0, TEXT_WINDOW) + '\u0000');
    return false;
  } catch {
    return true;
  }
}

/** Text for a probe of parseCsv: control characters that would make it refuse the text, replaced by alike ones. */
function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000e-\u001f]/g, '\ue000').replace(/\u000b/g, '\u1680');
}
