import { isCityPanelError } from "../engine/errors";
import { Lang } from "../engine/i18n/lang";

/**
 * How an exception becomes an Excel error in a custom-function cell.
 *
 * Excel shows a custom message only for #VALUE! and #N/A (spec office-addin.md §5.4), so the
 * engine's `value` errors (bad input) AND `num` errors (too few observations, fewer than two
 * clusters, a singular system) become #VALUE! with the message; `na` errors (a result that does
 * not exist) become #N/A. Anything else (a bug) becomes #VALUE! with its message.
 */
export type ExcelErrorCode = "invalidValue" | "notAvailable";

export interface ExcelErrorSpec {
  readonly code: ExcelErrorCode;
  readonly message: string;
}

export function excelErrorSpec(e: unknown, lang: Lang): ExcelErrorSpec {
  if (isCityPanelError(e)) return { code: e.kind === "na" ? "notAvailable" : "invalidValue", message: e.localized(lang) };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: "invalidValue", message: lang === "zh" ? `内部错误：${msg}` : `internal error: ${msg}` };
}

/** A CustomFunctions.Error when the Office runtime is present; otherwise an Error carrying the spec (tests). */
export function toExcelError(e: unknown, lang: Lang): CustomFunctions.Error | (Error & { code: ExcelErrorCode }) {
  const spec = excelErrorSpec(e, lang);
  const CF = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (CF && typeof CF.Error === "function" && CF.ErrorCode) {
    return new CF.Error(CF.ErrorCode[spec.code], spec.message);
  }
  return Object.assign(new Error(spec.message), { code: spec.code });
}

/** Run an adapter; rethrow anything it throws as the matching Excel error. */
export function excelCall<T>(lang: Lang, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toExcelError(e, lang);
  }
}

/** The same for an asynchronous adapter (FEREG, IV2SLS in the functions worker). */
export async function excelCallAsync<T>(lang: Lang, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toExcelError(e, lang);
  }
}
