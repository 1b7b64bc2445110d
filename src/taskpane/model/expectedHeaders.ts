import { defaultStudy } from "../../engine/study/defaultStudy";
import { StudyDefinition } from "../../engine/study/definition";

/** The columns the default study expects, in a sensible order (ids, indicators, variables). */
export function expectedHeaders(def: StudyDefinition = defaultStudy()): string[] {
  const cols: (string | undefined)[] = [
    def.columns.city, def.columns.year, def.columns.agglomeration,
    ...def.indicators.map((i) => i.column),
    def.treatment.column, def.treatmentAlt?.column,
    ...def.controls.map((c) => c.column),
    ...def.instruments.map((i) => i.column),
    def.mechanisms.cap?.numerator, def.mechanisms.cap?.denominator,
    ...(def.mechanisms.ris?.shares ?? []),
    def.mechanisms.ent?.numerator, def.mechanisms.ent?.denominator,
    ...def.moderators.flatMap((m) => [m.column, ...(m.pcaOf ?? [])]),
    def.robustness.externalIndex?.column,
  ];
  return [...new Set(cols.filter((c): c is string => !!c))];
}
