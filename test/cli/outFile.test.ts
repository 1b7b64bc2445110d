import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "./cliHarness";

/**
 * Issue 11 item 7 and issue 13's `--out r.csv`: study and template write workbooks only to
 * regular .xlsx files. A device (/dev/null), a fifo or a directory is refused with a message
 * (exit 2) and left as it was; a symlink is followed and its target written (the link stays);
 * replacing an existing file is fine and said on stderr; another extension is refused.
 */
jest.setTimeout(90_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-out-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const oneLine = (r: { status: number; stdout: string; stderr: string }) => {
  expect([r.status, r.stdout]).toEqual([2, ""]);
  expect(r.stderr.trimEnd().includes("\n")).toBe(false);
  return r.stderr.trimEnd();
};
const isZip = (f: string) => fs.readFileSync(f).subarray(0, 2).toString("latin1") === "PK";

describe.each(["study", "template"])("citypanel %s --out", (command) => {
  const fast = command === "study" ? ["--tables", "table1"] : []; // one table is enough to test the writing
  const usage = (zh: boolean) => (zh ? "（用法：" : " (usage: ");
  test("another extension than .xlsx is refused, in English and Chinese; nothing is written", async () => {
    const out = path.join(tmp, `${command}-r.csv`);
    expect(oneLine(await runCli([command, "--out", out]))).toBe(`citypanel ${command}: --out must name an .xlsx file (CityPanel writes Excel workbooks), got "${out}"${usage(false)}${(await import("../../src/cli/commands")).COMMANDS.find((c) => c.name === command)!.usage})`);
    expect(oneLine(await runCli([command, "--out", out, "--lang", "zh"]))).toContain(`--out 必须是 .xlsx 文件（CityPanel 写出的是 Excel 工作簿），实际为“${out}”${usage(true)}`);
    expect(fs.existsSync(out)).toBe(false);
  });
  test("an existing directory: a message, not EISDIR", async () => {
    const dir = path.join(tmp, `${command}-dir.xlsx`);
    fs.mkdirSync(dir);
    expect(oneLine(await runCli([command, "--out", dir]))).toContain(`--out "${dir}" is a folder; give a file name such as ${path.join(dir, "results.xlsx")}`);
    expect(oneLine(await runCli([command, "--out", dir, "--lang", "zh"]))).toContain(`--out“${dir}”是文件夹；请给出文件名`);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });
  test("a fifo is refused and stays a fifo", async () => {
    const fifo = path.join(tmp, `${command}-pipe.xlsx`);
    execFileSync("mkfifo", [fifo]);
    expect(oneLine(await runCli([command, "--out", fifo]))).toContain(`--out "${fifo}" is not a regular file (a device, pipe or socket): CityPanel writes workbooks only to regular files`);
    expect(oneLine(await runCli([command, "--out", fifo, "--lang", "zh"]))).toContain(`--out“${fifo}”不是普通文件（而是设备、管道或套接字）`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });
  test("a symlink to /dev/null (a device) is refused; /dev/null stays a device", async () => {
    const link = path.join(tmp, `${command}-null.xlsx`);
    fs.symlinkSync("/dev/null", link);
    expect(oneLine(await runCli([command, "--out", link]))).toContain("is not a regular file");
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });
  test("a symlink is followed: its target is written and the link stays a link; replacing says so on stderr", async () => {
    const target = path.join(tmp, `${command}-target.xlsx`);
    const link = path.join(tmp, `${command}-link.xlsx`);
    fs.symlinkSync(path.basename(target), link); // relative, dangling until written
    const first = await runCli([command, ...fast, "--out", link]);
    expect([first.status, first.stderr]).toEqual([0, ""]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(isZip(target)).toBe(true);
    const again = await runCli([command, ...fast, "--out", link, "--lang", "zh"]);
    expect([again.status, again.stderr]).toEqual([0, `citypanel ${command}: 已替换 ${link}\n`]);
    const plain = await runCli([command, ...fast, "--out", target]);
    expect([plain.status, plain.stderr]).toEqual([0, `citypanel ${command}: replaced ${target}\n`]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });
});
