// `npm run size`: min + gzip (level 9) of what users download. The npm script builds first.
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

const rows = [
  ['@epn/stats without papaparse', measure(await bundle('packages/stats/dist/index.js', ['papaparse']))],
  ['@epn/stats with papaparse (dist/epn-stats.min.js)', measure(readFileSync('packages/stats/dist/epn-stats.min.js', 'utf8'))],
  ['all-in-one (dist/epn-widgets.js)', measure(readFileSync('packages/widgets/dist/epn-widgets.js', 'utf8'))],
];
for (const f of readdirSync('packages/widgets/dist/define').filter((f) => f.endsWith('.js')).sort()) {
  const input = `packages/widgets/dist/define/${f}`;
  rows.push([`define/${f} alone, everything inside`, measure(await bundle(input, []))]);
  rows.push([`define/${f} own code (lit, d3, core external)`, measure(await bundle(input, (id) => shared.test(id)))]);
}
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, s] of rows) console.log(`${name.padEnd(width)}  ${kb(s.min).padStart(9)} min  ${kb(s.gzip).padStart(8)} gzip`);
