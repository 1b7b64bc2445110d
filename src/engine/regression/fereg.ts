import { IdColumn, NumericColumn } from "../data/columns";
import { takeRows } from "../data/sample";
import { numError, valueError } from "../errors";
import { AbsorbOptions, prepareAbsorption } from "../fe/absorb";
import { centeredSumSquares, sumSquares } from "../linalg/crossprod";
import { chooseVcov } from "../vcov/clusters";
import { fitAbsorbedDf } from "../vcov/smallSample";
import { VcovSpec, VcovType } from "../vcov/types";
import { variance } from "../vcov/variance";
import { ConstantEstimate, meanRestoringConstant } from "./constant";
import { fitStats } from "./fitStats";
import { coefficientTests, waldF } from "./inference";
import { leastSquares, LeastSquaresFit } from "./leastSquares";
import { assertEnoughObservations, assertNotConstant, validateModelShape } from "./validate";

/**
 * FEREG: linear regression with absorbed fixed effects (reghdfe), or pooled OLS with an
 * intercept `_cons` when no fixed effect is given. Standard errors from vcov/variance.ts with
 * reghdfe's small-sample factors and degrees of freedom (docs/methods.md §1–2).
 *
 * @example
 * const r = fereg({ y, x: [value, capital], fe: [firm, year] });  // default VCE: HC1
 * r.coef  // Float64Array [0.1177…, 0.3579…]  (Grunfeld, firm + year FE)
 */
export interface FeregInput {
  readonly y: NumericColumn;
  readonly x: readonly NumericColumn[];
  readonly fe?: readonly IdColumn[];
  readonly cluster?: readonly IdColumn[];
}

export interface FeregOptions extends AbsorbOptions {
  /** The variance estimator (vcov/types.ts); default by vcov/clusters.ts `chooseVcov`. */
  readonly vcov?: VcovType;
  /** Called as each stage ends ("absorb", "solve", "vcov"), for the bench's per-stage split. */
  readonly onStage?: (stage: "absorb" | "solve" | "vcov") => void;
}

export interface FeregResult {
  readonly y: string;
  /** Names of the estimated coefficients (kept regressors, then `_cons` for pooled OLS). */
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly t: Float64Array;
  readonly p: Float64Array;
  /** Variance matrix of `coef` (row-major, terms × terms). */
  readonly vcovMatrix: Float64Array;
  /** Regressors dropped as collinear (with others or with the fixed effects). */
  readonly omitted: readonly string[];
  /**
   * The constant: `_cons` of a pooled OLS, or with absorbed fixed effects reghdfe's
   * mean-restoring intercept ȳ − x̄'b with its standard error (./constant.ts).
   */
  readonly cons: ConstantEstimate;
  readonly nobs: number;
  readonly nobsFull: number;
  readonly droppedMissing: number;
  readonly singletons: number;
  readonly singletonRounds: readonly number[];
  readonly vcov: VcovType;
  readonly clusters: readonly { name: string; count: number }[];
  readonly fe: readonly { name: string; levels: number }[];
  readonly dfA: number;
  readonly dfResid: number;
  /** Degrees of freedom of the t tests (vcov/variance.ts). */
  readonly tDf: number;
  readonly rss: number;
  readonly tss: number;
  readonly tssWithin: number;
  readonly r2: number;
  readonly r2Adj: number;
  readonly r2Within: number;
  readonly r2WithinAdj: number;
  readonly rmse: number;
  readonly F: number;
  readonly Fdf: readonly [number, number];
  readonly Fp: number;
  /** Input row indices of the estimation sample. */
  readonly rows: Int32Array;
  /** Residuals on the estimation sample (after the within transformation). */
  readonly residuals: Float64Array;
  readonly demeanMethod: string;
}

