import * as fs from "fs";
import * as http from "http";
import * as path from "path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serve the files of `root` (GET/HEAD only, nothing outside `root`, "/" → index.html) on
 * `host`:`port` (0 = a free port). For `citypanel serve`: the built web app on 127.0.0.1.
 */
export function serveStatic(root: string, opts: { host?: string; port?: number; index?: string } = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const host = opts.host ?? "127.0.0.1";
  const index = opts.index ?? "index.html";
  const server = http.createServer((req, res) => {
    const fail = (status: number) => { res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }); res.end(String(status)); };
    if (req.method !== "GET" && req.method !== "HEAD") return fail(405);
    let file: string;
    try {
      file = path.resolve(base, "." + decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    } catch {
      return fail(400);
    }
    if (file !== base && !file.startsWith(base + path.sep)) return fail(403);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, index);
    if (!fs.existsSync(file)) return fail(404);
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://${host}:${port}/`,
        port,
        close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
      });
    });
  });
}
