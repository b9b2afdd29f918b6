/** The decimal separator of a file or column. */
export type DecimalSeparator = ',' | '.';

/** What a raw cell looks like to the number reader. @internal */
export type NumberShape =
  /** a number; `value` holds it */
  | {kind: 'number'; value: number; percent: boolean}
  /** looks like a number but is refused: `1e5`, `0x10`, `Infinity`, `NaN`, `1,2,3`, `12s`, `1O0`, 400 digits */
  | {kind: 'invalid'}
  /** an identifier-like code: `01001`, `2A004`, `2B` */
  | {kind: 'code'}
  /** anything else */
  | {kind: 'text'};

// Every reading below is a single left-to-right pass over the cell's characters: no regular expression runs over a
// cell, so no cell can make the reading backtrack (a 100 000-character cell costs one pass).

const D0 = 48;
const D9 = 57;
const DOT = 46;
const COMMA = 44;

const isDigit = (c: number) => c >= D0 && c <= D9;
/** A thousands space: space, no-break space, narrow no-break space, thin space, figure space. */
const isGroupSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
const isMinus = (c: number) => c === 45 || c === 0x2212 || c === 0x2013;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);

/** Cells longer than this are never numbers nor codes (a number of 64 characters is already beyond precision). */
const MAX_NUMBER_LENGTH = 64;

/**
 * Reads a number written the French way or the English way. Accepts a decimal comma (`12,5`), thousands separated by
 * a space, U+00A0, U+202F or U+2009 (`1 234`), thousands grouped with the other separator (`1.234,5`, `1,234.5`), a
 * U+2212 minus (`−12,5`), a trailing `%` or `€`. Returns `null` for anything else, including `1e5`, `0x10`,
 * `Infinity`, `NaN`, a number too large to be finite, the empty string (never 0) and identifier codes (`01001`,
 * `2A004`: a leading zero or a letter makes a code).
 *
 * `decimal` names the decimal separator and settles the ambiguous `1,234` and `1.234`: with `','` (the default,
 * French first) `1,234` is 1.234 and `1.234` is 1234; with `'.'` it is the reverse. The other separator is read as
 * a decimal one when it is not followed by exactly three digits (`95.57` is 95.57 either way). A number holding both
 * separators takes the last one as its decimal separator when the groups before it are regular (`1,234.5` and
 * `1.234,5` are 1234.5 whatever `decimal` says); `1,23.4` is refused.
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

const TEXT: NumberShape = {kind: 'text'};
const INVALID: NumberShape = {kind: 'invalid'};
const CODE: NumberShape = {kind: 'code'};

/** Classifies a raw cell (see {@link NumberShape}). @internal */
export function numberShape(raw: string, decimal: DecimalSeparator = ','): NumberShape {
  let a = 0;
  let b = raw.length;
  while (a < b && isBlank(raw.charCodeAt(a))) a++;
  while (b > a && isBlank(raw.charCodeAt(b - 1))) b--;
  if (a === b) return TEXT;
  if (b - a > MAX_NUMBER_LENGTH) return longCell(raw, a, b);
  const first = raw.charCodeAt(a);
  // Codes: digits with a leading zero (`01001`), Corsica's `2A`/`2B004`, letters then digits (`FR10`, `ZE2020`).
  // A leading zero followed by a digit: `01001`, `04 70 48 16 53`, `01.23.45.67.89` (no number is written so).
  if (first === D0 && b - a > 1 && isDigit(raw.charCodeAt(a + 1)))
    return allDigits(raw, a, b) || phoneLike(raw, a, b) ? CODE : INVALID;
  if (isCode(raw, a, b)) return CODE;
  // Text starting with a letter (most labels) is text, but for `NaN` and `Inf`, `Infinity`.
  if (isLetter(first)) {
    const l = b - a;
    return (l === 3 || l === 8) && /^(nan|inf|infinity)$/i.test(raw.slice(a, b)) ? INVALID : TEXT;
  }
  let percent = false;
  let end = b;
  const last = raw.charCodeAt(end - 1);
  if (last === 37 || last === 0x20ac) {
    percent = last === 37;
    end--;
    while (end > a && isBlank(raw.charCodeAt(end - 1))) end--;
  }
  let i = a;
  let sign = 1;
  const c0 = raw.charCodeAt(i);
  if (isMinus(c0) || c0 === 43) {
    if (c0 !== 43) sign = -1;
    i++;
    while (i < end && isBlank(raw.charCodeAt(i))) i++;
  }
  const value = readDigits(raw, i, end, decimal);
  if (value === null || value === undefined) return value === undefined ? refusedOrText(raw, a, b) : INVALID;
  const v = sign * value;
  if (!Number.isFinite(v)) return INVALID;
  return {kind: 'number', value: v === 0 ? 0 : v, percent};
}

