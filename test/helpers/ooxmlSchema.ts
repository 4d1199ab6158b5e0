/**
 * Checks a whole .xlsx/.xlsm package against what we did not write: every XML part against the
 * ISO/IEC 29500-4 transitional schemas (read from ../shared/ooxml-schemas beside the clone, never
 * committed here; validated by libxml2 compiled to WebAssembly, xmllint-wasm), every relationship resolving to a part, and
 * every part having a content type. Markup compatibility is applied as a consumer does first.
 * The package is read with JSZip, not with the project's own zip code.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";

/** The shared folder beside the clone (CI has it too); files from public repositories are not committed. */
export const SCHEMA_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "ooxml-schemas");
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Namespaces all.xsd imports: a part whose root is in another one (VML, x14 extensions) is not checked. */
const VALIDATED_ROOTS = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://schemas.openxmlformats.org/drawingml/2006/chart",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://schemas.openxmlformats.org/package/2006/content-types",
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
];

let schemaFiles: { fileName: string; contents: string }[] | undefined;
function schemas(): { fileName: string; contents: string }[] {
  if (!fs.existsSync(path.join(SCHEMA_DIR, "all.xsd"))) {
    throw new Error(`The OOXML schemas are not at ${SCHEMA_DIR}: the schema checks read them from ../shared/ooxml-schemas beside the repository.`);
  }
  schemaFiles ??= fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".xsd"))
    .map((fileName) => ({ fileName, contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), "utf8") }));
  return schemaFiles;
}

type Token = { kind: "open" | "close" | "self" | "other"; text: string; name: string };

function tokens(xml: string): Token[] {
  const out: Token[] = [];
  const pattern = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>|[^<]+/g;
  for (const m of xml.matchAll(pattern)) {
    if (m[2] === undefined) out.push({ kind: "other", text: m[0], name: "" });
    else out.push({ kind: m[1] ? "close" : m[4] ? "self" : "open", text: m[0], name: m[2] });
  }
  return out;
}

/** Prefix → namespace for every xmlns declaration in the text (enough for package parts). */
function prefixes(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) map.set(m[1] as string, m[2] as string);
  return map;
}

/**
 * Markup compatibility as a consumer that understands only the transitional namespaces:
 * elements and attributes of mc:Ignorable namespaces are dropped, mc:AlternateContent becomes
 * its mc:Fallback (or nothing), and mc attributes go.
 */
export function applyMarkupCompatibility(xml: string): string {
  const ns = prefixes(xml);
  const mcPrefix = [...ns].find(([, uri]) => uri === MC)?.[0];
  if (!mcPrefix) return xml;
  const ignorable = new Set<string>();
  for (const m of xml.matchAll(new RegExp(`${mcPrefix}:Ignorable\\s*=\\s*"([^"]*)"`, "g"))) {
    for (const p of (m[1] as string).split(/\s+/).filter(Boolean)) ignorable.add(p);
  }
  const dropped = (name: string): boolean => ignorable.has(name.split(":")[0] as string) && name.includes(":");
  let out = "";
  let skipDepth = 0;
  const alternate: { inFallback: boolean }[] = [];
  for (const t of tokens(xml)) {
    const [prefix, local] = t.name.includes(":") ? t.name.split(":") : ["", t.name];
    if (skipDepth > 0) {
      if (t.kind === "open") skipDepth++;
      if (t.kind === "close") skipDepth--;
      continue;
    }
    if (prefix === mcPrefix) {
      if (local === "AlternateContent") {
        if (t.kind === "open") alternate.push({ inFallback: false });
        if (t.kind === "close") alternate.pop();
        continue;
      }
      if (local === "Fallback") {
        const top = alternate[alternate.length - 1];
        if (top) top.inFallback = t.kind === "open";
        continue;
      }
      if (local === "Choice" && t.kind === "open") skipDepth = 1;
      continue;
    }
    if (t.kind !== "other" && dropped(t.name)) {
      if (t.kind === "open") skipDepth = 1;
      continue;
    }
    if (t.kind === "open" || t.kind === "self") {
      const attrs = t.text.replace(/\s([\w.-]+):([\w.-]+)\s*=\s*("[^"]*"|'[^']*')/g, (whole, p: string) =>
        p === mcPrefix || ignorable.has(p) ? "" : whole,
      );
      out += attrs;
    } else out += t.text;
  }
  return out;
}

