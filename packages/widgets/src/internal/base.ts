import {
  EpnDataError,
  formatNumber,
  formatPercent,
  readingNotes,
  type CrossTab,
  type MarkerKind,
  type ReadingNote,
  type Table,
} from '@epn/stats';
import {
  adoptStyles,
  html,
  LitElement,
  nothing,
  type CSSResult,
  type PropertyDeclarations,
  type PropertyValues,
  type SVGTemplateResult,
  type TemplateResult,
} from 'lit';
import {english, fr, inLang, langOf, type Lang, type Strings} from './i18n.js';
import {safeHref, tableFromElement} from './light-table.js';
import {readOptionsOf, type ReadOptions} from './read-options.js';
import {readWide} from './wide-read.js';
import {SourceController, type SourceHost} from './source.js';
import type {AggregateSpec} from './aggregate-source.js';
import type {Lazy} from './lazy.js';
import {baseStyles} from './styles.js';
import {ThemeController} from './theme-controller.js';
import {prose} from './labels.js';
import {WidthController} from './resize.js';
import {internalError} from './internal-error.js';
import {emit} from './emit.js';
import {ExportController, type ExportFormat} from './export-controller.js';

export type {ExportFormat, EpnExportDetail} from './export-controller.js';

/** What a widget's data table shows: every figure the chart shows, formatted like the chart. */
export interface DataTable {
  caption: string;
  /** Column headers; the first heads the row headers' column. */
  head: string[];
  /** `values`: the raw figures behind `cells` (same order), written as numbers in the CSV export. */
  rows: Array<{header: string; cells: string[]; values?: Array<number | null>; total?: boolean}>;
}

/** The chart part of a widget: its height and the SVG content. */
export interface Chart {
  height: number;
  content: SVGTemplateResult;
}

/** The widget's state. */
export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** Detail of the `epn-load` event. */
export interface EpnLoadDetail {
  table: Table | null;
  meta: Table['meta'] | null;
}

/** Detail of the `epn-error` event. */
export interface EpnErrorDetail {
  code: string;
  message: string;
  stale: boolean;
}

/**
 * The base of every EPN widget: attributes shared by all, data loading (the `data` property, else `src`, else a
 * light-DOM `<table>`), the loading / error / empty / stale states, the accessible frame (title, SVG named by its
 * own `<title>` and `<desc>`, summary sentence, data table behind a toggle, source) and the events. Subclasses
 * turn the data into a model (pure, with the core) and the model into a chart, a sentence and a table.
 *
 * @attr export - Shows the export menu (PNG, SVG, CSV for Excel, copy of the sentence).
 * @event epn-export - An export was made; `detail`: `{format}` (`png`, `svg`, `csv` or `copy`).
 * @csspart export - The export menu.
 * @csspart export-button - The button that opens the export menu.
 */
export abstract class EpnElement<M> extends LitElement implements SourceHost {
  static override styles = [baseStyles];

  static override properties: PropertyDeclarations = {
    src: {type: String, reflect: true},
    heading: {type: String},
    description: {type: String},
    source: {type: String},
    sourceHref: {type: String, attribute: 'source-href'},
    delimiter: {type: String},
    encoding: {type: String},
    decimal: {type: String},
    headerRows: {type: Number, attribute: 'header-rows'},
    types: {type: String},
    refresh: {type: Number},
    digits: {type: Number},
    measure: {type: String},
    theme: {type: String, reflect: true},
    data: {attribute: false},
    status: {state: true},
    progress: {state: true},
    model: {state: true},
    error: {state: true},
    staleError: {state: true},
    tableShown: {state: true},
    export: {type: Boolean},
  };

