// Browser half of `npm test`: the compiled tests (build/test) in Debian's headless Chromium.
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
      return {body: `const module = {exports: {}}; const exports = module.exports;\n${context.body}\nexport default module.exports;\n`};
    }
  },
};

// Test-only endpoints, served from the fixtures: /__epn__/slow/<ms>/<fixture path> answers after a delay, and
// /__epn__/flaky/<key>/<fixture path> answers the file the first time and 503 afterwards (for stale figures).
const flakyHits = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
async function testEndpoints(ctx, next) {
  if (ctx.path.startsWith('/test/fixtures/csp/')) {
    await next();
    ctx.set('Content-Security-Policy', STRICT_CSP);
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
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({flatten: false}), countReporter(process.env.EPN_WTR_COUNTS)],
};
