import { Bilingual, Lang, t } from "../../i18n/lang";
import { fill, LABELS } from "../../i18n/tableLabels";
import { starLegend } from "../../tables/stars";
import { controlName, StudyDefinition } from "../definition";
import { TABLE_NAMES } from "../labels";
import { MECHANISMS } from "../tables/table6";
import { Arg, Formula, FunctionName } from "./formulas";
import { RangeRef, withRows } from "./ranges";

/**
 * The study as live worksheet formulas: a description (sheet → cells holding literal values
 * or formulas) that the command line writes into an .xlsx template and the task pane writes
 * through Office.js, both over the same data sheet (header in row 1, one row per city-year).
 *
 * - `Setup` lists the indicators with their dimension and direction (edit them there);
 * - `Vars` builds every study variable as a whole-column formula under a literal header
 *   (inn, ln controls, instruments × trend, cap, ris, ent, moderators, interactions), and
 *   lays out contiguous copies where a function needs several columns side by side;
 * - `Calc` holds the per-row CityPanel outputs (entropy and PCA indices, LQ, ris, winsorised
 *   columns) that `Vars` copies under the study's names;
 * - one sheet per table: the row labels in column A (literal, so models with different
 *   regressors line up through `rowlabels`) and one CITYPANEL formula per model column.
 *
 * @example
 * const tpl = studyTemplate(defaultStudy(), { sheet: "Data", names: header, rows: 2744 }, "en");
 * tpl.sheets.map((s) => s.name)   // ["Setup", "Vars", "Calc", "Table 1 Index weights", …]
 */
export interface TemplateCell {
  /** 1-based row, 0-based column. */
  readonly row: number;
  readonly col: number;
  readonly value?: string | number;
  readonly formula?: Formula;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface TemplateSheet {
  readonly key: string;
  readonly name: string;
  readonly cells: readonly TemplateCell[];
  readonly widths?: readonly number[];
}

export interface StudyTemplate {
  readonly sheets: readonly TemplateSheet[];
}

export interface DataSheetLayout {
  /** Name of the sheet holding the panel (header in row 1). */
  readonly sheet: string;
  /** Column names of row 1, from column A. */
  readonly names: readonly string[];
  /** Number of data rows (rows 2 … rows + 1). */
  readonly rows: number;
  /** The data are CityPanel's synthetic sample panel: every table sheet says so. */
  readonly synthetic?: boolean;
}

export const TEMPLATE_SHEETS = {
  setup: { en: "Setup", zh: "设定" },
  vars: { en: "Vars", zh: "变量" },
  calc: { en: "Calc", zh: "计算" },
} satisfies Record<string, Bilingual>;

/** Fixed row labels the regression functions match (either language works). */
const ROW = {
  variable: { en: "variable", zh: "变量" },
  nobs: { en: "N", zh: "样本量" },
  r2: { en: "R²", zh: "R²" },
  firstF: { en: "F of excluded instruments", zh: "排除性工具变量 F 统计量" },
  kpLM: { en: "Kleibergen-Paap rk LM", zh: "Kleibergen-Paap rk LM 统计量" },
  kpF: { en: "Kleibergen-Paap rk Wald F", zh: "Kleibergen-Paap rk Wald F 统计量" },
} satisfies Record<string, Bilingual>;

const NOTE = {
  live: {
    en: "Live CityPanel formulas: they calculate when the CityPanel add-in is loaded. If a cell shows #NAME?, select it and press F2, Enter (or use the task pane's “Repair formulas”).",
    zh: "本表为 CityPanel 实时公式，加载 CityPanel 加载项后计算。若单元格显示 #NAME?，请选中后按 F2、回车（或使用任务窗格中的“修复公式”）。",
  },
  drop: {
    en: "Column (4): rows of agglomerations with at most {0} cities in the year are set to #N/A in Vars (a missing outcome drops the row).",
    zh: "第（4）列：在“变量”表中将当年城市数不超过 {0} 个的城市群所在行设为 #N/A（被解释变量缺失即剔除该行）。",
  },
} satisfies Record<string, Bilingual>;

export function studyTemplate(def: StudyDefinition, data: DataSheetLayout, lang: Lang): StudyTemplate {
  const b = new Builder(def, data, lang);
  return { sheets: [b.setupSheet(), b.varsSheet(), b.calcSheet(), ...b.tableSheets()] };
}

class Builder {
  private readonly varsName: string;
  private readonly calcName: string;
  private readonly setupName: string;
  private readonly last: number;
  private readonly vars: TemplateCell[] = [];
  private readonly calc: TemplateCell[] = [];
  private varsCol = 0;
  private calcCol = 0;
  private readonly named = new Map<string, RangeRef>();

