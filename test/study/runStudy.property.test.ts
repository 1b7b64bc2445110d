import * as path from "path";
import fc from "fast-check";
import { readCsv } from "../../src/cli/readCsvCells";
import { RawTable } from "../../src/engine/data/table";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runStudy } from "../../src/engine/study/runStudy";

/**
 * Invariant of the whole study: the order of the panel's rows does not matter. Every number
 * of Tables 1–7 (indices pooled or by year, LQ totals by year, percentiles, the demeaning,
 * the small-agglomeration rule) is the same, to rounding, for any permutation of the rows.
 */
const table = readCsv(path.resolve(__dirname, "../../assets/sample/city-panel.csv"));
const def = defaultStudy();
const tables = ["table1", "table2", "table3", "table4", "table5", "table6", "table7"] as const;
const reference = runStudy(table, def, { lang: "en", tables: [...tables] });

const permuted = (t: RawTable, order: number[]): RawTable => ({ ...t, columns: t.columns.map((c) => order.map((i) => c[i])) });

test("permuting the panel's rows leaves every number of Tables 1–7 unchanged (1e-9 relative)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      // a seeded Fisher–Yates shuffle of the 2,744 rows
      let s = seed;
      const rand = () => ((s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647);
      const order = Array.from({ length: table.rows }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
      const r = runStudy(permuted(table, order), def, { lang: "en", tables: [...tables] });
      r.tables.forEach((t, k) => {
        const ref = reference.tables[k];
        expect(t.body.map((row) => row[0])).toEqual(ref.body.map((row) => row[0]));
        t.values.forEach((row, i) => row.forEach((v, j) => {
          const e = ref.values[i][j];
          if (e === null) expect(v).toBeNull();
          else expect(Math.abs((v as number) - e)).toBeLessThanOrEqual(1e-9 * Math.abs(e) + 1e-300);
        }));
      });
    }),
    { numRuns: 3 },
  );
});
