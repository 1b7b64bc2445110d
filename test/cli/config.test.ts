import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { checkAgainstSchema } from "../../src/engine/study/definitionSchema";
import { parseStudyDefinition } from "../../src/engine/study/parseDefinition";
import { runCli } from "./cliHarness";

/**
 * Issue 11, config crashes: the study definition is checked against its schema and an error
 * names the bad key (exit 2, English and Chinese) — never "Cannot read properties of
 * undefined"; unknown keys are warnings; a UTF-8 BOM is ignored; dropGroupsWithAtMost must be
 * a whole number 0 … 10000.
 */
jest.setTimeout(60_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-cfg-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const config = (name: string, body: string) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, body);
  return f;
};
const oneLine = (r: { status: number; stdout: string; stderr: string }) => {
  expect([r.status, r.stdout]).toEqual([2, ""]);
  expect(r.stderr.trimEnd().includes("\n")).toBe(false);
  return r.stderr.trimEnd();
};

test("the paper's definition satisfies the schema without a warning", () => {
  expect(checkAgainstSchema(defaultStudy())).toEqual([]);
});

describe("a bad key is named, in English and Chinese (exit 2)", () => {
  test.each([
    ["treatment without label", { treatment: { column: "digit" } },
      'the study definition has no "treatment.label": it must be { "en": "…", "zh": "…" }',
      "研究设定缺少“treatment.label”：应为{ \"en\": \"…\", \"zh\": \"…\" }"],
    ["a number where a column name belongs", { columns: { city: 3, year: "year" } },
      '"columns.city" in the study definition must be a non-empty text, got 3',
      "研究设定中的“columns.city”必须为非空文本，实际为 3"],
    ["a direction that is neither + nor -", { indicators: [{ column: "ind01", dimension: "resources", direction: "up" }] },
      '"indicators[0].direction" in the study definition must be one of "+" | "-", got "up"',
      "研究设定中的“indicators[0].direction”必须为\"+\" | \"-\" 之一，实际为 \"up\""],
    ["a negative dropGroupsWithAtMost", { robustness: { dropGroupsWithAtMost: -1 } },
      '"robustness.dropGroupsWithAtMost" in the study definition must be a whole number from 0 to 10000, got -1',
      "研究设定中的“robustness.dropGroupsWithAtMost”必须为0 到 10000 之间的整数，实际为 -1"],
    ["an absurd dropGroupsWithAtMost", { robustness: { dropGroupsWithAtMost: 1e9 } },
      '"robustness.dropGroupsWithAtMost" in the study definition must be a whole number from 0 to 10000, got 1000000000', null],
    ["a fractional dropGroupsWithAtMost", { robustness: { dropGroupsWithAtMost: 2.5 } },
      '"robustness.dropGroupsWithAtMost" in the study definition must be a whole number from 0 to 10000, got 2.5', null],
    ["vcov misspelt as a value", { vcov: "hc3" },
      '"vcov" must be "robust", "iid" or "cluster", got "hc3"', null],
    ["vcov as a number", { vcov: 3 },
      '"vcov" in the study definition must be a non-empty text, got 3', null],
    ["ris with two shares", { mechanisms: { ris: { shares: ["share1", "share2"] } } },
      '"mechanisms.ris.shares" in the study definition must be a list of 3, got ["share1","share2"]', null],
    ["log as text", { controls: [{ column: "gov", log: "yes" }] },
      '"controls[0].log" in the study definition must be true or false, got "yes"', null],
  ])("%s", async (_, body, en, zh) => {
    const f = config("bad.json", JSON.stringify(body));
    expect(oneLine(await runCli(["study", "--config", f, "--print-config"]))).toBe(`citypanel study: ${en}`);
    if (zh) expect(oneLine(await runCli(["template", "--config", f, "--lang", "zh"]))).toBe(`citypanel template: ${zh}`);
  });
});

test("unknown keys are warnings on stderr (the study still runs), also nested ones", async () => {
  const f = config("typo.json", JSON.stringify({ vcovv: "iid", treatment: { column: "digit", label: { en: "d", zh: "d" }, lable: "x" } }));
  const r = await runCli(["study", "--config", f, "--print-config", "--json"]);
  expect(r.status).toBe(0);
  expect(r.stderr.trimEnd().split("\n")).toEqual([
    expect.stringMatching(/^citypanel study: warning: unknown key "vcovv" in the study definition is ignored \(known here: version, title, /),
    'citypanel study: warning: unknown key "treatment.lable" in the study definition is ignored (known here: column, label, title)',
  ]);
  const { warnings } = parseStudyDefinition(fs.readFileSync(f, "utf8"));
  expect(warnings[0].zh).toMatch(/^警告：研究设定中的未知键“vcovv”已忽略/);
});

test("a UTF-8 byte-order mark (Notepad) is ignored", async () => {
  const f = config("bom.json", "\uFEFF" + JSON.stringify({ vcov: "iid" }));
  const r = await runCli(["study", "--config", f, "--print-config", "--json"]);
  expect([r.status, r.stderr]).toEqual([0, ""]);
  expect(JSON.parse(r.stdout).vcov).toBe("iid");
});

test("not JSON, not an object", async () => {
  expect(oneLine(await runCli(["study", "--config", config("x.json", "{ vcov: robust }"), "--print-config"]))).toMatch(/^citypanel study: the study definition is not valid JSON: /);
  expect(oneLine(await runCli(["study", "--config", config("y.json", "[1]"), "--print-config", "--lang", "zh"]))).toBe("citypanel study: 研究设定必须是 JSON 对象 { … }");
});
