// loadCsv, fetchBytes and checkUrl with an injected fetch that returns real `Response` objects over a
// `ReadableStream` the test controls (Node 20 and Chromium both have them). No sleeps: timeouts are 50 ms and
// the streams that stall never resolve.
import {checkUrl, fetchBytes, loadCsv, type FetchLike, type Progress} from '@epn/stats';
import {cp1252, describe, expect, it, rejected, thrown, utf8} from '../harness.js';

/** UTF-8 bytes over a plain ArrayBuffer (what `new Response()` accepts). */
const bin = (s: string) => new Uint8Array(utf8(s));
const CSV = bin('sexe;a;b\nHommes;1;2\nFemmes;3;4\n'); // 31 bytes
const URL_ = 'https://data.example.fr/epn/inscrits.csv';

interface Body {
  stream: ReadableStream<Uint8Array>;
  /** How many times the consumer asked for a chunk. */
  pulls: number;
  /** Whether the consumer cancelled the stream (released the connection). */
  cancelled: boolean;
}

/**
 * A body that gives `chunks` one per read, then closes, errors or stalls forever. `beforePull(i)` runs before the
 * i-th read is answered. With highWaterMark 0 nothing is read ahead: `pulls` counts the consumer's reads.
 */
function body(
  chunks: Uint8Array[],
  end: 'close' | 'error' | 'stall' = 'close',
  beforePull?: (i: number) => void,
): Body {
  let i = 0;
  const state: Body = {pulls: 0, cancelled: false, stream: null as never};
  state.stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        beforePull?.(i);
        state.pulls++;
        if (i < chunks.length) {
          controller.enqueue(chunks[i++]!);
          return undefined;
        }
        if (end === 'close') controller.close();
        else if (end === 'error') controller.error(new TypeError('network error'));
        else return new Promise<void>(() => undefined);
        return undefined;
      },
      cancel() {
        state.cancelled = true;
      },
    },
    {highWaterMark: 0},
  );
  return state;
}

/** What loadCsv passes to fetch, plus the `mode` it must never set. */
type FetchInit = Parameters<FetchLike>[1] & {mode?: unknown};

/** A fetch that answers every call with `respond()` and records the calls. */
function fakeFetch(respond: () => Response | Promise<Response>): {
  fetch: FetchLike;
  calls: Array<{url: string; init: FetchInit}>;
} {
  const calls: Array<{url: string; init: FetchInit}> = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({url, init});
    return Promise.resolve(respond());
  };
  return {fetch, calls};
}

const split = (bytes: Uint8Array, ...at: number[]) => [0, ...at].map((a, k) => bytes.slice(a, at[k] ?? bytes.length));
const isMonotonic = (events: Progress[]) =>
  events.every(
    (p, k) =>
      k === 0 ||
      (p.loaded >= events[k - 1]!.loaded &&
        (p.fraction === null || events[k - 1]!.fraction === null || p.fraction >= events[k - 1]!.fraction!)),
  );

describe('loadCsv', () => {
  it('loadCsv(url, {fetch}) parses the bytes and records meta.url and meta.bytes', async () => {
    const {fetch} = fakeFetch(() => new Response(body(split(CSV, 10)).stream, {headers: {'content-length': '31'}}));
    const t = await loadCsv(URL_, {fetch});
    expect(t.columns).to.deep.equal(['sexe', 'a', 'b']);
    expect(t.rows).to.deep.equal([
      ['Hommes', 1, 2],
      ['Femmes', 3, 4],
    ]);
    expect(t.meta.url).to.equal(URL_);
    expect(t.meta.bytes).to.equal(31);
  });

  it('loadCsv(url, {fetch}) calls fetch once with an AbortSignal and same-origin credentials, never no-cors', async () => {
    const {fetch, calls} = fakeFetch(() => new Response(CSV));
    await loadCsv(URL_, {fetch});
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal(URL_);
    expect(calls[0]!.init.signal).to.be.instanceOf(AbortSignal);
    expect(calls[0]!.init.credentials).to.equal('same-origin');
    expect(calls[0]!.init.mode).to.equal(undefined);
  });

  it('loadCsv(url, {base}) resolves a relative URL against base, and meta.url is the resolved one', async () => {
    const {fetch, calls} = fakeFetch(() => new Response(CSV));
    const t = await loadCsv('data/inscrits.csv', {fetch, base: 'https://example.fr/epn/page.html'});
    expect(calls[0]!.url).to.equal('https://example.fr/epn/data/inscrits.csv');
    expect(t.meta.url).to.equal('https://example.fr/epn/data/inscrits.csv');
  });

  it('loadCsv(url, {fetch}) ignores a charset header that lies: utf-8 announced, windows-1252 bytes', async () => {
    const bytes = cp1252('lieu;n\nCafé Hérouville;1\nSaint-Lô;2\n');
    const {fetch} = fakeFetch(
      () => new Response(body([bytes]).stream, {headers: {'content-type': 'text/csv; charset=utf-8'}}),
    );
    const t = await loadCsv(URL_, {fetch});
    expect(t.rows).to.deep.equal([
      ['Café Hérouville', 1],
      ['Saint-Lô', 2],
    ]);
    expect(t.meta.encoding).to.equal('windows-1252');
  });

  it('loadCsv(url, {fetch}) passes parsing options through (delimiter)', async () => {
    const {fetch} = fakeFetch(() => new Response(bin('a|b\n1|2\n')));
    const t = await loadCsv(URL_, {fetch, delimiter: '|'});
    expect(t.rows).to.deep.equal([[1, 2]]);
  });

  it('loadCsv(url, {fetch}) rejects with a parse error (EMPTY) for an empty body', async () => {
    const {fetch} = fakeFetch(() => new Response(new Uint8Array(0)));
    expect((await rejected(loadCsv(URL_, {fetch}))).code).to.equal('EMPTY');
  });
});

