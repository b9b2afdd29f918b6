// `npm run size`: min + gzip (level 9) of what users download. The npm script builds first.
// `node test/size.mjs --check` (the last step of `npm run build`) measures only the budgeted files and fails over
// budget (test/size-budgets.json). `node test/size.mjs --modules` (after a build) also prints where the bytes of the
// all-in-one file, of the core (`epn-stats.min.js`) and of the worker come from, module by module.
// Each widget entry is measured twice: alone with everything it needs inside (lit, d3 pieces, the core),
// and its own code only (those external), which is what it adds to a page that already has the others.
import {readdirSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import commonjs from '@rollup/plugin-commonjs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** The widgets' TypeScript, compiled as rollup.config.mjs does (for the worker's breakdown). */
const workerTs = () =>
  typescript({
    tsconfig: 'packages/widgets/tsconfig.json',
    outDir: 'packages/widgets/dist',
    declaration: false,
    declarationDir: undefined,
    sourceMap: true,
  });
/** As rollup.config.mjs's: the core's error texts (`messages.js`) replaced by their codes. */
const withoutMessages = () => ({
  name: 'epn-without-messages',
  resolveId: (source, importer) =>
    source === './messages.js' && /packages\/stats\//.test(importer ?? '') ? '\0epn-codes' : null,
  load: (id) =>
    id === '\0epn-codes' ? 'const m = new Proxy({}, {get: (_, code) => () => code}); export {m as fr, m as en};' : null,
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const measure = (code) => ({min: Buffer.byteLength(code), gzip: gzipSync(code, {level: 9}).length});
const shared = /^(lit|@lit|d3-|@epn\/stats)/;

// The same minifier options as rollup.config.mjs's `bundled()`.
const minify = (sourceMap) =>
  terser({format: {comments: false}, ecma: 2020, module: true, compress: {passes: 2}, sourceMap});

async function bundle(input, external) {
  const b = await rollup({
    input,
    external,
    onwarn: () => undefined,
    plugins: [
      nodeResolve({browser: true, exportConditions: ['production']}),
      commonjs({ignore: ['stream']}),
      minify(false),
    ],
  });
  const {output} = await b.generate({format: 'es'});
  return output[0].code;
}

/**
 * Where the bytes of a bundle come from: the minified characters each source module became (through the source
 * map), and that module's share of the bundle's gzip size, pro rata (gzip does not split exactly; it is a guide).
 * `entry` is module code (a virtual entry), bundled like the published file.
 */
async function breakdown(entry, external = [], plugins = []) {
  const virtual = {
    name: 'entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? entry : null),
  };
  const b = await rollup({
    input: 'entry',
    external,
    onwarn: () => undefined,
    plugins: [
      virtual,
      ...plugins,
      nodeResolve({browser: true, exportConditions: ['production']}),
      commonjs({ignore: ['stream']}),
      minify(true),
    ],
  });
  const {output} = await b.generate({format: 'es', sourcemap: true});
  const {code, map} = output[0];
  const gzip = measure(code).gzip;
  const lines = code.split('\n');
  const mappings = [];
  // source-map comes with the toolchain (terser's and web-test-runner's dependency); only this breakdown needs it.
  const {SourceMapConsumer} = await import('source-map');
  await SourceMapConsumer.with(map, null, (c) => c.eachMapping((m) => mappings.push(m)));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const chars = new Map();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const line = lines[m.generatedLine - 1];
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : line.length;
    const name = (m.source ?? '?')
      .replace(/^.*node_modules\//, '')
      .replace(/^.*packages\//, '')
      .replace('/dist/', '/');
    chars.set(name, (chars.get(name) ?? 0) + end - m.generatedColumn);
  });
  const mapped = [...chars.values()].reduce((a, b) => a + b, 0);
  return [...chars].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, n, (n / mapped) * gzip]);
}

// EPN_SIZE_BUDGETS: another budgets file (the tests check how an over-budget build prints and fails).
const budgets = JSON.parse(
  readFileSync(process.env.EPN_SIZE_BUDGETS ?? new URL('size-budgets.json', import.meta.url), 'utf8'),
);
const budgeted = [
  // The core: @epn/stats/core in one file (reading, cross-tabs, shares, ages, ratios, notes, formatting); its two other
  // parts import what they share from it, and are measured on their own.
  [
    'core',
    '@epn/stats/core (dist/epn-stats.min.js)',
    async () => measure(readFileSync('packages/stats/dist/epn-stats.min.js', 'utf8')),
  ],
  [
    'core-population',
    '@epn/stats/population (dist/epn-stats-population.min.js, imports the core)',
    async () => measure(readFileSync('packages/stats/dist/epn-stats-population.min.js', 'utf8')),
  ],
  [
    'core-stream',
    '@epn/stats/stream (dist/epn-stats-stream.min.js, imports the core)',
    async () => measure(readFileSync('packages/stats/dist/epn-stats-stream.min.js', 'utf8')),
  ],
  [
    'all-in-one',
    'all-in-one (dist/epn-widgets.js)',
    async () => measure(readFileSync('packages/widgets/dist/epn-widgets.js', 'utf8')),
  ],
  [
    'worker',
    'worker (dist/epn-worker.js, loaded for large files)',
    async () => measure(readFileSync('packages/widgets/dist/epn-worker.js', 'utf8')),
  ],
];
// The all-in-one file's chunks (every other epn-*.js of dist/, each loaded on first use), budgeted by file name.
const chunkUse = {
  'epn-export-svg.js': 'exports: CSV, PNG, SVG; loaded when the menu opens',
  'epn-cards.js': 'budget card and key figures: readers, texts, views, styles',
  'epn-population.js': 'reach chart (and its styles), age chart population-src',
  'epn-harmonise.js': 'band schemes and harmonise, for the two above',
  'epn-large-files.js': 'worker protocol, large tables, individual-level files',
  'epn-en.js': 'English texts, loaded by English widgets only',
};
for (const f of readdirSync('packages/widgets/dist')
  .filter((f) => /^epn-.*\.js$/.test(f) && f !== 'epn-widgets.js' && f !== 'epn-worker.js')
  .sort()) {
  budgeted.push([
    f,
    `chunk dist/${f} (${chunkUse[f] ?? 'loaded on first use'})`,
    async () => measure(readFileSync(`packages/widgets/dist/${f}`, 'utf8')),
  ]);
}
const rows = [];
const over = [];
for (const [key, name, get] of budgeted) {
  const s = await get();
  const b = budgets[key];
  rows.push([name, s, b]);
  if (b && s.gzip > b.limit * 1024)
    over.push(`${name}: ${s.gzip} bytes gzip > ${b.limit} KB (${b.limit * 1024} bytes)`);
}
if (!process.argv.includes('--check')) {
  for (const f of readdirSync('packages/widgets/dist/define')
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const input = `packages/widgets/dist/define/${f}`;
    rows.push([`define/${f} alone, everything inside`, measure(await bundle(input, []))]);
    rows.push([`define/${f} own code (lit, d3, core external)`, measure(await bundle(input, (id) => shared.test(id)))]);
  }
}
const width = Math.max(...rows.map(([name]) => name.length));
// What holds is printed as holding; only a line that fails the build says so (FAILS). Targets and caps are goals: a
// size above them is where we are, not a failure (docs/performance.md).
for (const [name, s, b] of rows) {
  const goals = b ? [b.target && `target ${b.target} KB`, b.cap && `cap ${b.cap} KB`].filter(Boolean) : [];
  const ahead =
    goals.length && b.target && s.gzip > Math.min(b.target, b.cap ?? Infinity) * 1024
      ? `; goals ahead: ${goals.join(', ')}`
      : '';
  const budget = !b
    ? ''
    : s.gzip > b.limit * 1024
      ? `  FAILS: over its ${b.limit} KB limit`
      : `  ✓ within its ${b.limit} KB limit${ahead}`;
  console.log(`${name.padEnd(width)}  ${kb(s.min).padStart(9)} min  ${kb(s.gzip).padStart(8)} gzip${budget}`);
}
if (process.argv.includes('--modules')) {
  const here = (p) => new URL(`../${p}`, import.meta.url).pathname;
  const parts = [
    // The tags' code as the all-in-one file holds it: what its chunks hold (loaded on first use) is left out.
    ['all-in-one', `import '${here('packages/widgets/dist/define.js')}';`, []],
    ['core', `export * from '${here('packages/stats/dist/core.js')}';`, []],
    // The worker's file, from its source (it is not among the widgets' ES modules), without the core's error texts
    // as rollup.config.mjs builds it.
    ['worker', `import '${here('packages/widgets/src/epn-worker.ts')}';`, [], [workerTs(), withoutMessages()]],
  ];
  for (const [title, entry, external, plugins] of parts) {
    console.log(`\nWhere the bytes of the ${title} come from (minified characters, share of gzip):`);
    for (const [name, n, g] of await breakdown(entry, external, plugins))
      console.log(`${String(n).padStart(8)}  ${kb(g).padStart(8)}  ${name}`);
  }
}
if (over.length) {
  console.error(
    `\nOver the size budget (${process.env.EPN_SIZE_BUDGETS ?? 'test/size-budgets.json'}):\n- ${over.join('\n- ')}`,
  );
  process.exit(1);
}
