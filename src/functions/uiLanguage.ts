import { Lang, langFromLocale } from "../engine/i18n/lang";

/**
 * The language of labels and error messages: Excel's display language (Office.context.displayLanguage,
 * e.g. "zh-CN" → Chinese), English when Office is not there (tests, CLI) or not ready yet.
 * `override` (tests) wins when given.
 */
let override: Lang | undefined;

export function uiLanguage(): Lang {
  if (override) return override;
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    return langFromLocale(office?.context?.displayLanguage);
  } catch {
    return "en";
  }
}

/** Force the language (tests); `undefined` restores the lookup. */
export function setUiLanguage(lang: Lang | undefined): void {
  override = lang;
}
