// Delimiter sniffing: `;`, `,`, tab, `|`, the two-column file papaparse gets wrong (`age;pct` / `0-14;12,5`), more
// commas than semicolons because of French decimals, long preambles, quotes, one-column files, and an explicit
// `delimiter` option that always wins.
import {EpnDataError, parseCsv, sniffDelimiter} from '@epn/stats';
import {describe, expect, it, thrown} from '../harness.js';

const lines = (...l: string[]) => l.join('\n');

describe('sniffDelimiter(text)', () => {
  const cases: Array<{name: string; text: string; delimiter: string}> = [
    {name: 'finds ";"', text: lines('a;b;c', '1;2;3', '4;5;6'), delimiter: ';'},
    {name: 'finds ","', text: lines('a,b,c', '1,2,3', '4,5,6'), delimiter: ','},
    {name: 'finds a tab', text: lines('a\tb\tc', '1\t2\t3', '4\t5\t6'), delimiter: '\t'},
    {name: 'finds "|"', text: lines('a|b|c', '1|2|3', '4|5|6'), delimiter: '|'},
    {
      name: 'finds ";" in a two-column file with decimal commas (age;pct / 0-14;12,5), where papaparse guesses ","',
      text: lines('age;pct', '0-14;12,5', '15-29;17,5', '30-44;20,5'),
      delimiter: ';',
    },
    {
      name: 'finds ";" when French decimals put more commas than semicolons on every line',
      text: lines('commune;taux;part;indice', 'Caen;12,5;3,4;1,25', 'Lisieux;1,2;5,6;0,75', 'Vire;7,1;2,2;1,05'),
      delimiter: ';',
    },
    {
      name: 'finds ";" when text cells hold unquoted commas (Nom, Prénom)',
      text: lines('personne;ville;n', 'Dupont, Jean;Caen;1', 'Martin, Paul;Vire;2', 'Durand, Léa;Saint-Lô;3'),
      delimiter: ';',
    },
    {
      name: 'finds "," when quoted cells hold semicolons',
      text: lines('a,b,c', '"x;y;z",1,2', '"u;v;w",3,4', '"p;q;r",5,6'),
      delimiter: ',',
    },
    {
      name: 'finds "," with quoted decimal commas',
      text: lines('age,pct', '0-14,"12,5"', '15-29,"17,5"'),
      delimiter: ',',
    },
    {
      name: 'finds ";" after twelve title lines (papaparse gives up after about ten)',
      text: lines(
        ...Array.from({length: 12}, (_, i) => `Tableau ${i + 1} : population`),
        'age;pct',
        '0-14;12,5',
        '15-29;17,5',
        '30-44;20,5',
        '45-59;21,0',
        '60 +;28,5',
      ),
      delimiter: ';',
    },
    {
      name: 'finds ";" after title lines holding commas when every data row has one decimal comma (those commas are decimals, not delimiters)',
      text: lines(
        'Fréquentation des EPN',
        'Région Normandie, 2023',
        'Unité : personnes, sauf mention contraire',
        'Version 2, corrigée',
        'Précision : chiffres arrondis, total non additif',
        'département;structures;inscrits;part',
        'Calvados;42;3 120;31,5',
        'Manche;37;2 410;24,3',
        'Orne;21;1 050;10,6',
      ),
      delimiter: ';',
    },
    {
      name: 'finds ";" when titles before the header and notes after it hold commas',
      text: lines(
        'Population, par sexe et âge, 2023',
        '',
        'sexe;0-19;20-39;40 +',
        'Hommes;12;13;14',
        'Femmes;11;12;15',
        '',
        'Source : Insee, estimations, janvier 2024',
      ),
      delimiter: ';',
    },
    {
      name: 'finds ";" when some rows are short',
      text: lines('a;b;c;d', '1;2;3;4', '5;6', '7;8;9;10', '11;12;13;14'),
      delimiter: ';',
    },
    {name: 'finds ";" with CRLF line ends', text: 'a;b\r\n1;2\r\n3;4\r\n', delimiter: ';'},
    {name: 'finds ";" with CR line ends (old Mac Excel)', text: 'a;b\r1;2\r3;4\r', delimiter: ';'},
    {
      name: 'finds ";" across a quoted field holding a line break',
      text: lines('a;b', '"x', 'y";1', 'z;2'),
      delimiter: ';',
    },
    {
      name: 'prefers ";" on a tie (one comma and one semicolon per line)',
      text: lines('a;b,c', '1;2,3'),
      delimiter: ';',
    },
    {
      name: 'prefers, on a tie, the delimiter that leaves every quote at the start of a field',
      text: lines('a,";é",J,h', '1,";a",,2'),
      delimiter: ',',
    },
    {
      name: 'finds a tab when "," would split quoted fields and decimal commas',
      text: lines('a\tu\t",a"', 'x\t-0,1\t', 'y\t2,5\t"é,a"'),
      delimiter: '\t',
    },
    {
      name: 'reads a one-column file with a quoted header holding a comma and French decimals as one column',
      text: lines('"taux, en %"', '12,5', '7,25'),
      delimiter: ';',
    },
    {
      name: 'gives a delimiter absent from a one-column file, so that nothing is split',
      text: lines('commune', 'Caen', 'Bayeux'),
      delimiter: ';',
    },
    {
      name: 'reads a one-column file of French decimals as one column, not split on ","',
      text: lines('valeur', '12,5', '13,5', '1,25'),
      delimiter: ';',
    },
  ];
  for (const c of cases) {
    it(`sniffDelimiter(text) ${c.name}`, () => {
      expect(sniffDelimiter(c.text)).to.equal(c.delimiter);
    });
  }
});

