/** The decimal separator of a file or column. */
export type DecimalSeparator = ',' | '.';

const SPACES = /[\u0020\u00a0\u202f\u2009\u2007]/;
const MINUS = /^[-\u2212\u2013+]/;

/** What a raw cell looks like to the number reader. @internal */
export type NumberShape =
  /** a number; `value` holds it */
  | {kind: 'number'; value: number; percent: boolean}
  /** looks like a number but is refused: `1e5`, `0x10`, `Infinity`, `NaN`, `1,2,3` */
  | {kind: 'invalid'}
  /** an identifier-like code: `01001`, `2A004`, `2B` */
  | {kind: 'code'}
  /** anything else */
  | {kind: 'text'};

const REFUSED = /^[-+\u2212]?(inf(inity)?|nan|\d+(?:[.,]\d+)?e[-+]?\d+|0x[0-9a-f]+|0b[01]+|0o[0-7]+|\d+_\d+)$/i;

/**
 * Reads a number written the French way or the English way. Accepts a decimal comma (`12,5`), thousands separated by
 * a space, U+00A0, U+202F or U+2009 (`1 234`), dotted thousands with a decimal comma (`1.234,5`), a U+2212 minus
 * (`−12,5`), a trailing `%` or `€`. Returns `null` for anything else, including `1e5`, `0x10`, `Infinity`, `NaN`,
 * the empty string (never 0) and identifier codes (`01001`, `2A004`: a leading zero or a letter makes a code).
 *
 * `decimal` names the decimal separator and settles the ambiguous `1,234` and `1.234`: with `','` (the default,
 * French first) `1,234` is 1.234 and `1.234` is 1234; with `'.'` it is the reverse. The other separator is read as
 * a decimal one when it is not followed by exactly three digits (`95.57` is 95.57 either way).
 *
 * @example
 * ```ts
 * parseNumber('1 234,5'); // 1234.5
 * parseNumber('−12,5 %'); // -12.5
 * parseNumber('1e5');     // null
 * ```
 */
export function parseNumber(raw: string, decimal: DecimalSeparator = ','): number | null {
  const shape = numberShape(raw, decimal);
  return shape.kind === 'number' ? shape.value : null;
}

/** Classifies a raw cell (see {@link NumberShape}). @internal */
export function numberShape(raw: string, decimal: DecimalSeparator = ','): NumberShape {
  let s = raw.trim();
  if (!s) return {kind: 'text'};
  if (REFUSED.test(s.replace(SPACES, ''))) return {kind: 'invalid'};
  if (/^0\d+$/.test(s) || /^\d+[A-Za-z]+\d*$/.test(s) || /^[A-Za-z]{1,2}\d{2,}$/.test(s)) return {kind: 'code'};
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  } else if (s.endsWith('€')) {
    s = s.slice(0, -1).trimEnd();
  }
  let sign = 1;
  const m = MINUS.exec(s);
  if (m) {
    if (m[0] !== '+') sign = -1;
    s = s.slice(1).trimStart();
  }
  if (!s || !/^[\d.,\u0020\u00a0\u202f\u2009\u2007]+$/.test(s) || !/\d/.test(s)) {
    // Digits and separators only, but badly grouped (`1,2,3`, `12 34`): a broken number, not a label.
    return /^[-+\u2212]?[\d\s.,\u00a0\u202f\u2009]+\s*[%€]?$/.test(raw.trim()) && /\d/.test(raw) ? {kind: 'invalid'} : {kind: 'text'};
  }
  const value = readDigits(s, decimal);
  if (value === null) return {kind: 'invalid'};
  const v = sign * value;
  return {kind: 'number', value: v === 0 ? 0 : v, percent};
}

function readDigits(s: string, decimal: DecimalSeparator): number | null {
  const thousands = decimal === ',' ? '.' : ',';
  // Space-grouped thousands: 1 234 567,5
  if (SPACES.test(s)) {
    const m = /^(\d{1,3}(?:[\u0020\u00a0\u202f\u2009\u2007]\d{3})+)(?:[.,](\d+))?$/.exec(s);
    if (!m) return null;
    const sep = s.charAt(m[1]!.length);
    if (m[2] !== undefined && sep !== decimal && sep !== ',' && sep !== '.') return null;
    return Number(m[1]!.replace(/\D/g, '') + (m[2] !== undefined ? '.' + m[2] : ''));
  }
  // Plain digits with an optional decimal part, either separator when there is only one of them.
  let m = /^(\d*)([.,])?(\d*)$/.exec(s);
  if (m && (m[1] || m[3])) {
    if (!m[2]) return Number(m[1]);
    if (!m[3] || !m[1]) {
      // "12," or ",5": accept as decimals only with the decimal separator.
      return m[2] === decimal || m[2] === ',' ? Number((m[1] || '0') + '.' + (m[3] || '0')) : null;
    }
    // One separator: it is the decimal one unless it is the thousands separator followed by exactly 3 digits.
    if (m[2] === thousands && m[3].length === 3 && m[1].length <= 3 && m[1] !== '0') return Number(m[1] + m[3]);
    return Number(m[1] + '.' + m[3]);
  }
  // Grouped thousands with the other separator: 1.234.567,5 or 1,234,567.5
  m = /^(\d{1,3}(?:([.,])\d{3})+)(?:([.,])(\d+))?$/.exec(s);
  if (m && (m[3] === undefined || m[3] !== m[2])) {
    if (m[3] === undefined && m[2] === decimal) return null; // 1,234,567 with decimal comma: not a number
    return Number(m[1]!.replace(/\D/g, '') + (m[4] !== undefined ? '.' + m[4] : ''));
  }
  return null;
}

/**
 * Guesses a file's decimal separator from raw cells: `,` unless the cells show dot decimals (`95.57`, `1,234.5`)
 * more often than comma decimals (`12,5`, `1.234,5`). Only cells that are wholly a number count (not `lot 1 234.5`).
 * @internal
 */
export function guessDecimal(cells: Iterable<string>): DecimalSeparator {
  let comma = 0;
  let dot = 0;
  for (const raw of cells) {
    const s = raw.trim();
    if (s.length > 40 || !/\d[.,]\d/.test(s) || !NUMBER_LIKE.test(s)) continue;
    if (/^[-+\u2212]?\d{1,3}(\.\d{3})+,\d+/.test(s) || /^[-+\u2212]?\d+,(\d{1,2}|\d{4,})\s*%?$/.test(s) || /\d[\s\u00a0\u202f\u2009]\d{3},\d/.test(s)) comma++;
    else if (/^[-+\u2212]?\d{1,3}(,\d{3})+\.\d+/.test(s) || /^[-+\u2212]?\d+\.(\d{1,2}|\d{4,})\s*%?$/.test(s) || /\d[\s\u00a0\u202f\u2009]\d{3}\.\d/.test(s)) dot++;
  }
  return dot > comma ? '.' : ',';
}

/** A cell made of a sign, digits, separators and an optional `%` or `€`, nothing else. */
const NUMBER_LIKE = /^[-+\u2212]?[\d.,\u0020\u00a0\u202f\u2009\u2007]+[%€]?$/;
