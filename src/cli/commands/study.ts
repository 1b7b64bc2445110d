import * as path from "path";
import { Lang } from "../../engine/i18n/lang";
import { defaultStudy } from "../../engine/study/defaultStudy";
import { parseStudyDefinition } from "../../engine/study/parseDefinition";
import { runStudy, StudyResult } from "../../engine/study/runStudy";
import { STUDY_TABLES, TableId } from "../../engine/study/tables/registry";
import { tableToText } from "../../engine/tables/journalTable";
import { listOption, UsageError } from "../args";
import { readConfig, tooManyFiles, writeAtomically } from "./studyOptions";
import { shown } from "../../engine/i18n/quote";
import { Command } from "../command";
import { samplePanelPath } from "../packageRoot";
import { readData } from "../readerOptions";
import { outputTarget } from "../outputFile";

/**
 * `citypanel study [FILE] [--config study.json] --out results.xlsx [--lang zh|en]` — the whole
 * paper, Tables 1–7, as a formatted workbook (docs/cli.md). With no FILE it runs on
 * the bundled synthetic sample panel and every table says so. Nothing is written when the
 * mapping or the data are wrong: the study runs fully in memory first, and the workbook is
 * written to a temporary file renamed into place only when complete.
 */
export const studyCommand: Command = {
  name: "study",
  summary: "the whole study (Tables 1–7) as a formatted workbook; no FILE = the bundled sample panel",
  usage: "citypanel study [FILE] [--config study.json] [--out results.xlsx] [--lang en|zh] [--tables table1,…] [--print-config] [--json]",
  needsFile: false,
  options: {
    config: { type: "string", help: "study definition JSON (keys replace the paper's defaults; see --print-config)" },
    out: { type: "string", help: "workbook to write (default results.xlsx)" },
    tables: { type: "string", help: `tables to run, comma-separated (default all: ${Object.keys(STUDY_TABLES).join(",")})` },
    sheet: { type: "string", help: "worksheet of an .xlsx FILE (default: the first)" },
    "print-config": { type: "boolean", help: "print the study definition in effect (defaults merged with --config) and exit" },
  },
  async run(args) {
    const v = args.values;
    if (args.positionals.length > 1) throw tooManyFiles(args.positionals.length);
    const lang = args.lang;
    const parsed = typeof v.config === "string" ? parseStudyDefinition(readConfig(v.config)) : { def: defaultStudy(), warnings: [] };
    const def = parsed.def;
    if (v["print-config"] === true) return { json: def as unknown as Record<string, unknown>, text: JSON.stringify(def, null, 2), warnings: parsed.warnings };
    const tables = listOption(v.tables);
    for (const id of tables) {
      const known = Object.keys(STUDY_TABLES).join(", ");
      if (!(id in STUDY_TABLES)) throw new UsageError(`--tables: unknown table "${shown(id)}" (${known})`, `--tables：未知的表“${shown(id)}”（可选：${known}）`);
    }
    const out = typeof v.out === "string" && v.out.trim() !== "" ? v.out.trim() : "results.xlsx";
    const target = outputTarget(out); // before any work: a bad --out is refused at once
    const file = args.positionals[0];
    const synthetic = file === undefined;
    const input = file ?? samplePanelPath();
    const data = await readData(args, input);
    const started = Date.now();
    const result = runStudy(data, def, {
      lang,
      tables: tables.length > 0 ? (tables as TableId[]) : undefined,
      source: synthetic ? `${input} (CityPanel synthetic sample panel)` : path.resolve(input),
      synthetic,
    });
    // exceljs is loaded only when a workbook is written: it is a third of the start-up time
    const { writeStudyWorkbook } = await import("../workbook/writeStudyWorkbook");
    const sheets = await writeAtomically(target.file, (tmp) => writeStudyWorkbook(result, tmp, lang));
    const seconds = (Date.now() - started) / 1000;
    return {
      json: studyJson(result, out, lang, input, synthetic, sheets, seconds),
      text: studyText(result, out, sheets, synthetic, lang),
      warnings: [...parsed.warnings, ...(target.replaced ? [target.replaced] : [])],
    };
  },
};

function studyJson(r: StudyResult, out: string, lang: Lang, input: string, synthetic: boolean, sheets: string[], seconds: number): Record<string, unknown> {
  const models: Record<string, unknown> = {};
  for (const [key, m] of r.models) {
    const by = (a: Float64Array) => Object.fromEntries(m.terms.map((t, j) => [t, a[j]]));
    const iv = "kpLM" in m ? { kp_lm: m.kpLM, kp_lm_p: m.kpLMp, kp_f: m.kpF, cd_f: m.cdF, [m.overid.name]: m.overid.statistic, [`${m.overid.name}_p`]: m.overid.p, stock_yogo_size_10: m.stockYogo.size["10%"] ?? null } : {};
    models[key] = { y: m.y, nobs: m.nobs, coef: by(m.coef), se: by(m.se), p: by(m.p), r2: m.r2, vcov: m.vcov, ...iv };
  }
  return {
    command: "study", out: path.resolve(out), lang, input: path.resolve(input), synthetic,
    nobs: r.panel.n, cities: r.panel.city.levels.length, years: r.panel.year.levels.length,
    sheets, tables: r.tables.map((t) => ({ id: t.id, sheet: t.sheetName, title: t.title })), models, seconds,
  };
}

function studyText(r: StudyResult, out: string, sheets: string[], synthetic: boolean, lang: Lang): string {
  const head = synthetic
    ? lang === "zh" ? "数据：CityPanel 模拟样本面板（仅供演示，并非论文原始数据）" : "Data: CityPanel's synthetic sample panel (for demonstration; not the paper's data)"
    : "";
  const wrote = lang === "zh" ? `已写入 ${path.resolve(out)}（工作表：${sheets.join("、")}）` : `wrote ${path.resolve(out)} (sheets: ${sheets.join(", ")})`;
  return [head, ...r.tables.map(tableToText), wrote].filter((s) => s !== "").join("\n\n");
}
