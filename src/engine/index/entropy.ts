import { rescaleFactor } from "../linalg/powerOfTwoScale";
import { IdColumn } from "../data/columns";
import { numError, valueError } from "../errors";
import { Bilingual } from "../i18n/lang";
import { assertEqualLengths, assertGroupLength, assertSomeValues, completeRows, NamedValues } from "./checks";
import { rowScopes } from "./scopes";

/**
 * The entropy-weight method (docs/methods.md §4; CityPanel's defaults in its Defaults table).
 *
 * Per indicator j over the rows in scope (all complete rows pooled, or each group's):
 * 1. direction-aware min–max x′ = (x − min)/(max − min), or (max − x)/(max − min) for a
 *    negative (cost) indicator;
 * 2. avoid ln 0: `shift` x″ = x′ + δ (δ = 0.0001), `compress` x″ = (1 − 2ε)x′ + ε
 *    (ε = 0.002), or `none` x″ = x′ with 0·ln 0 = 0;
 * 3. p = x″/Σx″, e = −k Σ p ln p with k = 1/ln(rows in scope), d = 1 − e, w = d/Σd;
 * 4. index per row Σ_j w_j·x′_ij (min–max value before the shift; CityPanel default).
 * A constant indicator (max = min) has p = 1/n, e = 1, d = 0, w = 0: it is listed in
 * `constant` with a warning, never NaN. Rows with a missing indicator (or group id) are
 * left out (listwise) and get a NaN index.
 */
export type EntropyMethod = "shift" | "compress" | "none";

export const DEFAULT_ENTROPY_SHIFT = 0.0001;
export const DEFAULT_ENTROPY_EPSILON = 0.002;

/** Named group of indicators (a dimension of Table 1, e.g. "resources"). */
export interface EntropyDimension {
  readonly name: string;
  readonly indicators: readonly string[];
}

export interface EntropyOptions {
  /** Names of negative-direction (cost) indicators; all others are positive. */
  readonly negative?: readonly string[];
  readonly method?: EntropyMethod;
  /** δ for `shift` (default 0.0001). */
  readonly shift?: number;
  /** ε for `compress` (default 0.002). */
  readonly epsilon?: number;
  /** Weights within each group (e.g. year by year) instead of pooled. */
  readonly by?: IdColumn;
  /** Dimensions whose weight is the sum of their indicators' weights. */
  readonly dimensions?: readonly EntropyDimension[];
  /** Index from the shifted / compressed values x″ instead of x′. */
  readonly indexOnTransformed?: boolean;
}

/** Weights and their ingredients in one scope (pooled, or one group). */
export interface EntropyScopeResult {
  /** Group level, or null when pooled. */
  readonly level: string | null;
  readonly nobs: number;
  /** k = 1/ln(nobs). */
  readonly k: number;
  /** Per indicator, in input order. */
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly entropy: Float64Array;
  readonly divergence: Float64Array;
  readonly weights: Float64Array;
  /** Per dimension, in the order given: Σ of its indicators' weights. */
  readonly dimensionWeights: Float64Array;
  /** Indicators constant in this scope (weight 0). */
  readonly constant: readonly string[];
}

export interface EntropyResult {
  readonly indicators: readonly string[];
  /** +1 positive, −1 negative, per indicator. */
  readonly directions: Int8Array;
  readonly method: EntropyMethod;
  /** δ (shift), ε (compress) or 0 (none). */
  readonly parameter: number;
  readonly scopes: readonly EntropyScopeResult[];
  /** Rows used (complete over the indicators and the group). */
  readonly nobs: number;
  /** Σ_j w_j·x′_ij per input row (Σ_j w_j·x″_ij with `indexOnTransformed`); NaN for rows not used. */
  readonly index: Float64Array;
  readonly indexOnTransformed: boolean;
  /** Indicators constant in at least one scope. */
  readonly constant: readonly string[];
  readonly dimensions: readonly EntropyDimension[];
  readonly warnings: readonly Bilingual[];
}

