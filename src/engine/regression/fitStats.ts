/**
 * Goodness-of-fit statistics as reghdfe and fixest report them (docs/methods.md §1.4):
 * RSS residual sum of squares, TSS around the mean of y, TSS_within = Σ ỹ² (y after
 * removing all fixed effects), df_resid = N − K − df_a.
 *
 * @example
 * fitStats({ rss: 452147.07, tss: 9359943.9, tssWithin: 1615706.5, nobs: 200, dfA: 29, dfResid: 169 }).r2  // 0.9517
 */
export interface FitStats {
  readonly r2: number;
  readonly r2Adj: number;
  readonly r2Within: number;
  readonly r2WithinAdj: number;
  readonly rmse: number;
}

export function fitStats(s: { rss: number; tss: number; tssWithin: number; nobs: number; dfA: number; dfResid: number }): FitStats {
  const { rss, tss, tssWithin, nobs, dfA, dfResid } = s;
  return {
    r2: 1 - rss / tss,
    r2Adj: 1 - (rss / tss) * ((nobs - 1) / dfResid),
    r2Within: 1 - rss / tssWithin,
    r2WithinAdj: 1 - (rss / tssWithin) * ((nobs - dfA) / dfResid),
    rmse: Math.sqrt(rss / dfResid),
  };
}
