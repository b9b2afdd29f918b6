import {formatNumber} from '@epn/stats';

// Lists a widget writes (notes, bars, names in a message) are cut: a file of 100 000 rows must not become 100 000
// paragraphs, bars or names in one alert.

/** The most names a message lists; the rest are counted (« … et 124 990 autres »). */
export const MAX_LISTED = 10;

/** « et N autres » / "and N more": what follows a cut list. */
export const andMore = (n: number, en?: boolean): string =>
  en ? `and ${formatNumber(n, {locale: 'en'})} more` : `et ${formatNumber(n)} autres`;

/**
 * Names quoted (`« a », « b »`, in English `"a", "b"`) and joined by commas, at most `max` of them; the others are
 * counted: `« a », « b »… et 12 autres`. `count`: how many names there are, when only the first are given.
 */
export function quotedSome(names: readonly string[], en?: boolean, max = MAX_LISTED, count = names.length): string {
  const shown = names
    .slice(0, max)
    .map((n) => (en ? `"${n}"` : `« ${n} »`))
    .join(', ');
  return count > max ? `${shown}… ${andMore(count - max, en)}` : shown;
}

/** The largest of `values` and `floor`, by a loop (`Math.max(...values)` overflows the stack past about 120 000 values). */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
