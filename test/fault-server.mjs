// Real network faults for the browser tests (test/widgets/faults.test.ts), with no stub of `fetch`:
// - endpoints of the test server under /__epn__/ that answer badly on purpose (an HTTP status, a body cut short, a
//   gzip body, a body that trickles or stalls, a response that never comes, a huge body), each answered by hand on
//   the raw Node response so that the dev server neither re-encodes nor compresses it;
// - a second origin: a plain node:http server on another port, serving fixtures with or without CORS headers;
// - a log per `?key=` (requests, how many the client aborted, how many completed, bytes written) that tests read
//   at /__epn__/log/<key>, to prove that a load was aborted, or refused before its body was read.
// Control endpoints: `origins` (the second origin's address, and one where nothing listens), `log/<key>`,
// `set/<key>/<mode>` (what `switch/<key>/<file>` answers next), `put/<key>` (POST a body) and `got/<key>` (serve it),
// `file/<fixture>` (a fixture as it is), `redirect?to=<url>`, `loop` (redirects to itself forever).
import {createServer} from 'node:http';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Nothing here waits longer than this (a test that forgets to abort does not leave sockets open forever). */
const SAFETY_MS = 60000;

/**
 * A generated individual-level file: `sexe;age`, one row per person; row i is `H` for even i, `F` for odd i, aged
 * (7 i) mod 100. The tests count it the same way.
 */
function peopleCsv(n) {
  const lines = ['sexe;age'];
  for (let i = 0; i < n; i++) lines.push(`${i % 2 ? 'F' : 'H'};${(7 * i) % 100}`);
  return lines.join('\n') + '\n';
}

