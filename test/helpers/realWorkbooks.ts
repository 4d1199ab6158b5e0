/**
 * The real workbooks in ../shared/real-workbooks (see its README: writers, sources, licences),
 * read from there and never copied into the repository, and the one edit the tests make to them:
 * defined names added to the workbook part, every other entry copied as it is. The edit is plain
 * text on the part, not the project's package code, so a test of that code does not lean on it.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";

export const REAL_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "real-workbooks");
export const REAL_WORKBOOKS = path.join(REAL_DIR, "workbooks");
export const REAL_REFUSE = path.join(REAL_DIR, "refuse");

/** The valid workbooks' file names, sorted. */
export function realWorkbookFiles(): string[] {
  return fs.readdirSync(REAL_WORKBOOKS).filter((f) => /\.xls[xm]$/i.test(f)).sort();
}

/** The workbook part's name, from the package relationships. */
export async function workbookPartName(zip: JSZip): Promise<string> {
  const rels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  const relation = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((r) => /Type="[^"]*\/officeDocument"/.test(r));
  const target = /Target="([^"]*)"/.exec(relation ?? "")?.[1];
  if (!target) throw new Error("no officeDocument relationship");
  return decodeURIComponent(target.replace(/^\//, ""));
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The workbook with `names` (name → definition, without "=") added to its workbook part by a
 * minimal text edit: into its `<definedNames>` (also `<definedNames/>` and `<x:definedNames />`),
 * or as a new `<definedNames>` where the schema wants it (after sheets, function groups and
 * external references). Every other zip entry is copied unchanged; the part keeps a byte-order mark.
 */
export async function withNames(bytes: Uint8Array, names: Record<string, string>, localSheetId?: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await workbookPartName(zip);
  const raw = (await zip.file(part)?.async("nodebuffer")) as Buffer;
  const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  let xml = raw.subarray(bom ? 3 : 0).toString("utf8");
  const prefix = /<(\w+:)?workbook\b/.exec(xml)?.[1] ?? "";
  const scope = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  const elements = Object.entries(names)
    .map(([name, formula]) => `<${prefix}definedName name="${escapeXml(name)}"${scope}>${escapeXml(formula)}</${prefix}definedName>`)
    .join("");
  const empty = new RegExp(`<${prefix}definedNames\\s*/>`);
  const close = `</${prefix}definedNames>`;
  if (empty.test(xml)) xml = xml.replace(empty, `<${prefix}definedNames>${elements}${close}`);
  else if (xml.includes(close)) xml = xml.replace(close, `${elements}${close}`);
  else {
    const after = [`</${prefix}externalReferences>`, `</${prefix}functionGroups>`, `</${prefix}sheets>`].find((t) => xml.includes(t));
    if (!after) throw new Error(`${part} has no </sheets>`);
    xml = xml.replace(after, `${after}<${prefix}definedNames>${elements}${close}`);
  }
  zip.file(part, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(xml, "utf8")]));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The two names a planner needs, as constants: the opening backlog and a weekly intake. */
export const TWO_NAMES = { OpeningBacklog: "1440", Intake: "25" };
