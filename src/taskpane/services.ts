import { STUDY_TABLES } from "../engine/study/tables/registry";
import { TaskpaneServices } from "./components/App";
import { insertTemplate, listSources, loadMapping, readSource, saveMapping, writeStudyOutput } from "./excel/workbook";
import { workerRunner } from "./worker/client";

/** The real services: Excel through Office.js, the study in a Web Worker. */
export function taskpaneServices(): TaskpaneServices {
  return {
    listSources,
    readSource: (source, onProgress) => readSource(source, { onProgress }),
    loadMapping,
    saveMapping,
    runner: workerRunner(),
    writeOutput: (out, lang) => writeStudyOutput(out, lang),
    insertTemplate: (lang) => insertTemplate(lang),
    availableTables: Object.keys(STUDY_TABLES),
    liveFormulasAvailable: false,
  };
}
