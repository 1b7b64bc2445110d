/**
 * IV2SLS on bad input: every case is a CityPanelError with a specific `kind` (the Excel error
 * a cell shows) and a message naming the problem — never a TypeError or a garbage number.
 * Instruments that are constant, absorbed by the fixed effects or collinear are dropped and
 * named in `omittedInstruments`; the estimate is then identical (1e-12 relative) to leaving
 * them out, and only an under-identified remainder is an error (naming them).
 */
import { columnOf, factorize, numericColumn, NumericColumn } from "../../../src/engine/data/columns";
import { CityPanelError, ErrorKind } from "../../../src/engine/errors";
import { iv2sls, Iv2slsInput, Iv2slsResult } from "../../../src/engine/iv/iv2sls";
import { VcovType } from "../../../src/engine/vcov/types";
import { col, expectClose, makePanel } from "./ivPanel";

const p = makePanel({ cities: 20, years: 6, seed: 424242, pDelete: 0.1, pi: 1 });
const y = col(p, "y"), x1 = col(p, "x1"), x2 = col(p, "x2"), z1 = col(p, "z1"), z2 = col(p, "z2"), w = col(p, "w");
const fe = [p.city, p.year];
/** Constant within every city, varying across cities: absorbed by the city FE. */
const zCity = columnOf("z_city", Array.from(p.city.codes, (c) => Math.sin(c + 1) * 10));
/** Exactly 2·z1. */
const z1Twice = columnOf("z1_twice", p.cols.z1.map((v) => 2 * v));
const base: Iv2slsInput = { y, endog: [x1], instruments: [z1], exog: [w], fe, cluster: [p.city] };

function expectError(fn: () => unknown, kind: ErrorKind, ...phrases: string[]): CityPanelError {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CityPanelError);
  const e = err as CityPanelError;
  expect(e.kind).toBe(kind);
  for (const ph of phrases) expect(e.message).toContain(ph);
  expect(e.messageZh.length).toBeGreaterThan(0);
  return e;
}

/** Same coefficients, SEs and identification statistics (1e-12 relative). */
function expectSameFit(a: Iv2slsResult, b: Iv2slsResult, what: string) {
  expect(a.terms).toEqual(b.terms);
  expect(a.instruments).toEqual(b.instruments);
  a.coef.forEach((v, j) => expectClose(v, b.coef[j], 1e-12, `${what} coef ${a.terms[j]}`));
  a.se.forEach((v, j) => expectClose(v, b.se[j], 1e-12, `${what} se ${a.terms[j]}`));
  for (const k of ["kpLM", "kpF", "cdF", "andersonLM"] as const) expectClose(a[k], b[k], 1e-12, `${what} ${k}`);
  expect(a.overid.df).toBe(b.overid.df);
  expectClose(a.overid.statistic, b.overid.statistic, 1e-12, `${what} overid`);
}

describe("IV2SLS: model specification errors", () => {
  test("no instruments", () => {
    expectError(() => iv2sls({ ...base, instruments: [] }), "value", "at least one excluded instrument");
  });

  test("no endogenous regressor", () => {
    expectError(() => iv2sls({ ...base, endog: [] }), "value", "at least one endogenous regressor");
  });

  test("more endogenous regressors than instruments (order condition)", () => {
    expectError(() => iv2sls({ ...base, endog: [x1, x2], instruments: [z1] }), "value", "order condition", "2 endogenous regressor(s)", "got 1");
  });

  test("an endogenous regressor also listed as exogenous", () => {
    expectError(() => iv2sls({ ...base, exog: [w, x1] }), "value", `"x1" is listed both as endogenous and as exogenous`);
  });

  test("an instrument also listed as a regressor (exogenous or endogenous)", () => {
    expectError(() => iv2sls({ ...base, instruments: [z1, w] }), "value", `"w" is listed as an excluded instrument and as a regressor`);
    expectError(() => iv2sls({ ...base, instruments: [x1] }), "value", `"x1" is listed as an excluded instrument and as a regressor`);
  });

  test("the same instrument twice, or the outcome as an instrument", () => {
    expectError(() => iv2sls({ ...base, instruments: [z1, z1] }), "value", `"z1" is listed twice`);
    expectError(() => iv2sls({ ...base, instruments: [y] }), "value", `"y" is both the outcome and a regressor`);
  });

  test("clustered errors without a cluster variable; more than two cluster variables", () => {
    expectError(() => iv2sls({ ...base, cluster: [] }, { vcov: "cluster" }), "value", "need a cluster variable");
    expectError(() => iv2sls({ ...base, cluster: [p.city, p.year, p.city] }, { vcov: "cluster" }), "value", "at most two cluster variables");
  });
});

