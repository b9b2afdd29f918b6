import {formatNumber, type MarkerKind} from '@epn/stats';
import type {PropertyDeclarations} from 'lit';
import {EpnElement} from './base.js';
import type {Strings} from './i18n.js';
import type {AggregateSpec} from './aggregate-source.js';
import {countSpec, type ByBandOptions} from './read-by-band.js';

/**
 * The base of the widgets that show categories × age bands (`<epn-equipment-chart>`, `<epn-skill-chart>`): the
 * attributes that map a long or individual-level table (`rows-column`, `age-column`, `value-column`, `bands`), and
 * the formatters both use.
 */
export abstract class EpnByBandElement<M> extends EpnElement<M> {
  static override properties: PropertyDeclarations = {
    ...EpnElement.properties,
    rowsColumn: {type: String, attribute: 'rows-column'},
    ageColumn: {type: String, attribute: 'age-column'},
    valueColumn: {type: String, attribute: 'value-column'},
    bands: {type: String},
  };
  static override modelProperties = ['measure', 'rowsColumn', 'ageColumn', 'valueColumn', 'bands'];

  /** The category column (items, levels) of a long or individual-level table. */
  rowsColumn: string | null = null;
  /** The age column of a long or individual-level table. */
  ageColumn: string | null = null;

  protected override readsWide(): boolean {
    return !this.ageColumn && !this.rowsColumn && !this.valueColumn;
  }
  /** The count column of a long table. */
  valueColumn: string | null = null;
  /** Lower bounds of the age bands for ages in years (`0,18,65`). */
  bands: string | null = null;

  /** How to read the table, from the attributes. */
  protected get byBand(): ByBandOptions & {measure: string | null} {
    return {
      rowsColumn: this.rowsColumn,
      ageColumn: this.ageColumn,
      valueColumn: this.valueColumn,
      bands: this.bands,
      measure: this.measure,
    };
  }

  /**
   * One row per person (`age-column` without `value-column`): counted as the file streams, off the main thread.
   * @internal
   */
  override aggregateSpec(): AggregateSpec | null {
    return countSpec(this.ageColumn, this.valueColumn, this.rowsColumn || this.defaultRows, this.bands);
  }

  /** The category column when `rows-column` is not given. */
  protected abstract readonly defaultRows: string;

  /**
   * A formatter of shares, with the element's `digits`; given the cell (`row`, `band`), an unknown share is written
   * as the file's marker says (`markers[row][band]`: « donnée confidentielle » for a secret count).
   */
  protected share(
    t: Strings,
    markers?: (MarkerKind | null)[][],
  ): (v: number | null, row?: number, band?: number) => string {
    return (v, row, band) =>
      this.formatValue(v, 'share', t, row !== undefined && band !== undefined ? markers?.[row]?.[band] : null);
  }

  /** A count, or "non disponible". */
  protected count(v: number | null, t: Strings): string {
    return formatNumber(v, {locale: t.locale}) || t.markers.unavailable;
  }
}
