/**
 * What the study worker computes (src/taskpane/worker/compute.ts, run here without a Worker):
 * the whole study on the sample panel with one progress message per table, a single model,
 * and errors as bilingual messages (never a stack trace).
 */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { STUDY_TABLES } from "../../src/engine/study/tables/registry";
import { compute } from "../../src/taskpane/worker/compute";
import { FromWorker, StudyRequest } from "../../src/taskpane/worker/protocol";

jest.setTimeout(60_000);
const table = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const run = async (request: StudyRequest): Promise<FromWorker[]> => {
  const out: FromWorker[] = [];
  await compute(request, (m) => out.push(m));
  return out;
};

test("the study: a progress message per table, then the tables and the provenance", async () => {
  const ids = Object.keys(STUDY_TABLES);
  const msgs = await run({ kind: "study", table, def: defaultStudy(), lang: "zh", tables: ids, source: "Panel!A1:BE2745" });
  const progress = msgs.filter((m) => m.type === "progress");
  expect(progress.map((m) => m.type === "progress" && [m.table, m.index, m.total])).toEqual(ids.map((id, i) => [id, i + 1, ids.length]));
  const done = msgs[msgs.length - 1];
  expect(done.type).toBe("done");
  if (done.type !== "done") return;
  expect(done.result.tables.map((t) => t.id)).toEqual(ids);
  expect(done.result.tables.find((t) => t.id === "table4")!.sheetName).toBe("表4 工具变量");
  expect(done.result.provenance.find((r) => r.label.en === "source")!.value).toBe("Panel!A1:BE2745");
  // everything crosses postMessage: plain data only
  expect(() => structuredClone(done.result)).not.toThrow();
});

test("a single FEREG and a single IV2SLS model", async () => {
  const def = defaultStudy();
  const fe = await run({ kind: "model", table, def, lang: "en", source: "s", model: { estimator: "fereg", y: "inn", x: ["digit", "gov"], fixedEffects: true, vcov: "cluster", cluster: "city" } });
  const d1 = fe[fe.length - 1];
  expect(d1.type).toBe("done");
  if (d1.type !== "done") return;
  const t = d1.result.tables[0];
  expect(t.sheetName).toBe("FEREG inn");
  expect(t.body.map((r) => r[0])).toEqual(expect.arrayContaining(["digit", "gov", "City FE", "Year FE"]));
  expect(t.notes.join(" ")).toMatch(/clustered by city/);

  const iv = await run({ kind: "model", table, def, lang: "en", source: "s", model: { estimator: "iv2sls", y: "inn", x: ["gov"], endog: ["digit"], instruments: ["iv1"], fixedEffects: true, vcov: "robust" } });
  const d2 = iv[iv.length - 1];
  expect(d2.type).toBe("done");
  if (d2.type !== "done") return;
  expect(d2.result.tables[0].header[0]).toEqual(["Variable", "First stage: digit", "Second stage: inn"]);
});

test("errors come back in both languages, naming the column", async () => {
  const def = defaultStudy();
  const bad = { ...table, columns: table.columns.map((c, j) => (table.names[j] === "gov" ? c.map((v, i) => (i === 5 ? "abc" : v)) : c)) };
  const msgs = await run({ kind: "study", table: bad, def, lang: "en", tables: ["table3"], source: "" });
  const last = msgs[msgs.length - 1];
  expect(last.type).toBe("error");
  if (last.type !== "error") return;
  expect(last.error.en).toBe('column "gov", row 7: "abc" is not a number');
  expect(last.error.zh).toBe("列“gov”第 7 行：“abc”不是数值");
  expect(last.error.kind).toBe("value");
  expect([last.error.column, last.error.row]).toEqual(["gov", 7]); // structured place: the pane needs no text parsing
  const missing = await run({ kind: "study", table, def: { ...def, treatment: { ...def.treatment, column: "nope" } }, lang: "en", tables: ["table3"], source: "" });
  const m = missing[missing.length - 1];
  expect(m.type === "error" && m.error.en).toBe('the data have no column "nope" (mapped as treatment (digit))');
});

test("the web app's request: the reply also carries the workbook `citypanel study` writes, with the pane's provenance rows", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const provenance = [{ label: { en: "written by", zh: "写入方式" }, value: "CityPanel web app" }];
  const msgs = await run({ kind: "study", table, def: defaultStudy(), lang: "en", tables: ["table3"], source: "panel.csv", provenance, workbook: true });
  const done = msgs[msgs.length - 1];
  if (done.type !== "done") throw new Error(JSON.stringify(done));
  expect(done.result.sheets).toEqual(["Table 3 Baseline", "Provenance", "Data"]);
  expect(done.result.provenance[done.result.provenance.length - 1]).toEqual(provenance[0]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(done.result.workbook!.buffer as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Table 3 Baseline", "Provenance", "Data"]);
  const prov = wb.getWorksheet("Provenance")!;
  expect(prov.getRow(prov.rowCount).values).toEqual([undefined, "written by", "CityPanel web app"]);
  expect(wb.getWorksheet("Data")!.rowCount).toBe(2745);
});

test("the web app's single model: its workbook holds the model's table, Data and Provenance", async () => {
  const msgs = await run({ kind: "model", table, def: defaultStudy(), lang: "zh", source: "p.csv", workbook: true, model: { estimator: "fereg", y: "inn", x: ["digit"], fixedEffects: true, vcov: "robust" } });
  const done = msgs[msgs.length - 1];
  if (done.type !== "done") throw new Error(JSON.stringify(done));
  expect(done.result.sheets).toEqual(["FEREG inn", "来源说明", "数据"]);
  expect(done.result.workbook!.length).toBeGreaterThan(1000);
});

test("the VCE rule every face shares (vcov/resolve.ts): a cluster column with an explicit robust / iid is refused in both languages", async () => {
  const def = defaultStudy();
  const model = { estimator: "fereg" as const, y: "inn", x: ["digit", "gov"], fixedEffects: true, vcov: "robust" as const, cluster: "city" };
  const msgs = await run({ kind: "model", table, def, lang: "en", source: "s", model });
  const last = msgs[msgs.length - 1];
  expect(last.type).toBe("error");
  if (last.type !== "error") return;
  expect(last.error.en).toMatch(/^The “Cluster by” column and the variance estimator "robust" contradict each other/);
  expect(last.error.zh).toMatch(/^“聚类变量”与 标准误类型 "robust" 相互矛盾/);
  // the study definition the pane runs follows the same rule
  const study = await run({ kind: "study", table, def: { ...def, vcov: "iid", cluster: "city" }, lang: "en", tables: ["table3"], source: "" });
  const s = study[study.length - 1];
  expect(s.type === "error" && s.error.en).toMatch(/^The "cluster" key and "vcov" "iid" contradict each other/);
});
