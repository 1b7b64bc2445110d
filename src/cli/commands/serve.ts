import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { valueError } from "../../engine/errors";
import { numberOption, UsageError } from "../args";
import { Command } from "../command";
import { packageRoot } from "../packageRoot";
import { serveStatic } from "../staticServer";

/**
 * `citypanel serve [DIR] [--port N] [--no-open]` — the web app (dist/app.html, built by `npm run
 * build`) on a local static server at 127.0.0.1, opened in the default browser. Nothing is
 * reachable from other machines; the data file chosen in the page is read by the browser and
 * never sent to this server. Runs until Ctrl+C.
 */
export const serveCommand: Command = {
  name: "serve",
  summary: "the web app (dist/app.html) on a local server at 127.0.0.1, opened in the browser",
  usage: "citypanel serve [DIR] [--port N] [--no-open] [--json]",
  needsFile: false,
  options: {
    port: { type: "string", help: "port to listen on (default: a free one)" },
    "no-open": { type: "boolean", help: "do not open the browser; just print the address" },
  },
  async run(args) {
    if (args.positionals.length > 1) throw new UsageError(`expected at most one DIR, got ${args.positionals.length}`);
    const root = path.resolve(args.positionals[0] ?? path.join(packageRoot(), "dist"));
    if (!fs.existsSync(path.join(root, "app.html"))) {
      throw valueError(
        `${root} has no app.html: build the web app first with \`npm run build\` (in the CityPanel folder)`,
        `${root} 中没有 app.html：请先在 CityPanel 文件夹中运行 \`npm run build\` 构建网页版`,
      );
    }
    const port = numberOption(args.values, "port", 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got ${port}`);
    const server = await serveStatic(root, { port, index: "app.html" });
    const url = `${server.url}app.html`;
    const json = { command: "serve", url, root, port: server.port };
    process.stdout.write(
      args.values.json
        ? JSON.stringify(json) + "\n"
        : `CityPanel web app: ${url}\n(serving ${root} on this computer only; press Ctrl+C to stop / 按 Ctrl+C 停止)\n`,
    );
    if (args.values["no-open"] !== true) openBrowser(url);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await server.close();
    return { json: { ...json, stopped: true }, text: "citypanel serve: stopped / 已停止" };
  },
};

/** The system's default browser on `url` (Windows, macOS, Linux desktops); a failure only prints a hint. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === "win32" ? ["cmd", ["/c", "start", '""', url]] : process.platform === "darwin" ? ["open", [url]] : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { detached: true, stdio: "ignore", windowsVerbatimArguments: process.platform === "win32" });
    child.on("error", () => process.stderr.write(`citypanel serve: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`citypanel serve: could not open a browser; open ${url} yourself\n`);
  }
}
