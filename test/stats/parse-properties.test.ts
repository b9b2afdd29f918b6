// Property tests of the CSV reader (fast-check), from RELIABILITY.md's invariants:
// 1. the parser is total: on any input it returns a well-formed Table or throws EpnDataError, nothing else;
// 2. parse(serialize(t)) equals t for any table, delimiter, line end and quoting;
// 3. the same text in UTF-8, UTF-8 with a BOM and windows-1252 parses to the same table.
// ("Splitting the byte stream anywhere gives the same result" belongs to the streaming reader: not here.)
//
// Each property runs 1000 cases from a fixed seed, so runs are reproducible; fast-check prints the seed and the
// shrunk counterexample on failure. To explore other cases, change SEED.
import fc from 'fast-check';
import {
  DEFAULT_MARKERS,
  EpnDataError,
  parseAgeLabel,
  parseCsv,
  parseNumber,
  type ParseOptions,
  type Table,
  type Value,
} from '@epn/stats';
import {cp1252, describe, expect, it, utf16, utf8} from '../harness.js';

const SEED = 20120517;
const RUNS = {numRuns: 1000, seed: SEED};

const ERROR_CODES = ['NOT_TEXT', 'NOT_CSV', 'EMPTY', 'NO_DATA', 'UNTERMINATED_QUOTE', 'BAD_OPTION'];
const DELIMITERS = [';', ',', '\t', '|'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Helpers that restate the reader's documented normal form (so that generated tables are already in it).

/** Labels are trimmed, inner white space collapsed to one space, composed (NFC). */
const clean = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f\u2009\u2007\u200b]+/g, ' ')
    .trim();
/** Column names are unique under loose matching: case, accents and spaces aside. */
const looseKey = (s: string) =>
  clean(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
/** Header names that mark an identifier column (`Code`, `dep`, `id_epn`…): such a column stays text on purpose. */
const identifierHeader = (s: string) =>
  /(^|\s)(code|cog|insee|siren|siret|id|identifiant|cp|n°|numero|depcom|codgeo|dep|reg|com)(\s|$)/.test(
    looseKey(s.replace(/([a-z])([A-Z])/g, '$1 $2')).replace(/[_\-./]+/g, ' '),
  );
/**
 * A column of markers only (`s`, `NC`…) under a header naming a figure (`2021`, `0-19`) is read as wholly secret or
 * unavailable figures, on purpose: such a text column would not come back as text.
 */
const secretFigures = (name: string, c: Column) =>
  (parseNumber(name) !== null || parseAgeLabel(name) !== null) &&
  c.cells.some((x) => x !== null) &&
  c.cells.every((x) => x === null || Object.hasOwn(DEFAULT_MARKERS, String(x).trim().toLowerCase()));
/** A last row starting like `Source : …`, `(1) …` or `* …` is a note under the table, on purpose. */
const noteLike = (s: string) =>
  /^(?:(?:sources?|notes?|champ|lecture|guide de lecture|avertissement|remarques?|n\.?\s?b\.?)\s*:|\(\d+\)|\*)/i.test(
    s,
  );

// ---------------------------------------------------------------------------------------------------------------
// 1. Totality.

/**
 * What is wrong with a returned table, if anything: the shape every caller relies on. (Plain checks collected into
 * one list, then one assertion: per-cell chai assertions would dominate the run time.)
 */
function problems(t: Table): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const width = t.columns.length;
  check(width > 0, 'no columns');
  check(t.rows.length > 0, 'no rows');
  check(new Set(t.columns.map(looseKey)).size === width, `column names not unique: ${JSON.stringify(t.columns)}`);
  for (const c of t.columns) check(typeof c === 'string' && c !== '', `bad column name ${JSON.stringify(c)}`);
  check(t.meta.types.length === width, 'meta.types length');
  check(t.meta.rowLines.length === t.rows.length, 'meta.rowLines length');
  for (let i = 1; i < t.meta.rowLines.length; i++)
    check(t.meta.rowLines[i]! > t.meta.rowLines[i - 1]!, 'meta.rowLines not increasing');
  t.rows.forEach((r, i) => {
    check(
      Array.isArray(r) && Object.getPrototypeOf(r) === Array.prototype && r.length === width,
      `row ${i} is not an array of ${width}`,
    );
    r.forEach((v, j) => {
      if (v === null) return;
      if (t.meta.types[j] === 'number')
        check(
          typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0),
          `cell ${i},${j} = ${String(v)} in a numeric column`,
        );
      else check(typeof v === 'string' && v !== '', `cell ${i},${j} = ${JSON.stringify(v)} in a text column`);
    });
  });
  for (const m of [...t.meta.markers, ...t.meta.issues]) {
    check(m.row === undefined || (m.row >= 0 && m.row < t.rows.length), `row out of range: ${JSON.stringify(m)}`);
    check(m.column === undefined || (m.column >= 0 && m.column < width), `column out of range: ${JSON.stringify(m)}`);
  }
  for (const m of t.meta.markers)
    check(t.rows[m.row]?.[m.column] === null, `marker on a non-null cell: ${JSON.stringify(m)}`);
  return out;
}

