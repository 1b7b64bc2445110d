/** A tiny static file server for the browser tests: serves one folder on 127.0.0.1, random free port. */
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Starts serving `root`. Resolves to {url, port, close()}; url ends with "/".
 * Every request is logged in `requests` (method, path, status).
 */
function serve(root, { host = "127.0.0.1", port = 0 } = {}) {
  const base = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    let status = 200;
    try {
      const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = path.resolve(base, "." + pathname);
      if (file !== base && !file.startsWith(base + path.sep)) status = 403;
      else {
        if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
        if (!fs.existsSync(file)) status = 404;
        else if (req.method !== "GET" && req.method !== "HEAD") status = 405;
        else {
          const body = fs.readFileSync(file);
          res.writeHead(200, {
            "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
            "Content-Length": body.length,
            "Cache-Control": "no-store",
          });
          res.end(req.method === "HEAD" ? undefined : body);
        }
      }
    } catch {
      status = 400;
    }
    if (status !== 200) {
      res.writeHead(status, { "Content-Type": "text/plain" });
      res.end(String(status));
    }
    requests.push({ method: req.method, url: req.url, status });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://${host}:${actual}/`,
        port: actual,
        requests,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { serve };
