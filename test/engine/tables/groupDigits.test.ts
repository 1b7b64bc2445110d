import fc from "fast-check";
import { groupDecimals, groupDigits, groupTableDigits } from "../../../src/engine/tables/groupDigits";
import { JournalTable } from "../../../src/engine/tables/journalTable";

describe("groupDigits: numbers grouped in threes from the decimal point, as the paper prints them", () => {
  test("the paper's own numbers (Tables 1–3)", () => {
    expect(groupDigits("2744")).toBe("2 744");
    expect(groupDigits("10.5053")).toBe("10.505 3");
    expect(groupDigits("571.2163")).toBe("571.216 3");
    expect(groupDigits("0.0000")).toBe("0.000 0");
    expect(groupDigits("0.1545***")).toBe("0.154 5***");
    expect(groupDigits("(0.0041)")).toBe("(0.004 1)");
    expect(groupDigits("-3.1662***")).toBe("-3.166 2***");
    expect(groupDigits("创新绩效 (33.3928%)")).toBe("创新绩效 (33.392 8%)");
  });

  test("long and short numbers, several in a cell", () => {
    expect(groupDigits("(0.000000049)")).toBe("(0.000 000 049)");
    expect(groupDigits("1234567.1234567")).toBe("1 234 567.123 456 7");
    expect(groupDigits("655.8783 {16.3800}")).toBe("655.878 3 {16.380 0}");
    expect(groupDigits("252.5141 [0.0000]")).toBe("252.514 1 [0.000 0]");
    expect(groupDigits("744")).toBe("744");
    expect(groupDigits("0.123")).toBe("0.123");
  });

  test("digits inside names are not numbers", () => {
    for (const s of ["inn_1", "IV_2", "ln2020", "x12345", "inn_infra", "digit × stage", "R²", "(1)", "Table 3"]) expect(groupDigits(s)).toBe(s);
  });

  test("groupDecimals leaves whole numbers alone (label columns: years, counts in words)", () => {
    expect(groupDecimals("2011–2020 (33.3928%)")).toBe("2011–2020 (33.392 8%)");
  });

  test("property: only spaces are added, and grouping twice is grouping once", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.-*() _ax中%") , maxLength: 30 }), (s) => {
      const g = groupDigits(s);
      return g.replace(/ /g, "") === s.replace(/ /g, "") && groupDigits(g) === g;
    }), { numRuns: 2000 });
  });

  test("groupTableDigits: body cells grouped, label columns only their decimals; header, title and notes untouched", () => {
    const tbl: JournalTable = {
      id: "t", sheetName: "T", title: "Table 2 2744", header: [["Variable", "(1)"]],
      body: [["gov 2020", "1.7244"], ["N", "2744"], ["创新绩效 (33.3928%)", "10.5053"]],
      bodyKinds: ["coef", "stat", "indicator"], values: [[null, 1.7244], [null, 2744], [33.3928, 10.5053]], notes: ["2011–2020, 2744 rows"],
    };
    const g = groupTableDigits(tbl);
    expect(g.body).toEqual([["gov 2020", "1.724 4"], ["N", "2 744"], ["创新绩效 (33.392 8%)", "10.505 3"]]);
    expect([g.title, g.header, g.notes, g.values]).toEqual([tbl.title, tbl.header, tbl.notes, tbl.values]);
  });
});
