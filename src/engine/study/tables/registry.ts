import { Lang } from "../../i18n/lang";
import { JournalTable } from "../../tables/journalTable";
import { StudyDefinition } from "../definition";
import { StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";
import { table1 } from "./table1";
import { table2 } from "./table2";
import { table3 } from "./table3";
import { table4 } from "./table4";
import { table5 } from "./table5";
import { table6 } from "./table6";
import { table7 } from "./table7";

/** Every table of the study by id, in the paper's order. */
export type TableBuilder = (def: StudyDefinition, p: StudyPanel, lang: Lang, log: ModelLog) => JournalTable;

export const STUDY_TABLES = {
  table1,
  table2,
  table3,
  table4,
  table5,
  table6,
  table7,
} satisfies Record<string, TableBuilder>;

export type TableId = keyof typeof STUDY_TABLES;
