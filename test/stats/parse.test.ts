// parseCsv(input, options?) on the structures French portals really serve: line ends, blank lines, quotes, short
// and long rows, awkward headers (duplicates, __proto__, spaces, NFD accents, two rows with merged cells), title
// lines above the table, notes under it, secret-statistique markers, and every option. Rule checked throughout:
// every cell ends up as a value, a recorded marker or a recorded issue, and no row disappears without a reason.
import {DEFAULT_MARKERS, EpnDataError, parseCsv, type Table} from '@epn/stats';
import {describe, expect, fixture, it, thrown} from '../harness.js';

const lines = (...l: string[]) => l.join('\n');
const codes = (t: Table) => t.meta.issues.map((i) => i.code);

describe('parseCsv(text): line ends and blank lines', () => {
  it('parseCsv(text) reads LF line ends', () => {
    const t = parseCsv('a;b\n1;2\n3;4\n');
    expect(t.rows).to.deep.equal([
      [1, 2],
      [3, 4],
    ]);
    expect(t.meta.lineEnding).to.equal('lf');
    expect(t.meta.skipped).to.deep.equal([]);
  });

  it('parseCsv(text) reads CRLF line ends', () => {
    const t = parseCsv('a;b\r\n1;2\r\n3;4\r\n');
    expect(t.rows).to.deep.equal([
      [1, 2],
      [3, 4],
    ]);
    expect(t.meta.lineEnding).to.equal('crlf');
    expect(t.meta.rowLines).to.deep.equal([2, 3]);
  });

  it('parseCsv(text) reads CR line ends (old Mac Excel)', () => {
    const t = parseCsv('a;b\r1;2\r3;4\r');
    expect(t.rows).to.deep.equal([
      [1, 2],
      [3, 4],
    ]);
    expect(t.meta.lineEnding).to.equal('cr');
  });

  it('parseCsv(text) never merges rows of a file that starts with CRLF and goes on with LF', () => {
    const t = parseCsv('a;b\r\n1;2\n3;4\n5;6\r\n7;8\r9;10');
    expect(t.rows).to.deep.equal([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(t.meta.lineEnding).to.equal('mixed');
    expect(t.meta.rowLines).to.deep.equal([2, 3, 4, 5, 6]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) reads the last line without a line break', () => {
    expect(parseCsv('a;b\n1;2').rows).to.deep.equal([[1, 2]]);
  });

  it('parseCsv(text) records blank lines (empty, spaces, delimiters only) in meta.skipped with their line, and keeps the rows', () => {
    const t = parseCsv('a;b\n1;2\n\n3;4\n   \n;\n5;6\n\n\n');
    expect(t.rows).to.deep.equal([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(t.meta.rowLines).to.deep.equal([2, 4, 7]);
    expect(t.meta.skipped).to.deep.equal([
      {line: 3, reason: 'blank', text: ''},
      {line: 5, reason: 'blank', text: ''},
      {line: 6, reason: 'blank', text: ''},
      {line: 8, reason: 'blank', text: ''},
      {line: 9, reason: 'blank', text: ''},
    ]);
  });
});

describe('parseCsv(text): quotes', () => {
  it('parseCsv(text) reads quoted fields holding the delimiter and doubled quotes', () => {
    const t = parseCsv(lines('lieu;devise;n', '"Caen; centre";"dit ""le Cyber""";3', '"Vire";"";4'));
    expect(t.rows).to.deep.equal([
      ['Caen; centre', 'dit "le Cyber"', 3],
      ['Vire', null, 4],
    ]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) reads quoted fields holding line breaks (LF and CRLF) as one cell, and keeps later line numbers right', () => {
    const t = parseCsv('lieu;n\r\n"Espace\r\nnumérique";1\r\n"Cyber\nbase";2\r\nVire;3\r\n');
    expect(t.rows).to.deep.equal([
      ['Espace numérique', 1],
      ['Cyber base', 2],
      ['Vire', 3],
    ]);
    expect(t.meta.rowLines).to.deep.equal([2, 4, 6]);
  });

  it('parseCsv(text) keeps CR line ends inside quotes out of the line-end normalisation', () => {
    const t = parseCsv('lieu;n\r"a\rb";1\rc;2');
    expect(t.rows).to.deep.equal([
      ['a b', 1],
      ['c', 2],
    ]);
  });

  it('parseCsv(text) throws UNTERMINATED_QUOTE with the line of the opening quote, and draws nothing', () => {
    const e = thrown(() => parseCsv(lines('lieu;n', '"Caen";1', '"Vire;2', 'Bayeux;3', 'Lisieux;4')));
    expect(e).to.be.instanceOf(EpnDataError);
    expect(e.code).to.equal('UNTERMINATED_QUOTE');
    expect(e.line).to.equal(3);
    expect(e.message).to.equal(
      'Un guillemet ouvert n\'est jamais refermé (ligne 3) : le reste du fichier ne peut pas être lu. Refermez ce guillemet (ou doublez-le s\'il fait partie du texte : "").',
    );
    expect(e.localizedMessage('en')).to.equal(
      'A quote is opened and never closed (line 3): the rest of the file cannot be read. Close it (or double it if it is part of the text: "").',
    );
  });

  it('parseCsv(text) counts lines inside earlier quoted fields when reporting an unterminated quote', () => {
    const e = thrown(() => parseCsv('lieu;n\r\n"a\r\nb";1\r\nc;"2\r\n'));
    expect(e.code).to.equal('UNTERMINATED_QUOTE');
    expect(e.line).to.equal(4);
  });

  it('parseCsv(text) keeps text after a closing quote in the cell with a MALFORMED_QUOTE issue, without swallowing the next lines', () => {
    const t = parseCsv(lines('lieu;n', '"Caen" (14);1', 'Vire;2', '"Bayeux";3'));
    expect(t.rows).to.deep.equal([
      ['Caen (14)', 1],
      ['Vire', 2],
      ['Bayeux', 3],
    ]);
    expect(t.meta.issues).to.deep.equal([
      {
        code: 'MALFORMED_QUOTE',
        line: 2,
        raw: '"Caen" (14)',
        message:
          'Ligne 2 : du texte suit un guillemet fermant ("Caen" (14)) ; la cellule est lue telle quelle. Vérifiez cette ligne.',
      },
    ]);
  });

  it('parseCsv(text) ignores spaces between a closing quote and the delimiter or the end of the file', () => {
    const t = parseCsv('lieu;n\n"Caen"  ;1\n"Vire";"2"  ');
    expect(t.rows).to.deep.equal([
      ['Caen', 1],
      ['Vire', 2],
    ]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) reads a quote inside an unquoted field as a character', () => {
    const t = parseCsv(lines('lieu;n', 'l\'espace "jeunes";1', 'x;2'));
    expect(t.rows[0]).to.deep.equal(['l\'espace "jeunes"', 1]);
  });
});

describe('parseCsv(text): short and long rows', () => {
  it('parseCsv(text) pads a short row with null and records SHORT_ROW with its row and line', () => {
    const t = parseCsv(lines('commune;hommes;femmes', 'Caen;12;13', 'Vire;5', 'Bayeux;7;8'));
    expect(t.rows).to.deep.equal([
      ['Caen', 12, 13],
      ['Vire', 5, null],
      ['Bayeux', 7, 8],
    ]);
    expect(t.meta.issues).to.deep.equal([
      {
        code: 'SHORT_ROW',
        row: 1,
        line: 3,
        message: 'Ligne 3 : 2 cellule(s) au lieu de 3 ; les cellules manquantes sont vides.',
      },
    ]);
    expect(t.meta.markers).to.deep.equal([{row: 1, column: 2, line: 3, raw: '', kind: 'empty'}]);
  });

  it('parseCsv(text) keeps the extra cells of a long row in a LONG_ROW issue, never losing them silently', () => {
    const t = parseCsv(lines('commune;hommes;femmes', 'Caen;12;13', 'Vire;5;6;7;;note', 'Bayeux;7;8'));
    expect(t.columns).to.deep.equal(['commune', 'hommes', 'femmes']);
    expect(t.rows).to.deep.equal([
      ['Caen', 12, 13],
      ['Vire', 5, 6],
      ['Bayeux', 7, 8],
    ]);
    expect(t.meta.issues).to.deep.equal([
      {
        code: 'LONG_ROW',
        row: 1,
        line: 3,
        raw: '7;;note',
        message: 'Ligne 3 : 6 cellules au lieu de 3 ; les cellules en trop (7 | note) ne sont pas lues.',
      },
    ]);
  });

  it("parseCsv(text) keeps the header's width when as many rows fit it as are longer", () => {
    const t = parseCsv(lines('a;b', '1;2;;x', '3;4'));
    expect(t.columns).to.deep.equal(['a', 'b']);
    expect(t.rows).to.deep.equal([
      [1, 2],
      [3, 4],
    ]);
    expect(codes(t)).to.deep.equal(['LONG_ROW']);
    expect(t.meta.issues[0]!.raw).to.equal(';x');
  });

  it('parseCsv(text) widens the table when most rows are longer than the header, naming the new column', () => {
    const t = parseCsv(lines('commune;hommes', 'Caen;12;13', 'Vire;5;6', 'Bayeux;7'));
    expect(t.columns).to.deep.equal(['commune', 'hommes', 'Colonne 3']);
    expect(t.rows).to.deep.equal([
      ['Caen', 12, 13],
      ['Vire', 5, 6],
      ['Bayeux', 7, null],
    ]);
    expect(codes(t)).to.deep.equal(['EMPTY_HEADER', 'SHORT_ROW']);
  });

  it('parseCsv(text) reads a trailing delimiter on every line as no extra column', () => {
    const t = parseCsv('commune;n;\nCaen;1;\nVire;2;\n');
    expect(t.columns).to.deep.equal(['commune', 'n']);
    expect(t.rows).to.deep.equal([
      ['Caen', 1],
      ['Vire', 2],
    ]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) reads a trailing delimiter on the header only as no extra column', () => {
    const t = parseCsv('commune;n;\nCaen;1\nVire;2');
    expect(t.columns).to.deep.equal(['commune', 'n']);
    expect(t.meta.issues).to.deep.equal([]);
  });
});

describe('parseCsv(text): header names', () => {
  it('parseCsv(text) keeps duplicate header names as separate columns, renamed " (2)" with a DUPLICATE_HEADER issue', () => {
    const t = parseCsv(lines('tranche;effectif;effectif', '0-14;12;13', '15-29;14;15'));
    expect(t.columns).to.deep.equal(['tranche', 'effectif', 'effectif (2)']);
    expect(t.rows).to.deep.equal([
      ['0-14', 12, 13],
      ['15-29', 14, 15],
    ]);
    expect(t.meta.header).to.deep.equal([['tranche', 'effectif', 'effectif']]);
    expect(t.meta.issues).to.deep.equal([
      {
        code: 'DUPLICATE_HEADER',
        column: 2,
        raw: 'effectif',
        message: 'Le nom de colonne « effectif » est répété ; la colonne 3 est nommée « effectif (2) ».',
      },
    ]);
  });

  it('parseCsv(text) keeps renamed duplicates unique even when a name like "a (2)" is already taken', () => {
    const t = parseCsv(lines('a (2);a;a;A', '1;2;3;4'));
    expect(t.columns).to.deep.equal(['a (2)', 'a', 'a (3)', 'A (4)']);
    expect(codes(t)).to.deep.equal(['DUPLICATE_HEADER', 'DUPLICATE_HEADER']);
  });

  it('parseCsv(text) keeps the case of header names but counts names differing only by case or accents as duplicates', () => {
    const t = parseCsv(lines('NOM;Âge;age', 'a;1;2'));
    expect(t.columns).to.deep.equal(['NOM', 'Âge', 'age (2)']);
  });

  it('parseCsv(text) keeps __proto__, constructor and toString headers, rows stay positional and nothing is polluted', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const t = parseCsv(lines('__proto__;constructor;toString;polluted', '__proto__;1;2;yes', 'prototype;3;4;no'));
    expect(t.columns).to.deep.equal(['__proto__', 'constructor', 'toString', 'polluted']);
    expect(t.rows).to.deep.equal([
      ['__proto__', 1, 2, 'yes'],
      ['prototype', 3, 4, 'no'],
    ]);
    for (const r of t.rows) {
      expect(Array.isArray(r)).to.equal(true);
      expect(Object.getPrototypeOf(r)).to.equal(Array.prototype);
    }
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(before);
    expect(typeof {}.toString).to.equal('function');
  });

  it('parseCsv(text, {markers}) takes a "__proto__" marker from JSON without touching Object.prototype', () => {
    const markers = JSON.parse('{"__proto__": "secret", "polluted": "secret"}') as Record<string, 'secret'>;
    const t = parseCsv(lines('commune;n', 'Caen;__proto__', 'Vire;2'), {markers});
    expect(t.rows).to.deep.equal([
      ['Caen', null],
      ['Vire', 2],
    ]);
    expect(t.meta.markers).to.deep.equal([{row: 0, column: 1, line: 2, raw: '__proto__', kind: 'secret'}]);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('parseCsv(text) trims header names and collapses inner spaces (regular, no-break, narrow)', () => {
    const t = parseCsv(lines('  Commune ;Effectif   total;Part\u00a0 en\u202f%\t', 'Caen;12;3'));
    expect(t.columns).to.deep.equal(['Commune', 'Effectif total', 'Part en %']);
  });

  it('parseCsv(text) normalises NFD accents (macOS exports) to NFC in header names and text cells', () => {
    const nfd = 'E\u0301quipement;Re\u0301gion\nMe\u0301diathe\u0300que;Normandie\nCafe\u0301;Bretagne';
    const t = parseCsv(nfd);
    expect(t.columns).to.deep.equal(['Équipement', 'Région']);
    expect(t.rows).to.deep.equal([
      ['Médiathèque', 'Normandie'],
      ['Café', 'Bretagne'],
    ]);
    expect(t.columns[0]).to.equal('\u00c9quipement');
  });

  it('parseCsv(text) names an empty header cell "Colonne N" with an EMPTY_HEADER issue (not a two-row header)', () => {
    const t = parseCsv(lines('commune;;femmes', 'Caen;12;13', 'Vire;5;6'));
    expect(t.meta.headerRows).to.equal(1);
    expect(t.columns).to.deep.equal(['commune', 'Colonne 2', 'femmes']);
    expect(t.rows).to.deep.equal([
      ['Caen', 12, 13],
      ['Vire', 5, 6],
    ]);
    expect(t.meta.issues).to.deep.equal([
      {
        code: 'EMPTY_HEADER',
        column: 1,
        message: "La colonne 2 n'a pas de nom dans l'en-tête ; elle est nommée « Colonne 2 ».",
      },
    ]);
  });
});

describe('parseCsv(text): titles, notes and two-row headers', () => {
  it('parseCsv(text) sets title lines before the header aside in meta.titles', () => {
    const t = parseCsv(
      lines(
        'Inscrits par sexe et âge;;',
        'Basse-Normandie, 2012;;',
        '',
        'sexe;-11;11-17',
        'Hommes;793;1 762',
        'Femmes;561;1 327',
      ),
    );
    expect(t.meta.titles).to.deep.equal(['Inscrits par sexe et âge', 'Basse-Normandie, 2012']);
    expect(t.columns).to.deep.equal(['sexe', '-11', '11-17']);
    expect(t.rows).to.deep.equal([
      ['Hommes', 793, 1762],
      ['Femmes', 561, 1327],
    ]);
    expect(t.meta.headerLine).to.equal(4);
    expect(t.meta.skipped).to.deep.equal([
      {line: 1, reason: 'title', text: 'Inscrits par sexe et âge'},
      {line: 2, reason: 'title', text: 'Basse-Normandie, 2012'},
      {line: 3, reason: 'blank', text: ''},
    ]);
  });

  it('parseCsv(text) sets source and note lines after the table aside in meta.notes', () => {
    const t = parseCsv(
      lines(
        'sexe;-11;11-17',
        'Hommes;793;1 762',
        'Femmes;561;1 327',
        ';;',
        'Source : Cyber-base, 2012;;',
        'Lecture : 793 garçons de moins de 11 ans.;;',
        '',
      ),
    );
    expect(t.rows).to.have.length(2);
    expect(t.meta.notes).to.deep.equal(['Source : Cyber-base, 2012', 'Lecture : 793 garçons de moins de 11 ans.']);
    expect(t.meta.skipped).to.deep.equal([
      {line: 4, reason: 'blank', text: ''},
      {line: 5, reason: 'note', text: 'Source : Cyber-base, 2012'},
      {line: 6, reason: 'note', text: 'Lecture : 793 garçons de moins de 11 ans.'},
    ]);
  });

  it('parseCsv(text) reads a "Source : …" line split by a "," delimiter as one note, not as a data row', () => {
    const t = parseCsv(
      lines('commune,population', 'Caen,108200', 'Vire,17700', 'Source : Insee, RP 2020, exploitation principale'),
    );
    expect(t.rows).to.deep.equal([
      ['Caen', 108200],
      ['Vire', 17700],
    ]);
    expect(t.meta.types).to.deep.equal(['string', 'number']);
    expect(t.meta.notes).to.deep.equal(['Source : Insee, RP 2020, exploitation principale']);
  });

  it('parseCsv(text) keeps Total/Ensemble rows and "dont …" sub-rows as rows (readCrossTab interprets them)', () => {
    const t = parseCsv(
      lines('catégorie;n', 'Hommes;12', 'dont moins de 18 ans;3', 'Femmes;13', 'Total;25', 'Sources de financement;4'),
    );
    expect(t.rows.map((r) => r[0])).to.deep.equal([
      'Hommes',
      'dont moins de 18 ans',
      'Femmes',
      'Total',
      'Sources de financement',
    ]);
    expect(t.meta.notes).to.deep.equal([]);
  });

  it('parseCsv(text) keeps a last row holding a single number as a row (a number is not a note)', () => {
    const t = parseCsv(lines('commune;n', 'Caen;1', 'Vire;2', ';5'));
    expect(t.rows).to.deep.equal([
      ['Caen', 1],
      ['Vire', 2],
      [null, 5],
    ]);
    expect(t.meta.notes).to.deep.equal([]);
  });

  it('parseCsv(bytes) combines the two-row header of the real INSEE file (merged cells) into "Hommes 0-19"…', async () => {
    const t = parseCsv(await fixture('real/insee-estim-pop-dep-2023.csv'));
    expect(t.meta.headerRows).to.equal(2);
    expect(t.columns).to.have.length(20);
    expect(t.columns.slice(0, 8)).to.deep.equal([
      'Départements Code',
      'Départements Nom',
      'Ensemble 0-19',
      'Ensemble 20-39',
      'Ensemble 40-59',
      'Ensemble 60-74',
      'Ensemble 75+',
      'Ensemble Total',
    ]);
    expect(t.columns.slice(8, 10)).to.deep.equal(['Hommes 0-19', 'Hommes 20-39']);
    expect(t.columns.slice(14)).to.deep.equal([
      'Femmes 0-19',
      'Femmes 20-39',
      'Femmes 40-59',
      'Femmes 60-74',
      'Femmes 75+',
      'Femmes Total',
    ]);
    expect(t.meta.header[0]!.slice(0, 4)).to.deep.equal(['Départements', '', 'Ensemble', '']);
    expect(t.rows[0]!.slice(0, 3)).to.deep.equal(['1', 'Ain', 170727]);
    expect(t.meta.types.slice(2).every((ty) => ty === 'number')).to.equal(true);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) detects a small two-row header with merged cells', () => {
    const t = parseCsv(lines(';Hommes;;Femmes;', 'tranche;2012;2013;2012;2013', '0-14;1;2;3;4', '15-29;5;6;7;8'));
    expect(t.meta.headerRows).to.equal(2);
    expect(t.columns).to.deep.equal(['tranche', 'Hommes 2012', 'Hommes 2013', 'Femmes 2012', 'Femmes 2013']);
    expect(t.rows).to.deep.equal([
      ['0-14', 1, 2, 3, 4],
      ['15-29', 5, 6, 7, 8],
    ]);
  });

  it('parseCsv(text, {headerRows: 2}) forces a two-row header', () => {
    const t = parseCsv(lines('Hommes;;Femmes;', 'a;b;c;d', '1;2;3;4'), {headerRows: 2});
    expect(t.columns).to.deep.equal(['Hommes a', 'Hommes b', 'Femmes c', 'Femmes d']);
    expect(t.rows).to.deep.equal([[1, 2, 3, 4]]);
  });

  it('parseCsv(text, {headerRows: 1}) forces a one-row header where two would be detected', () => {
    const t = parseCsv(lines(';Hommes;;Femmes;', 'tranche;2012;2013;2012;2013', '0-14;1;2;3;4', '15-29;5;6;7;8'), {
      headerRows: 1,
    });
    expect(t.meta.headerRows).to.equal(1);
    expect(t.columns).to.deep.equal(['Colonne 1', 'Hommes', 'Colonne 3', 'Femmes', 'Colonne 5']);
    expect(t.rows).to.have.length(3);
  });

  it('parseCsv(text, {headerRows: 0}) reads every line as data, names columns "Colonne N" and records NO_HEADER', () => {
    const t = parseCsv(lines('Caen;12', 'Vire;5'), {headerRows: 0});
    expect(t.columns).to.deep.equal(['Colonne 1', 'Colonne 2']);
    expect(t.rows).to.deep.equal([
      ['Caen', 12],
      ['Vire', 5],
    ]);
    expect(t.meta.headerRows).to.equal(0);
    expect(t.meta.header).to.deep.equal([]);
    expect(codes(t)).to.deep.equal(['NO_HEADER']);
    expect(t.meta.rowLines).to.deep.equal([1, 2]);
  });
});

describe('parseCsv(text): secret-statistique and unavailable markers', () => {
  it('parseCsv(text) reads s, n.d., nd, NC, -, … as null and records each with row, column, line, raw and kind', () => {
    const t = parseCsv(
      lines('commune;effectif;part', 'A;s;1', 'B;n.d.;2', 'C;nd;3', 'D;NC;4', 'E;-;5', 'F;…;6', 'G;12;secret', 'H;13;'),
    );
    expect(t.meta.types).to.deep.equal(['string', 'number', 'number']);
    expect(t.rows.map((r) => r[1])).to.deep.equal([null, null, null, null, null, null, 12, 13]);
    expect(t.rows.map((r) => r[2])).to.deep.equal([1, 2, 3, 4, 5, 6, null, null]);
    expect(t.meta.markers).to.deep.equal([
      {row: 0, column: 1, line: 2, raw: 's', kind: 'secret'},
      {row: 1, column: 1, line: 3, raw: 'n.d.', kind: 'unavailable'},
      {row: 2, column: 1, line: 4, raw: 'nd', kind: 'unavailable'},
      {row: 3, column: 1, line: 5, raw: 'NC', kind: 'unavailable'},
      {row: 4, column: 1, line: 6, raw: '-', kind: 'unavailable'},
      {row: 5, column: 1, line: 7, raw: '…', kind: 'unavailable'},
      {row: 6, column: 2, line: 8, raw: 'secret', kind: 'secret'},
      {row: 7, column: 2, line: 9, raw: '', kind: 'empty'},
    ]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) compares markers trimmed and case-insensitively, keeping the raw text as written', () => {
    const t = parseCsv(lines('commune;n', 'A;  N.D. ', 'B;S', 'C;3'));
    expect(t.meta.markers.map((m) => [m.raw, m.kind])).to.deep.equal([
      ['N.D.', 'unavailable'],
      ['S', 'secret'],
    ]);
  });

  it('parseCsv(text) leaves marker-like words in a text column as text', () => {
    const t = parseCsv(lines('commune;statut;n', 'A;s;1', 'B;NC;2'));
    expect(t.rows.map((r) => r[1])).to.deep.equal(['s', 'NC']);
    expect(t.meta.markers).to.deep.equal([]);
  });

  it('parseCsv(text) reads a column of markers only under a year or age-band header as wholly secret figures, each marker recorded', () => {
    const t = parseCsv(lines('commune;2021;0-19;statut;2023', 'A;s;nd;s;1', 'B;secret;;NC;2', 'C;s;-;-;3'));
    expect(t.meta.types).to.deep.equal(['string', 'number', 'number', 'string', 'number']);
    expect(t.rows).to.deep.equal([
      ['A', null, null, 's', 1],
      ['B', null, null, 'NC', 2],
      ['C', null, null, '-', 3],
    ]);
    expect(t.meta.markers.map((m) => [m.row, m.column, m.kind, m.raw])).to.deep.equal([
      [0, 1, 'secret', 's'],
      [0, 2, 'unavailable', 'nd'],
      [1, 1, 'secret', 'secret'],
      [1, 2, 'empty', ''],
      [2, 1, 'secret', 's'],
      [2, 2, 'unavailable', '-'],
    ]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) keeps an empty column under a year header as text: no marker to record, its cells are null', () => {
    const t = parseCsv(lines('commune;2021;2022', 'A;;1', 'B;;2'));
    expect(t.meta.types).to.deep.equal(['string', 'string', 'number']);
    expect(t.rows).to.deep.equal([
      ['A', null, 1],
      ['B', null, 2],
    ]);
  });

  it('DEFAULT_MARKERS lists the default markers, frozen', () => {
    for (const m of ['s', 'n.d.', 'nd', 'nc', '-', '…']) expect(DEFAULT_MARKERS, m).to.have.property(m);
    expect(Object.isFrozen(DEFAULT_MARKERS)).to.equal(true);
  });

  it('parseCsv(text, {markers}) adds a marker', () => {
    const t = parseCsv(lines('commune;n', 'A;sc', 'B;2', 'C;3'), {markers: {SC: 'secret'}});
    expect(t.rows.map((r) => r[1])).to.deep.equal([null, 2, 3]);
    expect(t.meta.markers).to.deep.equal([{row: 0, column: 1, line: 2, raw: 'sc', kind: 'secret'}]);
  });

  it('parseCsv(text, {markers: {"-": null}}) disables a default marker: "-" is then an invalid number, not a marker', () => {
    const body = Array.from({length: 10}, (_, i) => `C${i};${i + 1}`);
    const text = lines('commune;n', ...body, 'X;-');
    expect(parseCsv(text).meta.markers).to.deep.equal([{row: 10, column: 1, line: 12, raw: '-', kind: 'unavailable'}]);
    const t = parseCsv(text, {markers: {'-': null}});
    expect(t.meta.markers).to.deep.equal([]);
    expect(t.rows[10]).to.deep.equal(['X', null]);
    expect(t.meta.issues.map((i) => [i.code, i.row, i.column, i.raw])).to.deep.equal([['INVALID_NUMBER', 10, 1, '-']]);
  });
});

describe('parseCsv(input, options): bad option values', () => {
  const bad: Array<{name: string; options: Record<string, unknown>; fr: RegExp; en: RegExp}> = [
    {
      name: 'headerRows 3',
      options: {headerRows: 3},
      fr: /nombre de lignes d'en-tête 3 \(0, 1 ou 2\)/,
      en: /number of header rows 3 \(0, 1 or 2\)/,
    },
    {
      name: 'headerRows "1" (a string)',
      options: {headerRows: '1'},
      fr: /nombre de lignes d'en-tête 1/,
      en: /number of header rows 1/,
    },
    {
      name: 'decimal ";"',
      options: {decimal: ';'},
      fr: /séparateur décimal « ; » \(« , » ou « \. »\)/,
      en: /decimal separator ";" \(","/,
    },
    {
      name: 'an unknown encoding',
      options: {encoding: 'ebcdic'},
      fr: /encodage « ebcdic » inconnu/,
      en: /unknown encoding "ebcdic"/,
    },
    {name: 'an encoding that is not a string', options: {encoding: 1252}, fr: /encodage 1252/, en: /encoding 1252/},
    {
      name: 'a marker kind that does not exist',
      options: {markers: {sc: 'hidden'}},
      fr: /marqueur « sc » : « hidden » n'est pas un type de marqueur/,
      en: /marker "sc": "hidden" is not a marker kind/,
    },
    {name: 'an empty marker', options: {markers: {' ': 'secret'}}, fr: /marqueur vide/, en: /empty marker/},
    {
      name: 'markers that are not an object',
      options: {markers: 'sc'},
      fr: /marqueurs sc \(un objet est attendu/,
      en: /markers sc \(an object is expected/,
    },
  ];
  for (const c of bad) {
    it(`parseCsv(text, options) throws BAD_OPTION for ${c.name}, in French and English`, () => {
      const e = thrown(() => parseCsv('a;b\n1;2', c.options));
      expect(e).to.be.instanceOf(EpnDataError);
      expect(e.code).to.equal('BAD_OPTION');
      expect(e.message).to.match(/^Réglage non compris : /);
      expect(e.message).to.match(c.fr);
      expect(e.localizedMessage('en')).to.match(/^Setting not understood: /);
      expect(e.localizedMessage('en')).to.match(c.en);
    });
  }

  it('parseCsv(bytes, options) checks options before reading the bytes', () => {
    expect(thrown(() => parseCsv(new Uint8Array(0), {headerRows: 9})).code).to.equal('BAD_OPTION');
  });

  it('parseCsv(text, options) reads null options (absent HTML attributes) as "detect"', () => {
    const t = parseCsv('a;b\nx;1', {delimiter: null, encoding: null, headerRows: null, decimal: null, markers: null});
    expect(t.rows).to.deep.equal([['x', 1]]);
    expect(parseCsv('a;b\nx;1', null as unknown as undefined).rows).to.deep.equal([['x', 1]]);
  });
});

describe('parseCsv(input): the table as a whole', () => {
  it('parseCsv(text) accounts for every cell: a value, a marker or an issue, rows aligned with columns', () => {
    const t = parseCsv(lines('Titre', 'commune;a;b;c', 'A;1;s;', 'B;2;1e5', 'C;3;4;5;6', '', 'Source : x'));
    for (const r of t.rows) expect(r).to.have.length(t.columns.length);
    expect(t.meta.rowLines).to.have.length(t.rows.length);
    const accounted = new Set<string>();
    for (const m of t.meta.markers) accounted.add(`${m.row},${m.column}`);
    for (const i of t.meta.issues)
      if (i.row !== undefined && i.column !== undefined) accounted.add(`${i.row},${i.column}`);
    t.rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (t.meta.types[j] === 'number' && v === null)
          expect(accounted.has(`${i},${j}`), `cell ${i},${j}`).to.equal(true);
      }),
    );
    expect(codes(t)).to.deep.equal(['SHORT_ROW', 'INVALID_NUMBER', 'LONG_ROW']);
    expect(t.meta.titles).to.deep.equal(['Titre']);
    expect(t.meta.notes).to.deep.equal(['Source : x']);
  });

  it('parseCsv(text) returns plain data: JSON round trip keeps the table', () => {
    const t = parseCsv(lines('commune;n;part', 'Caen;1 234;12,5 %', 'Vire;s;'));
    expect(JSON.parse(JSON.stringify(t))).to.deep.equal(t);
  });
});

// parseCsv reads each field once, as the byte scanner splits it: plain numbers from their bytes (in quotes too), text
// told as text, a code or a marker at once when that does not depend on the decimal separator (a cell starting with a
// letter that begins no code and spells neither NaN nor Inf), the rest once the separator is known.
describe('parseCsv(input): each field read once, as it is split', () => {
  // `nom;v` over one number and the cell: a refused number keeps the column numeric (the cell recorded as invalid),
  // text or a code makes it a text column.
  const column = (cell: string) => parseCsv(lines('nom;v', 'a;1', `b;${cell}`));
  for (const cell of ['NaN', 'nan', 'Nan', 'Inf', 'inf', 'Infinity', 'INFINITY', '1e5', '12s']) {
    it(`parseCsv(text) reads « ${cell} » as a refused number (an INVALID_NUMBER in a numeric column), not text`, () => {
      const t = column(cell);
      expect(t.meta.types).to.deep.equal(['string', 'number']);
      expect(t.rows).to.deep.equal([
        ['a', 1],
        ['b', null],
      ]);
      expect(codes(t)).to.deep.equal(['INVALID_NUMBER']);
    });
  }
  for (const cell of ['Non', 'Oui', 'AB', 'Infinite', 'PARIS', 'Saint-Lô', 'Énorme', 'FR10', 'ZE2020', 'A12', '2A']) {
    it(`parseCsv(text) reads « ${cell} » as text or a code: the column is text`, () => {
      const t = column(cell);
      expect(t.meta.types).to.deep.equal(['string', 'string']);
      expect(t.rows[1]).to.deep.equal(['b', cell]);
      expect(t.meta.issues).to.deep.equal([]);
    });
  }
  for (const [cell, value] of [
    ['−12', -12],
    ['–12,5', -12.5],
    ['+7', 7],
  ] as const) {
    it(`parseCsv(text) reads « ${cell} » (a sign first) as the number ${value}`, () => {
      expect(column(cell).rows[1]).to.deep.equal(['b', value]);
    });
  }

  it('parseCsv(text) reads numbers in quotes ("2019", nothing else in them) as unquoted ones, widths included', () => {
    const quoted = parseCsv(lines('"nom";"v";"insee_com"', '"a";"2019";"14118"', '"b";"12,5";"97501"'));
    const plain = parseCsv(lines('nom;v;insee_com', 'a;2019;14118', 'b;12,5;97501'));
    expect(quoted.rows).to.deep.equal([
      ['a', 2019, '14118'],
      ['b', 12.5, '97501'],
    ]);
    expect(quoted.rows).to.deep.equal(plain.rows);
    expect(quoted.meta.types).to.deep.equal(plain.meta.types);
    expect(quoted.meta.decimal).to.equal(',');
    // Not plain: a space or a quote inside the quotes, text after them.
    expect(parseCsv(lines('nom;v', 'a;" 2019"', 'b;"1 234"')).rows).to.deep.equal([
      ['a', 2019],
      ['b', 1234],
    ]);
  });

  it('parseCsv(text) reads plain decimals exactly as Number reads them, 15 digits or more', () => {
    const cells = [
      '0.1',
      '0.3',
      '308491.16',
      '43.295123456789123',
      '1.7976931348623157',
      '9007199254740.993',
      '123456.7',
    ];
    const t = parseCsv(lines('v', ...cells));
    expect(t.rows.map((r) => r[0])).to.deep.equal(cells.map(Number));
    const commas = parseCsv(lines('v', ...cells.map((c) => c.replace('.', ','))));
    expect(commas.rows.map((r) => r[0])).to.deep.equal(cells.map(Number));
  });

  it('parseCsv(text) gives a repeated short text the same value each time, cleaned or not', () => {
    const t = parseCsv(lines('nom;v', 'Caen;1', 'Saint  Lô;2', 'Caen;3', 'Saint  Lô;4', '"Caen";5'));
    expect(t.rows.map((r) => r[0])).to.deep.equal(['Caen', 'Saint Lô', 'Caen', 'Saint Lô', 'Caen']);
  });
});
