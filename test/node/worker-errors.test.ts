// The worker (dist/epn-worker.js) sends its errors to the page as plain data. The core gives every failure of a file
// or of the network as an EpnDataError; anything else thrown in the worker is a bug of ours, and must reach the page
// as `INTERNAL` (said so, see internal-error.ts), not as a network error (issue 14: a bug is never the webmaster's).
import {describe, expect, it} from '../harness.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const root = new URL('../../../', import.meta.url);

/** The built worker run as if in a worker: its replies, and a way to send it a message. */
async function worker(): Promise<{replies: any[]; send: (m: unknown) => Promise<void>; logged: unknown[][]}> {
  const g = globalThis as any;
  const replies: any[] = [];
  g.self = {postMessage: (m: unknown) => replies.push(m), onmessage: null};
  g.WorkerGlobalScope = class {};
  const logged: unknown[][] = [];
  const real = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    await import(new URL(`packages/widgets/dist/epn-worker.js?${Math.random()}`, root).href);
  } finally {
    console.error = real;
  }
  const onmessage = g.self.onmessage as (e: {data: unknown}) => unknown;
  delete g.self;
  delete g.WorkerGlobalScope;
  return {
    replies,
    logged,
    send: async (data) => {
      console.error = (...args: unknown[]) => void logged.push(args);
      try {
        await onmessage({data});
      } finally {
        console.error = real;
      }
    },
  };
}

describe('epn-worker.js: errors sent to the page', () => {
  it('a bug while parsing is sent as INTERNAL, naming the exception, its cause in the worker console (was NETWORK)', async () => {
    const w = await worker();
    expect(w.replies).to.deep.equal([{type: 'ready', id: 0}]);
    const bytes = new TextEncoder().encode('sexe;0-19\nHommes;1\n').buffer;
    // Options no page sends (the page sends plain data): reading them throws, in our code, not in the file.
    const options = {
      get types(): never {
        throw new TypeError('boom');
      },
    };
    await w.send({type: 'parse', id: 7, bytes, options});
    const reply = w.replies.at(-1);
    expect(reply.type).to.equal('error');
    expect(reply.id).to.equal(7);
    expect(reply.code).to.equal('INTERNAL');
    expect(reply.details).to.deep.equal({detail: 'TypeError: boom'});
    expect(w.logged.some((args) => args.some((a) => a instanceof TypeError))).to.equal(true);
  });

  it('an EpnDataError (an empty file) is sent as it is, with its code and details, nothing in the console', async () => {
    const w = await worker();
    await w.send({type: 'parse', id: 8, bytes: new ArrayBuffer(0), options: {}});
    const reply = w.replies.at(-1);
    expect(reply).to.deep.equal({type: 'error', id: 8, code: 'EMPTY', details: {}});
    expect(w.logged).to.deep.equal([]);
  });
});
