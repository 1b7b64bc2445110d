import { valueError } from "../../errors";

const QUOTE = 34, LF = 10, CR = 13;
/** Delimiters recognised from the header line, in order of preference on a tie. */
export const DELIMITERS = [",", ";", "\t", "|"] as const;

/** End of the first record (index of its line break, or -1 if none yet), outside quotes. */
export function firstRecordEnd(b: Uint8Array): number {
  let inQuotes = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}

/** The delimiter the header line uses most often (outside quotes); "," when none occurs. */
export function detectDelimiter(line: Uint8Array): number {
  const counts = DELIMITERS.map(() => 0);
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === QUOTE) { inQuotes = !inQuotes; continue; }
    if (inQuotes) continue;
    const k = codes.indexOf(c);
    if (k >= 0) counts[k]++;
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return codes[best];
}

/** A `--delimiter` value: one character, or the words tab/comma/semicolon/pipe. */
export function delimiterFromOption(v: string): number {
  const words: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";", pipe: "|" };
  const d = words[v.toLowerCase()] ?? v;
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") {
    throw valueError(
      `--delimiter must be one character such as , ; | or tab, got "${v}"`,
      `--delimiter 须为单个字符，如 , ; | 或 tab，实为“${v}”`,
    );
  }
  return d.charCodeAt(0);
}

/** Split one record's text (no line break) into fields: quotes as in RFC 4180, `""` inside quotes is `"`. */
export function splitRecord(text: string, delimiter: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) { field += text.slice(i); i = text.length; break; }
        field += text.slice(i, q);
        if (text[q + 1] === '"') { field += '"'; i = q + 2; } else { i = q + 1; break; }
      }
      const d = text.indexOf(delimiter, i);
      field += text.slice(i, d < 0 ? text.length : d);
      i = d < 0 ? text.length : d;
    } else {
      const d = text.indexOf(delimiter, i);
      field = text.slice(i, d < 0 ? text.length : d);
      i = d < 0 ? text.length : d;
    }
    out.push(field);
    if (i >= text.length) return out;
    i += delimiter.length;
  }
}
