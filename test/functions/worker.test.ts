import { CityPanelError } from "../../src/engine/errors";
import { runHeavy } from "../../src/functions/worker/heavyFunctions";
import { createAbsorptionCache } from "../../src/engine/fe/absorptionCache";
import { CONTROLS, panel, range } from "./sheet";

/**
 * FEREG / IV2SLS off the main thread: the worker script answers requests with the adapters'
 * spill or the engine's error (both messages), and the client uses the worker when it starts,
 * falls back to computing in-thread when it cannot start or fails to load, and rebuilds
 * CityPanelErrors from the worker's replies.
 */
const t = panel();
const args = [range(t, ["inn"]), range(t, ["digit", ...CONTROLS]), range(t, ["city", "year"]), "robust"];
const expected = runHeavy("FEREG", args, "en", createAbsorptionCache(2));
const g = globalThis as Record<string, unknown>;

/** A Worker stand-in that runs functions.worker.ts in this thread, asynchronously, as a browser would. */
class LoopbackWorker {
  static instances: LoopbackWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  posted = 0;
  private readonly scope: { onmessage?: (e: { data: unknown }) => void; postMessage: (m: unknown) => void };
  constructor(readonly url: string) {
    LoopbackWorker.instances.push(this);
    this.scope = { postMessage: (m) => setTimeout(() => this.onmessage?.({ data: m }), 0) };
    const saved = g.self;
    g.self = this.scope;
    jest.isolateModules(() => require("../../src/functions/worker/functions.worker"));
    g.self = saved;
  }
  postMessage(m: unknown): void {
    this.posted++;
    const data = structuredClone(m);
    setTimeout(() => this.scope.onmessage?.({ data }), 0);
  }
  terminate(): void {}
}

/** A Worker whose script fails to load (404), as the browser reports it. */
class BrokenWorker extends LoopbackWorker {
  override postMessage(): void {
    this.posted++;
    setTimeout(() => this.onerror?.({ message: "404", preventDefault() {} }), 0);
  }
}

afterEach(() => { delete g.Worker; LoopbackWorker.instances = []; });
const freshClient = () => {
  let client!: typeof import("../../src/functions/worker/client");
  jest.isolateModules(() => { client = require("../../src/functions/worker/client"); });
  return client;
};

test("the client sends FEREG to the worker (functions.worker.js) and gets the adapters' spill", async () => {
  g.Worker = LoopbackWorker;
  const client = freshClient();
  const spill = await client.computeHeavy("FEREG", args, "en");
  expect(spill).toEqual(expected);
  expect(LoopbackWorker.instances).toHaveLength(1);
  expect(LoopbackWorker.instances[0].url).toBe("functions.worker.js");
  expect(LoopbackWorker.instances[0].posted).toBe(1);
  await client.computeHeavy("FEREG", args, "en");
  expect(LoopbackWorker.instances).toHaveLength(1); // one worker for the workbook
});

test("an engine error in the worker comes back as a CityPanelError with both messages", async () => {
  g.Worker = LoopbackWorker;
  const client = freshClient();
  const e = await client.computeHeavy("IV2SLS", [args[0], range(t, ["digit"]), range(t, ["iv1"]), undefined, args[2], undefined, undefined, "first2"], "zh").catch((x) => x);
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe(new CityPanelError("na", "", "").name); // the client module is a fresh copy here, so compare by name
  expect([e.kind, e.message, e.messageZh]).toEqual(["na", "there is no first stage 2: the model has 1 endogenous regressor(s)", "不存在第 2 个第一阶段：模型只有 1 个内生解释变量"]);
  expect(e.place).toEqual({ argument: "output" }); // the one ErrorWire format keeps where the error is
});

test("a worker script that fails to load, or no Worker at all, falls back to computing in-thread", async () => {
  g.Worker = BrokenWorker;
  let client = freshClient();
  expect(await client.computeHeavy("FEREG", args, "en")).toEqual(expected);
  expect(await client.computeHeavy("FEREG", args, "en")).toEqual(expected);
  expect(LoopbackWorker.instances[0].posted).toBe(1); // the second call never tried the broken worker
  delete g.Worker;
  client = freshClient();
  expect(await client.computeHeavy("FEREG", args, "en")).toEqual(expected);
});