/** Runs parseCsv and checks the outcome: a well-formed Table, or an EpnDataError with a code and two messages. */
function parsesOrThrowsEpnDataError(input: string | Uint8Array, options?: ParseOptions): void {
  let t: Table;
  try {
    t = parseCsv(input, options);
  } catch (e) {
    const ok =
      e instanceof EpnDataError &&
      ERROR_CODES.includes(e.code) &&
      typeof e.message === 'string' &&
      e.message !== '' &&
      typeof e.localizedMessage('en') === 'string' &&
      e.localizedMessage('en') !== '';
    if (!ok) expect.fail(`not a proper EpnDataError: ${String(e)}\n${(e as Error)?.stack ?? ''}`);
    return;
  }
  const found = problems(t);
  if (found.length) expect(found).to.deep.equal([]);
}

/** One option: usually a valid value, sometimes one that must give BAD_OPTION (never a TypeError). */
const option = (valid: unknown[], invalid: unknown[]) =>
  fc.oneof({weight: 30, arbitrary: fc.constantFrom(...valid)}, {weight: 1, arbitrary: fc.constantFrom(...invalid)});

/** Options a caller might pass, each present or not, mostly valid. */
const options: fc.Arbitrary<ParseOptions | undefined> = fc.option(
  fc.record(
    {
      delimiter: option([';', ',', '\t', '|', ' ', 'tab', null], ['', ';;', '"', '\n', 7]),
      encoding: option(['utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be', null], ['klingon', 5]),
      headerRows: option([0, 1, 2, null], [3, -1, 1.5, '1']),
      decimal: option([',', '.', null], [';', 0]),
      markers: option(
        [{'-': null}, {sc: 'secret'}, {x: null}, null, JSON.parse('{"__proto__": "secret"}')],
        [{x: 'nope'}, {'': null}, 'sc', [1]],
      ),
    },
    {requiredKeys: []},
  ) as fc.Arbitrary<ParseOptions>,
  {nil: undefined, freq: 2},
);

/**
 * CSV-like text: lines of fields from realistic and hostile pieces (numbers in every spelling, codes, markers,
 * quotes, stray quotes, HTML/JSON starts, control characters), joined by one delimiter (sometimes mixed), with
 * mixed line ends and blank lines.
 */
const PIECES = [
  'a',
  'Caen',
  'Âge',
  'L’Aigle',
  'Œuvre',
  '12,5',
  '1 234',
  '1\u202f234',
  '1.234,5',
  '\u221212,5',
  '12,5 %',
  '01001',
  '2A004',
  '974',
  '1e5',
  '0x10',
  'NaN',
  'Infinity',
  's',
  'nd',
  'NC',
  '-',
  '…',
  '',
  '',
  ' ',
  'Source : x',
  '(1) note',
  'Total',
  '__proto__',
  '"',
  '""',
  '"x"',
  '"a;b"',
  '"a\nb"',
  '"x"y',
  '"open',
  '<html>',
  '{"a":1}',
  '[',
  '\u001a',
  '\ufeff',
  'e\u0301',
];
const csvLikeText = fc
  .tuple(
    fc.constantFrom(';', ',', '\t', '|'),
    fc.array(
      fc.tuple(
        fc.array(fc.constantFrom(...PIECES), {maxLength: 7}),
        fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
        fc.boolean(),
      ),
      {maxLength: 14},
    ),
  )
  .map(([d, lines]) => lines.map(([fields, eol, other]) => fields.join(other ? ';' : d) + eol).join(''));
