import { IdColumn, NumericColumn } from "../data/columns";
import { takeRows } from "../data/sample";
import { numError, valueError } from "../errors";
import { AbsorbOptions, prepareAbsorption } from "../fe/absorb";
import { centeredSumSquares, gram, sumSquares } from "../linalg/crossprod";
import { projector } from "../linalg/project";
import { residuals } from "../linalg/residuals";
import { ConstantEstimate, meanRestoringConstant } from "../regression/constant";
import { coefficientTests } from "../regression/inference";
import { independentColumns, leastSquares } from "../regression/leastSquares";
import { assertEnoughObservations, assertNotConstant, validateModelShape } from "../regression/validate";
import { assertClusterCounts, chooseVcov } from "../vcov/clusters";
import { absorbedDfFor, kpWaldF } from "../vcov/smallSample";
import { VcovSpec, VcovType } from "../vcov/types";
import { variance } from "../vcov/variance";
import { firstStage, FirstStage } from "./firstStage";
import { overidTest } from "./overid";
import { rankTest } from "./rankTest";
import { stockYogo, StockYogoValues } from "./stockYogo";

/**
 * IV2SLS: two-stage least squares with absorbed fixed effects, with the first stage and the
 * identification diagnostics exactly as ivreghdfe (ivreg2 + absorb) prints them
 * (docs/methods.md §3): same sample rules as FEREG (listwise deletion, iterative
 * singletons), same within transformation, variances from vcov/variance.ts with ivreg2's
 * small-sample conventions. A variance that is not positive semi-definite is not fixed up, as
 * in ivreg2 (see variance.ts): a Wald test on an indefinite block — the first-stage F, or the
 * KP rk statistics, whose Ω is then indefinite too — gives NaN where ivreg2 would print a
 * meaningless quadratic form.
 *
 * An excluded instrument that is constant, absorbed by the fixed effects or collinear with the
 * other instruments / exogenous regressors is dropped and listed in `omittedInstruments`; only
 * when too few remain is it an error (naming the dropped ones and why).
 *
 * @example
 * const r = iv2sls({ y: inn, endog: [digit], instruments: [iv1], exog: controls, fe: [city, year] });
 * r.kpF        // Kleibergen–Paap rk Wald F
 * r.stockYogo  // { size: {"10%": 16.38, …}, bias: {} }
 */
export interface Iv2slsInput {
  readonly y: NumericColumn;
  readonly endog: readonly NumericColumn[];
  readonly instruments: readonly NumericColumn[];
  readonly exog?: readonly NumericColumn[];
  readonly fe?: readonly IdColumn[];
  readonly cluster?: readonly IdColumn[];
}

export interface Iv2slsOptions extends AbsorbOptions {
  /** The variance estimator (vcov/types.ts); default by vcov/clusters.ts `chooseVcov`. */
  readonly vcov?: VcovType;
}

export interface Iv2slsResult {
  readonly y: string;
  readonly terms: readonly string[];
  readonly endogenous: readonly string[];
  readonly instruments: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly t: Float64Array;
  readonly p: Float64Array;
  readonly vcovMatrix: Float64Array;
  readonly omitted: readonly string[];
  readonly omittedInstruments: readonly string[];
  /** `_cons` without fixed effects, or reghdfe's mean-restoring constant ȳ − x̄'b with them (../regression/constant.ts). */
  readonly cons: ConstantEstimate;
  readonly nobs: number;
  readonly droppedMissing: number;
  readonly singletons: number;
  readonly vcov: VcovType;
  readonly clusters: readonly { name: string; count: number }[];
  readonly fe: readonly { name: string; levels: number }[];
  readonly dfA: number;
  readonly dfResid: number;
  /** ivreg2's small-sample dof adjustment (absorbed df, not nested in the cluster, ≥ 1). */
  readonly sdof: number;
  readonly tDf: number;
  readonly rss: number;
  readonly r2: number;
  readonly r2Within: number;
  readonly firstStages: readonly FirstStage[];
  readonly andersonLM: number;
  readonly andersonLMp: number;
  readonly cdF: number;
  readonly kpLM: number;
  readonly kpLMdf: number;
  readonly kpLMp: number;
  readonly kpF: number;
  readonly kpWaldChi2: number;
  readonly overid: { readonly name: "sargan" | "hansen_j"; readonly statistic: number; readonly df: number; readonly p: number };
  readonly stockYogo: StockYogoValues;
  readonly rows: Int32Array;
  readonly residuals: Float64Array;
}

