/**
 * Iterative removal of fixed-effect singletons, as reghdfe does by default: loop over the
 * fixed-effect dimensions dropping every observation whose level occurs once among the
 * remaining rows, and repeat until a full pass drops nothing. fixest removes only one
 * pass; xtreg keeps them. Dropping singletons never changes coefficients, only N, the
 * degrees of freedom and therefore the standard errors.
 *
 * @param codes  per FE, dense level codes (0..levels-1) for the candidate rows
 * @param levels per FE, the number of levels
 * @returns keep (1 = row stays) and the number dropped in each pass
 *
 * @example
 * // firm 1 occurs once, so its row goes:
 * dropSingletons([Int32Array.of(0, 0, 1)], [2]).keep  // Uint8Array [1, 1, 0]
 */
export function dropSingletons(codes: readonly Int32Array[], levels: readonly number[]): { keep: Uint8Array; rounds: number[]; dropped: number } {
  const n = codes.length > 0 ? codes[0].length : 0;
  const keep = new Uint8Array(n).fill(1);
  const counts = codes.map((c, g) => {
    const k = new Int32Array(levels[g]);
    for (let i = 0; i < n; i++) k[c[i]]++;
    return k;
  });
  const rounds: number[] = [];
  let dropped = 0;
  if (codes.length === 0) return { keep, rounds, dropped };
  for (;;) {
    let pass = 0;
    for (let g = 0; g < codes.length; g++) {
      const c = codes[g];
      const cnt = counts[g];
      for (let i = 0; i < n; i++) {
        if (keep[i] && cnt[c[i]] === 1) {
          keep[i] = 0;
          pass++;
          for (let h = 0; h < codes.length; h++) counts[h][codes[h][i]]--;
        }
      }
    }
    if (pass === 0) break;
    rounds.push(pass);
    dropped += pass;
  }
  return { keep, rounds, dropped };
}
