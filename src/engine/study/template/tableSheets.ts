import { Lang, t } from "../../i18n/lang";
import { fill, LABELS } from "../../i18n/tableLabels";
import { JournalTable } from "../../tables/journalTable";
import { layoutTable } from "../../tables/layout";
import { cellFont } from "../../tables/sheetStyle";
import { ModelColumn } from "../../tables/modelColumn";
import { inCallOrder } from "../../functionArguments";
import { StudyDefinition } from "../definition";
import { ModelSpec } from "../design/modelSpec";
import { STUDY_DESIGN, TableDesign, TableId } from "../design/studyDesign";
import { designTable, renamed } from "../tables/regressionTables";
import { table1Indicators, table1Table } from "../tables/table1";
import { table2Table } from "../tables/table2";
import { Arg, Formula } from "./formulas";
import { RangeRef } from "./ranges";
import { DataSheetLayout, numberArg, OMITTED, rangeArg, TemplateCell, TemplateSheet, textArg } from "./templateTypes";
import { VariableRefs } from "./variableSheets";

/**
 * The template's table sheets, one per table of the study, laid out as results.xlsx of
 * `citypanel study` lays the table out (the same JournalTable through engine/tables/layout:
 * title, header rows, merged "Variable" corner, row labels in the paper's words, three-line
 * rules, notes), with the values replaced by live formulas:
 * - Tables 3–7: one CITYPANEL.FEREG / IV2SLS formula per model column at its first body row,
 *   whose `rowlabels` is column A of the body (functions/adapters/align.ts matches the
 *   paper's labels: 常数项, 控制变量, 城市固定效应, 工具变量, 样本量, R²（整体）…);
 * - Table 1: the weights in percent (ENTROPYWEIGHTS "percent"), the names and units from the
 *   Setup sheet, each dimension with the sum of its weights;
 * - Table 2: DESCSTATS "values" beside the variable type, name and symbol.
 * The table is the study's own (`study`, the tables runStudy built on the same data: the
 * notes that depend on the data are then the same too), or else built from the design
 * without numbers. Notes under the table: the study's, then how the live formulas work, the
 * synthetic data, and Table 5's sample rule.
 *
 * @example
 * tableSheets(def, refs, data, "en")[2].name   // "Table 3 Baseline"
 */
const NOTE = {
  live: {
    en: "Live CityPanel formulas: they calculate when the CityPanel add-in is loaded. If a cell shows #NAME?, select it and press F2, Enter (or use the task pane's “Repair formulas”).",
    zh: "本表为 CityPanel 实时公式，加载 CityPanel 加载项后计算。若单元格显示 #NAME?，请选中后按 F2、回车（或使用任务窗格中的“修复公式”）。",
  },
  drop: {
    en: "Column (4): rows of agglomerations with at most {0} cities in the year are set to #N/A in Vars (a missing outcome drops the row).",
    zh: "第（4）列：在“变量”表中将当年城市数不超过 {0} 个的城市群所在行设为 #N/A（被解释变量缺失即剔除该行）。",
  },
};

/** A formula placed in a table's body: at body row `row`, column `col`, filling rows × cols cells. */
interface Placement {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly formula: (sheet: SheetRefs) => Formula;
  /** Number format of a filled cell (body row, column). */
  readonly numFmt?: (row: number, col: number) => string;
}

/** Ranges on the table sheet itself: its body's column A (the row labels) and any body column. */
interface SheetRefs {
  readonly labels: RangeRef;
  body(col: number, r0: number, r1: number): RangeRef;
}