  /** What the reading of the table shown set aside or doubted. */
  private readNotes: ReadingNote[] = [];
  /** URL of the CSV file (relative to the page, or absolute http/https). */
  src: string | null = null;
  /** Title shown above the chart (a default is used when empty). */
  heading: string | null = null;
  /** A sentence under the title. */
  description: string | null = null;
  /** Source shown under the chart ("Région Basse-Normandie, 2012"). */
  source: string | null = null;
  /** Link of the source (http or https only). */
  sourceHref: string | null = null;
  /** Forces the CSV delimiter. */
  delimiter: string | null = null;
  /** Forces the CSV encoding. */
  encoding: string | null = null;
  /** Forces the decimal separator: `,` (or `virgule`) or `.` (or `point`), when the reading guessed wrong. */
  decimal: string | null = null;
  /** Forces the number of header rows (0, 1 or 2). */
  headerRows: number | null = null;
  /** Forces column types, `nom: nombre; CODGEO: texte` (names as in the file's header; `number`/`text` too). */
  types: string | null = null;
  /** Reloads every N seconds (30 at least, 86 400 — one day — at most: a longer period reloads once a day). */
  refresh: number | null = null;
  /** Fraction digits of the percentages shown (default 1). */
  digits: number | null = null;
  /** What is shown; each widget lists its measures. */
  measure: string | null = null;
  /**
   * `light` or `dark` to force the colours, `auto` to follow the visitor's system (`prefers-color-scheme`); by default
   * light, unless the page says it is dark (DSFR's `data-fr-theme`/`data-fr-scheme`, the root's `color-scheme`).
   */
  theme: string | null = null;
  /** Data given directly: a Table or a CrossTab from `@epn/stats`. Wins over `src`. */
  data: Table | CrossTab | null = null;
  /**
   * Shows an "Exporter" menu: PNG and SVG pictures (title, source and date drawn in), the figures as CSV for Excel,
   * and a copy of the sentence with its source. The PNG is drawn from a `blob:` image: under a
   * Content-Security-Policy, allow `img-src blob:`.
   */
  export = false;

  protected status: Status = 'idle';
  protected progress: number | null = null;
  protected model: M | null = null;
  protected error: EpnDataError | null = null;
  protected staleError: EpnDataError | null = null;
  protected tableShown = false;
  protected loadedAt: Date | null = null;
  protected table: Table | null = null;

  protected readonly sizer = new WidthController(this);
  protected readonly loader = new SourceController(this);
  /** Draws the element dark or light (its `theme`, else the page's), followed as the page changes. */
  protected readonly themer = new ThemeController(this);
  /** The export menu and the exports. */
  protected readonly exports = new ExportController(
    this,
    () => {
      const model = this.model;
      if (!model) return null;
      const t = this.t;
      return {
        t,
        title: this.heading || this.defaultTitle(t),
        source: this.source || this.sourceHref || '',
        tables: this.tables(model, t),
        summary: this.summarize(model, t),
      };
    },
    (blob, filename) => this.download(blob, filename),
  );

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The language in use: the element's `lang`, else the page's, else French. */
  get language(): Lang {
    return langOf(this);
  }

  /** The texts of the language in use. */
  protected get t(): Strings {
    return inLang(this.language, fr, (en) => en.strings);
  }

  /** Why the figures on screen are not up to date (a failed refresh), or `null`. */
  protected get staleNotice(): EpnDataError | null {
    return this.staleError;
  }

  /** Whether figures are on screen. */
  get hasFigures(): boolean {
    return this.model !== null && (this.status === 'ready' || this.status === 'empty');
  }

  /** Reloads the data now (as a refresh). */
  reload(): Promise<void> {
    return this.loader.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.data && !this.src && this.status === 'idle') {
      const table = this.querySelector('table');
      if (table) this.acceptInput(() => tableFromElement(table));
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const rebuilds = (this.constructor as typeof EpnElement).modelProperties;
    const readChanged = [...changed.keys()].some((k) => rebuilds.includes(k as string));
    let reloading = false;
    if (changed.has('data') && this.data) {
      const data = this.data;
      this.acceptInput(() => data);
    } else if (
      !this.data &&
      (changed.has('src') ||
        changed.has('delimiter') ||
        changed.has('encoding') ||
        changed.has('decimal') ||
        changed.has('headerRows') ||
        changed.has('types') ||
        changed.has('refresh') ||
        (readChanged && this.aggregateSpec))
    ) {
      // An individual-level source is counted as it loads: reading it another way loads it again.
      reloading = this.loader.sync();
      // `src` removed while its file was loading: that load is cancelled, so nothing is loading any more.
      if (!this.src && this.status === 'loading' && !this.loader.loading) {
        this.status = 'idle';
        this.progress = null;
      }
    }
    if (this.lastInput && !reloading && !changed.has('data') && readChanged) this.rebuild();
  }

