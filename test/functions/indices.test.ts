import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { numericColumn } from "../../src/engine/data/columns";
import { couplingCoordination } from "../../src/engine/index/coupling";
import { interactionTerm } from "../../src/engine/index/interaction";
import { industrialStructureIndex } from "../../src/engine/index/ris";
import {
  couplingSpill, descstatsSpill, entropySpill, indstructSpill, interactSpill, locquotSpill, negativeIndicators, pcaSpill, winsorSpill,
} from "../../src/functions/adapters/indices";
import { excelErrorSpec } from "../../src/functions/excelErrors";
import { expectRel, REFERENCE_DIR, referenceResults } from "../support/reference";
import { edit, errorCell, panel, range } from "./sheet";

const t = panel();
const ref = referenceResults("panel_public.json");
const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
const dcol = (n: string) => derived.columns[derived.names.indexOf(n)].map(Number);
const IND = Array.from({ length: 25 }, (_, j) => `ind${String(j + 1).padStart(2, "0")}`);
const NEG = ["ind04", "ind09", "ind15", "ind20", "ind25"];
const ind = range(t, IND);
const DIMS = ["resources", "knowledge", "performance", "environment", "collaboration"];
const dimsRow = [IND.map((_, j) => DIMS[Math.floor(j / 5)])];

function excelError(fn: () => unknown, lang: "en" | "zh" = "en") {
  try {
    fn();
  } catch (e) {
    return excelErrorSpec(e, lang);
  }
  throw new Error("expected an error");
}
/** The values of a per-row spill (header dropped), one column. */
const values = (s: unknown[][], j = 0) => s.slice(1).map((r) => r[j]);

