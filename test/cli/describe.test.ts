/** `citypanel describe` reproduces Stata `summarize` for every numeric column. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expectRel, REFERENCE_DIR, referenceResults } from "../support/reference";
import { runCli, runJson } from "./runCli";

describe("citypanel describe", () => {
  test.each([["panel_public.csv", "panel_public.json"], ["grunfeld.csv", "grunfeld.json"]])("%s: every column without --cols", async (dataFile, resultFile) => {
    const ref = referenceResults(resultFile).describe as Record<string, Record<string, number>>;
    const j = await runJson(["describe", path.join(REFERENCE_DIR, "data", dataFile)]);
    expect(j.command).toBe("describe");
    expect(Object.keys(j.columns).sort()).toEqual(Object.keys(ref).sort());
    for (const [c, r] of Object.entries(ref)) {
      expect(j.columns[c].n).toBe(r.n);
      for (const k of ["mean", "sd", "min", "max"]) expectRel(j.columns[c][k], r[k], 1e-10, `${c}.${k}`);
    }
  });
  test("--cols and --detail (percentiles, skewness, kurtosis)", async () => {
    const j = await runJson(["describe", path.join(REFERENCE_DIR, "data", "panel_public.csv"), "--cols", "inn", "--detail"]);
    const ref = referenceResults("panel_public.json").winsor_1_99.inn;
    expect(Object.keys(j.columns)).toEqual(["inn"]);
    expectRel(j.columns.inn.percentiles["1"], ref.p1_stata, 1e-12, "p1");
    expectRel(j.columns.inn.percentiles["99"], ref.p99_stata, 1e-12, "p99");
    expect(typeof j.columns.inn.skewness).toBe("number");
    expect(j.columns.inn.kurtosis).toBeGreaterThan(1);
  });
  test("text table; text columns skipped without --cols, an error with --cols", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-describe-"));
    const file = path.join(dir, "d.csv");
    fs.writeFileSync(file, "city,x\nBeijing,1\nShanghai,3\n");
    const r = await runCli(["describe", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/variable\s+N\s+mean\s+SD\s+min\s+max/);
    expect(r.stdout).not.toContain("city");
    const bad = await runCli(["describe", file, "--cols", "city"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('column "city", row 2: "Beijing" is not a number');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
