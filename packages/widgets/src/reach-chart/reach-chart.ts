import {EpnDataError, formatNumber, formatPercent, type CrossTab, type ReachBand, type Table} from '@epn/stats';
import {html, svg, type PropertyDeclarations, type TemplateResult} from 'lit';
import {label, type Chart, type DataTable} from '../internal/base.js';
import {fullAgeLabel, shortAgeLabel} from '../internal/labels.js';
import type {Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {EpnCard} from '../budget-card/card.js';
import {reachData, type ReachModel} from './reach-chart.data.js';
import {layoutReach} from './reach-chart.layout.js';
import {formatRate, reachSentence, reachStrings, type ReachStrings} from './reach-chart.strings.js';
import {reachChartStyles} from './reach-chart.styles.js';
import {agesList} from '../internal/age-words.js';
import type {AggregateSpec} from '../internal/aggregate-source.js';
import {bandBounds} from '../internal/read-by-band.js';

/**
 * Who a programme reaches: registered users per 1 000 inhabitants (or as a % of the population) in each age band, with
 * the overall rate as a reference line, from a users file (`src`: sex × age band as published, or a long table) and a
 * population file (`population-src`: INSEE's estimates by département, a single-year file, or a sex × age table).
 * When the two files' bands differ, the population is put in the users' bands: exactly when its bands allow, else by
 * an estimate the chart, its table and its sentence flag (hatched bars, « population estimée »). The table gives each
 * band's share of users against its share of population and the representation index.
 *
 * @summary Reach by age band: registered users against the population.
 * @tag epn-reach-chart
 *
 * @attr src - URL of the users' CSV (sex × age band, as published; or a long table with `age-column`).
 * @attr population-src - URL of the population CSV (INSEE estimates, single years, or sex × age).
 * @attr population-area - The population file's territories to add: names or codes separated by commas
 *   (`Calvados, Manche, Orne` or `14, 50, 61`); default: every territory.
 * @attr population-group - The groups of columns of a two-row header to read (`Hommes, Femmes`, or `Ensemble`).
 * @attr exclude - Ages left out of the overall rate and the shares, e.g. `0-9, 75 +`.
 * @attr scheme - The bands compared: `users` (default: the users' bands, the population estimated where needed),
 *   `common` (the coarsest bands both files give exactly: fewer bands, no estimate), a preset (`broad`, `quinquennal`,
 *   `seed`, `coop`, `conseiller-numerique`, `single-years`) or lower bounds (`0,18,65`).
 * @attr measure - `per-thousand` (default: users per 1 000 inhabitants) or `percent`.
 * @attr age-column - Long or individual users' tables: the age column (band labels, or ages in years).
 * @attr sex-column - Long or individual users' tables: the sex column (default `sexe`).
 * @attr value-column - Long users' tables: the count column (without it, one row per person, counted as it streams).
 * @attr bands - Lower bounds of the users' bands for ages in years, e.g. `0,18,65` (default: the seed's eight bands).
 * @attr digits - Fraction digits of the rates (default 1).
 *
 * @event epn-load - The data is loaded and drawn (after both files); `detail`: `{table, meta}`.
 * @event epn-error - Loading or reading failed; `detail`: `{code, message, stale}`.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The title.
 * @csspart chart - The SVG chart.
 * @csspart summary - The summary sentence.
 * @csspart note - A note (exclusions, estimates, territories).
 * @csspart table - The data table.
 * @csspart legend - The reference line's label.
 *
 * @cssproperty [--epn-color-reach=#000091] - Colour of the bars (default: the accent colour).
 * @cssproperty [--epn-color-reference=#161616] - Colour of the overall rate's line (default: the text colour).
 * @cssproperty [--epn-text-color=#161616] - Text colour.
 * @cssproperty [--epn-background=#ffffff] - Background colour.
 * @cssproperty [--epn-font-family=Marianne, system-ui, sans-serif] - Font.
 */
export class EpnReachChart extends EpnCard<ReachModel> {
  static override properties: PropertyDeclarations = {
    ...EpnCard.properties,
    populationSrc: {type: String, attribute: 'population-src'},
    populationArea: {type: String, attribute: 'population-area'},
    populationGroup: {type: String, attribute: 'population-group'},
    exclude: {type: String},
    scheme: {type: String},
    ageColumn: {type: String, attribute: 'age-column'},
    sexColumn: {type: String, attribute: 'sex-column'},
    valueColumn: {type: String, attribute: 'value-column'},
    bands: {type: String},
  };
  static override styles = [baseStyles, reachChartStyles];
  static override modelProperties = [...EpnCard.modelProperties, 'populationArea', 'populationGroup', 'exclude', 'scheme', 'ageColumn', 'sexColumn', 'valueColumn', 'bands', 'digits'];
  protected static override extraProperty = 'populationSrc';
  protected static override drawsChart = true;

  /** URL of the population file. */
  populationSrc: string | null = null;
  /** Territories of the population file (names or codes, comma-separated). */
  populationArea: string | null = null;
  /** Groups of columns of a two-row header. */
  populationGroup: string | null = null;
  /** Ages left out of the overall rate (`0-9, 75 +`). */
  exclude: string | null = null;
  /** The bands compared (`users`, `common`, a preset, lower bounds). */
  scheme: string | null = null;
  /** The age-band column of a long users' table. */
  ageColumn: string | null = null;
  /** The sex column of a long users' table. */
  sexColumn: string | null = null;
  /** The count column of a long users' table. */
  valueColumn: string | null = null;
  /** Lower bounds of the users' bands for ages in years (`0,18,65`). */
  bands: string | null = null;

  /**
   * Users one row per person (`age-column` without `value-column`): counted as the file streams, off the main thread.
   * @internal
   */
  override aggregateSpec(): AggregateSpec | null {
    if (!this.ageColumn || this.valueColumn) return null;
    return {rows: this.sexColumn || 'sexe', columns: this.ageColumn, bands: bandBounds(this.bands)};
  }

  private get s(): ReachStrings {
    return reachStrings(this.language);
  }

  protected override hasAttributeInput(): boolean {
    return false;
  }

  protected override buildCardModel(input: Table | CrossTab): ReachModel {
    // Figures given through `data` before the population file is there: nothing to draw yet (the card waits for it).
    if (!this.extraTable && this.extraPending) return {measure: 'per-thousand', reach: {bands: [], users: null, population: null, rate: null, excluded: [], estimated: false, scheme: {labels: [], ranges: []}}, areas: [], excludedLabels: []};
    if (!this.extraTable) {
      throw new EpnDataError('BAD_OPTION', {detail: 'ajoutez population-src, l\'adresse du fichier de population', detailEn: 'add population-src, the address of the population file'});
    }
    return reachData(input, this.extraTable, {
      ageColumn: this.ageColumn,
      sexColumn: this.sexColumn,
      valueColumn: this.valueColumn,
      bands: this.bands,
      populationArea: this.populationArea,
      populationGroup: this.populationGroup,
      exclude: this.exclude,
      scheme: this.scheme,
      measure: this.measure,
    });
  }

  protected override isEmpty(m: ReachModel): boolean {
    return !m.reach.bands.some((b) => b.rate !== null && b.rate > 0);
  }

  protected override defaultTitle(): string {
    return this.s.title;
  }

  protected override renderCard(): TemplateResult {
    return html``;
  }

  private rate(v: number | null, m: ReachModel, t: Strings, unit = false): string {
    return formatRate(v, m.measure, t.locale, this.digits, unit) || t.markers.unavailable;
  }

  protected override renderChart(m: ReachModel, width: number, t: Strings): Chart {
    const s = this.s;
    const bands = m.reach.bands;
    const l = layoutReach({
      labels: bands.map((b) => this.bandLabel(b, true)),
      values: bands.map((b) => b.rate),
      excluded: bands.map((b) => b.included === 0),
      estimated: bands.map((b) => b.estimated),
      reference: m.reach.rate,
      format: (v) => this.rate(v, m, t),
      tickFormat: (v) => (m.measure === 'percent' ? formatPercent(v, {locale: t.locale, digits: 0}) : formatNumber(v * 1000, {locale: t.locale, digits: 0})),
      referenceLabel: s.reference(this.rate(m.reach.rate, m, t, true)),
    }, width);
    return {
      height: l.height,
      content: svg`
        <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect class="hatch-bg" width="6" height="6"></rect><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
        </pattern></defs>
        <g class="grid">${l.ticks.map((k) => svg`<line x1=${k.x} x2=${k.x} y1=${l.plotTop} y2=${l.plotBottom}></line>`)}</g>
        ${l.bars.map((b) => svg`<g class="band">
          ${label(l.plotLeft - 6, b.y + b.height / 2, b.label, l.labelChars, {anchor: 'end', cls: 'band-label'})}
          <rect class="bar ${b.excluded ? 'excluded' : ''} ${b.estimated ? 'estimated' : ''}" x=${l.plotLeft} y=${b.y} width=${b.width} height=${b.height}></rect>
        </g>`)}
        <g class="axis">
          <line x1=${l.plotLeft} x2=${l.plotLeft} y1=${l.plotTop - 2} y2=${l.plotBottom + 2}></line>
          ${l.ticks.map((k) => svg`<text class="tick" x=${k.x} y=${l.tickY} text-anchor="middle" dominant-baseline="middle">${k.label}</text>`)}
        </g>
        ${l.reference
          ? svg`<g class="reference" part="legend"><line x1=${l.reference.x} x2=${l.reference.x} y1=${l.plotTop - 6} y2=${l.plotBottom + 4}></line>
            <text x=${l.reference.labelX} y=${12} text-anchor=${l.reference.anchor} dominant-baseline="middle">${l.reference.label}</text></g>`
          : svg``}
        <g class="values">${l.bars.map((b) => svg`<text class="value" x=${b.valueX} y=${b.y + b.height / 2} dominant-baseline="middle">${b.value}</text>`)}</g>`,
    };
  }

  /**
   * A band's label: short on the axis (`< 11`, `65 +`), in words elsewhere (« moins de 11 ans »); the single band of
   * all ages (`0 +`, a common scheme of bands sharing no boundary) says so.
   */
  private bandLabel(b: ReachBand, short = false): string {
    if (b.range.lower === 0 && b.range.upper === null) return this.s.allAges;
    return short ? shortAgeLabel(b.label) : fullAgeLabel(b.label, this.language);
  }

  protected override summarize(m: ReachModel): string {
    return reachSentence(m, this.language, this.digits);
  }

  protected override notes(m: ReachModel): string[] {
    const s = this.s;
    const notes: string[] = [];
    if (m.excludedLabels.length) notes.push(s.excludedNote(agesList(m.excludedLabels, this.language)));
    const est = m.reach.bands.filter((b) => b.estimated).map((b) => this.bandLabel(b));
    if (est.length) notes.push((m.reach.bands.some((b) => b.usersEstimated) ? s.bothEstimatedNote : s.estimateNote)(est.join(', ')));
    if (m.areas.length) notes.push(s.areasNote(m.areas.join(', ')));
    return notes;
  }

  protected override tabulate(m: ReachModel, t: Strings): DataTable {
    const s = this.s;
    const measure = m.measure === 'percent' ? s.percent : s.perThousand;
    const n = (v: number | null) => (v === null ? t.markers.unavailable : formatNumber(v, {locale: t.locale, digits: 0}));
    const p = (v: number | null) => formatPercent(v, {locale: t.locale, digits: 1}) || '—';
    const idx = (v: number | null) => formatNumber(v, {locale: t.locale, digits: 2}) || '—';
    const r = m.reach;
    return {
      caption: s.caption(this.heading || s.title, measure),
      head: [t.ageBand, s.users, s.population, measure, s.userShare, s.populationShare, s.index],
      rows: [
        ...r.bands.map((b) => ({
          header: this.bandLabel(b) + (b.usersEstimated ? ` (${s.estimation})` : b.estimated ? ` (${s.estimated})` : '') + (b.included === 0 ? ` (${s.excluded})` : b.included < 1 ? ` (${s.partly(formatPercent(b.included, {locale: t.locale, digits: 0}))})` : ''),
          cells: [n(b.users), n(b.population), this.rate(b.rate, m, t), p(b.userShare), p(b.populationShare), idx(b.index)],
          values: [b.users, b.population, b.rate, b.userShare, b.populationShare, b.index],
        })),
        {
          header: s.overall,
          cells: [n(r.users), n(r.population), this.rate(r.rate, m, t), p(r.users === null ? null : 1), p(r.population === null ? null : 1), idx(r.rate === null ? null : 1)],
          values: [r.users, r.population, r.rate, 1, 1, 1],
          total: true,
        },
      ],
    };
  }
}
