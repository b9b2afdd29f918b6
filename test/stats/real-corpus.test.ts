// Issue 11: the core against real French public files (test/fixtures/real-corpus/, 40 files as published, with
// MANIFEST.json established by hand and ORIGINS.tsv). Per file, in Node and in Chromium:
// - guesses: parseCsv(bytes) with no option finds the manifest's encoding, delimiter, decimal, header rows, lines
//   before the header, data-row count, numeric and code columns, total rows and notes;
// - checks: every figure of the manifest, computed from the Table by hand (real-corpus.cases.ts);
// - aggregateCsv (streamed in odd-sized chunks) equals crossTab(parseCsv(bytes)) where a file has a categorical and a
//   numeric column;
// - oracle: every cell of every numeric column equals an independent reading of the same bytes (decoded with the
//   manifest's encoding by tables written here, split by papaparse with the manifest's delimiter, numbers read by a
//   strict parser with the manifest's decimal and thousands separator), or is null AND recorded (meta.markers or
//   meta.issues at its row and column). Zero silent differences.
// Test names are `<file> <kind>: <what>`, so that a failure list reads as a list of parser defects.
import {
  aggregateCsv,
  crossTab,
  EpnDataError,
  parseCsv,
  readCrossTab,
  type CrossTabOptions,
  type Table,
  type Value,
} from '@epn/stats';
import Papa from 'papaparse';
import {after, describe, expect, fixture, fixtureNames, it} from '../harness.js';
import {CHECKS, col, FILES} from './real-corpus.cases.js';

/** One file's entry of MANIFEST.json (the fields the tests read). */
interface Entry {
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'mac-roman';
  delimiter: string;
  decimal: ',' | '.' | null;
  headerRows: number;
  linesBeforeHeader: number;
  rows: number;
  numericColumns: string[];
  codeColumns: string[];
  categoryCodes?: string[];
  totalRows: string[];
  notes: string[];
  checks: Array<{what: string; value: number | string}>;
  lineTerminators?: string;
  thousandsSeparator?: string | null;
  missingMarkers?: string[];
  remarks: string[];
}

const DIR = 'real-corpus';
const NOT_DATA_FILES = ['.gitattributes', 'MANIFEST.json', 'ORIGINS.tsv', 'README.md'];

let manifestPromise: Promise<Record<string, Entry>> | undefined;
const manifest = () =>
  (manifestPromise ??= fixture(`${DIR}/MANIFEST.json`).then(
    (b) => JSON.parse(new TextDecoder().decode(b)) as Record<string, Entry>,
  ));
/** A file's manifest entry, with the corrections of real-corpus.cases.ts (`manifestFix`: numeric columns it missed). */
const entry = async (file: string): Promise<Entry> => {
  const e = (await manifest())[file];
  if (!e) throw new Error(`${file}: not in MANIFEST.json`);
  const fix = FILES[file]?.manifestFix;
  if (!fix) return e;
  return {
    ...e,
    numericColumns: [...e.numericColumns, ...(fix.numericColumns ?? [])],
    decimal: fix.decimal?.length === 1 ? fix.decimal[0]! : e.decimal,
  };
};

// One read and one parse per file, shared by its tests (dropped after them).
const bytesOf = new Map<string, Promise<Uint8Array>>();
const tableOf = new Map<string, Promise<Table>>();
const read = (file: string) => {
  let p = bytesOf.get(file);
  if (!p) bytesOf.set(file, (p = fixture(`${DIR}/${file}`)));
  return p;
};
/** parseCsv(bytes) with no option; an EpnDataError fails every test that needs the table, with its code. */
const parsed = (file: string) => {
  let p = tableOf.get(file);
  if (!p) {
    tableOf.set(
      file,
      (p = read(file).then((bytes) => {
        try {
          return parseCsv(bytes);
        } catch (e) {
          if (e instanceof EpnDataError) throw new Error(`parseCsv threw ${e.code}: ${e.message}`, {cause: e});
          throw e;
        }
      })),
    );
  }
  return p;
};

/** FNV-1a 32 of the bytes (the browser must get them exactly as on disk). */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

// ---------------------------------------------------------------------------------------------------------------
// Encodings, as the manifest names them and as the core's meta says them.

