// `npm run bench` (real files): parseCsv on the real public files of the corpus, against a bare papaparse parse of
// the same text, in one run, so that the ratio holds on a shared, noisy machine. For each file:
//   papaparse  Papa.parse(text, {header: false}) on the text decoded with the file's encoding (the decoding not timed);
//   parseCsv   parseCsv(bytes): decoding, delimiter, header, types and every figure, from the file's bytes;
//   aggregate  aggregateCsv over 64 KB chunks, counting by a category column against a numeric one.
// Each is run RUNS times (default 7, `--runs N`), in blocks A B B A (see `blocks`), the median kept. Files under 100 KB are summed in one
// line (their times are below the timer's noise). Files are read from test/fixtures/real-corpus/ (the project's
// copy, with ORIGINS.tsv), or ../shared/data/real/corpus/ when the project has no copy.
import Papa from 'papaparse';
import {aggregateCsv, parseCsv} from '@epn/stats';
import {corpusDir as dir, corpusFiles, root} from './corpus.mjs';

if (!dir) {
  console.log('real files: no corpus found (test/fixtures/real-corpus/ or ../shared/data/real/corpus/)');
  process.exit(0);
}
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/**
 * Times `a` and `b` `runs` times each, in blocks A B B A (half the runs each, after one untimed run): each method
 * runs among its own garbage, and a drift of the machine's load weighs on both alike. (Interleaving them one call
 * each made each pay for the garbage the other left: papaparse makes a string and an array for every cell, and its
 * collection landed in parseCsv's time — 10 to 30 ms more on some files.)
 */
async function blocks(a, b) {
  const ta = [];
  const tb = [];
  const block = async (f, into, n) => {
    await f();
    for (let k = 0; k < n; k++) {
      const t0 = performance.now();
      await f();
      into.push(performance.now() - t0);
    }
  };
  const half = Math.ceil(runs / 2);
  await block(a, ta, half);
  await block(b, tb, half);
  await block(b, tb, runs - half);
  await block(a, ta, runs - half);
  return [ta, tb];
}

console.log(
  `\nReal files (${dir.replace(root, '')}): parseCsv against a bare papaparse parse of the same text, median of ${runs}`,
);
console.log(
  `${'file'.padEnd(42)} ${'size'.padStart(9)} ${'papaparse'.padStart(10)} ${'parseCsv'.padStart(10)} ${'ratio'.padStart(6)}`,
);
let small = {bytes: 0, papa: 0, ours: 0, n: 0};
let big = {bytes: 0, papa: 0, ours: 0};
const ratios = [];
for (const {f, bytes, m, text} of corpusFiles()) {
  // Warm both up (the JIT), untimed.
  for (let k = 0; k < 2; k++) {
    Papa.parse(text, {header: false, delimiter: m.delimiter});
    parseCsv(bytes);
  }
  const [papa, ours] = await blocks(
    () => Papa.parse(text, {header: false, delimiter: m.delimiter}),
    () => parseCsv(bytes),
  );
  const p = median(papa);
  const o = median(ours);
  if (bytes.length < 100000) {
    small = {bytes: small.bytes + bytes.length, papa: small.papa + p, ours: small.ours + o, n: small.n + 1};
    continue;
  }
  big = {bytes: big.bytes + bytes.length, papa: big.papa + p, ours: big.ours + o};
  ratios.push(o / p);
  console.log(
    `${f.padEnd(42)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB ${p.toFixed(1).padStart(7)} ms ${o.toFixed(1).padStart(7)} ms ${(o / p).toFixed(2).padStart(6)}`,
  );
}
console.log(
  `${`${small.n} files under 100 KB (summed)`.padEnd(42)} ${(small.bytes / 1024).toFixed(0).padStart(6)} KB ${small.papa.toFixed(1).padStart(7)} ms ${small.ours.toFixed(1).padStart(7)} ms ${(small.ours / small.papa).toFixed(2).padStart(6)}`,
);
console.log(
  `${'files of 100 KB or more (summed)'.padEnd(42)} ${(big.bytes / 1024).toFixed(0).padStart(6)} KB ${big.papa.toFixed(1).padStart(7)} ms ${big.ours.toFixed(1).padStart(7)} ms ${(big.ours / big.papa).toFixed(2).padStart(6)}`,
);
console.log(
  `ratio parseCsv ÷ papaparse per file of 100 KB or more: median ${median(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (target ≤ 1.5, aim 1)`,
);

// aggregateCsv: the file in 64 KB chunks, counted by its text column with the fewest distinct values (2 or more)
// against its first numeric column: what a widget does with a large file.
console.log(
  `\naggregateCsv (64 KB chunks, by a category and a numeric column) against the same bare papaparse parse, median of ${runs}`,
);
const aggRatios = [];
for (const {f, bytes, m, text} of corpusFiles()) {
  if (bytes.length < 100000) continue;
  const t = parseCsv(bytes);
  const value = t.meta.types.indexOf('number');
  let rows = -1;
  let fewest = Infinity;
  t.meta.types.forEach((type, j) => {
    if (type !== 'string') return;
    const distinct = new Set(t.rows.map((r) => r[j])).size;
    if (distinct > 1 && distinct < fewest) [rows, fewest] = [j, distinct];
  });
  if (value < 0 || rows < 0 || fewest > 50) continue;
  const options = {rows, columns: rows, value};
  const chunks = () =>
    (async function* () {
      for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
    })();
  try {
    await aggregateCsv(chunks(), options);
  } catch {
    continue;
  }
  const [papa, agg] = await blocks(
    () => Papa.parse(text, {header: false, delimiter: m.delimiter}),
    () => aggregateCsv(chunks(), options),
  );
  const p = median(papa);
  const a = median(agg);
  aggRatios.push(a / p);
  console.log(
    `${f.padEnd(42)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB ${p.toFixed(1).padStart(7)} ms ${a.toFixed(1).padStart(7)} ms ${(a / p).toFixed(2).padStart(6)}  (${t.columns[rows]} × ${t.columns[value]})`,
  );
}
if (aggRatios.length)
  console.log(
    `ratio aggregateCsv ÷ papaparse: median ${median(aggRatios).toFixed(2)}, worst ${Math.max(...aggRatios).toFixed(2)} (target ≤ 1)`,
  );
