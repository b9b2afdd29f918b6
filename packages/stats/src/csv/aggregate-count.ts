// aggregateCsv's second half: counting every record under the decisions, and what is settled at the end of the file.
import {EpnDataError} from '../errors.js';
import type {Table, Value} from '../table.js';
import {cleanLabel, looseKey} from '../text.js';
import {
  columnIndex,
  CrossTabAccumulator,
  planCrossTab,
  type AxisKey,
  type CellMark,
  type CrossTab,
} from '../stats/cross-tab.js';
import {decodeWindows1252} from './decode.js';
import {markerKind, markerTable, type MarkerKind} from './markers.js';
import {guessDecimal, numberShape, type DecimalSeparator} from './number.js';
import {columnType, DECIMAL_WINDOW, parseCsv, tableWidth, typesOption, type ParseOptions} from './parse.js';
import {
  asciiBlank,
  HIGH,
  INCOMPLETE,
  Interner,
  QUOTED,
  RecordScanner,
  REST_HIGH,
  REST_TEXT,
  TEXT,
  UNTERMINATED,
} from './records.js';
import {sniffDelimiter} from './scan.js';
import type {AggregateOptions} from './aggregate.js';
import {crossTabOptions} from './aggregate-options.js';
import type {ByteEncoding, Decisions} from './aggregate-sample.js';
import {
  cellText,
  decimalLike,
  fastNumber,
  hasControls,
  IS_CODE,
  NOT_FAST,
  noteLike,
  safeText,
  validUtf8,
} from './byte-cells.js';

/** Kinds of a cell for column typing, as parseCsv counts them: skipped (empty, marker), number, code, text, other. */
const SKIP = 0;
const NUMBER = 1;
const CODE = 2;
const TEXTUAL = 3;
const OTHER = 4;

/** A cell read as parseCsv reads it in a numeric column: its value and its kind (see above). */
interface NumberCell {
  n: number | null;
  kind: number;
  /** An empty cell or a marker (`s`, `n.d.`): its kind and text, as parseCsv records it. */
  mark?: CellMark;
}

/**
 * Counts records into raw groups (distinct raw cell of `rows` × distinct raw cell of `columns`), from the first byte
 * of the file, under the sample's decisions; settles the others at the end.
 */
export class Counter {
  readonly #table: Table;
  readonly #delimiter: number;
  #encoding: ByteEncoding;
  #provisional: boolean;
  #flipped = false;
  readonly #cut: number;
  readonly #whole: boolean;
  readonly #utf8 = new TextDecoder('utf-8', {ignoreBOM: true});
  readonly #markers: Map<string, MarkerKind>;
  readonly #fastNumbers: boolean;
  readonly #r: number;
  readonly #c: number;
  readonly #v: number;
  /** The width of the sample's table: parseCsv's cells per row, if the end confirms it. */
  readonly #width: number;
  readonly #dataLines: number[];
  #dataAt = 0;
  readonly #headerLine: number;
  readonly #headerRows: number;
  #headerLeft = 0;
  #headerWidth = 0;

  // The decimal separator: parseCsv guesses it from the first 100 000 cells of its rows.
  #decimal: DecimalSeparator = ',';
  #decimalFinal: boolean;
  #windowCells = 0;
  /** The window's cells that could hold a decimal separator: ASCII ones as text, the others as bytes. */
  readonly #candidates: Array<string | Uint8Array> = [];
  /**
   * The data rows whose count waits for the decimal separator, seven numbers each: raw group, row and column ids,
   * line, the value cell's flags (−1: no value cell), its bytes' start and end in `#held`.
   */
  #deferred: number[] = [];
  #held = new Uint8Array(0);
  #heldUsed = 0;
  #decimalEncodingSensitive = false;

  // Input.
  readonly #scanner: RecordScanner;
  #buf: Uint8Array = new Uint8Array(0);
  #pos = 0;
  /** Offset in the file of `buf[0]`. */
  #base = 0;
  #waiting: Uint8Array[] = [];
  /** Two buffers used in turn to join what is left of a chunk to the next ones (no garbage per chunk). */
  readonly #scratch = [new Uint8Array(0), new Uint8Array(0)];
  #turn = 0;
  #waitingBytes = 0;
  #needed = 0;
  #skip: number;
  #unterminatedAt = 0;
  #nulAfter = false;

