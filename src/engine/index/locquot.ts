import { IdColumn } from "../data/columns";
import { valueError } from "../errors";
import { maxAbs, rescaleFactor, scaled } from "../linalg/powerOfTwoScale";
import { assertEqualLengths, assertGroupLength, assertNonNegative, assertSomeValues, completeRows, NamedValues } from "./checks";
import { rowScopes } from "./scopes";

/**
 * Location quotient (docs/methods.md §7.1, the paper's cap): LQ_it = (F_it / K_it) / (F_t / K_t),
 * F_t = Σ_i F_it and K_t = Σ_i K_it over the rows of group t (e.g. a year) with both values
 * present — or over all such rows when there is no group. Rows with a missing value (or
 * group id) get NaN. F must be ≥ 0 and K > 0; a group whose F total is 0 has no LQ.
 */
export interface LocationQuotientGroup {
  /** Group level, or null for the single total. */
  readonly level: string | null;
  readonly nobs: number;
  readonly sumNum: number;
  readonly sumDen: number;
  /** F_t / K_t. */
  readonly ratio: number;
}

export interface LocationQuotientResult {
  readonly lq: Float64Array;
  readonly nobs: number;
  readonly groups: readonly LocationQuotientGroup[];
}

const WHAT = { en: "the location quotient", zh: "区位熵" };

/**
 * Location quotient of `num` relative to `den`, by group or against one total.
 *
 * @example
 * locationQuotient(
 *   { name: "F", values: Float64Array.of(1, 3, 2, 2) },
 *   { name: "K", values: Float64Array.of(10, 10, 10, 30) },
 * ).lq
 * // totals 8 / 60: [0.75, 2.25, 1.5, 0.5]
 * locationQuotient(
 *   { name: "F", values: Float64Array.of(1, 3, 2, 2) },
 *   { name: "K", values: Float64Array.of(10, 10, 10, 30) },
 *   { name: "year", codes: Int32Array.of(0, 0, 1, 1), levels: ["2008", "2009"] },
 * ).lq
 * // 2008: 4/20, 2009: 4/40 → [0.5, 1.5, 2, 2/3]
 */
export function locationQuotient(num: NamedValues, den: NamedValues, by?: IdColumn): LocationQuotientResult {
  const sf = rescaleFactor(maxAbs(num.values.filter((v) => v === v)));
  const sk = rescaleFactor(maxAbs(den.values.filter((v) => v === v)));
  if (sf !== 1 || sk !== 1) {
    // extreme magnitudes: LQ is invariant to scaling F and K, so compute it on exactly rescaled totals
    const r = locationQuotient({ ...num, values: scaled(num.values, sf) }, { ...den, values: scaled(den.values, sk) }, by);
    return { ...r, groups: r.groups.map((g) => ({ ...g, sumNum: g.sumNum / sf, sumDen: g.sumDen / sk, ratio: (g.sumNum / g.sumDen) * (sk / sf) })) };
  }
  assertEqualLengths([num, den]);
  assertSomeValues(num);
  assertSomeValues(den);
  const n = num.values.length;
  if (by) assertGroupLength(by.name, by.codes, n);
  assertNonNegative(num, WHAT);
  assertNonNegative(den, WHAT, true);
  const F = num.values;
  const K = den.values;
  const scopes = rowScopes(completeRows([F, K], by?.codes), by);
  if (scopes.length === 0 || scopes[0].rows.length === 0) {
    throw valueError(
      `no row has both "${num.name}" and "${den.name}" present: the location quotient cannot be computed`,
      `没有任何一行同时具有“${num.name}”和“${den.name}”的值，无法计算区位熵`,
    );
  }
  const lq = new Float64Array(n).fill(NaN);
  const groups: LocationQuotientGroup[] = [];
  let used = 0;
  for (const { level, rows } of scopes) {
    let sf = 0;
    let sk = 0;
    for (let r = 0; r < rows.length; r++) { sf += F[rows[r]]; sk += K[rows[r]]; }
    if (!(sf > 0)) {
      const where = level === null ? { en: "", zh: "" } : { en: ` in group ${by!.name} = ${level}`, zh: `（分组 ${by!.name} = ${level}）` };
      throw valueError(
        `the total of "${num.name}" is 0${where.en}: the location quotient divides by it and is undefined`,
        `“${num.name}”的合计为 0${where.zh}：区位熵的分母为 0，无定义`,
      );
    }
    // (F_it/K_it)/(F_t/K_t) written as (F_it·K_t)/(K_it·F_t): one rounding fewer per row
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      lq[i] = (F[i] * sk) / (K[i] * sf);
    }
    used += rows.length;
    groups.push({ level, nobs: rows.length, sumNum: sf, sumDen: sk, ratio: sf / sk });
  }
  return { lq, nobs: used, groups };
}
