import { JournalTable } from "./journalTable";

/**
 * Digit grouping as Chinese journals print numbers (GB/T 15835, GB 3101; the paper's tables:
 * "2 744", "10.505 3", "0.154 5***"): digits in groups of three counted from the decimal point,
 * both ways, separated by a space; a group of four or more integer digits is split, decimals are
 * split after every third place. Stars, brackets and signs around a number are kept.
 *
 * Only whole number tokens are grouped: digits inside a name ("inn_1", "IV_2", "ln2") are not.
 *
 * @example
 * groupDigits("2744")            // "2 744"
 * groupDigits("-3.1662***")      // "-3.166 2***"
 * groupDigits("(0.000000049)")   // "(0.000 000 049)"
 * groupDigits("655.8783 {16.3800}") // "655.878 3 {16.380 0}"
 * groupDigits("inn_1")           // "inn_1"
 */
export function groupDigits(text: string): string {
  return text.replace(NUMBER_TOKEN, (_, int: string, frac: string | undefined) => groupInteger(int) + (frac === undefined ? "" : `.${groupFraction(frac)}`));
}

/** Decimals only ("33.3928%" → "33.392 8%"), for label columns where a bare integer may be a name or a year. */
export function groupDecimals(text: string): string {
  return text.replace(NUMBER_TOKEN, (whole: string, int: string, frac: string | undefined) => (frac === undefined ? whole : `${groupInteger(int)}.${groupFraction(frac)}`));
}

// a number not glued to a letter, digit, "_" or "." on either side
const NUMBER_TOKEN = /(?<![\p{L}\p{N}_.])(\d+)(?:\.(\d+))?(?![\p{L}\p{N}_.])/gu;

const groupInteger = (d: string): string => (d.length < 4 ? d : d.replace(/\B(?=(\d{3})+$)/g, " "));
const groupFraction = (d: string): string => d.replace(/(\d{3})(?=\d)/g, "$1 ");

/**
 * A table with its numbers grouped: every body cell outside the label columns, and the decimals
 * inside the label columns (Table 1's "创新绩效 (33.392 8%)"). Headers, titles and notes keep
 * their digits ("(1)", years in a note).
 */
export function groupTableDigits(tbl: JournalTable): JournalTable {
  const labels = new Set(tbl.leftColumns ?? [0]);
  return { ...tbl, body: tbl.body.map((row) => row.map((cell, j) => (labels.has(j) ? groupDecimals(cell) : groupDigits(cell)))) };
}
