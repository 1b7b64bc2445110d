/**
 * CityPanel benchmarks: `npm run bench` (builds the CLI, then runs build/scripts/bench.js
 * with --expose-gc). Optional argument: a substring; only cases whose section or name
 * contains it run, e.g. `node --expose-gc build/scripts/bench.js paper`.
 *
 * Each case is timed as the median of ≥ 7 warm runs after warm-up runs; inputs are parsed
 * and generated outside the timed region (the timed call is the engine entry point, from
 * parsed columns to the full result). Memory: the process RSS high-water mark
 * (`process.resourceUsage().maxRSS`, cumulative over the process, so it includes the
 * generated inputs), and the largest JS heap and typed-array (ArrayBuffer) memory in use
 * seen right after a run (that run's garbage included; collected before each case).
 *
 * To add a benchmark (IV2SLS, the whole study, …), append a Section to SECTIONS: a title
 * and cases { name, setup, run, target? } — setup returns the prepared input, run gets it.
 * Data: the reference panel is read from $CITYPANEL_REFERENCE (default test/fixtures/reference
 * in the repository).
 */
import * as fs from "fs";
import * as path from "path";
import { readCsv } from "../src/cli/readCsvCells";
import { factorize, IdColumn, NumericColumn } from "../src/engine/data/columns";
import { tableIds, tableNumeric } from "../src/engine/data/table";
import { fereg, FeregInput, FeregOptions } from "../src/engine/regression/fereg";
import { iv2sls, Iv2slsInput, Iv2slsOptions } from "../src/engine/iv/iv2sls";
import { defaultStudy } from "../src/engine/study/defaultStudy";
import { runStudy } from "../src/engine/study/runStudy";
import { RawTable } from "../src/engine/data/table";
import { createAbsorptionCache } from "../src/engine/fe/absorptionCache";
import { feregSpill } from "../src/functions/adapters/fereg";
import { wholeProcessBench } from "./benchWholeProcess";
import { Rng } from "./sample/prng";

interface Case<T = unknown> {
  readonly name: string;
  /** Prepare inputs (not timed). */
  readonly setup: () => T;
  /** The timed call. Its result is checked by `check`, if given (not timed). */
  readonly run: (input: T) => unknown;
  readonly check?: (result: unknown) => string;
  /** Target median in ms, reported as met / MISSED. */
  readonly targetMs?: number;
  readonly warmup?: number;
  readonly runs?: number;
  /** Collect garbage before every timed run (large inputs: keeps one run's garbage out of the next). */
  readonly gcEachRun?: boolean;
}

interface Section {
  readonly title: string;
  readonly cases: readonly Case[];
}

/** A typed case, erased to Case<unknown> for the section list. */
const defineCase = <T>(c: Case<T>): Case => ({ ...c, run: (input) => c.run(input as T) });

// ---- data ---------------------------------------------------------------------------------

function referenceDir(): string {
  const candidates = [
    process.env.CITYPANEL_REFERENCE,
    path.resolve(__dirname, "../../test/fixtures/reference"), // build/scripts → repo
    path.resolve(__dirname, "../test/fixtures/reference"), // scripts (ts-node style)
    path.resolve(process.cwd(), "test/fixtures/reference"),
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(path.join(p, "data", "panel_public.csv")));
  if (!found) throw new Error(`reference data not found (tried ${candidates.join(", ")}); set CITYPANEL_REFERENCE`);
  return found;
}

const CONTROLS = ["gov", "lndensity", "lnhum", "lnfin", "lntrans", "lnprotect", "lnunemploy"];

/** panel_public.csv: inn ~ digit + 7 controls, city + year FE (2,744 rows). */
function paperPanel(cluster: boolean): FeregInput {
  const t = readCsv(path.join(referenceDir(), "data", "panel_public.csv"));
  return {
    y: tableNumeric(t, "inn"),
    x: ["digit", ...CONTROLS].map((n) => tableNumeric(t, n)),
    fe: [tableIds(t, "city"), tableIds(t, "year")],
    cluster: cluster ? [tableIds(t, "city")] : [],
  };
}

