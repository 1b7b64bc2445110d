import * as React from "react";
import { Bilingual } from "../../engine/i18n/lang";
import { DataSource } from "../model/dataSource";
import { detectPanel, DetectedPanel } from "../model/detectPanel";
import { asBilingual } from "./asBilingual";
import { TaskpaneServices } from "./services";

/** Step 1's state: where the data come from, reading them (with progress), what was detected. */
export interface DataStepState {
  readonly sources: { names: string[]; tables: string[] };
  readonly source: DataSource;
  readonly reading: boolean;
  readonly progress: { done: number; total: number } | null;
  readonly detected: DetectedPanel | null;
  readonly error: Bilingual | null;
}

export function useDataStep(services: TaskpaneServices, onDetected: (d: DetectedPanel) => void) {
  const [state, setState] = React.useState<DataStepState>({
    sources: { names: [], tables: [] }, source: { kind: "selection" }, reading: false, progress: null, detected: null, error: null,
  });
  const patch = (p: Partial<DataStepState>) => setState((s) => ({ ...s, ...p }));
  React.useEffect(() => {
    services.listSources().then((sources) => patch({ sources }), () => undefined);
  }, [services]);

  const read = async (source: DataSource = state.source) => {
    patch({ source, reading: true, error: null, progress: null });
    try {
      const block = await services.readSource(source, (done, total) => patch({ progress: { done, total } }));
      const detected = detectPanel(block);
      patch({ detected, reading: false });
      onDetected(detected);
    } catch (e) {
      patch({ error: asBilingual(e), reading: false });
    }
  };

  /** The web app: a file was chosen or dropped; read it at once. */
  const openFile = async (file: File) => {
    if (!services.openFile) return;
    try {
      await read(await services.openFile(file));
    } catch (e) {
      patch({ error: asBilingual(e) });
    }
  };

  return { state, setSource: (source: DataSource) => patch({ source }), read: () => read(), openFile };
}
