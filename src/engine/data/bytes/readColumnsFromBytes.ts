import { valueError } from "../../errors";
import { headerNames, noColumnError } from "../table";
import { ColumnRequest, ColumnUse, TypedTable } from "../typedTable";
import { CsvColumnParser, NotUtf8Error } from "./csvColumns";
import { byteOrderMark, encodingFromName, looksUtf8, TextEncodingName, toUtf8Stream, utf16WithoutBom } from "./encoding";
import { delimiterFromOption, detectDelimiter, firstRecordEnd, splitRecord } from "./header";

/** Bytes to read: one buffer, a list of chunks, or a function that (re)opens a chunk stream. */
export type ByteSource = Uint8Array | readonly Uint8Array[] | (() => Iterable<Uint8Array> | AsyncIterable<Uint8Array>);

export interface ReadColumnsOptions {
  /** The columns to read and how; default every column, used as `defaultUse`. */
  readonly columns?: readonly ColumnRequest[];
  /** How to read every column when `columns` is not given (default "both": numbers and ids). */
  readonly defaultUse?: ColumnUse;
  /** `--encoding`: utf-8, utf-16le, utf-16be, gb18030 (gbk); default: detect. */
  readonly encoding?: string;
  /** `--delimiter`: one character or tab/comma/semicolon/pipe; default: detect from the header line. */
  readonly delimiter?: string;
  /** The total size in bytes, when known: sizes the columns and the progress report. */
  readonly totalBytes?: number;
  /** Called after each chunk with the rows and bytes read so far. */
  readonly onProgress?: (rows: number, bytes: number) => void;
}

export interface ReadColumnsResult extends TypedTable {
  readonly encoding: TextEncodingName;
  readonly delimiter: string;
}

/**
 * Read a delimited text file (CSV) into typed columns: the byte reader every face can use,
 * free of Node APIs (the CLI's file streaming is a thin wrapper in src/cli). Encoding: a BOM
 * (UTF-8, UTF-16 LE/BE) decides; then UTF-16 told by its zero bytes; otherwise UTF-8, or GB18030 when the bytes are not valid
 * UTF-8 (what Excel on Chinese Windows writes). Delimiter: `,` `;` tab or `|`, whichever the
 * header line uses most. Header row first; names as tableFromRows gives them.
 *
 * @example
 * const t = await readColumnsFromBytes(new TextEncoder().encode("id;y\na;1,5\n"), { delimiter: ";" });
 */
export async function readColumnsFromBytes(source: ByteSource, opts: ReadColumnsOptions = {}): Promise<ReadColumnsResult> {
  const forced = opts.encoding ? encodingFromName(opts.encoding) : undefined;
  const once = async (encoding: TextEncodingName | undefined) => {
    const reader = columnReader(encoding, opts);
    for await (const chunk of chunksOf(source)) reader.feed(chunk, false);
    return reader.finish();
  };
  try {
    return await once(forced);
  } catch (e) {
    if (e instanceof NotUtf8Error && forced === undefined) return once("gb18030");
    throw e;
  }
}

/** The same, synchronously, over chunks that are all at hand or read synchronously (the CLI's file reader). */
export function readColumnsFromBytesSync(source: Uint8Array | readonly Uint8Array[] | (() => Iterable<Uint8Array>), opts: ReadColumnsOptions = {}): ReadColumnsResult {
  const forced = opts.encoding ? encodingFromName(opts.encoding) : undefined;
  const chunks = (): Iterable<Uint8Array> => (source instanceof Uint8Array ? [source] : typeof source === "function" ? source() : source);
  const once = (encoding: TextEncodingName | undefined) => {
    const reader = columnReader(encoding, opts);
    for (const chunk of chunks()) reader.feed(chunk, false);
    return reader.finish();
  };
  try {
    return once(forced);
  } catch (e) {
    if (e instanceof NotUtf8Error && forced === undefined) return once("gb18030");
    throw e;
  }
}

async function* chunksOf(source: ByteSource): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) { yield source; return; }
  if (Array.isArray(source)) { yield* source as readonly Uint8Array[]; return; }
  yield* (source as () => Iterable<Uint8Array> | AsyncIterable<Uint8Array>)();
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** A copy (not `slice`: on a Node Buffer that is a view of memory the caller reuses). */
const copyOf = (b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(b.length);
  out.set(b);
  return out;
};

