import { DataTable } from "../data/table";
import { CityPanelError, valueError } from "../errors";
import { Bilingual, Lang, t } from "../i18n/lang";
import { LABELS } from "../i18n/tableLabels";
import { groupTableDigits } from "../tables/groupDigits";
import { JournalTable } from "../tables/journalTable";
import { CITYPANEL_VERSION } from "../version";
import { buildPanel } from "./buildPanel";
import { StudyDefinition } from "./definition";
import { StudyPanel } from "./panel";
import { createModelLog, StudyModel } from "./tables/modelLog";
import { STUDY_TABLES, TableId } from "./tables/registry";
import { validateMapping } from "./validateMapping";

/**
 * The whole study: validate the mapping, build the panel's variables, then Tables 1–7 (or
 * the chosen subset) in order, reporting progress after each and stopping between tables
 * when `shouldCancel` says so. Nothing is written here — faces write the result — so a
 * mapping error stops the study before any output exists.
 *
 * @example
 * const r = runStudy(table, defaultStudy(), { lang: "zh" });
 * r.tables.map((t) => t.sheetName)  // ["表1 指标权重", …, "表7 异质性分析"]
 */
export interface StudyOptions {
  readonly lang: Lang;
  readonly tables?: readonly TableId[];
  readonly onProgress?: (done: TableId, index: number, total: number) => void;
  readonly shouldCancel?: () => boolean;
  /** Where the data came from (file name, sheet, range) for the provenance record. */
  readonly source?: string;
  /** The data are CityPanel's synthetic sample panel: every table says so in a note. */
  readonly synthetic?: boolean;
}

export interface StudyResult {
  readonly tables: readonly JournalTable[];
  readonly models: ReadonlyMap<string, StudyModel>;
  readonly panel: StudyPanel;
  /** What the study ran on and how, as (label, value) rows with bilingual labels. */
  readonly provenance: readonly { label: Bilingual; value: string }[];
}

export class StudyCancelled extends CityPanelError {
  constructor() {
    super("na", "the study was cancelled", "研究已取消");
  }
}

export function runStudy(table: DataTable, def: StudyDefinition, opts: StudyOptions): StudyResult {
  validateMapping(def, table);
  const panel = buildPanel(table, def);
  const ids = opts.tables ?? (Object.keys(STUDY_TABLES) as TableId[]);
  for (const id of ids) if (!(id in STUDY_TABLES)) throw valueError(`unknown table "${id}"`, `未知的表“${id}”`);
  const { log, models } = createModelLog();
  const tables: JournalTable[] = [];
  const started = Date.now();
  ids.forEach((id, i) => {
    if (opts.shouldCancel?.()) throw new StudyCancelled();
    const built = STUDY_TABLES[id](def, panel, opts.lang, log);
    const table = def.tableOptions?.digitGrouping ? groupTableDigits(built) : built;
    tables.push(opts.synthetic ? { ...table, notes: [...table.notes, t(LABELS.synthetic, opts.lang)] } : table);
    opts.onProgress?.(id, i + 1, ids.length);
  });
  const row = (en: string, zh: string, value: string) => ({ label: { en, zh }, value });
  const provenance = [
    row("CityPanel version", "CityPanel 版本", CITYPANEL_VERSION),
    row("created", "生成时间", new Date().toISOString()),
    row("source", "数据来源", opts.source ?? ""),
    row("synthetic sample data", "模拟样本数据", opts.synthetic ? "yes / 是" : "no / 否"),
    row("rows in the data", "数据行数", String(table.rows)),
    row("cities", "城市数", String(panel.city.levels.length)),
    row("years", "年份数", String(panel.year.levels.length)),
    row("tables", "输出的表", ids.join(", ")),
    row("table language", "表格语言", opts.lang === "zh" ? "中文 (zh)" : "English (en)"),
    row("variance estimator", "标准误类型", def.vcov + (def.vcov === "cluster" ? ` (${def.cluster ?? def.columns.city})` : "")),
    row("entropy method", "熵权法设定", `${def.entropy.method}, shift ${def.entropy.shift}`),
    row("computation time (ms)", "计算耗时（毫秒）", String(Date.now() - started)),
    row("study definition (JSON)", "研究设定（JSON）", JSON.stringify(def)),
  ];
  return { tables, models, panel, provenance };
}
