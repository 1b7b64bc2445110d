import { valueError } from "../errors";

/**
 * What counts as a missing value, in one place for every face (CLI, custom functions,
 * taskpane): empty cells (`""`, `null`, `undefined`), the tokens `NA` and `.`, and Excel
 * error values — as literals (`#N/A`, `#DIV/0!`, …) or as error objects handed to custom
 * functions. Everything else must be a finite number or numeric text.
 */
const MISSING_TOKENS = new Set(["", "NA", "N/A", ".", "NaN"]);
const EXCEL_ERROR_LITERALS = new Set([
  "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

/** True for an Excel error literal such as `#N/A`. */
export const isExcelErrorLiteral = (s: string): boolean => EXCEL_ERROR_LITERALS.has(s.trim().toUpperCase());

/** True for an error object as Excel passes it to a custom function (shape varies by host). */
export const isErrorObject = (v: unknown): boolean =>
  typeof v === "object" && v !== null &&
  ("errorCode" in v || "code" in v || (v as { type?: unknown }).type === "Error" || v instanceof Error);

/** True when the cell holds no data by CityPanel's rules. */
export function isMissingCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "number") return Number.isNaN(v);
  if (typeof v === "string") {
    const s = v.trim();
    return MISSING_TOKENS.has(s) || isExcelErrorLiteral(s);
  }
  return isErrorObject(v);
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell's text as a number: NaN when missing, `undefined` when it is not a number. */
export function numberFromText(text: string): number | undefined {
  const s = text.trim();
  if (MISSING_TOKENS.has(s) || isExcelErrorLiteral(s)) return NaN;
  return NUMERIC_TEXT.test(s) ? Number(s) : undefined;
}

/** A value as quoted in a message: at most ~60 characters, the rest replaced by "…". */
export const cutForMessage = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** The error for text in a numeric column; `row` is the row the user sees (header = row 1). */
export const notNumberError = (column: string, row: number, text: string) =>
  valueError(
    `column "${column}", row ${row}: "${cutForMessage(text)}" is not a number`,
    `列“${column}”第 ${row} 行：“${cutForMessage(text)}”不是数值`,
  );

/**
 * Parse one cell as a number. Missing cells give NaN (CityPanel's internal "missing").
 * Text that is not a number, booleans and infinities are errors naming the column and
 * the 1-based data row, because silently treating them as 0 or missing changes results.
 *
 * @example
 * parseNumericCell(" 2.5 ", "gov", 3)  // 2.5
 * parseNumericCell("#N/A", "gov", 3)   // NaN (missing)
 * parseNumericCell("abc", "gov", 3)    // throws: column "gov", row 3: "abc" is not a number
 */
export function parseNumericCell(v: unknown, column: string, row: number): number {
  if (isMissingCell(v)) return NaN;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      throw valueError(
        `column "${column}", row ${row}: ${v} is not a finite number`,
        `列“${column}”第 ${row} 行：${v} 不是有限数值`,
      );
    }
    return v;
  }
  if (typeof v === "string") {
    const x = numberFromText(v);
    if (x !== undefined) return x;
    throw notNumberError(column, row, v);
  }
  throw valueError(
    `column "${column}", row ${row}: ${typeof v === "boolean" ? String(v).toUpperCase() : typeof v} is not a number`,
    `列“${column}”第 ${row} 行：${typeof v === "boolean" ? String(v).toUpperCase() : typeof v} 不是数值`,
  );
}

/** Parse one id cell (city, year, cluster): text or number; missing gives null. */
export function parseIdCell(v: unknown): string | null {
  if (isMissingCell(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return String(v);
  return null;
}
