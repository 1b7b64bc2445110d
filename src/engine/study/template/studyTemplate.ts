import { Lang } from "../../i18n/lang";
import { JournalTable } from "../../tables/journalTable";
import { StudyDefinition } from "../definition";
import { tableSheets } from "./tableSheets";
import { DataSheetLayout, StudyTemplate } from "./templateTypes";
import { variableSheets } from "./variableSheets";

/**
 * The study as live worksheet formulas: a description (sheet → cells holding literal values
 * or formulas) that the command line writes into an .xlsx template and the task pane writes
 * through Office.js, both over the same data sheet (header in row 1, one row per city-year):
 * Setup, Vars and Calc (./variableSheets) build the study's variables; one sheet per table
 * (./tableSheets) holds the CityPanel formulas of its models, laid out as results.xlsx lays the
 * table out — the study's own tables when given (`study`: runStudy's tables on the same data
 * and definition, in the same language), else tables built from the design without numbers.
 *
 * @example
 * const tpl = studyTemplate(defaultStudy(), { sheet: "Data", names: header, rows: 2744 }, "en");
 * tpl.sheets.map((s) => s.name)   // ["Setup", "Vars", "Calc", "Table 1 Index weights", …]
 */
export function studyTemplate(def: StudyDefinition, data: DataSheetLayout, lang: Lang, study?: readonly JournalTable[]): StudyTemplate {
  const { sheets, refs } = variableSheets(def, data, lang);
  return { sheets: [...sheets, ...tableSheets(def, refs, data, lang, study)] };
}

export type { DataSheetLayout, StudyTemplate, TemplateCell, TemplateSheet } from "./templateTypes";
