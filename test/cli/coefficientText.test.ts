import fs from "fs";
import os from "os";
import path from "path";
import { displayWidth } from "../../src/engine/tables/journalTable";
import { runCli } from "./runCli";

/**
 * Text output of fereg / iv2sls: significance stars in their own column, a legend line, and
 * columns aligned by terminal width (a Chinese character takes two columns); the summary lines
 * (N, R², F, VCE, the IV diagnostics …) in the chosen language, aligned the same way; --json
 * the same whatever the language.
 */
const grunfeld = path.join(__dirname, "../fixtures/reference/data/grunfeld.csv");
const panel = path.join(__dirname, "../fixtures/reference/data/panel_public.csv");
const CONTROLS = "gov,lndensity,lnhum,lnfin,lntrans,lnprotect,lnunemploy";
const IV = ["iv2sls", panel, "--y", "inn", "--endog", "digit", "--iv", "iv1,iv2", "--x", CONTROLS, "--fe", "city,year"];
/** The lines of stdout outside the coefficient blocks (each: rule, header, rule, rows, rule). */
const summaryLines = (stdout: string): string[] => {
  const out: string[] = [];
  let rules = 0;
  for (const l of stdout.trimEnd().split("\n")) {
    if (/^-+$/.test(l)) rules = (rules + 1) % 3;
    else if (rules === 0) out.push(l);
  }
  return out;
};

