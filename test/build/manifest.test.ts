import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { BUILD_DIR } from "../helpers/build";

const ROOT = path.join(__dirname, "..", "..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const built = fs.readFileSync(path.join(BUILD_DIR, "manifest.xml"), "utf8");

type Node = Record<string, unknown>;
const plain = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => false });

/** Every element (with attributes) anywhere in a parsed tree. */
function walk(node: unknown, visit: (name: string, value: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Node)) {
      if (key.startsWith("@")) continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === "object") visit(key, item as Node);
        walk(item, visit);
      }
    }
  }
}

function collect(xml: string): { resids: string[]; ids: Map<string, string>; urls: string[] } {
  const resids: string[] = [];
  const ids = new Map<string, string>();
  const urls: string[] = [];
  walk(plain.parse(xml), (_name, node) => {
    if (typeof node["@resid"] === "string") resids.push(node["@resid"]);
    if (typeof node["@id"] === "string" && typeof node["@DefaultValue"] === "string") {
      ids.set(node["@id"], node["@DefaultValue"]);
    }
    for (const attr of ["@DefaultValue", "@Value"]) {
      const v = node[attr];
      if (typeof v === "string" && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
  });
  return { resids, ids, urls };
}

describe("manifest.xml (checked offline; `npm run validate` asks Microsoft's service)", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(XMLValidator.validate(built)).toBe(true);
  });

  test("every resid resolves to a resource", () => {
    const { resids, ids } = collect(source);
    expect(resids.length).toBeGreaterThan(5);
    for (const resid of resids) expect(ids.has(resid) ? resid : `missing: ${resid}`).toBe(resid);
  });

  test("every URL is https and on one origin", () => {
    for (const xml of [source, built]) {
      const { urls } = collect(xml);
      expect(urls.length).toBeGreaterThan(5);
      const origins = new Set(urls.map((u) => new URL(u).origin));
      expect(origins.size).toBe(1);
      for (const u of urls) expect(new URL(u).protocol).toBe("https:");
    }
  });

  test("asks for ExcelApi 1.9: the sheets' page layout (1.9), validation and secondary axes (1.8) and freeze panes (1.7)", () => {
    for (const xml of [source, built]) {
      const sets = /<Sets[^>]*>([\s\S]*?)<\/Sets>/.exec(xml)?.[1] ?? "";
      expect(sets).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
      expect(sets).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    }
  });

    test("shared runtime: Runtimes comes first in Host, lifetime long, one resid for page, functions and pane", () => {
    // The first element inside <Host xsi:type="Workbook"> (comments skipped) must be <Runtimes>.
    const firstChild = /<Host xsi:type="Workbook">\s*(?:<!--[\s\S]*?-->\s*)*<([\w:]+)/.exec(source)?.[1];
    expect(firstChild).toBe("Runtimes");

    const doc = plain.parse(source) as Node;
    const vo = ((doc["OfficeApp"] as Node)["VersionOverrides"] as Node)["Hosts"] as Node;
    const h = vo["Host"] as Node;
    const runtime = (h["Runtimes"] as Node)["Runtime"] as Node;
    expect(runtime["@lifetime"]).toBe("long");
    const resid = runtime["@resid"];
    const cf = (h["AllFormFactors"] as Node)["ExtensionPoint"] as Node;
    expect(cf["@xsi:type"]).toBe("CustomFunctions");
    expect(((cf["Page"] as Node)["SourceLocation"] as Node)["@resid"]).toBe(resid);
    expect(((cf["Script"] as Node)["SourceLocation"] as Node)["@resid"]).toBeDefined();
    expect(((cf["Metadata"] as Node)["SourceLocation"] as Node)["@resid"]).toBeDefined();
    expect((cf["Namespace"] as Node)["@resid"]).toBeDefined();
    const { ids } = collect(source);
    expect(ids.get((cf["Namespace"] as Node)["@resid"] as string)).toBe("IND");
    const desktop = h["DesktopFormFactor"] as Node;
    expect((desktop["FunctionFile"] as Node)["@resid"]).toBe(resid);
    expect(source).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/);
    expect(resid).toBe("Taskpane.Url");
  });

  test("ReadWriteDocument, no AppDomains, icons from assets/", () => {
    expect(source).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(source).not.toMatch(/<AppDomains?>/);
    const { urls } = collect(source);
    const icons = urls.filter((u) => /\.png$/.test(u));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) {
      const file = new URL(icon).pathname.replace(/^\//, "");
      expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    }
  });

  test("the URLs name files the build actually emits, with the production base URL", () => {
    const { urls } = collect(built);
    for (const u of urls) {
      expect(u).not.toContain("localhost");
      const file = new URL(u).pathname.replace(/^\//, "");
      expect(fs.existsSync(path.join(BUILD_DIR, file)) ? file : `not emitted: ${file}`).toBe(file);
    }
  });
});
