/**
 * The within transformation (src/engine/fe/demean.ts and the methods behind it):
 * - alternating projections (CG-accelerated) equal the exact two-way partialling-out to
 *   1e-10 on every reference panel and on a disconnected panel — measured as
 *   max|a − b| ≤ 1e-10 · max|v| (v the raw column; the demeaned values are O(max|v|)/10);
 * - one FE: the closed form (group means written here with a Map) to 1e-13 · max|v|;
 * - balanced two-way: ỹ = y − ȳ_i· − ȳ_·t + ȳ to 1e-12 · max|v|;
 * - three FEs: the result is the LSDV residual of v on all dummies (1e-10 · max|v|) and is
 *   orthogonal to every dummy;
 * - the result does not depend on the row order (1e-12 · max|v|, every method).
 */
import { factorize } from "../../../src/engine/data/columns";
import { createDemeaner, DemeanMethod } from "../../../src/engine/fe/demean";
import { exactTwoWay } from "../../../src/engine/fe/exactTwoWay";
import { CityPanelError, isCityPanelError } from "../../../src/engine/errors";
import { iterativeSingletons, keepRandom, lcg, loadPanel, lsdv, Panel, PANEL_X, permutation, subset, withId } from "./fixtures";

const FILES: [string, string[], string[]][] = [
  ["grunfeld.csv", ["inv", "value", "capital"], ["firm", "year"]],
  ["panel_public.csv", ["inn", ...PANEL_X, "iv1", "iv2", "iv3"], ["city", "year"]],
  ["panel_public_unbalanced.csv", ["inn", ...PANEL_X, "iv1", "iv2", "iv3"], ["city", "year"]],
  ["panel_public_singletons.csv", ["inn", ...PANEL_X, "iv1", "iv2", "iv3"], ["city", "year"]],
];

function codesOf(p: Panel, fe: readonly string[]): { codes: Int32Array[]; levels: number[] } {
  const f = fe.map((name) => factorize(name, p.ids[name]));
  return { codes: f.map((c) => c.codes), levels: f.map((c) => c.levels.length) };
}

const maxAbs = (v: ArrayLike<number>): number => { let m = 0; for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i])); return m; };
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => { let m = 0; for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i])); return m; };

function expectClose(a: Float64Array, b: ArrayLike<number>, scale: number, tol: number, what: string): void {
  const d = maxDiff(a, b);
  if (!(d <= tol * scale)) throw new Error(`${what}: max difference ${d.toExponential(3)} > ${tol} × ${scale.toExponential(3)}`);
}

describe.each(FILES)("%s: alternating projections = exact two-way", (file, numeric, fe) => {
  const p = loadPanel(file, numeric, fe);
  const { codes, levels } = codesOf(p, fe);
  const exact = createDemeaner(codes, levels, p.n);
  const map = createDemeaner(codes, levels, p.n, { method: "alternating-projections" });

  test.each(numeric)("%s", (name) => {
    expect(exact.method).toBe("exact-two-way");
    expect(map.method).toBe("alternating-projections");
    const v = p.num[name];
    const before = Float64Array.from(v);
    const a = map.demean(v);
    const b = exact.demean(v);
    expect(v).toEqual(before); // input untouched
    expectClose(a, b, maxAbs(v), 1e-10, `${file} ${name}`);
    expect(maxAbs(b)).toBeGreaterThan(1e-3 * maxAbs(v)); // not trivially zero
    expect(map.maxIterationsUsed()).toBeGreaterThan(0);
  });
});

test("disconnected city–year graph: exact two-way has rank T − 2 on the year side and equals alternating projections", () => {
  const base = loadPanel("panel_public.csv", ["inn", "digit", "gov"], ["city", "year"]);
  const rows = keepRandom(base.n, 0.1, 8, () => false).filter((i) => (Number(base.ids.city[i]) <= 98) === (Number(base.ids.year[i]) <= 2014));
  const p = subset(base, rows);
  const { codes, levels } = codesOf(p, ["city", "year"]);
  expect(exactTwoWay(codes[0], levels[0], codes[1], levels[1]).rankB).toBe(levels[1] - 2);
  const exact = createDemeaner(codes, levels, p.n);
  const map = createDemeaner(codes, levels, p.n, { method: "alternating-projections" });
  for (const name of ["inn", "digit", "gov"]) {
    const v = p.num[name];
    expectClose(map.demean(v), exact.demean(v), maxAbs(v), 1e-10, name);
    // the exact projection equals the LSDV residual on city and year dummies
    expectClose(exact.demean(v), lsdv(v, [], [p.ids.city, p.ids.year]).resid, maxAbs(v), 1e-10, `${name} vs LSDV`);
  }
});

