import { Lang, t } from "../../i18n/lang";
import { SPILL_LABELS } from "../../i18n/spillLabels";
import { fill, LABELS } from "../../i18n/tableLabels";
import { significanceNote } from "../../tables/regressionTable";
import { StudyDefinition } from "../definition";
import { ModelSpec } from "../design/modelSpec";
import { designOf, STUDY_DESIGN, TableDesign, TableId } from "../design/studyDesign";
import { Arg, Formula } from "./formulas";
import { RangeRef } from "./ranges";
import { inCallOrder } from "../../functionArguments";
import { DataSheetLayout, numberArg, OMITTED, rangeArg, TemplateCell, TemplateSheet, textArg } from "./templateTypes";
import { VariableRefs } from "./variableSheets";

/**
 * The template's table sheets, one per table of the study: the row labels in column A
 * (literal, so models with different regressors line up through `rowlabels`), the captions in
 * row 2 and one CITYPANEL formula per model column in row 3, over the variables of
 * ./variableSheets; notes below (SE type, star legend, how to re-activate formulas).
 *
 * @example
 * tableSheets(def, refs, data, "en")[2].name   // "Table 3 Baseline"
 */

/** Fixed row labels the regression functions' rowlabels alignment matches (either language works). */
const ROW = {
  variable: SPILL_LABELS.variable,
  nobs: SPILL_LABELS.nobs,
  r2: SPILL_LABELS.r2,
  firstF: SPILL_LABELS.firstF,
  kpLM: SPILL_LABELS.kpLM,
  kpF: SPILL_LABELS.kpF,
};

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

