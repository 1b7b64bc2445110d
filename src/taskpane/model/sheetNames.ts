/**
 * Excel's sheet-name rules (at most 31 characters, none of []:*?/\ , not blank, unique
 * ignoring case) and the never-overwrite rule: a name already in the workbook gets a
 * suffix " (2)", " (3)" … rather than reusing the sheet.
 */
export const MAX_SHEET_NAME = 31;

export function cleanSheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, MAX_SHEET_NAME).trim();
  return s || "Sheet";
}

/** A name not in `existing` (case-insensitive), derived from `wanted`. */
export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
