import '@epn/widgets/define.js';
import {formatEuro, parseCsv, readCrossTab, type EpnDataError} from '@epn/stats';
import {
  budgetFigures,
  budgetSentence,
  CARD_PALETTE,
  EpnBudgetCard,
  parseAmount,
  perHead,
  populationByAge,
  populationNotes,
  readKeyValues,
  subtractAges,
} from '@epn/widgets/testing.js';
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {describe, it, fixture as bytes, thrown} from '../harness.js';
import {aTimeout, fixtureUrl, settled, shadow, contrast, assertNothingClipped} from './helpers.js';
import {runWidgetBaseTests} from './widget-base-tests.js';

const SEED = fixtureUrl('widgets/budget-seed.csv');
const AGES = fixtureUrl('widgets/budget-population-age.csv');
const INSEE = fixtureUrl('real/insee-estim-pop-dep-2023.csv');
const NB = '\u00a0';
const texts = (root: ParentNode, selector: string) =>
  Array.from(root.querySelectorAll(selector)).map((n) => n.textContent?.trim() ?? '');
const tileValues = (el: Element) => texts(shadow(el), '.tile .value');
const tileLabels = (el: Element) => texts(shadow(el), '.tile dt');
const inputs = (el: Element) =>
  Object.fromEntries(
    Array.from(shadow(el).querySelectorAll('.inputs > div')).map((d) => [
      d.querySelector('dt')!.textContent!.trim(),
      d.querySelector('dd')!.textContent!.trim(),
    ]),
  );
const table = async (path: string) => parseCsv(await bytes(path));
const SENTENCE = `En 2012, le budget annuel de 1\u202f050\u202f000${NB}€ représente 0,71${NB}€ par habitant et 16${NB}€ par inscrit (1\u202f480\u202f000 habitants, 65\u202f691 inscrits).`;

/** No NaN, Infinity or undefined anywhere in the card's text. */
function assertNoBadNumbers(el: Element): void {
  expect(shadow(el).textContent).not.to.match(/NaN|Infinity|undefined/);
}

runWidgetBaseTests('epn-budget-card', {
  file: 'widgets/budget-seed.csv',
  read: {delimiter: ',', columns: ['indicateur', 'valeur', 'unite']},
  empty: 'widgets/budget-empty.csv',
  figures: (root) => texts(root, '.tile .value'),
  expected: [`0,71${NB}€`, `16${NB}€`],
  parts: ['figures', 'item', 'label', 'value', 'quote', 'copy', 'inputs'],
});

