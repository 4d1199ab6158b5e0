import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { BUILD_DIR } from "../helpers/build";
import { FUNCTION_DECLARATIONS } from "../../src/functions/declarations";
import { deriveDutchMetadata, MetadataFile } from "../../src/functions/dutchMetadata";

const ROOT = path.join(__dirname, "..", "..");
const read = (file: string): MetadataFile => JSON.parse(fs.readFileSync(path.join(BUILD_DIR, file), "utf8")) as MetadataFile;
const METADATA_FILES = ["functions.json", "functions-nl.json"];

/** Problems between two language files: missing ids, parameter count or order (by declaration). */
function differences(english: MetadataFile, other: MetadataFile): string[] {
  const problems: string[] = [];
  const otherById = new Map(other.functions.map((f) => [f.id, f]));
  const declared = new Map(FUNCTION_DECLARATIONS.map((d) => [d.id, d]));
  for (const fn of english.functions) {
    const translated = otherById.get(fn.id);
    if (!translated) {
      problems.push(`${fn.id}: missing`);
      continue;
    }
    if (translated.parameters.length !== fn.parameters.length) problems.push(`${fn.id}: parameter count differs`);
    const declaration = declared.get(fn.id);
    fn.parameters.forEach((p, i) => {
      const argument = declaration?.arguments[i];
      const q = translated.parameters[i];
      if (!argument || !q || argument.name !== p.name || argument.nameNl !== q.name) {
        problems.push(`${fn.id}: parameter ${i + 1} differs (${p.name} / ${q?.name ?? "none"})`);
      }
      if (q && (q.optional === true) !== (p.optional === true)) problems.push(`${fn.id}: ${p.name} optional differs`);
    });
  }
  for (const fn of other.functions) if (!english.functions.some((f) => f.id === fn.id)) problems.push(`${fn.id}: extra`);
  return problems;
}

/** Every built-in function name HyperFormula knows, in every language pack it ships. */
function builtInNames(): Set<string> {
  const dir = path.join(path.dirname(require.resolve("hyperformula")), "i18n", "languages");
  const names = new Set<string>();
  const packs = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "index.js");
  for (const file of packs) {
    const loaded = require(path.join(dir, file)) as { default?: { functions: Record<string, string> } };
    const functions = (loaded.default ?? (loaded as unknown as { functions: Record<string, string> })).functions;
    for (const [english, translated] of Object.entries(functions)) names.add(english.toUpperCase()).add(translated.toUpperCase());
  }
  return names;
}

/** Microsoft's rules for a custom function's name, and no built-in name in any language. */
function nameProblems(name: string, builtIns: Set<string>): string[] {
  const problems: string[] = [];
  if (!/^\p{L}[\p{L}\p{N}_.]{2,}$/u.test(name)) problems.push(`${name}: not a letter then at least two letters, digits, _ or .`);
  if (/^[A-Z]{1,3}[0-9]+$/i.test(name) || /^R[0-9]*C[0-9]*$/i.test(name)) problems.push(`${name}: looks like a cell`);
  if (builtIns.has(name.toUpperCase()) || builtIns.has(`IND.${name}`.toUpperCase())) problems.push(`${name}: a built-in name`);
  return problems;
}

