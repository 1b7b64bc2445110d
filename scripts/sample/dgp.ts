import { AGGLOMERATIONS, AgglomerationDef, CityDef, FIRST_YEAR, LAST_YEAR } from "./cities";
import { clamp, logistic, Rng } from "./prng";

/**
 * The data-generating process of the synthetic sample panel (described in words in
 * assets/sample/README.md). Every random number comes from a named, seeded stream (prng.ts).
 *
 *  1. Cities. Each city gets a latent scale c (its tier from cities.ts, a head start for a few
 *     national innovation centres, noise and a coastal premium) that drives population, income,
 *     fiscal and financial size, baseline innovation capacity B_i, infrastructure and the
 *     level of digital technology. Distance to the nearest coastal port and 1984 telephones
 *     are drawn once per city.
 *  2. Economy. Population, land area and GDP per capita (agglomeration growth trends and
 *     shocks); the seven controls; five innovation-infrastructure series. Agglomeration size
 *     = 0.5 × population density + 0.5 × GDP of the member cities, each min–max normalised
 *     across the 19 agglomerations in the year.
 *  3. Digital technology. True digit = S_i (1 + G_i t/13) + diffusion_i (t + 3)/13: a 2008 level S_i
 *     (heavy-tailed: big and early cities lead), own growth G_i that shrinks with the level
 *     (small cities catch up), and a diffusion component that is larger near coastal ports and
 *     where there were more telephones in 1984 — the source of the instruments' relevance.
 *     Filings D = true digit + a "subsidy push" (AR(1)), observed digit = D + measurement
 *     error; both disturbances are scaled to the city's yearly increase of true digit.
 *  4. Latent innovation capacity Y_it = B_i e^{u_it + γ·(gov, ln density)} + τ t
 *     + β_i · (gain_it − φ · (D_it − digit_true_it)), gain = true digit gained since a few years
 *     before 2008 (the crowding-out term can at most halve the baseline):
 *     subsidy-driven excess filings crowd out genuine innovation, so observed digit is
 *     correlated with the structural error and FE understates β; the instruments move only
 *     true digit. β_i = b0 · digitEffect_agglomeration · exp(infra · z(infrastructure_i)).
 *  5. Indicators. The 25 Table-1 indicators increase with Y (counts and amounts proportional
 *     to Y plus a persistent indicator-specific city level, rates through bounded forms), or
 *     follow the economy (GDP per capita, tertiary share, ratios to the primate city, the
 *     coupling of patents granted and GDP growth), so the entropy index inn tracks Y.
 *  6. Mechanisms and robustness columns. R&D intensity (→ cap), the tertiary share (→ ris)
 *     and new firms (→ ent) rise with the digital gain; inn_ext is a noisy convex function of
 *     Y; digit_alt is a keyword count rising with the digital gain.
 */
export const SEED = 20260126;

