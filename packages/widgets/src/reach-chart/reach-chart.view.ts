import {formatNumber, formatPercent, type ReachBand} from '@epn/stats';
import {svg} from 'lit';
import type {Chart, DataTable} from '../internal/base.js';
import {label} from '../internal/svg-text.js';
import {fullAgeLabel, shortAgeLabel} from '../internal/labels.js';
import type {Lang, Strings} from '../internal/i18n.js';
import {agesList} from '../internal/age-words.js';
import type {ReachModel} from './reach-chart.data.js';
import {layoutReach} from './reach-chart.layout.js';
import {formatRate, type ReachStrings} from './reach-chart.strings.js';

/**
 * What <epn-reach-chart> draws from its model: the bars, the reference line, the notes and the data table. In the
 * chunk epn-population.js of the all-in-one file, with the chart's reader and texts; the element builds one per
 * render with its settings.
 */
export class ReachView {
  constructor(
    private readonly s: ReachStrings,
    private readonly language: Lang,
    private readonly digits: number | null,
    private readonly heading: string | null,
  ) {}

  rate(v: number | null, m: ReachModel, t: Strings, unit = false): string {
    return formatRate(v, m.measure, t.locale, this.digits, unit) || t.markers.unavailable;
  }

  renderChart(m: ReachModel, width: number, t: Strings): Chart {
    const s = this.s;
    const bands = m.reach.bands;
    const l = layoutReach(
      {
        labels: bands.map((b) => this.bandLabel(b, true)),
        values: bands.map((b) => b.rate),
        excluded: bands.map((b) => b.included === 0),
        estimated: bands.map((b) => b.estimated),
        reference: m.reach.rate,
        format: (v) => this.rate(v, m, t),
        tickFormat: (v) =>
          m.measure === 'percent'
            ? formatPercent(v, {locale: t.locale, digits: 0})
            : formatNumber(v * 1000, {locale: t.locale, digits: 0}),
        referenceLabel: s.reference(this.rate(m.reach.rate, m, t, true)),
      },
      width,
    );
    return {
      height: l.height,
      content: svg`
        <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect class="hatch-bg" width="6" height="6"></rect><line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
        </pattern></defs>
        <g class="grid">${l.ticks.map((k) => svg`<line x1=${k.x} x2=${k.x} y1=${l.plotTop} y2=${l.plotBottom}></line>`)}</g>
        ${l.bars.map(
          (b) => svg`<g class="band">
          ${label(l.plotLeft - 6, b.y + b.height / 2, b.label, l.labelChars, {anchor: 'end', cls: 'band-label'})}
          <rect class="bar ${b.excluded ? 'excluded' : ''} ${b.estimated ? 'estimated' : ''}" x=${l.plotLeft} y=${b.y} width=${b.width} height=${b.height}></rect>
        </g>`,
        )}
        <g class="axis">
          <line x1=${l.plotLeft} x2=${l.plotLeft} y1=${l.plotTop - 2} y2=${l.plotBottom + 2}></line>
          ${l.ticks.map((k) => svg`<text class="tick" x=${k.x} y=${l.tickY} text-anchor="middle" dominant-baseline="middle">${k.label}</text>`)}
        </g>
        ${
          l.reference
            ? svg`<g class="reference" part="legend"><line x1=${l.reference.x} x2=${l.reference.x} y1=${l.plotTop - 6} y2=${l.plotBottom + 4}></line>
            <text x=${l.reference.labelX} y=${12} text-anchor=${l.reference.anchor} dominant-baseline="middle">${l.reference.label}</text></g>`
            : svg``
        }
        <g class="values">${l.bars.map((b) => svg`<text class="value" x=${b.valueX} y=${b.y + b.height / 2} dominant-baseline="middle">${b.value}</text>`)}</g>`,
    };
  }

  /**
   * A band's label: short on the axis (`< 11`, `65 +`), in words elsewhere (« moins de 11 ans »); the single band of
   * all ages (`0 +`, a common scheme of bands sharing no boundary) says so.
   */
  bandLabel(b: ReachBand, short = false): string {
    if (b.range.lower === 0 && b.range.upper === null) return this.s.allAges;
    return short ? shortAgeLabel(b.label) : fullAgeLabel(b.label, this.language);
  }

  notes(m: ReachModel): string[] {
    const s = this.s;
    const notes: string[] = [];
    if (m.excludedLabels.length) notes.push(s.excludedNote(agesList(m.excludedLabels, this.language)));
    const est = m.reach.bands.filter((b) => b.estimated).map((b) => this.bandLabel(b));
    if (est.length)
      notes.push((m.reach.bands.some((b) => b.usersEstimated) ? s.bothEstimatedNote : s.estimateNote)(est.join(', ')));
    if (m.areas.length) notes.push(s.areasNote(m.areas.join(', ')));
    return notes;
  }

  tabulate(m: ReachModel, t: Strings): DataTable {
    const s = this.s;
    const measure = m.measure === 'percent' ? s.percent : s.perThousand;
    const n = (v: number | null) =>
      v === null ? t.markers.unavailable : formatNumber(v, {locale: t.locale, digits: 0});
    const p = (v: number | null) => formatPercent(v, {locale: t.locale, digits: 1}) || '—';
    const idx = (v: number | null) => formatNumber(v, {locale: t.locale, digits: 2}) || '—';
    const r = m.reach;
    return {
      caption: s.caption(this.heading || s.title, measure),
      head: [t.ageBand, s.users, s.population, measure, s.userShare, s.populationShare, s.index],
      rows: [
        ...r.bands.map((b) => ({
          header:
            this.bandLabel(b) +
            (b.usersEstimated ? ` (${s.estimation})` : b.estimated ? ` (${s.estimated})` : '') +
            (b.included === 0
              ? ` (${s.excluded})`
              : b.included < 1
                ? ` (${s.partly(formatPercent(b.included, {locale: t.locale, digits: 0}))})`
                : ''),
          cells: [
            n(b.users),
            n(b.population),
            this.rate(b.rate, m, t),
            p(b.userShare),
            p(b.populationShare),
            idx(b.index),
          ],
          values: [b.users, b.population, b.rate, b.userShare, b.populationShare, b.index],
        })),
        {
          header: s.overall,
          cells: [
            n(r.users),
            n(r.population),
            this.rate(r.rate, m, t),
            p(r.users === null ? null : 1),
            p(r.population === null ? null : 1),
            idx(r.rate === null ? null : 1),
          ],
          values: [r.users, r.population, r.rate, 1, 1, 1],
          total: true,
        },
      ],
    };
  }
}