  constructor(private readonly def: StudyDefinition, private readonly data: DataSheetLayout, private readonly lang: Lang) {
    this.varsName = t(TEMPLATE_SHEETS.vars, lang);
    this.calcName = t(TEMPLATE_SHEETS.calc, lang);
    this.setupName = t(TEMPLATE_SHEETS.setup, lang);
    this.last = data.rows + 1;
  }

  // ── references ──────────────────────────────────────────────────────────────
  /** A data column's values (rows 2 … last), by name. */
  private dataBody(name: string): RangeRef {
    const c = this.data.names.indexOf(name);
    if (c < 0) throw new Error(`the data sheet has no column "${name}"`);
    return { sheet: this.data.sheet, c0: c, c1: c, r0: 2, r1: this.last };
  }
  private dataWithHeader = (name: string): RangeRef => withRows(this.dataBody(name), 1, this.last);
  private body = (ref: RangeRef): RangeRef => withRows(ref, 2, this.last);
  private span = (first: RangeRef, n: number): RangeRef => ({ ...first, c1: first.c0 + n - 1 });

  /** A Vars column: literal header in row 1, a whole-column formula in row 2. */
  private addVar(header: string, f: Formula): RangeRef {
    const c = this.varsCol++;
    this.vars.push({ row: 1, col: c, value: header, bold: true }, { row: 2, col: c, formula: f });
    return { sheet: this.varsName, c0: c, c1: c, r0: 1, r1: this.last };
  }
  /** Contiguous copies of Vars / data columns under their names (for multi-column arguments). */
  private block(cols: readonly { header: string; from: RangeRef }[]): RangeRef {
    const first = this.addVar(cols[0].header, { kind: "copy", from: this.body(cols[0].from) });
    for (const c of cols.slice(1)) this.addVar(c.header, { kind: "copy", from: this.body(c.from) });
    return this.span(first, cols.length);
  }
  /** A CityPanel per-row function in Calc (header + one value per row), width columns wide. */
  private addCalc(fn: FunctionName, args: Arg[], width = 1): RangeRef {
    const c = this.calcCol;
    this.calcCol += width + 1; // a blank column between spills
    this.calc.push({ row: 1, col: c, formula: { kind: "call", fn, args } });
    return { sheet: this.calcName, c0: c, c1: c + width - 1, r0: 1, r1: this.last };
  }
  private v(name: string): RangeRef {
    const r = this.named.get(name);
    if (!r) throw new Error(`template: variable "${name}" was not built`);
    return r;
  }
  private setNamed(name: string, ref: RangeRef): RangeRef { this.named.set(name, ref); return ref; }
  private range = (ref: RangeRef): Arg => ({ kind: "range", ref });
  private text = (value: string): Arg => ({ kind: "text", value });
  private num = (value: number): Arg => ({ kind: "number", value });
  private omitted: Arg = { kind: "omitted" };

  // ── Setup ───────────────────────────────────────────────────────────────────
  private setupDims?: RangeRef;
  private setupDirs?: RangeRef;
  setupSheet(): TemplateSheet {
    const d = this.def;
    const cells: TemplateCell[] = [];
    const head = [
      { en: "indicator", zh: "指标" }, { en: "dimension", zh: "维度" }, { en: "direction", zh: "方向" }, { en: "description", zh: "说明" },
    ];
    head.forEach((h, r) => cells.push({ row: r + 1, col: 0, value: t(h, this.lang), bold: true }));
    d.indicators.forEach((ind, j) => {
      const dim = d.dimensions.find((x) => x.key === ind.dimension);
      cells.push(
        { row: 1, col: j + 1, value: ind.column, bold: true },
        { row: 2, col: j + 1, value: ind.dimension },
        { row: 3, col: j + 1, value: ind.direction },
        { row: 4, col: j + 1, value: (ind.label ? t(ind.label, this.lang) : "") + (dim ? ` (${t(dim.label, this.lang)})` : "") },
      );
    });
    cells.push({
      row: 6, col: 0, italic: true,
      value: this.lang === "zh"
        ? "修改第 2、3 行（维度、方向“+”/“-”）后，表1 与综合指数随之更新。"
        : "Edit rows 2 and 3 (dimension, direction \"+\"/\"-\"): Table 1 and the index update.",
    });
    const n = d.indicators.length;
    this.setupDims = { sheet: this.setupName, c0: 1, c1: n, r0: 2, r1: 2 };
    this.setupDirs = { sheet: this.setupName, c0: 1, c1: n, r0: 3, r1: 3 };
    return { key: "setup", name: this.setupName, cells, widths: [14] };
  }

