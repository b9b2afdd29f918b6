// Band schemes, harmonise, commonScheme, readPopulation and reach: examples on the seed and real INSEE files, edge
// cases, then fast-check properties (harmonising single years equals summing them, harmonise-then-coarsen equals
// coarsen, an estimate never changes a total, a population against itself reaches 1 in every band).
import {
  BAND_SCHEMES,
  bandScheme,
  commonScheme,
  harmonise,
  parseCsv,
  reach,
  readCrossTab,
  readPopulation,
  type CrossTab,
} from '@epn/stats';
import fc from 'fast-check';
import {describe, expect, fixture, it, thrown} from '../harness.js';

const RUNS = {numRuns: 300};

/** A cross-tab built directly: rows × age-band columns, totals as sums. */
function ctOf(rowLabels: string[], columnLabels: string[], counts: (number | null)[][]): CrossTab {
  const sum = (xs: (number | null)[]) =>
    xs.reduce<number | null>((a, x) => (a === null || x === null ? null : a + x), 0);
  return {
    rowLabels,
    columnLabels,
    counts,
    rowTotals: counts.map(sum),
    columnTotals: columnLabels.map((_, j) => sum(counts.map((r) => r[j]!))),
    total: sum(counts.map(sum)),
    meta: {
      rowTitle: 'sexe',
      columnTitle: '',
      givenRowTotals: null,
      givenColumnTotals: null,
      givenTotal: null,
      subRows: [],
      excluded: 0,
      issues: [],
    },
  };
}

const insee = async () => parseCsv(await fixture('real/insee-estim-pop-dep-2023.csv'));
const seedUsers = async () => readCrossTab(parseCsv(await fixture('seed/inscrits-sexe-age.csv')));
const close = (a: number | null, b: number | null, eps = 1e-6) =>
  a !== null && b !== null && Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

describe('band schemes', () => {
  it('BAND_SCHEMES holds the seed, conseiller-numérique, La Coop and INSEE schemes with their ages', () => {
    expect(Object.keys(BAND_SCHEMES)).to.deep.equal([
      'seed',
      'conseiller-numerique',
      'coop',
      'quinquennal',
      'broad',
      'single-years',
    ]);
    expect(BAND_SCHEMES.seed.ranges[7]).to.deep.equal({lower: 66, upper: null});
    expect(BAND_SCHEMES['conseiller-numerique'].ranges[1]).to.deep.equal({lower: 12, upper: 17});
    expect(BAND_SCHEMES.coop.ranges[1]).to.deep.equal({lower: 12, upper: 17});
    expect(BAND_SCHEMES.quinquennal.labels[19]).to.equal('95 +');
    expect(BAND_SCHEMES.broad.labels).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75 +']);
    expect(BAND_SCHEMES['single-years'].labels.length).to.equal(101);
  });

  it("bandScheme(labels) takes a preset's ages for its labels (spaces, case, order aside) and reads others", () => {
    expect(bandScheme(['65 +', '-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65']).name).to.equal('seed');
    expect(bandScheme(['moins12ans', 'DE12A18ANS', 'De18a35ans', 'De35a60ans', 'Plus60ans']).ranges[4]).to.deep.equal({
      lower: 60,
      upper: null,
    });
    expect(bandScheme(['75 ans ou plus', '0 à 74 ans']).ranges).to.deep.equal([
      {lower: 0, upper: 74},
      {lower: 75, upper: null},
    ]);
    expect(bandScheme([0, 18, 65]).labels).to.deep.equal(['0-17', '18-64', '65 +']);
  });

  it('bandScheme refuses unknown names, non-bands, gaps and overlaps with BAD_OPTION', () => {
    expect(thrown(() => bandScheme('decennal' as 'broad'))?.code).to.equal('BAD_OPTION');
    expect(thrown(() => bandScheme(['0-19', 'adultes']))?.code).to.equal('BAD_OPTION');
    expect(thrown(() => bandScheme(['0-19', '25-39']))?.message).to.contain('laissent des âges de côté');
    expect(thrown(() => bandScheme(['0-19', '15-39']))?.message).to.contain('se chevauchent');
  });

  it('commonScheme keeps only the boundaries both schemes have', () => {
    expect(commonScheme('quinquennal', 'broad').labels).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75 +']);
    expect(commonScheme('coop', 'conseiller-numerique').labels).to.deep.equal(['0-11', '12-17', '18-59', '60 +']);
    // The seed's and INSEE's broad bands share no boundary but 0: only all ages compare exactly.
    expect(commonScheme('seed', 'broad').labels).to.deep.equal(['0 +']);
  });
});

