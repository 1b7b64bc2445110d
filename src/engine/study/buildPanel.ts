import { NumericColumn } from "../data/columns";
import { assertPanelIdsPresent } from "../data/missingPanelIds";
import { assertNoDuplicatePanelRows } from "../data/duplicatePanelRows";
import { DataTable, tableIds, tableNumeric } from "../data/table";
import { valueError } from "../errors";
import { entropyWeights } from "../index/entropy";
import { locationQuotient } from "../index/locquot";
import { pcaIndex } from "../index/pca";
import { industrialStructureIndex } from "../index/ris";
import { controlName, EXTERNAL_OUTCOME, PCA_OUTCOME, StudyDefinition } from "./definition";
import { logOf, productOf, ratioOf, trendOf } from "./derive";
import { StudyPanel, panelVar, setVar } from "./panel";
import { interactionName } from "./design/studyDesign";

/**
 * Build the study's variables from the user's columns, in dependency order:
 * 1. the outcome: the entropy-weight index of the indicators (Table 1), pooled over all rows;
 *    and its PCA composite (inn_2) and the external index (inn_1) for Table 5;
 * 2. the treatment(s), the controls (logged where the definition says so);
 * 3. the instruments (× linear trend);
 * 4. the mechanisms: cap = location quotient by year, ris = Σ m·share_m, ent = ratio × scale;
 * 5. the moderators (a column, or the PCA composite of several), then each moderator's
 *    interaction with the treatment.
 * A repeated (city, year) pair is an error naming its first two rows (header = row 1).
 * A constant moderator is an error naming it: its interaction would only repeat the treatment.
 *
 * @example
 * const p = buildPanel(table, defaultStudy());
 * p.vars.get("inn")!.values.length === table.rows   // true
 * p.entropy.weights                                  // the 25 weights of Table 1
 */
/** Row 1 of the user's sheet or file is the header: the first data row is row 2. */
const ROW_OF_FIRST_DATA = 2;

export function buildPanel(table: DataTable, def: StudyDefinition): StudyPanel {
  const city = tableIds(table, def.columns.city);
  const year = tableIds(table, def.columns.year);
  assertPanelIdsPresent(city, { en: "city", zh: "城市" }, ROW_OF_FIRST_DATA);
  assertPanelIdsPresent(year, { en: "year", zh: "年份" }, ROW_OF_FIRST_DATA);
  assertNoDuplicatePanelRows(city, year, ROW_OF_FIRST_DATA);
  const agglomeration = def.columns.agglomeration ? tableIds(table, def.columns.agglomeration) : undefined;
  const vars = new Map<string, NumericColumn>();
  const num = (name: string) => {
    let c = vars.get(name);
    if (!c) { c = tableNumeric(table, name); vars.set(name, c); }
    return c;
  };

  const indicators = def.indicators.map((i) => num(i.column));
  const negative = def.indicators.filter((i) => i.direction === "-").map((i) => i.column);
  const entropy = entropyWeights(indicators, {
    method: def.entropy.method,
    shift: def.entropy.shift,
    negative,
    dimensions: def.dimensions.map((d) => ({ name: d.key, indicators: def.indicators.filter((i) => i.dimension === d.key).map((i) => i.column) })),
  });
  const pca = pcaIndex(indicators, { negative });
  const p: StudyPanel = { n: table.rows, city, year, agglomeration, vars, entropy, pca };
  setVar(p, def.outcome.name, entropy.index);
  setVar(p, PCA_OUTCOME, pca.index);
  if (def.robustness.externalIndex) setVar(p, EXTERNAL_OUTCOME, num(def.robustness.externalIndex.column).values);

  const d = def.treatment.column;
  num(d);
  if (def.treatmentAlt) num(def.treatmentAlt.column);
  for (const c of def.controls) setVar(p, controlName(c), c.log ? logOf(c.column, num(c.column).values, ROW_OF_FIRST_DATA) : num(c.column).values);

  const trend = trendOf(tableNumeric(table, def.columns.year).values);
  for (const iv of def.instruments) setVar(p, iv.name, iv.timesTrend ? productOf(num(iv.column).values, trend) : num(iv.column).values);

  const m = def.mechanisms;
  if (m.cap) setVar(p, "cap", locationQuotient(num(m.cap.numerator), num(m.cap.denominator), year).lq);
  if (m.ris) setVar(p, "ris", industrialStructureIndex(m.ris.shares.map(num)).ris);
  if (m.ent) setVar(p, "ent", ratioOf(num(m.ent.numerator).values, num(m.ent.denominator).values, m.ent.scale, "ent", ROW_OF_FIRST_DATA, m.ent.denominator));

  for (const mo of def.moderators) {
    const values = mo.pcaOf ? pcaIndex(mo.pcaOf.map(num)).index : num(mo.column ?? mo.name).values;
    assertVaries(mo.column ?? mo.name, values);
    setVar(p, mo.name, values);
    setVar(p, interactionName(d, mo.name), productOf(panelVar(p, d).values, values));
  }
  return p;
}

/** A moderator must take at least two values among its non-missing rows. */
function assertVaries(name: string, x: Float64Array): void {
  let first = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return;
  }
  throw valueError(
    `moderator "${name}" is constant (every row is ${first}): its interaction with the treatment cannot be estimated`,
    `调节变量“${name}”为常数（所有行均为 ${first}），无法估计其与核心解释变量的交互项`,
    { column: name },
  );
}

