import { Bilingual, Lang, t } from "../../i18n/lang";
import { LABELS } from "../../i18n/tableLabels";
import { describeColumn } from "../../index/describe";
import { JournalTable, RowKind } from "../../tables/journalTable";
import { count, fixed } from "../../tables/numberFormat";
import { StudyDefinition } from "../definition";
import { designOf, MECHANISMS, variableTitle } from "../design/studyDesign";
import { variableLabel } from "../labels";
import { panelVar, StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";

/**
 * Table 2 as the paper prints it: variable type (被解释变量 / 解释变量 / 控制变量 / 机制变量,
 * on the first row of each group), the variable's name in words, its symbol, then N, mean,
 * SD (n − 1), min and max — of the outcome, the treatment, the controls in levels and the
 * mechanism variables, missing values ignored.
 *
 * @example
 * table2(defaultStudy(), panel, "zh", log).body[0]   // ["被解释变量", "城市群内城市创新能力", "inn", "2744", "0.0571", …]
 */
const TYPE = {
  outcome: { en: "Dependent variable", zh: "被解释变量" },
  treatment: { en: "Explanatory variable", zh: "解释变量" },
  control: { en: "Control variables", zh: "控制变量" },
  mechanism: { en: "Mechanism variables", zh: "机制变量" },
} satisfies Record<string, Bilingual>;

export function table2Variables(def: StudyDefinition): { name: string; type: Bilingual; symbol: (lang: Lang) => string }[] {
  const vars = [
    { name: def.outcome.name, type: TYPE.outcome, symbol: (lang: Lang) => variableLabel(def, def.outcome.name, lang) },
    { name: def.treatment.column, type: TYPE.treatment, symbol: (lang: Lang) => variableLabel(def, def.treatment.column, lang) },
    ...def.controls.map((c) => ({ name: c.column, type: TYPE.control, symbol: () => c.column })),
  ];
  for (const m of MECHANISMS) {
    const spec = def.mechanisms[m];
    if (spec) vars.push({ name: m, type: TYPE.mechanism, symbol: (lang: Lang) => (spec.label ? t(spec.label, lang) : m) });
  }
  return vars;
}

const H = {
  type: { en: "Type", zh: "变量类型" },
  name: { en: "Variable", zh: "变量名称" },
  symbol: { en: "Symbol", zh: "变量" },
  n: LABELS.nobs,
  mean: { en: "Mean", zh: "均值" },
  sd: { en: "SD", zh: "标准差" },
  min: { en: "Min", zh: "最小值" },
  max: { en: "Max", zh: "最大值" },
};

export function table2(def: StudyDefinition, p: StudyPanel, lang: Lang, _log: ModelLog): JournalTable {
  return table2Table(def, lang, (name) => describeColumn(panelVar(p, name)));
}

/** Table 2 from each variable's statistics; without them (the live-formula template's frame) the statistics are blank. */
export function table2Table(def: StudyDefinition, lang: Lang, describe?: (name: string) => { n: number; mean: number; sd: number; min: number; max: number }): JournalTable {
  const body: string[][] = [];
  const values: (number | null)[][] = [];
  const kinds: RowKind[] = [];
  let lastType = "";
  for (const v of table2Variables(def)) {
    const d = describe?.(v.name);
    const type = t(v.type, lang);
    body.push([type === lastType ? "" : type, t(variableTitle(def, v.name), lang), v.symbol(lang), ...(d ? [count(d.n), fixed(d.mean), fixed(d.sd), fixed(d.min), fixed(d.max)] : ["", "", "", "", ""])]);
    lastType = type;
    values.push([null, null, null, ...(d ? [d.n, d.mean, d.sd, d.min, d.max] : [null, null, null, null, null])]);
    kinds.push("stat");
  }
  const design = designOf("table2");
  return {
    id: "table2",
    sheetName: t(design.sheet, lang),
    title: t(design.title, lang),
    header: [[H.type, H.name, H.symbol, H.n, H.mean, H.sd, H.min, H.max].map((h) => t(h, lang))],
    body,
    bodyKinds: kinds,
    values,
    leftColumns: [0, 1, 2],
    notes: [
      lang === "zh"
        ? "注：控制变量为取对数前的水平值；标准差为样本标准差（n − 1）；缺失值不计入。"
        : "Note: controls in levels (before logs); SD is the sample standard deviation (n − 1); missing values are left out.",
    ],
  };
}
