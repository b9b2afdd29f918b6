// Browser half of `npm test`: the compiled tests (build/test) in Debian's headless Chromium.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {filePlugin} from '@web/test-runner-commands/plugins';
import {countReporter} from './count-reporter.mjs';
import {faultEndpoints, secondOrigin} from './fault-server.mjs';

// papaparse ships only a UMD file. Served as is, an ES import of it finds no default export; rollup's commonjs
// plugin (29) run through @web/dev-server-rollup emits a wrapper with no default export either. So wrap it here:
// its UMD header takes the CommonJS branch when `module` and `exports` exist.
const papaparseAsEsm = {
  name: 'papaparse-as-esm',
  transform(context) {
    if (/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) {
      return {
        body: `const module = {exports: {}}; const exports = module.exports;\n${context.body}\nexport default module.exports;\n`,
      };
    }
  },
};

// Test-only endpoints, served from the fixtures: /__epn__/slow/<ms>/<fixture path> answers after a delay,
// /__epn__/flaky/<key>/<fixture path> answers the file the first time and 503 afterwards (for stale figures), and
// /__epn__/list/<fixture folder> lists the files of a folder as JSON (harness.ts's fixtureNames).
const flakyHits = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
// The test server reads every file it judges to be text as UTF-8 (for its transform plugins) and sends that text
// re-encoded: a windows-1252, UTF-16 or invalid UTF-8 file would not reach the page as its bytes (a 120-byte
// windows-1252 file arrived as 144 bytes of U+FFFD). The corpora are about bytes: their files are served from disk
// as they are, as application/octet-stream, before the server's own middleware sees them.
// The real-file corpus of issue 11 (test/fixtures/real-corpus/: windows-1252, Mac Roman, bare-CR files) likewise.
const BYTE_FOLDERS = ['corpus', 'real-corpus'];
function corpusAsBytes(ctx) {
  const m = /^\/test\/fixtures\/([\w-]+)\/([^/]+)$/.exec(ctx.path);
  if (!m || !BYTE_FOLDERS.includes(m[1])) return false;
  const name = m[2];
  if (!/^[\w-][\w.-]*$/.test(name)) return false;
  let body;
  try {
    body = readFileSync(new URL(`fixtures/${m[1]}/${name}`, import.meta.url));
  } catch {
    return false;
  }
  ctx.type = 'application/octet-stream';
  ctx.body = body;
  return true;
}

// Issue 13: pages whose widgets' files are where a webmaster copies them, or missing. /examples/epn-*.js is the build
// (epn-widgets.js beside embed.html, as on a site); /__epn__/bare/ holds embed.html and embed-page.js only (no
// epn-widgets.js beside them); /__epn__/lonely/ holds a page, the seed data and epn-widgets.js without its chunks.
function widgetsFiles(ctx) {
  const beside = /^\/examples\/(epn-[\w-]+\.js)$/.exec(ctx.path);
  if (beside) ctx.url = `/packages/widgets/dist/${beside[1]}`;
  const bare = /^\/__epn__\/bare\/(.*)$/.exec(ctx.path);
  if (bare)
    ctx.url = /^(embed\.html|embed-page\.js)$/.test(bare[1]) ? `/examples/${bare[1]}${ctx.search}` : '/__epn__/none';
  const lonely = /^\/__epn__\/lonely\/(.*)$/.exec(ctx.path);
  if (lonely) {
    const f = lonely[1];
    ctx.url =
      f === 'epn-widgets.js'
        ? '/packages/widgets/dist/epn-widgets.js'
        : /^[\w-]+\.html$/.test(f)
          ? `/test/fixtures/lonely/${f}`
          : /^[\w-]+\.csv$/.test(f)
            ? `/test/fixtures/seed/${f}`
            : '/__epn__/none';
  }
}

async function testEndpoints(ctx, next) {
  if (corpusAsBytes(ctx)) return;
  widgetsFiles(ctx);
  if (ctx.path.startsWith('/test/fixtures/csp/')) {
    await next();
    ctx.set('Content-Security-Policy', STRICT_CSP);
    return;
  }
  // /__epn__/count/<key>/<fixture path> serves the file uncached (the page's resource timing then counts its fetches).
  const counted = /^\/__epn__\/count\/([\w-]+)\/(.+)$/.exec(ctx.path);
  if (counted) {
    // Served here, not by the static middleware (which marks files cacheable for a year): every fetch must reach the
    // page, none answered from the browser's cache.
    const file = fileURLToPath(new URL(`fixtures/${counted[2]}`, import.meta.url));
    ctx.set('Cache-Control', 'no-store');
    if (!existsSync(file)) {
      ctx.status = 404;
      ctx.body = 'Introuvable';
      return;
    }
    ctx.type = 'text/csv';
    ctx.body = readFileSync(file);
    return;
  }
  const list = /^\/__epn__\/list\/([\w-]+(?:\/[\w-]+)*)$/.exec(ctx.path);
  if (list) {
    const dir = new URL(`fixtures/${list[1]}/`, import.meta.url);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(
      readdirSync(dir, {withFileTypes: true})
        .filter((e) => e.isFile())
        .map((e) => e.name),
    );
    return;
  }
  const slow = /^\/__epn__\/slow\/(\d+)\/(.+)$/.exec(ctx.path);
  const flaky = /^\/__epn__\/flaky\/([\w-]+)\/(.+)$/.exec(ctx.path);
  if (slow) {
    await sleep(Math.min(10000, Number(slow[1])));
    ctx.url = `/test/fixtures/${slow[2]}`;
  } else if (flaky) {
    const hits = (flakyHits.get(flaky[1]) ?? 0) + 1;
    flakyHits.set(flaky[1], hits);
    if (hits > 1) {
      ctx.status = 503;
      ctx.body = 'Service indisponible';
      return;
    }
    ctx.url = `/test/fixtures/${flaky[2]}`;
  }
  return next();
}

export default {
  middleware: [testEndpoints, faultEndpoints],
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  // test/node runs in Node only (it starts Node processes).
  files: ['build/test/**/*.test.js', '!build/test/node/**'],
  nodeResolve: {browser: true, exportConditions: ['production']},
  // One page at a time: a page in a background tab gets no animation frames (open-wc fixtures wait for one) and no
  // ResizeObserver notifications, which made wrapper-based widget tests hang when two files ran at once.
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: {config: {timeout: 20000}},
  plugins: [papaparseAsEsm, filePlugin(), secondOrigin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({flatten: false}), countReporter(process.env.EPN_WTR_COUNTS)],
};
