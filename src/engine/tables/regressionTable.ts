import { Lang, t } from "../i18n/lang";
import { fill, LABELS } from "../i18n/tableLabels";
import { VcovType } from "../vcov/types";
import { JournalTable, RowKind } from "./journalTable";
import { ModelColumn } from "./modelColumn";
import { count, fixed, inParens } from "./numberFormat";
import { DEFAULT_STAR_LEVELS, stars } from "./stars";

/**
 * Models side by side in the layout of the paper (and of Chinese economics journals): group
 * headers over adjacent columns (IV_1, 替换被解释变量 …), column captions, one coefficient row
 * per shown variable with its standard error in parentheses beneath, then a Controls row, the
 * constant, extra statistic rows (KP …), the fixed-effect rows (控制 / 未控制), N and R², and
 * the paper's note (star levels and the kind of standard errors).
 *
 * @example
 * regressionTable({ id: "table3", sheetName: "Table 3", title: "Baseline", lang: "en",
 *   models: [pooled, twoWay], numbered: true, show: [{ name: "digit", label: "digit" }],
 *   fixedEffects: [{ name: "city", label: "City FE" }], stats: [statN("en"), statR2("en")] })
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
}

export interface RegressionTableSpec {
  readonly id: string;
  readonly sheetName: string;
  readonly title: string;
  readonly lang: Lang;
  readonly models: readonly ModelColumn[];
  /** Group header of each column (adjacent equal groups are merged). */
  readonly groups?: readonly (string | undefined)[];
  /** Caption of each column (e.g. 第一阶段, inn_1). */
  readonly captions?: readonly (string | undefined)[];
  /** A "(1) (2) …" header row (always when there is neither a group nor a caption). */
  readonly numbered?: boolean;
  readonly show: readonly ShownVariable[];
  /** Variables summarised by one "Controls: Yes" row (a model has controls when it has any of them). */
  readonly controls?: readonly string[];
  /** A constant row (default true). */
  readonly constant?: boolean;
  /** Rows between the constant and the fixed effects (the KP statistics). */
  readonly diagnostics?: readonly StatRow[];
  readonly fixedEffects?: readonly { name: string; label: string }[];
  /** Rows after the fixed effects (N, R²). */
  readonly stats: readonly StatRow[];
  /** Notes after the significance note. */
  readonly notes?: readonly string[];
  readonly decimals?: number;
  readonly starLevels?: readonly number[];
  /** Cluster variable's name in the note (default: the models' cluster names). */
  readonly clusterLabel?: string;
}

export function regressionTable(spec: RegressionTableSpec): JournalTable {
  const { lang, models } = spec;
  const d = spec.decimals ?? 4;
  const levels = spec.starLevels ?? DEFAULT_STAR_LEVELS;
  const k = models.length;
  const { header, merges } = headerRows(spec);
  const body: string[][] = [];
  const values: (number | null)[][] = [];
  const kinds: RowKind[] = [];
  const blank = () => models.map(() => null);
  const push = (row: string[], vals: (number | null)[], kind: RowKind) => { body.push(row); values.push(vals); kinds.push(kind); };
  const coefRows = (label: string, est: readonly ({ b: number; se: number; p: number } | undefined)[]) => {
    push([label, ...est.map((e) => (e && Number.isFinite(e.b) ? fixed(e.b, d) + stars(e.p, levels) : ""))], [null, ...est.map((e) => (e && Number.isFinite(e.b) ? e.b : null))], "coef");
    push(["", ...est.map((e) => (e && Number.isFinite(e.se) ? inParens(e.se, d) : ""))], [null, ...est.map((e) => (e && Number.isFinite(e.se) ? e.se : null))], "se");
  };
  for (const v of spec.show) coefRows(v.label, models.map((m) => m.coef[v.name]));
  if (spec.controls && spec.controls.length > 0) {
    const has = (m: ModelColumn) => spec.controls!.some((c) => c in m.coef);
    push([t(LABELS.controls, lang), ...models.map((m) => t(has(m) ? LABELS.controlled : LABELS.notControlled, lang))], [null, ...blank()], "indicator");
  }
  if (spec.constant ?? true) coefRows(t(LABELS.constant, lang), models.map((m) => m.cons));
  const statRows = (rows: readonly StatRow[]) => {
    for (const s of rows) {
      const vals = models.map((m) => s.value(m));
      const ok = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
      push([s.label, ...vals.map((x, j) => (ok(x) ? s.format(x, models[j]) : ""))], [null, ...vals.map((x) => (ok(x) ? x : null))], "stat");
    }
  };
  statRows(spec.diagnostics ?? []);
  for (const f of spec.fixedEffects ?? []) {
    push([f.label, ...models.map((m) => t(m.fe.includes(f.name) ? LABELS.controlled : LABELS.notControlled, lang))], [null, ...blank()], "indicator");
  }
  statRows(spec.stats);
  const vcov = models[k - 1]?.vcov ?? "robust";
  const notes = [significanceNote(lang, vcov as VcovType, spec.clusterLabel ?? models[k - 1]?.clusters.join(" × ") ?? "", levels), ...(spec.notes ?? [])];
  return { id: spec.id, sheetName: spec.sheetName, title: spec.title, header, body, bodyKinds: kinds, values, notes, headerMerges: merges };
}