/**
 * What meta.encoding and meta.bom must say. `utf-8-bom` is UTF-8 with `bom: true`. `mac-roman`: a correct reading
 * decodes 0x8E as 'é' and 0xCA as U+00A0 (the Vila Vielha check and the oracle hold the text to that); its name is
 * the WHATWG Encoding Standard's, `macintosh` (the label TextDecoder knows, as the core's other names are WHATWG's).
 * The core's Encoding type has no Mac Roman today: reading this file as windows-1252 ('RŽparate') is a defect, and
 * a core that cannot tell should at least record an issue — this test holds it to the manifest.
 */
const CORE_ENCODING: Record<Entry['encoding'], {encoding: string; bom: boolean}> = {
  'utf-8': {encoding: 'utf-8', bom: false},
  'utf-8-bom': {encoding: 'utf-8', bom: true},
  'windows-1252': {encoding: 'windows-1252', bom: false},
  'mac-roman': {encoding: 'macintosh', bom: false},
};

/** 0x80–0x9F of windows-1252 (WHATWG; the five unassigned bytes map to their C1 control). Node 20's decoder is wrong here. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
/** 0x80–0xFF of Mac OS Roman (0xDB: '€', as since Mac OS 8.5 and in WHATWG's `macintosh`). */
const MAC_ROMAN_HIGH =
  '\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc' +
  '\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8' +
  '\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02' +
  '\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7';

/** The text of the bytes in the manifest's encoding, decoded without the core (a UTF-8 BOM dropped). */
function decodeAs(bytes: Uint8Array, encoding: Entry['encoding']): string {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (bom !== (encoding === 'utf-8-bom'))
      throw new Error(`manifest says ${encoding}, the bytes ${bom ? 'have' : 'have no'} BOM`);
    return new TextDecoder('utf-8', {ignoreBOM: false}).decode(bytes);
  }
  const high = encoding === 'windows-1252' ? CP1252_HIGH : MAC_ROMAN_HIGH;
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part: string[] = [];
    for (const b of bytes.subarray(i, i + CHUNK)) {
      if (b < 0x80) part.push(String.fromCharCode(b));
      else if (encoding === 'mac-roman') part.push(high[b - 0x80]!);
      else part.push(b < 0xa0 ? high[b - 0x80]! : String.fromCharCode(b));
    }
    out += part.join('');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The oracle: an independent reading of the numeric cells.

interface OracleRecord {
  /** 1-based line of the file where the record starts (as meta.rowLines counts: CRLF, CR and LF each end a line). */
  line: number;
  fields: string[];
}

/**
 * The record terminator the manifest counts most (`CRLF x134, LF x2` → CRLF: the LFs are inside quotes; `CRLF x1, CR
 * x8` → CR), for papaparse; without a count, papaparse's own guess.
 */
function newlineOf(e: Entry): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const m of (e.lineTerminators ?? '').matchAll(/\b(CRLF|CR|LF) x(\d+)/g)) {
    if (Number(m[2]) > most) [best, most] = [m[1], Number(m[2])];
  }
  return best ? {CRLF: '\r\n', CR: '\r', LF: '\n'}[best as 'CRLF' | 'CR' | 'LF'] : undefined;
}

/** Every record of the text, split by papaparse with the manifest's delimiter, with the line it starts on. */
function records(textOfFile: string, e: Entry): OracleRecord[] {
  const out: OracleRecord[] = [];
  const newline = newlineOf(e);
  let line = 1;
  let at = 0; // text offset up to which line breaks are counted
  let start = 0; // start of the next record
  let linebreak = newline ?? '\n';
  Papa.parse(textOfFile, {
    delimiter: e.delimiter,
    newline,
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (r) => {
      linebreak = r.meta.linebreak || linebreak;
      for (; at < start; at++) {
        const ch = textOfFile.charCodeAt(at);
        if (ch === 10 || (ch === 13 && textOfFile.charCodeAt(at + 1) !== 10)) line++;
      }
      out.push({line, fields: r.data});
      start = r.meta.cursor + linebreak.length;
    },
  });
  return out;
}

type OracleCell =
  {kind: 'number'; value: number} | {kind: 'empty'} | {kind: 'marker'} | {kind: 'text'} | {kind: 'absent'};

/**
 * A cell read independently: trimmed; '' is empty; a manifest missing marker (`NA`, `nan`) is a marker; else, less
 * the manifest's thousands separator, an optional minus, digits, and (when the file has decimals) the manifest's
 * decimal separator and digits; anything else is text (which the core must record, not read).
 */
