/** What a marker cell stands for: secret statistique, a figure not available, or an empty cell. */
export type MarkerKind = 'secret' | 'unavailable' | 'empty';

/**
 * The markers recognised by default in numeric columns (compared trimmed and case-insensitively). Add or override
 * with the `markers` option of {@link parseCsv}; map a text to `null` to read it as ordinary text.
 */
export const DEFAULT_MARKERS: Readonly<Record<string, MarkerKind>> = Object.freeze({
  's': 'secret',
  'secret': 'secret',
  'secret stat': 'secret',
  'secret statistique': 'secret',
  'c': 'secret',
  'conf.': 'secret',
  'confidentiel': 'secret',
  'nd': 'unavailable',
  'n.d.': 'unavailable',
  'n.d': 'unavailable',
  'n/d': 'unavailable',
  'na': 'unavailable',
  'n/a': 'unavailable',
  'nc': 'unavailable',
  'n.c.': 'unavailable',
  'ns': 'unavailable',
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
  'x': 'secret',
});

/** Builds the marker lookup from the defaults and the caller's overrides. @internal */
export function markerTable(extra?: Record<string, MarkerKind | null>): Map<string, MarkerKind> {
  const table = new Map<string, MarkerKind>();
  for (const [k, v] of Object.entries(DEFAULT_MARKERS)) table.set(k, v);
  if (extra) {
    for (const [k, v] of Object.entries(extra)) {
      const key = k.trim().toLowerCase();
      if (v === null) table.delete(key);
      else table.set(key, v);
    }
  }
  return table;
}