export function tableSheets(def: StudyDefinition, refs: VariableRefs, data: DataSheetLayout, lang: Lang, study?: readonly JournalTable[]): TemplateSheet[] {
  const fromStudy = (id: TableId): JournalTable | undefined => study?.find((x) => x.id === id);
  const synthetic = (tbl: JournalTable): JournalTable => (data.synthetic ? { ...tbl, notes: [...tbl.notes, t(LABELS.synthetic, lang)] } : tbl);
  const live = t(NOTE.live, lang);
  function vcovArgs(): { vcov: Arg; cluster?: Arg } {
    return def.vcov === "cluster" ? { vcov: textArg("cluster"), cluster: rangeArg(refs.cluster!) } : { vcov: textArg(def.vcov) };
  }

  /** The CITYPANEL formula of one declared model column. */
  function formulaOf(spec: ModelSpec): (labels: Arg) => Formula {
    const r = refs.model(spec);
    const common = { fe: spec.fe ? rangeArg(refs.fe) : OMITTED, ...vcovArgs() };
    if (spec.estimator === "fereg") {
      return (labels) => ({ kind: "call", fn: "FEREG", args: inCallOrder("FEREG", { y: rangeArg(r.y), x: rangeArg(r.x), ...common, output: textArg("column"), rowlabels: labels }, OMITTED) });
    }
    return (labels) => ({
      kind: "call", fn: "IV2SLS",
      args: inCallOrder("IV2SLS", {
        y: rangeArg(r.y), endog: rangeArg(r.endogenous!), instruments: rangeArg(r.instruments!), exog: rangeArg(r.x), ...common,
        output: textArg(spec.stage === "first" ? "first" : "column"), rowlabels: labels,
      }, OMITTED),
    });
  }

  function table1(): TemplateSheet {
    const tbl = fromStudy("table1") ?? synthetic(table1Table(def, lang));
    const inds = table1Indicators(def);
    const shift = def.entropy.method === "shift" ? def.entropy.shift : 0;
    const weights: Arg[] = [rangeArg(refs.indicators), rangeArg(refs.directions), OMITTED, textArg("percent"), numberArg(shift), rangeArg(refs.dimensions)];
    const setupCell = (row: RangeRef, j: number): RangeRef => ({ ...row, c0: row.c0 + j, c1: row.c0 + j });
    const placements: Placement[] = [
      { row: 0, col: 3, rows: inds.length, cols: 1, formula: () => ({ kind: "call", fn: "ENTROPYWEIGHTS", args: weights }), numFmt: () => "0.0000" },
      ...inds.flatMap((_, j): Placement[] => [
        { row: j, col: 1, rows: 1, cols: 1, formula: () => ({ kind: "text", from: setupCell(refs.setupNames, j) }) },
        { row: j, col: 2, rows: 1, cols: 1, formula: () => ({ kind: "text", from: setupCell(refs.setupUnits, j) }) },
      ]),
    ];
    // each dimension on its first row, with the sum of its indicators' weights in percent
    for (const dim of def.dimensions) {
      const first = inds.findIndex((i) => i.dimension === dim.key);
      const n = inds.filter((i) => i.dimension === dim.key).length;
      if (first < 0) continue;
      placements.push({ row: first, col: 0, rows: 1, cols: 1, formula: (s) => ({ kind: "labelPercent", label: setupCell(refs.setupDimensionNames, first), sum: s.body(3, first, first + n - 1) }) });
    }
    return journalSheet("table1", tbl, placements, [live]);
  }

  function table2(): TemplateSheet {
    const tbl = fromStudy("table2") ?? synthetic(table2Table(def, lang));
    return journalSheet("table2", tbl, [{
      row: 0, col: 3, rows: tbl.body.length, cols: 5,
      formula: () => ({ kind: "call", fn: "DESCSTATS", args: [rangeArg(refs.table2), textArg("values")] }),
      numFmt: (_r, c) => (c === 3 ? "0" : "0.0000"),
    }], [live]);
  }

  /** A regression table from its design: one formula per declared model column. */
  function designSheet(design: TableDesign): TemplateSheet {
    const specs = design.regression!.models(def);
    const tbl = fromStudy(design.id) ?? synthetic(designTable(design, def, lang, specs.map((s) => renamed(standIn(s, def), s))));
    const nobs = t(LABELS.nobs, lang);
    const numFmt = (r: number): string => (tbl.bodyKinds[r] !== "stat" ? "General" : tbl.body[r][0] === nobs ? "0" : "0.0000");
    const placements = specs.map((s, j): Placement => {
      const f = formulaOf(s);
      return { row: 0, col: j + 1, rows: tbl.body.length, cols: 1, formula: (sheet) => f(rangeArg(sheet.labels)), numFmt };
    });
    const drop = specs.find((s) => s.sample.kind === "dropSmallGroups");
    const notes = [live, ...(drop && drop.sample.kind === "dropSmallGroups" ? [fill(t(NOTE.drop, lang), String(drop.sample.atMost))] : [])];
    return journalSheet(design.id, tbl, placements, notes);
  }

  return STUDY_DESIGN.map((d) => (d.id === "table1" ? table1() : d.id === "table2" ? table2() : designSheet(d)));
}

