// `npm run bench` (real files, third part): what parseCsv's fixed steps cost on their own, against the same bare
// papaparse parse as real-files.mjs, on the corpus files of 100 KB or more, summed. Each step adds to the one before:
//   decode     decodeBytes(bytes): the encoding guess and the text (papaparse is given the text already decoded);
//   + sniff    sniffDelimiter on the text;
//   + split    the core's byte scanner (RecordScanner) over every record, no cell read;
//   + strings  every field that is not empty made a string (trimmed), as the rows need;
//   parseCsv   the whole reading: numbers, types, markers, notes, issues, rows.
// The gap between "+ strings" and parseCsv is the reading proper (typing, markers, meta); the steps before it are the
// floor of any reader that starts from bytes and gives strings. Each in a block of RUNS calls (default 7), median.
import Papa from 'papaparse';
import {decodeBytes, parseCsv} from '@epn/stats';
import {HIGH, RecordScanner} from '../../packages/stats/dist/csv/records.js';
import {sniffDelimiter} from '../../packages/stats/dist/csv/scan.js';
import {corpusDir, corpusFiles} from './corpus.mjs';

if (!corpusDir) process.exit(0);
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (f) => {
  const a = performance.now();
  f();
  return performance.now() - a;
};

/** Decoding, sniffing, splitting and (level 3) the text of every filled field: the floor of a reading. */
function floor(bytes, level) {
  const {text, encoding, bom} = decodeBytes(bytes);
  if (level === 0) return;
  const delimiter = sniffDelimiter(text);
  if (level === 1) return;
  const sc = new RecordScanner(delimiter.charCodeAt(0));
  const oneByte = encoding !== 'utf-8';
  const out = [];
  // byte offset − character offset, grown by each field holding multi-byte characters (as parseCsv keeps it)
  let delta = bom ? 3 : 0;
  for (let pos = delta; pos < bytes.length;) {
    const next = sc.next(bytes, pos, true);
    if (next < 0) break;
    if (level === 3)
      for (let k = 0; k < sc.n; k++) {
        const s = sc.start[k];
        const e = sc.end[k];
        let units = e - s;
        if (!oneByte && sc.flags[k] & HIGH) {
          units = 0;
          for (let i = s; i < e; i++) if ((bytes[i] & 0xc0) !== 0x80) units += bytes[i] >= 0xf0 ? 2 : 1;
        }
        if (e > s) out.push(text.substring(s - delta, s - delta + units).trim());
        delta += e - s - units;
      }
    pos = next;
  }
}

const steps = ['papaparse', 'decode', '+ sniff', '+ split', '+ strings', 'parseCsv'];
const sums = steps.map(() => 0);
for (const {bytes, m, text} of corpusFiles()) {
  if (bytes.length < 100000) continue;
  const fns = [
    () => Papa.parse(text, {header: false, delimiter: m.delimiter}),
    ...[0, 1, 2, 3].map((level) => () => floor(bytes, level)),
    () => parseCsv(bytes),
  ];
  const times = fns.map(() => []);
  for (let k = 0; k < 2; k++) fns.forEach((fn) => fn());
  // Each step in a block of its own (after one untimed call), among its own garbage only (see real-files.mjs).
  fns.forEach((fn, i) => {
    fn();
    for (let k = 0; k < runs; k++) times[i].push(time(fn));
  });
  times.forEach((t, i) => (sums[i] += median(t)));
}
console.log(`\nparseCsv's floor (the files of 100 KB or more, summed, median of ${runs}):`);
steps.forEach((s, i) =>
  console.log(
    `${s.padEnd(12)} ${sums[i].toFixed(1).padStart(8)} ms ${(sums[i] / sums[0]).toFixed(2).padStart(6)} × papaparse`,
  ),
);
