import { sandwich, scaleInPlace } from "../linalg/matrix";
import { clusterMeat, twoWayClusterMeat } from "./meat";
import { clipToPsd } from "./psd";
import { ClusterVars } from "./types";

/**
 * Cluster-robust variance before its small-sample factor: B·meat·B with one- or two-way
 * meat; the two-way result is clipped to PSD when `fixPsd` (reghdfe) is set.
 * Returns the CR0 variance and G = min over the cluster variables.
 */
export function clusterVcov(bread: Float64Array, cols: readonly Float64Array[], e: Float64Array, clusters: ClusterVars, factor: number, fixPsd: boolean): Float64Array {
  const k = cols.length;
  const meat = clusters.codes.length === 1
    ? clusterMeat(cols, e, clusters.codes[0], clusters.counts[0])
    : twoWayClusterMeat(cols, e, clusters.codes[0], clusters.counts[0], clusters.codes[1], clusters.counts[1]);
  let V = scaleInPlace(sandwich(bread, meat, k), factor);
  if (clusters.codes.length > 1 && fixPsd) V = clipToPsd(V, k).V;
  return V;
}

/** G used by the small-sample factor and the t degrees of freedom: the smallest cluster count. */
export const effectiveClusters = (clusters: ClusterVars): number => Math.min(...clusters.counts);
