import { Bilingual } from "../../i18n/lang";
import { VcovType } from "../../vcov/types";

/**
 * One column of a regression table, declared once: what is regressed on what, with which
 * fixed effects, on which sample and with which variance estimator, and what the column is
 * called. The study runner (../tables/regressionTables.ts) estimates it; the live-formula
 * template (../template/tableSheets.ts) writes the CITYPANEL formula of the same model. Variable
 * names are the study panel's names (inn, digit, lndensity, iv1, cap, digit_x_stage …).
 *
 * @example
 * { key: "table5.drop", estimator: "fereg", outcome: "inn", regressors: ["digit", "gov", …],
 *   fe: true, sample: { kind: "dropSmallGroups", atMost: 3 }, group: { en: "Adjusted sample", zh: "调整研究样本" } }
 */
export type SampleRule =
  /** Every row of the panel (listwise deletion and singletons as the estimator does). */
  | { readonly kind: "all" }
  /** Rows of agglomerations with at most `atMost` cities dropped. */
  | { readonly kind: "dropSmallGroups"; readonly atMost: number }
  /** Outcome and regressors winsorised at the percentiles (pooled cut points). */
  | { readonly kind: "winsor"; readonly cuts: readonly [number, number] };

export interface ModelSpec {
  /** Stable key of the estimated model, e.g. "table5.drop" (the study result's `models`). */
  readonly key: string;
  readonly estimator: "fereg" | "iv2sls";
  /** For 2SLS: which stage this column shows (both come from the one model `key`). */
  readonly stage?: "first" | "second";
  readonly outcome: string;
  /** FEREG: the regressors; IV2SLS: the included exogenous regressors. */
  readonly regressors: readonly string[];
  readonly endogenous?: readonly string[];
  readonly instruments?: readonly string[];
  /** City and year fixed effects (false = pooled OLS with an intercept). */
  readonly fe: boolean;
  readonly sample: SampleRule;
  /** The study's VCE unless given. */
  readonly vcov?: VcovType;
  /** Column header (the caption row), e.g. 第一阶段 or inn_1. */
  readonly header?: Bilingual;
  /** Group header over adjacent columns with the same group, e.g. 替换被解释变量. */
  readonly group?: Bilingual;
  /** Regressors shown on another variable's row (the alternative digit measure on the digit row). */
  readonly rowAs?: Readonly<Record<string, string>>;
}

export const ALL_ROWS: SampleRule = { kind: "all" };
