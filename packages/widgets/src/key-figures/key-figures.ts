import type {CrossTab, Table} from '@epn/stats';
import type {CSSResult, PropertyDeclarations, TemplateResult} from 'lit';
import type {DataTable} from '../internal/base.js';
import type {Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {EpnCard} from '../internal/card/card.js';
import type {KeyFiguresModel} from './key-figures.data.js';
import type {KeyFiguresStrings} from './key-figures.strings.js';
import {lazy} from '../internal/lazy.js';
import type {KeyFiguresView} from './key-figures.view.js';
import {andMore, MAX_LISTED, quotedSome} from '../internal/lists.js';

/** The readers, texts and views, loaded when the first element connects (the chunk epn-cards.js beside the all-in-one file). */
const code = lazy(() => import('../internal/cards.code.js'), 'epn-cards.js');

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
  static override styles = [baseStyles];
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

  protected override lazyCode(): typeof code {
    return code;
  }

  /** Its styles, beside the base's, come with its code (see `lazyStyles`). */
  protected override lazyStyles(): CSSResult[] {
    return [code.m.cardStyles, code.m.keyFiguresStyles];
  }

  protected override hasAttributeInput(): boolean {
    return !!this.breakdownSrc;
  }

  private get s(): KeyFiguresStrings {
    return code.m.keyFiguresStrings(this.language);
  }

  protected override buildCardModel(input: Table | CrossTab): KeyFiguresModel {
    return code.m.keyFigures(input, {
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
    return code.m.keyFiguresSummary(m, this.language, {digits: this.digits, breakdownHeading: this.breakdownHeading});
  }

  protected override notes(m: KeyFiguresModel): string[] {
    const notes: string[] = [];
    const en = this.language === 'en';
    if (m.duplicates.length) notes.push(this.s.duplicate(quotedSome(m.duplicates, en)));
    const lines = m.skippedLines;
    if (lines.length)
      notes.push(
        this.s.skipped(
          lines.slice(0, MAX_LISTED).join(', ') +
            (lines.length > MAX_LISTED ? `… ${andMore(lines.length - MAX_LISTED, en)}` : ''),
        ),
      );
    return notes;
  }

  /** What the element draws, with its settings (the chunk epn-cards.js). */
  private view(): KeyFiguresView {
    return new code.m.KeyFiguresView(
      this.s,
      this.language,
      this.digits,
      this.heading,
      this.breakdownHeading,
      (m) => this.summarize(m),
      (marker, t) => this.missing(marker, t),
    );
  }

  protected override renderCard(m: KeyFiguresModel, t: Strings): TemplateResult {
    return this.view().renderCard(m, t);
  }

  protected override tabulate(m: KeyFiguresModel, t: Strings): DataTable {
    return this.view().tabulate(m, t);
  }

  protected override tables(m: KeyFiguresModel, t: Strings): DataTable[] {
    return this.view().tables(m, t);
  }
}
