/**
 * JSON for scripts: full-precision numbers, `null` for anything undefined (NaN, ±Infinity,
 * undefined), typed arrays as plain arrays.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (v === undefined) return null;
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      return Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
    }
    return v;
  });
}
