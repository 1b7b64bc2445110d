/** The task pane's pure model: panel detection, auto-mapping by name (en/zh), mapping validation. */
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { autoMap } from "../../src/taskpane/model/autoMap";
import { cellAddress, columnLetters, detectHeaderRow, detectPanel, SheetBlock } from "../../src/taskpane/model/detectPanel";
import { fieldOfError, validateStudyMapping } from "../../src/taskpane/model/validate";
import { parseNumericCell } from "../../src/engine/data/cell";
import { isCityPanelError } from "../../src/engine/errors";
import { logOf } from "../../src/engine/study/derive";
import { validateMapping } from "../../src/engine/study/validateMapping";

const sample = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const NUM = /^-?\d+(\.\d+)?$/;
/** The sample panel as a worksheet block: header row, numbers as numbers. */
const sampleBlock = (extra: Partial<SheetBlock> = {}): SheetBlock => ({
  values: [sample.names as string[], ...Array.from({ length: sample.rows }, (_, i) => sample.columns.map((c) => (NUM.test(String(c[i])) ? Number(c[i]) : c[i])))],
  sheet: "Panel", rowIndex: 0, columnIndex: 0, source: "Panel!A1:BE2745", ...extra,
});

describe("detectPanel", () => {
  test("the sample panel: N, cities, years, balance, numeric columns", () => {
    const d = detectPanel(sampleBlock());
    expect(d.headerRow).toBe(0);
    expect(d.summary).toMatchObject({ rows: 2744, city: "city", year: "year", cities: 196, years: 14, yearMin: 2008, yearMax: 2021, balanced: true, duplicates: 0 });
    const col = (n: string) => d.summary.columns.find((c) => c.name === n)!;
    expect(col("digit")).toMatchObject({ numeric: true, missing: 0 });
    expect(col("city").numeric).toBe(false);
  });

  test("title rows above the header, blank columns, duplicates, missing cells and text in numbers", () => {
    const d = detectPanel({
      values: [
        ["Panel of cities", "", "", "", ""],
        ["", "", "", "", ""],
        ["城市", "年份", "", "数字技术", "gov"],
        ["a", 2001, "", 0.1, 1],
        ["a", 2002, "", "", "n/a?"],
        ["b", 2001, "", 0.3, 2],
        ["b", 2001, "", 0.4, "NA"],
        ["", "", "", "", ""],
      ],
      sheet: "S", rowIndex: 4, columnIndex: 1, source: "S!B5:F12",
    });
    expect(d.headerRow).toBe(2);
    expect(d.table.names).toEqual(["城市", "年份", "数字技术", "gov"]);
    expect(d.table.rows).toBe(4);
    expect(d.summary).toMatchObject({ city: "城市", year: "年份", cities: 2, years: 2, balanced: false, duplicates: 1 });
    const gov = d.summary.columns.find((c) => c.name === "gov")!;
    expect(gov).toMatchObject({ numeric: false, missing: 1, textCells: 1, firstText: { address: "F9", value: "n/a?" } });
    expect(d.summary.columns.find((c) => c.name === "数字技术")!).toMatchObject({ numeric: true, missing: 1 });
  });

  test("year and city found by content when the names say nothing", () => {
    const d = detectPanel({ values: [["id", "t", "y"], ["x", 2010, 1], ["x", 2011, 2], ["z", 2010, 3], ["z", 2011, 4]], sheet: "S", rowIndex: 0, columnIndex: 0, source: "" });
    expect(d.summary.year).toBe("t");
    expect(d.summary.city).toBe("id");
    expect(d.summary.balanced).toBe(true);
  });

  test("helpers", () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(56)]).toEqual(["A", "Z", "AA", "BE"]);
    expect(cellAddress({ sheet: "S", rowIndex: 9, columnIndex: 2, source: "" }, 0, 1)).toBe("D10");
    expect(detectHeaderRow([["a", "b"], [1, 2]])).toBe(0);
  });
});

