/**
 * Issue 11 item 6: formula injection in the task pane's live-formula path. Labels and headers
 * that begin with "=", "+", "-" or "@" (they can come from mapping settings saved in a shared
 * workbook) are written as text — with Excel's quote prefix "'" — and only CityPanel's own
 * formulas are written as formulas. The Excel stand-in (mockExcel) reads what is written as
 * Excel does: such a string without the prefix would become a formula there.
 */
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { StudyDefinition } from "../../src/engine/study/definition";
import { JournalTable } from "../../src/engine/tables/journalTable";
import { insertTemplate, writeLiveStudy } from "../../src/taskpane/excel/template";
import { writeGrid, writeJournalTable, writeProvenance } from "../../src/taskpane/excel/write";
import { asTextCell, isOwnFormula, ownFormula, rangeInput } from "../../src/taskpane/model/cellText";
import { expectedHeaders } from "../../src/taskpane/model/expectedHeaders";
import { installExcel, WorkbookModel } from "./mockExcel";

const HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "'quoted"];

describe("the rule", () => {
  test("strings that Excel would read as a formula get the quote prefix; others are unchanged", () => {
    expect(HOSTILE.map(asTextCell)).toEqual(HOSTILE.map((s) => `'${s}`));
    for (const s of ["digit", "0.0999***", "(0.0020)", "城市", "", " =not a formula"]) expect(asTextCell(s)).toBe(s);
    expect(rangeInput(ownFormula("=CITYPANEL.FEREG(A1:A9,B1:B9)"))).toBe("=CITYPANEL.FEREG(A1:A9,B1:B9)");
    expect(rangeInput(-3.5)).toBe(-3.5);
    expect(isOwnFormula("=SUM(1)")).toBe(false); // a string is never an own formula
  });
});

/** Every formula in the workbook: none may contain a hostile label's text. */
function formulasIn(model: WorkbookModel): string[] {
  return [...model.sheets.values()].flatMap((s) => [...s.values()].map((c) => c.f).filter((f): f is string => !!f));
}

/** The default study with hostile labels and titles (as a shared workbook's settings could hold). */
function hostileStudy(): StudyDefinition {
  const def = defaultStudy();
  return {
    ...def,
    title: { en: HOSTILE[3], zh: HOSTILE[3] },
    dimensions: def.dimensions.map((d, j) => ({ ...d, label: { en: HOSTILE[j % HOSTILE.length], zh: HOSTILE[j % HOSTILE.length] } })),
    indicators: def.indicators.map((i, j) => ({ ...i, label: { en: HOSTILE[j % HOSTILE.length], zh: HOSTILE[j % HOSTILE.length] } })),
    treatment: { ...def.treatment, label: { en: HOSTILE[0], zh: HOSTILE[0] } },
  };
}

describe("live formulas and Insert template write labels as text", () => {
  test.each(["en", "zh"] as const)("writeLiveStudy (%s): every formula is a CITYPANEL or template formula, every hostile label is text", async (lang) => {
    const def = hostileStudy();
    const model = new WorkbookModel({ Data: [expectedHeaders(def)] });
    installExcel(model);
    await writeLiveStudy(def, { sheet: "Data", names: expectedHeaders(def), rows: 10 }, ["table1", "table3"], [{ label: { en: HOSTILE[0], zh: HOSTILE[0] }, value: HOSTILE[1] }], lang);
    const formulas = formulasIn(model);
    expect(formulas.length).toBeGreaterThan(20);
    for (const f of formulas) for (const h of HOSTILE) expect(f).not.toContain(h.slice(1, 8));
    const texts = [...model.sheets.values()].flatMap((s) => [...s.values()]).filter((c) => c.quoted).map((c) => c.v);
    // the indicator labels on the Setup sheet (e.g. "=HYPERLINK(…) (=HYPERLINK(…))") and the provenance row
    expect(texts.some((v) => typeof v === "string" && v.startsWith(HOSTILE[0]))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining([HOSTILE[0], HOSTILE[1]]));
  });

  test("Insert template: column headers from the mapping starting with = + - @ are text", async () => {
    const base = defaultStudy();
    const def: StudyDefinition = { ...base, columns: { ...base.columns, city: "=city", year: "+year" }, treatment: { ...base.treatment, column: "@digit" }, controls: [{ column: "-gov" }, ...base.controls.slice(1)] };
    const model = new WorkbookModel({});
    installExcel(model);
    const { sheets } = await insertTemplate("en", 20, def);
    const data = sheets[0];
    const headers = expectedHeaders(def);
    headers.forEach((h, j) => {
      const c = model.get(data, 0, j)!;
      expect([c.v, c.f]).toEqual([h, undefined]);
    });
    for (const f of formulasIn(model)) expect(f).not.toMatch(/^=(city|year|digit|gov)\b/);
  });
});

describe("values output writes strings as text too", () => {
  test("a journal table, a provenance row and a plain grid", async () => {
    const model = new WorkbookModel({ Out: [] });
    installExcel(model);
    const table: JournalTable = {
      id: "table3", sheetName: "T3", title: HOSTILE[0], header: [["Variable", HOSTILE[1]]],
      body: [[HOSTILE[2], "-0.1545***"], ["", "(0.0041)"]], bodyKinds: ["coef", "se"], values: [[null, -0.1545], [null, 0.0041]], notes: [HOSTILE[3]],
    };
    const name = await Excel.run((ctx) => writeJournalTable(ctx, table));
    await Excel.run((ctx) => writeProvenance(ctx, [{ label: { en: HOSTILE[4], zh: HOSTILE[4] }, value: HOSTILE[0] }], "en"));
    await Excel.run((ctx) => writeGrid(ctx, ctx.workbook.worksheets.getItem("Out"), 0, 0, [[HOSTILE[0], 2744, "ok"]]));
    expect(formulasIn(model)).toEqual([]);
    const all = [...model.sheets.get(name)!.values()].map((c) => c.v);
    expect(all).toEqual(expect.arrayContaining([HOSTILE[0], HOSTILE[1], HOSTILE[2], "-0.1545***", HOSTILE[3]]));
    expect(model.value("Out", 0, 0)).toBe(HOSTILE[0]);
    expect(model.value("Out", 0, 1)).toBe(2744);
  });
});
