import { Lang, t } from "../../i18n/lang";
import { LABELS } from "../../i18n/tableLabels";
import { describeColumn } from "../../index/describe";
import { JournalTable, RowKind } from "../../tables/journalTable";
import { count, fixed } from "../../tables/numberFormat";
import { StudyDefinition } from "../definition";
import { variableLabel } from "../labels";
import { designOf } from "../design/studyDesign";
import { panelVar, StudyPanel } from "../panel";
import { ModelLog } from "./modelLog";
import { MECHANISMS } from "../design/studyDesign";

/**
 * Table 2: N, mean, SD (n − 1), min and max of the outcome, the treatment, the controls in
 * levels (as the paper reports them) and the mechanism variables, missing values ignored.
 *
 * @example
 * table2(defaultStudy(), panel, "en", log).body[0]   // ["inn", "2744", "0.0571", …]
 */
export function table2Variables(def: StudyDefinition): { name: string; label: (lang: Lang) => string }[] {
  const vars = [
    { name: def.outcome.name, label: (lang: Lang) => variableLabel(def, def.outcome.name, lang) },
    { name: def.treatment.column, label: (lang: Lang) => variableLabel(def, def.treatment.column, lang) },
    ...def.controls.map((c) => ({ name: c.column, label: () => c.column })),
  ];
  for (const m of MECHANISMS) {
    const spec = def.mechanisms[m];
    if (spec) vars.push({ name: m, label: (lang: Lang) => (spec.label ? t(spec.label, lang) : m) });
  }
  return vars;
}

const H = {
  n: LABELS.nobs,
  mean: { en: "Mean", zh: "均值" },
  sd: { en: "SD", zh: "标准差" },
  min: { en: "Min", zh: "最小值" },
  max: { en: "Max", zh: "最大值" },
};

export function table2(def: StudyDefinition, p: StudyPanel, lang: Lang, _log: ModelLog): JournalTable {
  const body: string[][] = [];
  const values: (number | null)[][] = [];
  const kinds: RowKind[] = [];
  for (const v of table2Variables(def)) {
    const d = describeColumn(panelVar(p, v.name));
    body.push([v.label(lang), count(d.n), fixed(d.mean), fixed(d.sd), fixed(d.min), fixed(d.max)]);
    values.push([null, d.n, d.mean, d.sd, d.min, d.max]);
    kinds.push("stat");
  }
  return {
    id: "table2",
    sheetName: t(designOf("table2").sheet, lang),
    title: t(designOf("table2").title, lang),
    header: [[t(LABELS.variable, lang), ...[H.n, H.mean, H.sd, H.min, H.max].map((h) => t(h, lang))]],
    body,
    bodyKinds: kinds,
    values,
    notes: [
      lang === "zh"
        ? "注：控制变量为取对数前的水平值；标准差为样本标准差（n − 1）；缺失值不计入。"
        : "Note: controls in levels (before logs); SD is the sample standard deviation (n − 1); missing values are left out.",
    ],
  };
}
