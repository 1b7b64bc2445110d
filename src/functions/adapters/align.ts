import { isMissingCell } from "../../engine/data/cell";
import { Bilingual, Lang, t } from "../../engine/i18n/lang";
import { SPILL_LABELS } from "../../engine/i18n/spillLabels";
import { LABELS } from "../../engine/i18n/tableLabels";
import { ModelColumn } from "../../engine/tables/modelColumn";
import { fixed, inBraces, inBrackets, inParens } from "../../engine/tables/numberFormat";
import { statKpF, statKpLM } from "../../engine/tables/regressionTable";
import { stars } from "../../engine/tables/stars";
import { labelKeyOf } from "../labels";
import { flatCells, Spill } from "./common";

/**
 * Align a journal column ([label, value] pairs) to given row labels, so that models with
 * different regressors or fixed effects sit side by side on the same rows, and so that a
 * sheet laid out as the paper prints its tables (results.xlsx of `citypanel study`) can be
 * filled by one formula per model column. The rules, for each label (English or Chinese):
 * - a regressor's name, ignoring case and spaces, with "_x_" read as "×" ("ln density" ↔
 *   lndensity, "digit × stage" ↔ digit_x_stage): its coefficient with stars; a "" label right
 *   after it gets the standard error in parentheses;
 * - 常数项 / Constant / _cons: the constant (pooled OLS, or reghdfe's mean-restoring constant
 *   beside absorbed fixed effects), its SE beneath;
 * - 控制变量 / Controls: 控制 / Yes when the model has regressors that no label names
 *   (unreported controls), else 未控制 / No;
 * - 城市固定效应 / City FE and 年份固定效应 / Year FE: the first and second column of the fe
 *   range, "<name> FE" the fe column of that name: 控制 / 未控制 (Yes / No), also without fe;
 * - 工具变量 / Instrument: in a first-stage column, the coefficient of the excluded instrument
 *   (when there is exactly one), its SE beneath;
 * - 样本量 / N / Observations: N; R²（整体） / R² (overall) / R²: the overall R² (4 decimals);
 *   R²（组内） / R² (within) / within R²: the within R²;
 * - Kleibergen-Paap rk LM and rk Wald F: on one line in a first-stage column as the paper
 *   prints them ("252.5141 [0.0000]", "655.8783 {16.3800}"), blank in a second-stage column;
 *   when a "" label follows, on two lines (value, then [p] or {Stock–Yogo 10%}) in either;
 * - any other label of the column's own labels (its "labels" output) gets its value, and
 *   unknown labels get "".
 * Yes/No words follow the label's language (a label with Chinese characters: 控制 / 未控制).
 * A 0 in the labels counts as blank (some Excel builds pass blank cells as 0).
 *
 * @example
 * alignColumn([["variable", "inn"], ["digit", "0.1***"], ["", "(0.01)"], ["N", 10]],
 *             [["variable"], ["_cons"], [""], ["digit"], [""], ["N"]])
 * // [["inn"], [""], [""], ["0.1***"], ["(0.01)"], [10]]
 */
export interface ColumnFacts {
  /** The model column results.xlsx prints (constant, fixed effects, N, R², KP statistics). */
  readonly model: ModelColumn;
  /** The excluded instruments of a first-stage column. */
  readonly instruments?: readonly string[];
}

type Cell = string | number;
interface Hit { readonly value: Cell; readonly below?: Cell }

export function alignColumn(pairs: readonly (readonly [string, Cell])[], rowlabels: unknown, facts?: ColumnFacts): Spill {
  const labels = flatCells(rowlabels).map(labelText);
  const value = new Map<string, Cell>();
  const beneath = new Map<string, Cell>();
  for (let i = 0; i < pairs.length; i++) {
    const [l, v] = pairs[i];
    if (l === "") continue;
    const k = keyOf(l);
    if (!value.has(k)) value.set(k, v);
    if (i + 1 < pairs.length && pairs[i + 1][0] === "" && !beneath.has(k)) beneath.set(k, pairs[i + 1][1]);
  }
  const named = new Set(labels.filter((l) => l !== "").map(normalised));
  const out: Spill = [];
  let prev: Hit | undefined;
  labels.forEach((l, i) => {
    if (l === "") {
      out.push([prev?.below ?? ""]);
      prev = undefined;
      return;
    }
    const twoLines = labels[i + 1] === "";
    const special = facts ? ruleFor(l, facts, named, twoLines) : undefined;
    const k = keyOf(l);
    prev = special ?? { value: value.get(k) ?? "", below: beneath.get(k) };
    out.push([prev.value]);
  });
  return out;
}

