// French-aware number reading, cell by cell (parseNumber) and column by column (parseCsv's typing): decimal
// commas, every kind of thousands space, U+2212, percentages, identifier codes that must stay strings, and the
// JavaScript-only spellings (1e5, 0x10, Infinity, NaN) that must never become numbers.
import {parseCsv, parseNumber} from '@epn/stats';
import {describe, expect, it} from '../harness.js';

describe('parseNumber(raw, decimal?)', () => {
  const cases: Array<{name: string; raw: string; decimal?: ',' | '.'; value: number | null}> = [
    {name: 'reads a decimal comma', raw: '12,5', value: 12.5},
    {name: 'reads an integer', raw: '17254', value: 17254},
    {name: 'reads zero as 0', raw: '0', value: 0},
    {name: 'reads thousands separated by a space', raw: '1 234', value: 1234},
    {name: 'reads thousands separated by a no-break space (U+00A0)', raw: '1\u00a0234', value: 1234},
    {name: 'reads thousands separated by a narrow no-break space (U+202F, Intl fr-FR)', raw: '1\u202f234', value: 1234},
    {name: 'reads thousands separated by a thin space (U+2009)', raw: '1\u2009234', value: 1234},
    {name: 'reads several space-separated groups and a decimal comma', raw: '16 019 788,25', value: 16019788.25},
    {name: 'reads dotted thousands with a decimal comma', raw: '1.234,5', value: 1234.5},
    {name: 'reads several dotted groups', raw: '1.234.567', value: 1234567},
    {name: 'reads comma thousands with a decimal dot (English)', raw: '1,234.5', value: 1234.5},
    {name: 'reads a U+2212 minus sign', raw: '\u221212,5', value: -12.5},
    {name: 'reads a hyphen-minus', raw: '-12,5', value: -12.5},
    {name: 'reads a plus sign', raw: '+3', value: 3},
    {name: 'never returns -0', raw: '\u22120,0', value: 0},
    {name: 'reads a percentage with a space before %', raw: '12,5 %', value: 12.5},
    {name: 'reads a percentage with a no-break space before %', raw: '12,5\u00a0%', value: 12.5},
    {name: 'reads a percentage without a space', raw: '4,6%', value: 4.6},
    {name: 'reads a negative percentage', raw: '\u22122,5 %', value: -2.5},
    {name: 'reads an amount in euros', raw: '1 050 000 €', value: 1050000},
    {name: 'trims surrounding white space', raw: '  42  ', value: 42},
    {name: 'reads a dot decimal that cannot be thousands (95.57)', raw: '95.57', value: 95.57},
    {name: 'reads 0.500 as a decimal (a leading 0 is never a thousands group)', raw: '0.500', value: 0.5},
    {name: 'reads 1.234 as 1234 with the French decimal comma (the dot groups thousands)', raw: '1.234', value: 1234},
    {name: 'reads 1,234 as 1.234 with the French decimal comma', raw: '1,234', value: 1.234},
    {name: 'reads 1.234 as 1.234 with decimal "."', raw: '1.234', decimal: '.', value: 1.234},
    {name: 'reads 1,234 as 1234 with decimal "."', raw: '1,234', decimal: '.', value: 1234},
    {
      name: 'reads 12,5 as 12.5 even with decimal "." (a comma before one digit is no thousands group)',
      raw: '12,5',
      decimal: '.',
      value: 12.5,
    },
    {name: 'reads 1 234.5 with a space group and a dot decimal', raw: '1 234.5', value: 1234.5},
    {name: 'returns null for the empty string (never 0)', raw: '', value: null},
    {name: 'returns null for white space only (never 0)', raw: '   ', value: null},
    {name: 'refuses an exponent (1e5)', raw: '1e5', value: null},
    {name: 'refuses an exponent with a decimal comma (1,5E3)', raw: '1,5E3', value: null},
    {name: 'refuses hexadecimal (0x10)', raw: '0x10', value: null},
    {name: 'refuses binary and octal literals', raw: '0b101', value: null},
    {name: 'refuses Infinity', raw: 'Infinity', value: null},
    {name: 'refuses -Infinity', raw: '-Infinity', value: null},
    {name: 'refuses NaN', raw: 'NaN', value: null},
    {name: 'refuses numeric separators (1_000)', raw: '1_000', value: null},
    {name: 'refuses badly grouped digits (12 34)', raw: '12 34', value: null},
    {name: 'refuses a list of numbers (1,2,3)', raw: '1,2,3', value: null},
    {name: 'refuses two decimal parts (12.5.3)', raw: '12.5.3', value: null},
    {name: 'returns null for a zero-padded code (01001)', raw: '01001', value: null},
    {name: 'returns null for a Corsican code (2A004)', raw: '2A004', value: null},
    {name: 'returns null for a marker (s)', raw: 's', value: null},
    {name: 'returns null for a marker (-)', raw: '-', value: null},
    {name: 'returns null for an age band (0-14)', raw: '0-14', value: null},
    {name: 'returns null for an age band with an en dash (15–29)', raw: '15\u201329', value: null},
    {name: 'returns null for a percent sign alone', raw: '%', value: null},
    {name: 'returns null for text', raw: 'Calvados', value: null},
  ];
  for (const c of cases) {
    it(`parseNumber(${JSON.stringify(c.raw)}${c.decimal ? `, '${c.decimal}'` : ''}) ${c.name}`, () => {
      const v = parseNumber(c.raw, c.decimal);
      if (c.value === null) expect(v).to.equal(null);
      else {
        expect(v).to.equal(c.value);
        expect(Object.is(v, -0)).to.equal(false);
      }
    });
  }

  it('parseNumber(raw) never uses parseFloat or Number on the raw text: "12,5" is not 12 and "" is not 0', () => {
    expect(parseNumber('12,5')).to.not.equal(parseFloat('12,5'));
    expect(parseNumber('')).to.not.equal(Number(''));
  });
});

