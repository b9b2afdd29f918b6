// aggregateCsv's first half: the input buffer and the decisions taken on the file's beginning (encoding, delimiter,
// header, column names), before the counting (aggregate-count.ts) takes every chunk.
import {EpnDataError} from '../errors.js';
import type {Table} from '../table.js';
import {type CrossTab, crossTab} from '../stats/cross-tab.js';
import {decodeBytes, normaliseEncoding, sniffBinary} from './decode.js';
import type {DecimalSeparator} from './number.js';
import {parseCsv, type ParseOptions} from './parse.js';
import {RecordScanner} from './records.js';
import {sniffDelimiter} from './scan.js';
import type {AggregateOptions} from './aggregate.js';
import {crossTabOptions, parseOptions, SNIFF_WINDOW, TEXT_WINDOW} from './aggregate-options.js';
import {Counter} from './aggregate-count.js';
import {hasControls} from './byte-cells.js';

/** Text encodings the byte scanner reads (ASCII-compatible). */
export type ByteEncoding = 'utf-8' | 'windows-1252';

/** What the sample decided, for the {@link Counter}. */
export interface Decisions {
  /** parseCsv's table of the first records (header, column names, data rows and their lines, column types). */
  table: Table;
  /** Those first records' bytes (up to `cut`), and the first 256 Ki characters' (to check a late windows-1252). */
  head: Uint8Array;
  sniffed: Uint8Array;
  cut: number;
  /** The whole file is in `table`: every decision is final. */
  whole: boolean;
  encoding: ByteEncoding;
  /** UTF-8 is the sample's reading, not yet known for the whole file; its first `valid` bytes were decoded so. */
  provisional: boolean;
  valid?: number;
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
export class Aggregator {
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
      // A text has at least as many bytes as characters: no need to look before the windows can be complete, and
      // an eighth more bytes than the window's characters spares most accented UTF-8 texts a first decoding still
      // too short. Looking again each time the sample grows by a quarter keeps the work linear.
      const window = (this.#parse.delimiter == null ? SNIFF_WINDOW : TEXT_WINDOW) * 1.125;
      this.#nextCheck = Math.max(Math.ceil(this.#used * 1.25), window);
      if (this.#used >= window) this.#settle();
    }
  }

  end(): CrossTab {
    if (this.#mode !== 'count') {
      // The whole file is in the sample (kept whole, or it ended before the decisions): parseCsv's are final.
      const bytes = this.#sample.subarray(0, this.#used);
      const table = parseCsv(bytes, this.#parse);
      const {encoding, decimal} = table.meta;
      // Its count is crossTab's on that table (the contract): taken directly, unless the tests ask for the counter
      // from an internal, undocumented size on (a symbol-keyed option, so that they check one path against the other),
      // which reads UTF-8 and windows-1252 only.
      const counterFrom = (this.#options as unknown as {[key: symbol]: number | undefined})[Symbol.for('epn.direct')];
      if (
        this.#mode === 'whole' ||
        counterFrom === undefined ||
        bytes.length < counterFrom ||
        (encoding !== 'utf-8' && encoding !== 'windows-1252')
      )
        return crossTab(table, crossTabOptions(this.#options));
      const none = new Uint8Array(0);
      this.#start({
        table,
        head: none,
        sniffed: none,
        cut: bytes.length,
        whole: true,
        provisional: false,
        decimal,
        encoding: encoding as ByteEncoding,
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
      if (e instanceof EpnDataError && e.code === 'NOT_TEXT' && !sniffBinary(bytes) && end < 4 * TEXT_WINDOW + 4)
        return;
      throw e;
    }
    const {text, encoding, bom} = decoded;
    if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'macintosh') {
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
    const parse: ParseOptions = {
      ...this.#parse,
      delimiter,
      encoding: forced ?? (encoding === 'windows-1252' ? 'windows-1252' : undefined),
    };
    let table: Table | null;
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
        if (!(e instanceof EpnDataError && (e.code === 'EMPTY' || e.code === 'NO_DATA' || e.code === 'NOT_TEXT')))
          throw e;
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
    // UTF-8 decoded (no BOM) into as many characters as bytes: all ASCII.
    const highBytes = provisional && text.length !== end;
    this.#start({
      table,
      head: highBytes ? bytes.slice(0, cut) : new Uint8Array(0),
      sniffed:
        highBytes && forcedDelimiter === null
          ? bytes.slice(skip, Math.min(end, skip + SNIFF_WINDOW))
          : new Uint8Array(0),
      cut,
      whole: false,
      encoding: encoding === 'windows-1252' ? 'windows-1252' : 'utf-8',
      provisional,
      valid: end,
      controls: {
        text: hasControls(text),
        cp1252: provisional ? bytes.slice(skip, Math.min(end, skip + TEXT_WINDOW)) : null,
      },
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
