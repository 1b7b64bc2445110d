import { valueError } from "../../errors";
import { numberFromText, parseIdCell } from "../cell";
import { ColumnUse, TypedColumn } from "../typedTable";
import { ByteKeyCodes } from "./byteKeyCodes";
import { DECIMAL_END, NOT_FAST, parseDecimalBytes, parseDecimalPrefix } from "./decimal";

const QUOTE = 34, LF = 10, CR = 13;
const NUM = 1, ID = 2;

/** A space, tab or line-break byte (an id with one at either end goes the general way: trimmed). */
const isSpaceByte = (x: number) => x === 32 || (x >= 9 && x <= 13);

/** Thrown when bytes taken as UTF-8 are not: the driver reads the file again as GB18030. */
export class NotUtf8Error extends Error {
  constructor() { super("not UTF-8"); }
}

/**
 * The CSV tokenizer: UTF-8 bytes → typed columns, record by record, without per-row objects
 * or per-cell strings. Numbers are parsed from the bytes (decimal.ts); ids are coded by a
 * byte-keyed hash table per column (byteKeyCodes.ts); only the asked-for columns are stored,
 * the others are skipped. A cell whose bytes are anything but a plain decimal (spaces, `NA`,
 * `#N/A`, text, long mantissas) is decoded and judged by the shared rules of cell.ts, so the
 * missing-value and error rules are exactly those of every other face.
 *
 * `push(bytes, last)` parses the complete records in `bytes` and returns how many bytes it
 * used; the caller keeps the rest (an unfinished record) and passes it again in front of the
 * next chunk. Row numbers in messages are the rows the user sees: header = row 1.
 */
export class CsvColumnParser {
  rows = 0;
  /** The file row (header = 1) of the record being read. */
  private fileRow = 2;
  private capacity: number;
  private readonly kinds: Uint8Array;
  private readonly values: (Float64Array | null)[];
  private readonly codes: (Int32Array | null)[];
  private readonly maps: (ByteKeyCodes | null)[];
  private readonly firstText: ({ row: number; text: string } | undefined)[];
  private fileRows: Int32Array | null = null;
  private scratch = new Uint8Array(256);

  constructor(
    private readonly names: readonly string[],
    uses: ReadonlyMap<number, ColumnUse>,
    private readonly delimiter: number,
    private readonly decode: (b: Uint8Array) => string,
    capacity: number,
  ) {
    const w = names.length;
    this.capacity = Math.max(16, capacity);
    this.kinds = new Uint8Array(w);
    this.values = new Array(w).fill(null);
    this.codes = new Array(w).fill(null);
    this.maps = new Array(w).fill(null);
    this.firstText = new Array(w).fill(undefined);
    for (const [j, use] of uses) {
      const k = use === "number" ? NUM : use === "id" ? ID : NUM | ID;
      this.kinds[j] = k;
      if (k & NUM) this.values[j] = new Float64Array(this.capacity);
      if (k & ID) { this.codes[j] = new Int32Array(this.capacity); this.maps[j] = new ByteKeyCodes(); }
    }
  }

