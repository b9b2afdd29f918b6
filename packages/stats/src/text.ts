/** Trims, collapses inner white space (including U+00A0, U+202F) and composes accents (NFC). @internal */
export function cleanLabel(s: string): string {
  // Most labels have single inner spaces and no combining accent: nothing to do (NFC leaves precomposed letters as
  // they are; only combining marks and scripts beyond U+1100 may compose).
  let clean = s.length > 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32;
  for (let i = 0; clean && i < s.length; i++) {
    const c = s.charCodeAt(i);
    clean =
      c > 32
        ? c < 127 || (c > 0xa0 && c < 0x300) || (c > 0x36f && c < 0x1100 && c !== 0x85 && c !== 0x180e) || (c >= 0x2010 && c <= 0x2027) || c === 0x20ac
        : c === 32 && s.charCodeAt(i + 1) !== 32;
  }
  if (clean) return s;
  return s.normalize('NFC').replace(/[\s\u00a0\u202f\u2009\u2007\u200b]+/g, ' ').trim();
}

/** A key for loose matching: clean, lower-case, accents removed. `Âge ` and `age` share a key. */
export function looseKey(s: string): string {
  return cleanLabel(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
