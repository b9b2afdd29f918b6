import {formatNumber, formatPercent, readPopulation, reach, ratio, type CrossTab, type Table} from '@epn/stats';
import type {DataTable} from '../internal/base.js';
import type {Lang, Strings} from '../internal/i18n.js';
import {ageWords} from '../internal/age-words.js';
import {fullAgeLabel} from '../internal/labels.js';
import type {PyramidData} from './age-chart.data.js';

/** The population a pyramid is compared with, in the pyramid's bands, as shares of the population's total. */
export interface PyramidPopulation {
  /** Population shares per band (of the whole population), per sex. */
  men: (number | null)[];
  women: (number | null)[];
  /** Users' and population's shares per band (both sexes), and the representation index. */
  userShare: (number | null)[];
  populationShare: (number | null)[];
  index: (number | null)[];
  /** Whether the band's population is an estimate (the population file has other bands). */
  estimated: boolean[];
  /** The territories added, as the file names them. */
  areas: string[];
}

/** How to read the population file (the element's attributes). */
export interface PyramidPopulationOptions {
  area?: string | null;
  group?: string | null;
}

/**
 * The population of `population-src` in the pyramid's bands (the core's {@link readPopulation} and {@link reach}:
 * exact where the bands allow, else a flagged estimate), as shares of its total to compare with the users' shares.
 * Throws what the core throws (an unknown territory, a file without ages).
 */
export function pyramidPopulation(
  data: PyramidData,
  table: Table,
  options: PyramidPopulationOptions = {},
): PyramidPopulation {
  const pop = readPopulation(table, {
    ...(options.area ? {area: options.area} : {}),
    ...(options.group ? {group: options.group} : {}),
  });
  const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  const users: CrossTab = {
    rowLabels: ['Hommes', 'Femmes'],
    columnLabels: data.bands,
    counts: [data.men, data.women],
    rowTotals: [data.menTotal, data.womenTotal],
    columnTotals: data.bands.map((_, i) => sum(data.men[i]!, data.women[i]!)),
    total: data.total,
    meta: {
      rowTitle: 'sexe',
      columnTitle: '',
      givenRowTotals: null,
      givenColumnTotals: null,
      givenTotal: null,
      subRows: [],
      excluded: 0,
      issues: [],
    },
  };
  const r = reach(users, pop);
  const share = (s: 'Hommes' | 'Femmes') =>
    r.bands.map((b) => (b.sexes ? ratio(b.sexes[s].population, r.population) : null));
  return {
    men: pop.rowLabels.length > 1 ? share('Hommes') : r.bands.map(() => null),
    women: pop.rowLabels.length > 1 ? share('Femmes') : r.bands.map(() => null),
    userShare: r.bands.map((b) => b.userShare),
    populationShare: r.bands.map((b) => b.populationShare),
    index: r.bands.map((b) => b.index),
    estimated: r.bands.map((b) => b.estimated),
    areas: pop.meta.areas,
  };
}

/**
 * The sentence naming the most over- and under-represented bands: « Les 65 + sont 10,3 % des inscrits et 14,0 % de la
 * population. », with « (population estimée) » for an estimated band. Empty when no band has an index.
 */
export function populationSentence(data: PyramidData, p: PyramidPopulation, lang: Lang): string {
  const known = data.bands.map((_, i) => i).filter((i) => p.index[i] !== null);
  if (known.length < 2) return '';
  const sorted = [...known].sort((a, b) => p.index[b]! - p.index[a]!);
  const pct = (v: number | null) => formatPercent(v, {locale: lang, digits: 1});
  const say = (i: number) =>
    lang === 'en'
      ? `the ${ageWords(data.bands[i]!, lang)} are ${pct(p.userShare[i]!)} of users and ${pct(p.populationShare[i]!)} of the population${p.estimated[i] ? ' (estimated)' : ''}.`
      : `les ${ageWords(data.bands[i]!, lang)} sont ${pct(p.userShare[i]!)} des inscrits et ${pct(p.populationShare[i]!)} de la population${p.estimated[i] ? ' (population estimée)' : ''}.`;
  const top = sorted[0]!;
  const bottom = sorted[sorted.length - 1]!;
  const parts: string[] = [];
  if (p.index[top]! > 1)
    parts.push((lang === 'en' ? 'Most over-represented: ' : 'Les plus surreprésentés\u00a0: ') + say(top));
  if (p.index[bottom]! < 1)
    parts.push((lang === 'en' ? 'Most under-represented: ' : 'Les plus sous-représentés\u00a0: ') + say(bottom));
  return parts.join(' ');
}

/** The pyramid's data table with the population's share of the inhabitants and the representation index, per band. */
export function populationTable(
  base: {
    caption: string;
    head: string[];
    rows: Array<{header: string; cells: string[]; values: Array<number | null>; total?: boolean | undefined}>;
  },
  m: PyramidData,
  p: PyramidPopulation,
  t: Strings,
  digits: number | null,
): DataTable {
  const en = t.locale === 'en';
  const pct = (v: number | null) => formatPercent(v, {locale: t.locale, digits: digits ?? 1}) || t.markers.unavailable;
  const idx = (v: number | null) => formatNumber(v, {locale: t.locale, digits: 2}) || t.markers.unavailable;
  const estimated = en ? ' (estimated population)' : ' (population estimée)';
  return {
    caption: base.caption,
    head: [
      ...base.head,
      en ? 'Share of population' : 'Part de la population',
      en ? 'Representation index' : 'Indice de représentation',
    ],
    rows: base.rows.map((r, i) =>
      i < m.bands.length
        ? {
            header: r.header + (p.estimated[i] ? estimated : ''),
            cells: [...r.cells, pct(p.populationShare[i]!), idx(p.index[i]!)],
            values: [...r.values, p.populationShare[i]!, p.index[i]!],
          }
        : {...r, cells: [...r.cells, pct(1), idx(1)], values: [...r.values, 1, 1]},
    ),
  };
}

/** The notes under a pyramid compared with a population: the outlines, the estimated bands, the territories. */
export function populationNotes(m: PyramidData, p: PyramidPopulation, t: Strings, lang: Lang): string[] {
  const notes: string[] = [];
  const en = t.locale === 'en';
  const est = m.bands.filter((_, i) => p.estimated[i]).map((b) => fullAgeLabel(b, lang));
  notes.push(
    en
      ? "Outlines: the population's share in each band, for comparison."
      : 'Contours\u00a0: la part de la population dans chaque tranche, pour comparer.',
  );
  if (est.length) {
    notes.push(
      en
        ? `Estimated population for bands ${est.join(', ')}: the population file has other age bands; its counts are spread evenly over the ages of each band.`
        : `Population estimée pour les tranches ${est.join(', ')}\u00a0: le fichier de population n'a pas les mêmes tranches d'âge ; ses effectifs y sont répartis à parts égales entre les âges de chaque tranche.`,
    );
  }
  if (p.areas.length) notes.push(`${en ? 'Population of: ' : 'Population de\u00a0: '}${p.areas.join(', ')}.`);
  return notes;
}
