import type {MarkerKind} from '@epn/stats';

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
  /** The note after the first few rows not shown: how many more, and their total when known. */
  moreNotShown: (rows: string, total: string | null) => string;
  pyramidTitle: string;
  /** The pyramid's sentence; `null` figures are unknown (a secret or unavailable cell) and left out of it. */
  pyramidSummary: (p: {total: string | null; men: string | null; women: string | null; band: string | null; bandShare: string | null}) => string;
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

const fr: Strings = {
  locale: 'fr',
  loading: 'Chargement des données…',
  loadingPercent: (p) => `Chargement des données\u00a0: ${p}`,
  empty: 'Aucune donnée à afficher.',
  showData: 'Voir les données',
  hideData: 'Masquer les données',
  source: 'Source',
  sourceLabel: 'Source\u00a0: ',
  stale: (m, t) => `Données non actualisées\u00a0: la dernière mise à jour a échoué (${m}). Chiffres affichés\u00a0: ceux de ${t}.`,
  markers: {secret: 'donnée confidentielle', unavailable: 'non disponible', empty: 'non renseigné'},
  men: 'Hommes',
  women: 'Femmes',
  total: 'Total',
  ageBand: 'Tranche d\'âge',
  count: 'Effectif',
  share: 'Part du total',
  ofTotal: 'du total',
  notShown: (n, what) => `${n} ${what} ne sont pas représentés dans le graphique.`,
  moreNotShown: (rows, total) => `… et ${rows} autres lignes${total ? ` (${total} en tout)` : ''} ne sont pas représentées dans le graphique.`,
  pyramidTitle: 'Pyramide des âges',
  pyramidSummary: (p) =>
    (p.total ? `Pyramide des âges de ${p.total} personnes` : 'Pyramide des âges') +
    (p.men && p.women ? `\u00a0: ${p.men} hommes et ${p.women} femmes.` : p.men ? `\u00a0: ${p.men} hommes.` : p.women ? `\u00a0: ${p.women} femmes.` : '.') +
    (p.band ? ` La tranche d'âge la plus représentée est ${p.band}${p.bandShare ? `, avec ${p.bandShare} du total` : ''}.` : '') +
    (p.total && p.men && p.women && p.band ? '' : ' Certains effectifs ne sont pas connus (secret statistique ou donnée non disponible).'),
  chartData: (title) => `Données du graphique\u00a0: ${title}`,
  exportMenu: 'Exporter',
  exportActions: {png: 'Image PNG', svg: 'Image SVG', csv: 'Données CSV (Excel)', copy: 'Copier la phrase'},
  exportedOn: (d) => `Exporté le ${d}`,
  copied: 'Phrase copiée.',
  copyRefused: 'La copie a été refusée\u00a0: la phrase est sélectionnée ci-dessous, copiez-la avec Ctrl+C.',
  exportFailed: 'L\'export a échoué.',
  exportMissing: (f, u) => `L'export a échoué\u00a0: fichier ${f} introuvable à l'adresse ${u}. Copiez-le à côté de epn-widgets.js.`,
};

const en: Strings = {
  locale: 'en',
  loading: 'Loading data…',
  loadingPercent: (p) => `Loading data: ${p}`,
  empty: 'No data to show.',
  showData: 'Show the data',
  hideData: 'Hide the data',
  source: 'Source',
  sourceLabel: 'Source: ',
  stale: (m, t) => `Data not refreshed: the last update failed (${m}). Figures shown are those of ${t}.`,
  markers: {secret: 'confidential', unavailable: 'not available', empty: 'not given'},
  men: 'Men',
  women: 'Women',
  total: 'Total',
  ageBand: 'Age band',
  count: 'Count',
  share: 'Share of total',
  ofTotal: 'of the total',
  notShown: (n, what) => `${n} ${what} are not shown in the chart.`,
  moreNotShown: (rows, total) => `… and ${rows} more rows${total ? ` (${total} in all)` : ''} are not shown in the chart.`,
  pyramidTitle: 'Age pyramid',
  pyramidSummary: (p) =>
    (p.total ? `Age pyramid of ${p.total} people` : 'Age pyramid') +
    (p.men && p.women ? `: ${p.men} men and ${p.women} women.` : p.men ? `: ${p.men} men.` : p.women ? `: ${p.women} women.` : '.') +
    (p.band ? ` The largest age band is ${p.band}${p.bandShare ? `, with ${p.bandShare} of the total` : ''}.` : '') +
    (p.total && p.men && p.women && p.band ? '' : ' Some counts are not known (statistical secrecy or unavailable data).'),
  chartData: (title) => `Chart data: ${title}`,
  exportMenu: 'Export',
  exportActions: {png: 'PNG image', svg: 'SVG image', csv: 'CSV data (Excel)', copy: 'Copy the sentence'},
  exportedOn: (d) => `Exported on ${d}`,
  copied: 'Sentence copied.',
  copyRefused: 'Copying was refused: the sentence is selected below, copy it with Ctrl+C.',
  exportFailed: 'The export failed.',
  exportMissing: (f, u) => `The export failed: file ${f} not found at ${u}. Copy it beside epn-widgets.js.`,
};

/** The strings of a language. */
export const strings = (lang: Lang): Strings => (lang === 'en' ? en : fr);