describe("ENTROPYWEIGHTS", () => {
  const table = entropySpill(ind, [["ind04,ind09,ind15,ind20,ind25"]], null, null, null, null, "en");

  it("weights table equals the reference (25 indicators, 5 negative)", () => {
    expect(table[0]).toEqual(["indicator", "min", "max", "entropy", "divergence", "weight"]);
    expect(table.length).toBe(26);
    for (const r of table.slice(1)) {
      const n = r[0] as string;
      expectRel(r[5] as number, ref.entropy.weights[n], 1e-10, `weight ${n}`);
      expectRel(r[3] as number, ref.entropy.entropy[n], 1e-12, `entropy ${n}`);
      expectRel(r[1] as number, ref.entropy.min[n], 1e-12, `min ${n}`);
      expectRel(r[4] as number, 1 - ref.entropy.entropy[n], 1e-9, `divergence ${n}`);
    }
  });

  it("directions as one sign per indicator give the same table; all-positive differs", () => {
    const signs = [IND.map((n) => (NEG.includes(n) ? -1 : 1))];
    const words = [IND.map((n) => (NEG.includes(n) ? "-" : "+"))];
    expect(entropySpill(ind, signs, null, "table", null, null, "en")).toEqual(table);
    expect(entropySpill(ind, words, null, "table", null, null, "en")).toEqual(table);
    expect(entropySpill(ind, NEG.map((n) => [n]), null, "table", null, null, "en")).toEqual(table);
    expect(entropySpill(ind, null, null, "table", null, null, "en")).not.toEqual(table);
  });

  it('"index": one value per row under a header, as the reference (unshifted min–max)', () => {
    const s = entropySpill(ind, [NEG], null, "index", 0.0001, null, "en");
    expect(s[0]).toEqual(["index"]);
    expect(s.length).toBe(2745);
    const want = dcol("entropy_index_unshifted");
    values(s).forEach((v, i) => expectRel(v as number, want[i], 1e-9, `index row ${i}`));
  });

  it("dimensions: a dimension column and the dimension totals (Table 1)", () => {
    const s = entropySpill(ind, [NEG], null, "table", null, dimsRow, "en");
    expect(s[0]).toEqual(["indicator", "dimension", "min", "max", "entropy", "divergence", "weight"]);
    expect(s[1].slice(0, 2)).toEqual(["ind01", "resources"]);
    const d = entropySpill(ind, [NEG], null, "dimensions", null, dimsRow, "zh");
    expect(d[0]).toEqual(["维度", "权重"]);
    expect(d.slice(1).map((r) => r[0])).toEqual(DIMS);
    const sum = (k: number) => IND.slice(5 * k, 5 * k + 5).reduce((a, n) => a + ref.entropy.weights[n], 0);
    d.slice(1).forEach((r, k) => expectRel(r[1] as number, sum(k), 1e-10, DIMS[k]));
  });

  it('"percent": Table 1\'s weight column, weight × 100 per indicator, no header', () => {
    const p = entropySpill(ind, [["ind04,ind09,ind15,ind20,ind25"]], null, "percent", null, null, "en");
    expect(p.length).toBe(25);
    p.forEach((r, j) => { expect(r.length).toBe(1); expect(r[0]).toBe(100 * (table[j + 1][5] as number)); });
  });

  it("groups: weights within each year, a group column first", () => {
    const s = entropySpill(ind, [NEG], range(t, ["year"]), "table", null, null, "en");
    expect(s[0][0]).toBe("group");
    expect(s.length).toBe(1 + 14 * 25);
    expect(s[1][0]).toBe(2008);
    const w2008 = s.slice(1, 26).reduce((a, r) => a + (r[6] as number), 0);
    expectRel(w2008, 1, 1e-12, "weights of 2008 sum to 1");
  });

  it("dirty cells: missing rows get \"\" in the index; messages", () => {
    const dirty = edit(ind, [1, 0, ""], [2, 3, null], [3, 5, errorCell("#VALUE!")], [4, 7, "NA"], [5, 2, "3.5"]);
    const s = entropySpill(dirty, [NEG], null, "index", null, null, "en");
    expect(values(s).slice(0, 5)).toEqual(["", "", "", "", expect.any(Number)]);
    expect(excelError(() => entropySpill(edit(ind, [6, 1, "x"]), null, null, null, null, null, "en")).message).toBe('column "ind02", row 7: "x" is not a number');
    expect(excelError(() => entropySpill(ind, [["ind99"]], null, null, null, null, "en")).message).toBe('negative-direction indicator "ind99" is not among the indicator columns');
    expect(excelError(() => entropySpill(ind, [["ind99"]], null, null, null, null, "zh"), "zh").message).toBe("负向指标“ind99”不在指标列中");
    expect(excelError(() => entropySpill(ind, null, null, "dimensions", null, null, "en")).message).toMatch(/needs the dimensions argument/);
    expect(excelError(() => entropySpill(ind, null, null, null, null, [["a", "b"]], "en")).message).toBe("dimensions must name one dimension per indicator column: 25 indicators, 2 dimension cells");
    expect(excelError(() => entropySpill(ind, null, range(t, ["year"]).slice(1), null, null, null, "en")).message).toMatch(/^groups has 2743 data rows but the first range has 2744/);
    expect(excelError(() => entropySpill(ind, null, edit(range(t, ["year"]), [3, 0, ""]), null, null, null, "en")).message).toMatch(/^groups "year", row 4: the id is missing but indicators has a value/);
    expect(excelError(() => entropySpill(ind, null, null, "weights", null, null, "en")).message).toBe('output must be one of "table", "index", "dimensions", "percent", got "weights"');
  });

  it("negativeIndicators reads signs, words or names", () => {
    expect(negativeIndicators([[1, -1, "+"]], ["a", "b", "c"])).toEqual(["b"]);
    expect(negativeIndicators([["negative", "positive", "neg"]], ["a", "b", "c"])).toEqual(["a", "c"]);
    expect(negativeIndicators([["b, c"]], ["a", "b", "c"])).toEqual(["b", "c"]);
    expect(negativeIndicators(null, ["a"])).toEqual([]);
  });
});

describe("PCAINDEX", () => {
  it("composite and first component as the reference; eigenvalues, loadings and KMO", () => {
    const s = pcaSpill(ind, [NEG], null, null, "en");
    expect(s[0]).toEqual(["index"]);
    const want = dcol("pca_composite_eig_gt_1");
    values(s).forEach((v, i) => expectRel(v as number, want[i], 1e-8, `pca row ${i}`));
    const eig = pcaSpill(ind, [NEG], "eigen", null, "en");
    expect(eig[0]).toEqual(["component", "eigenvalue", "explained", "cumulative", "weight"]);
    eig.slice(1).forEach((r, k) => expectRel(r[1] as number, ref.pca.eigenvalues[k], 1e-10, `eigenvalue ${k}`));
    expect(eig[1][4]).toBe(1);
    expect(eig[2][4]).toBe("");
    const load = pcaSpill(ind, [NEG], "loadings", null, "en");
    expect(load[0]).toEqual(["indicator", "PC1"]);
    load.slice(1).forEach((r) => expectRel(r[1] as number, ref.pca.loadings_pc1[r[0] as string], 1e-9, `loading ${r[0]}`));
    const sum = new Map(pcaSpill(ind, [NEG], "summary", null, "en").map((r) => [r[0], r[1]]));
    expectRel(sum.get("KMO") as number, ref.pca.kmo, 1e-10, "KMO");
    expectRel(sum.get("Bartlett χ²") as number, ref.pca.bartlett_chi2, 1e-9, "Bartlett");
    expect(sum.get("N")).toBe(2744);
    const pc1 = pcaSpill(ind, [NEG], "pc1", "first", "en");
    expectRel(pc1[1][0] as number, ref.pca.pc1_score_first5[0], 1e-9, "pc1");
  });

  it("messages", () => {
    expect(excelError(() => pcaSpill(range(t, ["ind01"]), null, null, null, "en")).message).toBe("a PCA index needs at least two indicator columns");
    expect(excelError(() => pcaSpill(ind, null, null, "all", "en")).message).toBe('components must be one of "kaiser", "first", got "all"');
  });
});

