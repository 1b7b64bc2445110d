/**
 * The argument order of the worksheet functions whose calls more than one place spells out:
 * the custom functions' signatures (src/functions/functions.ts, checked against this table by
 * test/functions/argumentOrder.test.ts), the worker's dispatcher
 * (src/functions/worker/heavyFunctions.ts) and the template's live formulas
 * (src/engine/study/template/tableSheets.ts). Change an order here and all of them follow.
 *
 * @example
 * inCallOrder("FEREG", { y: "D:D", x: "E:L" }, "")   // ["D:D", "E:L", "", "", "", "", ""]
 * byName("FEREG", [y, x, fe]).fe                      // fe
 */
export const FUNCTION_ARGUMENTS = {
  FEREG: ["y", "x", "fe", "vcov", "cluster", "output", "rowlabels"],
  IV2SLS: ["y", "endog", "instruments", "exog", "fe", "vcov", "cluster", "output", "rowlabels"],
} as const;

export type OrderedFunction = keyof typeof FUNCTION_ARGUMENTS;
export type ArgumentName<F extends OrderedFunction> = (typeof FUNCTION_ARGUMENTS)[F][number];

/** Named arguments as the positional list a call takes; `omitted` fills the ones not given. */
export function inCallOrder<F extends OrderedFunction, T>(fn: F, named: Partial<Record<ArgumentName<F>, T>>, omitted: T): T[] {
  return FUNCTION_ARGUMENTS[fn].map((name: ArgumentName<F>) => (name in named ? named[name] as T : omitted));
}

/** A positional argument list by name (arguments beyond the list are absent). */
export function byName<F extends OrderedFunction>(fn: F, args: readonly unknown[]): Record<ArgumentName<F>, unknown> {
  const out = {} as Record<ArgumentName<F>, unknown>;
  FUNCTION_ARGUMENTS[fn].forEach((name: ArgumentName<F>, i: number) => { out[name] = args[i]; });
  return out;
}
