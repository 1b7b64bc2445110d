/** @jest-environment jsdom */
/**
 * The web app's services: a chosen file is read into the Data step's block, every run asks the
 * worker for the study workbook, and "Download results.xlsx" saves exactly the bytes it returned.
 */
import * as fs from "fs";
import * as path from "path";
import { TextDecoder } from "util";
import { fileServices, RESULTS_FILE } from "../../src/webapp/fileServices";
import { StudyRequest } from "../../src/taskpane/worker/protocol";

// jsdom lacks the encoding API browsers have; Node's is the same standard
beforeAll(() => { (globalThis as { TextDecoder?: unknown }).TextDecoder ??= TextDecoder; });

const csv = fs.readFileSync(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));

test("open → read → run (workbook asked for) → write → download the same bytes", async () => {
  const requests: StudyRequest[] = [];
  const saved: { blob: Blob; name: string }[] = [];
  const bytes = new Uint8Array([80, 75, 3, 4]);
  const s = fileServices(
    (request) => { requests.push(request); return { result: Promise.resolve({ tables: [], provenance: [], workbook: bytes, sheets: ["Table 3 Baseline", "Data", "Provenance"] }), cancel: () => undefined }; },
    (blob, name) => saved.push({ blob, name }),
  );
  expect(s.liveFormulasAvailable).toBe(false);
  expect(s.insertTemplate).toBeUndefined();
  const file = new File([csv], "city-panel.csv", { type: "text/csv" });
  if (!("arrayBuffer" in file)) Object.defineProperty(file, "arrayBuffer", { value: async () => csv.buffer.slice(csv.byteOffset, csv.byteOffset + csv.byteLength) });
  const source = await s.openFile!(file);
  expect(source).toEqual({ kind: "file", name: "city-panel.csv" });
  const progress: number[] = [];
  const block = await s.readSource(source, (done) => progress.push(done));
  expect(block.values).toHaveLength(2745);
  expect(block.source).toBe("city-panel.csv");
  expect(progress).toEqual([2745]);

  const job = s.runner({ kind: "study", table: { names: [], columns: [], rows: 0 }, def: {} as never, lang: "en", tables: ["table3"], source: "city-panel.csv" }, () => undefined);
  expect(requests[0].workbook).toBe(true);
  const reply = await job.result;
  expect(await s.writeOutput(reply, "en", { def: {} as never, live: null })).toEqual(["Table 3 Baseline", "Data", "Provenance"]);
  s.downloadOutput!();
  expect(saved.map((x) => x.name)).toEqual([RESULTS_FILE]);
  expect(saved[0].blob.size).toBe(bytes.length);
  expect(saved[0].blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
});

test("reading before a file was chosen is a bilingual message", async () => {
  const s = fileServices(() => { throw new Error("not run"); }, () => undefined);
  await expect(s.readSource({ kind: "file", name: "nope.csv" }, () => undefined)).rejects.toMatchObject({ messageZh: "请先选择一个 CSV 或 .xlsx 文件。" });
});
