import { IdColumn } from "../data/columns";

/**
 * Row sets ("scopes") a method runs over: all usable rows pooled, or the usable rows of each
 * group level (e.g. year by year). Row indices are 0-based and ascending.
 */
export interface RowScope {
  /** Group level, or null for the pooled scope. */
  readonly level: string | null;
  readonly rows: Int32Array;
}

/**
 * Split the rows where `usable[i] = 1` into one pooled scope, or one scope per group level
 * (levels without usable rows are left out; rows with no group id are never usable).
 *
 * @example
 * rowScopes(Uint8Array.of(1, 1, 0, 1))
 * // [{ level: null, rows: Int32Array [0, 1, 3] }]
 * rowScopes(Uint8Array.of(1, 1, 0, 1), { name: "year", codes: Int32Array.of(0, 1, 0, 0), levels: ["2008", "2009"] })
 * // [{ level: "2008", rows: [0, 3] }, { level: "2009", rows: [1] }]
 */
export function rowScopes(usable: Uint8Array, by?: IdColumn): RowScope[] {
  const n = usable.length;
  if (!by) {
    let m = 0;
    for (let i = 0; i < n; i++) m += usable[i];
    const rows = new Int32Array(m);
    for (let i = 0, k = 0; i < n; i++) if (usable[i]) rows[k++] = i;
    return [{ level: null, rows }];
  }
  const G = by.levels.length;
  const count = new Int32Array(G);
  for (let i = 0; i < n; i++) if (usable[i] && by.codes[i] >= 0) count[by.codes[i]]++;
  const rows = Array.from(count, (c) => new Int32Array(c));
  const fill = new Int32Array(G);
  for (let i = 0; i < n; i++) {
    const g = by.codes[i];
    if (usable[i] && g >= 0) rows[g][fill[g]++] = i;
  }
  const out: RowScope[] = [];
  for (let g = 0; g < G; g++) if (count[g] > 0) out.push({ level: by.levels[g], rows: rows[g] });
  return out;
}
