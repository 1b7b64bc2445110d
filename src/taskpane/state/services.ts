import { Lang } from "../../engine/i18n/lang";
import { StudyDefinition } from "../../engine/study/definition";
import { DataSheetLayout } from "../../engine/study/template/studyTemplate";
import { DataSource } from "../model/dataSource";
import { SheetBlock } from "../model/detectPanel";
import { SavedMapping } from "../model/savedMapping";
import { StudyRunner } from "../worker/client";
import { StudyReply } from "../worker/protocol";

/** What "Insert template" did: inserted new sheets, or found the template already in the workbook and went to it. */
export interface TemplateOutcome {
  readonly sheets: readonly string[];
  readonly reused: boolean;
}

/**
 * What the pane needs from the outside world (mocked in tests): in the add-in, Excel through
 * Office.js (../services.ts); in the web app, a file from disk and a results.xlsx download
 * (../../webapp/fileServices.ts). The study runs in a Web Worker in both.
 */
export interface TaskpaneServices {
  listSources(): Promise<{ names: string[]; tables: string[] }>;
  readSource(source: DataSource, onProgress: (done: number, total: number) => void): Promise<SheetBlock>;
  loadMapping(): Promise<SavedMapping | null>;
  saveMapping(def: StudyDefinition, source: DataSource): Promise<void>;
  runner: StudyRunner;
  /** Write the tables as values, or (live) the study template's CITYPANEL.* formulas over the data sheet. Resolves to the sheets written. */
  writeOutput(out: StudyReply, lang: Lang, opts: { def: StudyDefinition; live: { data: DataSheetLayout; tables: readonly string[] } | null }): Promise<string[]>;
  /** A Data sheet skeleton and result sheets wired to `rows` data rows (the add-in only). */
  insertTemplate?(lang: Lang, rows: number): Promise<TemplateOutcome>;
  /** Re-enter every CITYPANEL.* formula (cells stuck on #NAME?); resolves to how many (the add-in only). */
  repairFormulas?(): Promise<number>;
  /** The web app: the user chose a file (picker or drop); resolves to the source to read. */
  openFile?(file: File): Promise<DataSource>;
  /** The web app: save the last output as results.xlsx through the browser's download. */
  downloadOutput?(): void;
  /** Table ids the engine can build (Tables 1–7 as they become available). */
  readonly availableTables: readonly string[];
  readonly liveFormulasAvailable: boolean;
  /** Who wrote the output, for the Provenance sheet ("CityPanel task pane", "CityPanel web app"). */
  readonly writtenBy?: string;
}
