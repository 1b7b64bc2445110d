/**
 * One argument order for FEREG and IV2SLS (src/engine/functionArguments.ts): the custom
 * functions' signatures, the worker's dispatcher and the template's formulas all follow it.
 */
import * as fs from "fs";
import * as path from "path";
import { byName, FUNCTION_ARGUMENTS, inCallOrder } from "../../src/engine/functionArguments";

const source = fs.readFileSync(path.resolve(__dirname, "../../src/functions/functions.ts"), "utf8");

/** Parameter names of `export function name(…)` and of its computeHeavy call, from the source. */
function signature(name: string): { params: string[]; forwarded: string[] } {
  const m = new RegExp(`export function ${name}\\(([^)]*)\\)[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(source);
  if (!m) throw new Error(`no function ${name} in functions.ts`);
  const params = m[1].split(",").map((p) => p.trim().split(/[?:]/)[0]);
  const call = /computeHeavy\("\w+", \[([^\]]*)\]/.exec(m[2]);
  return { params, forwarded: call ? call[1].split(",").map((s) => s.trim()) : [] };
}

test.each([["fereg", "FEREG"], ["iv2sls", "IV2SLS"]] as const)("=CITYPANEL.%s's parameters and what it forwards are the table's order", (fn, name) => {
  const { params, forwarded } = signature(fn);
  expect(params).toEqual([...FUNCTION_ARGUMENTS[name]]);
  expect(forwarded).toEqual([...FUNCTION_ARGUMENTS[name]]);
  // the @param lines of the metadata (Excel shows them in this order) follow it too
  const doc = source.slice(source.indexOf(`@customfunction ${name}\n`), source.indexOf(`export function ${fn}(`));
  expect([...doc.matchAll(/@param \[?(\w+)/g)].map((p) => p[1])).toEqual([...FUNCTION_ARGUMENTS[name]]);
});

test("inCallOrder and byName are inverse; omitted arguments are filled", () => {
  const args = inCallOrder("IV2SLS", { y: "Y", instruments: "Z", output: "first" }, "-");
  expect(args).toEqual(["Y", "-", "Z", "-", "-", "-", "-", "first", "-"]);
  expect(byName("IV2SLS", args)).toMatchObject({ y: "Y", instruments: "Z", output: "first", endog: "-" });
  expect(byName("FEREG", ["y", "x"])).toEqual({ y: "y", x: "x", fe: undefined, vcov: undefined, cluster: undefined, output: undefined, rowlabels: undefined });
});
// The template's formulas in this order: test/study/template.test.ts checks the FEREG text argument by argument.
