/**
 * What the task pane puts into a cell — and the one rule that keeps a label a label: only
 * CityPanel's own formulas (the study template's, marked with `ownFormula`) are written as
 * formulas. Every other string — indicator labels, column headers, table text, provenance,
 * which may come from mapping settings saved in a shared workbook — is written as text.
 *
 * Excel reads a string written through `Range.values` or `Range.formulas` as if typed: one
 * that begins with "=", "+", "-" or "@" becomes a formula (`=HYPERLINK(…)` would go live).
 * The pane therefore prefixes such strings, and strings beginning with an apostrophe, with
 * Excel's own quote prefix "'" — exactly what a user types to enter text: Excel stores the
 * rest as text and does not show the apostrophe. (The cells are also formatted as text, "@".)
 *
 * @example
 * asTextCell("=HYPERLINK(\"http://x\")")  // "'=HYPERLINK(\"http://x\")"
 * asTextCell("0.0999***")                   // "0.0999***" (unchanged)
 * rangeInput(ownFormula("=CITYPANEL.FEREG(A1:A9,B1:B9)"))  // "=CITYPANEL.FEREG(A1:A9,B1:B9)"
 */
export interface OwnFormula {
  readonly ownFormula: string;
}

/** Mark a formula CityPanel built itself (from the study template) as one to write as a formula. */
export const ownFormula = (text: string): OwnFormula => ({ ownFormula: text });

export const isOwnFormula = (v: unknown): v is OwnFormula =>
  typeof v === "object" && v !== null && typeof (v as OwnFormula).ownFormula === "string";

/** Strings Excel would read as a formula (or whose own leading apostrophe it would swallow). */
const READ_AS_FORMULA = /^[=+\-@']/;

/** A string as Excel must receive it to store it as that text. */
export const asTextCell = (s: string): string => (READ_AS_FORMULA.test(s) ? `'${s}` : s);

/** A grid cell as it goes into `Range.values` / `Range.formulas`. */
export function rangeInput(v: string | number | OwnFormula): string | number {
  if (isOwnFormula(v)) return v.ownFormula;
  return typeof v === "number" ? v : asTextCell(v);
}