/** The same text as bytes, in one of the encodings portals use, sometimes with a BOM, sometimes with noise. */
const csvLikeBytes = fc
  .tuple(
    csvLikeText,
    fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be'),
    fc.option(fc.uint8Array({minLength: 1, maxLength: 4})),
    fc.nat(),
  )
  .map(([text, enc, noise, at]) => {
    let bytes: Uint8Array;
    if (enc === 'utf-16le' || enc === 'utf-16be') bytes = utf16(text, enc === 'utf-16le');
    else if (enc === 'windows-1252') bytes = cp1252(text.replace(/[^\x00-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu, '?'));
    else bytes = utf8(enc === 'utf-8-bom' ? '\ufeff' + text : text);
    if (!noise) return bytes;
    const k = bytes.length ? at % bytes.length : 0;
    const out = new Uint8Array(bytes.length + noise.length);
    out.set(bytes.subarray(0, k));
    out.set(noise, k);
    out.set(bytes.subarray(k), k + noise.length);
    return out;
  });

describe(`parseCsv properties: total on any input (seed ${SEED})`, () => {
  it('parseCsv(bytes, options) on arbitrary bytes returns a well-formed Table or throws EpnDataError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), options, (bytes, o) => parsesOrThrowsEpnDataError(bytes, o)),
      RUNS,
    );
  });

  it('parseCsv(bytes, options) on CSV-like bytes in any encoding returns a well-formed Table or throws EpnDataError, nothing else', () => {
    fc.assert(
      fc.property(csvLikeBytes, options, (bytes, o) => parsesOrThrowsEpnDataError(bytes, o)),
      RUNS,
    );
  });

  it('parseCsv(string, options) on CSV-like and arbitrary strings (lone surrogates included) returns a Table or throws EpnDataError', () => {
    const text = fc.oneof(csvLikeText, fc.string({unit: 'binary', maxLength: 200}));
    fc.assert(
      fc.property(text, options, (t, o) => parsesOrThrowsEpnDataError(t, o)),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 2. Round trip: parse(serialize(t)) equals t.

/** How a numeric column is written: thousands separator, minus sign, percent suffix, and what stands for null. */
interface NumberFormat {
  group: string;
  minus: string;
  percent: string;
  nulls: string[];
}
type Column =
  {kind: 'text'; cells: Array<string | null>} | {kind: 'number'; cells: Array<number | null>; format: NumberFormat};
interface GeneratedTable {
  names: string[];
  columns: Column[];
}
interface Layout {
  delimiter: (typeof DELIMITERS)[number];
  eol: '\n' | '\r\n';
  finalEol: boolean;
  quoteAll: boolean;
  nfd: boolean;
}

/**
 * Characters of labels. Realistic French text plus what needs quoting (`;`, `,`, `|`, `"`) and what tempts a
 * number reader (digits, `.`, `,`, `%`, `-`). `cp1252`: only characters windows-1252 can encode, and (see below)
 * never two non-ASCII characters in a row.
 */
const ASCII = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ' ',
  ' ',
  '.',
  ',',
  ';',
  '|',
  '"',
  "'",
  '-',
  '(',
  ')',
  '/',
  '%',
  '&',
  '+',
  '=',
  '@',
  '<',
  '{',
  '[',
];
const HIGH_1252 = [...'éèêàâçùûôîïëÉÈÀÇŒœ’«»€°…'];
const HIGH_OTHER = ['\u00a0', 'ß', '日本', '🙂', 'عربي', 'e\u0301', '\u202f'];

/**
 * A label: cleaned and not empty. For windows-1252, every non-ASCII character is followed by an ASCII one: a
 * windows-1252 text with two such characters in a row can also be valid UTF-8 (`é€’` is E9 80 92, one UTF-8
 * character), a genuine ambiguity the reader resolves towards UTF-8 (French text never has such pairs).
 */
function label(cp: boolean, maxLength: number): fc.Arbitrary<string> {
  const unit = cp
    ? fc.oneof(
        {weight: 4, arbitrary: fc.constantFrom(...ASCII)},
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...HIGH_1252), fc.constantFrom(...ASCII.filter((c) => c !== ' ')))
            .map(([h, a]) => h + a),
        },
      )
    : fc.oneof(
        {weight: 4, arbitrary: fc.constantFrom(...ASCII)},
        {weight: 1, arbitrary: fc.constantFrom(...HIGH_1252, ...HIGH_OTHER)},
      );
  return fc
    .array(unit, {minLength: 1, maxLength})
    .map((u) => clean(u.join('')))
    .filter((s) => s !== '');
}

/**
 * A text cell never reads as a number: a column of text cells that all look like numbers becomes numeric on
 * purpose (that is how numbers are found), so such cells are left out.
 */
const textCell = (cp: boolean) => label(cp, 14).filter((s) => parseNumber(s) === null && parseNumber(s, '.') === null);

/** Numbers with up to 4 decimals, from -2·10^9 to 2·10^9 (never -0: the reader never returns -0). */
const numberCell = fc
  .tuple(fc.integer({min: -2e9, max: 2e9}), fc.integer({min: 0, max: 4}))
  .map(([n, k]) => (n === 0 ? 0 : n / 10 ** k));

