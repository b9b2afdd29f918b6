import type {Table} from '@epn/stats';

// emptyKeyValueTable in a module of its own: every card needs it at once, the key/value reader only once loaded.
/** An empty key/value table: the input of a card given only attributes (no file). */
export function emptyKeyValueTable(): Table {
  return {
    columns: ['indicateur', 'valeur'],
    rows: [],
    meta: {
      encoding: null,
      bom: false,
      delimiter: ',',
      decimal: ',',
      lineEnding: 'none',
      headerRows: 1,
      headerLine: 1,
      header: [['indicateur', 'valeur']],
      types: ['string', 'number'],
      percentColumns: [],
      titles: [],
      notes: [],
      markers: [],
      issues: [],
      skipped: [],
      rowLines: [],
    },
  };
}
