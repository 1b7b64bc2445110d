/**
 * Issue 12 (Parquet input): the sample panel written as .parquet (hyparquet-writer, in a child
 * Node process: it is an ES module) gives exactly the results of the CSV for `citypanel fereg`
 * and `citypanel study` (the built CLI, run as a child process). Types as a database export has them: text as STRING, year as INT32,
 * stage as INT64 (read as bigint), the rest DOUBLE; a few cells blank in the CSV are null in the
 * Parquet file (missing in both).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readCsv } from "../../../src/cli/readCsvCells";
import { CliRun, jsonOf } from "../cliHarness";

// the built command line in a child process (`npx tsc -p tsconfig.cli.json` first, as for every
// CLI test): hyparquet is an ES module, which jest's module sandbox cannot import
const BIN = path.resolve(__dirname, "../../../bin/citypanel.js");
async function runCli(argv: string[]): Promise<CliRun> {
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8", env: { ...process.env, CITYPANEL_LANG: "en" }, maxBuffer: 1 << 26 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const SAMPLE = path.resolve(__dirname, "../../../assets/sample/city-panel.csv");
const WRITER = path.resolve(__dirname, "../../../node_modules/hyparquet-writer/src/node.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-parquet-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEXT = new Set(["city", "city_en", "agglomeration", "agglomeration_en"]);
const BLANK = { column: "ind05", rows: [3, 100, 2000] }; // data rows (0-based) left blank in both files

/** The sample with a few blanks, as CSV text and as the column list hyparquet-writer takes. */
function samplePanel() {
  const t = readCsv(SAMPLE);
  const cols = t.names.map((name, j) => {
    const cells = (t.columns[j] as string[]).map((c, i) => (name === BLANK.column && BLANK.rows.includes(i) ? "" : c));
    return { name, cells };
  });
  const csv = [t.names.join(","), ...Array.from({ length: t.rows }, (_, i) => cols.map((c) => c.cells[i]).join(","))].join("\n") + "\n";
  const parquetColumns = cols.map(({ name, cells }) => {
    if (TEXT.has(name)) return { name, type: "STRING", data: cells };
    if (name === "year") return { name, type: "INT32", data: cells.map(Number) };
    if (name === "stage") return { name, type: "INT64", data: cells.map((c) => `${BigInt(c)}n`) };
    return { name, type: "DOUBLE", data: cells.map((c) => (c === "" ? null : Number(c))) };
  });
  return { csv, parquetColumns, rows: t.rows };
}

function writeParquet(file: string, columns: ReturnType<typeof samplePanel>["parquetColumns"]): void {
  const spec = path.join(dir, "columns.json");
  fs.writeFileSync(spec, JSON.stringify(columns));
  const script = `
    import { parquetWriteFile } from ${JSON.stringify(WRITER)};
    import fs from "fs";
    const cols = JSON.parse(fs.readFileSync(${JSON.stringify(spec)}, "utf8"));
    for (const c of cols) if (c.type === "INT64") c.data = c.data.map((v) => BigInt(v.slice(0, -1)));
    parquetWriteFile({ filename: ${JSON.stringify(file)}, columnData: cols });`;
  execFileSync(process.execPath, ["--input-type=module", "-e", script]);
}

describe("Parquet input: the sample panel as .parquet = the same panel as CSV", () => {
  const csvFile = path.join(dir, "panel.csv");
  const pqFile = path.join(dir, "panel.parquet");
  beforeAll(() => {
    const p = samplePanel();
    fs.writeFileSync(csvFile, p.csv);
    writeParquet(pqFile, p.parquetColumns);
    expect(fs.readFileSync(pqFile).subarray(0, 4).toString("latin1")).toBe("PAR1");
  });

  test("fereg: identical JSON (coefficients, SEs, N, fixed effects), the blank cells dropped in both", async () => {
    const args = ["--y", "ind05", "--x", "digit,gov,density", "--fe", "city,year", "--cluster", "city", "--json"];
    const fromCsv = jsonOf(await runCli(["fereg", csvFile, ...args]));
    const fromParquet = jsonOf(await runCli(["fereg", pqFile, ...args]));
    expect(fromParquet).toEqual(fromCsv);
    expect(fromCsv.nobs).toBe(2744 - 3);
    expect(fromCsv.fe).toEqual({ city: 196, year: 14 });
  });

  test("fereg with the INT64 column as a regressor and the INT32 year as a number", async () => {
    const args = ["--y", "digit", "--x", "stage,year", "--fe", "city", "--json"];
    expect(jsonOf(await runCli(["fereg", pqFile, ...args]))).toEqual(jsonOf(await runCli(["fereg", csvFile, ...args])));
  });

  test("study: identical models and tables", async () => {
    const run = async (file: string) => {
      const out = path.join(dir, `${path.basename(file)}.xlsx`);
      const json = jsonOf(await runCli(["study", file, "--out", out, "--json"]));
      const text = await runCli(["study", file, "--out", out]);
      expect(text.status).toBe(0);
      return { json, text: text.stdout.replace(/^wrote .*$/m, "") };
    };
    const a = await run(csvFile);
    const b = await run(pqFile);
    expect(b.json.cities).toBe(196);
    expect(b.json.nobs).toBe(a.json.nobs);
    expect(b.json.models).toEqual(a.json.models);
    expect(b.text).toBe(a.text);
  }, 120_000);
});