function oracleCell(raw: string | undefined, e: Entry): OracleCell {
  if (raw === undefined) return {kind: 'absent'};
  let s = raw.trim();
  if (s === '') return {kind: 'empty'};
  if (e.missingMarkers?.includes(s)) return {kind: 'marker'};
  if (e.thousandsSeparator) s = s.split(e.thousandsSeparator).join('');
  const shape = e.decimal === ',' ? /^-?\d+(,\d+)?$/ : e.decimal === '.' ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
  if (!shape.test(s)) return {kind: 'text'};
  return {kind: 'number', value: Number(s.replace(',', '.'))};
}

/** The header records and the data records of the file (blank records and the manifest's non-data records left out). */
function dataRecords(file: string, textOfFile: string, e: Entry) {
  const all = records(textOfFile, e);
  const headerRecords = all.slice(e.linesBeforeHeader, e.linesBeforeHeader + e.headerRows);
  const isBlank = (f: string[]) => f.every((x) => x.trim() === '');
  const notData = FILES[file]?.notData;
  const data = all.slice(e.linesBeforeHeader + e.headerRows).filter((r) => !isBlank(r.fields) && !notData?.(r.fields));
  const expectedRecords = e.rows + (FILES[file]?.totalRecords ?? 0);
  // The oracle must agree with the manifest before it judges the core.
  if (data.length !== expectedRecords)
    throw new Error(`oracle self-check: ${data.length} data records, the manifest says ${expectedRecords}`);
  return {headerRecords, data, byLine: new Map(data.map((r) => [r.line, r]))};
}

/** Text compared as a label: NFC, runs of white space (U+00A0, U+202F included) as one space, trimmed. */
const loose = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * Every cell of every code column is its text as written (leading zeros, `2A`, `44000.0`, a SIRET exported as a
 * float: never re-read as a number), compared as a label; an empty field is `null` (or ''), and a manifest missing
 * marker (`nan`, `NA`) is its text or a recorded `null`. A category code (`categoryCodes`: `TNCC`, a year, either
 * type is right) is likewise its text when typed text, and the number written when typed number.
 */
function codeDiff(file: string, t: Table, textOfFile: string, e: Entry): {diffs: Disagreement[]; cells: number} {
  const {headerRecords, byLine} = dataRecords(file, textOfFile, e);
  const recorded = new Set(
    [...t.meta.markers, ...t.meta.issues]
      .filter((m) => m.row !== undefined && m.column !== undefined)
      .map((m) => `${m.row},${m.column}`),
  );
  const diffs: Disagreement[] = [];
  let cells = 0;
  const category = new Set(e.categoryCodes ?? []);
  for (const name of [...e.codeColumns, ...category]) {
    let oracleAt = -1;
    for (const h of headerRecords) if (oracleAt < 0) oracleAt = h.fields.indexOf(name);
    if (oracleAt < 0) throw new Error(`oracle: no column « ${name} » in the header records`);
    let coreAt = -1;
    try {
      coreAt = col(t, name);
    } catch {
      diffs.push({line: 0, column: name, raw: '', core: 'no such column', oracle: 'a code column'});
      continue;
    }
    t.rows.forEach((row, i) => {
      const line = t.meta.rowLines[i]!;
      const rec = byLine.get(line);
      if (!rec) return; // a misplaced row: the numeric oracle and the row count say so
      const rawText = rec.fields[oracleAt];
      if (rawText === undefined) return;
      cells++;
      const v = row[coreAt] ?? null;
      const want = loose(rawText);
      // A category code (`TNCC`, a year, `44000.0`) may be a number: then the number written.
      const asNumber = category.has(name) && t.meta.types[coreAt] === 'number';
      const ok =
        v === null
          ? want === '' || ((asNumber || e.missingMarkers?.includes(want) === true) && recorded.has(`${i},${coreAt}`))
          : asNumber
            ? typeof v === 'number' && /^-?\d+(\.\d+)?$/.test(want) && Number(want) === v
            : typeof v === 'string' && loose(v) === want;
      if (!ok) diffs.push({line, column: name, raw: rawText, core: JSON.stringify(v), oracle: JSON.stringify(want)});
    });
  }
  return {diffs, cells};
}

interface Disagreement {
  line: number;
  column: string;
  raw: string;
  core: string;
  oracle: string;
}

