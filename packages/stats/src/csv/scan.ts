/** How the lines of a file end. */
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Counts the fields of the first `maxLines` records for one delimiter, quotes respected. When `stats` is given, also
 * counts the quotes that this delimiter leaves out of place (in the middle of an unquoted field, or a closing quote
 * followed by text): a wrong delimiter splits quoted fields and leaves such quotes. @internal
 */
export function fieldCounts(text: string, delimiter: string, maxLines = 200, maxChars = 262144, stats?: {quoteAnomalies: number}): number[] {
  const d = delimiter.charCodeAt(0);
  const n = Math.min(text.length, maxChars);
  const counts: number[] = [];
  let fields = 1;
  let empty = true;
  let fieldStart = true;
  let i = 0;
  while (i < n && counts.length < maxLines) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      i++;
      while (i < n) {
        if (text.charCodeAt(i) === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i += 2;
          else break;
        } else i++;
      }
      i++;
      if (stats) {
        let j = i;
        while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) && text.charCodeAt(j) !== d) j++;
        const next = text.charCodeAt(j);
        if (j < n && next !== d && next !== LF && next !== CR) stats.quoteAnomalies++;
      }
      fieldStart = false;
      empty = false;
      continue;
    }
    if (c === d) {
      fields++;
      fieldStart = true;
      empty = false;
    } else if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      counts.push(empty ? 0 : fields);
      fields = 1;
      empty = true;
      fieldStart = true;
    } else {
      if (c === QUOTE && stats) stats.quoteAnomalies++;
      fieldStart = false;
      if (c !== 32 && c !== 9) empty = false;
    }
    i++;
  }
  if (!empty && counts.length < maxLines) counts.push(fields);
  return counts;
}

/** The delimiters {@link sniffDelimiter} considers, in order of preference on a tie. */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Finds the delimiter of a CSV text among `;`, `,`, tab and `|`: the one that splits the most lines into the same
 * number (above one) of fields, quotes respected; title lines before the header and notes after the table do not
 * disturb it. Commas between digits on a line that holds another delimiter (`Calvados;42;31,5`) are decimals, not
 * `,` delimiters. A file whose commas all sit between digits and whose first line has none (one column of French
 * decimals) is read as one column. Ties go to the delimiter that leaves no quote out of place (a wrong one splits
 * quoted fields), then to `;`, `,`, tab and `|` in that order.
 *
 * @example
 * ```ts
 * sniffDelimiter('age;pct\n0-14;12,5\n15-29;17,5'); // ';'
 * ```
 */
export function sniffDelimiter(text: string): string {
  let best: string = DELIMITERS[0];
  let bestScore = 0;
  let bestAnomalies = Infinity;
  const head = text.slice(0, 262144);
  for (const d of DELIMITERS) {
    // A delimiter absent from the sample splits nothing: no need to count it.
    if (!head.includes(d)) continue;
    const stats = {quoteAnomalies: 0};
    const counts = fieldCounts(d === ',' ? hideDecimalCommas(text) : text, d, undefined, undefined, stats).filter((c) => c > 0);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let score = 0;
    for (const [c, f] of freq) if (f > score || (f === score && c > mode)) [mode, score] = [c, f];
    if (d === ',' && score > 0 && counts[0] === 1 && commasAreDecimals(text)) continue;
    if (score > bestScore || (score === bestScore && score > 0 && stats.quoteAnomalies < bestAnomalies)) {
      best = d;
      bestScore = score;
      bestAnomalies = stats.quoteAnomalies;
    }
  }
  if (bestScore === 0) {
    // One column: pick a delimiter absent from the text so that nothing is split.
    for (const d of DELIMITERS) if (!text.includes(d)) return d;
  }
  return best;
}

/**
 * The start of the text (what {@link fieldCounts} reads) with the commas of some lines turned into dots: lines that
 * hold another delimiter (`;`, tab, `|`) and whose commas all sit between two digits (`Calvados;42;31,5`). Those
 * commas are French decimals, not evidence of a `,` delimiter: counted, they outvote `;` in a file whose every data
 * row has one decimal column and whose title lines hold a comma or two (`Région Normandie, 2023`).
 */
function hideDecimalCommas(text: string): string {
  return text
    .slice(0, 262144)
    .replace(/[^\r\n]+/g, (line) => (/[;\t|]/.test(line) && /\d,\d/.test(line) && !/(^|\D),|,(\D|$)/.test(line) ? line.replace(/,/g, '.') : line));
}

/** True when every comma outside quoted fields sits between two digits (`12,5`). */
function commasAreDecimals(text: string): boolean {
  const sample = text.slice(0, 65536).replace(/"(?:[^"]|"")*"/g, '""');
  const all = sample.match(/,/g)?.length ?? 0;
  const between = sample.match(/\d,\d/g)?.length ?? 0;
  return all > 0 && between === all;
}