/** Validate names, directions and dimensions; return the direction of each indicator. */
function indicatorDirections(names: readonly string[], negative: readonly string[], dims: readonly EntropyDimension[]): Int8Array {
  if (names.length === 0) throw valueError("the entropy weights need at least one indicator column", "熵权法至少需要一个指标列");
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw valueError(`indicator "${n}" is listed twice`, `指标“${n}”重复列出`);
    seen.add(n);
  }
  const dir = new Int8Array(names.length).fill(1);
  for (const n of negative) {
    const j = names.indexOf(n);
    if (j < 0) {
      throw valueError(`negative-direction indicator "${n}" is not among the indicator columns`, `负向指标“${n}”不在指标列中`);
    }
    dir[j] = -1;
  }
  const inDim = new Map<string, string>();
  for (const d of dims) {
    for (const n of d.indicators) {
      if (!seen.has(n)) {
        throw valueError(`dimension "${d.name}" names "${n}", which is not among the indicator columns`, `维度“${d.name}”中的“${n}”不在指标列中`);
      }
      const other = inDim.get(n);
      if (other !== undefined) {
        throw valueError(`indicator "${n}" is in two dimensions ("${other}" and "${d.name}")`, `指标“${n}”同时属于两个维度（“${other}”和“${d.name}”）`);
      }
      inDim.set(n, d.name);
    }
  }
  return dir;
}

/** Check δ / ε for the chosen method and return it (0 for `none`). */
function methodParameter(method: EntropyMethod, opts: EntropyOptions): number {
  if (method === "shift") {
    const d = opts.shift ?? DEFAULT_ENTROPY_SHIFT;
    if (!(d >= 0 && Number.isFinite(d))) throw valueError(`the shift δ must be a number ≥ 0, got ${d}`, `平移量 δ 必须是非负数，实际为 ${d}`);
    return d;
  }
  if (method === "compress") {
    const e = opts.epsilon ?? DEFAULT_ENTROPY_EPSILON;
    if (!(e >= 0 && e < 0.5)) throw valueError(`ε for compression must be in [0, 0.5), got ${e}`, `压缩参数 ε 必须在 [0, 0.5) 内，实际为 ${e}`);
    return e;
  }
  if (method === "none") return 0;
  throw valueError(`unknown entropy method "${String(method)}" (shift, compress or none)`, `未知的熵权方法“${String(method)}”（可选 shift、compress、none）`);
}

/**
 * Min–max x′ of one indicator over `rows` (direction-aware), written into `out[r]` for the
 * r-th row of the scope; a constant indicator gives 0. Returns [min, max].
 *
 * @example
 * const out = new Float64Array(3);
 * minMaxNormalize(Float64Array.of(2, 4, 6), Int32Array.of(0, 1, 2), -1, out)  // [2, 6]; out = [1, 0.5, 0]
 */
export function minMaxNormalize(x: Float64Array, rows: Int32Array, direction: number, out: Float64Array): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < rows.length; r++) {
    const v = x[rows[r]];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // extreme magnitudes (max − min beyond double precision): the same ratios on exactly rescaled values
  const s = rescaleFactor(Math.max(Math.abs(min), Math.abs(max)));
  const lo = min * s;
  const hi = max * s;
  const range = hi - lo;
  for (let r = 0; r < rows.length; r++) {
    const v = x[rows[r]] * s;
    out[r] = range > 0 ? (direction < 0 ? (hi - v) / range : (v - lo) / range) : 0;
  }
  return [min, max];
}

/**
 * Entropy e = −k Σ p ln p of one column of transformed values x″ ≥ 0 (p = x″/Σx″,
 * k = 1/ln n, 0·ln 0 = 0). A column whose sum is 0 (constant under `none`) has e = 1.
 *
 * @example
 * normalizedEntropy(Float64Array.of(1, 1, 1, 1))  // 1  (uniform)
 * normalizedEntropy(Float64Array.of(1, 0, 0, 0))  // 0  (all mass in one row)
 */
export function normalizedEntropy(xt: Float64Array): number {
  const n = xt.length;
  const s = compensatedSum(xt);
  if (!(s > 0)) return 1;
  // Neumaier-compensated Σ p ln p: the weights are differences 1 − e of numbers close to 1.
  let h = 0;
  let c = 0;
  for (let r = 0; r < n; r++) {
    const p = xt[r] / s;
    if (!(p > 0)) continue;
    const term = p * Math.log(p);
    const t = h + term;
    c += Math.abs(h) >= Math.abs(term) ? h - t + term : term - t + h;
    h = t;
  }
  return 0 - (h + c) / Math.log(n); // 0 − x, not −x: no −0 for a one-row mass
}

/**
 * Entropy weights of `indicators` and the composite index (see the module comment).
 *
 * @example
 * const r = entropyWeights(
 *   [{ name: "a", values: Float64Array.of(1, 2, 3, 4) }, { name: "b", values: Float64Array.of(1, 1, 1, 8) }],
 *   { method: "none" },
 * );
 * r.scopes[0].weights  // [0.21286…, 0.78713…]: "b" is more concentrated, so it weighs more
 * r.index              // [0, 0.070954…, 0.141908…, 1]
 */
