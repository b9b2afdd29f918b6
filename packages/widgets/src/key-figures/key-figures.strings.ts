import {formatEuro, formatNumber, formatPercent, looseKey} from '@epn/stats';
import type {Lang} from '../internal/i18n.js';
import {keyOf} from '../internal/card/key-values.js';
import type {Breakdown, KeyFigure, KeyFiguresModel, RatioFigure} from './key-figures.data.js';

type Both = {fr: string; en: string};

/** Labels of the keys the EPN programmes publish (`chiffres-cles.csv`), by loose key; other keys are shown as written. */
const KNOWN = new Map<string, Both>([
  ['visites annuelles', {fr: 'Visites par an', en: 'Visits a year'}],
  ['visites', {fr: 'Visites', en: 'Visits'}],
  ['inscrits annuels', {fr: 'Inscrits par an', en: 'Registered users a year'}],
  ['inscrits', {fr: 'Inscrits', en: 'Registered users'}],
  ['animateurs', {fr: 'Animateurs', en: 'Facilitators'}],
  ['animateurs cdd', {fr: 'Animateurs en CDD', en: 'Facilitators on fixed-term contracts'}],
  ['animateurs cdi', {fr: 'Animateurs en CDI', en: 'Facilitators on permanent contracts'}],
  ['equivalents temps plein', {fr: 'Équivalents temps plein', en: 'Full-time equivalents'}],
  ['etp', {fr: 'Équivalents temps plein', en: 'Full-time equivalents'}],
  ['porteurs de projets', {fr: 'Porteurs de projets', en: 'Project holders'}],
  ['projets', {fr: 'Porteurs de projets', en: 'Project holders'}],
  ['epn', {fr: 'Espaces publics numériques (EPN)', en: 'Public digital spaces (EPN)'}],
  ['budget appels a projets', {fr: 'Budget des appels à projets', en: 'Calls for projects budget'}],
  [
    'budget centre de ressources 4 ans',
    {fr: 'Budget du centre de ressources (4 ans)', en: 'Resource centre budget (4 years)'},
  ],
  ['budget', {fr: 'Budget', en: 'Budget'}],
  ['budget annuel', {fr: 'Budget annuel', en: 'Annual budget'}],
  ['population', {fr: 'Population', en: 'Population'}],
  ['habitants', {fr: 'Habitants', en: 'Inhabitants'}],
  ['departement', {fr: 'Département', en: 'Département'}],
  ['departements', {fr: 'Départements', en: 'Départements'}],
  ['region', {fr: 'Région', en: 'Region'}],
  ['commune', {fr: 'Commune', en: 'Municipality'}],
  ['territoire', {fr: 'Territoire', en: 'Territory'}],
  ['annee', {fr: 'Année', en: 'Year'}],
]);

/** Units the files use, translated; others are shown as written. */
const UNITS = new Map<string, Both>([
  ['visites', {fr: 'visites', en: 'visits'}],
  ['personnes', {fr: 'personnes', en: 'people'}],
  ['etp', {fr: 'ETP', en: 'FTE'}],
  ['structures', {fr: 'structures', en: 'organisations'}],
  ['lieux', {fr: 'lieux', en: 'places'}],
  ['inscrits', {fr: 'inscrits', en: 'registered users'}],
  ['habitants', {fr: 'habitants', en: 'inhabitants'}],
]);

/** The label of a key: the `labels` attribute's, else a known label, else the key as written. */
export function labelOf(key: string, lang: Lang, custom?: Map<string, string>): string {
  const k = keyOf(key);
  return custom?.get(k) ?? KNOWN.get(k)?.[lang] ?? key;
}

/**
 * The unit to write after a value (`visites`, `ETP`), or `''`: euros are written by the amount itself, and a unit the
 * label already says is not repeated (« Visites par an : 745 000 », not « 745 000 visites »; ETP under « Équivalents
 * temps plein »). `label` is the label shown with the value.
 */
export function unitOf(figure: Pick<KeyFigure, 'unit' | 'euro'>, lang: Lang, label = ''): string {
  if (figure.euro || !figure.unit) return '';
  const unit = keyOf(figure.unit);
  const said = keyOf(label);
  if (
    said.split(' ').some((w) => w.replace(/s$/, '') === unit.replace(/s$/, '')) ||
    keyOf(labelOf(unit, lang)) === said
  )
    return '';
  return UNITS.get(unit)?.[lang] ?? figure.unit;
}

/** Every text of `<epn-key-figures>`, per language. */
export interface KeyFiguresStrings {
  title: string;
  figures: string;
  caption: (title: string) => string;
  indicator: string;
  value: string;
  shareOfTotal: string;
  /** `745 000 / 65 691` under a ratio. */
  ratioDetail: (num: string, den: string) => string;
  breakdownTitle: (column: string, rows: string) => string;
  duplicate: (keys: string) => string;
  skipped: (lines: string) => string;
  summary: (p: {count: number; ratios: string[]; breakdown: string | null}) => string;
  breakdownSummary: (p: {title: string; top: string; value: string; total: string; share: string}) => string;
}

