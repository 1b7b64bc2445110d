/** `citypanel pca` reproduces the reference PCA. */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { tableNumeric } from "../../src/engine/data/table";
import { expectRel, REFERENCE_DIR, referenceResults } from "../support/reference";
import { runCli, runJson } from "./runCli";

const DATA = path.join(REFERENCE_DIR, "data", "panel_public.csv");
const all = referenceResults("panel_public.json");
const COLS = (all.entropy.indicators as string[]).join(",");
const NEG = (all.entropy.negative as string[]).join(",");
const TOL = 1e-10;

describe("citypanel pca", () => {
  test("--json keys and values of spec/cli.md", async () => {
    const j = await runJson(["pca", DATA, "--cols", COLS, "--negative", NEG]);
    expect(j.command).toBe("pca");
    expect(j.nobs).toBe(2744);
    all.pca.eigenvalues.forEach((l: number, k: number) => expectRel(j.eigenvalues[k], l, TOL, `λ${k + 1}`));
    all.pca.explained_ratio.forEach((e: number, k: number) => expectRel(j.explained[k], e, TOL, `explained ${k + 1}`));
    expect(j.retained).toBe(all.pca.n_components_eig_gt_1);
    for (const [n, v] of Object.entries(all.pca.loadings_pc1 as Record<string, number>)) {
      expect(j.loadings[n].length).toBe(25);
      expectRel(j.loadings[n][0], v, TOL, `loading ${n}`);
    }
    const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
    const comp = tableNumeric(derived, "pca_composite_eig_gt_1").values;
    const pc1 = tableNumeric(derived, "pca_pc1_score").values;
    comp.forEach((v, i) => expectRel(j.index[i], v, TOL, `index row ${i + 1}`));
    pc1.forEach((v, i) => expectRel(j.pc1[i], v, TOL, `pc1 row ${i + 1}`));
    expectRel(j.kmo, all.pca.kmo, TOL, "kmo");
    expectRel(j.bartlett_chi2, all.pca.bartlett_chi2, TOL, "bartlett");
    expect(j.bartlett_df).toBe(300);
  });
  test("text output and a constant column error", async () => {
    const r = await runCli(["pca", DATA, "--cols", "ind01,ind02,ind03"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PC1 \*/);
    expect(r.stdout).toMatch(/KMO = /);
    const bad = await runCli(["pca", DATA, "--cols", "ind01"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--cols needs at least 2 columns");
  });
});
