// Individual-level CSV files for the bench: one row per registered user of a public digital space, French headers,
// `;` delimiter, UTF-8, values drawn from a fixed-seed generator (the same bytes on every run and machine).
//   node test/bench/generate.mjs [rows…]      writes build/bench/individus-<rows>.csv (default: 100000 1000000)
import {existsSync, mkdirSync, statSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

export const HEADER = ['sexe', 'âge', 'département', 'niveau', 'équipement'];

const DEPARTEMENTS = [
  ['Calvados', 30],
  ['Manche', 22],
  ['Orne', 12],
  ['Seine-Maritime', 9],
  ['Eure', 6],
  ['Sarthe', 4],
  ['Mayenne', 3],
  ['Ille-et-Vilaine', 3],
  ["Côtes-d'Armor", 2],
  ['Finistère', 2],
  ['Loire-Atlantique', 2],
  ['Hérault', 1],
  ['Bouches-du-Rhône', 1],
  ['Pyrénées-Atlantiques', 1],
  ['Corrèze', 1],
  ['Ardèche', 1],
];
const NIVEAUX = [
  ['débutant', 48],
  ['intermédiaire', 37],
  ['avancé', 11],
  ['confirmé', 4],
];
const EQUIPEMENTS = [
  ['ordinateur', 40],
  ['smartphone', 35],
  ['tablette', 10],
  ['ordinateur et smartphone', 10],
  ['aucun', 5],
];

/** mulberry32: a small fixed-seed generator. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weighted = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return (u) => {
    let x = u * total;
    for (const [v, w] of pairs) if ((x -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
};

/** Ages as in the seed's review: many children and retirees, few young adults. */
function age(rand) {
  const u = rand();
  if (u < 0.09) return 4 + Math.floor(rand() * 7);
  if (u < 0.27) return 11 + Math.floor(rand() * 7);
  if (u < 0.41) return 18 + Math.floor(rand() * 8);
  if (u < 0.67) return 26 + Math.floor(rand() * 30);
  if (u < 0.89) return 56 + Math.floor(rand() * 10);
  return 66 + Math.floor(rand() * 29);
}

/** Writes `rows` rows to `path` (LF line ends, a final line end), in blocks. */
export async function generate(rows, path, seed = 20120517) {
  const rand = random(seed + rows);
  const dep = weighted(DEPARTEMENTS);
  const niv = weighted(NIVEAUX);
  const equ = weighted(EQUIPEMENTS);
  const file = await open(path, 'w');
  let block = HEADER.join(';') + '\n';
  for (let i = 0; i < rows; i++) {
    block += `${rand() < 0.53 ? 'F' : 'H'};${age(rand)};${dep(rand())};${niv(rand())};${equ(rand())}\n`;
    if (block.length > 1 << 20) {
      await file.write(block);
      block = '';
    }
  }
  await file.write(block);
  await file.close();
}

/** The path of the bench file of `rows` rows under build/bench/, generated when missing. */
export async function benchFile(rows) {
  const dir = fileURLToPath(new URL('../../build/bench/', import.meta.url));
  mkdirSync(dir, {recursive: true});
  const path = `${dir}individus-${rows}.csv`;
  if (!existsSync(path) || statSync(path).size === 0) await generate(rows, path);
  return path;
}

/** The bands of the wide bench table. */
export const WIDE_BANDS = ['0-14', '15-29', '30-44', '45-59', '60-74', '75+'];

/**
 * A wide table as published (first column the row labels, one column per age band) of about `megabytes` MB: the
 * Hommes and Femmes rows an age chart draws, then one row per commune, which it lists in a note (a file an age
 * chart accepts, and one the page must read without freezing).
 */
export async function wideBenchFile(megabytes) {
  const dir = fileURLToPath(new URL('../../build/bench/', import.meta.url));
  mkdirSync(dir, {recursive: true});
  const path = `${dir}large-${megabytes}mb.csv`;
  if (existsSync(path) && statSync(path).size > 0) return path;
  const rand = random(megabytes);
  const row = (label) => `${label};${WIDE_BANDS.map(() => Math.floor(rand() * 5000)).join(';')}\n`;
  const file = await open(path, 'w');
  let block = `sexe;${WIDE_BANDS.join(';')}\n${row('Hommes')}${row('Femmes')}`;
  let size = 0;
  for (let i = 1; size + block.length < megabytes * 1048576; i++) {
    block += row(`Commune ${String(i).padStart(6, '0')}`);
    if (block.length > 1 << 20) {
      size += block.length;
      await file.write(block);
      block = '';
    }
  }
  await file.write(block);
  await file.close();
  return path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const rows of sizes.length ? sizes : [100000, 1000000]) console.log(await benchFile(rows), `${rows} rows`);
}
