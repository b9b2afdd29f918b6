import {isEnglish} from '../errors.js';

/** Options of the formatters. */
export interface FormatOptions {
  /** `fr` (default, also `fr-FR`…) or `en` (`en-GB`…); any other locale is French. */
  locale?: string;
  /** Fraction digits, exactly (rounded to a whole number and clamped to 0–10). */
  digits?: number;
  /** Abbreviate from ten thousand up (`12,3 k`, `800 k`, `5,1 M`, `1,2 Md`); not used by {@link formatPercent}. */
  compact?: boolean;
}

interface Symbols {
  group: string;
  decimal: string;
}
// French: U+202F narrow no-break space between thousands from four digits (`1 234`, `17 254`), as current ICU does
// for fr-FR and as the seed's documents write (`8 264`, `1 055`); U+00A0 before % and €. English: commas.
const FR: Symbols = {group: '\u202f', decimal: ','};
const EN: Symbols = {group: ',', decimal: '.'};

/** A finite number as decimal digits: its magnitude is `digits × 10^exp`; `digits` has no leading or trailing zero ('' is 0). */
interface Decimal {
  negative: boolean;
  digits: string;
  exp: number;
}

/**
 * The decimal digits of a finite number. Below 10^15, 15 significant digits (`toPrecision(15)`) remove binary noise
 * (`1.005` is stored as 1.00499999…, `0.1 + 0.2` as 0.30000000000000004), so that halves round as a person expects;
 * from 10^15 up, the shortest round-trip digits keep whole numbers exact.
 */
function decimalOf(value: number): Decimal {
  const a = Math.abs(value);
  const text = a >= 1e15 ? String(a) : a.toPrecision(15);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return {negative: false, digits: '', exp: 0};
  const frac = m[2] ?? '';
  let digits = (m[1]! + frac).replace(/^0+/, '');
  let exp = Number(m[3] ?? 0) - frac.length;
  const zeros = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - zeros);
  exp += zeros;
  return {negative: value < 0, digits, exp: digits ? exp : 0};
}

/** `d × 10^n`, exactly. */
const shift = (d: Decimal, n: number): Decimal => (d.digits ? {...d, exp: d.exp + n} : d);

/** `d` rounded to `fd` fraction digits, halves away from zero: its integer and fraction digits, and whether it is 0. */
function fixed(d: Decimal, fd: number): {int: string; frac: string; zero: boolean} {
  let digits = d.digits;
  let exp = d.exp;
  if (digits && exp < -fd) {
    const keep = digits.length + exp + fd;
    const next = keep >= 0 && keep < digits.length ? Number(digits[keep]) : 0;
    const kept = keep > 0 ? digits.slice(0, keep) : '';
    // `kept` has no leading zero (nor `digits`): one more, as a number of any length, keeps it so ('' + 1 is '1').
    digits = next >= 5 ? String(BigInt(kept) + 1n) : kept;
    exp = -fd;
  }
  const all = (digits ? digits + '0'.repeat(exp + fd) : '').padStart(fd + 1, '0');
  const int = all.slice(0, all.length - fd);
  return {int, frac: all.slice(all.length - fd), zero: !/[1-9]/.test(all)};
}

/** `d` rounded to `fd` fraction digits and written with the locale's separators; never `-0`. */
function write(d: Decimal, fd: number, s: Symbols, trimZeros = false): string {
  const f = fixed(d, fd);
  // Both locales group integer parts of four digits or more.
  const int = f.int.length >= 4 ? f.int.replace(/\B(?=(\d{3})+$)/g, s.group) : f.int;
  const frac = trimZeros ? f.frac.replace(/0+$/, '') : f.frac;
  const body = frac ? `${int}${s.decimal}${frac}` : int;
  return d.negative && !f.zero ? `-${body}` : body;
}

function clampDigits(d: number | undefined, fallback: number): number {
  return d === undefined || d === null || !Number.isFinite(d) ? fallback : Math.max(0, Math.min(10, Math.round(d)));
}

/**
 * The compact form of `d`: the largest unit it reaches (k from 10 000, M from 1 000 000, Md/B from 1 000 000 000),
 * moving up a unit when rounding reaches 1 000 (`999 999` is `1 M`, not `1000 k`). `null` below 10 000.
 */
