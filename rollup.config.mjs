// Builds both packages, in order (the widgets import the built core):
// - @epn/stats: ES modules + .d.ts for npm (no dependency: the core splits CSV with its own byte scanner), and
//   dist/epn-stats.min.js, the core in one minified module, for pages without a bundler;
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

/** Everything inside: Lit's production build, the d3 modules. */
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
/** The CSS text of a css`` template, minified: comments out, white space collapsed, and dropped around `{ } ; , :`. */
const minifyCssText = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');

/**
 * The text of a chart's svg`` template, its indentation dropped: a line break and the spaces after it become one
 * space (white space still, between elements, attributes and words: the chart draws the same; a whitespace-only text
 * node holds " " rather than a line break and its indentation).
 */
const minifyMarkupText = (text) => text.replace(/\n[ \t]*/g, ' ');

/** Whether the module being transformed is a chart's (its svg`` templates are minified: see minifyCss). */
let chartModule = false;

/** The kind of template a tag starts (`css`, `markup` for a chart's svg``), or `null`. */
const tagKind = (before) =>
  /\bcss ?$/.test(before) ? 'css' : chartModule && /\b(svg|html) ?$/.test(before) ? 'markup' : null;

/**
 * Reads the template literal whose text starts at `code[i]` (just past its backtick) up to its closing backtick, and
 * returns [its source, rewritten, and the index past it]. Interpolations are read as JavaScript (strings, nested
 * templates, braces), and templates inside them minified too (see tagKind); the text itself as `kind` says (`css`,
 * `markup`, or `null`: kept).
 */
function readTemplate(code, i, kind) {
  const css = kind === 'css';
  const parts = [];
  let text = '';
  const flush = () => {
    parts.push(css ? minifyCssText(text) : kind === 'markup' ? minifyMarkupText(text) : text);
    text = '';
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      flush();
      let out = parts.join('');
      if (css) out = out.trim();
      return [out, i + 1];
    } else if (c === '$' && code[i + 1] === '{') {
      flush();
      const [expr, end] = readExpression(code, i + 2);
      parts.push('${' + expr + '}');
      i = end;
    } else {
      text += c;
      i++;
    }
  }
  throw new Error('unterminated template literal');
}

/** Reads JavaScript from `code[i]` up to the `}` closing an interpolation; returns [it, rewritten, the index past it]. */
function readExpression(code, i) {
  let out = '';
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '}' && depth === 0) return [out, i + 1];
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === "'" || c === '"') {
      let k = i + 1;
      while (code[k] !== c) k += code[k] === '\\' ? 2 : 1;
      out += code.slice(i, k + 1);
      i = k + 1;
    } else if (c === '`') {
      const [body, end] = readTemplate(code, i + 1, tagKind(out));
      out += '`' + body + '`';
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  throw new Error('unterminated interpolation');
}

/** The charts' folders (see minifyCss). */
const charts = /\/src\/(age|equipment|skill|reach)-chart\//;

/**
 * Minifies the CSS of Lit's css`` templates in the widgets' code (terser leaves template text alone): comments out,
 * white space collapsed, and dropped around `{ } ; , :` (never around `+ - > ~`, which calc() and selectors need);
 * and drops the indentation of the charts' svg`` templates (see minifyMarkupText). Interpolations `${…}` are kept,
 * and templates nested in them minified as well.
 */