export function iv2sls(input: Iv2slsInput, opts: Iv2slsOptions = {}): Iv2slsResult {
  const fe = input.fe ?? [];
  const exog = input.exog ?? [];
  checkRoles(input.endog, input.instruments, exog);
  validateModelShape({ y: input.y, regressors: [...input.endog, ...exog, ...input.instruments], ids: [...fe, ...(input.cluster ?? [])] });
  const choice = chooseVcov(opts.vcov, input.cluster ?? []);
  const spec: VcovSpec = { type: choice.type, smallSample: "ivreg2" };
  const abs = prepareAbsorption([input.y, ...input.endog, ...exog, ...input.instruments], fe, choice.clusters, opts);
  const N = abs.rows.length;
  const hasFe = fe.length > 0;
  const sub = (c: NumericColumn) => takeRows(c.values, abs.rows);
  const y = sub(input.y);
  const x1 = input.endog.map(sub);
  const x2 = exog.map(sub);
  const z1 = input.instruments.map(sub);
  assertNotConstant(input.y.name, y, "outcome");
  [...input.endog, ...exog].forEach((c, j) => assertNotConstant(c.name, [...x1, ...x2][j], "regressor"));
  const dm = (v: Float64Array) => abs.demeaner.demean(v);
  const yt = dm(y);
  let X1 = x1.map(dm);
  let X2 = x2.map(dm);
  // an instrument constant over the estimation sample is dropped before demeaning (where rounding
  // could leave noise that looks like variation)
  const instConstant = z1.map(isConstant);
  const instVarying = input.instruments.map((_, j) => j).filter((j) => !instConstant[j]);
  let Z1 = instVarying.map((j) => dm(z1[j]));
  let exogNames = exog.map((c) => c.name);
  if (!hasFe) {
    X2.push(new Float64Array(N).fill(1));
    exogNames.push("_cons");
  }
  const raw = (vs: Float64Array[]) => (hasFe ? vs.map(centeredSumSquares) : undefined);
  // included exogenous regressors: drop collinear ones (with each other or the FE)
  const omitted: string[] = [];
  const exogSel = independentColumns(gram(X2), X2.length, raw(x2));
  exogSel.omitted.forEach((o) => omitted.push(exogNames[o.index]));
  X2 = exogSel.keep.map((j) => X2[j]);
  exogNames = exogSel.keep.map((j) => exogNames[j]);
  // endogenous regressors: drop those collinear with the exogenous ones or each other
  const endogSel = independentColumns(gram([...X2, ...X1]), X2.length + X1.length, hasFe ? [...X2.map(() => 0), ...raw(x1)!] : undefined);
  const endogKeep = endogSel.keep.filter((j) => j >= X2.length).map((j) => j - X2.length);
  endogSel.omitted.forEach((o) => omitted.push(input.endog[o.index - X2.length].name));
  if (endogKeep.length === 0) {
    throw valueError(
      `every endogenous regressor (${input.endog.map((c) => c.name).join(", ")}) is collinear with the fixed effects or the exogenous regressors`,
      `所有内生解释变量（${input.endog.map((c) => c.name).join("、")}）都与固定效应或外生变量共线`,
    );
  }
  X1 = endogKeep.map((j) => X1[j]);
  const endogNames = endogKeep.map((j) => input.endog[j].name);
  // excluded instruments: drop those collinear with the exogenous regressors, each other or the FE
  const instSel = independentColumns(
    gram([...X2, ...Z1]), X2.length + Z1.length,
    hasFe ? [...X2.map(() => 0), ...raw(instVarying.map((j) => z1[j]))!] : undefined,
  );
  const instKeep = instSel.keep.filter((j) => j >= X2.length).map((j) => instVarying[j - X2.length]);
  const dropped: { index: number; reason: DropReason }[] = [
    ...input.instruments.map((_, j) => j).filter((j) => instConstant[j]).map((index) => ({ index, reason: "constant" as const })),
    ...instSel.omitted.map((o) => ({ index: instVarying[o.index - X2.length], reason: o.reason })),
  ].sort((a, b) => a.index - b.index);
  const omittedInstruments = dropped.map((d) => input.instruments[d.index].name);
  Z1 = instKeep.map((j) => Z1[instVarying.indexOf(j)]);
  const instNames = instKeep.map((j) => input.instruments[j].name);
  const K1 = X1.length, L1 = Z1.length, K2 = X2.length;
  if (L1 < K1) {
    const why = dropped.map((d) => dropReason(input.instruments[d.index].name, d.reason, fe.map((f) => f.name)));
    throw valueError(
      `the model is under-identified: ${K1} endogenous regressor(s) but only ${L1} usable excluded instrument(s)` +
        (why.length ? `; dropped: ${why.map((w) => w.en).join("; ")}` : ""),
      `模型识别不足：有 ${K1} 个内生解释变量，但只有 ${L1} 个可用的排除性工具变量` + (why.length ? `；已剔除：${why.map((w) => w.zh).join("；")}` : ""),
    );
  }
  const X = [...X1, ...X2];
  const terms = [...endogNames, ...exogNames];
  const K = X.length;
  const Z = projector([...Z1, ...X2]);
  const zNames = [...instNames, ...exogNames];
  const L = Z.cols.length;
  const dfA = hasFe ? abs.dof.dfA : 0;
  assertEnoughObservations(N, L, dfA);
  assertClusterCounts(abs.clusters);
  const absorbed = { dof: abs.dof, hasFe };
  const sdof = absorbedDfFor(spec, absorbed);
  // second stage: regress y on X̂ = P_Z X (exogenous columns project onto themselves)
  const Xhat = [...X1.map((x) => Z.regress(x).fitted), ...X2];
  const ls = leastSquares(Xhat, yt);
  if (ls.keep.length < K) {
    throw numError(
      "the instruments do not identify the endogenous regressors separately (the first-stage fitted values are collinear)",
      "工具变量无法分别识别各内生解释变量（第一阶段拟合值共线）",
    );
  }
  const beta = ls.beta;
  const u = residuals(X, yt, beta);
  const rss = sumSquares(u);
  const { V, tDf, clusters: G } = variance({ bread: ls.bread, cols: Xhat, resid: u, clusters: abs.clusters, fe: absorbed }, spec);
  const tests = coefficientTests(beta, V, tDf);
  // raw (undemeaned) columns in the order of X and Z, for the constants and the first-stage R²
  const rawX1 = endogKeep.map((j) => x1[j]);
  const rawX2 = exogSel.keep.filter((j) => j < x2.length).map((j) => x2[j]);
  const rawZ = [...instKeep.map((j) => z1[j]), ...rawX2];
  const c0 = terms.indexOf("_cons");
  const vce = { spec, fe: absorbed, clusters: abs.clusters };
  const cons: ConstantEstimate = hasFe
    ? meanRestoringConstant({ y, x: [...rawX1, ...rawX2], beta, bread: ls.bread, cols: Xhat, resid: u, vce })
    : c0 >= 0 ? { b: beta[c0], se: tests.se[c0], t: tests.t[c0], p: tests.p[c0] } : { b: NaN, se: NaN, t: NaN, p: NaN };
  const firstStages = X1.map((x, k) =>
    firstStage({ endog: endogNames[k], x, Z, zNames, excluded: L1, spec, fe: absorbed, clusters: abs.clusters, raw: hasFe ? { x: rawX1[k], z: rawZ } : undefined }),
  );
  // identification: partial the exogenous regressors out of X1 and Z1, then the rank test
  const partial = K2 > 0 ? projector(X2) : null;
  const Yp = partial ? X1.map((x) => partial.regress(x).resid) : X1;
  const Zp = partial ? Z1.map((z) => partial.regress(z).resid) : Z1;
  const rk = rankTest({ Y: Yp, Z: Zp, vcov: spec.type, clusters: abs.clusters });
  const cdF = (rk.craggDonald * (N - L - sdof)) / L1;
  const kpF = kpWaldF(rk.kpWaldChi2, cdF, spec, { N, L, L1, d: sdof, G });
  const overid = overidTest({ y: yt, X, Z, resid2sls: u, df: L1 - K1, vcov: spec.type, clusters: abs.clusters });
  return {
    y: input.y.name,
    terms,
    endogenous: endogNames,
    instruments: instNames,
    coef: beta,
    se: tests.se,
    t: tests.t,
    p: tests.p,
    vcovMatrix: V,
    omitted,
    omittedInstruments,
    cons,
    nobs: N,
    droppedMissing: abs.droppedMissing,
    singletons: abs.singletons,
    vcov: spec.type,
    clusters: abs.clusters.names.map((name, j) => ({ name, count: abs.clusters.counts[j] })),
    fe: abs.fe,
    dfA,
    dfResid: N - K - dfA,
    sdof,
    tDf,
    rss,
    r2: 1 - rss / centeredSumSquares(y),
    r2Within: 1 - rss / sumSquares(yt),
    firstStages,
    andersonLM: rk.andersonLM,
    andersonLMp: rk.andersonLMp,
    cdF,
    kpLM: rk.kpLM,
    kpLMdf: rk.df,
    kpLMp: rk.kpLMp,
    kpF,
    kpWaldChi2: rk.kpWaldChi2,
    overid,
    stockYogo: stockYogo(K1, L1),
    rows: abs.rows,
    residuals: u,
  };
}

