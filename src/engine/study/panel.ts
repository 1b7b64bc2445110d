import { IdColumn, NumericColumn } from "../data/columns";
import { valueError } from "../errors";
import { EntropyResult } from "../index/entropy";
import { PcaResult } from "../index/pca";

/**
 * The study's working data: the id columns (city, year, agglomeration) and every variable
 * by name — the user's columns and the ones the study derives (inn, ln controls, iv1, cap …).
 */
export interface StudyPanel {
  readonly n: number;
  readonly city: IdColumn;
  readonly year: IdColumn;
  readonly agglomeration?: IdColumn;
  readonly vars: Map<string, NumericColumn>;
  /** The entropy-weight index of the indicators: Table 1's weights, the outcome. */
  readonly entropy: EntropyResult;
  /** The PCA composite of the same indicators (Table 5's inn_2). */
  readonly pca: PcaResult;
}

/** A variable of the panel, or an error naming it. */
export function panelVar(p: StudyPanel, name: string): NumericColumn {
  const v = p.vars.get(name);
  if (!v) throw valueError(`the study needs a variable "${name}" that the panel does not have`, `研究需要变量“${name}”，但面板中没有`);
  return v;
}

/** Add (or replace) a derived variable. */
export function setVar(p: StudyPanel, name: string, values: Float64Array): NumericColumn {
  const c = { name, values };
  p.vars.set(name, c);
  return c;
}

/** A copy of the panel restricted to rows where keep[i] = 1 (ids keep their codes). */
export function subsetPanel(p: StudyPanel, keep: Uint8Array): StudyPanel {
  const rows: number[] = [];
  for (let i = 0; i < p.n; i++) if (keep[i]) rows.push(i);
  const takeNum = (c: NumericColumn): NumericColumn => ({ name: c.name, values: Float64Array.from(rows, (i) => c.values[i]) });
  const takeId = (c: IdColumn): IdColumn => ({ name: c.name, levels: c.levels, codes: Int32Array.from(rows, (i) => c.codes[i]) });
  const vars = new Map<string, NumericColumn>();
  for (const [k, c] of p.vars) vars.set(k, takeNum(c));
  return { n: rows.length, city: takeId(p.city), year: takeId(p.year), agglomeration: p.agglomeration && takeId(p.agglomeration), vars, entropy: p.entropy, pca: p.pca };
}
