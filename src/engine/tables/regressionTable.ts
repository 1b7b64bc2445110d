import { Lang, t } from "../i18n/lang";
import { fill, LABELS } from "../i18n/tableLabels";
import { JournalTable, RowKind } from "./journalTable";
import { ModelColumn } from "./modelColumn";
import { count, fixed, inBraces, inBrackets, inParens } from "./numberFormat";
import { DEFAULT_STAR_LEVELS, starLegend, stars } from "./stars";

/**
 * Models side by side in the layout of Chinese economics journals: one column per model,
 * each shown variable as a coefficient row (with stars) and an SE row in parentheses
 * beneath, then "Yes/No" rows for controls and fixed effects, then statistics (N, R², KP …),
 * and notes (star legend, SE type).
 *
 * @example
 * regressionTable({ id: "table3", sheetName: "Table 3", title: "Baseline", lang: "en",
 *   models: [pooled, twoWay], show: [{ name: "digit", label: "digit" }],
 *   controls: ["gov", "lndensity"], fixedEffects: [{ name: "city", label: "City FE" }],
 *   stats: [STAT_N, STAT_R2] })
 */
export interface ShownVariable {
  readonly name: string;
  readonly label: string;
}

export interface StatRow {
  readonly label: string;
  /** The numeric value for a model (NaN/undefined = blank). */
  readonly value: (m: ModelColumn) => number | undefined;
  readonly format: (x: number, m: ModelColumn) => string;
  /** A second line under this one (e.g. the p-value in brackets). */
  readonly below?: { value: (m: ModelColumn) => number | undefined; format: (x: number) => string };
}

export interface RegressionTableSpec {
  readonly id: string;
  readonly sheetName: string;
  readonly title: string;
  readonly lang: Lang;
  readonly models: readonly ModelColumn[];
  /** Column captions above "(1)", "(2)" … e.g. the dependent variable of each model. */
  readonly captions?: readonly string[];
  readonly show: readonly ShownVariable[];
  /** Variables summarised by the "Controls: Yes" row (a model has controls when it has all of them or any?: any). */
  readonly controls?: readonly string[];
  readonly fixedEffects?: readonly { name: string; label: string }[];
  readonly stats: readonly StatRow[];
  readonly notes?: readonly string[];
  readonly decimals?: number;
  readonly starLevels?: readonly number[];
}

export function regressionTable(spec: RegressionTableSpec): JournalTable {
  const { lang, models } = spec;
  const d = spec.decimals ?? 4;
  const levels = spec.starLevels ?? DEFAULT_STAR_LEVELS;
  const header: string[][] = [];
  if (spec.captions) header.push(["", ...spec.captions]);
  header.push([t(LABELS.variable, lang), ...models.map((_, j) => `(${j + 1})`)]);
  const body: string[][] = [];
  const values: (number | null)[][] = [];
  const kinds: RowKind[] = [];
  const push = (row: string[], vals: (number | null)[], kind: RowKind) => { body.push(row); values.push(vals); kinds.push(kind); };
  for (const v of spec.show) {
    const est = models.map((m) => m.coef[v.name]);
    push([v.label, ...est.map((e) => (e ? fixed(e.b, d) + stars(e.p, levels) : ""))], [null, ...est.map((e) => (e ? e.b : null))], "coef");
    push(["", ...est.map((e) => (e ? inParens(e.se, d) : ""))], [null, ...est.map((e) => (e ? e.se : null))], "se");
  }
  if (spec.controls && spec.controls.length > 0) {
    const has = (m: ModelColumn) => spec.controls!.some((c) => c in m.coef);
    push([t(LABELS.controls, lang), ...models.map((m) => t(has(m) ? LABELS.yes : LABELS.no, lang))], [null, ...models.map(() => null)], "indicator");
  }
  for (const f of spec.fixedEffects ?? []) {
    push([f.label, ...models.map((m) => t(m.fe.includes(f.name) ? LABELS.yes : LABELS.no, lang))], [null, ...models.map(() => null)], "indicator");
  }
  for (const s of spec.stats) {
    const vals = models.map((m) => s.value(m));
    push([s.label, ...vals.map((x, j) => (x !== undefined && Number.isFinite(x) ? s.format(x, models[j]) : ""))], [null, ...vals.map((x) => (x !== undefined && Number.isFinite(x) ? x : null))], "stat");
    if (s.below) {
      const b = models.map((m) => s.below!.value(m));
      push(["", ...b.map((x) => (x !== undefined && Number.isFinite(x) ? s.below!.format(x) : ""))], [null, ...b.map((x) => (x !== undefined && Number.isFinite(x) ? x : null))], "stat");
    }
  }
  const notes = [...(spec.notes ?? []), fill(t(LABELS.starLegend, lang), starLegend(levels))];
  return { id: spec.id, sheetName: spec.sheetName, title: spec.title, header, body, bodyKinds: kinds, values, notes };
}

/** The SE-type note for a set of models (they share one VCE in every table of the study). */
export function seNote(m: ModelColumn, lang: Lang, clusterLabel?: string): string {
  if (m.vcov === "cluster") return fill(t(LABELS.seCluster, lang), clusterLabel ?? m.clusters.join(" × "));
  return t(m.vcov === "iid" ? LABELS.seIid : LABELS.seRobust, lang);
}

/** Common statistic rows. */
export const statN = (lang: Lang): StatRow => ({ label: t(LABELS.nobs, lang), value: (m) => m.nobs, format: (x) => count(x) });
export const statR2 = (lang: Lang, d = 4): StatRow => ({ label: t(LABELS.r2, lang), value: (m) => m.r2, format: (x) => fixed(x, d) });
export const statKpLM = (lang: Lang): StatRow => ({
  label: t(LABELS.kpLM, lang), value: (m) => m.stats.kp_lm, format: (x) => fixed(x, 3),
  below: { value: (m) => m.stats.kp_lm_p, format: (x) => inBrackets(x, 4) },
});
export const statKpF = (lang: Lang): StatRow => ({
  label: t(LABELS.kpF, lang), value: (m) => m.stats.kp_f, format: (x) => fixed(x, 3),
  below: { value: (m) => m.stats.sy_size_10, format: (x) => inBraces(x, 2) },
});
