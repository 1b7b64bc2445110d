import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { factorize } from "../../src/engine/data/columns";
import { assertPanelIdsPresent } from "../../src/engine/data/missingPanelIds";
import { CityPanelError } from "../../src/engine/errors";
import { runCli } from "./cliHarness";

/**
 * A study panel row without its city or year is refused with a message naming the column, the
 * count and the first row — and, when a name is followed by empty cells (a city merged down its
 * years, as yearbooks print it and as Excel saves it to CSV), how to fill them. Before, those
 * rows were dropped and the study failed with "every observation is a fixed-effect singleton".
 */
jest.setTimeout(60_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-missing-ids-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const caught = (f: () => void): CityPanelError => {
  try { f(); } catch (e) { return e as CityPanelError; }
  throw new Error("no error");
};

describe("the pure check", () => {
  test("merged-looking blanks: count, first row (header = row 1), the fill hint, the column as the error's place", () => {
    const e = caught(() => assertPanelIdsPresent(factorize("city", ["安庆", "", "", "合肥", ""]), { en: "city", zh: "城市" }, 2));
    expect(e.message).toBe('column "city" is empty in 3 of 5 rows (first: row 3): every row needs its city. If the names are merged cells (one name over several rows), unmerge them and fill every row — in Excel: Home > Merge & Center > Unmerge Cells, then Find & Select > Go To Special > Blanks, type = and the arrow up, Ctrl+Enter');
    expect(e.messageZh).toMatch(/^列“city”有 3\/5 行为空（第一处：第 3 行）：每一行都需要城市。若名称是合并单元格/);
    expect([e.kind, e.place]).toEqual(["value", { column: "city", row: 3 }]);
  });
  test("a blank first row: no merge hint", () => {
    const e = caught(() => assertPanelIdsPresent(factorize("year", [null, 2009]), { en: "year", zh: "年份" }, 2));
    expect(e.message).toBe('column "year" is empty in 1 of 2 rows (first: row 2): every row needs its year');
  });
  test("property: refused exactly when some id is missing, counting them", () => {
    fc.assert(fc.property(fc.array(fc.option(fc.constantFrom("a", "b", "c"), { nil: null }), { minLength: 1, maxLength: 40 }), (ids) => {
      const missing = ids.filter((v) => v === null).length;
      const run = () => assertPanelIdsPresent(factorize("city", ids), { en: "city", zh: "城市" });
      if (missing === 0) { run(); return true; }
      return caught(run).message.includes(`empty in ${missing} of ${ids.length} rows`);
    }));
  });
});

describe("citypanel study on a CSV saved from a sheet with the city merged down its years", () => {
  const lines = fs.readFileSync(path.resolve(__dirname, "../../assets/sample/city-panel.csv"), "utf8").trimEnd().split("\n");
  const header = lines[0].split(",");
  const ci = header.indexOf("city");
  let previous = "";
  const merged = [lines[0], ...lines.slice(1).map((l) => {
    const cells = l.split(",");
    if (cells[ci] === previous) cells[ci] = "";
    else previous = cells[ci];
    return cells.join(",");
  })];
  const file = path.join(tmp, "merged-city.csv");
  fs.writeFileSync(file, merged.join("\n") + "\n");
  const blanks = merged.slice(1).filter((l) => l.split(",")[ci] === "").length;

  test.each([
    ["en", `column "city" is empty in ${blanks} of ${lines.length - 1} rows (first: row 3): every row needs its city. If the names are merged cells`],
    ["zh", `列“city”有 ${blanks}/${lines.length - 1} 行为空（第一处：第 3 行）：每一行都需要城市。若名称是合并单元格`],
  ])("%s: exit 2 with the message, nothing written", async (lang, message) => {
    const out = path.join(tmp, `never-${lang}.xlsx`);
    const r = await runCli(["study", file, "--out", out, "--lang", lang]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("fereg with city fixed effects: the singleton error says the empty city cells are the cause", async () => {
    const r = await runCli(["fereg", file, "--y", "gov", "--x", "digit", "--fe", "city,year"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`every observation is a fixed-effect singleton once the ${blanks} rows with an empty "city" are dropped: fill those cells — a name merged over several rows`);
  });
});
