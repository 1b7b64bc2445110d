/** Returned by `parseDecimalBytes` when the bytes are not a plain decimal it can convert exactly. */
export const NOT_FAST = -Infinity;

const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MANTISSA_LIMIT = 900719925474099; // m·10 + 9 stays below 2^53

/** Where the last `parseDecimalPrefix` stopped (a one-slot array: no allocation per call). */
export const DECIMAL_END = new Int32Array(1);

/** `parseDecimalPrefix` over exactly `b[s..e)`: NOT_FAST unless every byte is part of the number. */
export function parseDecimalBytes(b: Uint8Array, s: number, e: number): number {
  const v = parseDecimalPrefix(b, s, e);
  return DECIMAL_END[0] === e ? v : NOT_FAST;
}

/**
 * Parse the number that starts at `b[s]` (reading at most to `e`), leaving in DECIMAL_END
 * the index of the first byte after it: the tokenizer parses a field while it looks for the
 * field's end. The shape is `[+-]digits[.digits][(e|E)[+-]digits]`, as the text rule of
 * cell.ts; no string is made. Exact (Clinger's fast path): the mantissa
 * has at most 15 significant digits and the decimal exponent is within ±22, so the result is
 * one correctly rounded multiplication or division of two exact doubles, the same double as
 * `Number(text)`. Anything else (spaces, `NA`, `#N/A`, long mantissas, huge exponents) gives
 * `NOT_FAST`, and the caller decodes the text and applies the general rules.
 */
export function parseDecimalPrefix(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (i < e && (b[i] === 45 || b[i] === 43)) { neg = b[i] === 45; i++; }
  let m = 0;
  let exp = 0;
  let digits = 0;
  while (i < e) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) break;
    if (m > MANTISSA_LIMIT) return NOT_FAST;
    m = m * 10 + d;
    digits++;
    i++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      if (m > MANTISSA_LIMIT) return NOT_FAST;
      m = m * 10 + d;
      exp--;
      digits++;
      i++;
    }
  }
  if (digits === 0) return NOT_FAST;
  if (i < e && (b[i] === 101 || b[i] === 69)) {
    i++;
    let eneg = false;
    if (i < e && (b[i] === 45 || b[i] === 43)) { eneg = b[i] === 45; i++; }
    let x = 0;
    let xd = 0;
    while (i < e) {
      const d = b[i] - 48;
      if (d < 0 || d > 9) break;
      if (x > 1000) return NOT_FAST;
      x = x * 10 + d;
      xd++;
      i++;
    }
    if (xd === 0) return NOT_FAST;
    exp += eneg ? -x : x;
  }
  DECIMAL_END[0] = i;
  if (m === 0) return neg ? -0 : 0;
  let v: number;
  if (exp === 0) v = m;
  else if (exp < 0 && exp >= -22) v = m / POW10[-exp];
  else if (exp > 0 && exp <= 22) v = m * POW10[exp];
  else return NOT_FAST;
  return neg ? -v : v;
}
