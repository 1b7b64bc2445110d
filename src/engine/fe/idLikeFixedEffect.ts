import { Bilingual } from "../i18n/lang";
import { shown } from "../i18n/quote";
import { IdColumn } from "../data/columns";

/**
 * A fixed effect should be an id (city, year, province): each level shared by several rows.
 * A continuous variable given as a fixed effect (`--fe gov`) has nearly one level per row, so
 * nearly every row is a singleton and is dropped — the model then runs on a few rows that
 * happen to share a value. That is legal (reghdfe does the same), but almost never meant:
 * when more than half of the rows with a value hold a level that occurs only once, say so,
 * naming the variable.
 *
 * @example
 * singletonLevelsWarning(factorize("gov", ["0.11", "0.12", "0.13", "0.13"]))
 * // { en: 'warning: fixed effect "gov": 2 of 4 rows have a value no other row has …', zh: … }
 */
export function singletonLevelsWarning(fe: IdColumn): Bilingual | null {
  const count = new Int32Array(fe.levels.length);
  let rows = 0;
  for (let i = 0; i < fe.codes.length; i++) {
    const c = fe.codes[i];
    if (c >= 0) { count[c]++; rows++; }
  }
  let once = 0;
  for (let l = 0; l < count.length; l++) if (count[l] === 1) once++;
  if (rows === 0 || once * 2 <= rows) return null;
  const name = shown(fe.name);
  return {
    en: `warning: fixed effect "${name}": ${once} of ${rows} rows have a value no other row has, and are dropped as singletons — a fixed effect should be an id such as city or year, not a continuous variable`,
    zh: `警告：固定效应“${name}”：${rows} 行中有 ${once} 行的取值不与任何其他行相同，将作为单例剔除——固定效应应为城市、年份等标识，而不是连续变量`,
  };
}
