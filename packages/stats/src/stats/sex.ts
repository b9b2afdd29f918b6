import {looseKey} from '../text.js';

/** The normalised sex labels. */
export type Sex = 'Hommes' | 'Femmes';

const MEN = new Set([
  'h',
  'homme',
  'hommes',
  'm',
  'masculin',
  'masc',
  'male',
  'males',
  'men',
  'man',
  'garcons',
  'garcon',
]);
const WOMEN = new Set([
  'f',
  'femme',
  'femmes',
  'feminin',
  'fem',
  'female',
  'females',
  'women',
  'woman',
  'filles',
  'fille',
]);

/**
 * Reads a sex code: `H/F`, `Hommes/Femmes`, `Homme/Femme`, `M/F`, `Masculin/Féminin` (any case, accents or not),
 * and `1/2` (INSEE's codes) when `numeric` is true. Returns `null` for anything else (`NC`, `Non communiqué`, an
 * empty text, `null`, `undefined`).
 *
 * @example
 * ```ts
 * sexOf('Féminin'); // 'Femmes'
 * sexOf('1', true); // 'Hommes'
 * ```
 */
export function sexOf(value: string | number | null | undefined, numeric = false): Sex | null {
  if (value == null) return null;
  const k = looseKey(String(value));
  if (MEN.has(k) || (numeric && k === '1')) return 'Hommes';
  if (WOMEN.has(k) || (numeric && k === '2')) return 'Femmes';
  return null;
}

/** Whether a column name says it holds sex codes. @internal */
export function isSexColumn(name: string): boolean {
  return /^(sexe|sex|genre|gender)\b/.test(looseKey(name));
}
