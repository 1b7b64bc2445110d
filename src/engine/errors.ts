/**
 * Errors the engine raises for bad input. Every message exists in English and Simplified
 * Chinese; `kind` says which Excel error a worksheet face should show:
 * - `value` → `#VALUE!` (bad or mismatched input: text in a numeric column, wrong shapes, …)
 * - `num`   → `#NUM!`   (a numeric impossibility: too few observations, singular system, …)
 * - `na`    → `#N/A`    (a result that does not exist, e.g. a statistic undefined for this model)
 *
 * `place` says where the problem is — the column (as the user named it), the row as the user
 * sees it (worksheet / file row, header = row 1) and the function argument or option — so a
 * face can put the message beside the right control or cell without reading the text.
 *
 * @example
 * throw valueError("column \"gov\" is constant", "列“gov”为常数", { column: "gov" });
 */
export type ErrorKind = "value" | "num" | "na";

/** Where an error is: any of column, row (user-visible, header = 1) and argument / option. */
export interface ErrorPlace {
  readonly column?: string;
  readonly row?: number;
  readonly argument?: string;
}

export class CityPanelError extends Error {
  readonly kind: ErrorKind;
  readonly messageZh: string;
  readonly place: ErrorPlace;
  constructor(kind: ErrorKind, message: string, messageZh: string, place: ErrorPlace = {}) {
    super(message);
    this.name = "CityPanelError";
    this.kind = kind;
    this.messageZh = messageZh;
    this.place = place;
  }
  /** The message in the user's language. */
  localized(lang: "en" | "zh"): string {
    return lang === "zh" ? this.messageZh : this.message;
  }
}

export const isCityPanelError = (e: unknown): e is CityPanelError => e instanceof CityPanelError;

/** Bad or inconsistent input (`#VALUE!`). */
export const valueError = (en: string, zh: string, place?: ErrorPlace): CityPanelError => new CityPanelError("value", en, zh, place);
/** Numerically impossible request (`#NUM!`). */
export const numError = (en: string, zh: string, place?: ErrorPlace): CityPanelError => new CityPanelError("num", en, zh, place);
/** A result that is not available (`#N/A`). */
export const naError = (en: string, zh: string, place?: ErrorPlace): CityPanelError => new CityPanelError("na", en, zh, place);

/**
 * The one error format that crosses a worker boundary (the study worker and the custom
 * functions' worker): plain data, structured-clone friendly. `internal` marks a bug, not bad input.
 */
export interface ErrorWire extends ErrorPlace {
  readonly kind: ErrorKind | "internal";
  readonly en: string;
  readonly zh: string;
}

/** Any thrown thing as an ErrorWire (a non-CityPanel error becomes `internal`, its message as is). */
export function errorToWire(e: unknown): ErrorWire {
  if (isCityPanelError(e)) return { kind: e.kind, en: e.message, zh: e.messageZh, ...e.place };
  const m = e instanceof Error ? e.message : String(e);
  return { kind: "internal", en: m, zh: m };
}

/** Back from the wire: a CityPanelError for bad input, a plain Error for an internal failure. */
export function errorFromWire(w: ErrorWire): CityPanelError | Error {
  if (w.kind === "internal") return new Error(w.en);
  const { column, row, argument } = w;
  const place: ErrorPlace = Object.fromEntries(Object.entries({ column, row, argument }).filter(([, v]) => v !== undefined));
  return new CityPanelError(w.kind, w.en, w.zh, place);
}
