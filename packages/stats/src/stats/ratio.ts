/**
 * `numerator / denominator`. Null policy: `null` when either is `null`, `undefined`, `NaN` or infinite, when the
 * denominator is 0, or when the quotient overflows: never `Infinity` or `NaN`; never `-0` (0 / -5 is 0).
 *
 * @example
 * ```ts
 * ratio(1, 4); // 0.25
 * ratio(5, 0); // null
 * ```
 */
export function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (
    numerator == null ||
    denominator == null ||
    !Number.isFinite(numerator) ||
    !Number.isFinite(denominator) ||
    denominator === 0
  )
    return null;
  const r = numerator / denominator;
  return Number.isFinite(r) ? (r === 0 ? 0 : r) : null;
}
