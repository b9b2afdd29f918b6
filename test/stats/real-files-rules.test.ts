// Issue 11's nine cases (each a minimal reproduction of what a real public file did) and issue 12's number and
// typing breaks (1, 2, 3), plus the property that no pattern of the reading backtracks over a long cell (12, item 5).
import {
  crossTab,
  EpnDataError,
  parseCsv,
  parseNumber,
  parseAgeLabel,
  readCrossTab,
  readingNotes,
  sexOf,
} from '@epn/stats';
import {describe, expect, it} from '../harness.js';

const codes = (t: {meta: {issues: Array<{code: string}>}}) => t.meta.issues.map((i) => i.code);

describe('real files: the nine cases of issue 11', () => {
  it('1. a dot decimal column is read as decimals when one value settles it (2617.208), never ×1000', () => {
    const t = parseCsv(
      'IRIS;COM;P22_POP1564\n975010000;97501;373.000\n977010101;97701;2617.208\n978010113;97801;926.275',
    );
    expect(t.meta.decimal).to.equal('.');
    expect(t.rows.map((r) => r[2])).to.deep.equal([373, 2617.208, 926.275]);
    expect(t.meta.types).to.deep.equal(['string', 'string', 'number']);
    expect(codes(t)).to.deep.equal([]);
  });

  it('1. a truly ambiguous column (every value d.ddd) is decided from the rest of the file and says so', () => {
    const t = parseCsv('nom;pop;part\nA;373.000;12.5\nB;926.275;7.25');
    expect(t.rows.map((r) => r[1])).to.deep.equal([373, 926.275]);
    const issue = t.meta.issues.find((i) => i.code === 'AMBIGUOUS_DECIMAL')!;
    expect(issue.column).to.equal(1);
    expect(issue.message).to.contain('« pop »');
    // The same column in a file whose other numbers use a decimal comma: the dot groups thousands.
    const fr = parseCsv('nom;pop;part\nA;373.000;12,5\nB;926.275;7,25');
    expect(fr.rows.map((r) => r[1])).to.deep.equal([373000, 926275]);
    expect(codes(fr)).to.deep.equal(['AMBIGUOUS_DECIMAL']);
    // The option overrides the guess, and then nothing is doubted.
    const forced = parseCsv('nom;pop\nA;373.000\nB;926.275', {decimal: ','});
    expect(forced.rows.map((r) => r[1])).to.deep.equal([373000, 926275]);
    expect(codes(forced)).to.deep.equal([]);
  });

  it('2. a commune named Drom is a commune: an aggregate is recognised by its label and its context', () => {
    const ct = readCrossTab(parseCsv('DEPCOM;COM;PMUN\n01149;Dortan;1843\n01150;Drom;216'));
    expect(ct.rowLabels).to.deep.equal(['Dortan', 'Drom']);
    expect(ct.total).to.equal(2059);
    // Without a code, as INSEE writes its aggregates, it stays aside.
    const insee = readCrossTab(parseCsv('Code;Nom;Pop\n14;Calvados;700\n50;Manche;500\n;DROM;2000'));
    expect(insee.rowLabels).to.deep.equal(['Calvados', 'Manche']);
    expect(insee.meta.subRows.map((r) => r.label)).to.deep.equal(['DROM']);
  });

  it('3. counts named after communes (ptot_com, pmun_com) are numbers; identifier headers stay text', () => {
    const t = parseCsv('nom_com;ptot_com;pmun_com\nAyse;2177;2106');
    expect(t.meta.types).to.deep.equal(['string', 'number', 'number']);
    expect(crossTab(t, {rows: 'nom_com', columns: 'nom_com', value: 'pmun_com'}).total).to.equal(2106);
    const ids = parseCsv(
      'CODGEO;code_postal;DEP;siren;pop\n14118;14000;14;200065597;106538\n50129;50100;50;200067205;79144',
    );
    expect(ids.meta.types).to.deep.equal(['string', 'string', 'string', 'string', 'number']);
    expect(ids.rows[0]!.slice(0, 4)).to.deep.equal(['14118', '14000', '14', '200065597']);
  });

  it('4. an INSEE two-row header without group: the overall group is read and said, never four times the population', () => {
    const csv =
      'Départements;;Ensemble;;Hommes;;Femmes;\nCode;Nom;0-19;Total;0-19;Total;0-19;Total\n14;Calvados;100;700;52;340;48;360\n50;Manche;80;500;41;245;39;255';
    const ct = readCrossTab(parseCsv(csv));
    expect(ct.columnLabels).to.deep.equal(['0-19']);
    expect(ct.rowTotals).to.deep.equal([700, 500]);
    expect(ct.total).to.equal(1200);
    expect(ct.meta.issues.map((i) => [i.code, i.raw])).to.deep.include(['GROUP_CHOSEN', 'Ensemble']);
    // Without an overall group, the reader must choose: a French error lists the groups.
    const noAll = 'x;;Hommes;;Femmes;\nCode;Nom;0-19;Total;0-19;Total\n14;Calvados;52;340;48;360';
    try {
      readCrossTab(parseCsv(noAll));
      expect.fail('should throw');
    } catch (e) {
      expect(e).to.be.instanceOf(EpnDataError);
      expect((e as EpnDataError).code).to.equal('UNEXPECTED_SHAPE');
      expect((e as EpnDataError).message).to.contain('Hommes, Femmes');
    }
    expect(readCrossTab(parseCsv(noAll), {group: 'Femmes'}).total).to.equal(360);
  });

  it('5. region codes are not age bands; bare numbers are ages only under a title that names ages', () => {
    const ct = crossTab(parseCsv('code_reg;type;nbr\n04;logloc;10\n06;logloc;20\n11;logloc;30'), {
      rows: 'code_reg',
      columns: 'type',
      value: 'nbr',
    });
    expect(ct.rowLabels).to.deep.equal(['04', '06', '11']);
    expect(ct.meta.issues).to.deep.equal([]);
    const ages = crossTab(parseCsv('age;sexe;n\n30;H;1\n10;F;2\n20;H;3'), {rows: 'sexe', columns: 'age', value: 'n'});
    expect(ages.columnLabels).to.deep.equal(['10', '20', '30']);
  });

  it('6. one note does not kill a column of numbers, however few its rows', () => {
    const t = parseCsv(
      'Nom;Montant subvention 2003\nA;668184\nB;1039499\nC;222870\nD;388165\nE;voir La Buanderie\nF;369536',
    );
    expect(t.meta.types).to.deep.equal(['string', 'number']);
    expect(t.rows.map((r) => r[1])).to.deep.equal([668184, 1039499, 222870, 388165, null, 369536]);
    expect(t.meta.issues.map((i) => [i.code, i.row, i.raw])).to.deep.equal([
      ['INVALID_NUMBER', 4, 'voir La Buanderie'],
    ]);
  });

  it('7. survey totals are totals: rates over distinct respondents (901 / 1 055, not / 3 990)', () => {
    const csv =
      'Équipement;-11;11-17\nOrdinateur;901;500\nTablette;700;300\nSmartphone;1000;600\nInternet;1389;700\nTotal (répondants distincts);1055;800';
    const ct = readCrossTab(parseCsv(csv));
    expect(ct.rowLabels).to.deep.equal(['Ordinateur', 'Tablette', 'Smartphone', 'Internet']);
    expect(ct.columnTotals).to.deep.equal([1055, 800]);
    for (const label of [
      'Total (répondants distincts)',
      'Ensemble des répondants',
      'Total répondants',
      'Total général (1)',
      'Total*',
    ]) {
      expect(readCrossTab(parseCsv(`x;a\nA;1\n${label};1`)).rowLabels, label).to.deep.equal(['A']);
    }
  });

  it('8. field age labels are age bands, ordered and checked', () => {
    expect(['Moins12ans', 'De12a18ans', 'De18a35ans', 'De35a60ans', 'Plus60ans'].map(parseAgeLabel)).to.deep.equal([
      {lower: 0, upper: 11},
      {lower: 12, upper: 18},
      {lower: 18, upper: 35},
      {lower: 35, upper: 60},
      {lower: 60, upper: null},
    ]);
    expect(['Moins de 15 ans', '60 à 74 ans', '75 ans ou plus'].map(parseAgeLabel)).to.deep.equal([
      {lower: 0, upper: 14},
      {lower: 60, upper: 74},
      {lower: 75, upper: null},
    ]);
    const ct = readCrossTab(parseCsv('sexe;Plus60ans;Moins12ans;De12a18ans\nH;3;1;2'));
    expect(ct.columnLabels).to.deep.equal(['Moins12ans', 'De12a18ans', 'Plus60ans']);
  });

  it('9. text damaged upstream (U+FFFD, Ã©) is read and said', () => {
    const t = parseCsv('commune;n\nH\ufffdrouville;3\nCaen;5');
    expect(t.meta.issues.map((i) => [i.code, i.line])).to.deep.equal([['DAMAGED_TEXT', 2]]);
    expect(t.rows[0]).to.deep.equal(['H\ufffdrouville', 3]);
    expect(codes(parseCsv('commune;n\nCaen;5\nHÃ©rouville;3'))).to.deep.equal(['DAMAGED_TEXT']);
    expect(codes(parseCsv('commune;n\nHérouville;3'))).to.deep.equal([]);
  });

  it('types forces a column the guess got wrong', () => {
    const t = parseCsv('CODGEO;pop\n14118;1\n14119;2', {types: {codgeo: 'number', POP: 'text'}});
    expect(t.meta.types).to.deep.equal(['number', 'string']);
    expect(t.rows[0]).to.deep.equal([14118, '1']);
    expect(() => parseCsv('a\n1', {types: {a: 'date' as 'text'}})).to.throw(EpnDataError, /« number » ou « text »/);
  });
});

