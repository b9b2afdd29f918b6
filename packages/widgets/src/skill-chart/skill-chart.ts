import {type CrossTab, type Table} from '@epn/stats';
import {nothing, svg} from 'lit';
import type {Chart, DataTable} from '../internal/base.js';
import {axisLabel, label} from '../internal/svg-text.js';
import {fullAgeLabel, shortAgeLabel} from '../internal/labels.js';
import {EpnByBandElement} from '../internal/by-band-element.js';
import {inLang, type Strings} from '../internal/i18n.js';
import {baseStyles} from '../internal/styles.js';
import {skillData, type SkillData} from './skill-chart.data.js';
import {layoutSkill} from './skill-chart.layout.js';
import {fr, type SkillStrings} from './skill-chart.strings.js';
import {skillChartStyles} from './skill-chart.styles.js';

/**
 * Self-assessed skill levels by age band: one 100 % stacked bar per band, levels ordered débutant → intermédiaire →
 * avancé → confirmé (other levels after them) in a sequential palette, a legend with the levels' names, the value
 * written in every segment wide enough for it, with its data table and a sentence a screen reader can read.
 *
 * @summary Skill levels per age band (niveau × âge), 100 % stacked bars, from a CSV file.
 * @tag epn-skill-chart
 *
 * @attr src - URL of the CSV file (relative to the page, or absolute http/https).
 * @attr measure - `distribution` (default: levels within each band, 678 / 1 037 → 65,4 %) or `share-of-total`
 *   (the source's convention, shares of the grand total: 517 / 7 708 → 6,7 %).
 * @attr rows-column - Long or individual tables: the level column (default `niveau`).
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
 * @csspart legend - The legend of the levels.
 *
 * @cssproperty [--epn-skill-color-1=#8585f6] - Fill of the first level (débutant; dark default `#5b5bc8`).
 * @cssproperty [--epn-skill-color-2=#5555ec] - Fill of the second level (intermédiaire; dark `#7d7def`).
 * @cssproperty [--epn-skill-color-3=#1f1fd8] - Fill of the third level (avancé; dark `#a3a3f8`).
 * @cssproperty [--epn-skill-color-4=#000091] - Fill of the fourth level (confirmé; dark `#cacafb`).
 * @cssproperty [--epn-skill-color-other-1=#666666] - Fill of other levels, alternating with the next (dark `#929292`).
 * @cssproperty [--epn-skill-color-other-2=#929292] - Fill of other levels (dark `#cecece`).
 * @cssproperty [--epn-skill-label-1=#161616] - Colour of the value labels on the first level (dark `#ffffff`).
 * @cssproperty [--epn-skill-label-2=#ffffff] - Value labels on the second level (dark `#161616`).
 * @cssproperty [--epn-skill-label-3=#ffffff] - Value labels on the third level (dark `#161616`).
 * @cssproperty [--epn-skill-label-4=#ffffff] - Value labels on the fourth level (dark `#161616`).
 * @cssproperty [--epn-skill-label-other-1=#ffffff] - Value labels on `--epn-skill-color-other-1` (dark `#161616`).
 * @cssproperty [--epn-skill-label-other-2=#161616] - Value labels on `--epn-skill-color-other-2` (dark `#161616`).
 * @cssproperty [--epn-text-color=#161616] - Text colour.
 * @cssproperty [--epn-muted-color=#3a3a3a] - Colour of the band labels.
 * @cssproperty [--epn-background=#ffffff] - Background colour (it also shows between segments).
 * @cssproperty [--epn-font-family=Marianne, system-ui, sans-serif] - Font.
 */
export class EpnSkillChart extends EpnByBandElement<SkillData> {
  static override styles = [baseStyles, skillChartStyles];
  protected readonly defaultRows = 'niveau';

  private get s(): SkillStrings {
    return inLang(this.language, fr, (en) => en.skill);
  }

  protected override buildModel(input: Table | CrossTab): SkillData {
    return skillData(input, this.byBand);
  }

  protected override isEmpty(m: SkillData): boolean {
    return !m.levels.length || !m.bands.length || !m.counts.flat().some((v) => v !== null && v !== 0);
  }

  protected override defaultTitle(): string {
    return this.s.title;
  }