  // ── Vars and Calc ───────────────────────────────────────────────────────────
  private built = false;
  private indicatorBlock?: RangeRef;
  private build(): void {
    if (this.built) return;
    this.built = true;
    const d = this.def;
    const cols = d.columns;
    const copyData = (name: string, header = name) => this.setNamed(header, this.addVar(header, { kind: "copy", from: this.dataBody(name) }));
    copyData(cols.city);
    copyData(cols.year);
    if (cols.agglomeration) copyData(cols.agglomeration);

    // the outcome and its PCA twin from the indicators
    this.indicatorBlock = this.block(d.indicators.map((i) => ({ header: i.column, from: this.dataBody(i.column) })));
    const dirs = this.range(this.setupDirs!);
    const entropy = this.addCalc("ENTROPYWEIGHTS", [this.range(this.indicatorBlock), dirs, this.omitted, this.text("index"), this.num(d.entropy.method === "shift" ? d.entropy.shift : 0)]);
    const pca = this.addCalc("PCAINDEX", [this.range(this.indicatorBlock), dirs, this.text("index")]);
    this.setNamed(d.outcome.name, this.addVar(d.outcome.name, { kind: "copy", from: this.body(entropy) }));

    // treatment and controls (the baseline's x block)
    const controls = d.controls.map(controlName);
    const base = this.addVar(d.treatment.column, { kind: "copy", from: this.dataBody(d.treatment.column) });
    this.setNamed(d.treatment.column, base);
    d.controls.forEach((c) => {
      const f: Formula = c.log ? { kind: "ln", from: this.dataBody(c.column) } : { kind: "copy", from: this.dataBody(c.column) };
      this.setNamed(controlName(c), this.addVar(controlName(c), f));
    });
    this.setNamed("@x", this.span(base, 1 + controls.length));
    this.setNamed("@controls", { ...base, c0: base.c0 + 1, c1: base.c0 + controls.length });

    for (const iv of d.instruments) {
      const f: Formula = iv.timesTrend ? { kind: "timesTrend", from: this.dataBody(iv.column), year: this.dataBody(cols.year) } : { kind: "copy", from: this.dataBody(iv.column) };
      this.setNamed(iv.name, this.addVar(iv.name, f));
    }

    // robustness outcomes and the alternative treatment block
    if (d.robustness.externalIndex) copyData(d.robustness.externalIndex.column, "inn_1");
    this.setNamed("inn_2", this.addVar("inn_2", { kind: "copy", from: this.body(pca) }));
    if (d.treatmentAlt) {
      this.setNamed("@xAlt", this.block([{ header: d.treatmentAlt.column, from: this.dataBody(d.treatmentAlt.column) }, ...controls.map((c) => ({ header: c, from: this.v(c) }))]));
    }

    // mechanisms
    const m = d.mechanisms;
    if (m.cap) {
      const lq = this.addCalc("LOCQUOT", [this.range(this.dataWithHeader(m.cap.numerator)), this.range(this.dataWithHeader(m.cap.denominator)), this.range(this.dataWithHeader(cols.year))]);
      this.setNamed("cap", this.addVar("cap", { kind: "copy", from: this.body(lq) }));
    }
    if (m.ris) {
      const shares = this.block(m.ris.shares.map((s) => ({ header: s, from: this.dataBody(s) })));
      const ris = this.addCalc("INDSTRUCT", [this.range(shares)]);
      this.setNamed("ris", this.addVar("ris", { kind: "copy", from: this.body(ris) }));
    }
    if (m.ent) this.setNamed("ent", this.addVar("ent", { kind: "ratio", num: this.dataBody(m.ent.numerator), den: this.dataBody(m.ent.denominator), scale: m.ent.scale }));

    // moderators, then one x block per moderator for Table 7: digit, digit_x_m, m, controls
    for (const mo of d.moderators) {
      if (mo.pcaOf) {
        const comps = this.block(mo.pcaOf.map((c) => ({ header: c, from: this.dataBody(c) })));
        const idx = this.addCalc("PCAINDEX", [this.range(comps), this.omitted, this.text("index")]);
        this.setNamed(mo.name, this.addVar(mo.name, { kind: "copy", from: this.body(idx) }));
      } else {
        copyData(mo.column ?? mo.name, mo.name);
      }
    }
    for (const mo of d.moderators) {
      const inter = `${d.treatment.column}_x_${mo.name}`;
      const first = this.addVar(d.treatment.column, { kind: "copy", from: this.body(this.v(d.treatment.column)) });
      this.addVar(inter, { kind: "product", a: this.body(this.v(d.treatment.column)), b: this.body(this.v(mo.name)) });
      this.addVar(mo.name, { kind: "copy", from: this.body(this.v(mo.name)) });
      for (const c of controls) this.addVar(c, { kind: "copy", from: this.body(this.v(c)) });
      this.setNamed(`@x7:${mo.name}`, this.span(first, 3 + controls.length));
    }

    // Table 2's block: outcome, treatment, controls in levels, mechanisms
    const t2 = [
      { header: d.outcome.name, from: this.v(d.outcome.name) },
      { header: d.treatment.column, from: this.v(d.treatment.column) },
      ...d.controls.map((c) => ({ header: c.column, from: this.dataBody(c.column) })),
      ...MECHANISMS.filter((k) => m[k]).map((k) => ({ header: k, from: this.v(k) })),
    ];
    this.setNamed("@t2", this.block(t2));

    // Table 5: small agglomerations dropped; winsorised outcome, treatment, controls
    const k = d.robustness.dropGroupsWithAtMost;
    if (k !== undefined && cols.agglomeration) {
      const count = this.addVar("cities_in_group", { kind: "groupCount", group: this.dataBody(cols.agglomeration), year: this.dataBody(cols.year) });
      this.setNamed("inn_drop", this.addVar(`${d.outcome.name}_drop`, { kind: "keepAbove", test: this.body(count), min: k, value: this.body(this.v(d.outcome.name)) }));
    }
    if (d.robustness.winsor) {
      const w = this.block([d.outcome.name, d.treatment.column, ...controls].map((n) => ({ header: n, from: this.v(n) })));
      const width = 2 + controls.length;
      const out = this.addCalc("WINSOR", [this.range(w), this.num(d.robustness.winsor[0]), this.num(d.robustness.winsor[1])], width);
      this.setNamed("@wy", { ...out, c1: out.c0 });
      this.setNamed("@wx", { ...out, c0: out.c0 + 1 });
    }
  }

