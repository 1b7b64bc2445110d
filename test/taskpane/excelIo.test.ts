/**
 * The task pane's Excel module against office-addin-mock (test/taskpane/mockExcel.ts): chunked
 * reads, new sheets named with suffixes, the never-overwrite rule, three-line formatting, the
 * live-formula template sheets and the settings round trip.
 */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runStudy } from "../../src/engine/study/runStudy";
import { JournalTable } from "../../src/engine/tables/journalTable";
import { DEFAULT_MAX_CELLS_PER_READ, readSource } from "../../src/taskpane/excel/read";
import { repairFormulas } from "../../src/taskpane/excel/repair";
import { loadMapping, saveMapping } from "../../src/taskpane/excel/settings";
import { insertTemplate, writeLiveStudy } from "../../src/taskpane/excel/template";
import { addSheetWithUniqueName, writeGrid, writeJournalTable, writeStudyOutput } from "../../src/taskpane/excel/write";
import { expectedHeaders } from "../../src/taskpane/model/expectedHeaders";
import { SETTINGS_KEY } from "../../src/taskpane/model/savedMapping";
import { uniqueSheetName } from "../../src/taskpane/model/sheetNames";
import { installExcel, WorkbookModel } from "./mockExcel";

const panel = (rows: number, cols: number): unknown[][] => [
  ["city", "year", ...Array.from({ length: cols - 2 }, (_, j) => `x${j + 1}`)],
  ...Array.from({ length: rows }, (_, i) => [`c${Math.floor(i / 10)}`, 2000 + (i % 10), ...Array.from({ length: cols - 2 }, (_, j) => i * 100 + j)]),
];

const table: JournalTable = {
  id: "table3",
  sheetName: "Table 3 Baseline",
  title: "Table 3  Baseline regressions",
  header: [["Variable", "(1)", "(2)"]],
  body: [["digit", "0.1545***", "0.0999***"], ["", "(0.0041)", "(0.0020)"], ["N", "2744", "2744"]],
  bodyKinds: ["coef", "se", "stat"],
  values: [[null, 0.1545, 0.0999], [null, 0.0041, 0.002], [null, 2744, 2744]],
  notes: ["Robust standard errors in parentheses."],
};

describe("reading", () => {
  test("a selection is read in row chunks of at most the cell budget, each after a load and a sync", async () => {
    const data = panel(2500, 60); // 150,060 cells
    const model = new WorkbookModel({ Panel: data });
    model.selection = { sheet: "Panel", row: 0, col: 0, rows: data.length, cols: 60 };
    installExcel(model);
    const progress: number[] = [];
    const block = await readSource({ kind: "selection" }, { maxCellsPerRead: 40_000, onProgress: (done) => progress.push(done) });
    expect(block.values).toEqual(data);
    const reads = model.reads.filter((r) => r.sheet === "Panel");
    expect(reads.length).toBe(Math.ceil(data.length / Math.floor(40_000 / 60)));
    for (const r of reads) expect(r.rows * r.cols).toBeLessThanOrEqual(40_000);
    expect(reads.reduce((s, r) => s + r.rows, 0)).toBe(data.length);
    expect(progress[progress.length - 1]).toBe(data.length);
    expect(block.source).toBe("Panel!A1:BH2501");
  });

  test("the default budget keeps each read at most 100,000 cells", async () => {
    const data = panel(3000, 57);
    const model = new WorkbookModel({ Panel: data });
    model.selection = { sheet: "Panel", row: 0, col: 0, rows: data.length, cols: 57 };
    installExcel(model);
    await readSource({ kind: "selection" });
    expect(model.reads.length).toBe(2);
    for (const r of model.reads) expect(r.rows * r.cols).toBeLessThanOrEqual(DEFAULT_MAX_CELLS_PER_READ);
  });

  test("one selected cell reads the sheet's used range; whole columns are clipped to it", async () => {
    const model = new WorkbookModel({ Panel: [] });
    model.put("Panel", 2, 1, panel(20, 4)); // data at B3
    installExcel(model);
    model.selection = { sheet: "Panel", row: 5, col: 2, rows: 1, cols: 1 };
    let block = await readSource({ kind: "selection" });
    expect(block.values.length).toBe(21);
    expect(block.values[0]).toEqual(["city", "year", "x1", "x2"]);
    expect([block.rowIndex, block.columnIndex]).toEqual([2, 1]);
    model.selection = { sheet: "Panel", row: 0, col: 1, rows: 1_048_576, cols: 4 };
    block = await readSource({ kind: "selection" });
    expect(block.values.length).toBe(21);
  });

  test("named ranges and tables; a missing name is an error naming it", async () => {
    const model = new WorkbookModel({ Panel: panel(5, 3) });
    model.names.set("PanelData", { sheet: "Panel", row: 0, col: 0, rows: 6, cols: 3 });
    model.tables.set("PanelTable", { sheet: "Panel", row: 0, col: 0, rows: 4, cols: 3 });
    installExcel(model);
    expect((await readSource({ kind: "name", name: "PanelData" })).values.length).toBe(6);
    expect((await readSource({ kind: "table", name: "PanelTable" })).values.length).toBe(4);
    await expect(readSource({ kind: "name", name: "Nope" })).rejects.toThrow('The workbook has no range named "Nope".');
  });
});

