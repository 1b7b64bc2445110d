import { valueError } from "../errors";
import { chooseVcov } from "./clusters";
import { VcovType } from "./types";

/**
 * The one reading of a user's variance-estimator word, called by every face (the command
 * line's --vcov / --cluster, the VCE and cluster arguments of =CITYPANEL.FEREG / IV2SLS, the
 * task pane's model, the study definition's "vcov" / "cluster"). One rule everywhere:
 *
 * - no word: "cluster" when cluster variables are given, else "robust";
 * - "cluster" needs a cluster variable (or the face's default, e.g. the study's city column);
 * - a cluster variable with an explicit "robust" or "iid" is refused: the two contradict each
 *   other, and silently dropping either would report errors the user did not ask for.
 *
 * English and Chinese synonyms are accepted (`vcovWord`). `names` are the face's words for the
 * two inputs, so a message names the option or argument the user typed.
 *
 * @example
 * resolveVcov("", ["city"])               // { type: "cluster", clusters: ["city"] }
 * resolveVcov("稳健", [])                  // { type: "robust", clusters: [] }
 * resolveVcov("robust", ["city"])         // throws: … contradict each other …
 */
export interface VcovArgNames {
  readonly vcov: string;
  readonly vcovZh: string;
  readonly cluster: string;
  readonly clusterZh: string;
}

/** The custom functions' argument names (the default). */
export const CELL_ARGS: VcovArgNames = { vcov: "vcov", vcovZh: "vcov", cluster: "the cluster argument", clusterZh: "聚类变量（cluster 参数）" };
/** The command line's options. */
export const CLI_ARGS: VcovArgNames = { vcov: "--vcov", vcovZh: "--vcov", cluster: "--cluster", clusterZh: "--cluster" };
/** The study definition's keys (JSON file, task pane). */
export const STUDY_KEYS: VcovArgNames = { vcov: '"vcov"', vcovZh: "“vcov”键", cluster: 'the "cluster" key', clusterZh: "“cluster”键" };

export function resolveVcov<C>(word: string | null | undefined, clusters: readonly C[], opts: { names?: VcovArgNames; defaultCluster?: C } = {}): { type: VcovType; clusters: readonly C[] } {
  const names = opts.names ?? CELL_ARGS;
  const w = (word ?? "").trim();
  if (w === "") return chooseVcov(undefined, clusters);
  const type = vcovWord(w);
  if (!type) {
    throw valueError(`${names.vcov} must be "robust", "iid" or "cluster", got "${w}"`, `${names.vcovZh} 必须为 "robust"、"iid" 或 "cluster"，实际为 "${w}"`);
  }
  if (type !== "cluster" && clusters.length > 0) {
    throw valueError(
      `${capitalize(names.cluster)} and ${names.vcov} "${w}" contradict each other: to cluster, omit ${names.vcov} or set it to "cluster"; for ${type} standard errors, remove ${names.cluster}`,
      `${names.clusterZh}与 ${names.vcovZh} "${w}" 相互矛盾：如需聚类，请省略 ${names.vcovZh} 或将其设为 "cluster"；如需 ${type} 标准误，请删除${names.clusterZh}`,
    );
  }
  if (type === "cluster" && clusters.length === 0) {
    if (opts.defaultCluster !== undefined) return chooseVcov(type, [opts.defaultCluster]);
    throw valueError(`${names.vcov} "cluster" needs ${names.cluster} (e.g. the city column)`, `${names.vcovZh} 为 "cluster" 时需要提供${names.clusterZh}（例如城市列）`);
  }
  return chooseVcov(type, clusters);
}

/** A VCE word (English or Chinese synonyms) → the estimator, or null when it names none. */
export function vcovWord(s: string): VcovType | null {
  const t = s.trim().toLowerCase();
  if (["iid", "unadjusted", "ols", "homoskedastic", "standard", "普通"].includes(t)) return "iid";
  if (["robust", "hc1", "hetero", "heteroskedastic", "稳健", "异方差稳健"].includes(t)) return "robust";
  if (["cluster", "clustered", "cl", "聚类", "聚类稳健"].includes(t)) return "cluster";
  return null;
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