/** Space-like characters trimmed around a cell (what `String.prototype.trim` removes, for the common ones). */
function isBlank(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x202f ||
    c === 0x2009 ||
    c === 0x2007 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a)
  );
}

/** Digits in groups of two separated by one space, dot or dash: a telephone number (`04 70 48 16 53`). */
function phoneLike(s: string, a: number, b: number): boolean {
  let run = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) run++;
    else if ((c === 32 || c === DOT || c === 45 || c === 0xa0) && run === 2) run = 0;
    else return false;
  }
  return run === 2;
}

function allDigits(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** `2A`, `2B004` (one or two digits, then A or B, then digits) or `FR10` (one or two capitals, then two digits or more). */
function isCode(s: string, a: number, b: number): boolean {
  let i = a;
  while (i < b && isDigit(s.charCodeAt(i))) i++;
  if (i > a) {
    if (i - a > 2 || i >= b) return false;
    const c = s.charCodeAt(i);
    return (c === 65 || c === 66) && allDigits(s, i + 1, b);
  }
  while (i < b && isUpper(s.charCodeAt(i))) i++;
  return i > a && i - a <= 2 && b - i >= 2 && allDigits(s, i, b);
}

/**
 * The body of a number, `s[i, end)`: digits and separators. Returns the value, `null` when it is made of digits and
 * separators but badly grouped (`1,2,3`, `12 34`), `undefined` when it holds anything else.
 */
function readDigits(s: string, i: number, end: number, decimal: DecimalSeparator): number | null | undefined {
  // One pass: the runs of digits and the separator before each (0 for none).
  const runs: number[] = [];
  const seps: number[] = [];
  let sep = 0;
  let start = -1;
  let digits = 0;
  for (let k = i; k < end; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) {
      if (start < 0) start = k;
      digits++;
      continue;
    }
    const space = isGroupSpace(c);
    if (!space && c !== DOT && c !== COMMA) return undefined;
    if (start >= 0) {
      runs.push(k - start);
      seps.push(sep);
      start = -1;
    } else if (sep !== 0 || k > i) return null; // two separators in a row
    sep = space ? 32 : c;
  }
  if (start >= 0) {
    runs.push(end - start);
    seps.push(sep);
  } else if (sep !== 0) {
    // A trailing separator: `12,` (decimal only).
    if (runs.length !== 1 || sep === 32) return null;
    return sep === COMMA || sep === decimal.charCodeAt(0) ? Number(digitsOf(s, i, end)) : null;
  }
  if (!digits) return undefined;
  const n = runs.length;
  if (seps[0] !== 0) {
    // A leading separator: `,5` or `.5`.
    if (n !== 1 || seps[0] === 32) return null;
    return seps[0] === COMMA || seps[0] === decimal.charCodeAt(0) ? Number('0.' + digitsOf(s, i, end)) : null;
  }
  if (n === 1) return Number(digitsOf(s, i, end));
  // The decimal separator, if any, is the last one when it differs from the one before it, or when it is the only
  // one and not a thousands separator followed by three digits.
  const lastSep = seps[n - 1]!;
  let groupsEnd = n; // runs [0, groupsEnd) are thousands groups
  let decimalAt = -1;
  if (lastSep !== 32) {
    const before = n > 2 ? seps[n - 2]! : 0;
    if (n === 2) {
      const thousands = decimal === ',' ? DOT : COMMA;
      const groupLike =
        lastSep === thousands && runs[1] === 3 && runs[0]! <= 3 && !(runs[0] === 1 && s.charCodeAt(i) === D0);
      if (!groupLike) decimalAt = 1;
    } else if (before !== lastSep) decimalAt = n - 1;
    else if (lastSep === decimal.charCodeAt(0)) return null; // `1,234,567` with a decimal comma
  }
  if (decimalAt >= 0) groupsEnd = decimalAt;
  // Thousands groups: the first of one to three digits, the others of three, all with one separator kind.
  if (groupsEnd > 1) {
    if (runs[0]! > 3) return null;
    const g = seps[1]!;
    for (let k = 1; k < groupsEnd; k++) if (runs[k] !== 3 || seps[k] !== g) return null;
    if (decimalAt >= 0 && g === lastSep) return null;
  }
  let text = '';
  let run = 0;
  for (let k = i; k < end; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) text += s[k];
    else if (++run === decimalAt) text += '.';
  }
  return Number(text);
}

