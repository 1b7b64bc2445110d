import fc from "fast-check";
import { groupDigits } from "../../../src/engine/tables/groupDigits";
import { plainNumber } from "../../../src/engine/tables/plainNumber";

describe("plainNumber: a table's plain-number text as a number and the format that shows it digit for digit", () => {
  test("worked examples", () => {
    expect(plainNumber("0.8060")).toEqual({ value: 0.806, format: "0.0000" });
    expect(plainNumber("2744")).toEqual({ value: 2744, format: "0" });
    expect(plainNumber("-3.1662")).toEqual({ value: -3.1662, format: "0.0000" });
    expect(plainNumber("0.000000049")).toEqual({ value: 4.9e-8, format: "0.000000000" });
  });

  test("stars, brackets, words, grouping, exponents and empty cells stay text", () => {
    for (const s of ["0.4200***", "(0.0080)", "[0.0000]", "{16.3800}", "252.5141 [0.0000]", "Yes", "控制", "", "1,234", "27 44", "2 7440", "0.05 71", "0.057 1 ", " 2 744", "2  744", "1e-6", "+1", ".5", "5.", "NaN", "Infinity"]) {
      expect(plainNumber(s)).toBeUndefined();
    }
    expect(plainNumber(12 as unknown as string)).toBeUndefined();
    expect(plainNumber("-0.0000")).toBeUndefined();
    expect(plainNumber("-0")).toBeUndefined();
  });

  test("digits grouped as groupDigits groups them (tableOptions.digitGrouping): the number, and a format repeating the grouping", () => {
    expect(plainNumber("2 744")).toEqual({ value: 2744, format: "0 000" });
    expect(plainNumber("10.505 3")).toEqual({ value: 10.5053, format: "00.000 0" });
    expect(plainNumber("-3.166 2")).toEqual({ value: -3.1662, format: "0.000 0" });
    expect(plainNumber("0.000 000 049")).toEqual({ value: 4.9e-8, format: "0.000 000 000" });
    expect(plainNumber("123 456.5")).toEqual({ value: 123456.5, format: "000 000.0" });
    expect(plainNumber("-0.000 0")).toBeUndefined();
    expect(plainNumber("0.154 5***")).toBeUndefined();
  });

  test("property: a grouped number shown with its format is the grouped text again", () => {
    // the format's digits are all "0" and its spaces literal: filling them with the number's digits gives the text
    const show = (value: number, format: string) => {
      const digits = [...Math.abs(value).toFixed((format.split(".")[1] ?? "").replace(/ /g, "").length).replace(".", "")];
      const width = format.replace(/[ .]/g, "").length;
      // the integer part shows every digit, a format with fewer placeholders included (as Excel does)
      const extra = digits.slice(0, Math.max(0, digits.length - width)).join("");
      const padded = [...Array(Math.max(0, width - digits.length)).fill("0"), ...digits.slice(extra.length)];
      let k = 0;
      return (value < 0 ? "-" : "") + extra + format.replace(/0/g, () => padded[k++]);
    };
    fc.assert(fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 9 }), (x, d) => {
      const text = groupDigits(x.toFixed(d));
      const p = plainNumber(text);
      if (/^-0(\.[0 ]*)?$/.test(text) || text.replace(/[- .]/g, "").length > 15) return p === undefined;
      return p !== undefined && p.value === Number(x.toFixed(d)) && show(p.value, p.format) === text;
    }), { numRuns: 2000 });
  });

  test("more than 15 significant digits stay text (a double could not show them back)", () => {
    expect(plainNumber("1234567890.123456")).toBeUndefined();
    expect(plainNumber("123456789012345")).toEqual({ value: 123456789012345, format: "0" });
  });

  test("property: the number shown with its format is the text again", () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, d) => {
      const text = x.toFixed(d);
      const p = plainNumber(text);
      if (text.replace(/^-/, "").replace(".", "").length > 15 || /^-0(\.0*)?$/.test(text)) return p === undefined;
      return p !== undefined && p.value.toFixed(d) === text && p.format === (d === 0 ? "0" : `0.${"0".repeat(d)}`);
    }), { numRuns: 2000 });
  });
});
