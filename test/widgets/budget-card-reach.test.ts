// The seed's « % population inscrite dans les EPN à l'année : 4 % à 5 % (hors 0-9 ans et + de 75 ans) », with the
// seed's method (registered ÷ population aged 10 to 74) on INSEE's 2023 estimates for Calvados + Manche + Orne.
import '@epn/widgets/define.js';
import {parseCsv, readPopulation, harmonise} from '@epn/stats';
import {budgetFigures, type EpnBudgetCard} from '@epn/widgets/testing.js';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it, fixture as bytes} from '../harness.js';
import {settled, shadow, fixtureUrl} from './helpers.js';

const INSEE = fixtureUrl('real/insee-estim-pop-dep-2023.csv');
const NB = '\u00a0';
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim() ?? '');

describe('<epn-budget-card reach-ages>: the share of the population registered', () => {
  it('budgetFigures: 65 691 ÷ the 10-74 year olds of 2023 (0-19 counted for 10 of its 20 ages) = 5,8 %', async () => {
    const table = parseCsv(await bytes('real/insee-estim-pop-dep-2023.csv'));
    const m = budgetFigures(null, {
      budget: '1050000',
      registered: '65691',
      populationTable: table,
      territory: 'Calvados, Manche, Orne',
      reachAges: '10-74',
      match: 'estimate',
    });
    // 0-19: 323 323 × 10/20, then 20-39, 40-59, 60-74 whole; 75+ left out.
    const population = 323_323 / 2 + 308_449 + 365_300 + 295_909;
    expect(m.reach!.population.value).to.be.closeTo(population, 1e-6);
    expect(m.reach!.population.estimated).to.equal(true);
    expect(m.reach!.rate).to.be.closeTo(65_691 / population, 1e-12);
    // The same population as the core's harmonise into 10-year cuts at 10 and 75.
    const h = harmonise(readPopulation(table, {area: 'Calvados, Manche, Orne', group: 'Ensemble'}), [0, 10, 75]);
    expect(h.counts[0]![1]).to.be.closeTo(population, 1e-6);
    // Without an estimate: the bands inside 10-74 are 20-74 (6,8 %), those touching it 0-74 (5,1 %).
    const inside = budgetFigures(null, {
      budget: '1050000',
      registered: '65691',
      populationTable: table,
      territory: 'Calvados, Manche, Orne',
      reachAges: '10-74',
    });
    expect(inside.reach!.population.value).to.equal(308_449 + 365_300 + 295_909);
    expect(inside.reach!.population.estimated).to.equal(false);
  });

  it('shows the tile with the exclusions in its label, the sentence and the estimate note; accessible', async () => {
    const el = await fixture<EpnBudgetCard>(html`<epn-budget-card budget="1050000" registered="65691" year="2023"
      population-src=${INSEE} territory="Calvados, Manche, Orne" reach-ages="10-74" age-match="estimate"></epn-budget-card>`);
    await settled(el);
    const root = shadow(el);
    const labels = texts(root, '.tile dt');
    const values = texts(root, '.tile .value');
    expect(labels[labels.length - 1]).to.equal(
      'Part de la population inscrite (hors 0 à 9 ans et 75 ans ou plus) (estimation)',
    );
    expect(values[values.length - 1]).to.equal(`5,8${NB}%`);
    const sentence = root.querySelector('[part="summary"]')!.textContent!;
    expect(sentence).to.contain(
      `Les 65\u202f691 inscrits représentent 5,8${NB}% des habitants de 10 à 74 ans (estimation).`,
    );
    expect(texts(root, '.note').join(' ')).to.contain('estimée : les tranches 0-19 (50');
    await expect(el).to.be.accessible();
  });

  it("without an estimate the label says the ages the file allows (20 to 74 for 10-74 with INSEE's bands)", async () => {
    const el = await fixture<EpnBudgetCard>(html`<epn-budget-card budget="1050000" registered="65691"
      population-src=${INSEE} territory="14, 50, 61" reach-ages="10-74"></epn-budget-card>`);
    await settled(el);
    const labels = texts(shadow(el), '.tile dt');
    expect(labels[labels.length - 1]).to.equal('Part de la population inscrite (hors 0 à 19 ans et 75 ans ou plus)');
    expect(texts(shadow(el), '.tile .value').pop()).to.equal(`6,8${NB}%`);
    await expect(el).to.be.accessible();
  });

  it('reach-ages without population-src is a BAD_OPTION saying to add it', () => {
    expect(() => budgetFigures(null, {budget: '1', registered: '1', reachAges: '10-74'})).to.throw(
      /reach-ages="10-74" demande une table de population/,
    );
  });
});
