import { AbsorptionCache } from "../../engine/fe/absorptionCache";
import { byName } from "../../engine/functionArguments";
import { Lang } from "../../engine/i18n/lang";
import { Spill } from "../adapters/common";
import { feregSpill } from "../adapters/fereg";
import { iv2slsSpill } from "../adapters/iv2sls";

/**
 * The custom functions heavy enough to leave the shared runtime's main thread (the task pane
 * and Excel's calls to other functions stay responsive while they run): FEREG and IV2SLS.
 * One dispatcher, used both in the functions worker and, where no worker can start, in-thread.
 *
 * @example
 * runHeavy("FEREG", [y, x, fe, "robust"], "en", cache)   // the same spill as =CITYPANEL.FEREG(y, x, fe, "robust")
 */
export type HeavyFunction = "FEREG" | "IV2SLS"; // argument order: engine/functionArguments.ts

export function runHeavy(fn: HeavyFunction, args: readonly unknown[], lang: Lang, cache: AbsorptionCache): Spill {
  if (fn === "FEREG") {
    const a = byName("FEREG", args);
    return feregSpill(a.y, a.x, a.fe, a.vcov, a.cluster, a.output, lang, cache, a.rowlabels);
  }
  const a = byName("IV2SLS", args);
  return iv2slsSpill(a.y, a.endog, a.instruments, a.exog, a.fe, a.vcov, a.cluster, a.output, lang, cache, a.rowlabels);
}
