/// <reference lib="webworker" />
/*
 * The study worker: the engine runs here, off the task pane's (and, in the shared runtime,
 * the custom functions') thread, so Excel and the pane stay responsive. One request per
 * worker; the pane cancels by terminating the worker.
 */
import { compute } from "./compute";
import { FromWorker, ToWorker } from "./protocol";

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage: (m: FromWorker) => void };
scope.onmessage = (e) => {
  if (e.data?.type === "run") void compute(e.data.request, (m) => scope.postMessage(m));
};
