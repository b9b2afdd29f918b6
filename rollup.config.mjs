// Builds both packages, in order (the widgets import the built core):
// - @epn/stats: ES modules + .d.ts for npm (papaparse external), and dist/epn-stats.min.js, the core with
//   papaparse inside, for pages without a bundler;
// - @epn/widgets: ES modules + .d.ts for npm (lit, d3 and the core external; the entry defines nothing, define.js
//   and define/*.js register the tags), and dist/epn-widgets.js, the all-in-one minified CDN file.
import {readdirSync, rmSync} from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const stats = 'packages/stats';
const widgets = 'packages/widgets';

// `npm run build` runs this config twice, `PART=stats` then `PART=widgets`: rollup builds the entries of one config
// concurrently, and the widgets need the core's dist (its .d.ts, and its code for the all-in-one file).
// Each part starts from an empty dist folder, so that no file of a removed module is left to be published.
const part = process.env.PART;
if (part !== 'stats' && part !== 'widgets') throw new Error('Set PART=stats or PART=widgets (npm run build does both)');
rmSync(`packages/${part}/dist`, {recursive: true, force: true});

/** Everything inside: papaparse's browser build (no require('stream')), Lit's production build. */
const bundled = () => [
  nodeResolve({browser: true, exportConditions: ['production']}),
  commonjs({ignore: ['stream']}),
  terser({format: {comments: false}, ecma: 2020, module: true, compress: {passes: 2}}),
];
const ts = (pkg, declarations) =>
  typescript({
    tsconfig: `${pkg}/tsconfig.json`,
    noEmitOnError: true,
    outDir: `${pkg}/dist`,
    ...(declarations ? {declarationDir: `${pkg}/dist`} : {declaration: false, declarationDir: undefined}),
  });
/**
 * Minifies the CSS of Lit's css`` templates in the widgets' code (terser leaves template text alone): comments out,
 * white space collapsed, and dropped around `{ } ; , :` (never around `+ - > ~`, which calc() and selectors need).
 * Interpolations `${…}` are left as they are.
 */
const minifyCss = () => ({
  name: 'epn-minify-css',
  transform(code, id) {
    if (!id.includes(`${widgets}/src/`)) return null;
    const out = code.replace(/\bcss ?`([^`]*)`/g, (_, text) => {
      const parts = text.split(/(\$\{[^}]*\})/);
      const min = parts
        .map((part, i) =>
          i % 2
            ? part
            : part
                .replace(/\/\*[\s\S]*?\*\//g, '')
                .replace(/\s+/g, ' ')
                .replace(/\s*([{};,])\s*/g, '$1')
                .replace(/:\s+/g, ':')
                .replace(/;}/g, '}'),
        )
        .join('');
      return `css\`${min.trim()}\``;
    });
    return out === code ? null : {code: out, map: null};
  },
});
const isExternal = (id) => /^(lit|@lit|@lit-labs|d3-|@epn\/stats|papaparse)/.test(id);
const defines = readdirSync(`${widgets}/src/define`).filter((f) => f.endsWith('.ts')).map((f) => `${widgets}/src/define/${f}`);

const configs = [
  {
    input: `${stats}/src/index.ts`,
    external: ['papaparse'],
    output: {dir: `${stats}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${stats}/src`},
    plugins: [ts(stats, true)],
  },
  {
    input: `${stats}/src/index.ts`,
    output: {file: `${stats}/dist/epn-stats.min.js`, format: 'es'},
    plugins: [ts(stats, false), ...bundled()],
  },
  {
    input: [`${widgets}/src/index.ts`, `${widgets}/src/define.ts`, ...defines],
    external: isExternal,
    output: {dir: `${widgets}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${widgets}/src`},
    plugins: [ts(widgets, true), minifyCss()],
  },
  {
    input: `${widgets}/src/epn-widgets.ts`,
    // The image export (export-svg) is a chunk of its own, `epn-export-svg.js`, loaded when first used.
    output: {dir: `${widgets}/dist`, entryFileNames: 'epn-widgets.js', chunkFileNames: 'epn-[name].js', format: 'es'},
    plugins: [ts(widgets, false), minifyCss(), ...bundled()],
  },
  // The worker (counts large individual-level files off the main thread), self-contained, beside the all-in-one
  // file and the npm entry points alike (see src/worker-url.ts).
  {
    input: `${widgets}/src/epn-worker.ts`,
    output: {file: `${widgets}/dist/epn-worker.js`, format: 'es'},
    plugins: [ts(widgets, false), ...bundled()],
  },
];

export default part === 'stats' ? configs.slice(0, 2) : configs.slice(2);
