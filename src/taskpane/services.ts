import { TABLE_IDS } from "../engine/study/design/studyDesign";
import { TaskpaneServices } from "./components/App";
import { insertTemplate, listSources, loadMapping, readSource, repairFormulas, saveMapping, writeLiveStudy, writeStudyOutput } from "./excel/workbook";
import { workerRunner } from "./worker/client";

/** The real services: Excel through Office.js, the study in a Web Worker. */
export function taskpaneServices(): TaskpaneServices {
  return {
    listSources,
    readSource: (source, onProgress) => readSource(source, { onProgress }),
    loadMapping,
    saveMapping,
    runner: workerRunner(),
    writeOutput: (out, lang, opts) =>
      opts.live ? writeLiveStudy(opts.def, opts.live.data, opts.live.tables, out.provenance, lang) : writeStudyOutput(out, lang),
    insertTemplate: (lang, rows) => insertTemplate(lang, rows),
    repairFormulas,
    availableTables: [...TABLE_IDS],
    liveFormulasAvailable: true,
  };
}