/** Lower case, no spaces, "_x_" as "×": the form in which labels and regressor names are compared. */
export const normalised = (s: string): string => s.toLowerCase().replace(/\s+/g, "").replace(/_x_/g, "×");

const keyOf = (l: string): string => {
  const k = labelKeyOf(l);
  return k ? `#${k}` : normalised(l);
};

const is = (l: string, ...texts: readonly Bilingual[]): boolean => {
  const n = normalised(l);
  return texts.some((b) => normalised(b.en) === n || normalised(b.zh) === n);
};
const langOf = (l: string): Lang => (/[\u3400-\u9fff]/.test(l) ? "zh" : "en");
const yesNo = (yes: boolean, l: string): string => t(yes ? LABELS.controlled : LABELS.notControlled, langOf(l));
const coefHit = (e: { b: number; se: number; p: number } | undefined): Hit =>
  e && Number.isFinite(e.b) ? { value: fixed(e.b) + stars(e.p), below: inParens(e.se) } : { value: "" };
const rounded = (x: number): Cell => (Number.isFinite(x) ? Number(fixed(x)) : "");

const CONSTANT: Bilingual[] = [LABELS.constant, { en: "_cons", zh: "_cons" }];
const CONTROLS: Bilingual[] = [LABELS.controls, SPILL_LABELS.controls];
const NOBS: Bilingual[] = [LABELS.nobs, SPILL_LABELS.nobs, { en: "Observations", zh: "观测值" }];
const R2: Bilingual[] = [LABELS.r2Overall, SPILL_LABELS.r2];
const R2_WITHIN: Bilingual[] = [LABELS.r2Within, SPILL_LABELS.r2Within];
const KP_LM: Bilingual[] = [LABELS.kpLM, SPILL_LABELS.kpLM];
const KP_F: Bilingual[] = [LABELS.kpF, SPILL_LABELS.kpF];

/** KP rk LM with [p] and KP rk Wald F with {Stock–Yogo 10% size} beneath, as ivreg2/esttab print them. */
export const kpLmLines = (s: Readonly<Record<string, number>>): [string, string] => [fixed(s.kp_lm, 3), inBrackets(s.kp_lm_p)];
export const kpFLines = (s: Readonly<Record<string, number>>): [string, string] => [fixed(s.kp_f, 3), s.sy_size_10 !== undefined ? inBraces(s.sy_size_10) : ""];

/** The value of a label the paper's tables use, or undefined when the label is not one of them. */
function ruleFor(l: string, facts: ColumnFacts, named: ReadonlySet<string>, twoLines: boolean): Hit | undefined {
  const m = facts.model;
  if (is(l, ...CONSTANT)) return coefHit(m.cons);
  if (is(l, ...CONTROLS)) {
    const instrumentNamed = facts.instruments?.length === 1 && labelsName(named, LABELS.instrument);
    const unreported = Object.keys(m.coef).some((term) => !named.has(normalised(term)) && !(instrumentNamed && facts.instruments![0] === term));
    return { value: yesNo(unreported, l) };
  }
  if (is(l, LABELS.cityFe)) return { value: yesNo(m.fe.length > 0, l) };
  if (is(l, LABELS.yearFe)) return { value: yesNo(m.fe.length > 1, l) };
  const fe = /^(.+?)\s*FE$/i.exec(l);
  if (fe) return { value: yesNo(m.fe.some((f) => normalised(f) === normalised(fe[1])), l) };
  if (is(l, LABELS.instrument)) return facts.instruments?.length === 1 ? coefHit(m.coef[facts.instruments[0]]) : { value: "" };
  if (is(l, ...NOBS)) return { value: m.nobs };
  if (is(l, ...R2)) return { value: rounded(m.r2) };
  if (is(l, ...R2_WITHIN)) return { value: rounded(m.r2Within) };
  const lm = is(l, ...KP_LM);
  if (lm || is(l, ...KP_F)) {
    if (m.stats.kp_lm === undefined) return { value: "" };
    if (twoLines) {
      const [v, below] = lm ? kpLmLines(m.stats) : kpFLines(m.stats);
      return { value: v, below };
    }
    if (m.stage !== "first") return { value: "" };
    const row = lm ? statKpLM("en") : statKpF("en");
    return { value: row.format(lm ? m.stats.kp_lm : m.stats.kp_f, m) };
  }
  return undefined;
}

const labelsName = (named: ReadonlySet<string>, b: Bilingual): boolean => named.has(normalised(b.en)) || named.has(normalised(b.zh));

function labelText(v: unknown): string {
  if (isMissingCell(v) || v === 0) return "";
  return String(v).trim();
}
