import { attributes, escapeXml, insertChild, rootChildren, unescapeXml, WORKSHEET_ORDER } from "../../../../src/hosts/xlsx/package/xml";
import { insertDrawing } from "../../../../src/hosts/xlsx/charts";
import { validatePackage } from "../../../helpers/ooxmlSchema";
import JSZip from "jszip";

describe("one XML unescape", () => {
  test("named entities and decimal and hexadecimal character references, in one pass", () => {
    expect(unescapeXml("A&amp;B &lt;x&gt; &quot;q&quot; &apos;a&apos; &#233;&#x20AC;&#X41;")).toBe("A&B <x> \"q\" 'a' é€&#X41;");
    expect(unescapeXml("&amp;lt; stays &lt;")).toBe("&lt; stays <");
    expect(unescapeXml(escapeXml("Ünïcode – ‘quotes’ & <tags>"))).toBe("Ünïcode – ‘quotes’ & <tags>");
    expect(attributes(`<definedName name="Caf&#233;" localSheetId='2'>`)).toEqual({ name: "Café", localSheetId: "2" });
  });
});

describe("elements are inserted as direct children of the root, in the schema's order", () => {
  // A conditional format's own <extLst> comes before the sheet's <tableParts>: text search for
  // "<extLst" would put the drawing inside <conditionalFormatting>.
  const sheet =
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetData/><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1" operator="greaterThan" dxfId="0"><formula>1</formula></cfRule>` +
    `<extLst><ext uri="{x}"><!-- <tableParts> in a comment --><v:id xmlns:v="urn:example"/></ext></extLst></conditionalFormatting>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst><ext uri="{y}"><v:id xmlns:v="urn:example"/></ext></extLst></worksheet>`;

  test("the root's children are found by depth, not by text", () => {
    expect(rootChildren(sheet).children.map((c) => c.name)).toEqual([
      "sheetData", "conditionalFormatting", "pageMargins", "tableParts", "extLst",
    ]);
  });

  test("<drawing> lands after <pageMargins> and before <tableParts>, and the sheet validates", async () => {
    const xml = insertDrawing(sheet, "rId2");
    expect(xml).toContain(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId2"/><tableParts`);
    expect(xml.indexOf("<drawing")).toBeGreaterThan(xml.indexOf("</conditionalFormatting>"));
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`);
    zip.file("sheet.xml", xml);
    expect((await validatePackage(await zip.generateAsync({ type: "nodebuffer" }))).errors).toEqual([]);
  });

  test("a prefixed worksheet gets a prefixed drawing; a root without xmlns:r gets a local declaration", () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></x:worksheet>`;
    expect(insertDrawing(prefixed, "rId1")).toContain(
      `<x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><x:drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></x:worksheet>`,
    );
    expect(() => insertChild("<a/>", "drawing", "<drawing/>", WORKSHEET_ORDER)).toThrow(/self-closing/);
  });
});
