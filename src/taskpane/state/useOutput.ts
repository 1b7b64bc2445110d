import * as React from "react";
import { Bilingual, Lang } from "../../engine/i18n/lang";
import { asBilingual } from "./asBilingual";
import { TaskpaneServices, TemplateOutcome } from "./services";
import { RunOutcome } from "./useStudyRun";

/** Step 4's state: what was written, and the workbook tools (template, repair). */
export interface OutputState {
  readonly writing: boolean;
  readonly written: readonly string[];
  readonly error: Bilingual | null;
  /** A problem of Insert template / Repair formulas (shown beside those buttons). */
  readonly toolError: Bilingual | null;
  readonly template: TemplateOutcome | null;
  readonly repaired: number | null;
}

export function useOutput(services: TaskpaneServices) {
  const [state, setState] = React.useState<OutputState>({ writing: false, written: [], error: null, toolError: null, template: null, repaired: null });
  const patch = (p: Partial<OutputState>) => setState((s) => ({ ...s, ...p }));
  /** Runs a workbook tool with its error cleared; shows its problem beside the tools. */
  const guarded = async (task: () => Promise<void>) => {
    patch({ toolError: null });
    try {
      await task();
    } catch (e) {
      patch({ toolError: asBilingual(e) });
    }
  };

  /**
   * Write a finished run (tables and Provenance); resolves true when written. The add-in lists
   * every sheet written so far; the web app the sheets of the one workbook to download.
   */
  const write = async (o: RunOutcome, lang: Lang): Promise<boolean> => {
    patch({ writing: true, error: null });
    try {
      const names = await services.writeOutput(o.result, lang, { def: o.def, live: o.live });
      setState((s) => ({ ...s, written: services.downloadOutput ? names : [...s.written, ...names], writing: false }));
      return true;
    } catch (e) {
      patch({ error: asBilingual(e), writing: false });
      return false;
    }
  };

  return {
    state,
    write,
    insertTemplate: (lang: Lang, rows: number) => guarded(async () => { if (services.insertTemplate) patch({ template: await services.insertTemplate(lang, rows) }); }),
    repair: () => guarded(async () => { if (services.repairFormulas) patch({ repaired: await services.repairFormulas() }); }),
  };
}
