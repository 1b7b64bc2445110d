import { defaultStudy } from "../../engine/study/defaultStudy";
import { ControlSpec, IndicatorSpec, InstrumentSpec, ModeratorSpec, StudyDefinition } from "../../engine/study/definition";
import { findColumn, findIndicators, findInfraColumns, Role } from "./synonyms";

/**
 * Map a user's columns onto the paper's study design by name (English and Chinese
 * synonyms): the paper's defaults (labels, logs, dimensions, robustness rules) with every
 * column role pointed at the user's column, or left out when no column matches. The result
 * is an ordinary StudyDefinition that the Map step edits and the workbook stores.
 *
 * @example
 * autoMap(["城市", "年份", "数字技术", ...]).columns  // { city: "城市", year: "年份", … }
 */
export function autoMap(names: readonly string[], ids?: { city?: string; year?: string }): StudyDefinition {
  const d = defaultStudy();
  const taken = new Set<string>();
  const find = (role: Role): string | undefined => {
    const c = findColumn(names, role, taken);
    if (c) taken.add(c);
    return c;
  };
  const city = ids?.city ?? find("city") ?? "";
  taken.add(city);
  const year = ids?.year ?? find("year") ?? "";
  taken.add(year);
  const agglomeration = find("agglomeration");
  const treatment = find("treatment") ?? "";
  const treatmentAlt = find("treatmentAlt");

  const indicatorCols = findIndicators(names);
  const dims = d.dimensions.map((x) => x.key);
  const indicators: IndicatorSpec[] = indicatorCols.map((column, j) => ({
    column,
    dimension: indicatorCols.length === d.indicators.length ? d.indicators[j].dimension : dims[Math.floor((j * dims.length) / indicatorCols.length)],
    direction: "+",
    ...(indicatorCols.length === d.indicators.length && d.indicators[j].label ? { label: d.indicators[j].label } : {}),
    ...(indicatorCols.length === d.indicators.length && d.indicators[j].unit ? { unit: d.indicators[j].unit } : {}),
  }));

  const controls: ControlSpec[] = [];
  for (const c of d.controls) {
    const col = find(c.column as Role);
    if (col) controls.push({ ...c, column: col, ...(col !== c.column && c.log ? { name: `ln${c.column}` } : {}) });
  }
  const instruments: InstrumentSpec[] = [];
  for (const iv of d.instruments) {
    const col = find(iv.column as Role);
    if (col) instruments.push({ ...iv, column: col });
  }
  const m = d.mechanisms;
  const capN = find("rd_spend");
  const capD = find("fiscal_spend");
  const shares = [find("share1"), find("share2"), find("share3")];
  const entN = find("new_firms");
  const entD = find("population");
  const mechanisms: StudyDefinition["mechanisms"] = {
    ...(capN && capD ? { cap: { ...m.cap!, numerator: capN, denominator: capD } } : {}),
    ...(shares.every(Boolean) ? { ris: { ...m.ris!, shares: shares as [string, string, string] } } : {}),
    ...(entN && entD ? { ent: { ...m.ent!, numerator: entN, denominator: entD } } : {}),
  };
  const moderators: ModeratorSpec[] = [];
  for (const mo of d.moderators) {
    if (mo.pcaOf) {
      const infra = findInfraColumns(names).filter((n) => !taken.has(n));
      if (infra.length >= 2) { infra.forEach((n) => taken.add(n)); moderators.push({ ...mo, pcaOf: infra }); }
    } else {
      const col = find(mo.name as Role);
      if (col) moderators.push({ ...mo, column: col });
    }
  }
  const ext = find("inn_ext");
  return {
    ...d,
    columns: { city, year, ...(agglomeration ? { agglomeration } : {}) },
    indicators,
    treatment: { ...d.treatment, column: treatment },
    ...(treatmentAlt ? { treatmentAlt: { ...d.treatmentAlt!, column: treatmentAlt } } : { treatmentAlt: undefined }),
    controls,
    instruments,
    mechanisms,
    moderators,
    robustness: { ...d.robustness, externalIndex: ext ? { ...d.robustness.externalIndex!, column: ext } : undefined },
    vcov: "robust",
    cluster: undefined,
  };
}

/** Drop undefined keys so the definition round-trips through JSON unchanged. */
export const cleanDefinition = (def: StudyDefinition): StudyDefinition => JSON.parse(JSON.stringify(def));
