/**
 * The plain text of a journal table (engine/tables/journalTable tableToText, what `citypanel
 * study` prints): the table's left columns — Table 1's dimension and indicator names, Table 3's
 * variable labels — are left-aligned, numbers right-aligned, widths by display width (a Chinese
 * character takes two columns). Exact lines on the sample panel, en and zh.
 */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runStudy } from "../../src/engine/study/runStudy";
import { TableId } from "../../src/engine/study/tables/registry";
import { displayWidth, tableToText } from "../../src/engine/tables/journalTable";

const panel = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const text = (lang: "en" | "zh", id: TableId): string[] =>
  tableToText(runStudy(panel, defaultStudy(), { lang, tables: [id] }).tables[0]).split("\n");

describe("tableToText aligns the table's left columns left", () => {
  test("Table 1 (zh): dimensions and indicator names left-aligned, unit and weight right-aligned", () => {
    const lines = text("zh", "table1");
    expect(lines.slice(0, 6)).toEqual([
      "表1  城市群内城市创新能力衡量指标及权重",
      "=============================================================================================",
      "一级指标             二级指标                                                   单位   权重/%",
      "---------------------------------------------------------------------------------------------",
      "创新资源 (23.7448%)  教育经费支出占地方财政支出的比重                              %   0.6865",
      "                     财政科技支出占地方财政支出的比重                              %   5.9217",
    ]);
    expect(lines).toContain("                     当年实际使用外资金额                                     万美元   6.8306");
    expect(lines).toContain("创新协同 (6.9792%)   城市化水平                                                    %   0.5042");
    expect(lines).toContain("                     城市人均教育与科技支出/城市群首位城市人均教育与科技支出       %   3.0755");
    // every indicator name starts in terminal column 21 (after the widest dimension, 19 wide, and two spaces)
    const body = lines.slice(4, 29);
    expect(body).toHaveLength(25);
    const afterDimension = (l: string) => { const i = l.startsWith(" ") ? 0 : l.indexOf("%)") + 2; return i + l.slice(i).search(/\S/); };
    for (const l of body) expect(displayWidth(l.slice(0, afterDimension(l)))).toBe(21);
  });

  test("Table 1 (en): the same layout in English", () => {
    const lines = text("en", "table1");
    expect(lines.slice(2, 6)).toEqual([
      "Dimension (weight)                  Indicator                                                                 Unit  Weight (%)",
      "------------------------------------------------------------------------------------------------------------------------------",
      "Innovation resources (23.7448%)     Education spending / local fiscal spending                                   %      0.6865",
      "                                    Science & technology spending / local fiscal spending                        %      5.9217",
    ]);
    expect(lines).toContain("                                    Foreign capital actually used                                       USD 10,000      6.8306");
    expect(lines).toContain("Innovation collaboration (6.9792%)  Urbanisation rate                                                            %      0.5042");
  });

  test("Table 3 (en, zh): variable labels left, coefficients right", () => {
    expect(text("en", "table3").slice(2, 8)).toEqual([
      "Variable             (1)         (2)",
      "------------------------------------",
      "digit          0.4200***   0.7190***",
      "                (0.0080)    (0.0483)",
      "gov            0.0248***  -0.0901***",
      "                (0.0087)    (0.0308)",
    ]);
    const zh = text("zh", "table3");
    expect(zh.slice(2, 6)).toEqual([
      "变量                 (1)         (2)",
      "------------------------------------",
      "digit          0.4200***   0.7190***",
      "                (0.0080)    (0.0483)",
    ]);
    expect(zh).toContain("常数项         0.1056***  -0.1968***");
    expect(zh).toContain("城市固定效应      未控制        控制");
    expect(zh).toContain("R²（整体）        0.9039      0.9921");
  });
});
