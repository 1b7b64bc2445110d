import { DataSheetLayout } from "../../engine/study/template/studyTemplate";

/** Whether live formulas can refer to the data where they are: header in row 1 from column A, no gaps. */
export function liveDataLayout(d: { table: { names: readonly string[]; rows: number }; headerRow: number; block: { sheet: string; rowIndex: number; columnIndex: number }; columnsInBlock: readonly number[] }, synthetic = false): DataSheetLayout | null {
  const atA1 = d.block.rowIndex + d.headerRow === 0 && d.block.columnIndex === 0 && d.columnsInBlock.every((c, j) => c === j);
  return atA1 ? { sheet: d.block.sheet, names: d.table.names, rows: d.table.rows, synthetic } : null;
}
