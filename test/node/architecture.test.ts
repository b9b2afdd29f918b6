// The house rules a newcomer can check (issue 14): a widget's folder never imports another widget's folder (shared
// code lives in packages/widgets/src/internal/), and the core never imports the widgets.
import {describe, expect, it} from '../harness.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const root = new URL('../../../', import.meta.url);
const node = async (name: string): Promise<any> => import('node:' + name);

/** Every relative import of the TypeScript files under `dir`, as [importing file, imported file], paths from `dir`. */
async function imports(dir: string): Promise<Array<[string, string]>> {
  const fs = await node('fs');
  const path = await node('path');
  const base = new URL(dir, root).pathname;
  const files: string[] = fs
    .readdirSync(base, {recursive: true})
    .map(String)
    .filter((f: string) => f.endsWith('.ts'));
  const out: Array<[string, string]> = [];
  for (const file of files) {
    const text: string = fs.readFileSync(path.join(base, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      out.push([file, path.normalize(path.join(path.dirname(file), m[1]!))]);
    }
  }
  return out;
}

describe('architecture (issue 14)', () => {
  it("no widget folder of packages/widgets/src imports another widget's folder", async () => {
    const found = await imports('packages/widgets/src/');
    const folder = (p: string) => (p.includes('/') ? p.split('/')[0]! : '');
    const shared = new Set(['', 'internal', 'define']);
    const crossing = found.filter(
      ([from, to]) => !shared.has(folder(from)) && !shared.has(folder(to)) && folder(from) !== folder(to),
    );
    expect(found.length, 'imports read').to.be.greaterThan(100);
    expect(crossing.map(([from, to]) => `${from} → ${to}`)).to.deep.equal([]);
  });

  it('the core imports nothing outside itself (no widget, no DOM code)', async () => {
    const found = await imports('packages/stats/src/');
    expect(found.filter(([, to]) => to.startsWith('..')).map(([from, to]) => `${from} → ${to}`)).to.deep.equal([]);
  });
});
