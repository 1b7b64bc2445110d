import * as fs from "fs";
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { RawTable } from "../../src/engine/data/table";

/**
 * Access to test/fixtures/reference (datasets and reference outputs computed by fixest, plm and
 * an independent numpy port of Stata's ranktest; see its README). Read-only.
 */
export const REFERENCE_DIR = path.resolve(__dirname, "../fixtures/reference");

const tables = new Map<string, RawTable>();
/** A reference dataset, parsed once per test file. */
export function referenceData(file: string): RawTable {
  let t = tables.get(file);
  if (!t) {
    t = readCsv(path.join(REFERENCE_DIR, "data", file));
    tables.set(file, t);
  }
  return t;
}

/** A reference result JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function referenceResults(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, "results", file), "utf8"));
}

/** |a − b| ≤ tol·max(|b|, tiny): relative agreement, stated tolerance. */
export function expectRel(actual: number, expected: number, tol: number, what = ""): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  const rel = Math.abs(actual - expected) / scale;
  if (!(rel <= tol)) {
    throw new Error(`${what}: got ${actual}, reference ${expected} (relative difference ${rel.toExponential(2)} > ${tol})`);
  }
}

/** Compare every key of a reference name → value object with a name → value lookup. */
export function expectAllRel(actual: Record<string, number>, expected: Record<string, number>, tol: number, what: string): void {
  for (const [k, v] of Object.entries(expected)) expectRel(actual[k], v, tol, `${what}.${k}`);
}
