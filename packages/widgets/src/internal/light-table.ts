import {parseCsv, type Table} from '@epn/stats';

/**
 * Reads a light-DOM `<table>` (the no-JavaScript fallback a page may put inside the element) with the same reader as
 * CSV files, so that numbers written `1 234` or `12,5 %` and markers are understood the same way.
 */
export function tableFromElement(table: HTMLTableElement): Table {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const text = Array.from(table.rows)
    .map((tr) =>
      Array.from(tr.cells)
        .map((c) => quote((c.textContent ?? '').trim()))
        .join(';'),
    )
    .join('\n');
  return parseCsv(text, {delimiter: ';'});
}

/** `href` when it is http(s) or relative, else `null` (`javascript:`, `data:`… are never linked). */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
