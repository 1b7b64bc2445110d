/**
 * Number formatting of journal tables: fixed decimals (4 by default, like the paper),
 * standard errors in parentheses, p-values in brackets, critical values in braces.
 *
 * @example
 * fixed(0.09994, 4)   // "0.0999"
 * fixed(-1.25e-6)    // "-0.0000013"  (never an exponent: decimals extended to 2 significant digits)
 * inParens(0.00204)   // "(0.0020)"
 * inBrackets(7.3e-57) // "[0.0000]"
 */
export function fixed(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return "";
  // a coefficient too small for the decimals (iv1's first stage, ~ -1.6e-5) is printed as journals
  // print it, in fixed decimals extended to two significant digits (−0.0000013), never as 1.3e-6
  const d = x !== 0 && Math.abs(x) < 0.5 * 10 ** -decimals ? Math.min(20, Math.ceil(-Math.log10(Math.abs(x))) + 1) : decimals;
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export const inParens = (x: number, decimals = 4): string => (Number.isFinite(x) ? `(${fixed(x, decimals)})` : "");
/** A p-value in brackets, as journals print it: fixed decimals, never an exponent ([0.0000] for p < 0.00005). */
export const inBrackets = (x: number, decimals = 4): string => (Number.isFinite(x) ? `[${x.toFixed(decimals)}]` : "");
export const inBraces = (x: number, decimals = 2): string => (Number.isFinite(x) ? `{${fixed(x, decimals)}}` : "");

/** An integer with thousands separators? Journals print N plainly: "2744". */
export const count = (n: number): string => (Number.isFinite(n) ? String(Math.round(n)) : "");