/** Tunable parameters of the process (all in one place). */
export const PARAMS = {
  /** Latent city scale by tier. */
  tierScale: { 1: 2.0, 2: 1.1, 3: 0.45, 4: 0, 5: -0.45 } as Record<number, number>,
  coastalPremium: 0.1,
  /**
   * Digital technology. 2008 level ln S_i = s0 + sC·c + sLead·lead + sPhones·ln(phones) − sDist·dist/1000 + sN·n;
   * own growth to 2021 G_i = clamp(g0 · (S_i/sRef)^(−catchUp) · exp(gN·n), gMin, gMax);
   * diffusion dDist · max(0, 1 − dist/3000 km) + dPhones · phones per 13 years, under way since
   * diffusionLead years before 2008; an AR(1) factor exp(ω)
   * (switched off: arSd = 0); reported in units of `unit` × 10,000 applications.
   */
  digit: {
    s0: -6.5, sC: 2.2, sLead: 3, sPhones: 1.0, sDist: 0.3, sN: 0.4,
    g0: 1.5, catchUp: 1.0, sRef: 0.02, gN: 0.15, gMin: 0.02, gMax: 60,
    dDist: 0.06, dPhones: 0.05, diffusionLead: 3, gainLead: 4,
    arRho: 0.6, arSd: 0,
    unit: 0.5,
  },
  /**
   * Endogeneity: filings D = digit_true + qSd · scale · q (q AR(1) with coefficient qRho, unit
   * variance), observed digit = D + measurementSd · scale · η, scale = min(yearly increment,
   * noiseCap · digit_true), each floored at 5% of the level; excess filings enter Y with −phi·β.
   */
  endog: { qRho: 0.2, qSd: 0.35, phi: 1.0, measurementSd: 0.15, noiseCap: 0.5 },
  /** Latent innovation capacity: baseline B_i = exp(b0Log + bC·c + bN·n) × exp(noise + control effects), trend; indicator noise scale. */
  latent: { b0Log: Math.log(0.02), bC: 1.6, bN: 0.25, uSd: 0.03, indicatorNoise: 0.35, tau: 0.0025, govEffect: -0.5, densityEffect: -0.1, floor: 0.002, ref: 0.05 },
  /** Effect of digital technology: β_i = b0 · digitEffect(agglomeration) · exp(infra · z(latent infrastructure)). */
  beta: { b0: 1.2, infra: 0.2 },
  /** Mechanisms: effect of the digital gain on R&D intensity, the tertiary share and new firms. */
  mech: { cap: 3, ris: 0.3, ent: 3 },
};

export interface CityRecord {
  readonly agg: AgglomerationDef;
  readonly aggIndex: number;
  readonly city: CityDef;
  /** Index of the agglomeration's primate city in the city list. */
  readonly primate: number;
}

/** One city-year of the generated panel (numbers unrounded). */
export interface PanelRow {
  readonly cityIndex: number;
  readonly year: number;
  readonly values: Record<string, number>;
}

export const YEARS: readonly number[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, t) => FIRST_YEAR + t);
const T = YEARS.length;

/** The 196 cities in table order with their agglomeration. */
export function cityList(): CityRecord[] {
  const out: CityRecord[] = [];
  AGGLOMERATIONS.forEach((agg, aggIndex) => {
    const primate = out.length;
    for (const city of agg.cities) out.push({ agg, aggIndex, city, primate });
  });
  return out;
}

const mean = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
const sd = (a: readonly number[]): number => {
  const m = mean(a);
  return Math.sqrt(a.reduce((s, v) => s + (v - m) * (v - m), 0) / (a.length - 1));
};
const standardise = (a: readonly number[]): number[] => {
  const m = mean(a), s = sd(a);
  return a.map((v) => (v - m) / s);
};

/** Static (time-invariant) city draws. */
interface CityStatic {
  c: number; pop0: number; popGrowth: number; area: number;
  gdppc0: number; gdpGrowth: number; hc: number; distPort: number; phones: number;
  infra: number; base: number; digitNoise: number; keywordBase: number;
  /** Persistent city noise by series name. */
  noise: Record<string, number>;
}

const PERSISTENT = [
  "gov", "hum", "fin", "trans", "protect", "unemploy", "rd", "share1", "share3", "ent", "ext",
  "edu_i", "hightech_i", "transport_i", "it_i", "finance_i", "hc",
  ...Array.from({ length: 25 }, (_, j) => `ind${j + 1}`),
];

