import {EpnDataError} from '@epn/stats';

/**
 * One load per source: widgets of a page that read the same file (same URL, same way of reading it) share one fetch
 * and one parse, and refreshes that fall together (within {@link SHARE_WINDOW}) reload once for all of them.
 *
 * This is the only module-level state of the widgets: a map of loads in flight or just finished, keyed by source.
 * Entries go away when their load fails, when every widget waiting on them gave up, or {@link SHARE_WINDOW} after
 * they settled. The result is shared as is: consumers must not mutate it (the widgets build their own models).
 */
interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Widgets still waiting for the result. */
  waiting: number;
  /** Progress listeners of the waiting widgets. */
  listeners: Set<(fraction: number | null) => void>;
  /** Last progress reported, for late joiners. */
  last: number | null;
  /** When the load started (ms, performance clock). */
  started: number;
  settled: boolean;
  /** Whether it was started by a refresh (only those are joined by other refreshes). */
  refresh: boolean;
}

/** How long (ms) a finished load is reused, and how close two refreshes must be to share one reload. */
export const SHARE_WINDOW = 15_000;

const loads = new Map<string, Entry>();

/** Aborted, the way the core says it. */
const aborted = () => new EpnDataError('ABORTED');

/**
 * The result of `start` for `key`, shared with every other caller of the same key: joins a load in flight, reuses
 * one that succeeded less than {@link SHARE_WINDOW} ago, or starts one. A `refresh` joins only a load in flight
 * started less than {@link SHARE_WINDOW} ago, or, with `joinFinished` (a refresh timer's), another refresh of the
 * same file finished within that window: timers of widgets created together fire together and reload once, while
 * an explicit `reload()` always reaches the server.
 * `signal` cancels this caller's wait (rejecting with `ABORTED`); the load itself is aborted when nobody waits.
 */
export function sharedLoad<T>(
  key: string,
  start: (signal: AbortSignal, onProgress: (fraction: number | null) => void) => Promise<T>,
  options: {
    signal: AbortSignal;
    refresh?: boolean;
    joinFinished?: boolean;
    onProgress?: (fraction: number | null) => void;
  },
): Promise<T> {
  const {signal, refresh = false, joinFinished = false, onProgress} = options;
  if (signal.aborted) return Promise.reject(aborted());
  const now = performance.now();
  let entry = loads.get(key);
  const fresh = !!entry && now - entry.started < SHARE_WINDOW;
  const reusable =
    entry && (refresh ? fresh && (!entry.settled || (entry.refresh && joinFinished)) : !entry.settled || fresh);
  if (!entry || !reusable) {
    const controller = new AbortController();
    const created: Entry = {
      promise: Promise.resolve(),
      controller,
      waiting: 0,
      listeners: new Set(),
      last: null,
      started: now,
      settled: false,
      refresh,
    };
    const report = (fraction: number | null) => {
      created.last = fraction;
      for (const l of created.listeners) l(fraction);
    };
    created.promise = start(controller.signal, report).then(
      (value) => {
        created.settled = true;
        setTimeout(() => loads.get(key) === created && loads.delete(key), SHARE_WINDOW);
        return value;
      },
      (error: unknown) => {
        created.settled = true;
        if (loads.get(key) === created) loads.delete(key);
        throw error;
      },
    );
    // Nobody may be waiting when it fails (every caller aborted): that is not an unhandled rejection.
    created.promise.catch(() => undefined);
    loads.set(key, created);
    entry = created;
  }
  const joined = entry;
  if (onProgress && !joined.settled) {
    joined.listeners.add(onProgress);
    if (joined.last !== null) onProgress(joined.last);
  }
  joined.waiting++;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const leave = () => {
      if (done) return;
      done = true;
      joined.waiting--;
      if (onProgress) joined.listeners.delete(onProgress);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (done) return;
      leave();
      reject(aborted());
      if (joined.waiting === 0 && !joined.settled) {
        joined.controller.abort();
        if (loads.get(key) === joined) loads.delete(key);
      }
    };
    signal.addEventListener('abort', onAbort, {once: true});
    joined.promise.then(
      (value) => {
        if (done) return;
        leave();
        resolve(value as T);
      },
      (error: unknown) => {
        if (done) return;
        leave();
        reject(error);
      },
    );
  });
}

/** Forgets every shared load (for tests). @internal */
export function clearSharedLoads(): void {
  loads.clear();
}
