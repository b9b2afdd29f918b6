import {badOption} from '../errors.js';

/** What a marker cell stands for: secret statistique, a figure not available, or an empty cell. */
export type MarkerKind = 'secret' | 'unavailable' | 'empty';

/**
 * The markers recognised by default in numeric columns (compared trimmed and case-insensitively). Add or override
 * with the `markers` option of {@link parseCsv}; map a text to `null` to read it as ordinary text.
 *
 * @example
 * ```ts
 * DEFAULT_MARKERS['n.d.']; // 'unavailable'
 * ```
 */
export const DEFAULT_MARKERS: Readonly<Record<string, MarkerKind>> = Object.freeze({
  s: 'secret',
  secret: 'secret',
  'secret stat': 'secret',
  'secret statistique': 'secret',
  c: 'secret',
  'conf.': 'secret',
  confidentiel: 'secret',
  nd: 'unavailable',
  'n.d.': 'unavailable',
  'n.d': 'unavailable',
  'n/d': 'unavailable',
  na: 'unavailable',
  'n/a': 'unavailable',
  nc: 'unavailable',
  'n.c.': 'unavailable',
  ns: 'unavailable',
  'n.s.': 'unavailable',
  'non communiqué': 'unavailable',
  'non disponible': 'unavailable',
  '-': 'unavailable',
  '–': 'unavailable',
  '—': 'unavailable',
  '…': 'unavailable',
  '...': 'unavailable',
  '..': 'unavailable',
  '?': 'unavailable',
  '///': 'unavailable',
  x: 'secret',
});

const KINDS: readonly string[] = ['secret', 'unavailable', 'empty'];
/** The longest marker text looked up (a user's marker may be longer than the defaults'). */
const MAX_MARKER = 40;

/**
 * Builds the marker lookup from the defaults and the caller's overrides. Throws `BAD_OPTION` when `extra` is not an
 * object of `text → 'secret' | 'unavailable' | 'empty' | null`, or names an empty text. @internal
 */
export function markerTable(extra?: Record<string, MarkerKind | null> | null): Map<string, MarkerKind> {
  const table = new Map<string, MarkerKind>();
  for (const [k, v] of Object.entries(DEFAULT_MARKERS)) table.set(k, v);
  if (extra === undefined || extra === null) return table;
  if (typeof extra !== 'object' || Array.isArray(extra)) {
    throw badOption(
      `marqueurs ${String(extra)} (un objet est attendu, par exemple { "sc": "secret", "-": null })`,
      `markers ${String(extra)} (an object is expected, for example { "sc": "secret", "-": null })`,
    );
  }
  for (const [k, v] of Object.entries(extra)) {
    const key = k.trim().toLowerCase();
    if (!key || (v !== null && !KINDS.includes(v as string))) {
      throw badOption(
        !key
          ? `marqueur vide (une cellule vide est déjà lue comme vide)`
          : `marqueur « ${k} » : « ${String(v)} » n'est pas un type de marqueur (secret, unavailable, empty, ou null pour le lire comme du texte)`,
        !key
          ? `empty marker (an empty cell is already read as empty)`
          : `marker "${k}": "${String(v)}" is not a marker kind (secret, unavailable, empty, or null to read it as text)`,
      );
    }
    if (v === null) table.delete(key);
    else table.set(key, v);
  }
  return table;
}

/**
 * The marker kind of a trimmed cell, if it is one: a text of the table (compared case-insensitively), or a
 * suppression written `<5`, `< 3`, `<10` (a count under a threshold, withheld: secret). @internal
 */
export function markerKind(table: Map<string, MarkerKind>, cell: string): MarkerKind | undefined {
  if (cell.length > MAX_MARKER) return undefined;
  const kind = table.get(cell.toLowerCase());
  if (kind !== undefined || cell.charCodeAt(0) !== 60 || cell.length > 6) return kind;
  return /^<\s?\d{1,3}$/.test(cell) && !table.has('<') ? 'secret' : undefined;
}
