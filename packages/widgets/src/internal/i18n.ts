import type {MarkerKind} from '@epn/stats';
import {lazy} from './lazy.js';

/** The languages the widgets speak. */
export type Lang = 'fr' | 'en';

/**
 * The language of an element: its own `lang`, else the closest ancestor's (across shadow roots), else French.
 */
export function langOf(element: Element): Lang {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return /^en\b/i.test(lang) ? 'en' : 'fr';
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return 'fr';
}

/** Every text the widgets show, per language. */
export interface Strings {
  locale: string;
  loading: string;
  loadingPercent: (percent: string) => string;
  empty: string;
  showData: string;
  hideData: string;
  source: string;
  /** "Source : " in French, "Source: " in English. */
  sourceLabel: string;
  stale: (message: string, time: string) => string;
  markers: Record<MarkerKind, string>;
  men: string;
  women: string;
  total: string;
  ageBand: string;
  count: string;
  share: string;
  ofTotal: string;
  notShown: (n: string, what: string) => string;
  /** What {@link Strings.notShown} says of a pyramid's rows without a sex or an age. */
  noSexOrAge: string;
  /** The note after the first few rows not shown: how many more, and their total when known. */
  moreNotShown: (rows: string, total: string | null) => string;
  pyramidTitle: string;
  /** The pyramid's sentence; `null` figures are unknown (a secret or unavailable cell) and left out of it. */
  pyramidSummary: (p: {
    total: string | null;
    men: string | null;
    women: string | null;
    band: string | null;
    bandShare: string | null;
  }) => string;
  chartData: (title: string) => string;
  exportMenu: string;
  exportActions: {png: string; svg: string; csv: string; copy: string};
  exportedOn: (date: string) => string;
  copied: string;
  copyRefused: string;
  exportFailed: string;
  /** The image export's file could not be loaded: its name and the address it was looked for at. */
  exportMissing: (file: string, url: string) => string;
}

export const fr: Strings = {
  locale: 'fr',
  loading: 'Chargement des données…',
  loadingPercent: (p) => `Chargement des données\u00a0: ${p}`,
  empty: 'Aucune donnée à afficher.',
  showData: 'Voir les données',
  hideData: 'Masquer les données',
  source: 'Source',
  sourceLabel: 'Source\u00a0: ',
  stale: (m, t) =>
    `Données non actualisées\u00a0: la dernière mise à jour a échoué (${m}). Chiffres affichés\u00a0: ceux de ${t}.`,
  markers: {secret: 'donnée confidentielle', unavailable: 'non disponible', empty: 'non renseigné'},
  men: 'Hommes',
  women: 'Femmes',
  total: 'Total',
  ageBand: "Tranche d'âge",
  count: 'Effectif',
  share: 'Part du total',
  ofTotal: 'du total',
  notShown: (n, what) => `${n} ${what} ne sont pas représentés dans le graphique.`,
  noSexOrAge: 'lignes sans sexe ou sans âge',
  moreNotShown: (rows, total) =>
    `… et ${rows} autres lignes${total ? ` (${total} en tout)` : ''} ne sont pas représentées dans le graphique.`,
  pyramidTitle: 'Pyramide des âges',
  pyramidSummary: (p) =>
    (p.total ? `Pyramide des âges de ${p.total} personnes` : 'Pyramide des âges') +
    (p.men && p.women
      ? `\u00a0: ${p.men} hommes et ${p.women} femmes.`
      : p.men
        ? `\u00a0: ${p.men} hommes.`
        : p.women
          ? `\u00a0: ${p.women} femmes.`
          : '.') +
    (p.band
      ? ` La tranche d'âge la plus représentée est ${p.band}${p.bandShare ? `, avec ${p.bandShare} du total` : ''}.`
      : '') +
    (p.total && p.men && p.women && p.band
      ? ''
      : ' Certains effectifs ne sont pas connus (secret statistique ou donnée non disponible).'),
  chartData: (title) => `Données du graphique\u00a0: ${title}`,
  exportMenu: 'Exporter',
  exportActions: {png: 'Image PNG', svg: 'Image SVG', csv: 'Données CSV (Excel)', copy: 'Copier la phrase'},
  exportedOn: (d) => `Exporté le ${d}`,
  copied: 'Phrase copiée.',
  copyRefused: 'La copie a été refusée\u00a0: la phrase est sélectionnée ci-dessous, copiez-la avec Ctrl+C.',
  exportFailed: "L'export a échoué.",
  exportMissing: (f, u) =>
    `L'export a échoué\u00a0: fichier ${f} introuvable à l'adresse ${u}. Copiez-le à côté de epn-widgets.js.`,
};

/**
 * The English texts of the widgets whose code is in the all-in-one file (these, the equipment and skill charts'):
 * in the all-in-one file, the chunk epn-en.js beside it, loaded when an English widget (`lang="en"`) first updates
 * (it waits for them); a French page never loads it.
 */
export const english = lazy(() => import('./en.code.js'), 'epn-en.js');

/** `french`, or in English (once loaded: widgets wait for `english`) what `pick` takes of the English texts. */
export const inLang = <T>(lang: Lang, french: T, pick: (en: typeof import('./en.code.js')) => T): T =>
  lang === 'en' && english.m ? pick(english.m) : french;
