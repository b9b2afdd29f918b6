// The byte-level half of the streaming reader (see aggregate.ts): a CSV record splitter over bytes, and an interner
// of raw cells. Both work on any ASCII-compatible encoding (UTF-8, windows-1252): every byte that matters to the
// CSV structure (delimiter, quote, CR, LF) is ASCII, and no byte of a multi-byte UTF-8 character is.

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Field flag: the quoted content holds a byte that is not ASCII white space (unquoted fields: see {@link asciiBlank}). @internal */
export const TEXT = 1;
/** Field flag: the field (its quoted content) holds a byte ≥ 0x80, which may or may not be white space. @internal */
export const HIGH = 2;
/** Field flag: text after a closing quote holds a byte that is not ASCII white space. @internal */
export const REST_TEXT = 4;
/** Field flag: text after a closing quote holds a byte ≥ 0x80. @internal */
export const REST_HIGH = 8;
/** Field flag: the field starts with a quote. @internal */
export const QUOTED = 16;

/** Whether `buf[s, e)` has no ASCII byte other than white space (bytes ≥ 0x80 aside). @internal */
export function asciiBlank(buf: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const b = buf[k]!;
    if (b < 128 && b !== 32 && (b < 9 || b > 13)) return false;
  }
  return true;
}

/** {@link RecordScanner.next}: the buffer ends inside the record (more bytes are needed). @internal */
export const INCOMPLETE = -1;
/** {@link RecordScanner.next}: the file ends inside a quoted field (see `unterminatedAt`). @internal */
export const UNTERMINATED = -2;

/**
 * Splits CSV records out of bytes: the one tokenizer of the core, under both `parseCsv` and `aggregateCsv`. A quote
 * opens a field only at its very start; `""` inside quotes is a quote; line ends inside quotes belong to the field;
 * CRLF, LF and CR all end a record outside quotes; text between a closing quote and the next delimiter is kept in
 * the field unless it is white space. It counts lines as `normaliseLines` does. A record is read only when whole:
 * {@link next} answers {@link INCOMPLETE} when the buffer ends inside it (or on a CR whose next byte is unknown), so
 * chunks can be split anywhere. @internal
 */
export class RecordScanner {
  /** Fields of the last record read. */
  n = 0;
  /** Per field: first byte, end (exclusive), flags. */
  start = new Int32Array(16);
  end = new Int32Array(16);
  flags = new Uint8Array(16);
  /** 1-based line where the next record starts. */
  #line = 1;
  /** 1-based line where the last record read starts. */
  recordLine = 1;
  /** 1-based line of a quote never closed (after {@link UNTERMINATED}). */
  unterminatedAt = 0;
  /** Line ends outside quotes so far, by kind. */
  crlf = 0;
  lf = 0;
  cr = 0;

  readonly #delimiter: number;

  constructor(delimiter: number) {
    this.#delimiter = delimiter;
  }

