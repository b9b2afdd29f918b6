import {formatEuro, formatNumber, formatPercent, type AgeRange} from '@epn/stats';
import type {Lang} from '../internal/i18n.js';
import type {BudgetModel} from './budget-card.data.js';
import type {Population} from './budget-card.population.js';

/** Every text of the budget card, per language. */
export interface BudgetStrings {
  locale: Lang;
  title: (year: string | null) => string;
  perInhabitant: string;
  perInhabitantAged: (range: AgeRange) => string;
  perRegistered: string;
  budget: string;
  population: string;
  populationAged: (range: AgeRange) => string;
  registered: string;
  year: string;
  inputs: string;
  unavailable: string;
  /** Why a figure is not available. */
  noPopulation: string;
  noRegistered: string;
  /** `1 050 000 € pour 1 480 000 habitants`. */
  over: (budget: string, count: string, what: 'inhabitants' | 'registered', range?: AgeRange) => string;
  inhabitants: (n: string, range?: AgeRange) => string;
  registeredUsers: (n: string) => string;
  /** Ages written alone (`5 à 74 ans`) or after a noun (`de 5 à 74 ans`). */
  range: (r: AgeRange, after?: boolean) => string;
  quote: string;
  copy: string;
  copied: string;
  copyFailed: string;
  figures: string;
  tableCaption: (title: string) => string;
  indicator: string;
  value: string;
  bandsCaption: (where: string) => string;
  ageBand: string;
  counted: string;
  yes: string;
  no: string;
  origin: {attribute: string; file: string; 'population-src': string};
  /** « Part de la population inscrite (hors 0-9 ans et 75 ans ou plus) »: the ages left out in the label. */
  reachLabel: (range: AgeRange) => string;
  noReach: string;
  estimate: string;
}

const fr: BudgetStrings = {
  locale: 'fr',
  title: (y) => (y ? `Budget par habitant et par inscrit, ${y}` : 'Budget par habitant et par inscrit'),
  perInhabitant: 'Budget par habitant',
  perInhabitantAged: (r) => `Budget par habitant ${fr.range(r, true)}`,
  perRegistered: 'Budget par inscrit',
  budget: 'Budget annuel',
  population: 'Population',
  populationAged: (r) => `Population ${fr.range(r, true)}`,
  registered: 'Inscrits',
  year: 'Année',
  inputs: 'Chiffres utilisés',
  unavailable: 'non disponible',
  noPopulation: 'population non renseignée ou nulle',
  noRegistered: "nombre d'inscrits non renseigné ou nul",
  over: (b, n, what, r) => `${b} pour ${what === 'inhabitants' ? fr.inhabitants(n, r) : fr.registeredUsers(n)}`,
  inhabitants: (n, r) => `${n} habitants${r ? ` ${fr.range(r, true)}` : ''}`,
  registeredUsers: (n) => `${n} inscrits`,
  range: (r, after) => {
    const text =
      r.upper === null
        ? `${r.lower} ans ou plus`
        : r.upper === r.lower
          ? `${r.lower} ans`
          : `${r.lower} à ${r.upper} ans`;
    return after ? `de ${text}` : text;
  },
  quote: 'Phrase à reprendre',
  copy: 'Copier la phrase',
  copied: 'Phrase copiée dans le presse-papiers.',
  copyFailed: 'Copie impossible ici : la phrase est sélectionnée, copiez-la avec Ctrl+C (⌘+C sur Mac).',
  figures: 'Montants',
  tableCaption: (title) => `Données : ${title}`,
  indicator: 'Indicateur',
  value: 'Valeur',
  bandsCaption: (where) => `Population par tranche d'âge${where ? ` (${where})` : ''}`,
  ageBand: "Tranche d'âge",
  counted: 'Comptée',
  yes: 'oui',
  no: 'non',
  origin: {attribute: 'attribut', file: 'fichier', 'population-src': 'fichier de population'},
  reachLabel: (r) => {
    const out = [
      r.lower > 0 ? fr.range({lower: 0, upper: r.lower - 1}) : '',
      r.upper !== null ? fr.range({lower: r.upper + 1, upper: null}) : '',
    ].filter(Boolean);
    return `Part de la population inscrite${out.length ? ` (hors ${listOf(out, 'fr')})` : ''}`;
  },
  noReach: 'inscrits ou population non renseignés',
  estimate: 'estimation',
};

