// Browser part of `npm run bench` (a script, not a test): in headless Chromium, the time from connecting an
// <epn-age-chart> to its SVG painted, for the seed table and for an individual-level file of 1 000 000 rows, and the
// longest main-thread task meanwhile (PerformanceObserver 'longtask': tasks of 50 ms or more). The large file is
// counted in the widgets' worker, and once more with workers refused by the page's CSP (the main-thread fallback).
// Usage: node test/bench/browser.mjs [files…]  (default: the 1 000 000-row CSV of test/bench/generate.mjs, made
// under build/bench/ when missing, and a 40 MB wide table); EPN_BENCH_ONLY=<text> runs the cases whose name holds it
import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {join, normalize} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {benchFile, wideBenchFile} from './generate.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const page = (csp) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
<script type="module" src="/packages/widgets/dist/epn-widgets.js"></script></head><body style="width:800px"></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/' || url.pathname === '/no-worker') {
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    // worker-src 'none': the widgets cannot start their worker and count on the main thread.
    res.end(page(url.pathname === '/no-worker' ? "worker-src 'none'" : ''));
    return;
  }
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
  const file = join(root, rel);
  const allowed = /^(packages\/(stats|widgets)\/dist|build\/bench|examples\/data)\//.test(rel);
  if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  const type = file.endsWith('.js') ? 'text/javascript' : 'text/csv';
  res.writeHead(200, {'content-type': type, 'content-length': statSync(file).size, 'cache-control': 'no-store'});
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
  ],
});

/** Connects one age chart and measures, in the page: connect → SVG painted, bytes → painted, longest task. */
async function measure(path, src, attrs, warm) {
  const tab = await browser.newPage();
  await tab.goto(origin + path);
  await tab.waitForFunction(() => customElements.get('epn-age-chart'));
  // Warm: another chart (on another file) drawn first, so that what is measured is a widget on a page that already
  // has one (styles adopted, templates prepared), as the second chart of an article is.
  if (warm) {
    await tab.evaluate(async () => {
      const el = document.createElement('epn-age-chart');
      const done = new Promise((r) => el.addEventListener('epn-load', r, {once: true}));
      el.setAttribute('src', '/examples/data/inscrits-sexe-age.csv?warm');
      document.body.append(el);
      await done;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    });
  }
  const result = await tab.evaluate(
    async (src, attrs) => {
      let longest = 0;
      let tasks = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          longest = Math.max(longest, e.duration);
          tasks++;
        }
      });
      observer.observe({type: 'longtask', buffered: false});
      const el = document.createElement('epn-age-chart');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      const t0 = performance.now();
      const settled = new Promise((resolve) => {
        el.addEventListener('epn-load', () => resolve('ok'), {once: true});
        el.addEventListener('epn-error', (e) => resolve(`error ${e.detail.code}: ${e.detail.message}`), {once: true});
      });
      el.setAttribute('src', src);
      document.body.append(el);
      const outcome = await settled;
      const tLoad = performance.now();
      await el.updateComplete;
      // Painted: the next frame's rendering has run once the rAF callbacks are done (a task queued from rAF runs
      // after that frame's paint).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      const bars = el.shadowRoot.querySelectorAll('rect.bar').length;
      const entry = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith(src))
        .pop();
      return {
        outcome,
        bars,
        total: t1 - t0,
        afterBytes: entry ? t1 - entry.responseEnd : null,
        bytesToLoad: entry ? tLoad - entry.responseEnd : null,
        longest,
        tasks,
      };
    },
    src,
    attrs,
  );
  await tab.close();
  return result;
}

const ms = (n) => (n === null ? '—' : `${n.toFixed(0)} ms`);
const runs = [
  ['seed table (wide, 10 lines), first chart of the page', '/', '/examples/data/inscrits-sexe-age.csv', {}],
  ['seed table, a second chart on the page', '/', '/examples/data/inscrits-sexe-age.csv', {}, true],
];
const args = process.argv.slice(2);
const big = (args.length ? args : [await benchFile(1000000)]).filter((f) => existsSync(f));
for (const f of big) {
  const rel = '/' + f.replace(root, '').replace(/^\/+/, '');
  const attrs = {'age-column': 'âge', 'sex-column': 'sexe'};
  runs.push([`${f.split('/').pop()} in the worker`, '/', rel, attrs]);
  runs.push([`${f.split('/').pop()} on the main thread (CSP worker-src 'none')`, '/no-worker', rel, attrs]);
}
// A wide table of 40 MB (Hommes, Femmes, then 900 000 communes): parsed and read in the worker, rebuilt on the page
// in slices (issue 12: its longest main-thread task must stay under 50 ms); then without the worker, for comparison.
if (!args.length) {
  const wide = '/' + (await wideBenchFile(40)).replace(root, '').replace(/^\/+/, '');
  runs.push(['large-40mb.csv (wide table, 40 MB) in the worker', '/', wide, {}, false, 12]);
  runs.push(["large-40mb.csv on the main thread (CSP worker-src 'none')", '/no-worker', wide, {}, false, 12]);
}
console.log('\nHeadless Chromium: <epn-age-chart> from connect to SVG painted');
console.log(
  'case'.padEnd(66),
  'connect→painted'.padStart(16),
  'bytes→drawn'.padStart(12),
  'bytes→painted'.padStart(14),
  'longest task'.padStart(13),
  'tasks ≥50ms'.padStart(12),
);
// EPN_BENCH_ONLY=<text>: only the cases whose name holds it (e.g. EPN_BENCH_ONLY=40mb).
const only = process.env.EPN_BENCH_ONLY;
for (const [name, path, src, attrs, warm, expectedBars = 16] of runs) {
  if (only && !name.includes(only)) continue;
  // The first run of a page warms the HTTP/module caches; the figure is the median of 5 after it.
  const samples = [];
  await measure(path, src, attrs, warm);
  for (let i = 0; i < 5; i++) samples.push(await measure(path, src, attrs, warm));
  samples.sort((a, b) => a.total - b.total);
  const m = samples[2];
  if (m.outcome !== 'ok' || m.bars !== expectedBars) console.log(`  ! ${name}: ${m.outcome}, ${m.bars} bars`);
  console.log(
    name.padEnd(66),
    ms(m.total).padStart(16),
    ms(m.bytesToLoad).padStart(12),
    ms(m.afterBytes).padStart(14),
    ms(m.longest).padStart(13),
    String(m.tasks).padStart(12),
  );
}
await browser.close();
server.close();
