import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "./runCli";
import { canPrintPdf, printSheetsToPdf } from "../support/printToPdf";

/**
 * results.xlsx row for row against the paper's Tables 3–7 (paper-zh.md): for en and zh, the
 * written workbook is read back with exceljs and each table sheet's header rows, merged
 * header cells, row labels (column A) and notes are compared with the layout the paper
 * prints — constant row, 控制/未控制 fixed-effect rows, the Controls row, one instrument row
 * shared by both first stages, KP statistics on one line in the first-stage columns, FE rows
 * after the diagnostics, grouped headers of Table 5, headers in words in Tables 6–7.
 */
jest.setTimeout(120_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-layout-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const text = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? "" : typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);

interface SheetRead {
  readonly title: string;
  readonly header: string[][];
  readonly labels: string[];
  readonly cells: (row: string) => string[];
  readonly notes: string[];
  readonly merges: string[];
}

/** A table sheet as the paper would read it: title (row 1), header rows (from row 3, bold), body rows, notes (merged, wrapped). */
function readTable(ws: ExcelJS.Worksheet): SheetRead {
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) rows.push(Array.from({ length: width }, (_, j) => text(ws.getCell(r, j + 1).value)));
  const merges = [...(ws.model.merges ?? [])];
  const isNote = (r: number) => merges.includes(`A${r + 1}:${String.fromCharCode(64 + width)}${r + 1}`) && r > 0;
  let h = 2;
  while (ws.getCell(h + 1, 2).font?.bold) h++;
  let n = h;
  while (n < rows.length && !isNote(n)) n++;
  const body = rows.slice(h, n);
  return {
    title: rows[0][0],
    header: rows.slice(2, h),
    labels: body.map((r) => r[0]),
    cells: (label) => body.find((r) => r[0] === label)!.slice(1),
    notes: rows.slice(n).map((r) => r[0]),
    merges,
  };
}

const coefRows = (...names: string[]) => names.flatMap((x) => [x, ""]);

const EXPECTED = {
  zh: {
    cons: "常数项", controls: "控制变量", yes: "控制", no: "未控制", cityFe: "城市固定效应", yearFe: "年份固定效应", n: "样本量", r2: "R²（整体）",
    variable: "变量", instrument: "工具变量", kpLM: "Kleibergen-Paap rk LM", kpF: "Kleibergen-Paap Wald rk F",
    starNote: "注：*、**、*** 分别表示在 10%、5%、1% 的水平上显著；括号内为稳健标准误。",
    kpNote: "[ ]内数值为统计量对应的 p 值，{ }内数值为 Stock-Yogo 弱识别检验在 10% 最大 IV 规模下的临界值。",
    iv: [["IV_1", "IV_1", "IV_2", "IV_2"], ["第一阶段", "第二阶段", "第一阶段", "第二阶段"]],
    t5: [["替换被解释变量", "替换被解释变量", "替换核心解释变量", "调整研究样本", "缩尾处理"], ["inn_1", "inn_2", "替换核心解释变量", "调整研究样本", "缩尾处理"]],
    t6: ["创新资金集聚", "产业结构升级", "创业活跃度"],
    t7: ["城市群发展阶段", "城市群规模", "城市群创新基础设施", "城市群空间结构"],
    titles: ["表3  基准回归结果", "表4  内生性分析回归结果", "表5  稳健性检验回归结果", "表6  机制检验回归结果", "表7  异质性分析回归结果"],
  },
  en: {
    cons: "Constant", controls: "Controls", yes: "Yes", no: "No", cityFe: "City FE", yearFe: "Year FE", n: "N", r2: "R² (overall)",
    variable: "Variable", instrument: "Instrument", kpLM: "Kleibergen-Paap rk LM", kpF: "Kleibergen-Paap rk Wald F",
    starNote: "Note: *, ** and *** denote significance at the 10%, 5% and 1% levels; robust standard errors in parentheses.",
    kpNote: "p-values of the statistics in [ ]; the Stock-Yogo weak-identification critical value (10% maximal IV size) in { }.",
    iv: [["IV_1", "IV_1", "IV_2", "IV_2"], ["First stage", "Second stage", "First stage", "Second stage"]],
    t5: [["Alternative outcome", "Alternative outcome", "Alternative treatment", "Adjusted sample", "Winsorised"], ["inn_1", "inn_2", "Alternative treatment", "Adjusted sample", "Winsorised"]],
    t6: ["Innovation-capital aggregation", "Industrial-structure upgrading", "Entrepreneurial activity"],
    t7: ["Development stage", "Agglomeration size", "Innovation infrastructure", "Spatial structure"],
    titles: ["Table 3  Baseline regressions", "Table 4  Endogeneity: instrumental-variable (2SLS) estimates", "Table 5  Robustness checks", "Table 6  Mechanisms", "Table 7  Heterogeneity"],
  },
} as const;

