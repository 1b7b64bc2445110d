import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { StudyDefinition } from "../../src/engine/study/definition";
import { runStudy } from "../../src/engine/study/runStudy";

/**
 * The README's "edit the design" example, as a test: on the sample panel, ind01 made a
 * negative-direction indicator and the unemployment control dropped give the Table 3 the README
 * prints (en and zh), and Table 1's note names the reversed indicator.
 */
const table = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const d = defaultStudy();
const edited: StudyDefinition = {
  ...d,
  indicators: d.indicators.map((i) => (i.column === "ind01" ? { ...i, direction: "-" as const } : i)),
  controls: d.controls.filter((c) => c.column !== "unemploy"),
};
const rows = (lang: "en" | "zh", def = edited) => runStudy(table, def, { lang, tables: ["table1", "table3"] }).tables;

test("before the edit: the README's Table 3 rows", () => {
  const t3 = rows("en", d).find((t) => t.id === "table3")!;
  expect(t3.body.find((r) => r[0] === "digit")).toEqual(["digit", "0.4200***", "0.7190***"]);
  expect(t3.body.find((r) => r[0] === "ln unemploy")).toEqual(["ln unemploy", "0.0093***", "0.0001"]);
});

test.each(["en", "zh"] as const)("after the edit (%s): the README's Table 3, and Table 1 names the reversed indicator", (lang) => {
  const [t1, t3] = rows(lang);
  expect(t3.body.map((r) => r[0])).not.toContain("ln unemploy");
  expect(t3.body.find((r) => r[0] === "digit")).toEqual(["digit", "0.4140***", "0.7270***"]);
  expect(t3.body.find((r) => r[0] === "ln protect")).toEqual(["ln protect", "-0.0095***", "-0.0060***"]);
  expect(t3.body.find((r) => r[0] === (lang === "zh" ? "常数项" : "Constant"))).toEqual([lang === "zh" ? "常数项" : "Constant", "0.1261***", "-0.1804***"]);
  expect(t1.notes.join(" ")).toContain(lang === "zh" ? "教育经费支出占地方财政支出的比重" : "Negative-direction indicators: Education spending / local fiscal spending");
});
