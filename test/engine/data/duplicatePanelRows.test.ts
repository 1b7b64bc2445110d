/**
 * firstDuplicatePanelRow: the first repeated (id, time) pair in row order and the row it
 * repeats — the typed-array search checked on examples and against a plain map search over
 * random panels with missing codes.
 */
import fc from "fast-check";
import { factorize, IdColumn } from "../../../src/engine/data/columns";
import { firstDuplicatePanelRow } from "../../../src/engine/data/duplicatePanelRows";

/** The obvious search: a map from the pair to the first row holding it. */
function byMap(id: IdColumn, time: IdColumn, firstRow: number) {
  const seen = new Map<string, number>();
  for (let i = 0; i < id.codes.length; i++) {
    const a = id.codes[i];
    const b = time.codes[i];
    if (a < 0 || b < 0) continue;
    const before = seen.get(`${a},${b}`);
    if (before !== undefined) return { id: id.levels[a], time: time.levels[b], rows: [before + firstRow, i + firstRow] };
    seen.set(`${a},${b}`, i);
  }
  return null;
}

test("examples: the earliest repeat wins, named by the first row of its pair", () => {
  const f = (name: string, v: (string | null)[]) => factorize(name, v);
  expect(firstDuplicatePanelRow(f("city", ["a", "a", "b", "a"]), f("year", ["1", "2", "1", "1"]))).toEqual({ id: "a", time: "1", rows: [2, 5] });
  // b's repeat (row 4) comes before a's (row 5), although a's group comes first
  expect(firstDuplicatePanelRow(f("city", ["a", "b", "b", "a"]), f("year", ["1", "2", "2", "1"]))).toEqual({ id: "b", time: "2", rows: [3, 4] });
  // a third row of a pair is not the answer: the second is
  expect(firstDuplicatePanelRow(f("city", ["a", "a", "a"]), f("year", ["1", "1", "1"]), 1)).toEqual({ id: "a", time: "1", rows: [1, 2] });
  // missing ids or times never repeat
  expect(firstDuplicatePanelRow(f("city", ["a", null, null, "a"]), f("year", ["1", "2", "2", null]))).toBeNull();
  expect(firstDuplicatePanelRow(f("city", []), f("year", []))).toBeNull();
});

test("property: the same answer as a map search, on random panels with missing codes", () => {
  const cell = (k: number) => fc.option(fc.integer({ min: 0, max: k }).map(String), { freq: 8 });
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.array(cell(6), { minLength: n, maxLength: n }), fc.array(cell(4), { minLength: n, maxLength: n }))),
      fc.integer({ min: 1, max: 3 }),
      ([ids, years], firstRow) => {
        const id = factorize("id", ids);
        const year = factorize("year", years);
        expect(firstDuplicatePanelRow(id, year, firstRow)).toEqual(byMap(id, year, firstRow));
        // the same rows sorted by id (each id's rows together: the one-pass path)
        const sorted = ids.map((v, i) => [v, years[i]] as const).sort((p, q) => String(p[0]).localeCompare(String(q[0])));
        const sid = factorize("id", sorted.map((r) => r[0]));
        const syear = factorize("year", sorted.map((r) => r[1]));
        expect(firstDuplicatePanelRow(sid, syear, firstRow)).toEqual(byMap(sid, syear, firstRow));
      },
    ),
    { numRuns: 500 },
  );
});