describe('parseCsv(text): delimiters', () => {
  it('parseCsv(text) reads the two-column age;pct file as ";" with decimal numbers, never "12" plus an extra "5"', () => {
    const t = parseCsv(lines('age;pct', '0-14;12,5', '15-29;17,5'));
    expect(t.meta.delimiter).to.equal(';');
    expect(t.columns).to.deep.equal(['age', 'pct']);
    expect(t.rows).to.deep.equal([
      ['0-14', 12.5],
      ['15-29', 17.5],
    ]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  for (const [name, d] of [
    ['","', ','],
    ['a tab', '\t'],
    ['"|"', '|'],
    ['";"', ';'],
  ] as const) {
    it(`parseCsv(text) reads a ${name}-delimited file`, () => {
      const row = (...cells: string[]) => cells.map((c) => (c.includes(d) ? `"${c}"` : c)).join(d);
      const t = parseCsv(
        lines(row('sexe', 'effectif', 'part'), row('Hommes', '793', '47,9 %'), row('Femmes', '561', '52,1 %')),
      );
      expect(t.meta.delimiter).to.equal(d);
      expect(t.rows).to.deep.equal([
        ['Hommes', 793, 47.9],
        ['Femmes', 561, 52.1],
      ]);
    });
  }

  it('parseCsv(text) reads a one-column file', () => {
    const t = parseCsv(lines('commune', 'Caen', 'Bayeux', ''));
    expect(t.columns).to.deep.equal(['commune']);
    expect(t.rows).to.deep.equal([['Caen'], ['Bayeux']]);
    expect(t.meta.issues).to.deep.equal([]);
  });

  it('parseCsv(text) reads a one-column file of French decimals as numbers', () => {
    const t = parseCsv(lines('taux', '12,5', '7,25', '1 234,5'));
    expect(t.columns).to.deep.equal(['taux']);
    expect(t.rows).to.deep.equal([[12.5], [7.25], [1234.5]]);
  });

  it('parseCsv(text, {delimiter}) lets an explicit delimiter win over the sniffed one', () => {
    const text = lines('a,b;c', '1,2;3', '4,5;6');
    expect(parseCsv(text).columns).to.deep.equal(['a,b', 'c']);
    const t = parseCsv(text, {delimiter: ','});
    expect(t.meta.delimiter).to.equal(',');
    expect(t.columns).to.deep.equal(['a', 'b;c']);
    expect(t.rows).to.deep.equal([
      [1, '2;3'],
      [4, '5;6'],
    ]);
  });

  it('parseCsv(text, {delimiter}) accepts "tab" and the two characters \\t (as typed in an HTML attribute) for a tab', () => {
    for (const delimiter of ['\t', 'tab', '\\t']) {
      const t = parseCsv('a\tb\n1\t2', {delimiter});
      expect(t.meta.delimiter).to.equal('\t');
      expect(t.rows).to.deep.equal([[1, 2]]);
    }
  });

  it('parseCsv(text, {delimiter: null}) sniffs, as when the option is absent', () => {
    expect(parseCsv('a|b\n1|2', {delimiter: null}).meta.delimiter).to.equal('|');
  });

  const bad: Array<[string, unknown]> = [
    ['two characters', ';;'],
    ['an empty string', ''],
    ['a quote', '"'],
    ['a line break', '\n'],
    ['a number', 5],
  ];
  for (const [name, delimiter] of bad) {
    it(`parseCsv(text, {delimiter}) throws BAD_OPTION for ${name}`, () => {
      const e = thrown(() => parseCsv('a;b\n1;2', {delimiter: delimiter as string}));
      expect(e).to.be.instanceOf(EpnDataError);
      expect(e.code).to.equal('BAD_OPTION');
      expect(e.message).to.match(
        /^Réglage non compris : séparateur « .* » \(un seul caractère : ; , \| ou tabulation\)\.$/s,
      );
      expect(e.localizedMessage('en')).to.match(
        /^Setting not understood: delimiter ".*" \(one character: ; , \| or tab\)\.$/s,
      );
    });
  }
});