describe("autoMap", () => {
  test("the sample panel's names map onto the paper's design", () => {
    const def = autoMap(sample.names);
    const d = defaultStudy();
    expect(def.columns).toEqual(d.columns);
    expect(def.treatment.column).toBe("digit");
    expect(def.treatmentAlt?.column).toBe("digit_alt");
    expect(def.controls.map((c) => [c.column, !!c.log])).toEqual(d.controls.map((c) => [c.column, !!c.log]));
    expect(def.indicators).toEqual(d.indicators);
    expect(def.instruments.map((i) => i.column)).toEqual(["dist_port", "phones1984"]);
    expect(def.mechanisms).toEqual(d.mechanisms);
    expect(def.moderators).toEqual(d.moderators);
    expect(def.robustness.externalIndex?.column).toBe("inn_ext");
  });

  test("Chinese column names", () => {
    const names = ["城市", "年份", "城市群", "指标1", "指标2", "指标3", "数字技术", "政府干预", "人口密度", "金融发展", "距港口距离", "研发支出", "财政支出", "第一产业占比", "第二产业占比", "第三产业占比", "发展阶段", "空间结构"];
    const def = autoMap(names);
    expect(def.columns).toEqual({ city: "城市", year: "年份", agglomeration: "城市群" });
    expect(def.indicators.map((i) => i.column)).toEqual(["指标1", "指标2", "指标3"]);
    expect(def.treatment.column).toBe("数字技术");
    expect(def.controls.map((c) => c.column)).toEqual(["政府干预", "人口密度", "金融发展"]);
    expect(def.controls.find((c) => c.column === "人口密度")!.log).toBe(true);
    expect(def.instruments.map((i) => i.column)).toEqual(["距港口距离"]);
    expect(def.mechanisms.cap).toMatchObject({ numerator: "研发支出", denominator: "财政支出" });
    expect(def.mechanisms.ris?.shares).toEqual(["第一产业占比", "第二产业占比", "第三产业占比"]);
    expect(def.mechanisms.ent).toBeUndefined();
    expect(def.moderators.map((m) => m.column)).toEqual(["发展阶段", "空间结构"]);
  });

  test("case, spaces and underscores do not matter; a column is used for one role only", () => {
    const def = autoMap(["City Name", "YEAR", "Digit", "GOV", "Pop_Density"]);
    expect(def.columns.city).toBe("City Name");
    expect(def.columns.year).toBe("YEAR");
    expect(def.treatment.column).toBe("Digit");
    expect(def.controls.map((c) => c.column)).toEqual(["GOV", "Pop_Density"]);
  });
});

describe("validateStudyMapping", () => {
  const data = detectPanel(sampleBlock());
  const def = autoMap(data.table.names);

  test("the auto-mapped sample panel has no problems", () => {
    expect(validateStudyMapping(def, data)).toEqual({});
  });

  test("a missing role says which control to set", () => {
    const e = validateStudyMapping({ ...def, treatment: { ...def.treatment, column: "" }, instruments: [] }, data);
    expect(e.treatment).toEqual({ en: "Choose the column for digital technology (digit).", zh: "请选择数字技术（digit）所在的列。" });
    expect(e.instruments?.en).toBe("Table 4 needs at least one instrument.");
  });

  test("text in a numeric column names the column and the cell", () => {
    const values = sampleBlock().values.map((r) => [...r]);
    const j = sample.names.indexOf("gov");
    values[17][j] = "abc";
    const d = detectPanel({ ...sampleBlock(), values });
    const e = validateStudyMapping(def, d);
    expect(e.controls?.en).toBe(`Column "gov" (control gov) must hold numbers, but cell ${columnLetters(j)}18 contains "abc".`);
    expect(e.controls?.zh).toBe(`列“gov”（控制变量 gov）应为数值，但单元格 ${columnLetters(j)}18 的内容是“abc”。`);
  });

  test("a logged control with a zero names the cell and the remedy", () => {
    const values = sampleBlock().values.map((r) => [...r]);
    const j = sample.names.indexOf("density");
    values[5][j] = 0;
    const e = validateStudyMapping(def, detectPanel({ ...sampleBlock(), values }));
    expect(e.controls?.en).toBe(`Control "density" enters in logs, so it must be positive, but cell ${columnLetters(j)}6 is 0. Untick "ln" or fix the cell.`);
  });

  test("other checks: same city and year column, treatment as control, clustering column", () => {
    const e = validateStudyMapping({
      ...def,
      columns: { ...def.columns, year: "city" },
      controls: [...def.controls, { column: "digit" }],
      vcov: "cluster",
      cluster: "nope",
    }, data);
    expect(e.year?.en).toBe("The city and the year must be different columns.");
    expect(e.controls?.en).toBe('"digit" is the treatment; it cannot also be a control.');
    expect(e.cluster?.en).toBe('The data have no column "nope" to cluster by.');
  });

  test("engine errors are attached to the control whose column they carry (structured place, not the text)", () => {
    const placeOf = (f: () => unknown) => { try { f(); } catch (e) { if (isCityPanelError(e)) return e.place; } throw new Error("no CityPanelError"); };
    const textCell = placeOf(() => parseNumericCell("x", "gov", 3));
    expect(textCell).toEqual({ column: "gov", row: 3 });
    expect(fieldOfError(textCell, def)).toBe("controls");
    const ln = placeOf(() => logOf("density", Float64Array.of(1, 0), 2));
    expect(ln).toEqual({ column: "density", row: 3 });
    expect(fieldOfError(ln, def)).toBe("controls");
    const noColumn = placeOf(() => validateMapping({ ...def, instruments: [{ name: "iv1", column: "nope", timesTrend: true }] }, data.table));
    expect(noColumn).toEqual({ column: "nope" });
    expect(fieldOfError({ column: "dist_port" }, def)).toBe("instruments");
    expect(fieldOfError({ column: "digit", row: 3 }, def)).toBe("treatment");
    expect(fieldOfError({ row: 3 }, def)).toBeUndefined();
    // a message that merely quotes a column is not enough: only the structured place counts
    expect(fieldOfError({ argument: "gov" }, def)).toBeUndefined();
  });
});
