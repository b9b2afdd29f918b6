// ageBands, SEED_AGE_BANDS, parseAgeLabel and orderAgeLabels.
import {ageBands, orderAgeLabels, parseAgeLabel, SEED_AGE_BANDS} from '@epn/stats';
import {describe, expect, it, thrown} from '../harness.js';

describe('ageBands', () => {
  it('ageBands(lowerBounds) labels each band up to the next bound minus one, the last one open', () => {
    expect(ageBands([0, 18, 65]).labels).to.deep.equal(['0-17', '18-64', '65 +']);
    expect(ageBands([0]).labels).to.deep.equal(['0 +']);
    expect(ageBands([15, 25]).labels).to.deep.equal(['15-24', '25 +']);
  });

  it('ageBands(lowerBounds, labels) keeps the labels given', () => {
    const b = ageBands([0, 18, 65], ['jeunes', 'adultes', 'seniors']);
    expect(b.labels).to.deep.equal(['jeunes', 'adultes', 'seniors']);
    expect(b.lowerBounds).to.deep.equal([0, 18, 65]);
    expect(b.labelOf(40)).to.equal('adultes');
  });

  it('ageBands(lowerBounds).bandOf(age) finds the band of whole ages at and around each bound', () => {
    const b = ageBands([0, 18, 65]);
    expect([0, 17, 18, 64, 65].map((a) => b.bandOf(a))).to.deep.equal([0, 0, 1, 1, 2]);
  });

  it('ageBands(lowerBounds).bandOf(age) floors decimal ages to completed years', () => {
    const b = ageBands([0, 18, 65]);
    expect([17.999, 18.0001, 64.5, 0.5].map((a) => b.bandOf(a))).to.deep.equal([0, 1, 1, 0]);
  });

  it('ageBands(lowerBounds).bandOf(age) puts every age from the last bound up in the open last band', () => {
    const b = ageBands([0, 18, 65]);
    expect([65, 99, 120, 1e6].map((a) => b.bandOf(a))).to.deep.equal([2, 2, 2, 2]);
  });

  it('ageBands(lowerBounds).bandOf(age) is -1 for negative ages and ages below the first bound', () => {
    expect([-1, -0.5, -100].map((a) => ageBands([0, 18]).bandOf(a))).to.deep.equal([-1, -1, -1]);
    expect([5, 9.99].map((a) => ageBands([10, 18]).bandOf(a))).to.deep.equal([-1, -1]);
    expect(ageBands([0, 18]).bandOf(-0)).to.equal(0);
  });

  it('ageBands(lowerBounds).bandOf(age) is -1 for NaN, ±Infinity, null and undefined', () => {
    const b = ageBands([0, 18]);
    expect([NaN, Infinity, -Infinity, null, undefined].map((a) => b.bandOf(a))).to.deep.equal([-1, -1, -1, -1, -1]);
  });

  it('ageBands(lowerBounds).labelOf(age) gives the label, or null where bandOf gives -1', () => {
    const b = ageBands([0, 18, 65]);
    expect([b.labelOf(70), b.labelOf(17.9), b.labelOf(-1), b.labelOf(NaN), b.labelOf(null)]).to.deep.equal([
      '65 +',
      '0-17',
      null,
      null,
      null,
    ]);
  });

  it('ageBands(lowerBounds) is frozen: its bounds and labels cannot be changed', () => {
    const b = ageBands([0, 18]);
    expect(Object.isFrozen(b)).to.equal(true);
    expect(Object.isFrozen(b.lowerBounds)).to.equal(true);
    expect(Object.isFrozen(b.labels)).to.equal(true);
  });

  it('ageBands(lowerBounds) copies its input: changing the array afterwards changes nothing', () => {
    const bounds = [0, 18];
    const b = ageBands(bounds);
    bounds.push(65);
    expect(b.labels).to.deep.equal(['0-17', '18 +']);
  });

  it('ageBands(lowerBounds) throws BAD_OPTION for bounds not strictly increasing', () => {
    const e = thrown(() => ageBands([0, 18, 18]));
    expect(e.code).to.equal('BAD_OPTION');
    expect(e.message).to.equal(
      "Réglage non compris : tranches d'âge « 0, 18, 18 » : des âges entiers croissants, par exemple 0, 18, 65.",
    );
    expect(thrown(() => ageBands([65, 18, 0])).code).to.equal('BAD_OPTION');
  });

  it('ageBands(lowerBounds) throws BAD_OPTION for an empty list, decimals, negatives, NaN and Infinity', () => {
    for (const bad of [[], [0, 1.5], [-1, 5], [0, NaN], [0, Infinity]]) {
      expect(thrown(() => ageBands(bad)).code, JSON.stringify(bad)).to.equal('BAD_OPTION');
    }
  });

  it('ageBands(lowerBounds) throws BAD_OPTION for bounds that are not a list', () => {
    expect(thrown(() => ageBands('0,18,65' as never)).code).to.equal('BAD_OPTION');
    expect(thrown(() => ageBands(undefined as never)).code).to.equal('BAD_OPTION');
  });

  it('ageBands(lowerBounds, labels) throws BAD_OPTION when the label count differs', () => {
    const e = thrown(() => ageBands([0, 18], ['jeunes']));
    expect(e.code).to.equal('BAD_OPTION');
    expect(e.message).to.equal("Réglage non compris : 1 libellés pour 2 tranches d'âge.");
  });

  it('ageBands(lowerBounds, labels) throws BAD_OPTION for repeated or empty labels', () => {
    expect(thrown(() => ageBands([0, 18], ['a', 'a'])).code).to.equal('BAD_OPTION');
    expect(thrown(() => ageBands([0, 18], ['a', ' '])).code).to.equal('BAD_OPTION');
  });
});

