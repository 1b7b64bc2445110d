import { Lang, t } from "../../i18n/lang";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "../definition";
import { ModelSpec, SampleRule } from "../design/modelSpec";
import { MECHANISMS } from "../design/studyDesign";
import { table1Indicators } from "../tables/table1";
import { Arg, Formula, FunctionName } from "./formulas";
import { RangeRef, withRows } from "./ranges";
import { DataSheetLayout, numberArg, OMITTED, rangeArg, TemplateCell, TemplateSheet, TEMPLATE_SHEETS, textArg } from "./templateTypes";

/**
 * The template's variable sheets over the data sheet:
 * - `Setup`: the indicators with their dimension and direction (rows the user edits);
 * - `Vars`: every study variable as a whole-column formula under a literal header (inn, ln
 *   controls, instruments × trend, cap, ris, ent, moderators, interactions), and contiguous
 *   copies where a function needs several columns side by side (keyed by their content: the blocks of
 *   the models the study design declares, see `model(spec)`);
 * - `Calc`: the per-row CityPanel outputs (entropy and PCA indices, LQ, ris, winsorised
 *   columns) that Vars copies under the study's names.
 * Returns the sheets and the references the table sheets use.
 *
 * @example
 * const { refs } = variableSheets(defaultStudy(), { sheet: "Data", names, rows: 2744 }, "en");
 * refs.get("inn")   // { sheet: "Vars", c0: 28, c1: 28, r0: 1, r1: 2745 }
 */
export interface VariableRefs {
  /** A variable by name (with its header row). */
  get(name: string): RangeRef;
  has(name: string): boolean;
  /** The ranges of a declared model (../design/modelSpec.ts) on its sample; blocks not built yet are added to Vars. */
  model(spec: ModelSpec): ModelRefs;
  /** Table 2's variables side by side. */
  readonly table2: RangeRef;
  readonly indicators: RangeRef;
  readonly directions: RangeRef;
  readonly dimensions: RangeRef;
  /** Setup's rows of the indicators' names, units and dimension names (Table 1's words), one column per indicator in Table 1's order. */
  readonly setupNames: RangeRef;
  readonly setupUnits: RangeRef;
  readonly setupDimensionNames: RangeRef;
  /** City and year, side by side. */
  readonly fe: RangeRef;
  /** The cluster variable when the study clusters. */
  readonly cluster?: RangeRef;
}

/** Outcome, regressor block and (2SLS) endogenous and instrument blocks of one model. */
export interface ModelRefs {
  readonly y: RangeRef;
  readonly x: RangeRef;
  readonly endogenous?: RangeRef;
  readonly instruments?: RangeRef;
}

/** Key of a block of variables side by side on a sample. */
const blockKey = (rule: SampleRule, names: readonly string[]): string =>
  `${rule.kind === "all" ? "all" : rule.kind === "winsor" ? `winsor ${rule.cuts.join("/")}` : `drop ≤ ${rule.atMost}`}: ${names.join(",")}`;

