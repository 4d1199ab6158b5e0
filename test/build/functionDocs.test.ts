import * as fs from "fs";
import * as path from "path";
import { BUILD_DIR } from "../helpers/build";
import { FUNCTION_DECLARATIONS } from "../../src/functions/declarations";
import { argumentTable, tableMarkers, withArgumentTables } from "../../src/functions/argumentTable";
import { MetadataFile } from "../../src/functions/dutchMetadata";

const ROOT = path.join(__dirname, "..", "..");
const doc = (file: string): string => fs.readFileSync(path.join(ROOT, "docs", file), "utf8");
const metadata = (file: string): MetadataFile =>
  JSON.parse(fs.readFileSync(path.join(BUILD_DIR, file), "utf8")) as MetadataFile;

describe.each([
  ["functions.md", "functions.json", "en", "functions.html"],
  ["functies.md", "functions-nl.json", "nl", "functies.html"],
] as const)("%s documents %s", (page, json, language, html) => {
  const text = doc(page);

  test("every function has its section and every parameter is named in it", () => {
    for (const fn of metadata(json).functions) {
      const anchor = `<a id="${fn.name.toLowerCase()}"></a>`;
      expect(text).toContain(anchor);
      const section = text.slice(text.indexOf(anchor), text.indexOf("<a id=", text.indexOf(anchor) + anchor.length));
      expect(section).toContain(`IND.${fn.name}(`);
      for (const p of fn.parameters) expect(section.includes(`\`${p.name}\``) ? p.name : `${fn.name}: ${p.name} undocumented`).toBe(p.name);
    }
  });

  test("each argument table is the declaration's (run scripts/function-tables.ts after changing one)", () => {
    expect(withArgumentTables(text, FUNCTION_DECLARATIONS, language)).toBe(text);
    for (const declaration of FUNCTION_DECLARATIONS) {
      const { start, end } = tableMarkers(declaration);
      expect(text).toContain(`${start}\n${argumentTable(declaration, language)}\n${end}`);
    }
  });

  test("has an errors table naming #VALUE!, #N/A and #NUM!, and is rendered by the build", () => {
    for (const code of ["#VALUE!", "#N/A", "#NUM!"]) expect(text).toContain(`\`${code}\``);
    expect(fs.existsSync(path.join(BUILD_DIR, html))).toBe(true);
    const other = html === "functions.html" ? "functies.html" : "functions.html";
    expect(fs.readFileSync(path.join(BUILD_DIR, html), "utf8")).toMatch(new RegExp(`href=["']?${other.replace(".", "\\.")}`));
  });
});
