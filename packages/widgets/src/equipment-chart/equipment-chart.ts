import {ratio, type CrossTab, type Table} from '@epn/stats';
import {nothing, svg} from 'lit';
import type {Chart, DataTable} from '../internal/base.js';
import {axisLabel, label} from '../internal/svg-text.js';
import {fullAgeLabel, shortAgeLabel} from '../internal/labels.js';
import {EpnByBandElement} from '../internal/by-band-element.js';
import {inLang, type Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {equipmentData, type EquipmentData} from './equipment-chart.data.js';
import {layoutEquipment} from './equipment-chart.layout.js';
import {fr, type EquipmentStrings} from './equipment-chart.strings.js';
import {equipmentChartStyles} from './equipment-chart.styles.js';

/**
 * The equipment of the respondents by age band (home computer, home internet, mobile phone…): one small multiple per
 * item, one bar per age band with its value written at its end, with its data table and a sentence a screen reader
 * can read. Multi-response tables are read as published: the `Total` row is the number of distinct respondents.
 *
 * @summary Equipment rate per age band (équipement × âge) from a CSV file.
 * @tag epn-equipment-chart
 *
 * @attr src - URL of the CSV file (relative to the page, or absolute http/https).
 * @attr measure - `rate` (default: share of each band's respondents who have the item, 901 / 1 055 → 85,4 %) or
 *   `distribution` (the source's row shares: 236 / 3 620 → 6,5 %).
 * @attr rows-column - Long or individual tables: the item column (default `equipement`).
 * @attr age-column - Long or individual tables: the age column (band labels, or ages in years).
 * @attr value-column - Long tables: the count column.
 * @attr bands - Lower bounds of the bands for ages in years, e.g. `0,18,65` (default: the seed's eight bands).
 *
 * @event epn-load - The data is loaded and drawn; `detail`: `{table, meta}`.
 * @event epn-error - Loading or reading failed; `detail`: `{code, message, stale}`.
 *
 * @csspart figure - The whole figure.
 * @csspart title - The title.
 * @csspart chart - The SVG chart.
 * @csspart summary - The summary sentence.
 * @csspart table - The data table.
 * @csspart legend - The item titles over each small multiple.
 *
 * @cssproperty [--epn-color-bar=#000091] - Colour of the bars (dark default `#8585f6`).
 * @cssproperty [--epn-track-color=#eeeeee] - Colour of the track behind rate bars (the whole band; dark `#2a2a2a`).
 * @cssproperty [--epn-text-color=#161616] - Text colour.
 * @cssproperty [--epn-muted-color=#3a3a3a] - Colour of the band labels.
 * @cssproperty [--epn-border-color=#929292] - Colour of the axis line.
 * @cssproperty [--epn-background=#ffffff] - Background colour.
 * @cssproperty [--epn-font-family=Marianne, system-ui, sans-serif] - Font.
 */
export class EpnEquipmentChart extends EpnByBandElement<EquipmentData> {
  static override styles = [baseStyles, equipmentChartStyles];
  protected readonly defaultRows = 'equipement';

  private get s(): EquipmentStrings {
    return inLang(this.language, fr, (en) => en.equipment);
  }

  protected override buildModel(input: Table | CrossTab): EquipmentData {
    return equipmentData(input, this.byBand);
  }

  protected override isEmpty(m: EquipmentData): boolean {
    return !m.items.length || !m.bands.length || !m.counts.flat().some((v) => v !== null && v !== 0);
  }

  protected override defaultTitle(): string {
    return this.s.title;
  }

  protected override renderChart(m: EquipmentData, width: number, t: Strings): Chart {
    const rate = m.measure === 'rate';
    const l = layoutEquipment(
      {
        items: m.items,
        bands: m.bands.map(shortAgeLabel),
        values: m.values,
        format: this.share(t, m.markers),
        domainMax: rate ? 1 : undefined,
        track: rate,
      },
      width,
    );
    return {
      height: l.height,
      content: svg`
        <g class="legend" part="legend">${l.panels.map((p) => label(p.x, p.titleY, p.item, p.titleChars, {cls: 'item-title'}))}</g>
        ${l.panels.map(
          (p) => svg`<g class="panel">
          ${p.bars.map(
            (b) => svg`
            ${p.trackWidth ? svg`<rect class="track" x=${p.plotX} y=${b.y} width=${p.trackWidth} height=${b.height}></rect>` : nothing}
            <rect class="bar" x=${b.x} y=${b.y} width=${b.width} height=${b.height}></rect>
            ${axisLabel(p.plotX - 6, b.y + b.height / 2, b.band, p.bandChars, 'end')}
            <text class="value" x=${b.labelX} y=${b.y + b.height / 2} text-anchor=${b.anchor} dominant-baseline="middle">${b.label}</text>`,
          )}
          <line class="baseline" x1=${p.plotX} x2=${p.plotX} y1=${p.plotTop - 2} y2=${p.plotBottom + 2}></line>
        </g>`,
        )}`,
    };
  }

  protected override summarize(m: EquipmentData, t: Strings): string {
    let [i, j] = [-1, -1];
    m.values.forEach((row, a) =>
      row.forEach((v, b) => {
        if (v !== null && (i < 0 || v > m.values[i]![j]!)) [i, j] = [a, b];
      }),
    );
    // Unknown figures are left out of the sentence (never « Part des non disponible répondants »).
    const known = (n: number | null | undefined) => (n === null || n === undefined ? null : this.count(n, t));
    const top =
      i >= 0
        ? {
            item: m.items[i]!,
            band: fullAgeLabel(m.bands[j]!, this.language),
            value: this.formatValue(m.values[i]![j]!, 'share', t),
          }
        : null;
    return m.measure === 'rate'
      ? this.s.summaryRate({
          respondents: known(m.total),
          top: top && {...top, count: known(m.counts[i]![j]), bandRespondents: known(m.respondents[j])},
        })
      : this.s.summaryDistribution({top: top && {...top, itemTotal: known(m.itemTotals[i])}});
  }

  protected override tabulate(m: EquipmentData, t: Strings): DataTable {
    const f = this.share(t, m.markers);
    const rate = m.measure === 'rate';
    const respondents = (n: number | null) => (rate ? this.count(n, t) : f(ratio(n, m.total)));
    // A band's row: its cells say why an item's share is unknown (the count's marker); the Total row's are sums.
    const row = (header: string, shares: Array<number | null>, n: number | null, total?: boolean, band?: number) => ({
      header,
      cells: [...shares.map((v, i) => f(v, i, band)), respondents(n)],
      values: [...shares, rate ? n : ratio(n, m.total)],
      total,
    });
    return {
      caption: this.s.caption(this.heading || this.s.title, m.measure),
      head: [t.ageBand, ...m.items, rate ? this.s.respondents : this.s.respondentsShare],
      rows: [
        ...m.bands.map((band, j) =>
          row(
            fullAgeLabel(band, this.language),
            m.items.map((_, i) => m.values[i]![j]!),
            m.respondents[j]!,
            undefined,
            j,
          ),
        ),
        row(t.total, m.itemValues, m.total, true),
      ],
    };
  }

  protected override notes(m: EquipmentData, t: Strings): string[] {
    const notes: string[] = [];
    if (m.multiResponse) notes.push(this.s.multiResponse(this.count(m.total, t)));
    if (m.measure === 'rate' && !m.respondentsGiven) notes.push(this.s.noRespondents);
    if (m.excluded) notes.push(this.s.excluded(this.count(m.excluded, t)));
    return notes;
  }
}
