// aggregateCsv: the streaming cross-tab gives what crossTab(parseCsv(bytes)) gives, however the bytes are cut into
// chunks, on every fixture, on hand-made edge cases, and on generated files (fast-check, fixed seed).
import fc from 'fast-check';
import {
  aggregateCsv as aggregateDirect,
  crossTab,
  EpnDataError,
  parseCsv,
  type AggregateOptions,
  type CrossTabOptions,
  type ParseOptions,
  type Progress,
  type Table,
} from '@epn/stats';
import {cp1252, describe, expect, fixture, isNode, it, rejected, repoFile, utf8} from '../harness.js';
import {CASES} from './corpus.cases.js';

const SEED = 20120517;

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

/** The outcome of a call: its result, or its error's code, message and position. */
type Outcome = {ok: unknown} | {error: {code: string; message: string; line?: number; row?: number; column?: string}};

function errorOf(e: unknown): Outcome {
  if (!(e instanceof EpnDataError)) throw e;
  return {error: {code: e.code, message: e.message, line: e.line, row: e.row, column: e.column}};
}

const known = new WeakMap<Uint8Array, Map<string, Outcome>>();

/** What crossTab(parseCsv(bytes)) gives for these options. */
function expected(bytes: Uint8Array, options: AggregateOptions): Outcome {
  const {rows, columns, value, bands, delimiter, encoding, headerRows, decimal, markers} = options;
  const key = JSON.stringify([rows, columns, value, bands, delimiter, encoding, headerRows, decimal, markers]);
  let byOptions = known.get(bytes);
  if (!byOptions) known.set(bytes, (byOptions = new Map()));
  if (byOptions.has(key)) return byOptions.get(key)!;
  const parse: ParseOptions = {delimiter, encoding, headerRows, decimal, markers};
  let out: Outcome;
  try {
    out = {ok: crossTab(parseCsv(bytes, parse), {rows, columns, value, bands})};
  } catch (e) {
    out = errorOf(e);
  }
  byOptions.set(key, out);
  return out;
}

async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return {ok: await promise};
  } catch (e) {
    return errorOf(e);
  }
}

/** `bytes` cut before each offset of `cuts` (sorted, deduplicated, within the bytes). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    out.push(bytes.slice(from, to));
    from = to;
  }
  return out;
}

/** Chunks of `size` bytes. */
const every = (bytes: Uint8Array, size: number) =>
  split(
    bytes,
    Array.from({length: Math.ceil(bytes.length / size)}, (_, i) => i * size),
  );

/** The chunks as an async iterable (like a Node stream), or as a web ReadableStream. */
function source(
  chunks: Uint8Array[],
  kind: 'iterable' | 'stream' = 'iterable',
): AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> {
  if (kind === 'stream') {
    let i = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < chunks.length) controller.enqueue(chunks[i++]!);
        else controller.close();
      },
    });
  }
  return (async function* () {
    for (const c of chunks) yield c;
  })();
}

/**
 * aggregateCsv with its byte counter on every file. By default a file that ends within the sample aggregateCsv takes
 * its decisions on is counted by crossTab on parseCsv's table of it (the same result by contract, in half the time);
 * an internal, undocumented option (`Symbol.for('epn.direct')`: the size below which it does so) sends every file
 * through the counter, so that these tests check the counter against crossTab(parseCsv) on small files too.
 */
function aggregateCsv(
  source: Parameters<typeof aggregateDirect>[0],
  options: AggregateOptions,
): ReturnType<typeof aggregateDirect> {
  const counted =
    options !== null && typeof options === 'object' && !Array.isArray(options)
      ? {...options, [Symbol.for('epn.direct')]: 0}
      : options;
  return aggregateDirect(source, counted as AggregateOptions);
}

const directChecked = new WeakMap<Uint8Array, Set<string>>();

/** aggregateCsv over these chunks gives crossTab(parseCsv(bytes)), through the counter and (once per file and options) by default. */
async function expectSame(
  bytes: Uint8Array,
  options: AggregateOptions,
  chunks: Uint8Array[],
  what = '',
): Promise<void> {
  const want = expected(bytes, options);
  const where = () =>
    `${what} ${JSON.stringify(options)} in ${chunks.length} chunks (${chunks.map((c) => c.length).join(',')})`;
  const got = await outcome(aggregateCsv(source(chunks, chunks.length % 2 ? 'stream' : 'iterable'), options));
  if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, where()).to.deep.equal(want);
  const key = JSON.stringify(options);
  let checked = directChecked.get(bytes);
  if (!checked) directChecked.set(bytes, (checked = new Set()));
  if (checked.has(key)) return;
  checked.add(key);
  const direct = await outcome(aggregateDirect(source(chunks, chunks.length % 2 ? 'iterable' : 'stream'), options));
  if (JSON.stringify(direct) !== JSON.stringify(want)) expect(direct, `by default: ${where()}`).to.deep.equal(want);
}

/** A title line of `n` characters: a record with one filled cell before the header, set aside by parseCsv. */
const title = (n: number) => 'Fréquentation des espaces publics numériques ' + 'x'.repeat(n);

/**
 * A file large enough for aggregateCsv to take its decisions on its beginning and stream the rest: a long title,
 * the header, the first rows, blank lines (skipped by both readers), then the other rows.
 */
function streamed(header: string, rows: string[], eol = '\n', blanks = 40000, titleLength = 66000): string {
  return (
    title(titleLength) + eol + header + eol + rows.slice(0, 3).join(eol) + eol.repeat(blanks) + rows.slice(3).join(eol)
  );
}