/** Group row, caption row and number row as the spec asks; "Variable" spans them; equal adjacent groups merge. */
function headerRows(spec: RegressionTableSpec): { header: string[][]; merges: { row: number; col: number; rows: number; cols: number }[] } {
  const k = spec.models.length;
  const groups = spec.groups?.some((g) => g) ? spec.groups : undefined;
  const captions = spec.captions?.some((c) => c) ? spec.captions : undefined;
  const numbered = spec.numbered || (!groups && !captions);
  const header: string[][] = [];
  const merges: { row: number; col: number; rows: number; cols: number }[] = [];
  if (groups) header.push(["", ...Array.from({ length: k }, (_, j) => groups[j] ?? "")]);
  if (captions) header.push(["", ...Array.from({ length: k }, (_, j) => captions[j] ?? "")]);
  if (numbered) header.push(["", ...Array.from({ length: k }, (_, j) => `(${j + 1})`)]);
  header[0][0] = t(LABELS.variable, spec.lang);
  if (header.length > 1) merges.push({ row: 0, col: 0, rows: header.length, cols: 1 });
  if (groups) {
    for (let j = 0; j < k; ) {
      let e = j + 1;
      while (groups[j] && e < k && groups[e] === groups[j]) e++;
      // a group without captions under it covers the caption row too
      const down = captions && !numbered && Array.from({ length: e - j }, (_, i) => captions[j + i]).every((c) => !c) ? 2 : 1;
      if (e - j > 1 || down > 1) merges.push({ row: 0, col: j + 1, rows: down, cols: e - j });
      j = e;
    }
  }
  return { header, merges };
}

/**
 * The paper's note: "注：*、**、*** 分别表示在 10%、5%、1% 的水平上显著；括号内为稳健标准误。"
 * (other star levels: listed as "* p<0.1, …").
 */
export function significanceNote(lang: Lang, vcov: VcovType, clusterLabel: string, levels: readonly number[] = DEFAULT_STAR_LEVELS): string {
  const se = vcov === "cluster" ? fill(t(LABELS.seCluster, lang), clusterLabel) : t(vcov === "iid" ? LABELS.seIid : LABELS.seRobust, lang);
  if (levels.length === 3) return fill(t(LABELS.starNote, lang), ...levels.map((l) => `${+(l * 100).toFixed(4)}%`), se);
  return fill(t(LABELS.starLegend, lang), levels.map((cut, i) => `${"*".repeat(i + 1)} p<${cut}`).join(", "), se);
}

/** Common statistic rows. */
export const statN = (lang: Lang): StatRow => ({ label: t(LABELS.nobs, lang), value: (m) => m.nobs, format: (x) => count(x) });
/** R² rows: which one the label says (overall, the paper's; or within). */
export const statR2 = (lang: Lang, which: "overall" | "within" = "overall", d = 4): StatRow => ({
  label: t(which === "within" ? LABELS.r2Within : LABELS.r2Overall, lang),
  value: (m) => (which === "within" ? m.r2Within : m.r2),
  format: (x) => fixed(x, d),
});
export const statR2Rows = (lang: Lang, which: "overall" | "within" | "both" = "overall"): StatRow[] =>
  which === "both" ? [statR2(lang, "overall"), statR2(lang, "within")] : [statR2(lang, which)];
/** KP rk LM with its p-value on one line, in the first-stage columns: "24.6270 [0.0000]". */
export const statKpLM = (lang: Lang): StatRow => ({
  label: t(LABELS.kpLM, lang), value: (m) => (m.stage === "first" ? m.stats.kp_lm : undefined),
  format: (x, m) => `${fixed(x, 4)} [${(m.stats.kp_lm_p ?? NaN).toFixed(4)}]`,
});
/** KP rk Wald F with the Stock–Yogo 10% maximal-IV-size critical value on one line: "23.8230 {16.3800}". */
export const statKpF = (lang: Lang): StatRow => ({
  label: t(LABELS.kpF, lang), value: (m) => (m.stage === "first" ? m.stats.kp_f : undefined),
  format: (x, m) => (m.stats.sy_size_10 !== undefined ? `${fixed(x, 4)} {${m.stats.sy_size_10.toFixed(4)}}` : fixed(x, 4)),
});