describe("IV2SLS: instruments that carry no information are dropped and named", () => {
  test.each<VcovType>(["iid", "robust", "cluster"])("an instrument constant within every city is absorbed by the city FE (%s)", (vcov) => {
    const r = iv2sls({ ...base, instruments: [zCity, z1] }, { vcov });
    expect(r.omittedInstruments).toEqual(["z_city"]);
    expect(r.instruments).toEqual(["z1"]);
    expectSameFit(r, iv2sls(base, { vcov }), vcov);
  });

  test("an absorbed instrument that leaves the model under-identified is named in the error", () => {
    expectError(() => iv2sls({ ...base, instruments: [zCity] }), "value", "under-identified", `"z_city" is absorbed by the fixed effects (city, year)`);
    expectError(
      () => iv2sls({ ...base, endog: [x1, x2], instruments: [zCity, z1] }),
      "value", "under-identified", "2 endogenous regressor(s) but only 1 usable", `"z_city"`,
    );
  });

  test("the same instrument without city FE is not absorbed (year FE only)", () => {
    const r = iv2sls({ ...base, instruments: [zCity, z1], fe: [p.year] });
    expect(r.omittedInstruments).toEqual([]);
    expect(r.instruments).toEqual(["z_city", "z1"]);
  });

  test.each<VcovType>(["iid", "robust", "cluster"])("perfectly collinear instruments (z2 = 2·z1): the second is dropped, estimation proceeds (%s)", (vcov) => {
    const r = iv2sls({ ...base, instruments: [z1, z1Twice] }, { vcov });
    expect(r.omittedInstruments).toEqual(["z1_twice"]);
    expect(r.overid.df).toBe(0); // exactly identified once the copy is gone
    expectSameFit(r, iv2sls(base, { vcov }), vcov);
    // over-identified case: z1, z2 and the redundant copy
    const r3 = iv2sls({ ...base, instruments: [z1, z1Twice, z2] }, { vcov });
    expect(r3.omittedInstruments).toEqual(["z1_twice"]);
    expectSameFit(r3, iv2sls({ ...base, instruments: [z1, z2] }, { vcov }), `${vcov} over-identified`);
  });

  test("collinear instruments that leave the model under-identified are named in the error", () => {
    expectError(
      () => iv2sls({ ...base, endog: [x1, x2], instruments: [z1, z1Twice] }),
      "value", "under-identified", `"z1_twice" is collinear with the other instruments or the exogenous regressors`,
    );
  });

  test("an instrument collinear with an exogenous regressor is dropped", () => {
    const w3 = columnOf("w_affine", p.cols.w.map((v) => 3 * v - 1));
    const r = iv2sls({ ...base, instruments: [z1, w3] });
    expect(r.omittedInstruments).toEqual(["w_affine"]);
    expectError(() => iv2sls({ ...base, instruments: [w3] }), "value", "under-identified", `"w_affine"`);
  });

  test("an instrument constant over the whole sample is dropped like an absorbed one (with or without FE)", () => {
    const k = columnOf("k", new Float64Array(p.n).fill(7));
    for (const f of [fe, []]) {
      const r = iv2sls({ ...base, fe: f, instruments: [k, z1] });
      expect(r.omittedInstruments).toEqual(["k"]);
      expectSameFit(r, iv2sls({ ...base, fe: f }), f.length ? "FE" : "pooled");
      expectError(() => iv2sls({ ...base, fe: f, instruments: [k] }), "value", "under-identified", `"k" is constant in the estimation sample`);
    }
  });

  test("an endogenous regressor absorbed by the FE", () => {
    expectError(() => iv2sls({ ...base, endog: [columnOf("x_city", zCity.values)] }), "value", `every endogenous regressor (x_city) is collinear with the fixed effects`);
  });
});

