import { readChunked } from "./read";

/**
 * "Repair formulas": re-enter every CITYPANEL.* formula of the workbook, cell by cell, with
 * the formula it already has. Formulas Excel parsed before the add-in was loaded can stay
 * #NAME? until re-entered (office-addin.md §6); a recalculation does not help. Only the cells
 * holding such a formula are touched (spilled neighbours are not). Returns how many.
 */
export async function repairFormulas(): Promise<number> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    let count = 0;
    for (const item of sheets.items) {
      const sheet = sheets.getItem(item.name);
      const used = sheet.getUsedRangeOrNullObject();
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) continue;
      const formulas = await readChunked(context, sheet, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount, { property: "formulas" });
      formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          if (typeof f === "string" && f.startsWith("=") && /CITYPANEL\./i.test(f)) {
            sheet.getRangeByIndexes(used.rowIndex + i, used.columnIndex + j, 1, 1).formulas = [[f]];
            count++;
          }
        }),
      );
      await context.sync();
    }
    return count;
  });
}
