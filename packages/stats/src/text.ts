/** Trims, collapses inner white space (including U+00A0, U+202F) and composes accents (NFC). @internal */
export function cleanLabel(s: string): string {
  // Most labels are printable ASCII with single inner spaces: nothing to do (NFC leaves ASCII as it is).
  let clean = s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32;
  for (let i = 0; clean && i < s.length; i++) {
    const c = s.charCodeAt(i);
    clean = c > 32 ? c < 127 : c === 32 && s.charCodeAt(i + 1) !== 32;
  }
  if (clean) return s;
  return s.normalize('NFC').replace(/[\s\u00a0\u202f\u2009\u2007\u200b]+/g, ' ').trim();
}

/** A key for loose matching: clean, lower-case, accents removed. `Âge ` and `age` share a key. @internal */
export function looseKey(s: string): string {
  return cleanLabel(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
