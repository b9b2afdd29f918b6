// The documentation a newcomer reads: the committed component reference is the one docs/components.mjs generates
// from custom-elements.json, its shared parts and CSS properties are those of the base class's source, and every
// relative link of README.md, the packages' READMEs and docs/ resolves on a fresh clone.
import {describe, expect, it} from '../harness.js';

// Runs in Node only: test/run.mjs gives test/node to node:test, and the browser runner leaves it out.

/* eslint-disable @typescript-eslint/no-explicit-any */
const root = new URL('../../../', import.meta.url);
const node = async (name: string): Promise<any> => import('node:' + name);
const read = async (path: string): Promise<string> => (await node('fs')).readFileSync(new URL(path, root), 'utf8');

interface Shared {
  name: string;
  default?: string;
  dark?: string;
}

async function generator(): Promise<{
  render: (manifest: unknown) => string;
  SHARED_PARTS: Shared[];
  SHARED_CSS_PROPERTIES: Shared[];
}> {
  return import(new URL('docs/components.mjs', root).href);
}

/** Every Markdown file a reader of the repository opens: README.md, the packages' READMEs, docs/**. */
async function markdownFiles(): Promise<string[]> {
  const fs = await node('fs');
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(new URL(dir, root), {withFileTypes: true})
      .flatMap((e: any) =>
        e.isDirectory()
          ? e.name === 'api'
            ? []
            : walk(`${dir}${e.name}/`)
          : e.name.endsWith('.md')
            ? [`${dir}${e.name}`]
            : [],
      );
  return ['README.md', 'packages/stats/README.md', 'packages/widgets/README.md', ...walk('docs/')];
}

describe('docs/components.md (component reference)', () => {
  it('is what `npm run docs` generates from packages/widgets/custom-elements.json', async () => {
    const {render} = await generator();
    const manifest = JSON.parse(await read('packages/widgets/custom-elements.json'));
    const committed = await read('docs/components.md');
    expect(
      render(manifest) === committed,
      'docs/components.md is out of date: run `npm run docs` and commit docs/components.md',
    ).to.equal(true);
  });

  it('lists exactly the parts the base class renders (part="…" in internal/base.ts and its export controller)', async () => {
    const {SHARED_PARTS} = await generator();
    const source =
      (await read('packages/widgets/src/internal/base.ts')) +
      (await read('packages/widgets/src/internal/export-controller.ts'));
    const inSource = new Set([...source.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1]!.trim().split(/\s+/)));
    expect(inSource.size).to.be.greaterThan(5);
    expect(SHARED_PARTS.map((p) => p.name).sort(), 'update SHARED_PARTS in docs/components.mjs').to.deep.equal(
      [...inSource].sort(),
    );
  });

  it('lists exactly the --epn-* properties of internal/styles.ts, with their light and dark defaults', async () => {
    const {SHARED_CSS_PROPERTIES} = await generator();
    const source = await read('packages/widgets/src/internal/styles.ts');
    // Each is read as `var(--epn-x, default)`: first with its light default, then (for colours) its dark one.
    const defaults = new Map<string, string[]>();
    for (const m of source.matchAll(/var\((--epn-[a-z0-9-]+),\s*([^;]+?)\);/g)) {
      defaults.set(m[1]!, [...(defaults.get(m[1]!) ?? []), m[2]!.trim()]);
    }
    const named = new Set(source.match(/--epn-[a-z0-9-]+/g));
    expect([...defaults.keys()].sort()).to.deep.equal([...named].sort());
    expect(
      SHARED_CSS_PROPERTIES.map((p) => p.name).sort(),
      'update SHARED_CSS_PROPERTIES in docs/components.mjs',
    ).to.deep.equal([...named].sort());
    for (const p of SHARED_CSS_PROPERTIES) {
      const [light, ...dark] = defaults.get(p.name)!;
      expect(p.default, p.name).to.equal(light);
      // The dark block is written twice (prefers-color-scheme, and theme="dark"), both alike.
      expect(new Set(dark).size, p.name).to.be.at.most(1);
      expect(p.dark, p.name).to.equal(dark[0]);
    }
  });

  it('gives every widget the shared parts and properties, and no `measure` to the cards', async () => {
    const text = await read('docs/components.md');
    const sections = text.split(/^## /m).slice(1);
    expect(sections.map((s) => s.slice(0, s.indexOf('\n')))).to.deep.equal([
      '`<epn-age-chart>`',
      '`<epn-budget-card>`',
      '`<epn-equipment-chart>`',
      '`<epn-key-figures>`',
      '`<epn-reach-chart>`',
      '`<epn-skill-chart>`',
    ]);
    for (const section of sections) {
      for (const name of [
        'figure',
        'title',
        'description',
        'loading',
        'error',
        'stale',
        'note',
        'toggle',
        'table',
        'source',
        'export',
        'export-button',
      ]) {
        expect(section, `part ${name}`).to.contain(`| \`${name}\` |`);
      }
      for (const name of [
        '--epn-font-size',
        '--epn-accent-color',
        '--epn-muted-color',
        '--epn-text-color',
        '--epn-background',
        '--epn-error-color',
      ]) {
        expect(section, name).to.contain(`| \`${name}\` |`);
      }
      const card = /<epn-(budget-card|key-figures)>/.test(section);
      expect(section.includes('| `measure` |'), section.slice(0, 30)).to.equal(!card);
      expect(section.includes('| `chart` |'), section.slice(0, 30)).to.equal(!card);
    }
    // The cards' `digits` is about amounts or ratios, in both tables (not the charts' percentages).
    const budget = sections.find((s) => s.startsWith('`<epn-budget-card>`'))!;
    expect(budget).not.to.contain('percentages');
    expect(budget.match(/\| `digits` \|[^\n]*amounts per head/g)).to.have.length(2);
  });
});

