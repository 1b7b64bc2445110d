#!/usr/bin/env node
/**
 * Offline check of the add-in manifest (spec office-addin.md §2). No XSDs exist offline, so this
 * checks what the schema cannot and what most often breaks a shared-runtime custom-functions add-in:
 *
 *  - well-formed XML (xmllint --noout when installed, and always a small JS parser, used for the rest);
 *  - required elements; Id is a GUID; Version is n.n.n.n; Permissions is a known value;
 *  - every resid resolves to a bt:Image / bt:Url / bt:String id of the right kind, resids and ids are
 *    ≤ 32 characters, ids are unique; ShortStrings ≤ 125 and LongStrings ≤ 250 characters (overrides too);
 *  - every URL is https;
 *  - a Runtime with lifetime="long" whose resid is also the CustomFunctions Page, the FunctionFile
 *    and the ShowTaskpane SourceLocation (same resid everywhere, or the shared runtime won't load),
 *    and no TaskpaneId;
 *  - the CustomFunctions extension point (Script, Page, Metadata, Namespace), Namespace = CITYPANEL;
 *  - zh-CN overrides for DisplayName, Description and the functions metadata URL (→ functions.zh-CN.json),
 *    at most one override per locale.
 *
 *   node scripts/check-manifest.js manifest.xml       exit 0 when clean, 1 with one line per problem
 *
 * The online validator (`npm run validate`, office-addin-manifest) is still the release check.
 */
"use strict";
const fs = require("fs");
const { spawnSync } = require("child_process");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const MAX_RESID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const DEFAULT_OPTIONS = {
  namespace: "CITYPANEL",
  locales: ["zh-CN"],
  localizedMetadataFile: (locale) => `functions.${locale}.json`,
  xmllint: true,
};

// ---------------------------------------------------------------------------------------------
// A small, strict XML parser (elements, attributes, text, comments, PIs, CDATA; no DTDs).

class XmlError extends Error {}

