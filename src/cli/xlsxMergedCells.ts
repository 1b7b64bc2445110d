/**
 * The merged ranges of a worksheet (`<mergeCell ref="A2:A15"/>`), seen while exceljs's streaming
 * reader parses the sheet's XML, which it does not report itself. A Chinese statistical export
 * often merges a city's name down its years: the whole-workbook reader gives every cell of the
 * range the top-left value, and the streaming reader must do the same, or those rows would read
 * as having no city.
 *
 * The watch wraps the sheet entry's byte stream (the WorksheetReader's `iterator`, exceljs 4.4.0):
 * chunks pass through unchanged and are searched for "mergeCell" with Buffer.indexOf, which
 * finds nothing in the cell data; the ranges come after `</sheetData>`, so only the tail of the
 * stream is read as text.
 *
 * @example
 * const merged = watchMergedCells(ws); // before iterating ws
 * for await (const row of ws) …
 * merged // [{ top: 2, left: 1, bottom: 5, right: 1 }] for A2:A5 (1-based rows and columns)
 */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

interface StreamedSheet {
  iterator: AsyncIterable<Uint8Array | string>;
}

const NEEDLE = "mergeCell";
const TAIL = 256; // bytes of the previous chunk kept: a tag split across two chunks is still whole
const MERGE_TAG = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"/g;

export function watchMergedCells(ws: unknown): MergedRange[] {
  const sheet = ws as StreamedSheet;
  if (!sheet || typeof sheet.iterator?.[Symbol.asyncIterator] !== "function") {
    throw new Error("internal: exceljs's worksheet reader has no byte iterator to watch (exceljs changed?)");
  }
  const found: MergedRange[] = [];
  const source = sheet.iterator;
  sheet.iterator = (async function* () {
    let text: string | null = null; // once "mergeCell" is seen: the rest of the stream as text
    let tail = "";
    for await (const chunk of source) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (text === null && (bytes.indexOf(NEEDLE) >= 0 || (tail + bytes.subarray(0, NEEDLE.length).toString("latin1")).includes(NEEDLE))) text = tail;
      if (text !== null) text = collect(text + bytes.toString("latin1"), found);
      else tail = bytes.subarray(Math.max(0, bytes.length - TAIL)).toString("latin1");
      yield chunk;
    }
  })();
  return found;
}

/** Add the complete tags of `text` to `found`; return what may still begin a tag. */
function collect(text: string, found: MergedRange[]): string {
  let end = 0;
  MERGE_TAG.lastIndex = 0;
  for (let m = MERGE_TAG.exec(text); m; m = MERGE_TAG.exec(text)) {
    const left = columnNumber(m[1]), top = Number(m[2]);
    const right = m[3] ? columnNumber(m[3]) : left, bottom = m[4] ? Number(m[4]) : top;
    found.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
    end = MERGE_TAG.lastIndex;
  }
  return text.slice(Math.max(end, text.length - TAIL));
}

/** "A" → 1, "Z" → 26, "AA" → 27. */
const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
