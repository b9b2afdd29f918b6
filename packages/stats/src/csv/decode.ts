import {EpnDataError} from '../errors.js';

/** The text encodings the core reads. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What {@link decodeBytes} found. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Whether the bytes began with a byte-order mark (removed from `text`). */
  bom: boolean;
}

// windows-1252 0x80–0x9F. Node 20's TextDecoder maps these to C1 controls (a regression); browsers are right.
// Undefined slots (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their Latin-1 code point, as the WHATWG index does.
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes windows-1252 bytes identically in Node and browsers (a 32-entry table for 0x80–0x9F, Latin-1 elsewhere).
 * @example
 * ```ts
 * decodeWindows1252(new Uint8Array([0x80, 0xe9])); // '€é'
 * ```
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes[j - i] = b >= 0x80 && b <= 0x9f ? CP1252.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

/** Detects the byte-order mark, if any. @internal */
export function sniffBom(bytes: Uint8Array): {encoding: Encoding; length: number} | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: 'utf-8', length: 3};
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', length: 2};
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', length: 2};
  return null;
}

/** Recognises binary formats that are often published in place of a CSV. @internal */
export function sniffBinary(bytes: Uint8Array): string | null {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x50 && b(1) === 0x4b && (b(2) === 0x03 || b(2) === 0x05 || b(2) === 0x07)) return 'une archive ZIP ou un classeur Excel .xlsx/.ods';
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0) return 'un classeur Excel .xls';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'un document PDF';
  if (b(0) === 0x1f && b(1) === 0x8b) return 'un fichier compressé gzip';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'une image PNG';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'une image JPEG';
  return null;
}

function decodeUtf16(bytes: Uint8Array, offset: number, littleEndian: boolean): string {
  const n = (bytes.length - offset) >> 1;
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    const end = Math.min(n, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) {
      const p = offset + 2 * j;
      codes[j - i] = littleEndian ? bytes[p]! | (bytes[p + 1]! << 8) : (bytes[p]! << 8) | bytes[p + 1]!;
    }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

/** Heuristic for UTF-16 without a BOM: many NUL bytes at even or odd offsets. @internal */
function sniffUtf16NoBom(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.4 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.4 && oddNul < half * 0.05) return 'utf-16be';
  return null;
}

/**
 * Decodes CSV bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); otherwise strict UTF-8, and windows-1252 when the
 * bytes are not valid UTF-8 (what `latin1` and `iso-8859-1` mean on the web). An `encoding` forces the choice.
 * Binary files (ZIP/XLSX, XLS, PDF, images, NUL-filled) throw `NOT_TEXT`.
 *
 * @example
 * ```ts
 * decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text; // 'café' (windows-1252)
 * ```
 */
export function decodeBytes(input: Uint8Array | ArrayBuffer, encoding?: Encoding | string): Decoded {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const bin = sniffBinary(bytes);
  if (bin) throw new EpnDataError('NOT_TEXT', {detail: bin});
  const bom = sniffBom(bytes);
  let enc = normaliseEncoding(encoding) ?? bom?.encoding ?? sniffUtf16NoBom(bytes);
  const skip = bom && (!enc || enc === bom.encoding) ? bom.length : 0;
  let text: string;
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    text = decodeUtf16(bytes, skip, enc === 'utf-16le');
  } else if (enc === 'windows-1252') {
    text = decodeWindows1252(skip ? bytes.subarray(skip) : bytes);
  } else {
    try {
      text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(skip ? bytes.subarray(skip) : bytes);
      enc = 'utf-8';
    } catch {
      if (enc === 'utf-8') {
        // Forced UTF-8 on invalid bytes: replace rather than guess, so the caller's choice wins.
        text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(skip ? bytes.subarray(skip) : bytes);
      } else {
        text = decodeWindows1252(bytes);
        enc = 'windows-1252';
      }
    }
  }
  if (hasBinaryControls(text)) throw new EpnDataError('NOT_TEXT', {detail: 'un fichier binaire'});
  return {text, encoding: enc ?? 'utf-8', bom: !!bom};
}

/** Maps the usual labels (`latin1`, `iso-8859-1`, `cp1252`, `utf8`…) to an {@link Encoding}. @internal */
export function normaliseEncoding(label: string | undefined | null): Encoding | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (l === 'utf-16le' || l === 'utf-16' || l === 'unicode') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (/^(windows-1252|cp1252|latin-?1|iso-8859-1|iso8859-1|l1|ansi|us-ascii|ascii)$/.test(l)) return 'windows-1252';
  throw new EpnDataError('BAD_OPTION', {detail: `encodage « ${label} » inconnu (utf-8, windows-1252, utf-16le ou utf-16be)`});
}

/** NUL and other C0 controls (other than tab, CR, LF, FF) in more than 1 % of the first 64 K characters. */
function hasBinaryControls(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
  }
  return bad > 0 && (bad > n / 100 || text.indexOf('\u0000') !== -1);
}