  /** Parse the complete records of `b`; returns the number of bytes consumed. */
  push(b: Uint8Array, last: boolean): number {
    const n = b.length;
    const width = this.kinds.length;
    const kinds = this.kinds;
    const delim = this.delimiter;
    let p = 0;
    while (p < n) {
      const recStart = p;
      const first = b[p];
      if (first === LF || first === CR) { // a blank line: skipped, but it is a row the user sees
        if (first === CR && p + 1 >= n && !last) return recStart;
        p += first === CR && b[p + 1] === LF ? 2 : 1;
        this.fileRow++;
        this.noteSkippedRow();
        continue;
      }
      if (this.rows === this.capacity) this.grow();
      let col = 0;
      for (;;) {
        let s = p;
        let e: number;
        const k = col < width ? kinds[col] : 0;
        if (p < n && b[p] === QUOTE) {
          const end = this.quotedField(b, p, last);
          if (end < 0) return recStart;
          p = end;
          if (k !== 0) this.store(col, this.scratch, 0, this.scratchLength);
        } else if (k === NUM && this.firstText[col] === undefined && this.numberField(col, b, p, last)) {
          p = DECIMAL_END[0]; // the common case: a plain number, parsed while finding its end
        } else if (k === ID) {
          let h = 0x811c9dc5 | 0; // hash the id while finding its end
          while (p < n) {
            const c = b[p];
            if (c === delim || c === LF || c === CR) break;
            h = Math.imul(h ^ c, 0x01000193);
            p++;
          }
          if (p >= n && !last) return recStart;
          if (p > s && !isSpaceByte(b[s]) && !isSpaceByte(b[p - 1])) this.codes[col]![this.rows] = this.maps[col]!.codeHashed(b, s, p, h);
          else this.store(col, b, s, p);
        } else {
          while (p < n) {
            const c = b[p];
            if (c === delim || c === LF || c === CR) break;
            p++;
          }
          e = p;
          if (p >= n && !last) return recStart;
          if (k !== 0) this.store(col, b, s, e);
        }
        col++;
        if (p >= n) break;
        const c = b[p];
        if (c === delim) { p++; continue; }
        if (c === CR) {
          if (p + 1 >= n && !last) return recStart;
          p += b[p + 1] === LF ? 2 : 1;
        } else p++;
        break;
      }
      if (col !== width) throw this.widthError(col, width);
      if (this.fileRows) this.fileRows[this.rows] = this.fileRow;
      this.rows++;
      this.fileRow++;
    }
    return p;
  }

  private scratchLength = 0;

  /**
   * Parse a plain number at `p` and store it when the field ends right after it (delimiter,
   * line break, or the end of the last chunk); false leaves the field to the general path.
   */
  private numberField(col: number, b: Uint8Array, p: number, last: boolean): boolean {
    const n = b.length;
    const v = parseDecimalPrefix(b, p, n);
    if (v === NOT_FAST) return false;
    const q = DECIMAL_END[0];
    if (q < n) {
      const c = b[q];
      if (c !== this.delimiter && c !== LF && c !== CR) return false;
    } else if (!last) return false;
    this.values[col]![this.rows] = v;
    return true;
  }

  /** Read a quoted field starting at `p` into `scratch`; returns the index after it, or -1 if unfinished. */
  private quotedField(b: Uint8Array, p: number, last: boolean): number {
    const n = b.length;
    let len = 0;
    let i = p + 1;
    for (;;) {
      if (i >= n) {
        if (!last) return -1;
        throw valueError(
          `row ${this.fileRow}: a quoted value is not closed before the end of the file`,
          `第 ${this.fileRow} 行：引号括起的值直到文件末尾仍未闭合`,
        );
      }
      const c = b[i];
      if (c === QUOTE) {
        if (i + 1 < n && b[i + 1] === QUOTE) { len = this.put(len, QUOTE); i += 2; continue; }
        if (i + 1 >= n && !last) return -1;
        i++;
        break;
      }
      len = this.put(len, c);
      i++;
    }
    // text after the closing quote, up to the delimiter, is kept as it is
    while (i < n) {
      const c = b[i];
      if (c === this.delimiter || c === LF || c === CR) break;
      len = this.put(len, c);
      i++;
    }
    if (i >= n && !last) return -1;
    this.scratchLength = len;
    return i;
  }

  private put(len: number, c: number): number {
    if (len === this.scratch.length) {
      const next = new Uint8Array(len * 2);
      next.set(this.scratch);
      this.scratch = next;
    }
    this.scratch[len] = c;
    return len + 1;
  }

  private store(col: number, b: Uint8Array, s: number, e: number): void {
    const k = this.kinds[col];
    const row = this.rows;
    if (k & NUM) {
      let v = this.firstText[col] === undefined ? parseDecimalBytes(b, s, e) : NaN;
      if (v === NOT_FAST) v = this.slowNumber(col, b, s, e);
      this.values[col]![row] = v;
    }
    if (k & ID) {
      while (s < e && (b[s] === 32 || (b[s] >= 9 && b[s] <= 13))) s++;
      while (e > s && (b[e - 1] === 32 || (b[e - 1] >= 9 && b[e - 1] <= 13))) e--;
      this.codes[col]![row] = s === e ? -1 : this.maps[col]!.code(b, s, e);
    }
  }

