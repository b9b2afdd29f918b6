import {EpnDataError} from '@epn/stats';

/**
 * Code a widget loads on first use: in the all-in-one file, a chunk beside it (`file`), fetched when the first widget
 * that needs it connects. `wait()` starts the load and returns its promise while it is pending, `null` once it is
 * settled; `m` is the module once loaded; `error` says, in French, which file is missing when it cannot be loaded.
 */
export interface Lazy<T> {
  wait(): Promise<unknown> | null;
  readonly m: T;
  readonly error: EpnDataError | null;
}

export function lazy<T>(load: () => Promise<T>, file: string): Lazy<T> {
  let m: T | undefined;
  let error: EpnDataError | null = null;
  let pending: Promise<unknown> | null = null;
  return {
    wait: () =>
      m !== undefined || error
        ? null
        : (pending ??= load().then(
            (mod) => void (m = mod),
            (cause) => {
              // The browser names the file it could not fetch ("… module: https://…/epn-cards.js"); else its name.
              const url = /\w+:\/\/\S+/.exec(String((cause as Error)?.message ?? ''))?.[0] ?? file;
              error = new EpnDataError('HTTP_STATUS', {status: 404, url, cause});
            },
          )),
    get m() {
      return m!;
    },
    get error() {
      return error;
    },
  };
}

/** The module of `code`, once loaded; rejects with its `error` (the missing file, in French) when it cannot be. */
export async function need<T>(code: Lazy<T>): Promise<T> {
  await code.wait();
  if (code.error) throw code.error;
  return code.m;
}
