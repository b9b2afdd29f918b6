// `npm test`: lint (ESLint, Prettier), build, type-check and compile the tests, run them in Node (node:test) and in
// headless Chromium (web-test-runner), then print one plain closing line "N passed, N failed" summing both.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {run} from 'node:test';
import {spec} from 'node:test/reporters';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, {stdio: 'inherit', env: {...process.env, ...env}});
  if (r.status !== 0) {
    console.log(`\n${name} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

step('lint', 'npm', ['run', '--silent', 'lint']);
step('build', 'npm', ['run', '--silent', 'build']);
rmSync('build/test', {recursive: true, force: true});
step('type-check and compile the tests', 'npx', ['tsc', '-p', 'test']);

const list = (dir) =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? list(p) : p.endsWith('.test.js') ? [p] : [];
      })
    : [];

// Node: the core's tests (test/stats) and the Node examples' (test/node); the widgets' tests need a browser.
console.log('\n▶ Node tests');
const node = {passed: 0, failed: 0};
await new Promise((resolve) => {
  const stream = run({files: [...list('build/test/stats'), ...list('build/test/node')], concurrency: true});
  stream.on('test:pass', (d) => {
    if (d.details?.type !== 'suite') node.passed++;
  });
  stream.on('test:fail', (d) => {
    if (d.details?.type !== 'suite') node.failed++;
  });
  stream.compose(spec).on('end', resolve).pipe(process.stdout);
});
console.log(`Node: ${node.passed} passed, ${node.failed} failed`);

console.log('\n▶ Browser tests (headless Chromium)');
const counts = join(root, 'build', 'wtr-counts.json');
rmSync(counts, {force: true});
const wtr = spawnSync('npx', ['web-test-runner', '--config', 'test/web-test-runner.config.mjs'], {
  stdio: 'inherit',
  env: {...process.env, EPN_WTR_COUNTS: counts},
});
const browser = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : {passed: 0, failed: 1};
if (wtr.status !== 0 && browser.failed === 0) browser.failed = 1;
console.log(`Browser: ${browser.passed} passed, ${browser.failed} failed`);

const passed = node.passed + browser.passed;
const failed = node.failed + browser.failed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