describe("IV2SLS: data errors", () => {
  test("text in an instrument column is rejected by numericColumn, naming column, row and value", () => {
    const cells: unknown[] = Array.from(p.cols.z1);
    cells[1] = "abc";
    expectError(() => numericColumn("z1", cells, 2), "value", `column "z1", row 3: "abc" is not a number`);
    cells[1] = true;
    expectError(() => numericColumn("z1", cells, 2), "value", `column "z1", row 3: TRUE is not a number`);
  });

  test("missing values in an instrument drop those rows (listwise); an all-missing instrument is an error", () => {
    const zm = Float64Array.from(p.cols.z1);
    zm[0] = NaN;
    zm[5] = NaN;
    const r = iv2sls({ ...base, instruments: [columnOf("z1", zm)] });
    expect(r.droppedMissing).toBe(2);
    expect(r.nobs + r.droppedMissing + r.singletons).toBe(p.n);
    expectError(() => iv2sls({ ...base, instruments: [columnOf("z_na", new Float64Array(p.n).fill(NaN))] }), "value", "no row has all of", "z_na");
  });

  test("mismatched lengths (instrument, endogenous regressor, FE)", () => {
    const short = (c: NumericColumn): NumericColumn => columnOf(c.name, c.values.subarray(1));
    expectError(() => iv2sls({ ...base, instruments: [short(z1)] }), "value", `"z1" has ${p.n - 1} rows but "y" has ${p.n}`);
    expectError(() => iv2sls({ ...base, endog: [short(x1)] }), "value", `"x1" has ${p.n - 1} rows but "y" has ${p.n}`);
    expectError(() => iv2sls({ ...base, fe: [factorize("city", p.cityIds.slice(1)), p.year] }), "value", `"city" has ${p.n - 1} rows`);
  });

  test("a single cluster", () => {
    const one = factorize("province", new Array(p.n).fill("only"));
    expectError(() => iv2sls({ ...base, cluster: [one] }, { vcov: "cluster" }), "num", `cluster variable "province" has only 1 cluster`);
    expectError(() => iv2sls({ ...base, fe: [], cluster: [one] }, { vcov: "cluster" }), "num", "only 1 cluster");
  });

  test("too few observations for the parameters (with and without FE)", () => {
    // 3 cities × 2 years: N = 6, absorbed df 3 + 2 − 1 = 4, plus 2 instruments (z, w) → N − L − df_a = 0
    const city = factorize("city", ["a", "a", "b", "b", "c", "c"]);
    const year = factorize("year", [1, 2, 1, 2, 1, 2]);
    const v = (name: string, xs: number[]) => columnOf(name, xs);
    const small: Iv2slsInput = {
      y: v("y", [1, 3, 2, 7, 4, 4.5]), endog: [v("x", [0.3, 1.2, 2.2, 0.1, 1.7, 0.9])],
      instruments: [v("z", [1.5, 0.2, 0.9, 2.4, 0.3, 1.1])], exog: [v("w", [0.7, 0.1, 1.9, 0.4, 0.2, 1.3])], fe: [city, year],
    };
    expectError(() => iv2sls(small), "num", "too few observations: 6 rows for 2 coefficients and 4 fixed-effect parameters");
    // pooled: 4 rows, instruments z, w, w2 and the constant
    const pooled: Iv2slsInput = {
      y: v("y", [1, 2, 3, 5]), endog: [v("x", [1, 3, 2, 7])], instruments: [v("z", [2, 1, 3, 4])],
      exog: [v("w", [0, 1, 0, 2]), v("w2", [1, 1, 0, 3])],
    };
    expectError(() => iv2sls(pooled), "num", "too few observations: 4 rows for 4 coefficients");
  });

  test("every row a fixed-effect singleton", () => {
    const n = 5;
    const ids = Array.from({ length: n }, (_, i) => `c${i}`);
    const v = (name: string) => columnOf(name, Array.from({ length: n }, (_, i) => Math.cos(i * (name.length + 1))));
    expectError(
      () => iv2sls({ y: v("y"), endog: [v("xx")], instruments: [v("zzz")], fe: [factorize("city", ids)] }),
      "value", "every observation is a fixed-effect singleton",
    );
  });
});
