import { ErrorWire } from "../../engine/errors";
import { Bilingual } from "../../engine/i18n/lang";
import { FromWorker, StudyReply, StudyRequest } from "./protocol";

/**
 * The task pane's handle on a running study: progress callbacks, a promise of the result,
 * and cancel() (terminates the worker at once; a fresh worker serves the next run).
 */
export interface StudyJob {
  readonly result: Promise<StudyReply>;
  cancel(): void;
}

/** A failed run: the worker's ErrorWire (kind, both messages, and where: column / row / argument). */
export class StudyFailed extends Error {
  readonly bilingual: Bilingual;
  constructor(readonly wire: ErrorWire) {
    super(wire.en);
    this.name = "StudyFailed";
    this.bilingual = wire.kind === "internal" ? { en: `Unexpected problem: ${wire.en}`, zh: `意外错误：${wire.zh}` } : { en: wire.en, zh: wire.zh };
  }
}

export class StudyCancelledByUser extends Error {
  constructor() {
    super("cancelled");
    this.name = "StudyCancelledByUser";
  }
}

export type StudyRunner = (request: StudyRequest, onProgress: (table: string, index: number, total: number) => void) => StudyJob;

/** Runs requests in a Web Worker loaded from `url` (the built study.worker.js beside taskpane.html). */
export function workerRunner(url = "study.worker.js"): StudyRunner {
  return (request, onProgress) => {
    const worker = new Worker(url);
    let settle: { resolve: (r: StudyReply) => void; reject: (e: Error) => void } | null = null;
    const result = new Promise<StudyReply>((resolve, reject) => { settle = { resolve, reject }; });
    const finish = () => { worker.terminate(); settle = null; };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === "progress") onProgress(m.table, m.index, m.total);
      else if (m.type === "done") { settle?.resolve(m.result); finish(); }
      else if (m.type === "error") { settle?.reject(new StudyFailed(m.error)); finish(); }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      settle?.reject(new StudyFailed({ kind: "internal", en: `the computation stopped: ${e.message}`, zh: `计算中断：${e.message}` }));
      finish();
    };
    worker.postMessage({ type: "run", request });
    return {
      result,
      cancel() {
        settle?.reject(new StudyCancelledByUser());
        finish();
      },
    };
  };
}
