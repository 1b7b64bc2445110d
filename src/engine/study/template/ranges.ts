/**
 * Worksheet ranges as data: a rectangle on a named sheet (0-based columns, 1-based rows, as
 * Excel numbers rows), and its A1 text with the sheet name always quoted ('Vars'!$D$1:$D$2745),
 * which Excel accepts for any sheet name, Chinese included.
 *
 * @example
 * rangeText({ sheet: "Vars", c0: 3, c1: 3, r0: 1, r1: 2745 })   // "'Vars'!$D$1:$D$2745"
 * columnLetters(27)                                            // "AB"
 */
export interface RangeRef {
  readonly sheet: string;
  readonly c0: number;
  readonly c1: number;
  readonly r0: number;
  readonly r1: number;
}

export function columnLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cellText = (c: number, r: number): string => `$${columnLetters(c)}$${r}`;

export const quotedSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

export function rangeText(ref: RangeRef): string {
  const a = cellText(ref.c0, ref.r0);
  const b = cellText(ref.c1, ref.r1);
  return `${quotedSheet(ref.sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** The same columns, other rows. */
export const withRows = (ref: RangeRef, r0: number, r1: number): RangeRef => ({ ...ref, r0, r1 });