function drawStatic(cities: readonly CityRecord[]): CityStatic[] {
  const r = Rng.stream(SEED, "city");
  const P = PARAMS;
  const raw = cities.map(({ agg, city }) => {
    const c = P.tierScale[city.tier] + city.lead + (city.tier <= 2 ? 0.15 : 0.25) * r.normal() + (city.coastal ? P.coastalPremium : 0);
    const popByTier: Record<number, number> = { 1: 14e6, 2: 8e6, 3: 5.5e6, 4: 4e6, 5: 2.6e6 };
    const pop0 = Math.exp(Math.log(popByTier[city.tier]) + 0.3 * r.normal());
    const density0 = Math.exp(Math.log(agg.density) + 0.3 * (c - P.tierScale[4]) + 0.35 * r.normal());
    const phonesByTier: Record<number, number> = { 1: 1.8, 2: 1.3, 3: 0.9, 4: 0.65, 5: 0.5 };
    const noise: Record<string, number> = {};
    for (const k of PERSISTENT) noise[k] = r.normal();
    return {
      c,
      pop0,
      popGrowth: 0.004 + (city.tier <= 2 ? 0.008 : 0) + 0.004 * r.normal(),
      area: pop0 / density0,
      gdppc0: Math.exp(Math.log(28000) + 0.45 * c + 0.25 * r.normal()),
      gdpGrowth: 0.003 * r.normal(),
      hc: 8.6 + 0.9 * c + 0.4 * r.normal(),
      distPort: city.coastal ? Math.exp(Math.log(12) + 0.5 * r.normal()) : agg.inlandPortKm * Math.exp(0.2 * r.normal()),
      phones: Math.exp(Math.log(phonesByTier[city.tier]) + 0.5 * city.lead + 0.4 * r.normal()),
      infra: 0.8 * c + 0.45 * r.normal(),
      base: Math.exp(P.latent.b0Log + P.latent.bC * c + P.latent.bN * r.normal()),
      digitNoise: r.normal(),
      keywordBase: Math.exp(Math.log(12) + 0.3 * c + 0.3 * r.normal()),
      noise,
    };
  });
  return raw;
}

/** Population, area and GDP by city-year, and agglomeration size (each part min–max normalised across agglomerations in the year). */
function economy(cities: readonly CityRecord[], st: readonly CityStatic[]) {
  const r = Rng.stream(SEED, "economy");
  const pop: number[][] = [], gdppc: number[][] = [], gdpGrowth: number[][] = [];
  // growth of GDP per capita: an agglomeration trend and agglomeration-year shocks shared by the
  // member cities, plus a small city deviation
  const aggTrend = AGGLOMERATIONS.map(() => 0.085 + 0.01 * r.normal());
  const aggShock = AGGLOMERATIONS.map(() => Array.from({ length: T }, () => 0.01 * r.normal()));
  st.forEach((s, i) => {
    const a = cities[i].aggIndex;
    const p: number[] = [], g: number[] = [], gr: number[] = [];
    let level = s.gdppc0;
    for (let t = 0; t < T; t++) {
      p.push(s.pop0 * Math.exp(s.popGrowth * t));
      const growth = aggTrend[a] + s.gdpGrowth - 0.003 * t + aggShock[a][t] + 0.002 * r.normal();
      if (t > 0) level *= Math.exp(growth);
      g.push(level);
      gr.push(Math.exp(growth + s.popGrowth) - 1);
    }
    pop.push(p); gdppc.push(g); gdpGrowth.push(gr);
  });
  // agglomeration totals of the member cities
  const nAgg = AGGLOMERATIONS.length;
  const dens: number[][] = [], gdp: number[][] = [];
  for (let a = 0; a < nAgg; a++) {
    const d: number[] = [], y: number[] = [];
    for (let t = 0; t < T; t++) {
      let P = 0, A = 0, G = 0;
      cities.forEach((c, i) => {
        if (c.aggIndex !== a) return;
        P += pop[i][t]; A += st[i].area; G += pop[i][t] * gdppc[i][t];
      });
      d.push(P / A); y.push(G);
    }
    dens.push(d); gdp.push(y);
  }
  // min–max across the 19 agglomerations within each year
  const minmax = (m: number[][]) => m.map((row) => row.map((v, t) => {
    const col = m.map((r) => r[t]);
    const lo = Math.min(...col), hi = Math.max(...col);
    return (v - lo) / (hi - lo);
  }));
  const nd = minmax(dens), ng = minmax(gdp);
  const size = nd.map((row, a) => row.map((v, t) => 0.5 * v + 0.5 * ng[a][t]));
  return { pop, gdppc, gdpGrowth, size };
}

