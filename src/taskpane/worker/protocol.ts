import { RawTable } from "../../engine/data/table";
import { ErrorWire } from "../../engine/errors";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { StudyDefinition } from "../../engine/study/definition";
import { JournalTable } from "../../engine/tables/journalTable";
import { VcovType } from "../../engine/vcov/types";

/** Messages between the task pane and the study worker (plain data: structured clone). */
export interface SingleModelSpec {
  readonly estimator: "fereg" | "iv2sls";
  readonly y: string;
  /** Exogenous regressors (FEREG: all regressors). */
  readonly x: readonly string[];
  /** IV2SLS only. */
  readonly endog?: readonly string[];
  readonly instruments?: readonly string[];
  /** City + year fixed effects (FEREG may run pooled OLS without them). */
  readonly fixedEffects: boolean;
  readonly vcov: VcovType;
  readonly cluster?: string;
}

export type StudyRequest =
  | { readonly kind: "study"; readonly table: RawTable; readonly def: StudyDefinition; readonly lang: Lang; readonly tables: readonly string[]; readonly source: string }
  | { readonly kind: "model"; readonly table: RawTable; readonly def: StudyDefinition; readonly lang: Lang; readonly model: SingleModelSpec; readonly source: string };

export interface StudyReply {
  readonly tables: readonly JournalTable[];
  readonly provenance: readonly { label: Bilingual; value: string }[];
}

export type ToWorker = { readonly type: "run"; readonly request: StudyRequest };

export type FromWorker =
  | { readonly type: "progress"; readonly table: string; readonly index: number; readonly total: number }
  | { readonly type: "done"; readonly result: StudyReply }
  | { readonly type: "error"; readonly error: ErrorWire };