export function variableSheets(def: StudyDefinition, data: DataSheetLayout, lang: Lang): { sheets: TemplateSheet[]; refs: VariableRefs } {
  const last = data.rows + 1;
  const varsName = t(TEMPLATE_SHEETS.vars, lang);
  const calcName = t(TEMPLATE_SHEETS.calc, lang);
  const vars: TemplateCell[] = [];
  const calc: TemplateCell[] = [];
  let varsCol = 0;
  let calcCol = 0;
  const named = new Map<string, RangeRef>();

  /** A data column's values (rows 2 … last), by name. */
  const dataBody = (name: string): RangeRef => {
    const c = data.names.indexOf(name);
    if (c < 0) throw new Error(`the data sheet has no column "${name}"`);
    return { sheet: data.sheet, c0: c, c1: c, r0: 2, r1: last };
  };
  const dataWithHeader = (name: string): RangeRef => withRows(dataBody(name), 1, last);
  const body = (ref: RangeRef): RangeRef => withRows(ref, 2, last);
  const span = (first: RangeRef, n: number): RangeRef => ({ ...first, c1: first.c0 + n - 1 });
  /** A Vars column: literal header in row 1, a whole-column formula in row 2. */
  const addVar = (header: string, f: Formula): RangeRef => {
    const c = varsCol++;
    vars.push({ row: 1, col: c, value: header, bold: true }, { row: 2, col: c, formula: f });
    return { sheet: varsName, c0: c, c1: c, r0: 1, r1: last };
  };
  /** Contiguous copies of Vars / data columns under their names (for multi-column arguments). */
  const block = (cols: readonly { header: string; from: RangeRef }[]): RangeRef => {
    const first = addVar(cols[0].header, { kind: "copy", from: body(cols[0].from) });
    for (const c of cols.slice(1)) addVar(c.header, { kind: "copy", from: body(c.from) });
    return span(first, cols.length);
  };
  /** A CityPanel per-row function in Calc (header + one value per row), width columns wide. */
  const addCalc = (fn: FunctionName, args: Arg[], width = 1): RangeRef => {
    const c = calcCol;
    calcCol += width + 1; // a blank column between spills
    calc.push({ row: 1, col: c, formula: { kind: "call", fn, args } });
    return { sheet: calcName, c0: c, c1: c + width - 1, r0: 1, r1: last };
  };
  const v = (name: string): RangeRef => {
    const r = named.get(name);
    if (!r) throw new Error(`template: variable "${name}" was not built`);
    return r;
  };
  const setNamed = (name: string, ref: RangeRef): RangeRef => { named.set(name, ref); return ref; };
  const blocks = new Map<string, RangeRef>();
  const setBlock = (rule: SampleRule, names: readonly string[], ref: RangeRef): RangeRef => { blocks.set(blockKey(rule, names), ref); return ref; };
  const ALL: SampleRule = { kind: "all" };
  /** A variable built in Vars, or else the data column of that name. */
  const source = (name: string): RangeRef => named.get(name) ?? dataBody(name);
  /**
   * Variables side by side (one variable: itself), built on first use. A variable a table shows
   * on another variable's row (`rowAs`: Table 5's alternative digit on the digit row) is headed
   * by that row's name, so the formula's rowlabels put it there.
   */
  const regressorBlock = (names: readonly string[], rowAs: Readonly<Record<string, string>> = {}): RangeRef => {
    const header = (n: string) => (rowAs[n] && !rowAs[n].startsWith("@") ? rowAs[n] : n);
    if (names.length === 1 && header(names[0]) === names[0]) return source(names[0]);
    const key = names.map((n) => (header(n) === n ? n : `${n} as ${header(n)}`));
    return blocks.get(blockKey(ALL, key)) ?? setBlock(ALL, key, block(names.map((n) => ({ header: header(n), from: source(n) }))));
  };
  /** The outcome with the rows of agglomerations of at most k cities (in the year) set to #N/A. */
  let groupCount: RangeRef | undefined;
  const droppedOutcome = (y: string, k: number): RangeRef => {
    const rule: SampleRule = { kind: "dropSmallGroups", atMost: k };
    const hit = blocks.get(blockKey(rule, [y]));
    if (hit) return hit;
    if (!cols.agglomeration) throw new Error("template: dropping small agglomerations needs an agglomeration column");
    groupCount ??= addVar("cities_in_group", { kind: "groupCount", group: dataBody(cols.agglomeration), year: dataBody(cols.year) });
    return setBlock(rule, [y], addVar(`${y}_drop`, { kind: "keepAbove", test: body(groupCount), min: k, value: body(source(y)) }));
  };
  /** Outcome and regressors winsorised together (one WINSOR spill in Calc). */
  const winsorised = (names: readonly string[], cuts: readonly [number, number]): RangeRef => {
    const rule: SampleRule = { kind: "winsor", cuts };
    const hit = blocks.get(blockKey(rule, names));
    if (hit) return hit;
    const w = block(names.map((n) => ({ header: n, from: source(n) })));
    return setBlock(rule, names, addCalc("WINSOR", [rangeArg(w), numberArg(cuts[0]), numberArg(cuts[1])], names.length));
  };
  const model = (spec: ModelSpec): ModelRefs => {
    const iv = spec.estimator === "iv2sls"
      ? { endogenous: regressorBlock(spec.endogenous ?? []), instruments: regressorBlock(spec.instruments ?? []) }
      : {};
    if (spec.sample.kind === "winsor") {
      const w = winsorised([spec.outcome, ...spec.regressors], spec.sample.cuts);
      return { y: { ...w, c1: w.c0 }, x: { ...w, c0: w.c0 + 1 }, ...iv };
    }
    const y = spec.sample.kind === "dropSmallGroups" ? droppedOutcome(spec.outcome, spec.sample.atMost) : source(spec.outcome);
    return { y, x: regressorBlock(spec.regressors, spec.rowAs), ...iv };
  };

  const setup = setupSheet(def, lang);
  const directions = setup.directions;
  const d = def;
  const cols = d.columns;
  const copyData = (name: string, header = name) => setNamed(header, addVar(header, { kind: "copy", from: dataBody(name) }));
  copyData(cols.city);
  copyData(cols.year);
  if (cols.agglomeration) copyData(cols.agglomeration);

  // the outcome and its PCA twin from the indicators
  const indicatorBlock = block(table1Indicators(d).map((i) => ({ header: i.column, from: dataBody(i.column) })));
  const dirs = rangeArg(directions);
  const entropy = addCalc("ENTROPYWEIGHTS", [rangeArg(indicatorBlock), dirs, OMITTED, textArg("index"), numberArg(d.entropy.method === "shift" ? d.entropy.shift : 0)]);
  const pca = addCalc("PCAINDEX", [rangeArg(indicatorBlock), dirs, textArg("index")]);
  setNamed(d.outcome.name, addVar(d.outcome.name, { kind: "copy", from: body(entropy) }));

  // treatment and controls (the baseline's x block)
  const controls = d.controls.map(controlName);
  const base = addVar(d.treatment.column, { kind: "copy", from: dataBody(d.treatment.column) });
  setNamed(d.treatment.column, base);
  d.controls.forEach((c) => {
    const f: Formula = c.log ? { kind: "ln", from: dataBody(c.column) } : { kind: "copy", from: dataBody(c.column) };
    setNamed(controlName(c), addVar(controlName(c), f));
  });
  setBlock(ALL, [d.treatment.column, ...controls], span(base, 1 + controls.length));
  setBlock(ALL, controls, { ...base, c0: base.c0 + 1, c1: base.c0 + controls.length });

  for (const iv of d.instruments) {
    const f: Formula = iv.timesTrend ? { kind: "timesTrend", from: dataBody(iv.column), year: dataBody(cols.year) } : { kind: "copy", from: dataBody(iv.column) };
    setNamed(iv.name, addVar(iv.name, f));
  }

  // robustness outcomes and the alternative treatment block
  if (d.robustness.externalIndex) copyData(d.robustness.externalIndex.column, EXTERNAL_OUTCOME);
  setNamed(PCA_OUTCOME, addVar(PCA_OUTCOME, { kind: "copy", from: body(pca) }));
  if (d.treatmentAlt) regressorBlock([d.treatmentAlt.column, ...controls], { [d.treatmentAlt.column]: d.treatment.column });

  // mechanisms
  const m = d.mechanisms;
  if (m.cap) {
    const lq = addCalc("LOCQUOT", [rangeArg(dataWithHeader(m.cap.numerator)), rangeArg(dataWithHeader(m.cap.denominator)), rangeArg(dataWithHeader(cols.year))]);
    setNamed("cap", addVar("cap", { kind: "copy", from: body(lq) }));
  }
  if (m.ris) {
    const shares = block(m.ris.shares.map((s) => ({ header: s, from: dataBody(s) })));
    const ris = addCalc("INDSTRUCT", [rangeArg(shares)]);
    setNamed("ris", addVar("ris", { kind: "copy", from: body(ris) }));
  }
  if (m.ent) setNamed("ent", addVar("ent", { kind: "ratio", num: dataBody(m.ent.numerator), den: dataBody(m.ent.denominator), scale: m.ent.scale }));

  // moderators, then one x block per moderator for Table 7: digit, digit_x_m, m, controls
  for (const mo of d.moderators) {
    if (mo.pcaOf) {
      const comps = block(mo.pcaOf.map((c) => ({ header: c, from: dataBody(c) })));
      const idx = addCalc("PCAINDEX", [rangeArg(comps), OMITTED, textArg("index")]);
      setNamed(mo.name, addVar(mo.name, { kind: "copy", from: body(idx) }));
    } else {
      copyData(mo.column ?? mo.name, mo.name);
    }
  }
  for (const mo of d.moderators) {
    const inter = `${d.treatment.column}_x_${mo.name}`;
    const first = addVar(d.treatment.column, { kind: "copy", from: body(v(d.treatment.column)) });
    addVar(inter, { kind: "product", a: body(v(d.treatment.column)), b: body(v(mo.name)) });
    addVar(mo.name, { kind: "copy", from: body(v(mo.name)) });
    for (const c of controls) addVar(c, { kind: "copy", from: body(v(c)) });
    setBlock(ALL, [d.treatment.column, inter, mo.name, ...controls], span(first, 3 + controls.length));
  }

  // Table 2's block: outcome, treatment, controls in levels, mechanisms
  const t2 = [
    { header: d.outcome.name, from: v(d.outcome.name) },
    { header: d.treatment.column, from: v(d.treatment.column) },
    ...d.controls.map((c) => ({ header: c.column, from: dataBody(c.column) })),
    ...MECHANISMS.filter((k) => m[k]).map((k) => ({ header: k, from: v(k) })),
  ];
  const table2 = block(t2);

  // Table 5: small agglomerations dropped; winsorised outcome, treatment, controls
  const k = d.robustness.dropGroupsWithAtMost;
  if (k !== undefined && cols.agglomeration) droppedOutcome(d.outcome.name, k);
  if (d.robustness.winsor) winsorised([d.outcome.name, d.treatment.column, ...controls], d.robustness.winsor);

  let cluster: RangeRef | undefined;
  if (d.vcov === "cluster") {
    const name = d.cluster ?? cols.city;
    cluster = named.get(name) ?? copyData(name);
  }
  const city = v(cols.city);
  return {
    sheets: [setup.sheet, { key: "vars", name: varsName, cells: vars }, { key: "calc", name: calcName, cells: calc }],
    refs: {
      get: v,
      has: (name) => named.has(name),
      model,
      table2,
      indicators: indicatorBlock,
      directions,
      dimensions: setup.dimensions,
      setupNames: setup.names,
      setupUnits: setup.units,
      setupDimensionNames: setup.dimensionNames,
      fe: { ...city, c1: city.c0 + 1 }, // city and year are the first two Vars columns
      cluster,
    },
  };
}

