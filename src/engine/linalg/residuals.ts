/** y − Σ_j β_j x_j over columns, as a new array. */
export function residuals(cols: readonly Float64Array[], y: Float64Array, beta: Float64Array): Float64Array {
  const e = y.slice();
  for (let j = 0; j < cols.length; j++) {
    const b = beta[j];
    const x = cols[j];
    for (let i = 0; i < e.length; i++) e[i] -= b * x[i];
  }
  return e;
}