function normals(u: () => number): () => number {
  let spare = NaN;
  return () => {
    if (spare === spare) { const s = spare; spare = NaN; return s; }
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const th = 2 * Math.PI * u();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
}

/**
 * A seeded unbalanced panel with exactly `rows` rows: `units` × `years`, rows deleted at
 * random (without replacement) until `rows` remain, sorted by unit then year; 8 regressors
 * correlated with the unit and year effects; y = a_i + g_t + Xβ + u.
 */
function bigPanel(rows: number, units: number, years: number, seed = 20240607): { input: FeregInput; deleted: number } {
  const total = units * years;
  if (rows > total) throw new Error("bigPanel: more rows than cells");
  const rng = new Rng(seed);
  const u = (): number => rng.uniform();
  const z = normals(u);
  // choose which cells to delete: partial Fisher–Yates over cell indices
  const cells = new Int32Array(total);
  for (let i = 0; i < total; i++) cells[i] = i;
  const del = total - rows;
  for (let i = 0; i < del; i++) {
    const j = i + Math.floor(u() * (total - i));
    const t = cells[i]; cells[i] = cells[j]; cells[j] = t;
  }
  const gone = new Uint8Array(total);
  for (let i = 0; i < del; i++) gone[cells[i]] = 1;
  const unitCode = new Int32Array(rows);
  const yearCode = new Int32Array(rows);
  let k = 0;
  for (let c = 0; c < total; c++) if (!gone[c]) { unitCode[k] = Math.floor(c / years); yearCode[k] = c % years; k++; }
  const K = 8;
  const a = Float64Array.from({ length: units }, () => z());
  const g = Float64Array.from({ length: years }, () => 0.5 * z());
  const beta = [0.8, -0.5, 0.3, 0.2, -0.1, 0.05, 0.4, -0.25];
  const xs = Array.from({ length: K }, () => new Float64Array(rows));
  const load = Array.from({ length: K }, () => [z(), z()]);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const ai = a[unitCode[i]];
    const gt = g[yearCode[i]];
    let s = ai + gt;
    for (let j = 0; j < K; j++) {
      const x = load[j][0] * ai + load[j][1] * gt + z();
      xs[j][i] = x;
      s += beta[j] * x;
    }
    y[i] = s + (1 + 0.5 * Math.abs(xs[0][i])) * z();
  }
  const ids = (name: string, codes: Int32Array, levels: number): IdColumn => ({ name, codes, levels: Array.from({ length: levels }, (_, l) => String(l + 1)) });
  const unit = ids("unit", unitCode, units);
  return {
    input: { y: { name: "y", values: y }, x: xs.map((v, j): NumericColumn => ({ name: `x${j + 1}`, values: v })), fe: [unit, ids("year", yearCode, years)], cluster: [unit] },
    deleted: del,
  };
}

// ---- cases --------------------------------------------------------------------------------

const BIG_ROWS = 1_048_576;
const BIG_UNITS = 61_681; // × 20 years = 1,233,620 cells; 15.0% deleted leaves 1,048,576 rows
const BIG_YEARS = 20;

let big: FeregInput | null = null;
const bigInput = (): FeregInput => {
  if (!big) {
    const t0 = performance.now();
    const b = bigPanel(BIG_ROWS, BIG_UNITS, BIG_YEARS);
    big = b.input;
    console.log(`  (generated ${BIG_ROWS.toLocaleString("en-US")} rows = ${BIG_UNITS.toLocaleString("en-US")} units × ${BIG_YEARS} years − ${b.deleted.toLocaleString("en-US")} deleted (${((100 * b.deleted) / (BIG_UNITS * BIG_YEARS)).toFixed(1)}%), 8 regressors, in ${(performance.now() - t0).toFixed(0)} ms)`);
  }
  return big;
};

const feregCase = (name: string, setup: () => FeregInput, opts: FeregOptions, size: { targetMs?: number; runs: number; warmup: number; gcEachRun: boolean }): Case => defineCase<FeregInput>({
  name,
  setup,
  run: (input) => fereg(input, opts),
  check: (r) => {
    const f = r as ReturnType<typeof fereg>;
    return `N ${f.nobs}, K ${f.terms.length}, df_a ${f.dfA}, ${f.demeanMethod}, b[0] ${f.coef[0].toFixed(6)} (${f.se[0].toFixed(6)})`;
  },
  ...size,
});