const NAME = /[\p{L}_:][\p{L}\p{N}_:.\-\u00B7]*/uy;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Parses XML text into {name, prefix, local, ns, attrs, attrList, children, text, line} nodes. */
function parseXml(input) {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let i = 0;
  const lineAt = (pos) => src.slice(0, pos).split("\n").length;
  const fail = (msg, pos = i) => {
    throw new XmlError(`line ${lineAt(pos)}: ${msg}`);
  };
  const startsWith = (s) => src.startsWith(s, i);
  const skipWs = () => {
    while (i < src.length && /[ \t\r\n]/.test(src[i])) i++;
  };
  const readName = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail(`expected a name, found ${JSON.stringify(src.slice(i, i + 10))}`);
    i += m[0].length;
    return m[0];
  };
  /** Decodes entity references in raw text, rejecting a bare '&'. */
  const decode = (raw, base) => {
    let out = "";
    let k = 0;
    while (k < raw.length) {
      const amp = raw.indexOf("&", k);
      if (amp < 0) {
        out += raw.slice(k);
        break;
      }
      out += raw.slice(k, amp);
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(raw);
      if (!m) fail("bare '&' or unknown entity reference", base + amp);
      if (m[1]) out += PREDEFINED[m[1]];
      else out += String.fromCodePoint(parseInt(m[2] ?? m[3], m[2] ? 10 : 16));
      k = amp + m[0].length;
    }
    return out;
  };
  const skipComment = () => {
    const end = src.indexOf("-->", i + 4);
    if (end < 0) fail("unterminated comment");
    const dd = src.slice(i + 4, end).indexOf("--");
    if (dd >= 0) fail("'--' inside a comment", i + 4 + dd);
    i = end + 3;
  };
  const skipPI = () => {
    const end = src.indexOf("?>", i + 2);
    if (end < 0) fail("unterminated processing instruction");
    i = end + 2;
  };
  const skipMisc = () => {
    for (;;) {
      skipWs();
      if (startsWith("<!--")) skipComment();
      else if (startsWith("<?")) {
        if (/^<\?xml[ \t\r\n]/i.test(src.slice(i, i + 6))) fail("XML declaration not at the start");
        skipPI();
      } else if (startsWith("<!DOCTYPE")) fail("DOCTYPE is not allowed in a manifest");
      else return;
    }
  };

  const parseElement = (scope) => {
    const start = i;
    i++; // '<'
    const name = readName();
    const attrList = [];
    const attrs = {};
    for (;;) {
      const before = i;
      skipWs();
      if (startsWith("/>") || startsWith(">")) break;
      if (i === before) fail(`expected whitespace before an attribute in <${name}>`);
      const an = readName();
      skipWs();
      if (src[i] !== "=") fail(`attribute ${an} in <${name}> has no value`);
      i++;
      skipWs();
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`attribute ${an} in <${name}> is not quoted`);
      const end = src.indexOf(q, i + 1);
      if (end < 0) fail(`unterminated attribute ${an}`);
      const raw = src.slice(i + 1, end);
      if (raw.includes("<")) fail(`'<' in the value of attribute ${an}`, i);
      if (Object.prototype.hasOwnProperty.call(attrs, an)) fail(`duplicate attribute ${an} in <${name}>`);
      attrs[an] = decode(raw, i + 1);
      attrList.push(an);
      i = end + 1;
    }
    // namespaces
    const ns = Object.assign({}, scope);
    for (const an of attrList) {
      if (an === "xmlns") ns[""] = attrs[an];
      else if (an.startsWith("xmlns:")) ns[an.slice(6)] = attrs[an];
    }
    const resolve = (qname, isAttr) => {
      const c = qname.indexOf(":");
      const prefix = c < 0 ? "" : qname.slice(0, c);
      const local = c < 0 ? qname : qname.slice(c + 1);
      if (prefix === "xml") return { prefix, local, uri: XML_NS };
      if (prefix === "" && isAttr) return { prefix, local, uri: "" };
      if (!(prefix in ns)) fail(`undeclared namespace prefix '${prefix}' in ${qname}`, start);
      return { prefix, local, uri: ns[prefix] };
    };
    const q = resolve(name, false);
    const node = {
      name,
      prefix: q.prefix,
      local: q.local,
      ns: q.uri,
      attrs,
      attrList,
      children: [],
      text: "",
      line: lineAt(start),
      nsScope: ns,
    };
    for (const an of attrList) if (!an.startsWith("xmlns")) resolve(an, true);
    if (startsWith("/>")) {
      i += 2;
      return node;
    }
    i++; // '>'
    for (;;) {
      if (i >= src.length) fail(`<${name}> (line ${node.line}) is not closed`);
      if (startsWith("</")) {
        i += 2;
        const close = readName();
        if (close !== name) fail(`</${close}> closes <${name}> opened at line ${node.line}`);
        skipWs();
        if (src[i] !== ">") fail(`malformed closing tag </${close}`);
        i++;
        return node;
      }
      if (startsWith("<!--")) skipComment();
      else if (startsWith("<![CDATA[")) {
        const end = src.indexOf("]]>", i);
        if (end < 0) fail("unterminated CDATA section");
        node.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (startsWith("<?")) skipPI();
      else if (startsWith("<!")) fail("unexpected markup declaration");
      else if (src[i] === "<") node.children.push(parseElement(ns));
      else {
        const next = src.indexOf("<", i);
        const end = next < 0 ? src.length : next;
        const raw = src.slice(i, end);
        if (raw.includes("]]>")) fail("']]>' in text");
        node.text += decode(raw, i);
        i = end;
      }
    }
  };

  if (startsWith("<?xml")) skipPI();
  skipMisc();
  if (src[i] !== "<") fail("no root element");
  const root = parseElement({ "": "", xml: XML_NS });
  skipMisc();
  if (i < src.length) fail("content after the root element");
  return root;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers

const childrenOf = (node, local, ns) =>
  node ? node.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns)) : [];
const childOf = (node, local, ns) => childrenOf(node, local, ns)[0];
function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}
const descendants = (node, local, ns) =>
  node ? [...walk(node)].filter((c) => c !== node && c.local === local && (ns === undefined || c.ns === ns)) : [];
/** Value of an xsi:type attribute (whatever prefix the document uses for the XSI namespace). */
function xsiType(node) {
  for (const an of node.attrList) {
    const c = an.indexOf(":");
    if (c > 0 && an.slice(c + 1) === "type" && node.nsScope[an.slice(0, c)] === NS.xsi) return node.attrs[an];
  }
  return undefined;
}
const path = (...parts) => parts.join(" > ");

// ---------------------------------------------------------------------------------------------
// The check

function runXmllint(xml) {
  const r = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
  if (r.error) return { available: false };
  return { available: true, ok: r.status === 0, message: (r.stderr || "").trim() };
}

/**
 * Checks manifest XML text. Returns {ok, errors, info}; errors are human-readable lines.
 * @param {string} xml
 * @param {Partial<typeof DEFAULT_OPTIONS>} [options]
 */
