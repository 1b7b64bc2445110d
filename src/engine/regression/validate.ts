import { IdColumn, NumericColumn, userRow } from "../data/columns";
import { valueError, numError } from "../errors";

/** Checks shared by FEREG and IV2SLS before any arithmetic: names and shapes (`ids`: every id column, fixed effects and the variance's groups). */
export function validateModelShape(parts: { y: NumericColumn; regressors: readonly NumericColumn[]; ids: readonly IdColumn[] }): void {
  const { y, regressors, ids } = parts;
  const n = y.values.length;
  if (n === 0) throw valueError("the outcome range is empty", "被解释变量区域为空");
  for (const c of regressors) {
    if (c.values.length !== n) throw lengthError(c.name, c.values.length, y.name, n);
  }
  for (const c of ids) {
    if (c.codes.length !== n) throw lengthError(c.name, c.codes.length, y.name, n);
  }
  for (const c of [y, ...regressors]) assertNoInfinity(c);
  const seen = new Set<string>([y.name]);
  for (const c of regressors) {
    if (c.name === y.name) throw valueError(`"${c.name}" is both the outcome and a regressor`, `“${c.name}”既是被解释变量又是解释变量`);
    if (seen.has(c.name)) throw valueError(`regressor "${c.name}" is listed twice`, `解释变量“${c.name}”重复列出`);
    seen.add(c.name);
  }
}

/**
 * NaN marks a missing value (dropped listwise), but ±Infinity in a numeric column handed to
 * the engine directly (not through parseNumericCell, which already rejects it) would turn
 * every demeaned value and coefficient into NaN without a word: reject it, naming the cell.
 */
function assertNoInfinity(c: NumericColumn): void {
  const v = c.values;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x === Infinity || x === -Infinity) {
      const row = userRow(c, i);
      throw valueError(`column "${c.name}", row ${row}: ${x} is not a finite number`, `列“${c.name}”第 ${row} 行：${x} 不是有限数值`, { column: c.name, row });
    }
  }
}

function lengthError(name: string, len: number, yName: string, n: number) {
  return valueError(
    `"${name}" has ${len} rows but "${yName}" has ${n}: all ranges must have the same number of rows`,
    `“${name}”有 ${len} 行，而“${yName}”有 ${n} 行：所有区域的行数必须相同`,
  );
}

/** A variable that takes one value over the estimation sample. */
export function assertNotConstant(name: string, v: Float64Array, role: "outcome" | "regressor"): void {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return;
  if (role === "outcome") {
    throw valueError(`the outcome "${name}" is constant in the estimation sample: nothing to explain`, `被解释变量“${name}”在估计样本中为常数：无可解释的变差`, { column: name });
  }
  throw valueError(
    `regressor "${name}" is constant in the estimation sample (value ${v[0]}): remove it, the intercept or fixed effects already cover it`,
    `解释变量“${name}”在估计样本中为常数（取值 ${v[0]}）：请删除该变量，截距或固定效应已包含它`,
    { column: name },
  );
}

/** N must exceed the number of estimated parameters. */
export function assertEnoughObservations(nobs: number, k: number, dfA: number): void {
  if (nobs - k - dfA <= 0) {
    throw numError(
      `too few observations: ${nobs} rows for ${k} coefficients and ${dfA} fixed-effect parameters (need more than ${k + dfA})`,
      `观测值过少：${nobs} 行数据，却要估计 ${k} 个系数和 ${dfA} 个固定效应参数（至少需要 ${k + dfA + 1} 行）`,
    );
  }
}