function digitsOf(s: string, a: number, b: number): string {
  let out = '';
  for (let k = a; k < b; k++) if (isDigit(s.charCodeAt(k))) out += s[k];
  return out;
}

/**
 * A cell that is not a number: refused (`1e5`, `0x10`, `NaN`, `Infinity`, `12s`, `1O0`: a broken number, which a
 * numeric column records as `INVALID_NUMBER`) or text.
 */
function refusedOrText(s: string, a: number, b: number): NumberShape {
  let i = a;
  const c0 = s.charCodeAt(i);
  if (isMinus(c0) || c0 === 43) i++;
  if ((b - i === 3 || b - i === 8) && /^(nan|inf|infinity)$/i.test(s.slice(i, b))) return INVALID;
  // Mostly digits: an exponent (`1e5`), a radix prefix (`0x10`), `1_000`, a typo (`12s`, `1O0`, `4,5 5`).
  let digits = 0;
  let others = 0;
  let letters = 0;
  for (let k = i; k < b; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) digits++;
    else if (isLetter(c)) letters++;
    else if (c === DOT || c === COMMA || isGroupSpace(c) || c === 95 || ((c === 37 || c === 0x20ac) && k === b - 1))
      continue;
    else others++;
  }
  return digits > 0 && others === 0 && letters <= 2 && letters <= digits ? INVALID : TEXT;
}

/** A cell over {@link MAX_NUMBER_LENGTH} characters: a very long run of digits is a broken number, anything else text. */
function longCell(s: string, a: number, b: number): NumberShape {
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (!isDigit(c) && c !== DOT && c !== COMMA && !isGroupSpace(c) && !isMinus(c) && c !== 43) return TEXT;
  }
  return INVALID;
}

/**
 * What a cell says about the decimal separator: nothing (not a number, or an integer); a decimal comma for sure
 * (`12,5`, `1.234,5`, `1 234,56`, `1234,567`, or dotted thousands `1.234.567`); a decimal dot for sure; `1,234`
 * (a decimal comma, or a comma grouping thousands); `1.234` or `373.000` (a decimal dot, or a dot grouping
 * thousands). @internal
 */
export const Evidence = {None: 0, Comma: 1, Dot: 2, AmbiguousComma: 3, AmbiguousDot: 4} as const;
/** @internal */
export type Evidence = (typeof Evidence)[keyof typeof Evidence];

/**
 * What a raw cell says about the file's decimal separator (see {@link Evidence}). A single separator followed by
 * exactly three digits after one to three digits (not `0`) is ambiguous; any other reading settles it. @internal
 */
