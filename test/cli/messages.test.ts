import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { environmentLanguage } from "../../src/cli/main";
import { langFromLocale, parseLang } from "../../src/engine/i18n/lang";
import { shown } from "../../src/engine/i18n/quote";
import { jsonOf, runCli } from "./cliHarness";

/**
 * Issue 11, "messages that do not help": --lang is a global option of every command (zh_CN,
 * zh-CN, zh_TW, zh-Hans … accepted; the environment's LC_ALL / LC_MESSAGES / LANG with
 * zh_CN.UTF-8 recognised); usage errors and --help in Chinese too; an option without a value
 * is one line; values quoted in messages are cut at 60 characters; one row convention (the
 * file row, header = row 1); full-width commas split column lists; fereg / iv2sls without
 * --fe say "no fixed effects".
 */
jest.setTimeout(60_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-msg-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const sample = path.resolve(__dirname, "../../assets/sample/city-panel.csv");
const small = path.join(tmp, "small.csv");
fs.writeFileSync(small, "city,year,y,a,b\nA,1,1,2,3\nA,2,2,1,5\nB,1,3,4,4\nB,2,5,3,9\nC,1,4,5,2\nC,2,7,8,1\n");

/** Exactly one line on stderr, exit 2, nothing on stdout. */
const oneLine = (r: { status: number; stdout: string; stderr: string }) => {
  expect([r.status, r.stdout]).toEqual([2, ""]);
  expect(r.stderr.endsWith("\n") && !r.stderr.trimEnd().includes("\n")).toBe(true);
  return r.stderr.trimEnd();
};

describe("language", () => {
  test("locale tags: any zh tag is Chinese, POSIX forms included", () => {
    for (const tag of ["zh", "zh-CN", "zh_CN", "zh_CN.UTF-8", "zh-Hans", "zh_TW", "ZH-cn", "zh@pinyin"]) expect(langFromLocale(tag)).toBe("zh");
    for (const tag of ["en", "en_US.UTF-8", "C", "POSIX", "", undefined, "zhx", "fr_FR"]) expect(langFromLocale(tag)).toBe("en");
    expect([parseLang("zh_CN"), parseLang("zh-TW"), parseLang("en-GB"), parseLang("fr")]).toEqual(["zh", "zh", "en", null]);
  });
  test("environment: CITYPANEL_LANG, then LC_ALL, LC_MESSAGES, LANG", () => {
    expect(environmentLanguage({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(environmentLanguage({ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" })).toBe("zh");
    expect(environmentLanguage({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(environmentLanguage({ CITYPANEL_LANG: "zh", LC_ALL: "en_US.UTF-8" })).toBe("zh");
    expect(environmentLanguage({ CITYPANEL_LANG: "", LANG: "zh_CN.UTF-8" })).toBe("zh");
  });
  test.each(["fereg", "entropy", "pca", "winsor", "locquot", "describe", "ris", "coupling", "iv2sls"])("--lang zh is accepted by %s and gives Chinese messages", async (command) => {
    const r = await runCli([command, path.join(tmp, "nope.csv"), "--lang", "zh_CN"]);
    expect(oneLine(r)).toMatch(new RegExp(`^citypanel ${command}: `));
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
  });
  test("--lang=zh-Hans and a bad --lang", async () => {
    const r = await runCli(["fereg", small, "--y", "y", "--lang=zh-Hans"]);
    expect(oneLine(r)).toBe("citypanel fereg: --x 至少需要一个解释变量（用法：citypanel fereg FILE --y Y --x X1,X2,… [--fe F1,F2,…] [--vcov robust|iid|cluster] [--cluster C1[,C2]] [--keep-singletons] [--sheet NAME] [--json]）");
    const bad = await runCli(["describe", small, "--lang", "fr"]);
    expect(oneLine(bad)).toBe('citypanel describe: --lang must be en or zh (zh_CN, zh-CN, zh_TW, en_US … also work), got "fr"');
  });
  test("--help in Chinese: the command's summary and every option", async () => {
    const r = await runCli(["entropy", "--help", "--lang", "zh"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("熵权法综合指数：权重、信息熵、逐行指数");
    expect(r.stdout).toContain("选项：");
    expect(r.stdout).toMatch(/--negative VALUE\s+--cols 中的负向（成本型）指标/);
    expect(r.stdout).toMatch(/--json\s+输出一个 JSON 对象而非表格/);
    const all = await runCli(["--help", "--lang", "zh"]);
    expect(all.stdout).toContain("用法：citypanel <命令> FILE [选项]");
    expect(all.stdout).toContain("study      完整研究（表 1–7）");
    const en = await runCli(["entropy", "--help"]);
    expect(en.stdout).toMatch(/--negative VALUE\s+negative-direction \(cost\) indicators among --cols/);
  });
  test("an unknown command in Chinese", async () => {
    expect(oneLine(await runCli(["regress", "--lang", "zh"]))).toMatch(/^citypanel: 未知命令“regress”（可用命令：fereg, iv2sls, /);
  });
});

describe("usage errors are one line", () => {
  test("an option with no value (--y --x digit)", async () => {
    const r = await runCli(["fereg", small, "--y", "--x", "a"]);
    expect(oneLine(r)).toMatch(/^citypanel fereg: --y needs a value \(e\.g\. --y NAME\) \(usage: /);
    const z = await runCli(["fereg", small, "--y", "--x", "a", "--lang", "zh"]);
    expect(oneLine(z)).toMatch(/^citypanel fereg: --y 需要一个取值（例如 --y 列名）（用法：/);
  });
  test("an unknown option, a flag given a value", async () => {
    expect(oneLine(await runCli(["fereg", small, "--bogus"]))).toMatch(/^citypanel fereg: unknown option --bogus \(usage/);
    expect(oneLine(await runCli(["fereg", small, "--json=1", "--lang", "zh"]))).toMatch(/^citypanel fereg: --json 不接受取值（用法/);
  });
});

describe("values in messages", () => {
  test("a 100 000-character cell is cut at 60 characters", async () => {
    const file = path.join(tmp, "long.csv");
    fs.writeFileSync(file, `y,x\n1,2\n2,${"长".repeat(100_000)}\n`);
    const line = oneLine(await runCli(["describe", file, "--cols", "x"]));
    expect(line).toBe(`citypanel describe: column "x", row 3: "${"长".repeat(60)}…" is not a number`);
    expect(shown("a\nb")).toBe("a b");
  });
});

describe("row numbers: the file row, header = row 1, in every check", () => {
  const file = path.join(tmp, "rows.csv");
  fs.writeFileSync(file, "u1,u2,F,K\n0.4,0.2,1,10\n0.3,-0.1,2,0\n");
  test.each([
    [["describe", file, "--cols", "u2,nope"], 'no column named "nope"'],
    [["coupling", file, "--cols", "u1,u2"], 'column "u2" has -0.1 in row 3'],
    [["locquot", file, "--num", "F", "--den", "K"], 'column "K" has 0 in row 3'],
  ])("%j", async (argv, phrase) => {
    expect(oneLine(await runCli(argv as string[]))).toContain(phrase);
  });
  test("a text cell and a value beyond double precision name the same row as a ≥ 0 check would", async () => {
    const f = path.join(tmp, "rows2.csv");
    fs.writeFileSync(f, "a,b\n1,2\n2,abc\n1e400,3\n");
    expect(oneLine(await runCli(["describe", f, "--cols", "b"]))).toBe('citypanel describe: column "b", row 3: "abc" is not a number');
    expect(oneLine(await runCli(["describe", f, "--cols", "a"]))).toBe('citypanel describe: column "a", row 4: "1e400" is beyond the range of double precision (about ±1.8e308)');
    expect(oneLine(await runCli(["describe", f, "--cols", "a", "--lang", "zh"]))).toBe("citypanel describe: 列“a”第 4 行：“1e400”超出双精度数值范围（约 ±1.8e308）");
    // describe without --cols leaves text columns out, but never a column with a number too large
    expect(oneLine(await runCli(["describe", f]))).toContain('column "a", row 4: "1e400"');
  });
});

describe("column lists and fixed effects", () => {
  test("full-width comma and 、 split like ,", async () => {
    const ascii = jsonOf(await runCli(["fereg", small, "--y", "y", "--x", "a,b", "--fe", "city", "--json"]));
    const wide = jsonOf(await runCli(["fereg", small, "--y", "y", "--x", "a，b", "--fe", "city", "--json"]));
    const enumeration = jsonOf(await runCli(["fereg", small, "--y", "y", "--x", "a、b", "--fe", "city", "--json"]));
    expect(wide.coef).toEqual(ascii.coef);
    expect(enumeration.coef).toEqual(ascii.coef);
    expect(Object.keys(ascii.coef)).toEqual(["a", "b"]);
  });
  test("fereg / iv2sls without --fe say so in the header, in both languages", async () => {
    const en = await runCli(["fereg", small, "--y", "y", "--x", "a"]);
    expect(en.stdout.split("\n")[1]).toMatch(/^absorbed: no fixed effects \(pooled OLS\)   VCE: robust$/);
    const zh = await runCli(["fereg", small, "--y", "y", "--x", "a", "--lang", "zh"]);
    expect(zh.stdout.split("\n")[1]).toMatch(/^吸收：无固定效应（混合 OLS）   标准误类型：稳健（robust）$/);
    const iv = await runCli(["iv2sls", sample, "--y", "ind01", "--endog", "digit", "--iv", "dist_port", "--x", "gov"]);
    expect(iv.stdout.split("\n")[1]).toMatch(/^absorbed: no fixed effects \(constant included\)/);
    const fe = await runCli(["fereg", small, "--y", "y", "--x", "a", "--fe", "city", "--lang", "zh"]);
    expect(fe.stdout.split("\n")[1]).toMatch(/^吸收的固定效应：city \(3\)/);
  });
});

describe("--fe naming a continuous variable", () => {
  test("the message names the variable given, not 'each city or year'", async () => {
    const r = await runCli(["fereg", small, "--y", "y", "--x", "a", "--fe", "b"]);
    expect(oneLine(r)).toBe('citypanel fereg: every observation is a fixed-effect singleton (a level of "b" that occurs once): there is nothing to estimate; fixed effects must be categories such as city or year, not a continuous variable');
    const z = await runCli(["fereg", small, "--y", "y", "--x", "a", "--fe", "b", "--lang", "zh"]);
    expect(oneLine(z)).toBe("citypanel fereg: 所有观测值都是固定效应单例（“b”的某个取值只出现一次）：无法估计；固定效应应为城市、年份等类别变量，而不是连续变量");
  });
});
