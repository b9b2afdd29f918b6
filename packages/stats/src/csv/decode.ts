import {badOption, EpnDataError} from '../errors.js';

/** The text encodings the core reads. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh';

/** What {@link decodeBytes} found. */
export interface Decoded {
  /** The decoded text, without its byte-order mark. */
  text: string;
  /** The encoding used: the BOM's, the forced one, or the detected one. */
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
  // The platform's decoder (fast), then 0x80–0x9F set right where it left C1 controls (Node 20); browsers' are right
  // already, and the table leaves the five undefined slots as they are.
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}

/**
 * Decodes Mac Roman bytes (WHATWG `macintosh`: old Mac Excel exports) with the platform's decoder, which has the
 * WHATWG index in browsers and in Node (checked byte by byte for all 256: test/stats/decode.test.ts). @internal
 */
export function decodeMacRoman(bytes: Uint8Array): string {
  return new TextDecoder('macintosh').decode(bytes);
}

/**
 * Whether bytes that are not UTF-8 read as French in Mac Roman rather than windows-1252: the bytes of é, è, à, ç, ê,
 * ô, î, û, ù, É, â and the no-break space of each are counted; Mac Roman wins when its letters are clearly more
 * frequent (several of them are undefined or rare in windows-1252: 0x8D, 0x8F, 0x90, 0x9D, Ž). @internal
 */
export function looksMacRoman(bytes: Uint8Array): boolean {
  let mac = 0;
  let win = 0;
  for (let i = 0, n = Math.min(bytes.length, 262144); i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (
      b === 0x8e ||
      b === 0x8f ||
      b === 0x88 ||
      b === 0x8d ||
      b === 0x90 ||
      b === 0x99 ||
      b === 0x94 ||
      b === 0x9e ||
      b === 0x9d ||
      b === 0x83 ||
      b === 0x89 ||
      b === 0xca
    )
      mac++;
    else if (
      b === 0xe9 ||
      b === 0xe8 ||
      b === 0xe0 ||
      b === 0xe7 ||
      b === 0xea ||
      b === 0xf4 ||
      b === 0xee ||
      b === 0xfb ||
      b === 0xf9 ||
      b === 0xc9 ||
      b === 0xe2 ||
      b === 0xa0
    )
      win++;
  }
  return mac >= 3 && mac > 2 * win;
}

/** The string of `n` UTF-16 code units, `code(j)` for j = 0 … n − 1 (in chunks: `apply` has an argument limit). */
function fromCodes(n: number, code: (j: number) => number): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    const end = Math.min(n, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) codes[j - i] = code(j);
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

/** Detects the byte-order mark, if any. @internal */
export function sniffBom(bytes: Uint8Array): {encoding: Encoding; length: number} | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {encoding: 'utf-8', length: 3};
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {encoding: 'utf-16le', length: 2};
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {encoding: 'utf-16be', length: 2};
  return null;
}

/** What a binary file looks like, in French (`fr`, for the message) and English (`en`). @internal */
export interface BinaryKind {
  fr: string;
  en: string;
}

/** Recognises binary formats that are often published in place of a CSV. @internal */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  const b = (i: number) => bytes[i];
  if (b(0) === 0x50 && b(1) === 0x4b && (b(2) === 0x03 || b(2) === 0x05 || b(2) === 0x07)) {
    return {fr: 'une archive ZIP ou un classeur Excel .xlsx/.ods', en: 'a ZIP archive or an Excel .xlsx/.ods workbook'};
  }
  if (b(0) === 0xd0 && b(1) === 0xcf && b(2) === 0x11 && b(3) === 0xe0)
    return {fr: 'un classeur Excel .xls', en: 'an Excel .xls workbook'};
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46)
    return {fr: 'un document PDF', en: 'a PDF document'};
  if (b(0) === 0x1f && b(1) === 0x8b) return {fr: 'un fichier compressé gzip', en: 'a gzip-compressed file'};
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return {fr: 'une image PNG', en: 'a PNG image'};
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return {fr: 'une image JPEG', en: 'a JPEG image'};
  return null;
}

