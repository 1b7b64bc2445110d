import { Bilingual } from "../i18n/lang";
import { valueError } from "../errors";
import { IdColumn } from "./columns";

/**
 * Every row of a study panel names its city and its year. An empty id cell is refused, naming
 * the column, how many rows are empty and the first one: left alone, those rows would be dropped
 * and the fixed effects fail further on with a message about singletons. The usual cause is a
 * city's name merged down its years (a statistical yearbook's layout): Excel keeps the name in
 * the first row only, in the sheet and in a CSV saved from it — so the message says how to fill
 * the rows.
 *
 * @example
 * assertPanelIdsPresent(factorize("city", ["安庆", "", "合肥"]), { en: "city", zh: "城市" }, 2)
 * // throws: column "city" is empty in 1 of 3 rows (first: row 3) …
 */
export function assertPanelIdsPresent(id: IdColumn, role: Bilingual, firstRow = 2): void {
  let empty = 0;
  let first = -1;
  for (let i = 0; i < id.codes.length; i++) {
    if (id.codes[i] >= 0) continue;
    if (first < 0) first = i;
    empty++;
  }
  if (empty === 0) return;
  const n = id.codes.length;
  const row = first + firstRow;
  const mergedHint = first > 0 && id.codes[first - 1] >= 0;
  throw valueError(
    `column "${id.name}" is empty in ${empty} of ${n} rows (first: row ${row}): every row needs its ${role.en}` +
      (mergedHint
        ? `. If the names are merged cells (one name over several rows), unmerge them and fill every row — in Excel: Home > Merge & Center > Unmerge Cells, then Find & Select > Go To Special > Blanks, type = and the arrow up, Ctrl+Enter`
        : ""),
    `列“${id.name}”有 ${empty}/${n} 行为空（第一处：第 ${row} 行）：每一行都需要${role.zh}` +
      (mergedHint
        ? `。若名称是合并单元格（一个名称跨多行），请取消合并并逐行填充——在 Excel 中：开始 > 合并后居中 > 取消单元格合并，然后 查找和选择 > 定位条件 > 空值，输入 = 再按向上箭头，按 Ctrl+Enter`
        : ""),
    { column: id.name, row },
  );
}
