import {EpnDataError, type CrossTab, type Table} from '@epn/stats';
import {html, type CSSResult, type PropertyDeclarations, type TemplateResult} from 'lit';
import type {Chart, DataTable} from '../internal/base.js';
import type {Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {EpnCard} from '../internal/card/card.js';
import type {ReachModel} from './reach-chart.data.js';
import type {ReachStrings} from './reach-chart.strings.js';
import type {ReachView} from './reach-chart.view.js';
import {lazy} from '../internal/lazy.js';
import type {AggregateSpec} from '../internal/aggregate-source.js';
import {countSpec} from '../internal/read-by-band.js';

/** The readers, layout, texts and view, loaded when the first chart connects (the chunk epn-population.js beside the all-in-one file). */
const code = lazy(() => import('../internal/population.code.js'), 'epn-population.js');

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
  static override styles = [baseStyles];
  static override modelProperties = [
    ...EpnCard.modelProperties,
    'populationArea',
    'populationGroup',
    'exclude',
    'scheme',
    'ageColumn',
    'sexColumn',
    'valueColumn',
    'bands',
    'digits',
  ];
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
    return countSpec(this.ageColumn, this.valueColumn, this.sexColumn || 'sexe', this.bands);
  }

  private get s(): ReachStrings {
    return code.m.reachStrings(this.language);
  }

  protected override lazyCode(): typeof code {
    return code;
  }

  /** Its styles, beside the base's, come with its code (see `lazyStyles`). */
  protected override lazyStyles(): CSSResult[] {
    return [code.m.reachChartStyles];
  }

  protected override hasAttributeInput(): boolean {
    return false;
  }

  protected override buildCardModel(input: Table | CrossTab): ReachModel {
    // Figures given through `data` before the population file is there: nothing to draw yet (the card waits for it).
    if (!this.extraTable && this.extraPending)
      return {
        measure: 'per-thousand',
        reach: {
          bands: [],
          users: null,
          population: null,
          rate: null,
          excluded: [],
          estimated: false,
          scheme: {labels: [], ranges: []},
        },
        areas: [],
        excludedLabels: [],
      };
    if (!this.extraTable) {
      throw new EpnDataError('BAD_OPTION', {
        detail: "ajoutez population-src, l'adresse du fichier de population",
        detailEn: 'add population-src, the address of the population file',
      });
    }
    return code.m.reachData(input, this.extraTable, {
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

  /** What the chart draws, with its settings (the chunk epn-population.js). */
  private view(): ReachView {
    return new code.m.ReachView(this.s, this.language, this.digits, this.heading);
  }

  protected override renderChart(m: ReachModel, width: number, t: Strings): Chart {
    return this.view().renderChart(m, width, t);
  }

  protected override notes(m: ReachModel): string[] {
    return this.view().notes(m);
  }

  protected override tabulate(m: ReachModel, t: Strings): DataTable {
    return this.view().tabulate(m, t);
  }

  protected override summarize(m: ReachModel): string {
    return code.m.reachSentence(m, this.language, this.digits);
  }
}
