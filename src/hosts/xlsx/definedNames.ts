/**
 * Defined names read straight from a workbook's package (xl/workbook.xml), and put back after
 * ExcelJS has saved it. ExcelJS keeps only names that are plain absolute ranges and forgets
 * their scope: a sheet-level name, a constant (=0.1), a formula or a relative reference would
 * be lost or changed. We copy the original <definedName> elements back verbatim instead.
 */
import JSZip from "jszip";
import { attributes, escapeXml, unescapeXml } from "./package/xml";

export interface DefinedName {
  name: string;
  /** The sheet a sheet-level name belongs to; undefined for a workbook-level name. */
  scope: string | undefined;
  /** The definition as stored, without "=": "Invoer!$B$3", "0.1", "'My sheet'!$C$5:$C$56". */
  formula: string;
  /** The element as stored, for verbatim copying. */
  xml: string;
}

/** Sheet names in workbook order. */
function sheetNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => attributes(m[0])["name"] ?? "");
}

function definedNameElements(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)].map((m) => m[0]);
}

function parseNames(workbookXml: string): DefinedName[] {
  const sheets = sheetNames(workbookXml);
  return definedNameElements(workbookXml).map((xml) => {
    const open = /<definedName\b[^>]*>/.exec(xml)?.[0] ?? xml;
    const a = attributes(open);
    const local = a["localSheetId"];
    const body = /<definedName\b[^>]*>([\s\S]*?)<\/definedName>/.exec(xml)?.[1] ?? "";
    return {
      name: a["name"] ?? "",
      scope: local === undefined ? undefined : sheets[Number(local)],
      formula: unescapeXml(body),
      xml,
    };
  });
}

async function workbookXml(zip: JSZip): Promise<string> {
  const file = zip.file("xl/workbook.xml");
  if (!file) throw new Error("not an .xlsx workbook: xl/workbook.xml is missing");
  return file.async("string");
}

/** Every defined name of a workbook file, as stored. */
export async function readDefinedNames(xlsx: Uint8Array | ArrayBuffer): Promise<DefinedName[]> {
  return parseNames(await workbookXml(await JSZip.loadAsync(xlsx)));
}

const key = (n: { name: string; scope: string | undefined }): string => `${n.scope ?? ""}\u0000${n.name.toLowerCase()}`;

/**
 * Puts the original workbook's defined names back into the saved output. A sheet-level name's
 * localSheetId is renumbered to where its sheet is now; names that only the output has (print
 * areas of the new sheets) are kept.
 */
export async function restoreDefinedNames(
  output: Uint8Array | ArrayBuffer,
  original: Uint8Array | ArrayBuffer,
): Promise<Buffer> {
  const originalXml = await workbookXml(await JSZip.loadAsync(original));
  const zip = await JSZip.loadAsync(output);
  let xml = await workbookXml(zip);
  const outputSheets = sheetNames(xml);
  const originals = parseNames(originalXml);
  const kept: string[] = [];
  for (const name of originals) {
    if (name.scope === undefined) {
      kept.push(name.xml);
      continue;
    }
    const index = outputSheets.indexOf(name.scope);
    if (index < 0) continue; // its sheet is gone (an add-in sheet that was replaced under a new name)
    kept.push(name.xml.replace(/\blocalSheetId\s*=\s*("[^"]*"|'[^']*')/, `localSheetId="${index}"`));
  }
  // ExcelJS's own copies of the originals (a sheet-level name turned workbook-level) are dropped;
  // the output keeps only what is new: built-in names (print areas) of sheets the original lacked.
  const seen = new Set(originals.map(key));
  const originalNames = new Set(originals.map((n) => n.name.toLowerCase()));
  for (const name of parseNames(xml)) {
    const builtin = name.name.startsWith("_xlnm.");
    if (builtin ? !seen.has(key(name)) : !originalNames.has(name.name.toLowerCase())) kept.push(name.xml);
  }

  xml = xml.replace(/<definedNames\b[^>]*>[\s\S]*?<\/definedNames>|<definedNames\s*\/>/, "");
  if (kept.length > 0) {
    // CT_Workbook: definedNames follows sheets (and externalReferences, which ExcelJS drops).
    xml = xml.replace("</sheets>", `</sheets><definedNames>${kept.join("")}</definedNames>`);
  }
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A defined name's element, for tests and tools that add names to a package. */
export function definedNameXml(name: string, formula: string, localSheetId?: number): string {
  const scope = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  return `<definedName name="${escapeXml(name)}"${scope}>${escapeXml(formula)}</definedName>`;
}
