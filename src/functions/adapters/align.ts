import { isMissingCell } from "../../engine/data/cell";
import { labelKeyOf } from "../labels";
import { flatCells, Spill } from "./common";

/**
 * Align a journal column ([label, value] pairs) to given row labels, so that models with
 * different regressors or fixed effects sit side by side on the same rows.
 *
 * A label naming a term (or N, R², "city FE" …) gets its value; a "" label right after a
 * label gets the value printed beneath it (the SE in parentheses, the KP LM p-value, the
 * Stock–Yogo value); unknown labels get "". Fixed labels match in English or Chinese. A 0 in
 * the labels counts as blank (some Excel builds pass blank cells as 0).
 *
 * @example
 * alignColumn([["variable", "inn"], ["digit", "0.1***"], ["", "(0.01)"], ["N", 10]],
 *             [["variable"], ["_cons"], [""], ["digit"], [""], ["N"]])
 * // [["inn"], [""], [""], ["0.1***"], ["(0.01)"], [10]]
 */
export function alignColumn(pairs: readonly (readonly [string, string | number])[], rowlabels: unknown): Spill {
  const labels = flatCells(rowlabels).map(labelText);
  const value = new Map<string, string | number>();
  const beneath = new Map<string, string | number>();
  for (let i = 0; i < pairs.length; i++) {
    const [l, v] = pairs[i];
    if (l === "") continue;
    const k = keyOf(l);
    if (!value.has(k)) value.set(k, v);
    if (i + 1 < pairs.length && pairs[i + 1][0] === "" && !beneath.has(k)) beneath.set(k, pairs[i + 1][1]);
  }
  const out: Spill = [];
  let prev: string | undefined;
  for (const l of labels) {
    if (l === "") {
      out.push([prev !== undefined ? beneath.get(prev) ?? "" : ""]);
      prev = undefined;
    } else {
      prev = keyOf(l);
      out.push([value.get(prev) ?? ""]);
    }
  }
  return out;
}

const keyOf = (l: string): string => {
  const k = labelKeyOf(l);
  return k ? `#${k}` : l.trim();
};

function labelText(v: unknown): string {
  if (isMissingCell(v) || v === 0) return "";
  return String(v).trim();
}