describe('documented examples', () => {
  it("loadCsv(url, {fetch}) of 'a;b\\n1;2' gives the rows [[1, 2]]", async () => {
    const fetch = async () => new Response('a;b\n1;2');
    expect((await loadCsv('https://example.fr/a.csv', {fetch})).rows).to.deep.equal([[1, 2]]);
  });

  it("fetchBytes(url, {fetch}) of 'a;b\\n1;2' gives its 7 bytes", async () => {
    const fetch = async () => new Response('a;b\n1;2');
    expect((await fetchBytes('https://example.fr/a.csv', {fetch, maxBytes: 1e6})).bytes.byteLength).to.equal(7);
  });
});

describe('fetchBytes: progress', () => {
  it('fetchBytes(url, {onProgress}) reports 0, each chunk, then fraction 1, against Content-Length', async () => {
    const events: Progress[] = [];
    const {fetch} = fakeFetch(() => new Response(body(split(CSV, 10)).stream, {headers: {'content-length': '31'}}));
    const r = await fetchBytes(URL_, {fetch, onProgress: (p) => events.push(p)});
    expect(r.bytes).to.deep.equal(CSV);
    expect(events).to.deep.equal([
      {loaded: 0, total: 31, fraction: 0},
      {loaded: 10, total: 31, fraction: 10 / 31},
      {loaded: 31, total: 31, fraction: 0.999},
      {loaded: 31, total: 31, fraction: 1},
    ]);
  });

  it('fetchBytes(url, {onProgress}) gives fraction null while the size is unknown, then 1', async () => {
    const events: Progress[] = [];
    const {fetch} = fakeFetch(() => new Response(body(split(CSV, 10, 20)).stream));
    await fetchBytes(URL_, {fetch, onProgress: (p) => events.push(p)});
    expect(events.map((p) => p.fraction)).to.deep.equal([null, null, null, null, 1]);
    expect(events.map((p) => p.loaded)).to.deep.equal([0, 10, 20, 31, 31]);
    expect(events[4]!.total).to.equal(31);
  });

  it('fetchBytes(url, {onProgress}) never passes 1 for a gzip response whose Content-Length counts compressed bytes', async () => {
    const events: Progress[] = [];
    const {fetch} = fakeFetch(
      () =>
        new Response(body(split(CSV, 10, 20)).stream, {headers: {'content-length': '12', 'content-encoding': 'gzip'}}),
    );
    const r = await fetchBytes(URL_, {fetch, onProgress: (p) => events.push(p)});
    expect(r.bytes.byteLength).to.equal(31);
    expect(events.every((p) => p.fraction === null || (p.fraction >= 0 && p.fraction <= 1))).to.equal(true);
    expect(events.map((p) => p.fraction)).to.deep.equal([null, null, null, null, 1]);
    expect(isMonotonic(events)).to.equal(true);
  });

  it('fetchBytes(url, {onProgress}) stays below 1 and monotonic when a body outgrows a Content-Length (encoding hidden by CORS)', async () => {
    const events: Progress[] = [];
    const {fetch} = fakeFetch(() => new Response(body(split(CSV, 10, 20)).stream, {headers: {'content-length': '12'}}));
    await fetchBytes(URL_, {fetch, onProgress: (p) => events.push(p)});
    expect(events.map((p) => p.fraction)).to.deep.equal([0, 10 / 12, 0.999, 0.999, 1]);
    expect(events.every((p) => p.total === null || p.loaded <= p.total)).to.equal(true);
    expect(isMonotonic(events)).to.equal(true);
  });

  it('fetchBytes(url, {onProgress}) reports a response without a body stream (arrayBuffer) with fraction 1', async () => {
    const events: Progress[] = [];
    const fetch: FetchLike = async () => ({
      ok: true,
      status: 200,
      headers: new Headers(),
      body: null,
      arrayBuffer: async () => CSV.slice().buffer,
    });
    const r = await fetchBytes(URL_, {fetch, onProgress: (p) => events.push(p)});
    expect(r.bytes).to.deep.equal(CSV);
    expect(events.map((p) => p.fraction)).to.deep.equal([null, 1]);
  });

  it('fetchBytes(url) returns the bytes, the resolved URL and the content type', async () => {
    const {fetch} = fakeFetch(() => new Response(CSV, {headers: {'content-type': 'text/csv'}}));
    const r = await fetchBytes('/epn/a.csv', {fetch, base: 'https://example.fr/x/'});
    expect(r.url).to.equal('https://example.fr/epn/a.csv');
    expect(r.contentType).to.equal('text/csv');
    expect(r.bytes).to.deep.equal(CSV);
  });
});

