// `npm run size`: min + gzip (level 9) of what users download. Builds first (npm script), then measures.
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import terser from '@rollup/plugin-terser';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measure = (code) => ({min: Buffer.byteLength(code), gzip: gzipSync(code, {level: 9}).length});

async function bundle(input, external) {
  const b = await rollup({input, external, plugins: [terser({format: {comments: false}})]});
  const {output} = await b.generate({format: 'es'});
  return output[0].code;
}

const rows = [
  ['@epn/stats, without papaparse', measure(await bundle('packages/stats/dist/index.js', ['papaparse']))],
  ['@epn/stats, with papaparse (dist/epn-stats.min.js)', measure(readFileSync('packages/stats/dist/epn-stats.min.js', 'utf8'))],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, s] of rows) console.log(`${name.padEnd(width)}  ${kb(s.min).padStart(9)} min  ${kb(s.gzip).padStart(8)} gzip`);
