// Issue 12: a large table's transfer from the worker (table-transfer.ts). The packed form must give back the same
// Table and CrossTab (nulls, markers, empty texts, given totals kept), and a chart must read the rows it draws from
// it without making every row (rowAt), so that a 40 MB wide table never holds the page for a long task.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {parseCsv, readCrossTab, type CrossTab, type Table} from '@epn/stats';
import {pyramidData} from '@epn/widgets/testing.js';
import {expect} from '@open-wc/testing';
import {describe, it} from '../harness.js';

type Transfer = {unpackTable: (p: any) => Table; unpackCrossTab: (p: any) => Promise<CrossTab>};
type WideRead = {rowAt: (ct: CrossTab, i: number) => [string, (number | null)[]]};
const transfer = () =>
  import('../../../packages/widgets/dist/internal/table-transfer.js' as string) as Promise<Transfer>;
type ReadBand = {readByBand: (ct: CrossTab, options: object, defaultRows: string) => CrossTab};
const readBand = () => import('../../../packages/widgets/dist/internal/read-by-band.js' as string) as Promise<ReadBand>;
const wideRead = () => import('../../../packages/widgets/dist/internal/wide-read.js' as string) as Promise<WideRead>;

/**
 * What the widgets' worker (dist/epn-worker.js) sends back for a file's bytes: the table and its cross-tab packed
 * (packTable, packCrossTab), posted with their buffers transferred, as a large file's source receives them.
 */
async function parsedInWorker(csv: string): Promise<{table: any; wide: any}> {
  const worker = new Worker('/packages/widgets/dist/epn-worker.js', {type: 'module'});
  try {
    return await new Promise((resolve, reject) => {
      worker.onerror = (e) => reject(new Error(e.message));
      worker.onmessage = ({data}) => {
        if (data.type === 'ready') {
          const bytes = new TextEncoder().encode(csv).buffer;
          worker.postMessage({type: 'parse', id: 1, bytes, options: {}}, [bytes]);
        } else if (data.type === 'done') resolve(data.result);
        else reject(new Error(JSON.stringify(data)));
      };
    });
  } finally {
    worker.terminate();
  }
}

// Secret and unavailable cells, an empty cell, a total row set aside, a row without label, a Total column.
const CSV = [
  'sexe;0-19;20-39;40 +;Total',
  'Hommes;10;s;30;52',
  'Femmes;12;8;n.d.;25',
  ';1;2;3;6',
  'Non communiqué;4;;1;5',
  'Autre « é » 🙂;0;0;0;0',
  'Total;27;14;37;88',
].join('\n');

describe('issue 12: the transfer of a large table from the worker', () => {
  it('a Table packed in the worker, posted and unpacked is the same table: numbers, texts (empty, accented, emoji), nulls, markers, issues, line numbers', async () => {
    const {unpackTable} = await transfer();
    const csv = CSV + '\nLigne;1;x;;2';
    const table = parseCsv(new TextEncoder().encode(csv));
    expect(table.meta.markers.length, 'the file has markers').to.be.above(0);
    expect(table.rows.flat()).to.include(null);
    const back = unpackTable((await parsedInWorker(csv)).table);
    expect({columns: back.columns, rows: back.rows, meta: {...back.meta}}).to.deep.equal(table);
    expect(back.meta.rowLines).to.deep.equal(table.meta.rowLines);
  });

  it('a CrossTab packed in the worker, posted and unpacked is the same cross-tab: null counts, cell markers, given totals, rows set aside', async () => {
    const {unpackCrossTab} = await transfer();
    const ct = readCrossTab(parseCsv(CSV));
    expect(ct.meta.givenRowTotals, 'the file gives row totals').to.not.equal(null);
    expect(ct.meta.markers?.length, 'the cross-tab has markers').to.be.above(0);
    expect(ct.counts.flat()).to.include(null);
    const back = await unpackCrossTab((await parsedInWorker(CSV)).wide);
    expect(back).to.deep.equal(ct);
    expect(back.rowLabels, 'kept once made').to.equal(back.rowLabels);
  });

  it('rowAt reads a row of an unpacked cross-tab from its packed form, without making its rows; of any other, from its arrays', async () => {
    const {unpackCrossTab} = await transfer();
    const {rowAt} = await wideRead();
    const ct = readCrossTab(parseCsv(CSV));
    const back = await unpackCrossTab((await parsedInWorker(CSV)).wide);
    const made: string[] = [];
    for (const key of ['rowLabels', 'counts'] as const) {
      const get = Object.getOwnPropertyDescriptor(back, key)!.get!;
      Object.defineProperty(back, key, {get: () => (made.push(key), get()), enumerable: true, configurable: true});
    }
    ct.rowLabels.forEach((label, i) => expect(rowAt(back, i)).to.deep.equal([label, ct.counts[i]]));
    expect(made, 'rows made').to.deep.equal([]);
    ct.rowLabels.forEach((label, i) => expect(rowAt(ct, i)).to.deep.equal([label, ct.counts[i]]));
    // A chart drawing the unpacked cross-tab reads only its sex rows and the first other rows.
    expect(pyramidData(back)).to.deep.equal(pyramidData(ct));
    expect(made, 'rows made by the pyramid').to.deep.equal([]);
  });
});