function compact(
  d: Decimal,
  digits: number | undefined,
  en: boolean,
  s: Symbols,
): {body: string; suffix: string} | null {
  const units: Array<[number, string]> = [
    [3, 'k'],
    [6, 'M'],
    [9, en ? 'B' : 'Md'],
  ];
  const fd = clampDigits(digits, 1);
  const magnitude = d.digits ? d.digits.length + d.exp : 0; // number of integer digits
  if (magnitude < 5) return null;
  let u = magnitude > 9 ? 2 : magnitude > 6 ? 1 : 0;
  for (; u < units.length; u++) {
    const scaled = shift(d, -units[u]![0]);
    if (fixed(scaled, fd).int.length > 3 && u < units.length - 1) continue;
    return {body: write(scaled, fd, s, digits === undefined), suffix: units[u]![1]};
  }
  return null;
}

/**
 * A number the French way (`17 254`, `1 234`, `95,57`: thousands grouped by U+202F, as ICU does for fr-FR) or the
 * English way (`17,254`, `1,234`). Without `digits`, up to two
 * fraction digits, trailing zeros dropped; halves round away from zero (`1,005` → `1,01`, `-2,5` → `-3` with
 * `digits: 0`). `compact` abbreviates from 10 000 up (`12,3 k`, `5,1 M`, `1,2 Md`; `5.1M` in English).
 * The same string in every engine (no `Intl`). Returns `''` for `null`, `undefined`, `NaN` and infinities; never
 * `-0` (a negative number that rounds to 0 is written `0`), never an exponent.
 *
 * @example
 * ```ts
 * formatNumber(17254);                    // '17\u202f254'
 * formatNumber(11.34, {digits: 1});       // '11,3'
 * formatNumber(5100000, {compact: true}); // '5,1\u00a0M'
 * formatNumber(17254, {locale: 'en'});    // '17,254'
 * ```
 */
export function formatNumber(value: number | null | undefined, options: FormatOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return '';
  const en = isEnglish(options.locale);
  const s = en ? EN : FR;
  const d = decimalOf(value);
  if (options.compact) {
    const c = compact(d, options.digits, en, s);
    if (c) return `${c.body}${en ? '' : '\u00a0'}${c.suffix}`;
  }
  return options.digits === undefined ? write(d, 2, s, true) : write(d, clampDigits(options.digits, 0), s);
}

/**
 * A fraction as a percentage: `0.0459…` → `4,6 %` (U+00A0 before `%`) in French, `4.6%` in English; one fraction
 * digit by default, halves rounded away from zero. Returns `''` for `null`, `undefined`, `NaN` and infinities; never
 * `-0,0 %` (a tiny negative fraction is `0,0 %`), never `Infinity` (the × 100 is exact, even for huge values).
 *
 * @example
 * ```ts
 * formatPercent(793 / 17254);           // '4,6\u00a0%'
 * formatPercent(0.854, {locale: 'en'}); // '85.4%'
 * ```
 */
export function formatPercent(fraction: number | null | undefined, options: FormatOptions = {}): string {
  if (fraction == null || !Number.isFinite(fraction)) return '';
  const en = isEnglish(options.locale);
  const body = write(shift(decimalOf(fraction), 2), clampDigits(options.digits, 1), en ? EN : FR);
  return en ? `${body}%` : `${body}\u00a0%`;
}

/**
 * An amount in euros: `0,71 €` (U+00A0 before `€`) in French, `€0.71` in English. By default two fraction digits
 * below 10 € and none from 10 € up (`16 €`, `1 234 €`), as budgets per head are quoted; an amount that rounds to
 * 10,00 € is written `10 €`. `compact` gives `5,1 M€`, `800 k€` (from 10 000 €). Returns `''` for `null`, `undefined`, `NaN`
 * and infinities; never `-0`.
 *
 * @example
 * ```ts
 * formatEuro(1050000 / 1478000);       // '0,71\u00a0€'
 * formatEuro(15.98);                   // '16\u00a0€'
 * formatEuro(800000, {compact: true}); // '800\u00a0k€'
 * formatEuro(0.71, {locale: 'en'});    // '€0.71'
 * ```
 */
export function formatEuro(value: number | null | undefined, options: FormatOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return '';
  const en = isEnglish(options.locale);
  const s = en ? EN : FR;
  const d = decimalOf(value);
  const c = options.compact ? compact(d, options.digits, en, s) : null;
  let body: string;
  let suffix = '';
  if (c) {
    body = c.body;
    suffix = c.suffix;
  } else {
    const digits = options.digits !== undefined ? clampDigits(options.digits, 0) : fixed(d, 2).int.length >= 2 ? 0 : 2;
    body = write(d, digits, s);
  }
  if (en) return body.startsWith('-') ? `-€${body.slice(1)}${suffix}` : `€${body}${suffix}`;
  return `${body}\u00a0${suffix}€`;
}
