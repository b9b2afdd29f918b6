/** Trims, collapses inner white space (including U+00A0, U+202F) and composes accents (NFC). @internal */
export function cleanLabel(s: string): string {
  return s && !unclean(s)
    ? s
    : s
        .normalize('NFC')
        .replace(/[\s\u00a0\u202f\u2009\u2007\u200b]+/g, ' ')
        .trim();
}

/**
 * Whether {@link cleanLabel} may change `s`. Most labels are trimmed, with single inner spaces and no combining accent:
 * nothing to do (NFC leaves precomposed letters as they are; only combining marks and scripts beyond U+1100 may
 * compose). One native scan tells. @internal
 */
export function unclean(s: string): boolean {
  return /^ | $| {2}|[^ -~\xa1-\u02ff\u0370-\u10ff\u2010-\u2027\u20ac]/.test(s);
}

/** A key for loose matching: clean, lower-case, accents removed. `Âge ` and `age` share a key. */
export function looseKey(s: string): string {
  return cleanLabel(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
