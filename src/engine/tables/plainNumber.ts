import { groupDigits } from "./groupDigits";

/**
 * A table cell's text that is a plain decimal number ("2744", "0.8490", "-3.1662") as the
 * number a sheet should hold and the number format that shows it with the same digits, so
 * spreadsheet writers store numbers (no "number stored as text" flags, usable in formulas)
 * that look exactly like the text tables. Coefficients with stars, "(0.0080)", "[0.0000]",
 * "Yes" or a label stay text: undefined.
 *
 * The number is the printed (rounded) value itself, so the format never has to round: what
 * Excel, LibreOffice or the task pane shows is the text, digit for digit.
 *
 * @example
 * plainNumber("0.8060")     // { value: 0.806, format: "0.0000" }
 * plainNumber("2744")       // { value: 2744, format: "0" }
 * plainNumber("0.4200***")  // undefined
 * plainNumber("-0.0000")    // undefined (a number would lose the minus sign)
 * plainNumber("2 744")      // { value: 2744, format: "0 000" } (digits grouped as ./groupDigits does)
 * plainNumber("-3.166 2")   // { value: -3.1662, format: "0.000 0" }
 */
export interface PlainNumber {
  readonly value: number;
  readonly format: string;
}

const PLAIN = /^-?\d+(?:\.(\d+))?$/;

export function plainNumber(text: string | number): PlainNumber | undefined {
  if (typeof text !== "string") return undefined;
  if (text.includes(" ")) return groupedNumber(text);
  const m = PLAIN.exec(text);
  if (!m || text.replace(/^-/, "").replace(".", "").length > 15) return undefined;
  // "-0.0000" (a small negative rounded) would show as 0.0000 from a number: keep the sign as text
  if (text.startsWith("-") && Number(text) === 0) return undefined;
  return { value: Number(text), format: m[1] ? `0.${"0".repeat(m[1].length)}` : "0" };
}

/**
 * A number grouped exactly as groupDigits groups it: the format repeats the text's grouping,
 * each digit a "0" and each space a literal space (Excel and LibreOffice show a space in a
 * number format as is, so "0.000 0" shows 0.0571 as "0.057 1").
 */
function groupedNumber(text: string): PlainNumber | undefined {
  const bare = text.replace(/ /g, "");
  const plain = plainNumber(bare);
  if (!plain || groupDigits(bare) !== text) return undefined;
  return { value: plain.value, format: text.replace(/^-/, "").replace(/\d/g, "0") };
}
