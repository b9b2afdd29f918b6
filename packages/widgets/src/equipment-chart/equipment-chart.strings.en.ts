import type {Lang} from '../internal/i18n.js';
import {fr, type EquipmentStrings} from './equipment-chart.strings.js';

// The English texts of <epn-equipment-chart>, apart from the French ones: in the all-in-one file they are in the
// chunk epn-en.js (internal/en.code.ts), loaded only by English widgets; the element reads them through `inLang`.

export const en: EquipmentStrings = {
  title: 'Equipment by age band',
  respondents: 'Respondents',
  respondentsShare: 'Respondents by age band',
  caption: (title, m) =>
    `${title} (${m === 'rate' ? 'share of the respondents of each age band who have the item' : 'people who have the item, by age band'})`,
  summaryRate: ({respondents, top}) =>
    `Share of the ${respondents ? `${respondents} ` : ''}respondents who have each item, by age band. ` +
    (top
      ? `Highest rate: "${top.item}" in the ${top.band} band, ${top.value}` +
        (top.count && top.bandRespondents ? ` (${top.count} of ${top.bandRespondents} respondents).` : '.')
      : 'No rate is known (statistical secrecy or data not available).'),
  summaryDistribution: ({top}) =>
    `People who have each item, by age band. ` +
    (top
      ? `Largest share: "${top.item}" in the ${top.band} band, ${top.value} of the ${top.itemTotal ? `${top.itemTotal} ` : ''}people who have it.`
      : 'No share is known (statistical secrecy or data not available).'),
  multiResponse: (n) =>
    `Several answers allowed: each band's total counts the people who answered (${n} in all), not the answers.`,
  noRespondents:
    'The file does not give the number of respondents per band (a "Total" row): rates are computed over the sum of the answers.',
  excluded: (n) => `${n} row(s) without an item or a known age are not counted.`,
};

/** The texts of a language. */
export const equipmentStrings = (lang: Lang): EquipmentStrings => (lang === 'en' ? en : fr);
