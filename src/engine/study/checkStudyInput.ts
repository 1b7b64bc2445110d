import { DataTable } from "../data/table";
import { buildPanel } from "./buildPanel";
import { StudyDefinition } from "./definition";
import { StudyPanel } from "./panel";
import { validateMapping } from "./validateMapping";

/**
 * Every input check the study makes before its tables, for faces that write something else
 * from the same data (the template workbook): the mapping (columns exist, directions…), then
 * the variables themselves — numbers where numbers belong (text in a numeric column is an
 * error naming the cell), one row per city and year, positive values under ln, non-constant
 * moderators. Throws the same CityPanelError the study would; returns the panel.
 */
export function checkStudyInput(table: DataTable, def: StudyDefinition): StudyPanel {
  validateMapping(def, table);
  return buildPanel(table, def);
}