test("one FE: closed form (group means)", () => {
  const p = loadPanel("panel_public_unbalanced.csv", ["inn", "digit", "iv1"], ["city"]);
  const { codes, levels } = codesOf(p, ["city"]);
  const d = createDemeaner(codes, levels, p.n);
  expect(d.method).toBe("one-way");
  for (const name of ["inn", "digit", "iv1"]) {
    const v = p.num[name];
    const sum = new Map<string, [number, number]>();
    p.ids.city.forEach((c, i) => { const s = sum.get(c) ?? [0, 0]; sum.set(c, [s[0] + v[i], s[1] + 1]); });
    const expected = Array.from(v, (x, i) => { const [s, n] = sum.get(p.ids.city[i])!; return x - s / n; });
    expectClose(d.demean(v), expected, maxAbs(v), 1e-13, name);
  }
});

test("balanced two-way: ỹ = y − ȳ_i· − ȳ_·t + ȳ", () => {
  const p = loadPanel("panel_public.csv", ["inn", "digit", "iv1"], ["city", "year"]);
  const { codes, levels } = codesOf(p, ["city", "year"]);
  const d = createDemeaner(codes, levels, p.n);
  for (const name of ["inn", "digit", "iv1"]) {
    const v = p.num[name];
    const mean = (key: (i: number) => string) => {
      const s = new Map<string, [number, number]>();
      for (let i = 0; i < p.n; i++) { const t = s.get(key(i)) ?? [0, 0]; s.set(key(i), [t[0] + v[i], t[1] + 1]); }
      return (i: number) => { const [a, n] = s.get(key(i))!; return a / n; };
    };
    const mi = mean((i) => p.ids.city[i]);
    const mt = mean((i) => p.ids.year[i]);
    const m = mean(() => "all");
    expectClose(d.demean(v), Array.from(v, (x, i) => x - mi(i) - mt(i) + m(i)), maxAbs(v), 1e-12, name);
  }
});

describe("three FEs (city, year, agglomeration × year) on the unbalanced panel", () => {
  const base = loadPanel("panel_public_unbalanced.csv", ["inn", "digit", "lnfin"], ["city", "year", "agglomeration"]);
  const p0 = withId(base, "aggyear", (i) => `${base.ids.agglomeration[i]}:${base.ids.year[i]}`);
  const p = subset(p0, iterativeSingletons(p0, ["city", "year", "aggyear"]).rows);
  const fe = ["city", "year", "aggyear"];
  const { codes, levels } = codesOf(p, fe);
  const d = createDemeaner(codes, levels, p.n);

  test.each(["inn", "digit", "lnfin"])("%s: LSDV residual, orthogonal to every dummy, idempotent", (name) => {
    expect(d.method).toBe("alternating-projections");
    const v = p.num[name];
    const a = d.demean(v);
    expectClose(a, lsdv(v, [], fe.map((f) => p.ids[f])).resid, maxAbs(v), 1e-10, `${name} vs LSDV`);
    for (let g = 0; g < fe.length; g++) {
      const sums = new Float64Array(levels[g]);
      for (let i = 0; i < p.n; i++) sums[codes[g][i]] += a[i];
      expect(maxAbs(sums)).toBeLessThan(1e-10 * maxAbs(v));
    }
    expectClose(d.demean(a), a, maxAbs(v), 1e-11, `${name} idempotent`);
  });
});

describe("row order does not matter", () => {
  const base = loadPanel("panel_public_singletons.csv", ["inn", "digit", "iv1"], ["city", "year", "agglomeration"]);
  const p = withId(base, "aggyear", (i) => `${base.ids.agglomeration[i]}:${base.ids.year[i]}`);
  const cases: [DemeanMethod, string[]][] = [
    ["one-way", ["city"]],
    ["exact-two-way", ["city", "year"]],
    ["alternating-projections", ["city", "year"]],
    ["alternating-projections", ["city", "year", "aggyear"]],
  ];
  test.each(cases)("%s on %j", (method, fe) => {
    const { codes, levels } = codesOf(p, fe);
    const d = createDemeaner(codes, levels, p.n, method === "alternating-projections" ? { method } : {});
    expect(d.method).toBe(method);
    for (const seed of [1, 2, 3]) {
      const perm = permutation(p.n, seed);
      const q = subset(p, perm);
      const pc = codesOf(q, fe);
      const dq = createDemeaner(pc.codes, pc.levels, q.n, method === "alternating-projections" ? { method } : {});
      for (const name of ["inn", "digit", "iv1"]) {
        const a = d.demean(p.num[name]);
        const b = dq.demean(q.num[name]);
        const back = new Float64Array(p.n);
        perm.forEach((orig, k) => { back[orig] = b[k]; });
        expectClose(back, a, maxAbs(p.num[name]), 1e-12, `${name} seed ${seed}`);
      }
    }
  });
});

