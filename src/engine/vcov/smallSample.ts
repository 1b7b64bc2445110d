/**
 * Small-sample multipliers of the variance estimators, as the reference implementations
 * apply them (spec formulas.md §2). N observations, K regressors (constant included when
 * there are no fixed effects), G clusters (two-way: the smaller count).
 *
 * Where reghdfe and ivreghdfe differ: with an FE nested in the cluster (city FE, cluster by
 * city) reghdfe subtracts one more degree of freedom ("nestedAdj") to match xtreg; ivreg2
 * does not, and uses max(df_a_nonnested, 1).
 */

/** reghdfe `vce(unadjusted)`: V = RSS/(N − K − df_a) · (X'X)⁻¹ — this returns 1/(N−K−df_a). */
export const iidScale = (N: number, K: number, dfA: number): number => 1 / (N - K - dfA);

/** reghdfe / ivreghdfe `vce(robust)`: HC1 = N/(N − K − df_a) · HC0. */
export const robustFactor = (N: number, K: number, dfA: number): number => N / (N - K - dfA);

/**
 * reghdfe cluster factor: (N−1)/(N − K − df_a_nonnested − nestedAdj) · G/(G−1).
 *
 * @example
 * reghdfeClusterFactor(2744, 8, 13, 1, 196)  // (2743/2722)·(196/195)
 */
export const reghdfeClusterFactor = (N: number, K: number, dfANonNested: number, nestedAdj: number, G: number): number =>
  ((N - 1) / (N - K - dfANonNested - nestedAdj)) * (G / (G - 1));

/** ivreghdfe cluster factor: (N−1)/(N − K − sdof) · G/(G−1), sdof = max(df_a_nonnested, 1) with FEs. */
export const ivreghdfeClusterFactor = (N: number, K: number, sdof: number, G: number): number =>
  ((N - 1) / (N - K - sdof)) * (G / (G - 1));

/** ivreg2's `sdofminus` with absorbed FEs: the absorbed df not nested in the cluster, at least 1. */
export const ivreghdfeSdof = (dfANonNested: number, hasFe: boolean): number => (hasFe ? Math.max(dfANonNested, 1) : 0);
