// `npm run size`: min + gzip (level 9) of what users download. The npm script builds first.
// `node test/size.mjs --check` (the last step of `npm run build`) measures only the budgeted files and fails over
// budget (test/size-budgets.json).
// Each widget entry is measured twice: alone with everything it needs inside (lit, d3 pieces, papaparse, the core),
// and its own code only (those external), which is what it adds to a page that already has the others.
import {readdirSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import commonjs from '@rollup/plugin-commonjs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measure = (code) => ({min: Buffer.byteLength(code), gzip: gzipSync(code, {level: 9}).length});
const shared = /^(lit|@lit|d3-|@epn\/stats|papaparse)/;

async function bundle(input, external) {
  const b = await rollup({
    input,
    external,
    onwarn: () => undefined,
    plugins: [nodeResolve({browser: true, exportConditions: ['production']}), commonjs({ignore: ['stream']}), terser({format: {comments: false}, module: true})],
  });
  const {output} = await b.generate({format: 'es'});
  return output[0].code;
}

const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', import.meta.url), 'utf8'));
const budgeted = [
  ['core', '@epn/stats without papaparse', async () => measure(await bundle('packages/stats/dist/index.js', ['papaparse']))],
  ['core+papaparse', '@epn/stats with papaparse (dist/epn-stats.min.js)', async () => measure(readFileSync('packages/stats/dist/epn-stats.min.js', 'utf8'))],
  ['all-in-one', 'all-in-one (dist/epn-widgets.js)', async () => measure(readFileSync('packages/widgets/dist/epn-widgets.js', 'utf8'))],
  ['worker', 'worker (dist/epn-worker.js, loaded for large files)', async () => measure(readFileSync('packages/widgets/dist/epn-worker.js', 'utf8'))],
];
const rows = [];
const over = [];
for (const [key, name, get] of budgeted) {
  const s = await get();
  const b = budgets[key];
  rows.push([name, s, b]);
  if (b && s.gzip > b.limit * 1024) over.push(`${name}: ${kb(s.gzip)} gzip > ${b.limit} KB`);
}
if (!process.argv.includes('--check')) {
  for (const f of readdirSync('packages/widgets/dist/define').filter((f) => f.endsWith('.js')).sort()) {
    const input = `packages/widgets/dist/define/${f}`;
    rows.push([`define/${f} alone, everything inside`, measure(await bundle(input, []))]);
    rows.push([`define/${f} own code (lit, d3, core external)`, measure(await bundle(input, (id) => shared.test(id)))]);
  }
}
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, s, b] of rows) {
  const budget = b ? `  limit ${b.limit} KB, target ${b.target} KB${b.cap ? `, cap ${b.cap} KB${s.gzip > b.cap * 1024 ? ' (over)' : ''}` : ''}` : '';
  console.log(`${name.padEnd(width)}  ${kb(s.min).padStart(9)} min  ${kb(s.gzip).padStart(8)} gzip${budget}`);
}
if (over.length) {
  console.error(`\nOver the size budget (test/size-budgets.json):\n- ${over.join('\n- ')}`);
  process.exit(1);
}
