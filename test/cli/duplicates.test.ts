import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { factorize } from "../../src/engine/data/columns";
import { firstDuplicatePanelRow } from "../../src/engine/data/duplicatePanelRows";
import { jsonOf, runCli } from "./cliHarness";

/**
 * Issue 11 item 3 (duplicate city-year rows) and item 8 (template = study's input checks):
 * study and template refuse a repeated (city, year) pair naming its first two rows (header =
 * row 1), in English and Chinese; fereg / iv2sls with two fixed effects warn on stderr and in
 * the JSON's `warnings`, and still estimate.
 */
jest.setTimeout(60_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-dup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const sampleLines = fs.readFileSync(path.resolve(__dirname, "../../assets/sample/city-panel.csv"), "utf8").trimEnd().split("\n");

/** The sample panel with data row `copyOf` (file row copyOf) repeated as the last row. */
function withDuplicate(name: string, copyOf = 2): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, [...sampleLines, sampleLines[copyOf - 1]].join("\n") + "\n");
  return file;
}
const lastRow = sampleLines.length + 1; // file row of the appended copy

describe("the pure check", () => {
  test("first repeated pair in row order, rows as the user sees them; missing ids ignored", () => {
    const city = factorize("city", ["a", "a", "b", "a", null, null]);
    const year = factorize("year", [2008, 2009, 2008, "2008", 2009, 2009]);
    expect(firstDuplicatePanelRow(city, year)).toEqual({ id: "a", time: "2008", rows: [2, 5] });
    expect(firstDuplicatePanelRow(city, year, 1)).toEqual({ id: "a", time: "2008", rows: [1, 4] });
    expect(firstDuplicatePanelRow(factorize("c", ["a", "b"]), factorize("y", [1, 1]))).toBeNull();
  });
});

describe("study and template refuse a repeated (city, year) pair", () => {
  const file = withDuplicate("dup.csv");
  const en = `rows 2 and ${lastRow} repeat the pair city "安庆", year "2008": a panel has one row per (city, year) pair`;
  const zh = `第 2 行与第 ${lastRow} 行的（city，year）组合重复：city“安庆”，year“2008”；面板数据中每个（city，year）组合只能有一行`;
  test.each(["study", "template"])("%s: exit 2, the message in English and Chinese, nothing written", async (command) => {
    const out = path.join(tmp, `${command}.xlsx`);
    const r = await runCli([command, file, "--out", out]);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, "", `citypanel ${command}: ${en}\n`]);
    const z = await runCli([command, file, "--out", out, "--lang", "zh"]);
    expect([z.status, z.stderr]).toEqual([2, `citypanel ${command}: ${zh}\n`]);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("template applies the study's input checks (issue 11 item 8)", () => {
  test("text in a numeric column: exit 2 naming column, row and value, as study does; nothing written", async () => {
    const lines = [...sampleLines];
    const header = lines[0].split(",");
    const j = header.indexOf("gov");
    const cells = lines[5].split(",");
    cells[j] = "n/a?";
    lines[5] = cells.join(",");
    const file = path.join(tmp, "text.csv");
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const message = 'column "gov", row 6: "n/a?" is not a number';
    for (const command of ["study", "template"]) {
      const out = path.join(tmp, `text-${command}.xlsx`);
      const r = await runCli([command, file, "--out", out]);
      expect([r.status, r.stderr]).toEqual([2, `citypanel ${command}: ${message}\n`]);
      const z = await runCli([command, file, "--out", out, "--lang", "zh"]);
      expect(z.stderr).toBe(`citypanel ${command}: 列“gov”第 6 行：“n/a?”不是数值\n`);
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});

describe("fereg / iv2sls warn (fixed effects need not form a panel)", () => {
  const file = withDuplicate("dup-model.csv");
  const warning = `warning: rows 2 and ${lastRow} repeat the pair city "安庆", year "2008": a panel has one row per (city, year) pair`;
  test("fereg --fe city,year: estimates, warns on stderr and in JSON warnings", async () => {
    const r = await runCli(["fereg", file, "--y", "ind01", "--x", "gov", "--fe", "city,year", "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`citypanel fereg: ${warning}\n`);
    const json = JSON.parse(r.stdout);
    expect(json.warnings).toEqual([warning]);
    expect(json.nobs).toBe(sampleLines.length); // 2744 + the repeated row
    const z = await runCli(["fereg", file, "--y", "ind01", "--x", "gov", "--fe", "city,year", "--lang", "zh"]);
    expect(z.stderr).toBe(`citypanel fereg: 警告：第 2 行与第 ${lastRow} 行的（city，year）组合重复：city“安庆”，year“2008”；面板数据中每个（city，year）组合只能有一行\n`);
  });
  test("iv2sls --fe city,year warns the same; without a repeat, warnings is []", async () => {
    const r = await runCli(["iv2sls", file, "--y", "ind01", "--endog", "digit", "--iv", "gov", "--fe", "city,year", "--json"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`citypanel iv2sls: ${warning}\n`);
    expect(JSON.parse(r.stdout).warnings).toEqual([warning]);
    const clean = jsonOf(await runCli(["fereg", path.resolve(__dirname, "../../assets/sample/city-panel.csv"), "--y", "ind01", "--x", "gov", "--fe", "city,year", "--json"]));
    expect(clean.warnings).toEqual([]);
  });
  test("one fixed effect is not a panel: no warning", async () => {
    const r = await runCli(["fereg", file, "--y", "ind01", "--x", "gov", "--fe", "city", "--json"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });
});
