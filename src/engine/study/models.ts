import { factorize } from "../data/columns";
import { iv2sls, Iv2slsResult } from "../iv/iv2sls";
import { fereg, FeregResult } from "../regression/fereg";
import { StudyDefinition } from "./definition";
import { panelVar, StudyPanel } from "./panel";

/**
 * The study's regressions, all with the study's VCE: `feModel` with city + year fixed
 * effects (or pooled OLS), `ivModel` 2SLS with city + year fixed effects.
 */
const clusterOf = (def: StudyDefinition, p: StudyPanel) => {
  if (def.vcov !== "cluster") return [];
  const name = def.cluster ?? def.columns.city;
  if (name === def.columns.city) return [p.city];
  if (name === def.columns.year) return [p.year];
  if (p.agglomeration && name === def.columns.agglomeration) return [p.agglomeration];
  return [factorize(name, Array.from(panelVar(p, name).values))];
};

export function feModel(def: StudyDefinition, p: StudyPanel, y: string, x: readonly string[], withFe = true): FeregResult {
  return fereg(
    { y: panelVar(p, y), x: x.map((n) => panelVar(p, n)), fe: withFe ? [p.city, p.year] : [], cluster: clusterOf(def, p) },
    { vcov: def.vcov },
  );
}

export function ivModel(def: StudyDefinition, p: StudyPanel, y: string, endog: readonly string[], instruments: readonly string[], exog: readonly string[]): Iv2slsResult {
  return iv2sls(
    {
      y: panelVar(p, y),
      endog: endog.map((n) => panelVar(p, n)),
      instruments: instruments.map((n) => panelVar(p, n)),
      exog: exog.map((n) => panelVar(p, n)),
      fe: [p.city, p.year],
      cluster: clusterOf(def, p),
    },
    { vcov: def.vcov },
  );
}