test("a column already orthogonal to the dummies comes back unchanged; a dummy combination comes back as zero", () => {
  const p = loadPanel("panel_public_unbalanced.csv", ["inn"], ["city", "year"]);
  const { codes, levels } = codesOf(p, ["city", "year"]);
  const u = lcg(17);
  const cityEffect = Array.from({ length: levels[0] }, () => u());
  const yearEffect = Array.from({ length: levels[1] }, () => u());
  const v = Float64Array.from({ length: p.n }, (_, i) => 3 + cityEffect[codes[0][i]] - 2 * yearEffect[codes[1][i]]);
  for (const method of ["exact-two-way", "alternating-projections"] as const) {
    const d = createDemeaner(codes, levels, p.n, { method });
    expect(maxAbs(d.demean(v))).toBeLessThan(1e-12 * maxAbs(v));
    const w = d.demean(p.num.inn);
    expectClose(d.demean(w), w, maxAbs(w), 1e-11, `${method} idempotent`);
  }
});

test("hard cases for alternating projections: two blocks joined by one city; a sparse random graph", () => {
  const base = loadPanel("panel_public.csv", ["inn", "digit", "iv1"], ["city", "year"]);
  const rows = Array.from({ length: base.n }, (_, i) => i).filter((i) => base.ids.city[i] === "50" || (Number(base.ids.city[i]) <= 98) === (Number(base.ids.year[i]) <= 2014));
  const p = subset(base, rows);
  const { codes, levels } = codesOf(p, ["city", "year"]);
  const exact = createDemeaner(codes, levels, p.n);
  const map = createDemeaner(codes, levels, p.n, { method: "alternating-projections" });
  for (const name of ["inn", "digit", "iv1"]) {
    const v = p.num[name];
    expectClose(map.demean(v), exact.demean(v), maxAbs(v), 1e-10, `joined blocks ${name}`);
  }
  // 400 units × 30 periods, each cell present with probability 0.12 (several components)
  const u = lcg(3);
  const unit: string[] = [];
  const period: string[] = [];
  const vals: number[] = [];
  for (let i = 0; i < 400; i++) for (let t = 0; t < 30; t++) if (u() < 0.12) { unit.push(String(i)); period.push(String(t)); vals.push(u() + (i % 7) + 0.1 * t); }
  const q: Panel = { n: unit.length, num: { v: Float64Array.from(vals) }, ids: { unit, period } };
  const c = codesOf(q, ["unit", "period"]);
  const v = q.num.v;
  const e = createDemeaner(c.codes, c.levels, q.n).demean(v);
  expectClose(createDemeaner(c.codes, c.levels, q.n, { method: "alternating-projections" }).demean(v), e, maxAbs(v), 1e-10, "sparse");
  expectClose(e, lsdv(v, [], [unit, period]).resid, maxAbs(v), 1e-10, "sparse vs LSDV");
});

test("alternating projections that do not converge within maxIterations: #NUM!, never a rough result", () => {
  const p = loadPanel("panel_public_unbalanced.csv", ["inn"], ["city", "year"]);
  const { codes, levels } = codesOf(p, ["city", "year"]);
  const full = createDemeaner(codes, levels, p.n, { method: "alternating-projections" });
  full.demean(p.num.inn);
  const needed = full.maxIterationsUsed();
  expect(needed).toBeGreaterThanOrEqual(3);
  const short = createDemeaner(codes, levels, p.n, { method: "alternating-projections", maxIterations: needed - 2 });
  let err: unknown;
  try { short.demean(p.num.inn); } catch (e) { err = e; }
  expect(isCityPanelError(err)).toBe(true);
  expect((err as CityPanelError).kind).toBe("num");
  expect((err as Error).message).toMatch(new RegExp(`did not converge in ${needed - 2} iterations`));
  // with exactly the iterations it needs it converges
  const enough = createDemeaner(codes, levels, p.n, { method: "alternating-projections", maxIterations: needed });
  expectClose(enough.demean(p.num.inn), full.demean(p.num.inn), maxAbs(p.num.inn), 0, "same iterations, same result");
});
