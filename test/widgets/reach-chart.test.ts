import '@epn/widgets/define.js';
import {crossTab, parseCsv, readCrossTab, readPopulation, reach} from '@epn/stats';
import {layoutReach, reachSentence, type EpnReachChart} from '@epn/widgets/testing.js';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import fc from 'fast-check';
import {describe, it} from '../harness.js';
import {assertFiniteSvg, fixtureUrl, settled, shadow, atWidth, assertNothingClipped} from './helpers.js';
import {runWidgetBaseTests} from './widget-base-tests.js';

const SEED = fixtureUrl('seed/inscrits-sexe-age.csv');
const INSEE = fixtureUrl('real/insee-estim-pop-dep-2023.csv');
const SINGLE = fixtureUrl('real/pyramide-toulouse-montpellier-2021.csv');
const PEOPLE = fixtureUrl('widgets/pyramid-people.csv');
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim());

runWidgetBaseTests('epn-reach-chart', {
  file: 'seed/inscrits-sexe-age.csv',
  read: {delimiter: ',', columns: ['sexe']},
  attributes: {'population-src': INSEE, 'population-area': 'Orne'},
  empty: () => parseCsv('sexe,0-19,20-39,40-59,60-74,75+\nHommes,0,0,0,0,0\nFemmes,0,0,0,0,0'),
  figures: (root) => root.querySelectorAll('rect.bar').length,
  expected: 8,
  parts: ['chart'],
});

