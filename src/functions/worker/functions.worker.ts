/// <reference lib="webworker" />
import { createAbsorptionCache } from "../../engine/fe/absorptionCache";
import { errorToWire } from "../../engine/errors";
import { MAX_CACHED_PANELS } from "../sharedCache";
import { runHeavy } from "./heavyFunctions";
import { HeavyReply, HeavyRequest } from "./protocol";

/**
 * The custom functions' worker (dist/functions.worker.js): runs FEREG and IV2SLS off the
 * shared runtime's main thread. It keeps its own absorption cache, so twenty FEREG cells over
 * one panel still demean it once.
 */
const cache = createAbsorptionCache(MAX_CACHED_PANELS);
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<HeavyRequest>) => {
  const { id, fn, args, lang } = e.data;
  let reply: HeavyReply;
  try {
    reply = { id, spill: runHeavy(fn, args, lang, cache) };
  } catch (err) {
    reply = { id, error: errorToWire(err) };
  }
  scope.postMessage(reply);
};