describe('SEED_AGE_BANDS', () => {
  it("SEED_AGE_BANDS has the source's eight labels and the lower bounds 0, 11, 18, 26, 36, 46, 56, 66", () => {
    expect(SEED_AGE_BANDS.labels).to.deep.equal(['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +']);
    expect(SEED_AGE_BANDS.lowerBounds).to.deep.equal([0, 11, 18, 26, 36, 46, 56, 66]);
  });

  it('SEED_AGE_BANDS.labelOf(age) puts 10 in -11, 11 in 11-17, 65 in 56-65 and 66 in 65 +', () => {
    const ages = [0, 10, 10.9, 11, 17, 18, 25, 26, 35, 36, 45, 46, 55, 56, 65, 65.5, 66, 120];
    expect(ages.map((a) => SEED_AGE_BANDS.labelOf(a))).to.deep.equal([
      '-11',
      '-11',
      '-11',
      '11-17',
      '11-17',
      '18-25',
      '18-25',
      '26-35',
      '26-35',
      '36-45',
      '36-45',
      '46-55',
      '46-55',
      '56-65',
      '56-65',
      '56-65',
      '65 +',
      '65 +',
    ]);
  });
});

describe('parseAgeLabel', () => {
  const forms: Array<[string, {lower: number; upper: number | null}]> = [
    ['- 11', {lower: 0, upper: 10}],
    ['-11', {lower: 0, upper: 10}],
    ['Moins de 15 ans', {lower: 0, upper: 14}],
    ['11-17', {lower: 11, upper: 17}],
    ['00-04', {lower: 0, upper: 4}],
    ['0 à 4 ans', {lower: 0, upper: 4}],
    ['0 à 19 ans', {lower: 0, upper: 19}],
    ['de 20 à 39 ans', {lower: 20, upper: 39}],
    ['De 20 à 39 ans', {lower: 20, upper: 39}],
    ['65 +', {lower: 65, upper: null}],
    ['75+', {lower: 75, upper: null}],
    ['75 ans ou plus', {lower: 75, upper: null}],
    ['95 ans ou plus', {lower: 95, upper: null}],
    ['95 ans et plus', {lower: 95, upper: null}],
    ['80 ans et +', {lower: 80, upper: null}],
    ['15 to 29', {lower: 15, upper: 29}],
    ['40 ans', {lower: 40, upper: 40}],
  ];
  for (const [label, range] of forms) {
    it(`parseAgeLabel(${JSON.stringify(label)}) is ${range.lower} to ${range.upper ?? 'open'}`, () => {
      expect(parseAgeLabel(label)).to.deep.equal(range);
    });
  }

  it('parseAgeLabel(label) ignores case, accents, stray and no-break spaces and en dashes', () => {
    expect(parseAgeLabel(' 0 A 4 ANS ')).to.deep.equal({lower: 0, upper: 4});
    expect(parseAgeLabel('18\u201325')).to.deep.equal({lower: 18, upper: 25});
    expect(parseAgeLabel('65\u00a0+')).to.deep.equal({lower: 65, upper: null});
    expect(parseAgeLabel('0 - 4 ans')).to.deep.equal({lower: 0, upper: 4});
  });

  it('parseAgeLabel(label) reads English forms: under 5, 80 and over', () => {
    expect(parseAgeLabel('under 5')).to.deep.equal({lower: 0, upper: 4});
    expect(parseAgeLabel('80 and over')).to.deep.equal({lower: 80, upper: null});
  });

  it('parseAgeLabel(label) is null for a label that is not an age band', () => {
    expect(['Hommes', 'Total', '', 'ans', '2A'].map(parseAgeLabel)).to.deep.equal([null, null, null, null, null]);
  });

  it('parseAgeLabel(label) is null for a reversed band (17-11)', () => {
    expect(parseAgeLabel('17-11')).to.equal(null);
  });
});

