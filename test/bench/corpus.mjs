// The real-file benchmarks' corpus: test/fixtures/real-corpus/ (the project's copy, with ORIGINS.tsv), or
// ../shared/data/real/corpus/ when the project has no copy.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {decodeBytes} from '@epn/stats';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const corpusDir = [`${root}test/fixtures/real-corpus/`, `${root}../shared/data/real/corpus/`].find((d) =>
  existsSync(`${d}MANIFEST.json`),
);

/**
 * Each file of the manifest, in name order: its name `f`, `bytes`, manifest entry `m` and `text` decoded with the
 * manifest's encoding (the text papaparse is given); a file that encoding cannot decode is left out.
 */
export function* corpusFiles() {
  if (!corpusDir) return;
  const manifest = JSON.parse(readFileSync(`${corpusDir}MANIFEST.json`, 'utf8'));
  for (const f of readdirSync(corpusDir)
    .filter((x) => manifest[x])
    .sort()) {
    const bytes = new Uint8Array(readFileSync(corpusDir + f));
    const m = manifest[f];
    let text;
    try {
      text = decodeBytes(bytes, m.encoding === 'mac-roman' ? 'windows-1252' : m.encoding).text;
    } catch {
      continue;
    }
    yield {f, bytes, m, text};
  }
}
