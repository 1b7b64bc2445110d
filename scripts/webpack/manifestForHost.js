/**
 * The add-in manifest for a production host: every URL under the development server
 * (https://localhost:3000/) moved to `publicUrl` (https, ending in "/"), e.g.
 * https://intranet.example/citypanel/ — icons, the task pane page, functions.js/.json and the
 * zh-CN metadata. Used by webpack.config.js when it copies manifest.xml into dist/, and by the
 * test that checks a production manifest has no localhost URL and passes check-manifest.
 */
"use strict";

const DEV_URL = "https://localhost:3000/";

/** The https URL, with a trailing "/" added when missing; throws a message naming the value otherwise. */
function normalisePublicUrl(url) {
  const u = String(url).trim();
  const withSlash = u.endsWith("/") ? u : `${u}/`;
  let parsed;
  try {
    parsed = new URL(withSlash);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== "https:" || !parsed.hostname || parsed.search || parsed.hash)
    throw new Error(`publicUrl must be an https URL such as https://intranet.example/citypanel/ (Office loads add-ins only over https), got "${url}"`);
  if (/^(localhost|127\.|\[::1\])/i.test(parsed.hostname))
    throw new Error(`publicUrl must name the production host, not ${parsed.hostname} (the development manifest already points there)`);
  return withSlash;
}

/** manifest.xml text with the development URLs moved to `publicUrl`; throws when a localhost URL would remain. */
function manifestForHost(xml, publicUrl) {
  const base = normalisePublicUrl(publicUrl);
  const out = String(xml).replaceAll(DEV_URL, base);
  const left = /https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/i.exec(out);
  if (left) throw new Error(`manifest.xml still has a development URL after moving it to ${base}: ${left[0]}`);
  return out;
}

module.exports = { DEV_URL, manifestForHost, normalisePublicUrl };