describe("LOCQUOT", () => {
  it("by year equals the reference cap", () => {
    const s = locquotSpill(range(t, ["F"]), range(t, ["K"]), range(t, ["year"]), "en");
    expect(s[0]).toEqual(["LQ"]);
    const want = dcol("lq_F_K");
    values(s).forEach((v, i) => expectRel(v as number, want[i], 1e-10, `lq row ${i}`));
    expect(locquotSpill(range(t, ["F"]), range(t, ["K"]), range(t, ["year"]), "zh")[0]).toEqual(["区位熵"]);
  });

  it("blanks give \"\", numbers as text count, no header works, messages", () => {
    const s = locquotSpill([[1], [3], [""], ["2"]], [[10], [10], [10], [30]], null, "en");
    // totals over the rows with both values: F 6, K 50
    expect(s).toEqual([["LQ"], [1 / 10 / (6 / 50)], [3 / 10 / (6 / 50)], [""], [2 / 30 / (6 / 50)]]);
    expect(excelError(() => locquotSpill(range(t, ["F", "K"]), range(t, ["K"]), null, "en")).message).toBe("numerator must be a single column, got 2 columns");
    expect(excelError(() => locquotSpill(range(t, ["F"]), range(t, ["K"]).slice(0, 100), null, "en")).message).toMatch(/^denominator has 99 data rows but the first range has 2744/);
    expect(excelError(() => locquotSpill([["F"], ["a"]], [["K"], [1]], null, "en")).message).toBe('column "F", row 2: "a" is not a number');
  });
});

describe("INDSTRUCT", () => {
  it("equals the engine on the reference shares; percent detected", () => {
    const s = indstructSpill(range(t, ["share1", "share2", "share3"]), null, "en");
    expect(s[0]).toEqual(["ris"]);
    const cols = ["share1", "share2", "share3"].map((n) => numericColumn(n, t.columns[t.names.indexOf(n)]));
    const want = industrialStructureIndex(cols).ris;
    values(s).forEach((v, i) => expect(v).toBe(want[i]));
    expect(indstructSpill([[10, 40, 50], [null, 30, 70]], "percent", "en")).toEqual([["ris"], [2.4], [""]]);
    expect(excelError(() => indstructSpill(range(t, ["share1", "share2"]), null, "en")).message).toMatch(/^the industrial-structure index needs exactly 3 share columns/);
    expect(excelError(() => indstructSpill([[0.1, 0.1, 0.1]], null, "en")).message).toMatch(/row 1/);
  });
});

describe("COUPLING", () => {
  it("C, T, D as the engine; default D", () => {
    const u = [["U1", "U2"], [0.4, 0.1], [0.5, 0.5], ["#N/A", 0.2]];
    const eng = couplingCoordination([{ name: "U1", values: Float64Array.of(0.4, 0.5, NaN) }, { name: "U2", values: Float64Array.of(0.1, 0.5, 0.2) }]);
    expect(couplingSpill(u, null, null, "en")).toEqual([["D"], [eng.D[0]], [eng.D[1]], [""]]);
    expect(couplingSpill(u, null, "all", "en")).toEqual([["C", "T", "D"], [0.8, 0.25, eng.D[0]], [1, 0.5, eng.D[1]], ["", "", ""]]);
    expect(couplingSpill(u, [[0.5, 0.5]], "T", "en")).toEqual([["T"], [0.25], [0.5], [""]]);
    expect(excelError(() => couplingSpill(u, [[0.3, 0.3]], null, "en")).message).toBe("system weights must sum to 1, they sum to 0.6");
    expect(excelError(() => couplingSpill([[1], [2]], null, null, "en")).message).toBe("the coupling degree needs at least 2 systems, got 1");
  });
});

