import {formatEuro, formatNumber, formatPercent, ratio, type MarkerKind} from '@epn/stats';
import {html, nothing, svg, type TemplateResult} from 'lit';
import type {DataTable} from '../internal/base.js';
import type {Lang, Strings} from '../internal/i18n.js';
import {prose} from '../internal/labels.js';
import {andMore} from '../internal/lists.js';
import type {Breakdown, KeyFigure, KeyFiguresModel, RatioFigure} from './key-figures.data.js';
import {
  breakdownTitle,
  formatFigure,
  formatRatio,
  labelOf,
  ratioLabel,
  unitOf,
  type KeyFiguresStrings,
} from './key-figures.strings.js';

/** The most bars a breakdown draws (and rows its table lists); the others are one line, « … et N autres ». */
const MAX_BARS = 30;

/**
 * What <epn-key-figures> draws from its model: the tiles, the ratios, the breakdown's bars and the data tables. In
 * the chunk epn-cards.js of the all-in-one file, with the element's readers and texts; the element builds one per
 * render with its settings.
 */
export class KeyFiguresView {
  constructor(
    private readonly s: KeyFiguresStrings,
    private readonly language: Lang,
    private readonly digits: number | null,
    private readonly heading: string | null,
    private readonly breakdownHeading: string | null,
    private readonly summarize: (m: KeyFiguresModel) => string,
    private readonly missing: (marker: MarkerKind | null, t: Strings) => string,
  ) {}

  value(f: KeyFigure, t: Strings): string {
    return f.value === null && f.text === null ? this.missing(f.marker, t) : formatFigure(f, this.language);
  }

  ratioValue(r: RatioFigure, t: Strings): string {
    return r.value === null ? t.markers.unavailable : formatRatio(r, this.language, this.digits);
  }

  ratioDetail(r: RatioFigure, t: Strings): string {
    return this.s.ratioDetail(this.value(r.num, t), this.value(r.den, t));
  }

  breakdownValue(b: Breakdown, v: number | null, t: Strings): string {
    if (v === null) return t.markers.unavailable;
    return b.euro ? formatEuro(v, {locale: t.locale, compact: true}) : formatNumber(v, {locale: t.locale});
  }

  renderCard(m: KeyFiguresModel, t: Strings): TemplateResult {
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
      ${
        m.figures.length || m.ratios.length
          ? html`<dl class="tiles" part="figures">${m.figures.map(figureTile)}${m.ratios.map(ratioTile)}</dl>`
          : nothing
      }
      <p class="summary" part="summary">${prose(this.summarize(m))}</p>
      ${m.breakdown ? this.renderBreakdown(m.breakdown, m, t) : nothing}`;
  }

  /** The rows past {@link MAX_BARS}, as one line: « … et N autres », their sum (unknown if one is) and its share. */
  moreBars(b: Breakdown): {label: string; value: number | null; share: number | null} | null {
    const rest = b.items.slice(MAX_BARS);
    if (!rest.length) return null;
    const value = rest.every((i) => i.value !== null) ? rest.reduce((s, i) => s + i.value!, 0) : null;
    return {label: `… ${andMore(rest.length, this.language === 'en')}`, value, share: ratio(value, b.total)};
  }

  renderBreakdown(b: Breakdown, m: KeyFiguresModel, t: Strings): TemplateResult {
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

  tabulate(m: KeyFiguresModel, t: Strings): DataTable {
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
        ...m.ratios.map((r) => ({
          header: ratioLabel(r, lang, m.labels),
          cells: [`${this.ratioValue(r, t)} (${this.ratioDetail(r, t)})`],
        })),
      ],
    };
  }

  tables(m: KeyFiguresModel, t: Strings): DataTable[] {
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
          ...[...b.items.slice(0, MAX_BARS), ...(more ? [more] : [])].map((i) => ({
            header: i.label,
            cells: [
              this.breakdownValue(b, i.value, t),
              formatPercent(i.share, {locale: t.locale}) || t.markers.unavailable,
            ],
            values: [i.value, i.share],
          })),
          {
            header: t.total,
            cells: [this.breakdownValue(b, b.total, t), formatPercent(b.total === null ? null : 1, {locale: t.locale})],
            values: [b.total, b.total === null ? null : 1],
            total: true,
          },
        ],
      });
    }
    return tables;
  }
}
