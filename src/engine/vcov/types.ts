/** The variance estimators CityPanel offers. */
export type VcovType = "iid" | "robust" | "cluster";

/** Cluster variables of the estimation sample, with dense codes. */
export interface ClusterVars {
  readonly names: readonly string[];
  readonly codes: readonly Int32Array[];
  readonly counts: readonly number[];
}

/**
 * Whose small-sample conventions a variance follows (fixest's `ssc()`): reghdfe for FEREG,
 * ivreg2 (as ivreghdfe calls it) for IV2SLS and its first stages. See smallSample.ts.
 */
export type SmallSampleConvention = "reghdfe" | "ivreg2";

/** A variance estimator: which one, and with whose small-sample factor. */
export interface VcovSpec {
  readonly type: VcovType;
  readonly smallSample: SmallSampleConvention;
}
