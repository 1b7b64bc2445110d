/**
 * Check that the bundled synthetic sample panel reproduces the paper's qualitative findings
 * when the study is run on it with CityPanel's engine: entropy index of the 25 indicators,
 * Tables 3–7 (pooled OLS and two-way FE, IV with each instrument clustered by city,
 * robustness, mechanisms, heterogeneity). Prints coefficients and standard errors and exits
 * with status 1 if any check fails.
 *
 *   npx tsc -p tsconfig.cli.json && node build/scripts/check-sample-panel.js [file.csv]
 */
import * as fs from "fs";
import { readCsv } from "../src/cli/readCsvCells";
import { runStudy } from "./sample/analysis";
import { samplePaths } from "./generate-sample-panel";

function main(): void {
  const file = process.argv[2] ?? samplePaths().csv;
  const table = readCsv(file);
  const meta = JSON.parse(fs.readFileSync(samplePaths().variables, "utf8")) as { indicators: { direction: "+" | "-" }[] };
  const run = runStudy(table, meta.indicators.map((i) => i.direction));
  const f = (x: number, d = 4) => (x !== 0 && Math.abs(x) < 10 ** -d ? x.toExponential(3) : x.toFixed(d)).padStart(10);

  console.log(`${file}: ${table.rows} rows`);
  console.log("\nEntropy weights (%):");
  console.log(run.weights.map((w) => `${w.column} ${(100 * w.weight).toFixed(4)}`).join("  "));
  console.log("\nDescriptive statistics (Table 2 layout):");
  console.log(`${"variable".padEnd(10)} ${"N".padStart(6)} ${"mean".padStart(10)} ${"sd".padStart(10)} ${"min".padStart(10)} ${"max".padStart(10)}`);
  for (const d of run.describe) console.log(`${d.name.padEnd(10)} ${String(d.n).padStart(6)} ${f(d.mean)} ${f(d.sd)} ${f(d.min)} ${f(d.max)}`);
  console.log("\nModels (coefficient, SE, p, N):");
  for (const l of run.lines) {
    console.log(`${l.model.padEnd(36)} ${l.term.padEnd(16)} ${f(l.coef, 5)} (${f(l.se, 5).trim()}) p=${l.p.toExponential(2).padEnd(9)} N=${l.nobs}${l.note ? `  ${l.note}` : ""}`);
  }
  console.log(`\nRows after dropping agglomerations with ≤ 3 cities: ${run.rowsAfterDrop}`);
  console.log("\nChecks:");
  for (const c of run.checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.name}: ${c.detail}`);
  const failed = run.checks.filter((c) => !c.ok).length;
  console.log(failed ? `\n${failed} of ${run.checks.length} checks FAILED` : `\nall ${run.checks.length} checks passed`);
  if (failed) process.exitCode = 1;
}

main();