describe("writing", () => {
  test("sheet names: Excel's rules and suffixes for taken names", () => {
    expect(uniqueSheetName("Table 3 Baseline", ["Sheet1"])).toBe("Table 3 Baseline");
    expect(uniqueSheetName("Table 3 Baseline", ["table 3 baseline"])).toBe("Table 3 Baseline (2)");
    expect(uniqueSheetName("Table 3 Baseline", ["Table 3 Baseline", "Table 3 Baseline (2)"])).toBe("Table 3 Baseline (3)");
    expect(uniqueSheetName("a/b:c*d?[e]", [])).toBe("a b c d  e");
    const long = "Table 7 Heterogeneity and more words";
    const u = uniqueSheetName(long, [long.slice(0, 31).trim()]);
    expect(u.length).toBeLessThanOrEqual(31);
    expect(u.endsWith(" (2)")).toBe(true);
    expect(uniqueSheetName("表3 基准回归", ["表3 基准回归"])).toBe("表3 基准回归 (2)");
  });

  test("addSheetWithUniqueName adds a suffixed sheet and leaves the existing one alone", async () => {
    const model = new WorkbookModel({ "Table 3 Baseline": [["keep me", 1]] });
    installExcel(model);
    const name = await Excel.run(async (ctx) => {
      const s = await addSheetWithUniqueName(ctx, "Table 3 Baseline");
      s.load("name");
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe("Table 3 Baseline (2)");
    expect([...model.sheets.keys()]).toEqual(["Table 3 Baseline", "Table 3 Baseline (2)"]);
    expect(model.value("Table 3 Baseline", 0, 0)).toBe("keep me");
  });

  test("never into a non-empty cell: pre-filled cells stay untouched and the error names the cell", async () => {
    const model = new WorkbookModel({ Out: [] });
    model.put("Out", 3, 2, [["do not touch"]]); // C4
    model.put("Out", 0, 0, [["", "", "", "", "=SUM(1,2)"]]);
    model.get("Out", 0, 4)!.f = "=SUM(1,2)";
    installExcel(model);
    const before = JSON.stringify([...model.sheets.get("Out")!]);
    await expect(
      Excel.run(async (ctx) => writeGrid(ctx, ctx.workbook.worksheets.getItem("Out"), 1, 1, [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]])),
    ).rejects.toThrow("Cell Out!C4 is not empty; CityPanel never overwrites cells.");
    expect(JSON.stringify([...model.sheets.get("Out")!])).toBe(before);
    // a formula cell counts as non-empty too
    await expect(Excel.run(async (ctx) => writeGrid(ctx, ctx.workbook.worksheets.getItem("Out"), 0, 3, [["x", "y"]]))).rejects.toThrow("Out!E1");
    expect(model.get("Out", 0, 4)!.f).toBe("=SUM(1,2)");
    // an empty target is written
    await Excel.run(async (ctx) => writeGrid(ctx, ctx.workbook.worksheets.getItem("Out"), 6, 0, [["ok", 1]]));
    expect(model.value("Out", 6, 0)).toBe("ok");
    expect(model.value("Out", 6, 1)).toBe(1);
  });

  test("a journal table: text cells as text, three rules, bold header, title merged, no gridlines", async () => {
    const model = new WorkbookModel({ Sheet1: [] });
    installExcel(model);
    const name = await Excel.run((ctx) => writeJournalTable(ctx, table));
    expect(name).toBe("Table 3 Baseline");
    expect(model.value(name, 0, 0)).toBe("Table 3  Baseline regressions");
    expect(model.value(name, 3, 2)).toBe("0.0999***");
    expect(model.value(name, 4, 2)).toBe("(0.0020)");
    expect(model.get(name, 4, 2)!.nf).toBe("@"); // so Excel does not turn "(0.0020)" into -0.002
    expect(model.get(name, 2, 0)).toMatchObject({ bold: true, top: "Medium", bottom: "Thin" });
    expect(model.get(name, 5, 1)!.bottom).toBe("Medium");
    expect(model.get(name, 5, 1)).toMatchObject({ v: 2744, nf: "0" }); // a plain number is a number
    expect(model.get(name, 3, 2)!.nf).toBe("@");
    expect(model.get(name, 6, 0)).toMatchObject({ v: "Robust standard errors in parentheses." });
    expect(model.get(name, 6, 0)!.italic).toBeFalsy(); // upright notes, as Chinese journals print them
    expect(model.gridlines.get(name)).toBe(false);
  });

  test("the study output: one sheet per table (suffix when taken) and a Provenance sheet", async () => {
    const model = new WorkbookModel({ "Table 3 Baseline": [["keep me"]] });
    installExcel(model);
    const zh: JournalTable = { ...table, id: "table4", sheetName: "表4 工具变量", title: "表4  工具变量法" };
    const names = await writeStudyOutput({ tables: [table, zh], provenance: [{ label: { en: "source", zh: "数据来源" }, value: "Panel!A1:BE2745" }] }, "zh");
    expect(names).toEqual(["Table 3 Baseline (2)", "表4 工具变量", "来源说明"]);
    expect(model.value("Table 3 Baseline", 0, 0)).toBe("keep me");
    expect(model.value("来源说明", 1, 0)).toBe("数据来源");
    expect(model.value("来源说明", 1, 1)).toBe("Panel!A1:BE2745");
  });

  test("live formulas: template sheets over the data sheet, renamed sheets retargeted", async () => {
    const header = ["city", "year", ...defaultStudy().indicators.map((i) => i.column)];
    const model = new WorkbookModel({ Data: [header], Vars: [["mine"]] });
    installExcel(model);
    const def = defaultStudy();
    const names = await writeLiveStudy(def, { sheet: "Data", names: expectedHeaders(def), rows: 10 }, ["table3"], [], "en");
    expect(names).toEqual(["Setup", "Vars (2)", "Calc", "Table 3 Baseline"]);
    expect(model.value("Vars", 0, 0)).toBe("mine");
    const formulas = [...model.sheets.get("Table 3 Baseline")!.values()].map((c) => c.f).filter(Boolean) as string[];
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f.startsWith("=CITYPANEL.FEREG(")).toBe(true);
      expect(f).not.toContain("'Vars'!");
    }
    expect(formulas.some((f) => f.includes("'Vars (2)'!"))).toBe(true);
  });

  test("live formulas after a run keep the run's data-dependent notes (Table 7: which moderators the city FE absorbs)", async () => {
    const def = defaultStudy();
    const data = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
    const study = runStudy(data, def, { lang: "zh", tables: ["table7"] }).tables;
    const model = new WorkbookModel({ 数据: [[...data.names]] });
    installExcel(model);
    const names = await writeLiveStudy(def, { sheet: "数据", names: data.names, rows: data.rows }, ["table7"], [], "zh", study);
    const sheet = names.at(-1)!;
    const texts = [...model.sheets.get(sheet)!.values()].map((c) => c.v);
    expect(texts).toContain("stage、structure 不随时间变化，其主效应被城市固定效应吸收，故未报告。");
    expect(texts).toContain("回归同时控制了 size、inn_infra 的主效应（未报告）。");
    // without the run's tables (Insert template): the rule, not a guess about the data
    const blank = new WorkbookModel({ 数据: [[...data.names]] });
    installExcel(blank);
    await writeLiveStudy(def, { sheet: "数据", names: data.names, rows: data.rows }, ["table7"], [], "zh");
    expect([...blank.sheets.get(sheet)!.values()].map((c) => c.v)).toContain("回归同时控制了 stage、size、inn_infra、structure 的主效应（未报告）；不随时间变化的主效应被城市固定效应吸收。");
  });

  test("Insert template: a Data sheet with the expected headers, frozen, and result sheets wired to it", async () => {
    const model = new WorkbookModel({ Data: [["already here"]] });
    installExcel(model);
    const { sheets: names, reused } = await insertTemplate("en", 2744);
    expect(reused).toBe(false);
    expect(names[0]).toBe("Data (2)");
    expect(names).toContain("Table 4 IV 2SLS");
    expect(model.value("Data (2)", 0, 0)).toBe("city");
    expect(model.value("Data (2)", 0, 3)).toBe("ind01");
    expect(model.get("Data (2)", 0, 0)!.bold).toBe(true);
    expect(model.frozen.get("Data (2)")).toBe(1);
    expect(model.value("Data", 0, 0)).toBe("already here");
    const vars = [...model.sheets.get("Vars")!.values()].map((c) => c.f).filter(Boolean) as string[];
    expect(vars.some((f) => f.includes("'Data (2)'!$A$2:$A$2745"))).toBe(true);

    // a second Insert template reuses the sheets instead of adding "Setup (2)", "Vars (2)" …
    const sheetsBefore = [...model.sheets.keys()];
    const again = await insertTemplate("en", 2744);
    expect(again).toEqual({ sheets: names, reused: true });
    expect([...model.sheets.keys()]).toEqual(sheetsBefore);
    // … until one of them is deleted: then a fresh template is inserted
    model.sheets.delete("Vars");
    const fresh = await insertTemplate("en", 2744);
    expect(fresh.reused).toBe(false);
    expect(fresh.sheets).toContain("Vars");
    expect(fresh.sheets[0]).toBe("Data (3)");
  });
});

