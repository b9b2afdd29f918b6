/**
 * `numerator / denominator`, or `null` when either is null, not finite, or the denominator is 0: never
 * `Infinity` or `NaN`.
 *
 * @example
 * ```ts
 * ratio(745000, 65691); // 11.34…
 * ratio(5, 0);          // null
 * ```
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || !Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  const r = numerator / denominator;
  return Number.isFinite(r) ? (r === 0 ? 0 : r) : null;
}
