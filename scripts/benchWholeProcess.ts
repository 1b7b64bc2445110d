/**
 * `npm run bench -- whole`: the whole `citypanel fereg` process on a generated ~1M-row
 * unbalanced panel CSV (60,000 ids × 2001–2020, each id-year dropped with probability 0.126,
 * y + 8 regressors, ~134 MB, written to a temporary directory and deleted afterwards): wall
 * time (median of 3 child processes), rows/s, peak RSS and the per-stage split the child
 * prints with CITYPANEL_PROFILE=1; the coefficients against the engine run in-process on the
 * same numbers; the old reader (csv-parse) for comparison; exceljs on a 1M-row .xlsx.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fereg } from "../src/engine/regression/fereg";
import { Rng } from "./sample/prng";
import { IdColumn } from "../src/engine/data/columns";

const IDS = 60_000;
const YEARS = 20;
const FIRST_YEAR = 2001;
const DROP = 0.126;
const K = 8;

/** The panel as numbers (exactly the values written, re-parsed from their text) and as CSV text. */
export function writePanelCsv(file: string, seed = 20261205): { rows: number; y: Float64Array; x: Float64Array[]; id: Int32Array; year: Int32Array } {
  const rng = new Rng(seed);
  const u = (): number => rng.uniform();
  const z = (): number => rng.normal();
  const a = Float64Array.from({ length: IDS }, () => z());
  const g = Float64Array.from({ length: YEARS }, () => 0.5 * z());
  const beta = [0.8, -0.5, 0.3, 0.2, -0.1, 0.05, 0.4, -0.25];
  const load = Array.from({ length: K }, () => [z(), z()]);
  const cap = IDS * YEARS;
  const y = new Float64Array(cap);
  const x = Array.from({ length: K }, () => new Float64Array(cap));
  const id = new Int32Array(cap);
  const year = new Int32Array(cap);
  const fd = fs.openSync(file, "w");
  let block: string[] = [`id,year,y,${Array.from({ length: K }, (_, j) => `x${j + 1}`).join(",")}`];
  let n = 0;
  for (let i = 0; i < IDS; i++) {
    for (let t = 0; t < YEARS; t++) {
      if (u() < DROP) continue;
      let s = a[i] + g[t];
      const xs: string[] = [];
      for (let j = 0; j < K; j++) {
        const v = Number((load[j][0] * a[i] + load[j][1] * g[t] + z()).toFixed(9));
        x[j][n] = v;
        xs.push(String(v));
        s += beta[j] * v;
      }
      const yv = Number((s + (1 + 0.5 * Math.abs(x[0][n])) * z()).toFixed(9));
      y[n] = yv;
      id[n] = i;
      year[n] = t;
      block.push(`${i + 1},${FIRST_YEAR + t},${yv},${xs.join(",")}`);
      n++;
      if (block.length >= 20000) { fs.writeSync(fd, block.join("\n") + "\n"); block = []; }
    }
  }
  fs.writeSync(fd, block.join("\n") + "\n");
  fs.closeSync(fd);
  return { rows: n, y: y.slice(0, n), x: x.map((v) => v.slice(0, n)), id: id.slice(0, n), year: year.slice(0, n) };
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1];

interface ChildRun { ms: number; stages: Record<string, number>; maxRssMB: number; json: { coef: Record<string, number>; nobs: number } }

function runChild(cli: string, args: string[]): ChildRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, CITYPANEL_PROFILE: "1" }, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`citypanel exited ${r.status}: ${r.stderr}`);
  const line = r.stderr.split("\n").find((l) => l.startsWith("citypanel-profile "));
  const prof = line ? JSON.parse(line.slice("citypanel-profile ".length)) : { stages: {}, maxRssMB: NaN };
  return { ms, stages: prof.stages, maxRssMB: prof.maxRssMB, json: JSON.parse(r.stdout) };
}

