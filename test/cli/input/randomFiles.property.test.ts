/** Property: a random file (bytes, or CSV-like text) given to a command is exit 0 or 2, never 1. */
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../cliHarness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-random-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csvLike = fc.array(fc.constantFrom("x", "y", "1", "2.5", ",", ";", "\t", "|", '"', "\n", "\r\n", " ", "NA", "中", "#N/A", "\uFEFF"), { maxLength: 120 })
  .map((a) => Buffer.from("x,y\n" + a.join(""), "utf8"));
const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b));
const ext = fc.constantFrom(".csv", ".txt", ".xlsx", ".parquet", ".xls", ".ods");
const argv = fc.constantFrom(
  (f: string) => ["describe", f],
  (f: string) => ["describe", f, "--cols", "x"],
  (f: string) => ["fereg", f, "--y", "y", "--x", "x"],
  (f: string) => ["winsor", f, "--cols", "x", "--delimiter", ";"],
);

test("random files never give exit 1", async () => {
  let k = 0;
  await fc.assert(fc.asyncProperty(fc.oneof(csvLike, bytes), ext, argv, async (content, e, args) => {
    const f = path.join(dir, `f${k++}${e}`);
    fs.writeFileSync(f, content);
    const run = await runCli([...args(f), "--json"]);
    if (run.status === 1) throw new Error(run.stderr);
    expect([0, 2]).toContain(run.status);
  }), { numRuns: 150 });
}, 120_000);