/** Generate the panel: one row per city-year in city-table order. */
export function simulate(): { cities: CityRecord[]; rows: PanelRow[] } {
  const P = PARAMS;
  const cities = cityList();
  const st = drawStatic(cities);
  const eco = economy(cities, st);
  const zInfra = standardise(st.map((s) => s.infra)); // latent innovation infrastructure, standardised

  const rDigit = Rng.stream(SEED, "digit");
  const rEndog = Rng.stream(SEED, "endogeneity");
  const rLatent = Rng.stream(SEED, "latent");
  const rCtl = Rng.stream(SEED, "controls");
  const rInd = Rng.stream(SEED, "indicators");
  const rMech = Rng.stream(SEED, "mechanisms");
  const rRob = Rng.stream(SEED, "robustness");

  const rows: PanelRow[] = [];
  cities.forEach((cr, i) => {
    const s = st[i];
    const n = s.noise;
    const D = P.digit;
    const lnPhones = Math.log(s.phones), dist = s.distPort / 1000;
    const digitScale = Math.exp(D.s0 + D.sC * s.c + D.sLead * cr.city.lead + D.sPhones * lnPhones - D.sDist * dist + D.sN * s.digitNoise);
    const growth = clamp(D.g0 * Math.pow(digitScale / D.sRef, -D.catchUp) * Math.exp(D.gN * rDigit.normal()), D.gMin, D.gMax);
    const diffusion = D.dDist * Math.max(0, 1 - dist / 3) + D.dPhones * s.phones;
    const increment = (digitScale * growth + diffusion) / (T - 1); // expected yearly increase of true digit
    let omega = (D.arSd / Math.sqrt(1 - D.arRho ** 2)) * rDigit.normal();
    const E = P.endog;
    let q = rEndog.normal();
    const beta = P.beta.b0 * cr.agg.digitEffect * Math.exp(P.beta.infra * zInfra[i]);
    for (let t = 0; t < T; t++) {
      if (t > 0) {
        omega = D.arRho * omega + D.arSd * rDigit.normal();
        q = E.qRho * q + Math.sqrt(1 - E.qRho ** 2) * rEndog.normal();
      }
      const v: Record<string, number> = {};
      const size = eco.size[cr.aggIndex][t];
      const pop = eco.pop[i][t];
      const gdp = (pop * eco.gdppc[i][t]) / 1e8; // 100 million yuan

      // controls (levels)
      const gov = clamp(Math.exp(Math.log(0.16) - 0.18 * s.c + 0.3 * n.gov + 0.015 * t + 0.02 * rCtl.normal()), 0.05, 0.9);
      const density = pop / s.area;
      v.gov = gov;
      v.density = density;
      v.hum = Math.exp(Math.log(0.9) + 1.15 * s.c + 0.06 * t + 0.35 * n.hum + 0.08 * rCtl.normal());
      v.fin = Math.exp(Math.log(1.1) + 1.2 * s.c + 0.11 * t + 0.3 * n.fin + 0.05 * rCtl.normal());
      v.trans = Math.exp(Math.log(7) + 0.45 * s.c + 0.03 * t + 0.55 * n.trans + 0.18 * rCtl.normal());
      v.protect = Math.min(99.5, 100 * logistic(0.9 + 0.18 * t + 0.2 * s.c + 0.5 * n.protect + 0.35 * rCtl.normal()));
      v.unemploy = Math.exp(Math.log(2.0) + 0.55 * s.c + 0.01 * t + 0.45 * n.unemploy + 0.12 * rCtl.normal());

      // digital technology: true level, subsidy-inflated filings, observed (mismeasured) level
      const digitTrue = (digitScale * (1 + (growth * t) / (T - 1)) + (diffusion * (t + D.diffusionLead)) / (T - 1)) * Math.exp(omega);
      // digital technology gained since gainLead years before 2008 (so that 2008 is not a starting point)
      const gain = digitTrue - digitScale - (diffusion * D.diffusionLead) / (T - 1) + increment * D.gainLead;
      const scale = Math.min(increment, E.noiseCap * digitTrue);
      const filings = Math.max(0.05 * digitTrue, digitTrue + E.qSd * scale * q);
      const digit = Math.max(0.05 * filings, filings + E.measurementSd * scale * rEndog.normal());
      v.digit = D.unit * digit;

      // latent innovation capacity
      // (the crowding-out of excess filings can at most halve the city's baseline)
      const baseline = s.base * Math.exp(P.latent.uSd * rLatent.normal() + P.latent.govEffect * (gov - 0.17) + P.latent.densityEffect * Math.log(density / 420));
      const Y = Math.max(P.latent.floor, baseline + P.latent.tau * t + Math.max(-0.5 * baseline, beta * (gain - E.phi * (filings - digitTrue))));
      const y = Math.log(Y / P.latent.ref);

      Object.assign(v, indicators(Y, s.base, t, n, rInd));
      v.gdppc = eco.gdppc[i][t];
      v.gdpGrowth = eco.gdpGrowth[i][t];
      v.hcIndex = s.hc + 0.06 * t + 0.01 * rInd.normal();

      // fiscal and R&D spending (100 million yuan), industry shares, new firms
      v.fiscal_spend = gov * gdp;
      const rdIntensity = Math.exp(Math.log(0.011) + 0.45 * s.c + 0.03 * t + 0.3 * n.rd + 0.06 * rMech.normal()) * (1 + P.mech.cap * gain);
      v.rd_spend = Math.min(0.9 * v.fiscal_spend, rdIntensity * gdp);
      const share1 = clamp(Math.exp(Math.log(0.09) - 0.9 * s.c + 0.35 * n.share1 - 0.01 * t + 0.05 * rMech.normal()), 0.0005, 0.35);
      const share3 = (1 - share1) * Math.min(0.93,
        0.15 + 0.55 * logistic(-0.35 + 0.45 * s.c + 0.3 * n.share3) + 0.008 * t + P.mech.ris * gain + 0.01 * rMech.normal());
      v.share1 = share1;
      v.share3 = share3;
      const ent = Math.exp(Math.log(0.045) + 0.35 * s.c + 0.08 * t + 0.3 * n.ent + 0.1 * rMech.normal()) * (1 + P.mech.ent * gain);
      v.population = pop;
      v.new_firms = (ent * pop) / 100;

      // robustness columns
      v.inn_ext = Math.exp(Math.log(4) + 1.1 * y + 0.2 * n.ext + 0.1 * rRob.normal());
      v.digit_alt = s.keywordBase * Math.exp(0.04 * t + 0.12 * rRob.normal()) + 150 * gain * Math.exp(0.1 * rRob.normal());

      // innovation infrastructure (city level)
      const f = s.infra + 0.04 * t;
      v.infra_edu = Math.exp(Math.log(60000) + 0.5 * f + 0.25 * n.edu_i + 0.03 * rRob.normal());
      v.infra_hightech = Math.exp(Math.log(150) + 0.8 * f + 0.1 * t + 0.3 * n.hightech_i + 0.08 * rRob.normal());
      v.infra_transport = Math.exp(Math.log(20000) + 0.55 * f + 0.3 * n.transport_i + 0.05 * rRob.normal());
      v.infra_it = Math.exp(Math.log(5000) + 0.8 * f + 0.06 * t + 0.3 * n.it_i + 0.08 * rRob.normal());
      v.infra_finance = Math.exp(Math.log(1000) + 0.7 * f + 0.11 * t + 0.3 * n.finance_i + 0.05 * rRob.normal());

      v.size = size;
      v.dist_port = s.distPort;
      v.phones1984 = s.phones;
      rows.push({ cityIndex: i, year: YEARS[t], values: v });
    }
  });
  addRelativeIndicators(cities, rows);
  return { cities, rows };
}

