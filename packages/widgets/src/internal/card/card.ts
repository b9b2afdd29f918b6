import {EpnDataError, type CrossTab, type MarkerKind, type Table} from '@epn/stats';
import {html, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import {EpnElement, type Chart} from '../base.js';
import type {Strings} from '../i18n.js';
import {emptyKeyValueTable} from './empty-table.js';
import {ExtraSource} from './extra-source.js';

/**
 * The base of the "card" elements (`<epn-budget-card>`, `<epn-key-figures>`): figures rather than a chart. It keeps
 * everything {@link EpnElement} gives (data loading, states, events, title, source, the data table behind its toggle)
 * and replaces the SVG figure by {@link EpnCard.renderCard} (a `<dl>` of figures). It adds:
 * - a second file (`extraSrc`: a population table, a breakdown) loaded beside `src`; the figures wait for both, so
 *   that `epn-load` fires once, when everything is on screen, and partial figures are never shown as complete;
 * - input from attributes alone (no `src`, no `data`, no light-DOM table) when {@link EpnCard.hasAttributeInput}.
 *
 * The frame (loading, error, stale, empty, source) is the foundation's: the card only replaces its body.
 */
export abstract class EpnCard<M> extends EpnElement<M> {
  static override properties: PropertyDeclarations = {
    ...EpnElement.properties,
    extraTable: {state: true},
    extraError: {state: true},
    extraStale: {state: true},
  };
  static override modelProperties = ['measure', 'extraTable'];

  /** The second file, once loaded. @internal */
  protected extraTable: Table | null = null;
  /** The second file's failure (not a failed refresh): the card shows it rather than partial figures. @internal */
  protected extraError: EpnDataError | null = null;
  /** The second file's failed refresh: the figures stay, marked stale until that file refreshes well. @internal */
  protected extraStale: EpnDataError | null = null;
  /** The address `extraTable` or `extraError` came from. */
  private extraFrom: string | null = null;
  /** The first file (a table, or the cross-tab counted from an individual-level file), kept while the second one loads. */
  private held: Table | CrossTab | null = null;
  private readonly extra = new ExtraSource(this, () => this.extraSrc, {
    table: (t, refresh) => this.acceptExtraTable(t, refresh),
    error: (e, stale) => this.acceptExtraError(e, stale),
    progress: (p) => {
      if (!this.hasFigures && this.status !== 'error') this.acceptProgress(p);
    },
  });

  /** The property holding the second file's address (the subclass maps an attribute to it), whose change restarts its load. */
  protected static extraProperty = '';

  /** The address of the second file (the value of {@link EpnCard.extraProperty}), or `null`. */
  protected get extraSrc(): string | null {
    return (
      (this as unknown as Record<string, string | null>)[(this.constructor as typeof EpnCard).extraProperty] ?? null
    );
  }

  /** Whether the attributes alone are an input (the card then needs no file). */
  protected abstract hasAttributeInput(): boolean;

  /** What a figure without a value says: its marker's wording ("donnée confidentielle"), else "non disponible". */
  protected missing(marker: MarkerKind | null, t: Strings): string {
    return marker ? t.markers[marker] : t.markers.unavailable;
  }

  /** Whether the second file is expected and not there yet. */
  protected get extraPending(): boolean {
    return !!this.extraSrc && !this.extraTable && !this.extraError;
  }

  /** Reloads `src` and the second file now (as a refresh). */
  override reload(): Promise<void> {
    return Promise.all([super.reload(), this.extra.reload()]).then(() => undefined);
  }

  /**
   * @internal (SourceHost): the first file (a table, or a cross-tab counted as the file streamed) waits for the second
   * one; when the second file failed, its error stays on screen and this data waits for a second file that loads.
   */
  override acceptData(data: Table | CrossTab, refresh = false): void {
    if (this.extraError || this.extraPending) {
      this.held = data;
      if (this.extraPending && !this.hasFigures) this.acceptProgress(null);
      return;
    }
    this.held = null;
    super.acceptData(data, refresh);
  }

  /** @internal (SourceHost) */
  override acceptProgress(fraction: number | null): void {
    // The second file's failure stays on screen while `src` is still loading.
    if (this.status === 'error' && this.extraError) return;
    super.acceptProgress(fraction);
  }

  /** The second file of the figures on screen, while a refreshed one is being drawn (kept if it cannot be). */
  private drawnExtra: Table | null | undefined = undefined;

  private acceptExtraTable(table: Table, refresh = false): void {
    // A refreshed second file that cannot be drawn is a failed refresh: the figures on screen stay, marked stale,
    // and so does the file they were drawn from.
    if (refresh && this.hasFigures) {
      this.rebuildIsRefresh = true;
      this.drawnExtra = this.extraTable;
    }
    this.extraTable = table;
    this.extraFrom = this.extraSrc;
    this.extraError = null;
    const held = this.held;
    if (held) {
      this.held = null;
      super.acceptData(held);
    }
    // Otherwise the change of `extraTable` (a model property) rebuilds the figures on the next update.
  }

  /** @internal (SourceHost) */
  override acceptError(error: EpnDataError, stale: boolean): void {
    if (stale && this.drawnExtra !== undefined) {
      // The refreshed second file cannot be drawn: the figures keep the file they were drawn from.
      this.extraTable = this.drawnExtra;
      this.drawnExtra = undefined;
      this.staleFromExtra(error);
      return;
    }
    if (!stale) this.extraStale = null;
    super.acceptError(error, stale);
  }

  /** A failed refresh of the second file: `epn-error` (stale), and a stale mark of its own, which `src` does not clear. */
  private staleFromExtra(error: EpnDataError): void {
    const own = this.staleError;
    super.acceptError(error, true);
    this.staleError = own;
    this.extraStale = error;
  }

  protected override get staleNotice(): EpnDataError | null {
    return this.staleError ?? this.extraStale;
  }

  private acceptExtraError(error: EpnDataError, stale: boolean): void {
    if (stale) {
      this.staleFromExtra(error);
      return;
    }
    this.extraError = error;
    this.extraFrom = this.extraSrc;
    this.acceptError(error, false);
  }

  private standalone(): boolean {
    return !this.data && !this.src && !this.querySelector('table') && this.hasAttributeInput();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const extraProperty = (this.constructor as typeof EpnCard).extraProperty;
    if (extraProperty && (changed as Map<PropertyKey, unknown>).has(extraProperty)) {
      // The second file of another address goes. (One of this address may have arrived before the first update,
      // while the element's code was loading: see EpnElement.lazyCode.)
      if (this.extraFrom !== this.extraSrc) {
        this.extraTable = null;
        this.extraError = null;
        this.extraStale = null;
      }
      this.extra.sync();
      const held = this.held;
      if (held && !this.extraSrc) {
        // No second file any more: the table that waited for it is drawn.
        this.held = null;
        super.acceptData(held);
      }
    }
    super.willUpdate(changed);
    // A refreshed second file was drawn (its failure would have cleared `drawnExtra`): its stale mark goes.
    if (this.drawnExtra !== undefined && changed.has('extraTable' as keyof EpnCard<M>)) this.extraStale = null;
    this.drawnExtra = undefined;
    const rebuilds = (this.constructor as typeof EpnElement).modelProperties;
    // The second file's arrival is not a setting: the base rebuilds from it (a failure already said is not said again).
    const settingChanged = [...changed.keys()].some((k) => k !== 'extraTable' && rebuilds.includes(k as string));
    if (
      this.standalone() &&
      (this.status === 'idle' || (changed.has('src') && !this.src) || (this.status === 'error' && settingChanged))
    ) {
      this.acceptData(emptyKeyValueTable());
    }
    // A setting that failed (ratios, territory…) and is fixed redraws from the same file: the base keeps the data
    // after such an error and rebuilds when a model property changes.
    // Figures given through `data` wait for the second file too.
    if (this.extraPending && (this.status === 'ready' || this.status === 'empty')) {
      this.status = 'loading';
      this.progress = null;
    }
  }

  protected override buildModel(input: Table | CrossTab): M {
    if (this.extraError) throw this.extraError;
    return this.buildCardModel(input);
  }

  /** Turns the data (and the second file, `extraTable`) into the card's model; throws EpnDataError. */
  protected abstract buildCardModel(input: Table | CrossTab): M;
  /** The card's content: figures (a `<dl>`), a sentence, whatever the card shows. */
  protected abstract renderCard(model: M, t: Strings): TemplateResult;
  /** Cards draw no chart. @internal */
  protected override renderChart(_model: M, _width: number, _t: Strings): Chart {
    return {height: 0, content: svg``};
  }

  /** Whether the element draws a chart (the frame's SVG body) rather than a card: a chart with a second file. */
  protected static drawsChart = false;

  /** The card's figures instead of a chart, then the notes and the data tables of the frame. */
  protected override renderBody(model: M, title: string, t: Strings): TemplateResult {
    if ((this.constructor as typeof EpnCard).drawsChart) return super.renderBody(model, title, t);
    return html`${this.renderCard(model, t)}${this.renderNotes(model, t)}${this.renderTables(this.tables(model, t), t)}`;
  }
}
