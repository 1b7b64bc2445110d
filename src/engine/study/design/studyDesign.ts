import { Bilingual, Lang, t } from "../../i18n/lang";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "../definition";
import { variableLabel } from "../labels";
import { ALL_ROWS, ModelSpec } from "./modelSpec";

/**
 * The study defined once: Tables 1–7 in the paper's order, their names, and for each
 * regression table the list of its model columns (./modelSpec.ts) and the rows it shows.
 * The runner (../tables), the live-formula template (../template) and the task pane's table
 * list all read this registry, so adding a column to a table is one edit here.
 *
 * @example
 * STUDY_DESIGN.map((d) => d.id)                       // ["table1", …, "table7"]
 * designOf("table5").regression!.models(defaultStudy()).map((m) => m.key)
 * // ["table5.external", "table5.pca", "table5.alt", "table5.drop", "table5.winsor"]
 */
export type TableId = "table1" | "table2" | "table3" | "table4" | "table5" | "table6" | "table7";

/** A coefficient row of a regression table: the variable (or a shared row such as "@instrument") and its label. */
export interface ShownRow {
  readonly name: string;
  readonly label: (def: StudyDefinition, lang: Lang) => string;
}

export interface RegressionDesign {
  /** The model columns, left to right; columns whose ingredient the definition leaves out are not listed. */
  readonly models: (def: StudyDefinition) => ModelSpec[];
  /** Coefficient rows (coefficient, standard error beneath), top to bottom. */
  readonly rows: (def: StudyDefinition) => ShownRow[];
  /** A "Controls: Yes" row instead of a row per control. */
  readonly controlsRow: boolean;
  /** The Kleibergen–Paap rows (in the first-stage columns). */
  readonly kp?: boolean;
  /** A "(1) (2) …" header row (the paper numbers Table 3's columns). */
  readonly numbered?: boolean;
}

export interface TableDesign {
  readonly id: TableId;
  /** Sheet name (≤ 31 characters) and title, as the task pane lists them and the workbook names them. */
  readonly sheet: Bilingual;
  readonly title: Bilingual;
  readonly regression?: RegressionDesign;
}

const controlsOf = (def: StudyDefinition): string[] => def.controls.map(controlName);
const baseX = (def: StudyDefinition): string[] => [def.treatment.column, ...controlsOf(def)];
const row = (name: string): ShownRow => ({ name, label: (def, lang) => variableLabel(def, name, lang) });
const fixedRow = (name: string, label: Bilingual): ShownRow => ({ name, label: (_def, lang) => t(label, lang) });

/** Name of the interaction of the treatment with a moderator, e.g. "digit_x_stage". */
export const interactionName = (treatment: string, moderator: string): string => `${treatment}_x_${moderator}`;

/** The mechanism variables the study builds (cap, ris, ent), in this order. */
export const MECHANISMS = ["cap", "ris", "ent"] as const;

/** Shared row of Table 4 on which each first stage shows its excluded instrument. */
export const INSTRUMENT_ROW = "@instrument";

const G5 = {
  outcome: { en: "Alternative outcome", zh: "替换被解释变量" },
  treatment: { en: "Alternative treatment", zh: "替换核心解释变量" },
  sample: { en: "Adjusted sample", zh: "调整研究样本" },
  winsor: { en: "Winsorised", zh: "缩尾处理" },
} satisfies Record<string, Bilingual>;

const same = (s: string): Bilingual => ({ en: s, zh: s });

