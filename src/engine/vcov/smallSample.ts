import { AbsorbedDof } from "../fe/dof";
import { VcovSpec } from "./types";

/**
 * Small-sample multipliers of the variance estimators, as the reference implementations
 * apply them (docs/methods.md §2). N observations, K regressors (constant included when
 * there are no fixed effects), G clusters (two-way: the smaller count), and d the absorbed
 * degrees of freedom the convention subtracts (`absorbedDfFor`):
 *
 * - iid:     V = RSS/(N − K − d) · (X'X)⁻¹
 * - robust:  HC1 = N/(N − K − d) · HC0
 * - cluster: (N − 1)/(N − K − d) · G/(G − 1) · CR0
 *
 * Where reghdfe and ivreghdfe differ: with an FE nested in the cluster (city FE, cluster by
 * city) reghdfe subtracts df_a_nonnested plus one more ("nestedAdj", to match xtreg); ivreg2
 * subtracts max(df_a_nonnested, 1) ("sdofminus"). Without clustering both subtract df_a.
 */

/** The fixed effects a model absorbed: their degrees of freedom, and whether there are any. */
export interface AbsorbedFe {
  readonly dof: AbsorbedDof;
  readonly hasFe: boolean;
}

/**
 * d, the absorbed degrees of freedom subtracted from N − K in the multipliers above (and in
 * the t degrees of freedom of ivreg2). 0 without fixed effects.
 *
 * @example
 * // 196 cities × 14 years, city + year FE, cluster by city: reghdfe 13 + 1, ivreg2 13
 * absorbedDfFor({ type: "cluster", smallSample: "reghdfe" }, fe)  // 14
 */
export function absorbedDfFor(spec: VcovSpec, fe: AbsorbedFe): number {
  if (!fe.hasFe) return spec.type === "cluster" && spec.smallSample === "reghdfe" ? fe.dof.nestedAdj : 0;
  if (spec.type !== "cluster") return fe.dof.dfA;
  return spec.smallSample === "reghdfe" ? fe.dof.dfANonNested + fe.dof.nestedAdj : Math.max(fe.dof.dfANonNested, 1);
}

/** HC1 multiplier N/(N − K − d). */
export const robustFactor = (N: number, K: number, d: number): number => N / (N - K - d);

/**
 * Cluster multiplier (N − 1)/(N − K − d) · G/(G − 1).
 *
 * @example
 * clusterFactor(2744, 8, 13 + 1, 196)  // (2743/2722)·(196/195), reghdfe with city FE nested in the cluster
 */
export const clusterFactor = (N: number, K: number, d: number, G: number): number => ((N - 1) / (N - K - d)) * (G / (G - 1));

/**
 * The absorbed df reghdfe charges in the adjusted R², adjusted within R² and RMSE
 * (used_df_r = N − K − this; docs/methods.md §1.4): under clustering the non-nested part plus
 * the nested FEs at their full level count (which exceeds their rank by one when every FE is
 * nested, e.g. two-way clustering by city and year: 210, not 209); otherwise df_a.
 */
export function fitAbsorbedDf(spec: VcovSpec, fe: AbsorbedFe): number {
  if (!fe.hasFe) return 0;
  return spec.type === "cluster" ? fe.dof.dfANonNested + fe.dof.dfANested : fe.dof.dfA;
}

/**
 * ivreg2's F form of the Kleibergen–Paap rk Wald χ² (docs/methods.md §3.3): the χ² with the
 * first stage's small-sample scaling, divided by L1. Under iid it is the Cragg–Donald F.
 * N observations, L instruments in all, L1 excluded, d = `absorbedDfFor`, G clusters.
 */
export function kpWaldF(kpWaldChi2: number, cdF: number, spec: VcovSpec, n: { N: number; L: number; L1: number; d: number; G: number }): number {
  const { N, L, L1, d, G } = n;
  if (spec.type === "iid") return cdF;
  if (spec.type === "robust") return ((kpWaldChi2 / N) * (N - L - d)) / L1;
  return ((kpWaldChi2 / (N - 1)) * (N - L - d) * ((G - 1) / G)) / L1;
}
