/**
 * `citypanel serve`: a static server for the built web app on 127.0.0.1 only, the address
 * printed first, nothing outside the folder served, Ctrl+C (SIGINT / SIGTERM) stops it; a
 * folder without app.html is a bilingual error (exit 2) that says how to build it.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { expectUsageError, runCli } from "./cliHarness";

jest.setTimeout(30_000);
const BIN = path.resolve(__dirname, "../../bin/citypanel.js");

const children: ChildProcess[] = [];
afterEach(() => { for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL"); });

/** A GET with the path sent as written (fetch would resolve ".." itself: the server must not). */
const rawStatus = (port: number, rawPath: string) =>
  new Promise<number>((resolve, reject) => http.get({ host: "127.0.0.1", port, path: rawPath }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on("error", reject));

function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-serve-"));
  fs.writeFileSync(path.join(dir, "app.html"), "<!doctype html><title>app</title>");
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, "assets", "x.json"), "{}");
  return dir;
}

test("serves the folder on 127.0.0.1 at the printed address until stopped", async () => {
  const dir = site();
  const child = spawn(process.execPath, [BIN, "serve", dir, "--no-open", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  for (let t = 0; !out.includes("\n") && child.exitCode === null && t < 400; t++) await new Promise((r) => setTimeout(r, 50));
  const info = JSON.parse(out.split("\n")[0]);
  expect(info).toMatchObject({ command: "serve", root: dir });
  expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\.html$/);
  const base = new URL(".", info.url).href;

  const page = await fetch(info.url);
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(await page.text()).toContain("<title>app</title>");
  expect((await fetch(base)).status).toBe(200); // "/" is app.html
  expect((await fetch(`${base}assets/x.json`)).headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect((await fetch(`${base}missing.js`)).status).toBe(404);
  // nothing outside the folder: ".." (plain or %-encoded) never climbs out of it
  fs.writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), "secret");
  expect(await rawStatus(info.port, `/../${path.basename(dir)}-secret.txt`)).toBe(404);
  expect(await rawStatus(info.port, `/%2e%2e/${path.basename(dir)}-secret.txt`)).toBe(404);
  expect((await fetch(info.url, { method: "POST", body: "x" })).status).toBe(405);

  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(out).toContain('"stopped":true');
});

test("a folder without the built web app: exit 2 with the build command, in both languages", async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "citypanel-serve-empty-"));
  const en = await runCli(["serve", empty, "--no-open"]);
  expect(en.status).toBe(2);
  expect(en.stderr).toBe(`citypanel serve: ${empty} has no app.html: build the web app first with \`npm run build\` (in the CityPanel folder)\n`);
  process.env.CITYPANEL_LANG = "zh";
  try {
    const zh = await runCli(["serve", empty, "--no-open"]);
    expect(zh.stderr).toContain("请先在 CityPanel 文件夹中运行 `npm run build` 构建网页版");
  } finally {
    process.env.CITYPANEL_LANG = "en";
  }
  expectUsageError(await runCli(["serve", site(), "--port", "70000"]), "serve", "--port must be an integer from 0 to 65535");
});
