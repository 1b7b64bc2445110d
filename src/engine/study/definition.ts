import { Bilingual } from "../i18n/lang";
import { VcovType } from "../vcov/types";

/**
 * The study definition: a declarative description (JSON the user can edit) of how a city
 * panel maps onto the paper's design — which columns are the ids, the 25 index indicators
 * with their dimensions and directions, the treatment, the controls (and which enter in
 * logs), the instruments, the mechanism ingredients, the moderators, the robustness rules and
 * the variance estimator. `defaultStudy()` (./defaultStudy.ts) reproduces the paper's design
 * on the bundled sample panel.
 */
export interface IndicatorSpec {
  readonly column: string;
  readonly dimension: string;
  readonly direction: "+" | "-";
  readonly label?: Bilingual;
  /** Unit of measurement (Table 1's 单位 column), e.g. { en: "persons", zh: "人" }. */
  readonly unit?: Bilingual;
}

export interface ControlSpec {
  /** Column in the data (levels). */
  readonly column: string;
  /** Enter as ln(column). */
  readonly log?: boolean;
  /** Name of the variable in the regressions (default: "ln" + column when logged). */
  readonly name?: string;
  readonly label?: Bilingual;
  readonly title?: Bilingual;
}

export interface InstrumentSpec {
  /** Name in the tables, e.g. "iv1". */
  readonly name: string;
  /** Time-invariant base column, e.g. "dist_port". */
  readonly column: string;
  /** Multiply by a linear trend (year − first year + 1), as the paper does. */
  readonly timesTrend: boolean;
  readonly label?: Bilingual;
}

export interface ModeratorSpec {
  /** Name in the tables, e.g. "stage". */
  readonly name: string;
  /** Column holding it … */
  readonly column?: string;
  /** … or the columns of which it is the PCA composite (e.g. inn_infra). */
  readonly pcaOf?: readonly string[];
  readonly label?: Bilingual;
  readonly title?: Bilingual;
}

export interface StudyDefinition {
  readonly version: 1;
  readonly title: Bilingual;
  readonly columns: { readonly city: string; readonly year: string; readonly agglomeration?: string };
  readonly dimensions: readonly { key: string; label: Bilingual }[];
  readonly indicators: readonly IndicatorSpec[];
  readonly entropy: { readonly method: "shift" | "compress" | "none"; readonly shift: number };
  readonly outcome: { readonly name: string; readonly label: Bilingual; readonly title?: Bilingual };
  readonly treatment: { readonly column: string; readonly label: Bilingual; readonly title?: Bilingual };
  readonly treatmentAlt?: { readonly column: string; readonly label: Bilingual };
  readonly controls: readonly ControlSpec[];
  readonly instruments: readonly InstrumentSpec[];
  readonly mechanisms: {
    readonly cap?: { readonly numerator: string; readonly denominator: string; readonly label?: Bilingual; readonly title?: Bilingual };
    readonly ris?: { readonly shares: readonly [string, string, string]; readonly label?: Bilingual; readonly title?: Bilingual };
    readonly ent?: { readonly numerator: string; readonly denominator: string; readonly scale: number; readonly label?: Bilingual; readonly title?: Bilingual };
  };
  readonly moderators: readonly ModeratorSpec[];
  readonly robustness: {
    /** An external index replacing the outcome (Table 5, inn_1). */
    readonly externalIndex?: { readonly column: string; readonly label: Bilingual };
    /** Drop agglomerations with at most this many cities (Table 5). */
    readonly dropGroupsWithAtMost?: number;
    /** Winsorise outcome, treatment and controls at these percentiles (Table 5). */
    readonly winsor?: readonly [number, number];
  };
  readonly vcov: VcovType;
  /** Cluster variable (a column) when vcov is "cluster". */
  readonly cluster?: string;
  /** How the tables are printed (defaults: the paper's). */
  readonly tableOptions?: TableOptions;
}

export interface TableOptions {
  /** Which R² row(s) the regression tables show: "overall" (the paper's), "within" or "both". */
  readonly r2?: "overall" | "within" | "both";
  /**
   * Group digits in threes from the decimal point ("2 744", "10.505 3", "0.154 5***"), as the
   * paper and GB/T 15835 print numbers (default false: "2744", "10.5053").
   */
  readonly digitGrouping?: boolean;
}

/** The derived variable name of a control (e.g. density → lndensity). */
export const controlName = (c: ControlSpec): string => c.name ?? (c.log ? `ln${c.column}` : c.column);

/** Name of the PCA composite of the index indicators in the study panel (Table 5's inn_2). */
export const PCA_OUTCOME = "inn_2";
/** Name of the external index in the study panel (Table 5's inn_1). */
export const EXTERNAL_OUTCOME = "inn_1";