describe('parseCsv(text): typing columns', () => {
  it('parseCsv(text) reads French numbers in every spelling in one column', () => {
    const t = parseCsv(
      'nom;valeur\na;12,5\nb;1 234\nc;1\u00a0234\nd;1\u202f234\ne;1\u2009234\nf;1.234,5\ng;\u221212,5\nh;7',
    );
    expect(t.meta.types).to.deep.equal(['string', 'number']);
    expect(t.rows.map((r) => r[1])).to.deep.equal([12.5, 1234, 1234, 1234, 1234, 1234.5, -12.5, 7]);
    expect(t.meta.decimal).to.equal(',');
  });

  it('parseCsv(text) reads a percentage column as numbers and lists it in meta.percentColumns', () => {
    const t = parseCsv('tranche;part;effectif\n0-14;12,5 %;125\n15-29;17,5 %;175\n30 +;70 %;700');
    expect(t.rows.map((r) => r[1])).to.deep.equal([12.5, 17.5, 70]);
    expect(t.meta.percentColumns).to.deep.equal([1]);
    expect(t.meta.types).to.deep.equal(['string', 'number', 'number']);
  });

  it('parseCsv(text) keeps identifier codes (01001, 2A004, 974) as strings in a code column', () => {
    const t = parseCsv(
      'code;commune;population\n01001;L’Abergement-Clémenciat;832\n2A004;Ajaccio;73 000\n97411;Saint-Denis;153 001\n974;La Réunion;873 102',
    );
    expect(t.meta.types).to.deep.equal(['string', 'string', 'number']);
    expect(t.rows.map((r) => r[0])).to.deep.equal(['01001', '2A004', '97411', '974']);
    expect(t.rows.map((r) => r[2])).to.deep.equal([832, 73000, 153001, 873102]);
  });

  it('parseCsv(text) keeps codes as strings when only the header says so (Code, dep, code_commune_insee, id-epn, codeInsee)', () => {
    for (const header of ['Code', 'dep', 'Code département', 'code_commune_insee', 'id-epn', 'codeInsee', 'N° SIRET']) {
      const t = parseCsv(`${header};effectif\n14118;12\n50129;7\n974;3`);
      expect(t.meta.types, header).to.deep.equal(['string', 'number']);
      expect(
        t.rows.map((r) => r[0]),
        header,
      ).to.deep.equal(['14118', '50129', '974']);
    }
  });

  it('parseCsv(text) reads a zero-padded value as a code even in a column named like a count', () => {
    const t = parseCsv('commune;effectif\nCaen;007\nBayeux;012');
    expect(t.rows.map((r) => r[1])).to.deep.equal(['007', '012']);
  });

  it('parseCsv(text) records 1e5, 0x10, Infinity and NaN in a count column as INVALID_NUMBER issues with null', () => {
    const t = parseCsv('commune;effectif\nA;1e5\nB;0x10\nC;Infinity\nD;NaN\nE;12\nF;13\nG;14');
    expect(t.meta.types[1]).to.equal('number');
    expect(t.rows.map((r) => r[1])).to.deep.equal([null, null, null, null, 12, 13, 14]);
    const issues = t.meta.issues.filter((i) => i.code === 'INVALID_NUMBER');
    expect(issues.map((i) => [i.row, i.column, i.line, i.raw])).to.deep.equal([
      [0, 1, 2, '1e5'],
      [1, 1, 3, '0x10'],
      [2, 1, 4, 'Infinity'],
      [3, 1, 5, 'NaN'],
    ]);
    expect(issues[0]!.message).to.match(/Ligne 2, colonne « effectif » : « 1e5 » n'est pas un nombre lisible/);
    for (const r of t.rows)
      for (const v of r) expect(v === null || typeof v === 'string' || Number.isFinite(v)).to.equal(true);
  });

  it('parseCsv(text) records a stray word among many numbers as INVALID_NUMBER, not as a silent 0', () => {
    const rows = Array.from({length: 12}, (_, i) => `C${i};${i + 1}`);
    rows[5] = 'C5;environ 6';
    const t = parseCsv(`commune;effectif\n${rows.join('\n')}`);
    expect(t.rows[5]![1]).to.equal(null);
    expect(t.meta.issues).to.deep.include({
      code: 'INVALID_NUMBER',
      row: 5,
      column: 1,
      line: 7,
      raw: 'environ 6',
      message:
        "Ligne 7, colonne « effectif » : « environ 6 » n'est pas un nombre lisible ; la cellule est laissée vide.",
    });
  });

  it('parseCsv(text) reads an empty numeric cell as null, never 0, and records it as a marker of kind "empty"', () => {
    const t = parseCsv('commune;hommes;femmes\nCaen;12;\nBayeux;;7\n');
    expect(t.rows).to.deep.equal([
      ['Caen', 12, null],
      ['Bayeux', null, 7],
    ]);
    expect(t.meta.markers).to.deep.equal([
      {row: 0, column: 2, line: 2, raw: '', kind: 'empty'},
      {row: 1, column: 1, line: 3, raw: '', kind: 'empty'},
    ]);
  });

  it('parseCsv(text) reads an empty text cell as null (no marker: markers are for numeric columns)', () => {
    const t = parseCsv('commune;libellé;n\nCaen;;1\nBayeux;x y;2');
    expect(t.rows.map((r) => r[1])).to.deep.equal([null, 'x y']);
    expect(t.meta.markers).to.deep.equal([]);
  });

  it('parseCsv(text) guesses a dot decimal from cells such as 95.57 (English export)', () => {
    const t = parseCsv('indicateur,valeur\netp,95.57\ninscrits,"65,691"\nvisites,1.5');
    expect(t.meta.decimal).to.equal('.');
    expect(t.rows.map((r) => r[1])).to.deep.equal([95.57, 65691, 1.5]);
  });

  it('parseCsv(text) guesses the decimal from number cells only: text such as "Lot 1 234.5" does not count', () => {
    const t = parseCsv('lot;surface\nLot 1 234.5;1,234\nLot 2 345.6;2,5\nLot 3 456.7;3');
    expect(t.meta.decimal).to.equal(',');
    expect(t.rows.map((r) => r[1])).to.deep.equal([1.234, 2.5, 3]);
  });

  it('parseCsv(text, {decimal}) forces the decimal separator over the guess', () => {
    const text = 'commune;surface\nA;1,234\nB;2,5\nC;12,345';
    expect(parseCsv(text).rows.map((r) => r[1])).to.deep.equal([1.234, 2.5, 12.345]);
    expect(parseCsv(text, {decimal: '.'}).rows.map((r) => r[1])).to.deep.equal([1234, 2.5, 12345]);
    expect(parseCsv(text, {decimal: '.'}).meta.decimal).to.equal('.');
  });
});