/**
 * The Setup sheet: one column per indicator, in Table 1's order, with its name, dimension,
 * direction, and the words Table 1 shows (name, unit, dimension name).
 */
function setupSheet(def: StudyDefinition, lang: Lang): { sheet: TemplateSheet; dimensions: RangeRef; directions: RangeRef; names: RangeRef; units: RangeRef; dimensionNames: RangeRef } {
  const setupName = t(TEMPLATE_SHEETS.setup, lang);
  const d = def;
  const cells: TemplateCell[] = [];
  const head = [
    { en: "indicator", zh: "指标" }, { en: "dimension", zh: "维度" }, { en: "direction", zh: "方向" },
    { en: "name", zh: "名称" }, { en: "unit", zh: "单位" }, { en: "dimension name", zh: "维度名称" },
  ];
  head.forEach((h, r) => cells.push({ row: r + 1, col: 0, value: t(h, lang), bold: true }));
  const indicators = table1Indicators(d);
  indicators.forEach((ind, j) => {
    const dim = d.dimensions.find((x) => x.key === ind.dimension);
    cells.push(
      { row: 1, col: j + 1, value: ind.column, bold: true },
      { row: 2, col: j + 1, value: ind.dimension },
      { row: 3, col: j + 1, value: ind.direction },
      { row: 4, col: j + 1, value: ind.label ? t(ind.label, lang) : ind.column },
      ...(ind.unit ? [{ row: 5, col: j + 1, value: t(ind.unit, lang) }] : []),
      ...(dim ? [{ row: 6, col: j + 1, value: t(dim.label, lang) }] : []),
    );
  });
  cells.push({
    row: 8, col: 0, italic: true,
    value: lang === "zh"
      ? "修改第 2、3 行（维度、方向“+”/“-”）后，表1 与综合指数随之更新；第 4–6 行为表1 显示的名称、单位和维度名称。"
      : "Edit rows 2 and 3 (dimension, direction \"+\"/\"-\"): Table 1 and the index update. Rows 4–6 are the name, unit and dimension name Table 1 shows.",
  });
  const n = indicators.length;
  const row = (r: number): RangeRef => ({ sheet: setupName, c0: 1, c1: n, r0: r, r1: r });
  return {
    sheet: { key: "setup", name: setupName, cells, widths: [14] },
    dimensions: row(2), directions: row(3), names: row(4), units: row(5), dimensionNames: row(6),
  };
}
