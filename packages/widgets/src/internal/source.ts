import {EpnDataError, type CrossTab, type Table} from '@epn/stats';
import type {AggregateSpec} from './aggregate-source.js';
import {largeFiles} from './large-files.js';
import {need} from './lazy.js';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {loadTable} from './table-source.js';
import {sharedLoad} from './shared-load.js';
import {internalError} from './internal-error.js';
import type {ReadOptions} from './read-options.js';

/** What the host needs from a source controller. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  src: string | null;
  /** How to read the file (the attributes that override the core's guesses). */
  readOptions(): ReadOptions;
  refresh: number | null;
  /** Data given directly: when set, `src` is not loaded. */
  readonly data: unknown;
  /**
   * Called with each table loaded, or with the counts of an individual-level file (see `aggregateSpec`); `refresh`
   * when it replaces figures on screen (data that cannot be drawn is then a failed refresh: the figures stay, marked
   * stale).
   */
  acceptData(data: Table | CrossTab, refresh: boolean): void;
  /**
   * What to count when the source is an individual-level file (one row per person), or `null` to load the whole
   * table: such files are counted as they stream, off the main thread when possible, and never held.
   */
  aggregateSpec?(): AggregateSpec | null;
  /** Called when a load fails; `stale` when figures are already shown (a failed refresh). */
  acceptError(error: EpnDataError, stale: boolean): void;
  /** Called while loading, with a fraction in [0, 1] or null when the size is unknown. */
  acceptProgress(fraction: number | null): void;
  /** Whether figures are on screen (so that a failed refresh keeps them, marked stale). */
  readonly hasFigures: boolean;
}

/** `src` made absolute against the page, so that `a.csv` and `./a.csv` share a load. */
function absolute(src: string): string {
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return src;
  }
}

/** The shortest refresh period, in seconds. */
export const MIN_REFRESH = 30;
/**
 * The longest refresh period, in seconds (one day): a longer one (`refresh="2592000"`, 30 days) reloads once a day.
 * Timers overflow past 2³¹ ms (about 24,8 days) and would then fire at once, over and over.
 */
export const MAX_REFRESH = 86400;

/**
 * Loads the host's `src`: aborts the previous load when `src` changes (a late old response never renders), aborts
 * when the element is removed (but not when it is moved: the abort waits a microtask), reloads every `refresh`
 * seconds (30 at least, one day at most: see {@link MAX_REFRESH}) while connected, and never reports an abort as an error.
 */
export class SourceController implements ReactiveController {
  private controller: AbortController | null = null;
  private seq = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private loadedKey: string | null = null;
  private timerKey: string | null = null;

  constructor(private readonly host: SourceHost) {
    host.addController(this);
  }

  /** Whether a load is running. */
  get loading(): boolean {
    return this.controller !== null;
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.cancel();
      this.loadedKey = null;
      this.stopTimer();
    });
  }

  /**
   * Starts a load if the source (or how to read it) changed since the last one. Call from `willUpdate`. Returns
   * whether a load started.
   */
  sync(): boolean {
    if (!this.host.isConnected) return false;
    if (this.host.data) {
      this.cancel();
      this.loadedKey = null;
      this.stopTimer();
      return false;
    }
    const key = this.key();
    let started = false;
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      if (this.host.src) {
        void this.load(false);
        started = true;
      } else this.cancel();
    }
    this.startTimer();
    return started;
  }

  /** Reloads now (as a refresh: on failure, figures already shown stay, marked stale). */
  reload(): Promise<void> {
    return this.load(true);
  }

  private key(): string | null {
    const {src} = this.host;
    return src ? JSON.stringify([src, this.host.readOptions(), this.host.aggregateSpec?.() ?? null]) : null;
  }

  private cancel(): void {
    this.seq++;
    this.controller?.abort();
    this.controller = null;
  }

  private async load(refresh: boolean, timer = false): Promise<void> {
    const src = this.host.src;
    if (!src) return;
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    const seq = this.seq;
    const current = () => seq === this.seq && !controller.signal.aborted;
    if (!refresh || !this.host.hasFigures) this.host.acceptProgress(null);
    const read = this.host.readOptions();
    const spec = this.host.aggregateSpec?.() ?? null;
    const onProgress = (fraction: number | null) => {
      if (current() && (!refresh || !this.host.hasFigures)) this.host.acceptProgress(fraction);
    };
    try {
      // Widgets reading the same file the same way share one fetch and one parse (see shared-load.ts).
      const key = JSON.stringify([absolute(src), read, spec]);
      // An individual-level file is counted as it streams (see aggregate-source.ts, in the chunk epn-large-files.js
      // loaded then); any other is read whole, a large one parsed in the worker (see table-source.ts).
      const counting = spec;
      const input = await sharedLoad<Table | CrossTab>(
        key,
        (signal, report) =>
          counting
            ? need(largeFiles).then((m) =>
                m.aggregateSource(src, {...counting, ...read}, {signal, refresh, onProgress: report}),
              )
            : loadTable(src, read, {signal, refresh, onProgress: report}),
        {signal: controller.signal, refresh, joinFinished: timer, onProgress},
      );
      if (!current()) return;
      this.controller = null;
      const replaces = refresh && this.host.hasFigures;
      this.host.acceptData(input, replaces);
    } catch (e) {
      if (!current()) return;
      this.controller = null;
      // fetch's own failures are NETWORK errors already (the core wraps them): anything else is a bug of ours.
      const error = e instanceof EpnDataError ? e : internalError(e);
      if (error.code === 'ABORTED') return;
      this.host.acceptError(error, refresh && this.host.hasFigures);
    }
  }

  private startTimer(): void {
    const seconds = this.host.refresh;
    const key = `${this.host.src}|${seconds}`;
    if (key === this.timerKey && this.timer !== null) return;
    this.stopTimer();
    if (!seconds || !Number.isFinite(seconds) || seconds <= 0 || !this.host.src) return;
    this.timerKey = key;
    this.timer = setInterval(
      () => void this.load(true, true),
      Math.min(MAX_REFRESH, Math.max(MIN_REFRESH, seconds)) * 1000,
    );
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.timerKey = null;
  }
}
