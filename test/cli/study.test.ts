import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runStudy } from "../../src/engine/study/runStudy";
import { formulaText } from "../../src/engine/study/template/formulas";
import { studyTemplate } from "../../src/engine/study/template/studyTemplate";
import { CITYPANEL_VERSION } from "../../src/engine/version";
import { expectUsageError, jsonOf, runCli } from "./cliHarness";
import { canPrintPdf, pdfTools, printSheetsToPdf } from "../support/printToPdf";

/**
 * `citypanel study` and `citypanel template`: the workbooks they write read back (exceljs)
 * with the expected sheets, labels, numbers and formulas; a mapping error writes nothing;
 * LibreOffice (when installed) opens both workbooks.
 */
jest.setTimeout(60_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-study-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const sample = path.resolve(__dirname, "../../assets/sample/city-panel.csv");
const expected = runStudy(readCsv(sample), defaultStudy(), { lang: "en" });
const resultsFile = path.join(tmp, "results.xlsx");
const templateFile = path.join(tmp, "template.xlsx");

const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? "" : typeof v === "object" && "formula" in v ? `=${v.formula}` : typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);

describe("citypanel study", () => {
  let json: Record<string, unknown>;
  beforeAll(async () => {
    json = jsonOf(await runCli(["study", "--out", resultsFile, "--json"]));
  });

  test("--json reports the workbook, the tables and every model", () => {
    expect(json.command).toBe("study");
    expect(json.synthetic).toBe(true);
    expect(json.nobs).toBe(2744);
    expect(json.sheets).toEqual(["Table 1 Index weights", "Table 2 Descriptives", "Table 3 Baseline", "Table 4 IV 2SLS", "Table 5 Robustness", "Table 6 Mechanisms", "Table 7 Heterogeneity", "Provenance", "Data"]);
    const fe = (json.models as Record<string, { coef: Record<string, number>; nobs: number }>)["table3.fe"];
    const m = expected.models.get("table3.fe")!;
    expect(fe.coef.digit).toBe(m.coef[m.terms.indexOf("digit")]);
    expect((json.models as Record<string, { nobs: number }>)["table5.drop"].nobs).toBe(2618);
    const iv = (json.models as Record<string, Record<string, number>>)["table4.iv1"];
    const r = expected.models.get("table4.iv1") as import("../../src/engine/iv/iv2sls").Iv2slsResult;
    expect([iv.kp_lm, iv.kp_lm_p, iv.kp_f, iv.cd_f, iv.hansen_j, iv.stock_yogo_size_10]).toEqual([r.kpLM, r.kpLMp, r.kpF, r.cdF, 0, 16.38]);
  });

  test("the workbook reads back: each table sheet holds the table's title, header, body and notes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resultsFile);
    for (const t of expected.tables) {
      const ws = wb.getWorksheet(t.sheetName)!;
      expect(cellText(ws.getCell(1, 1).value)).toBe(t.title);
      const rows = [...t.header, ...t.body];
      rows.forEach((r, i) => r.forEach((v, j) => {
        const c = ws.getCell(3 + i, j + 1);
        if (c.isMerged && c.master.address !== c.address) return; // a group header's merged cells read back as the group
        if (/^-?\d+(\.\d+)?$/.test(v)) {
          // plain numbers (N, R², weights, descriptives) are numbers whose format shows the table's digits
          expect(typeof c.value).toBe("number");
          expect(c.numFmt).toBe(v.includes(".") ? `0.${"0".repeat(v.split(".")[1].length)}` : "0");
          expect((c.value as number).toFixed(v.includes(".") ? v.split(".")[1].length : 0)).toBe(v);
        } else expect(cellText(c.value)).toBe(v);
      }));
      const notesAt = 3 + rows.length;
      expect(cellText(ws.getCell(notesAt + t.notes.length, 1).value)).toContain("synthetic sample panel");
      expect(ws.getCell(3, 1).border?.top?.style).toBe("medium");
    }
    const t3 = wb.getWorksheet("Table 3 Baseline")!;
    expect(cellText(t3.getCell(4, 3).value)).toMatch(/^0\.\d{4}\*{0,3}$/);
    const data = wb.getWorksheet("Data")!;
    expect(data.rowCount).toBe(2745);
    const prov = wb.getWorksheet("Provenance")!;
    const provRows = prov.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1).map(cellText));
    expect(provRows).toContainEqual(["CityPanel version", CITYPANEL_VERSION]);
    expect(provRows).toContainEqual(["rows in the data", "2744"]);
  });

  test("--lang zh names the sheets and labels in Chinese", async () => {
    const out = path.join(tmp, "zh.xlsx");
    const run = await runCli(["study", "--out", out, "--lang", "zh", "--tables", "table3,table4"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("表3  基准回归结果");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表3 基准回归", "表4 工具变量", "来源说明", "数据"]);
  });

  test("a mapping error stops before anything is written, naming the column", async () => {
    const cfg = path.join(tmp, "bad.json");
    fs.writeFileSync(cfg, JSON.stringify({ mechanisms: { cap: { numerator: "rd_spend", denominator: "fiscal_budget" } } }));
    const out = path.join(tmp, "never.xlsx");
    expectUsageError(await runCli(["study", "--config", cfg, "--out", out]), "study", 'no column "fiscal_budget" (mapped as cap denominator)');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    fs.writeFileSync(cfg, "{ vcov: robust }");
    expectUsageError(await runCli(["study", "--config", cfg, "--out", out]), "study", "not valid JSON");
    fs.writeFileSync(cfg, JSON.stringify({ treatment: { column: "digit" } }));
    expectUsageError(await runCli(["study", "--config", cfg, "--out", out]), "study", 'the study definition has no "treatment.label"');
    expectUsageError(await runCli(["study", "--lang", "fr"]), "study", "--lang must be en or zh");
    fs.writeFileSync(cfg, JSON.stringify({ mechanisms: { cap: { numerator: "rd_spend", denominator: "fiscal_budget" } } }));
    expectUsageError(await runCli(["study", "--config", cfg, "--out", out, "--lang", "zh"]), "study", "数据中没有列“fiscal_budget”（映射为cap 分母）");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an .xlsx panel (numbers and text cells, a named sheet) gives the same models as the CSV", async () => {
    const data = readCsv(sample);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["a sheet before the data"]);
    const ws = wb.addWorksheet("面板");
    ws.addRow([...data.names]);
    for (let i = 0; i < data.rows; i++) ws.addRow(data.columns.map((c) => (/^-?[\d.]+(e-?\d+)?$/.test(String(c[i])) ? Number(c[i]) : c[i])));
    const xlsx = path.join(tmp, "panel.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const j = jsonOf(await runCli(["study", xlsx, "--sheet", "面板", "--out", path.join(tmp, "from-xlsx.xlsx"), "--tables", "table3,table4", "--json"]));
    expect(j.synthetic).toBe(false);
    for (const key of ["table3.fe", "table4.iv1"]) {
      const m = expected.models.get(key)!;
      const got = (j.models as Record<string, { coef: Record<string, number>; se: Record<string, number> }>)[key];
      m.terms.forEach((term, k) => {
        expect(got.coef[term]).toBeCloseTo(m.coef[k], 12);
        expect(got.se[term]).toBeCloseTo(m.se[k], 12);
      });
    }
  });

  test("--print-config prints the definition in effect, and a config file changes it", async () => {
    expect(jsonOf(await runCli(["study", "--print-config", "--json"]))).toEqual(JSON.parse(JSON.stringify(defaultStudy())));
    const cfg = path.join(tmp, "cluster.json");
    fs.writeFileSync(cfg, JSON.stringify({ vcov: "cluster", cluster: "city" }));
    const out = path.join(tmp, "cluster.xlsx");
    const j = jsonOf(await runCli(["study", "--config", cfg, "--out", out, "--tables", "table3", "--json"]));
    expect((j.models as Record<string, { vcov: string }>)["table3.fe"].vcov).toBe("cluster");
  });
});

