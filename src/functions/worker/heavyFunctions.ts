import { AbsorptionCache } from "../../engine/fe/absorptionCache";
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
export type HeavyFunction = "FEREG" | "IV2SLS";

export function runHeavy(fn: HeavyFunction, args: readonly unknown[], lang: Lang, cache: AbsorptionCache): Spill {
  const a = (k: number) => args[k];
  if (fn === "FEREG") return feregSpill(a(0), a(1), a(2), a(3), a(4), a(5), lang, cache, a(6));
  return iv2slsSpill(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), lang, cache, a(8));
}
