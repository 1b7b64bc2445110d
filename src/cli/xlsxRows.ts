import type { Worksheet } from "exceljs";

/**
 * The cells of an .xlsx worksheet as dense rows of plain cells (trailing empty rows dropped).
 * `formulasWithoutResults`, if given, collects the (0-based) columns holding formula cells
 * saved without their results (files written by scripts, never opened in Excel).
 * Browser-safe (no file system): the command line and the web app read .xlsx files alike.
 */
export function worksheetRows(ws: Worksheet, formulasWithoutResults?: Set<number>): unknown[][] {
  const rows: unknown[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const out: unknown[] = new Array(width).fill("");
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      if (formulasWithoutResults && isFormulaWithoutResult(v)) formulasWithoutResults.add(c - 1);
      out[c - 1] = xlsxCellValue(v);
    }
    rows[rowNumber - 1] = out;
  });
  const dense = Array.from(rows, (r) => r ?? new Array(width).fill(""));
  while (dense.length > 0 && dense[dense.length - 1].every((v) => v === "" || v === null)) dense.pop();
  return dense;
}

/** A formula cell whose file holds no cached result. */
export function isFormulaWithoutResult(v: unknown): boolean {
  if (v === null || typeof v !== "object" || v instanceof Date) return false;
  const o = v as Record<string, unknown>;
  return ("formula" in o || "sharedFormula" in o) && (o.result === undefined || o.result === null);
}

/** Reduce an exceljs cell value (formula results, rich text, errors, dates) to a plain cell. */
export function xlsxCellValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return v;
  if (v instanceof Date) return v.getUTCFullYear() * 10000 + (v.getUTCMonth() + 1) * 100 + v.getUTCDate();
  const o = v as Record<string, unknown>;
  if ("error" in o) return String(o.error);
  if ("result" in o) return xlsxCellValue(o.result);
  if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if ("text" in o) return String(o.text);
  return "";
}