export interface PackageCheck {
  /** Schema errors, "part: message". */
  errors: string[];
  /** Parts validated against the schemas. */
  validated: string[];
  /** XML parts not covered by the schemas (their root namespace is not transitional SpreadsheetML/DrawingML/OPC). */
  skipped: string[];
}

const rootNamespace = (xml: string): string | undefined => {
  const root = /<([\w.-]+:)?[\w.-]+\b((?:"[^"]*"|'[^']*'|[^'">])*)>/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  if (!root) return undefined;
  const prefix = (root[1] ?? "").replace(":", "");
  const decl = new RegExp(`xmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*"([^"]*)"`).exec(root[2] ?? "");
  return decl?.[1];
};

/**
 * Every XML part of the package against the transitional schemas, in one xmllint run.
 *
 * @example
 * expect((await validatePackage(bytes)).errors).toEqual([]);
 */
export async function validatePackage(bytes: Uint8Array): Promise<PackageCheck> {
  const zip = await JSZip.loadAsync(bytes);
  const inputs: { fileName: string; contents: string }[] = [];
  const skipped: string[] = [];
  const types = await (zip.file("[Content_Types].xml") as JSZip.JSZipObject).async("string");
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name] as JSZip.JSZipObject;
    if (file.dir || !/\.(xml|rels)$/i.test(name)) continue;
    let xml = await file.async("string");
    if (!VALIDATED_ROOTS.includes(rootNamespace(xml) ?? "")) {
      skipped.push(name);
      continue;
    }
    xml = applyMarkupCompatibility(xml);
    // The one known gap of sml.xsd: Excel writes xml:space on <t> of shared strings.
    if (types.includes(`PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"`)) {
      xml = xml.replace(/(<(?:\w+:)?t\b[^>]*?)\sxml:space="(?:preserve|default)"/g, "$1");
    }
    inputs.push({ fileName: `part${inputs.length}.xml`, contents: xml });
  }
  const names = inputs.map((_, i) => i);
  const partNames = Object.keys(zip.files)
    .sort()
    .filter((n) => /\.(xml|rels)$/i.test(n) && !skipped.includes(n) && !(zip.files[n] as JSZip.JSZipObject).dir);
  const result = await validateXML({
    xml: inputs,
    schema: schemas().find((s) => s.fileName === "all.xsd") as { fileName: string; contents: string },
    preload: schemas().filter((s) => s.fileName !== "all.xsd"),
    initialMemoryPages: 1024,
    maxMemoryPages: 16384,
  });
  const errors = result.errors.map((e) => {
    const index = Number(/part(\d+)\.xml/.exec(e.rawMessage)?.[1] ?? -1);
    return `${partNames[index] ?? "?"}: ${e.message}`;
  });
  void names;
  return { errors, validated: partNames, skipped };
}

/** Internal relationships that point at no part, and parts without a content type. */
export async function checkPackageLinks(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const parts = new Set(Object.keys(zip.files).filter((n) => !(zip.files[n] as JSZip.JSZipObject).dir));
  const lower = new Set([...parts].map((p) => p.toLowerCase()));
  const types = await (zip.file("[Content_Types].xml") as JSZip.JSZipObject).async("string");
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => (m[1] as string).toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => decodeURIComponent(m[1] as string).slice(1).toLowerCase()));
  for (const part of parts) {
    if (part === "[Content_Types].xml") continue;
    if (/\/_rels\/[^/]*\.rels$|^_rels\/\.rels$/.test(part)) {
      const owner = part.replace(/_rels\/([^/]*)\.rels$/, "$1");
      const folder = owner.includes("/") ? owner.slice(0, owner.lastIndexOf("/")) : "";
      const xml = await (zip.file(part) as JSZip.JSZipObject).async("string");
      for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = decodeURIComponent(/Target="([^"]*)"/.exec(m[0])?.[1] ?? "");
        const resolved = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(folder, target));
        if (!lower.has(resolved.toLowerCase())) problems.push(`${part}: ${target} does not exist`);
      }
    }
    const ext = (part.split(".").pop() ?? "").toLowerCase();
    if (!overrides.has(part.toLowerCase()) && !defaults.has(ext)) problems.push(`${part} has no content type`);
  }
  return problems;
}
