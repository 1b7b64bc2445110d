import { errorFromWire } from "../../engine/errors";
import { Lang } from "../../engine/i18n/lang";
import { Spill } from "../adapters/common";
import { absorptionCache } from "../sharedCache";
import { HeavyFunction, runHeavy } from "./heavyFunctions";
import { HeavyReply, HeavyRequest } from "./protocol";

/**
 * Runs FEREG / IV2SLS in the functions worker (functions.worker.js beside taskpane.html), one
 * worker for the whole workbook, started on first use. Where no worker can start (no Worker
 * constructor, or the script fails to load) the call runs in-thread with the shared cache, so
 * a cell always gets its result. Rejections carry the engine's error (kind and both messages).
 *
 * @example
 * await computeHeavy("FEREG", [y, x, fe], "en")   // the spill
 */
const WORKER_URL = "functions.worker.js";

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { request: HeavyRequest; resolve: (s: Spill) => void; reject: (e: unknown) => void }>();

function runInThread(request: HeavyRequest): Spill {
  return runHeavy(request.fn, request.args, request.lang, absorptionCache);
}

/** The worker failed to load or crashed: serve what it had in-thread, and from now on too. */
function fallBack(): void {
  worker?.terminate();
  worker = null;
  for (const [id, p] of pending) {
    pending.delete(id);
    try { p.resolve(runInThread(p.request)); } catch (e) { p.reject(e); }
  }
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker !== "function") return (worker = null);
  try {
    const w = new Worker(WORKER_URL);
    w.onmessage = (e: MessageEvent<HeavyReply>) => {
      const reply = e.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ("spill" in reply) p.resolve(reply.spill);
      else p.reject(errorFromWire(reply.error));
    };
    w.onerror = (e) => { e.preventDefault(); fallBack(); };
    return (worker = w);
  } catch {
    return (worker = null);
  }
}

export function computeHeavy(fn: HeavyFunction, args: readonly unknown[], lang: Lang): Promise<Spill> {
  const request: HeavyRequest = { id: nextId++, fn, args, lang };
  const w = startWorker();
  if (!w) {
    try { return Promise.resolve(runInThread(request)); } catch (e) { return Promise.reject(e); }
  }
  return new Promise<Spill>((resolve, reject) => {
    pending.set(request.id, { request, resolve, reject });
    try {
      w.postMessage(request);
    } catch {
      // a cell value the structured clone cannot copy: compute this call here
      pending.delete(request.id);
      try { resolve(runInThread(request)); } catch (e) { reject(e); }
    }
  });
}
