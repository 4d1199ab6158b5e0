import JSZip from "jszip";
import { readSheetCells, cellKey } from "../../../../src/hosts/xlsx/package/cells";
import { openPackage } from "../../../../src/hosts/xlsx/package/opcPackage";
import { readWorkbookNames, readXlsxInputs } from "../../../../src/hosts/xlsx/package/readInputs";
import { makeRichWorkbook } from "../../../fixtures/richWorkbook";

describe("cell values straight from the sheet part", () => {
  const sheet =
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line </t></r><rPh sb="0" eb="1"><t>ph</t></rPh></is></c>` +
    `<c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2"><f>1+1</f></c>` +
    `<c r="G2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="H2" t="d"><v>2024-01-01</v></c><c r="I2" s="3"/></row>` +
    // A writer that leaves out r: the row and cell positions follow on.
    `<row><c><v>7</v></c><c t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells></worksheet>`;

  test("shared and inline strings, booleans, errors, cached results, formulas without a result, dates, positions by order", () => {
    const read = readSheetCells(sheet, ["nul", "een &amp; twee"]);
    const at = (r: number, c: number): unknown => read.cells.get(cellKey(r, c));
    expect(at(2, 1)).toEqual({ value: "een &amp; twee" });
    expect(at(2, 2)).toEqual({ value: "inline " });
    expect(at(2, 3)).toEqual({ value: true });
    expect(at(2, 4)).toEqual({ value: { error: "#DIV/0!" } });
    expect(at(2, 5)).toEqual({ value: 2 });
    expect(at(2, 6)).toEqual({ noResult: true });
    expect(at(2, 7)).toEqual({ value: "ab" });
    expect(at(2, 8)).toEqual({ value: new Date(Date.UTC(2024, 0, 1)) });
    expect(at(2, 9)).toEqual({ value: null });
    expect(at(3, 1)).toEqual({ value: 7 });
    expect(at(3, 2)).toEqual({ value: "nul" });
    expect(read.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 2 }]);
    expect([read.lastRow, read.lastColumn]).toEqual([3, 9]);
  });
});

describe("defined names and parts found through relationships", () => {
  test("workbook- and sheet-scoped names and constants, scope resolved to the sheet's name", async () => {
    const pkg = openPackage(await makeRichWorkbook());
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Invoer", "Draaitabel", "Lijst", "Verborgen", "Heel verborgen"]);
    expect(readWorkbookNames(pkg)).toContainEqual({ name: "Lokaal", scope: "Lijst", formula: "Lijst!$B$2" });
    expect(readWorkbookNames(pkg)).toContainEqual({ name: "Uplift", scope: undefined, formula: "0.1" });
  });

  test("the workbook part under a name of its own, found through _rels/.rels", async () => {
    const zip = await JSZip.loadAsync(await makeRichWorkbook());
    const rename = async (from: string, to: string): Promise<void> => {
      zip.file(to, await (zip.file(from) as JSZip.JSZipObject).async("nodebuffer"));
      zip.remove(from);
    };
    await rename("xl/workbook.xml", "xl/boek.xml");
    await rename("xl/_rels/workbook.xml.rels", "xl/_rels/boek.xml.rels");
    for (const part of ["_rels/.rels", "[Content_Types].xml"]) {
      zip.file(part, (await (zip.file(part) as JSZip.JSZipObject).async("string")).replace("xl/workbook.xml", "xl/boek.xml"));
    }
    const read = readXlsxInputs(await zip.generateAsync({ type: "nodebuffer" }));
    expect(read.ok && read.raw.opening).toEqual({ address: "Invoer!B3", values: [[1500]] });
  });

  test("a name on a missing sheet, and a formula name, are the same problems as before", async () => {
    const zip = await JSZip.loadAsync(await makeRichWorkbook());
    const xml = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
    zip.file("xl/workbook.xml", xml.replace("Invoer!$B$3", "Weg!$B$3"));
    expect(readXlsxInputs(await zip.generateAsync({ type: "nodebuffer" }))).toEqual({
      ok: false,
      problem: { code: "no-sheet", input: "opening", name: "OpeningBacklog", sheet: "Weg" },
    });
    zip.file("xl/workbook.xml", xml.replace("Invoer!$B$3", "SUM(Invoer!$B$3:$B$4)"));
    expect(readXlsxInputs(await zip.generateAsync({ type: "nodebuffer" }))).toMatchObject({ ok: false, problem: { code: "unsupported" } });
  });
});
