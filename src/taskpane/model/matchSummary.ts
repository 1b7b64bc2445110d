import { controlName, StudyDefinition } from "../../engine/study/definition";
import { StringKey } from "../i18n/strings";

/** One line of "what was matched automatically": the role (a UI string) and the columns found, or none. */
export interface MatchLine {
  readonly role: StringKey;
  readonly columns: readonly string[];
}

/**
 * What the name matching found, role by role, so the Map step can show it without the user
 * opening every section: ids, treatment, controls, indicators, instruments, mechanisms,
 * moderators and the robustness columns. A role with no column is listed with none.
 */
export function matchSummary(def: StudyDefinition): MatchLine[] {
  const line = (role: StringKey, columns: readonly (string | undefined)[]): MatchLine => ({ role, columns: columns.filter((c): c is string => !!c) });
  const m = def.mechanisms;
  return [
    line("city", [def.columns.city]),
    line("year", [def.columns.year]),
    line("agglomeration", [def.columns.agglomeration]),
    line("matchTreatment", [def.treatment.column]),
    line("controls", def.controls.map((c) => (controlName(c) === c.column ? c.column : `${c.column} → ${controlName(c)}`))),
    line("indicators", def.indicators.map((i) => i.column)),
    line("ivs", def.instruments.map((i) => i.column)),
    line("matchMechanisms", [m.cap?.numerator, m.cap?.denominator, ...(m.ris?.shares ?? []), m.ent?.numerator, m.ent?.denominator]),
    line("matchModerators", def.moderators.flatMap((x): (string | undefined)[] => (x.pcaOf ? [...x.pcaOf] : [x.column]))),
    line("treatmentAlt", [def.treatmentAlt?.column]),
    line("externalIndex", [def.robustness.externalIndex?.column]),
  ];
}
