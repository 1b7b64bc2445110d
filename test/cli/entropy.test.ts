/** `citypanel entropy` reproduces the reference weights and index; errors exit 2 with a message. */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { tableNumeric } from "../../src/engine/data/table";
import { parseDimensions } from "../../src/cli/commands/entropy";
import { expectRel, REFERENCE_DIR, referenceResults } from "../support/reference";
import { runCli, runJson } from "./runCli";

const DATA = path.join(REFERENCE_DIR, "data", "panel_public.csv");
const ref = referenceResults("panel_public.json").entropy;
const COLS = (ref.indicators as string[]).join(",");
const NEG = (ref.negative as string[]).join(",");
const TOL = 1e-10;

describe("citypanel entropy", () => {
  test("--json: weights, entropy, divergence, index, constant, nobs as spec/cli.md", async () => {
    const j = await runJson(["entropy", DATA, "--cols", COLS, "--negative", NEG]);
    expect(j.command).toBe("entropy");
    expect(j.nobs).toBe(2744);
    expect(j.constant).toEqual([]);
    for (const n of ref.indicators as string[]) {
      expectRel(j.weights[n], ref.weights[n], TOL, `weight ${n}`);
      expectRel(j.entropy[n], ref.entropy[n], TOL, `entropy ${n}`);
      expectRel(j.divergence[n], 1 - ref.entropy[n], 1e-9, `divergence ${n}`);
    }
    const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
    const want = tableNumeric(derived, "entropy_index_unshifted").values;
    expect(j.index.length).toBe(2744);
    want.forEach((v, i) => expectRel(j.index[i], v, TOL, `index row ${i + 1}`));
    expect(j.shift).toBe(0.0001);
    expect(j.method).toBe("shift");
  });

  test("--shift 0.0001 explicitly gives the same numbers", async () => {
    const a = await runJson(["entropy", DATA, "--cols", COLS, "--negative", NEG, "--shift", "0.0001"]);
    expectRel(a.weights.ind01, ref.weights.ind01, TOL, "ind01");
  });

  test("--by year: weights, entropy, divergence keyed by group value; nulls for rows not used stay absent", async () => {
    const j = await runJson(["entropy", DATA, "--cols", "ind01,ind02,ind04", "--negative", "ind04", "--by", "year"]);
    expect(Object.keys(j.weights)).toEqual(Array.from({ length: 14 }, (_, k) => String(2008 + k)));
    const w = j.weights["2015"];
    expect(w.ind01 + w.ind02 + w.ind04).toBeCloseTo(1, 14);
    expect(Object.keys(j.entropy["2008"])).toEqual(["ind01", "ind02", "ind04"]);
    expect(j.nobs_by_group["2021"]).toBe(196);
  });

  test("--dimensions: dimension totals in the JSON and the Table-1-style text", async () => {
    const dims = "resources:ind01,ind02;knowledge:ind03,ind04";
    const j = await runJson(["entropy", DATA, "--cols", "ind01,ind02,ind03,ind04", "--negative", "ind04", "--dimensions", dims]);
    expect(j.dimensions.resources).toBeCloseTo(j.weights.ind01 + j.weights.ind02, 15);
    expect(j.dimensions.resources + j.dimensions.knowledge).toBeCloseTo(1, 14);
    const text = await runCli(["entropy", DATA, "--cols", "ind01,ind02,ind03,ind04", "--negative", "ind04", "--dimensions", dims]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/indicator\s+direction\s+min\s+max\s+entropy e\s+divergence d\s+weight %/);
    expect(text.stdout).toMatch(/resources \(total\)/);
    expect(text.stdout).toMatch(/ind04\s+−/);
    expect(text.stdout).toMatch(/total\s+100\.0000/);
  });

  test("text output lists every indicator with its weight in percent", async () => {
    const r = await runCli(["entropy", DATA, "--cols", COLS, "--negative", NEG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("N = 2744");
    expect(r.stdout).toMatch(new RegExp(`ind08\\s+\\+.*${(100 * ref.weights.ind08).toFixed(4)}`));
  });

  test("a missing column: exit 2 and a one-line message naming it", async () => {
    const r = await runCli(["entropy", DATA, "--cols", "ind01,nosuch"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^citypanel entropy: no column named "nosuch" \(columns: city, year/);
    expect(r.stderr.trim().split("\n").length).toBe(1);
  });

  test("bad usage: exit 2", async () => {
    expect((await runCli(["entropy", DATA])).code).toBe(2);
    const m = await runCli(["entropy", DATA, "--cols", "ind01,ind02", "--method", "log"]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('--method must be shift, compress or none, got "log"');
    expect((await runCli(["entropy", DATA, "--cols", "ind01", "--dimensions", "oops"])).stderr).toContain("is not of the form name:col1,col2");
    expect((await runCli(["entropy", DATA, "--cols", "ind01,ind02", "--negative", "ind09"])).stderr).toContain('negative-direction indicator "ind09" is not among the indicator columns');
  });

  test("parseDimensions", () => {
    expect(parseDimensions("a:x,y; b: z")).toEqual([{ name: "a", indicators: ["x", "y"] }, { name: "b", indicators: ["z"] }]);
  });
});
