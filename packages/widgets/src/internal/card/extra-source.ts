import type {EpnDataError, Table} from '@epn/stats';
import type {ReactiveControllerHost} from 'lit';
import {SourceController, type SourceHost} from '../source.js';

/** What an element needs to load a second file (a population table, a breakdown) beside its `src`. */
export interface ExtraSourceHost extends ReactiveControllerHost, HTMLElement {
  refresh: number | null;
  readonly hasFigures: boolean;
}

/** Where the second file's outcomes go: functions, called without `this` (arrow functions). */
export interface ExtraSourceHandlers {
  /** `refresh`: the table replaces one whose figures are on screen. */
  table(table: Table, refresh: boolean): void;
  error(error: EpnDataError, stale: boolean): void;
  progress(fraction: number | null): void;
}

/**
 * Loads a second CSV file for an element, with the same guarantees as its `src` (the foundation's
 * {@link SourceController}: aborts the previous load when the address changes, a late old response never arrives,
 * aborts on removal, refreshes with the element's `refresh`, never reports an abort). The file is sniffed on its own:
 * the element's `delimiter` and `encoding` apply to `src` only.
 */
export class ExtraSource {
  private readonly controller: SourceController;

  constructor(host: ExtraSourceHost, src: () => string | null, handlers: ExtraSourceHandlers) {
    // A view of the host in which `src` is the second file's address and `data` never replaces it.
    const view = {
      get src() {
        return src();
      },
      readOptions: () => ({}),
      get refresh() {
        return host.refresh;
      },
      data: null,
      get hasFigures() {
        return host.hasFigures;
      },
      get isConnected() {
        return host.isConnected;
      },
      acceptData: handlers.table,
      acceptError: handlers.error,
      acceptProgress: handlers.progress,
      addController: (c: Parameters<ReactiveControllerHost['addController']>[0]) => host.addController(c),
      removeController: (c: Parameters<ReactiveControllerHost['removeController']>[0]) => host.removeController(c),
      requestUpdate: () => host.requestUpdate(),
      get updateComplete() {
        return host.updateComplete;
      },
    };
    this.controller = new SourceController(view as unknown as SourceHost);
  }

  /** Starts a load if the address changed since the last one. */
  sync(): void {
    this.controller.sync();
  }

  /** Reloads now, as a refresh. */
  reload(): Promise<void> {
    return this.controller.reload();
  }
}
