import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkManifest, parseXml } from "../../scripts/check-manifest";

const ROOT = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const hasXmllint = !spawnSync("xmllint", ["--version"]).error;

/** Replaces exactly one occurrence of `from`, so a mutation can't silently miss. */
function mutate(from: string | RegExp, to: string): string {
  const matches = manifest.match(typeof from === "string" ? new RegExp(escape(from), "g") : new RegExp(from, "g"));
  if (!matches || matches.length !== 1) throw new Error(`mutation target found ${matches?.length ?? 0} times: ${from}`);
  return manifest.replace(from, to);
}
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/** Errors of a mutated copy (xmllint off: these are checks of the cross-references). */
const errorsOf = (xml: string) => checkManifest(xml, { xmllint: false }).errors;

describe("manifest.xml", () => {
  it("passes the offline check (with xmllint when installed)", () => {
    const r = checkManifest(manifest);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.info.xmllint).toBe(hasXmllint ? "clean" : "not installed (JS parser only)");
    expect(r.info.namespace).toBe("CITYPANEL");
    expect(r.info.runtimeResid).toBe("Taskpane.Url");
    expect(r.info.overrideLocales).toEqual(["zh-CN"]);
  });

  it("has the Version of package.json and the https://localhost:3000 dev URLs", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(checkManifest(manifest, { xmllint: false }).info.version).toBe(`${pkg.version}.0`);
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });

  it("points every icon at a committed PNG", () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of new Set(icons)) {
      const png = fs.readFileSync(path.join(ROOT, icon));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(icon)![1]);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });
});

describe("check-manifest catches a broken copy", () => {
  const cases: [string, string | RegExp, string, RegExp][] = [
    ["a mistyped resid", '<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Function.Namespace"/>', /resid "Function.Namespace".*does not match/],
    ["a resid over 32 characters", 'resid="TaskpaneButton.Tooltip"', 'resid="TaskpaneButton.Tooltip.TooLongByFar"', /longer than 32/],
    ["a resid of the wrong kind", '<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>', /points at a long resource, expected short/],
    ["an http URL", '"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"', /URL must be https/],
    ["an Id that is not a GUID", /<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>", /Id must be a GUID/],
    ["a bad Version", "<Version>0.1.0.0</Version>", "<Version>0.1.0</Version>", /Version must be n\.n\.n\.n/],
    ["a short-lived runtime", 'lifetime="long"', 'lifetime="short"', /lifetime="long"/],
    ["a Page with another resid", /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Functions.Script.Url"/>', /Page resid .* differs/],
    ["a FunctionFile with another resid", '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>', /FunctionFile resid .* differs/],
    ["a TaskpaneId", '<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>ButtonId1</TaskpaneId>', /TaskpaneId/],
    ["a wrong namespace", 'DefaultValue="CITYPANEL"', 'DefaultValue="CONTOSO"', /Namespace must be CITYPANEL/],
    ["no CustomFunctions extension point", 'xsi:type="CustomFunctions"', 'xsi:type="ContextMenu"', /CustomFunctions/],
    ["no zh-CN metadata override", /\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions.zh-CN.json"\/>/, "", /Functions.Metadata.Url .*no zh-CN bt:Override/],
    ["a zh-CN metadata override to the wrong file", "functions.zh-CN.json", "functions.json", /must point at functions.zh-CN.json/],
    ["no zh-CN DisplayName", '<Override Locale="zh-CN" Value="CityPanel 城市面板计量"/>\n  </DisplayName>', "</DisplayName>", /DisplayName has no zh-CN Override/],
    ["two zh-CN overrides", '<Override Locale="zh-CN" Value="CityPanel 城市面板计量"/>', '<Override Locale="zh-CN" Value="CityPanel 城市面板计量"/><Override Locale="zh-CN" Value="又一个"/>', /two overrides for zh-CN/],
    ["a ShortString over 125 characters", 'DefaultValue="Open CityPanel"', `DefaultValue="${"x".repeat(126)}"`, /ShortString TaskpaneButton.Label \(default\) is 126 characters, limit 125/],
    ["a LongString over 250 characters", /打开 CityPanel（城市面板计量）任务窗格[^"]*/, "长".repeat(251), /LongString TaskpaneButton.Tooltip \(zh-CN\) is 251 characters, limit 250/],
    ["a duplicate resource id", '<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.32x32"', /duplicate resource id Icon.32x32/],
    ["no SharedRuntime requirement", 'Name="SharedRuntime"', 'Name="ExcelApi"', /SharedRuntime/],
    ["a missing Permissions element", "<Permissions>ReadWriteDocument</Permissions>", "", /missing required element OfficeApp > Permissions/],
  ];

  it.each(cases)("%s", (_name, from, to, expected) => {
    const errors = errorsOf(mutate(from, to));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(expected);
  });

  it("reports XML that is not well-formed (JS parser and xmllint)", () => {
    const broken = mutate("</bt:ShortStrings>", "</bt:ShortString>");
    const js = errorsOf(broken);
    expect(js).toHaveLength(1);
    expect(js[0]).toMatch(/not well-formed XML: line \d+: <\/bt:ShortString> closes <bt:ShortStrings>/);
    if (hasXmllint) expect(checkManifest(broken).errors[0]).toMatch(/^xmllint: /);
  });

  it("fails from the command line with exit status 1", () => {
    const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "manifest-"));
    const file = path.join(tmp, "manifest.xml");
    fs.writeFileSync(file, mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Function.Namespace"/>'));
    const bad = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-manifest.js"), file], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Function.Namespace/);
    const good = spawnSync(process.execPath, [path.join(ROOT, "scripts/check-manifest.js"), path.join(ROOT, "manifest.xml")], { encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/OK/);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

describe("the JS XML parser", () => {
  it("parses namespaces, entities and CDATA", () => {
    const root = parseXml('<?xml version="1.0"?><a xmlns="urn:a" xmlns:b="urn:b" x="1 &amp; 2"><b:c>&lt;&#x4E2D;<![CDATA[<&>]]></b:c></a>');
    expect(root.ns).toBe("urn:a");
    expect(root.attrs.x).toBe("1 & 2");
    expect(root.children[0].ns).toBe("urn:b");
    expect(root.children[0].local).toBe("c");
    expect(root.children[0].text).toBe("<中<&>");
  });

  it.each([
    ["<a><b></a>", /closes <b>/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a x=1/>", /not quoted/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a/><b/>", /content after the root/],
    ["<p:a/>", /undeclared namespace prefix/],
    ["<!DOCTYPE a><a/>", /DOCTYPE/],
    ["<a><!-- x -- y --></a>", /'--' inside a comment/],
  ])("rejects %s", (xml, expected) => {
    expect(() => parseXml(xml)).toThrow(expected);
  });
});
