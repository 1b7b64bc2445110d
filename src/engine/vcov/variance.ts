import { sumSquares } from "../linalg/crossprod";
import { sandwich, scaleInPlace } from "../linalg/matrix";
import { assertClusterCounts } from "./clusters";
import { vcovMeat } from "./meat";
import { clipToPsd } from "./psd";
import { AbsorbedFe, absorbedDfFor, clusterFactor, robustFactor } from "./smallSample";
import { ClusterVars, VcovSpec } from "./types";

/**
 * The variance of least-squares coefficients, for every estimator in one place (FEREG, the
 * 2SLS second stage, the IV first stages): `bread` = (X'X)⁻¹ over the score columns X (for
 * 2SLS: X̂), residuals e, and the spec's estimator and small-sample convention
 * (docs/methods.md §2):
 *
 * - iid:     RSS/(N − K − d) · bread
 * - robust:  N/(N − K − d) · bread·(Σ x x' e²)·bread
 * - cluster: (N − 1)/(N − K − d) · G/(G − 1) · bread·(Σ_g u_g u_g')·bread, u_g = Σ_{i∈g} x_i e_i;
 *   two-way: Cameron–Gelbach–Miller meat M1 + M2 − M12 and G the smaller count. reghdfe clips
 *   a two-way variance that is not positive semi-definite to its nonnegative eigenvalues;
 *   ivreg2 does not (the clip is not invariant to the units of the variables): there a negative
 *   variance gives a NaN SE (ivreg2: missing).
 *
 * d is the convention's absorbed df (`absorbedDfFor`). Also returns the t degrees of freedom:
 * N − K − d, under clustering G − 1 (reghdfe: min(G − 1, N − K − df_a)).
 *
 * @example
 * const v = variance({ bread: ls.bread, cols, resid: ls.resid, clusters, fe }, { type: "cluster", smallSample: "reghdfe" });
 * v.V     // K×K, row-major
 * v.tDf   // 195 with 196 clusters
 */
export interface VarianceInput {
  readonly bread: Float64Array;
  readonly cols: readonly Float64Array[];
  readonly resid: Float64Array;
  readonly clusters: ClusterVars;
  readonly fe: AbsorbedFe;
}

export interface Variance {
  /** Variance matrix of the coefficients (row-major, K×K). */
  readonly V: Float64Array;
  /** Degrees of freedom of the t tests. */
  readonly tDf: number;
  /** The absorbed df d of the small-sample factor. */
  readonly absorbedDf: number;
  /** G: the (smallest) number of clusters; NaN when not clustering. */
  readonly clusters: number;
}

export function variance(input: VarianceInput, spec: VcovSpec): Variance {
  const { bread, cols } = input;
  const K = cols.length;
  return scaledVariance(input, spec, K, bread, (meat) => sandwich(bread, meat, K), cols);
}

/**
 * The variance of one further estimate that is linear in the model's residuals,
 * θ̂ − θ = Σᵢ zᵢeᵢ with influence weights z (e.g. the mean-restoring constant,
 * regression/constant.ts), under the model's VCE and small-sample factor — K is the model's
 * number of regressors: iid s²·Σzᵢ², robust f·Σzᵢ²eᵢ², cluster f·Σ_g(Σ_{i∈g} zᵢeᵢ)² (clipped at
 * 0 where `variance` clips). These are the entries an augmented regression gives that estimate;
 * a coefficient's own row of `variance` is the case zᵢ = row of (X'X)⁻¹xᵢ.
 *
 * @example
 * influenceVariance({ z, K: 2, resid, clusters, fe }, { type: "robust", smallSample: "reghdfe" }).v
 */
export function influenceVariance(
  input: { readonly z: Float64Array; readonly K: number; readonly resid: Float64Array; readonly clusters: ClusterVars; readonly fe: AbsorbedFe },
  spec: VcovSpec,
): { v: number; tDf: number } {
  const { z, K } = input;
  const r = scaledVariance({ ...input, cols: [z] }, spec, K, Float64Array.of(sumSquares(z)), (meat) => meat, [z]);
  return { v: r.V[0], tDf: r.tDf };
}

/**
 * iid: s²·iidUnit; otherwise the factor times `sandwichOf(meat of cols)`; K (the model's
 * regressors) sets s² and the factors.
 */
function scaledVariance(
  input: Omit<VarianceInput, "bread">, spec: VcovSpec, K: number,
  iidUnit: Float64Array, sandwichOf: (meat: Float64Array) => Float64Array, cols: readonly Float64Array[],
): Variance {
  const { resid, clusters, fe } = input;
  const N = resid.length;
  const k = cols.length;
  const d = absorbedDfFor(spec, fe);
  if (spec.type === "cluster") assertClusterCounts(clusters);
  const meat = vcovMeat(spec.type, cols, resid, clusters);
  if (!meat) return { V: scaleInPlace(Float64Array.from(iidUnit), sumSquares(resid) / (N - K - d)), tDf: N - K - d, absorbedDf: d, clusters: NaN };
  if (spec.type !== "cluster") return { V: scaleInPlace(sandwichOf(meat), robustFactor(N, K, d)), tDf: N - K - d, absorbedDf: d, clusters: NaN };
  const G = effectiveClusters(clusters);
  let V = scaleInPlace(sandwichOf(meat), clusterFactor(N, K, d, G));
  if (clusters.codes.length > 1 && spec.smallSample === "reghdfe") V = clipToPsd(V, k).V;
  const tDf = spec.smallSample === "reghdfe" ? Math.min(G - 1, N - K - (fe.hasFe ? fe.dof.dfA : 0)) : G - 1;
  return { V, tDf, absorbedDf: d, clusters: G };
}

/** G used by the small-sample factor and the t degrees of freedom: the smallest cluster count. */
export const effectiveClusters = (clusters: ClusterVars): number => Math.min(...clusters.counts);
