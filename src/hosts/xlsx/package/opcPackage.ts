/**
 * A workbook package read the way the Open Packaging Conventions promise: the workbook part is
 * the target of the package's officeDocument relationship, the sheets are the workbook's
 * relationships, the shared strings and styles are found by relationship type. No part name of
 * Excel's (xl/workbook.xml, xl/worksheets/sheet1.xml) is assumed, so files from LibreOffice,
 * openpyxl, Google Sheets or ExcelJS read alike.
 */
import { inflateEntry, readZip, ZipEntry } from "./zip";
import { cfbKind, isCfb } from "./cfb";
import { DETAIL_TEXT, PackageRefusal } from "./refusal";
import { attributes, hasDoctype, unescapeXml } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  /** The part it points at (no leading "/"), or the external address as written. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  /** Its part, or undefined for a sheet whose relationship is missing. */
  part: string | undefined;
  /** "worksheet", "chartsheet", "dialogsheet" or "macrosheet" (the relationship type's last word). */
  kind: string;
}

export interface OpcPackage {
  entries: Map<string, ZipEntry>;
  /** The part's text (UTF-8 or UTF-16 by its byte-order mark), refusing a DTD. */
  text(part: string): string;
  /** New text for a part, stored as the part was (byte-order mark, UTF-16). */
  encode(part: string, text: string): Buffer;
  has(part: string): boolean;
  /** The relationships of a part ("" for the package's own). */
  relationships(part: string): Relationship[];
  contentType(part: string): string | undefined;
  contentTypesXml: string;
  workbookPart: string;
  workbookXml: string;
  sheets: SheetEntry[];
  /** The part of the first workbook relationship whose type ends in "/" + `kind`. */
  workbookPartOf(kind: string): string | undefined;
  /** True for a workbook with macros (an .xlsm). */
  macroEnabled: boolean;
}

const WORKBOOK_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
];
const STRICT = "http://purl.oclc.org/ooxml/";