export function decimalEvidence(raw: string): Evidence {
  let a = 0;
  let b = raw.length;
  while (a < b && isBlank(raw.charCodeAt(a))) a++;
  while (b > a && isBlank(raw.charCodeAt(b - 1))) b--;
  if (b - a < 3 || b - a > MAX_NUMBER_LENGTH) return Evidence.None;
  const last = raw.charCodeAt(b - 1);
  if (last === 37 || last === 0x20ac) {
    b--;
    while (b > a && isBlank(raw.charCodeAt(b - 1))) b--;
  }
  const c0 = raw.charCodeAt(a);
  if (isMinus(c0) || c0 === 43) a++;
  // Runs and separators, as readDigits sees them.
  let lastSep = 0;
  let lastSepAt = -1;
  let sepCount = 0;
  let sameAsLast = 0;
  let spaces = 0;
  let firstRun = -1;
  let run = 0;
  let prevSep = 0;
  for (let k = a; k < b; k++) {
    const c = raw.charCodeAt(k);
    if (isDigit(c)) {
      run++;
      continue;
    }
    if (c !== DOT && c !== COMMA) {
      if (isGroupSpace(c)) {
        spaces++;
        if (firstRun < 0) firstRun = run;
        run = 0;
        continue;
      }
      return Evidence.None;
    }
    if (run === 0) return Evidence.None;
    if (firstRun < 0) firstRun = run;
    prevSep = lastSep;
    if (c === lastSep) sameAsLast++;
    lastSep = c;
    lastSepAt = k;
    sepCount++;
    run = 0;
  }
  if (!sepCount || run === 0) return Evidence.None;
  const after = b - lastSepAt - 1;
  if (sepCount >= 2) {
    if (prevSep !== lastSep) return lastSep === COMMA ? Evidence.Comma : Evidence.Dot;
    // `1.234.567`: dots grouping thousands, so the decimal separator is the comma (and the reverse).
    return sameAsLast === sepCount - 1 && after === 3
      ? lastSep === DOT
        ? Evidence.Comma
        : Evidence.Dot
      : Evidence.None;
  }
  // One separator, maybe after space-grouped thousands (`1 234,5`).
  const ambiguous = !spaces && after === 3 && firstRun <= 3 && !(firstRun === 1 && raw.charCodeAt(a) === D0);
  if (ambiguous) return lastSep === COMMA ? Evidence.AmbiguousComma : Evidence.AmbiguousDot;
  return lastSep === COMMA ? Evidence.Comma : Evidence.Dot;
}

/**
 * Tallies {@link decimalEvidence} over cells and decides: the separator the sure cells show most (`,` on a tie
 * between sure cells), else the one the ambiguous cells show (a dot followed by three digits is read as a decimal
 * dot: `373.000`), else `null` (no decimal number at all). @internal
 */
export class DecimalTally {
  comma = 0;
  dot = 0;
  ambiguousComma = 0;
  ambiguousDot = 0;

  add(e: Evidence): void {
    if (e === Evidence.Comma) this.comma++;
    else if (e === Evidence.Dot) this.dot++;
    else if (e === Evidence.AmbiguousComma) this.ambiguousComma++;
    else if (e === Evidence.AmbiguousDot) this.ambiguousDot++;
  }

  get decided(): DecimalSeparator | null {
    if (this.comma || this.dot) return this.dot > this.comma ? '.' : ',';
    if (this.ambiguousDot || this.ambiguousComma) return this.ambiguousDot >= this.ambiguousComma ? '.' : ',';
    return null;
  }

  /** Only ambiguous cells (no sure one). */
  get ambiguous(): boolean {
    return !this.comma && !this.dot && this.ambiguousComma + this.ambiguousDot > 0;
  }
}

/**
 * Guesses a file's decimal separator from raw cells (see {@link DecimalTally}); `null` when no cell holds a decimal
 * number. @internal
 */
export function guessDecimal(cells: Iterable<string>): DecimalSeparator | null {
  const tally = new DecimalTally();
  for (const raw of cells) tally.add(decimalEvidence(raw));
  return tally.decided;
}