  protected override renderChart(m: SkillData, width: number, t: Strings): Chart {
    const f = this.share(t);
    const distribution = m.measure === 'distribution';
    const l = layoutSkill(
      {
        levels: m.levels,
        bands: m.bands.map(shortAgeLabel),
        values: m.values,
        format: f,
        domainMax: distribution ? 1 : undefined,
        endLabels: distribution ? null : m.bandValues.map((v) => f(v)),
      },
      width,
    );
    return {
      height: l.height,
      content: svg`
        <g class="legend" part="legend">${l.legend.map(
          (k) => svg`
          <rect class="seg swatch ${m.tones[k.level]}" x=${k.swatchX} y=${k.y - 6} width="12" height="12"></rect>
          ${label(k.textX, k.y, k.text, k.chars, {cls: 'level-name'})}`,
        )}
        </g>
        ${l.rows.map(
          (r) => svg`<g class="band">
          ${axisLabel(l.plotX - 6, r.y + r.height / 2, r.band, l.bandChars, 'end')}
          ${r.segments.map((s) => (s.width > 0 ? svg`<rect class="seg ${m.tones[s.level]}" x=${s.x} y=${r.y} width=${s.width} height=${r.height}></rect>` : nothing))}
          ${r.segments.map((s) => (s.label ? svg`<text class="seg-label on-${m.tones[s.level]}" x=${s.labelX} y=${r.y + r.height / 2} text-anchor="middle" dominant-baseline="middle">${s.label}</text>` : nothing))}
          ${r.endLabel ? svg`<text class="end" x=${r.endX} y=${r.y + r.height / 2} dominant-baseline="middle">${r.endLabel}</text>` : nothing}
        </g>`,
        )}`,
    };
  }

  protected override summarize(m: SkillData, t: Strings): string {
    let top = -1;
    m.levelTotals.forEach((n, i) => {
      if (n !== null && (top < 0 || n > m.levelTotals[top]!)) top = i;
    });
    let band = -1;
    if (top >= 0) {
      m.values[top]!.forEach((v, j) => {
        if (v !== null && (band < 0 || v > m.values[top]![band]!)) band = j;
      });
    }
    // Unknown figures are left out of the sentence (never « déclaré par non disponible personnes »).
    return this.s.summary({
      total: m.total === null ? null : this.count(m.total, t),
      level: top >= 0 ? m.levels[top]! : null,
      levelShare: top >= 0 && m.levelValues[top] !== null ? this.formatValue(m.levelValues[top]!, 'share', t) : null,
      band: band >= 0 ? fullAgeLabel(m.bands[band]!, this.language) : null,
      value: band >= 0 ? this.formatValue(m.values[top]![band]!, 'share', t) : null,
      measure: m.measure,
    });
  }

  protected override tabulate(m: SkillData, t: Strings): DataTable {
    const f = this.share(t, m.markers);
    const distribution = m.measure === 'distribution';
    // A band's row: its cells say why a level's share is unknown (the count's marker); the Total row's are sums.
    const row = (
      header: string,
      shares: Array<number | null>,
      last: number | null,
      total?: boolean,
      band?: number,
    ) => ({
      header,
      cells: [...shares.map((v, i) => f(v, i, band)), distribution ? this.count(last, t) : f(last)],
      values: [...shares, last],
      total,
    });
    return {
      caption: this.s.caption(this.heading || this.s.title, m.measure),
      head: [t.ageBand, ...m.levels, distribution ? this.s.people : t.total],
      rows: [
        ...m.bands.map((band, j) =>
          row(
            fullAgeLabel(band, this.language),
            m.levels.map((_, i) => m.values[i]![j]!),
            distribution ? m.bandTotals[j]! : m.bandValues[j]!,
            undefined,
            j,
          ),
        ),
        row(t.total, m.levelValues, distribution ? m.total : m.total ? 1 : null, true),
      ],
    };
  }

  protected override notes(m: SkillData, t: Strings): string[] {
    const notes: string[] = [];
    if (m.mismatched.length) notes.push(this.s.mismatch(m.mismatched.join(', ')));
    if (m.excluded) notes.push(this.s.excluded(this.count(m.excluded, t)));
    return notes;
  }
}
