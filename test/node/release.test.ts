// Issue 13: `npm run release` (packages/widgets/release/release.mjs) writes a folder and a zip that a webmaster copies
// to a plain static site: its sample page renders when served by `python3 -m http.server`. Also how the build prints
// the size budgets (test/size.mjs): what holds as holding, and a failure only when it fails.
// Runs in Node only (test/node), after the build `npm test` makes.
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {inflateRawSync} from 'node:zlib';
import {after, before, describe, expect, it} from '../harness.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const version = JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8')).version as string;
const name = `epn-widgets-${version}`;

const run = (file: string, env: Record<string, string> = {}): Promise<{code: number; out: string}> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, file), ...(file.endsWith('size.mjs') ? ['--check'] : [])],
      {cwd: root, env: {...process.env, ...env}},
      (error, stdout, stderr) =>
        resolve({code: error ? Number((error as {code?: number}).code ?? 1) : 0, out: stdout + stderr}),
    );
  });

/** The files of a folder, relative, sorted. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) =>
      statSync(join(dir, f)).isDirectory() ? filesOf(join(dir, f), `${prefix}${f}/`) : [`${prefix}${f}`],
    );
}

/** Reads a zip's entries (local headers, as unzip does), checking each CRC. */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const crcTable = Array.from({length: 256}, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = ~0;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return ~c >>> 0;
  };
  const out = new Map<string, Buffer>();
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const sum = bytes.readUInt32LE(at + 14);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const path = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const body = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(crc(data), `${path}: CRC`).to.equal(sum);
    out.set(path, data);
    at += 30 + nameLength + extra + size;
  }
  expect(bytes.readUInt32LE(at), 'central directory after the entries').to.equal(0x02014b50);
  return out;
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const {port} = s.address() as {port: number};
      s.close(() => resolve(port));
    });
  });

