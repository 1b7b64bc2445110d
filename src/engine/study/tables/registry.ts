import { Lang } from "../../i18n/lang";
import { JournalTable } from "../../tables/journalTable";
import { StudyDefinition } from "../definition";
import { designOf, STUDY_DESIGN, TableId } from "../design/studyDesign";
import { StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";
import { regressionDesignTable } from "./regressionTables";
import { table1 } from "./table1";
import { table2 } from "./table2";

/**
 * The builder of each table of the study by id, in the paper's order: Tables 1 and 2 have their
 * own; every regression table is built from its design (../design/studyDesign.ts).
 */
export type TableBuilder = (def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog) => JournalTable;
export type { TableId } from "../design/studyDesign";

const SPECIAL: Partial<Record<TableId, TableBuilder>> = { table1, table2 };

export const STUDY_TABLES: Readonly<Record<TableId, TableBuilder>> = Object.fromEntries(
  STUDY_DESIGN.map((d) => [d.id, SPECIAL[d.id] ?? ((def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog) => regressionDesignTable(designOf(d.id), def, p, lang, log))]),
) as Record<TableId, TableBuilder>;
