import type {CrossTab, Table} from '@epn/stats';
import type {CSSResult, PropertyDeclarations, TemplateResult} from 'lit';
import type {DataTable} from '../internal/base.js';
import type {Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {EpnCard} from '../internal/card/card.js';
import type {BudgetModel} from './budget-card.data.js';
import type {BudgetView} from './budget-card.view.js';
import type {BudgetStrings} from './budget-card.strings.js';
import {lazy} from '../internal/lazy.js';
import {emit} from '../internal/emit.js';

/** The card's readers and texts, loaded when the first card connects (the chunk epn-cards.js beside the all-in-one file). */
const code = lazy(() => import('../internal/cards.code.js'), 'epn-cards.js');

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
  static override styles = [baseStyles];
  static override modelProperties = [
    ...EpnCard.modelProperties,
    'budget',
    'population',
    'registered',
    'year',
    'territory',
    'ages',
    'ageMatch',
    'reachAges',
    'populationGroup',
  ];
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

  protected override lazyCode(): typeof code {
    return code;
  }

  /** Its styles, beside the base's, come with its code (see `lazyStyles`). */
  protected override lazyStyles(): CSSResult[] {
    return [code.m.cardStyles, code.m.budgetCardStyles];
  }

  protected override hasAttributeInput(): boolean {
    return [this.budget, this.population, this.registered].some((a) => !!a && !!a.trim());
  }

  private get s(): BudgetStrings {
    return code.m.budgetStrings(this.language);
  }

  protected override buildCardModel(input: Table | CrossTab): BudgetModel {
    return code.m.budgetFigures(input, {
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
    return code.m.budgetSentence(m, this.language, this.digits);
  }

  protected override notes(m: BudgetModel): string[] {
    return code.m.populationNotes(m, this.language);
  }

  /** What the card draws, with its settings (the chunk epn-cards.js). */
  private view(): BudgetView {
    return new code.m.BudgetView(
      this.s,
      this.language,
      this.digits,
      this.heading,
      this.copyStatus,
      (text) => void this.copySentence(text),
      (marker, t) => this.missing(marker, t),
    );
  }

  protected override renderCard(m: BudgetModel, t: Strings): TemplateResult {
    return this.view().renderCard(m, t);
  }

  protected override tabulate(m: BudgetModel, t: Strings): DataTable {
    return this.view().tabulate(m, t);
  }

  protected override tables(m: BudgetModel, t: Strings): DataTable[] {
    return this.view().tables(m, t);
  }

  /** Copies the sentence; where the clipboard is refused, selects it and says how to copy it. */
  private async copySentence(text: string): Promise<void> {
    const s = this.s;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.copyStatus = s.copied;
      emit(this, 'epn-copy', {text});
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
}