export function tableSheets(def: StudyDefinition, refs: VariableRefs, data: DataSheetLayout, lang: Lang): TemplateSheet[] {
  function sheetOf(id: TableId): { name: string; title: string } {
    return { name: t(designOf(id).sheet, lang), title: t(designOf(id).title, lang) };
  }
  function vcovArgs(): { vcov: Arg; cluster?: Arg } {
    return def.vcov === "cluster" ? { vcov: textArg("cluster"), cluster: rangeArg(refs.cluster!) } : { vcov: textArg(def.vcov) };
  }

  /** A regression table: literal row labels in A, captions in row 2, one formula per model in row 3. */
  function regressionSheet(id: TableId, labels: string[], models: { caption: string; formula: (labels: Arg) => Formula }[], notes: string[]): TemplateSheet {
    const { name, title } = sheetOf(id);
    const cells: TemplateCell[] = [{ row: 1, col: 0, value: title, bold: true }];
    const top = 3;
    const labelRange: RangeRef = { sheet: name, c0: 0, c1: 0, r0: top, r1: top + labels.length - 1 };
    labels.forEach((l, i) => cells.push({ row: top + i, col: 0, value: l, bold: i === 0 }));
    models.forEach((m, j) => {
      cells.push({ row: 2, col: j + 1, value: m.caption, bold: true });
      cells.push({ row: top, col: j + 1, formula: m.formula(rangeArg(labelRange)) });
    });
    const n0 = top + labels.length + 1;
    [significanceNote(lang, def.vcov, def.cluster ?? def.columns.city), ...notes, ...dataNote(), t(NOTE.live, lang)].forEach((note, i) => cells.push({ row: n0 + i, col: 0, value: note, italic: true }));
    return { key: id, name, cells, widths: [24, ...models.map(() => 16)] };
  }
  const dataNote = (): string[] => (data.synthetic ? [t(LABELS.synthetic, lang)] : []);
  const coefRows = (names: readonly string[]): string[] => names.flatMap((n) => [n, ""]);
  const tail = (stats: string[]): string[] => [`${def.columns.city} FE`, `${def.columns.year} FE`, ...stats];
  function fereg(y: RangeRef, x: RangeRef, withFe = true): (labels: Arg) => Formula {
    return (labels) => ({
      kind: "call", fn: "FEREG",
      args: inCallOrder("FEREG", { y: rangeArg(y), x: rangeArg(x), fe: withFe ? rangeArg(refs.fe) : OMITTED, ...vcovArgs(), output: textArg("column"), rowlabels: labels }, OMITTED),
    });
  }

  function table1(): TemplateSheet {
    const { name, title } = sheetOf("table1");
    const d = def;
    const args = (output: string): Arg[] => [rangeArg(refs.indicators), rangeArg(refs.directions), OMITTED, textArg(output), numberArg(d.entropy.method === "shift" ? d.entropy.shift : 0), rangeArg(refs.dimensions)];
    return {
      key: "table1", name,
      cells: [
        { row: 1, col: 0, value: title, bold: true },
        { row: 3, col: 0, formula: { kind: "call", fn: "ENTROPYWEIGHTS", args: args("table") } },
        { row: 3, col: 8, formula: { kind: "call", fn: "ENTROPYWEIGHTS", args: args("dimensions") } },
        { row: d.indicators.length + 6, col: 0, italic: true, value: lang === "zh" ? "注：权重为小数（乘以 100 即为百分比）；指标方向与维度见“设定”表。" : "Note: weights are fractions (× 100 for percent); directions and dimensions are on the Setup sheet." },
        ...dataNote().map((value) => ({ row: d.indicators.length + 7, col: 0, italic: true, value })),
        { row: d.indicators.length + 8, col: 0, italic: true, value: t(NOTE.live, lang) },
      ],
      widths: [12, 16, 12, 12, 12, 12, 12, 4, 16, 12],
    };
  }

  function table2(): TemplateSheet {
    const { name, title } = sheetOf("table2");
    return {
      key: "table2", name,
      cells: [
        { row: 1, col: 0, value: title, bold: true },
        { row: 3, col: 0, formula: { kind: "call", fn: "DESCSTATS", args: [rangeArg(refs.table2)] } },
        ...dataNote().map((value) => ({ row: 18, col: 0, italic: true, value })),
        { row: 19, col: 0, italic: true, value: t(NOTE.live, lang) },
      ],
      widths: [14, 8, 12, 12, 12, 12],
    };
  }

  /** The CITYPANEL formula of one declared model column. */
  function formulaOf(spec: ModelSpec): (labels: Arg) => Formula {
    const r = refs.model(spec);
    if (spec.estimator === "fereg") return fereg(r.y, r.x, spec.fe);
    return (labels) => ({
      kind: "call", fn: "IV2SLS",
      args: inCallOrder("IV2SLS", {
        y: rangeArg(r.y), endog: rangeArg(r.endogenous!), instruments: rangeArg(r.instruments!), exog: rangeArg(r.x), fe: spec.fe ? rangeArg(refs.fe) : OMITTED,
        ...vcovArgs(), output: textArg(spec.stage === "first" ? "first" : "column"), rowlabels: labels,
      }, OMITTED),
    });
  }

  /** A regression table from its design: one formula per declared model column. */
  function designSheet(design: TableDesign): TemplateSheet {
    const rd = design.regression!;
    const specs = rd.models(def);
    const terms = [...new Set(specs.flatMap((s) => [...(s.stage === "first" ? s.instruments ?? [] : []), ...(s.endogenous ?? []), ...s.regressors, ...(s.fe ? [] : ["_cons"])]))];
    const stats = rd.kp ? [t(ROW.firstF, lang), t(ROW.kpLM, lang), "", t(ROW.kpF, lang), "", t(ROW.nobs, lang)] : [t(ROW.nobs, lang), t(ROW.r2, lang)];
    const labels = [t(ROW.variable, lang), ...coefRows(terms), ...tail(stats)];
    const models = specs.map((s, j) => ({ caption: `(${j + 1})` + (s.header ?? s.group ? ` ${t((s.header ?? s.group)!, lang)}` : ""), formula: formulaOf(s) }));
    const drop = specs.find((s) => s.sample.kind === "dropSmallGroups");
    const notes = [...(rd.kp ? [t(LABELS.kpNote, lang)] : []), ...(drop && drop.sample.kind === "dropSmallGroups" ? [fill(t(NOTE.drop, lang), String(drop.sample.atMost))] : [])];
    return regressionSheet(design.id, labels, models, notes);
  }

  return STUDY_DESIGN.map((d) => (d.id === "table1" ? table1() : d.id === "table2" ? table2() : designSheet(d)));
}
