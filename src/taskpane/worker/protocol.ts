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

/** One row of the Provenance sheet. */
export interface ProvenanceRow {
  readonly label: Bilingual;
  readonly value: string;
}

interface RequestCommon {
  readonly table: RawTable;
  readonly def: StudyDefinition;
  readonly lang: Lang;
  readonly source: string;
  /** Rows the pane adds to the Provenance sheet (who wrote it, what was run). */
  readonly provenance?: readonly ProvenanceRow[];
  /** The web app: also write the workbook `citypanel study` writes (the tables, Data, Provenance). */
  readonly workbook?: boolean;
}

export type StudyRequest =
  | (RequestCommon & { readonly kind: "study"; readonly tables: readonly string[] })
  | (RequestCommon & { readonly kind: "model"; readonly model: SingleModelSpec });

export interface StudyReply {
  readonly tables: readonly JournalTable[];
  readonly provenance: readonly ProvenanceRow[];
  /** The .xlsx bytes, when the request asked for the workbook. */
  readonly workbook?: Uint8Array;
  /** The workbook's sheet names, in order. */
  readonly sheets?: readonly string[];
}

export type ToWorker = { readonly type: "run"; readonly request: StudyRequest };

export type FromWorker =
  | { readonly type: "progress"; readonly table: string; readonly index: number; readonly total: number }
  | { readonly type: "done"; readonly result: StudyReply }
  | { readonly type: "error"; readonly error: ErrorWire };
