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