describe('fetchBytes: the body joined as it arrives', () => {
  // Issue 12: with a Content-Length, chunks are copied into one buffer of that length as they arrive (no task joins a
  // 40 MB body at the end); the bytes must be the same whatever the chunking, the announced length or its lies.
  const cases: Array<[string, number[], Record<string, string>]> = [
    ['announced, three chunks', [10, 20], {'content-length': '31'}],
    ['announced, one byte a chunk', Array.from({length: 30}, (_, i) => i + 1), {'content-length': '31'}],
    ['announced, one chunk', [], {'content-length': '31'}],
    ['announced too short (the body outgrows it)', [10, 20], {'content-length': '12'}],
    ['announced too short, outgrown by the first chunk', [20], {'content-length': '12'}],
    ['compressed (the length counts other bytes)', [10, 20], {'content-length': '12', 'content-encoding': 'gzip'}],
    ['not announced', [10, 20], {}],
  ];
  for (const [name, at, headers] of cases) {
    it(`fetchBytes gives the body's bytes exactly: ${name}`, async () => {
      const {fetch} = fakeFetch(() => new Response(body(split(CSV, ...at)).stream, {headers}));
      const r = await fetchBytes(URL_, {fetch});
      expect([...r.bytes]).to.deep.equal([...CSV]);
      // The whole of its buffer: a worker can take it (transfer) without a copy.
      expect([r.bytes.byteOffset, r.bytes.buffer.byteLength]).to.deep.equal([0, 31]);
    });
  }

  it('fetchBytes copies an announced body chunk by chunk into one buffer of the announced length', async () => {
    const chunks = split(CSV, 10, 20);
    const {fetch} = fakeFetch(() => new Response(body(chunks).stream, {headers: {'content-length': '31'}}));
    const r = await fetchBytes(URL_, {fetch});
    expect(chunks.some((c) => c.buffer === r.bytes.buffer)).to.equal(false);
    expect(r.bytes.buffer.byteLength).to.equal(31);
  });
});

