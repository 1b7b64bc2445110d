/**
 * Properties of IV2SLS on small random panels (fast-check; 8–30 cities × 4–8 years, up to a
 * quarter of the city-years deleted at random; DGP in ./ivPanel.ts). Where a property has an
 * independent counterpart, the expected number comes from the dense reference in ./ivPanel.ts
 * (explicit dummies, Gauss–Jordan), which shares no code with the engine.
 *
 * Tolerance: 1e-9 relative (`TOL`) unless a test says otherwise; "exactly" means `toBe`.
 */
import fc from "fast-check";
import { columnOf, NumericColumn } from "../../../src/engine/data/columns";
import { iv2sls, Iv2slsResult } from "../../../src/engine/iv/iv2sls";
import { fereg } from "../../../src/engine/regression/fereg";
import { VcovType } from "../../../src/engine/vcov/types";
import {
  col, denseDot, denseMeat, denseOls, denseSandwich, denseTwoWayMeat, denseWald, dummyBasis, expectClose, inverse,
  levelCount, makePanel, Panel, panelSpecArb, permutation, permutePanel, residualize,
} from "./ivPanel";

const TOL = 1e-9;
// fixed seed for reproducible CI; FC_SEED / FC_RUNS explore further (e.g. FC_SEED=7 FC_RUNS=500 npx jest …)
const RUNS = Number(process.env.FC_RUNS ?? 40);
const params = { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20240611), endOnFailure: true } as const;

type Name = keyof Panel["cols"];
interface Model {
  endog: Name[];
  inst: Name[];
  exog?: Name[];
  fe?: ("city" | "year")[];
  cluster?: ("city" | "year")[];
}

function estimateIv(p: Panel, m: Model, vcov: VcovType, override: Partial<Record<Name, NumericColumn>> = {}): Iv2slsResult {
  const c = (n: Name) => override[n] ?? col(p, n);
  return iv2sls(
    {
      y: c("y"),
      endog: m.endog.map(c),
      instruments: m.inst.map(c),
      exog: (m.exog ?? ["w"]).map(c),
      fe: (m.fe ?? ["city", "year"]).map((f) => p[f]),
      cluster: (m.cluster ?? ["city"]).map((f) => p[f]),
    },
    { vcov },
  );
}

/** The estimation sample of a result, demeaned by the dense reference. */
function denseSample(p: Panel, r: Iv2slsResult, fe: ("city" | "year")[] = ["city", "year"]) {
  const rows = Array.from(r.rows);
  const ids = { city: rows.map((i) => p.cityIds[i]), year: rows.map((i) => p.yearIds[i]) };
  const Q = dummyBasis(fe.map((f) => ids[f]), rows.length);
  const dm = (n: Name) => residualize(rows.map((i) => p.cols[n][i]), Q);
  return { N: rows.length, ids, dfA: Q.length, dm, Q };
}

/** ivreg2's sdofminus under cluster(city) with city + year FE: absorbed df not nested in city, at least 1. */
const sdofCity = (ids: { city: string[]; year: number[] }) =>
  Math.max(dummyBasis([ids.city, ids.year], ids.city.length).length - levelCount(ids.city), 1);