describe('issue 12: a large table no chart can draw is refused without making its rows', () => {
  /** The unpacked cross-tab, with its rows' getters counting who makes them. */
  const instrumented = (back: CrossTab, made: string[]) => {
    for (const key of ['rowLabels', 'counts'] as const) {
      const get = Object.getOwnPropertyDescriptor(back, key)!.get!;
      Object.defineProperty(back, key, {get: () => (made.push(key), get()), enumerable: true, configurable: true});
    }
    return back;
  };
  const error = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as {code: string; message: string};
    }
    throw new Error('no error');
  };
  // 400 communes by age band, no sex row: the age chart says which rows it found (the first ten, then a count), the
  // equipment and skill charts that there are too many categories: the same words as for a table read on the page.
  const csv = ['commune;0-19;20-59;60 +', ...Array.from({length: 400}, (_, i) => `Commune ${i};${i};1;2`)].join('\n');

  it('the age chart: « il faut une ligne Hommes… lignes trouvées : (ten names)… et 390 autres », no row made', async () => {
    const {unpackCrossTab} = await transfer();
    const made: string[] = [];
    const back = instrumented(await unpackCrossTab((await parsedInWorker(csv)).wide), made);
    const e = error(() => pyramidData(back));
    expect(e.code).to.equal('UNEXPECTED_SHAPE');
    expect(e.message).to.equal(error(() => pyramidData(readCrossTab(parseCsv(csv)))).message);
    expect(e.message).to.contain('« Commune 9 »… et 390 autres');
    expect(made, 'rows made').to.deep.equal([]);
  });

  it('the equipment and skill charts (readByBand): « 400 lignes (catégories)… trop pour un graphique », no row made', async () => {
    const {unpackCrossTab} = await transfer();
    const {readByBand} = await readBand();
    const made: string[] = [];
    const back = instrumented(await unpackCrossTab((await parsedInWorker(csv)).wide), made);
    const e = error(() => readByBand(back, {}, 'equipement'));
    expect(e.code).to.equal('UNEXPECTED_SHAPE');
    expect(e.message).to.equal(error(() => readByBand(readCrossTab(parseCsv(csv)), {}, 'equipement')).message);
    expect(e.message).to.contain('400 lignes (catégories) (« Commune 0 », « Commune 1 », « Commune 2 »…)');
    expect(made, 'rows made').to.deep.equal([]);
  });
});

describe('issue 12: the pyramid names five other rows and counts the rest', () => {
  const others = (n: number, unknown = -1) =>
    parseCsv(
      [
        'sexe;0-19;20 +',
        'Hommes;1;2',
        'Femmes;3;4',
        ...Array.from({length: n}, (_, i) => `Commune ${i};${i === unknown ? 's' : i};1`),
      ].join('\n'),
    );

  it('of 9 other rows: the first 5 by label and total, then 4 rows and their total', () => {
    const d = pyramidData(others(9));
    expect(d.others).to.deep.equal([0, 1, 2, 3, 4].map((i) => ({label: `Commune ${i}`, total: i + 1})));
    expect(d.moreRows).to.equal(4);
    expect(d.moreTotal).to.equal(6 + 7 + 8 + 9);
  });

  it("the rest's total is unknown (null) when one of its totals is; 5 other rows or fewer leave no rest", () => {
    const d = pyramidData(others(9, 7));
    expect(d.moreRows).to.equal(4);
    expect(d.moreTotal).to.equal(null);
    const five = pyramidData(others(5));
    expect(five.others).to.have.length(5);
    expect([five.moreRows, five.moreTotal]).to.deep.equal([0, 0]);
    const none = pyramidData(others(0));
    expect([none.others, none.moreRows]).to.deep.equal([[], 0]);
  });
});