describe('relative links of README.md and docs/', () => {
  it('resolve to files of the repository', async () => {
    const fs = await node('fs');
    const files = await markdownFiles();
    expect(files).to.include.members([
      'docs/README.md',
      'docs/guides/fr/integrer.md',
      'docs/guides/en/embedding.md',
      'docs/components.md',
    ]);
    const broken: string[] = [];
    const targets: string[] = [];
    const from = new Map<string, string>();
    let checked = 0;
    for (const file of files) {
      const text = (await read(file)).replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = m[1]!;
        if (/^([a-z][a-z0-9+.-]*:|#)/i.test(target)) continue;
        checked++;
        const path = decodeURIComponent(target.split('#')[0]!);
        const url = new URL(path, new URL(file, root));
        if (!fs.existsSync(url)) broken.push(`${file}: ${target}`);
        else {
          const relative = url.href.slice(root.href.length) || '.';
          targets.push(relative);
          from.set(relative, `${from.has(relative) ? `${from.get(relative)}, ` : ''}${file}`);
        }
      }
    }
    expect(checked).to.be.greaterThan(10);
    expect(broken, 'broken relative links').to.deep.equal([]);
    // A file that exists here but is ignored by git (docs/api/, dist/) is missing from a fresh clone.
    const {spawnSync} = await node('child_process');
    const {fileURLToPath} = await node('url');
    const git = spawnSync('git', ['check-ignore', ...targets], {cwd: fileURLToPath(root), encoding: 'utf8'});
    expect(git.status === 0 || git.status === 1, `git check-ignore: ${git.stderr ?? git.error}`).to.equal(true);
    const ignored = [...new Set<string>(git.stdout.split('\n').filter(Boolean))].map(
      (t) => `${t} (linked from ${from.get(t)})`,
    );
    expect(ignored, 'links to files git ignores (absent from a fresh clone)').to.deep.equal([]);
  });
});