describe('fetchBytes: failures', () => {
  it('fetchBytes(url) rejects a 404 with HTTP_STATUS, the status in its French message', async () => {
    const {fetch} = fakeFetch(() => new Response('Not found', {status: 404}));
    const e = await rejected(fetchBytes(URL_, {fetch}));
    expect(e.code).to.equal('HTTP_STATUS');
    expect(e.details.status).to.equal(404);
    expect(e.message).to.equal(
      `Fichier introuvable (erreur 404) à l'adresse « ${URL_} ». Vérifiez l'adresse du fichier.`,
    );
  });

  it('fetchBytes(url) rejects a 503 with HTTP_STATUS, the status in its French message', async () => {
    const {fetch} = fakeFetch(() => new Response('Unavailable', {status: 503}));
    const e = await rejected(fetchBytes(URL_, {fetch}));
    expect(e.code).to.equal('HTTP_STATUS');
    expect(e.details.status).to.equal(503);
    expect(e.message).to.contain('erreur 503');
    expect(e.message).to.contain('Réessayez plus tard');
  });

  it('fetchBytes(url) turns a fetch rejected with TypeError (CORS, offline) into NETWORK with the Access-Control-Allow-Origin hint', async () => {
    const cause = new TypeError('Failed to fetch');
    const e = await rejected(fetchBytes(URL_, {fetch: () => Promise.reject(cause)}));
    expect(e.code).to.equal('NETWORK');
    expect(e.details.cause).to.equal(cause);
    expect(e.message).to.contain('« Access-Control-Allow-Origin »');
    expect(e.message).to.contain(URL_);
  });

  it('fetchBytes(url) turns a fetch that throws synchronously into NETWORK', async () => {
    const e = await rejected(
      fetchBytes(URL_, {
        fetch: () => {
          throw new TypeError('boom');
        },
      }),
    );
    expect(e.code).to.equal('NETWORK');
  });

  it('fetchBytes(url, {timeout}) rejects with TIMEOUT when the response never comes', async () => {
    const e = await rejected(fetchBytes(URL_, {timeout: 50, fetch: () => new Promise(() => undefined)}));
    expect(e.code).to.equal('TIMEOUT');
    expect(e.details.limit).to.equal(50);
  });

  it('fetchBytes(url, {timeout}) aborts the fetch signal on a total timeout', async () => {
    let signal: AbortSignal | undefined;
    const e = await rejected(
      fetchBytes(URL_, {timeout: 50, fetch: (_, init) => ((signal = init.signal), new Promise(() => undefined))}),
    );
    expect(e.code).to.equal('TIMEOUT');
    expect(signal!.aborted).to.equal(true);
  });

  it('fetchBytes(url, {timeout}) rejects with TIMEOUT when a body keeps trickling past the total limit', async () => {
    let i = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull: (c) =>
          new Promise<void>((resolve) => (timer = setTimeout(() => (c.enqueue(utf8(`${i++};`)), resolve()), 5))),
        cancel: () => clearTimeout(timer),
      },
      {highWaterMark: 0},
    );
    const e = await rejected(
      fetchBytes(URL_, {timeout: 50, idleTimeout: 10000, fetch: async () => new Response(stream)}),
    );
    expect(e.code).to.equal('TIMEOUT');
    expect(e.details.limit).to.equal(50);
  });

  it('fetchBytes(url, {idleTimeout}) rejects with TIMEOUT when no chunk comes for too long, and cancels the body', async () => {
    const b = body([CSV.slice(0, 10)], 'stall');
    const e = await rejected(
      fetchBytes(URL_, {idleTimeout: 50, timeout: 10000, fetch: async () => new Response(b.stream)}),
    );
    expect(e.code).to.equal('TIMEOUT');
    expect(e.details.limit).to.equal(50);
    expect(e.message).to.match(/^Le téléchargement du fichier a pris trop de temps/);
    expect(b.cancelled).to.equal(true);
  });

  it('fetchBytes(url) rejects with TRUNCATED when the body is shorter than its Content-Length', async () => {
    const {fetch} = fakeFetch(() => new Response(body([CSV.slice(0, 10)]).stream, {headers: {'content-length': '31'}}));
    const e = await rejected(fetchBytes(URL_, {fetch}));
    expect(e.code).to.equal('TRUNCATED');
    expect(e.message).to.contain('incomplet');
  });

  it('fetchBytes(url) rejects with TRUNCATED when the stream errors midway', async () => {
    const {fetch} = fakeFetch(() => new Response(body([CSV.slice(0, 10)], 'error').stream));
    const e = await rejected(fetchBytes(URL_, {fetch}));
    expect(e.code).to.equal('TRUNCATED');
    expect(e.details.cause).to.be.instanceOf(TypeError);
  });

  it('fetchBytes(url) rejects with TRUNCATED when a response without a stream is shorter than its Content-Length', async () => {
    const fetch: FetchLike = async () => ({
      ok: true,
      status: 200,
      headers: new Headers({'content-length': '500'}),
      body: null,
      arrayBuffer: async () => CSV.slice().buffer,
    });
    expect((await rejected(fetchBytes(URL_, {fetch}))).code).to.equal('TRUNCATED');
  });

  it('loadCsv(url) draws nothing from a truncated body: it rejects, it does not parse a partial table', async () => {
    const {fetch} = fakeFetch(() => new Response(body([CSV.slice(0, 20)]).stream, {headers: {'content-length': '31'}}));
    expect((await rejected(loadCsv(URL_, {fetch}))).code).to.equal('TRUNCATED');
  });

  it('fetchBytes(url, {maxBytes}) refuses a Content-Length over maxBytes with TOO_LARGE before reading the body', async () => {
    const b = body([CSV]);
    const {fetch} = fakeFetch(() => new Response(b.stream, {headers: {'content-length': '1000000'}}));
    const e = await rejected(fetchBytes(URL_, {fetch, maxBytes: 100}));
    expect(e.code).to.equal('TOO_LARGE');
    expect(e.details.limit).to.equal(100);
    expect(b.pulls).to.equal(0);
    expect(b.cancelled).to.equal(true);
  });

  it('fetchBytes(url, {maxBytes}) stops an unannounced body with TOO_LARGE as soon as it passes maxBytes', async () => {
    const b = body([CSV, CSV, CSV, CSV, CSV]);
    const {fetch} = fakeFetch(() => new Response(b.stream));
    const e = await rejected(fetchBytes(URL_, {fetch, maxBytes: 70}));
    expect(e.code).to.equal('TOO_LARGE');
    expect(b.pulls).to.equal(3);
    expect(b.cancelled).to.equal(true);
  });

  it('fetchBytes(url, {maxBytes}) accepts a body of exactly maxBytes', async () => {
    const {fetch} = fakeFetch(() => new Response(body(split(CSV, 15)).stream, {headers: {'content-length': '31'}}));
    expect((await fetchBytes(URL_, {fetch, maxBytes: 31})).bytes.byteLength).to.equal(31);
  });

  it('fetchBytes(url, {maxBytes}) checks a gzip body while streaming, not its compressed Content-Length', async () => {
    const b = body([CSV, CSV, CSV]);
    const {fetch} = fakeFetch(
      () => new Response(b.stream, {headers: {'content-length': '20', 'content-encoding': 'gzip'}}),
    );
    const e = await rejected(fetchBytes(URL_, {fetch, maxBytes: 50}));
    expect(e.code).to.equal('TOO_LARGE');
    expect(b.pulls).to.equal(2);
  });

  it('fetchBytes(url, options) throws BAD_OPTION for a timeout, idle timeout or size limit that is not a positive number', async () => {
    const {fetch, calls} = fakeFetch(() => new Response(CSV));
    for (const o of [{timeout: 0}, {timeout: NaN}, {idleTimeout: -1}, {maxBytes: -5}]) {
      expect((await rejected(fetchBytes(URL_, {fetch, ...o}))).code, JSON.stringify(o)).to.equal('BAD_OPTION');
    }
    expect(calls).to.have.length(0);
  });

  it('fetchBytes(url, {timeout: Infinity}) sets no timer instead of firing at once', async () => {
    const {fetch} = fakeFetch(() => new Response(CSV));
    expect((await fetchBytes(URL_, {fetch, timeout: Infinity, idleTimeout: 1e12})).bytes.byteLength).to.equal(31);
  });
});

