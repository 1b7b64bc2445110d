import { valueError } from "../errors";
import { shown } from "../i18n/quote";

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

/** True for text that spells a number ("2.5", " -1e3 "), whether or not it fits a double. */
export const isNumericText = (s: string): boolean => NUMERIC_TEXT.test(s.trim());

/**
 * A cell's text as a number without throwing: NaN when missing, the number when the text
 * spells a finite one, `undefined` when parseNumericCell would refuse it (text, beyond double
 * precision). The byte reader judges the cells it cannot parse from bytes with this.
 */
export function numberFromText(text: string): number | undefined {
  const s = text.trim();
  if (MISSING_TOKENS.has(s) || isExcelErrorLiteral(s)) return NaN;
  if (!NUMERIC_TEXT.test(s)) return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * Parse one cell as a number. Missing cells give NaN (CityPanel's internal "missing").
 * Text that is not a number, booleans, infinities and numeric text beyond double precision
 * ("1e400") are errors naming the column and the row as the user sees it (`row`), because silently treating them as 0 or missing changes results.
 *
 * @example
 * parseNumericCell(" 2.5 ", "gov", 3)  // 2.5
 * parseNumericCell("#N/A", "gov", 3)   // NaN (missing)
 * parseNumericCell("abc", "gov", 3)    // throws: column "gov", row 3: "abc" is not a number
 */
export function parseNumericCell(v: unknown, column: string, row: number): number {
  if (isMissingCell(v)) return NaN;
  const place = { column, row };
  const col = shown(column);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) {
      throw valueError(`column "${col}", row ${row}: ${v} is not a finite number`, `列“${col}”第 ${row} 行：${v} 不是有限数值`, place);
    }
    return v;
  }
  if (typeof v === "string") {
    const s = v.trim();
    if (NUMERIC_TEXT.test(s)) {
      const x = Number(s);
      if (Number.isFinite(x)) return x;
      throw valueError(
        `column "${col}", row ${row}: "${shown(s)}" is beyond the range of double precision (about ±1.8e308)`,
        `列“${col}”第 ${row} 行：“${shown(s)}”超出双精度数值范围（约 ±1.8e308）`,
        place,
      );
    }
    throw valueError(`column "${col}", row ${row}: "${shown(v)}" is not a number`, `列“${col}”第 ${row} 行：“${shown(v)}”不是数值`, place);
  }
  const what = typeof v === "boolean" ? String(v).toUpperCase() : typeof v;
  throw valueError(`column "${col}", row ${row}: ${what} is not a number`, `列“${col}”第 ${row} 行：${what} 不是数值`, place);
}

/** Parse one id cell (city, year, cluster): text or number; missing gives null. */
export function parseIdCell(v: unknown): string | null {
  if (isMissingCell(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return String(v);
  return null;
}
