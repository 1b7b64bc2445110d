import fs from "fs";
import os from "os";
import path from "path";
import { runCli } from "./runCli";

/**
 * Text output of fereg / iv2sls: significance stars in their own column, a legend line, and
 * columns aligned by terminal width (a Chinese character takes two columns).
 */
const grunfeld = path.join(__dirname, "../fixtures/reference/data/grunfeld.csv");

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
});