/**
 * Count and amount indicators: x = A · (Ỹ / Y_ref)^s · exp(σ_year ε_it), where
 * Ỹ = Y + B_i (exp(σ_city n_ij) − 1) shifts the city's level by an indicator-specific,
 * persistent amount (so indicators differ across cities beyond Y without rescaling Y's
 * changes over time).
 */
const POWER: Record<string, [A: number, s: number, sdCity: number, sdYear: number]> = {
  ind03: [9000, 1, 0.5, 0.05],
  ind04: [600, 1, 0.75, 0.05],
  ind05: [60000, 1, 0.65, 0.1],
  ind06: [8, 0.85, 0.4, 0.02],
  ind07: [5000, 0.9, 0.45, 0.02],
  ind08: [80000, 0.95, 0.45, 0.02],
  ind09: [1500, 1, 0.55, 0.05],
  ind10: [6000, 1, 0.7, 0.05],
  ind11: [150000, 1, 0.8, 0.1],
  ind12: [20, 1, 0.6, 0.05],
  ind13: [3500, 1, 0.7, 0.05],
  ind14: [150, 1, 0.8, 0.1],
  ind18: [600000, 1, 0.6, 0.05],
  ind19: [1800, 1, 0.35, 0.05],
  ind20: [400000, 1, 0.5, 0.05],
};

