import { valueError } from "../errors";
import { Bilingual } from "../i18n/lang";
import { shown } from "../i18n/quote";
import { IdColumn } from "./columns";

/**
 * Repeated (id, time) pairs in a panel — two rows for one city in one year. Such a panel is
 * not a panel: the study refuses it, FEREG / IV2SLS (whose fixed effects need not be a
 * panel) warn. Rows are the rows the user sees (`firstRow` = the row of element 0: 2 for
 * data under a header row). Rows with a missing id or time are ignored here.
 */
export interface DuplicatePanelRow {
  readonly id: string;
  readonly time: string;
  /** The first two rows holding the pair, as the user sees them. */
  readonly rows: readonly [number, number];
}

/**
 * The first repeated (id, time) pair in row order, or null.
 *
 * @example
 * const f = (name: string, v: string[]) => factorize(name, v);
 * firstDuplicatePanelRow(f("city", ["a", "a", "b", "a"]), f("year", ["1", "2", "1", "1"]))
 * // { id: "a", time: "1", rows: [2, 5] }
 */
export function firstDuplicatePanelRow(id: IdColumn, time: IdColumn, firstRow = 2): DuplicatePanelRow | null {
  const n = Math.min(id.codes.length, time.codes.length);
  const width = time.levels.length;
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = id.codes[i];
    const b = time.codes[i];
    if (a < 0 || b < 0) continue;
    const key = a * width + b;
    const before = seen.get(key);
    if (before !== undefined) return { id: id.levels[a], time: time.levels[b], rows: [before + firstRow, i + firstRow] };
    seen.set(key, i);
  }
  return null;
}

/** The message for a repeated pair, in both languages. */
export function duplicatePanelMessage(id: IdColumn, time: IdColumn, d: DuplicatePanelRow): Bilingual {
  const [r1, r2] = d.rows;
  const [a, b] = [shown(id.name), shown(time.name)];
  return {
    en: `rows ${r1} and ${r2} repeat the pair ${a} "${shown(d.id)}", ${b} "${shown(d.time)}": a panel has one row per (${a}, ${b}) pair`,
    zh: `第 ${r1} 行与第 ${r2} 行的（${a}，${b}）组合重复：${a}“${shown(d.id)}”，${b}“${shown(d.time)}”；面板数据中每个（${a}，${b}）组合只能有一行`,
  };
}

/** Refuse a panel with a repeated (id, time) pair, naming the first two rows involved. */
export function assertNoDuplicatePanelRows(id: IdColumn, time: IdColumn, firstRow = 2): void {
  const d = firstDuplicatePanelRow(id, time, firstRow);
  if (!d) return;
  const m = duplicatePanelMessage(id, time, d);
  throw valueError(m.en, m.zh, { column: time.name, row: d.rows[1] });
}

/** The same as a warning (FEREG / IV2SLS: fixed effects need not form a panel), or null. */
export function duplicatePanelWarning(id: IdColumn, time: IdColumn, firstRow = 2): Bilingual | null {
  const d = firstDuplicatePanelRow(id, time, firstRow);
  if (!d) return null;
  const m = duplicatePanelMessage(id, time, d);
  return { en: `warning: ${m.en}`, zh: `警告：${m.zh}` };
}
