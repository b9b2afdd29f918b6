import {html, nothing, type LitElement, type ReactiveController, type TemplateResult} from 'lit';
import type {DataTable} from './base.js';
import type {Strings} from './i18n.js';
import {emit} from './emit.js';
import {slugify} from './labels.js';
import {lazy} from './lazy.js';

/**
 * The exports' code (the CSV writer, the PNG and SVG pictures: export-svg.ts), loaded when the export menu first opens:
 * in the all-in-one file, the chunk epn-export-svg.js beside it.
 */
const exporter = lazy(() => import('./export-svg.js'), 'epn-export-svg.js');

/** What the export menu makes. */
export type ExportFormat = 'png' | 'svg' | 'csv' | 'copy';

/** Detail of the `epn-export` event. */
export interface EpnExportDetail {
  format: ExportFormat;
}

/** What is exported: the figures on screen, with their title and source, in the host's language. */
export interface Exported {
  t: Strings;
  title: string;
  /** The source's name, else its link, else empty. */
  source: string;
  /** The data tables (the first is drawn under the SVG and PNG pictures). */
  tables: DataTable[];
  /** The sentence that a copy copies. */
  summary: string;
}

/**
 * The export feature of a widget: the "Exporter" menu (a disclosure button and a list of plain buttons; Escape or a
 * press outside closes it) and the exports themselves — PNG and SVG pictures, the figures as CSV for Excel, a copy of
 * the sentence with its source — which fire `epn-export`. The exports' code is loaded when the menu first opens.
 */
export class ExportController implements ReactiveController {
  /** Whether the menu is open. */
  open = false;
  /** What the last export said (copied, refused, failed, a missing file). */
  private message = '';
  /** The sentence to copy by hand, where the clipboard was refused. */
  private copyText = '';

  /**
   * @param what What to export, or `null` when no figures are on screen.
   * @param save Saves a file (the host's `download`, which tests replace).
   */
  constructor(
    private readonly host: LitElement,
    private readonly what: () => Exported | null,
    private readonly save: (blob: Blob, filename: string) => void,
  ) {
    host.addController(this);
  }

  /** Closes the menu on a pointer press outside the host. */
  private readonly outside = (e: Event): void => {
    if (!e.composedPath().includes(this.host)) this.set(false);
  };

  /** Opens or closes the menu (listening for a press outside while it is open), and says `message`. */
  private set(open: boolean, message = this.message): void {
    this.open = open;
    this.message = message;
    document[open ? 'addEventListener' : 'removeEventListener']('pointerdown', this.outside, true);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.outside, true);
  }

  private focusButton(): void {
    this.host.renderRoot.querySelector<HTMLElement>('#export-button')?.focus();
  }

  /** The export menu. */
  render(t: Strings): TemplateResult {
    const formats: ExportFormat[] = ['png', 'svg', 'csv', 'copy'];
    const close = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.open) return;
      e.stopPropagation();
      this.set(false);
      this.focusButton();
    };
    return html`<div class="export" part="export" @keydown=${close}>
      <button id="export-button" class="toggle" part="export-button" type="button" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="export-menu" @click=${() => (this.set(!this.open), this.open) && exporter.wait()}>${t.exportMenu}</button>
      <ul id="export-menu" class="export-menu" ?hidden=${!this.open}>
        ${formats.map((f) => html`<li><button type="button" class="toggle" data-format=${f} @click=${() => this.exportAs(f)}>${t.exportActions[f]}</button></li>`)}
      </ul>
      ${this.copyText ? html`<textarea readonly rows="3" aria-label=${t.exportActions.copy} .value=${this.copyText}></textarea>` : nothing}
      <p class="note" role="status">${this.message}</p>
    </div>`;
  }

  /** Makes an export (as the menu does) and fires `epn-export` on the host. */
  async exportAs(format: ExportFormat): Promise<void> {
    const what = this.what();
    if (!what) return;
    const {t, title, source, tables} = what;
    const name = slugify(title);
    if (this.open) this.focusButton();
    this.set(false, (this.copyText = ''));
    let missing = '';
    // The exports' code (CSV, PNG, SVG), loaded when the menu opened: a CSV chosen in the menu is then written and
    // saved in the click's own task. Called before the menu ever opened (a script's `exportAs`), it is loaded now.
    const code = async () => {
      await exporter.wait();
      const error = exporter.error;
      if (!error) return exporter.m;
      // Chromium and Firefox name the address in the error; else the chunk beside this file.
      const url = /^https?:/.test(String(error.details.url))
        ? String(error.details.url)
        : new URL('epn-export-svg.js', import.meta.url).href;
      throw (missing = t.exportMissing(url.slice(url.lastIndexOf('/') + 1), url));
    };
    try {
      if (format === 'csv') {
        const {toCsv} = exporter.wait() || exporter.error ? await code() : exporter.m;
        this.save(new Blob([toCsv(tables, t.locale === 'en')], {type: 'text/csv;charset=utf-8'}), `${name}.csv`);
      } else if (format === 'copy') {
        const text = what.summary + (source ? ` ${t.sourceLabel}${source.replace(/\.$/, '')}.` : '');
        try {
          await navigator.clipboard.writeText(text);
          this.set(this.open, t.copied);
        } catch {
          this.copyText = text;
          this.set(this.open, t.copyRefused);
          await this.host.updateComplete;
          this.host.renderRoot.querySelector('textarea')?.select();
        }
      } else {
        const {exportSvg, svgToPng} = await code();
        const style = getComputedStyle(this.host);
        const text = exportSvg(this.host.renderRoot.querySelector<SVGSVGElement>('svg[part="chart"]'), tables[0], {
          title,
          source: source && t.sourceLabel + source,
          date: t.exportedOn(new Intl.DateTimeFormat(t.locale, {dateStyle: 'long'}).format(new Date())),
          colon: t.locale === 'en' ? ': ' : '\u00a0: ',
          color: style.color,
          background: style.backgroundColor,
          font: style.fontFamily,
        });
        if (format === 'svg') {
          this.save(new Blob([text], {type: 'image/svg+xml'}), `${name}.svg`);
        } else {
          const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(text)!;
          this.save(await svgToPng(text, Number(w), Number(h)), `${name}.png`);
        }
      }
      emit(this.host, 'epn-export', {format} satisfies EpnExportDetail);
    } catch {
      this.set(this.open, missing || t.exportFailed);
    }
  }
}