/** Each variable plays one role; instruments are required and must be enough. */
function checkRoles(endog: readonly NumericColumn[], instruments: readonly NumericColumn[], exog: readonly NumericColumn[]): void {
  if (endog.length === 0) throw valueError("IV2SLS needs at least one endogenous regressor", "IV2SLS 至少需要一个内生解释变量");
  if (instruments.length === 0) {
    throw valueError("IV2SLS needs at least one excluded instrument (e.g. iv1)", "IV2SLS 至少需要一个排除性工具变量（例如 iv1）");
  }
  const exogNames = new Set(exog.map((c) => c.name));
  for (const e of endog) {
    if (exogNames.has(e.name)) {
      throw valueError(`"${e.name}" is listed both as endogenous and as exogenous: choose one`, `“${e.name}”同时被列为内生变量和外生变量：请只选其一`);
    }
  }
  const regressors = new Set([...endog, ...exog].map((c) => c.name));
  for (const z of instruments) {
    if (regressors.has(z.name)) {
      throw valueError(
        `"${z.name}" is listed as an excluded instrument and as a regressor: an included variable instruments itself, list it once`,
        `“${z.name}”同时被列为排除性工具变量和解释变量：请只列一次`,
      );
    }
  }
  if (instruments.length < endog.length) {
    throw valueError(
      `the order condition fails: ${endog.length} endogenous regressor(s) need at least as many excluded instruments, got ${instruments.length}`,
      `阶条件不满足：${endog.length} 个内生解释变量至少需要同样多的排除性工具变量，实际只有 ${instruments.length} 个`,
    );
  }
}

type DropReason = "constant" | "absorbed" | "collinear";

function isConstant(v: Float64Array): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/** Why an excluded instrument was dropped, for the under-identification message. */
function dropReason(name: string, reason: DropReason, fe: readonly string[]): { en: string; zh: string } {
  if (reason === "constant") return { en: `"${name}" is constant in the estimation sample`, zh: `“${name}”在估计样本中为常数` };
  if (reason === "absorbed") {
    return {
      en: `"${name}" is absorbed by the fixed effects (${fe.join(", ")}): it does not vary within them`,
      zh: `“${name}”被固定效应（${fe.join("、")}）吸收：其在固定效应内部没有变化`,
    };
  }
  return {
    en: `"${name}" is collinear with the other instruments or the exogenous regressors`,
    zh: `“${name}”与其他工具变量或外生变量共线`,
  };
}