  varsSheet(): TemplateSheet {
    this.build();
    return { key: "vars", name: this.varsName, cells: this.vars };
  }
  calcSheet(): TemplateSheet {
    this.build();
    return { key: "calc", name: this.calcName, cells: this.calc };
  }

  // ── the tables ──────────────────────────────────────────────────────────────
  tableSheets(): TemplateSheet[] {
    this.build();
    return [this.table1(), this.table2(), this.table3(), this.table4(), this.table5(), this.table6(), this.table7()];
  }

  private sheetOf(id: string): { name: string; title: string } {
    return { name: t(TABLE_NAMES[id].sheet, this.lang), title: t(TABLE_NAMES[id].title, this.lang) };
  }
  private vcovArgs(): Arg[] {
    const d = this.def;
    if (d.vcov !== "cluster") return [this.text(d.vcov), this.omitted];
    const name = d.cluster ?? d.columns.city;
    return [this.text("cluster"), this.range(this.named.get(name) ?? this.setNamed(name, this.addVar(name, { kind: "copy", from: this.dataBody(name) })))];
  }
  private fe(): RangeRef {
    const city = this.v(this.def.columns.city);
    return { ...city, c1: city.c0 + 1 }; // city and year are the first two Vars columns
  }

  /** A regression table: literal row labels in A, captions in row 2, one formula per model in row 3. */
  private regressionSheet(id: string, labels: string[], models: { caption: string; formula: (labels: Arg) => Formula }[], notes: string[]): TemplateSheet {
    const { name, title } = this.sheetOf(id);
    const cells: TemplateCell[] = [{ row: 1, col: 0, value: title, bold: true }];
    const top = 3;
    const labelRange: RangeRef = { sheet: name, c0: 0, c1: 0, r0: top, r1: top + labels.length - 1 };
    labels.forEach((l, i) => cells.push({ row: top + i, col: 0, value: l, bold: i === 0 }));
    models.forEach((m, j) => {
      cells.push({ row: 2, col: j + 1, value: m.caption, bold: true });
      cells.push({ row: top, col: j + 1, formula: m.formula(this.range(labelRange)) });
    });
    const n0 = top + labels.length + 1;
    [...notes, fill(t(LABELS.starLegend, this.lang), starLegend()), ...this.dataNote(), t(NOTE.live, this.lang)].forEach((note, i) => cells.push({ row: n0 + i, col: 0, value: note, italic: true }));
    return { key: id, name, cells, widths: [24, ...models.map(() => 16)] };
  }
  private dataNote = (): string[] => (this.data.synthetic ? [t(LABELS.synthetic, this.lang)] : []);
  private coefRows = (names: readonly string[]): string[] => names.flatMap((n) => [n, ""]);
  private tail = (stats: string[]): string[] => [`${this.def.columns.city} FE`, `${this.def.columns.year} FE`, ...stats];
  private seNote(): string {
    const d = this.def;
    if (d.vcov === "cluster") return fill(t(LABELS.seCluster, this.lang), d.cluster ?? d.columns.city);
    return t(d.vcov === "iid" ? LABELS.seIid : LABELS.seRobust, this.lang);
  }
  private fereg(y: RangeRef, x: RangeRef, withFe = true): (labels: Arg) => Formula {
    return (labels) => ({ kind: "call", fn: "FEREG", args: [this.range(y), this.range(x), withFe ? this.range(this.fe()) : this.omitted, ...this.vcovArgs(), this.text("column"), labels] });
  }

