import { formulaText } from "../../engine/study/template/formulas";
import { StudyTemplate, TemplateSheet } from "../../engine/study/template/studyTemplate";
import { ownFormula } from "./cellText";
import { GridCell } from "./tableGrid";
import { uniqueSheetName } from "./sheetNames";

/** A template sheet as the pane writes it: its final name, its cells as a grid, bold/italic cells. */
export interface TemplateSheetGrid {
  readonly sheet: TemplateSheet;
  readonly name: string;
  readonly grid: GridCell[][];
}

/**
 * The chosen sheets of a study template, named so that no existing sheet is reused (a suffix
 * when taken), with every formula that refers to a renamed template sheet rewritten to the
 * new name. Formulas are in the add-in's form (=CITYPANEL.FEREG(…)) and marked as CityPanel's
 * own (`ownFormula`); every literal cell — labels included — stays text when written.
 */
export function templateGrids(tpl: StudyTemplate, existing: readonly string[], keep: (key: string) => boolean = () => true): TemplateSheetGrid[] {
  const taken = [...existing];
  const chosen = tpl.sheets.filter((s) => keep(s.key));
  const rename = new Map<string, string>();
  for (const s of chosen) {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    rename.set(s.name, name);
  }
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  const retarget = (text: string) => {
    let out = text;
    for (const [from, to] of rename) if (from !== to) out = out.split(quoted(from)).join(quoted(to));
    return out;
  };
  return chosen.map((s) => {
    const rows = s.cells.length ? Math.max(...s.cells.map((c) => c.row)) : 0;
    const cols = s.cells.length ? Math.max(...s.cells.map((c) => c.col)) + 1 : 0;
    const grid: GridCell[][] = Array.from({ length: rows }, () => Array<GridCell>(cols).fill(""));
    for (const c of s.cells) grid[c.row - 1][c.col] = c.formula ? ownFormula(retarget(formulaText(c.formula, "addin"))) : (c.value ?? "");
    return { sheet: s, name: rename.get(s.name)!, grid };
  });
}
