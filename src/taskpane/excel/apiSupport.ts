/**
 * Whether the host supports an ExcelApi requirement set above the manifest's minimum
 * (manifest.xml asks only for SharedRuntime 1.1). Outside Office (tests, a browser page) or
 * where Office cannot tell, the answer is no, and the feature is skipped.
 *
 * @example
 * if (excelApiSupported("1.9")) sheet.pageLayout.orientation = "Landscape";
 */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}
