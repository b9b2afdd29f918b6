import {formatEuro, formatNumber, formatPercent, type MarkerKind} from '@epn/stats';
import {html, nothing, type TemplateResult} from 'lit';
import type {DataTable} from '../internal/base.js';
import type {Lang, Strings} from '../internal/i18n.js';
import {prose} from '../internal/labels.js';
import type {BudgetInput, BudgetModel} from './budget-card.data.js';
import {budgetSentence, type BudgetStrings} from './budget-card.strings.js';

/** One figure tile: its label, value and, when it is not available, why. */
interface Tile {
  label: string;
  value: number | null;
  reason: string;
  /** A share (the population registered) rather than euros per head. */
  share?: boolean;
}

/**
 * What <epn-budget-card> draws from its model: the tiles, the quotable sentence, the inputs and the data tables.
 * In the chunk epn-cards.js of the all-in-one file, with the card's readers and texts; the element builds one per
 * render with its settings.
 */
export class BudgetView {
  constructor(
    private readonly s: BudgetStrings,
    private readonly language: Lang,
    private readonly digits: number | null,
    private readonly heading: string | null,
    private readonly copyStatus: string,
    private readonly copySentence: (text: string) => void,
    private readonly missing: (marker: MarkerKind | null, t: Strings) => string,
  ) {}

  euro(v: number | null, t: Strings, perHead = false): string {
    const digits = perHead && this.digits != null ? {digits: this.digits} : {};
    return formatEuro(v, {locale: t.locale, ...digits}) || t.markers.unavailable;
  }

  /** A tile's value: euros per head, or a share of the population. */
  tileValue(tile: Tile, t: Strings): string {
    return tile.share
      ? formatPercent(tile.value, {locale: t.locale, digits: this.digits ?? 1}) || t.markers.unavailable
      : this.euro(tile.value, t, true);
  }

  /** A count, or the reason it is missing ("donnée confidentielle" for a secret cell). */
  count(input: BudgetInput, t: Strings): string {
    return input.value !== null ? formatNumber(input.value, {locale: t.locale}) : this.missing(input.marker, t);
  }

  tiles(m: BudgetModel): Tile[] {
    const s = this.s;
    const tiles: Tile[] = [{label: s.perInhabitant, value: m.perInhabitant, reason: s.noPopulation}];
    const r = m.restricted;
    if (r && r.population.used)
      tiles.push({
        label: s.perInhabitantAged(r.population.used) + (r.population.estimated ? ` (${s.estimate})` : ''),
        value: r.perInhabitant,
        reason: s.noPopulation,
      });
    tiles.push({label: s.perRegistered, value: m.perRegistered, reason: s.noRegistered});
    const reach = m.reach;
    if (reach && reach.population.used) {
      tiles.push({
        label: s.reachLabel(reach.population.used) + (reach.population.estimated ? ` (${s.estimate})` : ''),
        value: reach.rate,
        reason: s.noReach,
        share: true,
      });
    }
    return tiles;
  }

  /** The figures used: [label, value] pairs. */
  inputs(m: BudgetModel, t: Strings): Array<[string, string]> {
    const s = this.s;
    const where = (ts: string[]) => (ts.length ? ` (${ts.join(', ')})` : '');
    const rows: Array<[string, string]> = [[s.budget, this.euro(m.budget.value, t)]];
    const popWhere =
      m.population.origin === 'population-src' && m.populationTable ? where(m.populationTable.territories) : '';
    rows.push([
      s.population,
      m.population.value !== null ? s.inhabitants(this.count(m.population, t)) + popWhere : this.count(m.population, t),
    ]);
    const r = m.restricted;
    if (r && r.population.used) {
      const n = r.population.value;
      const est = r.population.estimated;
      rows.push([
        s.populationAged(r.population.used),
        n !== null
          ? s.inhabitants(formatNumber(n, {locale: t.locale, ...(est ? {digits: 0} : {})})) +
            where(r.population.territories) +
            (est ? ` (${s.estimate})` : '')
          : t.markers.unavailable,
      ]);
    }
    const reach = m.reach;
    if (reach && reach.population.used && reach.population !== r?.population) {
      const n = reach.population.value;
      rows.push([
        s.populationAged(reach.population.used),
        n !== null
          ? s.inhabitants(formatNumber(n, {locale: t.locale, digits: 0})) +
            where(reach.population.territories) +
            (reach.population.estimated ? ` (${s.estimate})` : '')
          : t.markers.unavailable,
      ]);
    }
    rows.push([s.registered, this.count(m.registered, t)]);
    if (m.year) rows.push([s.year, m.year]);
    return rows;
  }

  renderCard(m: BudgetModel, t: Strings): TemplateResult {
    const s = this.s;
    const sentence = budgetSentence(m, this.language, this.digits);
    return html`
      <dl class="tiles" part="figures">
        ${this.tiles(m).map(
          (tile) => html`<div class="tile" part="item">
          <dt part="label">${tile.label}</dt>
          <dd class="value ${tile.value === null ? 'unavailable' : ''}" part="value">${this.tileValue(tile, t)}</dd>
          ${tile.value === null ? html`<dd class="detail">${tile.reason}</dd>` : nothing}
        </div>`,
        )}
      </dl>
      <div class="quote" part="quote">
        <p class="quote-label">${s.quote}</p>
        <p class="summary" part="summary" id="sentence">${prose(sentence)}</p>
        <div class="copy-row">
          <button class="copy" part="copy" type="button" aria-describedby="sentence" @click=${() => this.copySentence(sentence)}>${s.copy}</button>
          <span class="copy-status" role="status">${this.copyStatus}</span>
        </div>
      </div>
      <p class="section-title">${s.inputs}</p>
      <dl class="inputs" part="inputs">
        ${this.inputs(m, t).map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
      </dl>`;
  }

  tabulate(m: BudgetModel, t: Strings): DataTable {
    const s = this.s;
    const title = this.heading || s.title(m.year);
    const rows = this.inputs(m, t)
      .filter(([k]) => k !== s.year)
      .map(([header, value]) => ({header, cells: [value]}));
    for (const tile of this.tiles(m)) rows.push({header: tile.label, cells: [this.tileValue(tile, t)]});
    if (m.year) rows.push({header: s.year, cells: [m.year]});
    return {caption: s.tableCaption(title), head: [s.indicator, s.value], rows};
  }

  tables(m: BudgetModel, t: Strings): DataTable[] {
    const tables = [this.tabulate(m, t)];
    const p = m.restricted?.population ?? m.reach?.population ?? m.populationTable;
    if (p && p.bands.length) {
      const s = this.s;
      const restricted = !!(m.restricted ?? m.reach);
      const n = (v: number | null) => formatNumber(v, {locale: t.locale}) || t.markers.unavailable;
      tables.push({
        caption: s.bandsCaption(p.territories.join(', ')),
        head: restricted ? [s.ageBand, s.population, s.counted] : [s.ageBand, s.population],
        rows: [
          ...p.bands.map((b) => ({
            header: b.label,
            cells: restricted
              ? [
                  n(b.count),
                  b.used
                    ? b.fraction < 1
                      ? `${s.yes} (${formatPercent(b.fraction, {locale: t.locale, digits: 0})})`
                      : s.yes
                    : s.no,
                ]
              : [n(b.count)],
            values: [b.count],
          })),
          {header: t.total, cells: restricted ? [n(p.total), ''] : [n(p.total)], values: [p.total], total: true},
        ],
      });
    }
    return tables;
  }
}
