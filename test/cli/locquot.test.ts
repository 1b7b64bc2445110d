/** `citypanel locquot` reproduces derived lq_F_K (totals by year). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readCsv } from "../../src/cli/readCsvCells";
import { tableNumeric } from "../../src/engine/data/table";
import { expectRel, REFERENCE_DIR } from "../support/reference";
import { runCli, runJson } from "./runCli";

const DATA = path.join(REFERENCE_DIR, "data", "panel_public.csv");

describe("citypanel locquot", () => {
  test("--num F --den K --by year --json", async () => {
    const j = await runJson(["locquot", DATA, "--num", "F", "--den", "K", "--by", "year"]);
    expect(j.command).toBe("locquot");
    const derived = readCsv(path.join(REFERENCE_DIR, "results", "panel_public_derived.csv"));
    tableNumeric(derived, "lq_F_K").values.forEach((v, i) => expectRel(j.lq[i], v, 1e-10, `row ${i + 1}`));
    expect(Object.keys(j.groups).length).toBe(14);
  });
  test("one total without --by; null for incomplete rows", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-lq-"));
    const file = path.join(dir, "lq.csv");
    fs.writeFileSync(file, "F,K\n1,10\n3,10\nNA,10\n2,\n");
    const j = await runJson(["locquot", file, "--num", "F", "--den", "K"]);
    expect(j.lq).toEqual([0.5, 1.5, null, null]);
    expect(j.groups.sum_den).toBe(20);
    fs.writeFileSync(file, "F,K\n1,10\n3,0\n");
    const bad = await runCli(["locquot", file, "--num", "F", "--den", "K"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the location quotient needs values > 0, but column "K" has 0 in row 3'); // file row, header = row 1
    fs.rmSync(dir, { recursive: true, force: true });
  });
  test("missing --den: exit 2", async () => {
    const r = await runCli(["locquot", DATA, "--num", "F"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--den is required");
  });
});