export function wholeProcessBench(repo: string, opts: { oldReader: boolean; xlsx: boolean }): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-bench-"));
  try {
    const file = path.join(dir, "panel-1m.csv");
    let t0 = performance.now();
    const data = writePanelCsv(file);
    const bytes = fs.statSync(file).size;
    console.log(`  (generated ${data.rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(0)} MB CSV in ${(performance.now() - t0).toFixed(0)} ms)`);
    const cli = path.join(repo, "bin", "citypanel.js");
    const xs = Array.from({ length: K }, (_, j) => `x${j + 1}`);
    const args = ["fereg", file, "--y", "y", "--x", xs.join(","), "--fe", "id,year", "--cluster", "id", "--json"];
    const runs = [0, 1, 2].map(() => runChild(cli, args));
    const ms = median(runs.map((r) => r.ms));
    const rss = Math.max(...runs.map((r) => r.maxRssMB));
    const target = (ok: boolean) => (ok ? "met" : "MISSED");
    console.log(`  ${"citypanel fereg, whole process".padEnd(50)} median ${ms.toFixed(0).padStart(6)} ms  (${runs.map((r) => r.ms.toFixed(0)).join(", ")})  ${(data.rows / (ms / 1000) / 1e6).toFixed(2)} M rows/s  target ≤ 2800 ms (fixest fread+feols): ${target(ms <= 2800)}`);
    console.log(`  ${"".padEnd(50)} peak RSS ${rss.toFixed(0)} MB  target ≤ 600 MB: ${target(rss <= 600)}`);
    const mid = runs.find((r) => r.ms === ms)!;
    console.log(`  ${"".padEnd(50)} stages (ms): ${Object.entries(mid.stages).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}`);
    // the same model in-process on the same numbers
    const ids = (name: string, codes: Int32Array, levels: number): IdColumn => ({ name, codes, levels: Array.from({ length: levels }, (_, l) => String(l)) });
    const idCol = ids("id", data.id, IDS);
    const ref = fereg({ y: { name: "y", values: data.y }, x: xs.map((n, j) => ({ name: n, values: data.x[j] })), fe: [idCol, ids("year", data.year, YEARS)], cluster: [idCol] }, { vcov: "cluster" });
    let worst = 0;
    ref.terms.forEach((t, j) => { worst = Math.max(worst, Math.abs(mid.json.coef[t] - ref.coef[j]) / Math.max(1e-300, Math.abs(ref.coef[j]))); });
    console.log(`  ${"".padEnd(50)} N ${mid.json.nobs}; coefficients vs the engine on the generated numbers: max rel. diff ${worst.toExponential(1)} (${target(worst <= 1e-8)} 1e-8)`);
    if (opts.oldReader) {
      t0 = performance.now();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { readCsv } = require("../src/cli/readCsvCells") as typeof import("../src/cli/readCsvCells");
      const t = readCsv(file);
      console.log(`  ${"old reader (csv-parse → cells), read only".padEnd(50)} ${(performance.now() - t0).toFixed(0)} ms for ${t.rows.toLocaleString("en-US")} rows`);
    }
    if (opts.xlsx) xlsxBench(repo, dir, file, data.rows);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** exceljs on the same panel as a 1M-row .xlsx (written by exceljs's streaming writer). */
function xlsxBench(repo: string, dir: string, csv: string, rows: number): void {
  const xlsx = path.join(dir, "panel-1m.xlsx");
  const t0 = performance.now();
  execFileSync(process.execPath, ["-e", `
    const ExcelJS = require(${JSON.stringify(path.join(repo, "node_modules", "exceljs"))});
    const fs = require("fs");
    (async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ${JSON.stringify(xlsx)} });
      const ws = wb.addWorksheet("Data");
      const lines = fs.readFileSync(${JSON.stringify(csv)}, "latin1").split("\\n");
      ws.addRow(lines[0].split(",")).commit();
      for (let i = 1; i < lines.length; i++) if (lines[i]) ws.addRow(lines[i].split(",").map(Number)).commit();
      await ws.commit(); await wb.commit();
    })();`], { stdio: "inherit", maxBuffer: 1 << 26 });
  console.log(`  (wrote ${rows.toLocaleString("en-US")}-row .xlsx, ${(fs.statSync(xlsx).size / 1e6).toFixed(0)} MB, in ${(performance.now() - t0).toFixed(0)} ms)`);
  const cli = path.join(repo, "bin", "citypanel.js");
  const csvRun = timedChild(cli, ["describe", csv, "--cols", "y", "--json"]);
  console.log(`  ${"citypanel describe --cols y on the CSV".padEnd(50)} ${csvRun.ms.toFixed(0)} ms, peak RSS ${csvRun.rssMB.toFixed(0)} MB`);
  const r = timedChild(cli, ["describe", xlsx, "--cols", "y", "--json"]);
  console.log(`  ${"… on the .xlsx (exceljs streaming reader)".padEnd(50)} ${r.ms.toFixed(0)} ms, peak RSS ${r.rssMB.toFixed(0)} MB, exit ${r.status}${r.status !== 0 ? `: ${r.stderr.slice(0, 200)}` : ""}  (${(r.ms / csvRun.ms).toFixed(1)}× the CSV; the whole-workbook reader took 105 s and 4.7 GB)`);
}

/** A child `citypanel` run: wall time, exit status and its peak RSS (reported by the child as it exits). */
function timedChild(cli: string, args: string[]): { ms: number; status: number | null; stderr: string; rssMB: number } {
  const probe = `process.on("exit", () => process.stderr.write("\\nmaxrss " + process.resourceUsage().maxRSS + "\\n")); process.argv.splice(1, 0, "citypanel"); require(${JSON.stringify(cli)});`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", probe, ...args], { encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const m = /maxrss (\d+)/.exec(r.stderr ?? "");
  return { ms, status: r.status, stderr: (r.stderr || String(r.error)).replace(/\nmaxrss \d+\n/, ""), rssMB: m ? Number(m[1]) / 1024 : NaN };
}
