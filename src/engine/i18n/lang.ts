/** CityPanel speaks English and Simplified Chinese. */
export type Lang = "en" | "zh";

/** A user-facing string in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** Pick the string for a language. */
export const t = (s: Bilingual, lang: Lang): string => (lang === "zh" ? s.zh : s.en);

/** "zh", "zh-CN", "zh_CN", "zh_CN.UTF-8", "zh-Hans", "zh_TW", "ZH"… (any Chinese tag). */
const CHINESE_TAG = /^zh(?:$|[-_.@])/i;

/**
 * Map a locale tag — BCP-47 as Office's displayLanguage gives it ("zh-CN", "en-US") or POSIX
 * as LANG holds it ("zh_CN.UTF-8") — to a Lang: Chinese for any zh tag, else English.
 */
export const langFromLocale = (tag: string | null | undefined): Lang => (tag && CHINESE_TAG.test(tag.trim()) ? "zh" : "en");

/**
 * A language the user typed (`--lang`): any zh tag → "zh", any en tag → "en", else null.
 *
 * @example
 * parseLang("zh_CN")  // "zh"
 * parseLang("en-GB")  // "en"
 * parseLang("fr")     // null
 */
export function parseLang(word: string): Lang | null {
  const s = word.trim();
  if (CHINESE_TAG.test(s)) return "zh";
  if (/^en(?:$|[-_.@])/i.test(s)) return "en";
  return null;
}
