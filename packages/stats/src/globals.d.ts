// The few platform globals the core uses, typed here because its tsconfig has no DOM library (so touching
// the DOM is a compile error). They exist in Node 20+ and in every current browser. Nothing here is emitted
// into the public .d.ts files: the public API only uses the structural types of `csv/load.ts`.
declare class TextDecoder {
  constructor(label?: string, options?: {fatal?: boolean; ignoreBOM?: boolean});
  readonly encoding: string;
  decode(input?: Uint8Array | ArrayBuffer, options?: {stream?: boolean}): string;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
}
declare class AbortController {
  readonly signal: import('./csv/load.js').SignalLike;
  abort(reason?: unknown): void;
}
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;

/** WHATWG `TextEncoder` (browsers, Node 20+): UTF-8 only. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