describe("citypanel template", () => {
  let json: Record<string, unknown>;
  beforeAll(async () => {
    json = jsonOf(await runCli(["template", "--out", templateFile, "--json"]));
  });

  test("writes the Data sheet and the template's sheets with their formulas in Excel's stored form", async () => {
    expect(json.sheets).toEqual(["Data", "Setup", "Vars", "Calc", "Table 1 Index weights", "Table 2 Descriptives", "Table 3 Baseline", "Table 4 IV 2SLS", "Table 5 Robustness", "Table 6 Mechanisms", "Table 7 Heterogeneity"]);
    const data = readCsv(sample);
    const tables = runStudy(data, defaultStudy(), { lang: "en", synthetic: true }).tables;
    const tpl = studyTemplate(defaultStudy(), { sheet: "Data", names: data.names, rows: data.rows, synthetic: true }, "en", tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(templateFile);
    let formulas = 0;
    for (const s of tpl.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      for (const c of s.cells) {
        const v = ws.getCell(c.row, c.col + 1).value;
        if (c.formula) {
          formulas++;
          expect(cellText(v)).toBe(`=${formulaText(c.formula, "file")}`);
        } else expect(v).toBe(c.value ?? null);
      }
    }
    expect(json.formulas).toBe(formulas);
    const dataWs = wb.getWorksheet("Data")!;
    expect(dataWs.getCell(2, 1).value).toBe(data.columns[0][0]);
    expect(dataWs.getCell(2745, data.names.indexOf("digit") + 1).value).toBe(Number(data.columns[data.names.indexOf("digit")][2743]));
  });

  test("formulas are dynamic arrays: cm=\"1\", t=\"array\", metadata.xml with XLDAPR, its content type and relationship", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(templateFile));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let marked = 0;
    for (const n of sheets) {
      const xml = await zip.file(n)!.async("string");
      expect(xml).not.toMatch(/<c [^>]*><f>/);
      marked += (xml.match(/ cm="1"><f t="array" ref="([A-Z]+\d+)">/g) ?? []).length;
    }
    expect(marked).toBe(json.formulas);
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="metadata.xml"');
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/fullCalcOnLoad="1"/);
  });
});

