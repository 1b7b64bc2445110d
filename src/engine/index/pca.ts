import { EigenvalueDecomposition } from "ml-matrix";
import { asMatrix } from "../linalg/decompositions";
import { numError, valueError } from "../errors";
import { Bilingual } from "../i18n/lang";
import { maxAbs, rescaleFactor } from "../linalg/powerOfTwoScale";
import { assertEqualLengths, assertSomeValues, completeRows, NamedValues } from "./checks";
import { bartlettSphericity, kmoMsa } from "./factorability";

/**
 * PCA composite index (docs/methods.md §5 and its Defaults table): negative-direction indicators
 * multiplied by −1; z-scores over the complete rows with the sample SD (n − 1); correlation
 * matrix R = Z′Z/(n − 1); eigen-decomposition of R with eigenvalues in decreasing order and
 * unit eigenvectors v_k whose sign makes Σ_j v_jk > 0; scores F_k = Z v_k; the composite is
 * Σ_{k retained} (λ_k / Σ_{retained} λ) F_k over the components with λ > 1 (Kaiser), or the
 * first component only. Also KMO and Bartlett's sphericity test. Rows with a missing
 * indicator are left out (listwise) and get NaN scores.
 */
export interface PcaOptions {
  /** Names of negative-direction indicators (multiplied by −1). */
  readonly negative?: readonly string[];
  /** `kaiser` (default): components with eigenvalue > 1; `first`: the first component only. */
  readonly components?: "kaiser" | "first";
}

export interface PcaResult {
  readonly indicators: readonly string[];
  readonly directions: Int8Array;
  readonly nobs: number;
  /** Pooled mean and SD (n − 1) of each direction-aligned indicator. */
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  /** Correlation matrix, p×p row-major. */
  readonly correlation: Float64Array;
  /** Descending. */
  readonly eigenvalues: Float64Array;
  /** λ_k / Σλ. */
  readonly explained: Float64Array;
  readonly cumulative: Float64Array;
  /** Unit eigenvectors, component-major: `vectors[k * p + j]` = loading of indicator j on component k. */
  readonly vectors: Float64Array;
  readonly retained: number;
  /** λ_k / Σ_{retained} λ, per retained component. */
  readonly componentWeights: Float64Array;
  /** Composite per input row (NaN for rows not used). */
  readonly index: Float64Array;
  /** First-component score per input row. */
  readonly pc1: Float64Array;
  readonly kmo: number;
  readonly msa: Float64Array;
  readonly bartlett: { readonly chi2: number; readonly df: number; readonly p: number };
  readonly warnings: readonly Bilingual[];
}

/** Direction of each indicator (+1 / −1); names must be unique, negatives must exist. */
function directionsOf(names: readonly string[], negative: readonly string[]): Int8Array {
  if (names.length < 2) throw valueError("a PCA index needs at least two indicator columns", "主成分综合指数至少需要两个指标列");
  if (new Set(names).size !== names.length) throw valueError("an indicator is listed twice", "有指标重复列出");
  const dir = new Int8Array(names.length).fill(1);
  for (const n of negative) {
    const j = names.indexOf(n);
    if (j < 0) throw valueError(`negative-direction indicator "${n}" is not among the indicator columns`, `负向指标“${n}”不在指标列中`);
    dir[j] = -1;
  }
  return dir;
}

/**
 * Flip the sign of a unit vector so that its entries sum to > 0; when the sum is ~0
 * (|Σ| ≤ 1e-12), so that its largest entry in absolute value is positive.
 *
 * @example
 * orientBySum(Float64Array.of(-0.6, -0.8))  // [0.6, 0.8]
 */
export function orientBySum(v: Float64Array): Float64Array {
  let s = 0;
  let big = 0;
  for (let j = 0; j < v.length; j++) {
    s += v[j];
    if (Math.abs(v[j]) > Math.abs(big)) big = v[j];
  }
  const flip = Math.abs(s) > 1e-12 ? s < 0 : big < 0;
  if (flip) for (let j = 0; j < v.length; j++) v[j] = -v[j];
  return v;
}

/**
 * PCA of the indicators and the composite index (see the module comment).
 *
 * @example
 * const r = pcaIndex([
 *   { name: "a", values: Float64Array.of(1, 2, 3, 4) },
 *   { name: "b", values: Float64Array.of(2, 4, 5, 9) },
 * ]);
 * r.eigenvalues  // [1 + ρ, 1 − ρ] with ρ = corr(a, b) ≈ 0.96476: [1.96476…, 0.03524…]
 * r.vectors      // [0.7071, 0.7071, 0.7071, −0.7071] (component-major)
 * r.retained     // 1
 */
