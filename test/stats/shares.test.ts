// shares (fractions of the grand, row or column total) and ratio.
import {crossTab, parseCsv, ratio, readCrossTab, shares, type CrossTab} from '@epn/stats';
import {describe, expect, it, thrown} from '../harness.js';

const table = (csv: string): CrossTab => readCrossTab(parseCsv(csv));

describe('shares', () => {
  const ct = table('sexe;a;b\nHommes;1;3\nFemmes;2;2');

  it("shares(ct, 'total') divides each cell by the grand total", () => {
    expect(shares(ct, 'total')).to.deep.equal([
      [1 / 8, 3 / 8],
      [2 / 8, 2 / 8],
    ]);
  });

  it("shares(ct, 'row') divides each cell by its row's total", () => {
    expect(shares(ct, 'row')).to.deep.equal([
      [0.25, 0.75],
      [0.5, 0.5],
    ]);
  });

  it("shares(ct, 'column') divides each cell by its column's total", () => {
    expect(shares(ct, 'column')).to.deep.equal([
      [1 / 3, 0.6],
      [2 / 3, 0.4],
    ]);
  });

  it("shares(ct, 'row') gives null where the row total is 0, never NaN", () => {
    expect(shares(table('cat;a;b\nX;0;0\nY;1;3'), 'row')).to.deep.equal([
      [null, null],
      [0.25, 0.75],
    ]);
  });

  it("shares(ct, 'column') gives 0 for a zero cell of a non-zero column and null for a zero column", () => {
    expect(shares(table('cat;a;b\nX;0;0\nY;1;0'), 'column')).to.deep.equal([
      [0, null],
      [1, null],
    ]);
  });

  it("shares(ct, 'total') gives null everywhere when the grand total is 0 (all-zero data), never Infinity or NaN", () => {
    expect(shares(table('cat;a;b\nX;0;0\nY;0;0'), 'total')).to.deep.equal([
      [null, null],
      [null, null],
    ]);
  });

  it("shares(ct, 'total') gives null where the cell is unknown (secret) and where the total is unknown", () => {
    const secret = table('cat;a;b\nX;s;2\nY;1;3');
    expect(shares(secret, 'total')).to.deep.equal([
      [null, null],
      [null, null],
    ]);
    expect(shares(secret, 'row')).to.deep.equal([
      [null, null],
      [0.25, 0.75],
    ]);
    expect(shares(secret, 'column')).to.deep.equal([
      [null, 0.4],
      [null, 0.6],
    ]);
  });

  it("shares(ct, 'column') uses the given totals: rates over distinct respondents in a multi-response table", () => {
    const multi = table('équipement;11-17;Total\nOrdinateur;901;3620\nInternet;802;3021\nTotal;1055;4541');
    expect(shares(multi, 'column')).to.deep.equal([[901 / 1055], [802 / 1055]]);
    expect(shares(multi, 'row')).to.deep.equal([[901 / 3620], [802 / 3021]]);
  });

  it("shares(ct, 'row') of a single-row table is 1 split across the columns", () => {
    expect(shares(table('cat;a;b\nX;1;4'), 'row')).to.deep.equal([[0.2, 0.8]]);
  });

  it('shares(ct, basis) keeps the shape of the counts, and leaves the cross-tab unchanged', () => {
    const long = crossTab(parseCsv('sexe;age\nH;10\nF;12\nF;70'), {rows: 'sexe', columns: 'age', bands: [0, 18, 65]});
    const before = JSON.stringify(long);
    const s = shares(long, 'row');
    expect(s).to.deep.equal([
      [1, 0, 0],
      [0.5, 0, 0.5],
    ]);
    expect(JSON.stringify(long)).to.equal(before);
  });

  it("shares(ct, 'row') gives [[0.25, 0.75], [null, null]] for the rows 1;3 and 0;0 (its documented example)", () => {
    expect(shares(readCrossTab(parseCsv('sexe;a;b\nHommes;1;3\nFemmes;0;0')), 'row')).to.deep.equal([
      [0.25, 0.75],
      [null, null],
    ]);
  });

  it('shares(ct, basis) throws BAD_OPTION in French for an unknown basis', () => {
    const e = thrown(() => shares(ct, 'rows' as never));
    expect(e.code).to.equal('BAD_OPTION');
    expect(e.message).to.equal('Réglage non compris : base de pourcentage « rows » (total, row ou column).');
    expect(thrown(() => shares(ct, undefined as never)).code).to.equal('BAD_OPTION');
  });
});

describe('ratio', () => {
  it('ratio(numerator, denominator) divides', () => {
    expect(ratio(745000, 65691)).to.equal(745000 / 65691);
    expect(ratio(1, 4)).to.equal(0.25);
    expect(ratio(-3, 4)).to.equal(-0.75);
  });

  it('ratio(n, 0) is null, never Infinity; ratio(0, 0) is null, never NaN', () => {
    expect([ratio(5, 0), ratio(-5, 0), ratio(0, 0), ratio(5, -0)]).to.deep.equal([null, null, null, null]);
  });

  it('ratio(numerator, denominator) is null when either is null or undefined', () => {
    expect([ratio(null, 1), ratio(1, null), ratio(undefined, 1), ratio(1, undefined)]).to.deep.equal([
      null,
      null,
      null,
      null,
    ]);
  });

  it('ratio(numerator, denominator) is null when either is NaN or infinite', () => {
    expect([ratio(NaN, 1), ratio(1, NaN), ratio(Infinity, 1), ratio(1, Infinity), ratio(-Infinity, 2)]).to.deep.equal([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('ratio(numerator, denominator) is null when the quotient overflows to Infinity', () => {
    expect(ratio(1e308, 1e-308)).to.equal(null);
  });

  it('ratio(0, negative) is 0, never -0', () => {
    expect(Object.is(ratio(0, -5), 0)).to.equal(true);
    expect(Object.is(ratio(-0, 5), 0)).to.equal(true);
  });
});
