import {looseKey, parseAgeLabel} from '@epn/stats';
import {html, type TemplateResult} from 'lit';
import type {Lang} from './i18n.js';

/** A label written as "under N" with a sign: `-11`, `- 11`, `<15` (not `Moins de 15 ans`, already in words). */
const SIGN_UNDER = /^\s*[-<]\s*\d/;
/** A label written as "under N", with a sign or in words. */
const UNDER = /^\s*([-<]|moins|under|less|below)/i;

/**
 * The short form of an age band, for the charts' axes: `60-74` (« 60 à 74 ans »), `75 +` (« 75 ans ou plus »),
 * `< 15` (« Moins de 15 ans », `- 15`), `40` (« 40 ans »), with a no-break space in `75 +` and `< 15`. A label that
 * is not an age band is returned as written (trimmed).
 *
 * @example
 * ```ts
 * shortAgeLabel('60 à 74 ans');    // '60-74'
 * shortAgeLabel('75 ans ou plus'); // '75 +'
 * shortAgeLabel('Moins de 15 ans'); // '< 15'
 * ```
 */
export function shortAgeLabel(label: string): string {
  const r = parseAgeLabel(label);
  if (!r) return label.trim();
  if (r.upper === null) return `${r.lower}\u00a0+`;
  if (UNDER.test(label)) return `<\u00a0${r.upper + 1}`;
  return r.lower === r.upper ? String(r.lower) : `${r.lower}-${r.upper}`;
}

/**
 * The label of an age band in words, for sentences and tables: a band written with a sign (`-11`, `< 15`) becomes
 * « moins de 11 ans » (`under 11`), which no one reads as "minus eleven"; any other label is kept as written.
 */
export function fullAgeLabel(label: string, lang: Lang): string {
  const r = SIGN_UNDER.test(label) ? parseAgeLabel(label) : null;
  if (!r || r.upper === null || r.lower !== 0) return label;
  return lang === 'en' ? `under ${r.upper + 1}` : `moins de ${r.upper + 1} ans`;
}

/**
 * A label on at most two lines of `max` characters, cut at spaces (or after a hyphen); never an ellipsis when the
 * words fit, one only when a single word is longer than two lines can hold.
 */
export function wrapLabel(text: string, max: number): string[] {
  const chars = (s: string) => Array.from(s).length;
  if (chars(text) <= max) return [text];
  const words = text.split(/(?<=[-\s])/);
  let first = '';
  while (words.length && chars(first + words[0]!) <= max) first += words.shift();
  const rest = words.join('').trim();
  if (!first)
    return [
      Array.from(text)
        .slice(0, Math.max(1, max - 1))
        .join('') + '…',
    ];
  return [
    first.trim(),
    chars(rest) <= max
      ? rest
      : Array.from(rest)
          .slice(0, Math.max(1, max - 1))
          .join('') + '…',
  ];
}

/**
 * What must not be split across lines in shown text: a word and the « : ; ! ? » or « » » after it, « « » and the word
 * after it, number ranges (`11-17`), `75 +` and `< 15`.
 */
const UNSPLIT = /(\S+ [:;!?»]+|« \S+(?: [:;!?»]+)?|\d+(?:[-–]\d+)+|\d+ \+|< \d+)/;

/**
 * Text for the page, with French typography's no-break spaces where the text has plain ones (before « : ; ! ? »,
 * inside « », in `75 +` and `< 15`) and number ranges kept whole: each such group is a `white-space: nowrap` span,
 * so that a phone never starts a line with « : 8 264 hommes » nor shows « 11- » at the end of a line and « 17 » on
 * the next; the text itself (what is copied, what a screen reader reads) is unchanged.
 */
export function prose(text: string): TemplateResult {
  return html`${text.split(UNSPLIT).map((p, i) => (i % 2 ? html`<span class="nw">${p}</span>` : p))}`;
}

/** An ASCII file name from a title: "Pyramide des âges" → "pyramide-des-ages". */
export const slugify = (title: string): string =>
  looseKey(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'epn';
