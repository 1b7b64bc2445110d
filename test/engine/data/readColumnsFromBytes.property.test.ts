/**
 * Property: whatever the bytes (random, or CSV-like text in any encoding with any delimiter
 * and any chunking), the byte reader and the columns taken from it either work or throw the
 * project's typed input error (CityPanelError → exit 2), never anything else.
 */
import fc from "fast-check";
import * as iconv from "iconv-lite";
import { readColumnsFromBytesSync } from "../../../src/engine/data/bytes/readColumnsFromBytes";
import { tableIds, tableNumeric } from "../../../src/engine/data/table";
import { isCityPanelError } from "../../../src/engine/errors";

const ALPHABET = ["a", "1", "2", ".", "-", "e", ",", ";", "\t", "|", '"', "\n", "\r", " ", "中", "市", "N", "A", "#", "/", "\u00a0", "\u3000", "\uFEFF"];
const ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030"] as const;

function encode(text: string, e: (typeof ENCODINGS)[number]): Uint8Array {
  switch (e) {
    case "utf-8": return Buffer.from(text, "utf8");
    case "utf-8-bom": return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf-16le-bom": return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    case "utf-16be-bom": return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
    default: return iconv.encode(text, "gb18030");
  }
}

function chunked(b: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let p = 0; p < b.length; p += size) out.push(b.slice(p, p + size));
  return out;
}

/** Read, then use every column as numbers and as ids; only CityPanelError may escape. */
function readAndUse(chunks: Uint8Array[], opts: { encoding?: string; delimiter?: string }): void {
  try {
    const t = readColumnsFromBytesSync(chunks, opts);
    for (const name of t.names) {
      try { tableNumeric(t, name); } catch (e) { if (!isCityPanelError(e)) throw e; }
      tableIds(t, name);
    }
  } catch (e) {
    if (!isCityPanelError(e)) throw e;
  }
}

const options = fc.record({
  encoding: fc.option(fc.constantFrom("utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "latin1"), { nil: undefined }),
  delimiter: fc.option(fc.constantFrom(",", ";", "\t", "|", "tab", "::"), { nil: undefined }),
});

describe("byte reader: never anything but a typed input error", () => {
  test("random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 64 }), options, (b, size, opts) => {
      readAndUse(chunked(b, size), opts);
    }), { numRuns: 400 });
  });
  test("CSV-like text in any encoding, delimiter and chunking", () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 300 }).map((a) => a.join(""));
    fc.assert(fc.property(text, fc.constantFrom(...ENCODINGS), fc.integer({ min: 1, max: 64 }), options, (s, e, size, opts) => {
      readAndUse(chunked(encode(s, e), size), opts);
    }), { numRuns: 400 });
  });
});
