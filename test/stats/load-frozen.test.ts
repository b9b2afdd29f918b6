// Issue 12: a timeout counts only the time spent waiting for the network. When the page's main thread is busy
// (another widget parsing a large file), timers fire late: that time is not counted, and bytes that arrived meanwhile
// are read. The freezes here are synchronous busy loops of the test itself; no assertion is about speed.
import {fetchBytes, loadCsv} from '@epn/stats';
import {describe, expect, it, rejected, utf8} from '../harness.js';

const URL_ = 'https://data.example.fr/epn/inscrits.csv';
const CSV = 'sexe;a;b\nHommes;1;2\nFemmes;3;4\n';

/** Keeps the thread busy for `ms` (the page frozen by some other work). */
function freeze(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

/** A body whose chunks each arrive one macrotask after they are asked for (a fast network). */
function trickle(chunks: string[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull: (c) =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            if (i < chunks.length) c.enqueue(new Uint8Array(utf8(chunks[i++]!)));
            else c.close();
            resolve();
          }, 0),
        ),
    },
    {highWaterMark: 0},
  );
}

describe('loadCsv: timeouts count only the wait for the network', () => {
  it('loadCsv(url, {timeout, idleTimeout}) succeeds when the page froze past both limits while the bytes were there', async () => {
    const fetch = async () => {
      await new Promise((r) => setTimeout(r, 5));
      // The response is here; the page freezes for 2,5 times the limits before it can read the body.
      freeze(500);
      return new Response(trickle(CSV.split('\n').map((l) => `${l}\n`)));
    };
    const table = await loadCsv(URL_, {timeout: 200, idleTimeout: 200, fetch});
    expect(table.rows).to.deep.equal([
      ['Hommes', 1, 2],
      ['Femmes', 3, 4],
    ]);
  });

  it('fetchBytes(url, {idleTimeout}) survives a freeze between two chunks longer than the limit', async () => {
    let n = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull: (c) =>
          new Promise<void>((resolve) => {
            const deliver = () => {
              if (n < 3) c.enqueue(new Uint8Array(utf8(`${n++};`)));
              else c.close();
              resolve();
            };
            // The second chunk arrives while the page is frozen: it is handed over in a task after the frozen one, behind
            // the timers that came due meanwhile.
            setTimeout(() => (n === 1 ? (freeze(400), setTimeout(deliver, 0)) : deliver()), 1);
          }),
      },
      {highWaterMark: 0},
    );
    const fetched = await fetchBytes(URL_, {idleTimeout: 150, timeout: 10000, fetch: async () => new Response(stream)});
    expect(fetched.bytes.byteLength).to.equal(6);
  });

  it('still times out a server that sends nothing, frozen page or not (TIMEOUT, the limit named)', async () => {
    const fetch = async () => {
      await new Promise((r) => setTimeout(r, 5));
      freeze(300);
      return new Response(
        new ReadableStream<Uint8Array>({pull: () => new Promise<void>(() => undefined)}, {highWaterMark: 0}),
      );
    };
    const e = await rejected(fetchBytes(URL_, {timeout: 10000, idleTimeout: 100, fetch}));
    expect(e.code).to.equal('TIMEOUT');
    expect(e.message).to.contain('plus de 100 ms');
  });
});
