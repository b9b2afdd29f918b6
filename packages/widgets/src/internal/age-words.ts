import {parseAgeLabel} from '@epn/stats';
import type {Lang} from './i18n.js';

/**
 * An age band as a sentence says it: `moins de 11 ans`, `11-17 ans`, `65 ans et plus`, `40 ans` (`under 11`, `11-17`,
 * `65 and over` in English). A label that is not an age band is given back as written.
 */
export function ageWords(band: string, lang: Lang): string {
  const r = parseAgeLabel(band);
  if (!r) return band;
  // `-11`, `< 12`, `moins de 12 ans` say « under »; `0-9` says its ages.
  const under = r.lower === 0 && r.upper !== null && /^\s*(-|<|moins|under|less)/i.test(band);
  if (lang === 'en')
    return r.upper === null
      ? `${r.lower} and over`
      : under
        ? `under ${r.upper + 1}`
        : r.upper === r.lower
          ? String(r.lower)
          : `${r.lower}-${r.upper}`;
  if (r.upper === null) return `${r.lower}\u00a0ans et plus`;
  if (under) return `moins de ${r.upper + 1}\u00a0ans`;
  return r.upper === r.lower ? `${r.lower}\u00a0ans` : `${r.lower}-${r.upper}\u00a0ans`;
}

/** Several bands joined as a sentence lists them: `0-9 ans et 75 ans et plus`. */
export function agesList(bands: readonly string[], lang: Lang): string {
  const words = bands.map((b) => ageWords(b, lang));
  const and = lang === 'en' ? ' and ' : ' et ';
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}