describe('fetchBytes: URLs', () => {
  for (const url of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/csv,a;b%0A1;2',
    'blob:https://example.fr/1',
    'ftp://example.fr/a.csv',
  ]) {
    it(`fetchBytes(${JSON.stringify(url)}) rejects with BAD_URL and never calls fetch`, async () => {
      const {fetch, calls} = fakeFetch(() => new Response(CSV));
      const e = await rejected(fetchBytes(url, {fetch, base: 'https://example.fr/'}));
      expect(e.code).to.equal('BAD_URL');
      expect(e.message).to.contain('seules les adresses http:// ou https://');
      expect(calls).to.have.length(0);
    });
  }

  it('loadCsv("javascript:…") rejects with BAD_URL and never calls fetch', async () => {
    const {fetch, calls} = fakeFetch(() => new Response(CSV));
    expect((await rejected(loadCsv('javascript:alert(1)', {fetch}))).code).to.equal('BAD_URL');
    expect(calls).to.have.length(0);
  });

  it('checkUrl(url, base) resolves relative, root-relative and protocol-relative URLs against base', () => {
    expect(checkUrl('data/inscrits.csv', 'https://example.fr/epn/')).to.equal(
      'https://example.fr/epn/data/inscrits.csv',
    );
    expect(checkUrl('../a.csv', 'https://example.fr/epn/page.html')).to.equal('https://example.fr/a.csv');
    expect(checkUrl('/a.csv', 'https://example.fr/epn/page.html')).to.equal('https://example.fr/a.csv');
    expect(checkUrl('//cdn.example.fr/a.csv', 'https://example.fr/')).to.equal('https://cdn.example.fr/a.csv');
  });

  it('checkUrl(url) accepts absolute http and https URLs, trimmed', () => {
    expect(checkUrl(' https://example.fr/a.csv ')).to.equal('https://example.fr/a.csv');
    expect(checkUrl('http://example.fr/a.csv', 'https://other.fr/')).to.equal('http://example.fr/a.csv');
  });

  it('checkUrl(url, base) throws BAD_URL for javascript:, file:, data: even with an http base', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/csv,a']) {
      expect(thrown(() => checkUrl(url, 'https://example.fr/')).code, url).to.equal('BAD_URL');
    }
  });

  it('checkUrl(url) throws BAD_URL for an empty URL, an unparsable one, and a relative one with no base', () => {
    const base = (globalThis as {location?: unknown}).location ? undefined : 'https://example.fr/';
    expect(thrown(() => checkUrl('', base)).code).to.equal('BAD_URL');
    expect(thrown(() => checkUrl('   ', base)).code).to.equal('BAD_URL');
    expect(thrown(() => checkUrl('http://[bad', base)).code).to.equal('BAD_URL');
    if (!(globalThis as {location?: unknown}).location)
      expect(thrown(() => checkUrl('a.csv')).code).to.equal('BAD_URL');
  });
});

