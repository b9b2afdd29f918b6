// Browser half of `npm test`: the compiled tests (build/test) in Debian's headless Chromium.
import {fileURLToPath} from 'node:url';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {countReporter} from './count-reporter.mjs';

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

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  files: ['build/test/**/*.test.js'],
  nodeResolve: {browser: true, exportConditions: ['production']},
  concurrency: 2,
  testFramework: {config: {timeout: 20000}},
  plugins: [papaparseAsEsm],
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