  private table1(): TemplateSheet {
    const { name, title } = this.sheetOf("table1");
    const d = this.def;
    const args = (output: string): Arg[] => [this.range(this.indicatorBlock!), this.range(this.setupDirs!), this.omitted, this.text(output), this.num(d.entropy.method === "shift" ? d.entropy.shift : 0), this.range(this.setupDims!)];
    return {
      key: "table1", name,
      cells: [
        { row: 1, col: 0, value: title, bold: true },
        { row: 3, col: 0, formula: { kind: "call", fn: "ENTROPYWEIGHTS", args: args("table") } },
        { row: 3, col: 8, formula: { kind: "call", fn: "ENTROPYWEIGHTS", args: args("dimensions") } },
        { row: d.indicators.length + 6, col: 0, italic: true, value: this.lang === "zh" ? "注：权重为小数（乘以 100 即为百分比）；指标方向与维度见“设定”表。" : "Note: weights are fractions (× 100 for percent); directions and dimensions are on the Setup sheet." },
        ...this.dataNote().map((value) => ({ row: d.indicators.length + 7, col: 0, italic: true, value })),
        { row: d.indicators.length + 8, col: 0, italic: true, value: t(NOTE.live, this.lang) },
      ],
      widths: [12, 16, 12, 12, 12, 12, 12, 4, 16, 12],
    };
  }

  private table2(): TemplateSheet {
    const { name, title } = this.sheetOf("table2");
    return {
      key: "table2", name,
      cells: [
        { row: 1, col: 0, value: title, bold: true },
        { row: 3, col: 0, formula: { kind: "call", fn: "DESCSTATS", args: [this.range(this.v("@t2"))] } },
        ...this.dataNote().map((value) => ({ row: 18, col: 0, italic: true, value })),
        { row: 19, col: 0, italic: true, value: t(NOTE.live, this.lang) },
      ],
      widths: [14, 8, 12, 12, 12, 12],
    };
  }

  private table3(): TemplateSheet {
    const d = this.def;
    const x = [d.treatment.column, ...d.controls.map(controlName)];
    const y = this.v(d.outcome.name);
    const labels = [t(ROW.variable, this.lang), ...this.coefRows([...x, "_cons"]), ...this.tail([t(ROW.nobs, this.lang), t(ROW.r2, this.lang)])];
    return this.regressionSheet("table3", labels, [
      { caption: "(1)", formula: this.fereg(y, this.v("@x"), false) },
      { caption: "(2)", formula: this.fereg(y, this.v("@x")) },
    ], [this.seNote()]);
  }

