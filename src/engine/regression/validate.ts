import { IdColumn, NumericColumn, userRow } from "../data/columns";
import { valueError, numError } from "../errors";
import { VcovType } from "../vcov/types";

/** Checks shared by FEREG and IV2SLS before any arithmetic: names, shapes, VCE. */
export function validateModelShape(parts: { y: NumericColumn; regressors: readonly NumericColumn[]; fe: readonly IdColumn[]; cluster: readonly IdColumn[]; vcov: VcovType }): void {
  const { y, regressors, fe, cluster, vcov } = parts;
  const n = y.values.length;
  if (n === 0) throw valueError("the outcome range is empty", "被解释变量区域为空");
  for (const c of regressors) {
    if (c.values.length !== n) throw lengthError(c.name, c.values.length, y.name, n);
  }
  for (const c of [...fe, ...cluster]) {
    if (c.codes.length !== n) throw lengthError(c.name, c.codes.length, y.name, n);
  }
  for (const c of [y, ...regressors]) assertNoInfinity(c);
  const seen = new Set<string>([y.name]);
  for (const c of regressors) {
    if (c.name === y.name) throw valueError(`"${c.name}" is both the outcome and a regressor`, `“${c.name}”既是被解释变量又是解释变量`);
    if (seen.has(c.name)) throw valueError(`regressor "${c.name}" is listed twice`, `解释变量“${c.name}”重复列出`);
    seen.add(c.name);
  }
  if (vcov === "cluster" && cluster.length === 0) {
    throw valueError("clustered standard errors need a cluster variable (e.g. city)", "聚类标准误需要指定聚类变量（例如城市）");
  }
  if (cluster.length > 2) throw valueError("at most two cluster variables are supported", "最多支持两个聚类变量");
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

/** Clustering needs at least two clusters. */
export function assertClusters(names: readonly string[], counts: readonly number[]): void {
  counts.forEach((G, j) => {
    if (G < 2) {
      throw numError(
        `cluster variable "${names[j]}" has only ${G} cluster in the estimation sample: cluster-robust errors need at least 2 (many more to be reliable)`,
        `聚类变量“${names[j]}”在估计样本中只有 ${G} 个类：聚类稳健标准误至少需要 2 个类（越多越可靠）`,
      );
    }
  });
}
