import {isEnglish} from '../errors.js';

/** Options of the formatters. */
export interface FormatOptions {
  /** `fr` (default, also `fr-FR`…) or `en`. */
  locale?: string;
  /** Fraction digits, exactly. */
  digits?: number;
  /** Abbreviate thousands and millions (`800 k`, `5,1 M`). */
  compact?: boolean;
}

interface Symbols {
  group: string;
  decimal: string;
}
// French: U+202F narrow no-break space between thousands (as current ICU), U+00A0 before % and €.
const FR: Symbols = {group: '\u202f', decimal: ','};
const EN: Symbols = {group: ',', decimal: '.'};

/** `value` rounded to `digits` and written with the locale's separators; '' for null, NaN, ±Infinity. */
function write(value: number, digits: number, s: Symbols): string {
  // toPrecision(15) first removes binary noise (0.1 + 0.2), so that halves round up as a person expects.
  const fixed = Math.abs(Number(value.toPrecision(15))).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const grouped = int!.length > 4 || (int!.length === 4 && s === EN) ? int!.replace(/\B(?=(\d{3})+$)/g, s.group) : int!;
  const body = frac ? `${grouped}${s.decimal}${frac}` : grouped;
  const zero = /^[0.,]*$/.test(fixed);
  return value < 0 && !zero ? `-${body}` : body;
}

function clampDigits(d: number | undefined, fallback: number): number {
  return d === undefined || !Number.isFinite(d) ? fallback : Math.max(0, Math.min(10, Math.round(d)));
}

function compactParts(value: number, locale: string | undefined): {value: number; suffix: string} {
  const a = Math.abs(value);
  if (a >= 1e9) return {value: value / 1e9, suffix: isEnglish(locale) ? 'B' : 'Md'};
  if (a >= 1e6) return {value: value / 1e6, suffix: 'M'};
  if (a >= 1e4) return {value: value / 1e3, suffix: 'k'};
  return {value, suffix: ''};
}

/** Up to two fraction digits, trailing zeros dropped (default of {@link formatNumber}). */
function auto(value: number, s: Symbols): string {
  const text = write(value, 2, s);
  return text.includes(s.decimal) ? text.replace(/0+$/, '').replace(new RegExp(`\\${s.decimal}$`), '') : text;
}

/**
 * A number the French way (`17 254`, `95,57`; thousands grouped by U+202F from five digits, as the French
 * typographic convention and ICU do) or the English way (`17,254`). Without `digits`, up to two fraction digits,
 * trailing zeros dropped. Returns `''` for `null`, `NaN` and infinities; never `-0`.
 *
 * @example
 * ```ts
 * formatNumber(17254);                // '17\u202f254'
 * formatNumber(11.34, {digits: 1});   // '11,3'
 * formatNumber(5100000, {compact: true}); // '5,1\u00a0M'
 * ```
 */
export function formatNumber(value: number | null | undefined, options: FormatOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return '';
  const s = isEnglish(options.locale) ? EN : FR;
  if (options.compact) {
    const c = compactParts(value, options.locale);
    if (c.suffix) {
      const body = options.digits === undefined ? auto(Number(c.value.toFixed(1)), s) : write(c.value, clampDigits(options.digits, 1), s);
      return `${body}${isEnglish(options.locale) ? '' : '\u00a0'}${c.suffix}`;
    }
  }
  return options.digits === undefined ? auto(value, s) : write(value, clampDigits(options.digits, 0), s);
}

/**
 * A fraction as a percentage: `0.0459…` → `4,6 %` (U+00A0 before `%`) in French, `4.6%` in English; one fraction
 * digit by default. Returns `''` for `null`, `NaN` and infinities; never `-0,0 %`.
 *
 * @example
 * ```ts
 * formatPercent(793 / 17254);              // '4,6\u00a0%'
 * formatPercent(0.854, {locale: 'en'});    // '85.4%'
 * ```
 */
export function formatPercent(fraction: number | null | undefined, options: FormatOptions = {}): string {
  if (fraction == null || !Number.isFinite(fraction)) return '';
  const en = isEnglish(options.locale);
  const body = write(fraction * 100, clampDigits(options.digits, 1), en ? EN : FR);
  return en ? `${body}%` : `${body}\u00a0%`;
}

/**
 * An amount in euros: `0,71 €` (U+00A0 before `€`) in French, `€0.71` in English. By default two fraction digits
 * below 10 € and none from 10 € up (`16 €`), as budgets per head are quoted. `compact` gives `5,1 M€`, `800 k€`.
 * Returns `''` for `null`, `NaN` and infinities; never `-0`.
 *
 * @example
 * ```ts
 * formatEuro(1050000 / 1478000);        // '0,71\u00a0€'
 * formatEuro(15.98);                    // '16\u00a0€'
 * formatEuro(800000, {compact: true});  // '800\u00a0k€'
 * ```
 */
export function formatEuro(value: number | null | undefined, options: FormatOptions = {}): string {
  if (value == null || !Number.isFinite(value)) return '';
  const en = isEnglish(options.locale);
  const s = en ? EN : FR;
  let body: string;
  let suffix = '';
  const c = options.compact ? compactParts(value, options.locale) : {value, suffix: ''};
  if (c.suffix) {
    body = options.digits === undefined ? auto(Number(c.value.toFixed(1)), s) : write(c.value, clampDigits(options.digits, 1), s);
    suffix = c.suffix;
  } else {
    body = write(value, clampDigits(options.digits, Math.abs(value) < 10 ? 2 : 0), s);
  }
  if (en) return body.startsWith('-') ? `-€${body.slice(1)}${suffix}` : `€${body}${suffix}`;
  return `${body}\u00a0${suffix}€`;
}
