import {formatNumber, formatPercent, ratio, type CrossTab, type Table} from '@epn/stats';
import {html, svg, type PropertyDeclarations, type TemplateResult} from 'lit';
import type {Chart, DataTable} from '../internal/base.js';
import {axisLabel} from '../internal/svg-text.js';
import {EpnCard} from '../internal/card/card.js';
import {fullAgeLabel, shortAgeLabel} from '../internal/labels.js';
import type {PyramidPopulation} from './age-chart.population.js';
import {lazy} from '../internal/lazy.js';
import type {Strings} from '../internal/i18n.js';
import {pyramidData, type PyramidData} from './age-chart.data.js';
import {ageChartStyles} from './age-chart.styles.js';
import {baseStyles} from '../internal/styles.js';
import {layoutPyramid} from './age-chart.layout.js';
import type {AggregateSpec} from '../internal/aggregate-source.js';
import {countSpec} from '../internal/read-by-band.js';

/** The comparison with a population, loaded when a chart has `population-src` (the chunk epn-population.js beside the all-in-one file). */
const population = lazy(() => import('../internal/population.code.js'), 'epn-population.js');

/** The pyramid's data, and the population it is compared with (`population-src`). */
export type AgeChartModel = PyramidData & {population?: PyramidPopulation};

/**
 * A population pyramid of registered users (or any people) by sex and age band: men on the left, women on the
 * right, youngest band at the bottom, with its data table and a sentence a screen reader can read.
 *
 * @summary Age pyramid (âge × sexe) from a CSV file.
 * @tag epn-age-chart
 *
 * @attr src - URL of the CSV file (relative to the page, or absolute http/https).
 * @attr measure - `count` (default) or `share` (share of the grand total, as the source printed: 793 → 4,6 %).
 * @attr sex-column - Long or individual tables: the sex column (default `sexe`).
 * @attr age-column - Long or individual tables: the age column (band labels, or ages in years).
 * @attr value-column - Long tables: the count column.
 * @attr bands - Lower bounds of the bands for ages in years, e.g. `0,18,65` (default: the seed's eight bands).
 * @attr population-src - URL of a population file (INSEE's estimates, single years, or sex × age) drawn as an outline
 *   behind the bars, both as shares; the table adds the population's share and the representation index per band.
 * @attr population-area - The population file's territories to add (names or codes, comma-separated).
 * @attr population-group - The groups of columns of the population file's two-row header (`Hommes, Femmes`).
 *
 * @event epn-load - The data is loaded and drawn; `detail`: `{table, meta}`.
 * @event epn-error - Loading or reading failed; `detail`: `{code, message, stale}`.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The title.
 * @csspart chart - The SVG chart.
 * @csspart summary - The summary sentence.
 * @csspart table - The data table.
 * @csspart legend - The sex headers over each side.
 *
 * @cssproperty [--epn-color-men=#000091] - Colour of the men's bars.
 * @cssproperty [--epn-color-women=#a558a0] - Colour of the women's bars.
 * @cssproperty [--epn-text-color=#161616] - Text colour.
 * @cssproperty [--epn-background=#ffffff] - Background colour.
 * @cssproperty [--epn-font-family=Marianne, system-ui, sans-serif] - Font.
 */
export class EpnAgeChart extends EpnCard<AgeChartModel> {
  static override properties: PropertyDeclarations = {
    ...EpnCard.properties,
    populationSrc: {type: String, attribute: 'population-src'},
    populationArea: {type: String, attribute: 'population-area'},
    populationGroup: {type: String, attribute: 'population-group'},
    sexColumn: {type: String, attribute: 'sex-column'},
    ageColumn: {type: String, attribute: 'age-column'},
    valueColumn: {type: String, attribute: 'value-column'},
    bands: {type: String},
  };
  static override styles = [baseStyles, ageChartStyles];
  static override modelProperties = [
    ...EpnCard.modelProperties,
    'sexColumn',
    'ageColumn',
    'valueColumn',
    'bands',
    'populationArea',
    'populationGroup',
  ];
  protected static override extraProperty = 'populationSrc';
  protected static override drawsChart = true;

  /** URL of a population file to compare with. */
  populationSrc: string | null = null;
  /** The population file's territories (names or codes, comma-separated, added). */
  populationArea: string | null = null;
  /** The population file's groups of columns (two-row header). */
  populationGroup: string | null = null;

