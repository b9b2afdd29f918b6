// Invariants of the cross-tabs, shares and formatters, checked with fast-check on 1 000 generated cases each (on a
// failure fast-check prints the seed and the shrunk counterexample). Tables are built directly, so that these
// properties test the statistics, not the CSV reader.
import {
  crossTab,
  formatEuro,
  formatNumber,
  formatPercent,
  readCrossTab,
  SEED_AGE_BANDS,
  sexOf,
  shares,
  type CrossTab,
  type Table,
  type Value,
} from '@epn/stats';
import fc from 'fast-check';
import {describe, expect, it} from '../harness.js';

const RUNS = {numRuns: 1000};

/** A table as parseCsv would return it for these rows: a column is numeric when it holds numbers and no text. */
function tableOf(columns: string[], rows: Value[][]): Table {
  const types = columns.map((_, j) =>
    rows.some((r) => typeof r[j] === 'string') || !rows.some((r) => typeof r[j] === 'number') ? 'string' : 'number',
  );
  const meta = {
    encoding: null,
    bom: false,
    delimiter: ';',
    decimal: ',',
    lineEnding: 'lf',
    headerRows: 1,
    headerLine: 1,
    header: [columns],
    types,
    percentColumns: [],
    titles: [],
    notes: [],
    markers: [],
    issues: [],
    skipped: [],
    rowLines: rows.map((_, i) => i + 2),
  };
  return {columns, rows, meta: meta as unknown as Table['meta']};
}

const SEXES = ['Hommes', 'Femmes'];
const BANDS = [...SEED_AGE_BANDS.labels];

/** One row per group: [sexe, tranche, effectif], combinations possibly repeated, counts up to a million. */
const longRows = fc.array(fc.tuple(fc.constantFrom(...SEXES), fc.constantFrom(...BANDS), fc.nat(1_000_000)), {
  minLength: 1,
  maxLength: 40,
});

/** One row per person: [sexe, âge], with every code form, unknown sexes, missing values, negative and decimal ages. */
const personRows = fc.array(
  fc.tuple(
    fc.constantFrom<Value>(
      'H',
      'F',
      'Hommes',
      'Femmes',
      'Homme',
      'Femme',
      'M',
      'Masculin',
      'Féminin',
      'Non communiqué',
      null,
    ),
    fc.oneof(fc.integer({min: -5, max: 110}), fc.double({min: -2, max: 120, noNaN: true}), fc.constant(null)),
  ),
  {minLength: 1, maxLength: 60},
);

/** A wide matrix of counts (2–5 rows × 1–6 columns). */
const matrix = fc
  .integer({min: 2, max: 5})
  .chain((rows) =>
    fc
      .integer({min: 1, max: 6})
      .chain((cols) =>
        fc.array(fc.array(fc.nat(100_000), {minLength: cols, maxLength: cols}), {minLength: rows, maxLength: rows}),
      ),
  );
const wide = (counts: number[][]): Table =>
  tableOf(
    ['catégorie', ...counts[0]!.map((_, j) => `c${j + 1}`)],
    counts.map((r, i) => [`r${i + 1}`, ...r]),
  );

/** The cells of a cross-tab by label, so that two cross-tabs compare whatever their label order. */
function byLabel(ct: CrossTab): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  ct.rowLabels.forEach((r, i) => ct.columnLabels.forEach((c, j) => (out[`${r} × ${c}`] = ct.counts[i]![j]!)));
  ct.rowLabels.forEach((r, i) => (out[`${r} × (total)`] = ct.rowTotals[i]!));
  ct.columnLabels.forEach((c, j) => (out[`(total) × ${c}`] = ct.columnTotals[j]!));
  out['(total)'] = ct.total;
  return out;
}

/**
 * crossTab of [sexe, âge] rows with the seed's bands, or null when no row is left to count (NO_DATA) or no age is
 * known at all (NOT_NUMERIC).
 */
function personsCrossTab(rows: Value[][]): CrossTab | null {
  try {
    return crossTab(tableOf(['sexe', 'age'], rows), {rows: 'sexe', columns: 'age', bands: 'seed'});
  } catch (e) {
    const code = (e as {code?: string}).code;
    if (code === 'NO_DATA' || (code === 'NOT_NUMERIC' && rows.every((r) => r[1] === null))) return null;
    throw e;
  }
}

const sum = (xs: Array<number | null>) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);

