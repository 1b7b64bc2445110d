/**
 * Stock & Yogo (2005) critical values for the Cragg–Donald Wald F (2SLS), as ivreg2 prints
 * them beside the weak-identification statistic (`s_cdsy` in livreg2.mata; the same tables in
 * docs/methods.md §3.5). Source: Stock, J.H. and Yogo, M. (2005), "Testing for
 * Weak Instruments in Linear IV Regression", Tables 5.1 (relative bias) and 5.2 (size).
 *
 * Rows are L1 = number of excluded instruments (1..10 here); columns per K1 = number of
 * endogenous regressors. `null` where Stock–Yogo give no value (bias needs L1 ≥ K1 + 2).
 * Beyond 10 excluded instruments this table has no rows, and the lookup returns nothing.
 */
type Row = readonly [number | null, number | null, number | null, number | null];

/** Maximal IV size 10/15/20/25 %: SIZE[K1][L1 − 1]. */
const SIZE: Record<number, readonly Row[]> = {
  1: [
    [16.38, 8.96, 6.66, 5.53], [19.93, 11.59, 8.75, 7.25], [22.30, 12.83, 9.54, 7.80], [24.58, 13.96, 10.26, 8.31],
    [26.87, 15.09, 10.98, 8.84], [29.18, 16.23, 11.72, 9.38], [31.50, 17.38, 12.48, 9.93], [33.84, 18.54, 13.24, 10.50],
    [36.19, 19.71, 14.01, 11.07], [38.54, 20.88, 14.78, 11.65],
  ],
  2: [
    [null, null, null, null], [7.03, 4.58, 3.95, 3.63], [13.43, 8.18, 6.40, 5.45], [16.87, 9.93, 7.54, 6.28],
    [19.45, 11.22, 8.38, 6.89], [21.68, 12.33, 9.10, 7.42], [23.72, 13.34, 9.77, 7.91], [25.64, 14.31, 10.41, 8.39],
    [27.51, 15.24, 11.03, 8.85], [29.32, 16.16, 11.65, 9.31],
  ],
};

/** Maximal IV relative bias 5/10/20/30 %: BIAS[K1][L1 − 1]. */
const BIAS: Record<number, readonly Row[]> = {
  1: [
    [null, null, null, null], [null, null, null, null], [13.91, 9.08, 6.46, 5.39], [16.85, 10.27, 6.71, 5.34],
    [18.37, 10.83, 6.77, 5.25], [19.28, 11.12, 6.76, 5.15], [19.86, 11.29, 6.73, 5.07], [20.25, 11.39, 6.69, 4.99],
    [20.53, 11.46, 6.65, 4.92], [20.74, 11.49, 6.61, 4.86],
  ],
  2: [
    [null, null, null, null], [null, null, null, null], [null, null, null, null], [11.04, 7.56, 5.57, 4.73],
    [13.97, 8.78, 5.91, 4.79], [15.72, 9.48, 6.08, 4.78], [16.88, 9.92, 6.16, 4.76], [17.70, 10.22, 6.20, 4.73],
    [18.30, 10.43, 6.22, 4.69], [18.76, 10.58, 6.23, 4.66],
  ],
};

const SIZE_LABELS = ["10%", "15%", "20%", "25%"] as const;
const BIAS_LABELS = ["5%", "10%", "20%", "30%"] as const;

export interface StockYogoValues {
  /** Maximal IV size → critical value, e.g. {"10%": 16.38, …}; empty when none exist. */
  readonly size: Record<string, number>;
  /** Maximal IV relative bias → critical value; empty when none exist. */
  readonly bias: Record<string, number>;
}

/**
 * Critical values for a model with `k1` endogenous regressors and `l1` excluded instruments.
 *
 * @example
 * stockYogo(1, 1)  // { size: {"10%": 16.38, "15%": 8.96, "20%": 6.66, "25%": 5.53}, bias: {} }
 */
export function stockYogo(k1: number, l1: number): StockYogoValues {
  return { size: pick(SIZE[k1]?.[l1 - 1], SIZE_LABELS), bias: pick(BIAS[k1]?.[l1 - 1], BIAS_LABELS) };
}

function pick(row: Row | undefined, labels: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (!row) return out;
  row.forEach((v, j) => { if (v !== null) out[labels[j]] = v; });
  return out;
}

export const STOCK_YOGO_SOURCE = "Stock, J.H. and M. Yogo (2005), Testing for Weak Instruments in Linear IV Regression, Tables 5.1–5.2 (as printed by ivreg2)";
