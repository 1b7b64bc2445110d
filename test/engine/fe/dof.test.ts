/**
 * df_a as reghdfe counts it (src/engine/fe/dof.ts; docs/methods.md §1.3 and reghdfe's DoF.mata):
 * the worked table for a balanced 196 × 14 panel, the disconnected case (mobility groups),
 * three FEs and one FE. All counts exact.
 */
import { factorize } from "../../../src/engine/data/columns";
import { absorbedDof } from "../../../src/engine/fe/dof";
import { countComponents, isNested } from "../../../src/engine/fe/components";
import { lcg, loadPanel, Panel, subset } from "./fixtures";

const PUBLIC = loadPanel("panel_public.csv", [], ["city", "year", "agglomeration"]);

function ids(p: Panel, names: readonly string[]): { codes: Int32Array[]; levels: number[] } {
  const f = names.map((n) => factorize(n, p.ids[n]));
  return { codes: f.map((c) => c.codes), levels: f.map((c) => c.levels.length) };
}

describe("balanced 196 × 14 panel (docs/methods.md §1.3 worked table)", () => {
  const fe = ids(PUBLIC, ["city", "year"]);
  const cl = (names: string[]) => ids(PUBLIC, names).codes;

  test("the panel is balanced 196 × 14 and connected", () => {
    expect(fe.levels).toEqual([196, 14]);
    expect(PUBLIC.n).toBe(196 * 14);
    expect(countComponents(fe.codes[0], 196, fe.codes[1], 14)).toBe(1);
  });

  test("unadjusted / robust: 196 + 14 − 1 = 209", () => {
    expect(absorbedDof(fe.codes, fe.levels)).toEqual({ dfA: 209, dfANonNested: 209, dfANested: 0, nestedAdj: 0, nested: [false, false], mobilityGroups: 1 });
  });

  test("cluster(city): df_a 13, nested 196, adj 1 (df_a without clustering stays 209)", () => {
    expect(absorbedDof(fe.codes, fe.levels, cl(["city"]))).toEqual({ dfA: 209, dfANonNested: 13, dfANested: 196, nestedAdj: 1, nested: [true, false], mobilityGroups: 1 });
  });

  test("cluster(agglomeration), city nested in agglomeration: 13, 196, 1", () => {
    const r = absorbedDof(fe.codes, fe.levels, cl(["agglomeration"]));
    expect([r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([13, 196, 1]);
  });

  test("cluster(year): 195, nested 14, adj 1", () => {
    const r = absorbedDof(fe.codes, fe.levels, cl(["year"]));
    expect([r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([195, 14, 1]);
  });

  test("two-way cluster(city, year): 0, nested 210, adj 1", () => {
    const r = absorbedDof(fe.codes, fe.levels, cl(["city", "year"]));
    expect([r.dfA, r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([209, 0, 210, 1]);
  });

  test("a cluster variable that nests no FE changes nothing", () => {
    const u = lcg(3);
    const block = factorize("block", Array.from({ length: PUBLIC.n }, () => String(Math.floor(u() * 30)))).codes;
    expect(absorbedDof(fe.codes, fe.levels, [block])).toEqual(absorbedDof(fe.codes, fe.levels));
  });

  test("FE order does not change the count", () => {
    const r = absorbedDof([fe.codes[1], fe.codes[0]], [14, 196], cl(["city"]));
    expect([r.dfA, r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([209, 13, 196, 1]);
  });
});

describe("disconnected: cities 1–98 in 2008–2014 only, cities 99–196 in 2015–2021 only", () => {
  const rows = Array.from({ length: PUBLIC.n }, (_, i) => i).filter((i) => (Number(PUBLIC.ids.city[i]) <= 98) === (Number(PUBLIC.ids.year[i]) <= 2014));
  const p = subset(PUBLIC, rows);
  const fe = ids(p, ["city", "year"]);

  test("two mobility groups: df_a = 196 + 14 − 2 = 208", () => {
    expect(fe.levels).toEqual([196, 14]);
    const r = absorbedDof(fe.codes, fe.levels);
    expect(r.mobilityGroups).toBe(2);
    expect(r.dfA).toBe(208);
    expect(r.dfANonNested).toBe(208);
  });

  test("cluster(city): the nested city FE takes no part in the mobility count, so year loses 1 (reghdfe): 13", () => {
    const r = absorbedDof(fe.codes, fe.levels, ids(p, ["city"]).codes);
    expect([r.dfA, r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([208, 13, 196, 1]);
  });

  test("cluster(year): 195", () => {
    const r = absorbedDof(fe.codes, fe.levels, ids(p, ["year"]).codes);
    expect([r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([195, 14, 1]);
  });

  test("three blocks of years: three mobility groups", () => {
    const block = (c: number) => (c <= 60 ? 0 : c <= 130 ? 1 : 2);
    const yblock = (y: number) => (y <= 2012 ? 0 : y <= 2016 ? 1 : 2);
    const r3 = Array.from({ length: PUBLIC.n }, (_, i) => i).filter((i) => block(Number(PUBLIC.ids.city[i])) === yblock(Number(PUBLIC.ids.year[i])));
    const q = ids(subset(PUBLIC, r3), ["city", "year"]);
    expect(absorbedDof(q.codes, q.levels).dfA).toBe(196 + 14 - 3);
  });
});

describe("three FEs: city, year, agglomeration × year (balanced)", () => {
  const p: Panel = { ...PUBLIC, ids: { ...PUBLIC.ids, aggyear: PUBLIC.ids.agglomeration.map((a, i) => `${a}:${PUBLIC.ids.year[i]}`) } };
  const fe = ids(p, ["city", "year", "aggyear"]);

  test("pairwise count: 476 levels − 1 (year) − max(1, 19, 14) (agglo×year) = 456", () => {
    expect(fe.levels).toEqual([196, 14, 266]);
    expect(countComponents(fe.codes[0], 196, fe.codes[2], 266)).toBe(19);
    expect(countComponents(fe.codes[1], 14, fe.codes[2], 266)).toBe(14);
    expect(absorbedDof(fe.codes, fe.levels).dfA).toBe(456);
  });

  test("cluster(city): city nested; year −1, agglo×year −max(1, m(year, agglo×year) = 14): 265", () => {
    const r = absorbedDof(fe.codes, fe.levels, ids(p, ["city"]).codes);
    expect([r.dfANonNested, r.dfANested, r.nestedAdj, r.nested]).toEqual([265, 196, 1, [true, false, false]]);
  });

  test("cluster(agglomeration): city and agglo×year nested; year −1: 13", () => {
    const r = absorbedDof(fe.codes, fe.levels, ids(p, ["agglomeration"]).codes);
    expect([r.dfANonNested, r.dfANested, r.nestedAdj, r.nested]).toEqual([13, 196 + 266, 1, [true, false, true]]);
  });
});

describe("one FE", () => {
  const fe = ids(PUBLIC, ["city"]);
  test("all levels count; nested in the cluster: none", () => {
    expect(absorbedDof(fe.codes, fe.levels).dfA).toBe(196);
    const r = absorbedDof(fe.codes, fe.levels, ids(PUBLIC, ["agglomeration"]).codes);
    expect([r.dfA, r.dfANonNested, r.dfANested, r.nestedAdj]).toEqual([196, 0, 196, 1]);
  });
  test("no FE: zero", () => {
    expect(absorbedDof([], []).dfA).toBe(0);
  });
});

test("isNested and countComponents on small cases", () => {
  expect(isNested(Int32Array.of(0, 0, 1, 1), 2, Int32Array.of(5, 5, 6, 6))).toBe(true);
  expect(isNested(Int32Array.of(0, 0, 1, 1), 2, Int32Array.of(5, 6, 6, 6))).toBe(false);
  expect(countComponents(Int32Array.of(0, 1), 2, Int32Array.of(0, 1), 2)).toBe(2);
  expect(countComponents(Int32Array.of(0, 1, 1), 2, Int32Array.of(0, 1, 0), 2)).toBe(1);
});