/** One pass over the bytes with a given (or detected) encoding: feed chunks, then finish. */
function columnReader(forced: TextEncodingName | undefined, opts: ReadColumnsOptions) {
  let encoding: TextEncodingName | undefined = forced;
  let toUtf8: ((b: Uint8Array, last: boolean) => Uint8Array) | undefined;
  let decode: (b: Uint8Array) => string = () => "";
  let pending: Uint8Array = new Uint8Array(0); // raw bytes before the encoding is known, then UTF-8 carry
  let parser: CsvColumnParser | undefined;
  let names: readonly string[] = [];
  let delimiter = 44;
  let bytesRead = 0;
  let reserved = false;

  const start = (raw: Uint8Array, last: boolean): Uint8Array => {
    const bom = byteOrderMark(raw);
    if (!encoding) encoding = bom?.encoding ?? utf16WithoutBom(raw) ?? (looksUtf8(raw) ? "utf-8" : "gb18030");
    const skip = bom && bom.encoding === encoding ? bom.length : 0;
    toUtf8 = toUtf8Stream(encoding);
    const fatal = encoding === "utf-8" && forced === undefined;
    const decoder = new TextDecoder("utf-8", { fatal, ignoreBOM: true });
    decode = fatal
      ? (b) => { try { return decoder.decode(b); } catch { throw new NotUtf8Error(); } }
      : (b) => decoder.decode(b);
    return toUtf8(raw.subarray(skip), last);
  };

  const header = (b: Uint8Array, last: boolean): number => {
    let end = firstRecordEnd(b);
    if (end < 0) { if (!last) return -1; end = b.length; }
    const line = b.subarray(0, end);
    delimiter = opts.delimiter !== undefined ? delimiterFromOption(opts.delimiter) : detectDelimiter(line);
    names = headerNames(splitRecord(decode(line), String.fromCharCode(delimiter)));
    const uses = new Map<number, ColumnUse>();
    if (opts.columns) {
      for (const r of opts.columns) {
        const j = names.indexOf(r.name);
        if (j < 0) throw noColumnError(r.name, names);
        const had = uses.get(j);
        uses.set(j, had === undefined || had === r.use ? r.use : "both");
      }
    } else names.forEach((_, j) => uses.set(j, opts.defaultUse ?? "both"));
    parser = new CsvColumnParser(names, uses, delimiter, decode, 4096);
    let p = end;
    if (b[p] === 13) p++;
    if (b[p] === 10) p++;
    return p;
  };

  const feed = (raw: Uint8Array, last: boolean) => {
    bytesRead += raw.length;
    let b: Uint8Array;
    if (!toUtf8) {
      pending = concat(pending, raw);
      if (pending.length < 4 && !last) { pending = copyOf(pending); return; }
      b = start(pending, last);
      pending = new Uint8Array(0);
    } else b = toUtf8(raw, last);
    if (!parser) {
      b = concat(pending, b);
      pending = new Uint8Array(0);
      const used = header(b, last);
      if (used < 0) { pending = copyOf(b); return; }
      b = b.subarray(used);
    } else if (pending.length > 0) {
      // finish the record cut at the end of the last chunk without copying the whole new
      // chunk: join only up to the new chunk's first line break, unless the record goes on
      const lf = b.indexOf(10);
      if (lf >= 0 && !last) {
        const joined = concat(pending, b.subarray(0, lf + 1));
        const used = parser.push(joined, false);
        b = used === joined.length ? b.subarray(lf + 1) : concat(joined.subarray(used), b.subarray(lf + 1));
      } else b = concat(pending, b);
    }
    const used = parser!.push(b, last);
    pending = used === b.length ? new Uint8Array(0) : copyOf(b.subarray(used));
    if (!reserved && opts.totalBytes && parser!.rows > 0) {
      // size the columns once, from the rows per byte of the first chunk (+2%)
      reserved = true;
      parser!.reserve(Math.ceil((parser!.rows / bytesRead) * opts.totalBytes * 1.02) + 64);
    }
    opts.onProgress?.(parser!.rows, bytesRead);
  };

  const finish = (): ReadColumnsResult => {
    feed(new Uint8Array(0), true);
    if (!parser || names.length === 0 || (names.length === 1 && names[0] === "column1" && parser.rows === 0)) {
      throw valueError("the file is empty", "文件为空");
    }
    const { columns, fileRows } = parser.finish();
    return { kind: "typed", names, rows: parser.rows, columns, fileRows, encoding: encoding!, delimiter: String.fromCharCode(delimiter) };
  };
  return { feed: (chunk: Uint8Array, last: boolean) => { if (chunk.length > 0 || last) feed(chunk, last); }, finish };
}
