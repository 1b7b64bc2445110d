/*
 * CityPanel custom functions (namespace CITYPANEL). Every function here is a top-level exported
 * declaration with a JSDoc `@customfunction ID` tag: CustomFunctionsMetadataPlugin turns the JSDoc
 * into dist/functions.json and appends `CustomFunctions.associate("ID", fn)` to this module.
 * Each function also needs a zh-CN entry in ./i18n/zh-CN.json (the build fails without it).
 *
 * The functions are thin: cells → adapters (./adapters, pure and tested without Office) → engine
 * → spilled table. Errors become #VALUE! / #N/A with a message in Excel's display language
 * (./excelErrors, ./uiLanguage). FEREG and IV2SLS run in a Web Worker (./worker: functions.worker.js,
 * with its own absorption cache) so Excel and the task pane stay responsive; in-thread where no
 * worker can start.
 * Signatures, options and spill layouts: docs/functions.md.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { CITYPANEL_VERSION } from "../engine/version";
import { couplingSpill, descstatsSpill, entropySpill, indstructSpill, interactSpill, locquotSpill, pcaSpill, winsorSpill } from "./adapters/indices";
import { excelCall, excelCallAsync } from "./excelErrors";
import { uiLanguage } from "./uiLanguage";
import { computeHeavy } from "./worker/client";

/**
 * Returns the CityPanel engine version, e.g. "0.1.0".
 * @customfunction ENGINEVERSION
 * @returns The version of the CityPanel engine the add-in runs.
 */
export function engineVersion(): string {
  return CITYPANEL_VERSION;
}

/**
 * Regression with absorbed fixed effects (reghdfe), or pooled OLS when fe is omitted. Spills a coefficient table, or a journal column for side-by-side tables. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction FEREG
 * @param y Outcome: one column, optionally with a header row (e.g. Data!D1:D2745). Empty, NA, "." and error cells are missing.
 * @param x Regressors: one or more columns with the same rows as y (e.g. Data!E1:L2745).
 * @param [fe] Fixed-effect id columns, e.g. city and year (Data!A1:B2745). Omit for pooled OLS with an intercept.
 * @param [vcov] Standard errors: "robust" (default), "iid" or "cluster".
 * @param [cluster] One or two cluster id columns (e.g. city); implies "cluster".
 * @param [output] "table" (default), "column" (journal column: coef with stars, SE beneath, FE, N, R²) or "labels" (its row labels).
 * @param [rowlabels] For "column": row labels to align the column to (models side by side). A regressor matches its name ignoring case and spaces ("ln density" = lndensity); "Constant"/"_cons" gives the constant, "Controls" Yes when regressors are not listed, "City FE"/"Year FE" the 1st/2nd fe column (Yes/No), "N", "R² (overall)", "R² (within)"; a blank label below a row gets its SE.
 * @returns A table with a header row.
 */
export function fereg(y: any[][], x: any[][], fe?: any[][], vcov?: string, cluster?: any[][], output?: string, rowlabels?: any[][]): Promise<any[][]> {
  const lang = uiLanguage();
  return excelCallAsync(lang, () => computeHeavy("FEREG", [y, x, fe, vcov, cluster, output, rowlabels], lang));
}

/**
 * Two-stage least squares with absorbed fixed effects (ivreg2/ivreghdfe): second stage, first stages, KP rk LM and Wald F, Cragg-Donald F, Stock-Yogo critical values, Hansen J. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction IV2SLS
 * @param y Outcome: one column, optionally with a header row.
 * @param endog Endogenous regressor column(s), e.g. digit.
 * @param instruments Excluded instrument column(s), e.g. iv1.
 * @param [exog] Exogenous control columns.
 * @param [fe] Fixed-effect id columns, e.g. city and year.
 * @param [vcov] Standard errors: "robust" (default), "iid" or "cluster".
 * @param [cluster] One or two cluster id columns; implies "cluster".
 * @param [output] "table" (default), "column", "labels", "first", "firstlabels" (first2 … for further endogenous regressors).
 * @param [rowlabels] For "column" / "first": row labels to align the column to, as for FEREG; "Instrument" gives a first stage's excluded instrument; the KP rk LM / Wald F labels give "x [p]" / "x {SY 10%}" on one line in a first stage (blank in the second), or two lines when a blank label follows.
 * @returns A table with a header row.
 */
export function iv2sls(y: any[][], endog: any[][], instruments: any[][], exog?: any[][], fe?: any[][], vcov?: string, cluster?: any[][], output?: string, rowlabels?: any[][]): Promise<any[][]> {
  const lang = uiLanguage();
  return excelCallAsync(lang, () => computeHeavy("IV2SLS", [y, endog, instruments, exog, fe, vcov, cluster, output, rowlabels], lang));
}

