/** The variance estimators CityPanel offers. */
export type VcovType = "iid" | "robust" | "cluster";

/** Cluster variables of the estimation sample, with dense codes. */
export interface ClusterVars {
  readonly names: readonly string[];
  readonly codes: readonly Int32Array[];
  readonly counts: readonly number[];
}

/** Parse a user's VCE word (English or Chinese synonyms accepted). */
export function parseVcovType(s: string | null | undefined, hasCluster: boolean): VcovType | null {
  if (s === null || s === undefined || s.trim() === "") return hasCluster ? "cluster" : "robust";
  const t = s.trim().toLowerCase();
  if (["iid", "unadjusted", "ols", "homoskedastic", "standard", "普通"].includes(t)) return "iid";
  if (["robust", "hc1", "hetero", "heteroskedastic", "稳健", "异方差稳健"].includes(t)) return "robust";
  if (["cluster", "clustered", "cl", "聚类", "聚类稳健"].includes(t)) return "cluster";
  return null;
}
