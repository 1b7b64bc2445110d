import { valueError } from "../../errors";
import { winsorize } from "../../index/winsor";
import { StudyDefinition } from "../definition";
import { dropSmallGroups } from "../derive";
import { ModelSpec, SampleRule } from "../design/modelSpec";
import { feModel, ivModel } from "../models";
import { panelVar, setVar, StudyPanel, subsetPanel } from "../panel";
import { ModelLog, StudyModel } from "./modelLog";

/**
 * Estimate the model a column spec declares (./../design/modelSpec.ts) on the sample its rule
 * selects. A 2SLS model shown as two columns (first and second stage) is estimated once:
 * `done` holds the models already estimated by key.
 *
 * @example
 * estimateSpec(designOf("table5").regression!.models(def)[3], def, panel, log, new Map())  // the drop-small-agglomerations FEREG
 */
export function estimateSpec(spec: ModelSpec, def: StudyDefinition, p: StudyPanel, log: ModelLog, done: Map<string, StudyModel>): StudyModel {
  const hit = done.get(spec.key);
  if (hit) return hit;
  const d = spec.vcov ? { ...def, vcov: spec.vcov } : def;
  const q = sampleOf(spec.sample, p, [spec.outcome, ...(spec.endogenous ?? []), ...spec.regressors]);
  const model = spec.estimator === "iv2sls"
    ? ivModel(d, q, spec.outcome, spec.endogenous ?? [], spec.instruments ?? [], spec.regressors)
    : feModel(d, q, spec.outcome, spec.regressors, spec.fe);
  done.set(spec.key, log(spec.key, model));
  return model;
}

/** The panel a sample rule selects; `vars` are the model's variables (the ones winsorised). */
export function sampleOf(rule: SampleRule, p: StudyPanel, vars: readonly string[]): StudyPanel {
  if (rule.kind === "all") return p;
  if (rule.kind === "winsor") return winsorisedPanel(p, vars, rule.cuts);
  if (!p.agglomeration) {
    throw valueError("dropping small agglomerations needs an agglomeration column in the mapping", "剔除小城市群需要在映射中指定城市群列");
  }
  return subsetPanel(p, dropSmallGroups(p.agglomeration.codes, p.city.codes, rule.atMost));
}

/** A copy of the panel in which the named variables are winsorised (pooled cut points). */
export function winsorisedPanel(p: StudyPanel, names: readonly string[], cuts: readonly [number, number]): StudyPanel {
  const w: StudyPanel = { ...p, vars: new Map(p.vars) };
  for (const name of names) setVar(w, name, winsorize(panelVar(p, name), { cuts }).values);
  return w;
}
