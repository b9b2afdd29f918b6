#!/usr/bin/env node
// A developer's example: read the seed CSVs with @epn/stats in Node and print the three tables of the 2012
// Basse-Normandie review with French percentages, as the source printed them.
//   npm run build && node examples/node/seed-tables.mjs [--lang en]
import {readFile} from 'node:fs/promises';
import {formatNumber, formatPercent, parseCsv, ratio, readCrossTab, shares} from '@epn/stats';

const locale = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'fr';
const data = new URL('../data/', import.meta.url);
const read = async (name) => readCrossTab(parseCsv(await readFile(new URL(`${name}.csv`, data))));

/** Prints a cross-tab: counts, and under each the share of the chosen basis. */
function print(title, ct, basis, totalShares) {
  const s = shares(ct, basis);
  const pct = (x) => formatPercent(x, {locale});
  const num = (x) => formatNumber(x, {locale});
  const rows = [
    [ct.meta.rowTitle, ...ct.columnLabels, 'Total'],
    ...ct.rowLabels.map((label, i) => [
      label,
      ...ct.counts[i].map((n, j) => `${num(n)} ${pct(s[i][j])}`),
      `${num(ct.rowTotals[i])} ${pct(ratio(ct.rowTotals[i], ct.total))}`,
    ]),
    [
      'Total',
      ...ct.columnTotals.map((n) => `${num(n)}${totalShares ? ` ${pct(ratio(n, ct.total))}` : ''}`),
      num(ct.total),
    ],
  ];
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => [...r[j]].length)));
  console.log(`\n${title}\n${'='.repeat(title.length)}`);
  for (const r of rows)
    console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
}

const sexe = await read('inscrits-sexe-age');
print(
  locale === 'en'
    ? 'Registered users by sex and age (share of the total)'
    : 'Inscrits par sexe et par âge (part du total)',
  sexe,
  'total',
  true,
);
const equip = await read('equipement-age');
print(
  locale === 'en'
    ? "Equipment by age (share of each item's total)"
    : 'Usage informatique personnel (part du total de chaque équipement)',
  equip,
  'row',
  true,
);
const niveau = await read('niveau-usage-age');
print(
  locale === 'en' ? 'Skill level by age (share of the total)' : "Niveau d'usage personnel (part du total)",
  niveau,
  'total',
  true,
);
console.log(
  `\n${locale === 'en' ? 'Note: ' : 'Note : '}${
    locale === 'en'
      ? "the equipment table's Total row counts distinct respondents (multi-response); 901 / 1,055 = " +
        formatPercent(shares(equip, 'column')[0][1], {locale}) +
        ' of 11-17 year olds have a home computer.'
      : "le total du tableau d'équipement compte les répondants distincts (réponses multiples) ; 901 / 1 055 = " +
        formatPercent(shares(equip, 'column')[0][1]) +
        ' des 11-17 ans ont un ordinateur au foyer.'
  }`,
);