  /** Property names whose change rebuilds the model from the same data (subclasses add theirs). */
  static modelProperties: string[] = ['measure'];

  private lastInput: (() => Table | CrossTab) | null = null;

  /**
   * Set by a subclass when a model property changes because a refresh brought new data (a card's second file): if
   * the figures cannot be rebuilt, that is a failed refresh, and the figures on screen stay, marked stale.
   */
  protected rebuildIsRefresh = false;

  private rebuild(): void {
    const refresh = this.rebuildIsRefresh && this.hasFigures;
    this.rebuildIsRefresh = false;
    if (this.lastInput) this.acceptInput(this.lastInput, true, refresh);
  }

  /**
   * The code this widget loads on first use (a chunk beside the all-in-one file; see lazy.ts), or `null`. While it
   * loads, nothing is drawn and no model is built; if it cannot be loaded, the widget shows which file is missing.
   */
  protected lazyCode(): Lazy<unknown> | null {
    return null;
  }

  /** What the widget waits for before drawing: its {@link EpnElement.lazyCode}, and in English the English texts. */
  private needs(): Lazy<unknown>[] {
    const code = this.lazyCode();
    return [...(code ? [code] : []), ...(this.language === 'en' ? [english] : [])];
  }

  /** The load of what the widget still waits for (see {@link EpnElement.needs}), or `null`. */
  private pendingCode(): Promise<unknown> | null {
    return this.needs().reduce<Promise<unknown> | null>((p, c) => p ?? c.wait(), null);
  }

  /** Why the widget's code or texts could not be loaded (the missing file), or `null`. */
  private codeError(): EpnDataError | null {
    return this.needs().find((c) => c.error)?.error ?? null;
  }

  /**
   * Styles that come with the widget's {@link EpnElement.lazyCode} (those of the widgets whose code is in a chunk),
   * added to its shadow root, after the class's `styles`, when the code has arrived.
   */
  protected lazyStyles(): CSSResult[] {
    return [];
  }

