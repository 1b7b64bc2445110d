/**
 * Connected components ("mobility groups") of the bipartite graph whose nodes are the
 * levels of two fixed effects and whose edges are the observations. With m components the
 * two sets of dummies have m redundant columns, so the absorbed rank is L1 + L2 − m.
 *
 * @example
 * // firms {0,1} and years {0,1}, rows (0,0) and (1,1): two separate groups
 * countComponents(Int32Array.of(0,1), 2, Int32Array.of(0,1), 2)  // 2
 */
export function countComponents(a: Int32Array, na: number, b: Int32Array, nb: number): number {
  const parent = new Int32Array(na + nb);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let components = na + nb;
  for (let i = 0; i < a.length; i++) {
    const ra = find(a[i]);
    const rb = find(na + b[i]);
    if (ra !== rb) {
      parent[ra] = rb;
      components--;
    }
  }
  return components;
}

/**
 * True when every level of `fe` lies inside a single level of `cluster` (the FE is nested in
 * the cluster variable), e.g. city within province, or city within city.
 */
export function isNested(fe: Int32Array, feLevels: number, cluster: Int32Array): boolean {
  const owner = new Int32Array(feLevels).fill(-1);
  for (let i = 0; i < fe.length; i++) {
    const o = owner[fe[i]];
    if (o < 0) owner[fe[i]] = cluster[i];
    else if (o !== cluster[i]) return false;
  }
  return true;
}
