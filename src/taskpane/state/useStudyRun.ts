import * as React from "react";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { StudyDefinition } from "../../engine/study/definition";
import { DataSheetLayout } from "../../engine/study/template/studyTemplate";
import { tr } from "../i18n/strings";
import { DetectedPanel } from "../model/detectPanel";
import { liveDataLayout } from "../model/liveDataLayout";
import { FieldErrors, fieldOfError, validateStudyMapping } from "../model/validate";
import { StudyCancelledByUser, StudyFailed, StudyJob } from "../worker/client";
import { ProvenanceRow, SingleModelSpec, StudyReply, StudyRequest } from "../worker/protocol";
import { asBilingual } from "./asBilingual";
import { TaskpaneServices } from "./services";

/** What the user chose to run. */
export interface RunChoice {
  readonly mode: "tables" | "model";
  readonly tables: readonly string[];
  readonly model: SingleModelSpec;
  readonly liveFormulas: boolean;
}

export interface RunProgress {
  readonly index: number;
  readonly total: number;
  readonly table: string;
}

/** Step 3's state while and after running. */
export interface RunState {
  readonly running: boolean;
  readonly progress: RunProgress | null;
  /** A problem that stops the run (mapping, data, engine), already in both languages. */
  readonly error: Bilingual | null;
  readonly cancelled: boolean;
}

/** What a finished run hands to the output step. */
export interface RunOutcome {
  readonly result: StudyReply;
  readonly def: StudyDefinition;
  readonly live: { data: DataSheetLayout; tables: readonly string[] } | null;
}

const both = (key: "readDataFirst" | "fixMappingFirst"): Bilingual => ({ en: tr("en", key), zh: tr("zh", key) });

export function useStudyRun(services: TaskpaneServices) {
  const [choice, setChoice] = React.useState<RunChoice>({
    mode: "tables", tables: [...services.availableTables], liveFormulas: false,
    model: { estimator: "fereg", y: "", x: [], fixedEffects: true, vcov: "robust" },
  });
  const [state, setState] = React.useState<RunState>({ running: false, progress: null, error: null, cancelled: false });
  const job = React.useRef<StudyJob | null>(null);

  /**
   * Check the mapping, run the chosen tables (or model) in the worker and hand the result to
   * `onDone`; an engine error that names a column is placed on its field through `onFieldErrors`.
   */
  const run = async (
    ctx: { detected: DetectedPanel | null; view: DetectedPanel | null; def: StudyDefinition | null; lang: Lang },
    onFieldErrors: (e: FieldErrors) => void,
    onDone: (o: RunOutcome) => void,
  ) => {
    const { detected, view, def, lang } = ctx;
    setState({ running: false, progress: null, error: null, cancelled: false });
    if (!detected || !def || !view) return setState((s) => ({ ...s, error: both("readDataFirst") }));
    if (Object.keys(validateStudyMapping(def, view)).length) return setState((s) => ({ ...s, error: both("fixMappingFirst") }));
    onFieldErrors({});
    const tables = choice.mode === "tables";
    const live = choice.liveFormulas && tables ? liveDataLayout(detected) : null;
    if (choice.liveFormulas && tables && !live) {
      const at = detected.block.source;
      return setState((s) => ({ ...s, error: { en: tr("en", "liveNeedsA1", at), zh: tr("zh", "liveNeedsA1", at) } }));
    }
    const chosen = services.availableTables.filter((t) => choice.tables.includes(t));
    const row = (en: string, zh: string, value: string): ProvenanceRow => ({ label: { en, zh }, value });
    const provenance = [
      row("written by", "写入方式", services.writtenBy ?? "CityPanel task pane"),
      row("output", "输出形式", live ? "live CITYPANEL formulas" : "values"),
      row("what was run", "运行内容", tables ? chosen.join(", ") : JSON.stringify(choice.model)),
      row("interface language", "界面语言", lang),
    ];
    const common = { table: detected.table, def, lang, source: detected.block.source, provenance };
    const request: StudyRequest = tables ? { kind: "study", ...common, tables: chosen } : { kind: "model", ...common, model: choice.model };
    setState((s) => ({ ...s, running: true }));
    const j = services.runner(request, (table, index, total) => setState((s) => ({ ...s, progress: { table, index, total } })));
    job.current = j;
    try {
      const result = await j.result;
      setState((s) => ({ ...s, running: false }));
      onDone({ result, def, live: live ? { data: live, tables: chosen } : null });
    } catch (e) {
      if (e instanceof StudyCancelledByUser) return setState((s) => ({ ...s, running: false, cancelled: true }));
      const b = asBilingual(e);
      setState((s) => ({ ...s, running: false, error: b }));
      const field = e instanceof StudyFailed ? fieldOfError(e.wire, def) : undefined;
      if (field) onFieldErrors({ [field]: b });
    } finally {
      job.current = null;
    }
  };

  return {
    choice,
    state,
    change: (patch: Partial<RunChoice>) => setChoice((c) => ({ ...c, ...patch })),
    run,
    cancel: () => job.current?.cancel(),
  };
}