function numberFormat(cp: boolean): fc.Arbitrary<NumberFormat> {
  return fc.record({
    group: fc.constantFrom('', ' ', '\u00a0', ...(cp ? [] : ['\u202f', '\u2009'])),
    minus: fc.constantFrom('-', ...(cp ? [] : ['\u2212'])),
    percent: fc.constantFrom('', '', ' %', '%', '\u00a0%'),
    nulls: fc.array(fc.constantFrom('', 's', 'nd', 'NC', '-', '…', 'n.d.', 'secret', 'N/A'), {
      minLength: 1,
      maxLength: 3,
    }),
  });
}

function column(cp: boolean, height: number): fc.Arbitrary<Column> {
  const cells = <T>(a: fc.Arbitrary<T>) =>
    fc.array(fc.option(a, {nil: null, freq: 5}), {minLength: height, maxLength: height});
  return fc.oneof(
    cells(textCell(cp)).map((c): Column => ({kind: 'text', cells: c})),
    fc.tuple(cells(numberCell), numberFormat(cp)).map(([c, format]): Column => ({kind: 'number', cells: c, format})),
  );
}

/**
 * A table in the reader's normal form. Its names are labels, unique under loose matching (else they are renamed
 * ` (2)` on purpose), never starting like HTML or JSON (`<`, `{`, `[`: the file would be refused on purpose),
 * numeric columns do not have identifier-like names (they would stay text on purpose), and text columns of markers
 * only do not have figure-like names (they would be read as secret figures on purpose).
 */
