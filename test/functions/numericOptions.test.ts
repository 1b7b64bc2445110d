import { couplingSpill, entropySpill, winsorSpill } from "../../src/functions/adapters/indices";
import { numberOption } from "../../src/functions/cells";
import { excelErrorSpec } from "../../src/functions/excelErrors";
import { isCityPanelError } from "../../src/engine/errors";

/**
 * Issue 11 item 5: every numeric option of the custom functions (WINSOR lower / upper,
 * ENTROPYWEIGHTS shift, COUPLING weights) given an Excel error value, NaN, text such as
 * "1e400" or "abc", TRUE, a multi-cell range or a value out of range is #VALUE! naming the
 * argument, in English and Chinese — never silently the default. Cells as Excel hands them
 * to a custom function: a header row, numbers, error objects.
 */
const values = [["inn"], [0.12], [0.5], [0.33], [0.91], [0.07], [0.45], [0.62], [0.28], [0.8], [0.15]];
const indicators = [["a", "b"], [1, 5], [2, 3], [4, 4], [3, 9], [5, 1], [6, 2]];
const systems = [["u1", "u2"], [0.4, 0.2], [0.3, 0.5], [0.8, 0.6]];
const errorObject = (code: string) => ({ type: "Error", errorCode: code, message: code }); // as Excel passes #N/A with allowErrorForDataTypeAny

function spec(fn: () => unknown, lang: "en" | "zh" = "en") {
  try { fn(); } catch (e) { return { ...excelErrorSpec(e, lang), place: isCityPanelError(e) ? e.place : undefined }; }
  throw new Error("expected #VALUE!");
}

describe("WINSOR lower / upper", () => {
  const w = (lower: unknown, upper: unknown) => () => winsorSpill(values, lower, upper, null, null, "en");
  test("omitted or an empty cell: the defaults 1 and 99", () => {
    expect(winsorSpill(values, null, undefined, null, null, "en")).toEqual(winsorSpill(values, 1, 99, null, null, "en"));
    expect(winsorSpill(values, [[""]], [[""]], null, null, "en")).toEqual(winsorSpill(values, 1, 99, null, null, "en"));
    expect(winsorSpill(values, [[10]], "90", null, null, "en")).toEqual(winsorSpill(values, 10, 90, null, null, "en"));
  });
  test.each([
    [errorObject("#N/A"), "lower must be a number, got #N/A (an error value)", "参数 lower 必须为数值，实际为 #N/A（错误值）"],
    ["#DIV/0!", 'lower must be a number, got "#DIV/0!" (an error value)', "参数 lower 必须为数值，实际为 “#DIV/0!”（错误值）".replace("“", "\"").replace("”", "\"")],
    [NaN, "lower must be a number, got NaN (not a finite number)", "参数 lower 必须为数值，实际为 NaN（不是有限数值）"],
    ["1e400", 'lower must be a number, got "1e400" (not a finite number)', '参数 lower 必须为数值，实际为 "1e400"（不是有限数值）'],
    ["abc", 'lower must be a number, got "abc" (not a finite number)', '参数 lower 必须为数值，实际为 "abc"（不是有限数值）'],
    [true, "lower must be a number, got TRUE (not a finite number)", "参数 lower 必须为数值，实际为 TRUE（不是有限数值）"],
    [[[1, 2]], "lower must be one number, got a range of 2 cells", "参数 lower 必须为单个数值，实际为含 2 个单元格的区域"],
    [-5, "lower must be a number with 0 ≤ lower ≤ 100, got -5", "参数 lower 必须为满足 0 ≤ lower ≤ 100 的数值，实际为 -5"],
  ])("lower = %p → #VALUE! naming lower", (lower, en, zh) => {
    expect(spec(w(lower, 99))).toEqual({ code: "invalidValue", message: en, place: { argument: "lower" } });
    expect(spec(w(lower, 99), "zh").message).toBe(zh);
  });
  test("upper out of range and an error value in upper", () => {
    expect(spec(w(1, 150)).message).toBe("upper must be a number with 0 ≤ upper ≤ 100, got 150");
    expect(spec(w(1, [[errorObject("#VALUE!")]])).message).toBe("upper must be a number, got #VALUE! (an error value)");
  });
});

describe("ENTROPYWEIGHTS shift", () => {
  const e = (shift: unknown) => () => entropySpill(indicators, null, null, "table", shift, null, "en");
  test("omitted: the default δ = 0.0001; 0 is allowed (plain min–max)", () => {
    expect(entropySpill(indicators, null, null, "table", null, null, "en")).toEqual(entropySpill(indicators, null, null, "table", 0.0001, null, "en"));
    expect(() => entropySpill(indicators, null, null, "table", 0, null, "en")).not.toThrow();
  });
  test.each([
    [errorObject("#N/A"), "shift must be a number, got #N/A (an error value)"],
    [NaN, "shift must be a number, got NaN (not a finite number)"],
    ["1e400", 'shift must be a number, got "1e400" (not a finite number)'],
    [-0.1, "shift must be a number with 0 ≤ shift, got -0.1"],
  ])("shift = %p → #VALUE! naming shift", (shift, en) => {
    expect(spec(e(shift))).toEqual({ code: "invalidValue", message: en, place: { argument: "shift" } });
  });
  test("Chinese", () => {
    expect(spec(e(-0.1), "zh").message).toBe("参数 shift 必须为满足 0 ≤ shift 的数值，实际为 -0.1");
  });
});

describe("COUPLING weights", () => {
  test("an error value, text or a blank among the weights names which weight", () => {
    expect(spec(() => couplingSpill(systems, [[0.5, errorObject("#N/A")]], null, "en")).message).toBe("weights2 must be a number, got #N/A (an error value)");
    expect(spec(() => couplingSpill(systems, [["abc", 0.5]], null, "en")).message).toBe('weights1 must be a number, got "abc" (not a finite number)');
    expect(spec(() => couplingSpill(systems, [[0.5, ""]], null, "en")).message).toBe('weights2 must be a number, got "(empty)" (not a finite number)');
    expect(spec(() => couplingSpill(systems, [[1.5, -0.5]], null, "en")).message).toBe("weights1 must be a number with 0 ≤ weights1 ≤ 1, got 1.5");
    expect(couplingSpill(systems, [[0.5, 0.5]], null, "en")).toEqual(couplingSpill(systems, null, null, "en"));
  });
});

test("numberOption itself: numeric text with spaces, a 1×1 range", () => {
  expect(numberOption(" 2.5 ", 0, "x")).toBe(2.5);
  expect(numberOption([[3]], 0, "x")).toBe(3);
  expect(numberOption([[""]], 7, "x")).toBe(7);
});
