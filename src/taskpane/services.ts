import { TABLE_IDS } from "../engine/study/design/studyDesign";
import { readSource, listSources } from "./excel/read";
import { repairFormulas } from "./excel/repair";
import { loadMapping, saveMapping } from "./excel/settings";
import { insertTemplate, writeLiveStudy } from "./excel/template";
import { writeStudyOutput } from "./excel/write";
import { TaskpaneServices } from "./state/services";
import { workerRunner } from "./worker/client";

/** The add-in's services: Excel through Office.js, the study in a Web Worker. */
export function taskpaneServices(): TaskpaneServices {
  return {
    listSources,
    readSource: (source, onProgress) => {
      if (source.kind === "file") throw new Error("the add-in reads from the workbook, not from a file");
      return readSource(source, { onProgress });
    },
    loadMapping,
    saveMapping,
    runner: workerRunner(),
    writeOutput: (out, lang, opts) =>
      opts.live ? writeLiveStudy(opts.def, opts.live.data, opts.live.tables, out.provenance, lang, out.tables) : writeStudyOutput(out, lang),
    insertTemplate: (lang, rows) => insertTemplate(lang, rows),
    repairFormulas,
    availableTables: [...TABLE_IDS],
    liveFormulasAvailable: true,
    writtenBy: "CityPanel task pane",
  };
}
