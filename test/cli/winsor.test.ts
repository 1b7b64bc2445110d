/** `citypanel winsor` reproduces the reference cut points and winsorised values. */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { tableNumeric } from "../../src/engine/data/table";
import { expectRel, REFERENCE_DIR, referenceResults } from "../support/reference";
import { runCli, runJson } from "./runCli";

const DATA = path.join(REFERENCE_DIR, "data", "panel_public.csv");
const TOL = 1e-10;

describe("citypanel winsor", () => {
  test("--cuts 1,99 --json: lo, hi and values per column", async () => {
    const ref = referenceResults("panel_public.json").winsor_1_99;
    const j = await runJson(["winsor", DATA, "--cols", "inn,digit", "--cuts", "1,99"]);
    expect(j.command).toBe("winsor");
    const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
    for (const v of ["inn", "digit"]) {
      expectRel(j.columns[v].lo, ref[v].p1_stata, TOL, `${v} lo`);
      expectRel(j.columns[v].hi, ref[v].p99_stata, TOL, `${v} hi`);
      tableNumeric(derived, `${v}_w1_99_stata`).values.forEach((w, i) => expectRel(j.columns[v].values[i], w, TOL, `${v} row ${i + 1}`));
    }
  });
  test("grunfeld, default cuts", async () => {
    const ref = referenceResults("grunfeld.json").winsor_1_99;
    const j = await runJson(["winsor", path.join(REFERENCE_DIR, "data", "grunfeld.csv"), "--cols", "inv,value,capital"]);
    for (const v of ["inv", "value", "capital"]) {
      expectRel(j.columns[v].lo, ref[v].p1_stata, TOL, `${v} lo`);
      expectRel(j.columns[v].hi, ref[v].p99_stata, TOL, `${v} hi`);
      expect(j.columns[v].n_low).toBe(ref[v].n_clipped_low_stata);
    }
  });
  test("--trim --by year: null for trimmed values, cut points keyed by year", async () => {
    const j = await runJson(["winsor", DATA, "--cols", "inn", "--by", "year", "--trim"]);
    expect(Object.keys(j.columns.inn.lo).length).toBe(14);
    const nulls = j.columns.inn.values.filter((v: number | null) => v === null).length;
    expect(nulls).toBe(j.columns.inn.n_low + j.columns.inn.n_high);
    expect(nulls).toBe(14 * 2); // n = 196 per year: P = 1.96 → x(2), P = 194.04 → x(195): one below, one above
  });
  test("bad --cuts: exit 2", async () => {
    const r = await runCli(["winsor", DATA, "--cols", "inn", "--cuts", "99,1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the lower cut (99) must be below the upper cut (1)");
    expect((await runCli(["winsor", DATA, "--cols", "inn", "--cuts", "5"])).stderr).toContain("--cuts needs two numbers");
  });
});
