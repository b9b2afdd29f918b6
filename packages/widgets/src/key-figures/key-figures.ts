import {formatEuro, formatNumber, formatPercent, ratio, type CrossTab, type Table} from '@epn/stats';
import {html, nothing, svg, type PropertyDeclarations, type TemplateResult} from 'lit';
import type {DataTable} from '../internal/base.js';
import type {Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {prose} from '../internal/labels.js';
import {EpnCard} from '../budget-card/card.js';
import {cardStyles} from '../budget-card/card.styles.js';
import {keyFigures, type Breakdown, type KeyFigure, type KeyFiguresModel, type RatioFigure} from './key-figures.data.js';
import {breakdownTitle, formatFigure, formatRatio, keyFiguresStrings, keyFiguresSummary, labelOf, ratioLabel, unitOf, type KeyFiguresStrings} from './key-figures.strings.js';
import {keyFiguresStyles} from './key-figures.styles.js';
import {andMore, MAX_LISTED, quotedSome} from '../internal/lists.js';

/** The most bars a breakdown draws (and rows its table lists); the others are one line, « … et N autres ». */
const MAX_BARS = 30;

/**
 * A programme's key figures from a key/value CSV file (`indicateur,valeur,unite`): visits, registered users, staff,
 * places, amounts (in euros, abbreviated: `5,1 M€`), with ratios declared in an attribute (745 000 visits / 65 691
 * users → 11,3 visites par inscrit) and a breakdown from a second file drawn as an accessible list of bars.
 *
 * `ratios` syntax: `numerator/denominator:label`, several separated by `;`; the keys are the file's (loosely matched:
 * case, accents, `_`), the label is optional. A ratio of euros over a count is an amount in euros (`16 €`); others have
 * `digits` fraction digits (default 1).
 *
 * @summary Key figures, derived ratios and a small breakdown, from CSV files.
 * @tag epn-key-figures
 *
 * @attr src - URL of a key/value CSV (`indicateur,valeur[,unite]`) or of a one-row table.
 * @attr keys - The keys to show, in order, separated by `,` (default: every line of the file).
 * @attr labels - Labels for keys, `key:label` separated by `;` (known keys have French and English labels already).
 * @attr ratios - Derived ratios, `numerator/denominator:label` separated by `;`, e.g.
 *   `visites_annuelles/inscrits_annuels:visites par inscrit`.
 * @attr digits - Fraction digits of the ratios (default 1).
 * @attr breakdown-src - URL of a table with one row per part (`departement,projets,epn`).
 * @attr breakdown-column - The column of `breakdown-src` drawn (default: its first numeric column).
 * @attr breakdown-heading - The title of the breakdown (default: "<column> par <rows>").
 * @attr heading - The title (default "Chiffres clés").
 * @attr lang - `fr` (default, or the page's) or `en`.
 *
 * @event epn-load - The figures are on screen (after both files); `detail`: `{table, meta}`.
 * @event epn-error - Loading or reading failed; `detail`: `{code, message, stale}`.
 *
 * @csspart figure - The whole element.
 * @csspart title - The title.
 * @csspart figures - The list (`<dl>`) of figures.
 * @csspart item - One figure (a tile).
 * @csspart ratio - A ratio's tile.
 * @csspart label - The label of a figure.
 * @csspart value - A figure's value.
 * @csspart summary - The summary sentence.
 * @csspart breakdown - The breakdown (title, bars, total).
 * @csspart bars - The list of bars.
 * @csspart bar - One decorative bar.
 * @csspart note - A note.
 * @csspart toggle - The "Voir les données" button.
 * @csspart table - A data table.
 * @csspart source - The source line.
 *
 * @cssproperty [--epn-figure-color=#000091] - Colour of the figures.
 * @cssproperty [--epn-bar-color=#000091] - Colour of the bars.
 * @cssproperty [--epn-bar-track-color=#e3e3fd] - Track behind the bars.
 * @cssproperty [--epn-card-background=#f6f6f6] - Background of the tiles.
 * @cssproperty [--epn-card-border-color=#dddddd] - Border of the tiles.
 * @cssproperty [--epn-text-color=#161616] - Text colour.
 * @cssproperty [--epn-muted-color=#3a3a3a] - Secondary text.
 * @cssproperty [--epn-background=#ffffff] - Background colour.
 * @cssproperty [--epn-font-family=Marianne, system-ui, sans-serif] - Font.
 */
export class EpnKeyFigures extends EpnCard<KeyFiguresModel> {
  static override properties: PropertyDeclarations = {
    ...EpnCard.properties,
    keys: {type: String},
    labels: {type: String},
    ratios: {type: String},
    breakdownSrc: {type: String, attribute: 'breakdown-src'},
    breakdownColumn: {type: String, attribute: 'breakdown-column'},
    breakdownHeading: {type: String, attribute: 'breakdown-heading'},
  };
  static override styles = [baseStyles, cardStyles, keyFiguresStyles];
  static override modelProperties = [...EpnCard.modelProperties, 'keys', 'labels', 'ratios', 'breakdownColumn'];
  protected static override extraProperty = 'breakdownSrc';

  /** The keys to show, in order, separated by `,`. */
  keys: string | null = null;
  /** Labels for keys: `key:label` separated by `;`. */
  labels: string | null = null;
  /** Ratios: `numerator/denominator:label` separated by `;`. */
  ratios: string | null = null;
  /** URL of the breakdown file. */
  breakdownSrc: string | null = null;
  /** The column of the breakdown file drawn. */
  breakdownColumn: string | null = null;
  /** The title of the breakdown. */
  breakdownHeading: string | null = null;

  protected override hasAttributeInput(): boolean {
    return !!this.breakdownSrc;
  }

  private get s(): KeyFiguresStrings {
    return keyFiguresStrings(this.language);
  }

  protected override buildCardModel(input: Table | CrossTab): KeyFiguresModel {
    return keyFigures(input, {
      keys: this.keys,
      ratios: this.ratios,
      labels: this.labels,
      breakdownTable: this.extraTable,
      breakdownColumn: this.breakdownColumn,
    });
  }

  protected override isEmpty(m: KeyFiguresModel): boolean {
    const figures = m.figures.some((f) => f.value !== null || f.text !== null);
    const ratios = m.ratios.some((r) => r.value !== null);
    const bars = !!m.breakdown && m.breakdown.items.some((i) => i.value !== null);
    return !figures && !ratios && !bars;
  }

  protected override defaultTitle(): string {
    return this.s.title;
  }

  protected override summarize(m: KeyFiguresModel): string {
    return keyFiguresSummary(m, this.language, {digits: this.digits, breakdownHeading: this.breakdownHeading});
  }

  protected override notes(m: KeyFiguresModel): string[] {
    const notes: string[] = [];
    const en = this.language === 'en';
    if (m.duplicates.length) notes.push(this.s.duplicate(quotedSome(m.duplicates, en)));
    const lines = m.skippedLines;
    if (lines.length) notes.push(this.s.skipped(lines.slice(0, MAX_LISTED).join(', ') + (lines.length > MAX_LISTED ? `… ${andMore(lines.length - MAX_LISTED, en)}` : '')));
    return notes;
  }

  private value(f: KeyFigure, t: Strings): string {
    return f.value === null && f.text === null ? this.missing(f.marker, t) : formatFigure(f, this.language);
  }

  private ratioValue(r: RatioFigure, t: Strings): string {
    return r.value === null ? t.markers.unavailable : formatRatio(r, this.language, this.digits);
  }

  private ratioDetail(r: RatioFigure, t: Strings): string {
    return this.s.ratioDetail(this.value(r.num, t), this.value(r.den, t));
  }

  private breakdownValue(b: Breakdown, v: number | null, t: Strings): string {
    if (v === null) return t.markers.unavailable;
    return b.euro ? formatEuro(v, {locale: t.locale, compact: true}) : formatNumber(v, {locale: t.locale});
  }

  protected override renderCard(m: KeyFiguresModel, t: Strings): TemplateResult {
    const lang = this.language;
    const figureTile = (f: KeyFigure) => {
      const missing = f.value === null && f.text === null;
      const unit = missing ? '' : unitOf(f, lang, labelOf(f.key, lang, m.labels));
      return html`<div class="tile" part="item">
        <dt part="label">${labelOf(f.key, lang, m.labels)}</dt>
        <dd class="value ${missing ? 'unavailable' : ''}" part="value">${this.value(f, t)}${unit ? html`<span class="unit"> ${unit}</span>` : nothing}</dd>
      </div>`;
    };
    const ratioTile = (r: RatioFigure) => html`<div class="tile ratio" part="item ratio">
      <dt part="label">${ratioLabel(r, lang, m.labels)}</dt>
      <dd class="value ${r.value === null ? 'unavailable' : ''}" part="value">${this.ratioValue(r, t)}</dd>
      <dd class="detail">${this.ratioDetail(r, t)}</dd>
    </div>`;
    return html`
      ${m.figures.length || m.ratios.length
        ? html`<dl class="tiles" part="figures">${m.figures.map(figureTile)}${m.ratios.map(ratioTile)}</dl>`
        : nothing}
      <p class="summary" part="summary">${prose(this.summarize(m))}</p>
      ${m.breakdown ? this.renderBreakdown(m.breakdown, m, t) : nothing}`;
  }

  /** The rows past {@link MAX_BARS}, as one line: « … et N autres », their sum (unknown if one is) and its share. */
  private moreBars(b: Breakdown): {label: string; value: number | null; share: number | null} | null {
    const rest = b.items.slice(MAX_BARS);
    if (!rest.length) return null;
    const value = rest.every((i) => i.value !== null) ? rest.reduce((s, i) => s + i.value!, 0) : null;
    return {label: `… ${andMore(rest.length, this.language === 'en')}`, value, share: ratio(value, b.total)};
  }

  private renderBreakdown(b: Breakdown, m: KeyFiguresModel, t: Strings): TemplateResult {
    const title = this.breakdownHeading || breakdownTitle(b, this.language, m.labels);
    const pct = (x: number) => `${Math.round(Math.max(0, Math.min(1, x)) * 1000) / 10}%`;
    const more = this.moreBars(b);
    return html`<div class="breakdown" part="breakdown">
      <p class="section-title" id="breakdown-title">${title}</p>
      <ul class="bars" part="bars" role="list" aria-labelledby="breakdown-title">
        ${b.items.slice(0, MAX_BARS).map((item) => {
          const share = formatPercent(item.share, {locale: t.locale});
          return html`<li>
            <span class="bar-label">${item.label}</span><span class="visually-hidden">${t.locale === 'en' ? ': ' : ' : '}</span>
            <svg part="bar" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">${svg`
              <rect class="bar-track" x="0" y="0" width="100%" height="100%"></rect>
              <rect class="bar-fill" x="0" y="0" width=${pct(item.length)} height="100%"></rect>`}
            </svg>
            <span class="bar-value"><strong>${this.breakdownValue(b, item.value, t)}</strong>${share ? html` <span class="bar-share">(${share})</span>` : nothing}</span>
          </li>`;
        })}
        ${more ? html`<li class="more"><span class="bar-label">${more.label}</span><span class="bar-value"><strong>${this.breakdownValue(b, more.value, t)}</strong>${more.share !== null ? html` <span class="bar-share">(${formatPercent(more.share, {locale: t.locale})})</span>` : nothing}</span></li>` : nothing}
      </ul>
      <p class="bars-total">${t.total}${t.locale === 'en' ? ':' : '\u00a0:'} ${this.breakdownValue(b, b.total, t)}</p>
    </div>`;
  }

  protected override tabulate(m: KeyFiguresModel, t: Strings): DataTable {
    const lang = this.language;
    const title = this.heading || this.s.title;
    const withUnit = (f: KeyFigure) => {
      const unit = f.value === null && f.text === null ? '' : unitOf(f, lang, labelOf(f.key, lang, m.labels));
      return `${this.value(f, t)}${unit ? ` ${unit}` : ''}`;
    };
    return {
      caption: this.s.caption(title),
      head: [this.s.indicator, this.s.value],
      rows: [
        ...m.figures.map((f) => ({header: labelOf(f.key, lang, m.labels), cells: [withUnit(f)]})),
        ...m.ratios.map((r) => ({header: ratioLabel(r, lang, m.labels), cells: [`${this.ratioValue(r, t)} (${this.ratioDetail(r, t)})`]})),
      ],
    };
  }

  protected override tables(m: KeyFiguresModel, t: Strings): DataTable[] {
    const tables: DataTable[] = [];
    if (m.figures.length || m.ratios.length) tables.push(this.tabulate(m, t));
    const b = m.breakdown;
    if (b) {
      const lang = this.language;
      const more = this.moreBars(b);
      tables.push({
        caption: this.breakdownHeading || breakdownTitle(b, lang, m.labels),
        head: [labelOf(b.rowTitle, lang, m.labels), labelOf(b.column, lang, m.labels), this.s.shareOfTotal],
        rows: [
          ...[...b.items.slice(0, MAX_BARS), ...(more ? [more] : [])].map((i) => ({header: i.label, cells: [this.breakdownValue(b, i.value, t), formatPercent(i.share, {locale: t.locale}) || t.markers.unavailable], values: [i.value, i.share]})),
          {header: t.total, cells: [this.breakdownValue(b, b.total, t), formatPercent(b.total === null ? null : 1, {locale: t.locale})], values: [b.total, b.total === null ? null : 1], total: true},
        ],
      });
    }
    return tables;
  }
}
