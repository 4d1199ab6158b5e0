/**
 * Reads an .xlsx package with JSZip and fast-xml-parser, not ExcelJS: the tests that check
 * what ExcelJS wrote (or kept) must not trust ExcelJS to read it back.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

export interface PackageCell {
  /** "s" strings of every kind, "n" numbers, "b" booleans, "e" errors. */
  type: "s" | "n" | "b" | "e";
  /** The stored value as text (a string's text, a number's digits), or undefined. */
  value: string | undefined;
  /** The formula text; for a shared formula's follower, "shared:<master address>". */
  formula: string | undefined;
  /** The number format code, or "builtin:<id>". */
  numFmt: string;
}

export interface PackageSheet {
  name: string;
  path: string;
  cells: Map<string, PackageCell>;
  merges: string[];
  xml: string;
}

export interface PackageName {
  name: string;
  scope: string | undefined;
  formula: string;
  hidden: boolean;
}

export interface XlsxPackage {
  zip: JSZip;
  sheets: PackageSheet[];
  names: PackageName[];
  sheet(name: string): PackageSheet;
}

const ARRAYS = new Set(["sheet", "row", "c", "si", "r", "definedName", "xf", "numFmt", "Relationship", "mergeCell"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const text = (node: unknown): string => {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(text).join("");
  const n = node as Node;
  if ("#text" in n) return String(n["#text"]);
  return "";
};

async function part(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file ? file.async("string") : undefined;
}

function resolve(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = folder.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** Shared strings: plain <t> or rich-text runs, joined. */
function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const sst = (parser.parse(xml) as Node)["sst"] as Node;
  const items = (sst["si"] as Node[] | undefined) ?? [];
  return items.map((si) =>
    si["t"] !== undefined ? text(si["t"]) : ((si["r"] as Node[] | undefined) ?? []).map((r) => text(r["t"])).join(""),
  );
}

/** Excel's built-in number formats that writers refer to by id instead of by code. */
const BUILTIN: Record<string, string> = {
  "0": "General",
  "1": "0",
  "2": "0.00",
  "3": "#,##0",
  "4": "#,##0.00",
  "9": "0%",
  "10": "0.00%",
  "49": "@",
};

/** Style index → number format code (or builtin id). */
function numberFormats(xml: string | undefined): string[] {
  if (!xml) return [];
  const styles = (parser.parse(xml) as Node)["styleSheet"] as Node;
  const codes = new Map<string, string>();
  for (const f of ((styles["numFmts"] as Node | undefined)?.["numFmt"] as Node[] | undefined) ?? []) {
    codes.set(String(f["@_numFmtId"]), String(f["@_formatCode"]));
  }
  const xfs = ((styles["cellXfs"] as Node | undefined)?.["xf"] as Node[] | undefined) ?? [];
  return xfs.map((xf) => {
    const id = String(xf["@_numFmtId"] ?? "0");
    return codes.get(id) ?? BUILTIN[id] ?? `builtin:${id}`;
  });
}

/** Reads every sheet's cells, merges and the workbook's defined names. */
export async function readPackage(xlsx: Uint8Array | ArrayBuffer): Promise<XlsxPackage> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbookXml = (await part(zip, "xl/workbook.xml")) as string;
  const relsXml = (await part(zip, "xl/_rels/workbook.xml.rels")) as string;
  const workbook = (parser.parse(workbookXml) as Node)["workbook"] as Node;
  const rels = ((parser.parse(relsXml) as Node)["Relationships"] as Node)["Relationship"] as Node[];
  const target = new Map(rels.map((r) => [String(r["@_Id"]), resolve("xl", String(r["@_Target"]))]));
  const strings = sharedStrings(await part(zip, "xl/sharedStrings.xml"));
  const formats = numberFormats(await part(zip, "xl/styles.xml"));
  const sheetNodes = ((workbook["sheets"] as Node)["sheet"] as Node[]) ?? [];
  const sheets: PackageSheet[] = [];
  for (const s of sheetNodes) {
    const name = String(s["@_name"]);
    const path = target.get(String(s["@_r:id"])) as string;
    const xml = (await part(zip, path)) as string;
    const ws = (parser.parse(xml) as Node)["worksheet"] as Node;
    const cells = new Map<string, PackageCell>();
    const sharedMasters = new Map<string, string>();
    const rows = ((ws["sheetData"] as Node | undefined)?.["row"] as Node[] | undefined) ?? [];
    for (const row of rows) {
      for (const c of (row["c"] as Node[] | undefined) ?? []) {
        const address = String(c["@_r"]);
        const t = c["@_t"] === undefined ? "n" : String(c["@_t"]);
        const raw = c["v"] === undefined ? undefined : text(c["v"]);
        let type: PackageCell["type"] = "n";
        let value = raw;
        if (t === "s") {
          type = "s";
          value = raw === undefined ? undefined : strings[Number(raw)];
        } else if (t === "inlineStr") {
          type = "s";
          const is = c["is"] as Node | undefined;
          value = is
            ? is["t"] !== undefined
              ? text(is["t"])
              : ((is["r"] as Node[] | undefined) ?? []).map((r) => text(r["t"])).join("")
            : undefined;
        } else if (t === "str") type = "s";
        else if (t === "b" || t === "e") type = t;
        let formula: string | undefined;
        const f = c["f"];
        if (f !== undefined) {
          const node = (typeof f === "object" && f !== null ? f : { "#text": f }) as Node;
          const body = text(node);
          if (node["@_t"] === "shared") {
            const si = String(node["@_si"]);
            if (body) sharedMasters.set(si, address);
            formula = body || `shared:${sharedMasters.get(si) ?? si}`;
          } else {
            formula = body;
          }
        }
        const style = c["@_s"] === undefined ? 0 : Number(c["@_s"]);
        // An empty, unstyled placeholder cell carries nothing.
        if (value === undefined && formula === undefined && style === 0) continue;
        cells.set(address, { type, value, formula, numFmt: formats[style] ?? "General" });
      }
    }
    const merges = (((ws["mergeCells"] as Node | undefined)?.["mergeCell"] as Node[] | undefined) ?? [])
      .map((m) => String(m["@_ref"]))
      .sort();
    sheets.push({ name, path, cells, merges, xml });
  }
  const sheetNames = sheets.map((s) => s.name);
  const names: PackageName[] = (
    ((workbook["definedNames"] as Node | undefined)?.["definedName"] as Node[] | undefined) ?? []
  ).map((n) => ({
    name: String(n["@_name"]),
    scope: n["@_localSheetId"] === undefined ? undefined : sheetNames[Number(n["@_localSheetId"])],
    formula: text(n),
    hidden: n["@_hidden"] === "1" || n["@_hidden"] === "true",
  }));
  return {
    zip,
    sheets,
    names,
    sheet(name: string): PackageSheet {
      const found = sheets.find((s) => s.name === name);
      if (!found) throw new Error(`no sheet ${name}; sheets: ${sheetNames.join(", ")}`);
      return found;
    },
  };
}
