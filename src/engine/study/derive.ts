import { valueError } from "../errors";

/**
 * Small derivations the study needs (each a pure function over typed arrays; NaN stays
 * missing). Row numbers in messages are the rows the user sees: `firstRow` is the row of
 * element 0 (2 for data under a header row).
 */

/**
 * ln(x); a zero or negative value is an error naming the variable and row.
 *
 * @example
 * logOf("density", Float64Array.of(1, Math.E))  // [0, 1]
 */
export function logOf(name: string, x: Float64Array, firstRow = 1): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) { out[i] = NaN; continue; }
    if (!(v > 0)) {
      const row = firstRow + i;
      throw valueError(
        `ln(${name}) needs positive values, but row ${row} has ${v}`,
        `ln(${name}) 要求取值为正，但第 ${row} 行为 ${v}`,
        { column: name, row },
      );
    }
    out[i] = Math.log(v);
  }
  return out;
}

/**
 * A linear time trend: year − first year + 1 (2008 → 1 for a 2008–2021 panel).
 *
 * @example
 * trendOf(Float64Array.of(2008, 2009, 2021))  // [1, 2, 14]
 */
export function trendOf(year: Float64Array): Float64Array {
  let first = Infinity;
  for (let i = 0; i < year.length; i++) if (year[i] < first) first = year[i];
  return year.map((y) => (y === y ? y - first + 1 : NaN));
}

/** Elementwise product x·z (interaction terms, instrument × trend). */
export function productOf(x: Float64Array, z: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] * z[i];
  return out;
}

/**
 * scale · numerator / denominator, e.g. new firms per 100 people; a zero denominator is an
 * error naming the row.
 */
export function ratioOf(num: Float64Array, den: Float64Array, scale: number, what: string, firstRow = 1, denName?: string): Float64Array {
  const out = new Float64Array(num.length);
  for (let i = 0; i < num.length; i++) {
    if (num[i] !== num[i] || den[i] !== den[i]) { out[i] = NaN; continue; }
    if (den[i] === 0) {
      const row = firstRow + i;
      throw valueError(`${what}: the denominator is 0 in row ${row}`, `${what}：第 ${row} 行分母为 0`, { column: denName ?? what, row });
    }
    out[i] = (scale * num[i]) / den[i];
  }
  return out;
}

/**
 * Rows to keep when dropping groups (agglomerations) with at most `maxMembers` distinct
 * members (cities).
 */
export function dropSmallGroups(group: Int32Array, member: Int32Array, maxMembers: number): Uint8Array {
  const members = new Map<number, Set<number>>();
  for (let i = 0; i < group.length; i++) {
    if (group[i] < 0) continue;
    let s = members.get(group[i]);
    if (!s) { s = new Set(); members.set(group[i], s); }
    s.add(member[i]);
  }
  const keep = new Uint8Array(group.length);
  for (let i = 0; i < group.length; i++) keep[i] = group[i] >= 0 && (members.get(group[i])?.size ?? 0) > maxMembers ? 1 : 0;
  return keep;
}
