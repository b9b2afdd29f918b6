import type {Lang} from '../internal/i18n.js';

/** The texts of `<epn-equipment-chart>` (the shared ones, such as "Tranche d'âge" or "Total", are in `Strings`). */
export interface EquipmentStrings {
  title: string;
  respondents: string;
  respondentsShare: string;
  caption: (title: string, measure: 'rate' | 'distribution') => string;
  summaryRate: (p: {respondents: string; item: string; band: string; value: string; count: string; bandRespondents: string}) => string;
  summaryDistribution: (p: {item: string; band: string; value: string; itemTotal: string}) => string;
  multiResponse: (respondents: string) => string;
  noRespondents: string;
  excluded: (n: string) => string;
}

export const fr: EquipmentStrings = {
  title: 'Équipement par tranche d\'âge',
  respondents: 'Répondants',
  respondentsShare: 'Répartition des répondants',
  caption: (title, m) => `${title} (${m === 'rate' ? 'part des répondants de chaque tranche d\'âge qui disposent de l\'équipement' : 'répartition par tranche d\'âge des personnes équipées'})`,
  summaryRate: (p) =>
    `Part des ${p.respondents} répondants qui disposent de chaque équipement, par tranche d'âge. ` +
    `Taux le plus élevé\u00a0: «\u00a0${p.item}\u00a0» dans la tranche ${p.band}, ${p.value} (${p.count} sur ${p.bandRespondents} répondants).`,
  summaryDistribution: (p) =>
    `Répartition par tranche d'âge des personnes qui disposent de chaque équipement. ` +
    `Part la plus élevée\u00a0: «\u00a0${p.item}\u00a0» dans la tranche ${p.band}, ${p.value} des ${p.itemTotal} personnes équipées.`,
  multiResponse: (n) => `Plusieurs réponses possibles\u00a0: le total de chaque tranche compte les personnes qui ont répondu (${n} en tout), pas les réponses.`,
  noRespondents: 'Le fichier ne donne pas le nombre de répondants par tranche (ligne «\u00a0Total\u00a0»)\u00a0: les taux sont calculés sur la somme des réponses.',
  excluded: (n) => `${n} ligne(s) sans équipement ou sans âge reconnu ne sont pas comptées.`,
};

export const en: EquipmentStrings = {
  title: 'Equipment by age band',
  respondents: 'Respondents',
  respondentsShare: 'Respondents by age band',
  caption: (title, m) => `${title} (${m === 'rate' ? 'share of the respondents of each age band who have the item' : 'people who have the item, by age band'})`,
  summaryRate: (p) =>
    `Share of the ${p.respondents} respondents who have each item, by age band. ` +
    `Highest rate: "${p.item}" in the ${p.band} band, ${p.value} (${p.count} of ${p.bandRespondents} respondents).`,
  summaryDistribution: (p) =>
    `People who have each item, by age band. ` +
    `Largest share: "${p.item}" in the ${p.band} band, ${p.value} of the ${p.itemTotal} people who have it.`,
  multiResponse: (n) => `Several answers allowed: each band's total counts the people who answered (${n} in all), not the answers.`,
  noRespondents: 'The file does not give the number of respondents per band (a "Total" row): rates are computed over the sum of the answers.',
  excluded: (n) => `${n} row(s) without an item or a known age are not counted.`,
};

/** The texts of a language. */
export const equipmentStrings = (lang: Lang): EquipmentStrings => (lang === 'en' ? en : fr);