/** Options to try on a table: pairs of its first columns, with a count column and age bands when they apply. */
function optionSets(t: Table): CrossTabOptions[] {
  const n = Math.min(t.columns.length, 4);
  const numeric = (j: number) => t.meta.types[j] === 'number';
  const out: CrossTabOptions[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (r === c) continue;
      out.push({rows: r, columns: c});
      const v = t.columns.findIndex((_, j) => numeric(j) && j !== r && j !== c);
      if (v >= 0) out.push({rows: t.columns[r]!, columns: t.columns[c]!, value: t.columns[v]!});
      if (numeric(c) || numeric(r)) out.push({rows: r, columns: c, bands: 'seed'});
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

const FIXTURES = [
  'builder/attack.csv',
  'real/insee-estim-pop-dep-2023.csv',
  'real/pyramide-toulouse-montpellier-2021.csv',
  'seed/chiffres-cles.csv',
  'seed/epn-departements.csv',
  'seed/equipement-age.csv',
  'seed/inscrits-sexe-age.csv',
  'seed/niveau-usage-age.csv',
  'widgets/budget-attack-population.csv',
  'widgets/budget-attack.csv',
  'widgets/budget-empty.csv',
  'widgets/budget-missing.csv',
  'widgets/budget-one-row.csv',
  'widgets/budget-population-age.csv',
  'widgets/budget-seed.csv',
  'widgets/budget-zero.csv',
  'widgets/equipment-attack.csv',
  'widgets/equipment-long-label.csv',
  'widgets/equipment-long.csv',
  'widgets/equipment-transposed.csv',
  'widgets/equipment-zero.csv',
  'widgets/key-attack-breakdown.csv',
  'widgets/key-attack.csv',
  'widgets/key-departements-total.csv',
  'widgets/key-empty.csv',
  'widgets/pyramid-attack.csv',
  'widgets/pyramid-dotted-thousands.csv',
  'widgets/pyramid-long.csv',
  'widgets/pyramid-people.csv',
  'widgets/pyramid-people-bands.csv',
  'widgets/pyramid-transposed.csv',
  'widgets/pyramid-zero.csv',
  'widgets/skill-attack.csv',
  'widgets/skill-long.csv',
  'widgets/skill-people.csv',
  'widgets/skill-zero.csv',
];

describe('aggregateCsv on the fixtures', () => {
  if (isNode) {
    it('the list of fixtures here is every CSV under test/fixtures', async () => {
      const {readdirSync} = await import('node:' + 'fs');
      const dir = new URL('../../../test/fixtures/', import.meta.url);
      // The edge-case corpus has its own test below (test/fixtures/corpus, listed by its manifest); the real-file
      // corpus its own in real-corpus.test.ts (aggregateCsv = crossTab on its cross-tabs, listed in real-corpus.cases.ts);
      // issue 12's attack files (test/fixtures/hostile, some of a megabyte) theirs in test/widgets/hostile.test.ts.
      const found = readdirSync(dir, {recursive: true})
        .map(String)
        .filter(
          (f: string) =>
            f.endsWith('.csv') && !f.startsWith('corpus') && !f.startsWith('real-corpus') && !f.startsWith('hostile'),
        )
        .map((f: string) => f.replace(/\\/g, '/'));
      expect([...found].sort()).to.deep.equal([...FIXTURES].sort());
    });
  }

  for (const path of FIXTURES) {
    it(`aggregateCsv(${path}) equals crossTab(parseCsv) in one chunk, in chunks of every size and at random cuts`, async () => {
      const bytes = await fixture(path);
      const table = parseCsv(bytes);
      const sets = optionSets(table);
      expect(sets.length).to.be.greaterThan(0);
      const rand = fc.sample(fc.array(fc.nat({max: bytes.length}), {maxLength: 12}), {numRuns: 4, seed: SEED});
      // Every chunk size with the first options (up to 64 bytes for the one fixture over 2 KB, 15 KB); a few sizes and
      // random cuts with each.
      for (let size = 1; size <= (bytes.length > 2048 ? 64 : bytes.length); size++)
        await expectSame(bytes, sets[0]!, every(bytes, size), path);
      for (const options of sets) {
        await expectSame(bytes, options, [bytes], path);
        for (const size of bytes.length > 2048 ? [61, 512, 4096] : [1, 2, 3, 7, 16, 64, 512])
          if (size < bytes.length) await expectSame(bytes, options, every(bytes, size), path);
        for (const cuts of rand) await expectSame(bytes, options, split(bytes, cuts), path);
      }
    });
  }

  it('the edge-case corpus is here too (every file of its manifest)', () => {
    expect(CASES.length).to.be.greaterThan(100);
  });

  // One test per file (a single test over the 110 files ran 43 s in Node, past the browser's 20-s timeout): whole,
  // and in 7-byte chunks (1 000-byte chunks for the few files over 4 KB). whole-many-rows.csv has only near-unique
  // columns: its first option set (code × commune, 5 000 × 5 000 cells) is refused by both alike (over 10 million
  // cells); its second counts the 5 000 codes by banded number of registered users. Four tests: each set, whole and
  // in chunks.
  const HEAVY = new Set(['whole-many-rows.csv']);
  const setsOf = (bytes: Uint8Array): CrossTabOptions[] => {
    let sets: CrossTabOptions[];
    try {
      sets = optionSets(parseCsv(bytes)).slice(0, 2);
    } catch {
      sets = [{rows: 0, columns: 1}];
    }
    return sets.length ? sets : [{rows: 0, columns: 1}];
  };
  const chunksOf = (bytes: Uint8Array, whole: boolean) =>
    whole ? [bytes] : every(bytes, bytes.length > 4096 ? 1000 : 7);
  for (const {file: name} of CASES) {
    if (HEAVY.has(name)) {
      for (const [set, whole] of [
        [0, true],
        [0, false],
        [1, true],
        [1, false],
      ] as const) {
        it(`aggregateCsv(corpus/${name}) equals crossTab(parseCsv) with option set ${set + 1}, ${whole ? 'whole' : 'in chunks'}`, async () => {
          const bytes = await fixture(`corpus/${name}`);
          const sets: CrossTabOptions[] = [
            {rows: 0, columns: 1},
            {rows: 'code_commune', columns: 'inscrits', bands: [0, 10, 100, 500]},
          ];
          // The first set is refused (both alike), the second counted.
          expect(JSON.stringify(expected(bytes, sets[set]!)).includes('UNEXPECTED_SHAPE')).to.equal(set === 0);
          await expectSame(bytes, sets[set]!, chunksOf(bytes, whole), name);
        });
      }
      continue;
    }
    it(`aggregateCsv(corpus/${name}) equals crossTab(parseCsv): same table or same error, whole and in small chunks`, async () => {
      const bytes = await fixture(`corpus/${name}`);
      for (const options of setsOf(bytes)) {
        await expectSame(bytes, options, chunksOf(bytes, true), name);
        await expectSame(bytes, options, chunksOf(bytes, false), name);
      }
    });
  }

  it('aggregateCsv equals crossTab(parseCsv) on every CSV text of the crossTab and readCrossTab tests, in chunks of every size', async () => {
    // The texts written as string literals in cross-tab.test.ts (`parseCsv('…')`), read from its source.
    const source = new TextDecoder().decode(await repoFile('test/stats/cross-tab.test.ts'));
    const texts = [...source.matchAll(/parseCsv\('((?:[^'\\]|\\.)*)'/g)].map(
      ([, s]) => JSON.parse(`"${s!.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string,
    );
    expect(texts.length).to.be.greaterThan(50);
    for (const text of new Set(texts)) {
      const bytes = utf8(text);
      let sets: CrossTabOptions[];
      try {
        sets = optionSets(parseCsv(bytes));
      } catch {
        sets = [{rows: 0, columns: 1}];
      }
      for (let size = 1; size <= bytes.length; size++) await expectSame(bytes, sets[0]!, every(bytes, size), text);
      for (const options of sets)
        for (const size of [1, 2, 3, 5, bytes.length]) await expectSame(bytes, options, every(bytes, size), text);
    }
  });

  it('aggregateCsv(a fixture repeated into a file of 300 KB) equals crossTab(parseCsv) when it streams', async () => {
    const text = new TextDecoder().decode(await fixture('widgets/pyramid-people.csv'));
    const [header, ...rows] = text.trim().split('\n');
    const bytes = utf8(header + '\n' + Array.from({length: 200}, () => rows.join('\n')).join('\n') + '\n');
    expect(bytes.length).to.be.greaterThan(262144);
    for (const options of [
      {rows: 'sexe', columns: 'age', bands: 'seed' as const},
      {rows: 'age', columns: 'sexe'},
    ]) {
      await expectSame(bytes, options, every(bytes, 65536));
      await expectSame(bytes, options, every(bytes, 1000));
      await expectSame(
        bytes,
        options,
        split(bytes, fc.sample(fc.array(fc.nat({max: bytes.length}), {maxLength: 40}), {numRuns: 1, seed: SEED})[0]!),
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('aggregateCsv: chunks cut anywhere', () => {
  const people = (n: number, label = (i: number) => ['débutant', 'confirmé', 'avancé'][i % 3]!) =>
    Array.from({length: n}, (_, i) => `${i % 2 ? 'H' : 'F'};${(i * 7) % 90};${label(i)}`);

  it('aggregateCsv splits a multi-byte character (é, €, U+202F) at each of its bytes, in a small and in a streamed file', async () => {
    const labels = ['caf\u00e9', '12\u00a0\u20ac', '1\u202f234', 'L\u2019Aigle'];
    for (const text of [
      'sexe;age;lieu\n' + people(12, (i) => labels[i % 4]!).join('\n'),
      streamed(
        'sexe;age;lieu',
        people(40, (i) => labels[i % 4]!),
      ),
    ]) {
      const bytes = utf8(text);
      const options = {rows: 'lieu', columns: 'sexe', delimiter: ';'};
      for (const ch of ['é', '€', '\u202f', '’']) {
        const at = bytes.lastIndexOf(utf8(ch)[0]!);
        expect(at).to.be.greaterThan(0);
        for (let k = 0; k <= utf8(ch).length; k++)
          await expectSame(bytes, options, split(bytes, [at + k, at + k + 1]), ch);
      }
    }
  });

  it('aggregateCsv splits CRLF between two chunks and counts the lines as parseCsv does', async () => {
    const text =
      'sexe;age\r\n' +
      people(20)
        .map((r) => r.replace(/;[^;]*$/, ''))
        .join('\r\n') +
      '\r\n;12\r\n';
    const bytes = utf8(text);
    for (let at = 0; at < bytes.length; at++)
      if (bytes[at] === 13)
        await expectSame(bytes, {rows: 'sexe', columns: 'age', bands: [0, 18, 65]}, split(bytes, [at + 1]));
    const big = utf8(streamed('sexe;age;niveau', people(30), '\r\n') + '\r\n;5;x\r\n');
    for (let at = big.length - 200; at < big.length; at++)
      if (big[at] === 13)
        await expectSame(big, {rows: 'sexe', columns: 'age', bands: 'seed', delimiter: ';'}, split(big, [at + 1]));
  });

  it('aggregateCsv splits a quoted field holding a line break, a delimiter and quotes, anywhere', async () => {
    const text = 'niveau;age\n"débu\ntant";12\n"a;""b""";40\n"c\r\nd" ;70\n"e"f;5\n"débu\ntant";15\n';
    const bytes = utf8(text);
    for (let at = 1; at < bytes.length; at++)
      await expectSame(bytes, {rows: 'niveau', columns: 'age', bands: [0, 18, 65]}, split(bytes, [at]));
    const big = utf8(
      streamed('niveau;age;x', [
        'a;1;1',
        'b;2;2',
        'c;3;3',
        ...text
          .split('\n')
          .slice(1, -1)
          .map((r) => r + ';1'),
        '"x\n\ny";4;1',
      ]),
    );
    const quote = big.indexOf(34, 100000);
    for (let at = quote - 2; at < quote + 14; at++)
      await expectSame(big, {rows: 0, columns: 1, delimiter: ';'}, split(big, [at]));
  });

  it('aggregateCsv reads a windows-1252 file in chunks (é, €, ’ and œ at 0x80–0x9F), small or streamed', async () => {
    const rows = people(30, (i) => ['Hérouville', 'Œuvre', '12 €', 'L’Aigle'][i % 4]!);
    for (const text of ['sexe;age;lieu\n' + rows.join('\n'), streamed('sexe;age;lieu', rows)]) {
      const bytes = cp1252(text);
      for (const options of [
        {rows: 'lieu', columns: 'sexe', delimiter: ';'},
        {rows: 'sexe', columns: 'âge', bands: 'seed' as const, delimiter: ';'},
      ]) {
        const at = bytes.indexOf(0x92);
        for (const cuts of [[], [1], [at], [at + 1], [3, 7, at - 1, bytes.length - 1]])
          await expectSame(bytes, options, split(bytes, cuts));
        await expectSame(bytes, options, every(bytes, 1024));
      }
    }
  });

  it('aggregateCsv reads a UTF-8 file that turns out to be windows-1252 after its first 100 KB', async () => {
    const rows = people(60, (i) => (i < 50 ? 'Caen' : 'Hérouville-Saint-Clair'));
    const bytes = cp1252(streamed('sexe;age;lieu', rows));
    expect(parseCsv(bytes).meta.encoding).to.equal('windows-1252');
    for (const options of [
      {rows: 'lieu', columns: 'sexe', delimiter: ';'},
      {rows: 'sexe', columns: 'lieu', delimiter: ';'},
    ]) {
      await expectSame(bytes, options, every(bytes, 4096));
      await expectSame(bytes, options, every(bytes, 65536));
    }
  });

  it('aggregateCsv splits a byte-order mark (UTF-8) at each of its bytes', async () => {
    const text =
      'sexe;âge\n' +
      people(10)
        .map((r) => r.replace(/;[^;]*$/, ''))
        .join('\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    for (const cuts of [[1], [2], [3], [1, 2, 3, 4]])
      await expectSame(bytes, {rows: 'sexe', columns: 'âge', bands: 'seed'}, split(bytes, cuts));
    const big = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(streamed('sexe;âge;x', people(20)))]);
    for (const cuts of [[1], [2], [3]])
      await expectSame(big, {rows: 'sexe', columns: 'âge', bands: 'seed', delimiter: ';'}, split(big, cuts));
  });

  it('aggregateCsv reads whole, with the same result, a streamed file of one column or one that starts like JSON', async () => {
    const column = utf8('effectif\n' + Array.from({length: 140000}, (_, i) => String(i % 7)).join('\n'));
    expect(column.length).to.be.greaterThan(262144);
    await expectSame(column, {rows: 0, columns: 0}, every(column, 4096));
    const json = utf8(
      '[' + Array.from({length: 20000}, (_, i) => `{"sexe":"${i % 2 ? 'H' : 'F'}","age":${i % 90}}`).join(',\n') + ']',
    );
    const got = await outcome(aggregateCsv(source(every(json, 4096)), {rows: 0, columns: 1}));
    expect(got).to.deep.equal(expected(json, {rows: 0, columns: 1}));
    expect((got as {error: {code: string}}).error.code).to.equal('NOT_CSV');
  });

  it('aggregateCsv reads UTF-16 files whole, with the same result', async () => {
    const text =
      '\ufeffsexe\tâge\n' +
      people(10)
        .map((r) => r.replace(/;[^;]*$/, '').replace(';', '\t'))
        .join('\n');
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 * i, text.charCodeAt(i), true);
    await expectSame(bytes, {rows: 'sexe', columns: 'âge', bands: 'seed'}, every(bytes, 3));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('aggregateCsv: what is only known at the end of the file', () => {
  const options = {rows: 0, columns: 1, delimiter: ';'};
  const cuts = (bytes: Uint8Array) => [every(bytes, 8192), every(bytes, 65536), [bytes]];

  it('aggregateCsv sets aside notes under a streamed table, and counts single-cell rows followed by data', async () => {
    const rows = [
      'H;10;a',
      'F;20;b',
      'H;30;c',
      ';;solo',
      'H;;',
      '(1) pas une note;40;d',
      'F;50;e',
      'Source : pas une note;60',
      'F;70;f',
      'Total;;',
      'Source : Insee;;',
      '(1) champ : adhérents',
      '',
      '* note',
      ';;',
    ];
    const bytes = utf8(streamed('sexe;age;x', rows));
    for (const o of [
      options,
      {...options, columns: 2},
      {rows: 'sexe', columns: 'age', bands: [0, 18, 65], delimiter: ';'},
    ]) {
      for (const chunks of cuts(bytes)) await expectSame(bytes, o, chunks);
    }
  });

  it('aggregateCsv types a column over the whole file: numbers first, then more than one text in ten', async () => {
    const rows = Array.from(
      {length: 40},
      (_, i) => `${i % 2 ? 'H' : 'F'};${i < 20 ? String(i) : ['jeune', 'adulte', 'âgé'][i % 3]};1,5`,
    );
    const bytes = utf8(streamed('sexe;age;poids', rows));
    for (const o of [
      options,
      {rows: 'sexe', columns: 'age', value: 'poids', delimiter: ';'},
      {rows: 'sexe', columns: 'age', bands: 'seed' as const, delimiter: ';'},
    ]) {
      for (const chunks of cuts(bytes)) await expectSame(bytes, o, chunks);
    }
  });

  it('aggregateCsv reads a late code (01) as making the column an identifier, as parseCsv does', async () => {
    const rows = Array.from({length: 30}, (_, i) => `${i % 2 ? 'H' : 'F'};${i === 25 ? '01' : String(i)};2`);
    const bytes = utf8(streamed('sexe;age;n', rows));
    for (const o of [
      options,
      {rows: 'sexe', columns: 'age', value: 'n', delimiter: ';'},
      {rows: 'sexe', columns: 'age', bands: 'seed' as const, delimiter: ';'},
    ]) {
      for (const chunks of cuts(bytes)) await expectSame(bytes, o, chunks);
    }
  });

  it('aggregateCsv recognises sex codes in a column not named so only when the whole column says so', async () => {
    const first = ['H', 'F', 'H', 'F', 'NC'];
    for (const later of [
      ['H', 'F'],
      ['Homme', 'Femme', 'autre', 'inconnu'],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v'],
    ]) {
      const rows = [...first, ...later, 'H', 'F'].map((s, i) => `${s};${i * 3};1,25`);
      const bytes = utf8(streamed('public;age;poids', rows));
      for (const o of [
        options,
        {rows: 'public', columns: 'age', bands: 'seed' as const, value: 'poids', delimiter: ';'},
      ]) {
        for (const chunks of cuts(bytes)) await expectSame(bytes, o, chunks);
      }
    }
  });

  it('aggregateCsv adds decimal counts (weights) in file order, so that sums are identical to the last digit', async () => {
    const rows = Array.from(
      {length: 300},
      (_, i) =>
        `${i % 3 ? 'H' : 'F'};${(i * 13) % 95};${(0.1 + ((i * 7919) % 1000) / 997).toFixed(4).replace('.', ',')}`,
    );
    const bytes = utf8(streamed('sexe;age;poids', rows));
    for (const o of [
      {rows: 'sexe', columns: 'age', bands: 'seed' as const, value: 'poids', delimiter: ';'},
      {rows: 'age', columns: 'sexe', value: 2, delimiter: ';'},
    ]) {
      for (const chunks of cuts(bytes)) await expectSame(bytes, o, chunks);
    }
  });

  it("aggregateCsv guesses the decimal separator over parseCsv's first 100 000 cells (1,234 as a thousand or as 1.234)", async () => {
    for (const decimals of [
      ['1,234', '2,5'],
      ['1.234', '2.5', '3.75'],
      ['1,234', '1.5', '1.25'],
    ]) {
      const rows = Array.from(
        {length: 34000},
        (_, i) => `${i % 2 ? 'H' : 'F'};${i % 90};${decimals[i % decimals.length]}`,
      );
      const bytes = utf8('sexe;age;n\n' + rows.join('\n'));
      await expectSame(
        bytes,
        {rows: 'sexe', columns: 'age', bands: 'seed', value: 'n'},
        every(bytes, 65536),
        decimals.join(' '),
      );
    }
  });

  it("aggregateCsv gives UNTERMINATED_QUOTE with parseCsv's line for a quote never closed near the end", async () => {
    const bytes = utf8(streamed('sexe;age;x', ['H;1;a', 'F;2;b', 'H;3;c', 'F;4;"ouvert\nH;5;e']));
    const got = await outcome(aggregateCsv(source(every(bytes, 4096)), options));
    expect(got).to.deep.equal(expected(bytes, options));
    expect((got as {error: {code: string}}).error.code).to.equal('UNTERMINATED_QUOTE');
  });

  it('aggregateCsv gives NOT_TEXT for a NUL byte after the first 100 KB of a file with control characters', async () => {
    const text = '\u0001' + streamed('sexe;age;x', ['H;1;a', 'F;2;b', 'H;3;c', 'F;4;d', 'H;5;\u0000']);
    const bytes = utf8(text);
    const got = await outcome(aggregateCsv(source(every(bytes, 4096)), options));
    expect(got).to.deep.equal(expected(bytes, options));
    expect((got as {error: {code: string}}).error.code).to.equal('NOT_TEXT');
  });

  it('aggregateCsv gives NOT_NUMERIC and NO_DATA as crossTab does, at the end', async () => {
    const bytes = utf8(streamed('sexe;age;n', ['H;1;a', 'F;2;b', 'H;3;c', 'F;4;d']));
    for (const o of [
      {rows: 'sexe', columns: 'age', value: 'n', delimiter: ';'},
      {rows: 'n', columns: 'sexe', bands: 'seed' as const, delimiter: ';'},
    ]) {
      const got = await outcome(aggregateCsv(source([bytes]), o));
      expect(got).to.deep.equal(expected(bytes, o));
      expect((got as {error: {code: string}}).error.code).to.equal('NOT_NUMERIC');
    }
    const empty = utf8(streamed('sexe;age;n', [';1;1', ';2;2', ';3;3', ';4;4']));
    expect(await outcome(aggregateCsv(source([empty]), options))).to.deep.equal(expected(empty, options));
  });

  it('aggregateCsv reads counts again when a file turns out to be windows-1252 before they are final', async () => {
    // Counts wait for the decimal separator (parseCsv guesses it over its first 100 000 cells): read once it is known.
    const head = utf8(streamed('sexe;age;n', ['H;1;1\u00a0234', 'F;2;2', 'H;3;3', 'F;4;5']));
    const bytes = new Uint8Array([...head, ...cp1252('\nH;5;Hérouville')]);
    await expectSame(bytes, {rows: 'sexe', columns: 'age', value: 'n', delimiter: ';'}, every(bytes, 8192));
  });

  it('aggregateCsv refuses (UNEXPECTED_SHAPE) a file that mixes UTF-8 and windows-1252 in counts already read, rather than count it differently', async () => {
    const head = utf8(
      streamed('sexe;age;n;lieu', [
        'H;1;1\u00a0234;Caen',
        'F;2;2;Caen',
        'H;3;3;Caen',
        ...Array<string>(12).fill('F;4;5;Caen'),
      ]),
    );
    const bytes = new Uint8Array([...head, ...cp1252('\nH;5;7;Hérouville')]);
    const options = {rows: 'sexe', columns: 'age', value: 'n', delimiter: ';', decimal: ',' as const};
    expect(expected(bytes, options)).to.have.property('ok');
    const e = await rejected(aggregateCsv(source(every(bytes, 8192)), options));
    expect(e.code).to.equal('UNEXPECTED_SHAPE');
    expect(e.message).to.contain('encodages');
  });

  it('aggregateCsv refuses (UNEXPECTED_SHAPE) a file whose rows grow wider than its header after its first rows', async () => {
    const rows = [...Array.from({length: 3}, () => 'H;1;a'), ...Array.from({length: 20}, () => 'F;2;b;c')];
    const bytes = utf8(streamed('sexe;age;x', rows));
    const e = await rejected(aggregateCsv(source(every(bytes, 4096)), options));
    expect(e.code).to.equal('UNEXPECTED_SHAPE');
    expect(e.message).to.contain("complétez l'en-tête");
    expect(expected(bytes, options)).to.have.property('ok');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('aggregateCsv: sources, errors, progress, cancellation', () => {
  const csv = utf8('sexe;âge\n' + Array.from({length: 50}, (_, i) => `${i % 2 ? 'H' : 'F'};${i}`).join('\n'));
  const options = {rows: 'sexe', columns: 'âge', bands: 'seed' as const};

  if (isNode) {
    it('aggregateCsv(fs.createReadStream(file)) counts a Node file stream (Node only)', async () => {
      const fs = await import('node:' + 'fs');
      const file = new URL('../../../test/fixtures/widgets/pyramid-people.csv', import.meta.url);
      const ct = await aggregateCsv(fs.createReadStream(file, {highWaterMark: 64}), options);
      expect(ct).to.deep.equal(crossTab(parseCsv(fs.readFileSync(file)), options));
    });
  }

  it('aggregateCsv(url) fetches and streams like loadCsv, with an injected fetch', async () => {
    const fetch = async () => new Response(source(every(csv, 7), 'stream') as ReadableStream<Uint8Array>);
    expect(await aggregateCsv('https://example.fr/a.csv', {...options, fetch})).to.deep.equal(
      crossTab(parseCsv(csv), options),
    );
    expect(await aggregateCsv({href: 'https://example.fr/a.csv'}, {...options, fetch})).to.deep.equal(
      crossTab(parseCsv(csv), options),
    );
  });

  it('aggregateCsv(url) rejects with HTTP_STATUS, BAD_URL and TOO_LARGE as loadCsv does', async () => {
    const notFound = async () => new Response('non', {status: 404});
    expect((await rejected(aggregateCsv('https://example.fr/a.csv', {...options, fetch: notFound}))).code).to.equal(
      'HTTP_STATUS',
    );
    expect((await rejected(aggregateCsv('javascript:alert(1)', options))).code).to.equal('BAD_URL');
    const big = async () => new Response(source(every(csv, 16), 'stream') as ReadableStream<Uint8Array>);
    expect(
      (await rejected(aggregateCsv('https://example.fr/a.csv', {...options, fetch: big, maxBytes: 100}))).code,
    ).to.equal('TOO_LARGE');
    expect((await rejected(aggregateCsv(source(every(csv, 16)), {...options, maxBytes: 100}))).code).to.equal(
      'TOO_LARGE',
    );
  });

  it('aggregateCsv rejects with ABORTED when the signal fires mid-stream, and stops reading', async () => {
    const controller = new AbortController();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(c) {
        pulled++;
        if (pulled === 3) controller.abort();
        await new Promise((r) => setTimeout(r, 1));
        c.enqueue(csv.slice(0, 10));
      },
    });
    const e = await rejected(aggregateCsv(stream, {...options, signal: controller.signal}));
    expect(e).to.be.instanceOf(EpnDataError);
    expect(e.code).to.equal('ABORTED');
    const seen = pulled;
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).to.be.lessThan(seen + 3);
  });

  it('aggregateCsv rejects with ABORTED at once for a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await rejected(aggregateCsv(source([csv]), {...options, signal: controller.signal}))).code).to.equal(
      'ABORTED',
    );
  });

  it('aggregateCsv reports progress that never decreases, never passes 1, and ends at 1', async () => {
    const bytes = utf8(streamed('sexe;age;x', ['H;1;a', 'F;2;b', 'H;3;c', 'F;4;d']));
    for (const total of [bytes.length, undefined]) {
      const seen: Progress[] = [];
      await aggregateCsv(source(every(bytes, 10000)), {
        rows: 0,
        columns: 1,
        delimiter: ';',
        total,
        onProgress: (p) => seen.push(p),
      });
      const fractions = seen.map((p) => p.fraction);
      expect(seen.length).to.be.greaterThan(2);
      expect(fractions[fractions.length - 1]).to.equal(1);
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i]!.loaded).to.be.at.least(seen[i - 1]!.loaded);
        if (fractions[i] !== null && fractions[i - 1] !== null) expect(fractions[i]).to.be.at.least(fractions[i - 1]!);
      }
      for (const f of fractions) if (f !== null) expect(f).to.be.within(0, 1);
      if (total === undefined) expect(fractions.slice(0, -1).every((f) => f === null)).to.equal(true);
    }
  });

  it('aggregateCsv throws BAD_OPTION before reading for an unknown option, a bad crossTab or parseCsv option, or a bad source', async () => {
    let read = false;
    const watched = (async function* () {
      read = true;
      yield csv;
    })();
    for (const o of [
      {...options, bins: 3},
      {rows: 'sexe'},
      {...options, bands: 'insee'},
      {...options, delimiter: ';;'},
      {...options, encoding: 'klingon'},
      {...options, total: -1},
    ]) {
      expect((await rejected(aggregateCsv(watched, o as never))).code, JSON.stringify(o)).to.equal('BAD_OPTION');
    }
    expect(read).to.equal(false);
    expect((await rejected(aggregateCsv(42 as never, options))).code).to.equal('BAD_OPTION');
    const text = (async function* () {
      yield 'sexe;age\n' as never;
    })();
    expect((await rejected(aggregateCsv(text, options))).code).to.equal('BAD_OPTION');
  });

  it('aggregateCsv throws MISSING_COLUMN as soon as the header is read, naming the columns', async () => {
    const e = await rejected(aggregateCsv(source([csv]), {rows: 'genre', columns: 'âge'}));
    expect(e.code).to.equal('MISSING_COLUMN');
    expect(e.message).to.contain('« sexe », « âge »');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: for any generated CSV and any cuts, aggregateCsv equals crossTab(parseCsv).

/** Cells of the kinds aggregateCsv must read as parseCsv does: sexes, ages, labels, counts, markers, hostile text. */
const CELLS = {
  sex: ['H', 'F', 'Hommes', 'femme', 'M', '1', '2', 'NC', '', 'Total', ' H '],
  age: [
    '0',
    '7',
    '17',
    '17,9',
    '18',
    '65',
    '66',
    '104',
    '-3',
    '00',
    '012',
    '1e5',
    'vieux',
    '',
    'nd',
    '12 ans',
    '0-14',
    '65 +',
    'Ensemble',
  ],
  label: [
    'débutant',
    'Total',
    'Ensemble',
    ' Caen ',
    'café',
    'L’Aigle',
    'x"y',
    '"a;b"',
    '"q\nr"',
    '"s"t',
    'Œuvre',
    '12 €',
    'dont femmes',
    'Source : x',
    '(1) note',
    '*',
    '__proto__',
    'e\u0301',
    '1\u202f234',
    '\u00a0',
  ],
  count: [
    '1',
    '12',
    '0',
    '12,5',
    '1 234',
    '1\u00a0234',
    '1.234',
    '1,234',
    's',
    'nd',
    '-',
    '',
    '0012',
    '1e5',
    '\u221212,5',
    '3 %',
    'x',
  ],
};
type Kind = keyof typeof CELLS;
const KINDS = Object.keys(CELLS) as Kind[];
const NAMES: Record<Kind, string[]> = {
  sex: ['sexe', 'genre', 'public'],
  age: ['âge', 'age', 'tranche'],
  label: ['niveau', 'lieu', 'Code'],
  count: ['n', 'effectif', 'poids'],
};

interface Generated {
  header: string[];
  rows: string[][];
  eols: string[];
  notes: string[];
}

/** A long or individual-level table: 2 to 4 columns of a kind each, 1 to 30 rows, line ends mixed, notes sometimes. */
const generated: fc.Arbitrary<Generated> = fc
  .array(fc.constantFrom(...KINDS), {minLength: 2, maxLength: 4})
  .chain((kinds) =>
    fc.record({
      header: fc.tuple(...kinds.map((k) => fc.constantFrom(...NAMES[k]))),
      rows: fc.array(fc.tuple(...kinds.map((k) => fc.constantFrom(...CELLS[k]))), {minLength: 1, maxLength: 30}),
      eols: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n'), {minLength: 1, maxLength: 4}),
      notes: fc.array(fc.constantFrom('Source : Insee', '(1) champ', 'Total;', ';;x', '', '12'), {maxLength: 3}),
    }),
  )
  .map((g) => ({
    ...g,
    header: g.header.map((h, j) => (g.header.indexOf(h) < j ? `${h}${j}` : h)),
    rows: g.rows.map((r) => [...r]),
  }));

function text(g: Generated, d: string, lines?: (body: string[]) => string[]): string {
  // A cell holding the delimiter is quoted (unless it is quoted already): rows are as wide as the header.
  const cell = (c: string) => (c.includes(d) && !c.startsWith('"') ? `"${c}"` : c);
  const body = g.rows.map((r) => r.map(cell).join(d));
  const all = [g.header.join(d), ...(lines ? lines(body) : body), ...g.notes.map((n) => n.replace(/;/g, d))];
  const out = all.map((l, i) => l + g.eols[i % g.eols.length]!).join('');
  // Sometimes no line break at the end.
  let end = out.length;
  if (g.eols.length % 2 === 0) while (end > 0 && (out[end - 1] === '\n' || out[end - 1] === '\r')) end--;
  return out.slice(0, end);
}

/** Options of a generated table: rows and columns among its columns, sometimes a count column and bands. */
const optionsFor = (g: Generated) =>
  fc.record({
    rows: fc.nat({max: g.header.length - 1}),
    columns: fc.nat({max: g.header.length - 1}),
    value: fc.option(fc.nat({max: g.header.length - 1}), {nil: undefined}),
    bands: fc.option(fc.constantFrom<'seed' | number[]>('seed', [0, 18, 65]), {nil: undefined}),
  });

/** windows-1252 bytes of text it can encode (the harness's `cp1252`, for long texts). */
function cp1252Long(s: string): Uint8Array {
  const high = cp1252('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
  const table = new Map([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((ch, i) => [ch.charCodeAt(0), high[i]!]));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : table.get(c)!;
  }
  return out;
}

/** Bytes in UTF-8, UTF-8 with a BOM, or windows-1252 (text it cannot encode written as `?`). */
function encode(s: string, encoding: 'utf-8' | 'bom' | 'windows-1252'): Uint8Array {
  // In windows-1252, no two non-ASCII characters in a row: `é€’` would also be valid UTF-8 (see parse-properties).
  if (encoding === 'windows-1252')
    return cp1252Long(
      s.replace(/[^\x00-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu, '?').replace(/([^\x00-\x7f])(?=[^\x00-\x7f])/gu, '$1 '),
    );
  const bytes = utf8(s);
  return encoding === 'bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

const cutsOf = (max: number) => fc.array(fc.nat({max}), {maxLength: 10});

describe(`aggregateCsv properties (seed ${SEED})`, () => {
  it('aggregateCsv(any generated CSV, any cuts) equals crossTab(parseCsv(bytes)), errors included', async () => {
    await fc.assert(
      fc.asyncProperty(
        generated.chain((g) =>
          fc.record({
            g: fc.constant(g),
            d: fc.constantFrom(';', ',', '\t', '|'),
            encoding: fc.constantFrom('utf-8' as const, 'bom' as const, 'windows-1252' as const),
            forced: fc.boolean(),
            options: optionsFor(g),
            cuts: cutsOf(600),
          }),
        ),
        async ({g, d, encoding, forced, options, cuts}) => {
          const bytes = encode(text(g, d), encoding);
          await expectSame(
            bytes,
            {...options, delimiter: forced ? d : undefined},
            split(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          );
        },
      ),
      {numRuns: 1000, seed: SEED},
    );
  });

  for (const encoding of ['utf-8', 'bom', 'windows-1252'] as const) {
    const name = {'utf-8': 'in UTF-8', bom: 'in UTF-8 with a BOM', 'windows-1252': 'in windows-1252'}[encoding];
    it(`aggregateCsv(a generated CSV ${name} that streams past its first 65 536 characters, any cuts) equals crossTab(parseCsv(bytes))`, async () => {
      await fc.assert(
        fc.asyncProperty(
          generated.chain((g) =>
            fc.record({
              g: fc.constant(g),
              d: fc.constantFrom(';', ',', '\t', '|'),
              options: optionsFor(g),
              cuts: cutsOf(80000),
              chunk: fc.constantFrom(1000, 4000),
            }),
          ),
          async ({g, d, options, cuts, chunk}) => {
            // Rows never wider than the header, and one encoding per file: what aggregateCsv reads exactly. The
            // title and the blank lines make the file longer than the sample aggregateCsv takes its decisions on
            // (65 536 characters with a delimiter given, looked at again as chunks arrive), which ends after the
            // first records: the others go through the streaming reader.
            const lines = (body: string[]) => [...body.slice(0, 3), '\n'.repeat(9000), ...body.slice(3)];
            const bytes = encode(title(60000) + '\n' + text(g, d, lines), encoding);
            const chunks = split(bytes, [
              ...cuts,
              ...Array.from({length: Math.ceil(bytes.length / chunk)}, (_, i) => i * chunk),
            ]);
            await expectSame(bytes, {...options, delimiter: d}, chunks);
          },
        ),
        // Fewer runs than the first property: each case is a file of 70 KB, read twice.
        {numRuns: 200, seed: SEED},
      );
    });
  }
});
