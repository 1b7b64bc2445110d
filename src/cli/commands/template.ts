import * as path from "path";
import { Lang } from "../../engine/i18n/lang";
import { defaultStudy } from "../../engine/study/defaultStudy";
import { parseStudyDefinition } from "../../engine/study/parseDefinition";
import { checkStudyInput } from "../../engine/study/checkStudyInput";
import { Command } from "../command";
import { samplePanelPath } from "../packageRoot";
import { readData } from "../readerOptions";
import { outputTarget } from "../outputFile";
import { readConfig, tooManyFiles, writeAtomically } from "./studyOptions";

/**
 * `citypanel template [FILE] [--config study.json] --out CityPanel-template.xlsx [--lang en|zh]`:
 * the panel on a Data sheet and Tables 1–7 as live CITYPANEL formulas (dynamic arrays) that
 * recalculate in Excel with the add-in loaded. With no FILE, the bundled sample panel.
 */
export const templateCommand: Command = {
  name: "template",
  summary: "a workbook with the panel and Tables 1–7 as live CITYPANEL formulas; no FILE = the bundled sample panel",
  usage: "citypanel template [FILE] [--config study.json] [--out CityPanel-template.xlsx] [--lang en|zh] [--json]",
  needsFile: false,
  options: {
    config: { type: "string", help: "study definition JSON (keys replace the paper's defaults)" },
    out: { type: "string", help: "workbook to write (default CityPanel-template.xlsx)" },
    sheet: { type: "string", help: "worksheet of an .xlsx FILE (default: the first)" },
  },
  async run(args) {
    const v = args.values;
    if (args.positionals.length > 1) throw tooManyFiles(args.positionals.length);
    const lang: Lang = args.lang;
    const parsed = typeof v.config === "string" ? parseStudyDefinition(readConfig(v.config)) : { def: defaultStudy(), warnings: [] };
    const def = parsed.def;
    const out = typeof v.out === "string" && v.out.trim() !== "" ? v.out.trim() : "CityPanel-template.xlsx";
    const target = outputTarget(out); // before any work: a bad --out is refused at once
    const input = args.positionals[0] ?? samplePanelPath();
    const data = await readData(args, input);
    checkStudyInput(data, def); // the same checks as `citypanel study`: nothing is written for data the study would refuse
    const { writeTemplateWorkbook } = await import("../workbook/writeTemplateWorkbook"); // exceljs only when writing
    const synthetic = args.positionals.length === 0;
    // the study's own tables on these data: the template's table sheets are laid out as results.xlsx's
    const { runStudy } = await import("../../engine/study/runStudy");
    const study = runStudy(data, def, { lang, synthetic });
    const { sheets, formulas } = await writeAtomically(target.file, (tmp) => writeTemplateWorkbook(data, def, tmp, lang, synthetic, study.tables));
    const json = { command: "template", out: path.resolve(out), input: path.resolve(input), lang, rows: data.rows, sheets, formulas };
    const text = lang === "zh"
      ? `已写入 ${json.out}：${sheets.join("、")}（${formulas} 个动态数组公式）。在加载了 CityPanel 的 Excel 中打开即可计算。`
      : `wrote ${json.out}: ${sheets.join(", ")} (${formulas} dynamic-array formulas). Open it in Excel with the CityPanel add-in loaded.`;
    return { json, text, warnings: [...parsed.warnings, ...(target.replaced ? [target.replaced] : [])] };
  },
};