describe('<epn-reach-chart>', () => {
  describe("the seed's users against INSEE 2023 (Calvados + Manche + Orne)", () => {
    it("draws one bar per users' band, hatched where the population is estimated, and the overall rate as a line", async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${INSEE} population-area="Calvados, Manche, Orne" exclude="0-9, 75 +"></epn-reach-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(root.querySelectorAll('rect.bar')).to.have.length(8);
      expect(root.querySelectorAll('rect.bar.estimated')).to.have.length(8);
      // Short labels on the axis (issue 13): `-11` reads « < 11 », never "minus eleven"; no-break spaces.
      expect(texts(root, 'text.band-label')).to.deep.equal([
        '<\u00a011',
        '11-17',
        '18-25',
        '26-35',
        '36-45',
        '46-55',
        '56-65',
        '65\u00a0+',
      ]);
      // The figures are the core's: reach() over the same files.
      const users = readCrossTab(parseCsv(new Uint8Array(await (await fetch(SEED)).arrayBuffer())));
      const pop = readPopulation(parseCsv(new Uint8Array(await (await fetch(INSEE)).arrayBuffer())), {
        area: 'Calvados, Manche, Orne',
      });
      const r = reach(users, pop, {exclude: ['0-9', '75 +']});
      const perK = (v: number) => (v * 1000).toFixed(1).replace('.', ',');
      expect(texts(root, 'text.value')).to.deep.equal(r.bands.map((b) => perK(b.rate!)));
      expect(root.querySelector('.reference text')!.textContent).to.equal(`Ensemble\u00a0: ${perK(r.rate!)}\u00a0‰`);
      assertFiniteSvg(root);
    });

    it('says the overall rate, the most over- and under-represented bands, and that the population is estimated', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${INSEE} population-area="14, 50, 61" exclude="0-9, 75 +"></epn-reach-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      const summary = root.querySelector('[part="summary"]')!.textContent!;
      expect(summary).to.match(
        /^Les inscrits représentent 1,4\u00a0% de la population \(hors 0-9\u00a0ans et 75\u00a0ans et plus\), soit 14,1 pour 1\u00a0000 habitants\./,
      );
      expect(summary).to.contain(
        'Les plus représentés\u00a0: les 11-17\u00a0ans, qui sont 21,0\u00a0% des inscrits et 10,8\u00a0% de la population (population estimée).',
      );
      expect(summary).to.contain(
        'Les moins représentés\u00a0: les 65\u00a0ans et plus, qui sont 3,2\u00a0% des inscrits',
      );
      expect(root.querySelector('svg desc')!.textContent).to.equal(summary);
      const notes = texts(root, '.note').join(' ');
      expect(notes).to.contain('Population estimée pour les tranches moins de 11 ans, 11-17');
      expect(notes).to.contain('Population de\u00a0: Calvados, Manche, Orne.');
      await expect(el).to.be.accessible();
    });

    it('holds users, population, rate, shares and index per band in its table, estimated bands said so', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${INSEE} population-area="Calvados, Manche, Orne" exclude="0-9, 75 +"></epn-reach-chart>`,
      );
      await settled(el);
      const table = shadow(el).querySelector('table')!;
      expect(texts(table, 'thead th')).to.deep.equal([
        "Tranche d'âge",
        'Inscrits',
        'Population',
        'Inscrits pour 1 000 habitants',
        'Part des inscrits',
        'Part de la population',
        'Indice de représentation',
      ]);
      const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => texts(tr, 'th, td'));
      expect(rows[1]![0]).to.equal('11-17 (population estimée)');
      expect(rows[1]![1]).to.equal('3\u202f089');
      expect(rows[0]![0]).to.contain('9\u00a0% de la tranche comptée');
      expect(rows[8]![0]).to.equal('Ensemble');
    });

    it('at 375 px nothing is clipped and every number is finite', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${INSEE} population-area="Calvados, Manche, Orne"></epn-reach-chart>`,
      );
      await settled(el);
      await atWidth(el, 375);
      assertFiniteSvg(shadow(el));
      assertNothingClipped(el);
    });
  });

  describe('a single-year population harmonised exactly', () => {
    it('draws no estimate when the population is by single year (Toulouse 2021), percent measure', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${SINGLE} population-area="Toulouse" measure="percent"></epn-reach-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(root.querySelectorAll('rect.bar.estimated')).to.have.length(0);
      expect(texts(root, '.note').join(' ')).not.to.contain('estimée');
      expect(texts(root, 'text.value')[0]).to.match(/\u00a0%$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('scheme="common": exact figures, fewer bands', () => {
    it("the seed's bands and INSEE's broad ones compare exactly only over all ages: one bar, no estimate", async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${INSEE} population-area="Calvados, Manche, Orne" scheme="common"></epn-reach-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['Tous âges']);
      expect(root.querySelectorAll('rect.bar.estimated')).to.have.length(0);
      expect(texts(root, 'text.value')).to.deep.equal(['11,8']);
      await expect(el).to.be.accessible();
    });

    it('scheme="broad" puts the users in INSEE\'s bands, said as an estimate', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${INSEE} population-area="Orne" scheme="broad"></epn-reach-chart>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75\u00a0+']);
      expect(texts(root, '.note').join(' ')).to.contain('Estimation pour les tranches 0-19, 20-39');
      expect(texts(root, 'tbody th')[0]).to.equal('0-19 (estimation)');
    });

    it('an unknown scheme is an alert (BAD_OPTION) listing the presets', async () => {
      const el = document.createElement('epn-reach-chart');
      const errored = oneEvent(el, 'epn-error');
      el.src = SEED;
      el.setAttribute('population-src', INSEE);
      el.setAttribute('scheme', 'decennal');
      document.body.append(el);
      expect((await errored).detail.message).to.contain('quinquennal');
      el.remove();
    });
  });

  describe('users one row per person', () => {
    it('counts the users as the file streams (age-column, bands), waits for the population, draws exact bands', async () => {
      const el = document.createElement('epn-reach-chart');
      const events: string[] = [];
      el.addEventListener('epn-load', () => events.push('load'));
      el.addEventListener('epn-error', () => events.push('error'));
      el.setAttribute('age-column', 'age');
      el.setAttribute('bands', '0,20,40,60,75');
      el.setAttribute('population-src', '/__epn__/slow/400/real/insee-estim-pop-dep-2023.csv');
      el.setAttribute('population-area', 'Orne');
      el.src = PEOPLE;
      document.body.append(el);
      await settled(el);
      expect(events).to.deep.equal(['load']);
      const root = shadow(el);
      expect(texts(root, 'text.band-label')).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75\u00a0+']);
      expect(root.querySelectorAll('rect.bar.estimated')).to.have.length(0);
      const users = crossTab(parseCsv(new Uint8Array(await (await fetch(PEOPLE)).arrayBuffer())), {
        rows: 'sexe',
        columns: 'age',
        bands: [0, 20, 40, 60, 75],
      });
      const pop = readPopulation(parseCsv(new Uint8Array(await (await fetch(INSEE)).arrayBuffer())), {area: 'Orne'});
      const r = reach(users, pop);
      expect(texts(root, 'text.value')).to.deep.equal(
        r.bands.map((b) => (b.rate! * 1000).toFixed(1).replace('.', ',')),
      );
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('figures given through data wait for the population file without an error', async () => {
      const el = document.createElement('epn-reach-chart');
      const events: string[] = [];
      el.addEventListener('epn-error', () => events.push('error'));
      el.setAttribute('population-src', '/__epn__/slow/400/real/insee-estim-pop-dep-2023.csv');
      el.setAttribute('population-area', 'Orne');
      el.data = readCrossTab(parseCsv(new Uint8Array(await (await fetch(SEED)).arrayBuffer())));
      document.body.append(el);
      await el.updateComplete;
      expect(shadow(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
      await settled(el);
      expect(events).to.deep.equal([]);
      expect(shadow(el).querySelectorAll('rect.bar')).to.have.length(8);
      el.remove();
    });
  });

  describe('states', () => {
    it('loading: aria-busy and a progress until both files are there; accessible', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart src=${SEED} population-src=${'/__epn__/slow/600/real/insee-estim-pop-dep-2023.csv'} population-area="Orne"></epn-reach-chart>`,
      );
      await el.updateComplete;
      expect(shadow(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('progress')).to.exist;
      await expect(el).to.be.accessible();
      await settled(el);
      expect(shadow(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('false');
      expect(shadow(el).querySelectorAll('rect.bar')).to.have.length(8);
    });

    it('error: an unknown territory is an alert naming some that exist, and epn-error; accessible', async () => {
      const el = document.createElement('epn-reach-chart');
      const errored = oneEvent(el, 'epn-error');
      el.src = SEED;
      el.setAttribute('population-src', INSEE);
      el.setAttribute('population-area', 'Atlantide');
      document.body.append(el);
      const e = await errored;
      expect(e.detail.code).to.equal('BAD_OPTION');
      await el.updateComplete;
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Atlantide');
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('error: without population-src it says so', async () => {
      const el = document.createElement('epn-reach-chart');
      const errored = oneEvent(el, 'epn-error');
      el.src = SEED;
      document.body.append(el);
      await errored;
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.equal(
        "Réglage non compris : ajoutez population-src, l'adresse du fichier de population.",
      );
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('speaks English with lang="en"', async () => {
      const el = await fixture<EpnReachChart>(
        html`<epn-reach-chart lang="en" src=${SEED} population-src=${INSEE} population-area="Orne"></epn-reach-chart>`,
      );
      await settled(el);
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.match(/^Registered users are /);
      await expect(el).to.be.accessible();
    });
  });

  describe('layout and sentence (pure)', () => {
    it('layoutReach gives finite numbers for any values and widths', () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.constant(null), fc.double({min: 0, max: 10, noNaN: true})), {
            minLength: 0,
            maxLength: 20,
          }),
          fc.integer({min: -10, max: 3000}),
          (values, width) => {
            const l = layoutReach(
              {
                labels: values.map((_, i) => `b${i}`),
                values,
                excluded: values.map(() => false),
                estimated: values.map(() => false),
                reference: values[0] ?? null,
                format: (v) => String(v),
                tickFormat: String,
                referenceLabel: 'x',
              },
              width,
            );
            return [
              l.height,
              l.width,
              ...l.bars.flatMap((b) => [b.y, b.width, b.valueX]),
              ...l.ticks.map((t) => t.x),
            ].every(Number.isFinite);
          },
        ),
        {numRuns: 200},
      );
    });

    it('reachSentence names no band as over-represented when the users are the population', () => {
      const ct = readCrossTab(parseCsv('sexe,0-19,20 +\nHommes,10,20\nFemmes,10,20'));
      const s = reachSentence({measure: 'percent', reach: reach(ct, ct), areas: [], excludedLabels: []}, 'fr');
      expect(s).to.equal(
        'Les inscrits représentent 100,0\u00a0% de la population, soit 1\u202f000,0 pour 1\u00a0000 habitants.',
      );
    });
  });
});
