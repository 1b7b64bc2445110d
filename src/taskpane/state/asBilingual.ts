import { Bilingual } from "../../engine/i18n/lang";
import { StudyFailed } from "../worker/client";

/** Any thrown thing as a message in both languages, never a stack trace. */
export function asBilingual(e: unknown): Bilingual {
  if (e instanceof StudyFailed) return e.bilingual;
  const anyE = e as { message?: string; messageZh?: string; localized?: unknown };
  if (anyE && typeof anyE.messageZh === "string") return { en: anyE.message ?? "", zh: anyE.messageZh };
  const m = e instanceof Error ? e.message : String(e);
  return { en: `Excel reported a problem: ${m}`, zh: `Excel 报告了一个问题：${m}` };
}
