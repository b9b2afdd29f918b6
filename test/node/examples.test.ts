// The developer's Node example prints the seed's three tables with the source's French percentages.
import {describe, expect, it} from '../harness.js';

// Runs in Node only: test/run.mjs gives test/node to node:test, and the browser runner leaves it out.

/* eslint-disable @typescript-eslint/no-explicit-any */
async function run(args: string[] = []): Promise<string> {
  const {execFile}: any = await import('node:' + 'child_process');
  const script = new URL('../../../examples/node/seed-tables.mjs', import.meta.url);
  const {fileURLToPath}: any = await import('node:' + 'url');
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [fileURLToPath(script), ...args], (error: unknown, stdout: string) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
}

describe('examples/node/seed-tables.mjs', () => {
  it('prints the three tables with every printed figure of the source', async () => {
    const out = await run();
    expect(out).to.contain('Hommes    793 4,6\u00a0%  1\u202f762 10,2\u00a0%');
    expect(out).to.contain('8\u202f264 47,9\u00a0%');
    expect(out).to.contain('Foyer équipé informatique     236 6,5\u00a0%');
    expect(out).to.contain('3\u202f620 79,7\u00a0%');
    expect(out).to.contain('262 5,8\u00a0%');
    expect(out).to.contain('débutant       517 6,7\u00a0%');
    expect(out).to.contain('901 / 1 055 = 85,4\u00a0% des 11-17 ans');
  });

  it('speaks English with --lang en', async () => {
    const out = await run(['--lang', 'en']);
    expect(out).to.contain('Registered users by sex and age');
    expect(out).to.contain('793 4.6%');
    expect(out).to.contain('17,254');
  });
});
