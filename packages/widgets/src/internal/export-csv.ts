import type {DataTable} from './base.js';

/** A number as Excel in French reads it: decimal comma, no grouping, at most 12 significant digits. */
export function csvNumber(n: number): string {
  return String(Number(n.toPrecision(12))).replace('.', ',');
}

/**
 * A text cell, safe to open in a spreadsheet: one starting like a formula (`= + - @`, tab, CR) gets a `'` prefix
 * and quotes, so it is never run; one holding `;`, a quote, CR or LF is quoted, quotes doubled.
 */
export function csvText(text: string): string {
  const formula = /^[=+\-@\t\r]/.test(text);
  const s = formula ? `'${text}` : text;
  return formula || /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The tables as a CSV file for Excel in French: `;`-separated, decimal comma, CRLF, UTF-8 with a BOM. Each table
 * is its caption line, its head and its rows, a blank line between tables. Figures are written from `values`
 * (numbers as numbers); a cell without a finite value is written as its shown text.
 */
export function toCsv(tables: DataTable[]): string {
  const lines: string[] = [];
  tables.forEach((table, k) => {
    if (k) lines.push('');
    lines.push(csvText(table.caption), table.head.map(csvText).join(';'));
    for (const row of table.rows) {
      const cells = row.cells.map((c, i) => {
        const v = row.values?.[i];
        return typeof v === 'number' && Number.isFinite(v) ? csvNumber(v) : csvText(c);
      });
      lines.push([csvText(row.header), ...cells].join(';'));
    }
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** An ASCII file name from a title: "Pyramide des âges" → "pyramide-des-ages". */
export const slugify = (title: string): string =>
  title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'epn';