describe('<epn-budget-card>', () => {
  describe('figures (pure functions)', () => {
    it("budgetFigures(null, attributes) gives the seed's 0,71 € per inhabitant and 16 € per registered user", () => {
      const m = budgetFigures(null, {budget: '1050000', population: '1480000', registered: '65691', year: '2012'});
      expect(formatEuro(m.perInhabitant)).to.equal(`0,71${NB}€`);
      expect(formatEuro(m.perRegistered)).to.equal(`16${NB}€`);
      expect(m.budget.origin).to.equal('attribute');
      expect(m.year).to.equal('2012');
    });

    it('budgetFigures(table) reads a key/value file, a one-row table and a headerless file; attributes win', async () => {
      const kv = budgetFigures(await table('widgets/budget-seed.csv'));
      expect([kv.budget.value, kv.population.value, kv.registered.value, kv.year]).to.deep.equal([
        1050000,
        1480000,
        65691,
        '2012',
      ]);
      expect(kv.budget.key).to.equal('budget_annuel');
      const row = budgetFigures(await table('widgets/budget-one-row.csv'));
      expect([row.budget.value, row.population.value, row.registered.value, row.year]).to.deep.equal([
        1050000,
        1480000,
        65691,
        '2012',
      ]);
      const bare = budgetFigures(parseCsv('Budget (k€);1 050\nHabitants;1 480 000\nusagers inscrits;65 691'));
      expect([bare.budget.value, bare.population.value, bare.registered.value]).to.deep.equal([
        1050000, 1480000, 65691,
      ]);
      const english = budgetFigures(
        parseCsv('key,value\nAnnual budget,1050000\nInhabitants,1480000\nRegistered users,65691\nYear,2012'),
      );
      expect(formatEuro(english.perRegistered)).to.equal(`16${NB}€`);
      const override = budgetFigures(await table('widgets/budget-seed.csv'), {population: '1 050 000'});
      expect(override.perInhabitant).to.equal(1);
      expect(override.population.origin).to.equal('attribute');
    });

    it('perHead(numerator, denominator) is null for a missing, zero or negative denominator (never Infinity or NaN)', () => {
      expect(perHead(1050000, 0)).to.equal(null);
      expect(perHead(1050000, null)).to.equal(null);
      expect(perHead(1050000, -3)).to.equal(null);
      expect(perHead(null, 10)).to.equal(null);
      expect(perHead(0, 10)).to.equal(0);
      const m = budgetFigures(null, {budget: '1050000', population: '0'});
      expect([m.perInhabitant, m.perRegistered]).to.deep.equal([null, null]);
    });

    it('parseAmount(name, text) reads 1 050 000, 1,05 M€ and 800 k€, and refuses text and negative numbers in French', () => {
      expect(parseAmount('budget', '1 050 000')).to.equal(1050000);
      expect(parseAmount('budget', '1,05 M€')).to.equal(1050000);
      expect(parseAmount('budget', '800 k€')).to.equal(800000);
      expect(parseAmount('budget', '  ')).to.equal(null);
      const e = thrown(() => parseAmount('budget', 'beaucoup')) as EpnDataError;
      expect(e.code).to.equal('BAD_OPTION');
      expect(e.message).to.equal(
        'Réglage non compris : budget="beaucoup" : un nombre positif, par exemple 1050000 ou 1 050 000.',
      );
      expect((thrown(() => parseAmount('population', '-5')) as EpnDataError).code).to.equal('BAD_OPTION');
    });

    it('readKeyValues(table) keeps units, markers and texts; a CrossTab with one column is a key/value list', () => {
      const kv = readKeyValues(
        parseCsv('indicateur,valeur,unite\nbudget,nd,EUR\nterritoire,Basse-Normandie,\nvisites,745000,visites'),
      );
      expect(kv.shape).to.equal('key-value');
      expect(kv.entries.map((e) => [e.key, e.value, e.text, e.unit, e.marker])).to.deep.equal([
        ['budget', null, null, 'EUR', 'unavailable'],
        ['territoire', null, 'Basse-Normandie', null, null],
        ['visites', 745000, null, 'visites', null],
      ]);
      const ct = readCrossTab(parseCsv('indicateur;valeur\nbudget;10\npopulation;5'));
      expect(readKeyValues(ct).entries.map((e) => [e.key, e.value])).to.deep.equal([
        ['budget', 10],
        ['population', 5],
      ]);
      const e = thrown(() => readKeyValues(parseCsv('annee,budget\n2011,1\n2012,2'), {year: '2010'})) as EpnDataError;
      expect(e.code).to.equal('UNEXPECTED_SHAPE');
      expect(e.message).to.contain("choisissez l'année avec l'attribut year");
      expect(readKeyValues(parseCsv('annee,budget\n2011,1\n2012,2'), {year: '2012'}).entries[1]!.value).to.equal(2);
    });

    it('budgetFigures without a budget says where to give it (UNEXPECTED_SHAPE for a key/value file, MISSING_COLUMN for a record)', async () => {
      const e = thrown(() =>
        budgetFigures(parseCsv('indicateur,valeur\npopulation,1480000\ninscrits,65691')),
      ) as EpnDataError;
      expect(e.code).to.equal('UNEXPECTED_SHAPE');
      expect(e.message).to.contain('il manque le budget : donnez-le avec l\'attribut budget="…"');
      expect(e.message).to.contain('« population », « inscrits »');
      expect(e.localizedMessage('en')).to.contain('the budget is missing');
      const r = thrown(() => budgetFigures(parseCsv('population,inscrits\n1480000,65691'))) as EpnDataError;
      expect(r.code).to.equal('MISSING_COLUMN');
      const a = thrown(() => budgetFigures(null, {budget: '1', ages: '5-74'})) as EpnDataError;
      expect(a.code).to.equal('BAD_OPTION');
      expect(a.message).to.contain('ajoutez population-src');
    });

    it('populationByAge(table, {territory, ages}) sums the bands inside 5-74 of a file whose bands allow it: 0,85 €', async () => {
      const t = await table('widgets/budget-population-age.csv');
      const p = populationByAge(t, {territory: 'Calvados, Manche, Orne', ages: '5-74'});
      expect(p.territories).to.deep.equal(['Calvados', 'Manche', 'Orne']);
      expect(p.total).to.equal(1480000);
      expect(p.value).to.equal(1235000);
      expect(p.used).to.deep.equal({lower: 5, upper: 74});
      expect(p.exact).to.equal(true);
      expect(p.bands.filter((b) => b.used).map((b) => b.label)).to.deep.equal([
        '5 à 19 ans',
        '20 à 39 ans',
        '40 à 59 ans',
        '60 à 74 ans',
      ]);
      expect(formatEuro(perHead(1050000, p.value))).to.equal(`0,85${NB}€`);
      expect(formatEuro(perHead(1050000, p.total))).to.equal(`0,71${NB}€`);
    });

    it('populationByAge(INSEE) reads the Ensemble group: Calvados 700 595, by name or code; 5-74 counts 20-74 and says so', async () => {
      const t = await table('real/insee-estim-pop-dep-2023.csv');
      expect(populationByAge(t, {territory: 'Calvados'}).total).to.equal(700595);
      expect(populationByAge(t, {territory: '14'}).total).to.equal(700595);
      expect(populationByAge(t, {territory: '01'}).territories).to.deep.equal(['Ain']);
      expect(populationByAge(t, {territory: 'Calvados; Manche; Orne'}).total).to.equal(700595 + 492642 + 272872);
      const inside = populationByAge(t, {territory: 'Calvados', ages: '5-74'});
      expect(inside.used).to.deep.equal({lower: 20, upper: 74});
      expect(inside.value).to.equal(159523 + 172763 + 132798);
      expect(inside.exact).to.equal(false);
      expect(inside.missing).to.deep.equal([{lower: 5, upper: 19}]);
      const overlap = populationByAge(t, {territory: 'Calvados', ages: '5-74', match: 'overlap'});
      expect(overlap.used).to.deep.equal({lower: 0, upper: 74});
      expect(overlap.value).to.equal(700595 - 74909);
      expect(overlap.extra).to.deep.equal([{lower: 0, upper: 4}]);
      expect(populationByAge(t, {territory: 'France métropolitaine'}).total).to.equal(65834837);
    });

    it('populationByAge throws BAD_OPTION for an unknown territory, a missing one, a bad range or age-match; UNEXPECTED_SHAPE when no band fits', async () => {
      const t = await table('real/insee-estim-pop-dep-2023.csv');
      const unknown = thrown(() => populationByAge(t, {territory: 'Calvdos'})) as EpnDataError;
      expect(unknown.code).to.equal('BAD_OPTION');
      expect(unknown.message).to.contain("« Calvdos » n'est pas dans le fichier de population");
      expect((thrown(() => populationByAge(t, {})) as EpnDataError).message).to.contain(
        "choisissez-en un avec l'attribut territory",
      );
      expect(
        (thrown(() => populationByAge(t, {territory: 'Orne', ages: 'jeunes'})) as EpnDataError).message,
      ).to.contain('ages="jeunes"');
      expect(
        (thrown(() => populationByAge(t, {territory: 'Orne', ages: '5-74', match: 'about'})) as EpnDataError).code,
      ).to.equal('BAD_OPTION');
      const none = thrown(() => populationByAge(t, {territory: 'Orne', ages: '5-10'})) as EpnDataError;
      expect(none.code).to.equal('UNEXPECTED_SHAPE');
      expect(none.message).to.contain('age-match="overlap"');
    });

    it('populationByAge reads the transposed form (one row per band) and subtractAges computes what is left out', () => {
      const t = parseCsv('âge;Calvados;Orne\n0-4;10;5\n5-74;80;40\n75 +;10;5');
      const p = populationByAge(t, {territory: 'Orne', ages: '5-74'});
      expect([p.total, p.value, p.exact]).to.deep.equal([50, 40, true]);
      expect(
        subtractAges(
          [{lower: 5, upper: 74}],
          [
            {lower: 20, upper: 39},
            {lower: 40, upper: null},
          ],
        ),
      ).to.deep.equal([{lower: 5, upper: 19}]);
      expect(subtractAges([{lower: 0, upper: null}], [{lower: 10, upper: 20}])).to.deep.equal([
        {lower: 0, upper: 9},
        {lower: 21, upper: null},
      ]);
    });

    it('budgetSentence(model, lang) is quotable in French and English, and leaves out what is not available', async () => {
      const m = budgetFigures(null, {budget: '1050000', population: '1480000', registered: '65691', year: '2012'});
      expect(budgetSentence(m, 'fr')).to.equal(SENTENCE);
      expect(budgetSentence(m, 'en')).to.equal(
        'In 2012, the annual budget of €1,050,000 amounts to €0.71 per inhabitant and €16 per registered user (1,480,000 inhabitants, 65,691 registered users).',
      );
      const aged = budgetFigures(null, {
        budget: '1050000',
        registered: '65691',
        populationTable: await table('widgets/budget-population-age.csv'),
        territory: 'Calvados, Manche, Orne',
        ages: '5-74',
      });
      expect(budgetSentence(aged, 'fr')).to.equal(
        `Le budget annuel de 1\u202f050\u202f000${NB}€ représente 0,71${NB}€ par habitant (0,85${NB}€ par habitant de 5 à 74 ans) et 16${NB}€ par inscrit (1\u202f480\u202f000 habitants, 65\u202f691 inscrits).`,
      );
      const partial = budgetFigures(null, {budget: '1050000', registered: '65691'});
      expect(budgetSentence(partial, 'fr')).to.equal(
        `Le budget annuel de 1\u202f050\u202f000${NB}€ représente 16${NB}€ par inscrit (65\u202f691 inscrits).`,
      );
      const none = budgetFigures(null, {budget: '1050000'});
      expect(budgetSentence(none, 'fr')).to.equal(
        `Le budget annuel est de 1\u202f050\u202f000${NB}€ ; les montants par habitant et par inscrit ne sont pas disponibles.`,
      );
    });

    it('populationNotes(model, lang) says which population was used, and the approximation when the bands do not align', async () => {
      const m = budgetFigures(null, {
        budget: '1050000',
        populationTable: await table('real/insee-estim-pop-dep-2023.csv'),
        territory: 'Calvados',
        ages: '5-74',
      });
      const [whole, aged] = populationNotes(m, 'fr');
      expect(whole).to.equal(
        "Population : 700\u202f595 habitants (Calvados), tous âges, d'après le fichier de population.",
      );
      expect(aged).to.equal(
        "Tranche demandée : 5 à 74 ans. Les tranches d'âge du fichier de population (0-19, 20-39, 40-59, 60-74 et 75+) " +
          'ne permettent pas de la retenir exactement : le montant par habitant porte sur la population de 20 à 74 ans (tranches 20-39, 40-59 et 60-74), ' +
          'soit 465\u202f084 habitants (Calvados) ; les 5 à 19 ans ne sont pas comptés.',
      );
      expect(populationNotes(m, 'en')[1]).to.contain('people aged 5 to 19 are not counted');
    });
  });

  describe('the element', () => {
    it('attributes alone (no src): 0,71 € par habitant, 16 € par inscrit, the inputs, the year and the sentence', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card budget="1050000" population="1 480 000" registered="65691" year="2012"></epn-budget-card>`,
      );
      await el.updateComplete;
      expect(tileLabels(el)).to.deep.equal(['Budget par habitant', 'Budget par inscrit']);
      expect(tileValues(el)).to.deep.equal([`0,71${NB}€`, `16${NB}€`]);
      expect(inputs(el)).to.deep.equal({
        'Budget annuel': `1\u202f050\u202f000${NB}€`,
        Population: '1\u202f480\u202f000 habitants',
        Inscrits: '65\u202f691',
        Année: '2012',
      });
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.equal(SENTENCE);
      expect(shadow(el).querySelector('.title')!.textContent).to.equal('Budget par habitant et par inscrit, 2012');
      expect(shadow(el).querySelector('svg') === null, 'a card draws no chart').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('changing an attribute updates the figures; digits sets the fraction digits of the amounts per head', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card budget="1050000" population="1480000" registered="65691"></epn-budget-card>`,
      );
      await el.updateComplete;
      el.setAttribute('budget', '2 100 000');
      await el.updateComplete;
      expect(tileValues(el)).to.deep.equal([`1,42${NB}€`, `32${NB}€`]);
      el.setAttribute('digits', '2');
      await el.updateComplete;
      expect(tileValues(el)).to.deep.equal([`1,42${NB}€`, `31,97${NB}€`]);
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.contain(`31,97${NB}€ par inscrit`);
    });

    it('src: a key/value file gives the same figures, and the year from the file', async () => {
      const el = await fixture<EpnBudgetCard>(html`<epn-budget-card src=${SEED}></epn-budget-card>`);
      await settled(el);
      expect(tileValues(el)).to.deep.equal([`0,71${NB}€`, `16${NB}€`]);
      expect(inputs(el)['Année']).to.equal('2012');
      expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.equal(SENTENCE);
      await expect(el).to.be.accessible();
    });

    it('src: a one-row table (budget;population;inscrits;année) works too', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card src=${fixtureUrl('widgets/budget-one-row.csv')}></epn-budget-card>`,
      );
      await settled(el);
      expect(tileValues(el)).to.deep.equal([`0,71${NB}€`, `16${NB}€`]);
    });

    it('the data property and a light-DOM table are inputs too', async () => {
      const data = parseCsv('indicateur;valeur\nbudget;1050000\npopulation;1480000\ninscrits;65691');
      const a = await fixture<EpnBudgetCard>(html`<epn-budget-card .data=${data}></epn-budget-card>`);
      await a.updateComplete;
      expect(tileValues(a)).to.deep.equal([`0,71${NB}€`, `16${NB}€`]);
      const b = await fixture<EpnBudgetCard>(html`<epn-budget-card><table>
        <tr><th>indicateur</th><th>valeur</th></tr><tr><td>budget</td><td>1 050 000</td></tr>
        <tr><td>population</td><td>1 480 000</td></tr><tr><td>inscrits</td><td>65 691</td></tr></table></epn-budget-card>`);
      await b.updateComplete;
      expect(tileValues(b)).to.deep.equal([`0,71${NB}€`, `16${NB}€`]);
    });

    it('population-src + ages="5-74" over a file whose bands allow it: 0,85 € par habitant de 5 à 74 ans, and says which population', async () => {
      const el = await fixture<EpnBudgetCard>(html`<epn-budget-card budget="1050000" registered="65691" year="2012"
        population-src=${AGES} territory="Calvados, Manche, Orne" ages="5-74"></epn-budget-card>`);
      await settled(el);
      expect(tileLabels(el)).to.deep.equal([
        'Budget par habitant',
        'Budget par habitant de 5 à 74 ans',
        'Budget par inscrit',
      ]);
      expect(tileValues(el)).to.deep.equal([`0,71${NB}€`, `0,85${NB}€`, `16${NB}€`]);
      expect(inputs(el)['Population de 5 à 74 ans']).to.equal('1\u202f235\u202f000 habitants (Calvados, Manche, Orne)');
      const notes = texts(shadow(el), '[part="note"]');
      expect(notes[1]).to.contain('somme des tranches 5 à 19 ans, 20 à 39 ans, 40 à 59 ans et 60 à 74 ans');
      const bands = shadow(el).querySelectorAll('table')[1]!;
      expect(texts(bands, 'tbody tr:first-child td')).to.deep.equal(['85\u202f000', 'non']);
      expect(texts(bands, 'tbody tr:nth-child(2) td')).to.deep.equal(['265\u202f000', 'oui']);
      await expect(el).to.be.accessible();
    });

    it('the INSEE file as population-src: Calvados 700 595; 5-74 counts the 20-74 year olds and says it, never silently', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card budget="1050000" registered="65691" population-src=${INSEE} territory="Calvados" ages="5-74"></epn-budget-card>`,
      );
      await settled(el);
      expect(inputs(el)['Population']).to.equal('700\u202f595 habitants (Calvados)');
      expect(tileLabels(el)[1]).to.equal('Budget par habitant de 20 à 74 ans');
      expect(tileValues(el)).to.deep.equal([`1,50${NB}€`, `2,26${NB}€`, `16${NB}€`]);
      const notes = texts(shadow(el), '[part="note"]').join(' ');
      expect(notes).to.contain('Tranche demandée : 5 à 74 ans');
      expect(notes).to.contain('les 5 à 19 ans ne sont pas comptés');
      await expect(el).to.be.accessible();
      el.setAttribute('age-match', 'overlap');
      el.setAttribute('territory', '14');
      await el.updateComplete;
      expect(tileLabels(el)[1]).to.equal('Budget par habitant de 0 à 74 ans');
      expect(texts(shadow(el), '[part="note"]').join(' ')).to.contain('les 0 à 4 ans sont comptés en plus');
    });

    it('missing or zero denominators show "non disponible", never Infinity or NaN', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card src=${fixtureUrl('widgets/budget-zero.csv')}></epn-budget-card>`,
      );
      await settled(el);
      expect(tileValues(el)).to.deep.equal(['non disponible', 'non disponible']);
      expect(texts(shadow(el), '.tile .detail')).to.deep.equal([
        'population non renseignée ou nulle',
        "nombre d'inscrits non renseigné ou nul",
      ]);
      assertNoBadNumbers(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('loading (slow population-src): the figures wait for both files, and epn-load fires once, with everything', async () => {
      const el = document.createElement('epn-budget-card');
      let loads = 0;
      el.addEventListener('epn-load', () => loads++);
      el.src = SEED;
      el.setAttribute('population-src', '/__epn__/slow/500/widgets/budget-population-age.csv');
      el.setAttribute('territory', 'Calvados,Manche,Orne');
      el.setAttribute('ages', '5-74');
      document.body.append(el);
      await aTimeout(250);
      await el.updateComplete;
      expect(shadow(el).querySelector('figure')!.getAttribute('aria-busy')).to.equal('true');
      expect(shadow(el).querySelector('.tile') === null).to.equal(true);
      await expect(el).to.be.accessible();
      await settled(el);
      expect(tileValues(el)).to.deep.equal([`0,71${NB}€`, `0,85${NB}€`, `16${NB}€`]);
      await aTimeout(50);
      expect(loads).to.equal(1);
      el.remove();
    });

    it('error (404 on population-src): the card shows the error, not partial figures', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card src=${SEED} population-src=${fixtureUrl('nope/population.csv')} ages="5-74"></epn-budget-card>`,
      );
      await settled(el);
      await aTimeout(100);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('erreur 404');
      expect(shadow(el).querySelector('.tile') === null).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('error (a missing key): the file has no budget, the message says where to give it', async () => {
      const el = document.createElement('epn-budget-card');
      const failed = oneEvent(el, 'epn-error');
      el.src = fixtureUrl('widgets/budget-missing.csv');
      document.body.append(el);
      const event = await failed;
      await el.updateComplete;
      expect(event.detail.code).to.equal('UNEXPECTED_SHAPE');
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('il manque le budget');
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('error (an attribute that is not a number): BAD_OPTION in French, then fixed by setting it right', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card budget="un million" population="1480000"></epn-budget-card>`,
      );
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.equal(
        'Réglage non compris : budget="un million" : un nombre positif, par exemple 1050000 ou 1 050 000.',
      );
      el.setAttribute('budget', '1050000');
      await el.updateComplete;
      expect(tileValues(el)[0]).to.equal(`0,71${NB}€`);
    });
  });

  describe('parts, events, language, layout', () => {
    it('exposes the parts figure, title, figures, item, label, value, quote, summary, copy, inputs, note, toggle and table', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card budget="1050000" registered="65691" population-src=${INSEE} territory="Calvados" source="INSEE"></epn-budget-card>`,
      );
      await settled(el);
      for (const part of [
        'figure',
        'title',
        'figures',
        'item',
        'label',
        'value',
        'quote',
        'summary',
        'copy',
        'inputs',
        'note',
        'toggle',
        'table',
        'source',
      ]) {
        expect(shadow(el).querySelector(`[part~="${part}"]`), part).to.exist;
      }
    });

    it('holds every figure in real tables with captions and scopes, behind the "Voir les données" toggle', async () => {
      const el = await fixture<EpnBudgetCard>(html`<epn-budget-card src=${SEED}></epn-budget-card>`);
      await settled(el);
      const root = shadow(el);
      const t = root.querySelector('table')!;
      expect(t.querySelector('caption')!.textContent).to.equal('Données : Budget par habitant et par inscrit, 2012');
      expect(texts(t, 'th[scope="row"]')).to.deep.equal([
        'Budget annuel',
        'Population',
        'Inscrits',
        'Budget par habitant',
        'Budget par inscrit',
        'Année',
      ]);
      expect(texts(t, 'td')).to.deep.equal([
        `1\u202f050\u202f000${NB}€`,
        '1\u202f480\u202f000 habitants',
        '65\u202f691',
        `0,71${NB}€`,
        `16${NB}€`,
        '2012',
      ]);
      const toggle = root.querySelector<HTMLButtonElement>('button.toggle')!;
      expect(toggle.textContent!.trim()).to.equal('Voir les données');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(root.querySelector('#data')!.classList.contains('visually-hidden')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('epn-load fires once with the table; the copy button copies the sentence (epn-copy), or selects it where the clipboard is refused', async () => {
      const el = document.createElement('epn-budget-card');
      const loaded = oneEvent(el, 'epn-load');
      el.src = SEED;
      document.body.append(el);
      const event = await loaded;
      expect(event.detail.meta.delimiter).to.equal(',');
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      let copied = '';
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {writeText: async (text: string) => void (copied = text)},
      });
      try {
        const copiedEvent = oneEvent(el, 'epn-copy');
        shadow(el).querySelector<HTMLButtonElement>('button.copy')!.click();
        expect((await copiedEvent).detail.text).to.equal(SENTENCE);
        expect(copied).to.equal(SENTENCE);
        await el.updateComplete;
        expect(shadow(el).querySelector('.copy-status')!.textContent).to.equal('Phrase copiée dans le presse-papiers.');
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: {writeText: async () => Promise.reject(new Error('refused'))},
        });
        shadow(el).querySelector<HTMLButtonElement>('button.copy')!.click();
        await aTimeout(20);
        await el.updateComplete;
        expect(shadow(el).querySelector('.copy-status')!.textContent).to.contain('Copie impossible ici');
        expect(String(window.getSelection())).to.equal(SENTENCE);
      } finally {
        delete (navigator as unknown as {clipboard?: unknown}).clipboard;
        window.getSelection()?.removeAllRanges();
      }
      el.remove();
    });

    it('lang="en" speaks English: labels, sentence, inputs, toggle, notes and messages', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card lang="en" budget="1050000" registered="65691" year="2012" population-src=${INSEE} territory="Calvados" ages="5-74"></epn-budget-card>`,
      );
      await settled(el);
      const root = shadow(el);
      expect(tileLabels(el)).to.deep.equal([
        'Budget per inhabitant',
        'Budget per inhabitant aged 20 to 74',
        'Budget per registered user',
      ]);
      expect(tileValues(el)).to.deep.equal(['€1.50', '€2.26', '€16']);
      expect(root.querySelector('.title')!.textContent).to.equal('Budget per inhabitant and per registered user, 2012');
      expect(root.querySelector('[part="summary"]')!.textContent).to.equal(
        'In 2012, the annual budget of €1,050,000 amounts to €1.50 per inhabitant (€2.26 per inhabitant aged 20 to 74) and €16 per registered user (700,595 inhabitants, 65,691 registered users).',
      );
      expect(Object.keys(inputs(el))).to.deep.equal([
        'Annual budget',
        'Population',
        'Population aged 20 to 74',
        'Registered users',
        'Year',
      ]);
      expect(root.querySelector('button.toggle')!.textContent!.trim()).to.equal('Show the data');
      expect(root.querySelector('button.copy')!.textContent!.trim()).to.equal('Copy the sentence');
      expect(texts(root, '[part="note"]').join(' ')).to.contain('Age range asked for: 5 to 74 years');
      const bad = await fixture<EpnBudgetCard>(html`<epn-budget-card lang="en" budget="lots"></epn-budget-card>`);
      await bad.updateComplete;
      expect(shadow(bad).querySelector('[role="alert"]')!.textContent).to.equal(
        'Setting not understood: budget="lots": a positive number, e.g. 1050000 or 1 050 000.',
      );
    });

    it('at 320 px wide nothing is clipped (figures, sentence, inputs, notes), in French and English', async () => {
      for (const lang of ['fr', 'en']) {
        const wrapper =
          await fixture<HTMLDivElement>(html`<div style="width: 320px"><epn-budget-card lang=${lang} budget="1050000" registered="65691" year="2012"
          population-src=${INSEE} territory="Calvados" ages="5-74" source="INSEE, estimations de population 2023"></epn-budget-card></div>`);
        const el = wrapper.querySelector('epn-budget-card')!;
        await settled(el);
        await aTimeout(50);
        await el.updateComplete;
        expect(el.getBoundingClientRect().width).to.equal(320);
        assertNothingClipped(el);
      }
    });

    it('theme="dark" and the page\'s data-fr-theme switch the colours, still accessible', async () => {
      const el = await fixture<EpnBudgetCard>(
        html`<epn-budget-card theme="dark" budget="1050000" population="1480000" registered="65691"></epn-budget-card>`,
      );
      await el.updateComplete;
      const value = shadow(el).querySelector('.tile .value')!;
      expect(getComputedStyle(value).color).to.equal('rgb(133, 133, 246)');
      expect(getComputedStyle(shadow(el).querySelector('.tile')!).backgroundColor).to.equal('rgb(30, 30, 30)');
      await expect(el).to.be.accessible();
    });

    it('text colours reach 4.5:1 on every background of the card, light and dark (WCAG ratios of the palette)', () => {
      for (const theme of ['light', 'dark'] as const) {
        const p = CARD_PALETTE[theme];
        for (const fg of ['text', 'muted', 'accent', 'figure'] as const) {
          for (const bg of ['background', 'card'] as const) {
            expect(contrast(p[fg], p[bg]), `${theme}: ${fg} on ${bg}`).to.be.at.least(4.5);
          }
        }
        expect(contrast(p.bar, p.background), `${theme}: bar on background`).to.be.at.least(3);
        expect(contrast(p.bar, p.track), `${theme}: bar on its track`).to.be.at.least(3);
      }
      // The text colours are the foundation's: check that the palette repeats them.
      const css = EpnBudgetCard.styles.map((s) => (s as {cssText: string}).cssText).join('\n');
      for (const [token, theme] of [
        ['text', 'light'],
        ['muted', 'light'],
        ['accent', 'light'],
        ['background', 'light'],
        ['text', 'dark'],
        ['muted', 'dark'],
        ['accent', 'dark'],
        ['background', 'dark'],
      ] as const) {
        const name = token === 'background' ? '--epn-background' : `--epn-${token}-color`;
        // (the build minifies the CSS: no space after the comma)
        expect(css.replace(/,\s+/g, ','), `${name} (${theme})`).to.contain(`${name},${CARD_PALETTE[theme][token]})`);
      }
    });
  });

  describe('safety', () => {
    it('renders markup in the file and in every text attribute as text: no new element, no handler, the sentinel never set', async () => {
      const payload = '<img src=x onerror=window.__pwned=1>';
      const el = await fixture<EpnBudgetCard>(html`<epn-budget-card src=${fixtureUrl('widgets/budget-attack.csv')}
        heading=${payload} description="<script>window.__pwned=1</script>" source="&quot;><svg onload=window.__pwned=1>"
        source-href="javascript:window.__pwned=1" registered="65691"></epn-budget-card>`);
      await settled(el);
      await aTimeout(50);
      const root = shadow(el);
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
      expect(root.querySelector('img, script, svg, foreignObject, a') === null).to.equal(true);
      expect(root.querySelector('.title')!.textContent).to.equal(payload);
      expect(root.querySelector('.description')!.textContent).to.equal('<script>window.__pwned=1</script>');
      expect(inputs(el)['Année']).to.equal(payload);
      expect(root.querySelector('[part="summary"]')!.textContent).to.contain(`En ${payload}, le budget annuel`);
    });

    it('renders a territory label and attacks in territory, ages, year and budget as text', async () => {
      const payload = '<img src=x onerror=window.__pwned=1>';
      const el = await fixture<EpnBudgetCard>(html`<epn-budget-card budget="1050000" year=${payload}
        population-src=${fixtureUrl('widgets/budget-attack-population.csv')} territory=${payload}></epn-budget-card>`);
      await settled(el);
      const root = shadow(el);
      expect(root.querySelector('img, script') === null).to.equal(true);
      expect(inputs(el)['Population']).to.equal(`30\u202f000 habitants (${payload})`);
      for (const [name, value] of [
        ['ages', '"><svg onload=window.__pwned=1>'],
        ['territory', '</text><foreignObject>x'],
        ['budget', '${alert(1)}{{constructor}}'],
      ]) {
        el.setAttribute('ages', '5-74');
        el.setAttribute(name!, value!);
        await el.updateComplete;
        const alert = root.querySelector('[role="alert"]');
        expect(alert, name).to.exist;
        expect(alert!.textContent, name).to.contain(value);
        expect(root.querySelector('img, script, svg, foreignObject') === null, name).to.equal(true);
        el.removeAttribute('ages');
        el.setAttribute('territory', payload);
        el.setAttribute('budget', '1050000');
        await el.updateComplete;
      }
      await aTimeout(50);
      expect((window as unknown as {__pwned?: number}).__pwned).to.equal(undefined);
    });
  });
});