function checkManifest(xml, options = {}) {
  const opt = Object.assign({}, DEFAULT_OPTIONS, options);
  const errors = [];
  const info = { xmllint: "not used", overrideLocales: [], resids: 0, urls: 0 };
  const err = (m) => errors.push(m);

  if (opt.xmllint) {
    const lint = runXmllint(xml);
    if (!lint.available) info.xmllint = "not installed (JS parser only)";
    else {
      info.xmllint = lint.ok ? "clean" : "errors";
      if (!lint.ok) err(`xmllint: ${lint.message.split("\n")[0]}`);
    }
  }

  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) {
      err(`not well-formed XML: ${e.message}`);
      return { ok: false, errors, info };
    }
    throw e;
  }

  // --- top level -------------------------------------------------------------------------------
  if (root.local !== "OfficeApp" || root.ns !== NS.app) {
    err(`root element must be OfficeApp in ${NS.app}, found ${root.name} in ${root.ns || "no namespace"}`);
    return { ok: false, errors, info };
  }
  if (xsiType(root) !== "TaskPaneApp") err(`OfficeApp xsi:type must be TaskPaneApp, found ${xsiType(root)}`);
  const top = (local) => childOf(root, local, NS.app);
  for (const req of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
  ]) {
    if (!top(req)) err(`missing required element OfficeApp > ${req}`);
  }
  const id = top("Id")?.text.trim();
  if (id !== undefined && !GUID.test(id)) err(`Id must be a GUID, found ${JSON.stringify(id)}`);
  const version = top("Version")?.text.trim();
  if (version !== undefined && !VERSION.test(version)) err(`Version must be n.n.n.n, found ${JSON.stringify(version)}`);
  const permissions = top("Permissions")?.text.trim();
  if (permissions !== undefined && !PERMISSIONS.includes(permissions))
    err(`Permissions must be one of ${PERMISSIONS.join(", ")}, found ${JSON.stringify(permissions)}`);
  info.id = id;
  info.version = version;
  info.permissions = permissions;
  for (const local of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const n = top(local);
    if (n && !n.attrs.DefaultValue) err(`OfficeApp > ${local} has no DefaultValue`);
  }
  if (top("DisplayName") && top("DisplayName").attrs.DefaultValue?.length > MAX_SHORT)
    err(`DisplayName is longer than ${MAX_SHORT} characters`);
  if (!childrenOf(top("Hosts"), "Host", NS.app).some((h) => h.attrs.Name === "Workbook"))
    err('missing OfficeApp > Hosts > Host Name="Workbook"');
  const sets = descendants(top("Requirements"), "Set", NS.app);
  const shared = sets.find((s) => s.attrs.Name === "SharedRuntime");
  if (!shared) err('missing Requirements > Sets > Set Name="SharedRuntime"');
  else if (shared.attrs.MinVersion !== "1.1") err(`SharedRuntime MinVersion must be 1.1, found ${shared.attrs.MinVersion}`);
  if (!childOf(top("DefaultSettings"), "SourceLocation", NS.app)?.attrs.DefaultValue)
    err("missing DefaultSettings > SourceLocation DefaultValue");

  // --- locale overrides (top level: <Override Locale Value>; resources: <bt:Override>) ----------
  const locales = new Set();
  for (const n of walk(root)) {
    const overrides = n.children.filter((c) => c.local === "Override");
    const seen = new Set();
    for (const o of overrides) {
      const loc = o.attrs.Locale;
      if (!loc) err(`Override without Locale under ${n.name} (line ${o.line})`);
      else if (seen.has(loc.toLowerCase())) err(`two overrides for ${loc} under ${n.name} (line ${o.line})`);
      else seen.add(loc.toLowerCase());
      if (o.attrs.Value === undefined) err(`Override without Value under ${n.name} (line ${o.line})`);
      if (loc) locales.add(loc);
    }
  }
  info.overrideLocales = [...locales].sort();
  const hasOverride = (node, locale) =>
    !!node && node.children.some((c) => c.local === "Override" && c.attrs.Locale?.toLowerCase() === locale.toLowerCase());
  for (const locale of opt.locales) {
    for (const local of ["DisplayName", "Description"])
      if (top(local) && !hasOverride(top(local), locale)) err(`OfficeApp > ${local} has no ${locale} Override`);
  }

  // --- URLs: every URL-valued attribute or text must be https ---------------------------------
  const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"]);
  for (const n of walk(root)) {
    const urlValued =
      (URL_ELEMENTS.has(n.local) && (n.ns === NS.app || n.ns === NS.ov || n.ns === NS.bt) && n.attrs.DefaultValue !== undefined) ||
      (n.local === "Override" && n.attrs.Value !== undefined && /^\w[\w+.-]*:/.test(n.attrs.Value));
    const values = [];
    if (urlValued) values.push(n.local === "Override" ? n.attrs.Value : n.attrs.DefaultValue);
    if (n.local === "AppDomain") values.push(n.text.trim());
    for (const an of n.attrList) {
      const v = n.attrs[an];
      if (!an.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !values.includes(v)) values.push(v);
    }
    for (const v of values) {
      info.urls++;
      if (!/^https:\/\/[^\s/]+/i.test(v)) err(`URL must be https: ${JSON.stringify(v)} (${n.name}, line ${n.line})`);
    }
  }

  // --- VersionOverrides ---------------------------------------------------------------------------
  const vo = childOf(root, "VersionOverrides", NS.ov);
  if (!vo) {
    err(
      top("VersionOverrides")
        ? `VersionOverrides must be in namespace ${NS.ov}`
        : "missing required element OfficeApp > VersionOverrides",
    );
    return { ok: errors.length === 0, errors, info };
  }
  if (xsiType(vo) !== "VersionOverridesV1_0") err(`VersionOverrides xsi:type must be VersionOverridesV1_0, found ${xsiType(vo)}`);
  const resources = childOf(vo, "Resources", NS.ov);
  if (!resources) err("missing VersionOverrides > Resources");

  /** id → {kind, node} over bt:Images/Urls/ShortStrings/LongStrings. */
  const table = new Map();
  const GROUPS = { Images: ["Image", "image"], Urls: ["Url", "url"], ShortStrings: ["String", "short"], LongStrings: ["String", "long"] };
  for (const [group, [item, kind]] of Object.entries(GROUPS)) {
    for (const g of childrenOf(resources, group, NS.bt)) {
      for (const n of g.children) {
        if (n.local !== item || n.ns !== NS.bt) {
          err(`unexpected ${n.name} in bt:${group} (line ${n.line})`);
          continue;
        }
        const rid = n.attrs.id;
        if (!rid) {
          err(`bt:${item} without id in bt:${group} (line ${n.line})`);
          continue;
        }
        if (rid.length > MAX_RESID) err(`resource id longer than ${MAX_RESID} characters: ${rid}`);
        if (table.has(rid)) err(`duplicate resource id ${rid} (line ${n.line})`);
        table.set(rid, { kind, node: n });
        if (n.attrs.DefaultValue === undefined) err(`resource ${rid} has no DefaultValue`);
        const limit = kind === "short" ? MAX_SHORT : kind === "long" ? MAX_LONG : undefined;
        if (limit) {
          const vals = [["default", n.attrs.DefaultValue ?? ""]].concat(
            n.children.filter((c) => c.local === "Override").map((c) => [c.attrs.Locale, c.attrs.Value ?? ""]),
          );
          for (const [loc, v] of vals)
            if ([...v].length > limit)
              err(`${kind === "short" ? "ShortString" : "LongString"} ${rid} (${loc}) is ${[...v].length} characters, limit ${limit}`);
        }
      }
    }
  }

  // Which resource kind each resid-bearing element must point at.
  const KIND_OF = {
    Image: "image",
    SourceLocation: "url",
    Runtime: "url",
    FunctionFile: "url",
    LearnMoreUrl: "url",
    Namespace: "short",
    Label: "short",
    Title: "short",
    Description: "long",
  };
  const residUses = [];
  for (const n of walk(vo)) {
    if (n.attrs.resid === undefined) continue;
    const rid = n.attrs.resid;
    residUses.push(rid);
    if (rid.length > MAX_RESID) err(`resid longer than ${MAX_RESID} characters: ${rid} (line ${n.line})`);
    const target = table.get(rid);
    if (!target) {
      err(`resid "${rid}" (${n.name}, line ${n.line}) does not match any bt:Image/bt:Url/bt:String id`);
      continue;
    }
    const want = KIND_OF[n.local];
    if (want && want !== target.kind)
      err(`resid "${rid}" (${n.name}, line ${n.line}) points at a ${target.kind} resource, expected ${want}`);
  }
  info.resids = residUses.length;

  const hosts = descendants(vo, "Host", NS.ov).filter((h) => xsiType(h) === "Workbook");
  if (hosts.length === 0) err('missing VersionOverrides > Hosts > Host xsi:type="Workbook"');
  const host = hosts[0];

  // shared runtime
  const runtimes = descendants(host, "Runtime", NS.ov);
  const longRt = runtimes.find((r) => r.attrs.lifetime === "long");
  if (!longRt) err('missing Runtimes > Runtime lifetime="long" (shared runtime)');
  const rtResid = longRt?.attrs.resid;
  info.runtimeResid = rtResid;

  // custom functions
  const cf = descendants(host, "ExtensionPoint", NS.ov).find((e) => xsiType(e) === "CustomFunctions");
  if (!cf) err('missing AllFormFactors > ExtensionPoint xsi:type="CustomFunctions"');
  else {
    if (!childrenOf(host, "AllFormFactors", NS.ov).some((a) => a.children.includes(cf)))
      err("the CustomFunctions ExtensionPoint must be under AllFormFactors");
    const src = (local) => childOf(childOf(cf, local, NS.ov), "SourceLocation", NS.ov)?.attrs.resid;
    for (const local of ["Script", "Page", "Metadata"])
      if (!src(local)) err(`CustomFunctions > ${local} > SourceLocation resid is missing`);
    if (rtResid && src("Page") && src("Page") !== rtResid)
      err(`CustomFunctions Page resid "${src("Page")}" differs from the long Runtime resid "${rtResid}"`);
    const nsNode = childOf(cf, "Namespace", NS.ov);
    const nsValue = table.get(nsNode?.attrs.resid ?? "")?.node.attrs.DefaultValue;
    if (!nsNode) err("CustomFunctions > Namespace is missing");
    else if (nsValue !== opt.namespace) err(`custom functions Namespace must be ${opt.namespace}, found ${JSON.stringify(nsValue)}`);
    info.namespace = nsValue;
    const metaId = src("Metadata");
    const meta = table.get(metaId ?? "");
    if (meta) {
      for (const locale of opt.locales) {
        const o = meta.node.children.find((c) => c.local === "Override" && c.attrs.Locale?.toLowerCase() === locale.toLowerCase());
        const want = opt.localizedMetadataFile(locale);
        if (!o) err(`bt:Url ${metaId} (functions metadata) has no ${locale} bt:Override`);
        else if (!String(o.attrs.Value).endsWith("/" + want))
          err(`the ${locale} override of ${metaId} must point at ${want}, found ${JSON.stringify(o.attrs.Value)}`);
      }
    }
  }

  // desktop: FunctionFile and the ribbon button share the runtime's page
  const dff = childOf(host, "DesktopFormFactor", NS.ov);
  if (!dff) err("missing DesktopFormFactor");
  else {
    const ff = childOf(dff, "FunctionFile", NS.ov);
    if (!ff) err("missing DesktopFormFactor > FunctionFile");
    else if (rtResid && ff.attrs.resid !== rtResid)
      err(`FunctionFile resid "${ff.attrs.resid}" differs from the long Runtime resid "${rtResid}"`);
    const actions = descendants(dff, "Action", NS.ov).filter((a) => xsiType(a) === "ShowTaskpane");
    if (actions.length === 0) err('missing a ribbon button with Action xsi:type="ShowTaskpane"');
    for (const a of actions) {
      const sl = childOf(a, "SourceLocation", NS.ov)?.attrs.resid;
      if (rtResid && sl !== rtResid) err(`ShowTaskpane SourceLocation resid "${sl}" differs from the long Runtime resid "${rtResid}"`);
      if (childOf(a, "TaskpaneId", NS.ov)) err(`ShowTaskpane action (line ${a.line}) has a TaskpaneId; a shared runtime supports one task pane`);
    }
  }

  return { ok: errors.length === 0, errors, info };
}

/** Reads and checks a manifest file. */
function checkManifestFile(file, options) {
  return checkManifest(fs.readFileSync(file, "utf8"), options);
}

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  let result;
  try {
    result = checkManifestFile(file);
  } catch (e) {
    console.error(`check-manifest: ${e.message}`);
    process.exit(1);
  }
  const { errors, info } = result;
  if (errors.length) {
    for (const e of errors) console.error(`${file}: ${e}`);
    console.error(`check-manifest: ${errors.length} problem(s) in ${file}`);
    process.exit(1);
  }
  console.log(
    `check-manifest: ${file} OK (xmllint ${info.xmllint}; Id ${info.id}; Version ${info.version}; ` +
      `${info.resids} resids resolved; ${info.urls} URLs https; shared runtime ${info.runtimeResid}; ` +
      `namespace ${info.namespace}; override locales ${info.overrideLocales.join(", ") || "none"})`,
  );
}

module.exports = { checkManifest, checkManifestFile, parseXml, XmlError };
