// Byte-level readings of single cells for aggregateCsv's scanner: each gives the answer parseCsv gives on the text.
import {assertText, decodeWindows1252} from './decode.js';
import type {DecimalSeparator} from './number.js';
import {RecordScanner} from './records.js';
import type {ByteEncoding} from './aggregate-sample.js';
import {TEXT_WINDOW} from './aggregate-options.js';

/** Could field `j` start a note (`Source : …`, `(1) …`, `* …`)? A superset of parseCsv's test, on bytes. */
export function noteLike(sc: RecordScanner, buf: Uint8Array, j: number): boolean {
  const e = sc.end[j]!;
  let k = sc.start[j]!;
  while (k < e && (buf[k] === 32 || buf[k] === 34 || (buf[k]! >= 9 && buf[k]! <= 13))) k++;
  if (k < e && (buf[k] === 40 || buf[k] === 42 || buf[k]! >= 128)) return true;
  for (; k < e; k++) if (buf[k] === 58) return true;
  return false;
}

/** Whether `buf[s, e)` holds a digit, a `.` or `,`, and a digit in a row: only such cells count in the decimal guess. */
export function decimalLike(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s + 1; i < e - 1; i++) {
    // `(b | 2) === 46`: b is 44 or 46, in one test (most bytes are not).
    if ((buf[i]! | 2) === 46 && buf[i - 1]! >= 48 && buf[i - 1]! <= 57 && buf[i + 1]! >= 48 && buf[i + 1]! <= 57)
      return true;
  }
  return false;
}

/** Whether `buf[s, e)` is valid UTF-8 (as `TextDecoder` with `fatal` reads it). */
export function validUtf8(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e;) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead byte; the second one's range is narrower after E0, ED, F0 and F4.
    const need = b < 0xc2 ? 0 : b < 0xe0 ? 1 : b < 0xf0 ? 2 : b < 0xf5 ? 3 : 0;
    if (!need || i + need >= e) return false;
    const c = buf[i + 1]!;
    if (c < (b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80) || c > (b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf))
      return false;
    for (let k = 2; k <= need; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

/** The text of a raw field `buf[s, e)` as parseCsv reads it: quotes undone, text after them kept unless it is white space. */
export function cellText(buf: Uint8Array, encoding: ByteEncoding, utf8: TextDecoder, s = 0, e = buf.length): string {
  if (buf[s] !== 34 || s >= e) return decodeCell(buf, s, e, encoding, utf8);
  let i = s + 1;
  while (i < e) {
    if (buf[i] === 34) {
      if (buf[i + 1] === 34 && i + 1 < e) i += 2;
      else break;
    } else i++;
  }
  const content = decodeCell(buf, s + 1, Math.min(i, e), encoding, utf8).replace(/""/g, '"');
  const rest = i + 1 < e ? decodeCell(buf, i + 1, e, encoding, utf8) : '';
  return rest.trim() === '' ? content : content + rest;
}

/**
 * `buf[s, e)` decoded. ASCII (nearly every cell) reads the same in both encodings: made from its bytes, without a
 * decoder's call.
 */
function decodeCell(buf: Uint8Array, s: number, e: number, encoding: ByteEncoding, utf8: TextDecoder): string {
  const codes: number[] = [];
  for (let i = s; i < e; i++) {
    if (buf[i]! >= 128 || i - s > 255) {
      const bytes = buf.subarray(s, e);
      return encoding === 'utf-8' ? utf8.decode(bytes) : decodeWindows1252(bytes);
    }
    codes.push(buf[i]!);
  }
  return String.fromCharCode.apply(null, codes);
}

export const NOT_FAST = -1;
export const IS_CODE = -2;

/**
 * The number in `buf[s, e)` when it is plain digits, with at most one `.` or `,` between digits, read exactly as
 * `numberShape` reads it; {@link IS_CODE} for digits with a leading zero (`01001`); {@link NOT_FAST} for anything
 * else and for more than 15 digits (then the general reader decides).
 */
export function fastNumber(buf: Uint8Array, s: number, e: number, decimal: DecimalSeparator): number {
  let sep = -1;
  for (let i = s; i < e; i++) {
    const b = buf[i]!;
    if (b >= 48 && b <= 57) continue;
    if ((b === 44 || b === 46) && sep < 0 && i > s && i < e - 1) {
      sep = i;
      continue;
    }
    return NOT_FAST;
  }
  if (sep < 0) {
    if (e - s > 1 && buf[s] === 48) return IS_CODE;
    if (e - s > 15) return NOT_FAST;
    let n = 0;
    for (let i = s; i < e; i++) n = n * 10 + (buf[i]! - 48);
    return n;
  }
  // A thousands separator (`1.234` with a decimal comma) before three digits, after one to three but a lone `0`.
  const grouped =
    buf[sep] === (decimal === ',' ? 46 : 44) && e - sep === 4 && sep - s <= 3 && !(sep - s === 1 && buf[s] === 48);
  if (e - s > 16) return NOT_FAST;
  // At most 15 digits: exact as an integer, and divided by an exact power of ten, rounded as Number reads the text.
  let n = 0;
  let ten = 1;
  for (let i = s; i < e; i++) {
    if (i === sep) continue;
    n = n * 10 + (buf[i]! - 48);
    if (i > sep) ten *= 10;
  }
  return grouped ? n : n / ten;
}

/** Whether the first 65 536 characters hold control characters: then parseCsv refuses a file with a NUL anywhere. */
export function hasControls(text: string): boolean {
  try {
    assertText(text.slice(0, TEXT_WINDOW) + '\u0000');
    return false;
  } catch {
    return true;
  }
}

/** Text for a probe of parseCsv: control characters that would make it refuse the text, replaced by alike ones. */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000e-\u001f]/g, '\ue000').replace(/\u000b/g, '\u1680');
}
