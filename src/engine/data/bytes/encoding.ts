import { valueError } from "../../errors";

/** The text encodings the byte reader accepts (names as the WHATWG Encoding standard spells them). */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

const ALIASES: Record<string, TextEncodingName> = {
  "utf-8": "utf-8", utf8: "utf-8",
  "utf-16le": "utf-16le", utf16le: "utf-16le", "utf-16": "utf-16le", utf16: "utf-16le",
  "utf-16be": "utf-16be", utf16be: "utf-16be",
  gb18030: "gb18030", gbk: "gb18030", gb2312: "gb18030", cp936: "gb18030",
};

/** Normalise an `--encoding` value; unknown names are an error listing the accepted ones. */
export function encodingFromName(name: string): TextEncodingName {
  const e = ALIASES[name.trim().toLowerCase()];
  if (!e) {
    throw valueError(
      `unknown encoding "${name}" (use utf-8, utf-16le, utf-16be or gb18030; gbk and gb2312 read as gb18030)`,
      `未知编码“${name}”（可用 utf-8、utf-16le、utf-16be 或 gb18030；gbk、gb2312 按 gb18030 读取）`,
    );
  }
  return e;
}

/** What the first bytes of a text file say: the encoding a byte-order mark names, and its length. */
export function byteOrderMark(b: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * UTF-16 saved without a byte-order mark, told by its zero bytes: text whose characters are
 * mostly ASCII (a CSV's digits, commas and line breaks) has a zero in every other byte — the
 * odd ones in little-endian, the even ones in big-endian. Looks at the first 512 bytes.
 */
export function utf16WithoutBom(b: Uint8Array): TextEncodingName | null {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.5 && even === 0) return "utf-16le";
  if (even >= pairs * 0.5 && odd === 0) return "utf-16be";
  return null;
}

/**
 * True when `b` is valid UTF-8, allowing a multi-byte character cut off at the end (the
 * sample is a prefix of the file). ASCII runs are checked a byte at a time, which is fast
 * enough for the prefix this is used on.
 */
export function looksUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) {
      // a character cut off by the end of the sample: check what is there
      for (let k = i + 1; k < n; k++) if ((b[k] & 0xc0) !== 0x80) return false;
      return true;
    }
    for (let k = 1; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    if (c === 0xe0 && b[i + 1] < 0xa0) return false; // overlong
    if (c === 0xed && b[i + 1] > 0x9f) return false; // surrogates
    if (c === 0xf0 && b[i + 1] < 0x90) return false; // overlong
    if (c === 0xf4 && b[i + 1] > 0x8f) return false; // > U+10FFFF
    i += need + 1;
  }
  return true;
}

/**
 * A streaming converter from `encoding` to UTF-8 bytes (identity for UTF-8). The byte
 * tokenizer works on UTF-8 only: in GB18030 a second byte can be `|` or `\`, and UTF-16 puts
 * a zero byte in every ASCII character, so those files are converted chunk by chunk first.
 */
export function toUtf8Stream(encoding: TextEncodingName): (chunk: Uint8Array, last: boolean) => Uint8Array {
  if (encoding === "utf-8") return (chunk) => chunk;
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  let offset = 0;
  return (chunk, last) => {
    try {
      return encoder.encode(decoder.decode(chunk, { stream: !last }));
    } catch {
      // Node's streaming GB18030 decoder throws on some invalid sequences instead of replacing them
      throw valueError(
        `the file is not valid ${encoding} text (near byte ${offset}); check its encoding or pass --encoding`,
        `文件不是有效的 ${encoding} 文本（约第 ${offset} 字节处）；请检查编码或使用 --encoding 指定`,
      );
    } finally {
      offset += chunk.length;
    }
  };
}
