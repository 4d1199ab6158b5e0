/**
 * The schema helper itself (markup compatibility as a consumer, the one allowed gap) and the
 * files the CLI writes, checked as a file on disk.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../../cli/planHelpers";
import { applyMarkupCompatibility, checkPackageLinks, validatePackage } from "../../../helpers/ooxmlSchema";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

test("markup compatibility: ignorable namespaces dropped, AlternateContent resolved to its Fallback", () => {
  const xml =
    `<worksheet xmlns="${MAIN}" xmlns:mc="${MC}" xmlns:x14ac="urn:x14ac" mc:Ignorable="x14ac">` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><x14ac:extra><x14ac:inner/></x14ac:extra>` +
    `<mc:AlternateContent><mc:Choice Requires="x14ac"><sheetData x14ac:new="1"/></mc:Choice><mc:Fallback><sheetData/></mc:Fallback></mc:AlternateContent></worksheet>`;
  expect(applyMarkupCompatibility(xml)).toBe(
    `<worksheet xmlns="${MAIN}" xmlns:mc="${MC}" xmlns:x14ac="urn:x14ac"><sheetFormatPr defaultRowHeight="15"/><sheetData/></worksheet>`,
  );
});

async function packageOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/sst.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: "nodebuffer" });
}

test("xml:space is allowed on <t> of the shared strings, and nowhere else", async () => {
  const t = `<t xml:space="preserve"> a </t>`;
  const ok = await validatePackage(await packageOf({ "sst.xml": `<sst xmlns="${MAIN}"><si>${t}</si></sst>` }));
  expect(ok.errors).toEqual([]);
  const inline = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>${t}</is></c></row></sheetData></worksheet>`;
  const bad = await validatePackage(await packageOf({ "sheet.xml": inline }));
  expect(bad.errors).toEqual([expect.stringMatching(/^sheet\.xml: .*\{http:\/\/www\.w3\.org\/XML\/1998\/namespace\}space/)]);
});

test("a relationship to a missing part and a part without a content type are reported", async () => {
  const bytes = await packageOf({
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="xl/nothing.xml"/></Relationships>`,
    "image.png": "x",
  });
  expect(await checkPackageLinks(bytes)).toEqual([
    "_rels/.rels: xl/nothing.xml does not exist",
    "_rels/.rels has no content type", // this package lacks <Default Extension="rels">
    "image.png has no content type",
  ]);
});

test("the CLI's output file, in both languages, validates and links up", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-schema-"));
  try {
    for (const lang of ["nl", "en"]) {
      const run = await runCli(dir, ["--out", `plan-${lang}.xlsx`, "--lang", lang, "--date", "2024-01-15"]);
      expect(run.code).toBe(0);
      const bytes = fs.readFileSync(path.join(dir, `plan-${lang}.xlsx`));
      expect((await validatePackage(bytes)).errors).toEqual([]);
      expect(await checkPackageLinks(bytes)).toEqual([]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