/** The bytes of a body: `gen/people-<n>.csv`, or a fixture read raw from test/fixtures (or null). */
function bodyOf(path) {
  const people = /^gen\/people-(\d{1,7})\.csv$/.exec(path);
  if (people) return Buffer.from(peopleCsv(Number(people[1])));
  const file = resolve(fixtures, decodeURIComponent(path));
  if (!file.startsWith(fixtures)) return null;
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

// ---- request log ---------------------------------------------------------------------------------------------
const logs = new Map();
const open = new Set();
const record = (key) => {
  if (!logs.has(key)) logs.set(key, {requests: 0, aborted: 0, completed: 0, written: 0});
  return logs.get(key);
};

/** Tracks a Node response under `key` (if any): counts it, and on close whether it finished or the client left. */
function track(res, key) {
  open.add(res);
  const rec = key ? record(key) : {written: 0};
  if (key) rec.requests++;
  res.on('close', () => {
    open.delete(res);
    if (!key) return;
    if (res.writableFinished) rec.completed++;
    else rec.aborted++;
  });
  return rec;
}

/** Resolves when the response closed (the client left, or we ended it); one listener per response. */
const closings = new WeakMap();
function closed(res) {
  if (res.destroyed || res.writableFinished) return Promise.resolve();
  if (!closings.has(res)) closings.set(res, new Promise((r) => res.once('close', r)));
  return closings.get(res);
}

/** Writes `bytes` in chunks of `chunk`, `ms` apart, honouring back-pressure; stops early if the client leaves. */
async function pace(res, rec, bytes, chunk = bytes.length || 1, ms = 0) {
  for (let at = 0; at < bytes.length; at += chunk) {
    if (res.destroyed) return false;
    const part = bytes.subarray(at, at + chunk);
    const more = res.write(part);
    rec.written += part.length;
    if (!more) await Promise.race([new Promise((r) => res.once('drain', r)), closed(res)]);
    if (ms) await Promise.race([sleep(ms), closed(res)]);
  }
  return !res.destroyed;
}

const CSV = {'Content-Type': 'text/csv; charset=utf-8', 'Cache-Control': 'no-store'};

/** Writes a huge body (`sexe;age` then `H;41` lines) of `size` bytes, until done or the client leaves. */
async function huge(res, rec, size) {
  const line = Buffer.from('H;41\n');
  const block = Buffer.alloc(65536 - (65536 % line.length));
  for (let i = 0; i < block.length; i += line.length) line.copy(block, i);
  const head = Buffer.from('sexe;age\n');
  res.write(head);
  rec.written += head.length;
  let left = size - head.length;
  while (left > 0 && !res.destroyed) {
    const part = left >= block.length ? block : block.subarray(0, left);
    left -= part.length;
    if (!(await pace(res, rec, part))) break;
  }
  if (!res.destroyed) res.end();
}

/** Keeps a response open (headers sent or not) until the client leaves, or the safety delay. */
async function holdOpen(res) {
  await Promise.race([closed(res), sleep(SAFETY_MS)]);
  if (!res.destroyed) res.destroy();
}

// ---- second origin ---------------------------------------------------------------------------------------------
let secondBase = null;
let closedBase = null;
let second = null;

function secondHandler(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const rec = track(res, url.searchParams.get('key'));
  const m = /^\/(cors|nocors)\/(.+)$/.exec(url.pathname);
  const cors = m?.[1] === 'cors' ? {'Access-Control-Allow-Origin': '*'} : {};
  const body = m ? bodyOf(m[2]) : null;
  if (!body) {
    res.writeHead(404, {'Content-Type': 'text/plain', ...cors});
    res.end('Introuvable');
    return;
  }
  res.writeHead(200, {...CSV, 'Content-Length': body.length, ...cors});
  rec.written += body.length;
  res.end(body);
}

/** A web-test-runner plugin that runs the second origin beside the test server. */
export function secondOrigin() {
  return {
    name: 'epn-second-origin',
    async serverStart() {
      second = createServer(secondHandler);
      await new Promise((r) => second.listen(0, '127.0.0.1', r));
      secondBase = `http://127.0.0.1:${second.address().port}`;
      // A port where nothing listens: a connection refused, as when offline.
      const probe = createServer();
      await new Promise((r) => probe.listen(0, '127.0.0.1', r));
      closedBase = `http://127.0.0.1:${probe.address().port}`;
      await new Promise((r) => probe.close(r));
    },
    async serverStop() {
      for (const res of open) res.destroy();
      second?.closeAllConnections?.();
      await new Promise((r) => (second ? second.close(() => r()) : r()));
    },
  };
}

// ---- endpoints of the test server --------------------------------------------------------------------------------
const modes = new Map();
const stored = new Map();

/** Koa middleware: the /__epn__/ fault endpoints (see the comment at the top). */
export async function faultEndpoints(ctx, next) {
  const path = ctx.path;
  if (!path.startsWith('/__epn__/')) return next();
  const route = path.slice('/__epn__/'.length);
  let m;
  if (route === 'origins') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {second: secondBase, closed: closedBase};
    return;
  }
  if ((m = /^log\/([\w-]+)$/.exec(route))) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = logs.get(m[1]) ?? {requests: 0, aborted: 0, completed: 0, written: 0};
    return;
  }
  if ((m = /^set\/([\w-]+)\/([\w-]+)$/.exec(route))) {
    modes.set(m[1], m[2]);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 204;
    return;
  }
  // `put/<key>` (POST) stores a body that `got/<key>` then serves as a CSV file (the attack tests' CSV files).
  if ((m = /^put\/([\w-]+)$/.exec(route)) && ctx.method === 'POST') {
    const chunks = [];
    for await (const c of ctx.req) chunks.push(c);
    stored.set(m[1], Buffer.concat(chunks));
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 204;
    return;
  }
  if ((m = /^got\/([\w-]+)$/.exec(route))) {
    const body = stored.get(m[1]);
    ctx.set('Cache-Control', 'no-store');
    if (!body) {
      ctx.status = 404;
      return;
    }
    ctx.status = 200;
    ctx.respond = false;
    ctx.res.writeHead(200, {...CSV, 'Content-Length': body.length});
    ctx.res.end(body);
    return;
  }
  if (route === 'loop') {
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(`/__epn__/loop?n=${Number(ctx.query.n ?? 0) + 1}`);
    return;
  }
  if (route === 'redirect') {
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(String(ctx.query.to));
    return;
  }
  // `switch/<key>/<fixture>`: behaves as the mode set for <key> says (`ok` by default), see `serve`.
  if ((m = /^switch\/([\w-]+)\/(.+)$/.exec(route))) return serve(ctx, modes.get(m[1]) ?? 'ok', m[2]);
  if ((m = /^status\/(\d{3})$/.exec(route))) return serve(ctx, m[1], null);
  if ((m = /^file\/(.+)$/.exec(route))) return serve(ctx, 'ok', m[1]);
  if ((m = /^(cut|gzip|hang|wait|trickle|stall|big|big-chunked)(?:\/(\d+))?(?:\/(\d+))?(?:\/(.+))?$/.exec(route))) {
    return serve(ctx, m[1], m[4] ?? null, Number(m[2] ?? 0), Number(m[3] ?? 0));
  }
  return next();
}