const fr: KeyFiguresStrings = {
  title: 'Chiffres clés',
  figures: 'Chiffres clés',
  caption: (title) => `Données : ${title}`,
  indicator: 'Indicateur',
  value: 'Valeur',
  shareOfTotal: 'Part du total',
  ratioDetail: (n, d) => `${n} / ${d}`,
  breakdownTitle: (c, r) => `${c} par ${r.toLocaleLowerCase('fr')}`,
  duplicate: (k) =>
    `Indicateur présent plusieurs fois dans le fichier : ${k} (les ratios utilisent la première valeur).`,
  skipped: (l) => `Lignes sans nom d'indicateur, non affichées : ${l}.`,
  summary: ({count, ratios, breakdown}) =>
    [
      `${count} ${count > 1 ? 'chiffres clés' : 'chiffre clé'}${ratios.length ? ` ; ${ratios.join(' ; ')}` : ''}.`,
      breakdown,
    ]
      .filter(Boolean)
      .join(' '),
  breakdownSummary: (p) =>
    `${p.title} : ${p.top} en tête avec ${p.value} sur ${p.total}${p.share ? ` (${p.share})` : ''}.`,
};

const en: KeyFiguresStrings = {
  title: 'Key figures',
  figures: 'Key figures',
  caption: (title) => `Data: ${title}`,
  indicator: 'Figure',
  value: 'Value',
  shareOfTotal: 'Share of total',
  ratioDetail: (n, d) => `${n} / ${d}`,
  breakdownTitle: (c, r) => `${c} by ${r.toLocaleLowerCase('en')}`,
  duplicate: (k) => `Figure given several times in the file: ${k} (ratios use the first value).`,
  skipped: (l) => `Lines without a figure name, not shown: ${l}.`,
  summary: ({count, ratios, breakdown}) =>
    [`${count} key ${count > 1 ? 'figures' : 'figure'}${ratios.length ? `; ${ratios.join('; ')}` : ''}.`, breakdown]
      .filter(Boolean)
      .join(' '),
  breakdownSummary: (p) => `${p.title}: ${p.top} first with ${p.value} of ${p.total}${p.share ? ` (${p.share})` : ''}.`,
};

/** The texts of `<epn-key-figures>` in a language. */
export const keyFiguresStrings = (lang: Lang): KeyFiguresStrings => (lang === 'en' ? en : fr);

/** How a figure's value is written: euros compact (`5,1 M€`, `800 k€`), other numbers in full (`745 000`), texts as is. */
export function formatFigure(f: Pick<KeyFigure, 'value' | 'text' | 'euro'> & {key?: string}, lang: Lang): string {
  if (f.value === null) return f.text ?? '';
  // A year is written as a year (2024), never grouped like a count (2 024).
  if (f.key && isYearKey(f.key) && Number.isInteger(f.value) && f.value >= 1000 && f.value <= 9999)
    return String(f.value);
  return f.euro ? formatEuro(f.value, {locale: lang, compact: true}) : formatNumber(f.value, {locale: lang});
}

/** Whether a key names a year (`Année`, `annee`, `year`, `millésime`, `exercice`). */
function isYearKey(key: string): boolean {
  return /^(annee|year|millesime|exercice)$/.test(looseKey(key));
}

/** How a ratio's value is written: euros as budgets per head are (`16 €`), else `digits` fraction digits (default 1). */
export function formatRatio(r: Pick<RatioFigure, 'value' | 'euro'>, lang: Lang, digits?: number | null): string {
  if (r.euro) return formatEuro(r.value, {locale: lang, ...(digits != null ? {digits} : {})});
  return formatNumber(r.value, {locale: lang, digits: digits ?? 1});
}

/** The label of a ratio: the one declared, else `numerator / denominator` labels. */
export function ratioLabel(r: RatioFigure, lang: Lang, custom?: Map<string, string>): string {
  return r.label ?? `${labelOf(r.num.key, lang, custom)} / ${labelOf(r.den.key, lang, custom)}`;
}

/** The title of a breakdown: the attribute's, else `<column label> par <row title>`. */
export function breakdownTitle(b: Breakdown, lang: Lang, custom?: Map<string, string>): string {
  return keyFiguresStrings(lang).breakdownTitle(labelOf(b.column, lang, custom), labelOf(b.rowTitle, lang, custom));
}

/**
 * The summary sentence: how many figures, the ratios, and the largest part of the breakdown, e.g. `10 chiffres clés ;
 * 11,3 visites par inscrit. Espaces publics numériques (EPN) par département : Manche en tête avec 61 sur 117 (52,1 %).`
 */
export function keyFiguresSummary(
  m: KeyFiguresModel,
  lang: Lang,
  options: {digits?: number | null; breakdownHeading?: string | null} = {},
): string {
  const s = keyFiguresStrings(lang);
  const ratios = m.ratios
    .filter((r) => r.value !== null)
    .map((r) => `${formatRatio(r, lang, options.digits)} ${ratioLabel(r, lang, m.labels)}`);
  let breakdown: string | null = null;
  const b = m.breakdown;
  if (b && b.top >= 0) {
    const item = b.items[b.top]!;
    const format = (v: number | null) =>
      b.euro ? formatEuro(v, {locale: lang, compact: true}) : formatNumber(v, {locale: lang});
    breakdown = s.breakdownSummary({
      title: options.breakdownHeading || breakdownTitle(b, lang, m.labels),
      top: item.label,
      value: format(item.value),
      total: format(b.total) || '?',
      share: formatPercent(item.share, {locale: lang}),
    });
  }
  const count = m.figures.filter((f) => f.value !== null || f.text !== null).length;
  if (!count && !ratios.length) return breakdown ?? '';
  return s.summary({count, ratios, breakdown});
}
