/**
 * The page's `fetch` for a load: a refresh must reach the server (revalidating), not a heuristically fresh copy in
 * the HTTP cache. Used by whole-table loads, the worker and its main-thread fallback alike.
 */
export const fetchFor =
  (refresh: boolean) =>
  (url: string, init: RequestInit): Promise<Response> =>
    fetch(url, {...init, cache: refresh ? 'no-cache' : 'default'});
