import * as fs from "fs";
import * as path from "path";
import LocalizedFunctionsPlugin = require("../../scripts/webpack/localizedFunctionsPlugin");

const { translate } = LocalizedFunctionsPlugin;

const meta = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    { id: "ENGINEVERSION", name: "ENGINEVERSION", description: "Returns the version.", parameters: [], result: { type: "string" } },
    {
      id: "LQ",
      name: "LQ",
      description: "Location quotient.",
      parameters: [
        { name: "numerator", description: "Sector employment.", type: "any", dimensionality: "matrix" },
        { name: "groups", description: "Years.", type: "any", dimensionality: "matrix", optional: true },
      ],
    },
  ],
};
const table = {
  ENGINEVERSION: { description: "返回版本号。" },
  LQ: { description: "区位商。", parameters: { numerator: "行业就业人数。", groups: "年份。" } },
};

function run(t: unknown, locale = "zh-CN") {
  const problems: string[] = [];
  const out = translate(meta, t as Parameters<typeof translate>[1], locale, problems);
  return { out, problems };
}

describe("LocalizedFunctionsPlugin.translate", () => {
  it("translates function and parameter descriptions, keeping ids, names and everything else", () => {
    const { out, problems } = run(table);
    expect(problems).toEqual([]);
    expect(out.functions.map((f) => f.description)).toEqual(["返回版本号。", "区位商。"]);
    expect(out.functions[1].parameters!.map((p) => p.description)).toEqual(["行业就业人数。", "年份。"]);
    expect(out.functions.map((f) => [f.id, f.name])).toEqual([["ENGINEVERSION", "ENGINEVERSION"], ["LQ", "LQ"]]);
    expect(out.functions[1].parameters![1].optional).toBe(true);
    expect(meta.functions[0].description).toBe("Returns the version."); // input untouched
  });

  it.each([
    ["a missing function", { ENGINEVERSION: table.ENGINEVERSION }, /missing translation of function LQ/],
    ["a missing parameter", { ...table, LQ: { description: "区位商。", parameters: { numerator: "行业就业人数。" } } }, /missing translation of parameter groups of LQ/],
    ["an empty description", { ...table, ENGINEVERSION: { description: " " } }, /missing translation of function ENGINEVERSION/],
    ["an untranslated (English) description", { ...table, ENGINEVERSION: { description: "Returns the version." } }, /has no Chinese text/],
    ["a stale function id", { ...table, OLDFUNC: { description: "旧的。" } }, /no function with id OLDFUNC/],
    ["a stale parameter", { ...table, ENGINEVERSION: { description: "版本。", parameters: { x: "某参数。" } } }, /ENGINEVERSION has no parameter "x"/],
    ["a translated name", { ...table, LQ: { ...table.LQ, name: "区位商" } }, /unknown key "name".*names stay English/],
    ["not an object", [], /must be a JSON object/],
  ])("reports %s", (_name, t, expected) => {
    const { problems } = run(t);
    expect(problems.join("\n")).toMatch(expected);
  });

  it("the committed zh-CN translations cover exactly the functions in functions.ts", () => {
    const root = path.resolve(__dirname, "../..");
    const zh = JSON.parse(fs.readFileSync(path.join(root, "src/functions/i18n/zh-CN.json"), "utf8"));
    const source = fs.readFileSync(path.join(root, "src/functions/functions.ts"), "utf8");
    const ids = [...source.matchAll(/^\s*\*\s*@customfunction\s+([A-Z0-9_.]+)/gm)].map((m) => m[1]).sort();
    expect(Object.keys(zh).sort()).toEqual(ids);
  });
});
