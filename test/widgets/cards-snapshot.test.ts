// Snapshots of the card family (`<epn-budget-card>`, `<epn-key-figures>`): the rendered shadow DOM of a range of
// cards (figures, restricted populations, breakdowns, errors, both languages), what the readers return for the
// fixtures, and the wording of every error the card functions throw. They pin rendered output and wording while the
// card code is reworked (made smaller): any difference is a change to review. A missing snapshot is written and the
// test fails once (as the SVG goldens do); on a mismatch, <name>-changed.txt is written beside it.
import '@epn/widgets/define.js';
import {parseCsv, readCrossTab, type Table} from '@epn/stats';
import {
  breakdownOf,
  budgetFigures,
  keyFigures,
  parseAmount,
  parseLabels,
  parseRatios,
  populationByAge,
  readKeyValues,
} from '@epn/widgets/testing.js';
import {readFile, writeFile} from '@web/test-runner-commands';
import {expect, fixture, html} from '@open-wc/testing';
import {describe, it, fixture as bytes} from '../harness.js';
import {fixtureUrl, settled} from './helpers.js';

const dir = '../../../test/golden';

async function expectSnapshot(name: string, actual: string): Promise<void> {
  const path = `${dir}/${name}.txt`;
  const expected = await readFile({path}).catch(() => undefined);
  if (expected === undefined) {
    await writeFile({path, content: actual});
    expect.fail(`snapshot ${name}.txt did not exist: written, review it and commit it`);
  }
  if (expected !== actual) await writeFile({path: `${dir}/${name}-changed.txt`, content: actual});
  expect(actual, `${name}.txt differs: compare it with ${name}-changed.txt`).to.equal(expected);
}

/** The shadow DOM as HTML, without Lit's comment markers (which hold random ids). */
const dom = (el: Element) => el.shadowRoot!.innerHTML.replace(/<!--[^]*?-->/g, '');

const table = async (path: string) => parseCsv(await bytes(path));

/** What a function returns, or the error it throws (code and both wordings). */
function outcome(fn: () => unknown): string {
  try {
    return JSON.stringify(fn(), (_k, v) => (v instanceof Map ? [...v] : v === Infinity ? 'Infinity' : v));
  } catch (e) {
    const err = e as {code?: string; localizedMessage?: (l: string) => string; message: string};
    return `THROWS ${err.code ?? ''}\n  fr: ${err.localizedMessage?.('fr') ?? err.message}\n  en: ${err.localizedMessage?.('en') ?? err.message}`;
  }
}

