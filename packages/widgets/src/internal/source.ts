import {EpnDataError, loadCsv, type Table} from '@epn/stats';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {sharedLoad} from './shared-load.js';

/** What the host needs from a source controller. */
export interface SourceHost extends ReactiveControllerHost, HTMLElement {
  src: string | null;
  delimiter: string | null;
  encoding: string | null;
  refresh: number | null;
  /** Data given directly: when set, `src` is not loaded. */
  readonly data: unknown;
  /**
   * Called with each table loaded; `refresh` when it replaces figures on screen (a table that cannot be drawn is then
   * a failed refresh: the figures stay, marked stale).
   */
  acceptTable(table: Table, refresh: boolean): void;
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
 * Loads the host's `src`: aborts the previous load when `src` changes (a late old response never renders), aborts
 * when the element is removed (but not when it is moved: the abort waits a microtask), reloads every `refresh`
 * seconds (30 at least) while connected, and never reports an abort as an error.
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

  /** Starts a load if the source (or how to read it) changed since the last one. Call from `willUpdate`. */
  sync(): void {
    if (!this.host.isConnected) return;
    if (this.host.data) {
      this.cancel();
      this.loadedKey = null;
      this.stopTimer();
      return;
    }
    const key = this.key();
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      if (this.host.src) void this.load(false);
      else this.cancel();
    }
    this.startTimer();
  }

  /** Reloads now (as a refresh: on failure, figures already shown stay, marked stale). */
  reload(): Promise<void> {
    return this.load(true);
  }

  private key(): string | null {
    const {src, delimiter, encoding} = this.host;
    return src ? JSON.stringify([src, delimiter, encoding]) : null;
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
    const {delimiter, encoding} = this.host;
    try {
      // Widgets reading the same file the same way share one fetch and one parse (see shared-load.ts).
      const table = await sharedLoad(
        JSON.stringify([absolute(src), delimiter || '', encoding || '']),
        (signal, onProgress) =>
          loadCsv(src, {
            signal,
            // A refresh must reach the server (revalidating), not a heuristically fresh copy in the HTTP cache.
            fetch: (url, init) => fetch(url, {...init, cache: refresh ? 'no-cache' : 'default'}),
            delimiter: delimiter || undefined,
            encoding: encoding || undefined,
            onProgress: (p) => onProgress(p.fraction),
          }),
        {
          signal: controller.signal,
          refresh,
          joinFinished: timer,
          onProgress: (fraction) => {
            if (current() && (!refresh || !this.host.hasFigures)) this.host.acceptProgress(fraction);
          },
        },
      );
      if (!current()) return;
      this.controller = null;
      this.host.acceptTable(table, refresh && this.host.hasFigures);
    } catch (e) {
      if (!current()) return;
      this.controller = null;
      const error = e instanceof EpnDataError ? e : new EpnDataError('NETWORK', {url: src, cause: e});
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
    this.timer = setInterval(() => void this.load(true, true), Math.max(MIN_REFRESH, seconds) * 1000);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.timerKey = null;
  }
}