/**
 * Entropy-weight method: weights table (indicator, min, max, entropy, divergence, weight), dimension totals, or the composite index per row. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction ENTROPYWEIGHTS
 * @param indicators Indicator columns, names from a header row when present.
 * @param [directions] One direction per indicator (1/-1, "+"/"-") or the names of the negative indicators ("ind04,ind09"). Default: all positive.
 * @param [groups] Group id column (e.g. year): weights within each group.
 * @param [output] "table" (default), "dimensions", "index" or "percent" (weights × 100, one row per indicator, no header: Table 1's weight column).
 * @param [shift] Shift added after min-max normalisation (default 0.0001).
 * @param [dimensions] One dimension name per indicator column, for dimension columns and totals.
 * @returns A table with a header row.
 */
export function entropyWeights(indicators: any[][], directions?: any[][], groups?: any[][], output?: string, shift?: number, dimensions?: any[][]): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => entropySpill(indicators, directions, groups, output, shift, dimensions, lang));
}

/**
 * Principal-component composite index (components with eigenvalue > 1, weighted by explained variance), or its eigenvalues, loadings and KMO/Bartlett. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction PCAINDEX
 * @param indicators At least two indicator columns, names from a header row when present.
 * @param [directions] One direction per indicator (1/-1, "+"/"-") or the names of the negative indicators.
 * @param [output] "index" (default), "pc1", "eigen", "loadings" or "summary".
 * @param [components] "kaiser" (default: eigenvalue > 1) or "first" (first component only).
 * @returns A table with a header row.
 */
export function pcaIndexFn(indicators: any[][], directions?: any[][], output?: string, components?: string): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => pcaSpill(indicators, directions, output, components, lang));
}

/**
 * Location quotient (F/K)/(ΣF/ΣK), totals per group (e.g. year) or over all rows; one value per row under a header. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction LOCQUOT
 * @param numerator Numerator column F (e.g. R&D spending), optionally with a header.
 * @param denominator Denominator column K (e.g. fiscal spending), same rows.
 * @param [groups] Group id column (e.g. year) for the totals.
 * @returns A header and one location quotient per row.
 */
export function locQuot(numerator: any[][], denominator: any[][], groups?: any[][]): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => locquotSpill(numerator, denominator, groups, lang));
}

/**
 * Industrial-structure upgrading index 1·s1 + 2·s2 + 3·s3 from primary, secondary and tertiary shares; one value per row. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction INDSTRUCT
 * @param shares Three share columns (primary, secondary, tertiary) as fractions or percent.
 * @param [scale] "auto" (default), "fraction" or "percent".
 * @returns A header and one index value per row.
 */
export function indStruct(shares: any[][], scale?: string): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => indstructSpill(shares, scale, lang));
}

/**
 * Coupling degree C, development T and coupling-coordination degree D of two or more systems; one row per data row. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction COUPLING
 * @param systems Two or more columns of system values (≥ 0, e.g. normalised indices).
 * @param [weights] One weight per system, summing to 1 (default equal).
 * @param [output] "D" (default), "C", "T" or "all".
 * @returns A header and one row per data row.
 */
export function coupling(systems: any[][], weights?: any[][], output?: string): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => couplingSpill(systems, weights, output, lang));
}

/**
 * Interaction terms x·z (optionally mean-centred) for heterogeneity models; one column per moderator. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction INTERACT
 * @param x One column, e.g. digit.
 * @param z One or more moderator columns, same rows.
 * @param [center] TRUE to centre x and z at their means first (default FALSE).
 * @returns A header and one row per data row.
 */
export function interact(x: any[][], z: any[][], center?: any): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => interactSpill(x, z, center, lang));
}

/**
 * Winsorise (or trim) columns at Stata _pctile cut points, pooled or by group; same header and rows as the input. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction WINSOR
 * @param values One or more columns, optionally with a header row.
 * @param [lower] Lower percent cut (default 1).
 * @param [upper] Upper percent cut (default 99).
 * @param [groups] Group id column (e.g. year): cut points within each group.
 * @param [method] "winsor" (default) or "trim" (values beyond the cuts become empty).
 * @returns The winsorised columns under a header row.
 */
export function winsor(values: any[][], lower?: number, upper?: number, groups?: any[][], method?: string): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => winsorSpill(values, lower, upper, groups, method, lang));
}

/**
 * Descriptive statistics as Stata summarize: N, mean, SD, min, max per column (Table 2); with detail also percentiles, skewness and kurtosis. Blank cells: some Excel builds pass them as 0; mark missing data with #N/A or NA.
 * @customfunction DESCSTATS
 * @param data One or more columns, names from a header row when present.
 * @param [detail] TRUE or "detail" to add percentiles, skewness and kurtosis; "values" for the numbers only (N, mean, SD, min, max; no header or name column: Table 2 beside its own labels).
 * @returns One row per variable under a header row.
 */
export function descStats(data: any[][], detail?: any): any[][] {
  const lang = uiLanguage();
  return excelCall(lang, () => descstatsSpill(data, detail, lang));
}
