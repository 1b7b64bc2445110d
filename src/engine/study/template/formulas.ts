import { RangeRef, rangeText } from "./ranges";

/**
 * The formulas a template cell can hold, as data, so one description renders as text for
 * Excel (the task pane's `range.formulas`, or the stored form in an .xlsx file) and can be
 * evaluated in tests:
 * - `call`: a CityPanel custom function (`CITYPANEL.FEREG(…)`);
 * - a few plain-Excel column operations the study's variables need, each a dynamic-array
 *   formula over whole columns, blank cells turned into #N/A so they count as missing
 *   (a plain reference would turn a blank into 0).
 *
 * @example
 * formulaText({ kind: "ln", from: gov }, "addin")   // "=IF(ISNUMBER('Data'!$F$2:$F$2745),LN('Data'!$F$2:$F$2745),NA())"
 * formulaText({ kind: "call", fn: "LOCQUOT", args }, "file")  // "_xldudf_CITYPANEL_LOCQUOT(…)"
 */
export type FunctionName =
  | "FEREG" | "IV2SLS" | "ENTROPYWEIGHTS" | "PCAINDEX" | "LOCQUOT" | "INDSTRUCT" | "WINSOR" | "DESCSTATS" | "INTERACT" | "COUPLING";

export type Arg =
  | { readonly kind: "range"; readonly ref: RangeRef }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "omitted" };

export type Formula =
  | { readonly kind: "call"; readonly fn: FunctionName; readonly args: readonly Arg[] }
  /** The column itself; blanks become #N/A. */
  | { readonly kind: "copy"; readonly from: RangeRef }
  /** ln of the column; non-numbers (blank, text, errors) and ln of x ≤ 0 become errors = missing. */
  | { readonly kind: "ln"; readonly from: RangeRef }
  /** column × (year − first year + 1), the paper's instrument × linear trend. */
  | { readonly kind: "timesTrend"; readonly from: RangeRef; readonly year: RangeRef }
  /** num / den × scale. */
  | { readonly kind: "ratio"; readonly num: RangeRef; readonly den: RangeRef; readonly scale: number }
  /** a × b, row by row. */
  | { readonly kind: "product"; readonly a: RangeRef; readonly b: RangeRef }
  /** For each row, the number of rows with the same group and the same year (cities of the agglomeration that year). */
  | { readonly kind: "groupCount"; readonly group: RangeRef; readonly year: RangeRef }
  /** A cell's text ("" when blank, not 0), e.g. an indicator's name on the Setup sheet. */
  | { readonly kind: "text"; readonly from: RangeRef }
  /** label (sum, 4 decimals %): a dimension with its weight in percent, "创新资源 (23.7448%)". */
  | { readonly kind: "labelPercent"; readonly label: RangeRef; readonly sum: RangeRef }
  /** value where test > min, #N/A elsewhere (drops the rows from every model using it). */
  | { readonly kind: "keepAbove"; readonly test: RangeRef; readonly min: number; readonly value: RangeRef };

/** `addin`: what a user types (=CITYPANEL.FEREG(…)); `file`: Excel's stored form in an .xlsx (_xldudf_CITYPANEL_FEREG(…), no "="). */
export type FormulaForm = "addin" | "file";

const argText = (a: Arg): string => {
  switch (a.kind) {
    case "range": return rangeText(a.ref);
    case "text": return `"${a.value.replace(/"/g, '""')}"`;
    case "number": return String(a.value);
    case "omitted": return "";
  }
};

export function formulaText(f: Formula, form: FormulaForm): string {
  const body = formulaBody(f, form);
  return form === "addin" ? `=${body}` : body;
}

function formulaBody(f: Formula, form: FormulaForm): string {
  const r = rangeText;
  switch (f.kind) {
    case "call": {
      const args = [...f.args];
      while (args.length > 0 && args[args.length - 1].kind === "omitted") args.pop();
      const name = form === "addin" ? `CITYPANEL.${f.fn}` : `_xldudf_CITYPANEL_${f.fn}`;
      return `${name}(${args.map(argText).join(",")})`;
    }
    case "copy": return `IF(${r(f.from)}="",NA(),${r(f.from)})`;
    case "ln": return `IF(ISNUMBER(${r(f.from)}),LN(${r(f.from)}),NA())`;
    case "timesTrend": return `${r(f.from)}*(${r(f.year)}-MIN(${r(f.year)})+1)`;
    case "ratio": return `${r(f.num)}/${r(f.den)}*${f.scale}`;
    case "product": return `${r(f.a)}*${r(f.b)}`;
    case "groupCount": return `COUNTIFS(${r(f.group)},${r(f.group)},${r(f.year)},${r(f.year)})`;
    case "keepAbove": return `IF(${r(f.test)}>${f.min},${r(f.value)},NA())`;
    case "text": return `${r(f.from)}&""`;
    case "labelPercent": return `${r(f.label)}&" ("&TEXT(SUM(${r(f.sum)}),"0.0000")&"%)"`;
  }
}