describe('fetchBytes: cancellation', () => {
  it('fetchBytes(url, {signal}) rejects with ABORTED for a signal aborted before the load, without fetching', async () => {
    const controller = new AbortController();
    controller.abort();
    const {fetch, calls} = fakeFetch(() => new Response(CSV));
    const e = await rejected(fetchBytes(URL_, {fetch, signal: controller.signal}));
    expect(e.code).to.equal('ABORTED');
    expect(calls).to.have.length(0);
  });

  it('fetchBytes(url, {signal}) rejects with ABORTED, not NETWORK, when fetch rejects with an AbortError', async () => {
    const controller = new AbortController();
    const fetch: FetchLike = (_, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
        controller.abort();
      });
    const e = await rejected(fetchBytes(URL_, {fetch, signal: controller.signal}));
    expect(e.code).to.equal('ABORTED');
  });

  it('fetchBytes(url, {signal}) rejects with ABORTED even when fetch ignores the signal', async () => {
    const controller = new AbortController();
    const fetch: FetchLike = () => (controller.abort(), new Promise(() => undefined));
    expect((await rejected(fetchBytes(URL_, {fetch, signal: controller.signal}))).code).to.equal('ABORTED');
  });

  it('fetchBytes(url, {signal}) rejects with ABORTED when aborted while the body streams, and cancels the body', async () => {
    const controller = new AbortController();
    const b = body(split(CSV, 10), 'stall', (i) => {
      if (i === 1) controller.abort();
    });
    const events: Progress[] = [];
    const e = await rejected(
      fetchBytes(URL_, {
        fetch: async () => new Response(b.stream),
        signal: controller.signal,
        onProgress: (p) => events.push(p),
      }),
    );
    expect(e.code).to.equal('ABORTED');
    expect(e.message).to.equal('Le chargement a été annulé.');
    expect(b.cancelled).to.equal(true);
    expect(events.some((p) => p.fraction === 1)).to.equal(false);
  });

  it('loadCsv(url, {signal}) rejects with ABORTED when aborted during the load', async () => {
    const controller = new AbortController();
    const b = body([CSV.slice(0, 10)], 'stall', (i) => {
      if (i === 1) controller.abort();
    });
    expect(
      (await rejected(loadCsv(URL_, {fetch: async () => new Response(b.stream), signal: controller.signal}))).code,
    ).to.equal('ABORTED');
  });

  it('fetchBytes(url, {signal}) removes its abort listener from the caller signal once settled, ok or failed', async () => {
    const listeners = new Set<() => void>();
    const signal = {
      aborted: false,
      addEventListener: (_: 'abort', l: () => void) => void listeners.add(l),
      removeEventListener: (_: 'abort', l: () => void) => void listeners.delete(l),
    };
    await fetchBytes(URL_, {fetch: async () => new Response(CSV), signal});
    expect(listeners.size).to.equal(0);
    await rejected(fetchBytes(URL_, {fetch: async () => new Response('', {status: 500}), signal}));
    expect(listeners.size).to.equal(0);
  });
});
