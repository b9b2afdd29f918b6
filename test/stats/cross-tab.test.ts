// readCrossTab (wide tables as published), crossTab (long and individual-level tables) and sexOf.
import {ageBands, crossTab, findColumn, parseCsv, readCrossTab, sexOf, type CrossTab} from '@epn/stats';
import {describe, expect, it, thrown} from '../harness.js';

const codes = (ct: CrossTab) => ct.meta.issues.map((i) => i.code);
const BANDS = ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'];

describe('readCrossTab', () => {
  it('readCrossTab(table) reads a wide table without Total row or column: the totals are the sums', () => {
    const ct = readCrossTab(parseCsv('sexe;-11;11-17\nHommes;793;1762\nFemmes;561;1327'));
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnLabels).to.deep.equal(['-11', '11-17']);
    expect(ct.counts).to.deep.equal([
      [793, 1762],
      [561, 1327],
    ]);
    expect(ct.rowTotals).to.deep.equal([2555, 1888]);
    expect(ct.columnTotals).to.deep.equal([1354, 3089]);
    expect(ct.total).to.equal(4443);
    expect(ct.meta.givenRowTotals).to.equal(null);
    expect(ct.meta.givenColumnTotals).to.equal(null);
    expect(ct.meta.givenTotal).to.equal(null);
    expect(ct.meta.rowTitle).to.equal('sexe');
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it("readCrossTab(table) says which cells were markers (meta.markers, in the cross-tab's own order), none for the totals", () => {
    // Bands written oldest first and a transposed-looking order: the indices are those of the ordered cross-tab.
    const ct = readCrossTab(
      parseCsv(
        'tranche;60 ans ou plus;0-19;20-59;Total\n20-39;s;5;n.d.;9\nTotal;s;5;7;12\ndont cadres;s;1;1;2\nFemmes;4;nd;2;6',
      ),
    );
    expect(ct.columnLabels).to.deep.equal(['0-19', '20-59', '60 ans ou plus']);
    expect(ct.rowLabels).to.deep.equal(['20-39', 'Femmes']);
    expect(ct.counts).to.deep.equal([
      [5, null, null],
      [null, 2, 4],
    ]);
    expect(ct.meta.markers).to.deep.equal([
      {row: 0, column: 1, kind: 'unavailable', raw: 'n.d.'},
      {row: 0, column: 2, kind: 'secret', raw: 's'},
      {row: 1, column: 0, kind: 'unavailable', raw: 'nd'},
    ]);
    // No marker among the counted cells: no field.
    expect(readCrossTab(parseCsv('sexe;-11;Total\nHommes;793;s\nFemmes;561;561')).meta.markers).to.equal(undefined);
  });

  it('readCrossTab(table) keeps a Total row and a Total column as the given totals, out of the categories', () => {
    const ct = readCrossTab(
      parseCsv('sexe,-11,11-17,Total\nHommes,793,1762,2555\nFemmes,561,1327,1888\nTotal,1354,3089,4443'),
    );
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnLabels).to.deep.equal(['-11', '11-17']);
    expect(ct.meta.givenRowTotals).to.deep.equal([2555, 1888]);
    expect(ct.meta.givenColumnTotals).to.deep.equal([1354, 3089]);
    expect(ct.meta.givenTotal).to.equal(4443);
    expect(ct.total).to.equal(4443);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('readCrossTab(table) reads a Total row with no Total column', () => {
    const ct = readCrossTab(parseCsv('sexe;a;b\nHommes;1;2\nFemmes;3;4\nTotal;4;6'));
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnTotals).to.deep.equal([4, 6]);
    expect(ct.rowTotals).to.deep.equal([3, 7]);
    expect(ct.total).to.equal(10);
    expect(ct.meta.givenRowTotals).to.equal(null);
  });

  it('readCrossTab(table) reads a Total column with no Total row', () => {
    const ct = readCrossTab(parseCsv('sexe;a;b;Total\nHommes;1;2;3\nFemmes;3;4;7'));
    expect(ct.columnLabels).to.deep.equal(['a', 'b']);
    expect(ct.rowTotals).to.deep.equal([3, 7]);
    expect(ct.columnTotals).to.deep.equal([4, 6]);
    expect(ct.total).to.equal(10);
    expect(ct.meta.givenColumnTotals).to.equal(null);
  });

  it('readCrossTab(table) recognises Ensemble (any case, accents, spaces) as a total row and column', () => {
    const ct = readCrossTab(parseCsv('niveau;a;b; ENSEMBLE \ndébutant;1;2;3\navancé;3;4;7\nEnsemble;4;6;10'));
    expect(ct.rowLabels).to.deep.equal(['débutant', 'avancé']);
    expect(ct.columnLabels).to.deep.equal(['a', 'b']);
    expect(ct.meta.givenRowTotals).to.deep.equal([3, 7]);
    expect(ct.meta.givenColumnTotals).to.deep.equal([4, 6]);
    expect(ct.meta.givenTotal).to.equal(10);
  });

  it('readCrossTab(table) recognises a Total row placed first and a Total column placed first', () => {
    const ct = readCrossTab(parseCsv('cat;Total;a;b\nTotal;10;4;6\nX;3;1;2\nZ;7;3;4'));
    expect(ct.rowLabels).to.deep.equal(['X', 'Z']);
    expect(ct.columnLabels).to.deep.equal(['a', 'b']);
    expect(ct.counts).to.deep.equal([
      [1, 2],
      [3, 4],
    ]);
    expect(ct.total).to.equal(10);
  });

  it('readCrossTab(table) reads a transposed table (age bands as rows, sexes as columns)', () => {
    const ct = readCrossTab(
      parseCsv('age;Hommes;Femmes;Total\n-11;793;561;1354\n11-17;1762;1327;3089\nTotal;2555;1888;4443'),
    );
    expect(ct.rowLabels).to.deep.equal(['-11', '11-17']);
    expect(ct.columnLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.counts).to.deep.equal([
      [793, 561],
      [1762, 1327],
    ]);
    expect(ct.rowTotals).to.deep.equal([1354, 3089]);
    expect(ct.columnTotals).to.deep.equal([2555, 1888]);
    expect(ct.total).to.equal(4443);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it("readCrossTab(table) orders age-band columns by lower bound whatever the file's order, totals and sub-rows aligned", () => {
    const ct = readCrossTab(
      parseCsv(
        'sexe;65 +;Moins de 15 ans;Total;15 à 64 ans\nHommes;3;1;6;2\ndont jeunes;0;1;1;0\nFemmes;6;4;15;5\nTotal;9;5;21;7',
      ),
    );
    expect(ct.columnLabels).to.deep.equal(['Moins de 15 ans', '15 à 64 ans', '65 +']);
    expect(ct.counts).to.deep.equal([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(ct.columnTotals).to.deep.equal([5, 7, 9]);
    expect(ct.rowTotals).to.deep.equal([6, 15]);
    expect(ct.meta.subRows).to.deep.equal([{label: 'dont jeunes', kind: 'dont', counts: [1, 0, 0]}]);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('readCrossTab(table) orders age-band rows by lower bound and records overlapping bands and gaps', () => {
    const ct = readCrossTab(parseCsv('tranche;Hommes;Femmes\n40-59;5;6\n0-14;1;2\n10-29;3;4\n60 ans et plus;7;8'));
    expect(ct.rowLabels).to.deep.equal(['0-14', '10-29', '40-59', '60 ans et plus']);
    expect(ct.counts).to.deep.equal([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    expect(ct.meta.issues.map((i) => [i.code, i.raw])).to.deep.equal([
      ['BAND_OVERLAP', '0-14 / 10-29'],
      ['BAND_GAP', '10-29 / 40-59'],
    ]);
  });

  it('readCrossTab(table, {columns}) keeps the order it is given, even for age bands, and records no gap in the chosen subset', () => {
    const ct = readCrossTab(parseCsv('sexe;0-14;15-64;65 +\nHommes;1;2;3\nFemmes;4;5;6'), {columns: ['65 +', '0-14']});
    expect(ct.columnLabels).to.deep.equal(['65 +', '0-14']);
    expect(ct.counts).to.deep.equal([
      [3, 1],
      [6, 4],
    ]);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it("readCrossTab(table) keeps labels that are not all age bands in the file's order", () => {
    const ct = readCrossTab(parseCsv('public;Seniors;0-17;Adultes\nFemmes;1;2;3\nHommes;4;5;6'));
    expect(ct.columnLabels).to.deep.equal(['Seniors', '0-17', 'Adultes']);
    expect(ct.rowLabels).to.deep.equal(['Femmes', 'Hommes']);
  });

  it('readCrossTab(table) keeps "dont …" sub-rows aside, out of the categories and the sums', () => {
    const ct = readCrossTab(
      parseCsv("public;a;b;Total\nAdultes;10;20;30\ndont demandeurs d'emploi;4;5;9\nJeunes;3;4;7\nTotal;13;24;37"),
    );
    expect(ct.rowLabels).to.deep.equal(['Adultes', 'Jeunes']);
    expect(ct.counts).to.deep.equal([
      [10, 20],
      [3, 4],
    ]);
    expect(ct.meta.subRows).to.deep.equal([{label: "dont demandeurs d'emploi", kind: 'dont', counts: [4, 5]}]);
    expect(ct.total).to.equal(37);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('readCrossTab(table) keeps "Dont" sub-rows aside whatever their case', () => {
    const ct = readCrossTab(parseCsv('public;a;b\nAdultes;10;20\nDONT femmes;4;5\nJeunes;3;4'));
    expect(ct.rowLabels).to.deep.equal(['Adultes', 'Jeunes']);
    expect(ct.meta.subRows.map((r) => r.kind)).to.deep.equal(['dont']);
    expect(ct.columnTotals).to.deep.equal([13, 24]);
  });

  it('readCrossTab(table) keeps aggregate rows (France métropolitaine, DOM) aside as aggregates', () => {
    const ct = readCrossTab(parseCsv('territoire;n\nCalvados;10\nManche;20\nFrance métropolitaine;30\nDOM;5'));
    expect(ct.rowLabels).to.deep.equal(['Calvados', 'Manche']);
    expect(ct.meta.subRows).to.deep.equal([
      {label: 'France métropolitaine', kind: 'aggregate', counts: [30]},
      {label: 'DOM', kind: 'aggregate', counts: [5]},
    ]);
    expect(ct.total).to.equal(30);
  });

  it('readCrossTab(table) keeps a second Total row aside: it is never counted as a category', () => {
    const ct = readCrossTab(parseCsv('cat;a;b\nX;1;2\nZ;3;4\nTotal;4;6\nTotal;4;6'));
    expect(ct.rowLabels).to.deep.equal(['X', 'Z']);
    expect(ct.columnTotals).to.deep.equal([4, 6]);
    expect(ct.total).to.equal(10);
    expect(ct.meta.subRows).to.deep.equal([{label: 'Total', kind: 'aggregate', counts: [4, 6]}]);
  });

  it('readCrossTab(table) keeps given totals that differ from the sums and records TOTAL_MISMATCH for each', () => {
    const ct = readCrossTab(parseCsv('cat;a;b;Total\nX;1;2;4\nZ;3;4;7\nTotal;5;6;12'));
    expect(ct.rowTotals).to.deep.equal([4, 7]);
    expect(ct.columnTotals).to.deep.equal([5, 6]);
    expect(ct.total).to.equal(12);
    const mismatches = ct.meta.issues.filter((i) => i.code === 'TOTAL_MISMATCH');
    expect(mismatches.map((i) => [i.row, i.column])).to.deep.equal([
      [0, undefined],
      [undefined, 0],
      [undefined, undefined],
    ]);
    expect(mismatches[0]!.message).to.equal('Le total donné pour « X » (4) diffère de la somme de la ligne (3).');
    expect(mismatches[2]!.message).to.equal('Le total général donné (12) diffère de la somme des cases (10).');
  });

  it('readCrossTab(table) records no grand-total mismatch for a multi-response table whose Total row sums to the given total', () => {
    const ct = readCrossTab(parseCsv('équipement;a;b;Total\nOrdinateur;8;9;17\nInternet;7;6;13\nTotal;10;10;20'));
    expect(ct.total).to.equal(20);
    expect(ct.columnTotals).to.deep.equal([10, 10]);
    expect(codes(ct)).to.deep.equal(['TOTAL_MISMATCH', 'TOTAL_MISMATCH']);
    expect(ct.meta.issues.every((i) => i.column !== undefined)).to.equal(true);
  });

  it('readCrossTab(table) gives null row, column and grand totals over a secret cell, never 0', () => {
    const ct = readCrossTab(parseCsv('cat;a;b\nX;s;2\nZ;3;4'));
    expect(ct.counts).to.deep.equal([
      [null, 2],
      [3, 4],
    ]);
    expect(ct.rowTotals).to.deep.equal([null, 7]);
    expect(ct.columnTotals).to.deep.equal([null, 6]);
    expect(ct.total).to.equal(null);
  });

  it('readCrossTab(table) gives null computed totals when a given total cell is empty and a cell is secret', () => {
    const ct = readCrossTab(parseCsv('cat;a;b;Total\nX;s;2;\nZ;3;4;7\nTotal;;6;'));
    expect(ct.rowTotals).to.deep.equal([null, 7]);
    expect(ct.columnTotals).to.deep.equal([null, 6]);
    expect(ct.total).to.equal(null);
  });

  it('readCrossTab(table) keeps the totals the file gives over a secret cell, and records no mismatch', () => {
    const ct = readCrossTab(parseCsv('cat;a;b;Total\nX;nd;2;5\nZ;3;4;7\nTotal;6;6;12'));
    expect(ct.counts[0]).to.deep.equal([null, 2]);
    expect(ct.rowTotals).to.deep.equal([5, 7]);
    expect(ct.columnTotals).to.deep.equal([6, 6]);
    expect(ct.total).to.equal(12);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('readCrossTab(table) defaults the labels to the last text column before the first numeric one', () => {
    const ct = readCrossTab(parseCsv('code;nom;a;b\n14;Calvados;1;2\n50;Manche;3;4'));
    expect(ct.rowLabels).to.deep.equal(['Calvados', 'Manche']);
    expect(ct.meta.rowTitle).to.equal('nom');
  });

  it('readCrossTab(table, {labelColumn}) takes the labels from a column given by name (loosely) or index', () => {
    const t = parseCsv('code;nom;a;b\n14;Calvados;1;2\n50;Manche;3;4');
    expect(readCrossTab(t, {labelColumn: ' CODE '}).rowLabels).to.deep.equal(['14', '50']);
    expect(readCrossTab(t, {labelColumn: 0}).rowLabels).to.deep.equal(['14', '50']);
    expect(readCrossTab(t, {labelColumn: 0}).columnLabels).to.deep.equal(['a', 'b']);
  });

  it('readCrossTab(table, {labelColumn}) throws MISSING_COLUMN in French, naming the available columns', () => {
    const e = thrown(() => readCrossTab(parseCsv('cat;a;b\nX;1;2'), {labelColumn: 'catégorie'}));
    expect(e.code).to.equal('MISSING_COLUMN');
    expect(e.message).to.equal(
      "La colonne « catégorie » est introuvable dans le fichier. Colonnes disponibles : « cat », « a », « b ». Corrigez le nom de colonne indiqué, ou l'en-tête du fichier.",
    );
  });

  it('readCrossTab(table, {labelColumn}) throws MISSING_COLUMN for an index out of range', () => {
    expect(thrown(() => readCrossTab(parseCsv('cat;a;b\nX;1;2'), {labelColumn: 3})).code).to.equal('MISSING_COLUMN');
  });

  it('readCrossTab(table, {group}) keeps the columns under one upper cell of a two-row header', () => {
    const t = parseCsv('dep;Hommes;;Femmes;\n;0-19;20+;0-19;20+\nA;1;2;3;4\nB;5;6;7;8');
    const women = readCrossTab(t, {group: 'femmes'});
    expect(women.columnLabels).to.deep.equal(['0-19', '20+']);
    expect(women.counts).to.deep.equal([
      [3, 4],
      [7, 8],
    ]);
    expect(readCrossTab(t, {group: 'Hommes'}).counts).to.deep.equal([
      [1, 2],
      [5, 6],
    ]);
  });

  it('readCrossTab(table, {group}) throws MISSING_COLUMN naming the groups available', () => {
    const e = thrown(() =>
      readCrossTab(parseCsv('dep;Hommes;;Femmes;\n;0-19;20+;0-19;20+\nA;1;2;3;4\nB;5;6;7;8'), {group: 'Ensemble'}),
    );
    expect(e.code).to.equal('MISSING_COLUMN');
    expect(e.details.available).to.deep.equal(['Hommes', 'Femmes']);
    expect(e.message).to.contain('Colonnes disponibles : « Hommes », « Femmes ».');
  });

  it('readCrossTab(table, {columns}) keeps only the named columns, in the given order, matched loosely', () => {
    const ct = readCrossTab(parseCsv('cat;a;b;Âge c\nX;1;2;3\nZ;3;4;5'), {columns: ['age c', 'a']});
    expect(ct.columnLabels).to.deep.equal(['Âge c', 'a']);
    expect(ct.counts).to.deep.equal([
      [3, 1],
      [5, 3],
    ]);
    expect(ct.total).to.equal(12);
  });

  it('readCrossTab(table, {columns}) throws MISSING_COLUMN in French, naming the available columns', () => {
    const e = thrown(() => readCrossTab(parseCsv('cat;a;b\nX;1;2\nZ;3;4'), {columns: ['a', 'c']}));
    expect(e.code).to.equal('MISSING_COLUMN');
    expect(e.column).to.equal('c');
    expect(e.message).to.equal(
      "La colonne « c » est introuvable dans le fichier. Colonnes disponibles : « cat », « a », « b ». Corrigez le nom de colonne indiqué, ou l'en-tête du fichier.",
    );
  });

  it('readCrossTab(table, {columns}) throws NOT_NUMERIC in French for a text column, with the numeric columns in its details', () => {
    const e = thrown(() => readCrossTab(parseCsv('cat;a;b;note\nX;1;2;bon\nZ;3;4;mauvais'), {columns: ['a', 'note']}));
    expect(e.code).to.equal('NOT_NUMERIC');
    expect(e.column).to.equal('note');
    expect(e.message).to.match(/^La colonne « note » devrait contenir des nombres/);
    expect(e.details.available).to.deep.equal(['a', 'b']);
  });

  it('readCrossTab(table) throws NOT_NUMERIC when no column holds numbers', () => {
    const e = thrown(() => readCrossTab(parseCsv('cat;a\nX;oui\nZ;non')));
    expect(e.code).to.equal('NOT_NUMERIC');
    expect(e.column).to.equal('a');
  });

  it('readCrossTab(table) names a row without label « (sans libellé) » and records MISSING_KEY with its line', () => {
    const ct = readCrossTab(parseCsv('cat;note;a\nX;u;1\n;v;2'), {labelColumn: 'cat'});
    expect(ct.rowLabels).to.deep.equal(['X', 'v']);
    const ct2 = readCrossTab(parseCsv('cat;a\nX;1\n;2\nZ;3'));
    expect(ct2.rowLabels).to.deep.equal(['X', '(sans libellé)', 'Z']);
    expect(ct2.meta.issues.map((i) => [i.code, i.row, i.line])).to.deep.equal([['MISSING_KEY', 1, 3]]);
  });

  it('readCrossTab(table) throws NO_DATA when only a Total row is left', () => {
    expect(thrown(() => readCrossTab(parseCsv('cat;a\nTotal;3'))).code).to.equal('NO_DATA');
  });

  it('readCrossTab(table, options) throws BAD_OPTION for an unknown option', () => {
    const e = thrown(() => readCrossTab(parseCsv('cat;a\nX;1'), {label: 'cat'} as never));
    expect(e.code).to.equal('BAD_OPTION');
    expect(e.message).to.contain('« label »');
  });

  it('readCrossTab(table, options) accepts options left undefined', () => {
    expect(readCrossTab(parseCsv('cat;a\nX;1'), {labelColumn: undefined, group: undefined}).total).to.equal(1);
  });
});

describe('crossTab', () => {
  const long = 'sexe;age;effectif\nHommes;-11;793\nFemmes;-11;561\nHommes;11-17;1762\nFemmes;11-17;1327';

  it('crossTab(table, {rows, columns, value}) sums a long table with a count column', () => {
    const ct = crossTab(parseCsv(long), {rows: 'sexe', columns: 'age', value: 'effectif'});
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnLabels).to.deep.equal(['-11', '11-17']);
    expect(ct.counts).to.deep.equal([
      [793, 1762],
      [561, 1327],
    ]);
    expect(ct.rowTotals).to.deep.equal([2555, 1888]);
    expect(ct.columnTotals).to.deep.equal([1354, 3089]);
    expect(ct.total).to.equal(4443);
    expect(ct.meta.rowTitle).to.equal('sexe');
    expect(ct.meta.columnTitle).to.equal('age');
    expect(ct.meta.excluded).to.equal(0);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('crossTab(table, {rows, columns, value}) takes columns by index too', () => {
    expect(crossTab(parseCsv(long), {rows: 0, columns: 1, value: 2}).total).to.equal(4443);
  });

  it('crossTab(table, {value}) adds up repeated combinations of a long table', () => {
    const ct = crossTab(parseCsv('sexe;age;n\nHommes;-11;1\nHommes;-11;2\nFemmes;-11;4'), {
      rows: 'sexe',
      columns: 'age',
      value: 'n',
    });
    expect(ct.counts).to.deep.equal([[3], [4]]);
  });

  it('crossTab(table, {value}) gives null for a combination absent from a long table (unknown, not 0)', () => {
    const ct = crossTab(parseCsv('sexe;age;n\nHommes;-11;5\nFemmes;11-17;6'), {
      rows: 'sexe',
      columns: 'age',
      value: 'n',
    });
    expect(ct.counts).to.deep.equal([
      [5, null],
      [null, 6],
    ]);
    expect(ct.rowTotals).to.deep.equal([null, null]);
    expect(ct.total).to.equal(null);
  });

  it('crossTab(table, {value}) makes a null count (secret) a null cell with null totals, and records NULL_VALUE', () => {
    const ct = crossTab(parseCsv('sexe;age;n\nHommes;-11;s\nFemmes;-11;561\nHommes;11-17;1762\nFemmes;11-17;1327'), {
      rows: 'sexe',
      columns: 'age',
      value: 'n',
    });
    expect(ct.counts).to.deep.equal([
      [null, 1762],
      [561, 1327],
    ]);
    expect(ct.rowTotals).to.deep.equal([null, 1888]);
    expect(ct.columnTotals).to.deep.equal([null, 3089]);
    expect(ct.total).to.equal(null);
    expect(codes(ct)).to.deep.equal(['NULL_VALUE']);
    expect(ct.meta.excluded).to.equal(0);
  });

  it('crossTab(table, {value}) uses Total rows and columns of a long table as the given totals', () => {
    const t = parseCsv(
      'sexe;age;effectif\nHommes;-11;793\nFemmes;-11;561\nTotal;-11;1354\nHommes;11-17;1762\nFemmes;11-17;1327\nTotal;11-17;3089\nHommes;Total;2555\nFemmes;Total;1888\nTotal;Total;4443',
    );
    const ct = crossTab(t, {rows: 'sexe', columns: 'age', value: 'effectif'});
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnLabels).to.deep.equal(['-11', '11-17']);
    expect(ct.counts).to.deep.equal([
      [793, 1762],
      [561, 1327],
    ]);
    expect(ct.meta.givenColumnTotals).to.deep.equal([1354, 3089]);
    expect(ct.meta.givenRowTotals).to.deep.equal([2555, 1888]);
    expect(ct.meta.givenTotal).to.equal(4443);
    expect(ct.total).to.equal(4443);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('crossTab(table, {value}) keeps the given grand total unknown once one Total×Total count is unknown, like every other sum', () => {
    const t = parseCsv('sexe;age;n\nHommes;-11;3\nTotal;Total;s\nTotal;Total;5\nTotal;-11;4\nTotal;-11;s\nTotal;-11;1');
    const ct = crossTab(t, {rows: 'sexe', columns: 'age', value: 'n'});
    expect(ct.meta.givenTotal).to.equal(null);
    expect(ct.meta.givenColumnTotals).to.deep.equal([null]);
  });

  it('crossTab(table, {value}) keeps an Ensemble row of a long table as given totals and records TOTAL_MISMATCH', () => {
    const ct = crossTab(parseCsv('équipement;age;n\nOrdinateur;-11;236\nInternet;-11;208\nEnsemble;-11;262'), {
      rows: 'équipement',
      columns: 'age',
      value: 'n',
    });
    expect(ct.rowLabels).to.deep.equal(['Ordinateur', 'Internet']);
    expect(ct.columnTotals).to.deep.equal([262]);
    expect(ct.total).to.equal(262);
    expect(codes(ct)).to.deep.equal(['TOTAL_MISMATCH']);
  });

  it('crossTab(table, {bands: lowerBounds}) counts an individual-level table, one row per person, absent bands 0', () => {
    const ct = crossTab(parseCsv('sexe;age\nH;10\nF;12\nF;70'), {rows: 'sexe', columns: 'age', bands: [0, 18, 65]});
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnLabels).to.deep.equal(['0-17', '18-64', '65 +']);
    expect(ct.counts).to.deep.equal([
      [1, 0, 0],
      [1, 0, 1],
    ]);
    expect(ct.columnTotals).to.deep.equal([2, 0, 1]);
    expect(ct.total).to.equal(3);
  });

  it('crossTab(table, {bands}) bins ages in completed years (17.9 is 17) and puts old ages in the open last band', () => {
    const ct = crossTab(parseCsv('sexe;age\nH;17,9\nH;18\nF;104\nF;64,99'), {
      rows: 'sexe',
      columns: 'age',
      bands: [0, 18, 65],
    });
    expect(ct.counts).to.deep.equal([
      [1, 1, 0],
      [0, 1, 1],
    ]);
  });

  it("crossTab(table, {bands: 'seed'}) bins into the seed's eight bands with their labels", () => {
    const ct = crossTab(parseCsv('sexe;age\nH;10\nF;11\nF;65\nF;66\nH;25'), {
      rows: 'sexe',
      columns: 'age',
      bands: 'seed',
    });
    expect(ct.columnLabels).to.deep.equal(BANDS);
    expect(ct.counts).to.deep.equal([
      [1, 0, 1, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0, 1, 1],
    ]);
  });

  it('crossTab(table, {bands: AgeBands}) bins with a scheme and its own labels', () => {
    const bands = ageBands([0, 18, 65], ['jeunes', 'adultes', 'seniors']);
    const ct = crossTab(parseCsv('sexe;age\nH;10\nF;30\nF;70'), {rows: 'sexe', columns: 'age', bands});
    expect(ct.columnLabels).to.deep.equal(['jeunes', 'adultes', 'seniors']);
    expect(ct.counts).to.deep.equal([
      [1, 0, 0],
      [0, 1, 1],
    ]);
  });

  it('crossTab(table, {bands, value}) bins a numeric age of a long table and keeps only the bands present', () => {
    const ct = crossTab(parseCsv('sexe;age;n\nH;10;5\nH;12;1\nF;70;6'), {
      rows: 'sexe',
      columns: 'age',
      value: 'n',
      bands: [0, 18, 65],
    });
    expect(ct.columnLabels).to.deep.equal(['0-17', '65 +']);
    expect(ct.counts).to.deep.equal([
      [6, null],
      [null, 6],
    ]);
  });

  it('crossTab(table, {bands}) bins the rows when only the rows column is numeric', () => {
    const ct = crossTab(parseCsv('age;niveau\n10;débutant\n70;avancé\n30;débutant'), {
      rows: 'age',
      columns: 'niveau',
      bands: [0, 18, 65],
    });
    expect(ct.rowLabels).to.deep.equal(['0-17', '18-64', '65 +']);
    expect(ct.columnLabels).to.deep.equal(['débutant', 'avancé']);
    expect(ct.counts).to.deep.equal([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it('crossTab(table, {bands}) bins the age, not the 1/2 sex codes, when the age is the rows column', () => {
    const ct = crossTab(parseCsv('age;sexe\n10;1\n70;2\n30;2'), {rows: 'age', columns: 'sexe', bands: [0, 18, 65]});
    expect(ct.rowLabels).to.deep.equal(['0-17', '18-64', '65 +']);
    expect(ct.columnLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.counts).to.deep.equal([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  const sexForms: Array<[string, string]> = [
    ['H', 'F'],
    ['Hommes', 'Femmes'],
    ['Homme', 'Femme'],
    ['M', 'F'],
    ['Masculin', 'Féminin'],
    ['MASCULIN', 'feminin'],
    ['1', '2'],
  ];
  for (const [men, women] of sexForms) {
    it(`crossTab(table, {rows: 'sexe'}) normalises ${men}/${women} to Hommes/Femmes, Hommes first`, () => {
      const ct = crossTab(parseCsv(`sexe;age\n${women};10\n${men};12\n${women};70`), {
        rows: 'sexe',
        columns: 'age',
        bands: [0, 18, 65],
      });
      expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
      expect(ct.counts).to.deep.equal([
        [1, 0, 0],
        [1, 0, 1],
      ]);
    });
  }

  it('crossTab(table, {columns: sex}) normalises sex codes in the columns too (transposed long table)', () => {
    const ct = crossTab(parseCsv('age;sexe;n\n-11;Femme;561\n-11;Homme;793'), {
      rows: 'age',
      columns: 'sexe',
      value: 'n',
    });
    expect(ct.columnLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.counts).to.deep.equal([[793, 561]]);
  });

  it('crossTab(table) normalises H/F in a column whose name does not say sex', () => {
    const ct = crossTab(parseCsv('genre_declare;age\nF;10\nH;12'), {
      rows: 'genre_declare',
      columns: 'age',
      bands: [0, 18],
    });
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    const ct2 = crossTab(parseCsv('public;age\nF;10\nH;12'), {rows: 'public', columns: 'age', bands: [0, 18]});
    expect(ct2.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
  });

  it('crossTab(table) reads 1/2 as sexes only in a column named sexe: elsewhere they stay codes', () => {
    const ct = crossTab(parseCsv('categorie;age\n2;10\n1;12\n2;70'), {
      rows: 'categorie',
      columns: 'age',
      bands: [0, 18, 65],
    });
    expect(ct.rowLabels).to.deep.equal(['1', '2']);
  });

  it("crossTab(table, {rows: 'sexe'}) keeps 'Non communiqué' as its own row after Hommes and Femmes, never dropped", () => {
    const ct = crossTab(parseCsv('sexe;age\nNon communiqué;40\nF;10\nH;70\nF;12'), {
      rows: 'sexe',
      columns: 'age',
      bands: [0, 18, 65],
    });
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes', 'Non communiqué']);
    expect(ct.counts).to.deep.equal([
      [0, 0, 1],
      [2, 0, 0],
      [0, 1, 0],
    ]);
    expect(ct.total).to.equal(4);
    expect(ct.meta.excluded).to.equal(0);
  });

  it('crossTab(table) excludes rows with a null key, counts them in meta.excluded and records MISSING_KEY with their lines', () => {
    const ct = crossTab(parseCsv('sexe;age\nF;10\n;12\nH;\nH;70'), {rows: 'sexe', columns: 'age', bands: [0, 18, 65]});
    expect(ct.total).to.equal(2);
    expect(ct.meta.excluded).to.equal(2);
    expect(ct.meta.issues).to.deep.equal([
      {
        code: 'MISSING_KEY',
        line: 3,
        message: '2 ligne(s) sans « sexe » ou sans « age » ne sont pas comptées (lignes 3, 4).',
      },
    ]);
  });

  it('crossTab(table, {bands}) excludes ages outside the bands, counts them in meta.excluded and records UNBINNED', () => {
    const ct = crossTab(parseCsv('sexe;age\nF;10\nH;-3\nH;70\nF;5'), {
      rows: 'sexe',
      columns: 'age',
      bands: [10, 18, 65],
    });
    expect(ct.total).to.equal(2);
    expect(ct.meta.excluded).to.equal(2);
    expect(ct.meta.issues).to.deep.equal([
      {
        code: 'UNBINNED',
        line: 3,
        message:
          '2 ligne(s) ont un âge hors des tranches (négatif ou illisible) et ne sont pas comptées (lignes 3, 5).',
      },
    ]);
    expect(ct.total! + ct.meta.excluded).to.equal(4);
  });

  it('crossTab(table) names only the first five lines of the rows it leaves out', () => {
    const ct = crossTab(parseCsv('sexe;age\nF;10\n' + ';1\n'.repeat(7)), {rows: 'sexe', columns: 'age', bands: [0]});
    expect(ct.meta.excluded).to.equal(7);
    expect(ct.meta.issues[0]!.message).to.equal(
      '7 ligne(s) sans « sexe » ou sans « age » ne sont pas comptées (lignes 3, 4, 5, 6, 7…).',
    );
  });

  it('crossTab(table) orders age labels by lower bound: 00-04, 5 à 14 ans, 15-64, 65-94, 95 ans ou plus', () => {
    const t = parseCsv('sexe;age;n\nF;95 ans ou plus;1\nF;15-64;2\nF;00-04;3\nF;65-94;4\nF;5 à 14 ans;5');
    const ct = crossTab(t, {rows: 'sexe', columns: 'age', value: 'n'});
    expect(ct.columnLabels).to.deep.equal(['00-04', '5 à 14 ans', '15-64', '65-94', '95 ans ou plus']);
    expect(ct.counts).to.deep.equal([[3, 5, 2, 4, 1]]);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('crossTab(table) orders Moins de 15 ans, 15 à 64 ans, 65 + by lower bound', () => {
    const ct = crossTab(parseCsv('age;sexe;n\n65 +;H;1\nMoins de 15 ans;H;2\n15 à 64 ans;H;3'), {
      rows: 'age',
      columns: 'sexe',
      value: 'n',
    });
    expect(ct.rowLabels).to.deep.equal(['Moins de 15 ans', '15 à 64 ans', '65 +']);
    expect(ct.meta.issues).to.deep.equal([]);
  });

  it('crossTab(table) records overlapping age bands (BAND_OVERLAP) and gaps (BAND_GAP) as issues', () => {
    const ct = crossTab(parseCsv('age;sexe;n\n20 ans ou plus;H;1\n0 à 9 ans;H;2\n05-14;H;3'), {
      rows: 'age',
      columns: 'sexe',
      value: 'n',
    });
    expect(ct.rowLabels).to.deep.equal(['0 à 9 ans', '05-14', '20 ans ou plus']);
    expect(ct.meta.issues.map((i) => [i.code, i.raw])).to.deep.equal([
      ['BAND_OVERLAP', '0 à 9 ans / 05-14'],
      ['BAND_GAP', '05-14 / 20 ans ou plus'],
    ]);
    expect(ct.meta.issues[1]!.message).to.equal(
      'Il manque des âges entre les tranches « 05-14 » et « 20 ans ou plus » (15 à 19 ans).',
    );
  });

  it('crossTab(table) orders numeric categories numerically', () => {
    const ct = crossTab(parseCsv('sexe;annee;n\nHommes;2010;5\nFemmes;2009;6\nHommes;2009;3\nFemmes;2010;1'), {
      rows: 'sexe',
      columns: 'annee',
      value: 'n',
    });
    expect(ct.columnLabels).to.deep.equal(['2009', '2010']);
    expect(ct.counts).to.deep.equal([
      [3, 5],
      [6, 1],
    ]);
  });

  it('crossTab(table) keeps other labels in order of first appearance', () => {
    const ct = crossTab(parseCsv('niveau;lieu\nconfirmé;Caen\ndébutant;Alençon\nconfirmé;Alençon'), {
      rows: 'niveau',
      columns: 'lieu',
    });
    expect(ct.rowLabels).to.deep.equal(['confirmé', 'débutant']);
    expect(ct.columnLabels).to.deep.equal(['Caen', 'Alençon']);
    expect(ct.counts).to.deep.equal([
      [1, 1],
      [0, 1],
    ]);
  });

  it('crossTab(table, options) throws BAD_OPTION for an unknown option, naming it', () => {
    const e = thrown(() => crossTab(parseCsv('sexe;age\nH;10'), {rows: 'sexe', columns: 'age', bins: 'seed'} as never));
    expect(e.code).to.equal('BAD_OPTION');
    expect(e.message).to.equal(
      'Réglage non compris : crossTab : option « bins » inconnue (options possibles : rows, columns, value, bands).',
    );
  });

  it('crossTab(table, options) throws BAD_OPTION without rows or columns', () => {
    expect(thrown(() => crossTab(parseCsv('sexe;age\nH;10'), {rows: 'sexe'} as never)).code).to.equal('BAD_OPTION');
    expect(thrown(() => crossTab(parseCsv('sexe;age\nH;10'), undefined as never)).code).to.equal('BAD_OPTION');
  });

  it('crossTab(table, {rows}) throws BAD_OPTION for a column that is neither a name nor an index', () => {
    expect(thrown(() => crossTab(parseCsv('sexe;age\nH;10'), {rows: ['sexe'], columns: 'age'} as never)).code).to.equal(
      'BAD_OPTION',
    );
  });

  it("crossTab(table, {bands}) throws BAD_OPTION for bands that are not bounds, 'seed' or an AgeBands", () => {
    const t = parseCsv('sexe;age\nH;10');
    expect(thrown(() => crossTab(t, {rows: 'sexe', columns: 'age', bands: 'insee' as never})).code).to.equal(
      'BAD_OPTION',
    );
    expect(thrown(() => crossTab(t, {rows: 'sexe', columns: 'age', bands: {} as never})).code).to.equal('BAD_OPTION');
    expect(thrown(() => crossTab(t, {rows: 'sexe', columns: 'age', bands: [18, 0]})).code).to.equal('BAD_OPTION');
  });

  it('crossTab(table, {rows}) throws MISSING_COLUMN naming the available columns', () => {
    const e = thrown(() => crossTab(parseCsv('sexe;age\nH;10'), {rows: 'genre', columns: 'age'}));
    expect(e.code).to.equal('MISSING_COLUMN');
    expect(e.message).to.contain('Colonnes disponibles : « sexe », « age ».');
  });

  it('crossTab(table, {value}) throws NOT_NUMERIC for a count column without numbers', () => {
    const e = thrown(() =>
      crossTab(parseCsv('sexe;age;n\nH;-11;a\nF;11-17;b'), {rows: 'sexe', columns: 'age', value: 'n'}),
    );
    expect(e.code).to.equal('NOT_NUMERIC');
    expect(e.column).to.equal('n');
  });

  it('crossTab(table, {bands}) throws NOT_NUMERIC when neither column holds ages as numbers', () => {
    const e = thrown(() =>
      crossTab(parseCsv('sexe;age\nH;jeune\nF;vieux'), {rows: 'sexe', columns: 'age', bands: 'seed'}),
    );
    expect(e.code).to.equal('NOT_NUMERIC');
    expect(e.column).to.equal('age');
  });

  it('crossTab(table) throws NO_DATA when every row is left out', () => {
    expect(thrown(() => crossTab(parseCsv('sexe;age\n;10\n;12'), {rows: 'sexe', columns: 'age'})).code).to.equal(
      'NO_DATA',
    );
  });
});

describe('crossTab label order', () => {
  it('crossTab puts text labels in order of first appearance in the file, on both axes (not grouped by row)', () => {
    const t = parseCsv('equipement;lieu\nOrdinateur;Bayeux\nTablette;Alençon\nOrdinateur;Caen\nTablette;Bayeux');
    const ct = crossTab(t, {rows: 'equipement', columns: 'lieu'});
    expect(ct.rowLabels).to.deep.equal(['Ordinateur', 'Tablette']);
    expect(ct.columnLabels).to.deep.equal(['Bayeux', 'Alençon', 'Caen']);
    expect(ct.counts).to.deep.equal([
      [1, 0, 1],
      [1, 1, 0],
    ]);
  });
});

describe('crossTab markers', () => {
  it('crossTab says which cells of a long table are unknown because of a marker in the count column (the first one of a cell)', () => {
    const t = parseCsv(
      'sexe;age;n\nH;0-17;s\nF;0-17;n.d.\nH;18-64;12\nH;18-64;;\nF;18-64;1e5\nF;18-64;s\nTotal;0-17;s\nH;65+;1\nF;65+;2\nH;65+;3\nF;65+;4',
    );
    const ct = crossTab(t, {rows: 'sexe', columns: 'age', value: 'n'});
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.counts).to.deep.equal([
      [null, null, 4],
      [null, null, 6],
    ]);
    // H 18-64: 12 then an empty count; F 18-64: an unreadable number (no marker) then s; the Total row's is not a cell.
    expect(ct.meta.markers).to.deep.equal([
      {row: 0, column: 0, kind: 'secret', raw: 's'},
      {row: 0, column: 1, kind: 'empty', raw: ''},
      {row: 1, column: 0, kind: 'unavailable', raw: 'n.d.'},
      {row: 1, column: 1, kind: 'secret', raw: 's'},
    ]);
    // Known counts, and individual-level tables: no field.
    expect(
      crossTab(parseCsv('sexe;age;n\nH;0-17;3'), {rows: 'sexe', columns: 'age', value: 'n'}).meta.markers,
    ).to.equal(undefined);
    expect(
      crossTab(parseCsv('sexe;age\nH;s\nF;12'), {rows: 'sexe', columns: 'age', bands: 'seed'}).meta.markers,
    ).to.equal(undefined);
  });
});

describe('crossTab size limit', () => {
  it('crossTab refuses over 10 million cells (two near-unique columns) with UNEXPECTED_SHAPE in French, before building them', () => {
    const rows = Array.from({length: 3300}, (_, i) => `id${i};nom${i}`);
    const t = parseCsv(['code;nom', ...rows].join('\n'));
    const e = thrown(() => crossTab(t, {rows: 'code', columns: 'nom'}));
    expect(e.code).to.equal('UNEXPECTED_SHAPE');
    expect(e.message).to.equal(
      "Le tableau n'a pas la forme attendue : « code » × « nom » ferait 3300 × 3300 cases (plus de 10 millions) : " +
        'ces colonnes ont presque une valeur par ligne ; vérifiez les colonnes choisies.',
    );
    expect(e.localizedMessage('en')).to.contain('"code" × "nom" would make 3300 × 3300 cells (over 10 million)');
    // Near-unique rows against a few columns are counted: 3 300 × 2.
    const fits = parseCsv(['code;sexe', ...rows.map((r, i) => `${r.split(';')[0]};${i % 2 ? 'F' : 'H'}`)].join('\n'));
    expect(crossTab(fits, {rows: 'code', columns: 'sexe'}).counts.length).to.equal(3300);
  });
});

describe('findColumn', () => {
  it('findColumn(table, name) matches a name trimmed, case- and accent-insensitively', () => {
    const t = parseCsv('Sexe;Âge\nH;10');
    expect(findColumn(t, 'age')).to.equal(1);
    expect(findColumn(t, ' SEXE ')).to.equal(0);
  });

  it('findColumn(table, index) accepts a whole index in range', () => {
    expect(findColumn(parseCsv('Sexe;Âge\nH;10'), 1)).to.equal(1);
  });

  it('findColumn(table, name) throws MISSING_COLUMN for an unknown name, a negative or decimal index', () => {
    const t = parseCsv('Sexe;Âge\nH;10');
    for (const name of ['genre', -1, 1.5, 2])
      expect(thrown(() => findColumn(t, name)).code, String(name)).to.equal('MISSING_COLUMN');
  });

  it('findColumn(table, name) throws BAD_OPTION for something that is neither a name nor an index', () => {
    expect(thrown(() => findColumn(parseCsv('Sexe;Âge\nH;10'), null as never)).code).to.equal('BAD_OPTION');
  });
});

describe('sexOf', () => {
  const men = ['H', 'h', 'Homme', 'Hommes', 'HOMMES', 'M', 'Masculin', 'masculin', ' Hommes '];
  const women = ['F', 'f', 'Femme', 'Femmes', 'Féminin', 'FÉMININ', 'feminin', 'Fe\u0301minin'];

  it('sexOf(code) reads H, Homme(s), M, Masculin in any case, accents or spaces as Hommes', () => {
    expect(men.map((m) => sexOf(m))).to.deep.equal(men.map(() => 'Hommes'));
  });

  it('sexOf(code) reads F, Femme(s), Féminin in any case, accents (composed or not) as Femmes', () => {
    expect(women.map((w) => sexOf(w))).to.deep.equal(women.map(() => 'Femmes'));
  });

  it('sexOf(code, true) reads INSEE codes 1 and 2 (text or number) as Hommes and Femmes', () => {
    expect([sexOf('1', true), sexOf('2', true), sexOf(1, true), sexOf(2, true)]).to.deep.equal([
      'Hommes',
      'Femmes',
      'Hommes',
      'Femmes',
    ]);
  });

  it('sexOf(code) leaves 1 and 2 unread without the numeric flag', () => {
    expect([sexOf('1'), sexOf(2)]).to.deep.equal([null, null]);
  });

  it('sexOf(value) gives null for NC, Non communiqué, 3, empty, null and undefined', () => {
    expect([
      sexOf('NC'),
      sexOf('Non communiqué'),
      sexOf('3', true),
      sexOf(''),
      sexOf(null),
      sexOf(undefined),
    ]).to.deep.equal([null, null, null, null, null, null]);
  });
});