const minifyCss = () => ({
  name: 'epn-minify-css',
  transform(code, id) {
    if (!id.includes(`${widgets}/src/`)) return null;
    let out = '';
    let from = 0;
    // Markup is minified in the charts' svg`` templates only: the cards' DOM is held to a snapshot
    // (test/golden/cards-dom.txt), white space included; the charts' SVG to golden files that ignore it.
    chartModule = charts.test(id);
    const start = chartModule ? /\b(css|svg|html) ?`/g : /\b(css) ?`/g;
    for (let m; (m = start.exec(code));) {
      const [body, end] = readTemplate(code, m.index + m[0].length, m[1] === 'css' ? 'css' : 'markup');
      out += code.slice(from, m.index) + m[1] + '`' + body + '`';
      from = start.lastIndex = end;
    }
    return from ? {code: out + code.slice(from), map: null} : null;
  },
});
/** Every module of the core's entry (`core.ts` and what it imports) goes to `epn-stats.min.js`. */
function coreChunk(id, {getModuleInfo, getModuleIds}) {
  const seen = new Set();
  const walk = (m) => {
    if (seen.has(m)) return;
    seen.add(m);
    for (const i of getModuleInfo(m)?.importedIds ?? []) walk(i);
  };
  walk([...getModuleIds()].find((m) => m.endsWith(`${stats}/src/core.ts`)));
  return seen.has(id) ? 'epn-stats.min' : undefined;
}
/** The core's error messages (`messages.js`) replaced by their codes: for the worker's file. */
const withoutMessages = () => ({
  name: 'epn-without-messages',
  resolveId: (source, importer) =>
    source === './messages.js' && /packages\/stats\//.test(importer ?? '') ? '\0epn-codes' : null,
  load: (id) =>
    id === '\0epn-codes' ? 'const m = new Proxy({}, {get: (_, code) => () => code}); export {m as fr, m as en};' : null,
});
const isExternal = (id) => /^(lit|@lit|@lit-labs|d3-|@epn\/stats)/.test(id);
const defines = readdirSync(`${widgets}/src/define`)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `${widgets}/src/define/${f}`);

const configs = [
  {
    // The root and its three parts (`@epn/stats/core`, `/population`, `/stream`: package.json's exports).
    input: ['index', 'core', 'population', 'stream'].map((entry) => `${stats}/src/${entry}.ts`),
    output: {dir: `${stats}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${stats}/src`},
    plugins: [ts(stats, true)],
  },
  // The core's minified files, for pages without a bundler: `epn-stats.min.js` (the core: reading, cross-tabs, shares,
  // ages, ratios, reading notes, formatting), and beside it `epn-stats-population.min.js` (band schemes, harmonise,
  // reach, readPopulation) and `epn-stats-stream.min.js` (aggregateCsv), which import what they share from it (one
  // copy of the code, one EpnDataError class): a page loads only the parts it uses.
  {
    input: {
      'epn-stats.min': `${stats}/src/core.ts`,
      'epn-stats-population.min': `${stats}/src/population.ts`,
      'epn-stats-stream.min': `${stats}/src/stream.ts`,
    },
    // The core's file also exports (under short names) what the two others import from it.
    preserveEntrySignatures: 'allow-extension',
    output: {dir: `${stats}/dist`, format: 'es', entryFileNames: '[name].js', manualChunks: coreChunk},
    plugins: [ts(stats, false), ...bundled()],
  },
  {
    input: [`${widgets}/src/index.ts`, `${widgets}/src/testing.ts`, `${widgets}/src/define.ts`, ...defines],
    external: isExternal,
    output: {dir: `${widgets}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${widgets}/src`},
    plugins: [ts(widgets, true), minifyCss()],
  },
  {
    input: `${widgets}/src/epn-widgets.ts`,
    // The chunks import what they share with the all-in-one file from it (no facade file in between).
    preserveEntrySignatures: 'allow-extension',
    // Chunks beside it, each loaded when first used: the image export (`epn-export-svg.js`), the cards' readers and
    // texts (`epn-cards.js`), the comparison with a population (`epn-population.js`: the reach chart, the age chart's
    // `population-src`, the core's band schemes, harmonise, readPopulation and reach).
    output: {
      dir: `${widgets}/dist`,
      entryFileNames: 'epn-widgets.js',
      // `import('./cards.code.js')` makes `epn-cards.js`; `import('./export-svg.js')`, `epn-export-svg.js`.
      chunkFileNames: (chunk) => {
        return `epn-${chunk.name.replace(/\.code$/, '')}.js`;
      },
      format: 'es',
    },
    plugins: [ts(widgets, false), minifyCss(), ...bundled()],
  },
  // The worker (counts large individual-level files off the main thread), self-contained, beside the all-in-one
  // file and the npm entry points alike (see src/worker-url.ts).
  // Its errors cross to the page as a code and details, and the page writes the message (its own EpnDataError, also
  // when it imports this file to count on the main thread: aggregate-source.ts): so the core's message texts are left
  // out, and an error's `message` here is its code.
  {
    input: `${widgets}/src/epn-worker.ts`,
    output: {file: `${widgets}/dist/epn-worker.js`, format: 'es'},
    plugins: [ts(widgets, false), withoutMessages(), ...bundled()],
  },
];

export default part === 'stats' ? configs.slice(0, 2) : configs.slice(2);
