import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

/**
 * Printing a workbook's table sheets the way a user would: LibreOffice headless converts them to
 * PDF, poppler-utils reads the page count and each page's text, and (when pdftoppm is there) the
 * pages are kept as PNGs in test-artifacts/pdf/ for a person to look at.
 *
 * Example:
 *   const printed = await printSheetsToPdf(wb, ["Table 1 …", …], { dir: tmp, name: "tables-en" });
 *   expect(printed.pages).toBe(7);
 *   expect(printed.pageText(1)).toContain("Table 1");
 */

const which = (tool: string): string => spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();

/** The tools' paths, "" when missing (apt-get install libreoffice-calc-nogui poppler-utils). */
export const pdfTools = { soffice: which("soffice"), pdfinfo: which("pdfinfo"), pdftoppm: which("pdftoppm") };
export const canPrintPdf = pdfTools.soffice !== "" && pdfTools.pdfinfo !== "";

export interface PrintedPdf {
  readonly pdf: string;
  readonly pages: number;
  /** Text of page `page` (1-based) as pdftotext reads it. */
  pageText(page: number): string;
}

/**
 * Write only `sheets` of `wb` (by name, in workbook order) to `<dir>/<name>.xlsx`, print it to
 * PDF with LibreOffice, and save PNGs of the pages as test-artifacts/pdf/<name>-N.png.
 * `wb` itself loses the other sheets: pass a workbook read for the purpose.
 */
export async function printSheetsToPdf(wb: ExcelJS.Workbook, sheets: readonly string[], opts: { dir: string; name: string }): Promise<PrintedPdf> {
  for (const ws of [...wb.worksheets]) if (!sheets.includes(ws.name)) wb.removeWorksheet(ws.id);
  const xlsx = path.join(opts.dir, `${opts.name}.xlsx`);
  await wb.xlsx.writeFile(xlsx);
  const out = path.join(opts.dir, `pdf-${opts.name}`);
  // a profile of its own: two conversions sharing one LibreOffice profile block each other
  const profile = `-env:UserInstallation=file://${path.join(opts.dir, `lo-profile-${opts.name}`)}`;
  execFileSync(pdfTools.soffice, [profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, xlsx], { stdio: "pipe", timeout: 120_000 });
  const pdf = path.join(out, `${opts.name}.pdf`);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync(pdfTools.pdfinfo, [pdf], { encoding: "utf8" }))![1]);
  if (pdfTools.pdftoppm) {
    const artifacts = path.resolve(__dirname, "../../test-artifacts/pdf");
    fs.mkdirSync(artifacts, { recursive: true });
    execFileSync(pdfTools.pdftoppm, ["-r", "80", "-png", pdf, path.join(artifacts, opts.name)]);
  }
  const pageText = (page: number) => execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  return { pdf, pages, pageText };
}
