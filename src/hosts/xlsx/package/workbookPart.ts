/**
 * The two user parts the transplant must edit to list the new sheets: the workbook part (sheets,
 * their print names, full calculation on load) and its relationships. Edits only add, except
 * for the add-in's own earlier sheet, whose element is replaced in place.
 */
import type { OpcPackage } from "./opcPackage";
import { PackageRefusal } from "./refusal";
import { attributes, findChild, insertChild, WORKBOOK_ORDER } from "./xml";

export interface NewSheet {
  /** The workbook index of the add-in's earlier sheet it replaces, or undefined to append. */
  replaces: number | undefined;
  /** Its `<sheet>` element, unprefixed. */
  xml: string;
  /** Its built-in names (print titles) from the scratch package, without localSheetId. */
  names: string[];
}

const prefixed = (xml: string, prefix: string): string =>
  prefix ? xml.replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${prefix}$2`) : xml;

/** The scratch workbook's sheet-scoped names per scratch sheet index, localSheetId removed. */
export function scratchSheetNames(scratch: OpcPackage): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const pattern = /<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g;
  for (const m of scratch.workbookXml.matchAll(pattern)) {
    const local = attributes(m[0].slice(0, m[0].indexOf(">") + 1))["localSheetId"];
    if (local === undefined) continue;
    const list = out.get(Number(local)) ?? [];
    list.push(m[0].replace(/\slocalSheetId="\d+"/, ""));
    out.set(Number(local), list);
  }
  return out;
}

/** Drops the user's names scoped to a replaced sheet (they were the add-in's) and adds the new. */
function editNames(xml: string, prefix: string, replaced: Set<number>, added: string[]): string {
  const pattern = new RegExp(String.raw`<${prefix}definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/${prefix}definedName>)`, "g");
  let out = xml.replace(pattern, (element) => {
    const local = attributes(element.slice(0, element.indexOf(">") + 1))["localSheetId"];
    return local !== undefined && replaced.has(Number(local)) ? "" : element;
  });
  if (added.length === 0) return out;
  const span = findChild(out, "definedNames");
  const body = added.map((n) => prefixed(n, prefix)).join("");
  if (!span) return insertChild(out, "definedNames", `<${prefix}definedNames>${body}</${prefix}definedNames>`, WORKBOOK_ORDER);
  const element = out.slice(span.start, span.end);
  const edited = element.endsWith("/>")
    ? `${element.slice(0, -2).trimEnd()}>${body}</${prefix}definedNames>`
    : element.slice(0, element.lastIndexOf("</")) + body + element.slice(element.lastIndexOf("</"));
  out = out.slice(0, span.start) + edited + out.slice(span.end);
  return out;
}

/**
 * Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`, or `"true"`: Excel
 * for Windows and Mac and LibreOffice write either). Serials read from it and written to it are
 * then 1462 days smaller than in the add-in's own 1900 system.
 */
export function usesDate1904(pkg: OpcPackage): boolean {
  const span = findChild(pkg.workbookXml, "workbookPr");
  if (!span) return false;
  const tag = pkg.workbookXml.slice(span.start, pkg.workbookXml.indexOf(">", span.start) + 1);
  const flag = attributes(tag)["date1904"];
  return flag === "1" || flag === "true";
}

/**
 * Whether the workbook's structure is locked (`<workbookProtection lockStructure="1"/>`, or
 * `"true"`): Excel then adds no sheet without its owner's password. An empty
 * `<workbookProtection/>`, as LibreOffice and openpyxl write, locks nothing.
 */
export function locksStructure(pkg: OpcPackage): boolean {
  const span = findChild(pkg.workbookXml, "workbookProtection");
  if (!span) return false;
  const tag = pkg.workbookXml.slice(span.start, pkg.workbookXml.indexOf(">", span.start) + 1);
  const flag = attributes(tag)["lockStructure"];
  return flag === "1" || flag === "true";
}

/** Refuses a workbook whose structure is locked: the sheets would be added behind its owner's lock. */
export function refuseLockedStructure(pkg: OpcPackage): void {
  if (locksStructure(pkg)) throw new PackageRefusal("locked-structure");
}

/** Asks every host to calculate on opening: the add-in's formulas carry no cached results. */
function calculateOnLoad(xml: string, prefix: string): string {
  const span = findChild(xml, "calcPr");
  if (!span) return insertChild(xml, "calcPr", `<${prefix}calcPr fullCalcOnLoad="1"/>`, WORKBOOK_ORDER);
  const tag = xml.slice(span.start, xml.indexOf(">", span.start) + 1);
  const edited = /\bfullCalcOnLoad=/.test(tag)
    ? tag.replace(/\bfullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"')
    : tag.replace(/^<([\w:]+)/, '<$1 fullCalcOnLoad="1"');
  return xml.slice(0, span.start) + edited + xml.slice(span.start + tag.length);
}

/**
 * The workbook part with the new sheets listed (a replaced sheet keeps its place), their print
 * names added and full calculation on load.
 */
export function editWorkbook(pkg: OpcPackage, sheets: readonly NewSheet[]): string {
  const prefix = /<(\w+:)?workbook\b/.exec(pkg.workbookXml)?.[1] ?? "";
  let index = -1;
  const byIndex = new Map(sheets.filter((s) => s.replaces !== undefined).map((s) => [s.replaces as number, s]));
  let xml = pkg.workbookXml.replace(
    new RegExp(String.raw`<${prefix}sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/${prefix}sheet>)`, "g"),
    (element) => {
      index++;
      const replacement = byIndex.get(index);
      return replacement ? prefixed(replacement.xml, prefix) : element;
    },
  );
  const appended = sheets.filter((s) => s.replaces === undefined);
  const appendedXml = appended.map((s) => prefixed(s.xml, prefix)).join("");
  xml = xml.replace(new RegExp(String.raw`</${prefix}sheets>`), (close) => `${appendedXml}${close}`);
  const names: string[] = [];
  for (const sheet of sheets) {
    const at = sheet.replaces ?? pkg.sheets.length + appended.indexOf(sheet);
    for (const name of sheet.names) names.push(name.replace(/^<definedName\b/, `<definedName localSheetId="${at}"`));
  }
  xml = editNames(xml, prefix, new Set(byIndex.keys()), names);
  return calculateOnLoad(xml, prefix);
}

/**
 * The workbook's relationships without the replaced sheets' and removed parts' ones, plus `added`.
 */
export function editRelationships(
  pkg: OpcPackage,
  relsPart: string,
  added: readonly string[],
  droppedIds: ReadonlySet<string>,
  removedParts: ReadonlySet<string>,
): string {
  const dropped = new Set(droppedIds);
  for (const rel of pkg.relationships(pkg.workbookPart)) if (removedParts.has(rel.target)) dropped.add(rel.id);
  const xml = pkg.text(relsPart).replace(/<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Relationship>)/g, (element) =>
    dropped.has(attributes(element)["Id"] ?? "") ? "" : element,
  );
  const prefix = /<(\w+:)?Relationships\b/.exec(xml)?.[1] ?? "";
  return xml.replace(/<\/(\w+:)?Relationships>\s*$/, (close) => `${prefixed(added.join(""), prefix)}${close}`);
}

/** Relationship ids not used by the workbook part yet: rId<n+1>, rId<n+2>, … */
export function freeRelationshipIds(pkg: OpcPackage): () => string {
  const used = new Set(pkg.relationships(pkg.workbookPart).map((r) => r.id));
  let n = 0;
  return () => {
    let id: string;
    do id = `rId${++n}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
}