// LibreOffice is a Debian package CI installs (.ci/run); on a machine without it this check
// cannot run, and says so in its name instead of failing.
const soffice = pdfTools.soffice;
const withLibreOffice = soffice ? test : test.skip;
describe(`LibreOffice headless opens the workbooks${soffice ? "" : " (skipped: LibreOffice is not installed — apt-get install libreoffice-calc-nogui)"}`, () => {
  withLibreOffice("results.xlsx and the template convert to CSV without error; custom-function cells show #NAME? there, plain formulas compute", () => {
    const out = path.join(tmp, "lo");
    fs.mkdirSync(out, { recursive: true });
    const profile = `-env:UserInstallation=file://${path.join(tmp, "lo-profile")}`;
    for (const f of [resultsFile, templateFile]) {
      execFileSync(soffice, [profile, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, f], { stdio: "pipe", timeout: 120_000 });
    }
    const t3 = fs.readFileSync(path.join(out, "results-Table 3 Baseline.csv"), "utf8");
    expect(t3).toContain(expected.tables[2].body[0][2]);
    const vars = fs.readFileSync(path.join(out, "template-Vars.csv"), "utf8").split("\n");
    const header = vars[0].split(",");
    const lnd = header.indexOf("lndensity");
    const density = readCsv(sample);
    const d0 = Number(density.columns[density.names.indexOf("density")][0]);
    expect(Number(vars[1].split(",")[lnd])).toBeCloseTo(Math.log(d0), 10);
    expect(fs.readFileSync(path.join(out, "template-Table 3 Baseline.csv"), "utf8")).toContain("#NAME?");
  });
});

