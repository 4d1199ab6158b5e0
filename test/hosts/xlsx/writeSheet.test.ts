import ExcelJS from "exceljs";
import { applySheetSpec, tableNamesOf, toExcelValue, uniqueSheetName } from "../../../src/hosts/xlsx/writeSheet";
import { excelDateSerial, formula, SheetSpec, text } from "../../../src/sheets/spec";
import { buildWhatIfSheet } from "../../../src/sheets/whatIfSheet";
import { readPackage } from "../../helpers/xlsxPackage";

const spec = (overrides: Partial<SheetSpec> = {}): SheetSpec => ({
  name: "Prognose",
  markerTable: "VoorraadplannerTest",
  blocks: [
    { at: "A1", cells: [[text("Titel")]], style: "title" },
    { at: "A3", cells: [[text("=SUM(1,2)"), text("+31 6"), text("@home")]], style: "label" },
    { at: "B5", cells: [[1440], [0.1]], numberFormat: "0.0%", style: "input" },
    { at: "C5", cells: [[formula("=B5*2")], [true], [null]], numberFormat: ["#,##0"] },
  ],
  tables: [
    {
      name: "VoorraadplannerTest",
      at: "A8",
      columns: [
        { header: "Week", numberFormat: "0" },
        { header: "Voorraad", numberFormat: "#,##0.0" },
      ],
      rows: [
        [1, formula("=B5-10")],
        [2, formula("B9-10")],
      ],
    },
  ],
  charts: [],
  columnWidths: { A: 30 },
  print: {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    title: "Titel & datum",
    made: "gemaakt op 2024-01-15",
    pageWords: { page: "pagina", of: "van" },
    area: "A1:C10",
    titleRows: { first: 8, last: 8 },
    breaksBefore: [6],
  },
  freeze: { rows: 8, columns: 1 },
  validations: [{ range: "B5", kind: "whole", min: 1, max: 104, title: "Horizon", prompt: "1 tot 104 weken", error: "Typ 1 tot 104." }],
  conditionalFormats: [{ range: "C5", formula: "=C5>2", style: "warning" }],
  ...overrides,
});

