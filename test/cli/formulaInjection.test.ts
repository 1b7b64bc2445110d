import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { defaultStudy } from "../../src/engine/study/defaultStudy";
import { runCli } from "./cliHarness";

/**
 * Issue 11 item 6 for the command line: labels from a --config that begin with "=", "+", "-"
 * or "@" are written by `citypanel template` and `citypanel study` as text cells (shared or
 * inline strings), never as formulas; the only formulas are CityPanel's own.
 */
jest.setTimeout(90_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-inj-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)"];

async function sheetsXml(file: string): Promise<{ formulas: string[]; strings: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const xml = await Promise.all(names.map((n) => zip.file(n)!.async("string")));
  const shared = zip.file("xl/sharedStrings.xml") ? await zip.file("xl/sharedStrings.xml")!.async("string") : "";
  const formulas = xml.flatMap((x) => [...x.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]));
  return { formulas, strings: shared + xml.join("") };
}
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

test.each(["template", "study"])("citypanel %s: hostile indicator labels are text cells, not formulas", async (command) => {
  const def = defaultStudy();
  const config = path.join(tmp, `${command}.json`);
  fs.writeFileSync(config, JSON.stringify({
    indicators: def.indicators.map((i, j) => ({ ...i, label: { en: HOSTILE[j % 4], zh: HOSTILE[j % 4] } })),
    dimensions: def.dimensions.map((d, j) => ({ ...d, label: { en: HOSTILE[j % 4], zh: HOSTILE[j % 4] } })),
  }));
  const out = path.join(tmp, `${command}.xlsx`);
  const r = await runCli([command, "--config", config, "--out", out]);
  expect([r.status, r.stderr]).toEqual([0, ""]);
  const { formulas, strings } = await sheetsXml(out);
  for (const f of formulas.map(unescape)) for (const h of HOSTILE) expect(f).not.toContain(h.slice(1));
  if (command === "template") expect(formulas.length).toBeGreaterThan(20);
  const text = unescape(strings);
  expect(HOSTILE.some((h) => text.includes(h))).toBe(true); // the labels are there, as strings
});
