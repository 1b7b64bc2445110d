/**
 * The worksheet functions themselves (src/functions/functions.ts) as Excel calls them: cell arrays
 * in, a spilled table out; errors as CustomFunctions.Error (#VALUE! / #N/A) with a message in the
 * display language; FEREG and IV2SLS return promises (computed in the functions worker in Excel)
 * and share one absorption cache.
 */
import * as F from "../../src/functions/functions";
import { absorptionCache } from "../../src/functions/sharedCache";
import { setUiLanguage, uiLanguage } from "../../src/functions/uiLanguage";
import { excelErrorSpec, toExcelError } from "../../src/functions/excelErrors";
import { naError, numError, valueError } from "../../src/engine/errors";
import { CITYPANEL_VERSION } from "../../src/engine/version";
import { CONTROLS, errorCell, panel, range } from "./sheet";

/** A stand-in for the Office runtime's CustomFunctions namespace. */
class MockCfError {
  constructor(readonly code: string, readonly message?: string) {}
}
const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" };
const g = globalThis as Record<string, unknown>;

beforeAll(() => {
  g.CustomFunctions = { Error: MockCfError, ErrorCode };
});
afterAll(() => {
  delete g.CustomFunctions;
  delete g.Office;
});
afterEach(() => {
  delete g.Office;
  setUiLanguage(undefined);
});

async function rejected(p: Promise<unknown>): Promise<MockCfError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(MockCfError);
    return e as MockCfError;
  }
  throw new Error("expected an error");
}

function thrown(fn: () => unknown): MockCfError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MockCfError);
    return e as MockCfError;
  }
  throw new Error("expected an error");
}

/** Every spill: rectangular, a header row, no null/undefined (null shows as 0 in Excel). */
function expectSpill(s: unknown[][]) {
  expect(Array.isArray(s) && s.length >= 2).toBe(true);
  const w = s[0].length;
  for (const r of s) {
    expect(r.length).toBe(w);
    for (const v of r) expect(v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))).toBe(false);
  }
}

describe("UI language", () => {
  it("English without Office, Chinese when Office's display language is zh-*", () => {
    expect(uiLanguage()).toBe("en");
    g.Office = { context: { displayLanguage: "zh-CN" } };
    expect(uiLanguage()).toBe("zh");
    g.Office = { context: { displayLanguage: "en-GB" } };
    expect(uiLanguage()).toBe("en");
    g.Office = {}; // not ready yet
    expect(uiLanguage()).toBe("en");
  });
});

describe("Excel errors", () => {
  it("value and num errors → #VALUE!, na → #N/A, other exceptions → #VALUE! internal error", () => {
    expect(excelErrorSpec(valueError("bad", "坏"), "zh")).toEqual({ code: "invalidValue", message: "坏" });
    expect(excelErrorSpec(numError("too few", "太少"), "en")).toEqual({ code: "invalidValue", message: "too few" });
    expect(excelErrorSpec(naError("none", "无"), "en")).toEqual({ code: "notAvailable", message: "none" });
    expect(excelErrorSpec(new TypeError("x is undefined"), "en")).toEqual({ code: "invalidValue", message: "internal error: x is undefined" });
    const e = toExcelError(naError("none", "无"), "zh") as unknown as MockCfError;
    expect([e.code, e.message]).toEqual(["#N/A", "无"]);
  });
});

describe("the custom functions on cell arrays", () => {
  const t = panel();
  const y = range(t, ["inn"]);
  const x = range(t, ["digit", ...CONTROLS]);
  const fe = range(t, ["city", "year"]);

  it("ENGINEVERSION", () => {
    expect(F.engineVersion()).toBe(CITYPANEL_VERSION);
  });

  it("FEREG and IV2SLS (asynchronous: a Web Worker in Excel, in-thread here where Worker does not exist) spill tables and share one absorption cache", async () => {
    const before = { ...absorptionCache.stats };
    const a = await F.fereg(y, x, fe);
    const b = await F.fereg(range(t, ["inn"]), range(t, ["digit", ...CONTROLS]), range(t, ["city", "year"]), "robust", undefined, "column");
    const c = await F.iv2sls(y, range(t, ["digit"]), range(t, ["iv1"]), range(t, CONTROLS), fe, undefined, undefined, "column");
    for (const s of [a, b, c]) expectSpill(s);
    expect(a[1][0]).toBe("digit");
    expect(b[1][0]).toBe("1.4120***");
    expect(c[1][0]).toBe("0.3405**");
    expect(absorptionCache.stats.misses - before.misses).toBe(1);
    expect(absorptionCache.stats.hits - before.hits).toBe(2);
  });

  it("index functions spill a header and one row per data row", () => {
    const ind = range(t, ["ind01", "ind02", "ind03"]).slice(0, 41);
    const spills = {
      ENTROPYWEIGHTS: F.entropyWeights(ind),
      ENTROPYINDEX: F.entropyWeights(ind, [["ind02"]], undefined, "index"),
      PCAINDEX: F.pcaIndexFn(ind),
      LOCQUOT: F.locQuot(range(t, ["F"]).slice(0, 41), range(t, ["K"]).slice(0, 41), range(t, ["year"]).slice(0, 41)),
      INDSTRUCT: F.indStruct(range(t, ["share1", "share2", "share3"]).slice(0, 41)),
      COUPLING: F.coupling([["a", "b"], [0.2, 0.4], [0.3, 0.3]], undefined, "all"),
      INTERACT: F.interact(range(t, ["digit"]).slice(0, 41), range(t, ["gov", "trend"]).slice(0, 41), false),
      WINSOR: F.winsor(range(t, ["inn"]).slice(0, 41), 5, 95),
      DESCSTATS: F.descStats(range(t, ["inn", "digit"])),
    };
    for (const s of Object.values(spills)) expectSpill(s);
    expect(spills.ENTROPYWEIGHTS.length).toBe(4);
    for (const k of ["ENTROPYINDEX", "PCAINDEX", "LOCQUOT", "INDSTRUCT", "INTERACT", "WINSOR"] as const) expect(spills[k].length).toBe(41);
    expect(spills.DESCSTATS[1].slice(0, 2)).toEqual(["inn", 2744]);
  });

  it("bad input becomes #VALUE! with the message in the display language", async () => {
    const e1 = await rejected(F.fereg(range(t, ["inn", "digit"]), x, fe));
    expect([e1.code, e1.message]).toEqual(["#VALUE!", "y must be a single column, got 2 columns: put the outcome in one column"]);
    g.Office = { context: { displayLanguage: "zh-CN" } };
    const e2 = thrown(() => F.locQuot([[1], ["abc"]], [[2], [3]]));
    expect([e2.code, e2.message]).toEqual(["#VALUE!", "列“numerator”第 2 行：“abc”不是数值"]);
    const e3 = await rejected(F.iv2sls(y, range(t, ["digit"]), range(t, ["iv1"]), undefined, fe, undefined, undefined, "first2"));
    expect([e3.code, e3.message]).toEqual(["#N/A", "不存在第 2 个第一阶段：模型只有 1 个内生解释变量"]);
  });

  it("error cells inside ranges are missing values, not failures", () => {
    const s = F.descStats([["v"], [1], [errorCell("#DIV/0!")], ["#N/A"], [3]]);
    expect(s[1].slice(0, 3)).toEqual(["v", 2, 2]);
  });
});
