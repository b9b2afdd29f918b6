import {EpnDataError} from '../errors.js';
import type {Table} from '../table.js';
import {parseCsv, type ParseOptions} from './parse.js';

/** The part of `AbortSignal` the core uses (a real `AbortSignal` fits). */
export interface SignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: {once?: boolean}): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The part of a fetch `Response` the core uses (a real `Response` fits). */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly url?: string;
  readonly headers: {get(name: string): string | null};
  readonly body?: {getReader(): {read(): Promise<{done: boolean; value?: Uint8Array}>; cancel(reason?: unknown): Promise<void>}} | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A `fetch` function (the platform's fits); injected so that the core stays pure and testable. `init.signal` is a
 * real `AbortSignal` at run time; it is typed loosely so that the platform's `fetch` type-checks here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FetchLike = (url: string, init: {signal?: any; credentials?: 'omit' | 'same-origin' | 'include'}) => Promise<ResponseLike>;

/** Download progress: `fraction` is `null` while the size is unknown, and never above 1. */
export interface Progress {
  loaded: number;
  total: number | null;
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
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
}

/**
 * Resolves `url` against `base` and accepts only `http:` and `https:` (relative URLs included); anything else
 * (`javascript:`, `file:`, `data:`) throws `BAD_URL` before any request.
 *
 * @example
 * ```ts
 * checkUrl('data/inscrits.csv', 'https://example.fr/epn/'); // 'https://example.fr/epn/data/inscrits.csv'
 * ```
 */
export function checkUrl(url: string, base?: string): string {
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

/**
 * Fetches a URL's bytes as a stream, with progress, cancellation, timeouts and a size limit; failures become
 * {@link EpnDataError}s: `BAD_URL`, `HTTP_STATUS`, `NETWORK`, `TIMEOUT`, `TRUNCATED`, `TOO_LARGE`, `ABORTED`.
 * Progress stays within [0, 1] when the announced length is the compressed one (gzip).
 *
 * @example
 * ```ts
 * const {bytes} = await fetchBytes('data/inscrits-sexe-age.csv', {maxBytes: 1e6});
 * ```
 */
export async function fetchBytes(url: string, options: LoadOptions = {}): Promise<Fetched> {
  const href = checkUrl(url, options.base);
  const doFetch = options.fetch ?? (globalThis as {fetch?: FetchLike}).fetch;
  if (!doFetch) throw new EpnDataError('NETWORK', {url, detail: 'fetch indisponible'});
  const maxBytes = options.maxBytes ?? 50 * 1048576;
  const timeout = options.timeout ?? 60000;
  const idleTimeout = options.idleTimeout ?? 20000;
  const outer = options.signal;
  if (outer?.aborted) throw new EpnDataError('ABORTED', {url});

  const controller = new AbortController();
  let failure: EpnDataError | null = null;
  const stop = (error: EpnDataError) => {
    if (!failure) failure = error;
    controller.abort(error);
  };
  const onAbort = () => stop(new EpnDataError('ABORTED', {url}));
  outer?.addEventListener('abort', onAbort, {once: true});
  const total = setTimeout(() => stop(new EpnDataError('TIMEOUT', {url, limit: timeout})), timeout);
  let idle: unknown = null;
  const armIdle = () => {
    if (idle !== null) clearTimeout(idle);
    idle = setTimeout(() => stop(new EpnDataError('TIMEOUT', {url, limit: idleTimeout})), idleTimeout);
  };
  try {
    let response: ResponseLike;
    try {
      response = await doFetch(href, {signal: controller.signal, credentials: 'same-origin'});
    } catch (cause) {
      throw failure ?? new EpnDataError('NETWORK', {url, cause});
    }
    if (failure) throw failure;
    if (!response.ok) throw new EpnDataError('HTTP_STATUS', {url, status: response.status});
    const announced = Number(response.headers.get('content-length'));
    const encoded = !!response.headers.get('content-encoding') && response.headers.get('content-encoding') !== 'identity';
    const length = Number.isFinite(announced) && announced > 0 && response.headers.get('content-length') !== null ? announced : null;
    if (length !== null && !encoded && length > maxBytes) throw new EpnDataError('TOO_LARGE', {url, limit: maxBytes});
    const contentType = response.headers.get('content-type');
    const report = (loaded: number, done: boolean) => {
      if (!options.onProgress) return;
      const known = length !== null && loaded <= length ? length : null;
      const fraction = done ? 1 : known ? Math.min(loaded / known, 0.999) : null;
      options.onProgress({loaded, total: done ? loaded : known, fraction});
    };
    report(0, false);
    if (!response.body) {
      let buffer: ArrayBuffer;
      try {
        buffer = await response.arrayBuffer();
      } catch (cause) {
        throw failure ?? new EpnDataError('TRUNCATED', {url, cause});
      }
      if (failure) throw failure;
      if (buffer.byteLength > maxBytes) throw new EpnDataError('TOO_LARGE', {url, limit: maxBytes});
      report(buffer.byteLength, true);
      return {bytes: new Uint8Array(buffer), url: href, contentType};
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    armIdle();
    for (;;) {
      let step: {done: boolean; value?: Uint8Array};
      try {
        step = await reader.read();
      } catch (cause) {
        throw failure ?? new EpnDataError('TRUNCATED', {url, cause});
      }
      if (failure) throw failure;
      armIdle();
      if (step.done) break;
      if (!step.value) continue;
      loaded += step.value.byteLength;
      if (loaded > maxBytes) {
        reader.cancel().catch(() => undefined);
        throw new EpnDataError('TOO_LARGE', {url, limit: maxBytes});
      }
      chunks.push(step.value);
      report(loaded, false);
    }
    if (length !== null && !encoded && loaded < length) throw new EpnDataError('TRUNCATED', {url});
    report(loaded, true);
    return {bytes: concat(chunks, loaded), url: href, contentType};
  } finally {
    clearTimeout(total);
    if (idle !== null) clearTimeout(idle);
    outer?.removeEventListener('abort', onAbort);
  }
}

/**
 * Loads a CSV file: {@link fetchBytes}, then {@link parseCsv} on the bytes (the encoding is detected from the
 * bytes, never from a charset header, which often lies). `meta.url` and `meta.bytes` say what was read.
 *
 * @example
 * ```ts
 * const table = await loadCsv('data/inscrits-sexe-age.csv', {onProgress: (p) => console.log(p.fraction)});
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
