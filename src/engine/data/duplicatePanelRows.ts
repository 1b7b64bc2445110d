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
  const ids = id.levels.length;
  const times = time.levels.length;
  // rows grouped by id (a counting sort, stable: rows increase within a group), then, group by
  // group, the time codes seen: typed arrays only, no map keyed by pair (a million-row panel)
  const seenIn = new Int32Array(times).fill(-1); // the group in which a time code was last seen
  const firstAt = new Int32Array(times); // and the row it was seen in
  if (groupedById(id.codes, n)) {
    // a panel sorted by id (the usual file): one pass in row order, the first repeat is the answer
    for (let i = 0; i < n; i++) {
      const g = id.codes[i];
      const b = time.codes[i];
      if (g < 0 || b < 0) continue;
      if (seenIn[b] !== g) { seenIn[b] = g; firstAt[b] = i; continue; }
      return { id: id.levels[g], time: time.levels[b], rows: [firstAt[b] + firstRow, i + firstRow] };
    }
    return null;
  }
  const start = new Int32Array(ids + 1);
  for (let i = 0; i < n; i++) if (id.codes[i] >= 0 && time.codes[i] >= 0) start[id.codes[i] + 1]++;
  for (let g = 0; g < ids; g++) start[g + 1] += start[g];
  const next = start.slice(0, ids);
  const order = new Int32Array(start[ids]);
  for (let i = 0; i < n; i++) if (id.codes[i] >= 0 && time.codes[i] >= 0) order[next[id.codes[i]]++] = i;
  let second = n; // the earliest row that repeats a pair seen before …
  let first = -1; // … and the row it repeats
  for (let g = 0; g < ids; g++) {
    for (let k = start[g]; k < start[g + 1]; k++) {
      const i = order[k];
      const b = time.codes[i];
      if (seenIn[b] !== g) { seenIn[b] = g; firstAt[b] = i; continue; }
      if (i < second) { second = i; first = firstAt[b]; }
      break; // later repeats in this group come after row i
    }
  }
  if (first < 0) return null;
  return { id: id.levels[id.codes[second]], time: time.levels[time.codes[second]], rows: [first + firstRow, second + firstRow] };
}

/** True when each id's rows are consecutive, in order of first appearance (codes never go down; missing ids skipped). */
function groupedById(codes: Int32Array, n: number): boolean {
  let last = -1;
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    if (g < 0) continue;
    if (g < last) return false;
    last = g;
  }
  return true;
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
