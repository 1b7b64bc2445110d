import { countComponents, isNested } from "./components";

/**
 * Degrees of freedom absorbed by the fixed effects, counted as reghdfe does (`DoF.mata`,
 * docs/methods.md §1.3): Σ levels minus the redundant ones — every FE after the first loses
 * one level to the shared intercept, pairs of FEs lose one per extra connected component
 * (exact for two FEs, conservative for more), and when clustering, an FE nested in a cluster
 * variable has all its levels counted as redundant (they are absorbed by the cluster) and
 * takes no part in the mobility-group count (so with city nested in the cluster, year
 * loses one level however many components the city–year graph has, as in reghdfe).
 */
export interface AbsorbedDof {
  /** Rank of the FE dummies including the intercept, whatever the VCE (city×year: 209). */
  readonly dfA: number;
  /** df_a with FEs nested in a cluster variable removed (reghdfe's e(df_a) under clustering). */
  readonly dfANonNested: number;
  /** Levels of the FEs nested in a cluster variable (reghdfe's df_a_nested). */
  readonly dfANested: number;
  /** 1 when some FE is nested in a cluster variable (reghdfe's "minor adjustment"), else 0. */
  readonly nestedAdj: 0 | 1;
  /** Per FE: nested in some cluster variable. */
  readonly nested: readonly boolean[];
  /** Connected components of the first two FEs' bipartite graph (1 when fewer than two FEs). */
  readonly mobilityGroups: number;
}

/**
 * @example
 * // balanced 196 cities × 14 years, cluster by city:
 * // dfA 209, dfANonNested 13, dfANested 196, nestedAdj 1
 */
export function absorbedDof(fe: readonly Int32Array[], levels: readonly number[], clusters: readonly Int32Array[] = []): AbsorbedDof {
  const G = fe.length;
  if (G === 0) return { dfA: 0, dfANonNested: 0, dfANested: 0, nestedAdj: 0, nested: [], mobilityGroups: 1 };
  const pairComponents: number[][] = levels.map(() => levels.map(() => 1));
  for (let g = 0; g < G; g++) {
    for (let h = g + 1; h < G; h++) pairComponents[g][h] = countComponents(fe[g], levels[g], fe[h], levels[h]);
  }
  const nested = fe.map((codes, g) => clusters.some((c) => isNested(codes, levels[g], c)));
  const count = (nestedFlags: readonly boolean[]): number => {
    const redundant = new Array<number>(G).fill(0);
    let seenFree = false;
    const anyNested = nestedFlags.some((x) => x);
    for (let g = 0; g < G; g++) {
      if (nestedFlags[g]) { redundant[g] = levels[g]; continue; }
      if (seenFree || anyNested) redundant[g] = 1;
      seenFree = true;
    }
    // mobility groups only between pairs of FEs that are both not nested (reghdfe DoF.mata:
    // nested FEs leave intercept_index before dof_update_mobility_group)
    for (let g = 0; g < G; g++) {
      if (nestedFlags[g]) continue;
      for (let h = g + 1; h < G; h++) {
        if (nestedFlags[h]) continue;
        redundant[h] = Math.max(redundant[h], pairComponents[g][h]);
      }
    }
    let df = 0;
    for (let g = 0; g < G; g++) df += levels[g] - redundant[g];
    return df;
  };
  const dfA = count(fe.map(() => false));
  const dfANonNested = count(nested);
  let dfANested = 0;
  for (let g = 0; g < G; g++) if (nested[g]) dfANested += levels[g];
  return {
    dfA,
    dfANonNested,
    dfANested,
    nestedAdj: nested.some((x) => x) ? 1 : 0,
    nested,
    mobilityGroups: G >= 2 ? pairComponents[0][1] : 1,
  };
}