  #grow(): void {
    this.start = doubled(this.start);
    this.end = doubled(this.end);
    this.flags = doubled(this.flags);
  }

  /**
   * Reads the record starting at `pos`; returns the position just past it (past its line end), {@link INCOMPLETE},
   * or {@link UNTERMINATED} (only when `eof`). Call it only with `pos < buf.length`.
   */
  next(buf: Uint8Array, pos: number, eof: boolean): number {
    const len = buf.length;
    const d = this.#delimiter;
    let i = pos;
    let line = this.#line;
    let n = 0;
    for (;;) {
      if (n === this.start.length) this.#grow();
      const s = i;
      let flags = 0;
      if (i < len && buf[i] === QUOTE) {
        flags = QUOTED;
        const open = line;
        i++;
        for (;;) {
          if (i >= len) {
            if (!eof) return INCOMPLETE;
            this.unterminatedAt = open;
            return UNTERMINATED;
          }
          const q = buf[i]!;
          if (q === QUOTE) {
            if (i + 1 >= len && !eof) return INCOMPLETE;
            if (buf[i + 1] !== QUOTE) break;
            flags |= TEXT;
            i += 2;
            continue;
          }
          if (q > 32) flags |= q < 128 ? TEXT : HIGH;
          else if (q === LF) line++;
          else if (q === CR) {
            if (i + 1 >= len && !eof) return INCOMPLETE;
            if (buf[i + 1] !== LF) line++;
          } else if (q !== 32 && (q < 9 || q > 13)) flags |= TEXT;
          i++;
        }
        i++;
        while (i < len) {
          const q = buf[i]!;
          if (q === d || q === LF || q === CR) break;
          if (q > 32) flags |= q < 128 ? REST_TEXT : REST_HIGH;
          else if (q !== 32 && (q < 9 || q > 13)) flags |= REST_TEXT;
          i++;
        }
      } else {
        // The hot loop: an unquoted field. Its TEXT flag is left to the reader (see `unquotedBlank`).
        let or = 0;
        while (i < len) {
          const q = buf[i]!;
          if (q === d || q === LF || q === CR) break;
          or |= q;
          i++;
        }
        if (or & 128) flags = HIGH;
      }
      if (i >= len && !eof) return INCOMPLETE;
      this.start[n] = s;
      this.end[n] = i;
      this.flags[n] = flags;
      n++;
      if (i < len && buf[i] === d) {
        i++;
        continue;
      }
      if (i < len) {
        // A line end: CRLF, LF or CR.
        if (buf[i] === CR) {
          if (i + 1 >= len && !eof) return INCOMPLETE;
          if (buf[i + 1] === LF) {
            this.crlf++;
            i += 2;
          } else {
            this.cr++;
            i++;
          }
        } else {
          this.lf++;
          i++;
        }
      }
      this.n = n;
      this.recordLine = this.#line;
      this.#line = line + 1;
      return i;
    }
  }
}

/** A copy of `a` twice as long (zeros after its content). */
function doubled<T extends Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/** FNV-1a over bytes. */
function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

/**
 * Gives each distinct byte string (a raw cell) a small integer id, in order of first appearance, without making a
 * string of it: memory grows with the number of distinct cells, not of rows. @internal
 */
export class Interner {
  #pool = new Uint8Array(4096);
  #used = 0;
  #offsets = new Int32Array(256);
  #lengths = new Int32Array(256);
  #hashes = new Int32Array(256);
  #table = new Int32Array(1024);
  /** How many distinct byte strings so far (ids are 0 … size − 1). */
  size = 0;

  /** The id of `buf[s, e)`, a new one (equal to the previous `size`) when it was never seen. */
  intern(buf: Uint8Array, s: number, e: number): number {
    const h = hashBytes(buf, s, e);
    const mask = this.#table.length - 1;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const at = this.#table[slot]!;
      if (at === 0) break;
      const id = at - 1;
      if (this.#hashes[id] === h && this.#lengths[id] === len) {
        const o = this.#offsets[id]!;
        const pool = this.#pool;
        let k = 0;
        while (k < len && pool[o + k] === buf[s + k]) k++;
        if (k === len) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    if (id === this.#offsets.length) {
      this.#offsets = doubled(this.#offsets);
      this.#lengths = doubled(this.#lengths);
      this.#hashes = doubled(this.#hashes);
    }
    if (this.#used + len > this.#pool.length) {
      const pool = new Uint8Array(Math.max(this.#pool.length * 2, this.#used + len));
      pool.set(this.#pool.subarray(0, this.#used));
      this.#pool = pool;
    }
    this.#pool.set(buf.subarray(s, e), this.#used);
    this.#offsets[id] = this.#used;
    this.#lengths[id] = len;
    this.#hashes[id] = h;
    this.#used += len;
    this.#table[slot] = id + 1;
    if (this.size * 2 > this.#table.length) this.#rehash();
    return id;
  }

  /** The bytes of an id (a view: copy it to keep it). */
  bytes(id: number): Uint8Array {
    const o = this.#offsets[id]!;
    return this.#pool.subarray(o, o + this.#lengths[id]!);
  }

  #rehash(): void {
    const table = new Int32Array(this.#table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.#hashes[id]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.#table = table;
  }
}
