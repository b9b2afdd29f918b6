import type {Table} from '../table.js';
import type {CrossTab} from './cross-tab.js';
import {isIdentifierHeader} from '../csv/parse.js';

/** One thing a reader should know about how a file was read: what was set aside, or doubted. */
export interface ReadingNote {
  /**
   * What it is about: `column-left-out` (a column of the table not read as figures), `invalid-numbers` (cells that
   * are not readable numbers, left empty), `set-aside` (aggregate and `dont …` rows not counted), and the codes of the
   * reading's own doubts: `AMBIGUOUS_DECIMAL`, `DAMAGED_TEXT`, `GROUP_CHOSEN`.
   */
  kind: 'column-left-out' | 'invalid-numbers' | 'set-aside' | 'AMBIGUOUS_DECIMAL' | 'DAMAGED_TEXT' | 'GROUP_CHOSEN';
  /** The note in French, ready to show (its lists cut after a few items). */
  fr: string;
  /** The note in English. */
  en: string;
}

/** How many items a note lists before « … et N autres ». */
const LISTED = 5;

function list(items: string[], lang: 'fr' | 'en'): string {
  const shown = items.slice(0, LISTED).map((x) => (lang === 'fr' ? `« ${x} »` : `"${x}"`));
  const more = items.length - shown.length;
  return (
    shown.join(', ') +
    (more > 0 ? (lang === 'fr' ? ` et ${more} autre${more > 1 ? 's' : ''}` : ` and ${more} more`) : '')
  );
}

/**
 * What a chart drawn from a table should say about its reading, in French and English, in this order: the reading's
 * doubts (an ambiguous decimal separator, damaged text, a group of columns chosen), the columns left out of a wide
 * table's figures (a column of the table whose cells are not numbers, other than the labels and identifiers), the
 * cells that are not readable numbers (left empty), and the rows set aside (aggregates such as « France
 * métropolitaine », `dont …` rows). Empty when the file was read without anything to say. Pure: the widgets show
 * these notes under their charts, the builder beside its reading.
 *
 * @param table the table as read by {@link parseCsv}
 * @param crossTab the cross-tab drawn from it, when there is one (its `subRows`, its `GROUP_CHOSEN` issue); a wide
 *   table's columns left out are said only with it (a long table's other columns are not figures to draw)
 * @param labelColumn the column of row labels (a wide table's), not a column left out
 *
 * @example
 * ```ts
 * const t = parseCsv('sexe;0-19;20-39\nHommes;10;beaucoup\nFemmes;12;texte');
 * readingNotes(t, readCrossTab(t), 0)[0].fr; // 'La colonne « 20-39 » n'est pas lue comme des chiffres : …'
 * ```
 */
export function readingNotes(table: Table, crossTab?: CrossTab, labelColumn = 0): ReadingNote[] {
  const notes: ReadingNote[] = [];
  const {columns, meta} = table;
  for (const i of [...meta.issues, ...(crossTab?.meta.issues ?? [])]) {
    if (i.code === 'AMBIGUOUS_DECIMAL' || i.code === 'DAMAGED_TEXT' || i.code === 'GROUP_CHOSEN') {
      const en =
        i.code === 'AMBIGUOUS_DECIMAL'
          ? `Column "${columns[i.column ?? 0]}": "${i.raw}" could be read with or without decimals; it is read after the rest of the file (set the decimal separator if that is wrong).`
          : i.code === 'DAMAGED_TEXT'
            ? `The file holds text damaged before it was published (from line ${i.line}: "${i.raw}"); figures are read, some labels may be wrong.`
            : `The file has several groups of columns: only "${i.raw}" is read (the others are parts of it).`;
      notes.push({kind: i.code, fr: i.message, en});
    }
  }
  if (crossTab && !crossTab.meta.columnTitle) {
    const left = columns.filter(
      (name, j) => j !== labelColumn && meta.types[j] === 'string' && !isIdentifierHeader(name) && j > labelColumn,
    );
    // Text columns after the labels, under a header like the figures' (an age band, a year): figures the file spoiled.
    const figureLike = left.filter((name) => /\d/.test(name));
    if (figureLike.length) {
      notes.push({
        kind: 'column-left-out',
        fr: `${figureLike.length > 1 ? 'Les colonnes' : 'La colonne'} ${list(figureLike, 'fr')} ${figureLike.length > 1 ? 'ne sont pas lues' : "n'est pas lue"} comme des chiffres : ${figureLike.length > 1 ? 'leurs cellules sont' : 'ses cellules sont'} surtout du texte. Corrigez le fichier ou précisez le type de la colonne.`,
        en: `${figureLike.length > 1 ? 'Columns' : 'Column'} ${list(figureLike, 'en')} ${figureLike.length > 1 ? 'are' : 'is'} not read as figures: mostly text. Fix the file or set the column's type.`,
      });
    }
  }
  const invalid = meta.issues.filter((i) => i.code === 'INVALID_NUMBER');
  if (invalid.length) {
    const first = invalid[0]!;
    const at = `${first.line}, « ${columns[first.column ?? 0]} » : « ${String(first.raw).slice(0, 40)} »`;
    notes.push({
      kind: 'invalid-numbers',
      fr:
        invalid.length > 1
          ? `${invalid.length} cellules ne sont pas des nombres lisibles et sont laissées vides (la première ligne ${at}).`
          : `Une cellule n'est pas un nombre lisible et est laissée vide (ligne ${at}).`,
      en: `${invalid.length} cell${invalid.length > 1 ? 's are' : ' is'} not a readable number, left empty (${invalid.length > 1 ? 'the first ' : ''}line ${first.line}, "${columns[first.column ?? 0]}": "${String(first.raw).slice(0, 40)}").`,
    });
  }
  const aside = crossTab?.meta.subRows ?? [];
  if (aside.length) {
    const labels = aside.map((r) => r.label);
    notes.push({
      kind: 'set-aside',
      fr: `${aside.length > 1 ? 'Lignes non comptées' : 'Ligne non comptée'} (total, agrégat ou « dont ») : ${list(labels, 'fr')}.`,
      en: `${aside.length > 1 ? 'Rows' : 'Row'} not counted (a total, an aggregate or a "dont" row): ${list(labels, 'en')}.`,
    });
  }
  return notes;
}