/** panel_public.csv: inn ~ (digit ~ iv1 + iv2) + 7 controls, city + year FE. */
function paperIv(cluster: boolean): Iv2slsInput {
  const t = readCsv(path.join(referenceDir(), "data", "panel_public.csv"));
  return {
    y: tableNumeric(t, "inn"),
    endog: [tableNumeric(t, "digit")],
    instruments: ["iv1", "iv2"].map((n) => tableNumeric(t, n)),
    exog: CONTROLS.map((n) => tableNumeric(t, n)),
    fe: [tableIds(t, "city"), tableIds(t, "year")],
    cluster: cluster ? [tableIds(t, "city")] : [],
  };
}

const ivCase = (name: string, setup: () => Iv2slsInput, opts: Iv2slsOptions, size: { targetMs?: number; runs: number; warmup: number; gcEachRun: boolean }): Case => defineCase<Iv2slsInput>({
  name,
  setup,
  run: (input) => iv2sls(input, opts),
  check: (r) => {
    const f = r as ReturnType<typeof iv2sls>;
    return `N ${f.nobs}, digit ${f.coef[0].toFixed(6)} (${f.se[0].toFixed(6)}), KP LM ${f.kpLM.toFixed(3)}, KP F ${f.kpF.toFixed(3)}`;
  },
  ...size,
});

/** panel_public.csv as the cell arrays Excel hands a custom function: header row + values, one range per argument. */
function paperCells(): unknown[][][] {
  const t = readCsv(path.join(referenceDir(), "data", "panel_public.csv"));
  const range = (names: string[]) => {
    const cols = names.map((n) => t.columns[t.names.indexOf(n)]);
    return [names, ...Array.from({ length: t.rows }, (_, i) => cols.map((c) => (/^[A-Za-z]/.test(String(c[i])) ? c[i] : Number(c[i]))))];
  };
  return [range(["inn"]), range(["digit", ...CONTROLS]), range(["city", "year"])];
}
const warmCache = createAbsorptionCache(1);

const SMALL = { runs: 41, warmup: 60, gcEachRun: false };
const LARGE = { runs: 7, warmup: 2, gcEachRun: true };

const SECTIONS: Section[] = [
  {
    title: "FEREG, paper size: panel_public.csv, 2,744 rows × 8 regressors, city + year FE",
    cases: [
      feregCase("robust", () => paperPanel(false), { vcov: "robust" }, { ...SMALL, targetMs: 5 }),
      feregCase("cluster(city)", () => paperPanel(true), { vcov: "cluster" }, { ...SMALL, targetMs: 5 }),
    ],
  },
  {
    title: `FEREG, ${BIG_ROWS.toLocaleString("en-US")} rows × 8 regressors, unit + year FE (unbalanced, generated)`,
    cases: [
      feregCase("cluster(unit), exact two-way", bigInput, { vcov: "cluster" }, { ...LARGE, targetMs: 1000 }),
      feregCase("robust, exact two-way", bigInput, { vcov: "robust" }, LARGE),
      feregCase("cluster(unit), alternating projections (forced)", bigInput, { vcov: "cluster", demean: { method: "alternating-projections" } }, LARGE),
    ],
  },
  {
    title: "IV2SLS, paper size: panel_public.csv, inn on digit instrumented by iv1 and iv2, 7 controls, city + year FE",
    cases: [
      ivCase("robust", () => paperIv(false), { vcov: "robust" }, { ...SMALL, targetMs: 10 }),
      ivCase("cluster(city)", () => paperIv(true), { vcov: "cluster" }, { ...SMALL, targetMs: 10 }),
    ],
  },
  {
    title: "=CITYPANEL.FEREG on worksheet cells: panel_public.csv as any[][] ranges with header rows (2,745 × 11 cells), robust",
    cases: [
      defineCase<unknown[][][]>({
        name: "cells → spill, first call (cache empty)",
        setup: () => paperCells(),
        run: ([y, x, fe]) => feregSpill(y, x, fe, "robust", null, "table", "en", createAbsorptionCache(1)),
        check: (r) => `${(r as unknown[][]).length} spill rows`,
        runs: 21, warmup: 20, gcEachRun: false,
      }),
      defineCase<unknown[][][]>({
        name: "cells → spill, recalculation (cache warm)",
        setup: () => paperCells(),
        run: ([y, x, fe]) => feregSpill(y, x, fe, "robust", null, "table", "en", warmCache),
        check: (r) => `${(r as unknown[][]).length} spill rows`,
        runs: 41, warmup: 20, gcEachRun: false, targetMs: 10,
      }),
    ],
  },
  {
    title: "The whole study, Tables 1–7, on the bundled sample panel (2,744 rows; entropy and PCA indices, LQ, ris, 16 models)",
    cases: [
      defineCase<RawTable>({
        name: "runStudy (parse excluded)",
        setup: () => readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv")),
        run: (table) => runStudy(table, defaultStudy(), { lang: "en" }),
        check: (r) => {
          const s = r as ReturnType<typeof runStudy>;
          return `${s.tables.length} tables, ${s.models.size} models, N ${s.panel.n}`;
        },
        runs: 9, warmup: 3, gcEachRun: true, targetMs: 1000,
      }),
    ],
  },
];

