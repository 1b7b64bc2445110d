/** CityPanel speaks English and Simplified Chinese. */
export type Lang = "en" | "zh";

/** A user-facing string in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** Pick the string for a language. */
export const t = (s: Bilingual, lang: Lang): string => (lang === "zh" ? s.zh : s.en);

/** Map a BCP-47 tag such as Office's displayLanguage ("zh-CN", "en-US") to a Lang. */
export const langFromLocale = (tag: string | null | undefined): Lang => (tag && /^zh\b/i.test(tag) ? "zh" : "en");
