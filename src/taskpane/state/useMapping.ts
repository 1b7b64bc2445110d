import * as React from "react";
import { Lang } from "../../engine/i18n/lang";
import { StudyDefinition } from "../../engine/study/definition";
import { tr } from "../i18n/strings";
import { autoMap } from "../model/autoMap";
import { DataSource } from "../model/dataSource";
import { DetectedPanel } from "../model/detectPanel";
import { SavedMapping } from "../model/savedMapping";
import { FieldErrors } from "../model/validate";
import { asBilingual } from "./asBilingual";
import { TaskpaneServices } from "./services";

/** Step 2's state: the mapping being edited, where it came from, and errors the engine placed on a field. */
export interface MappingState {
  readonly saved: SavedMapping | null;
  readonly def: StudyDefinition | null;
  /** The mapping as matched by name (null when restored from the workbook): the Map step lists it. */
  readonly auto: StudyDefinition | null;
  readonly restoredAt: string | null;
  readonly savedNote: string | null;
  readonly engineErrors: FieldErrors;
}

const byName = (d: DetectedPanel) => autoMap(d.table.names, { city: d.summary.city, year: d.summary.year });

export function useMapping(services: TaskpaneServices, lang: Lang, onSavedSource: (s: DataSource) => void) {
  const [state, setState] = React.useState<MappingState>({ saved: null, def: null, auto: null, restoredAt: null, savedNote: null, engineErrors: {} });
  const patch = (p: Partial<MappingState>) => setState((s) => ({ ...s, ...p }));
  React.useEffect(() => {
    services.loadMapping().then((saved) => {
      patch({ saved });
      if (saved?.source) onSavedSource(saved.source);
    }, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services]);

  /** Data were read: restore the saved mapping when it fits them, else match columns by name. */
  const adopt = (d: DetectedPanel) => {
    const saved = state.saved;
    const fits = saved && d.table.names.includes(saved.definition.columns.city) && d.table.names.includes(saved.definition.columns.year);
    if (fits) patch({ def: saved.definition, auto: null, restoredAt: new Date(saved.savedAt).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB"), engineErrors: {} });
    else {
      const def = byName(d);
      patch({ def, auto: def, restoredAt: null, engineErrors: {} });
    }
  };

  const save = async (source: DataSource) => {
    if (!state.def) return;
    try {
      await services.saveMapping(state.def, source);
      patch({ savedNote: tr(lang, "saved") });
    } catch (e) {
      patch({ savedNote: asBilingual(e)[lang] });
    }
  };

  return {
    state,
    adopt,
    save,
    change: (def: StudyDefinition) => patch({ def, savedNote: null, engineErrors: {} }),
    matchAgain: (d: DetectedPanel) => { const def = byName(d); patch({ def, auto: def, restoredAt: null }); },
    setEngineErrors: (engineErrors: FieldErrors) => patch({ engineErrors }),
  };
}
