import {badOption, EpnDataError} from '../errors.js';
import type {Table} from '../table.js';
import {parseCsv, type ParseOptions} from './parse.js';

/** The part of `AbortSignal` the core uses (a real `AbortSignal` fits). */
export interface SignalLike {
  /** Whether the signal has fired. */
  readonly aborted: boolean;
  /** Why it fired. */
  readonly reason?: unknown;
  /** Listens for `abort`. */
  addEventListener(type: 'abort', listener: () => void, options?: {once?: boolean}): void;
  /** Stops listening for `abort`. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The part of a fetch `Response` the core uses (a real `Response` fits). */
export interface ResponseLike {
  /** Whether the status is 2xx. */
  readonly ok: boolean;
  /** HTTP status. */
  readonly status: number;
  /** Final URL, after redirects. */
  readonly url?: string;
  /** Response headers (`content-length`, `content-encoding`, `content-type` are read). */
  readonly headers: {
    /** The value of the header `name` (case-insensitive), or `null` when the response has none. */
    get(name: string): string | null;
  };
  /** The body as a stream of bytes, when the platform has one. */
  readonly body?: {
    /** A reader of the body's chunks (locks the stream). */
    getReader(): {
      /** The next chunk: `{done: false, value}` with its bytes, or `{done: true}` once the body has ended. */
      read(): Promise<{done: boolean; value?: Uint8Array}>;
      /** Stops the download (after a failure: timeout, abort, size limit); `reason` says why. */
      cancel(reason?: unknown): Promise<void>;
    };
  } | null;
  /** The whole body, used when there is no stream. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A `fetch` function (the platform's fits); injected so that the core stays pure and testable. `init.signal` is a
 * real `AbortSignal` at run time; it is typed loosely so that the platform's `fetch` type-checks here.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- a pair, not a next-line comment: Prettier wraps the line */
export type FetchLike = (
  url: string,
  init: {signal?: any; credentials?: 'omit' | 'same-origin' | 'include'},
) => Promise<ResponseLike>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Download progress: `fraction` is `null` while the size is unknown, and never above 1. */
export interface Progress {
  /** Bytes received so far. */
  loaded: number;
  /** Bytes expected, when the server announced an uncompressed length. */
  total: number | null;
  /** `loaded / total` within [0, 1], `null` while the size is unknown. */
  fraction: number | null;
}

/** Options of {@link loadCsv} (and of {@link fetchBytes}); parsing options pass through to {@link parseCsv}. */
export interface LoadOptions extends ParseOptions {
  /** Cancels the load: the promise rejects with code `ABORTED`. */
  signal?: SignalLike;
  /** The fetch to use; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Called as bytes arrive. */
  onProgress?: (progress: Progress) => void;
  /** Largest body accepted, in bytes (default 50 MiB): refused before reading when the size is announced. */
  maxBytes?: number;
  /** Longest whole load, in ms (default 60 000). */
  timeout?: number;
  /** Longest wait between two chunks of the body, in ms (default 20 000). */
  idleTimeout?: number;
  /** Base for relative URLs; defaults to the page's address in a browser. */
  base?: string;
}

/** The bytes of a response and what is known about them. */
export interface Fetched {
  /** The body's bytes. */
  bytes: Uint8Array;
  /** The URL fetched (resolved). */
  url: string;
  /** The `Content-Type` header, for information only (the encoding is detected from the bytes). */
  contentType: string | null;
}

/**
 * Resolves `url` against `base` (default: the page's address in a browser) and accepts only `http:` and `https:`
 * (relative URLs included); anything else (`javascript:`, `file:`, `data:`, `blob:`), an empty or unparsable
 * address, or a relative one with no base throws `BAD_URL` before any request.
 *
 * @example
 * ```ts
 * checkUrl('data/inscrits.csv', 'https://example.fr/epn/'); // 'https://example.fr/epn/data/inscrits.csv'
 * ```
 */
export function checkUrl(url: string, base?: string): string {
  if (typeof url !== 'string' || !url.trim()) throw new EpnDataError('BAD_URL', {url: String(url ?? '')});
  const page = base ?? (globalThis as {location?: {href?: string}}).location?.href;
  let resolved: URL;
  try {
    resolved = page ? new URL(url.trim(), page) : new URL(url.trim());
  } catch {
    throw new EpnDataError('BAD_URL', {url});
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') throw new EpnDataError('BAD_URL', {url});
  return resolved.href;
}

/** Largest delay `setTimeout` honours (about 24.8 days); longer ones would fire at once. */
const MAX_DELAY = 2147483647;

/**
 * How often (ms) the timeouts' watch looks at the clock, at most (and at least ten times per limit): a freeze is
 * measured from the first look it delays, so at most this much of it is counted as waiting.
 */
const WATCH = 1000;
/** Lateness of a timer (ms) that is scheduling noise rather than a page busy elsewhere. */
const JITTER = 15;

const now = (): number => (globalThis as {performance?: {now(): number}}).performance?.now() ?? Date.now();

/**
 * The timeouts of one download, counted only while waiting for the network: time during which the page's main
 * thread was busy (another widget parsing a large file, a frozen tab) is not counted, since bytes that arrived
 * meanwhile could not be read. A timer that fires late measures that time; the watch looks every {@link WATCH} ms
 * at most (a tenth of the shorter limit when that is less), and confirms an expiry after one more turn of the event loop (a chunk already arrived, waiting behind the
 * timer, resets the wait between chunks). `fire` is called once, with the limit that ran out.
 */
function watchTimeouts(
  timeout: number,
  idleTimeout: number,
  fire: (limit: number) => void,
): {chunk(): void; stop(): void} {
  let frozen = 0;
  const start = now();
  const waited = () => now() - start - frozen;
  let chunkAt: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let confirming = false;
  const every = Math.min(WATCH, timeout / 10, idleTimeout / 10);
  const schedule = (delay: number) => {
    const due = now() + delay;
    timer = setTimeout(() => {
      frozen += Math.max(0, now() - due - JITTER);
      check();
    }, delay);
  };
  const check = () => {
    const w = waited();
    const total = timeout - w;
    const idle = chunkAt === null ? Infinity : idleTimeout - (w - chunkAt);
    if (total <= 0 || idle <= 0) {
      if (confirming) return fire(total <= 0 ? timeout : idleTimeout);
      confirming = true;
      return schedule(0);
    }
    confirming = false;
    schedule(Math.min(total, idle, every));
  };
  if (timeout <= MAX_DELAY || idleTimeout <= MAX_DELAY) schedule(Math.min(timeout, every));
  return {
    // The wait between chunks starts (or starts again): at the response, then at each chunk.
    chunk: () => void (chunkAt = idleTimeout <= MAX_DELAY ? waited() : null),
    stop: () => void (timer !== null && clearTimeout(timer)),
  };
}

/** A positive limit (`Infinity` allowed), or the default; anything else is a `BAD_OPTION`. */
function limitOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw badOption(`${name} « ${String(value)} » (un nombre positif)`);
  }
  return value;
}

/**
 * Fetches a URL's bytes as a stream, with progress, cancellation, timeouts and a size limit; failures become
 * {@link EpnDataError}s: `BAD_URL` (no request made), `HTTP_STATUS`, `NETWORK`, `TIMEOUT` (the whole load, or the
 * wait for the next chunk), `TRUNCATED` (a body shorter than its `Content-Length`, or a stream that fails midway),
 * `TOO_LARGE` (refused before reading when `Content-Length` says so, else as soon as the count passes `maxBytes`),
 * `ABORTED`, `BAD_OPTION`. Timeouts and `signal` settle the promise even when `fetch` or the body ignores the abort.
 *
 * Progress: `loaded` grows, `fraction` never decreases and never passes 1 (it is `null` while the size is unknown,
 * and for a compressed response, whose `Content-Length` counts compressed bytes); the last report has `fraction: 1`.
 *
 * @example
 * ```ts
 * const fetch = async () => new Response('a;b\n1;2');
 * (await fetchBytes('https://example.fr/a.csv', {fetch, maxBytes: 1e6})).bytes.byteLength; // 7
 * ```
 */
export async function fetchBytes(url: string, options: LoadOptions = {}): Promise<Fetched> {
  // When the length is announced, the chunks are copied as they arrive into one buffer of that length: no task joins
  // a large body at the end (40 MB: about 20 ms on a desktop), and memory holds it once. Otherwise (or past the
  // announced length), they are joined at the end.
  const chunks: Uint8Array[] = [];
  let out: Uint8Array | null = null;
  let at = 0;
  const read = await readBody(url, options, (chunk, expected) => {
    if (
      !chunks.length &&
      expected !== null &&
      (at > 0 || chunk.byteLength < expected) &&
      at + chunk.byteLength <= expected
    ) {
      (out ??= new Uint8Array(expected)).set(chunk, at);
      at += chunk.byteLength;
      return;
    }
    if (out) chunks.push(out.subarray(0, at));
    out = null;
    chunks.push(chunk);
  });
  if (out) chunks.push((out as Uint8Array).subarray(0, at));
  return {bytes: concat(chunks, read.bytes), url: read.url, contentType: read.contentType};
}

/** What {@link readBody} read. @internal */
export interface BodyRead {
  /** The URL fetched (resolved), or '' for a body given as a response. */
  url: string;
  /** The `Content-Type` header. */
  contentType: string | null;
  /** How many bytes were read. */
  bytes: number;
}

/**
 * The loop of {@link fetchBytes}, handing each chunk to `onChunk` as it arrives instead of keeping it: same
 * checks, errors, progress, timeouts and cancellation. `source` is a URL to fetch, or a response already at hand (a
 * stream wrapped as one: no URL check, no fetch). `onChunk` is also given the announced length of the body (`null`
 * when unknown or compressed). An error thrown by `onChunk` stops the read, cancels the body and
 * rejects with that error. @internal
 */
export async function readBody(
  source: string | {response: ResponseLike},
  options: LoadOptions,
  onChunk: (bytes: Uint8Array, expected: number | null) => void,
): Promise<BodyRead> {
  const given = typeof source === 'string' ? null : source.response;
  const url = typeof source === 'string' ? source : undefined;
  const href = given ? '' : checkUrl(url!, options.base);
  const doFetch = given ? async () => given : (options.fetch ?? (globalThis as {fetch?: FetchLike}).fetch);
  if (!doFetch) throw new EpnDataError('NETWORK', {url, detail: 'fetch indisponible'});
  const maxBytes = limitOption('maxBytes', options.maxBytes, 50 * 1048576);
  const timeout = limitOption('timeout', options.timeout, 60000);
  const idleTimeout = limitOption('idleTimeout', options.idleTimeout, 20000);
  const outer = options.signal;
  if (outer?.aborted) throw new EpnDataError('ABORTED', {url});

  const controller = new AbortController();
  let failure: EpnDataError | null = null;
  let fail: (error: EpnDataError) => void = () => undefined;
  // Settles with the first failure (timeout, abort), so that no await outlives it even if fetch ignores the signal.
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const guard = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, failed]);
  const stop = (error: EpnDataError) => {
    if (failure) return;
    failure = error;
    fail(error);
    controller.abort(error);
  };
  const onAbort = () => stop(new EpnDataError('ABORTED', {url}));
  outer?.addEventListener('abort', onAbort, {once: true});
  const watch = watchTimeouts(timeout, idleTimeout, (limit) => stop(new EpnDataError('TIMEOUT', {url, limit})));
  const armIdle = () => watch.chunk();
  let response: ResponseLike | null = null;
  let reader: ReturnType<NonNullable<ResponseLike['body']>['getReader']> | null = null;
  let ok = false;
  try {
    try {
      response = await guard(
        new Promise<ResponseLike>((resolve) =>
          resolve(doFetch(href, {signal: controller.signal, credentials: 'same-origin'})),
        ),
      );
    } catch (cause) {
      throw failure ?? new EpnDataError('NETWORK', {url, cause});
    }
    if (failure) throw failure;
    if (!response.ok) throw new EpnDataError('HTTP_STATUS', {url, status: response.status});
    const header = response.headers.get('content-length');
    const announced = header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) : null;
    const encoding = response.headers.get('content-encoding');
    const encoded = !!encoding && encoding.trim().toLowerCase() !== 'identity';
    // The announced length counts the bytes on the wire: with a content-encoding (gzip), not the bytes read here.
    const length = announced !== null && !encoded ? announced : null;
    if (length !== null && length > maxBytes) throw new EpnDataError('TOO_LARGE', {url, limit: maxBytes});
    const contentType = response.headers.get('content-type');
    let reported = 0;
    const report = (loaded: number, done: boolean) => {
      if (!options.onProgress) return;
      if (done) {
        options.onProgress({loaded, total: loaded, fraction: 1});
        return;
      }
      const known = length === null ? null : Math.max(length, loaded);
      const fraction = known === null ? null : known === 0 ? 0 : Math.max(reported, Math.min(loaded / known, 0.999));
      if (fraction !== null) reported = fraction;
      options.onProgress({loaded, total: known, fraction});
    };
    report(0, false);
    if (!response.body) {
      let buffer: ArrayBuffer;
      try {
        buffer = await guard(response.arrayBuffer());
      } catch (cause) {
        throw failure ?? new EpnDataError('TRUNCATED', {url, cause});
      }
      if (failure) throw failure;
      if (buffer.byteLength > maxBytes) throw new EpnDataError('TOO_LARGE', {url, limit: maxBytes});
      if (length !== null && buffer.byteLength < length) throw new EpnDataError('TRUNCATED', {url});
      if (buffer.byteLength) onChunk(new Uint8Array(buffer), length);
      report(buffer.byteLength, true);
      ok = true;
      return {bytes: buffer.byteLength, url: href, contentType};
    }
    reader = response.body.getReader();
    let loaded = 0;
    armIdle();
    for (;;) {
      let step: {done: boolean; value?: Uint8Array};
      try {
        step = await guard(reader.read());
      } catch (cause) {
        throw failure ?? new EpnDataError('TRUNCATED', {url, cause});
      }
      if (failure) throw failure;
      armIdle();
      if (step.done) break;
      if (!step.value) continue;
      loaded += step.value.byteLength;
      if (loaded > maxBytes) throw new EpnDataError('TOO_LARGE', {url, limit: maxBytes});
      onChunk(step.value, length);
      report(loaded, false);
    }
    if (length !== null && loaded < length) throw new EpnDataError('TRUNCATED', {url});
    report(loaded, true);
    ok = true;
    return {bytes: loaded, url: href, contentType};
  } finally {
    watch.stop();
    outer?.removeEventListener('abort', onAbort);
    if (!ok) {
      // Release the connection: abort the request, and cancel the body (read or not) without reading it.
      if (!failure) controller.abort();
      const body = reader ?? (response?.body ? safely(() => response!.body!.getReader()) : null);
      body?.cancel(failure ?? undefined).catch(() => undefined);
    }
  }
}

function safely<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/**
 * Loads a CSV file: {@link fetchBytes}, then {@link parseCsv} on the bytes (the encoding is detected from the
 * bytes, never from a charset header, which often lies). `meta.url` (the resolved address) and `meta.bytes` say
 * what was read. Rejects with the {@link EpnDataError}s of both, and with `ABORTED` if `signal` is aborted before the
 * table is returned; a partial body is never parsed.
 *
 * @example
 * ```ts
 * const fetch = async () => new Response('a;b\n1;2');
 * (await loadCsv('https://example.fr/a.csv', {fetch})).rows; // [[1, 2]]
 * ```
 */
export async function loadCsv(url: string, options: LoadOptions = {}): Promise<Table> {
  const fetched = await fetchBytes(url, options);
  if (options.signal?.aborted) throw new EpnDataError('ABORTED', {url});
  const table = parseCsv(fetched.bytes, options);
  table.meta.url = fetched.url;
  table.meta.bytes = fetched.bytes.byteLength;
  return table;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