describe('npm run release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'epn-release-'));
  const folder = join(dir, name);
  let server: ChildProcess | null = null;
  let port = 0;

  before(async () => {
    const {code, out} = await run('packages/widgets/release/release.mjs', {EPN_RELEASE_DIR: dir});
    expect(code, out).to.equal(0);
  });

  after(() => {
    server?.kill();
    rmSync(dir, {recursive: true, force: true});
  });

  it('writes epn-widgets-<version>/ with every file a site needs, and a zip of exactly that folder', () => {
    const files = filesOf(folder);
    expect(files).to.include.members([
      'epn-widgets.js',
      'epn-worker.js',
      'epn-export-svg.js',
      'embed.html',
      'embed-page.js',
      'embed.js',
      'exemple.html',
      'LISEZMOI.txt',
      'favicon.svg',
      'donnees/inscrits-sexe-age.csv',
    ]);
    // Every chunk the all-in-one file imports is beside it.
    const all = readFileSync(join(folder, 'epn-widgets.js'), 'utf8');
    for (const [, chunk] of all.matchAll(/import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g))
      expect(files, `chunk ${chunk}`).to.include(chunk!);
    expect(readFileSync(join(folder, 'epn-widgets.js'))).to.deep.equal(
      readFileSync(join(root, 'packages/widgets/dist/epn-widgets.js')),
    );
    const zipped = unzip(readFileSync(join(dir, `${name}.zip`)));
    expect([...zipped.keys()].sort()).to.deep.equal(files.map((f) => `${name}/${f}`).sort());
    for (const f of files) expect(zipped.get(`${name}/${f}`), f).to.deep.equal(readFileSync(join(folder, f)));
  });

  it('is in the repository (a fresh clone has the script and its pages), and its output is not', async () => {
    const git = (args: string[]): Promise<string> =>
      new Promise((resolve) => execFile('git', args, {cwd: root}, (_e, stdout) => resolve(String(stdout))));
    const tracked = (await git(['ls-files', 'packages/widgets/release'])).trim().split('\n').sort();
    expect(tracked).to.deep.equal([
      'packages/widgets/release/LISEZMOI.txt',
      'packages/widgets/release/exemple.html',
      'packages/widgets/release/release.mjs',
    ]);
    expect((await git(['check-ignore', 'release/epn-widgets-0.1.0.zip'])).trim()).to.equal(
      'release/epn-widgets-0.1.0.zip',
    );
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.release).to.equal(
      'npm run build && node packages/widgets/release/release.mjs',
    );
  });

  it('LISEZMOI.txt tells a webmaster which files go where, the snippet, the theme, CORS and CSP, in French', () => {
    const text = readFileSync(join(folder, 'LISEZMOI.txt'), 'utf8');
    expect(text).to.contain(`version ${version}`);
    for (const f of ['epn-widgets.js', 'epn-worker.js', 'epn-export-svg.js', 'embed.html', 'embed-page.js', 'embed.js'])
      expect(text).to.contain(f);
    expect(text).to.contain('<script type="module" src="/js/epn-widgets.js"></script>');
    expect(text).to.contain('<epn-age-chart src=');
    expect(text).to.contain('<iframe src=');
    expect(text).to.contain('theme="auto"');
    expect(text).to.contain('data-fr-theme');
    expect(text).to.contain('Access-Control-Allow-Origin');
    expect(text).to.contain('Content-Security-Policy');
    expect(text).to.contain('img-src blob:');
    expect(text).to.contain('python3 -m http.server');
    expect(text).not.to.contain('{{');
  });

  it('its sample page renders every widget, and its iframe, when served by python3 -m http.server', async () => {
    port = await freePort();
    server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
      cwd: folder,
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const puppeteer = (await import('puppeteer-core')).default;
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      await page.setViewport({width: 375, height: 800});
      await page.goto(`${base}exemple.html`, {waitUntil: 'load'});
      const states = () =>
        page.evaluate(() =>
          Array.from(
            document.querySelectorAll('epn-age-chart, epn-equipment-chart, epn-key-figures, epn-budget-card'),
          ).map((el) => `${el.localName}:${(el as unknown as {status: string}).status}`),
        );
      for (let i = 0; i < 100 && !(await states()).every((s) => s.endsWith(':ready')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await states()).to.deep.equal([
        'epn-age-chart:ready',
        'epn-equipment-chart:ready',
        'epn-key-figures:ready',
        'epn-budget-card:ready',
      ]);
      expect(
        await page.evaluate(
          () => document.querySelector('epn-age-chart')!.shadowRoot!.querySelectorAll('rect.bar').length,
        ),
      ).to.equal(16);
      // The iframe of embed.html, in the same folder: its widget drawn from epn-widgets.js beside it.
      const frame = page.frames().find((f) => f.url().includes('embed.html'))!;
      expect(frame, 'the embed iframe').to.exist;
      let iframeState = '';
      for (let i = 0; i < 100 && iframeState !== 'ready'; i++) {
        iframeState = await frame.evaluate(
          () => (document.querySelector('epn-skill-chart') as unknown as {status?: string} | null)?.status ?? '',
        );
        if (iframeState !== 'ready') await new Promise((r) => setTimeout(r, 100));
      }
      expect(iframeState).to.equal('ready');
      expect(problems).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });
});

describe('test/size.mjs --check (the last step of npm run build)', () => {
  it('prints what holds as holding: no line that looks like a failure on a passing build', async () => {
    const {code, out} = await run('test/size.mjs');
    expect(code, out).to.equal(0);
    expect(out).not.to.match(/\bover\b|fail/i);
    for (const line of out
      .trim()
      .split('\n')
      .filter((l) => /limit/.test(l)))
      expect(line).to.match(/✓ within its [\d.]+ KB limit/);
  });

  it('says FAILS on the line over its limit, and fails the build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'epn-size-'));
    const budgets = join(dir, 'budgets.json');
    writeFileSync(budgets, JSON.stringify({'all-in-one': {limit: 10, target: 5}, worker: {limit: 1000, target: 15}}));
    const {code, out} = await run('test/size.mjs', {EPN_SIZE_BUDGETS: budgets});
    rmSync(dir, {recursive: true, force: true});
    expect(code).to.equal(1);
    expect(out).to.match(/all-in-one \(dist\/epn-widgets\.js\).*FAILS: over its 10 KB limit/);
    expect(out).to.match(/worker .*✓ within its 1000 KB limit; goals ahead: target 15 KB/);
  });
});
