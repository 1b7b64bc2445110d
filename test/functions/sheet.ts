import { columnIndex, RawTable } from "../../src/engine/data/table";
import { referenceData } from "../support/reference";

/**
 * Worksheet ranges as Excel hands them to a custom function: row-major any[][], numbers as
 * numbers (CSV text converted, as Excel would have parsed it), with or without the header row.
 */
export function range(t: RawTable, names: readonly string[], opts: { header?: boolean; text?: boolean } = {}): unknown[][] {
  const js = names.map((n) => columnIndex(t, n));
  const out: unknown[][] = [];
  if (opts.header ?? true) out.push([...names]);
  for (let i = 0; i < t.rows; i++) {
    out.push(js.map((j) => {
      const v = t.columns[j][i];
      if (opts.text) return v;
      const s = String(v).trim();
      return s === "" ? "" : Number.isFinite(Number(s)) ? Number(s) : s;
    }));
  }
  return out;
}

export const panel = (): RawTable => referenceData("panel_public.csv");

export const CONTROLS = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"];

/** A copy of a range with cells changed: edits [row, col, value]. */
export function edit(r: unknown[][], ...edits: [number, number, unknown][]): unknown[][] {
  const c = r.map((row) => [...row]);
  for (const [i, j, v] of edits) c[i][j] = v;
  return c;
}

/** An error cell as a custom function may receive it (the shape varies by host). */
export const errorCell = (code = "#N/A") => ({ type: "Error", errorCode: code, message: code });
