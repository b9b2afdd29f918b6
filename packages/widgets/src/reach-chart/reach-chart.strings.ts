import {formatNumber, formatPercent, type ReachBand} from '@epn/stats';
import type {Lang} from '../internal/i18n.js';
import {ageWords, agesList} from '../internal/age-words.js';
import type {ReachModel} from './reach-chart.data.js';

/** The reach chart's texts, per language. */
export interface ReachStrings {
  title: string;
  perThousand: string;
  percent: string;
  users: string;
  population: string;
  userShare: string;
  populationShare: string;
  index: string;
  overall: string;
  estimated: string;
  excluded: string;
  partly: (kept: string) => string;
  caption: (title: string, measure: string) => string;
  /** « Ensemble : 14,1 ‰ ». */
  reference: (value: string) => string;
  excludedNote: (ages: string) => string;
  estimateNote: (bands: string) => string;
  /** When the users were split too (bands other than theirs). */
  bothEstimatedNote: (bands: string) => string;
  estimation: string;
  allAges: string;
  areasNote: (areas: string) => string;
}

const fr: ReachStrings = {
  title: "Part de la population inscrite, par tranche d'âge",
  perThousand: 'Inscrits pour 1 000 habitants',
  percent: 'Part de la population inscrite',
  users: 'Inscrits',
  population: 'Population',
  userShare: 'Part des inscrits',
  populationShare: 'Part de la population',
  index: 'Indice de représentation',
  overall: 'Ensemble',
  estimated: 'population estimée',
  excluded: 'hors calcul',
  partly: (k) => `${k} de la tranche comptée`,
  caption: (t, m) => `${t} (${m})`,
  reference: (v) => `Ensemble\u00a0: ${v}`,
  excludedNote: (a) => `Taux d'ensemble calculé hors ${a}.`,
  estimateNote: (b) =>
    `Population estimée pour les tranches ${b}\u00a0: le fichier de population n'a pas les mêmes tranches d'âge ; ses effectifs y sont répartis à parts égales entre les âges de chaque tranche. Ce sont des ordres de grandeur, pas des comptages.`,
  bothEstimatedNote: (b) =>
    `Estimation pour les tranches ${b}\u00a0: elles ne coïncident pas avec celles des fichiers ; les effectifs d'une tranche à cheval y sont répartis à parts égales entre ses âges. Ce sont des ordres de grandeur, pas des comptages.`,
  estimation: 'estimation',
  allAges: 'Tous âges',
  areasNote: (a) => `Population de\u00a0: ${a}.`,
};

const en: ReachStrings = {
  title: 'Share of the population registered, by age band',
  perThousand: 'Registered users per 1,000 inhabitants',
  percent: 'Share of the population registered',
  users: 'Registered users',
  population: 'Population',
  userShare: 'Share of users',
  populationShare: 'Share of population',
  index: 'Representation index',
  overall: 'Overall',
  estimated: 'estimated population',
  excluded: 'not counted',
  partly: (k) => `${k} of the band counted`,
  caption: (t, m) => `${t} (${m})`,
  reference: (v) => `Overall: ${v}`,
  excludedNote: (a) => `Overall rate excluding ${a}.`,
  estimateNote: (b) =>
    `Estimated population for bands ${b}: the population file has other age bands; its counts are spread evenly over the ages of each band. These are orders of magnitude, not counts.`,
  bothEstimatedNote: (b) =>
    `Estimate for bands ${b}: they do not match the files' bands; the counts of a band that straddles them are spread evenly over its ages. These are orders of magnitude, not counts.`,
  estimation: 'estimate',
  allAges: 'All ages',
  areasNote: (a) => `Population of: ${a}.`,
};

/** The texts of a language. */
export const reachStrings = (lang: Lang): ReachStrings => (lang === 'en' ? en : fr);

/** A rate as the chart writes it: `13,9` per 1 000 (with `‰` when `unit`), or `1,4 %`. */
export function formatRate(
  rate: number | null,
  measure: ReachModel['measure'],
  locale: string,
  digits?: number | null,
  unit = false,
): string {
  if (rate === null) return '';
  if (measure === 'percent') return formatPercent(rate, {locale, digits: digits ?? 1});
  const n = formatNumber(rate * 1000, {locale, digits: digits ?? 1});
  return unit ? `${n}${locale === 'en' ? ' ' : '\u00a0'}‰` : n;
}

/** The bands counted in the overall rate with a known index, most over-represented first. */
function ranked(bands: ReachBand[]): ReachBand[] {
  return bands.filter((b) => b.included > 0 && b.index !== null).sort((a, b) => b.index! - a.index!);
}

/**
 * The chart's sentence: the overall rate (with the exclusions), then the most over- and under-represented bands,
 * each with its share of users against its share of population (« Les 65 + ans sont 10,3 % des inscrits et 14,0 % de
 * la population »), saying when the population of a band is estimated.
 */
export function reachSentence(m: ReachModel, lang: Lang, digits?: number | null): string {
  const locale = lang;
  const r = m.reach;
  const pct = (v: number | null) => formatPercent(v, {locale, digits: 1});
  const rate = formatRate(r.rate, 'percent', locale, digits ?? 1);
  const perK = formatRate(r.rate, 'per-thousand', locale, 1);
  const ex = agesList(m.excludedLabels, lang);
  const order = ranked(r.bands);
  const top = order[0];
  const bottom = order.length > 1 ? order[order.length - 1] : undefined;
  if (lang === 'en') {
    let text = rate
      ? `Registered users are ${rate} of the population${ex ? ` (excluding ${ex})` : ''}, ${perK} per 1,000 inhabitants.`
      : 'The overall share of the population registered is not known.';
    const say = (b: ReachBand, what: string) =>
      ` ${what}: ${ageWords(b.label, lang)}, ${pct(b.userShare)} of users and ${pct(b.populationShare)} of the population${b.usersEstimated ? ' (estimate)' : b.estimated ? ' (estimated)' : ''}.`;
    if (top && top.index! > 1) text += say(top, 'Most over-represented');
    if (bottom && bottom.index! < 1) text += say(bottom, 'Most under-represented');
    return text;
  }
  let text = rate
    ? `Les inscrits représentent ${rate} de la population${ex ? ` (hors ${ex})` : ''}, soit ${perK} pour 1\u00a0000 habitants.`
    : "La part de la population inscrite n'est pas connue.";
  const say = (b: ReachBand, what: string) =>
    ` ${what}\u00a0: les ${ageWords(b.label, lang)}, qui sont ${pct(b.userShare)} des inscrits et ${pct(b.populationShare)} de la population${b.usersEstimated ? ' (estimation)' : b.estimated ? ' (population estimée)' : ''}.`;
  if (top && top.index! > 1) text += say(top, 'Les plus représentés');
  if (bottom && bottom.index! < 1) text += say(bottom, 'Les moins représentés');
  return text;
}
