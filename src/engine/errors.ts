/**
 * Errors the engine raises for bad input. Every message exists in English and Simplified
 * Chinese; `kind` says which Excel error a worksheet face should show:
 * - `value` → `#VALUE!` (bad or mismatched input: text in a numeric column, wrong shapes, …)
 * - `num`   → `#NUM!`   (a numeric impossibility: too few observations, singular system, …)
 * - `na`    → `#N/A`    (a result that does not exist, e.g. a statistic undefined for this model)
 *
 * @example
 * throw new CityPanelError("value", "column \"gov\" is constant", "列“gov”为常数");
 */
export type ErrorKind = "value" | "num" | "na";

export class CityPanelError extends Error {
  readonly kind: ErrorKind;
  readonly messageZh: string;
  constructor(kind: ErrorKind, message: string, messageZh: string) {
    super(message);
    this.name = "CityPanelError";
    this.kind = kind;
    this.messageZh = messageZh;
  }
  /** The message in the user's language. */
  localized(lang: "en" | "zh"): string {
    return lang === "zh" ? this.messageZh : this.message;
  }
}

export const isCityPanelError = (e: unknown): e is CityPanelError => e instanceof CityPanelError;

/** Bad or inconsistent input (`#VALUE!`). */
export const valueError = (en: string, zh: string): CityPanelError => new CityPanelError("value", en, zh);
/** Numerically impossible request (`#NUM!`). */
export const numError = (en: string, zh: string): CityPanelError => new CityPanelError("num", en, zh);
/** A result that is not available (`#N/A`). */
export const naError = (en: string, zh: string): CityPanelError => new CityPanelError("na", en, zh);
