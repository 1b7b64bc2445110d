import { userRow } from "../data/columns";
import { valueError } from "../errors";
import { assertEqualLengths, assertNonNegative, assertSomeValues, NamedValues } from "./checks";

/**
 * Industrial-structure upgrading index (docs/methods.md §7.3, the paper's ris):
 * ris = 1·s₁ + 2·s₂ + 3·s₃ for primary / secondary / tertiary shares with s₁ + s₂ + s₃ = 1,
 * so ris ∈ [1, 3]. Shares may be fractions or percent: percent is detected when every
 * complete row sums to ≈ 100 (or declared). Each row must sum to 1 (or 100) within a
 * relative tolerance (default 0.5%, room for shares rounded to a few decimals); a row that
 * does not is an error naming it. By default ris is computed from the shares divided by
 * their row sum (Σ m·s_m / Σ s_m), which equals the definition when the shares sum to
 * exactly 1 and keeps rounded shares inside [1, 3].
 */
export type ShareScale = "auto" | "fraction" | "percent";

export interface RisOptions {
  /** How the shares are given; `auto` (default) detects percent from the row sums. */
  readonly scale?: ShareScale;
  /** Allowed relative deviation of a row sum from 1 (or 100); default 0.005. */
  readonly tolerance?: number;
  /** Divide by the row sum (default true); false gives Σ m·s_m of the shares as entered (÷100 for percent). */
  readonly rescale?: boolean;
}

export interface RisResult {
  readonly ris: Float64Array;
  /** The scale used: `fraction` or `percent`. */
  readonly scale: "fraction" | "percent";
  readonly nobs: number;
}

const WHAT = { en: "the industrial-structure index", zh: "产业结构高级化指数" };

/**
 * ris per row (NaN where a share is missing).
 *
 * @example
 * const s = (a: number[]) => ({ name: "s", values: Float64Array.from(a) });
 * industrialStructureIndex([s([0.1, 0.05]), s([0.4, 0.45]), s([0.5, 0.5])]).ris  // [2.4, 2.45]
 * industrialStructureIndex([s([10]), s([40]), s([50])]).scale                    // "percent" (ris [2.4])
 */
export function industrialStructureIndex(shares: readonly NamedValues[], opts: RisOptions = {}): RisResult {
  if (shares.length !== 3) {
    throw valueError(
      `the industrial-structure index needs exactly 3 share columns (primary, secondary, tertiary), got ${shares.length}`,
      `产业结构高级化指数需要恰好 3 个产业占比列（第一、二、三产业），实际为 ${shares.length} 个`,
    );
  }
  assertEqualLengths(shares);
  for (const s of shares) { assertSomeValues(s); assertNonNegative(s, WHAT); }
  const tol = opts.tolerance ?? 0.005;
  const [a, b, c] = shares.map((s) => s.values);
  const n = a.length;
  const sums = new Float64Array(n).fill(NaN);
  let nobs = 0;
  for (let i = 0; i < n; i++) {
    const s = a[i] + b[i] + c[i];
    if (s === s) { sums[i] = s; nobs++; }
  }
  if (nobs === 0) {
    throw valueError("no row has all three shares present", "没有任何一行三个产业占比均非缺失");
  }
  const near = (s: number, target: number) => Math.abs(s - target) <= tol * target;
  let scale: "fraction" | "percent";
  if (opts.scale === "fraction" || opts.scale === "percent") scale = opts.scale;
  else {
    let allPercent = true;
    for (let i = 0; i < n && allPercent; i++) if (sums[i] === sums[i] && !near(sums[i], 100)) allPercent = false;
    scale = allPercent ? "percent" : "fraction";
  }
  const target = scale === "percent" ? 100 : 1;
  const ris = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const s = sums[i];
    if (s !== s) continue;
    if (!near(s, target)) {
      const row = userRow(shares[0], i);
      throw valueError(
        `row ${row}: the shares "${shares[0].name}", "${shares[1].name}", "${shares[2].name}" sum to ${s}, not ${target}${scale === "percent" ? " (percent)" : " (if they are percents, set the scale to percent: --percent in the command line, \"percent\" in INDSTRUCT)"}`,
        `第 ${row} 行：产业占比“${shares[0].name}”“${shares[1].name}”“${shares[2].name}”之和为 ${s}，而不是 ${target}${scale === "percent" ? "（百分数）" : "（若为百分数，请将单位设为百分数：命令行用 --percent，INDSTRUCT 用 \"percent\"）"}`,
      );
    }
    const weighted = a[i] + 2 * b[i] + 3 * c[i];
    ris[i] = opts.rescale === false ? weighted / target : weighted / s;
  }
  return { ris, scale, nobs };
}