function table(cp: boolean): fc.Arbitrary<GeneratedTable> {
  return fc
    .tuple(fc.integer({min: 1, max: 5}), fc.integer({min: 1, max: 7}))
    .chain(([width, height]) =>
      fc.record({
        names: fc.uniqueArray(
          label(cp, 12).filter((s) => !/^[<{[]/.test(s)),
          {minLength: width, maxLength: width, selector: looseKey},
        ),
        columns: fc.array(column(cp, height), {minLength: width, maxLength: width}),
      }),
    )
    .filter((t) => t.columns.every((c, j) => c.kind === 'text' || !identifierHeader(t.names[j]!)))
    .filter((t) => t.columns.every((c, j) => c.kind === 'number' || !secretFigures(t.names[j]!, c)))
    .map(fixRows);
}

/**
 * Rows the reader resolves on purpose, made unambiguous: a row of empty cells is a blank line (skipped), and a
 * last row with a single filled text cell, or one starting like `Source : …`, is a note under the table. So no
 * row is left empty, and the last row of a table of two columns or more has two filled cells and no note start.
 */
function fixRows(t: GeneratedTable): GeneratedTable {
  const height = t.columns[0]!.cells.length;
  const fill = (c: Column, i: number) => {
    if (c.kind === 'text') c.cells[i] = 'Ligne';
    else c.cells[i] = 1;
  };
  for (let i = 0; i < height; i++) {
    const filled = t.columns.filter((c) => c.cells[i] !== null).length;
    if (filled === 0) fill(t.columns[0]!, i);
  }
  const last = height - 1;
  if (t.columns.length >= 2) {
    if (t.columns.filter((c) => c.cells[last] !== null).length < 2) {
      fill(t.columns[0]!, last);
      fill(t.columns[1]!, last);
    }
    const first = t.columns.find((c) => c.cells[last] !== null)!.cells[last]!;
    if (typeof first === 'string' && noteLike(first)) fill(t.columns[0]!, last);
  }
  return t;
}

/** The table the reader should return: text cells as they are, numbers as numbers, empty and marker cells null. */
const expected = (t: GeneratedTable) => ({
  columns: t.names,
  rows: t.columns[0]!.cells.map((_, i) => t.columns.map((c) => c.cells[i] as Value)),
});

function formatNumber(x: number, f: NumberFormat): string {
  const [int, dec] = String(Math.abs(x)).split('.') as [string, string | undefined];
  const grouped = f.group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, f.group) : int;
  return (x < 0 ? f.minus : '') + grouped + (dec !== undefined ? ',' + dec : '') + f.percent;
}

/**
 * Writes a table as CSV. A field is quoted when it holds the delimiter, a quote or a line break, and a text field
 * also when it holds any other candidate delimiter: with unquoted `,` in every row of a `;` file the file can be
 * genuinely ambiguous (`a,b;c,d` is 2 fields or 3). Numbers are written bare (`12,5` in a `;` file, the case
 * papaparse gets wrong). `quoteAll` quotes every field; `nfd` writes the text decomposed (as macOS does).
 */
function serialize(t: GeneratedTable, l: Layout): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const text = (s: string) => (l.quoteAll || /[;,\t|"\r\n]/.test(s) ? quote(s) : s);
  const num = (s: string) => (l.quoteAll || s.includes(l.delimiter) || s.includes('"') ? quote(s) : s);
  const height = t.columns[0]!.cells.length;
  const lines = [t.names.map(text).join(l.delimiter)];
  for (let i = 0; i < height; i++) {
    lines.push(
      t.columns
        .map((c) => {
          if (c.kind === 'text') return c.cells[i] === null ? '' : text(c.cells[i]!);
          const v = c.cells[i];
          if (v !== null) return num(formatNumber(v, c.format));
          // A column of markers only cannot be told from a text column (`X` ticks…): markers only beside numbers.
          const hasNumbers = c.cells.some((x) => x !== null);
          return hasNumbers ? num(c.format.nulls[i % c.format.nulls.length]!) : '';
        })
        .join(l.delimiter),
    );
  }
  const out = lines.join(l.eol) + (l.finalEol ? l.eol : '');
  return l.nfd ? out.normalize('NFD') : out;
}

const layout = (cp: boolean): fc.Arbitrary<Layout> =>
  fc.record({
    delimiter: fc.constantFrom(...DELIMITERS),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    finalEol: fc.boolean(),
    quoteAll: fc.boolean(),
    nfd: cp ? fc.constant(false) : fc.boolean(),
  });

describe(`parseCsv properties: parse(serialize(t)) equals t (seed ${SEED})`, () => {
  it("parseCsv(serialize(t)) returns t's columns and rows for any table, delimiter, line end and quoting", () => {
    fc.assert(
      fc.property(table(false), layout(false), (t, l) => {
        const csv = serialize(t, l);
        const parsed = parseCsv(csv);
        expect({columns: parsed.columns, rows: parsed.rows}, JSON.stringify(csv)).to.deep.equal(expected(t));
        if (t.columns.length > 1) expect(parsed.meta.delimiter).to.equal(l.delimiter);
        expect(parsed.meta.issues, JSON.stringify(csv)).to.deep.equal([]);
        expect(parsed.meta.lineEnding).to.equal(l.eol === '\n' ? 'lf' : 'crlf');
      }),
      RUNS,
    );
  });

  it('parseCsv(serialize(t)) records every null of a numeric column as a marker, and its percent columns', () => {
    fc.assert(
      fc.property(table(false), layout(false), (t, l) => {
        const parsed = parseCsv(serialize(t, l));
        const want: string[] = [];
        const percent: number[] = [];
        t.columns.forEach((c, j) => {
          if (c.kind !== 'number' || !c.cells.some((x) => x !== null)) return;
          if (c.format.percent) percent.push(j);
          c.cells.forEach((v, i) => {
            if (v === null) want.push(`${i},${j}`);
          });
        });
        const got = parsed.meta.markers.map((m) => `${m.row},${m.column}`);
        expect(got.sort()).to.deep.equal(want.sort());
        expect(parsed.meta.percentColumns).to.deep.equal(percent);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 3. Encodings: the same text in UTF-8, UTF-8 with a BOM and windows-1252 parses the same.

describe(`parseCsv properties: the encoding does not change the table (seed ${SEED})`, () => {
  it('parseCsv(bytes) gives the same table for one text in UTF-8, UTF-8 with a BOM, and windows-1252', () => {
    fc.assert(
      fc.property(table(true), layout(true), (t, l) => {
        const csv = serialize(t, l);
        const bytes8 = utf8(csv);
        const withBom = new Uint8Array(bytes8.length + 3);
        withBom.set([0xef, 0xbb, 0xbf]);
        withBom.set(bytes8, 3);
        const a = parseCsv(bytes8);
        const b = parseCsv(withBom);
        const c = parseCsv(cp1252(csv));
        const strip = (x: Table) => ({columns: x.columns, rows: x.rows, meta: {...x.meta, encoding: null, bom: false}});
        expect(strip(b)).to.deep.equal(strip(a));
        expect(strip(c)).to.deep.equal(strip(a));
        expect(strip(a)).to.deep.equal(strip(parseCsv(csv)));
        expect(a.meta.encoding).to.equal('utf-8');
        expect(b.meta.bom).to.equal(true);
        expect(c.meta.encoding).to.equal(/[^\x00-\x7f]/.test(csv) ? 'windows-1252' : 'utf-8');
        expect({columns: a.columns, rows: a.rows}).to.deep.equal(expected(t));
      }),
      RUNS,
    );
  });
});