  /** The sex column of a long or individual-level table. */
  sexColumn: string | null = null;

  protected override readsWide(): boolean {
    return !this.ageColumn && !this.sexColumn && !this.valueColumn;
  }
  /** The age column of a long or individual-level table. */
  ageColumn: string | null = null;
  /** The count column of a long table. */
  valueColumn: string | null = null;
  /** Lower bounds of the age bands for ages in years (`0,18,65`). */
  bands: string | null = null;

  /**
   * One row per person (`age-column` without `value-column`): counted as the file streams, off the main thread.
   * @internal
   */
  override aggregateSpec(): AggregateSpec | null {
    return countSpec(this.ageColumn, this.valueColumn, this.sexColumn || 'sexe', this.bands);
  }

  protected override lazyCode(): typeof population | null {
    return this.populationSrc ? population : null;
  }

  protected override hasAttributeInput(): boolean {
    return false;
  }

  protected override renderCard(): TemplateResult {
    return html``;
  }

  protected override buildCardModel(input: Table | CrossTab): AgeChartModel {
    // Compared with a population, both sides are shares (of the users, of the inhabitants).
    const measure = this.extraTable ? 'share' : this.measure;
    const data = pyramidData(input, {
      sexColumn: this.sexColumn,
      ageColumn: this.ageColumn,
      valueColumn: this.valueColumn,
      bands: this.bands,
      measure,
    });
    if (!this.extraTable) return data;
    return {
      ...data,
      population: population.m.pyramidPopulation(data, this.extraTable, {
        area: this.populationArea,
        group: this.populationGroup,
      }),
    };
  }

  protected override isEmpty(m: AgeChartModel): boolean {
    return !m.bands.length || ![...m.men, ...m.women].some((v) => v !== null && v !== 0);
  }

  protected override defaultTitle(t: Strings): string {
    return t.pyramidTitle;
  }

  private format(m: AgeChartModel, t: Strings) {
    return (v: number | null, band?: number, side?: 'men' | 'women') =>
      this.formatValue(
        v,
        m.measure === 'share' ? 'share' : 'count',
        t,
        side && band !== undefined ? m.markers?.[side][band] : null,
      );
  }

  protected override renderChart(m: AgeChartModel, width: number, t: Strings): Chart {
    const tickFormat = (v: number | null) =>
      m.measure === 'share'
        ? formatPercent(v, {locale: t.locale, digits: 0})
        : formatNumber(v, {locale: t.locale, digits: 0});
    const p = m.population;
    const l = layoutPyramid(
      {
        bands: m.bands.map(shortAgeLabel),
        men: m.menValues,
        women: m.womenValues,
        format: this.format(m, t),
        tickFormat,
        ...(p ? {outline: {men: p.men, women: p.women}} : {}),
      },
      width,
    );
    const left = l.centerX - l.centerWidth / 2;
    const right = l.centerX + l.centerWidth / 2;
    return {
      height: l.height,
      content: svg`
        <g class="grid">${l.ticks.map((k) => svg`<line x1=${k.menX} x2=${k.menX} y1=${l.plotTop} y2=${l.plotBottom}></line><line x1=${k.womenX} x2=${k.womenX} y1=${l.plotTop} y2=${l.plotBottom}></line>`)}</g>
        <g class="legend" part="legend">
          <text x=${l.menHeaderX} y=${l.headerY} text-anchor="end" dominant-baseline="middle" class="header">${t.men}</text>
          <text x=${l.womenHeaderX} y=${l.headerY} text-anchor="start" dominant-baseline="middle" class="header">${t.women}</text>
        </g>
        ${l.rows.map(
          (r, i) => svg`<g class="band">
          <rect class="bar men" x=${r.men.x} y=${r.y} width=${r.men.width} height=${r.height}></rect>
          <rect class="bar women" x=${r.women.x} y=${r.y} width=${r.women.width} height=${r.height}></rect>
          ${
            r.outline
              ? [r.outline.men, r.outline.women].map(
                  (o) => svg`<rect class="halo" x=${o.x} y=${r.y} width=${o.width} height=${r.height}></rect>
            <rect class="outline ${p?.estimated[i] ? 'estimated' : ''}" x=${o.x} y=${r.y} width=${o.width} height=${r.height}></rect>`,
                )
              : svg``
          }
          <text class="value" x=${r.men.labelX} y=${r.y + r.height / 2} text-anchor=${r.men.anchor} dominant-baseline="middle">${r.men.label}</text>
          <text class="value" x=${r.women.labelX} y=${r.y + r.height / 2} text-anchor=${r.women.anchor} dominant-baseline="middle">${r.women.label}</text>
          ${axisLabel(l.centerX, r.y + r.height / 2, r.band, l.bandChars, 'middle')}
        </g>`,
        )}
        <g class="axis">
          <line x1=${left} x2=${left} y1=${l.plotTop - 2} y2=${l.plotBottom + 2}></line>
          <line x1=${right} x2=${right} y1=${l.plotTop - 2} y2=${l.plotBottom + 2}></line>
          ${l.ticks.map(
            (
              k,
            ) => svg`<text class="tick" x=${k.menX} y=${l.tickY} text-anchor="middle" dominant-baseline="middle">${k.label}</text>
            <text class="tick" x=${k.womenX} y=${l.tickY} text-anchor="middle" dominant-baseline="middle">${k.label}</text>`,
          )}
        </g>`,
    };
  }

