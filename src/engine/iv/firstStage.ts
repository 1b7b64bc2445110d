import { subMatrix, spdInverse } from "../linalg/matrix";
import { Projector } from "../linalg/project";
import { centeredSumSquares, sumSquares } from "../linalg/crossprod";
import { ConstantEstimate, meanRestoringConstant } from "../regression/constant";
import { coefficientTests, waldF } from "../regression/inference";
import { AbsorbedFe } from "../vcov/smallSample";
import { ClusterVars, VcovSpec } from "../vcov/types";
import { variance } from "../vcov/variance";

/**
 * First stage of one endogenous regressor, as ivreghdfe reports it (docs/methods.md §3.2): OLS of x̃ on
 * all instruments Z̃ (excluded first, then included exogenous), the same VCE and small-sample
 * rule as the second stage with K replaced by L, the F test of the excluded instruments with
 * ivreg2's scaling — equal to b'V⁻¹b/L1 with that V — and the partial R² of the excluded
 * instruments (classical, (RSS_r − RSS_u)/RSS_r, whatever the VCE).
 */
export interface FirstStage {
  readonly endog: string;
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly t: Float64Array;
  readonly p: Float64Array;
  readonly F: number;
  readonly Fdf: readonly [number, number];
  readonly Fp: number;
  readonly partialR2: number;
  readonly rss: number;
  /** Overall R² (on the outcome's raw variation) and within R² (on its demeaned variation); NaN without `raw`. */
  readonly r2: number;
  readonly r2Within: number;
  /** The mean-restoring constant (fixed effects absorbed), when `raw` is given. */
  readonly cons?: ConstantEstimate;
  /** Residuals v̂ of the first stage (estimation sample). */
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
}

export function firstStage(args: {
  endog: string; x: Float64Array; Z: Projector; zNames: readonly string[]; excluded: number;
  spec: VcovSpec; fe: AbsorbedFe; clusters: ClusterVars;
  /** The endogenous regressor and the instruments (Z's columns, in order) before demeaning, for R² and the constant. */
  raw?: { x: Float64Array; z: readonly Float64Array[] };
}): FirstStage {
  const { x, Z, zNames, excluded: L1, spec, fe, clusters } = args;
  const N = x.length;
  const L = Z.cols.length;
  const fit = Z.regress(x);
  let rss = 0;
  for (let i = 0; i < N; i++) rss += fit.resid[i] * fit.resid[i];
  const { V, tDf } = variance({ bread: Z.ZtZinv, cols: Z.cols, resid: fit.resid, clusters, fe }, spec);
  const raw = args.raw;
  const cons = raw
    ? meanRestoringConstant({ y: raw.x, x: raw.z, beta: fit.coef, bread: Z.ZtZinv, cols: Z.cols, resid: fit.resid, vce: { spec, fe, clusters } })
    : undefined;
  const tests = coefficientTests(fit.coef, V, tDf);
  const excludedIdx = Array.from({ length: L1 }, (_, j) => j);
  const wald = waldF(fit.coef, V, excludedIdx, tDf);
  // classical partial R²: W_iid/N = b'[(Z'Z)⁻¹ block]⁻¹ b / RSS_u
  const block = spdInverse(subMatrix(Z.ZtZinv, L, excludedIdx), L1);
  let w = NaN;
  if (block) {
    w = 0;
    for (let a = 0; a < L1; a++) for (let b = 0; b < L1; b++) w += fit.coef[a] * block[a * L1 + b] * fit.coef[b];
    w /= rss;
  }
  return {
    endog: args.endog,
    terms: zNames,
    coef: fit.coef,
    se: tests.se,
    t: tests.t,
    p: tests.p,
    F: wald.F,
    Fdf: [L1, tDf],
    Fp: wald.p,
    partialR2: w / (1 + w),
    rss,
    r2: raw ? 1 - rss / centeredSumSquares(raw.x) : NaN,
    r2Within: 1 - rss / sumSquares(x),
    cons,
    residuals: fit.resid,
    fitted: fit.fitted,
  };
}