describe('properties: crossTab', () => {
  it('crossTab(long, {value}) cells are the sums of the input counts of each combination; absent ones are null', () => {
    fc.assert(
      fc.property(longRows, (rows) => {
        const ct = crossTab(tableOf(['sexe', 'tranche', 'effectif'], rows), {
          rows: 'sexe',
          columns: 'tranche',
          value: 'effectif',
        });
        const expected = new Map<string, number>();
        for (const [s, b, n] of rows) expected.set(`${s}|${b}`, (expected.get(`${s}|${b}`) ?? 0) + n);
        ct.rowLabels.forEach((s, i) =>
          ct.columnLabels.forEach((b, j) =>
            expect(ct.counts[i]![j]).to.equal(expected.has(`${s}|${b}`) ? expected.get(`${s}|${b}`) : null),
          ),
        );
        expect(sum(ct.counts.flat())).to.equal(sum(rows.map((r) => r[2])));
        expect(ct.meta.excluded).to.equal(0);
      }),
      RUNS,
    );
  });

  it('crossTab(persons, {bands}) counts every person once: cells equal a direct count, and cells + excluded = rows', () => {
    fc.assert(
      fc.property(personRows, (rows) => {
        const expected = new Map<string, number>();
        let out = 0;
        for (const [s, age] of rows) {
          const band = SEED_AGE_BANDS.labelOf(age as number | null);
          if (s === null || band === null) {
            out++;
            continue;
          }
          const key = `${sexOf(s) ?? s}|${band}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const ct = personsCrossTab(rows);
        if (!ct) {
          expect(out).to.equal(rows.length);
          return;
        }
        expect(ct.meta.excluded).to.equal(out);
        expect(ct.columnLabels).to.deep.equal(BANDS);
        ct.rowLabels.forEach((s, i) =>
          ct.columnLabels.forEach((b, j) => expect(ct.counts[i]![j]).to.equal(expected.get(`${s}|${b}`) ?? 0)),
        );
        expect(sum(ct.counts.flat()) + ct.meta.excluded).to.equal(rows.length);
        const sexes = ct.rowLabels.filter((l) => SEXES.includes(l));
        expect(ct.rowLabels.slice(0, sexes.length)).to.deep.equal(SEXES.filter((l) => sexes.includes(l)));
      }),
      {
        ...RUNS,
        examples: [
          [
            [
              ['Femmes', 70],
              ['H', -1],
              [null, 30],
            ],
          ],
        ],
      },
    );
  });

  it('crossTab(table) row totals, column totals and the grand total agree: the margins sum to the total', () => {
    fc.assert(
      fc.property(longRows, (rows) => {
        const full: Value[][] = [];
        for (const s of SEXES) for (const b of BANDS) full.push([s, b, 0]);
        const ct = crossTab(tableOf(['sexe', 'tranche', 'effectif'], [...full, ...rows]), {
          rows: 'sexe',
          columns: 'tranche',
          value: 'effectif',
        });
        expect(sum(ct.rowTotals)).to.equal(ct.total);
        expect(sum(ct.columnTotals)).to.equal(ct.total);
        expect(ct.total).to.equal(sum(rows.map((r) => r[2])));
      }),
      RUNS,
    );
  });

  it('crossTab(table) gives the same cross-tab, labels in the same order, whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        personRows.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, {minLength: rows.length, maxLength: rows.length})),
        ),
        ([rows, shuffled]) => {
          const a = personsCrossTab(rows);
          const b = personsCrossTab(shuffled);
          if (!a || !b) {
            expect(a).to.equal(b);
            return;
          }
          expect(byLabel(b)).to.deep.equal(byLabel(a));
          expect(b.columnLabels).to.deep.equal(a.columnLabels);
          expect(b.rowLabels.slice(0, 2)).to.deep.equal(a.rowLabels.slice(0, 2));
          expect(b.meta.excluded).to.equal(a.meta.excluded);
        },
      ),
      RUNS,
    );
  });

  it('crossTab(long) gives the same cells and age-band order whatever the order of the rows', () => {
    fc.assert(
      fc.property(
        longRows.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, {minLength: rows.length, maxLength: rows.length})),
        ),
        ([rows, shuffled]) => {
          const a = crossTab(tableOf(['sexe', 'tranche', 'n'], rows), {rows: 'sexe', columns: 'tranche', value: 'n'});
          const b = crossTab(tableOf(['sexe', 'tranche', 'n'], shuffled), {
            rows: 'sexe',
            columns: 'tranche',
            value: 'n',
          });
          expect(b.rowLabels).to.deep.equal(a.rowLabels);
          expect(b.columnLabels).to.deep.equal(a.columnLabels);
          expect(b.counts).to.deep.equal(a.counts);
          expect(b.total).to.equal(a.total);
        },
      ),
      RUNS,
    );
  });
});

describe('properties: readCrossTab and shares', () => {
  it('readCrossTab(wide) margins sum to the grand total, and a correct Total row and column raise no issue', () => {
    fc.assert(
      fc.property(matrix, (counts) => {
        const ct = readCrossTab(wide(counts));
        expect(sum(ct.rowTotals)).to.equal(ct.total);
        expect(sum(ct.columnTotals)).to.equal(ct.total);
        expect(ct.total).to.equal(sum(counts.flat()));
        const rowSums = counts.map((r) => sum(r));
        const colSums = counts[0]!.map((_, j) => sum(counts.map((r) => r[j]!)));
        const withTotals = tableOf(
          ['catégorie', ...counts[0]!.map((_, j) => `c${j + 1}`), 'Total'],
          [...counts.map((r, i) => [`r${i + 1}`, ...r, rowSums[i]!]), ['Total', ...colSums, sum(rowSums)]],
        );
        const given = readCrossTab(withTotals);
        expect(given.meta.issues).to.deep.equal([]);
        expect(given.counts).to.deep.equal(counts);
        expect(given.total).to.equal(ct.total);
      }),
      RUNS,
    );
  });

  it('shares(ct, basis) is unchanged when every count is multiplied by the same factor', () => {
    fc.assert(
      fc.property(
        matrix,
        fc.integer({min: 1, max: 1000}),
        fc.constantFrom('total' as const, 'row' as const, 'column' as const),
        (counts, k, basis) => {
          const a = shares(readCrossTab(wide(counts)), basis);
          const b = shares(readCrossTab(wide(counts.map((r) => r.map((n) => n * k)))), basis);
          expect(b).to.deep.equal(a);
        },
      ),
      RUNS,
    );
  });

  it('shares(ct, basis) of a partition sum to 1 (within 1e-9), lie in [0, 1], and are null only over a zero total', () => {
    fc.assert(
      fc.property(matrix, (counts) => {
        const ct = readCrossTab(wide(counts));
        const byTotal = shares(ct, 'total').flat();
        if (ct.total === 0) expect(byTotal.every((x) => x === null)).to.equal(true);
        else expect(Math.abs(sum(byTotal) - 1)).to.be.at.most(1e-9);
        shares(ct, 'row').forEach((row, i) => {
          if (ct.rowTotals[i] === 0) expect(row.every((x) => x === null)).to.equal(true);
          else expect(Math.abs(sum(row) - 1)).to.be.at.most(1e-9);
        });
        const byColumn = shares(ct, 'column');
        ct.columnLabels.forEach((_, j) => {
          const col = byColumn.map((r) => r[j]!);
          if (ct.columnTotals[j] === 0) expect(col.every((x) => x === null)).to.equal(true);
          else expect(Math.abs(sum(col) - 1)).to.be.at.most(1e-9);
        });
        for (const x of [...byTotal, ...byColumn.flat()])
          expect(x === null || (x >= 0 && x <= 1 && Number.isFinite(x))).to.equal(true);
      }),
      RUNS,
    );
  });
});

describe('properties: formatters', () => {
  const options = fc.record(
    {
      locale: fc.constantFrom('fr', 'en', 'fr-FR', 'en-GB'),
      digits: fc.integer({min: 0, max: 10}),
      compact: fc.boolean(),
    },
    {requiredKeys: []},
  );
  /** A written number shows no NaN, no Infinity, no exponent, and a minus sign only before a non-zero digit. */
  const clean = (text: string) => {
    expect(text).not.to.match(/NaN|Infinity|e[+-]?\d/i);
    if (text.startsWith('-')) expect(text).to.match(/[1-9]/);
    expect(text).not.to.match(/^-€?0(?:[.,]0*)?(?![\d.,])/);
  };

  it("formatNumber, formatPercent and formatEuro never write 'NaN', 'Infinity' or '-0' for any double", () => {
    fc.assert(
      fc.property(fc.double(), options, (x, o) => {
        for (const f of [formatNumber, formatPercent, formatEuro]) {
          const text = f(x, o);
          clean(text);
          expect(text === '').to.equal(!Number.isFinite(x));
        }
      }),
      RUNS,
    );
  });

  it('formatNumber, formatPercent and formatEuro never write -0 for tiny negative numbers', () => {
    fc.assert(
      fc.property(fc.double({min: -0.0049, max: 0, noNaN: true}), fc.constantFrom('fr', 'en'), (x, locale) => {
        expect(formatNumber(x, {locale})).to.equal('0');
        expect(formatEuro(x, {locale})).to.equal(locale === 'en' ? '€0.00' : '0,00\u00a0€');
        expect(formatPercent(x / 100, {locale})).to.equal(locale === 'en' ? '0.0%' : '0,0\u00a0%');
      }),
      RUNS,
    );
  });

  it('formatNumber(x, {digits: 2}) reads back within half a hundredth of x', () => {
    fc.assert(
      fc.property(fc.double({min: -1e12, max: 1e12, noNaN: true}), (x) => {
        const back = Number(formatNumber(x, {digits: 2, locale: 'en'}).replace(/,/g, ''));
        expect(Math.abs(back - x)).to.be.at.most(0.005 + 1e-9 * Math.abs(x));
        const fr = formatNumber(x, {digits: 2});
        expect(Number(fr.replace(/\u202f/g, '').replace(',', '.'))).to.equal(back);
      }),
      RUNS,
    );
  });
});