describe("INTERACT", () => {
  it("one column per moderator, header x×z, centring, missing → \"\"", () => {
    const s = interactSpill([["digit"], [1], [2], [3], [""]], [["stage", "size"], [2, 1], [2, 0], [5, "NA"], [1, 1]], null, "en");
    expect(s).toEqual([["digit×stage", "digit×size"], [2, 1], [4, 0], [15, ""], ["", ""]]);
    const c = interactSpill([[1], [2], [3]], [[2], [2], [5]], true, "en");
    const eng = interactionTerm({ name: "x", values: Float64Array.of(1, 2, 3) }, { name: "z", values: Float64Array.of(2, 2, 5) }, { center: true });
    expect(c).toEqual([["x×z"], ...Array.from(eng.values, (v) => [v])]);
    expect(interactSpill([[1], [2], [3]], [[2], [2], [5]], "center", "en")).toEqual(c);
    expect(excelError(() => interactSpill([[1, 2]], [[1]], null, "en")).message).toBe("x must be a single column, got 2 columns");
    expect(excelError(() => interactSpill([[1], [2]], [[1]], null, "en")).message).toMatch(/^z has 1 data rows but the first range has 2/);
    expect(excelError(() => interactSpill([[1]], [[1]], "maybe", "en")).message).toBe('center must be TRUE, FALSE or "center", got "maybe"');
  });
});

describe("WINSOR", () => {
  it("1/99 winsorising equals the reference (Stata _pctile)", () => {
    const s = winsorSpill(range(t, ["inn", "digit"]), null, null, null, null, "en");
    expect(s[0]).toEqual(["inn", "digit"]);
    const inn = dcol("inn_w1_99_stata");
    const digit = dcol("digit_w1_99_stata");
    s.slice(1).forEach((r, i) => {
      expectRel(r[0] as number, inn[i], 1e-12, `inn ${i}`);
      expectRel(r[1] as number, digit[i], 1e-12, `digit ${i}`);
    });
  });

  it("trim makes \"\"; missing stays \"\"; messages", () => {
    const x = [["x"], [1], [2], [3], [4], [5], [6], [7], [8], [9], [100], [""]];
    expect(values(winsorSpill(x, 10, 90, null, "trim", "en"))).toEqual(["", 2, 3, 4, 5, 6, 7, 8, 9, "", ""]);
    expect(values(winsorSpill(x, 10, 90, null, null, "en"))).toEqual([1.5, 2, 3, 4, 5, 6, 7, 8, 9, 54.5, ""]);
    expect(excelError(() => winsorSpill(x, 90, 10, null, null, "en")).message).toBe("the lower cut (90) must be below the upper cut (10)");
    expect(excelError(() => winsorSpill(x, null, null, null, "clip", "en")).message).toBe('method must be one of "winsor", "trim", got "clip"');
  });
});

describe("DESCSTATS", () => {
  it("N, mean, sd, min, max as the reference (Stata summarize); detail adds percentiles and moments", () => {
    const cols = ["inn", "digit", "gov"];
    const s = descstatsSpill(range(t, cols), null, "en");
    expect(s[0]).toEqual(["variable", "N", "mean", "sd", "min", "max"]);
    s.slice(1).forEach((r, k) => {
      const d = ref.describe[cols[k]];
      expect(r[0]).toBe(cols[k]);
      expect(r[1]).toBe(d.n);
      expectRel(r[2] as number, d.mean, 1e-13, "mean");
      expectRel(r[3] as number, d.sd, 1e-12, "sd");
      expect([r[4], r[5]]).toEqual([d.min, d.max]);
    });
    const det = descstatsSpill(range(t, cols), "detail", "zh");
    expect(det[0]).toEqual(["变量", "样本量", "均值", "标准差", "最小值", "最大值", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "偏度", "峰度"]);
    expect(det[1].length).toBe(17);
  });

  it("blanks and errors are not counted; text is an error", () => {
    expect(descstatsSpill([["a"], [1], [""], [null], [errorCell()], ["3"]], true, "en")[1].slice(0, 6)).toEqual(["a", 2, 2, Math.SQRT2, 1, 3]);
    // "values": the numbers only (Table 2 beside its own labels)
    expect(descstatsSpill([["a", "b"], [1, 4], ["", ""], [3, 4]], "values", "en")).toEqual([[2, 2, Math.SQRT2, 1, 3], [2, 4, 0, 4, 4]]);
    expect(excelError(() => descstatsSpill([["a"], [1], ["one"]], null, "en")).message).toBe('column "a", row 3: "one" is not a number');
  });
});