  // Counts.
  readonly #R = new Interner();
  readonly #C: Interner;
  readonly #rowPairs: number[][] = [];
  #pairs = 0;
  readonly #pR: number[] = [];
  readonly #pC: number[] = [];
  readonly #pCount: number[] = [];
  readonly #pSum: (number | null)[] = [];
  readonly #pNulls: number[] = [];
  /** Per raw group, the first marker among its unknown counts. */
  readonly #pMarks: (CellMark | undefined)[] = [];
  readonly #pLines: number[][] = [];
  #fit = 0;
  #over = 0;
  readonly #wider = new Map<number, number>();
  #vNumbers = 0;
  #vTexts = 0;
  #vCodes = 0;
  #vRefused = 0;
  #vMarked = 0;
  #vFractional = 0;
  /** The one width of the value column's numbers as written, −1 before the first, −2 once two differ. */
  #vWidth = -1;
  /** A blank cell or a count read differently in UTF-8 and windows-1252 (matters only if the file is not UTF-8). */
  #encodingSensitive = false;
  #pending: Array<{bytes: Uint8Array; line: number}> = [];

  // Counting in file order under the sample's decisions (with `value` only: sums of decimals depend on their order).
  readonly #acc0: CrossTabAccumulator | null = null;
  readonly #provR: AxisKey[] = [];
  readonly #provC: AxisKey[] = [];

  readonly #decisions: Decisions;
  readonly #parse: ParseOptions;
  readonly #options: AggregateOptions;