export function pcaIndex(indicators: readonly NamedValues[], opts: PcaOptions = {}): PcaResult {
  const names = indicators.map((c) => c.name);
  const directions = directionsOf(names, opts.negative ?? []);
  assertEqualLengths(indicators);
  for (const c of indicators) assertSomeValues(c);
  const p = names.length;
  const nAll = indicators[0].values.length;
  const usable = completeRows(indicators.map((c) => c.values));
  let n = 0;
  for (let i = 0; i < nAll; i++) n += usable[i];
  if (n < 3) {
    throw numError(
      `a PCA index needs at least 3 rows with every indicator present, but there ${n === 1 ? "is" : "are"} ${n}`,
      `主成分综合指数至少需要 3 个全部指标非缺失的观测，但只有 ${n} 个`,
    );
  }
  const rows = new Int32Array(n);
  for (let i = 0, k = 0; i < nAll; i++) if (usable[i]) rows[k++] = i;

  // z-scores of the direction-aligned indicators over the complete rows
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  const Z = Array.from({ length: p }, () => new Float64Array(n));
  for (let j = 0; j < p; j++) {
    const x = indicators[j].values;
    const z = Z[j];
    // extreme magnitudes: an exact power-of-two rescaling (z-scores do not change) keeps Σ(z − m)² finite
    const scale = rescaleFactor(maxAbs(x, rows));
    const dj = directions[j] * scale;
    let s = 0;
    for (let r = 0; r < n; r++) { z[r] = dj * x[rows[r]]; s += z[r]; }
    let m = s / n;
    let c = 0;
    for (let r = 0; r < n; r++) c += z[r] - m;
    m += c / n;
    let ss = 0;
    for (let r = 0; r < n; r++) { const d = z[r] - m; ss += d * d; }
    const sdj = Math.sqrt(ss / (n - 1));
    if (!(sdj > 0)) {
      throw valueError(
        `indicator "${names[j]}" is constant over the rows used: its z-score is undefined; leave it out of the PCA`,
        `指标“${names[j]}”在所用观测中为常数，无法标准化；请将其从主成分分析中去掉`,
        { column: names[j] },
      );
    }
    mean[j] = m / scale;
    sd[j] = sdj / scale;
    for (let r = 0; r < n; r++) z[r] = (z[r] - m) / sdj;
  }
  const correlation = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    correlation[a * p + a] = 1;
    for (let b = a + 1; b < p; b++) {
      let s = 0;
      const za = Z[a];
      const zb = Z[b];
      for (let r = 0; r < n; r++) s += za[r] * zb[r];
      correlation[a * p + b] = correlation[b * p + a] = s / (n - 1);
    }
  }

  // eigen-decomposition (ml-matrix returns ascending eigenvalues for a symmetric matrix; sort anyway)
  const Rm = asMatrix(correlation, p);
  const evd = new EigenvalueDecomposition(Rm, { assumeSymmetric: true });
  const lambdaRaw = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const order = Array.from({ length: p }, (_, k) => k).sort((x, y) => lambdaRaw[y] - lambdaRaw[x]);
  const eigenvalues = Float64Array.from(order, (k) => lambdaRaw[k]);
  const vectors = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    const v = orientBySum(Float64Array.from({ length: p }, (_, j) => V.get(j, order[k])));
    vectors.set(v, k * p);
  }
  let total = 0;
  for (let k = 0; k < p; k++) total += eigenvalues[k];
  const explained = eigenvalues.map((l) => l / total);
  const cumulative = new Float64Array(p);
  for (let k = 0, c = 0; k < p; k++) { c += explained[k]; cumulative[k] = c; }

  const warnings: Bilingual[] = [];
  let retained = 1;
  if ((opts.components ?? "kaiser") === "kaiser") {
    retained = 0;
    while (retained < p && eigenvalues[retained] > 1) retained++;
    if (retained === 0) {
      retained = 1;
      warnings.push({ en: "no eigenvalue exceeds 1: the index uses the first component only", zh: "没有大于 1 的特征值：综合指数仅使用第一主成分" });
    }
  }
  let retainedSum = 0;
  for (let k = 0; k < retained; k++) retainedSum += eigenvalues[k];
  const componentWeights = Float64Array.from({ length: retained }, (_, k) => eigenvalues[k] / retainedSum);

  const index = new Float64Array(nAll).fill(NaN);
  const pc1 = new Float64Array(nAll).fill(NaN);
  const score = new Float64Array(n);
  for (let k = 0; k < retained; k++) {
    score.fill(0);
    for (let j = 0; j < p; j++) {
      const vjk = vectors[k * p + j];
      const z = Z[j];
      for (let r = 0; r < n; r++) score[r] += vjk * z[r];
    }
    const w = componentWeights[k];
    for (let r = 0; r < n; r++) {
      const i = rows[r];
      if (k === 0) { pc1[i] = score[r]; index[i] = 0; }
      index[i] += w * score[r];
    }
  }

  const kmo = kmoMsa(correlation, p);
  const bartlett = bartlettSphericity(correlation, p, n);
  if (!Number.isFinite(kmo.overall)) {
    warnings.push({
      en: "the correlation matrix is singular (perfectly collinear indicators): KMO and Bartlett's test are undefined",
      zh: "相关系数矩阵奇异（指标完全共线）：KMO 与 Bartlett 球形检验无定义",
    });
  }
  return {
    indicators: names, directions, nobs: n, mean, sd, correlation, eigenvalues, explained, cumulative, vectors,
    retained, componentWeights, index, pc1, kmo: kmo.overall, msa: kmo.perVariable, bartlett, warnings,
  };
}