describe('orderAgeLabels', () => {
  it('orderAgeLabels(labels) orders by lower bound and gives the order as indexes', () => {
    expect(orderAgeLabels(['65 +', '- 11', '11-17'])?.order).to.deep.equal([1, 2, 0]);
  });

  it('orderAgeLabels(labels) orders every form together: 00-04, 5 à 14 ans, Moins de 15 ans… by lower then upper bound', () => {
    const labels = ['95 ans ou plus', '65 +', '00-04', 'Moins de 15 ans', '5 à 14 ans'];
    const r = orderAgeLabels(labels)!;
    expect(r.order.map((i) => labels[i])).to.deep.equal([
      '00-04',
      'Moins de 15 ans',
      '5 à 14 ans',
      '65 +',
      '95 ans ou plus',
    ]);
    expect(r.ranges[0]).to.deep.equal({lower: 95, upper: null});
  });

  it('orderAgeLabels(labels) records no issue for a partition of ages', () => {
    expect(orderAgeLabels(['15-64', 'Moins de 15 ans', '65 ans ou plus'])!.issues).to.deep.equal([]);
  });

  it("orderAgeLabels(labels) records the seed's overlap at 65 (56-65 / 65 +)", () => {
    const r = orderAgeLabels(['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'])!;
    expect(r.order).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.issues).to.deep.equal([
      {code: 'BAND_OVERLAP', raw: '56-65 / 65 +', message: "Les tranches d'âge « 56-65 » et « 65 + » se chevauchent."},
    ]);
  });

  it('orderAgeLabels(labels) records a gap with the missing ages', () => {
    expect(orderAgeLabels(['0-17', '25 +'])!.issues).to.deep.equal([
      {
        code: 'BAND_GAP',
        raw: '0-17 / 25 +',
        message: 'Il manque des âges entre les tranches « 0-17 » et « 25 + » (18 à 24 ans).',
      },
    ]);
  });

  it('orderAgeLabels(labels) compares each band with all the younger ones: a wide band overlapping two is reported', () => {
    const r = orderAgeLabels(['0-14', '5-9', '10-19', '20 +'])!;
    expect(r.issues.map((i) => [i.code, i.raw])).to.deep.equal([
      ['BAND_OVERLAP', '0-14 / 5-9'],
      ['BAND_OVERLAP', '0-14 / 10-19'],
    ]);
  });

  it('orderAgeLabels(labels) does not report as missing the ages a wide band covers', () => {
    const r = orderAgeLabels(['0-14', '5-9', '20 +'])!;
    expect(r.issues.map((i) => i.code)).to.deep.equal(['BAND_OVERLAP', 'BAND_GAP']);
    expect(r.issues[1]!.message).to.equal('Il manque des âges entre les tranches « 0-14 » et « 20 + » (15 à 19 ans).');
  });

  it('orderAgeLabels(labels) reports two open bands as overlapping', () => {
    expect(orderAgeLabels(['75 +', '65 +'])!.issues.map((i) => i.raw)).to.deep.equal(['65 + / 75 +']);
  });

  it('orderAgeLabels(labels) keeps equal bands in their given order and reports them as overlapping', () => {
    const r = orderAgeLabels(['00-04', '0 à 4 ans'])!;
    expect(r.order).to.deep.equal([0, 1]);
    expect(r.issues.map((i) => i.code)).to.deep.equal(['BAND_OVERLAP']);
  });

  it('orderAgeLabels(labels) is null when one label is not an age band', () => {
    expect(orderAgeLabels(['0-17', 'Total'])).to.equal(null);
  });

  it('orderAgeLabels([]) is an empty order without issues', () => {
    expect(orderAgeLabels([])).to.deep.equal({order: [], ranges: [], issues: []});
  });
});
