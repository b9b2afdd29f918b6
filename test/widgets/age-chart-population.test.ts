import '@epn/widgets/define.js';
import {parseCsv, readCrossTab, readPopulation, reach} from '@epn/stats';
import {layoutPyramid, type EpnAgeChart} from '@epn/widgets/testing.js';
import fc from 'fast-check';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it} from '../harness.js';
import {assertFiniteSvg, fixtureUrl, settled, shadow} from './helpers.js';

const SEED = fixtureUrl('seed/inscrits-sexe-age.csv');
const INSEE = fixtureUrl('real/insee-estim-pop-dep-2023.csv');
const SINGLE = fixtureUrl('real/pyramide-toulouse-montpellier-2021.csv');
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim());
const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

describe('<epn-age-chart population-src>', () => {
  it('draws the population as outlines behind the bars, both as shares, estimated bands dashed', async () => {
    const el = await fixture<EpnAgeChart>(
      html`<epn-age-chart src=${SEED} population-src=${INSEE} population-area="Calvados, Manche, Orne"></epn-age-chart>`,
    );
    await settled(el);
    const root = shadow(el);
    expect(root.querySelectorAll('rect.outline')).to.have.length(16);
    expect(root.querySelectorAll('rect.outline.estimated')).to.have.length(16);
    expect(texts(root, 'text.value')[0]).to.match(/\u00a0%$/);
    assertFiniteSvg(root);
  });

  it('the table adds the population share and the index; the sentence names the extreme bands, estimated', async () => {
    const el = await fixture<EpnAgeChart>(
      html`<epn-age-chart src=${SEED} population-src=${INSEE} population-area="14, 50, 61"></epn-age-chart>`,
    );
    await settled(el);
    const root = shadow(el);
    const users = readCrossTab(parseCsv(await bytes(SEED)));
    const pop = readPopulation(parseCsv(await bytes(INSEE)), {area: '14,50,61'});
    const r = reach(users, pop);
    const table = root.querySelector('table')!;
    expect(texts(table, 'thead th')).to.deep.equal([
      "Tranche d'âge",
      'Hommes',
      'Femmes',
      'Total',
      'Part de la population',
      'Indice de représentation',
    ]);
    const last = Array.from(table.querySelectorAll('tbody tr'))[7]!;
    const pct = (v: number) => `${(v * 100).toFixed(1).replace('.', ',')}\u00a0%`;
    expect(texts(last, 'th, td')).to.deep.equal([
      '65 + (population estimée)',
      texts(last, 'td')[0],
      texts(last, 'td')[1],
      texts(last, 'td')[2],
      pct(r.bands[7]!.populationShare!),
      r.bands[7]!.index!.toFixed(2).replace('.', ','),
    ]);
    const summary = root.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain(
      `Les plus sous-représentés\u00a0: les 65\u00a0ans et plus sont ${pct(r.bands[7]!.userShare!)} des inscrits et ${pct(r.bands[7]!.populationShare!)} de la population (population estimée).`,
    );
    expect(summary).to.contain('Les plus surreprésentés\u00a0: les 11-17\u00a0ans sont');
    expect(texts(root, '.note').join(' ')).to.contain('Population estimée pour les tranches');
    await expect(el).to.be.accessible();
  });

  it('a single-year population is exact: no estimate said, nothing dashed', async () => {
    const el = await fixture<EpnAgeChart>(
      html`<epn-age-chart src=${SEED} population-src=${SINGLE} population-area="Toulouse"></epn-age-chart>`,
    );
    await settled(el);
    const root = shadow(el);
    expect(root.querySelectorAll('rect.outline')).to.have.length(16);
    expect(root.querySelectorAll('rect.outline.estimated')).to.have.length(0);
    expect(root.querySelector('[part="summary"]')!.textContent).not.to.contain('estimée');
    await expect(el).to.be.accessible();
  });

  it('users one row per person, counted as the file streams, wait for the population and get its outline', async () => {
    const el = document.createElement('epn-age-chart');
    const events: string[] = [];
    el.addEventListener('epn-load', () => events.push('load'));
    el.addEventListener('epn-error', () => events.push('error'));
    el.setAttribute('age-column', 'age');
    el.setAttribute('bands', '0,20,40,60,75');
    el.setAttribute('population-src', '/__epn__/slow/400/real/insee-estim-pop-dep-2023.csv');
    el.setAttribute('population-area', 'Orne');
    el.src = fixtureUrl('widgets/pyramid-people.csv');
    document.body.append(el);
    await settled(el);
    expect(events).to.deep.equal(['load']);
    const root = shadow(el);
    expect(root.querySelectorAll('rect.outline')).to.have.length(10);
    // INSEE's broad bands are the users' bands: exact, nothing dashed.
    expect(root.querySelectorAll('rect.outline.estimated')).to.have.length(0);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('an unknown territory is an alert; accessible', async () => {
    const el = await fixture<EpnAgeChart>(
      html`<epn-age-chart src=${SEED} population-src=${INSEE} population-area="Atlantide"></epn-age-chart>`,
    );
    await settled(el).catch(() => undefined);
    for (let i = 0; i < 50 && !shadow(el).querySelector('[role="alert"]'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('Atlantide');
    await expect(el).to.be.accessible();
  });
});

describe('layoutPyramid with a population outline (pure)', () => {
  it('every number is finite, and each label clears both its bar and its outline', () => {
    const value = fc.oneof(fc.constant(null), fc.double({min: 0, max: 1, noNaN: true}));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value, value), {minLength: 1, maxLength: 20}),
        fc.integer({min: -5, max: 4000}),
        (rows, width) => {
          const l = layoutPyramid(
            {
              bands: rows.map((_, i) => `b${i}`),
              men: rows.map((r) => r[0]),
              women: rows.map((r) => r[1]),
              outline: {men: rows.map((r) => r[2]), women: rows.map((r) => r[3])},
              format: (v) => String(v),
            },
            width,
          );
          return l.rows.every((r) => {
            const o = r.outline!;
            const nums = [
              r.y,
              r.men.x,
              r.men.width,
              r.women.width,
              r.men.labelX,
              r.women.labelX,
              o.men.x,
              o.men.width,
              o.women.x,
              o.women.width,
            ];
            return (
              nums.every(Number.isFinite) &&
              r.men.labelX <= Math.min(r.men.x, o.men.x) &&
              r.women.labelX >= Math.max(r.women.x + r.women.width, o.women.x + o.women.width)
            );
          });
        },
      ),
      {numRuns: 300},
    );
  });
});