const en: BudgetStrings = {
  locale: 'en',
  title: (y) =>
    y ? `Budget per inhabitant and per registered user, ${y}` : 'Budget per inhabitant and per registered user',
  perInhabitant: 'Budget per inhabitant',
  perInhabitantAged: (r) => `Budget per inhabitant ${en.range(r, true)}`,
  perRegistered: 'Budget per registered user',
  budget: 'Annual budget',
  population: 'Population',
  populationAged: (r) => `Population ${en.range(r, true)}`,
  registered: 'Registered users',
  year: 'Year',
  inputs: 'Figures used',
  unavailable: 'not available',
  noPopulation: 'population not given or zero',
  noRegistered: 'number of registered users not given or zero',
  over: (b, n, what, r) => `${b} for ${what === 'inhabitants' ? en.inhabitants(n, r) : en.registeredUsers(n)}`,
  inhabitants: (n, r) => `${n} inhabitants${r ? ` ${en.range(r, true)}` : ''}`,
  registeredUsers: (n) => `${n} registered users`,
  range: (r, after) => {
    const text =
      r.upper === null ? `${r.lower} and over` : r.upper === r.lower ? `${r.lower}` : `${r.lower} to ${r.upper}`;
    return after ? `aged ${text}` : `${text}${r.upper === null ? '' : ' years'}`;
  },
  quote: 'Sentence to quote',
  copy: 'Copy the sentence',
  copied: 'Sentence copied to the clipboard.',
  copyFailed: 'Copying is not possible here: the sentence is selected, copy it with Ctrl+C (⌘+C on a Mac).',
  figures: 'Amounts',
  tableCaption: (title) => `Data: ${title}`,
  indicator: 'Figure',
  value: 'Value',
  bandsCaption: (where) => `Population by age band${where ? ` (${where})` : ''}`,
  ageBand: 'Age band',
  counted: 'Counted',
  yes: 'yes',
  no: 'no',
  origin: {attribute: 'attribute', file: 'file', 'population-src': 'population file'},
  reachLabel: (r) => {
    const out = [r.lower > 0 ? `under ${r.lower}` : '', r.upper !== null ? `${r.upper + 1} and over` : ''].filter(
      Boolean,
    );
    return `Share of the population registered${out.length ? ` (excluding ${listOf(out, 'en')})` : ''}`;
  },
  noReach: 'registered users or population not given',
  estimate: 'estimate',
};

/** The budget card's texts in a language. */
export const budgetStrings = (lang: Lang): BudgetStrings => (lang === 'en' ? en : fr);

const euro = (v: number | null, lang: Lang, digits?: number | null) =>
  formatEuro(v, digits == null ? {locale: lang} : {locale: lang, digits});
const count = (v: number | null, lang: Lang) => formatNumber(v, {locale: lang});