/** Compares every numeric cell of the table with the oracle's reading; returns the disagreements and a summary. */
function oracleDiff(
  file: string,
  t: Table,
  textOfFile: string,
  e: Entry,
): {diffs: Disagreement[]; cells: number; notes: string[]} {
  const {headerRecords, data, byLine} = dataRecords(file, textOfFile, e);
  const notes: string[] = [];
  const recorded = new Set(
    [...t.meta.markers, ...t.meta.issues]
      .filter((m) => m.row !== undefined && m.column !== undefined)
      .map((m) => `${m.row},${m.column}`),
  );
  const diffs: Disagreement[] = [];
  let cells = 0;
  const columns = e.numericColumns.map((name) => {
    let oracleAt = -1;
    for (const h of headerRecords) if (oracleAt < 0) oracleAt = h.fields.indexOf(name);
    if (oracleAt < 0) throw new Error(`oracle: no column « ${name} » in the header records`);
    let coreAt = -1;
    try {
      coreAt = col(t, name);
    } catch {
      notes.push(`core has no column « ${name} »`);
    }
    return {name, oracleAt, coreAt};
  });
  const seen = new Set<number>();
  t.rows.forEach((row, i) => {
    const line = t.meta.rowLines[i]!;
    const rec = byLine.get(line);
    if (!rec) {
      diffs.push({line, column: '(row)', raw: '', core: `row ${i}`, oracle: 'no data record starts on this line'});
      return;
    }
    seen.add(line);
    for (const c of columns) {
      if (c.coreAt < 0) continue;
      cells++;
      const v: Value = row[c.coreAt] ?? null;
      const o = oracleCell(rec.fields[c.oracleAt], e);
      const rawText = rec.fields[c.oracleAt] ?? '(absent)';
      const say = (oracle: string) => diffs.push({line, column: c.name, raw: rawText, core: JSON.stringify(v), oracle});
      if (v === null) {
        if (o.kind !== 'absent' && !recorded.has(`${i},${c.coreAt}`))
          say(`${o.kind === 'number' ? o.value : o.kind} (core's null is not recorded in meta.markers/issues)`);
      } else if (typeof v !== 'number') {
        say(o.kind === 'number' ? String(o.value) : o.kind);
      } else if (o.kind !== 'number' || o.value !== v) {
        say(o.kind === 'number' ? String(o.value) : o.kind);
      }
    }
  });
  for (const r of data)
    if (!seen.has(r.line))
      diffs.push({
        line: r.line,
        column: '(row)',
        raw: r.fields.slice(0, 3).join(e.delimiter),
        core: 'no row',
        oracle: 'a data record',
      });
  return {diffs, cells, notes};
}

// ---------------------------------------------------------------------------------------------------------------
// Comparisons.

/**
 * Equal within a relative 1e-9 for numbers (absolute for 0), exactly as text otherwise. The manifest writes some
 * float figures rounded to 6 decimals (max of no_thd_coverage_rate 9.504929 for the file's 9.504929101958137, sum of
 * Long -125.145756 for -125.14575639999997, max of SNHMF5018 24.907775 for 24.9077745221752): a figure written with
 * exactly 6 decimals is also met within half a unit of its last decimal (5e-7). The oracle test holds every cell
 * exactly, so this hides no misreading.
 */
function same(actual: number | string, expected: number | string): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (!Number.isFinite(actual)) return false;
    const diff = Math.abs(actual - expected);
    if (diff <= 1e-9 * Math.max(Math.abs(expected), expected === 0 ? 1 : 0)) return true;
    return /\.\d{6}$/.test(String(expected)) && diff <= 5e-7;
  }
  return String(actual) === String(expected);
}

/** A list in a failure message: its first ten items and how many more ('' when empty). */
const listed = (items: string[]): string =>
  items.slice(0, 10).join('; ') + (items.length > 10 ? `; … (${items.length - 10} more)` : '');

type Outcome = {ok: unknown} | {error: {code: string; message: string}};
const outcomeOf = (e: unknown): Outcome => {
  if (!(e instanceof EpnDataError)) throw e;
  return {error: {code: e.code, message: e.message}};
};

/** The bytes in chunks of an odd size (multi-byte characters and CRLFs straddle chunk boundaries). */
async function* chunked(bytes: Uint8Array, size = 65521): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

const describeOptions = (o: CrossTabOptions) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');

// ---------------------------------------------------------------------------------------------------------------
// The tests.