describe("IV2SLS properties on random panels", () => {
  test("one endogenous regressor, one instrument: KP rk Wald F = squared first-stage t (robust, cluster; ivreghdfe scaling)", () => {
    fc.assert(
      fc.property(panelSpecArb(), (spec) => {
        const p = makePanel(spec);
        const m: Model = { endog: ["x1"], inst: ["z1"] };
        for (const vcov of ["robust", "cluster"] as const) {
          const r = estimateIv(p, m, vcov);
          const { N, ids, dfA, dm } = denseSample(p, r);
          const Z = [dm("z1"), dm("w")];
          const fs = denseOls(Z, dm("x1"));
          const L = 2;
          let V: number[][];
          if (vcov === "robust") {
            V = denseSandwich(fs.bread, denseMeat(Z, fs.resid, null)).map((row) => row.map((v) => (v * N) / (N - L - dfA)));
          } else {
            const G = levelCount(ids.city);
            const sdof = sdofCity(ids);
            expect(r.sdof).toBe(sdof);
            V = denseSandwich(fs.bread, denseMeat(Z, fs.resid, ids.city)).map((row) => row.map((v) => (v * (N - 1) / (N - L - sdof)) * (G / (G - 1))));
          }
          const t2 = fs.coef[0] ** 2 / V[0][0];
          expectClose(r.kpF, t2, TOL, `${vcov}: KP F vs dense first-stage t²`);
          expectClose(r.kpF, r.firstStages[0].t[0] ** 2, TOL, `${vcov}: KP F vs engine first-stage t²`);
          expectClose(r.firstStages[0].F, t2, TOL, `${vcov}: first-stage F vs dense t²`);
        }
      }),
      params,
    );
  });

  test("iid: the KP fields are exactly Anderson LM and Cragg–Donald F, which match canonical correlations computed densely", () => {
    fc.assert(
      fc.property(panelSpecArb(), fc.integer({ min: 1, max: 3 }), fc.boolean(), (spec, L1, twoEndog) => {
        const p = makePanel(spec);
        const inst = (["z1", "z2", "z3"] as Name[]).slice(0, twoEndog ? Math.max(L1, 2) : L1);
        const endog: Name[] = twoEndog ? ["x1", "x2"] : ["x1"];
        const r = estimateIv(p, { endog, inst }, "iid");
        expect(r.kpLM).toBe(r.andersonLM);
        expect(r.kpF).toBe(r.cdF);
        expect(r.kpLMp).toBe(r.andersonLMp);
        // dense: partial w out of the demeaned endogenous regressors and instruments
        const { N, dfA, dm } = denseSample(p, r);
        const wt = dm("w");
        const part = (v: number[]) => denseOls([wt], v).resid;
        const Y = endog.map((n) => part(dm(n)));
        const Z = inst.map((n) => part(dm(n)));
        const fitted = Y.map((y) => denseOls(Z, y).fitted);
        // smallest eigenvalue of (Y'Y)⁻¹ Y'P_Z Y = smallest squared canonical correlation
        const A = Y.map((a) => Y.map((b) => denseDot(a, b)));
        const H = fitted.map((a) => fitted.map((b) => denseDot(a, b)));
        let rho2: number;
        if (Y.length === 1) rho2 = H[0][0] / A[0][0];
        else {
          const Ai = inverse(A);
          const M = Ai.map((row) => [0, 1].map((j) => row[0] * H[0][j] + row[1] * H[1][j]));
          const tr = M[0][0] + M[1][1], det = M[0][0] * M[1][1] - M[0][1] * M[1][0];
          rho2 = tr / 2 - Math.sqrt(tr * tr / 4 - det);
        }
        const L = inst.length + 1;
        expectClose(r.andersonLM, N * rho2, TOL, "Anderson LM");
        expectClose(r.cdF, (rho2 / (1 - rho2)) * (N - L - dfA) / inst.length, TOL, "Cragg–Donald F");
        if (endog.length === 1) expectClose(r.cdF, r.firstStages[0].F, TOL, "CD F = classical first-stage F (one endogenous)");
      }),
      params,
    );
  });

  test("exactly identified: Hansen J / Sargan is 0 with df 0, and the 2SLS residuals are orthogonal to the instruments", () => {
    fc.assert(
      fc.property(panelSpecArb(), fc.boolean(), (spec, twoEndog) => {
        const p = makePanel(spec);
        const m: Model = twoEndog ? { endog: ["x1", "x2"], inst: ["z1", "z3"] } : { endog: ["x1"], inst: ["z1"] };
        for (const vcov of ["iid", "robust", "cluster"] as const) {
          const r = estimateIv(p, m, vcov);
          expect(r.overid).toEqual({ name: vcov === "iid" ? "sargan" : "hansen_j", statistic: 0, df: 0, p: NaN });
          const { dm } = denseSample(p, r);
          const u = Array.from(r.residuals);
          const uu = Math.sqrt(denseDot(u, u));
          for (const z of [...m.inst, "w" as Name]) {
            const zt = dm(z);
            // |z̃'û| ≤ 1e-9·‖z̃‖‖û‖ (orthogonality up to rounding)
            expect(Math.abs(denseDot(zt, u))).toBeLessThanOrEqual(1e-9 * Math.sqrt(denseDot(zt, zt)) * uu);
          }
        }
        // over-identified counterpart: df = L1 − K1 and Sargan = N·û'P_Z û / û'û (dense)
        const over = estimateIv(p, { endog: ["x1"], inst: ["z1", "z2", "z3"] }, "iid");
        expect(over.overid.df).toBe(2);
        const { N, dm } = denseSample(p, over);
        const Z = [dm("z1"), dm("z2"), dm("z3"), dm("w")];
        const xhat = denseOls(Z, dm("x1")).fitted;
        const b = denseOls([xhat, dm("w")], dm("y")).coef;
        const yt = dm("y"), xt = dm("x1"), wt = dm("w");
        const u = yt.map((v, i) => v - b[0] * xt[i] - b[1] * wt[i]);
        const Pu = denseOls(Z, u).fitted;
        expectClose(over.overid.statistic, (N * denseDot(Pu, Pu)) / denseDot(u, u), TOL, "Sargan");
      }),
      params,
    );
  });

  test("instrumenting x by a copy of itself reproduces FEREG: coefficients, iid and robust SEs; cluster SEs up to the documented ivreghdfe/reghdfe factor", () => {
    fc.assert(
      fc.property(panelSpecArb(), (spec) => {
        const p = makePanel(spec);
        const override = { z1: col(p, "x1", "x1_copy") };
        const m: Model = { endog: ["x1"], inst: ["z1"] };
        for (const vcov of ["iid", "robust"] as const) {
          const r = estimateIv(p, m, vcov, override);
          const f = fereg({ y: col(p, "y"), x: [col(p, "x1"), col(p, "w")], fe: [p.city, p.year] }, { vcov });
          expect(r.terms).toEqual(f.terms);
          expect(r.nobs).toBe(f.nobs);
          expect(r.dfA).toBe(f.dfA);
          r.coef.forEach((b, j) => expectClose(b, f.coef[j], TOL, `${vcov} coef ${r.terms[j]}`));
          r.se.forEach((s, j) => expectClose(s, f.se[j], TOL, `${vcov} se ${r.terms[j]}`));
          // the first stage is a perfect fit: identification statistics must say so, never be negative
          expect(r.cdF).toBeGreaterThan(1e12);
          expect(r.kpF).toBeGreaterThan(1e12);
          expect(r.andersonLM).toBeLessThanOrEqual(r.nobs);
          expectClose(r.andersonLM, r.nobs, TOL, `${vcov} Anderson LM = N when the instrument is x itself`);
        }
        // city FE only, cluster by city: ivreghdfe and reghdfe use the same factor (N−1)/(N−K−1)·G/(G−1)
        const r1 = estimateIv(p, { ...m, fe: ["city"] }, "cluster", override);
        const f1 = fereg({ y: col(p, "y"), x: [col(p, "x1"), col(p, "w")], fe: [p.city], cluster: [p.city] });
        r1.coef.forEach((b, j) => expectClose(b, f1.coef[j], TOL, `city FE coef ${r1.terms[j]}`));
        r1.se.forEach((s, j) => expectClose(s, f1.se[j], TOL, `city FE cluster se ${r1.terms[j]}`));
        // city + year FE, cluster by city: V_iv / V_fereg = (N−K−sdof−1)/(N−K−sdof) (spec §2, ivreghdfe has no "−1")
        const r2 = estimateIv(p, m, "cluster", override);
        const f2 = fereg({ y: col(p, "y"), x: [col(p, "x1"), col(p, "w")], fe: [p.city, p.year], cluster: [p.city] });
        const K = 2, N = r2.nobs;
        const ratio = (N - K - r2.sdof - 1) / (N - K - r2.sdof);
        r2.se.forEach((s, j) => expectClose(s * s, f2.se[j] ** 2 * ratio, TOL, `two-FE cluster variance ratio ${r2.terms[j]}`));
      }),
      params,
    );
  });

  test("permuting the rows changes nothing (coefficients, SEs, KP / Anderson / CD statistics, J)", () => {
    fc.assert(
      fc.property(panelSpecArb(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.boolean(), (spec, permSeed, twoEndog) => {
        const p = makePanel(spec);
        const q = permutePanel(p, permutation(p.n, permSeed));
        const m: Model = twoEndog ? { endog: ["x1", "x2"], inst: ["z1", "z2", "z3"] } : { endog: ["x1"], inst: ["z1", "z2"] };
        for (const vcov of ["iid", "robust", "cluster"] as const) {
          const a = estimateIv(p, m, vcov), b = estimateIv(q, m, vcov);
          expect(b.nobs).toBe(a.nobs);
          expect(b.terms).toEqual(a.terms);
          a.coef.forEach((v, j) => expectClose(b.coef[j], v, TOL, `${vcov} coef ${a.terms[j]}`));
          a.se.forEach((v, j) => expectClose(b.se[j], v, TOL, `${vcov} se ${a.terms[j]}`));
          for (const k of ["kpLM", "kpF", "cdF", "andersonLM", "kpWaldChi2"] as const) expectClose(b[k], a[k], TOL, `${vcov} ${k}`);
          expectClose(b.overid.statistic, a.overid.statistic, TOL, `${vcov} overid`);
        }
      }),
      params,
    );
  });

  test("KP / Anderson / CD statistics are invariant to rescaling an instrument or an endogenous regressor, and to (z1, z2) → (z1 + z2, z1 − z2)", () => {
    const scale = fc.oneof(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constantFrom(1e-4, 1e4));
    fc.assert(
      fc.property(panelSpecArb(), scale, scale, fc.boolean(), (spec, cz, cx, twoEndog) => {
        const p = makePanel(spec);
        const m: Model = twoEndog ? { endog: ["x1", "x2"], inst: ["z1", "z2", "z3"] } : { endog: ["x1"], inst: ["z1", "z2"] };
        const z1 = p.cols.z1, z2 = p.cols.z2;
        const variants: [string, Partial<Record<Name, NumericColumn>>][] = [
          [`z1 × ${cz}`, { z1: columnOf("z1", z1.map((v) => v * cz)) }],
          [`x1 × ${cx}`, { x1: columnOf("x1", p.cols.x1.map((v) => v * cx)) }],
          ["(z1 + z2, z1 − z2)", { z1: columnOf("z1", z1.map((v, i) => v + z2[i])), z2: columnOf("z2", z1.map((v, i) => v - z2[i])) }],
        ];
        for (const vcov of ["iid", "robust", "cluster"] as const) {
          const a = estimateIv(p, m, vcov);
          for (const [what, override] of variants) {
            const b = estimateIv(p, m, vcov, override);
            for (const k of ["kpLM", "kpF", "kpWaldChi2", "cdF", "andersonLM"] as const) expectClose(b[k], a[k], TOL, `${vcov}, ${what}: ${k}`);
            expectClose(b.overid.statistic, a.overid.statistic, TOL, `${vcov}, ${what}: J`);
            if (what.startsWith("x1")) expectClose(b.coef[0] * cx, a.coef[0], TOL, `${vcov}, ${what}: coefficient scales by 1/c`);
            else expectClose(b.coef[0], a.coef[0], TOL, `${vcov}, ${what}: coefficient unchanged`);
          }
        }
      }),
      params,
    );
  });

  test("two-way clustering (city and year): SEs and KP F as a dense CGM computation (G = min(G1, G2)); finite and positive unless the CGM variance is negative", () => {
    let definite = 0;
    fc.assert(
      fc.property(panelSpecArb(), fc.integer({ min: 1, max: 2 }), (spec, L1) => {
        const p = makePanel(spec);
        const inst = (["z1", "z2"] as Name[]).slice(0, L1);
        const r = estimateIv(p, { endog: ["x1"], inst, cluster: ["city", "year"] }, "cluster");
        const { N, ids, dm } = denseSample(p, r);
        const G1 = levelCount(ids.city), G2 = levelCount(ids.year), G = Math.min(G1, G2);
        expect(r.clusters).toEqual([{ name: "city", count: G1 }, { name: "year", count: G2 }]);
        expect(r.tDf).toBe(G - 1);
        expect(r.firstStages[0].Fdf).toEqual([L1, G - 1]);
        expect(r.sdof).toBe(1); // both FEs nested in a cluster variable: absorbed df 0 → ivreg2 uses 1
        const L = L1 + 1, K = 2;
        // second stage: (N−1)/(N−K−1)·G/(G−1)·B(S1 + S2 − S12)B on X̂ = [P_Z x̃, w̃]
        const Z = [...inst.map(dm), dm("w")];
        const fs = denseOls(Z, dm("x1"));
        const Xhat = [fs.fitted, dm("w")];
        const b = denseOls(Xhat, dm("y"));
        const xt = dm("x1"), wt = dm("w"), yt = dm("y");
        const u = yt.map((v, i) => v - b.coef[0] * xt[i] - b.coef[1] * wt[i]);
        const V = denseSandwich(b.bread, denseTwoWayMeat(Xhat, u, ids.city, ids.year)).map((row) => row.map((v) => (v * (N - 1) / (N - K - 1)) * (G / (G - 1))));
        r.se.forEach((s, j) => {
          if (V[j][j] > 0) {
            expect(s).toBeGreaterThan(0);
            expectClose(s, Math.sqrt(V[j][j]), TOL, `two-way se ${r.terms[j]}`);
          } else expect(s).toBeNaN(); // ivreg2: missing
        });
        // first stage and KP F: the excluded-instrument block of the CGM variance (no small-sample factor in W)
        const V0 = denseSandwich(fs.bread, denseTwoWayMeat(Z, fs.resid, ids.city, ids.year));
        const excl = inst.map((_, j) => j);
        if (isPositiveDefinite(excl.map((a) => excl.map((c) => V0[a][c])))) {
          definite++;
          const W = denseWald(fs.coef, V0, excl);
          expectClose(r.kpF, ((W / (N - 1)) * (N - L - 1) * ((G - 1) / G)) / L1, TOL, "two-way KP F");
          expectClose(r.firstStages[0].F, r.kpF, TOL, "two-way first-stage F = KP F (one endogenous regressor)");
          if (L1 === 1) expectClose(r.kpF, r.firstStages[0].t[0] ** 2, TOL, "two-way KP F = first-stage t²");
        } else {
          // the CGM variance of the excluded instruments is indefinite: no Wald statistic exists
          expect(r.kpF).toBeNaN();
          expect(r.firstStages[0].F).toBeNaN();
        }
        expect(Number.isNaN(r.kpLM) || r.kpLM > 0).toBe(true);
      }),
      { ...params, numRuns: 2.5 * RUNS },
    );
    // most random panels give a positive definite block, so the equalities above are exercised
    expect(definite).toBeGreaterThan(1.25 * RUNS);
  });

  test("two-way clustering where the CGM variance of a coefficient is negative: that SE is NaN (as ivreg2's missing), never negative, zero or a TypeError", () => {
    const p = makePanel({ cities: 9, years: 6, seed: 1, pDelete: 0.1, pi: 1 });
    const r = estimateIv(p, { endog: ["x1"], inst: ["z1"], cluster: ["city", "year"] }, "cluster");
    const bad = Array.from(r.se).filter((s) => Number.isNaN(s));
    expect(bad.length).toBeGreaterThan(0);
    expect(Array.from(r.se).every((s) => Number.isNaN(s) || s > 0)).toBe(true);
    expect(Number.isFinite(r.coef[0]) && Number.isFinite(r.coef[1])).toBe(true);
  });
});

/** Positive definite by Sylvester's criterion (leading principal minors, via Gaussian elimination pivots). */
function isPositiveDefinite(A: number[][]): boolean {
  const M = A.map((row) => row.slice());
  for (let c = 0; c < M.length; c++) {
    if (!(M[c][c] > 0)) return false;
    for (let r = c + 1; r < M.length; r++) {
      const f = M[r][c] / M[c][c];
      for (let j = c; j < M.length; j++) M[r][j] -= f * M[c][j];
    }
  }
  return true;
}
