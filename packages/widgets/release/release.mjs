// `npm run release` (after the build): writes release/epn-widgets-<version>/ and release/epn-widgets-<version>.zip,
// everything a site needs without Node: the all-in-one file and the files it loads beside itself (chunks, worker),
// the iframe route (embed.html, embed-page.js, embed.js), a sample page with its data that works from any static
// server, and LISEZMOI.txt for webmasters. The zip is written here (stored + deflate, no dependency).
import {copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {deflateRawSync} from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const dist = join(root, 'packages', 'widgets', 'dist');
const {version} = JSON.parse(readFileSync(join(root, 'packages', 'widgets', 'package.json'), 'utf8'));
const name = `epn-widgets-${version}`;
const out = join(process.env.EPN_RELEASE_DIR ?? join(root, 'release'), name);

/** The widgets' files a site copies: the all-in-one file and every file it loads beside itself (epn-*.js). */
const widgetFiles = readdirSync(dist).filter((f) => /^epn-[\w-]+\.js$/.test(f));
if (
  !widgetFiles.includes('epn-widgets.js') ||
  !widgetFiles.includes('epn-worker.js') ||
  !widgetFiles.includes('epn-export-svg.js')
) {
  console.error('release: packages/widgets/dist is incomplete; run « npm run build » first (npm run release does).');
  process.exit(1);
}

rmSync(out, {recursive: true, force: true});
rmSync(`${out}.zip`, {force: true});
mkdirSync(join(out, 'donnees'), {recursive: true});
for (const f of widgetFiles) copyFileSync(join(dist, f), join(out, f));
for (const f of ['embed.html', 'embed-page.js', 'embed.js', 'favicon.svg'])
  copyFileSync(join(root, 'examples', f), join(out, f));
for (const f of [
  'inscrits-sexe-age.csv',
  'equipement-age.csv',
  'niveau-usage-age.csv',
  'chiffres-cles.csv',
  'epn-departements.csv',
]) {
  copyFileSync(join(root, 'examples', 'data', f), join(out, 'donnees', f));
}
for (const f of ['exemple.html', 'LISEZMOI.txt']) {
  writeFileSync(join(out, f), readFileSync(join(here, f), 'utf8').replaceAll('{{version}}', version));
}

// The zip: one folder, its files sorted, dated 1 January 2026 (the same bytes for the same files).
const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(out);
writeFileSync(
  `${out}.zip`,
  zip(files.map((p) => [`${name}/${relative(out, p).split('\\').join('/')}`, readFileSync(p)])),
);

const size = (p) => `${(statSync(p).size / 1024).toFixed(1)} KB`;
console.log(
  `release: ${relative(root, out)}/ (${files.length} files) and ${relative(root, out)}.zip (${size(`${out}.zip`)})`,
);

/** CRC-32 (IEEE) of bytes. */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A zip archive of [path, bytes] entries (deflated, or stored when deflate does not help). */
function zip(entries) {
  const DOS_TIME = 0;
  const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [path, data] of entries) {
    const nameBytes = Buffer.from(path, 'utf8');
    const deflated = deflateRawSync(data, {level: 9});
    const method = deflated.length < data.length ? 8 : 0;
    const body = method ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
