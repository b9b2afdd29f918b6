// The edge-case corpus (test/fixtures/corpus/, RELIABILITY.md's input cases, one file each) through the public
// API, table-driven from corpus.cases.ts: parseCsv on the file's bytes, loadCsv where the file is served with a
// lying Content-Type, and readCrossTab / crossTab where the case is about meaning. Runs in Node and in Chromium
// (where the bytes come from the test server, which must not re-encode them: hence the byte checks).
import {
  crossTab,
  EpnDataError,
  loadCsv,
  parseCsv,
  readCrossTab,
  shares,
  type CrossTab,
  type Issue,
  type Table,
} from '@epn/stats';
import {describe, expect, fixture, fixtureNames, it} from '../harness.js';
import {
  CASES,
  MIN_FILES,
  NOT_FIXTURES,
  type CorpusCase,
  type ExpectedCrossTab,
  type ExpectedIssue,
  type ExpectedTable,
} from './corpus.cases.js';

const read = (file: string) => fixture(`corpus/${file}`);

/** An issue reduced to its code and the positions it carries (its message is not compared). */
function where(i: Issue): ExpectedIssue {
  const out: ExpectedIssue = {code: i.code};
  if (i.row !== undefined) out.row = i.row;
  if (i.column !== undefined) out.column = i.column;
  if (i.line !== undefined) out.line = i.line;
  if (i.raw !== undefined) out.raw = i.raw;
  return out;
}

/** Everything of a table that two encodings of one text must share. */
const content = (t: Table) => ({
  columns: t.columns,
  types: t.meta.types,
  rows: t.rows,
  markers: t.meta.markers,
  issues: t.meta.issues,
});

function checkTable(t: Table, e: ExpectedTable): void {
  expect(t.columns, 'columns').to.deep.equal(e.columns);
  expect(t.meta.types, 'types').to.deep.equal(e.types);
  for (const r of t.rows) expect(r, 'row width').to.have.length(t.columns.length);
  if (e.rows) expect(t.rows, 'rows').to.deep.equal(e.rows);
  if (e.rowCount !== undefined) expect(t.rows, 'row count').to.have.length(e.rowCount);
  if (!e.rows && e.rowCount === undefined) throw new Error('the manifest gives neither rows nor a row count');
  if (e.firstRows) expect(t.rows.slice(0, e.firstRows.length), 'first rows').to.deep.equal(e.firstRows);
  for (const [i, j, v] of e.cells ?? []) expect(t.rows[i]?.[j], `cell ${i},${j}`).to.deep.equal(v);
  const headerRows = e.headerRows ?? 1;
  const headerLine = e.headerLine ?? 1;
  const rowLines = e.rowLines ?? t.rows.map((_, i) => headerLine + headerRows + i);
  expect(t.meta.rowLines, 'rowLines').to.deep.equal(rowLines);
  expect(
    t.meta.markers.map((m) => [m.row, m.column, m.kind, m.raw]),
    'markers',
  ).to.deep.equal(e.markers ?? []);
  for (const m of t.meta.markers) expect(m.line, 'marker line').to.equal(t.meta.rowLines[m.row]);
  expect(t.meta.issues.map(where), 'issues').to.deep.equal(e.issues ?? []);
  expect(
    t.meta.skipped.map((s) => [s.line, s.reason, s.text]),
    'skipped',
  ).to.deep.equal(e.skipped ?? []);
  expect(t.meta.titles, 'titles').to.deep.equal(e.titles ?? []);
  expect(t.meta.notes, 'notes').to.deep.equal(e.notes ?? []);
  expect(t.meta.percentColumns, 'percentColumns').to.deep.equal(e.percentColumns ?? []);
  expect(
    {
      encoding: t.meta.encoding,
      bom: t.meta.bom,
      delimiter: t.meta.delimiter,
      decimal: t.meta.decimal,
      lineEnding: t.meta.lineEnding,
      headerRows: t.meta.headerRows,
      headerLine: t.meta.headerLine,
    },
    'meta',
  ).to.deep.equal({
    encoding: e.encoding ?? 'utf-8',
    bom: e.bom ?? false,
    delimiter: e.delimiter ?? ';',
    decimal: e.decimal ?? null,
    lineEnding: e.lineEnding ?? 'lf',
    headerRows,
    headerLine,
  });
  // Every null of a numeric column is accounted for: a marker or an issue at its place.
  const accounted = new Set([...t.meta.markers, ...t.meta.issues].map((m) => `${m.row},${m.column}`));
  t.rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (t.meta.types[j] === 'number') {
        if (v === null)
          expect(accounted.has(`${i},${j}`), `null cell ${i},${j} without a marker or an issue`).to.equal(true);
        else expect(Number.isFinite(v), `cell ${i},${j} is a finite number`).to.equal(true);
      }
    }),
  );
}