  protected override summarize(m: AgeChartModel, t: Strings): string {
    const locale = t.locale;
    const sums = m.bands.map((_, i) => (m.men[i] === null || m.women[i] === null ? null : m.men[i]! + m.women[i]!));
    // The largest band is named only when every band is known (an unknown one could be larger).
    let top = sums.includes(null) ? -2 : -1;
    if (top === -1) sums.forEach((s, i) => (top < 0 || s! > sums[top]! ? (top = i) : 0));
    const number = (n: number | null) => (n === null ? null : formatNumber(n, {locale}));
    const compared = m.population ? population.m.populationSentence(m, m.population, this.language) : '';
    return (
      t.pyramidSummary({
        total: number(m.total),
        men: number(m.menTotal),
        women: number(m.womenTotal),
        band: top >= 0 ? fullAgeLabel(m.bands[top]!, this.language) : null,
        bandShare: top >= 0 && m.total ? formatPercent(ratio(sums[top]!, m.total), {locale}) : null,
      }) + (compared ? ` ${compared}` : '')
    );
  }

  protected override tabulate(m: AgeChartModel, t: Strings): DataTable {
    const f = this.format(m, t);
    const total = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
    const totalValue = (v: number | null) => (m.measure === 'share' ? ratio(v, m.total) : v);
    // Band rows: the men's and women's cells say why they are unknown (their markers); totals are unknown as sums.
    const row = (header: string, values: Array<number | null>, total?: boolean, band?: number) => ({
      header,
      cells: values.map((v, k) => f(v, band, k === 0 ? 'men' : k === 1 ? 'women' : undefined)),
      values,
      total,
    });
    const p = m.population;
    const base = {
      caption: `${this.heading || t.pyramidTitle} (${m.measure === 'share' ? t.share : t.count})`,
      head: [t.ageBand, t.men, t.women, t.total],
      rows: [
        ...m.bands.map((b, i) =>
          row(
            fullAgeLabel(b, this.language),
            [m.menValues[i]!, m.womenValues[i]!, totalValue(total(m.men[i]!, m.women[i]!))],
            undefined,
            i,
          ),
        ),
        row(
          t.total,
          [totalValue(m.menTotal), totalValue(m.womenTotal), totalValue(total(m.menTotal, m.womenTotal))],
          true,
        ),
      ],
    };
    return p ? population.m.populationTable(base, m, p, t, this.digits) : base;
  }

  protected override notes(m: AgeChartModel, t: Strings): string[] {
    // One note per row not drawn, for the first few; the others in one line (a file may have thousands).
    const f = (n: number | null) => formatNumber(n, {locale: t.locale});
    const notes = m.others.map((o) => t.notShown(f(o.total) || '?', `« ${o.label} »`));
    if (m.moreRows) notes.push(t.moreNotShown(f(m.moreRows), f(m.moreTotal)));
    if (m.population) notes.push(...population.m.populationNotes(m, m.population, t, this.language));
    if (m.excluded) notes.push(t.notShown(f(m.excluded), t.noSexOrAge));
    return notes;
  }
}