describe("fereg / iv2sls text output", () => {
  test("stars and the legend (en)", async () => {
    const r = await runCli(["fereg", grunfeld, "--y", "inv", "--x", "value,capital", "--fe", "firm,year"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("             coef        se      t         p  sig.");
    expect(lines).toContain("value    0.117716  0.019180  6.137   5.78e-9   ***");
    expect(lines).toContain("Significance: * p<0.1, ** p<0.05, *** p<0.01");
  });

  test("Chinese column names align by display width; zh headers", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-coeftext-"));
    const file = path.join(dir, "g.csv");
    const text = fs.readFileSync(grunfeld, "utf8");
    fs.writeFileSync(file, text.replace("value", "市值").replace("capital", "资本存量"));
    const r = await runCli(["fereg", file, "--y", "inv", "--x", "市值,资本存量", "--fe", "firm,year", "--vcov", "iid", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const i = lines.indexOf("变量          系数    标准误    t 值      p 值  显著性");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 2]).toBe("市值      0.117716  0.013751   8.560  6.65e-15     ***");
    expect(lines[i + 3]).toBe("资本存量  0.357916  0.022719  15.754  5.45e-35     ***");
    expect(lines).toContain("显著性：* p<0.1, ** p<0.05, *** p<0.01");
  });

  test("iv2sls: stars on both stages; the zh Stock-Yogo line names size, not bias", async () => {
    const r = await runCli(["iv2sls", grunfeld, "--y", "inv", "--endog", "value", "--iv", "capital", "--fe", "firm,year", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("value  0.871621  0.366727  2.377  0.0186      **");
    expect(lines).toContain("capital  0.474750  0.249943  1.899  0.0592       *");
    expect(lines).toContain("Stock-Yogo 最大 IV 规模临界值：10%: 16.38  15%: 8.96  20%: 6.66  25%: 5.53");
  });

  test("fereg summary lines, en and zh: labels in the language, pairs aligned by display width", async () => {
    const args = ["fereg", grunfeld, "--y", "inv", "--x", "value,capital", "--fe", "firm,year"];
    const en = await runCli(args);
    expect(summaryLines(en.stdout)).toEqual([
      "FEREG  inv on value, capital",
      "absorbed: firm (10), year (20)   VCE: robust",
      "N = 200   rows dropped (missing) = 0   singletons dropped = 0   df_a = 29   df_resid = 169",
      "Significance: * p<0.1, ** p<0.05, *** p<0.01",
      "R² = 0.9517          adjusted R² = 0.9431   within R² = 0.7201   RMSE = 51.7245",
      "F(2, 169) = 38.336   Prob > F = 1.87e-14",
    ]);
    const zh = await runCli([...args, "--lang", "zh"]);
    expect(summaryLines(zh.stdout)).toEqual([
      "FEREG  被解释变量：inv   解释变量：value, capital",
      "吸收的固定效应：firm (10), year (20)   标准误类型：稳健（robust）",
      "样本量 = 200   因缺失剔除的行 = 0   剔除的单例观测 = 0   df_a = 29   df_resid = 169",
      "显著性：* p<0.1, ** p<0.05, *** p<0.01",
      "R² = 0.9517          调整 R² = 0.9431         组内 R² = 0.7201   均方根误差 = 51.7245",
      "F(2, 169) = 38.336   F 检验 p 值 = 1.87e-14",
    ]);
    // second pairs start in the same terminal column; the third starts after the widest second pair,
    // "F 检验 p 值 = 1.87e-14": 22 columns (检验, 值 count two each) though 18 characters
    const [r2, f] = summaryLines(zh.stdout).slice(4);
    expect(displayWidth(r2.slice(0, r2.indexOf("调整")))).toBe(21);
    expect(displayWidth(f.slice(0, f.indexOf("F 检验")))).toBe(21);
    expect(displayWidth(r2.slice(0, r2.indexOf("组内")))).toBe(21 + 22 + 3);
  });

  test("iv2sls summary lines, en and zh: clusters, first stage, KP / CD diagnostics, Hansen J", async () => {
    const en = await runCli([...IV, "--cluster", "city"]);
    expect(en.code).toBe(0);
    expect(summaryLines(en.stdout)).toEqual([
      "IV2SLS  inn on digit, gov, lndensity, lnhum, lnfin, lntrans, lnprotect, lnunemploy   instrumented: digit   excluded instruments: iv1, iv2",
      "absorbed: city (196), year (14)   VCE: cluster (city: 196)",
      "N = 2744   singletons dropped = 0   df_a = 209   df_resid = 2527",
      "R² = 0.9657   within R² = 0.1474",
      "First stage: digit",
      expect.stringMatching(/^F\(2, 195\) = [\d.]+   Prob > F = [\d.e-]+   partial R² of excluded instruments = [\d.]+$/),
      "Underidentification:   Kleibergen-Paap rk LM = 16.107   Chi-sq(2) p = 0.0003",
      "Weak identification:   Cragg-Donald Wald F = 171.838    Kleibergen-Paap rk Wald F = 155.739",
      "Stock-Yogo maximal IV size: 10%: 19.93  15%: 11.59  20%: 8.75  25%: 7.25",
      "Stock-Yogo maximal IV relative bias: not available",
      "Hansen J statistic = 3.140   Chi-sq(1) p = 0.0764",
      "Significance: * p<0.1, ** p<0.05, *** p<0.01",
    ]);
    const zh = await runCli([...IV, "--cluster", "city", "--lang", "zh"]);
    const fLine = summaryLines(en.stdout)[5].replace("Prob > F", "F 检验 p 值").replace("partial R² of excluded instruments", "排除性工具变量的偏 R²");
    expect(summaryLines(zh.stdout)).toEqual([
      "IV2SLS  被解释变量：inn   解释变量：digit, gov, lndensity, lnhum, lnfin, lntrans, lnprotect, lnunemploy   内生变量：digit   排除性工具变量：iv1, iv2",
      "吸收的固定效应：city (196), year (14)   标准误类型：聚类（cluster），聚类数 city: 196",
      "样本量 = 2744   剔除的单例观测 = 0   df_a = 209   df_resid = 2527",
      "R² = 0.9657   组内 R² = 0.1474",
      "第一阶段：digit",
      fLine,
      "识别不足检验：   Kleibergen-Paap rk LM 统计量 = 16.107   χ²(2) p 值 = 0.0003",
      "弱识别检验：     Cragg-Donald Wald F 统计量 = 171.838    Kleibergen-Paap rk Wald F 统计量 = 155.739",
      "Stock-Yogo 最大 IV 规模临界值：10%: 19.93  15%: 11.59  20%: 8.75  25%: 7.25",
      "Stock-Yogo 最大 IV 相对偏误临界值：无表列值",
      "Hansen J 统计量 = 3.140   χ²(1) p 值 = 0.0764",
      "显著性：* p<0.1, ** p<0.05, *** p<0.01",
    ]);
  });

  test("iv2sls under iid: Sargan, 普通（iid）; exactly identified: 恰好识别", async () => {
    const iid = summaryLines((await runCli([...IV, "--vcov", "iid", "--lang", "zh"])).stdout);
    expect(iid[1]).toBe("吸收的固定效应：city (196), year (14)   标准误类型：普通（iid）");
    expect(iid).toContain("Sargan 统计量 = 8.451   χ²(1) p 值 = 0.0036");
    const exact = await runCli(["iv2sls", grunfeld, "--y", "inv", "--endog", "value", "--iv", "capital", "--fe", "firm,year"]);
    expect(summaryLines(exact.stdout)).toContain("Hansen J statistic: 0.000 (equation exactly identified)");
    const exactZh = await runCli(["iv2sls", grunfeld, "--y", "inv", "--endog", "value", "--iv", "capital", "--fe", "firm,year", "--lang", "zh"]);
    expect(summaryLines(exactZh.stdout)).toContain("Hansen J 统计量：0.000（恰好识别）");
  });

  test("--json is the same in both languages (the contract's keys and values)", async () => {
    for (const args of [["fereg", grunfeld, "--y", "inv", "--x", "value,capital", "--fe", "firm,year"], [...IV, "--cluster", "city"]]) {
      const en = await runCli([...args, "--json"]);
      const zh = await runCli([...args, "--json", "--lang", "zh"]);
      expect(zh.stdout).toBe(en.stdout);
    }
  });
});