/**
 * A table sheet from its journal table: the cells the formulas fill are blanked (the widths
 * stay those of the full table), the template's notes go under the table's, and the laid-out
 * literal cells, the formulas and the number formats and fonts of the filled cells (by the
 * text the full table shows there) become the sheet's cells.
 */
function journalSheet(key: TableId, full: JournalTable, placements: readonly Placement[], notes: readonly string[]): TemplateSheet {
  const covered = (i: number, j: number) => placements.some((p) => i >= p.row && i < p.row + p.rows && j >= p.col && j < p.col + p.cols);
  const journal: JournalTable = {
    ...full,
    body: full.body.map((r, i) => r.map((v, j) => (covered(i, j) ? "" : v))),
    notes: [...full.notes, ...notes],
    minWidths: layoutTable(full).widths,
  };
  const layout = layoutTable(journal);
  const b0 = layout.headerRows[1] + 2; // 1-based sheet row of the first body row
  const name = full.sheetName;
  const sheet: SheetRefs = {
    labels: { sheet: name, c0: 0, c1: 0, r0: b0, r1: b0 + full.body.length - 1 },
    body: (col, r0, r1) => ({ sheet: name, c0: col, c1: col, r0: b0 + r0, r1: b0 + r1 }),
  };
  const cells: TemplateCell[] = layout.cells.filter((c) => c.value !== "").map((c) => ({ row: c.row + 1, col: c.col, value: c.value, ...(c.bold ? { bold: true } : {}) }));
  for (const p of placements) {
    for (let i = 0; i < p.rows; i++) {
      for (let j = 0; j < p.cols; j++) {
        const numFmt = p.numFmt?.(p.row + i, p.col + j) ?? "General";
        const font = cellFont(full.body[p.row + i]?.[p.col + j] ?? "");
        cells.push({ row: b0 + p.row + i, col: p.col + j, numFmt, font, ...(i === 0 && j === 0 ? { formula: p.formula(sheet) } : {}) });
      }
    }
  }
  return { key, name, cells, widths: layout.widths, journal };
}

/** A model column without numbers (the shape of an estimated one) for a table built before any estimation. */
function standIn(spec: ModelSpec, def: StudyDefinition): ModelColumn {
  const none = { b: NaN, se: NaN, p: NaN };
  const names = [...(spec.stage === "first" ? spec.instruments ?? [] : spec.endogenous ?? []), ...spec.regressors];
  return {
    depvar: spec.outcome, coef: Object.fromEntries(names.map((n) => [n, none])), cons: none,
    stage: spec.estimator === "iv2sls" ? spec.stage : undefined,
    nobs: NaN, r2: NaN, r2Within: NaN, fe: spec.fe ? [def.columns.city, def.columns.year] : [],
    vcov: spec.vcov ?? def.vcov, clusters: def.vcov === "cluster" ? [def.cluster ?? def.columns.city] : [], stats: {},
  };
}

