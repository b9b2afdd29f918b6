/** Trims, collapses inner white space (including U+00A0, U+202F) and composes accents (NFC). @internal */
export function cleanLabel(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0\u202f\u2009\u2007\u200b]+/g, ' ').trim();
}

/** A key for loose matching: clean, lower-case, accents removed. `Âge ` and `age` share a key. @internal */
export function looseKey(s: string): string {
  return cleanLabel(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
