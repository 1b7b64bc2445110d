/** Issue 11 (2): `,` `;` tab `|` are detected from the header line; `--delimiter` overrides. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { jsonOf, runCli } from "../cliHarness";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample/city-panel.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-delim-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fereg = (file: string, extra: string[] = []) =>
  runCli(["fereg", file, "--y", "ind01", "--x", "ind02,ind03", "--fe", "city,year", "--cluster", "city", "--json", ...extra]);

describe("delimiters", () => {
  const comma = fs.readFileSync(SAMPLE, "utf8");
  let base: Record<string, unknown>;
  beforeAll(async () => { base = jsonOf(await fereg(SAMPLE)); });

  test.each([[";", "semicolon"], ["\t", "tab"], ["|", "pipe"]])("%s-separated (%s): detected, same result", async (d, name) => {
    expect(comma).not.toContain(d);
    const f = path.join(dir, `${name}.csv`);
    fs.writeFileSync(f, comma.replace(/,/g, d));
    expect(jsonOf(await fereg(f))).toEqual(base);
    expect(jsonOf(await fereg(f, ["--delimiter", name]))).toEqual(base);
  });

  test("--delimiter overrides a header that is ambiguous", async () => {
    const f = path.join(dir, "ambiguous.txt");
    fs.writeFileSync(f, "a|b,c\n1|2,5\n3|4,5\n5|7,5\n");
    const detected = await runCli(["describe", f, "--cols", "a"]);
    expect(detected.status).toBe(2);
    expect(detected.stderr).toContain('no column named "a" (columns: a|b, c)');
    const j = jsonOf(await runCli(["describe", f, "--cols", "a", "--delimiter", "|", "--json"]));
    expect(j.columns.a.mean).toBe(3);
  });

  test("a bad --delimiter is exit 2", async () => {
    const run = await runCli(["describe", SAMPLE, "--cols", "ind01", "--delimiter", ";;"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--delimiter must be one character");
  });
});