/**
 * Answers by hand:
 * - `ok`: the file; `<status>` (e.g. `500`): that status with a short text body; `stored-<key>`: a body stored by
 *   `put/<key>` instead of the file; `wait-<ms>` (a mode of `switch`): the file after `ms` ms;
 * - `cut`: `Content-Length` of the whole file, half of it, then the socket destroyed (`?chunked=1`: no length);
 * - `gzip`: the file gzipped, `Content-Encoding: gzip`, `Content-Length` of the compressed bytes (`?chunk=&ms=` pace it);
 * - `trickle/<chunk>/<ms>`: the file with its length, `chunk` bytes every `ms` ms;
 * - `stall/<bytes>`: the file's length, its first `bytes` bytes, then nothing until the client leaves;
 * - `wait/<ms>`: the file after `ms` ms (unless the client left);
 * - `hang`: no answer at all until the client leaves;
 * - `big/<bytes>` and `big-chunked/<bytes>`: a CSV body of that size, with or without `Content-Length`.
 */
async function serve(ctx, mode, file, a = 0, b = 0) {
  // Answered by hand on the Node response: Koa must not answer, and its log must not count these as 404s.
  ctx.status = /^\d{3}$/.test(mode) ? Number(mode) : 200;
  ctx.respond = false;
  const res = ctx.res;
  const rec = track(res, ctx.query.key ? String(ctx.query.key) : null);
  const body = file ? bodyOf(file) : null;
  const other = /^stored-([\w-]+)$/.exec(mode);
  if (other) {
    const body = stored.get(other[1]);
    if (body) {
      res.writeHead(200, {...CSV, 'Content-Length': body.length});
      rec.written += body.length;
      res.end(body);
      return;
    }
  }
  const late = /^wait-(\d+)$/.exec(mode);
  if (late) [mode, a] = ['wait', Number(late[1])];
  if (/^\d{3}$/.test(mode)) {
    res.writeHead(Number(mode), {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'});
    res.end(`Erreur ${mode}`);
    return;
  }
  if (mode === 'hang') return holdOpen(res);
  if (mode === 'big' || mode === 'big-chunked') {
    res.writeHead(200, mode === 'big' ? {...CSV, 'Content-Length': a} : CSV);
    return huge(res, rec, a);
  }
  if (!body) {
    res.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'});
    res.end('Introuvable');
    return;
  }
  switch (mode) {
    case 'ok':
      res.writeHead(200, {...CSV, 'Content-Length': body.length});
      rec.written += body.length;
      res.end(body);
      return;
    case 'wait':
      await Promise.race([sleep(Math.min(a, SAFETY_MS)), closed(res)]);
      if (res.destroyed) return;
      res.writeHead(200, {...CSV, 'Content-Length': body.length});
      rec.written += body.length;
      res.end(body);
      return;
    case 'cut': {
      res.writeHead(200, ctx.query.chunked ? CSV : {...CSV, 'Content-Length': body.length});
      await pace(res, rec, body.subarray(0, Math.floor(body.length / 2)));
      await sleep(30);
      res.socket?.destroy();
      return;
    }
    case 'gzip': {
      const gz = gzipSync(body);
      res.writeHead(200, {...CSV, 'Content-Encoding': 'gzip', 'Content-Length': gz.length});
      if (await pace(res, rec, gz, Number(ctx.query.chunk) || gz.length, Number(ctx.query.ms) || 0)) res.end();
      return;
    }
    case 'trickle':
      res.writeHead(200, {...CSV, 'Content-Length': body.length});
      if (await pace(res, rec, body, a || 64, b)) res.end();
      return;
    case 'stall':
      res.writeHead(200, {...CSV, 'Content-Length': body.length});
      await pace(res, rec, body.subarray(0, a));
      return holdOpen(res);
    default:
      res.writeHead(400, {'Content-Type': 'text/plain'});
      res.end(`unknown mode ${mode}`);
  }
}
