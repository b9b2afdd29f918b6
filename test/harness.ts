// One test API for Node (node:test) and the browser (mocha, under web-test-runner), so that the core's tests run
// unchanged in both. Assertions come from chai in both.
/* eslint-disable @typescript-eslint/no-explicit-any */
export {expect} from 'chai';

type Body = () => void | Promise<void>;
const g = globalThis as any;
const inBrowser = typeof g.describe === 'function';
const nodeTest: any = inBrowser ? null : await import('node:' + 'test');

/** True when running in Node (not in the browser). */
export const isNode = !inBrowser;
export const describe: (name: string, fn: () => void) => void = inBrowser ? g.describe : nodeTest.describe;
export const it: (name: string, fn: Body) => void = inBrowser ? g.it : nodeTest.it;
export const before: (fn: Body) => void = inBrowser ? g.before : nodeTest.before;
export const after: (fn: Body) => void = inBrowser ? g.after : nodeTest.after;

const root = new URL('../../', import.meta.url);

/** The bytes of a file under `test/fixtures/`, read from disk in Node and from the test server in the browser. */
export async function fixture(path: string): Promise<Uint8Array> {
  return repoFile(`test/fixtures/${path}`);
}

/**
 * The names of the files in a folder under `test/fixtures/` (not in its subfolders), sorted: read from disk in Node,
 * and in the browser from the test server's `/__epn__/list/` endpoint (test/web-test-runner.config.mjs).
 */
export async function fixtureNames(dir: string): Promise<string[]> {
  if (inBrowser) {
    const response = await fetch(new URL(`__epn__/list/${dir}`, root));
    if (!response.ok) throw new Error(`${dir}: HTTP ${response.status}`);
    return ((await response.json()) as string[]).sort();
  }
  const fs: any = await import('node:' + 'fs/promises');
  const entries: Array<{name: string; isFile(): boolean}> = await fs.readdir(new URL(`test/fixtures/${dir}/`, root), {
    withFileTypes: true,
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

/** The bytes of a file of the repository (e.g. `node_modules/csv-spectrum/csvs/simple.csv`), in Node and the browser. */
export async function repoFile(path: string): Promise<Uint8Array> {
  const url = new URL(path, root);
  if (inBrowser) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  const fs: any = await import('node:' + 'fs/promises');
  return new Uint8Array(await fs.readFile(url));
}

/** Bytes of a string in UTF-8. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Bytes of a string in windows-1252 (for test inputs; throws on characters it cannot encode). */
export function cp1252(s: string): Uint8Array {
  const high: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    ƒ: 0x83,
    '„': 0x84,
    '…': 0x85,
    '†': 0x86,
    '‡': 0x87,
    ˆ: 0x88,
    '‰': 0x89,
    Š: 0x8a,
    '‹': 0x8b,
    Œ: 0x8c,
    Ž: 0x8e,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '•': 0x95,
    '–': 0x96,
    '—': 0x97,
    '˜': 0x98,
    '™': 0x99,
    š: 0x9a,
    '›': 0x9b,
    œ: 0x9c,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  return Uint8Array.from([...s], (ch) => {
    const c = ch.codePointAt(0)!;
    if (high[ch] !== undefined) return high[ch]!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
    throw new Error(`not encodable in windows-1252: ${ch}`);
  });
}

/** Bytes of a string in UTF-16 (little or big endian), with a BOM. */
export function utf16(s: string, littleEndian = true): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < s.length; i++) view.setUint16(2 + 2 * i, s.charCodeAt(i), littleEndian);
  return out;
}

/** Runs `fn` and returns the error it throws (failing the test if it does not throw). */
export function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, none was thrown');
}

/** Awaits `promise` and returns its rejection (failing the test if it resolves). */
export async function rejected(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, the promise resolved');
}
