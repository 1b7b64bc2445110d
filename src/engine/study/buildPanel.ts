import { numericColumn, NumericColumn } from "../data/columns";
import { columnIndex, RawTable, tableIds, tableNumeric } from "../data/table";
import { controlName, StudyDefinition } from "./definition";
import { logOf, productOf, ratioOf, trendOf } from "./derive";
import { StudyPanel, panelVar, setVar } from "./panel";
import { interactionName } from "./tables/table7";

/**
 * Build the study's variables from the user's columns: the outcome index, logged controls,
 * instruments × trend, the mechanism variables, the moderators and their interactions with
 * the treatment. Every numeric column of the data is available under its own name too.
 */
export function buildPanel(table: RawTable, def: StudyDefinition): StudyPanel {
  const city = tableIds(table, def.columns.city);
  const year = tableIds(table, def.columns.year);
  const agglomeration = def.columns.agglomeration ? tableIds(table, def.columns.agglomeration) : undefined;
  const vars = new Map<string, NumericColumn>();
  const p: StudyPanel = { n: table.rows, city, year, agglomeration, vars };
  const num = (name: string) => {
    let c = vars.get(name);
    if (!c) { c = tableNumeric(table, name); vars.set(name, c); }
    return c;
  };
  const d = def.treatment.column;
  num(d);
  if (def.treatmentAlt) num(def.treatmentAlt.column);
  for (const c of def.controls) setVar(p, controlName(c), c.log ? logOf(c.column, num(c.column).values) : num(c.column).values);
  const trend = trendOf(numericColumn(def.columns.year, table.columns[columnIndex(table, def.columns.year)], 2).values);
  for (const iv of def.instruments) setVar(p, iv.name, iv.timesTrend ? productOf(num(iv.column).values, trend) : num(iv.column).values);
  const m = def.mechanisms;
  if (m.ent) setVar(p, "ent", ratioOf(num(m.ent.numerator).values, num(m.ent.denominator).values, m.ent.scale, "ent"));
  for (const mo of def.moderators) {
    if (mo.column) setVar(p, mo.name, num(mo.column).values);
    setVar(p, interactionName(d, mo.name), productOf(panelVar(p, d).values, panelVar(p, mo.name).values));
  }
  return p;
}