export const folderOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf("/")));
export const relsPartOf = (part: string): string =>
  part === "" ? "_rels/.rels" : `${folderOf(part)}${folderOf(part) ? "/" : ""}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** The part a relationships part belongs to ("xl/_rels/workbook.xml.rels" → "xl/workbook.xml"); itself otherwise. */
export const ownerOfRels = (part: string): string => part.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(ownerFolder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  if (decoded.startsWith("/")) return decoded.slice(1);
  const parts = ownerFolder.split("/").filter(Boolean);
  for (const piece of decoded.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** Relative target from a folder to a part: ("xl/drawings", "xl/charts/chart3.xml") → "../charts/chart3.xml". */
export function relativeTarget(fromFolder: string, to: string): string {
  const from = fromFolder.split("/").filter(Boolean);
  const target = to.split("/");
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...new Array<string>(from.length - common).fill(".."), ...target.slice(common)].join("/");
}

/** How a part's text was stored: a rewritten part is stored the same way, byte-order mark and all. */
export type PartEncoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

function decode(bytes: Buffer): { text: string; encoding: PartEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString("utf16le"), encoding: "utf16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: Buffer.from(bytes.subarray(2)).swap16().toString("utf16le"), encoding: "utf16be" };
  }
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: "utf8-bom" } : { text, encoding: "utf8" };
}

/**
 * Text as bytes in the given encoding: a part the transplant rewrites keeps its UTF-8 byte-order
 * mark (ClosedXML writes one on [Content_Types].xml) or its UTF-16, as its XML declaration says.
 */
export function encodeText(text: string, encoding: PartEncoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
  }
}

/** Relationship elements of a .rels part. */
export function parseRelationships(xml: string, owner: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const external = a["TargetMode"] === "External";
    const target = a["Target"] ?? "";
    return { id: a["Id"] ?? "", type: a["Type"] ?? "", target: external ? target : resolveTarget(folderOf(owner), target), external };
  });
}


/**
 * Opens a workbook package: the guards first (container kind, zip directory, sizes), then the
 * content types, the package relationships and the workbook part.
 *
 * @example
 * const pkg = openPackage(fs.readFileSync("invoer.xlsx"));
 * pkg.sheets.map((s) => s.name) // ["Invoer", "Notities"]
 */
export function openPackage(bytes: Uint8Array): OpcPackage {
  if (isCfb(bytes)) throw new PackageRefusal(cfbKind(bytes) ?? "cfb");
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new PackageRefusal("not-zip");
  }
  const entries = readZip(bytes);
  // Zip names are case-sensitive, part names are not (OPC §9.1.1.1).
  const byLowerName = new Map([...entries.keys()].map((name) => [name.toLowerCase(), name]));
  const entryOf = (part: string): ZipEntry | undefined =>
    entries.get(part) ?? entries.get(byLowerName.get(part.toLowerCase()) ?? "");
  const texts = new Map<string, { text: string; encoding: PartEncoding }>();
  const decoded = (part: string): { text: string; encoding: PartEncoding } => {
    const known = texts.get(part);
    if (known !== undefined) return known;
    const entry = entryOf(part);
    if (!entry) throw new PackageRefusal("corrupt", DETAIL_TEXT.missing(part));
    const read = decode(inflateEntry(entry));
    if (hasDoctype(read.text)) throw new PackageRefusal("dtd", part);
    texts.set(part, read);
    return read;
  };
  const text = (part: string): string => decoded(part).text;
  const encode = (part: string, content: string): Buffer =>
    encodeText(content, entryOf(part) ? decoded(part).encoding : "utf8");
  const has = (part: string): boolean => entryOf(part) !== undefined;
  const relationships = (part: string): Relationship[] =>
    has(relsPartOf(part)) ? parseRelationships(text(relsPartOf(part)), part) : [];

  if (!has("[Content_Types].xml")) throw new PackageRefusal("not-workbook", DETAIL_TEXT.noContentTypes);
  const contentTypesXml = text("[Content_Types].xml");
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of contentTypesXml.matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (m[1] === "Override" && a["PartName"]) overrides.set(resolveTarget("", a["PartName"]).toLowerCase(), a["ContentType"] ?? "");
    if (m[1] === "Default" && a["Extension"]) defaults.set(a["Extension"].toLowerCase(), a["ContentType"] ?? "");
  }
  const contentType = (part: string): string | undefined =>
    overrides.get(part.toLowerCase()) ?? defaults.get((part.split(".").pop() ?? "").toLowerCase());

  const office = relationships("").find((r) => /\/officeDocument$/.test(r.type));
  if (office?.type.startsWith(STRICT) || contentTypesXml.includes(STRICT)) throw new PackageRefusal("strict");
  if (!office) throw new PackageRefusal("not-workbook", DETAIL_TEXT.noMainDocument);
  const workbookPart = office.target;
  const mainType = contentType(workbookPart) ?? "";
  if (!WORKBOOK_TYPES.includes(mainType)) throw new PackageRefusal("not-workbook", mainType || workbookPart);
  if (!has(workbookPart)) throw new PackageRefusal("corrupt", DETAIL_TEXT.missing(workbookPart));
  const workbookXml = text(workbookPart);
  if (workbookXml.includes(STRICT)) throw new PackageRefusal("strict");
  const workbookRels = relationships(workbookPart);
  const sheets: SheetEntry[] = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const relId = Object.entries(a).find(([key]) => /(^|:)id$/.test(key) && key !== "sheetId")?.[1] ?? "";
    const rel = workbookRels.find((r) => r.id === relId);
    return {
      name: a["name"] ?? "",
      sheetId: a["sheetId"] ?? "",
      relId,
      part: rel && !rel.external ? rel.target : undefined,
      kind: rel?.type.split("/").pop() ?? "",
    };
  });
  const workbookPartOf = (kind: string): string | undefined =>
    workbookRels.find((r) => !r.external && r.type.endsWith(`/${kind}`))?.target;
  const macroEnabled = /macroEnabled/i.test(mainType) || workbookPartOf("vbaProject") !== undefined;
  return {
    entries, text, encode, has, relationships, contentType, contentTypesXml, workbookPart, workbookXml, sheets, workbookPartOf, macroEnabled,
  };
}

/** Shared strings as plain text (rich-text runs joined, phonetic runs left out). */
export function readSharedStrings(pkg: OpcPackage): string[] {
  const part = pkg.workbookPartOf("sharedStrings");
  if (!part || !pkg.has(part)) return [];
  return [...pkg.text(part).matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) =>
    stringItemText(m[1] ?? ""),
  );
}

/** The text of a CT_Rst (a shared string item or an inline string). */
export function stringItemText(body: string): string {
  const withoutPhonetic = body.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  return [...withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)]
    .map((t) => decodeEscapes(unescapeXml(t[1] ?? "")))
    .join("");
}

/** SpreadsheetML's `_xHHHH_` escapes (a carriage return is `_x000D_`). */
export const decodeEscapes = (value: string): string =>
  value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