describe('real corpus (issue 11): real French public files against MANIFEST.json (test/fixtures/real-corpus/)', () => {
  it("real corpus: the folder holds exactly the manifest's files, each with its ORIGINS line, its FILES entry and one case per check", async () => {
    const m = await manifest();
    const files = (await fixtureNames(DIR)).filter((f) => !NOT_DATA_FILES.includes(f));
    expect(files, 'data files = manifest entries').to.deep.equal(Object.keys(m).sort());
    expect(Object.keys(FILES).sort(), 'FILES entries = manifest entries').to.deep.equal(Object.keys(m).sort());
    const origins = new TextDecoder()
      .decode(await fixture(`${DIR}/ORIGINS.tsv`))
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0])
      .filter(Boolean);
    expect([...origins].sort(), 'ORIGINS.tsv lines = manifest entries').to.deep.equal(Object.keys(m).sort());
    const fromManifest = Object.entries(m).flatMap(([file, e]) =>
      e.checks.map((c) => `${file} | ${c.what} | ${JSON.stringify(c.value)}`),
    );
    const fromCases = CHECKS.map((c) => `${c.file} | ${c.what} | ${JSON.stringify(c.expected)}`);
    expect([...fromCases].sort(), "one case per manifest check, with the manifest's value").to.deep.equal(
      [...fromManifest].sort(),
    );
  });

  for (const file of Object.keys(FILES)) {
    const spec = FILES[file]!;
    describe(`real corpus ${file}`, () => {
      after(() => {
        bytesOf.delete(file);
        tableOf.delete(file);
      });

      it(`${file} bytes: served exactly as on disk (size and FNV-1a)`, async () => {
        const bytes = await read(file);
        expect([bytes.byteLength, fnv1a(bytes).toString(16)]).to.deep.equal([
          spec.bytes[0],
          spec.bytes[1].toString(16),
        ]);
      });

      it(`${file} guess: encoding and BOM`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        expect({encoding: t.meta.encoding, bom: t.meta.bom}, `manifest: ${e.encoding}`).to.deep.equal(
          CORE_ENCODING[e.encoding],
        );
      });

      it(`${file} guess: delimiter`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        expect(t.meta.delimiter).to.equal(e.delimiter);
      });

      it(`${file} guess: decimal separator`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        // `null` in the manifest: no number of the file has decimals, which meta.decimal says with `null`.
        const fix = spec.manifestFix?.decimal;
        if (fix) expect(fix, `${spec.manifestFix!.why}; got`).to.include(t.meta.decimal);
        else expect(t.meta.decimal, e.decimal === null ? 'no decimals in the file' : '').to.equal(e.decimal);
      });

      it(`${file} guess: header rows`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        expect(t.meta.headerRows).to.equal(e.headerRows);
      });

      it(`${file} guess: lines before the header (meta.headerLine, meta.titles)`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        expect({headerLine: t.meta.headerLine, titles: t.meta.titles.length}).to.deep.equal({
          headerLine: e.linesBeforeHeader + 1,
          titles: e.linesBeforeHeader,
        });
      });

      it(`${file} guess: data-row count`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        // The manifest's `rows` leaves out total rows; the Table keeps them (readCrossTab sets them aside, below).
        const expected = e.rows + (spec.totalRecords ?? 0);
        expect(
          t.rows.length,
          `${e.rows} data rows${spec.totalRecords ? ` + ${spec.totalRecords} total rows` : ''}`,
        ).to.equal(expected);
      });

      it(`${file} guess: numeric columns typed number`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        const wrong = e.numericColumns.flatMap((name) => {
          try {
            const j = col(t, name);
            return t.meta.types[j] === 'number' ? [] : [`« ${name} » typed ${t.meta.types[j]}`];
          } catch {
            return [`« ${name} » missing`];
          }
        });
        expect(listed(wrong), `${wrong.length} of ${e.numericColumns.length} numeric columns`).to.equal('');
      });

      it(`${file} guess: code columns typed text`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        const wrong = e.codeColumns.flatMap((name) => {
          try {
            const j = col(t, name);
            return t.meta.types[j] === 'string' ? [] : [`« ${name} » typed ${t.meta.types[j]}`];
          } catch {
            return [`« ${name} » missing`];
          }
        });
        expect(listed(wrong), `${wrong.length} of ${e.codeColumns.length} code columns`).to.equal('');
      });

      it(`${file} guess: notes under the table`, async () => {
        const [e, t] = [await entry(file), await parsed(file)];
        expect(t.meta.notes).to.deep.equal(e.notes);
      });

      if (spec.totalsColumn) {
        it(`${file} guess: total rows set aside by readCrossTab (labelColumn ${spec.totalsColumn})`, async () => {
          const [e, t] = [await entry(file), await parsed(file)];
          const ct = readCrossTab(t, {labelColumn: spec.totalsColumn!});
          const kept = ct.rowLabels.filter((l) => e.totalRows.includes(l));
          expect(kept.length, `total rows counted as categories: ${[...new Set(kept)].join(', ')}`).to.equal(0);
          const aside = [...new Set(ct.meta.subRows.map((s) => s.label))].filter((l) => !e.totalRows.includes(l));
          expect(aside, 'rows set aside that are not totals').to.deep.equal([]);
          expect(ct.rowLabels.length, 'data rows left as categories').to.equal(e.rows);
        });
      }

      for (const c of CHECKS.filter((k) => k.file === file)) {
        it(`${file} check: ${c.what}`, async () => {
          const t = await parsed(file);
          const got = c.value(t);
          const want = c.asLabel
            ? String(c.expected)
                .replace(/[\s\u00a0\u202f]+/g, ' ')
                .trim()
            : c.expected;
          expect(
            same(got, want),
            `${c.what}: got ${JSON.stringify(got)}, manifest ${JSON.stringify(c.expected)}`,
          ).to.equal(true);
        });
      }

      for (const options of spec.aggregate ?? []) {
        it(`${file} aggregateCsv equals crossTab (${describeOptions(options)})`, async () => {
          const [bytes, t] = [await read(file), await parsed(file)];
          let want: Outcome;
          try {
            want = {ok: crossTab(t, options)};
          } catch (e) {
            want = outcomeOf(e);
          }
          expect('ok' in want ? 'ok' : want.error, 'crossTab on the parsed file').to.equal('ok');
          // By default, and through the byte counter on every file (an internal option: aggregate.test.ts).
          for (const counter of [{}, {[Symbol.for('epn.direct')]: 0}]) {
            let got: Outcome;
            try {
              got = {ok: await aggregateCsv(chunked(bytes), {...options, total: bytes.byteLength, ...counter})};
            } catch (e) {
              got = outcomeOf(e);
            }
            expect(
              got,
              Object.getOwnPropertySymbols(counter).length ? 'through the counter' : 'by default',
            ).to.deep.equal(want);
          }
        });
      }

      it(`${file} oracle: every code cell is its text as written (category codes: or the number written)`, async () => {
        const [e, bytes, t] = [await entry(file), await read(file), await parsed(file)];
        if (!e.codeColumns.length && !e.categoryCodes?.length) return;
        const {diffs, cells} = codeDiff(file, t, decodeAs(bytes, e.encoding), e);
        const perColumn = new Map<string, number>();
        for (const d of diffs) perColumn.set(d.column, (perColumn.get(d.column) ?? 0) + 1);
        const message = [
          `${file}: ${diffs.length} code cell(s) not as written, over ${cells}`,
          `by column: ${[...perColumn].map(([c, n]) => `« ${c} » ${n}`).join(', ')}`,
          ...diffs
            .slice(0, 6)
            .map(
              (d) =>
                `  line ${d.line}, « ${d.column} », raw ${JSON.stringify(d.raw)}: core ${d.core}, as written ${d.oracle}`,
            ),
        ].join('\n');
        expect(diffs.length === 0, message).to.equal(true);
      });

      it(`${file} oracle: every numeric cell equals an independent reading, or is null and recorded`, async () => {
        const [e, bytes, t] = [await entry(file), await read(file), await parsed(file)];
        if (!e.numericColumns.length) return;
        const {diffs, cells, notes} = oracleDiff(file, t, decodeAs(bytes, e.encoding), e);
        const perColumn = new Map<string, number>();
        for (const d of diffs) perColumn.set(d.column, (perColumn.get(d.column) ?? 0) + 1);
        const message = [
          `${file}: ${diffs.length} silent difference(s) over ${cells} numeric cells`,
          ...notes,
          `by column: ${[...perColumn]
            .slice(0, 8)
            .map(([c, n]) => `« ${c} » ${n}`)
            .join(', ')}${perColumn.size > 8 ? `, … (${perColumn.size} columns)` : ''}`,
          ...diffs
            .slice(0, 6)
            .map(
              (d) =>
                `  line ${d.line}, « ${d.column} », raw ${JSON.stringify(d.raw)}: core ${d.core}, oracle ${d.oracle}`,
            ),
        ].join('\n');
        expect(diffs.length === 0 && notes.length === 0, message).to.equal(true);
      });
    });
  }
});
