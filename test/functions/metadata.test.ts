import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import LocalizedFunctionsPlugin = require("../../scripts/webpack/localizedFunctionsPlugin");

/**
 * The build's metadata, generated here the way the webpack build does it
 * (CustomFunctionsMetadataPlugin → custom-functions-metadata on src/functions/functions.ts, then
 * LocalizedFunctionsPlugin.translate with src/functions/i18n/zh-CN.json), without running webpack.
 * The browser test metadata.browser.js checks the files webpack actually wrote to dist/.
 */
const ROOT = path.resolve(__dirname, "../..");
const SIGNATURES: Record<string, string> = {
  ENGINEVERSION: "",
  FEREG: "y, x, fe?, vcov?, cluster?, output?, rowlabels?",
  IV2SLS: "y, endog, instruments, exog?, fe?, vcov?, cluster?, output?, rowlabels?",
  ENTROPYWEIGHTS: "indicators, directions?, groups?, output?, shift?, dimensions?",
  PCAINDEX: "indicators, directions?, output?, components?",
  LOCQUOT: "numerator, denominator, groups?",
  INDSTRUCT: "shares, scale?",
  COUPLING: "systems, weights?, output?",
  INTERACT: "x, z, center?",
  WINSOR: "values, lower?, upper?, groups?, method?",
  DESCSTATS: "data, detail?",
};
/** Range arguments (matrices of any cell type, so error cells and text reach the function). */
const RANGES = new Set(["y", "x", "fe", "cluster", "rowlabels", "endog", "instruments", "exog", "indicators", "directions", "groups", "dimensions", "numerator", "denominator", "shares", "systems", "weights", "z", "values", "data"]);

interface Param { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }
interface Fn { id: string; name: string; description: string; parameters: Param[]; result: { type?: string; dimensionality?: string } }

let en: { functions: Fn[] };
let zh: { functions: Fn[] };

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(path.join(ROOT, "src/functions/functions.ts"), false);
  expect(r.errors).toEqual([]);
  en = JSON.parse(r.metadataJson);
  const table = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/i18n/zh-CN.json"), "utf8"));
  const problems: string[] = [];
  zh = LocalizedFunctionsPlugin.translate(en as unknown as Parameters<typeof LocalizedFunctionsPlugin.translate>[0], table, "zh-CN", problems) as unknown as { functions: Fn[] };
  expect(problems).toEqual([]);
}, 60_000);

describe("generated custom-functions metadata", () => {
  it("lists every function with the documented parameters, in order", () => {
    const got = Object.fromEntries(en.functions.map((f) => [f.id, f.parameters.map((p) => p.name + (p.optional ? "?" : "")).join(", ")]));
    expect(got).toEqual(SIGNATURES);
    for (const f of en.functions) expect(f.name).toBe(f.id);
  });

  it("ranges are any-typed matrices; table results are matrices; blanks-as-0 is documented", () => {
    for (const f of en.functions) {
      for (const p of f.parameters) {
        if (RANGES.has(p.name)) expect([f.id, p.name, p.type, p.dimensionality]).toEqual([f.id, p.name, "any", "matrix"]);
        else expect([f.id, p.name, p.dimensionality ?? "scalar"]).toEqual([f.id, p.name, "scalar"]);
        expect(p.description ?? "").not.toBe("");
      }
      if (f.id !== "ENGINEVERSION") {
        expect(f.result.dimensionality).toBe("matrix");
        expect(f.description).toMatch(/pass them as 0/);
      }
    }
  });

  it("functions.zh-CN.json: every function and parameter described in Chinese, ids, names and types unchanged", () => {
    const HAN = /\p{Script=Han}/u;
    expect(zh.functions.map((f) => [f.id, f.name])).toEqual(en.functions.map((f) => [f.id, f.name]));
    zh.functions.forEach((f, i) => {
      expect(f.description).toMatch(HAN);
      f.parameters.forEach((p, j) => {
        expect(p.description).toMatch(HAN);
        expect({ ...p, description: "" }).toEqual({ ...en.functions[i].parameters[j], description: "" });
      });
      if (f.id !== "ENGINEVERSION") expect(f.description).toMatch(/作为 0 传入/);
    });
  });

  it("docs/functions.md documents every function with its signature", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/functions.md"), "utf8");
    for (const f of en.functions) {
      const sig = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      expect(doc).toContain(`### \`${f.id}(${sig})\``);
    }
  });
});