/** The 25 − 6 indicators that are functions of the city-year latent Y (all but 16, 17, 22–25). */
function indicators(Y: number, base: number, t: number, n: Record<string, number>, r: Rng): Record<string, number> {
  const ref = PARAMS.latent.ref;
  const v: Record<string, number> = {};
  for (const [col, [A, s, sdCity, sdYear]] of Object.entries(POWER)) {
    const j = Number(col.slice(3));
    const shifted = Math.max(0.5 * Y, Y + base * (Math.exp(sdCity * n[`ind${j}`]) - 1));
    v[col] = A * Math.pow(shifted / ref, s) * Math.exp(PARAMS.latent.indicatorNoise * sdYear * r.normal());
  }
  const y = Math.log(Y / ref);
  v.ind01 = 12 + 8 * logistic(0.3 * y + 0.5 * n.ind1 + 0.3 * r.normal());
  v.ind02 = Math.min(12, Math.exp(Math.log(1.6) + 0.7 * Math.log(base / ref) + 0.04 * t + 0.35 * n.ind2 + 0.03 * r.normal()));
  v.ind15 = 50 - Math.exp(Math.log(10) - 0.2 * y + 0.25 * n.ind15 + 0.1 * r.normal());
  v.ind21 = 100 * logistic(0.3 + 0.5 * y + 0.04 * t + 0.4 * n.ind21 + 0.05 * r.normal());
  return v;
}

/**
 * Indicators built from other columns: GDP per capita (16), tertiary share (17), the
 * coupling degree of patents granted and GDP growth (22) and the three ratios to the
 * agglomeration's primate city in the same year (23–25).
 */
function addRelativeIndicators(cities: readonly CityRecord[], rows: PanelRow[]): void {
  const byCityYear = (i: number, t: number) => rows[i * T + t].values;
  // coupling: U1 = normalised ln patents granted, U2 = normalised GDP growth (pooled min–max, floored)
  const norm = (key: string, f: (x: number) => number = (x) => x) => {
    const xs = rows.map((r) => f(r.values[key]));
    const lo = Math.min(...xs), hi = Math.max(...xs);
    return (x: number) => 0.01 + 0.99 * ((f(x) - lo) / (hi - lo));
  };
  const u1 = norm("ind13", Math.log), u2 = norm("gdpGrowth");
  for (const row of rows) {
    const v = row.values;
    v.ind16 = v.gdppc;
    v.ind17 = 100 * v.share3;
    const a = u1(v.ind13), b = u2(v.gdpGrowth);
    v.ind22 = (2 * Math.sqrt(a * b)) / (a + b);
    v.eduSciPerCapita = ((v.ind01 + v.ind02) / 100) * v.fiscal_spend * 1e8 / v.population;
  }
  for (const row of rows) {
    const t = row.year - FIRST_YEAR;
    const p = byCityYear(cities[row.cityIndex].primate, t);
    const v = row.values;
    v.ind23 = v.ind16 / p.ind16;
    v.ind24 = v.eduSciPerCapita / p.eduSciPerCapita;
    v.ind25 = v.hcIndex / p.hcIndex;
  }
}
