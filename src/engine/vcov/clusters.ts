import { numError, valueError } from "../errors";
import { ClusterVars, VcovType } from "./types";

/**
 * Which estimator a model uses, from the typed option and the cluster variables given (the
 * engine's rule; the faces read the user's word with `resolveVcov`): the option, else
 * "cluster" when cluster variables are given, else "robust". Returns the cluster variables
 * the estimator uses: none unless it clusters.
 *
 * @example
 * chooseVcov(undefined, [city])   // { type: "cluster", clusters: [city] }
 * chooseVcov("robust", [city])    // { type: "robust", clusters: [] }
 */
export function chooseVcov<C>(type: VcovType | undefined, clusters: readonly C[]): { type: VcovType; clusters: readonly C[] } {
  const chosen: VcovType = type ?? (clusters.length > 0 ? "cluster" : "robust");
  if (chosen !== "cluster") return { type: chosen, clusters: [] };
  if (clusters.length === 0) throw valueError("clustered standard errors need a cluster variable (e.g. city)", "聚类标准误需要指定聚类变量（例如城市）");
  if (clusters.length > 2) throw valueError("at most two cluster variables are supported", "最多支持两个聚类变量");
  return { type: chosen, clusters };
}

/** Clustering needs at least two clusters in the estimation sample, in every cluster variable. */
export function assertClusterCounts(clusters: ClusterVars): void {
  clusters.counts.forEach((G, j) => {
    if (G < 2) {
      throw numError(
        `cluster variable "${clusters.names[j]}" has only ${G} cluster in the estimation sample: cluster-robust errors need at least 2 (many more to be reliable)`,
        `聚类变量“${clusters.names[j]}”在估计样本中只有 ${G} 个类：聚类稳健标准误至少需要 2 个类（越多越可靠）`,
      );
    }
  });
}