  /**
   * A cell that is not a plain decimal: decode it and apply cell.ts's rules. Text is not an
   * error here (the column may serve as ids); the first one is kept, and using the column as
   * numbers reports it (tableNumeric). Numbers after it are not parsed.
   */
  private slowNumber(col: number, b: Uint8Array, s: number, e: number): number {
    const text = this.decode(b.subarray(s, e));
    const x = numberFromText(text);
    if (x !== undefined) return x;
    this.firstText[col] = { row: this.fileRow, text: text.length > 200 ? text.slice(0, 200) : text };
    return NaN;
  }

  /** Make room for `n` rows at once (the driver's estimate from the first chunk). */
  reserve(n: number): void {
    if (n > this.capacity) this.grow(n);
  }

  private widthError(fields: number, width: number): Error {
    const d = this.delimiter === 9 ? "tab" : String.fromCharCode(this.delimiter);
    return valueError(
      `row ${this.fileRow} has ${fields} field${fields === 1 ? "" : "s"} but the header has ${width} (fields separated by "${d}"; pass --delimiter if that is wrong)`,
      `第 ${this.fileRow} 行有 ${fields} 个字段，而表头有 ${width} 个（分隔符为“${d}”；如有误请用 --delimiter 指定）`,
    );
  }

  /** Blank lines shift file rows against data rows: from the first one on, keep the map. */
  private noteSkippedRow(): void {
    if (this.fileRows) return;
    this.fileRows = new Int32Array(this.capacity);
    for (let i = 0; i < this.rows; i++) this.fileRows[i] = i + 2;
  }

  private grow(to?: number): void {
    const cap = to ?? Math.ceil(this.capacity * 1.5) + 16;
    const f64 = (a: Float64Array | null) => { if (!a) return null; const x = new Float64Array(cap); x.set(a); return x; };
    const i32 = (a: Int32Array | null) => { if (!a) return null; const x = new Int32Array(cap); x.set(a); return x; };
    for (let j = 0; j < this.kinds.length; j++) { this.values[j] = f64(this.values[j]); this.codes[j] = i32(this.codes[j]); }
    this.fileRows = i32(this.fileRows);
    this.capacity = cap;
  }

  /** The typed columns, trimmed to the rows read; id levels decoded and merged by cell.ts's id rule. */
  finish(): { columns: Map<string, TypedColumn>; fileRows?: Int32Array } {
    const n = this.rows;
    const trimmed = <T extends Float64Array | Int32Array>(a: T): T => (a.length - n > 1024 + n / 16 ? (a.slice(0, n) as T) : (a.subarray(0, n) as T));
    const columns = new Map<string, TypedColumn>();
    for (let j = 0; j < this.kinds.length; j++) {
      const k = this.kinds[j];
      if (k === 0) continue;
      const name = this.names[j];
      const col: { name: string; values?: Float64Array; firstText?: { row: number; text: string }; codes?: Int32Array; levels?: string[] } = { name };
      if (k & NUM) { col.values = trimmed(this.values[j]!); if (this.firstText[j]) col.firstText = this.firstText[j]; }
      if (k & ID) Object.assign(col, this.decodeLevels(trimmed(this.codes[j]!), this.maps[j]!));
      columns.set(name, col);
    }
    return { columns, fileRows: this.fileRows ? this.fileRows.subarray(0, n) : undefined };
  }

  /**
   * Decode each level's bytes and apply parseIdCell (trim, missing tokens). Levels equal
   * after that (" a" vs "a" with a non-ASCII space, `NA`) are merged, keeping first appearance.
   */
  private decodeLevels(codes: Int32Array, map: ByteKeyCodes): { codes: Int32Array; levels: string[] } {
    const levels: string[] = [];
    const index = new Map<string, number>();
    const remap = new Int32Array(map.count);
    let changed = false;
    for (let c = 0; c < map.count; c++) {
      const id = parseIdCell(this.decode(map.level(c)));
      if (id === null) { remap[c] = -1; changed = true; continue; }
      let to = index.get(id);
      if (to === undefined) { to = levels.length; index.set(id, to); levels.push(id); }
      if (to !== c) changed = true;
      remap[c] = to;
    }
    if (changed) for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
    return { codes, levels };
  }
}
