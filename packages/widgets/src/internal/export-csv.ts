import type {DataTable} from './base.js';

/**
 * A number as Excel in French reads it: decimal comma, no grouping. Whole numbers keep every digit (a count above
 * 10¹² is not rounded); a whole number past 15 digits, which a spreadsheet would round, is written as text (quoted),
 * digits intact. Other numbers keep 15 significant digits (a spreadsheet's precision).
 */
export function csvNumber(n: number): string {
  if (Number.isInteger(n)) {
    const digits = Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
    return digits.replace('-', '').length > 15 ? `"${digits}"` : digits;
  }
  return String(Number(n.toPrecision(15))).replace('.', ',');
}

/**
 * A text cell, safe to open in a spreadsheet whatever its list separator (`;` in French Excel, `,` elsewhere): always
 * quoted, quotes doubled, so that a `,` or `;` inside never splits it. One starting like a formula (`= + - @`, tab,
 * CR) gets a `'` prefix inside the quotes, so it is never run.
 */
export function csvText(text: string): string {
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** An age band written as its upper limit (`-11`, `- 11 ans`). */
const UNDER = /^[-\u2212]\s*(\d{1,3})(?:\s*ans?)?$/i;

/**
 * A row or column label as exported: an age band written as its upper limit (`-11`) becomes what it means,
 * « moins de 11 ans » ("under 11"): a spreadsheet reads `-11` as the number minus eleven, and the formula guard's
 * `'-11` would show a stray quote. Other labels are kept as they are.
 */
export function csvLabel(label: string, en = false): string {
  const under = UNDER.exec(label.trim());
  return csvText(!under ? label : en ? `under ${under[1]}` : `moins de ${under[1]} an${under[1] === '1' ? '' : 's'}`);
}

/**
 * The tables as a CSV file for Excel in French: `;`-separated, decimal comma, CRLF, UTF-8 with a BOM. Each table
 * is its caption line, its head and its rows, a blank line between tables. Figures are written from `values`
 * (numbers as numbers); a cell without a finite value is written as its shown text. Labels go through
 * {@link csvLabel} (`en`: in English).
 */
export function toCsv(tables: DataTable[], en = false): string {
  const lines: string[] = [];
  tables.forEach((table, k) => {
    if (k) lines.push('');
    lines.push(csvText(table.caption), table.head.map((h) => csvLabel(h, en)).join(';'));
    for (const row of table.rows) {
      const cells = row.cells.map((c, i) => {
        const v = row.values?.[i];
        return typeof v === 'number' && Number.isFinite(v) ? csvNumber(v) : csvText(c);
      });
      lines.push([csvLabel(row.header, en), ...cells].join(';'));
    }
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
