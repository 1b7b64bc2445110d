import { userRow } from "../data/columns";
import { valueError } from "../errors";
import { assertEqualLengths, assertNonNegative, assertSomeValues, NamedValues } from "./checks";

/**
 * Coupling degree C, comprehensive development T and coupling-coordination degree D of
 * n ≥ 2 systems (docs/methods.md §7.2): C = n·(Π U_i)^{1/n} / Σ U_i (for two systems
 * C = 2√(U₁U₂)/(U₁ + U₂)), T = Σ w_i U_i (weights summing to 1, default equal), D = √(C·T).
 * U values must be ≥ 0 (usually min–max-normalised indices); a row where every U is 0 has
 * C = 0/0 and is an error naming the row. Rows with a missing U get NaN.
 */
export interface CouplingResult {
  readonly C: Float64Array;
  readonly T: Float64Array;
  readonly D: Float64Array;
  readonly weights: Float64Array;
  readonly nobs: number;
}

const WHAT = { en: "the coupling degree", zh: "耦合度" };

/** Check system weights: as many as systems, each ≥ 0, summing to 1 (±1e-9). */
function systemWeights(m: number, weights?: readonly number[]): Float64Array {
  if (!weights) return new Float64Array(m).fill(1 / m);
  if (weights.length !== m) {
    throw valueError(`${m} systems need ${m} weights, got ${weights.length}`, `${m} 个子系统需要 ${m} 个权重，实际为 ${weights.length} 个`);
  }
  let s = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw valueError(`system weights must be ≥ 0, got ${w}`, `子系统权重必须非负，实际为 ${w}`);
    s += w;
  }
  if (Math.abs(s - 1) > 1e-9) {
    throw valueError(`system weights must sum to 1, they sum to ${s}`, `子系统权重之和必须为 1，实际为 ${s}`);
  }
  return Float64Array.from(weights);
}

/**
 * C, T and D per row.
 *
 * @example
 * const u = (a: number[]) => ({ name: "U", values: Float64Array.from(a) });
 * couplingCoordination([u([0.4, 0.5]), u([0.1, 0.5])])
 * // C = [0.8, 1], T = [0.25, 0.5], D = [√0.2, √0.5]
 */
export function couplingCoordination(systems: readonly NamedValues[], weights?: readonly number[]): CouplingResult {
  const m = systems.length;
  if (m < 2) throw valueError(`the coupling degree needs at least 2 systems, got ${m}`, `耦合度至少需要 2 个子系统，实际为 ${m} 个`);
  assertEqualLengths(systems);
  for (const s of systems) { assertSomeValues(s); assertNonNegative(s, WHAT); }
  const w = systemWeights(m, weights);
  const U = systems.map((s) => s.values);
  const n = U[0].length;
  const C = new Float64Array(n).fill(NaN);
  const T = new Float64Array(n).fill(NaN);
  const D = new Float64Array(n).fill(NaN);
  let nobs = 0;
  row: for (let i = 0; i < n; i++) {
    let sum = 0;
    let logSum = 0;
    let t = 0;
    for (let k = 0; k < m; k++) {
      const v = U[k][i];
      if (v !== v) continue row;
      sum += v;
      logSum += Math.log(v); // −Infinity for a zero: geometric mean 0
      t += w[k] * v;
    }
    if (sum === 0) {
      const row = userRow(systems[0], i);
      throw valueError(
        `row ${row}: every system is 0, so the coupling degree is 0/0`,
        `第 ${row} 行：各子系统取值均为 0，耦合度为 0/0，无定义`,
        { row },
      );
    }
    const c = m === 2 ? (2 * Math.sqrt(U[0][i] * U[1][i])) / sum : (m * Math.exp(logSum / m)) / sum;
    C[i] = c;
    T[i] = t;
    D[i] = Math.sqrt(c * t);
    nobs++;
  }
  return { C, T, D, weights: w, nobs };
}
