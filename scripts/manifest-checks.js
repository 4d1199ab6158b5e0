// What we check about an add-in manifest without the network: the same rules for the source
// manifest.xml (test/build/manifest.test.ts) and for the built dist/manifest.xml (`npm run validate`).
// Microsoft's own validator, which needs the network, is `npm run validate:online`.
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => false });

/** Every element (with attributes) anywhere in a parsed tree. */
function walk(node, visit) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("@")) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === "object") visit(key, item);
        walk(item, visit);
      }
    }
  }
}

/** The resource ids used, the resources defined (id → DefaultValue), and every URL. */
function collect(xml) {
  const resids = [];
  const ids = new Map();
  const urls = [];
  walk(parser.parse(xml), (_name, node) => {
    if (typeof node["@resid"] === "string") resids.push(node["@resid"]);
    if (typeof node["@id"] === "string" && typeof node["@DefaultValue"] === "string") ids.set(node["@id"], node["@DefaultValue"]);
    for (const attr of ["@DefaultValue", "@Value"]) {
      const v = node[attr];
      if (typeof v === "string" && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
  });
  return { resids, ids, urls };
}

const at = (node, ...keys) => keys.reduce((n, k) => (n && typeof n === "object" ? n[k] : undefined), node);

/** The shared runtime: Runtimes first in Host, lifetime long, one resid for the page, the functions and the pane. */
function sharedRuntimeProblems(xml, doc, ids) {
  const problems = [];
  const firstChild = /<Host xsi:type="Workbook">\s*(?:<!--[\s\S]*?-->\s*)*<([\w:]+)/.exec(xml)?.[1];
  if (firstChild !== "Runtimes") problems.push(`the first element in <Host xsi:type="Workbook"> is <${firstChild}>, not <Runtimes>`);
  const host = at(doc, "OfficeApp", "VersionOverrides", "Hosts", "Host");
  const runtime = at(host, "Runtimes", "Runtime");
  if (at(runtime, "@lifetime") !== "long") problems.push('the shared runtime needs <Runtime lifetime="long">');
  const resid = at(runtime, "@resid");
  if (resid !== "Taskpane.Url") problems.push(`the runtime's resid is ${resid}, not Taskpane.Url`);
  const cf = at(host, "AllFormFactors", "ExtensionPoint");
  if (at(cf, "@xsi:type") !== "CustomFunctions") problems.push("no CustomFunctions extension point under AllFormFactors");
  if (at(cf, "Page", "SourceLocation", "@resid") !== resid) problems.push("the custom functions' <Page> is not the runtime's page");
  for (const part of ["Script", "Metadata"]) {
    if (at(cf, part, "SourceLocation", "@resid") === undefined) problems.push(`the custom functions have no <${part}> location`);
  }
  if (ids.get(at(cf, "Namespace", "@resid")) !== "IND") problems.push("the functions' namespace is not IND");
  if (at(host, "DesktopFormFactor", "FunctionFile", "@resid") !== resid) problems.push("<FunctionFile> is not the runtime's page");
  if (!/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/.test(xml)) {
    problems.push("the ribbon button does not open Taskpane.Url");
  }
  if (!/<Set Name="SharedRuntime" MinVersion="1.1"\/>/.test(xml)) problems.push("the requirements do not ask for SharedRuntime 1.1");
  return problems;
}

/**
 * The problems of a manifest, one sentence each; none means it passed.
 *
 * @param {string} xml the manifest's text
 * @param {{ dir?: string, version?: string, production?: boolean }} [options] `dir`: the folder the
 *   manifest's URLs must name files in (dist/); `version`: the <Version> it must carry;
 *   `production`: no localhost address allowed.
 */
function manifestProblems(xml, options = {}) {
  if (XMLValidator.validate(xml) !== true) return ["the manifest is not well-formed XML"];
  const problems = [];
  const doc = parser.parse(xml);
  const { resids, ids, urls } = collect(xml);
  if (resids.length <= 5) problems.push("fewer resource ids than a ribbon button and custom functions need");
  for (const resid of resids) if (!ids.has(resid)) problems.push(`resid ${resid} names no resource`);
  if (urls.length <= 5) problems.push("fewer URLs than the pane, the functions and the icons need");
  const origins = new Set(urls.map((u) => new URL(u).origin));
  if (origins.size !== 1) problems.push(`the URLs are on ${origins.size} origins (${[...origins].join(", ")}), not one`);
  for (const u of urls) if (new URL(u).protocol !== "https:") problems.push(`${u} is not https`);
  problems.push(...sharedRuntimeProblems(xml, doc, ids));
  if (!/<Permissions>ReadWriteDocument<\/Permissions>/.test(xml)) problems.push("the permissions are not ReadWriteDocument");
  if (/<AppDomains?>/.test(xml)) problems.push("the manifest lists AppDomains; the add-in talks to no other domain");
  const version = at(doc, "OfficeApp", "Version");
  if (options.version !== undefined && String(version) !== options.version) {
    problems.push(`<Version> is ${version}, not ${options.version} (package.json)`);
  }
  if (options.production && urls.some((u) => new URL(u).hostname === "localhost")) {
    problems.push("the manifest points to localhost: build it with npm run build and ADDIN_BASE_URL");
  }
  if (options.dir !== undefined) problems.push(...missingFiles(xml, urls, options.dir));
  return problems;
}

/** Each URL must name a file in `dir`, taken relative to the pane's folder (query strings aside). */
function missingFiles(xml, urls, dir) {
  const pane = urls.find((u) => new URL(u).pathname.endsWith("/taskpane.html"));
  if (pane === undefined) return ["no URL names taskpane.html"];
  const base = new URL(".", pane);
  const problems = [];
  for (const u of urls) {
    const url = new URL(u);
    if (!url.href.startsWith(base.href)) {
      problems.push(`${u} is outside ${base.href}, where the pane is`);
      continue;
    }
    const file = decodeURIComponent(url.pathname.slice(base.pathname.length));
    if (!fs.existsSync(path.join(dir, file))) problems.push(`${u} names ${file}, which is not in ${dir}`);
  }
  return problems;
}

module.exports = { collect, manifestProblems };
