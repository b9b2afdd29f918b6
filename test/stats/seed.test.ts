// Every figure the 2012 Basse-Normandie review printed, reproduced from the seed CSVs with the conventions of
// ../shared/data/README.md: counts exactly, percentages as formatted strings.
import {
  formatEuro,
  formatNumber,
  formatPercent,
  parseCsv,
  ratio,
  readCrossTab,
  shares,
  type CrossTab,
} from '@epn/stats';
import {describe, expect, fixture, it} from '../harness.js';

const load = async (name: string): Promise<CrossTab> => readCrossTab(parseCsv(await fixture(`seed/${name}.csv`)));
const pct = (x: number | null) => formatPercent(x).replace('\u00a0', '');
const BANDS = ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'];

describe('seed: inscrits par sexe et âge', () => {
  it('reads the table as published: 2 sexes × 8 bands, totals given and consistent', async () => {
    const ct = await load('inscrits-sexe-age');
    expect(ct.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(ct.columnLabels).to.deep.equal(BANDS);
    expect(ct.counts).to.deep.equal([
      [793, 1762, 1286, 1026, 939, 776, 974, 708],
      [561, 1327, 1195, 964, 1026, 1157, 1693, 1067],
    ]);
    expect(ct.rowTotals).to.deep.equal([8264, 8990]);
    expect(ct.columnTotals).to.deep.equal([1354, 3089, 2481, 1990, 1965, 1933, 2667, 1775]);
    expect(ct.total).to.equal(17254);
    expect(formatNumber(ct.total)).to.equal('17\u202f254');
    // The source's last two bands share the age of 65 (SEED_AGE_BANDS): recorded, as every overlap is.
    expect(ct.meta.issues.map((i) => [i.code, i.raw])).to.deep.equal([['BAND_OVERLAP', '56-65 / 65 +']]);
  });

  it('reproduces every printed share of the grand total', async () => {
    const ct = await load('inscrits-sexe-age');
    const s = shares(ct, 'total');
    expect(s.map((r) => r.map(pct))).to.deep.equal([
      ['4,6%', '10,2%', '7,5%', '5,9%', '5,4%', '4,5%', '5,6%', '4,1%'],
      ['3,3%', '7,7%', '6,9%', '5,6%', '5,9%', '6,7%', '9,8%', '6,2%'],
    ]);
    expect(ct.rowTotals.map((t) => pct(ratio(t, ct.total)))).to.deep.equal(['47,9%', '52,1%']);
    expect(ct.columnTotals.map((t) => pct(ratio(t, ct.total)))).to.deep.equal([
      '7,8%',
      '17,9%',
      '14,4%',
      '11,5%',
      '11,4%',
      '11,2%',
      '15,5%',
      '10,3%',
    ]);
    expect(formatPercent(s[0]![0]!)).to.equal('4,6\u00a0%');
  });
});

describe('seed: équipement par âge (multi-response)', () => {
  it('keeps the Total row as distinct respondents and records the difference with the sums', async () => {
    const ct = await load('equipement-age');
    expect(ct.rowLabels).to.deep.equal([
      'Foyer équipé informatique',
      'Foyer connecté à Internet',
      'Téléphone portable personnel',
      'Appareil photo numérique',
    ]);
    expect(ct.columnTotals).to.deep.equal([262, 1055, 467, 374, 410, 473, 887, 613]);
    expect(ct.rowTotals).to.deep.equal([3620, 3021, 2773, 2278]);
    expect(ct.total).to.equal(4541);
    const mismatches = ct.meta.issues.filter((i) => i.code === 'TOTAL_MISMATCH');
    expect(mismatches).to.have.length(8);
    expect(mismatches.every((m) => m.column !== undefined)).to.equal(true);
  });

  it('reproduces the printed row shares (per item, over its total)', async () => {
    const ct = await load('equipement-age');
    expect(shares(ct, 'row').map((r) => r.map(pct))).to.deep.equal([
      ['6,5%', '24,9%', '8,0%', '7,6%', '8,1%', '10,2%', '20,5%', '14,2%'],
      ['6,9%', '26,5%', '7,5%', '6,6%', '7,2%', '9,0%', '21,5%', '14,8%'],
      ['2,6%', '23,8%', '12,5%', '9,8%', '9,8%', '10,2%', '19,5%', '11,8%'],
      ['4,0%', '25,1%', '7,6%', '8,5%', '7,9%', '10,4%', '22,6%', '13,9%'],
    ]);
  });

  it('reproduces the Total column over respondents and the Total row over respondents', async () => {
    const ct = await load('equipement-age');
    expect(ct.rowTotals.map((t) => pct(ratio(t, ct.total)))).to.deep.equal(['79,7%', '66,5%', '61,1%', '50,2%']);
    expect(ct.columnTotals.map((t) => pct(ratio(t, ct.total)))).to.deep.equal([
      '5,8%',
      '23,2%',
      '10,3%',
      '8,2%',
      '9,0%',
      '10,4%',
      '19,5%',
      '13,5%',
    ]);
  });

  it('gives the rate within each band over its distinct respondents: 901 / 1 055 = 85,4 %', async () => {
    const ct = await load('equipement-age');
    const rates = shares(ct, 'column');
    expect(pct(rates[0]![1]!)).to.equal('85,4%');
    expect(rates[0]![1]).to.equal(901 / 1055);
  });
});

describe("seed: niveau d'usage par âge", () => {
  it('reproduces every printed share of the grand total', async () => {
    const ct = await load('niveau-usage-age');
    expect(ct.rowLabels).to.deep.equal(['débutant', 'intermédiaire', 'avancé', 'confirmé']);
    expect(ct.total).to.equal(7708);
    // The source's last two bands share the age of 65 (SEED_AGE_BANDS): recorded, as every overlap is.
    expect(ct.meta.issues.map((i) => [i.code, i.raw])).to.deep.equal([['BAND_OVERLAP', '56-65 / 65 +']]);
    expect(shares(ct, 'total').map((r) => r.map(pct))).to.deep.equal([
      ['6,7%', '6,2%', '3,8%', '3,5%', '3,9%', '4,8%', '10,1%', '8,8%'],
      ['1,5%', '10,0%', '5,0%', '3,3%', '3,3%', '3,6%', '6,4%', '3,9%'],
      ['0,1%', '2,1%', '2,4%', '1,8%', '1,3%', '1,2%', '1,2%', '0,6%'],
      ['0,1%', '0,7%', '1,0%', '1,1%', '0,8%', '0,3%', '0,3%', '0,2%'],
    ]);
    expect(ct.rowTotals.map((t) => pct(ratio(t, ct.total)))).to.deep.equal(['47,9%', '37,0%', '10,6%', '4,5%']);
    expect(ct.columnTotals.map((t) => pct(ratio(t, ct.total)))).to.deep.equal([
      '8,4%',
      '19,0%',
      '12,2%',
      '9,7%',
      '9,3%',
      '9,9%',
      '18,0%',
      '13,5%',
    ]);
  });

  it('gives the distribution of levels within a band: 65 + débutants 678 / 1 037 = 65,4 %', async () => {
    const ct = await load('niveau-usage-age');
    expect(pct(shares(ct, 'column')[0]![7]!)).to.equal('65,4%');
  });
});

describe('seed: key figures and budget ratios', () => {
  const value = async (key: string) => {
    const t = parseCsv(await fixture('seed/chiffres-cles.csv'));
    const row = t.rows.find((r) => r[0] === key);
    return row![1] as number;
  };

  it('reads the key figures as numbers, the dot decimal included (95.57 ETP)', async () => {
    const t = parseCsv(await fixture('seed/chiffres-cles.csv'));
    expect(t.meta.types).to.deep.equal(['string', 'number', 'string']);
    expect(await value('equivalents_temps_plein')).to.equal(95.57);
    expect(formatNumber(await value('equivalents_temps_plein'))).to.equal('95,57');
    expect(await value('visites_annuelles')).to.equal(745000);
  });

  it('745 000 visits / 65 691 registered users = 11,3 visits per user', async () => {
    expect(
      formatNumber(ratio(await value('visites_annuelles'), await value('inscrits_annuels')), {digits: 1}),
    ).to.equal('11,3');
  });

  it('16 €/inscrit and 0,71 €/habitant from the budget the source implies (16 € × 65 691 ≈ 1,05 M€; 1,48 M inhabitants)', async () => {
    const users = await value('inscrits_annuels');
    const budget = 1_050_000;
    expect(formatEuro(ratio(budget, users))).to.equal('16\u00a0€');
    expect(formatEuro(ratio(budget, 1_480_000))).to.equal('0,71\u00a0€');
    expect(formatEuro(ratio(budget, 1_470_000))).to.equal('0,71\u00a0€');
  });

  it('0,85 €/habitant without the 0–4 and over-75 year olds (≈ 1,23 M inhabitants)', () => {
    expect(formatEuro(ratio(1_050_000, 1_235_000))).to.equal('0,85\u00a0€');
  });

  it('5,1 M€ over two calls for projects and 800 k€ for the resource centre', async () => {
    expect(formatEuro(await value('budget_appels_a_projets'), {compact: true})).to.equal('5,1\u00a0M€');
    expect(formatEuro(await value('budget_centre_de_ressources_4_ans'), {compact: true})).to.equal('800\u00a0k€');
  });

  it('64 project holders and 117 EPN over the three départements', async () => {
    const ct = readCrossTab(parseCsv(await fixture('seed/epn-departements.csv')));
    expect(ct.rowLabels).to.deep.equal(['Calvados', 'Manche', 'Orne']);
    expect(ct.columnTotals).to.deep.equal([64, 117]);
  });
});

describe('real: INSEE population estimates 2023 (two-row header, BOM, spaced thousands)', () => {
  it('reads Calvados, men 0–19: 82 723', async () => {
    const t = parseCsv(await fixture('real/insee-estim-pop-dep-2023.csv'));
    expect(t.meta.encoding).to.equal('utf-8');
    expect(t.meta.bom).to.equal(true);
    expect(t.meta.delimiter).to.equal(';');
    expect(t.meta.headerRows).to.equal(2);
    const men = readCrossTab(t, {group: 'Hommes'});
    expect(men.columnLabels).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75+']);
    const calvados = men.rowLabels.indexOf('Calvados');
    expect(men.counts[calvados]![0]).to.equal(82723);
  });

  it('reads the population of Calvados, Manche and Orne', async () => {
    const all = readCrossTab(parseCsv(await fixture('real/insee-estim-pop-dep-2023.csv')), {group: 'Ensemble'});
    const pop = (name: string) => all.rowTotals[all.rowLabels.indexOf(name)];
    expect([pop('Calvados'), pop('Manche'), pop('Orne')]).to.deep.equal([700595, 492642, 272872]);
  });

  it('keeps département codes as strings (01 lost its zero, 2A, 2B) and sets aggregates aside', async () => {
    const t = parseCsv(await fixture('real/insee-estim-pop-dep-2023.csv'));
    expect(t.meta.types[0]).to.equal('string');
    expect(t.rows.map((r) => r[0])).to.include.members(['1', '2A', '2B', '974']);
    const all = readCrossTab(t, {group: 'Ensemble'});
    expect(all.meta.subRows.map((s) => s.label)).to.deep.equal([
      'France métropolitaine',
      'DOM',
      'France métropolitaine et DOM',
    ]);
    expect(all.rowLabels).to.have.length(101);
  });
});