  constructor(decisions: Decisions, parse: ParseOptions, options: AggregateOptions) {
    this.#decisions = decisions;
    this.#parse = parse;
    this.#options = options;
    const {table, encoding, provisional, cut, whole, decimal} = decisions;
    const {meta, columns} = table;
    this.#table = table;
    this.#delimiter = meta.delimiter.charCodeAt(0);
    this.#scanner = new RecordScanner(this.#delimiter);
    this.#encoding = encoding;
    this.#provisional = provisional;
    this.#cut = cut;
    this.#whole = whole;
    this.#decimalFinal = decimal !== null;
    if (decimal !== null) this.#decimal = decimal;
    this.#markers = markerTable(parse.markers);
    // Plain numbers are read from their bytes unless a marker is written like one (`0`, `1,5`; not `..`, `...`).
    this.#fastNumbers = ![...this.#markers.keys()].some((k) => /^\d+([.,]\d+)?$/.test(k));
    this.#r = columnIndex(columns, options.rows);
    this.#c = columnIndex(columns, options.columns);
    this.#v = options.value !== undefined ? columnIndex(columns, options.value) : -1;
    this.#C = this.#c === this.#r ? this.#R : new Interner();
    this.#width = columns.length;
    this.#dataLines = meta.rowLines;
    this.#headerLine = meta.headerLine;
    this.#headerRows = meta.headerRows;
    this.#skip = meta.bom ? 3 : 0;
    if (this.#v >= 0) {
      try {
        this.#acc0 = new CrossTabAccumulator(
          planCrossTab(columns, meta.types, (j) => table.rows.map((row) => row[j]!), crossTabOptions(options)),
        );
      } catch {
        // The sample's column types do not fit the options: the raw groups will be counted at the end.
      }
    }
  }

  /**
   * Takes a chunk: looks for NUL bytes past the sample when they matter (control characters in the first 65 536
   * characters, which hold those read in windows-1252 if the file turns out not to be UTF-8), then reads its whole
   * records.
   */
  push(chunk: Uint8Array): void {
    const offset = this.#base + this.#buf.length + this.#waitingBytes;
    if (
      this.#decisions.controls.text &&
      offset + chunk.length > this.#cut &&
      (offset >= this.#cut ? chunk : chunk.subarray(this.#cut - offset)).indexOf(0) >= 0
    )
      this.#nulAfter = true;
    this.#waiting.push(chunk);
    this.#waitingBytes += chunk.length;
    // A record longer than what is buffered is read again only once the buffer has doubled (linear time).
    if (this.#buf.length - this.#pos + this.#waitingBytes > this.#needed) this.#read(false);
  }

  #read(eof: boolean): void {
    if (this.#unterminatedAt) return;
    let buf = this.#buf;
    let pos = this.#pos;
    if (this.#waiting.length) {
      if (pos === buf.length && this.#waiting.length === 1) {
        this.#base += buf.length;
        buf = this.#waiting[0]!;
      } else {
        const rest = buf.length - pos;
        const size = rest + this.#waitingBytes;
        let joined = this.#scratch[this.#turn]!;
        if (joined.length < size)
          joined = this.#scratch[this.#turn] = new Uint8Array(Math.max(size, 2 * joined.length));
        this.#turn ^= 1;
        joined = joined.subarray(0, size);
        joined.set(buf.subarray(pos));
        let at = rest;
        for (const w of this.#waiting) {
          joined.set(w, at);
          at += w.length;
        }
        this.#base += pos;
        buf = joined;
      }
      pos = 0;
      this.#waiting = [];
      this.#waitingBytes = 0;
    }
    if (this.#skip) {
      const k = Math.min(this.#skip, buf.length - pos);
      pos += k;
      this.#skip -= k;
    }
    const sc = this.#scanner;
    const len = buf.length;
    while (pos < len) {
      const next = sc.next(buf, pos, eof);
      if (next === INCOMPLETE) break;
      if (next === UNTERMINATED) {
        this.#unterminatedAt = sc.unterminatedAt;
        if (this.#provisional && !validUtf8(buf, pos, len)) this.#flip();
        pos = len;
        break;
      }
      this.#record(buf, pos);
      pos = next;
    }
    this.#buf = buf;
    this.#pos = pos;
    this.#needed = 2 * (len - pos);
  }

  #flip(): void {
    this.#provisional = false;
    this.#flipped = true;
    this.#encoding = 'windows-1252';
  }

  /** One record of the file: header, data row, or a record after the sample's last data row (maybe a note). */
  #record(buf: Uint8Array, at: number): void {
    const sc = this.#scanner;
    const line = sc.recordLine;
    if (this.#provisional && this.#base + sc.end[sc.n - 1]! > this.#decisions.valid!) {
      // Past the bytes the sample decoded: is the file still valid UTF-8?
      for (let j = 0; j < sc.n; j++) {
        if (sc.flags[j]! & (HIGH | REST_HIGH) && !validUtf8(buf, sc.start[j]!, sc.end[j]!)) {
          this.#flip();
          break;
        }
      }
    }
    if (this.#dataAt < this.#dataLines.length) {
      if (line === this.#dataLines[this.#dataAt]) {
        this.#dataAt++;
        this.#row(sc, buf, line);
      } else if (line === this.#headerLine || this.#headerLeft > 0) {
        if (line === this.#headerLine) this.#headerLeft = this.#headerRows;
        this.#headerWidth = Math.max(this.#headerWidth, this.#effWidth(sc, buf));
        this.#headerLeft--;
      }
      return;
    }
    if (this.#whole) return;
    // Past the sample's data rows: a record with one filled cell, or starting like a note, may be a note under the
    // table; it is held until a plain data row follows (then it is data), or the file ends (then parseCsv decides).
    let first = -1;
    let filled = 0;
    for (let j = 0; j < sc.n && filled < 2; j++) {
      if (!this.#blank(sc, buf, j)) {
        if (first < 0) first = j;
        filled++;
      }
    }
    if (!filled) return;
    if (filled === 1 || noteLike(sc, buf, first)) {
      this.#pending.push({bytes: buf.slice(at, sc.end[sc.n - 1]!), line});
      return;
    }
    if (this.#pending.length) this.#flushPending(this.#pending.length);
    this.#row(sc, buf, line);
  }

  /** Counts the first `count` held records as data rows. */
  #flushPending(count: number): void {
    const held = this.#pending.splice(0, count);
    const sc = new RecordScanner(this.#delimiter);
    for (const {bytes, line} of held) {
      sc.next(bytes, 0, true);
      this.#row(sc, bytes, line);
    }
  }

  /** Whether field `j` reads as blank (`cell.trim() === ''`). */
  #blank(sc: RecordScanner, buf: Uint8Array, j: number): boolean {
    const f = sc.flags[j]!;
    const s = sc.start[j]!;
    const e = sc.end[j]!;
    if (f & QUOTED ? f & (TEXT | REST_TEXT) : !asciiBlank(buf, s, e)) return false;
    if (!(f & (HIGH | REST_HIGH))) return true;
    const bytes = buf.subarray(s, e);
    const blank = this.#text(bytes).trim() === '';
    if (this.#provisional && blank !== (this.#text(bytes, 'windows-1252').trim() === ''))
      this.#encodingSensitive = true;
    return blank;
  }

  #effWidth(sc: RecordScanner, buf: Uint8Array): number {
    let w = sc.n;
    while (w > 0 && this.#blank(sc, buf, w - 1)) w--;
    return w;
  }

  #text(bytes: Uint8Array, encoding: ByteEncoding = this.#encoding): string {
    return cellText(bytes, encoding, this.#utf8);
  }

  /** One data row: its width, the raw cells of `rows` and `columns`, its count. */
  #row(sc: RecordScanner, buf: Uint8Array, line: number): void {
    const w = this.#effWidth(sc, buf);
    if (w <= this.#headerWidth) this.#fit++;
    else {
      this.#over++;
      this.#wider.set(w, (this.#wider.get(w) ?? 0) + 1);
    }
    if (!this.#decimalFinal) this.#decimalCells(sc, buf);
    const idR = this.#intern(this.#R, sc, buf, this.#r);
    const idC = this.#c === this.#r ? idR : this.#intern(this.#C, sc, buf, this.#c);
    let pairsOfRow = this.#rowPairs[idR];
    if (!pairsOfRow) pairsOfRow = this.#rowPairs[idR] = [];
    let p = pairsOfRow[idC];
    if (p === undefined) {
      p = pairsOfRow[idC] = this.#pairs++;
      this.#pR.push(idR);
      this.#pC.push(idC);
      this.#pCount.push(0);
      this.#pSum.push(0);
      this.#pNulls.push(0);
      this.#pMarks.push(undefined);
      this.#pLines.push([]);
    }
    if (this.#pCount[p]!++ < 5) this.#pLines[p]!.push(line);
    if (this.#v < 0) return;
    const j = this.#v;
    const has = j < sc.n;
    if (this.#decimalFinal)
      this.#count(
        p,
        idR,
        idC,
        line,
        has ? buf : null,
        has ? sc.start[j]! : 0,
        has ? sc.end[j]! : 0,
        has ? sc.flags[j]! : 0,
      );
    else {
      const s = has ? sc.start[j]! : 0;
      const at = this.#heldUsed;
      const end = at + (has ? sc.end[j]! : 0) - s;
      if (end > this.#held.length) {
        const held = new Uint8Array(2 * end);
        held.set(this.#held);
        this.#held = held;
      }
      for (let i = at; i < end; i++) this.#held[i] = buf[s + i - at]!;
      this.#heldUsed = end;
      this.#deferred.push(p, idR, idC, line, has ? sc.flags[j]! : -1, at, end);
    }
  }

  /** Adds a row's count (the value cell `buf[s, e)`, or none) to its raw group, and to the running cross-tab. */
  #count(
    p: number,
    idR: number,
    idC: number,
    line: number,
    buf: Uint8Array | null,
    s: number,
    e: number,
    flags: number,
  ): void {
    const cell = buf ? this.#valueCell(buf, s, e, flags) : EMPTY_CELL;
    const n = cell.n;
    if (cell.kind === NUMBER) {
      this.#vNumbers++;
      if (n! % 1 !== 0) this.#vFractional++;
      if (this.#vWidth !== -2 && buf) {
        // The number's length as written, from its bytes (spaces and quotes aside; numbers are ASCII).
        let a = s;
        let b = e;
        while (a < b && (buf[a] === 32 || buf[a] === 34)) a++;
        while (b > a && (buf[b - 1] === 32 || buf[b - 1] === 34)) b--;
        this.#vWidth = this.#vWidth === -1 || this.#vWidth === b - a ? b - a : -2;
      }
    } else if (cell.kind === CODE) this.#vCodes++;
    else if (cell.kind === TEXTUAL) this.#vTexts++;
    else if (cell.kind === OTHER) this.#vRefused++;
    else if (cell.mark && cell.mark.kind !== 'empty') this.#vMarked++;
    const sum = this.#pSum[p]!;
    this.#pSum[p] = sum === null || n === null ? null : sum + n;
    if (n === null) {
      this.#pNulls[p]!++;
      this.#pMarks[p] ??= cell.mark;
    }
    if (this.#acc0)
      this.#acc0.add(
        this.#provisionalKey(idR, false),
        this.#provisionalKey(idC, true),
        n,
        line,
        n === null ? cell.mark : undefined,
      );
  }

  /** The key of a raw cell under the sample's column types and the encoding known so far. */
  #provisionalKey(id: number, columns: boolean): AxisKey {
    const keys = columns ? this.#provC : this.#provR;
    let key = keys[id];
    if (key === undefined) {
      const j = columns ? this.#c : this.#r;
      const value = this.#valueOf(
        (columns ? this.#C : this.#R).bytes(id),
        this.#table.meta.types[j] === 'number',
        this.#encoding,
      ).value;
      key = keys[id] = this.#acc0!.keyOf(value, columns);
    }
    return key;
  }

  /** Counts the row's cells towards parseCsv's decimal guess (its first 100 000 cells, `width` per row). */
  #decimalCells(sc: RecordScanner, buf: Uint8Array): void {
    for (let j = 0; j < this.#width && this.#windowCells < DECIMAL_WINDOW; j++) {
      this.#windowCells++;
      if (j >= sc.n) continue;
      const s = sc.start[j]!;
      const e = sc.end[j]!;
      // An ASCII cell reads the same in both encodings: told at once; the others when the encoding is known.
      if (!decimalLike(buf, s, e)) continue;
      this.#candidates.push(
        sc.flags[j]! & (HIGH | REST_HIGH) ? buf.slice(s, e) : cellText(buf, 'utf-8', this.#utf8, s, e),
      );
    }
    if (this.#windowCells >= DECIMAL_WINDOW) this.#settleDecimal();
  }

  /** Guesses the decimal separator as parseCsv does, then counts the rows that waited for it. */
  #settleDecimal(): void {
    const guess = (encoding: ByteEncoding) =>
      guessDecimal(this.#candidates.map((c) => (typeof c === 'string' ? c : this.#text(c, encoding))));
    this.#decimal = guess(this.#encoding) ?? ',';
    if (
      this.#provisional &&
      this.#candidates.some((c) => typeof c !== 'string') &&
      guess('windows-1252') !== this.#decimal
    )
      this.#decimalEncodingSensitive = true;
    this.#decimalFinal = true;
    this.#candidates.length = 0;
    const d = this.#deferred;
    this.#deferred = [];
    for (let k = 0; k < d.length; k += 7)
      this.#count(
        d[k]!,
        d[k + 1]!,
        d[k + 2]!,
        d[k + 3]!,
        d[k + 4]! < 0 ? null : this.#held,
        d[k + 5]!,
        d[k + 6]!,
        d[k + 4]!,
      );
  }

  #intern(interner: Interner, sc: RecordScanner, buf: Uint8Array, j: number): number {
    return j < sc.n ? interner.intern(buf, sc.start[j]!, sc.end[j]!) : interner.intern(buf, 0, 0);
  }

  /** A cell of the value column (`buf[s, e)`), as parseCsv reads a numeric column. */
  #valueCell(buf: Uint8Array, s: number, e: number, flags: number): NumberCell {
    if (e === s) return EMPTY_CELL;
    // Plain digits, or plain digits in quotes and nothing else (`"2019"`; a quote left inside is not a digit).
    const q = flags & QUOTED ? 1 : 0;
    if (this.#fastNumbers && !(flags & HIGH) && e - s > 2 * q) {
      const fast = fastNumber(buf, s + q, e - q, this.#decimal);
      if (fast !== NOT_FAST) return fast === IS_CODE ? CODE_CELL : {n: fast, kind: NUMBER};
    }
    const bytes = buf.subarray(s, e);
    const cell = this.#numberCell(this.#text(bytes));
    if (this.#provisional && flags & (HIGH | REST_HIGH)) {
      const other = this.#numberCell(this.#text(bytes, 'windows-1252'));
      if (!Object.is(other.n, cell.n) || other.kind !== cell.kind) this.#encodingSensitive = true;
    }
    return cell;
  }

  /** A cell as parseCsv reads it in a numeric column (`text`: the field with its quotes undone). */
  #numberCell(text: string): NumberCell {
    const cell = text.trim();
    if (!cell) return EMPTY_CELL;
    const marker = markerKind(this.#markers, cell);
    if (marker) return {n: null, kind: SKIP, mark: {kind: marker, raw: cell}};
    const shape = numberShape(cell, this.#decimal);
    if (shape.kind === 'number') return {n: shape.value, kind: NUMBER};
    return shape.kind === 'code' ? CODE_CELL : shape.kind === 'text' ? TEXT_CELL : OTHER_CELL;
  }

  /** The value of a raw cell in a numeric or a text column, and its kind for typing. */
  #valueOf(bytes: Uint8Array, numeric: boolean, encoding: ByteEncoding): {value: Value; kind: number} {
    const text = this.#text(bytes, encoding);
    const cell = this.#numberCell(text);
    if (numeric) return {value: cell.n, kind: cell.kind};
    const trimmed = text.trim();
    return {value: trimmed ? cleanLabel(trimmed) : null, kind: cell.kind};
  }

  /** Reads what is left, settles every end-of-file decision and returns the cross-tab. */
  end(): CrossTab {
    this.#read(true);
    let columns = this.#table.columns;
    if (this.#flipped) columns = this.#checkFlip();
    const {controls} = this.#decisions;
    if (
      this.#nulAfter &&
      (this.#flipped && controls.cp1252 ? hasControls(decodeWindows1252(controls.cp1252)) : controls.text)
    ) {
      throw new EpnDataError('NOT_TEXT', {detail: 'un fichier binaire', detailEn: 'a binary file'});
    }
    if (this.#unterminatedAt) throw new EpnDataError('UNTERMINATED_QUOTE', {line: this.#unterminatedAt});
    if (this.#pending.length) this.#flushPending(this.#dataPending());
    if (!this.#decimalFinal) this.#settleDecimal();
    if (this.#flipped && (this.#encodingSensitive || this.#decimalEncodingSensitive)) throw mixedEncodings();
    this.#checkWidth(columns.length);

    // Column types, as parseCsv decides them over the whole column.
    const types = [...this.#table.meta.types];
    const forced = typesOption(this.#parse.types);
    const typeOf = (
      j: number,
      numbers: number,
      texts: number,
      codes: number,
      refused: number,
      marked: number,
      fractional: number,
      width: number,
    ) =>
      columnType(
        this.#table.meta.header,
        columns,
        j,
        {numbers, texts, codes, refused, marked, fractional, numberWidth: width >= 0 ? width : -1},
        forced?.get(looseKey(columns[j]!)),
      );
    /** The type of column `j` (`rows` or `columns`) from the kinds of its distinct raw cells, by occurrences. */
    const axisType = (j: number, interner: Interner, byPair: number[]) => {
      const occurrences = new Array<number>(interner.size).fill(0);
      for (let p = 0; p < this.#pairs; p++) occurrences[byPair[p]!]! += this.#pCount[p]!;
      // Kinds as above, a sixth count: skipped cells that are markers (not blank), a seventh: numbers with decimals.
      const k = [0, 0, 0, 0, 0, 0, 0];
      let width = -1;
      for (let id = 0; id < interner.size; id++) {
        if (!occurrences[id]) continue;
        const bytes = interner.bytes(id);
        const {kind, value} = this.#valueOf(bytes, true, this.#encoding);
        k[kind]! += occurrences[id]!;
        if (kind === SKIP && bytes.some((b) => b > 0x20)) k[5]! += occurrences[id]!;
        if (typeof value === 'number' && value % 1 !== 0) k[6]! += occurrences[id]!;
        if (kind === NUMBER) width = widthOf(this.#text(bytes).trim(), width);
      }
      types[j] = typeOf(j, k[NUMBER]!, k[TEXTUAL]!, k[CODE]!, k[OTHER]!, k[5]!, k[6]!, width);
    };
    axisType(this.#r, this.#R, this.#pR);
    if (this.#c !== this.#r) axisType(this.#c, this.#C, this.#pC);
    if (this.#v >= 0)
      types[this.#v] = typeOf(
        this.#v,
        this.#vNumbers,
        this.#vTexts,
        this.#vCodes,
        this.#vRefused,
        this.#vMarked,
        this.#vFractional,
        this.#vWidth,
      );

    // The distinct raw cells' values, in order of first appearance; then the plan and their keys.
    const values = (interner: Interner, j: number) => {
      const out: Value[] = [];
      for (let id = 0; id < interner.size; id++)
        out.push(this.#valueOf(interner.bytes(id), types[j] === 'number', this.#encoding).value);
      return out;
    };
    const valuesR = values(this.#R, this.#r);
    const valuesC = this.#c === this.#r ? valuesR : values(this.#C, this.#c);
    const plan = planCrossTab(
      columns,
      types,
      (j) => (j === this.#r ? valuesR : valuesC),
      crossTabOptions(this.#options),
    );
    const acc = new CrossTabAccumulator(plan);
    const keysR = valuesR.map((x) => acc.keyOf(x, false));
    const keysC = valuesC.map((x) => acc.keyOf(x, true));
    const same = (keys: AxisKey[], prov: AxisKey[]) => keys.every((k, i) => k === prov[i]);
    if (this.#acc0 && same(keysR, this.#provR) && same(keysC, this.#provC)) {
      // Every raw cell has the key the sample gave it: the counts added in file order stand.
      return this.#acc0.finish(plan);
    }
    for (let p = 0; p < this.#pairs; p++) {
      const count = this.#pCount[p]!;
      acc.addGroup(
        keysR[this.#pR[p]!]!,
        keysC[this.#pC[p]!]!,
        this.#v >= 0 ? this.#pSum[p]! : count,
        count,
        this.#pNulls[p]!,
        this.#pLines[p]!,
        this.#pMarks[p],
      );
    }
    return acc.finish();
  }

  /**
   * How many held records are data rather than notes under the table: parseCsv decides, on a header, a plain data
   * row and the held records.
   */
  #dataPending(): number {
    const d = String.fromCharCode(this.#delimiter);
    const name = ['k', 'q', 'z'].find((x) => x !== d)!;
    const one = ['1', '2', '3'].find((x) => x !== d)!;
    const texts = this.#pending.map(({bytes}) =>
      safeText(this.#encoding === 'utf-8' ? this.#utf8.decode(bytes) : decodeWindows1252(bytes)),
    );
    const probe = parseCsv(`${name}${d}${name}\n${one}${d}${one}\n${texts.join('\n')}`, {delimiter: d, headerRows: 1});
    return probe.rows.length - 1;
  }

  /** The file is windows-1252 after all: parseCsv's decisions on its first records must be the same. */
  #checkFlip(): string[] {
    const before = this.#table;
    const {head, sniffed} = this.#decisions;
    if (!head.length) return before.columns;
    const after = parseCsv(head, {...this.#parse, delimiter: before.meta.delimiter, encoding: 'windows-1252'});
    const o = this.#options;
    const same =
      (!sniffed.length || sniffDelimiter(decodeWindows1252(sniffed)) === before.meta.delimiter) &&
      after.meta.headerRows === before.meta.headerRows &&
      after.meta.headerLine === before.meta.headerLine &&
      after.columns.length === before.columns.length &&
      after.meta.rowLines.length === before.meta.rowLines.length &&
      after.meta.rowLines.every((l, i) => l === before.meta.rowLines[i]) &&
      columnIndex(after.columns, o.rows) === this.#r &&
      columnIndex(after.columns, o.columns) === this.#c &&
      (o.value === undefined || columnIndex(after.columns, o.value) === this.#v);
    if (!same) throw mixedEncodings();
    return after.columns;
  }

  /** parseCsv's rule: the header's width, widened only when most data rows are wider. It must be the sample's. */
  #checkWidth(width: number): void {
    const final = tableWidth(this.#headerWidth, this.#fit, this.#over, this.#wider);
    if (final !== width) {
      throw new EpnDataError('UNEXPECTED_SHAPE', {
        detail: `la plupart des lignes ont ${final} cellules mais l'en-tête et les premières lignes en ont ${width} ; complétez l'en-tête`,
        detailEn: `most rows have ${final} cells but the header and the first rows have ${width}; complete the header`,
      });
    }
  }
}

/** The running width of a column's numbers: −1 before the first, then their one length, −2 once two differ. */
function widthOf(cell: string, width: number): number {
  return width === -1 || width === cell.length ? cell.length : -2;
}

const EMPTY_CELL: NumberCell = {n: null, kind: SKIP, mark: {kind: 'empty', raw: ''}};
const CODE_CELL: NumberCell = {n: null, kind: CODE};
const TEXT_CELL: NumberCell = {n: null, kind: TEXTUAL};
const OTHER_CELL: NumberCell = {n: null, kind: OTHER};

function mixedEncodings(): EpnDataError {
  return new EpnDataError('UNEXPECTED_SHAPE', {
    detail: `le fichier mêle deux encodages (UTF-8 puis Windows-1252) ; réenregistrez-le en UTF-8`,
    detailEn: `the file mixes two encodings (UTF-8, then Windows-1252); save it again as UTF-8`,
  });
}