// ---- runner -------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function runCase(c: Case): void {
  const input = c.setup();
  gc?.();
  const before = process.memoryUsage();
  let heapPeak = before.heapUsed;
  let buffersPeak = before.arrayBuffers;
  const sample = () => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    buffersPeak = Math.max(buffersPeak, m.arrayBuffers);
  };
  let result: unknown;
  for (let i = 0; i < (c.warmup ?? 3); i++) { result = c.run(input); sample(); }
  gc?.();
  const times: number[] = [];
  for (let i = 0; i < Math.max(7, c.runs ?? 7); i++) {
    if (c.gcEachRun) gc?.();
    const t0 = performance.now();
    result = c.run(input);
    times.push(performance.now() - t0);
    sample();
  }
  const med = median(times);
  const target = c.targetMs === undefined ? "" : med < c.targetMs ? `  target < ${c.targetMs} ms: met` : `  target < ${c.targetMs} ms: MISSED`;
  const fmt = (t: number) => (t < 10 ? t.toFixed(2) : t.toFixed(0));
  console.log(`  ${c.name.padEnd(50)} median ${fmt(med).padStart(6)} ms  (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}, ${times.length} runs)${target}`);
  console.log(`  ${"".padEnd(50)} peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}, peak JS heap ${mb(heapPeak)}, peak typed arrays ${mb(buffersPeak)} (${mb(before.arrayBuffers)} before the case)`);
  if (c.check) console.log(`  ${"".padEnd(50)} ${c.check(result)}`);
}

function main(): void {
  const filter = process.argv[2]?.toLowerCase();
  console.log(`CityPanel bench — node ${process.version}, ${process.platform}/${process.arch}${gc ? "" : " (run with --expose-gc for stable memory figures)"}`);
  for (const s of SECTIONS) {
    const cases = s.cases.filter((c) => !filter || `${s.title} ${c.name}`.toLowerCase().includes(filter));
    if (cases.length === 0) continue;
    console.log(`\n${s.title}`);
    for (const c of cases) runCase(c);
  }
  const whole = "Whole process: `citypanel fereg FILE --y y --x x1,…,x8 --fe id,year --cluster id --json` on a generated ~1M-row CSV (child processes)";
  if (!filter || whole.toLowerCase().includes(filter) || filter === "xlsx" || filter === "old") {
    console.log(`\n${whole}`);
    if (filter !== "xlsx") console.log("  (`npm run bench -- xlsx` adds exceljs on the same panel as .xlsx; `npm run bench -- old` adds the old csv-parse reader)");
    wholeProcessBench(path.resolve(__dirname, "../.."), { oldReader: filter === "old", xlsx: filter === "xlsx" });
  }
  console.log(`\npeak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

main();
