/**
 * Puts back the charts of the user's own sheets. ExcelJS 4.4 reads no charts, so a sheet's
 * drawing with charts would vanish from the output. When ExcelJS wrote no drawing of its own for
 * that sheet, we copy the original drawing part and everything it points to (charts, their style
 * and colour parts, pictures) into the output under free part names, and link it to the sheet.
 * A sheet whose drawing ExcelJS did rewrite (it keeps pictures) is left as ExcelJS wrote it.
 */
import JSZip from "jszip";
import {
  addRelationship,
  attributes,
  insertDrawing,
  readText,
  resolveTarget,
  sheetPartPaths,
} from "./charts";

const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const folderOf = (part: string): string => part.slice(0, part.lastIndexOf("/"));
const relsOf = (part: string): string => `${folderOf(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** Relative target from a folder to a part: ("xl/drawings", "xl/charts/chart3.xml") → "../charts/chart3.xml". */
function relativeTarget(fromFolder: string, to: string): string {
  const from = fromFolder.split("/").filter(Boolean);
  const target = to.split("/");
  let common = 0;
  while (common < from.length && from[common] === target[common]) common++;
  return [...new Array<string>(from.length - common).fill(".."), ...target.slice(common)].join("/");
}

/** "xl/charts/chart1.xml" → the first of chart1.xml, chart2.xml, … not in the output or claimed. */
function freePartName(zip: JSZip, part: string, claimed: Set<string>): string {
  if (!zip.file(part) && !claimed.has(part)) return part;
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
  const stem = m?.[1] ?? part;
  const ext = m?.[3] ?? "";
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n}${ext}`;
    if (!zip.file(candidate) && !claimed.has(candidate)) return candidate;
  }
}

interface ContentTypes {
  overrides: Map<string, string>;
  defaults: Map<string, string>;
}

function readContentTypes(xml: string): ContentTypes {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of xml.matchAll(/<Override\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a["PartName"] && a["ContentType"]) overrides.set(a["PartName"].replace(/^\//, ""), a["ContentType"]);
  }
  for (const m of xml.matchAll(/<Default\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a["Extension"] && a["ContentType"]) defaults.set(a["Extension"].toLowerCase(), a["ContentType"]);
  }
  return { overrides, defaults };
}

/**
 * Copies each original sheet's drawing (and its charts) into the output when ExcelJS dropped it.
 * Returns the new package and the names of the sheets whose drawing was restored.
 */
export async function restoreDrawings(
  output: Uint8Array | ArrayBuffer,
  original: Uint8Array | ArrayBuffer,
  /** Sheets the add-in wrote or replaced: their old drawings must not come back. */
  skip: readonly string[] = [],
): Promise<{ xlsx: Buffer; restored: string[] }> {
  const source = await JSZip.loadAsync(original);
  const zip = await JSZip.loadAsync(output);
  const sourceSheets = await sheetPartPaths(source);
  const outputSheets = await sheetPartPaths(zip);
  const sourceTypes = readContentTypes((await readText(source, "[Content_Types].xml")) ?? "");
  let contentTypes = (await readText(zip, "[Content_Types].xml")) as string;
  const outputTypes = readContentTypes(contentTypes);
  const restored: string[] = [];
  const claimed = new Set<string>();

  for (const [sheetName, sourcePath] of sourceSheets) {
    const outputPath = outputSheets.get(sheetName);
    if (!outputPath || skip.includes(sheetName)) continue;
    const sourceXml = (await readText(source, sourcePath)) ?? "";
    const drawingTag = /<drawing\b[^>]*>/.exec(sourceXml)?.[0];
    if (!drawingTag) continue;
    let outputXml = (await readText(zip, outputPath)) as string;
    if (/<drawing\b/.test(outputXml)) continue; // ExcelJS kept this sheet's drawing (pictures)
    const relId = attributes(drawingTag)["r:id"];
    const sheetRels = (await readText(source, relsOf(sourcePath))) ?? "";
    const rel = [...sheetRels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => attributes(m[0]))
      .find((a) => a["Id"] === relId);
    if (!rel?.["Target"]) continue;

    // Copy the drawing and everything it reaches, renaming parts that the output already uses.
    const renamed = new Map<string, string>();
    const copy = async (part: string): Promise<string> => {
      const known = renamed.get(part);
      if (known) return known;
      const file = source.file(part);
      if (!file) throw new Error(`the original workbook refers to a missing part ${part}`);
      const target = freePartName(zip, part, claimed);
      claimed.add(target);
      renamed.set(part, target);
      const rels = await readText(source, relsOf(part));
      if (rels !== undefined) {
        let rewritten = rels;
        for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
          const a = attributes(m[0]);
          if (a["TargetMode"] === "External" || !a["Target"]) continue;
          const copied = await copy(resolveTarget(folderOf(part), a["Target"]));
          const newTag = m[0].replace(
            /\bTarget\s*=\s*("[^"]*"|'[^']*')/,
            `Target="${relativeTarget(folderOf(target), copied)}"`,
          );
          rewritten = rewritten.replace(m[0], newTag);
        }
        zip.file(relsOf(target), rewritten);
      }
      zip.file(target, await file.async("uint8array"));
      const override = sourceTypes.overrides.get(part);
      if (override)
        contentTypes = contentTypes.replace(
          "</Types>",
          `<Override PartName="/${target}" ContentType="${override}"/></Types>`,
        );
      const ext = (target.split(".").pop() ?? "").toLowerCase();
      const fallback = sourceTypes.defaults.get(ext);
      if (!override && fallback && !outputTypes.defaults.has(ext)) {
        contentTypes = contentTypes.replace(
          "</Types>",
          `<Default Extension="${ext}" ContentType="${fallback}"/></Types>`,
        );
        outputTypes.defaults.set(ext, fallback);
      }
      return target;
    };
    const drawing = await copy(resolveTarget(folderOf(sourcePath), rel["Target"]));
    const outputRelsPath = relsOf(outputPath);
    const added = addRelationship(
      await readText(zip, outputRelsPath),
      DRAWING_REL,
      relativeTarget(folderOf(outputPath), drawing),
    );
    zip.file(outputRelsPath, added.xml);
    outputXml = insertDrawing(outputXml, added.id);
    zip.file(outputPath, outputXml);
    restored.push(sheetName);
  }
  zip.file("[Content_Types].xml", contentTypes);
  return { xlsx: await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }), restored };
}