export function fereg(input: FeregInput, opts: FeregOptions = {}): FeregResult {
  const fe = input.fe ?? [];
  validateModelShape({ y: input.y, regressors: input.x, ids: [...fe, ...(input.cluster ?? [])] });
  const choice = chooseVcov(opts.vcov, input.cluster ?? []);
  const spec: VcovSpec = { type: choice.type, smallSample: "reghdfe" };
  if (input.x.length === 0) throw noRegressorError();
  const abs = prepareAbsorption([input.y, ...input.x], fe, choice.clusters, opts);
  const N = abs.rows.length;
  // rows are increasing input indices, so N = n means every row: read the input in place
  // (y and xs are never written to) instead of copying a million-row column
  const take = (v: Float64Array) => (N === v.length ? v : takeRows(v, abs.rows));
  const y = take(input.y.values);
  const xs = input.x.map((c) => take(c.values));
  assertNotConstant(input.y.name, y, "outcome");
  input.x.forEach((c, j) => assertNotConstant(c.name, xs[j], "regressor"));
  const hasFe = fe.length > 0;
  const yt = abs.demeaner.demean(y);
  const cols = xs.map((x) => abs.demeaner.demean(x));
  opts.onStage?.("absorb");
  const names = input.x.map((c) => c.name);
  if (!hasFe) {
    // the constant goes first so that, as in Stata and R, a regressor collinear with it (e.g. a
    // full set of dummies) is the one omitted, never `_cons`; it is reported last
    cols.unshift(new Float64Array(N).fill(1));
    names.unshift("_cons");
  }
  const tss = centeredSumSquares(y);
  const ssx = xs.map(centeredSumSquares);
  // squares that overflow would make a regressor look "absorbed" (∞ ≤ 1e-9·∞) or give NaN
  if (!Number.isFinite(tss) || !ssx.every(Number.isFinite)) throw overflowError();
  const ls = consLast(leastSquares(cols, yt, hasFe ? ssx : undefined), hasFe);
  const K = ls.keep.length;
  const dfA = hasFe ? abs.dof.dfA : 0;
  // too few rows first: an exact fit (N ≤ K + dfA) can also leave a non-finite solve behind it
  assertEnoughObservations(N, K, dfA);
  if (!Number.isFinite(ls.rss) || !ls.beta.every(Number.isFinite)) throw overflowError();
  const dfResid = N - K - dfA;
  opts.onStage?.("solve");
  const kept = ls.keep.map((j) => cols[j]);
  const absorbed = { dof: abs.dof, hasFe };
  const { V, tDf } = variance({ bread: ls.bread, cols: kept, resid: ls.resid, clusters: abs.clusters, fe: absorbed }, spec);
  opts.onStage?.("vcov");
  const tests = coefficientTests(ls.beta, V, tDf);
  if (!tests.se.every(Number.isFinite)) throw overflowError();
  const terms = ls.keep.map((j) => names[j]);
  const c0 = terms.indexOf("_cons");
  const cons: ConstantEstimate = hasFe
    ? meanRestoringConstant({
        y, x: ls.keep.map((j) => xs[j]), beta: ls.beta, bread: ls.bread, cols: kept, resid: ls.resid,
        vce: { spec, fe: absorbed, clusters: abs.clusters },
      })
    : c0 >= 0 ? { b: ls.beta[c0], se: tests.se[c0], t: tests.t[c0], p: tests.p[c0] } : { b: NaN, se: NaN, t: NaN, p: NaN };
  const slopeIdx = terms.map((t, j) => (t === "_cons" ? -1 : j)).filter((j) => j >= 0);
  const wald = waldF(ls.beta, V, slopeIdx, tDf);
  const tssWithin = hasFe ? sumSquares(yt) : tss;
  // pooled OLS: the intercept plays the part of df_a in the adjusted within R² (which then equals adjusted R²);
  // with FEs, reghdfe's used_df_r depends on the VCE (vcov/smallSample.ts, docs/methods.md §1.4)
  const dfFit = fitAbsorbedDf(spec, absorbed);
  const fit = fitStats({ rss: ls.rss, tss, tssWithin, nobs: N, dfA: hasFe ? dfFit : 1, dfResid: N - K - dfFit });
  return {
    y: input.y.name,
    terms,
    coef: ls.beta,
    se: tests.se,
    t: tests.t,
    p: tests.p,
    vcovMatrix: V,
    omitted: ls.omitted.map((o) => names[o.index]),
    cons,
    nobs: N,
    nobsFull: N + abs.singletons,
    droppedMissing: abs.droppedMissing,
    singletons: abs.singletons,
    singletonRounds: abs.singletonRounds,
    vcov: spec.type,
    clusters: abs.clusters.names.map((name, j) => ({ name, count: abs.clusters.counts[j] })),
    fe: abs.fe,
    dfA,
    dfResid,
    tDf,
    rss: ls.rss,
    tss,
    tssWithin,
    ...fit,
    F: wald.F,
    Fdf: [wald.df1, wald.df2],
    Fp: wald.p,
    rows: abs.rows,
    residuals: ls.resid,
    demeanMethod: abs.demeaner.method,
  };
}

/** Move the intercept (column 0 of a pooled OLS) from first to last place in a fit. */
function consLast(ls: LeastSquaresFit, hasFe: boolean): LeastSquaresFit {
  if (hasFe || ls.keep[0] !== 0) return ls;
  const k = ls.keep.length;
  const perm = [...Array.from({ length: k - 1 }, (_, j) => j + 1), 0];
  const bread = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) bread[a * k + b] = ls.bread[perm[a] * k + perm[b]];
  return { ...ls, keep: perm.map((j) => ls.keep[j]), beta: Float64Array.from(perm, (j) => ls.beta[j]), bread };
}

const overflowError = () =>
  numError(
    "the regression cannot be computed in double precision (values too large, or regressors numerically collinear): rescale the variables",
    "回归无法以双精度计算（数值过大或解释变量数值上共线）：请对变量重新缩放",
  );

const noRegressorError = () => valueError("FEREG needs at least one regressor", "FEREG 至少需要一个解释变量");