// The print check: each table sheet of results.xlsx (en and zh) prints on exactly one A4 page.
// The table sheets are copied into a workbook of their own (the Data sheet runs to many pages by
// design), converted to PDF by LibreOffice; page i must hold table i's title. PNGs of the pages
// go to test-artifacts/pdf/results-<lang>-N.png (test/support/printToPdf.ts).
const withPdf = canPrintPdf ? test : test.skip;
describe(`results.xlsx prints one A4 page per table${canPrintPdf ? "" : " (skipped: needs LibreOffice and poppler-utils)"}`, () => {
  withPdf.each(["en", "zh"] as const)("%s: Tables 1–7 are one page each, with the paper's rows, fonts and no scientific notation", async (lang) => {
    const file = path.join(tmp, `print-${lang}.xlsx`);
    await runCli(["study", "--out", file, "--lang", lang]);
    const study = runStudy(readCsv(sample), defaultStudy(), { lang, synthetic: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const tableNames = study.tables.map((t) => t.sheetName);
    expect(wb.worksheets.at(-1)!.name).toBe(lang === "zh" ? "数据" : "Data");
    expect(wb.worksheets.at(-1)!.pageSetup.printTitlesRow).toBe("1:1");
    for (const name of tableNames) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      ws.eachRow((row) => row.eachCell((c) => {
        expect(cellText(c.value)).not.toMatch(/\d[eE][+-]?\d/);
        expect(c.numFmt ?? "").not.toMatch(/E[+-]/);
        const font = c.font?.name ?? "";
        expect(["Times New Roman", "SimSun"]).toContain(font);
      }));
    }
    const texts = (name: string) => { const ws = wb.getWorksheet(name)!; const out: string[] = []; ws.eachRow((r) => r.eachCell((c) => { out.push(cellText(c.value)); })); return out; };
    const zh = lang === "zh";
    expect(texts(tableNames[0])).toEqual(expect.arrayContaining(zh ? ["一级指标", "二级指标", "单位", "权重/%"] : ["Dimension (weight)", "Indicator", "Unit", "Weight (%)"]));
    expect(texts(tableNames[1])).toEqual(expect.arrayContaining(zh ? ["变量类型", "变量名称", "被解释变量", "解释变量", "控制变量", "机制变量"] : ["Type", "Dependent variable"]));
    expect(texts(tableNames[2])).toEqual(expect.arrayContaining(zh ? ["常数项", "城市固定效应", "未控制", "控制", "R²（整体）"] : ["Constant", "City FE", "No", "Yes", "R² (overall)"]));
    expect(texts(tableNames[3])).toEqual(expect.arrayContaining(zh ? ["IV_1", "IV_2", "第一阶段", "第二阶段", "工具变量", "Kleibergen-Paap rk LM"] : ["IV_1", "First stage", "Second stage", "Instrument"]));
    expect(texts(tableNames[4])).toEqual(expect.arrayContaining(zh ? ["替换被解释变量", "替换核心解释变量", "调整研究样本", "缩尾处理", "inn_1", "inn_2"] : ["Alternative outcome", "Winsorised"]));
    expect(texts(tableNames[5])).toEqual(expect.arrayContaining(zh ? ["创新资金集聚", "产业结构升级", "创业活跃度"] : ["Innovation-capital aggregation"]));
    expect(texts(tableNames[6])).toEqual(expect.arrayContaining(zh ? ["城市群发展阶段", "城市群规模", "城市群创新基础设施", "城市群空间结构"] : ["Development stage"]));
    expect(texts(tableNames[3]).join("|")).toMatch(zh ? /最大 IV 规模/ : /maximal IV size/);
    const printed = await printSheetsToPdf(wb, tableNames, { dir: tmp, name: `results-${lang}` });
    expect(printed.pages).toBe(7);
    study.tables.forEach((t, i) => expect(printed.pageText(i + 1).replace(/\s+/g, "")).toContain(t.title.replace(/\s+/g, "")));
  }, 180_000);
});

describe("the shipped templates (assets/templates) are what `npm run templates` writes today", () => {
  test.each([["CityPanel-template.xlsx", "en", "Data"], ["CityPanel-template.zh-CN.xlsx", "zh", "数据"]] as const)("%s", async (file, lang, dataSheet) => {
    const data = readCsv(sample);
    const tables = runStudy(data, defaultStudy(), { lang, synthetic: true }).tables;
    const tpl = studyTemplate(defaultStudy(), { sheet: dataSheet, names: data.names, rows: data.rows, synthetic: true }, lang, tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.resolve(__dirname, "../../assets/templates", file));
    expect(wb.worksheets.map((w) => w.name)).toEqual([dataSheet, ...tpl.sheets.map((s) => s.name)]);
    for (const s of tpl.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      for (const c of s.cells) {
        const v = ws.getCell(c.row, c.col + 1).value;
        expect(cellText(v)).toBe(c.formula ? `=${formulaText(c.formula, "file")}` : String(c.value ?? ""));
      }
    }
  });
});