function checkCrossTab(ct: CrossTab, e: ExpectedCrossTab): void {
  expect(ct.rowLabels, 'rowLabels').to.deep.equal(e.rowLabels);
  expect(ct.columnLabels, 'columnLabels').to.deep.equal(e.columnLabels);
  expect(ct.counts, 'counts').to.deep.equal(e.counts);
  expect(ct.rowTotals, 'rowTotals').to.deep.equal(e.rowTotals);
  expect(ct.columnTotals, 'columnTotals').to.deep.equal(e.columnTotals);
  expect(ct.total, 'total').to.equal(e.total);
  expect(ct.meta.subRows, 'subRows').to.deep.equal(e.subRows ?? []);
  expect(ct.meta.excluded, 'excluded').to.equal(e.excluded ?? 0);
  expect(ct.meta.issues.map(where), 'cross-tab issues').to.deep.equal(e.issues ?? []);
  if (e.shares) expect(shares(ct, e.shares.basis), `shares of the ${e.shares.basis}`).to.deep.equal(e.shares.values);
}

/** A fetch that serves the file's bytes with the given Content-Type. */
const serving = (bytes: Uint8Array, contentType: string) => async () =>
  new Response(bytes.slice(), {status: 200, headers: {'content-type': contentType}});

async function check(c: CorpusCase): Promise<void> {
  const bytes = await read(c.file);
  if (c.bytes) {
    expect(bytes.byteLength, 'size in bytes').to.equal(c.bytes.length);
    for (const [at, byte] of Object.entries(c.bytes.at)) expect(bytes[Number(at)], `byte ${at}`).to.equal(byte);
  }
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
  if (c.error) {
    let error: unknown = null;
    try {
      parseCsv(bytes, c.options);
    } catch (e) {
      error = e;
    }
    expect(error, 'an EpnDataError').to.be.instanceOf(EpnDataError);
    const e = error as EpnDataError;
    expect(e.code).to.equal(c.error.code);
    expect(e.line).to.equal(c.error.line);
    expect(e.message, 'a French message')
      .to.match(/^[A-ZÀ-Ý]/)
      .and.not.equal(e.localizedMessage('en'));
    return;
  }
  if (!c.table) throw new Error('the manifest gives neither an error nor a table');
  const table = parseCsv(bytes, c.options);
  checkTable(table, c.table);
  if (c.table.sameAs)
    expect(content(table), `same table as ${c.table.sameAs}`).to.deep.equal(
      content(parseCsv(await read(c.table.sameAs), c.options)),
    );
  if (c.servedAs) {
    const loaded = await loadCsv(`https://data.example.fr/corpus/${c.file}`, {
      ...c.options,
      fetch: serving(bytes, c.servedAs),
    });
    expect(content(loaded), `served as ${c.servedAs}`).to.deep.equal(content(table));
    expect(loaded.meta.encoding).to.equal(table.meta.encoding);
  }
  if (c.readCrossTab) checkCrossTab(readCrossTab(table, c.readCrossTab.options), c.readCrossTab.expect);
  if (c.crossTab) checkCrossTab(crossTab(table, c.crossTab.options), c.crossTab.expect);
  expect(Object.getOwnPropertyNames(Object.prototype), 'Object.prototype untouched').to.have.length(prototypeKeys);
}

describe("corpus: RELIABILITY.md's input cases, one file each (test/fixtures/corpus/)", () => {
  it(`corpus has at least ${MIN_FILES} files, each with one manifest entry, and every entry has its file`, async () => {
    const files = (await fixtureNames('corpus')).filter((f) => !NOT_FIXTURES.includes(f));
    const listed = CASES.map((c) => c.file);
    expect(files.length).to.be.at.least(MIN_FILES);
    expect(new Set(listed).size, 'one entry per file').to.equal(listed.length);
    expect([...listed].sort(), 'manifest entries = files in the folder').to.deep.equal(files);
  });

  it('corpus entries say exactly one outcome: an error, or a table (with its cross-tab where the case is about meaning)', () => {
    for (const c of CASES) {
      expect(!!c.error !== !!c.table, `${c.file}: an error or a table`).to.equal(true);
      if (c.error)
        expect(c.readCrossTab ?? c.crossTab ?? c.servedAs, `${c.file}: nothing else with an error`).to.equal(undefined);
    }
  });

  for (const c of CASES) {
    it(`corpus ${c.file} (${c.section}): ${c.covers}`, () => check(c));
  }
});
