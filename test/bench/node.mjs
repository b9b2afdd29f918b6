// `npm run bench` (Node part): counts an individual-level CSV by sex × age band three ways, each in its own child
// process so that peak memory is per method, on 100 000 and 1 000 000 rows (build/bench/, generated when missing):
//   aggregateCsv  @epn/stats, over a file stream (fs.createReadStream): never holds the rows;
//   papaparse     a plain Papa.parse of the whole text (header: false), no counting: the parse alone;
//   d3-dsv        dsvFormat(';').parseRows of the whole text, then d3-array rollup by sex and age band.
// Time: from the start of reading the file to the result, in the child (module loading excluded). Peak memory:
// the child's maxRSS, and maxRSS above a child that only loads the same modules (Node's own ~45 MB aside).
// Each method runs RUNS times (default 3, `node test/bench/node.mjs --runs 5`); the median is reported.
//
// Structure: `runNode()` returns rows {size, method, ms, rss, extra}; `report()` prints them with ratios to
// papaparse. A browser part can add its own rows (method names such as 'browser aggregateCsv') and call report().
import {spawnSync} from 'node:child_process';
import {createReadStream, readFileSync, statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {benchFile} from './generate.mjs';

const SIZES = [100000, 1000000];
const METHODS = ['aggregateCsv', 'papaparse', 'd3-dsv'];
const BANDS = [0, 11, 18, 26, 36, 46, 56, 66];
const LABELS = ['-11', '11-17', '18-25', '26-35', '36-45', '46-55', '56-65', '65 +'];
const self = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Child: one method on one file; prints one JSON line.

async function child(method, path) {
  const modules = {
    aggregateCsv: () => import('@epn/stats'),
    papaparse: () => import('papaparse'),
    'd3-dsv': async () => ({dsv: await import('d3-dsv'), array: await import('d3-array')}),
    baseline: async () => ({
      stats: await import('@epn/stats'),
      papa: await import('papaparse'),
      dsv: await import('d3-dsv'),
      array: await import('d3-array'),
    }),
  };
  const m = await modules[method]();
  const started = performance.now();
  let result;
  if (method === 'aggregateCsv') {
    const ct = await m.aggregateCsv(createReadStream(path), {rows: 'sexe', columns: 'âge', bands: 'seed'});
    result = {rows: ct.rowLabels, columns: ct.columnLabels, counts: ct.counts};
  } else if (method === 'papaparse') {
    const parsed = m.default.parse(readFileSync(path, 'utf8'), {header: false});
    result = {records: parsed.data.length};
  } else if (method === 'd3-dsv') {
    const records = m.dsv.dsvFormat(';').parseRows(readFileSync(path, 'utf8'));
    const band = (age) => LABELS[m.array.bisectRight(BANDS, age) - 1];
    const byBand = m.array.rollup(
      records.slice(1),
      (v) => v.length,
      (r) => r[0],
      (r) => band(Number(r[1])),
    );
    const rows = ['H', 'F'];
    result = {
      rows: ['Hommes', 'Femmes'],
      columns: LABELS,
      counts: rows.map((s) => LABELS.map((l) => byBand.get(s)?.get(l) ?? 0)),
    };
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ms, rss: process.resourceUsage().maxRSS * 1024, result}));
}

// ---------------------------------------------------------------------------------------------------------------
// Parent.

function spawnChild(method, path) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', self, '--child', method, path], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${method} on ${path} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs every method on every size in Node; returns one row per size and method. */
export async function runNode(runs) {
  const out = [];
  for (const size of SIZES) {
    const path = await benchFile(size);
    const baseline = median(Array.from({length: runs}, () => spawnChild('baseline', path).rss));
    const results = {};
    for (const method of METHODS) {
      const done = Array.from({length: runs}, () => spawnChild(method, path));
      results[method] = done[0].result;
      out.push({
        size,
        bytes: statSync(path).size,
        method,
        ms: median(done.map((d) => d.ms)),
        rss: median(done.map((d) => d.rss)),
        baseline,
      });
    }
    // The two counting methods must agree.
    const same = JSON.stringify(results.aggregateCsv.counts) === JSON.stringify(results['d3-dsv'].counts);
    out.push({
      size,
      check: same
        ? 'aggregateCsv and d3-dsv + rollup give the same counts'
        : 'MISMATCH between aggregateCsv and d3-dsv',
    });
    if (!same) process.exitCode = 1;
  }
  return out;
}

const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;

/** Prints the rows: per size, time and peak memory per method, with ratios to papaparse. */
export function report(rows) {
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const of = rows.filter((r) => r.size === size && r.method);
    const papa = of.find((r) => r.method === 'papaparse');
    console.log(`\n${size.toLocaleString('en')} rows (${mb(of[0].bytes)}), Node ${process.version}`);
    console.log(
      `${'method'.padEnd(22)}${'time'.padStart(9)}${'× papa'.padStart(8)}${'peak RSS'.padStart(10)}${'above base'.padStart(12)}${'papa ÷'.padStart(8)}`,
    );
    for (const r of of) {
      const above = r.rss - r.baseline;
      console.log(
        r.method.padEnd(22) +
          `${r.ms.toFixed(0)} ms`.padStart(9) +
          (papa ? `${(r.ms / papa.ms).toFixed(2)}`.padStart(8) : '') +
          mb(r.rss).padStart(10) +
          mb(above).padStart(12) +
          (papa ? `${((papa.rss - papa.baseline) / above).toFixed(1)}×`.padStart(8) : ''),
      );
    }
    for (const r of rows.filter((x) => x.size === size && x.check)) console.log(r.check);
  }
  console.log(
    '\n"above base": maxRSS minus a child that only loads the modules; "papa ÷": papaparse\'s peak above base ÷ this one\'s.',
  );
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else if (process.argv[1] === self) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 3;
  report(await runNode(runs));
}
