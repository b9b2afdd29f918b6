/**
 * Where the widgets' worker is: `epn-worker.js` beside this file, in `dist/` of the npm package as beside the
 * all-in-one `epn-widgets.js` (both are at the root of `dist/`). Bundlers that understand `new URL(…, import.meta.url)`
 * (Vite, webpack 5, Parcel) copy it. @internal
 */
export const workerUrl = (): URL => new URL('./epn-worker.js', import.meta.url);
