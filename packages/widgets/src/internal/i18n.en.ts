import {fr, type Lang, type Strings} from './i18n.js';

// The widgets' shared English texts, apart from the French ones (i18n.ts): in the all-in-one file they are in the
// chunk epn-en.js (en.code.ts), loaded only by English widgets; the elements read them through `inLang`.

export const en: Strings = {
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
  noSexOrAge: 'rows without sex or age',
  moreNotShown: (rows, total) =>
    `… and ${rows} more rows${total ? ` (${total} in all)` : ''} are not shown in the chart.`,
  pyramidTitle: 'Age pyramid',
  pyramidSummary: (p) =>
    (p.total ? `Age pyramid of ${p.total} people` : 'Age pyramid') +
    (p.men && p.women
      ? `: ${p.men} men and ${p.women} women.`
      : p.men
        ? `: ${p.men} men.`
        : p.women
          ? `: ${p.women} women.`
          : '.') +
    (p.band ? ` The largest age band is ${p.band}${p.bandShare ? `, with ${p.bandShare} of the total` : ''}.` : '') +
    (p.total && p.men && p.women && p.band
      ? ''
      : ' Some counts are not known (statistical secrecy or unavailable data).'),
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
