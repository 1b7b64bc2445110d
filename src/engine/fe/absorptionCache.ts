import type { Absorption } from "./absorb";

/**
 * Memoisation for live worksheets: twenty FEREG cells over one panel should demean it once.
 * An absorption (sample, FE codes, singletons, df_a, demeaner) is keyed by the content of
 * its inputs; each absorption's demeaner remembers the columns it has demeaned, keyed by
 * their content. Least-recently-used entries are evicted.
 *
 * @example
 * const cache = createAbsorptionCache();
 * fereg(input, { cache });  // demeans
 * fereg(input, { cache });  // reuses the demeaned columns
 */
export interface AbsorptionCache {
  get(key: string): Absorption | undefined;
  set(key: string, a: Absorption): void;
  /** Counters for tests and diagnostics. */
  readonly stats: { hits: number; misses: number; demeanHits: number; demeanMisses: number };
}

export function createAbsorptionCache(maxEntries = 8): AbsorptionCache {
  const map = new Map<string, Absorption>();
  const stats = { hits: 0, misses: 0, demeanHits: 0, demeanMisses: 0 };
  return {
    stats,
    get(key) {
      const a = map.get(key);
      if (a) { map.delete(key); map.set(key, a); stats.hits++; } else stats.misses++;
      return a;
    },
    set(key, a) {
      map.set(key, a);
      while (map.size > maxEntries) map.delete(map.keys().next().value as string);
    },
  };
}

/** FNV-1a over the bytes of typed arrays: a fast content key (collisions are astronomically unlikely at these sizes, and the key also includes lengths). */
export function contentKey(parts: readonly (ArrayBufferView | string | number | boolean)[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  let len = 0;
  const mix = (b: number) => {
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995) ^ (h2 >>> 15);
  };
  for (const p of parts) {
    if (typeof p === "string" || typeof p === "number" || typeof p === "boolean") {
      const s = `|${String(p)}|`;
      for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i) & 0xff);
      len += s.length;
      continue;
    }
    const bytes = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
    for (let i = 0; i < bytes.length; i++) mix(bytes[i]);
    mix(0xfe);
    len += bytes.length;
  }
  return `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}:${len}`;
}

/** Wrap a demean function with a per-absorption memo of its outputs (returned as copies). */
export function memoizeDemean(demean: (v: Float64Array) => Float64Array, stats: AbsorptionCache["stats"], maxColumns = 256): (v: Float64Array) => Float64Array {
  const memo = new Map<string, Float64Array>();
  return (v) => {
    const key = contentKey([v]);
    const hit = memo.get(key);
    if (hit) { stats.demeanHits++; return hit.slice(); }
    stats.demeanMisses++;
    const out = demean(v);
    memo.set(key, out.slice());
    if (memo.size > maxColumns) memo.delete(memo.keys().next().value as string);
    return out;
  };
}