  private table4(): TemplateSheet {
    const d = this.def;
    const controls = d.controls.map(controlName);
    const labels = [
      t(ROW.variable, this.lang), ...this.coefRows([...d.instruments.map((i) => i.name), d.treatment.column, ...controls]),
      ...this.tail([t(ROW.firstF, this.lang), t(ROW.kpLM, this.lang), "", t(ROW.kpF, this.lang), "", t(ROW.nobs, this.lang)]),
    ];
    const iv = (z: string, output: string) => (labels: Arg): Formula => ({
      kind: "call", fn: "IV2SLS",
      args: [this.range(this.v(d.outcome.name)), this.range(this.v(d.treatment.column)), this.range(this.v(z)), this.range(this.v("@controls")), this.range(this.fe()), ...this.vcovArgs(), this.text(output), labels],
    });
    const models = d.instruments.flatMap((z, k) => [
      { caption: `(${2 * k + 1}) ${t(LABELS.firstStage, this.lang)}`, formula: iv(z.name, "first") },
      { caption: `(${2 * k + 2}) ${t(LABELS.secondStage, this.lang)}`, formula: iv(z.name, "column") },
    ]);
    return this.regressionSheet("table4", labels, models, [this.seNote(), t(LABELS.kpNote, this.lang)]);
  }

  private table5(): TemplateSheet {
    const d = this.def;
    const rb = d.robustness;
    const x = this.v("@x");
    const models: { caption: string; formula: (labels: Arg) => Formula }[] = [];
    if (rb.externalIndex) models.push({ caption: "inn_1", formula: this.fereg(this.v("inn_1"), x) });
    models.push({ caption: "inn_2 (PCA)", formula: this.fereg(this.v("inn_2"), x) });
    if (d.treatmentAlt) models.push({ caption: d.treatmentAlt.column, formula: this.fereg(this.v(d.outcome.name), this.v("@xAlt")) });
    if (this.named.has("inn_drop")) models.push({ caption: `≤ ${rb.dropGroupsWithAtMost}`, formula: this.fereg(this.v("inn_drop"), x) });
    if (rb.winsor) models.push({ caption: `winsor ${rb.winsor[0]}/${rb.winsor[1]}`, formula: this.fereg(this.v("@wy"), this.v("@wx")) });
    const labels = [
      t(ROW.variable, this.lang),
      ...this.coefRows([d.treatment.column, ...(d.treatmentAlt ? [d.treatmentAlt.column] : []), ...d.controls.map(controlName)]),
      ...this.tail([t(ROW.nobs, this.lang), t(ROW.r2, this.lang)]),
    ];
    const notes = [this.seNote(), ...(this.named.has("inn_drop") ? [fill(t(NOTE.drop, this.lang), String(rb.dropGroupsWithAtMost))] : [])];
    return this.regressionSheet("table5", labels, models.map((m, j) => ({ ...m, caption: `(${j + 1}) ${m.caption}` })), notes);
  }

  private table6(): TemplateSheet {
    const d = this.def;
    const outcomes = MECHANISMS.filter((k) => d.mechanisms[k]);
    const labels = [t(ROW.variable, this.lang), ...this.coefRows([d.treatment.column, ...d.controls.map(controlName)]), ...this.tail([t(ROW.nobs, this.lang), t(ROW.r2, this.lang)])];
    return this.regressionSheet("table6", labels, outcomes.map((o, j) => ({ caption: `(${j + 1}) ${o}`, formula: this.fereg(this.v(o), this.v("@x")) })), [this.seNote()]);
  }

  private table7(): TemplateSheet {
    const d = this.def;
    const dn = d.treatment.column;
    const labels = [
      t(ROW.variable, this.lang),
      ...this.coefRows([dn, ...d.moderators.map((m) => `${dn}_x_${m.name}`), ...d.moderators.map((m) => m.name), ...d.controls.map(controlName)]),
      ...this.tail([t(ROW.nobs, this.lang), t(ROW.r2, this.lang)]),
    ];
    return this.regressionSheet("table7", labels, d.moderators.map((m, j) => ({ caption: `(${j + 1}) ${m.name}`, formula: this.fereg(this.v(d.outcome.name), this.v(`@x7:${m.name}`)) })), [this.seNote()]);
  }
}
