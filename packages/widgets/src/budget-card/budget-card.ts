import {formatEuro, formatNumber, formatPercent, type CrossTab, type Table} from '@epn/stats';
import {html, nothing, type PropertyDeclarations, type TemplateResult} from 'lit';
import type {DataTable} from '../internal/base.js';
import type {Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {prose} from '../internal/labels.js';
import {EpnCard} from './card.js';
import {cardStyles} from './card.styles.js';
import {budgetFigures, type BudgetInput, type BudgetModel} from './budget-card.data.js';
import {budgetSentence, budgetStrings, populationNotes, type BudgetStrings} from './budget-card.strings.js';
import {budgetCardStyles} from './budget-card.styles.js';

/** One figure tile: its label, value and, when it is not available, why. */
interface Tile {
  label: string;
  value: number | null;
  reason: string;
  /** A share (the population registered) rather than euros per head. */
  share?: boolean;
}

/**
 * What a programme costs per inhabitant and per registered user, from attributes or a small CSV file, with the
 * inputs, the year and a sentence a communicator can quote and copy. With a population table by age
 * (`population-src`, e.g. INSEE's estimates) and `ages`, it adds the amount per inhabitant of an age range and says
 * which population it used.
 *
 * Inputs, in order of precedence: the attributes `budget`, `population`, `registered`, `year`; then the file (the
 * `data` property, `src`, or a light-DOM `<table>`): a key/value file (`indicateur,valeur`: lines `budget`,
 * `population`, `inscrits`, `année`, in French or English, loosely matched) or a one-row table with those columns;
 * then, for the population, the total of `population-src`. Without any file, the attributes alone are enough.
 *
 * @summary Budget per inhabitant and per registered user (€), with a sentence to quote.
 * @tag epn-budget-card
 *
 * @attr src - URL of a key/value CSV (`indicateur,valeur`) or of a one-row table (`budget,population,inscrits,annee`).
 * @attr budget - The annual budget in euros (`1050000`, `1 050 000`, `1,05 M€`); wins over the file.
 * @attr population - The population (inhabitants); wins over the file and over `population-src`.
 * @attr registered - The number of registered users; wins over the file.
 * @attr year - The year of the figures (also picks the row of a table with one row per year).
 * @attr population-src - URL of a population table by age (INSEE's estimates by département, or one row per territory
 *   and one column per age band, or one row per band).
 * @attr territory - The row of `population-src`: a name (`Calvados`) or a code (`14`), or several separated by commas
 *   (summed: `Calvados, Manche, Orne`).
 * @attr ages - An age range (`5-74`, `18 à 64 ans`, `75+`): adds the amount per inhabitant of that range.
 * @attr age-match - `inside` (default: count the bands that lie inside the range), `overlap` (count every band that
 *   touches it) or `estimate` (count the bands that touch it pro rata of their ages inside it: an estimate, said so).
 *   When the file's bands do not isolate the range, the card says which ages it counted.
 * @attr reach-ages - An age range (`10-74`): adds the share of the population registered (registered ÷ the population
 *   of those ages, the ages left out in its label: « Part de la population inscrite (hors 0 à 9 ans et 75 ans ou plus) »).
 * @attr population-group - The group of columns of a two-row header (default `Ensemble`).
 * @attr digits - Fraction digits of the amounts per head (default: two below 10 €, none from 10 €: `0,71 €`, `16 €`).
 * @attr heading - The title (default: "Budget par habitant et par inscrit", with the year).
 * @attr lang - `fr` (default, or the page's) or `en`.
 *
 * @event epn-load - The figures are on screen (after both files); `detail`: `{table, meta}`.
 * @event epn-error - Loading or reading failed; `detail`: `{code, message, stale}`.
 * @event epn-copy - The sentence was copied; `detail`: `{text}`.
 *
 * @csspart figure - The whole card.
 * @csspart title - The title.
 * @csspart figures - The list (`<dl>`) of amounts.
 * @csspart item - One amount (a tile).
 * @csspart label - The label of an amount.
 * @csspart value - An amount.
 * @csspart quote - The box of the sentence to quote.
 * @csspart summary - The sentence to quote (also the card's summary).
 * @csspart copy - The copy button.
 * @csspart inputs - The list of the figures used.
 * @csspart note - A note (which population was used).
 * @csspart toggle - The "Voir les données" button.
 * @csspart table - A data table.
 * @csspart source - The source line.
 *
 * @cssproperty [--epn-figure-color=#000091] - Colour of the amounts.
 * @cssproperty [--epn-card-background=#f6f6f6] - Background of the tiles and of the quote.
 * @cssproperty [--epn-card-border-color=#dddddd] - Border of the tiles.
 * @cssproperty [--epn-accent-color=#000091] - Buttons, links, the quote's rule.
 * @cssproperty [--epn-text-color=#161616] - Text colour.
 * @cssproperty [--epn-muted-color=#3a3a3a] - Secondary text.
 * @cssproperty [--epn-background=#ffffff] - Background colour.
 * @cssproperty [--epn-font-family=Marianne, system-ui, sans-serif] - Font.
 */
export class EpnBudgetCard extends EpnCard<BudgetModel> {
  static override properties: PropertyDeclarations = {
    ...EpnCard.properties,
    budget: {type: String},
    population: {type: String},
    registered: {type: String},
    year: {type: String},
    populationSrc: {type: String, attribute: 'population-src'},
    territory: {type: String},
    ages: {type: String},
    ageMatch: {type: String, attribute: 'age-match'},
    reachAges: {type: String, attribute: 'reach-ages'},
    populationGroup: {type: String, attribute: 'population-group'},
    copyStatus: {state: true},
  };
  static override styles = [baseStyles, cardStyles, budgetCardStyles];
  static override modelProperties = [...EpnCard.modelProperties, 'budget', 'population', 'registered', 'year', 'territory', 'ages', 'ageMatch', 'reachAges', 'populationGroup'];
  protected static override extraProperty = 'populationSrc';

  /** The annual budget, in euros. */
  budget: string | null = null;
  /** The population (inhabitants). */
  population: string | null = null;
  /** The number of registered users. */
  registered: string | null = null;
  /** The year of the figures. */
  year: string | null = null;
  /** URL of a population table by age. */
  populationSrc: string | null = null;
  /** The row(s) of the population table: names or codes, separated by commas. */
  territory: string | null = null;
  /** An age range (`5-74`). */
  ages: string | null = null;
  /** `inside` (default), `overlap` or `estimate`. */
  ageMatch: string | null = null;
  /** The age range of the share of the population registered (`10-74`). */
  reachAges: string | null = null;
  /** The group of columns of a two-row header (default `Ensemble`). */
  populationGroup: string | null = null;

  /** What the copy button last did (read by screen readers). @internal */
  protected copyStatus = '';

  protected override hasAttributeInput(): boolean {
    return [this.budget, this.population, this.registered].some((a) => !!a && !!a.trim());
  }

  private get s(): BudgetStrings {
    return budgetStrings(this.language);
  }

  protected override buildCardModel(input: Table | CrossTab): BudgetModel {
    return budgetFigures(input, {
      budget: this.budget,
      population: this.population,
      registered: this.registered,
      year: this.year,
      populationTable: this.extraTable,
      territory: this.territory,
      ages: this.ages,
      match: this.ageMatch,
      group: this.populationGroup,
      reachAges: this.reachAges,
    });
  }

  protected override isEmpty(m: BudgetModel): boolean {
    return m.budget.value === null;
  }

  protected override defaultTitle(): string {
    return this.s.title(this.model?.year ?? null);
  }

  protected override summarize(m: BudgetModel): string {
    return budgetSentence(m, this.language, this.digits);
  }

  protected override notes(m: BudgetModel): string[] {
    return populationNotes(m, this.language);
  }

  private euro(v: number | null, t: Strings, perHead = false): string {
    const digits = perHead && this.digits != null ? {digits: this.digits} : {};
    return formatEuro(v, {locale: t.locale, ...digits}) || t.markers.unavailable;
  }

  /** A tile's value: euros per head, or a share of the population. */
  private tileValue(tile: Tile, t: Strings): string {
    return tile.share ? formatPercent(tile.value, {locale: t.locale, digits: this.digits ?? 1}) || t.markers.unavailable : this.euro(tile.value, t, true);
  }

  /** A count, or the reason it is missing ("donnée confidentielle" for a secret cell). */
  private count(input: BudgetInput, t: Strings): string {
    return input.value !== null ? formatNumber(input.value, {locale: t.locale}) : this.missing(input.marker, t);
  }

  private tiles(m: BudgetModel): Tile[] {
    const s = this.s;
    const tiles: Tile[] = [{label: s.perInhabitant, value: m.perInhabitant, reason: s.noPopulation}];
    const r = m.restricted;
    if (r && r.population.used) tiles.push({label: s.perInhabitantAged(r.population.used) + (r.population.estimated ? ` (${s.estimate})` : ''), value: r.perInhabitant, reason: s.noPopulation});
    tiles.push({label: s.perRegistered, value: m.perRegistered, reason: s.noRegistered});
    const reach = m.reach;
    if (reach && reach.population.used) {
      tiles.push({label: s.reachLabel(reach.population.used) + (reach.population.estimated ? ` (${s.estimate})` : ''), value: reach.rate, reason: s.noReach, share: true});
    }
    return tiles;
  }

  /** The figures used: [label, value] pairs. */
  private inputs(m: BudgetModel, t: Strings): Array<[string, string]> {
    const s = this.s;
    const where = (ts: string[]) => (ts.length ? ` (${ts.join(', ')})` : '');
    const rows: Array<[string, string]> = [[s.budget, this.euro(m.budget.value, t)]];
    const popWhere = m.population.origin === 'population-src' && m.populationTable ? where(m.populationTable.territories) : '';
    rows.push([s.population, m.population.value !== null ? s.inhabitants(this.count(m.population, t)) + popWhere : this.count(m.population, t)]);
    const r = m.restricted;
    if (r && r.population.used) {
      const n = r.population.value;
      const est = r.population.estimated;
      rows.push([s.populationAged(r.population.used), n !== null ? s.inhabitants(formatNumber(n, {locale: t.locale, ...(est ? {digits: 0} : {})})) + where(r.population.territories) + (est ? ` (${s.estimate})` : '') : t.markers.unavailable]);
    }
    const reach = m.reach;
    if (reach && reach.population.used && reach.population !== r?.population) {
      const n = reach.population.value;
      rows.push([s.populationAged(reach.population.used), n !== null ? s.inhabitants(formatNumber(n, {locale: t.locale, digits: 0})) + where(reach.population.territories) + (reach.population.estimated ? ` (${s.estimate})` : '') : t.markers.unavailable]);
    }
    rows.push([s.registered, this.count(m.registered, t)]);
    if (m.year) rows.push([s.year, m.year]);
    return rows;
  }

  protected override renderCard(m: BudgetModel, t: Strings): TemplateResult {
    const s = this.s;
    const sentence = budgetSentence(m, this.language, this.digits);
    return html`
      <dl class="tiles" part="figures">
        ${this.tiles(m).map((tile) => html`<div class="tile" part="item">
          <dt part="label">${tile.label}</dt>
          <dd class="value ${tile.value === null ? 'unavailable' : ''}" part="value">${this.tileValue(tile, t)}</dd>
          ${tile.value === null ? html`<dd class="detail">${tile.reason}</dd>` : nothing}
        </div>`)}
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

  /** Copies the sentence; where the clipboard is refused, selects it and says how to copy it. */
  private async copySentence(text: string): Promise<void> {
    const s = this.s;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.copyStatus = s.copied;
      this.dispatchEvent(new CustomEvent('epn-copy', {detail: {text}, bubbles: true, composed: true}));
    } catch {
      const node = this.renderRoot.querySelector('#sentence');
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.copyStatus = s.copyFailed;
    }
  }

  protected override tabulate(m: BudgetModel, t: Strings): DataTable {
    const s = this.s;
    const title = this.heading || s.title(m.year);
    const rows = this.inputs(m, t).filter(([k]) => k !== s.year).map(([header, value]) => ({header, cells: [value]}));
    for (const tile of this.tiles(m)) rows.push({header: tile.label, cells: [this.tileValue(tile, t)]});
    if (m.year) rows.push({header: s.year, cells: [m.year]});
    return {caption: s.tableCaption(title), head: [s.indicator, s.value], rows};
  }

  protected override tables(m: BudgetModel, t: Strings): DataTable[] {
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
          ...p.bands.map((b) => ({header: b.label, cells: restricted ? [n(b.count), b.used ? (b.fraction < 1 ? `${s.yes} (${formatPercent(b.fraction, {locale: t.locale, digits: 0})})` : s.yes) : s.no] : [n(b.count)], values: [b.count]})),
          {header: t.total, cells: restricted ? [n(p.total), ''] : [n(p.total)], values: [p.total], total: true},
        ],
      });
    }
    return tables;
  }
}
