/** How the lines of a file end. */
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** The delimiters {@link sniffDelimiter} considers, in order of preference on a tie. */
const DELIMITERS = ';,\t|';
const CODES = [59, 44, 9, 124];

/**
 * Finds the delimiter of a CSV text among `;`, `,`, tab and `|`: the one that splits the most lines into the same
 * number (above one) of fields, quotes respected; title lines before the header and notes after the table do not
 * disturb it. Commas between digits on a line that holds another delimiter (`Calvados;42;31,5`) are decimals, not
 * `,` delimiters. A file whose commas all sit between digits and whose first line has none (one column of French
 * decimals) is read as one column. Ties go to the delimiter that leaves no quote out of place (a wrong one splits
 * quoted fields), then to `;`, `,`, tab and `|` in that order.
 *
 * The first 200 records of each reading (within 262 144 characters) are counted in one pass over the text, the four
 * readings side by side; the `,` reading takes the commas of a line as plain text when they are decimals (each line
 * is looked at once, when it starts). A quote opens a field only at its start, so each reading has its own quoted
 * fields; each also counts the quotes it leaves out of place (in an unquoted field, or text after a closing quote):
 * a wrong delimiter splits quoted fields and leaves such quotes.
 *
 * @example
 * ```ts
 * sniffDelimiter('age;pct\n0-14;12,5\n15-29;17,5'); // ';'
 * ```
 */
export function sniffDelimiter(text: string): string {
  // The sample: the first 262 144 characters (read in place: charCodeAt on a slice of the text is slower).
  const n = Math.min(text.length, 262144);
  const counts: number[][] = [[], [], [], []];
  const fields = [1, 1, 1, 1];
  const anomalies = [0, 0, 0, 0];
  // One bit per reading: inside a quoted field, at a field's start, in a record blank so far, to skip the next
  // character (the second quote of `""`, the LF of a CRLF).
  let quoted = 0;
  let start = 15;
  let empty = 15;
  let skip = 0;
  // The current line's commas are decimals (see above), once known (they matter from its first comma or quote on);
  // the line starts at `lineAt`, a line starts here.
  let decimals = false;
  let known = false;
  let lineAt = 0;
  let lineStart = true;
  // Readings that still count.
  let live = 4;
  for (let i = 0; i < n && live; i++) {
    if (lineStart) {
      lineAt = i;
      known = lineStart = false;
    }
    const c = text.charCodeAt(i);
    if (c > 34 && c !== 59 && c !== 44 && c !== 124) {
      start &= quoted;
      empty &= quoted;
      continue;
    }
    if (!known && (c === 44 || c === 34)) {
      const l = text.slice(lineAt, n).split(/[\r\n]/, 1)[0]!;
      decimals = /[;\t|]/.test(l) && /\d,\d/.test(l) && !/(^|\D),|,(\D|$)/.test(l);
      known = true;
    }
    const eol = c === 10 || c === 13;
    for (let m = 0; m < 4; m++) {
      const b = 1 << m;
      const d = m === 1 && decimals ? -1 : CODES[m]!;
      if (skip & b) skip ^= b;
      else if (c === 34) {
        if (quoted & b) {
          if (text.charCodeAt(i + 1) === 34) skip |= b;
          else {
            quoted ^= b;
            start &= ~b;
            empty &= ~b;
            // What follows the closing quote, blanks aside (NaN past the sample): a delimiter or a line end, or an anomaly.
            let j = i + 1;
            let x;
            while (((x = j < n ? text.charCodeAt(j) : NaN) === 32 || x === 9) && x !== d) j++;
            if (x === x && x !== d && x !== 10 && x !== 13) anomalies[m]++;
          }
        } else if (start & b) quoted |= b;
        else {
          anomalies[m]++;
          empty &= ~b;
        }
      } else if (quoted & b) continue;
      else if (c === d) {
        fields[m]++;
        start |= b;
        empty &= ~b;
      } else if (eol) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) skip |= b;
        if (counts[m]!.length < 200 && counts[m]!.push(empty & b ? 0 : fields[m]!) === 200) live--;
        fields[m] = 1;
        start |= b;
        empty |= b;
      } else {
        start &= ~b;
        if (c !== 9 && c !== 32) empty &= ~b;
      }
    }
    lineStart = eol;
  }
  empty &= ~quoted;
  let best = ';';
  let bestScore = 0;
  let bestAnomalies = Infinity;
  for (let m = 0; m < 4; m++) {
    const d = DELIMITERS[m]!;
    // A delimiter absent from the sample splits nothing.
    // (searched backwards from the sample's end: a large file is not searched past it)
    if (text.lastIndexOf(d, n - 1) < 0) continue;
    const all = counts[m]!;
    if (!(empty & (1 << m)) && all.length < 200) all.push(fields[m]!);
    const filled = all.filter((x) => x > 0);
    const freq = new Map<number, number>();
    for (const x of filled) if (x > 1) freq.set(x, (freq.get(x) ?? 0) + 1);
    let mode = 0;
    let score = 0;
    for (const [x, f] of freq) if (f > score || (f === score && x > mode)) [mode, score] = [x, f];
    if (m === 1 && score > 0 && filled[0] === 1 && commasAreDecimals(text)) continue;
    if (score > bestScore || (score === bestScore && score > 0 && anomalies[m]! < bestAnomalies)) {
      best = d;
      bestScore = score;
      bestAnomalies = anomalies[m]!;
    }
  }
  if (bestScore === 0) {
    // One column: pick a delimiter absent from the text so that nothing is split.
    for (const d of DELIMITERS) if (!text.includes(d)) return d;
  }
  return best;
}

/** True when every comma outside quoted fields sits between two digits (`12,5`). */
function commasAreDecimals(text: string): boolean {
  const sample = text.slice(0, 65536).replace(/"(?:[^"]|"")*"/g, '""');
  const all = sample.match(/,/g)?.length ?? 0;
  const between = sample.match(/\d,\d/g)?.length ?? 0;
  return all > 0 && between === all;
}