test("Repair formulas re-enters only the CITYPANEL formulas, each with its own text", async () => {
  const model = new WorkbookModel({ Data: [["city", "year"], ["a", 2001]], T3: [] });
  model.put("T3", 0, 0, [["Variable", "(1)"], ["digit", ""]]);
  model.sheets.get("T3")!.set("1,1", { v: "#NAME?", f: "=CITYPANEL.FEREG(Data!$A$1:$A$2)" });
  model.sheets.get("T3")!.set("2,3", { v: 3, f: "=SUM(1,2)" });
  model.sheets.get("T3")!.set("5,2", { v: "", f: "=citypanel.iv2sls(Data!$B$1:$B$2)" });
  installExcel(model);
  expect(await repairFormulas()).toBe(2);
  expect(model.get("T3", 1, 1)!.f).toBe("=CITYPANEL.FEREG(Data!$A$1:$A$2)");
  expect(model.get("T3", 5, 2)!.f).toBe("=citypanel.iv2sls(Data!$B$1:$B$2)");
  expect(model.get("T3", 2, 3)!.f).toBe("=SUM(1,2)");
  expect(model.value("Data", 1, 0)).toBe("a");
});

describe("settings", () => {
  test("the mapping round-trips through the workbook's settings", async () => {
    const model = new WorkbookModel();
    installExcel(model);
    expect(await loadMapping()).toBeNull();
    const def = { ...defaultStudy(), vcov: "cluster" as const, cluster: "agglomeration" };
    await saveMapping(def, { kind: "name", name: "PanelData" });
    expect(typeof model.settings.get(SETTINGS_KEY)).toBe("string");
    const back = await loadMapping();
    expect(back!.definition).toEqual(JSON.parse(JSON.stringify(def)));
    expect(back!.source).toEqual({ kind: "name", name: "PanelData" });
    // a later save replaces it; garbage is ignored rather than crashing the pane
    await saveMapping({ ...def, vcov: "robust", cluster: undefined });
    expect((await loadMapping())!.definition.vcov).toBe("robust");
    model.settings.set(SETTINGS_KEY, "{not json");
    expect(await loadMapping()).toBeNull();
  });
});