describe('harmonise', () => {
  it('harmonise(single years, "broad") sums the years exactly (Toulouse, INSEE 2021)', async () => {
    const pop = readPopulation(parseCsv(await fixture('real/pyramide-toulouse-montpellier-2021.csv')), {
      area: 'Toulouse',
    });
    expect(pop.columnLabels.length).to.equal(101);
    const h = harmonise(pop, 'broad', {method: 'exact'});
    expect(h.meta.estimated).to.deep.equal([false, false, false, false, false]);
    const years = (lo: number, hi: number, row: number) =>
      pop.counts[row]!.slice(lo, hi + 1).reduce((a, b) => a! + b!, 0);
    expect(h.counts[0]).to.deep.equal([
      years(0, 19, 0),
      years(20, 39, 0),
      years(40, 59, 0),
      years(60, 74, 0),
      years(75, 100, 0),
    ]);
    expect(h.total).to.equal(pop.total);
  });

  it('harmonise(broad INSEE bands, "seed") splits bands uniformly and flags every estimated band', async () => {
    const pop = readPopulation(await insee(), {area: 'Calvados'});
    const h = harmonise(pop, 'seed');
    expect(h.meta.estimated).to.deep.equal([true, true, true, true, true, true, true, true]);
    // -11 is 0-10: 11 of the 20 ages of 0-19.
    expect(h.counts[0]![0]).to.be.closeTo((82_723 * 11) / 20, 1e-9);
    expect(h.meta.sources[0]).to.deep.equal([{band: '0-19', fraction: 11 / 20}]);
    expect(h.total).to.be.closeTo(700_595, 1e-6);
  });

  it('harmonise(…, {method: "exact"}) refuses a split with BAD_OPTION naming the bands', async () => {
    const pop = readPopulation(await insee(), {area: 'Orne'});
    expect(thrown(() => harmonise(pop, 'seed', {method: 'exact'}))?.message).to.contain('commonScheme');
    expect(thrown(() => harmonise(pop, 'broad', {method: 'guess' as 'exact'}))?.code).to.equal('BAD_OPTION');
  });

  it("harmonise leaves unknown what an unknown count feeds, and bands before the source's first age", () => {
    const ct = ctOf(['Hommes'], ['15-19', '20-24', '25 +'], [[10, null, 30]]);
    const h = harmonise(ct, [0, 20, 25]);
    expect(h.counts[0]).to.deep.equal([null, null, 30]);
    expect(h.meta.issues.map((i) => i.code)).to.include('BAND_GAP');
    expect(h.total).to.equal(null);
  });

  it('harmonise works on age bands as rows, and refuses a table without age bands (UNEXPECTED_SHAPE)', () => {
    const ct = ctOf(
      ['0-9', '10-19'],
      ['Hommes', 'Femmes'],
      [
        [1, 2],
        [3, 4],
      ],
    );
    expect(harmonise(ct, [0]).counts).to.deep.equal([[4, 6]]);
    expect(thrown(() => harmonise(ctOf(['a'], ['x', 'y'], [[1, 2]]), 'broad'))?.code).to.equal('UNEXPECTED_SHAPE');
  });
});