  private stylesAdded = false;

  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.pendingCode();
    if (pending) return pending.then(() => this.scheduleUpdate());
    const code = this.lazyCode();
    if (code && !code.error && !this.stylesAdded) {
      this.stylesAdded = true;
      const late = this.lazyStyles();
      if (late.length)
        adoptStyles(this.renderRoot as ShadowRoot, [...(this.constructor as typeof LitElement).elementStyles, ...late]);
    }
    return super.scheduleUpdate();
  }

  private acceptInput(get: () => Table | CrossTab, silent = false, refresh = false): void {
    const pending = this.pendingCode();
    if (pending) {
      void pending.then(() => this.acceptInput(get, silent, refresh));
      return;
    }
    const missing = this.codeError();
    if (missing) {
      this.acceptError(missing, false);
      return;
    }
    try {
      const input = get();
      // The model first: a refresh that cannot be drawn leaves the data of the figures on screen as it was.
      const model = this.buildModel(input);
      this.lastInput = () => input;
      this.table = 'rows' in input && 'columns' in input ? input : null;
      this.readNotes = this.table ? this.notesOf(this.table) : [];
      this.model = model;
      this.status = this.isEmpty(model) ? 'empty' : 'ready';
      this.error = null;
      // New data clears the stale mark; a redraw of the same data (a setting changed) keeps it: still old figures.
      if (!silent) this.staleError = null;
      this.progress = null;
      this.loadedAt = new Date();
      if (!silent) emit(this, 'epn-load', {table: this.table, meta: this.table?.meta ?? null} satisfies EpnLoadDetail);
    } catch (e) {
      // An exception that is not an EpnDataError is a bug of ours, not a setting to fix: said so, its cause in the console.
      const error = e instanceof EpnDataError ? e : internalError(e);
      if (refresh) {
        // A refresh brought a file that cannot be drawn (its columns changed…): a failed refresh, like a network
        // one: the last good figures stay on screen, marked stale.
        this.acceptError(error, true);
        return;
      }
      // The same failure met again when the figures are rebuilt (a card's second file arrived): already reported.
      const same =
        silent && this.status === 'error' && this.error?.code === error.code && this.error.message === error.message;
      if (!same) this.acceptError(error, false);
      // The data is fine, the way to read it is not (a column name, a measure): keep the data so that fixing the
      // attribute redraws without a reload.
      if (
        error.code === 'MISSING_COLUMN' ||
        error.code === 'BAD_OPTION' ||
        error.code === 'UNEXPECTED_SHAPE' ||
        error.code === 'NOT_NUMERIC'
      ) {
        this.lastInput = get;
      }
    }
  }

  /** How to read `src` (see {@link readOptionsOf}): what the attributes override of the core's guesses. @internal (SourceHost) */
  readOptions(): ReadOptions {
    return readOptionsOf(this);
  }

  /** @internal (SourceHost) */
  acceptData(data: Table | CrossTab, refresh = false): void {
    this.acceptInput(() => data, false, refresh && this.hasFigures);
  }

  /**
   * What to count when `src` is an individual-level file, or `null` to load the whole table (the default). Widgets
   * that read one row per person override it. @internal (SourceHost)
   */
  aggregateSpec?(): AggregateSpec | null;

  /** @internal (SourceHost) */
  acceptError(error: EpnDataError, stale: boolean): void {
    if (stale) {
      this.staleError = error;
    } else {
      this.status = 'error';
      this.error = error;
      this.model = null;
      this.lastInput = null;
    }
    this.progress = null;
    emit(this, 'epn-error', {
      code: error.code,
      message: error.localizedMessage(this.language),
      stale,
    } satisfies EpnErrorDetail);
  }

  /** @internal (SourceHost) */
  acceptProgress(fraction: number | null): void {
    this.status = 'loading';
    this.progress = fraction;
  }

  /** Turns the data into the model; throws EpnDataError when the data does not fit (a missing column…). */
  protected abstract buildModel(input: Table | CrossTab): M;
  /** Whether the model has nothing to draw. */
  protected abstract isEmpty(model: M): boolean;
  /** The default title. */
  protected abstract defaultTitle(t: Strings): string;
  /** The chart for a width. */
  protected abstract renderChart(model: M, width: number, t: Strings): Chart;
  /** One or two sentences a screen reader reads: what the chart shows, with its main figure. */
  protected abstract summarize(model: M, t: Strings): string;
  /** The data table. */
  protected abstract tabulate(model: M, t: Strings): DataTable;
  /** Notes under the chart (what is not drawn, and why). */
  /**
   * Whether the widget draws its table as a wide table (`readCrossTab`), so that what that reading set aside (rows,
   * columns) is said under the chart. The charts say yes unless given a long table's columns.
   */
  protected readsWide(): boolean {
    return false;
  }

  /** What the reading of `table` set aside or doubted (see the core's `readingNotes`), said under the chart. */
  private notesOf(table: Table): ReadingNote[] {
    let wide: CrossTab | undefined;
    if (this.readsWide()) {
      try {
        wide = readWide(table);
      } catch {
        wide = undefined;
      }
    }
    return readingNotes(table, wide);
  }

  protected notes(_model: M, _t: Strings): string[] {
    return [];
  }

  /**
   * Formats a figure for the chart and table; an unknown one as its marker says (« donnée confidentielle » for a
   * secret cell), else « non disponible ». @internal
   */
  protected formatValue(value: number | null, kind: 'count' | 'share', t: Strings, marker?: MarkerKind | null): string {
    if (value === null) return t.markers[marker ?? 'unavailable'];
    // `digits` sets the precision of shares; counts are whole numbers and keep their own digits.
    return kind === 'share'
      ? formatPercent(value, {locale: t.locale, digits: this.digits ?? undefined})
      : formatNumber(value, {locale: t.locale});
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const title = this.heading || (this.codeError() ? '' : this.defaultTitle(t));
    const busy = this.status === 'loading';
    return html`<figure part="figure" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <figcaption>
        <p class="title" part="title" id="title">${title}</p>
        ${this.description ? html`<p class="description" part="description">${prose(this.description)}</p>` : nothing}
      </figcaption>
      ${busy ? this.renderLoading(t) : nothing}
      ${this.status === 'error' && this.error ? html`<div class="error" role="alert" part="error">${prose(this.error.localizedMessage(this.language))}</div>` : nothing}
      ${this.staleNotice ? html`<p class="stale" role="status" part="stale">${prose(t.stale(this.staleNotice.localizedMessage(this.language), this.formatTime()))}</p>` : nothing}
      ${this.status === 'empty' ? html`<p class="note" part="note" role="status">${t.empty}</p>` : nothing}
      ${this.status === 'ready' && this.model ? this.renderBody(this.model, title, t) : nothing}
      ${this.renderSource(t)}
      ${this.export && this.status === 'ready' && this.model ? this.exports.render(t) : nothing}
    </figure>`;
  }

  private renderLoading(t: Strings): TemplateResult {
    const p = this.progress;
    const label = p === null ? t.loading : t.loadingPercent(formatPercent(p, {locale: t.locale, digits: 0}));
    return html`<div class="status" role="status" part="loading">
      ${p === null ? html`<progress aria-label=${label}></progress>` : html`<progress max="1" .value=${p} aria-label=${label}></progress>`}
      <span>${label}</span>
    </div>`;
  }

  /** What is drawn when the figures are ready: the SVG chart, the summary, the notes and the data tables. */
  protected renderBody(model: M, title: string, t: Strings): TemplateResult {
    const width = Math.max(240, this.sizer.width);
    const chart = this.renderChart(model, width, t);
    const summary = this.summarize(model, t);
    return html`
      <svg part="chart" role="img" aria-labelledby="chart-title chart-desc" width=${width} height=${chart.height}
        viewBox="0 0 ${width} ${chart.height}" xmlns="http://www.w3.org/2000/svg">
        <title id="chart-title">${title}</title>
        <desc id="chart-desc">${summary}</desc>
        ${chart.content}
      </svg>
      <p class="summary" part="summary">${prose(summary)}</p>
      ${this.renderNotes(model, t)}
      ${this.renderTables(this.tables(model, t), t)}`;
  }

  /** Every table the figures come from (default: the one of {@link EpnElement.tabulate}). */
  protected tables(model: M, t: Strings): DataTable[] {
    return [this.tabulate(model, t)];
  }

  /** The notes under the figures. */
  protected renderNotes(model: M, t: Strings): TemplateResult {
    const reading = this.readNotes.map((n) => (t.locale === 'en' ? n.en : n.fr));
    return html`${[...this.notes(model, t), ...reading].map((n) => html`<p class="note" part="note">${prose(n)}</p>`)}`;
  }

  /** The data tables, visually hidden (but read by screen readers) until the "Voir les données" toggle shows them. */
  protected renderTables(tables: DataTable[], t: Strings): TemplateResult {
    return html`
      <button class="toggle" part="toggle" type="button" aria-expanded=${this.tableShown ? 'true' : 'false'} aria-controls="data"
        @click=${() => (this.tableShown = !this.tableShown)}>${this.tableShown ? t.hideData : t.showData}</button>
      <div id="data" class="table-wrap ${this.tableShown ? '' : 'visually-hidden'}">
        ${tables.map(
          (table) => html`<table part="table">
          <caption>${prose(table.caption)}</caption>
          <thead><tr>${table.head.map((h) => html`<th scope="col">${prose(h)}</th>`)}</tr></thead>
          <tbody>${table.rows.map((r) => html`<tr class=${r.total ? 'total' : ''}><th scope="row">${prose(r.header)}</th>${r.cells.map((c) => html`<td>${prose(c)}</td>`)}</tr>`)}</tbody>
        </table>`,
        )}
      </div>`;
  }

  /** Makes an export (as the menu does) and fires `epn-export`. */
  exportAs(format: ExportFormat): Promise<void> {
    return this.exports.exportAs(format);
  }

  /** Saves a file through a temporary `<a download>` (tests replace it to capture the file). */
  protected download(blob: Blob, filename: string): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private renderSource(t: Strings): TemplateResult | typeof nothing {
    if (!this.source && !this.sourceHref) return nothing;
    const href = safeHref(this.sourceHref);
    const label = this.source || this.sourceHref || '';
    return html`<p class="source" part="source">${t.sourceLabel}${href ? html`<a href=${href} rel="noopener">${label}</a>` : label}</p>`;
  }

  private formatTime(): string {
    const d = this.loadedAt;
    if (!d) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
}
