import { Iv2slsResult } from "../../iv/iv2sls";
import { FeregResult } from "../../regression/fereg";

/**
 * Records every model a table estimates under a stable key ("table3.fe", "table4.iv1" …) so
 * the study result keeps the full results (for tests, provenance and live formulas), and
 * returns the model unchanged.
 */
export type StudyModel = FeregResult | Iv2slsResult;
export type ModelLog = <M extends StudyModel>(key: string, model: M) => M;

export function createModelLog(): { log: ModelLog; models: Map<string, StudyModel> } {
  const models = new Map<string, StudyModel>();
  const log: ModelLog = (key, model) => { models.set(key, model); return model; };
  return { log, models };
}