export const STUDY_DESIGN: readonly TableDesign[] = [
  {
    id: "table1",
    sheet: { en: "Table 1 Index weights", zh: "表1 指标权重" },
    title: { en: "Table 1  Innovation capacity indicators and entropy weights", zh: "表1  城市群内城市创新能力衡量指标及权重" },
  },
  {
    id: "table2",
    sheet: { en: "Table 2 Descriptives", zh: "表2 描述性统计" },
    title: { en: "Table 2  Descriptive statistics", zh: "表2  变量描述性统计结果" },
  },
  {
    id: "table3",
    sheet: { en: "Table 3 Baseline", zh: "表3 基准回归" },
    title: { en: "Table 3  Baseline regressions", zh: "表3  基准回归结果" },
    regression: {
      models: (def) => [
        { key: "table3.pooled", estimator: "fereg", outcome: def.outcome.name, regressors: baseX(def), fe: false, sample: ALL_ROWS },
        { key: "table3.fe", estimator: "fereg", outcome: def.outcome.name, regressors: baseX(def), fe: true, sample: ALL_ROWS },
      ],
      rows: (def) => baseX(def).map(row),
      controlsRow: false,
      numbered: true,
    },
  },
  {
    id: "table4",
    sheet: { en: "Table 4 IV 2SLS", zh: "表4 工具变量" },
    title: { en: "Table 4  Endogeneity: instrumental-variable (2SLS) estimates", zh: "表4  内生性分析回归结果" },
    regression: {
      models: (def) =>
        def.instruments.flatMap((iv, k): ModelSpec[] => {
          const model = {
            key: `table4.${iv.name}`, estimator: "iv2sls" as const, outcome: def.outcome.name, regressors: controlsOf(def),
            endogenous: [def.treatment.column], instruments: [iv.name], fe: true, sample: ALL_ROWS,
            group: same(`IV_${k + 1}`), rowAs: { [iv.name]: INSTRUMENT_ROW },
          };
          return [
            { ...model, stage: "first", header: { en: "First stage", zh: "第一阶段" } },
            { ...model, stage: "second", header: { en: "Second stage", zh: "第二阶段" } },
          ];
        }),
      rows: (def) => [row(def.treatment.column), fixedRow(INSTRUMENT_ROW, { en: "Instrument", zh: "工具变量" })],
      controlsRow: true,
      kp: true,
    },
  },
  {
    id: "table5",
    sheet: { en: "Table 5 Robustness", zh: "表5 稳健性检验" },
    title: { en: "Table 5  Robustness checks", zh: "表5  稳健性检验回归结果" },
    regression: {
      models: (def) => {
        const y = def.outcome.name;
        const rb = def.robustness;
        const m: ModelSpec[] = [];
        const fe = { estimator: "fereg" as const, fe: true };
        if (rb.externalIndex) m.push({ ...fe, key: "table5.external", outcome: EXTERNAL_OUTCOME, regressors: baseX(def), sample: ALL_ROWS, group: G5.outcome, header: same(EXTERNAL_OUTCOME) });
        m.push({ ...fe, key: "table5.pca", outcome: PCA_OUTCOME, regressors: baseX(def), sample: ALL_ROWS, group: G5.outcome, header: same(PCA_OUTCOME) });
        if (def.treatmentAlt) {
          const alt = def.treatmentAlt.column;
          m.push({ ...fe, key: "table5.alt", outcome: y, regressors: [alt, ...controlsOf(def)], sample: ALL_ROWS, group: G5.treatment, rowAs: { [alt]: def.treatment.column } });
        }
        if (rb.dropGroupsWithAtMost !== undefined) m.push({ ...fe, key: "table5.drop", outcome: y, regressors: baseX(def), sample: { kind: "dropSmallGroups", atMost: rb.dropGroupsWithAtMost }, group: G5.sample });
        if (rb.winsor) m.push({ ...fe, key: "table5.winsor", outcome: y, regressors: baseX(def), sample: { kind: "winsor", cuts: rb.winsor }, group: G5.winsor });
        return m;
      },
      rows: (def) => [row(def.treatment.column)],
      controlsRow: true,
    },
  },
  {
    id: "table6",
    sheet: { en: "Table 6 Mechanisms", zh: "表6 机制检验" },
    title: { en: "Table 6  Mechanisms", zh: "表6  机制检验回归结果" },
    regression: {
      models: (def) =>
        MECHANISMS.filter((k) => def.mechanisms[k] !== undefined).map((k): ModelSpec => ({
          key: `table6.${k}`, estimator: "fereg", outcome: k, regressors: baseX(def), fe: true, sample: ALL_ROWS, header: variableTitle(def, k),
        })),
      rows: (def) => [row(def.treatment.column)],
      controlsRow: true,
    },
  },
  {
    id: "table7",
    sheet: { en: "Table 7 Heterogeneity", zh: "表7 异质性分析" },
    title: { en: "Table 7  Heterogeneity", zh: "表7  异质性分析回归结果" },
    regression: {
      models: (def) => {
        const d = def.treatment.column;
        return def.moderators.map((m): ModelSpec => ({
          key: `table7.${m.name}`, estimator: "fereg", outcome: def.outcome.name,
          regressors: [d, interactionName(d, m.name), m.name, ...controlsOf(def)], fe: true, sample: ALL_ROWS, header: variableTitle(def, m.name),
        }));
      },
      rows: (def) => [
        row(def.treatment.column),
        ...def.moderators.map((m) => ({
          name: interactionName(def.treatment.column, m.name),
          label: (d: StudyDefinition, lang: Lang) => `${variableLabel(d, d.treatment.column, lang)} × ${variableLabel(d, m.name, lang)}`,
        })),
      ],
      controlsRow: true,
    },
  },
];

export const TABLE_IDS: readonly TableId[] = STUDY_DESIGN.map((d) => d.id);

export function designOf(id: TableId): TableDesign {
  const d = STUDY_DESIGN.find((x) => x.id === id);
  if (!d) throw new Error(`no table "${id}" in the study design`);
  return d;
}

/** A variable's name in words (Table 2, the column headers of Tables 6–7), falling back to its label. */
export function variableTitle(def: StudyDefinition, name: string): Bilingual {
  const mechanism = (MECHANISMS as readonly string[]).includes(name) ? def.mechanisms[name as (typeof MECHANISMS)[number]]?.title : undefined;
  const title =
    (name === def.outcome.name ? def.outcome.title : undefined) ??
    (name === def.treatment.column ? def.treatment.title : undefined) ??
    def.controls.find((c) => c.column === name || controlName(c) === name)?.title ??
    mechanism ??
    def.moderators.find((x) => x.name === name)?.title;
  return title ?? { en: variableLabel(def, name, "en"), zh: variableLabel(def, name, "zh") };
}