const BINARY: BinaryKind = {fr: 'un fichier binaire', en: 'a binary file'};

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return fromCodes(bytes.length >> 1, (j) => {
    const p = 2 * j;
    return littleEndian ? bytes[p]! | (bytes[p + 1]! << 8) : (bytes[p]! << 8) | bytes[p + 1]!;
  });
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
 * Decodes CSV bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); otherwise strict UTF-8, and windows-1252 (or Mac
 * Roman, `macintosh`, when its French letters are clearly more frequent: old Mac exports) when the
 * bytes are not valid UTF-8 (what `latin1` and `iso-8859-1` mean on the web). An `encoding` forces the choice for
 * bytes without a BOM; a BOM always wins and is never part of the text (as in the WHATWG Encoding Standard: `ï»¿`
 * or `ÿþ` never begin a real file). Any `ArrayBuffer` view (`Uint8Array`, `DataView`, Node `Buffer`…) is read as
 * its bytes. Binary files (ZIP/XLSX, XLS, PDF, gzip, images, NUL-filled) throw `NOT_TEXT`; an unknown `encoding`
 * throws `BAD_OPTION`.
 *
 * @example
 * ```ts
 * decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).text; // 'café' (windows-1252)
 * ```
 */
export function decodeBytes(
  input: Uint8Array | ArrayBuffer | ArrayBufferView,
  encoding?: Encoding | string | null,
): Decoded {
  const forced = normaliseEncoding(encoding);
  const bytes = toBytes(input);
  const bin = sniffBinary(bytes);
  if (bin) throw new EpnDataError('NOT_TEXT', {detail: bin.fr, detailEn: bin.en});
  const bom = sniffBom(bytes);
  let enc = bom?.encoding ?? forced ?? sniffUtf16NoBom(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  let text: string | undefined;
  if (!enc || enc === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(body);
      enc = 'utf-8';
    } catch {
      // Forced UTF-8 (or a UTF-8 BOM) on invalid bytes: replace rather than guess, so the declared choice wins.
      if (enc) text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(body);
      else enc = looksMacRoman(body) ? 'macintosh' : 'windows-1252';
    }
  }
  text ??=
    enc === 'windows-1252'
      ? decodeWindows1252(body)
      : enc === 'macintosh'
        ? decodeMacRoman(body)
        : decodeUtf16(body, enc === 'utf-16le');
  assertText(text);
  return {text, encoding: enc ?? 'utf-8', bom: !!bom};
}

/** The bytes of any binary input, without copying. @internal */
export function toBytes(input: Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(input);
}

/** Throws `NOT_TEXT` when decoded text is in fact binary (NUL bytes, or many control characters). @internal */
export function assertText(text: string): void {
  if (hasBinaryControls(text)) throw new EpnDataError('NOT_TEXT', {detail: BINARY.fr, detailEn: BINARY.en});
}

/** Maps the usual labels (`latin1`, `iso-8859-1`, `cp1252`, `utf8`…) to an {@link Encoding}. @internal */
export function normaliseEncoding(label: unknown): Encoding | undefined {
  if (label === undefined || label === null || label === '') return undefined;
  if (typeof label !== 'string') {
    throw badOption(
      `encodage ${String(label)} (un nom d'encodage est attendu : utf-8, windows-1252, macintosh, utf-16le ou utf-16be)`,
      `encoding ${String(label)} (an encoding name is expected: utf-8, windows-1252, macintosh, utf-16le or utf-16be)`,
    );
  }
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (l === 'utf-16le' || l === 'utf-16' || l === 'unicode') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (/^(windows-1252|cp1252|latin-?1|iso-8859-1|iso8859-1|l1|ansi|us-ascii|ascii)$/.test(l)) return 'windows-1252';
  if (/^(macintosh|mac|mac-?roman|x-mac-roman|csmacintosh)$/.test(l)) return 'macintosh';
  throw badOption(
    `encodage « ${label} » inconnu (utf-8, windows-1252, macintosh, utf-16le ou utf-16be)`,
    `unknown encoding "${label}" (utf-8, windows-1252, macintosh, utf-16le or utf-16be)`,
  );
}

/** NUL and other C0 controls (other than tab, CR, LF, FF) in more than 1 % of the first 64 K characters. */
function hasBinaryControls(text: string): boolean {
  // One native scan of the window (no control at all in nearly every file), then a count.
  const bad = text.slice(0, 65536).match(/[\0-\x08\x0b\x0e-\x1f]/g)?.length ?? 0;
  return bad > 0 && (bad > Math.min(text.length, 65536) / 100 || text.includes('\0'));
}