describe.each(["zh", "en"] as const)("results.xlsx (%s) follows the paper's Tables 3–7 row for row", (lang) => {
  const e = EXPECTED[lang];
  const synthetic = lang === "zh" ? "数据：CityPanel 模拟样本面板（仅供演示，并非论文原始数据）。" : "Data: CityPanel's synthetic sample panel (for demonstration; not the paper's data).";
  const tail = [e.cityFe, e.yearFe, e.n, e.r2];
  let tables: SheetRead[];
  beforeAll(async () => {
    const file = path.join(tmp, `results-${lang}.xlsx`);
    const r = await runCli(["study", "--out", file, "--lang", lang]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    tables = wb.worksheets.slice(2, 7).map(readTable);
  });

  test("titles", () => {
    expect(tables.map((t) => t.title)).toEqual(e.titles);
  });

  test("Table 3: (1) pooled, (2) two-way FE; eight regressors, the constant, FE rows 未控制/控制, N and which R²", () => {
    const t = tables[0];
    expect(t.header).toEqual([[e.variable, "(1)", "(2)"]]);
    expect(t.labels).toEqual([...coefRows("digit", "gov", "ln density", "ln hum", "ln fin", "ln trans", "ln protect", "ln unemploy", e.cons), ...tail]);
    expect(t.cells(e.cityFe)).toEqual([e.no, e.yes]);
    expect(t.cells(e.yearFe)).toEqual([e.no, e.yes]);
    expect(t.cells(e.cons)).toEqual(["0.1056***", "-0.1968***"]);
    expect(t.notes).toEqual([e.starNote, synthetic]);
  });

  test("Table 4: IV_1 / IV_2 over first and second stages; one instrument row below digit; KP rows in the first-stage columns, before the FE rows", () => {
    const t = tables[1];
    expect(t.header).toEqual([[e.variable, ...e.iv[0]], [e.variable, ...e.iv[1]]]);
    expect(t.merges).toEqual(expect.arrayContaining(["A3:A4", "B3:C3", "D3:E3"]));
    expect(t.labels).toEqual([...coefRows("digit", e.instrument), e.controls, ...coefRows(e.cons), e.kpLM, e.kpF, ...tail]);
    expect(t.cells("digit")).toEqual(["", "0.8490***", "", "0.8307***"]);
    expect(t.cells(e.instrument)).toEqual(["-0.0000012***", "", "0.0026***", ""]);
    expect(t.cells(e.kpLM)).toEqual(["252.5141 [0.0000]", "", "308.4106 [0.0000]", ""]);
    expect(t.cells(e.kpF)).toEqual(["655.8783 {16.3800}", "", "3979.2534 {16.3800}", ""]);
    expect(t.cells(e.controls)).toEqual([e.yes, e.yes, e.yes, e.yes]);
    expect(t.notes).toEqual([e.starNote, e.kpNote, synthetic]);
  });

  test("Table 5: grouped headers (alternative outcome over inn_1 and inn_2); the alternative digit shares the digit row", () => {
    const t = tables[2];
    expect(t.header).toEqual([[e.variable, ...e.t5[0]], [e.variable, ...e.t5[1]]]);
    expect(t.merges).toEqual(expect.arrayContaining(["A3:A4", "B3:C3", "D3:D4", "E3:E4", "F3:F4"]));
    expect(t.labels).toEqual([...coefRows("digit"), e.controls, ...coefRows(e.cons), ...tail]);
    expect(t.cells("digit")).toEqual(["314.3188***", "22.0346***", "0.0008***", "0.7020***", "0.6636***"]);
    expect(t.cells(e.n)).toEqual(["2744", "2744", "2744", "2618", "2744"]);
  });

  test("Table 6: mechanism headers in words", () => {
    const t = tables[3];
    expect(t.header).toEqual([[e.variable, ...e.t6]]);
    expect(t.labels).toEqual([...coefRows("digit"), e.controls, ...coefRows(e.cons), ...tail]);
  });

  test("Table 7: heterogeneity headers in words, one interaction row per column", () => {
    const t = tables[4];
    expect(t.header).toEqual([[e.variable, ...e.t7]]);
    expect(t.labels).toEqual([...coefRows("digit", "digit × stage", "digit × size", "digit × inn_infra", "digit × structure"), e.controls, ...coefRows(e.cons), ...tail]);
    expect(t.cells("digit × stage")).toEqual(["-0.0706***", "", "", ""]);
    expect(t.cells("digit × structure")).toEqual(["", "", "", "0.1311***"]);
    expect(t.notes[0]).toBe(e.starNote);
    expect(t.notes.at(-1)).toBe(synthetic);
  });
});

describe('"tableOptions": { "r2": … } says which R² rows the regression tables show', () => {
  test.each([
    ["both", ["R²（整体）", "R²（组内）"]],
    ["within", ["R²（组内）"]],
  ] as const)("%s", async (which, rows) => {
    const config = path.join(tmp, `r2-${which}.json`);
    fs.writeFileSync(config, JSON.stringify({ tableOptions: { r2: which } }));
    const file = path.join(tmp, `r2-${which}.xlsx`);
    expect((await runCli(["study", "--config", config, "--tables", "table3", "--out", file, "--lang", "zh"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const t = readTable(wb.worksheets[0]);
    expect(t.labels.slice(-rows.length - 1)).toEqual(["样本量", ...rows]);
    // the pooled model (1) has no within R²: blank, never 0 or NaN; the FE model's is a number with 4 decimals
    expect(t.cells("R²（组内）")[0]).toBe("");
    expect(t.cells("R²（组内）")[1]).toMatch(/^0\.\d{4}$/);
  });
});

describe('"tableOptions": { "digitGrouping": true } prints numbers grouped in threes, as the paper does ("2 744", "0.154 5***")', () => {
  test("zh: numbers stay numbers whose format shows the grouping; text cells grouped; LibreOffice prints them so", async () => {
    const config = path.join(tmp, "grouping.json");
    fs.writeFileSync(config, JSON.stringify({ tableOptions: { digitGrouping: true } }));
    const file = path.join(tmp, "grouping.xlsx");
    const run = await runCli(["study", "--config", config, "--tables", "table1,table2,table3", "--out", file, "--lang", "zh"]);
    expect(run.code).toBe(0);
    // the text tables on stdout are grouped the same way
    expect(run.stdout).toMatch(/digit\s+0\.420 0\*\*\*\s+0\.719 0\*\*\*/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const [t1, t2, t3] = wb.worksheets.slice(0, 3).map(readTable);
    // Table 1: the dimension's weight in its label, the indicator weights as numbers formatted "0.000 0"
    expect(t1.labels.filter((l) => l !== "").every((l) => /^\S.* \(\d+\.\d{3} \d%\)$/.test(l))).toBe(true);
    const cellOf = (ws: ExcelJS.Worksheet, label: string, col: number) => {
      let found: ExcelJS.Cell | undefined;
      ws.eachRow((row) => { if ([1, 2].some((j) => text(row.getCell(j).value) === label)) found ??= row.getCell(col); });
      return found!;
    };
    const n = cellOf(wb.worksheets[1], "城市群内城市创新能力", 4);
    expect([n.value, n.numFmt]).toEqual([2744, "0 000"]);
    const mean = cellOf(wb.worksheets[1], "数字技术", 5);
    expect(typeof mean.value).toBe("number");
    expect(mean.numFmt).toMatch(/^0+\.000 0$/);
    expect(t3.cells("digit")).toEqual(["0.420 0***", "0.719 0***"]);
    expect(t3.cells("样本量")).toEqual(["2744", "2744"]);
    expect(cellOf(wb.worksheets[2], "样本量", 2).numFmt).toBe("0 000");
    if (canPrintPdf) {
      const printed = await printSheetsToPdf(wb, [wb.worksheets[1].name], { dir: tmp, name: "grouping-zh" });
      expect(printed.pageText(1)).toMatch(/2 744/);
      expect(printed.pageText(1)).not.toMatch(/\b2744\b/);
    }
  });
});
