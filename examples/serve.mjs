// `npm start`: serves the examples gallery on http://localhost:8000 (or $PORT), with no dependency.
// `/` is examples/; `/packages/<name>/dist/…` serves the built packages the pages load, as a CDN would, and
// `/epn-widgets.js` (and its chunks, its worker) the widgets' files beside the pages, as a site that copied them.
import {createReadStream, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT) || 8000;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** Maps a URL path to a file under examples/ or a package's dist/, or null (no traversal outside them). */
function resolve(pathname) {
  let rel;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return null;
  }
  if (rel.split(sep).includes('..')) return null;
  // The widgets' files beside the pages (/epn-widgets.js, /epn-worker.js, /epn-export-svg.js), as a webmaster copies
  // them next to embed.html: served from the build.
  if (/^epn-[\w-]+\.js$/.test(rel)) rel = `packages/widgets/dist/${rel}`;
  const m = /^packages[/\\]([\w-]+)[/\\]dist([/\\].*)?$/.exec(rel);
  const base = m ? join(root, 'packages', m[1], 'dist') : join(root, 'examples');
  let file = join(base, m ? (m[2] ?? '') : rel);
  if (!file.startsWith(base)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = req.method === 'GET' || req.method === 'HEAD' ? resolve(url.pathname) : null;
  if (!file) {
    res.writeHead(404, {'content-type': 'text/plain; charset=utf-8'});
    res.end('Introuvable\n');
    return;
  }
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

server.listen(port, () => {
  console.log(`Examples gallery: http://localhost:${port}/  (Ctrl+C to stop)`);
});