describe('hostile inputs: numbers and typing (issue 12, items 1 to 3)', () => {
  it('1. one odd cell does not remove a band: <5 is a suppression marker, 12s and 1O0 are recorded invalid numbers', () => {
    const t = parseCsv('sexe;0-19;20-39;40-59;60+\nHommes;10;<5;30;12\nFemmes;12;8;25;14');
    expect(t.meta.types).to.deep.equal(['string', 'number', 'number', 'number', 'number']);
    expect(t.meta.markers.map((m) => [m.row, m.column, m.kind, m.raw])).to.deep.equal([[0, 2, 'secret', '<5']]);
    for (const odd of ['12s', '1O0']) {
      const u = parseCsv(`sexe;0-19;20-39;40-59;60+\nHommes;10;${odd};30;12\nFemmes;12;8;25;14`);
      expect(u.meta.types[2], odd).to.equal('number');
      expect(u.meta.issues.map((i) => [i.code, i.row, i.column, i.raw])).to.deep.equal([['INVALID_NUMBER', 0, 2, odd]]);
      expect(readCrossTab(u).columnLabels).to.deep.equal(['0-19', '20-39', '40-59', '60+']);
    }
  });

  it('2. mixed separators: the last one is the decimal separator when the grouping is regular, else invalid', () => {
    expect(parseNumber('1,234.567')).to.equal(1234.567);
    expect(parseNumber('1,234.567', '.')).to.equal(1234.567);
    expect(parseNumber('1.234,567', '.')).to.equal(1234.567);
    expect(parseNumber('1,050.500')).to.equal(1050.5);
    expect(parseNumber('1 234 567,5')).to.equal(1234567.5);
    expect(parseNumber('12,34.5')).to.equal(null);
    expect(parseNumber('1.23,4')).to.equal(null);
    expect(parseNumber('1.234.567,5')).to.equal(1234567.5);
    expect(parseCsv('poste;budget\nA;1,050.500\nB;2,000.25').rows.map((r) => r[1])).to.deep.equal([1050.5, 2000.25]);
  });

  it('3. a 400-digit count is an invalid number, never Infinity', () => {
    const big = '9'.repeat(400);
    expect(parseNumber(big)).to.equal(null);
    const t = parseCsv(`sexe;0-19;20-39\nHommes;${big};5\nFemmes;3;4`);
    expect(t.meta.types[1]).to.equal('number');
    expect(t.rows[0]![1]).to.equal(null);
    expect(t.meta.issues.map((i) => [i.code, i.row, i.column])).to.deep.equal([['INVALID_NUMBER', 0, 1]]);
    expect(t.rows.flat().every((v) => typeof v !== 'number' || Number.isFinite(v))).to.equal(true);
  });
});

