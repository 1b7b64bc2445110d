import { Lang, t } from "../../i18n/lang";
import { SPILL_LABELS } from "../../i18n/spillLabels";
import { fill, LABELS } from "../../i18n/tableLabels";
import { starLegend } from "../../tables/stars";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "../definition";
import { TABLE_NAMES } from "../labels";
import { MECHANISMS } from "../tables/table6";
import { Arg, Formula } from "./formulas";
import { RangeRef } from "./ranges";
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
  function sheetOf(id: string): { name: string; title: string } {
    return { name: t(TABLE_NAMES[id].sheet, lang), title: t(TABLE_NAMES[id].title, lang) };
  }
  function vcovArgs(): Arg[] {
    if (def.vcov !== "cluster") return [textArg(def.vcov), OMITTED];
    return [textArg("cluster"), rangeArg(refs.cluster!)];
  }

  /** A regression table: literal row labels in A, captions in row 2, one formula per model in row 3. */
  function regressionSheet(id: string, labels: string[], models: { caption: string; formula: (labels: Arg) => Formula }[], notes: string[]): TemplateSheet {
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
    [...notes, fill(t(LABELS.starLegend, lang), starLegend()), ...dataNote(), t(NOTE.live, lang)].forEach((note, i) => cells.push({ row: n0 + i, col: 0, value: note, italic: true }));
    return { key: id, name, cells, widths: [24, ...models.map(() => 16)] };
  }
  const dataNote = (): string[] => (data.synthetic ? [t(LABELS.synthetic, lang)] : []);
  const coefRows = (names: readonly string[]): string[] => names.flatMap((n) => [n, ""]);
  const tail = (stats: string[]): string[] => [`${def.columns.city} FE`, `${def.columns.year} FE`, ...stats];
  function seNote(): string {
    const d = def;
    if (d.vcov === "cluster") return fill(t(LABELS.seCluster, lang), d.cluster ?? d.columns.city);
    return t(d.vcov === "iid" ? LABELS.seIid : LABELS.seRobust, lang);
  }
  function fereg(y: RangeRef, x: RangeRef, withFe = true): (labels: Arg) => Formula {
    return (labels) => ({ kind: "call", fn: "FEREG", args: [rangeArg(y), rangeArg(x), withFe ? rangeArg(refs.fe) : OMITTED, ...vcovArgs(), textArg("column"), labels] });
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
        { row: 3, col: 0, formula: { kind: "call", fn: "DESCSTATS", args: [rangeArg(refs.get("@t2"))] } },
        ...dataNote().map((value) => ({ row: 18, col: 0, italic: true, value })),
        { row: 19, col: 0, italic: true, value: t(NOTE.live, lang) },
      ],
      widths: [14, 8, 12, 12, 12, 12],
    };
  }

  function table3(): TemplateSheet {
    const d = def;
    const x = [d.treatment.column, ...d.controls.map(controlName)];
    const y = refs.get(d.outcome.name);
    const labels = [t(ROW.variable, lang), ...coefRows([...x, "_cons"]), ...tail([t(ROW.nobs, lang), t(ROW.r2, lang)])];
    return regressionSheet("table3", labels, [
      { caption: "(1)", formula: fereg(y, refs.get("@x"), false) },
      { caption: "(2)", formula: fereg(y, refs.get("@x")) },
    ], [seNote()]);
  }

  function table4(): TemplateSheet {
    const d = def;
    const controls = d.controls.map(controlName);
    const labels = [
      t(ROW.variable, lang), ...coefRows([...d.instruments.map((i) => i.name), d.treatment.column, ...controls]),
      ...tail([t(ROW.firstF, lang), t(ROW.kpLM, lang), "", t(ROW.kpF, lang), "", t(ROW.nobs, lang)]),
    ];
    const iv = (z: string, output: string) => (labels: Arg): Formula => ({
      kind: "call", fn: "IV2SLS",
      args: [rangeArg(refs.get(d.outcome.name)), rangeArg(refs.get(d.treatment.column)), rangeArg(refs.get(z)), rangeArg(refs.get("@controls")), rangeArg(refs.fe), ...vcovArgs(), textArg(output), labels],
    });
    const models = d.instruments.flatMap((z, k) => [
      { caption: `(${2 * k + 1}) ${t(LABELS.firstStage, lang)}`, formula: iv(z.name, "first") },
      { caption: `(${2 * k + 2}) ${t(LABELS.secondStage, lang)}`, formula: iv(z.name, "column") },
    ]);
    return regressionSheet("table4", labels, models, [seNote(), t(LABELS.kpNote, lang)]);
  }

  function table5(): TemplateSheet {
    const d = def;
    const rb = d.robustness;
    const x = refs.get("@x");
    const models: { caption: string; formula: (labels: Arg) => Formula }[] = [];
    if (rb.externalIndex) models.push({ caption: EXTERNAL_OUTCOME, formula: fereg(refs.get(EXTERNAL_OUTCOME), x) });
    models.push({ caption: `${PCA_OUTCOME} (PCA)`, formula: fereg(refs.get(PCA_OUTCOME), x) });
    if (d.treatmentAlt) models.push({ caption: d.treatmentAlt.column, formula: fereg(refs.get(d.outcome.name), refs.get("@xAlt")) });
    if (refs.has("@yDrop")) models.push({ caption: `≤ ${rb.dropGroupsWithAtMost}`, formula: fereg(refs.get("@yDrop"), x) });
    if (rb.winsor) models.push({ caption: `winsor ${rb.winsor[0]}/${rb.winsor[1]}`, formula: fereg(refs.get("@wy"), refs.get("@wx")) });
    const labels = [
      t(ROW.variable, lang),
      ...coefRows([d.treatment.column, ...(d.treatmentAlt ? [d.treatmentAlt.column] : []), ...d.controls.map(controlName)]),
      ...tail([t(ROW.nobs, lang), t(ROW.r2, lang)]),
    ];
    const notes = [seNote(), ...(refs.has("@yDrop") ? [fill(t(NOTE.drop, lang), String(rb.dropGroupsWithAtMost))] : [])];
    return regressionSheet("table5", labels, models.map((m, j) => ({ ...m, caption: `(${j + 1}) ${m.caption}` })), notes);
  }

  function table6(): TemplateSheet {
    const d = def;
    const outcomes = MECHANISMS.filter((k) => d.mechanisms[k]);
    const labels = [t(ROW.variable, lang), ...coefRows([d.treatment.column, ...d.controls.map(controlName)]), ...tail([t(ROW.nobs, lang), t(ROW.r2, lang)])];
    return regressionSheet("table6", labels, outcomes.map((o, j) => ({ caption: `(${j + 1}) ${o}`, formula: fereg(refs.get(o), refs.get("@x")) })), [seNote()]);
  }

  function table7(): TemplateSheet {
    const d = def;
    const dn = d.treatment.column;
    const labels = [
      t(ROW.variable, lang),
      ...coefRows([dn, ...d.moderators.map((m) => `${dn}_x_${m.name}`), ...d.moderators.map((m) => m.name), ...d.controls.map(controlName)]),
      ...tail([t(ROW.nobs, lang), t(ROW.r2, lang)]),
    ];
    return regressionSheet("table7", labels, d.moderators.map((m, j) => ({ caption: `(${j + 1}) ${m.name}`, formula: fereg(refs.get(d.outcome.name), refs.get(`@x7:${m.name}`)) })), [seNote()]);
  }

  return [table1(), table2(), table3(), table4(), table5(), table6(), table7()];
}
