/**
 * A clone of the repository stands alone: nothing it ships points outside it (the project's
 * development material in ../shared is not in a user's clone), every `docs/methods.md §x.y`
 * a comment cites exists, and the Stock–Yogo tables printed in docs/methods.md §3.5 are the
 * ones the engine uses.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { stockYogo } from "../../src/engine/iv/stockYogo";

const root = path.resolve(__dirname, "../..");
const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
const textFiles = tracked.filter((f) => /\.(ts|tsx|js|mjs|cjs|json|md|html|css|xml|sh|yml)$/.test(f) || f === ".ci/run");
const methods = fs.readFileSync(path.join(root, "docs/methods.md"), "utf8");

/** Copied unchanged from the reference set (its README names the set's own layout). */
const copiedVerbatim = new Set(["test/fixtures/reference/README.md"]);

test("no shipped file points into ../shared or the spec folder outside the repository", () => {
  const offenders = textFiles
    .filter((f) => !copiedVerbatim.has(f) && fs.existsSync(path.join(root, f)))
    .flatMap((f) =>
      fs.readFileSync(path.join(root, f), "utf8").split("\n")
        .map((line, i) => ({ f, i: i + 1, line }))
        .filter(({ line }) => /\.\.\/shared\/|shared\/(spec|reference)|\bformulas\.md\b|spec\/README\.md/.test(line)),
    )
    .map(({ f, i, line }) => `${f}:${i}: ${line.trim()}`);
  expect(offenders).toEqual([]);
});

test("every docs/methods.md section cited in the code exists", () => {
  const headings = new Set([...methods.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));
  expect(headings.size).toBeGreaterThan(20);
  const cited = new Set(
    textFiles.filter((f) => /^(src|test|scripts)\//.test(f) && fs.existsSync(path.join(root, f)))
      .flatMap((f) => [...fs.readFileSync(path.join(root, f), "utf8").matchAll(/docs\/methods\.md §(\d+(?:\.\d+)?)/g)].map((m) => m[1])),
  );
  expect(cited.size).toBeGreaterThan(10);
  expect([...cited].filter((s) => !headings.has(s))).toEqual([]);
});

/** Rows of the markdown table that follows `title` in docs/methods.md: L1 → 8 cells. */
function methodsTable(title: string): Map<number, (number | null)[]> {
  const lines = methods.slice(methods.indexOf(title)).split("\n");
  const rows = new Map<number, (number | null)[]>();
  for (const line of lines.slice(1)) {
    if (rows.size > 0 && !line.startsWith("|")) break;
    const m = /^\| (\d+) \|(.*)\|$/.exec(line);
    if (m) rows.set(Number(m[1]), m[2].split("|").map((c) => (c.trim() === "–" ? null : Number(c.trim()))));
  }
  return rows;
}

test.each([
  ["Maximal IV size:", "size", ["10%", "15%", "20%", "25%"]],
  ["Maximal IV relative bias:", "bias", ["5%", "10%", "20%", "30%"]],
] as const)("docs/methods.md §3.5 %s the engine's table, cell for cell", (title, kind, labels) => {
  const table = methodsTable(title);
  expect(table.size).toBe(kind === "size" ? 10 : 8);
  for (const [l1, cells] of table) {
    for (const k1 of [1, 2]) {
      const engine = stockYogo(k1, l1)[kind];
      const doc = cells.slice((k1 - 1) * 4, k1 * 4);
      expect(labels.map((lab) => engine[lab] ?? null)).toEqual(doc);
    }
  }
});
