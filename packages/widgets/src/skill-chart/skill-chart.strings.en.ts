import type {Lang} from '../internal/i18n.js';
import {fr, type SkillStrings} from './skill-chart.strings.js';

// The English texts of <epn-skill-chart>, apart from the French ones: in the all-in-one file they are in the chunk
// epn-en.js (internal/en.code.ts), loaded only by English widgets; the element reads them through `inLang`.

export const en: SkillStrings = {
  title: 'Skill level by age band',
  people: 'People',
  caption: (title, m) =>
    `${title} (${m === 'distribution' ? 'levels within each age band' : 'share of the grand total'})`,
  summary: (p) =>
    `Skill level stated${p.total ? ` by ${p.total} people` : ''}, by age band. ` +
    (!p.level
      ? 'No count per level is known (statistical secrecy or data not available).'
      : `The most frequent level is "${p.level}"${p.levelShare ? ` (${p.levelShare} of the total)` : ''}` +
        (!p.band
          ? '.'
          : p.measure === 'distribution'
            ? `; its largest share is in the ${p.band} band (${p.value} of the band).`
            : `; it weighs most in the ${p.band} band (${p.value} of the total).`)),
  mismatch: (b) =>
    `The total given by the file differs from the sum of the levels for: ${b}. Shares are computed over the given total.`,
  excluded: (n) => `${n} row(s) without a level or a known age are not counted.`,
};

/** The texts of a language. */
export const skillStrings = (lang: Lang): SkillStrings => (lang === 'en' ? en : fr);