export function entropyWeights(indicators: readonly NamedValues[], opts: EntropyOptions = {}): EntropyResult {
  const names = indicators.map((c) => c.name);
  const dims = opts.dimensions ?? [];
  const directions = indicatorDirections(names, opts.negative ?? [], dims);
  const method = opts.method ?? "shift";
  const param = methodParameter(method, opts);
  assertEqualLengths(indicators);
  for (const c of indicators) assertSomeValues(c);
  const n = indicators[0].values.length;
  if (opts.by) assertGroupLength(opts.by.name, opts.by.codes, n);
  const cols = indicators.map((c) => c.values);
  const scopes = rowScopes(completeRows(cols, opts.by?.codes), opts.by);
  const total = scopes.reduce((a, s) => a + s.rows.length, 0);
  if (total === 0) {
    throw valueError("no row has every indicator present: the entropy weights cannot be computed", "没有任何一行的全部指标都非缺失，无法计算熵权");
  }
  const index = new Float64Array(n).fill(NaN);
  const m = names.length;
  const warnings: Bilingual[] = [];
  const constantAll = new Set<string>();
  const results: EntropyScopeResult[] = [];
  for (const scope of scopes) {
    const rows = scope.rows;
    const nr = rows.length;
    const where = scope.level === null ? { en: "", zh: "" } : { en: ` in group ${opts.by!.name} = ${scope.level}`, zh: `（分组 ${opts.by!.name} = ${scope.level}）` };
    if (nr < 2) {
      throw numError(
        `the entropy weights need at least 2 complete rows${where.en}, but there is only 1 (k = 1/ln n is undefined)`,
        `熵权法至少需要 2 个完整观测${where.zh}，但只有 1 个（k = 1/ln n 无定义）`,
      );
    }
    const min = new Float64Array(m);
    const max = new Float64Array(m);
    const entropy = new Float64Array(m);
    const divergence = new Float64Array(m);
    const xn = Array.from({ length: m }, () => new Float64Array(nr));
    const xt = new Float64Array(nr);
    const constant: string[] = [];
    for (let j = 0; j < m; j++) {
      [min[j], max[j]] = minMaxNormalize(cols[j], rows, directions[j], xn[j]);
      if (!(max[j] > min[j])) {
        constant.push(names[j]);
        entropy[j] = 1;
        divergence[j] = 0;
        continue;
      }
      for (let r = 0; r < nr; r++) xt[r] = transform(xn[j][r], method, param);
      entropy[j] = normalizedEntropy(xt);
      divergence[j] = 1 - entropy[j];
    }
    let dsum = 0;
    for (let j = 0; j < m; j++) dsum += divergence[j];
    if (!(dsum > 0)) {
      throw numError(`every indicator is constant${where.en}: the entropy weights are undefined`, `所有指标均为常数${where.zh}：熵权无定义`);
    }
    const weights = divergence.map((d) => d / dsum);
    for (const c of constant) {
      constantAll.add(c);
      warnings.push({
        en: `indicator "${c}" is constant${where.en}: its weight is 0`,
        zh: `指标“${c}”为常数${where.zh}：其权重为 0`,
      });
    }
    for (let r = 0; r < nr; r++) {
      let s = 0;
      for (let j = 0; j < m; j++) {
        if (weights[j] === 0) continue;
        s += weights[j] * (opts.indexOnTransformed ? transform(xn[j][r], method, param) : xn[j][r]);
      }
      index[rows[r]] = s;
    }
    const dimensionWeights = Float64Array.from(dims, (d) => d.indicators.reduce((a, name) => a + weights[names.indexOf(name)], 0));
    results.push({ level: scope.level, nobs: nr, k: 1 / Math.log(nr), min, max, entropy, divergence, weights, dimensionWeights, constant });
  }
  return {
    indicators: names, directions, method, parameter: param, scopes: results, nobs: total, index,
    indexOnTransformed: opts.indexOnTransformed === true,
    constant: names.filter((x) => constantAll.has(x)), dimensions: dims, warnings,
  };
}

/** Neumaier-compensated sum. */
function compensatedSum(x: Float64Array): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** x″ from x′ for the chosen way of avoiding ln 0. */
function transform(x: number, method: EntropyMethod, param: number): number {
  return method === "shift" ? x + param : method === "compress" ? (1 - 2 * param) * x + param : x;
}