describe('card snapshots', () => {
  it('the cards render as before (shadow DOM of a range of cards)', async () => {
    const SEED = fixtureUrl('widgets/budget-seed.csv');
    const AGES = fixtureUrl('widgets/budget-population-age.csv');
    const INSEE = fixtureUrl('real/insee-estim-pop-dep-2023.csv');
    const KEYS = fixtureUrl('seed/chiffres-cles.csv');
    const DEPTS = fixtureUrl('seed/epn-departements.csv');
    const TOTAL = fixtureUrl('widgets/key-departements-total.csv');
    const cards = [
      html`<epn-budget-card src=${SEED}></epn-budget-card>`,
      html`<epn-budget-card src=${SEED} lang="en" digits="1"></epn-budget-card>`,
      html`<epn-budget-card budget="1 050 000" population="0" registered="65691" year="2012"></epn-budget-card>`,
      html`<epn-budget-card budget="1,05 M€"></epn-budget-card>`,
      html`<epn-budget-card src=${fixtureUrl('widgets/budget-one-row.csv')}></epn-budget-card>`,
      html`<epn-budget-card src=${fixtureUrl('widgets/budget-empty.csv')}></epn-budget-card>`,
      html`<epn-budget-card src=${fixtureUrl('widgets/budget-zero.csv')} lang="en"></epn-budget-card>`,
      html`<epn-budget-card src=${fixtureUrl('widgets/budget-missing.csv')}></epn-budget-card>`,
      html`<epn-budget-card src=${SEED} population-src=${AGES} territory="Calvados" ages="5-74"></epn-budget-card>`,
      html`<epn-budget-card src=${SEED} population-src=${AGES} territory="Calvados, Manche" ages="5-74" age-match="overlap" lang="en"></epn-budget-card>`,
      html`<epn-budget-card budget="1050000" population-src=${INSEE} territory="14" ages="5-74"></epn-budget-card>`,
      html`<epn-budget-card budget="1050000" population-src=${INSEE} territory="Calvados" population-group="Femmes" ages="20+"></epn-budget-card>`,
      html`<epn-budget-card budget="1050000" population-src=${INSEE} territory="Nowhere"></epn-budget-card>`,
      html`<epn-budget-card budget="1050000" population-src=${AGES} territory="Orne" ages="3-4"></epn-budget-card>`,
      html`<epn-budget-card budget="abc"></epn-budget-card>`,
      html`<epn-key-figures src=${KEYS}></epn-key-figures>`,
      html`<epn-key-figures src=${KEYS} lang="en" ratios="visites_annuelles/inscrits_annuels:visites par inscrit; budget_appels_a_projets/epn"
        breakdown-src=${DEPTS} breakdown-column="epn"></epn-key-figures>`,
      html`<epn-key-figures src=${KEYS} keys="epn, animateurs, budget_appels_a_projets" labels="epn:Lieux labellisés" ratios="visites/inscrits_annuels"
        breakdown-src=${TOTAL}></epn-key-figures>`,
      html`<epn-key-figures src=${fixtureUrl('widgets/key-empty.csv')} ratios="visites_annuelles/epn"></epn-key-figures>`,
      html`<epn-key-figures breakdown-src=${TOTAL} breakdown-heading="Lieux" lang="en"></epn-key-figures>`,
      html`<epn-key-figures src=${KEYS} keys="nope"></epn-key-figures>`,
      html`<epn-key-figures src=${KEYS} ratios="a:b"></epn-key-figures>`,
    ];
    const out: string[] = [];
    for (const card of cards) {
      const el = await fixture(card);
      await settled(el as never);
      out.push(`== ${el.outerHTML.replace(/<!--[^]*?-->/g, '').replace(/\s+/g, ' ')}\n${dom(el)}\n`);
      el.remove();
    }
    await expectSnapshot('cards-dom', out.join('\n'));
  });

  it('the readers and the errors are as before (results of the card functions)', async () => {
    const files = [
      'widgets/budget-seed.csv',
      'widgets/budget-one-row.csv',
      'widgets/budget-empty.csv',
      'widgets/budget-missing.csv',
      'widgets/budget-zero.csv',
      'widgets/budget-attack.csv',
      'widgets/key-attack.csv',
      'widgets/key-empty.csv',
      'widgets/key-departements-total.csv',
      'seed/chiffres-cles.csv',
      'seed/epn-departements.csv',
      'widgets/budget-population-age.csv',
    ];
    const tables = new Map<string, Table>();
    for (const f of files) tables.set(f, await table(f));
    const insee = await table('real/insee-estim-pop-dep-2023.csv');
    const ages = tables.get('widgets/budget-population-age.csv')!;
    const csv = (s: string) => parseCsv(s);
    const out: string[] = [];
    const add = (name: string, fn: () => unknown) => out.push(`-- ${name}\n${outcome(fn)}`);
    for (const [f, t] of tables) {
      add(`readKeyValues ${f}`, () => readKeyValues(t, {year: '2012'}));
      add(`readKeyValues cross-tab ${f}`, () => readKeyValues(readCrossTab(t)));
      add(`budgetFigures ${f}`, () => budgetFigures(t));
      add(`keyFigures ${f}`, () => keyFigures(t));
    }
    const texts = [
      'budget;1050000\npopulation;1480000',
      'indicateur;valeur;unité\nBudget (k€);1 050;\npopulation;nd;\n;;\n;12;\nannée;2012-2013;\ninscrits;65 691;personnes',
      'Budget annuel (M€),Population,Inscrits,Année\n1,05,1480000,s,2012',
      'budget,population,annee\n100,10,2011\n200,20,2012',
      'budget,population\n100,10\n200,20',
      'budget,population,exercice\n100,10,2011\n200,20,2012',
      "nom,montant,unite\nBudget,1000,milliers d'euros\nDépenses,5,M€\nCoût,3,euros\nPopulation,abc,\nPopulation,12,",
      'a,b,c\nx,1,2\ny,3,4',
      'région,valeur\nNormandie,3',
      'valeur,indicateur\n3,budget\n4,population',
      'indicateur\nbudget\npopulation',
    ];
    for (const text of texts) {
      add(`readKeyValues ${JSON.stringify(text)}`, () => readKeyValues(csv(text), {year: '2012'}));
      add(`readKeyValues no year ${JSON.stringify(text)}`, () => readKeyValues(csv(text)));
      add(`budgetFigures ${JSON.stringify(text)}`, () => budgetFigures(csv(text), {year: '2012'}));
      add(`keyFigures ${JSON.stringify(text)}`, () => keyFigures(csv(text)));
    }
    add('readKeyValues 2×2 cross-tab', () => readKeyValues(readCrossTab(csv('x,a,b\nr,1,2\ns,3,4'))));
    const pops: Array<[Table, Record<string, string>]> = [
      [insee, {territory: 'Calvados', ages: '5-74'}],
      [insee, {territory: '14', ages: '5-74', match: 'overlap'}],
      [insee, {territory: '014;Manche, Orne'}],
      [insee, {territory: 'Calvados', group: 'Hommes', ages: '75+'}],
      [insee, {territory: 'Calvados', ages: 'moins de 20 ans'}],
      [insee, {}],
      [insee, {territory: 'Atlantis'}],
      [insee, {territory: 'Calvados', ages: '3-4'}],
      [insee, {territory: 'Calvados', ages: 'abc'}],
      [insee, {territory: 'Calvados', match: 'around'}],
      [insee, {territory: 'Calvados', group: 'Nobody'}],
      [ages, {territory: 'Orne', ages: '5-74'}],
      [ages, {territory: 'Orne', ages: '10-30', match: 'overlap'}],
      [ages, {territory: 'Orne', ages: '10-30'}],
      [ages, {}],
      [
        csv('âge;Calvados;Manche\n0-19;10;20\n20-64;30;40\n65+;50;60\nTotal;90;120'),
        {territory: 'Manche', ages: '20+'},
      ],
      [csv('âge;Calvados;Manche\n0-19;10;20\n20-64;30;40\n65+;50;60\nTotal;90;120'), {}],
      [csv('âge;Calvados\n0-19;10\n20-64;nd\n65+;50'), {ages: '18-70', match: 'overlap'}],
      [csv('territoire;a;b\nX;1;2'), {ages: '5-74'}],
      [csv('territoire;0-19;10-29;30+\nX;1;2;3'), {ages: '0-40', match: 'overlap'}],
      [csv(';;H;;F;\ncode;nom;0-19;20+;0-19;20+\n14;Calvados;1;2;3;4'), {}],
      [csv('territoire;0-19;20+;Total\nA;1;2;3\ndont B;1;1;2\nC;4;5;9'), {territory: 'b'}],
    ];
    for (const [t, o] of pops)
      add(`populationByAge ${t.columns.slice(0, 4).join(',')} ${JSON.stringify(o)}`, () => populationByAge(t, o));
    add('budgetFigures ages without population', () => budgetFigures(null, {budget: '1', ages: '5-74'}));
    add('budgetFigures with population table', () =>
      budgetFigures(tables.get('widgets/budget-seed.csv')!, {
        populationTable: ages,
        territory: 'Manche',
        ages: '20-59',
      }),
    );
    add('budgetFigures attribute population wins', () =>
      budgetFigures(null, {budget: '800 k€', population: '1 000', populationTable: ages, territory: 'Manche'}),
    );
    for (const a of ['1050000', '1 050 000 €', '1,05 M€', '800 k€', '2 Md€', '3 mds', 'abc', '-5', '', '  ', 'k€'])
      add(`parseAmount ${a}`, () => parseAmount('budget', a));
    for (const r of ['a/b', 'a / b : le label, avec virgule ; c/d', 'a', 'a/b/c', ' / b', ''])
      add(`parseRatios ${r}`, () => parseRatios(r));
    for (const l of ['epn:Lieux; b : B', 'epn', ':x', 'a:', '']) add(`parseLabels ${l}`, () => parseLabels(l));
    const kc = tables.get('seed/chiffres-cles.csv')!;
    for (const o of [
      {keys: 'epn;visites_annuelles'},
      {keys: 'nope'},
      {ratios: 'epn/nope'},
      {ratios: 'budget_appels_a_projets/epn:par lieu'},
      {labels: 'x'},
      {breakdownTable: tables.get('seed/epn-departements.csv')!, breakdownColumn: 'nope'},
    ]) {
      add(`keyFigures ${JSON.stringify(o).slice(0, 80)}`, () => keyFigures(kc, o));
    }
    add('keyFigures many keys, unknown', () =>
      keyFigures(csv(`indicateur,valeur\n${Array.from({length: 14}, (_, i) => `k${i},${i}`).join('\n')}`), {
        keys: 'zz',
      }),
    );
    add('budgetFigures many keys, no budget', () =>
      budgetFigures(csv(`indicateur,valeur\n${Array.from({length: 10}, (_, i) => `k${i},${i}`).join('\n')}`)),
    );
    add('budgetFigures record without budget', () => budgetFigures(csv('population,inscrits\n10,2')));
    add('breakdownOf departements total', () => breakdownOf(tables.get('widgets/key-departements-total.csv')!));
    add('breakdownOf budget (k€)', () => breakdownOf(csv('departement,budget (k€)\nA,5\nB,-2\nC,nd'), 'budget'));
    await expectSnapshot('cards-functions', out.join('\n') + '\n');
  });
});