/** `a`, `a et b`, `a, b et c` (`and` in English). */
function listOf(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'et'} ${items[items.length - 1]}`;
}

/**
 * The sentence a communicator can quote, from the figures that are available (a figure that is not is left out, never
 * written "non disponible" inside a quote):
 * `En 2012, le budget annuel de 1 050 000 € représente 0,71 € par habitant et 16 € par inscrit (1 480 000 habitants,
 * 65 691 inscrits).` Amounts per head have `digits` fraction digits when given (default: two below 10 €, none above).
 */
export function budgetSentence(m: BudgetModel, lang: Lang, digits?: number | null): string {
  const s = budgetStrings(lang);
  const en = lang === 'en';
  const budget = euro(m.budget.value, lang);
  const r = m.restricted;
  const aged =
    r && r.perInhabitant !== null && r.population.used
      ? `${euro(r.perInhabitant, lang, digits)} ${en ? 'per inhabitant' : 'par habitant'} ${s.range(r.population.used, true)}${r.population.estimated ? `, ${s.estimate}` : ''}`
      : null;
  const clauses: string[] = [];
  if (m.perInhabitant !== null)
    clauses.push(
      `${euro(m.perInhabitant, lang, digits)} ${en ? 'per inhabitant' : 'par habitant'}${aged ? ` (${aged})` : ''}`,
    );
  else if (aged) clauses.push(aged);
  if (m.perRegistered !== null)
    clauses.push(`${euro(m.perRegistered, lang, digits)} ${en ? 'per registered user' : 'par inscrit'}`);
  const bases: string[] = [];
  if (m.perInhabitant !== null) bases.push(s.inhabitants(count(m.population.value, lang)));
  else if (aged && r) bases.push(s.inhabitants(count(r.population.value, lang), r.population.used ?? undefined));
  if (m.perRegistered !== null) bases.push(s.registeredUsers(count(m.registered.value, lang)));
  const reach = reachSentence(m, lang);
  if (en) {
    const lead = m.year ? `In ${m.year}, the annual budget` : 'The annual budget';
    return (
      (clauses.length
        ? `${lead} of ${budget} amounts to ${listOf(clauses, lang)} (${bases.join(', ')}).`
        : `${lead} is ${budget}; the amounts per inhabitant and per registered user are not available.`) + reach
    );
  }
  const lead = m.year ? `En ${m.year}, le budget annuel` : 'Le budget annuel';
  return (
    (clauses.length
      ? `${lead} de ${budget} représente ${listOf(clauses, lang)} (${bases.join(', ')}).`
      : `${lead} est de ${budget} ; les montants par habitant et par inscrit ne sont pas disponibles.`) + reach
  );
}

/**
 * The share of the population registered, as a second sentence (empty without it): « Les 65 691 inscrits
 * représentent 5,8 % des habitants de 10 à 74 ans (estimation). »
 */
function reachSentence(m: BudgetModel, lang: Lang): string {
  const r = m.reach;
  if (!r || r.rate === null || !r.population.used) return '';
  const s = budgetStrings(lang);
  const rate = formatPercent(r.rate, {locale: lang, digits: 1});
  const est = r.population.estimated ? ` (${s.estimate})` : '';
  return lang === 'en'
    ? ` The ${count(m.registered.value, lang)} registered users are ${rate} of the inhabitants ${s.range(r.population.used, true)}${est}.`
    : ` Les ${count(m.registered.value, lang)} inscrits représentent ${rate} des habitants ${s.range(r.population.used, true)}${est}.`;
}

/** The band labels of a population, written as a list (`0-19, 20-39 et 40-59`). */
const bandList = (p: Population, used: boolean, lang: Lang) =>
  listOf(
    p.bands.filter((b) => !used || b.used).map((b) => b.label),
    lang,
  );

/**
 * Which population the per-inhabitant figures use, when it comes from the population file: the territory, the ages
 * counted, and, when the file's bands do not isolate the ages asked for, what is missing or added. Empty otherwise.
 */
export function populationNotes(m: BudgetModel, lang: Lang): string[] {
  const s = budgetStrings(lang);
  const en = lang === 'en';
  const notes: string[] = [];
  const where = (p: Population) => (p.territories.length ? ` (${p.territories.join(', ')})` : '');
  if (m.population.origin === 'population-src' && m.populationTable) {
    const p = m.populationTable;
    notes.push(
      en
        ? `Population: ${s.inhabitants(count(p.total, lang))}${where(p)}, all ages, from the population file.`
        : `Population : ${s.inhabitants(count(p.total, lang))}${where(p)}, tous âges, d'après le fichier de population.`,
    );
  }
  for (const r of [m.restricted, m.reach]) {
    if (r && r.population.requested && r.population.used) {
      const p = r.population;
      const asked = s.range(p.requested!);
      const used = s.range(p.used!, true);
      const n =
        p.value === null ? s.unavailable : s.inhabitants(count(p.estimated ? Math.round(p.value) : p.value, lang));
      if (p.estimated) {
        const split = p.bands
          .filter((b) => b.used && b.fraction < 1)
          .map((b) => `${b.label} (${formatPercent(b.fraction, {locale: lang, digits: 0})})`);
        notes.push(
          en
            ? `Population ${used}: ${n}${where(p)}, estimated: the population file's bands ${listOf(split, lang)} straddle the range and are counted pro rata of their ages inside it (as if every age of a band counted the same). An order of magnitude, not a count.`
            : `Population ${used} : ${n}${where(p)}, estimée : les tranches ${listOf(split, lang)} du fichier de population débordent de l'intervalle et sont comptées au prorata de leurs âges compris (comme si chaque âge d'une tranche pesait autant). Un ordre de grandeur, pas un comptage.`,
        );
      } else if (p.exact) {
        notes.push(
          en
            ? `Population ${used}: ${n}${where(p)}, the sum of the bands ${bandList(p, true, lang)} of the population file.`
            : `Population ${used} : ${n}${where(p)}, somme des tranches ${bandList(p, true, lang)} du fichier de population.`,
        );
      } else {
        const missing = p.missing.map((x) => s.range(x, en));
        const extra = p.extra.map((x) => s.range(x, en));
        notes.push(
          en
            ? `Age range asked for: ${asked}. The population file's age bands (${bandList(p, false, lang)}) do not isolate it: ` +
                `the per-inhabitant figure uses the population ${used} (bands ${bandList(p, true, lang)}), that is ${n}${where(p)}` +
                `${missing.length ? `; people ${listOf(missing, lang)} are not counted` : ''}${extra.length ? `; people ${listOf(extra, lang)} are counted as well` : ''}.` +
                `${p.overlapping ? ' Some bands counted overlap: some people are counted twice.' : ''}`
            : `Tranche demandée : ${asked}. Les tranches d'âge du fichier de population (${bandList(p, false, lang)}) ne permettent pas de la retenir exactement : ` +
                `le montant par habitant porte sur la population ${used} (tranches ${bandList(p, true, lang)}), soit ${n}${where(p)}` +
                `${missing.length ? ` ; les ${listOf(missing, lang)} ne sont pas comptés` : ''}${extra.length ? ` ; les ${listOf(extra, lang)} sont comptés en plus` : ''}.` +
                `${p.overlapping ? ' Des tranches retenues se chevauchent : certaines personnes sont comptées deux fois.' : ''}`,
        );
      }
    }
  }
  return [...new Set(notes)];
}