async function roundTrip(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("applySheetSpec", () => {
  test("cells: numbers, booleans, formulas without '=', and text that only looks like a formula", async () => {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec());
    const pkg = await readPackage(await roundTrip(wb));
    const cells = pkg.sheet("Prognose").cells;
    expect(cells.get("B5")).toMatchObject({ type: "n", value: "1440", formula: undefined, numFmt: "0.0%" });
    expect(cells.get("C5")).toMatchObject({ formula: "B5*2", numFmt: "#,##0" });
    expect(cells.get("C6")).toMatchObject({ type: "b", value: "1" });
    // A text cell is never a formula, whatever it starts with.
    for (const [address, value] of [
      ["A3", "=SUM(1,2)"],
      ["B3", "+31 6"],
      ["C3", "@home"],
    ]) {
      expect(cells.get(address as string)).toMatchObject({ type: "s", value, formula: undefined });
    }
    expect(cells.get("B9")).toMatchObject({ formula: "B5-10", numFmt: "#,##0.0" });
    expect(cells.get("B10")).toMatchObject({ formula: "B9-10" });
    expect(cells.get("A8")).toMatchObject({ type: "s", value: "Week" });
  });

  test("input cells get a fill and a border that set them apart from labels and outputs", () => {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec());
    const ws = wb.getWorksheet("Prognose") as ExcelJS.Worksheet;
    const input = ws.getCell("B5");
    expect(input.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(input.border?.top?.style).toBe("thin");
    expect(ws.getCell("C5").fill).toBeUndefined();
  });

  test("print: landscape A4, one page wide, margins, the title and date in the header, 'pagina X van Y', area, titles, breaks", async () => {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec());
    const pkg = await readPackage(await roundTrip(wb));
    const xml = pkg.sheet("Prognose").xml;
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<col min="1" max="1" width="30"/);
    expect(xml).toContain('<pageMargins left="0.45" right="0.45" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    expect(xml).toContain("<oddHeader>&amp;LTitel &amp;&amp; datum&amp;Rgemaakt op 2024-01-15</oddHeader>");
    expect(xml).toContain("<oddFooter>&amp;Rpagina &amp;P van &amp;N</oddFooter>");
    // A break after row 5 starts the next page at row 6, across every column.
    expect(xml).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>');
    // The print area absolute in rows and columns (LibreOffice ignores ExcelJS's '$A1:$C10').
    const names = pkg.names.map((n) => `${n.name}=${n.formula}`);
    expect(names).toContain("_xlnm.Print_Area='Prognose'!$A$1:$C$10");
    expect(names).toContain("_xlnm.Print_Titles='Prognose'!$8:$8");
  });

  test("frozen panes, data validation with its messages, a conditional format; fonts named Calibri", async () => {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec());
    const xml = (await readPackage(await roundTrip(wb))).sheet("Prognose").xml;
    expect(xml).toContain('<pane xSplit="1" ySplit="8" topLeftCell="B9" activePane="bottomRight" state="frozen"/>');
    expect(xml).toMatch(
      /<dataValidation type="whole" showInputMessage="1" promptTitle="Horizon" prompt="1 tot 104 weken" showErrorMessage="1" errorStyle="stop" errorTitle="Horizon" error="Typ 1 tot 104\." sqref="B5"><formula1>1<\/formula1><formula2>104<\/formula2><\/dataValidation>/,
    );
    // A drop-down of words: one quoted list, no operator.
    const listed = new ExcelJS.Workbook();
    applySheetSpec(listed, spec({ validations: [{ range: "B6", kind: "list", list: ["nee", "ja"], title: "Nieuw?", prompt: "ja of nee", error: "Kies ja of nee." }] }));
    expect((await readPackage(await roundTrip(listed))).sheet("Prognose").xml).toContain(
      '<dataValidation type="list" showInputMessage="1" promptTitle="Nieuw?" prompt="ja of nee" showErrorMessage="1" errorStyle="stop" errorTitle="Nieuw?" error="Kies ja of nee." sqref="B6"><formula1>&quot;nee,ja&quot;</formula1></dataValidation>',
    );
    expect(xml).toMatch(/<conditionalFormatting sqref="C5"><cfRule type="expression" dxfId="\d+" priority="1"><formula>C5&gt;2<\/formula><\/cfRule><\/conditionalFormatting>/);
    const ws = wb.getWorksheet("Prognose") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").font).toMatchObject({ name: "Calibri", size: 14, bold: true });
    expect(ws.getCell("A3").font).toMatchObject({ name: "Calibri", size: 11 });
  });

  test("functions Excel stores with a prefix get _xlfn.; string literals are left alone", async () => {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec({ blocks: [{ at: "A1", cells: [[formula('=IF(B2="ISOWEEKNUM(","",ISOWEEKNUM(B2)&IFNA(C2,""))')]] }] }));
    const cells = (await readPackage(await roundTrip(wb))).sheet("Prognose").cells;
    expect(cells.get("A1")?.formula).toBe('IF(B2="ISOWEEKNUM(","",_xlfn.ISOWEEKNUM(B2)&_xlfn.IFNA(C2,""))');
  });

  test("a user's sheet with the same name is left alone; ours gets a suffix", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Prognose").getCell("A1").value = "van de gebruiker";
    const result = applySheetSpec(wb, spec());
    expect(result).toMatchObject({ sheetName: "Prognose (2)", replaced: false });
    expect(wb.getWorksheet("Prognose")?.getCell("A1").value).toBe("van de gebruiker");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });

  test("an earlier sheet of the add-in (same marker table) is replaced where it stood", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Eerst");
    applySheetSpec(wb, spec({ blocks: [{ at: "A1", cells: [[1]] }] }));
    wb.addWorksheet("Daarna");
    const result = applySheetSpec(wb, spec({ blocks: [{ at: "A1", cells: [[2]] }] }));
    expect(result).toMatchObject({ sheetName: "Prognose", replaced: true });
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Eerst", "Prognose", "Daarna"]);
    expect(wb.getWorksheet("Prognose")?.getCell("A1").value).toBe(2);
  });

  test("a user's table with our table's name makes ours take a suffix, not an invalid duplicate", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Gebruiker").addTable({
      name: "VoorraadplannerWhatIfWeken_20240115",
      ref: "A1",
      columns: [{ name: "x" }],
      rows: [[1]],
    });
    const whatIf = buildWhatIfSheet({
      inputs: { opening: 1440, intake: 25, uplift: 0.1, target: 0 },
      language: "nl",
      createdOn: excelDateSerial(2024, 1, 15),
    });
    const result = applySheetSpec(wb, whatIf);
    expect(result.tableNames).toEqual(["VoorraadplannerWhatIf_20240115", "VoorraadplannerWhatIfWeken_20240115_2"]);
    expect(tableNamesOf(wb.getWorksheet(result.sheetName) as ExcelJS.Worksheet).sort()).toEqual(
      [...result.tableNames].sort(),
    );
    expect(result.charts).toBe(whatIf.charts);
  });

  test("toExcelValue maps every kind of spec cell", () => {
    expect(toExcelValue(null)).toBeNull();
    expect(toExcelValue(3)).toBe(3);
    expect(toExcelValue(false)).toBe(false);
    expect(toExcelValue(text("=1"))).toBe("=1");
    expect(toExcelValue(formula("=MAX(0,1)"))).toEqual({ formula: "MAX(0,1)" });
  });

  test("asks the host to recalculate on opening (formulas carry no cached results)", async () => {
    const wb = new ExcelJS.Workbook();
    applySheetSpec(wb, spec());
    const pkg = await readPackage(await roundTrip(wb));
    expect(await pkg.zip.file("xl/workbook.xml")?.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe("header rows", () => {
  test("long headers wrap, and their row is made tall enough for their lines; short ones keep the default height", () => {
    const wb = new ExcelJS.Workbook();
    const { sheetName } = applySheetSpec(
      wb,
      spec({
        columnWidths: { A: 10, B: 40 },
        blocks: [
          { at: "A1", cells: [[text("Opvolgend: voorraad zonder verschuiving"), text("Kort")]], style: "header" },
          { at: "A3", cells: [[text("Week"), text("Voorraad")]], style: "header" },
        ],
      }),
    );
    const ws = wb.getWorksheet(sheetName) as ExcelJS.Worksheet;
    expect(ws.getCell("A1").alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(60);
    expect(ws.getRow(3).height).toBeUndefined();
  });
});
