/**
 * Issue 11 (1): the sample panel saved as GB18030 (what Excel on Chinese Windows writes), as
 * UTF-16 LE/BE with and without BOM and as UTF-8 with BOM gives exactly the study of the UTF-8 file;
 * `--encoding` overrides the detection.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as iconv from "iconv-lite";
import { jsonOf, runCli } from "../cliHarness";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample/city-panel.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-enc-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = fs.readFileSync(SAMPLE, "utf8");
const copies: Record<string, Buffer> = {
  "gb18030": iconv.encode(text, "gb18030"),
  "utf-16le with BOM": Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]),
  "utf-16be with BOM": Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]),
  "utf-16le without BOM": iconv.encode(text, "utf-16le"),
  "utf-16be without BOM": iconv.encode(text, "utf-16be"),
  "utf-8 with BOM": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
};

async function study(file: string, extra: string[] = []) {
  const out = path.join(dir, `${path.basename(file)}.xlsx`);
  const run = await runCli(["study", file, "--out", out, "--json", ...extra]);
  const json = jsonOf(run);
  const tables = await runCli(["study", file, "--out", out, ...extra]);
  expect(tables.status).toBe(0);
  return { json, tables: tables.stdout.replace(/^wrote .*$/m, "") };
}

/** Every number of every model equal to 1e-12 relative. */
function expectSameModels(a: Record<string, Record<string, unknown>>, b: Record<string, Record<string, unknown>>) {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const [key, m] of Object.entries(a)) {
    for (const part of ["coef", "se", "p"] as const) {
      const x = m[part] as Record<string, number>;
      const y = b[key][part] as Record<string, number>;
      expect(Object.keys(x)).toEqual(Object.keys(y));
      for (const t of Object.keys(x)) expect(Math.abs(x[t] - y[t])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y[t])));
    }
    expect(m.nobs).toBe(b[key].nobs);
  }
}

describe("encodings: the sample panel in every encoding gives the UTF-8 study", () => {
  let base: Awaited<ReturnType<typeof study>>;
  beforeAll(async () => {
    const f = path.join(dir, "utf8.csv");
    fs.writeFileSync(f, text);
    base = await study(f);
    expect(base.json.cities).toBe(196);
  }, 120_000);

  test.each(Object.keys(copies))("%s", async (name) => {
    const f = path.join(dir, `${name.replace(/\W+/g, "-")}.csv`);
    fs.writeFileSync(f, copies[name]);
    const got = await study(f);
    expect(got.json.cities).toBe(196);
    expect(got.json.nobs).toBe(base.json.nobs);
    expectSameModels(got.json.models, base.json.models);
    expect(got.tables).toBe(base.tables);
  }, 120_000);

  test("--encoding gb18030 reads the GB18030 file; a wrong --encoding utf-8 garbles the city names (the override is obeyed)", async () => {
    const f = path.join(dir, "gb.csv");
    fs.writeFileSync(f, copies.gb18030);
    const forced = jsonOf(await runCli(["fereg", f, "--y", "ind01", "--x", "ind02", "--fe", "city", "--encoding", "gbk", "--json"]));
    expect(forced.fe.city).toBe(196);
    const wrong = jsonOf(await runCli(["fereg", f, "--y", "ind01", "--x", "ind02", "--fe", "city", "--encoding", "utf-8", "--json"]));
    expect(wrong.fe.city).toBeLessThan(196);
  });

  test("an unknown --encoding is exit 2 naming the accepted ones", async () => {
    const run = await runCli(["describe", SAMPLE, "--cols", "ind01", "--encoding", "latin9"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown encoding "latin9" (use utf-8, utf-16le, utf-16be or gb18030');
  });
});