describe('readPopulation', () => {
  it("reads INSEE's two-row header: Hommes and Femmes, départements by name or code, added", async () => {
    const pop = readPopulation(await insee(), {area: 'Calvados, 50, 061'});
    expect(pop.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(pop.columnLabels).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75+']);
    expect(pop.total).to.equal(700_595 + 492_642 + 272_872);
    expect(pop.meta.areas).to.deep.equal(['Calvados', 'Manche', 'Orne']);
    expect(readPopulation(await insee(), {area: ['Calvados'], group: 'Ensemble'}).counts).to.deep.equal([
      [160_602, 159_523, 172_763, 132_798, 74_909],
    ]);
  });

  it('reads a long single-year file (Age, Nb_H, Nb_F), one town picked by name or code', async () => {
    const t = parseCsv(await fixture('real/pyramide-toulouse-montpellier-2021.csv'));
    const a = readPopulation(t, {area: 'Toulouse'});
    const b = readPopulation(t, {area: '31555'});
    expect(a.counts).to.deep.equal(b.counts);
    expect(a.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(a.columnLabels.slice(0, 3)).to.deep.equal(['0', '1', '2']);
    expect(a.counts[0]![0]).to.equal(2980);
    const both = readPopulation(t, {area: 'Toulouse;Montpellier'});
    expect(both.counts[1]![0]).to.equal(2735 + 1598);
  });

  it('refuses an unknown territory with BAD_OPTION, naming some that exist', async () => {
    expect(
      thrown(() =>
        readPopulation(parseCsv(new TextEncoder().encode('Nom;0-19;20 +\nA;1;2\nB;3;4')), {area: 'Atlantide'}),
      )?.message,
    ).to.contain('« A »');
  });

  it('reads a long table with a sex column and a count column, and one without sexes', () => {
    const t = parseCsv(
      new TextEncoder().encode('commune;sexe;age;effectif\nA;H;0;5\nA;F;0;6\nA;H;1;7\nB;H;0;100\nA;F;1;8'),
    );
    const p = readPopulation(t, {area: 'A'});
    expect(p.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(p.columnLabels).to.deep.equal(['0', '1']);
    expect(p.counts).to.deep.equal([
      [5, 7],
      [6, 8],
    ]);
    const all = readPopulation(parseCsv(new TextEncoder().encode('commune;age;population\nA;0;5\nA;1;6\nB;0;1')));
    expect(all.rowLabels).to.deep.equal(['Ensemble']);
    expect(all.counts).to.deep.equal([[6, 6]]);
  });

  it("without area adds every territory of INSEE's file, its aggregates (France métropolitaine…) left aside", async () => {
    const t = await insee();
    const all = readPopulation(t, {group: 'Ensemble'});
    const ct = readCrossTab(t, {group: 'Ensemble'});
    const sum = ct.counts.reduce((a, r) => a + r.reduce((x, y) => x! + y!, 0)!, 0);
    expect(all.total).to.equal(sum);
    expect(all.meta.areas).to.deep.equal([]);
    expect(ct.meta.subRows.length).to.be.greaterThan(0);
  });

  it('an unknown count makes its cell and every sum over it null, never 0', () => {
    const t = parseCsv(new TextEncoder().encode('Nom;0-19;20 +\nA;s;2\nB;3;4'));
    const p = readPopulation(t, {area: 'A, B'});
    expect(p.counts).to.deep.equal([[null, 6]]);
    expect(p.total).to.equal(null);
  });

  it('reads a wide sex × age table, either way round', () => {
    const t = parseCsv(new TextEncoder().encode('age;Hommes;Femmes\n0-19;10;12\n20 +;30;31'));
    const p = readPopulation(t);
    expect(p.rowLabels).to.deep.equal(['Hommes', 'Femmes']);
    expect(p.counts).to.deep.equal([
      [10, 30],
      [12, 31],
    ]);
  });
});

describe('reach', () => {
  it('reach(seed users, Calvados + Manche + Orne 2023, {exclude: 0-9, 75 +}): rates, index, estimates', async () => {
    const users = await seedUsers();
    const pop = readPopulation(await insee(), {area: 'Calvados, Manche, Orne'});
    const r = reach(users, pop, {exclude: ['0-9', '75 +']});
    expect(r.scheme.name).to.equal('seed');
    expect(r.bands.map((b) => b.label)).to.deep.equal([
      '-11',
      '11-17',
      '18-25',
      '26-35',
      '36-45',
      '46-55',
      '56-65',
      '65 +',
    ]);
    expect(r.bands.every((b) => b.estimated)).to.equal(true);
    // 11-17: 3 089 users; population 7/20 of 0-19 (323 323) … (11-17 sits inside 0-19).
    const b = r.bands[1]!;
    expect(b.users).to.equal(3089);
    expect(b.population).to.be.closeTo((323_323 * 7) / 20, 1e-6);
    expect(b.rate).to.be.closeTo(3089 / ((323_323 * 7) / 20), 1e-12);
    // -11 keeps 1 of its 11 ages (10), 65 + keeps 66 to 74 (9 of the 34 ages 66-99).
    expect(r.bands[0]!.included).to.be.closeTo(1 / 11, 1e-12);
    expect(r.bands[7]!.included).to.be.closeTo(9 / 34, 1e-12);
    expect(r.rate).to.be.closeTo(r.users! / r.population!, 1e-12);
    // Index = share of users ÷ share of population = rate ÷ overall rate.
    expect(b.index).to.be.closeTo(b.rate! / r.rate!, 1e-9);
    expect(r.sexes!.Femmes.users).to.be.greaterThan(0);
    expect(r.bands[7]!.sexes!.Hommes.users).to.equal(users.counts[0]![7]);
  });

  it('reach(…, {bands: "common"}) compares in the coarsest bands both give exactly: no estimate', async () => {
    const users = await seedUsers();
    const pop = readPopulation(await insee(), {area: 'Calvados, Manche, Orne'});
    const r = reach(users, pop, {bands: 'common'});
    // The seed's bands and INSEE's broad ones share no boundary but 0: all ages in one band.
    expect(r.bands.map((b) => b.label)).to.deep.equal(['0 +']);
    expect(r.estimated).to.equal(false);
    expect(r.rate).to.equal(17_254 / 1_466_109);
    // Users by conseiller-numérique bands against INSEE quinquennal bands built from single years: 0-11, 12-17, 18-59, 60 +.
    const cn = ctOf(['Ensemble'], [...BAND_SCHEMES['conseiller-numerique'].labels], [[10, 20, 30, 40, 50]]);
    const coop = ctOf(['Ensemble'], [...BAND_SCHEMES.coop.labels], [[100, 100, 100, 100, 100, 100, 100]]);
    const c = reach(cn, coop, {bands: 'common'});
    expect(c.bands.map((b) => [b.label, b.users, b.population])).to.deep.equal([
      ['0-11', 10, 100],
      ['12-17', 20, 100],
      ['18-59', 70, 300],
      ['60 +', 50, 200],
    ]);
  });

  it("reach(…, {bands: preset}) puts both in the preset, flagging the users' estimates too", async () => {
    const users = await seedUsers();
    const pop = readPopulation(await insee(), {area: 'Orne'});
    const r = reach(users, pop, {bands: 'broad'});
    expect(r.bands.map((b) => b.label)).to.deep.equal(['0-19', '20-39', '40-59', '60-74', '75 +']);
    expect(r.bands.map((b) => b.usersEstimated)).to.deep.equal([true, true, true, true, true]);
    expect(r.users).to.be.closeTo(17_254, 1e-6);
  });

  it('reach gives null, never 0 or Infinity, for a band with population 0 or unknown', () => {
    const users = ctOf(
      ['Hommes', 'Femmes'],
      ['0-19', '20 +'],
      [
        [5, 5],
        [5, 5],
      ],
    );
    const pop = ctOf(
      ['Hommes', 'Femmes'],
      ['0-19', '20 +'],
      [
        [0, 100],
        [0, null],
      ],
    );
    const r = reach(users, pop);
    expect(r.bands[0]!.rate).to.equal(null);
    expect(r.bands[0]!.index).to.equal(null);
    expect(r.bands[1]!.rate).to.equal(null);
    expect(r.rate).to.equal(null);
    expect(r.sexes!.Hommes.rate).to.equal(0.1);
  });

  it('reach refuses an unreadable exclude (BAD_OPTION) and users without age bands (UNEXPECTED_SHAPE)', () => {
    const pop = ctOf(['Ensemble'], ['0-19', '20 +'], [[1, 2]]);
    expect(thrown(() => reach(pop, pop, {exclude: ['jeunes']}))?.code).to.equal('BAD_OPTION');
    expect(thrown(() => reach(ctOf(['a'], ['x'], [[1]]), pop))?.code).to.equal('UNEXPECTED_SHAPE');
  });
});

describe('properties', () => {
  const years = fc.array(fc.nat(50_000), {minLength: 101, maxLength: 101});
  /** Increasing lower bounds from 0 (a scheme over single years). */
  const bounds = fc
    .uniqueArray(fc.integer({min: 1, max: 100}), {maxLength: 12})
    .map((xs) => [0, ...xs.sort((a, b) => a - b)]);
  const singles = (men: number[], women: number[]) =>
    ctOf(['Hommes', 'Femmes'], [...BAND_SCHEMES['single-years'].labels], [men, women]);

  it('harmonising single years into any scheme equals summing them, exactly', () => {
    fc.assert(
      fc.property(years, years, bounds, (m, w, lowers) => {
        const h = harmonise(singles(m, w), lowers, {method: 'exact'});
        return (
          lowers.every((lo, j) => {
            const hi = j < lowers.length - 1 ? lowers[j + 1]! : 101;
            return [m, w].every((row, i) => h.counts[i]![j] === row.slice(lo, hi).reduce((a, b) => a + b, 0));
          }) && !h.meta.estimated.includes(true)
        );
      }),
      RUNS,
    );
  });

  it('harmonise-then-coarsen equals coarsen (exact from single years, and through an estimate)', () => {
    fc.assert(
      fc.property(
        years,
        bounds,
        bounds,
        fc.constantFrom('seed', 'coop', 'broad', 'quinquennal', 'conseiller-numerique'),
        (m, a, b, preset) => {
          const fine = [...new Set([...a, ...b])].sort((x, y) => x - y);
          const src = singles(m, m);
          const direct = harmonise(src, b);
          const through = harmonise(harmonise(src, fine), b);
          // From broad bands, an estimate into a finer scheme then coarsened equals the direct estimate.
          const broad = harmonise(src, preset);
          const viaFine = harmonise(harmonise(broad, fine), b);
          const viaDirect = harmonise(broad, b);
          return (
            direct.counts.every((r, i) => r.every((n, j) => n === through.counts[i]![j])) &&
            viaFine.counts.every((r, i) => r.every((n, j) => close(n, viaDirect.counts[i]![j]!, 1e-9)))
          );
        },
      ),
      RUNS,
    );
  });

  it('an estimate never changes a total: row totals and the grand total are kept', () => {
    const preset = fc.constantFrom('seed', 'coop', 'broad', 'quinquennal', 'conseiller-numerique', 'single-years');
    fc.assert(
      fc.property(
        fc.array(fc.nat(1_000_000), {minLength: 5, maxLength: 5}),
        fc.array(fc.nat(1_000_000), {minLength: 5, maxLength: 5}),
        preset,
        bounds,
        (m, w, p, lowers) => {
          const src = ctOf(['Hommes', 'Femmes'], [...BAND_SCHEMES.broad.labels], [m, w]);
          return [harmonise(src, p), harmonise(src, lowers)].every(
            (h) => close(h.total, src.total, 1e-9) && h.rowTotals.every((t, i) => close(t, src.rowTotals[i]!, 1e-9)),
          );
        },
      ),
      RUNS,
    );
  });

  it('reach of a population against itself is 1 in every band (rate and index), whatever is excluded', () => {
    const counts = fc.array(fc.integer({min: 1, max: 1_000_000}), {minLength: 8, maxLength: 8});
    const ex = fc.subarray(['0-9', '75 +', '18-25', '60 +']);
    fc.assert(
      fc.property(counts, counts, ex, (m, w, exclude) => {
        const pop = ctOf(['Hommes', 'Femmes'], [...BAND_SCHEMES.seed.labels], [m, w]);
        const r = reach(pop, pop, {exclude});
        return (
          close(r.rate, 1, 1e-12) &&
          r.bands.every(
            (b) => close(b.rate, 1, 1e-12) && (b.included === 0 ? b.index === null : close(b.index, 1, 1e-9)),
          ) &&
          close(r.sexes!.Hommes.rate, 1, 1e-12) &&
          r.bands.every((b) => close(b.sexes!.Femmes.index, 1, 1e-9))
        );
      }),
      RUNS,
    );
  });
});
