/**
 * Date cells in the workbook's own date system. A spec's date is a 1900-system serial; in a
 * workbook with `<workbookPr date1904="1"/>` (Excel for Mac's old default, still written by Excel
 * and LibreOffice) the same day is 1462 smaller. LibreOffice, which honours the flag, reads the
 * written dates back as calendar days.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { writeXlsxSheets } from "../../../../src/hosts/xlsx";
import { openPackage } from "../../../../src/hosts/xlsx/package/opcPackage";
import { usesDate1904 } from "../../../../src/hosts/xlsx/package/workbookPart";
import { date, excelDateSerial, formula, SheetSpec, text } from "../../../../src/sheets/spec";
import { makeOpenpyxlWorkbook } from "../../../fixtures/openpyxlWorkbook";
import { convert, CSV_ALL_SHEETS, csvCell, readSheetCsv } from "../../../helpers/libreoffice";

const NEW_YEAR_2024 = excelDateSerial(2024, 1, 1);

/** One date cell and a formula that spells out the day it holds, as yyyymmdd. */
const SPEC: SheetSpec = {
  name: "Datums",
  markerTable: "DatumsMarker",
  blocks: [
    { at: "A1", cells: [[text("Eerste week"), date(NEW_YEAR_2024), formula("=YEAR(B1)*10000+MONTH(B1)*100+DAY(B1)")]] },
  ],
  tables: [{ name: "DatumsMarker", at: "A3", columns: [{ header: "Week" }, { header: "Begin", numberFormat: "yyyy-mm-dd" }], rows: [[1, date(NEW_YEAR_2024 + 7)]] }],
  charts: [],
};

/** The openpyxl-style workbook with its `<workbookPr/>` flag set as a writer spells it. */
async function workbookWithFlag(flag: string | undefined): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await makeOpenpyxlWorkbook());
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  zip.file("xl/workbook.xml", xml.replace("<workbookPr/>", flag === undefined ? "<workbookPr/>" : `<workbookPr date1904="${flag}"/>`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("date cells in the workbook's own date system", () => {
  test.each([
    [undefined, false],
    ["0", false],
    ["false", false],
    ["1", true],
    ["true", true],
  ])("date1904=%p is read as the 1904 system: %p", async (flag, expected) => {
    expect(usesDate1904(openPackage(await workbookWithFlag(flag)))).toBe(expected);
  });

  test.each([
    ["1900", undefined, NEW_YEAR_2024],
    ["1904", "1", NEW_YEAR_2024 - 1462],
  ])("a %s workbook gets the serial of its own system", async (_, flag, serial) => {
    const written = openPackage((await writeXlsxSheets(await workbookWithFlag(flag), [SPEC])).bytes);
    const part = written.sheets.find((s) => s.name === "Datums")?.part ?? "";
    const value = (address: string): string | undefined =>
      new RegExp(`<c r="${address}"[^>]*><v>([^<]*)</v>`).exec(written.text(part))?.[1];
    expect(value("B1")).toBe(String(serial));
    expect(value("B4")).toBe(String(serial + 7));
  });

  test("LibreOffice reads the same calendar day in a 1900 and in a 1904 workbook", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "date-system-"));
    const files = await Promise.all(
      [undefined, "true"].map(async (flag, i) => {
        const file = path.join(dir, `wb${i}.xlsx`);
        fs.writeFileSync(file, (await writeXlsxSheets(await workbookWithFlag(flag), [SPEC])).bytes);
        return file;
      }),
    );
    const out = await convert(files, CSV_ALL_SHEETS, path.join(dir, "csv"));
    for (const file of files) expect(csvCell(readSheetCsv(out, file, "Datums"), "C1")).toBe("20240101");
  });
});
