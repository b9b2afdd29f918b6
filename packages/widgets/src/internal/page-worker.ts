/**
 * The page's one worker (aggregate-source.ts): `undefined` until the first large source, `null` once it proved
 * unusable (CSP, cross-origin). Kept outside the chunk epn-large-files.js, so that `resetWorker` needs no load.
 */
export const page: {worker?: Worker | null} = {};

/** Forgets the worker (tests: to start again after faking a page that cannot run one). @internal */
export function resetWorker(next?: Worker | null): void {
  page.worker?.terminate();
  page.worker = next;
}