describe('no pattern of the reading backtracks over a long cell (issue 12, item 5)', () => {
  // Adversarial cells of 100 000 characters: a time budget as a ratio to a linear scan of the same cell, taken as
  // the best of three runs each (a quadratic pattern takes seconds here, thousands of times the scan).
  const N = 100000;
  const cells = [
    '1' + ' '.repeat(N) + 'x',
    '1' + ' '.repeat(N) + '%x',
    '1,'.repeat(N / 2) + 'x',
    '1 '.repeat(N / 2) + 'x',
    '- ' + ' '.repeat(N) + '1 ans x',
    '12' + ' '.repeat(N) + 'ans ' + ' '.repeat(10) + 'x',
    'total' + ' '.repeat(N) + 'x',
    '('.repeat(N) + 'x',
    'Source' + ' '.repeat(N) + 'x',
    '<' + ' '.repeat(N) + '5x',
  ];
  const linear = (s: string) => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
    return h;
  };
  const best = (f: () => unknown) => {
    let t = Infinity;
    for (let k = 0; k < 3; k++) {
      const a = performance.now();
      f();
      t = Math.min(t, performance.now() - a);
    }
    return t;
  };
  for (const [name, f] of [
    ['parseNumber', (c: string) => parseNumber(c)],
    ['parseAgeLabel', (c: string) => parseAgeLabel(c)],
    ['sexOf', (c: string) => sexOf(c)],
    [
      'parseCsv (the cell in a numeric column, and as a label)',
      (c: string) => {
        parseCsv(`a;b\nx;1\ny;${c.replace(/[;"\n\r]/g, ' ')}\nz;2\n${c.replace(/[;"\n\r]/g, ' ')};3`);
      },
    ],
    ['readCrossTab', (c: string) => readCrossTab(parseCsv(`a;b\nx;1\n${c.replace(/[;"\n\r]/g, ' ')};2`))],
  ] as Array<[string, (c: string) => unknown]>) {
    it(`${name} stays linear on adversarial cells of ${N} characters`, () => {
      for (const c of cells) {
        const scan = Math.max(
          best(() => linear(c)),
          0.05,
        );
        const took = best(() => f(c));
        // Generous: the reading does a few passes (trim, normalise, split); a backtracking pattern is ×10 000.
        expect(
          took / scan,
          `${JSON.stringify(c.slice(0, 12))}…: ${took.toFixed(1)} ms against a ${scan.toFixed(2)} ms scan`,
        ).to.be.below(2000);
      }
    });
  }
});

