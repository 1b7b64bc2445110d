/**
 * The manifest of a production build (`npm run build -- --env publicUrl=…`): every URL on the
 * given host, none on localhost, and the offline manifest check passes on it. The browser
 * tests build dist/ this way and check the copied manifest and the whole of dist/ too.
 */
import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "../../scripts/check-manifest";
import { manifestForHost, normalisePublicUrl } from "../../scripts/webpack/manifestForHost";

const dev = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
const URLS = /https?:\/\/[^"<\s]+/g;

test("every URL moves to the host; the offline check passes; the development manifest stays on localhost", () => {
  const prod = manifestForHost(dev, "https://intranet.example/citypanel/");
  expect(prod).not.toMatch(/localhost|127\.0\.0\.1/);
  const urls = (prod.match(URLS) ?? []).filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
  expect(urls.length).toBeGreaterThanOrEqual(10);
  for (const u of urls) expect(u.startsWith("https://intranet.example/citypanel/")).toBe(true);
  expect(urls).toEqual(expect.arrayContaining([
    "https://intranet.example/citypanel/taskpane.html",
    "https://intranet.example/citypanel/functions.js",
    "https://intranet.example/citypanel/functions.json",
    "https://intranet.example/citypanel/functions.zh-CN.json",
    "https://intranet.example/citypanel/assets/icon-32.png",
  ]));
  const r = checkManifest(prod);
  expect(r.errors).toEqual([]);
  expect(r.ok).toBe(true);
  // the file in the repository is the development manifest
  expect(dev).toContain("https://localhost:3000/taskpane.html");
});

test("the host URL: https, a trailing slash added, never localhost", () => {
  expect(normalisePublicUrl("https://intranet.example/citypanel")).toBe("https://intranet.example/citypanel/");
  expect(normalisePublicUrl("https://addins.bureau.gov.cn/")).toBe("https://addins.bureau.gov.cn/");
  expect(() => normalisePublicUrl("http://intranet.example/citypanel/")).toThrow(/must be an https URL/);
  expect(() => normalisePublicUrl("intranet.example")).toThrow(/must be an https URL/);
  expect(() => normalisePublicUrl("https://localhost:3000/")).toThrow(/not localhost/);
  expect(() => manifestForHost(dev.replace("https://localhost:3000/functions.js", "https://localhost:3001/functions.js"), "https://h.example/")).toThrow(
    /still has a development URL after moving it to https:\/\/h.example\/: https:\/\/localhost:3001\/functions.js/,
  );
});
