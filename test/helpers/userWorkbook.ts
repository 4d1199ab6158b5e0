/**
 * A workbook as a planner might really keep one: English input names, a formula and a shared
 * formula among the inputs, a constant name, a sheet-level name, merged cells, number formats,
 * data validation, a note, a hyperlink, rich text, an error value, a hidden sheet, a chart, and a
 * sheet of the user's own that happens to be called "Prognose". ExcelJS cannot write constant or
 * sheet-level names, so those are added to the package afterwards.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { definedNameXml } from "../../src/hosts/xlsx/definedNames";
import { excelDateSerial } from "../../src/sheets/spec";
import { addCharts } from "../../src/hosts/xlsx/charts";

export const USER_UPLIFT = 0.12;

export async function makeUserWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  const ws = wb.addWorksheet("Gegevens");
  ws.mergeCells("A1:D1");
  ws.getCell("A1").value = "Gegevens track 4";
  ws.getCell("A3").value = "Opening backlog";
  ws.getCell("B3").value = 1500;
  ws.getCell("B3").numFmt = "#,##0";
  ws.getCell("B3").dataValidation = {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [0],
    showErrorMessage: true,
  };
  ws.getCell("B3").note = "Stand 31 december";
  ws.getCell("A4").value = "First week";
  ws.getCell("B4").value = excelDateSerial(2024, 1, 1);
  ws.getCell("B4").numFmt = "dd-mm-yyyy";
  ws.getCell("A5").value = { richText: [{ text: "Bron: ", font: { bold: true } }, { text: "IND" }] };
  ws.getCell("A6").value = { text: "beslisnota", hyperlink: "https://example.org/beslisnota" };
  ws.getCell("B6").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellValue;
  ws.getCell("B7").value = "=geen formule"; // text that starts with "="
  ws.getCell("B8").value = true;
  // A literal percent sign: ExcelJS on its own would drop the backslash and show 1200%.
  ws.getCell("C3").value = 12;
  ws.getCell("C3").numFmt = "0\\%";
  ["Week", "Intake", "Capacity"].forEach((h, i) => (ws.getCell(9, i + 1).value = h));
  for (let w = 1; w <= 52; w++) {
    const r = 9 + w;
    ws.getCell(r, 1).value = w;
    // Every fourth week the intake is a formula on the week before: its cached result is read.
    ws.getCell(r, 2).value =
      w % 4 === 0 ? ({ formula: `B${r - 1}+2`, result: 20 + ((w - 1) % 7) + 2 } as ExcelJS.CellValue) : 20 + (w % 7);
    ws.getCell(r, 2).numFmt = "0";
  }
  // A shared formula (Excel writes these when a formula is filled down).
  ws.fillFormula("C10:C61", "32+0*A10", () => 32);
  ws.getCell("E10").value = { formula: "SUM(B10:B61)", result: 0 } as ExcelJS.CellValue;
  wb.definedNames.add("Gegevens!$B$3", "OpeningBacklog");
  wb.definedNames.add("Gegevens!$B$10:$B$61", "Intake");
  wb.definedNames.add("Gegevens!$C$10:$C$61", "Capacity");
  wb.definedNames.add("Gegevens!$B$4", "FirstWeek");

  const own = wb.addWorksheet("Prognose");
  own.getCell("A1").value = "Mijn eigen prognose, niet van de add-in";
  own.getCell("B2").value = { formula: "Gegevens!B3*2", result: 3000 } as ExcelJS.CellValue;
  const notes = wb.addWorksheet("Notities", { state: "hidden" });
  notes.getCell("A1").value = "Ünïcode – ‘quotes’ & <tags>";
  notes.getCell("A2").value = 0.1 + 0.2;

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  let xml = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
  const extra =
    definedNameXml("Uplift", String(USER_UPLIFT)) +
    definedNameXml("Lokaal", "Notities!$A$2", 2) +
    definedNameXml("Relatief", "Gegevens!B3") +
    definedNameXml("Som", "SUM(Gegevens!$B$10:$B$61)");
  xml = xml.replace("</definedNames>", `${extra}</definedNames>`);
  zip.file("xl/workbook.xml", xml);
  const named = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  // The planner's own chart of the intake, which ExcelJS alone would drop.
  return addCharts(named, [
    {
      sheetName: "Gegevens",
      charts: [
        {
          kind: "line",
          title: "Instroom",
          categories: "A10:A61",
          series: [{ name: "Intake", values: "B10:B61" }],
          at: "G3",
          widthColumns: 6,
          heightRows: 15,
        },
      ],
    },
  ]);
}