describe('readingNotes: what a chart says about its reading (issue 11: set aside or doubted; issue 12, item 1)', () => {
  it('is empty for a file read without anything to say', () => {
    const t = parseCsv('sexe;0-19;20-39\nHommes;10;20\nFemmes;12;22');
    expect(readingNotes(t, readCrossTab(t))).to.deep.equal([]);
  });

  it('says which column of figures was left out, which cells were unreadable, which rows were set aside', () => {
    const t = parseCsv(
      'sexe;0-19;20-39;40-59\nHommes;10;beaucoup;1O0\nFemmes;12;peu;8\nFrance métropolitaine;22;x;9\nTotal;22;x;9',
    );
    const notes = readingNotes(t, readCrossTab(t));
    expect(notes.map((n) => n.kind)).to.deep.equal(['column-left-out', 'invalid-numbers', 'set-aside']);
    expect(notes[0]!.fr).to.contain("La colonne « 20-39 » n'est pas lue comme des chiffres");
    expect(notes[1]!.fr).to.equal(
      "Une cellule n'est pas un nombre lisible et est laissée vide (ligne 2, « 40-59 » : « 1O0 »).",
    );
    expect(notes[1]!.en).to.contain('"40-59": "1O0"');
    expect(notes[2]!.fr).to.equal('Ligne non comptée (total, agrégat ou « dont ») : « France métropolitaine ».');
  });

  it("passes on the reading's doubts, in French and English, and cuts long lists", () => {
    const t = parseCsv('nom;pop\nA;373.000\nB;926.275');
    expect(readingNotes(t).map((n) => [n.kind, n.fr.slice(0, 16), n.en.slice(0, 16)])).to.deep.equal([
      ['AMBIGUOUS_DECIMAL', 'Colonne « pop » ', 'Column "pop": "3'],
    ]);
    const groups = parseCsv('x;;Ensemble;;Hommes;\nCode;Nom;0-19;Total;0-19;Total\n14;Calvados;100;700;52;340');
    expect(readingNotes(groups, readCrossTab(groups)).map((n) => n.kind)).to.deep.equal(['GROUP_CHOSEN']);
    const many = parseCsv(`zone;n\n${Array.from({length: 8}, (_, i) => `dont ${i};1`).join('\n')}\nA;2`);
    expect(readingNotes(many, readCrossTab(many))[0]!.fr).to.match(/« dont 4 » et 3 autres\.$/);
  });
});