describe("functions-nl.json, derived at build time", () => {
  const english = read("functions.json");
  const dutch = read("functions-nl.json");

  test("is built next to functions.json, with the same ids and parameters in the same order", () => {
    expect(differences(english, dutch)).toEqual([]);
    expect(dutch.functions.map((f) => f.name)).toEqual(english.functions.map((f) => FUNCTION_DECLARATIONS.find((d) => d.id === f.id)?.nameNl));
    expect(dutch.functions.every((f) => (f.description ?? "").length > 20)).toBe(true);
  });

  test("the comparison fails on a missing id, a different count or a different order", () => {
    const fn = english.functions[0];
    if (!fn) throw new Error("no functions");
    const translated = dutch.functions[0];
    if (!translated) throw new Error("no Dutch functions");
    expect(differences(english, { functions: dutch.functions.slice(1) })).toContain(`${fn.id}: missing`);
    const fewer = { ...translated, parameters: translated.parameters.slice(1) };
    expect(differences(english, { functions: [fewer, ...dutch.functions.slice(1)] }).join()).toMatch(/count differs/);
    const swapped = { ...translated, parameters: [...translated.parameters].reverse() };
    expect(differences(english, { functions: [swapped, ...dutch.functions.slice(1)] }).join()).toMatch(/parameter 1 differs/);
  });

  test("the derivation refuses a function the declarations miss or disagree with, so the build fails", () => {
    const extra = { ...english, functions: [...english.functions, { id: "NEW_ONE", name: "NEW_ONE", parameters: [] }] };
    expect(() => deriveDutchMetadata(extra, FUNCTION_DECLARATIONS)).toThrow(/NEW_ONE: no Dutch name/);
    const renamed = structuredClone(english);
    (renamed.functions[0]?.parameters[0] as { name: string }).name = "start";
    expect(() => deriveDutchMetadata(renamed, FUNCTION_DECLARATIONS)).toThrow(/has parameters \(start/);
  });

  test("no function name (English or Dutch) breaks Microsoft's naming rules or equals a built-in in any language", () => {
    const builtIns = builtInNames();
    expect(builtIns.size).toBeGreaterThan(3000); // all packs loaded: nlNL, enGB, deDE, frFR and the rest
    expect(builtIns.has("SOM")).toBe(true); // nlNL's SUM
    expect(nameProblems("SOM", builtIns)).toEqual(["SOM: a built-in name"]);
    expect(nameProblems("PERCENTIEL", builtIns)).toEqual(["PERCENTIEL: a built-in name"]);
    expect(nameProblems("AB12", builtIns)).toEqual(["AB12: looks like a cell"]);
    expect(nameProblems("X1", builtIns).length).toBeGreaterThan(0);
    const names = [...english.functions, ...dutch.functions].map((f) => f.name);
    expect(names.flatMap((n) => nameProblems(n, builtIns))).toEqual([]);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(names.length);
  });

  test("Dutch help URLs point into the Dutch reference (functies.html), at the function's own section", () => {
    const page = fs.readFileSync(path.join(ROOT, "docs", "functies.md"), "utf8");
    expect(fs.existsSync(path.join(BUILD_DIR, "functies.html"))).toBe(true);
    for (const fn of dutch.functions) {
      expect(fn.helpUrl).toMatch(new RegExp(`^https://[^/]+/.*functies\\.html#${fn.name.toLowerCase()}$`));
      expect(fn.helpUrl).not.toContain("localhost");
      expect(page).toContain(`<a id="${fn.name.toLowerCase()}"></a>`);
    }
  });
});

describe("the bundle and the manifest serve every language file", () => {
  const bundle = fs.readFileSync(path.join(BUILD_DIR, "functions.js"), "utf8");

  test.each(METADATA_FILES)("every id in %s has a CustomFunctions.associate call in the bundle", (file) => {
    const associated = new Set([...bundle.matchAll(/associate\(\s*["']([A-Z0-9_.]+)["']/g)].map((m) => m[1]));
    expect(associated.size).toBeGreaterThan(5);
    const missing = read(file).functions.filter((f) => !associated.has(f.id)).map((f) => f.id);
    expect(missing).toEqual([]);
  });

  test("the built manifest overrides the metadata URL for nl-NL and nl-BE with a file the build produces", () => {
    const xml = fs.readFileSync(path.join(BUILD_DIR, "manifest.xml"), "utf8");
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "bt:Url" || name === "bt:Override" });
    type UrlNode = { "@id": string; "@DefaultValue": string; "bt:Override"?: Array<{ "@Locale": string; "@Value": string }> };
    const doc = parser.parse(xml) as { OfficeApp: { VersionOverrides: { Resources: { "bt:Urls": { "bt:Url": UrlNode[] } } } } };
    const urls = doc.OfficeApp.VersionOverrides.Resources["bt:Urls"]["bt:Url"];
    const metadata = urls.find((u) => u["@id"] === "Functions.Metadata.Url");
    expect(metadata).toBeDefined();
    const overrides = new Map((metadata?.["bt:Override"] ?? []).map((o) => [o["@Locale"], o["@Value"]]));
    expect([...overrides.keys()].sort()).toEqual(["nl-BE", "nl-NL"]);
    for (const url of [metadata?.["@DefaultValue"] ?? "", ...overrides.values()]) {
      const file = new URL(url).pathname.replace(/^\//, "");
      expect(METADATA_FILES).toContain(file);
      expect(fs.existsSync(path.join(BUILD_DIR, file)) ? file : `not built: ${file}`).toBe(file);
    }
    expect(new URL(overrides.get("nl-NL") ?? "").pathname).toMatch(/\/functions-nl\.json$/);
  });
});
