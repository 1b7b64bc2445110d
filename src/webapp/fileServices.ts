import { valueError } from "../engine/errors";
import { STUDY_TABLES } from "../engine/study/tables/registry";
import { TaskpaneServices } from "../taskpane/state/services";
import { StudyRunner, workerRunner } from "../taskpane/worker/client";
import { panelFileRows } from "./panelFile";

/** The name the web app downloads the results under. */
export const RESULTS_FILE = "results.xlsx";

/**
 * The web app's services: the same steps as the task pane over a file from disk instead of
 * Excel. The file is read in the browser; the study runs in the same Web Worker and also
 * writes the `citypanel study` workbook there; "Download results.xlsx" saves those bytes.
 * Nothing is sent anywhere and nothing is stored (no mapping is kept between visits).
 */
export function fileServices(runner: StudyRunner = workerRunner(), save: (blob: Blob, name: string) => void = saveBlob): TaskpaneServices {
  const files = new Map<string, File>();
  let results: Uint8Array | null = null;
  return {
    listSources: async () => ({ names: [], tables: [] }),
    openFile: async (file) => {
      files.set(file.name, file);
      return { kind: "file", name: file.name };
    },
    readSource: async (source, onProgress) => {
      const file = source.kind === "file" ? files.get(source.name) : undefined;
      if (!file) throw valueError("Choose a CSV or .xlsx file first.", "请先选择一个 CSV 或 .xlsx 文件。");
      const values = await panelFileRows(file.name, new Uint8Array(await file.arrayBuffer()));
      onProgress(values.length, values.length);
      return { values, sheet: file.name, rowIndex: 0, columnIndex: 0, source: file.name };
    },
    loadMapping: async () => null,
    saveMapping: async () => undefined,
    runner: (request, onProgress) => runner({ ...request, workbook: true }, onProgress),
    writeOutput: async (out) => {
      if (!out.workbook) throw valueError("The computation returned no workbook.", "计算未返回工作簿。");
      results = out.workbook;
      return [...(out.sheets ?? [])];
    },
    downloadOutput: () => {
      if (results) save(new Blob([results as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), RESULTS_FILE);
    },
    availableTables: Object.keys(STUDY_TABLES),
    liveFormulasAvailable: false,
    writtenBy: "CityPanel web app",
  };
}

/** The browser's download of a blob under a file name (an object URL: nothing leaves the page). */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
