/**
 * The input workbook `npm run plan` reads when given no file: an "Invoer" sheet with the memo's
 * figures and workbook-scoped defined names. Also makes longer workbooks for the benchmark and
 * tests. Plain numbers only: a formula's cached result would have to be computed here too.
 */
import ExcelJS from "exceljs";
import { SAMPLE_NAMES } from "../plan/settings";
import { MARGINS_INCHES } from "../sheets/page";
import { SAMPLE_ACTUALS_2024, SAMPLE_ACTUALS_TEXT } from "../sheets/sampleActuals";
import { excelDateSerial } from "../sheets/spec";
import { addSampleHistory } from "./sampleHistory";

/** Calibri on every styled cell, as the add-in writes its own: LibreOffice draws a nameless font as a serif. */
const FONT = { name: "Calibri", family: 2, size: 11 } as const;

export interface SampleWorkbookOptions {
  /** Weeks of intake and capacity; the memo's year is 52. */
  weeks?: number;
  opening?: number;
  /** Intake for week w (1-based); default the memo's 25 a week. */
  intake?: (week: number) => number;
  /** Decisions a year, spread evenly over the weeks; default the memo's 2024 plan, 1600. */
  decisionsPerYear?: number;
  uplift?: number;
  /** Excel serial of the first week's Monday; default 2024-01-01. */
  firstWeek?: number;
  /** "nl" defines the Dutch names (Beginvoorraad, …), "en" the English ones. */
  names?: "nl" | "en";
  /** Adds the invented actuals for the first weeks of 2024 (the monitoring sheet); default true for 52 weeks. */
  actuals?: boolean;
  /**
   * Adds the constructed intake history 2021–2023 on its own sheet (src/cli/sampleHistory.ts),
   * whose forecast the sheets show beside the memo's 25 a week; default true for 52 weeks.
   */
  history?: boolean;
}

/** The rows where the weekly table starts (header) and its first week, 1-based. */
export const SAMPLE_TABLE_HEADER_ROW = 9;

/** Builds the sample workbook in memory. */
export function makeSampleWorkbook(options: SampleWorkbookOptions = {}): ExcelJS.Workbook {
  const weeks = options.weeks ?? 52;
  const opening = options.opening ?? 1440;
  const intake = options.intake ?? (() => 25);
  const perYear = options.decisionsPerYear ?? 1600;
  const uplift = options.uplift ?? 0.1;
  const firstWeek = options.firstWeek ?? excelDateSerial(2024, 1, 1);
  const dutch = (options.names ?? "nl") === "nl";

  const wb = new ExcelJS.Workbook();
  // Fixed dates keep the generated file the same from run to run.
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  wb.creator = "Voorraadplanner";
  const ws = wb.addWorksheet("Invoer");
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 12;
  ws.getColumn(4).width = 12;
  ws.getCell("A1").value = "Invoer voor de Voorraadplanner (cijfers uit de beslisnota, 2024)";
  ws.getCell("A1").font = { ...FONT, bold: true, size: 14 };
  // The sample's mark: the sheets made from it flag its invented actuals and example setting.
  ws.getCell("A2").value = dutch
    ? "Voorbeeldwerkmap: plan en beginvoorraad komen uit de nota; de gerealiseerde cijfers en het aandeel spoor 2 zijn verzonnen. Gebruikt u eigen cijfers, verwijder dan de naam Voorbeeldwerkmap."
    : "Sample workbook: the plan and opening backlog come from the memo; the actuals and track 2's share are invented. With your own figures, delete the name SampleWorkbook.";
  ws.getCell("A2").font = { ...FONT, italic: true, color: { argb: "FFC00000" } };
  wb.definedNames.add("Invoer!$A$2", dutch ? SAMPLE_NAMES[1] : SAMPLE_NAMES[0]);
  const fields: [string, number, string][] = [
    ["Beginvoorraad (eind december 2023)", opening, "#,##0"],
    ["Opslag planningsregel", uplift, "0%"],
    ["Eerste week (maandag)", firstWeek, "yyyy-mm-dd"],
    ["Plan: afdoeningen per jaar", perYear, "#,##0"],
  ];
  fields.forEach(([label, value, format], i) => {
    ws.getCell(3 + i, 1).value = label;
    const cell = ws.getCell(3 + i, 2);
    cell.value = value;
    cell.numFmt = format;
  });
  const header = ws.getRow(SAMPLE_TABLE_HEADER_ROW);
  ["Week", "Beginweek", "Instroom", "Capaciteit"].forEach((h, i) => {
    header.getCell(i + 1).value = h;
    header.getCell(i + 1).font = { ...FONT, bold: true };
  });
  const first = SAMPLE_TABLE_HEADER_ROW + 1;
  for (let w = 1; w <= weeks; w++) {
    const row = ws.getRow(first + w - 1);
    row.getCell(1).value = w;
    row.getCell(2).value = firstWeek + 7 * (w - 1);
    row.getCell(2).numFmt = "yyyy-mm-dd";
    row.getCell(3).value = intake(w);
    row.getCell(4).value = perYear / 52;
    row.getCell(4).numFmt = "0.00";
  }
  const last = first + weeks - 1;
  const names = dutch
    ? {
        opening: "Beginvoorraad",
        uplift: "Opslag",
        firstWeek: "EersteWeek",
        intake: "Instroom",
        capacity: "Capaciteit",
      }
    : { opening: "OpeningBacklog", uplift: "Uplift", firstWeek: "FirstWeek", intake: "Intake", capacity: "Capacity" };
  wb.definedNames.add("Invoer!$B$3", names.opening);
  wb.definedNames.add("Invoer!$B$4", names.uplift);
  wb.definedNames.add("Invoer!$B$5", names.firstWeek);
  wb.definedNames.add(`Invoer!$C$${first}:$C$${last}`, names.intake);
  wb.definedNames.add(`Invoer!$D$${first}:$D$${last}`, names.capacity);
  addSettings(ws, wb, dutch);
  addPlanSettings(ws, wb, dutch);
  if (options.actuals ?? weeks === 52) addActuals(ws, wb, dutch);
  if (options.history ?? weeks === 52) addSampleHistory(wb, dutch ? "nl" : "en");
  setUpPrint(ws, last, dutch);
  return wb;
}

/** A4 landscape, one page wide, the weekly table's header repeated: two pages for 52 weeks. */
function setUpPrint(ws: ExcelJS.Worksheet, lastRow: number, dutch: boolean): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...MARGINS_INCHES },
    // "$" before the rows too: LibreOffice does not take ExcelJS's 'Invoer'!$A1:$K61 as the print area.
    printArea: `A$1:K$${lastRow}`,
    printTitlesRow: `${SAMPLE_TABLE_HEADER_ROW}:${SAMPLE_TABLE_HEADER_ROW}`,
  } as ExcelJS.PageSetup;
  ws.headerFooter = {
    oddHeader: `&LInvoer voor de Voorraadplanner&R${dutch ? "voorbeeldwerkmap" : "sample workbook"}`,
    oddFooter: `&R${dutch ? "pagina &P van &N" : "page &P of &N"}`,
  } as ExcelJS.HeaderFooter;
}

/**
 * The invented actuals for the first 12 weeks of 2024 beside the plan's weekly table, clearly
 * labelled as not IND data, with the names `npm run plan` and the pane read for the monitoring
 * sheet (GerealiseerdeInstroom, GerealiseerdeAfdoeningen, GerealiseerdeVoorraad).
 */
function addActuals(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, dutch: boolean): void {
  const { intake, decisions, backlog } = SAMPLE_ACTUALS_2024;
  // Two lines, so the label stays above its three columns.
  SAMPLE_ACTUALS_TEXT[dutch ? "nl" : "en"].forEach((line, i) => {
    const cell = ws.getCell(SAMPLE_TABLE_HEADER_ROW - 2 + i, 9);
    cell.value = line;
    cell.font = { ...FONT, bold: true, color: { argb: "FFC00000" } };
  });
  const headers = dutch
    ? ["Instroom gerealiseerd", "Afdoeningen gerealiseerd", "Voorraad geteld"]
    : ["Actual intake", "Actual decisions", "Counted backlog"];
  const columns = [intake, decisions, backlog];
  const first = SAMPLE_TABLE_HEADER_ROW + 1;
  ws.getColumn(8).width = 3;
  ws.getRow(SAMPLE_TABLE_HEADER_ROW).height = 30;
  headers.forEach((header, i) => {
    const column = 9 + i;
    ws.getColumn(column).width = 13;
    ws.getCell(SAMPLE_TABLE_HEADER_ROW, column).value = header;
    ws.getCell(SAMPLE_TABLE_HEADER_ROW, column).font = { ...FONT, bold: true };
    ws.getCell(SAMPLE_TABLE_HEADER_ROW, column).alignment = { wrapText: true, vertical: "bottom" };
    (columns[i] as number[]).forEach((value, w) => (ws.getCell(first + w, column).value = value));
  });
  const last = first + intake.length - 1;
  const names = dutch
    ? ["GerealiseerdeInstroom", "GerealiseerdeAfdoeningen", "GerealiseerdeVoorraad"]
    : ["ActualIntake", "ActualDecisions", "ActualBacklog"];
  ["I", "J", "K"].forEach((letter, i) => wb.definedNames.add(`Invoer!$${letter}$${first}:$${letter}$${last}`, names[i] as string));
}

/**
 * The one setting the memo does not give, so that `npm run plan -- --tracks` runs on the sample:
 * track 2's share of intake, a clearly labelled example value. The sections stay off unless asked.
 */
function addSettings(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, dutch: boolean): void {
  ws.getColumn(6).width = 30;
  ws.getCell("F3").value = dutch ? "Voorbeeldinstelling voor de sporen" : "Example setting for the tracks";
  ws.getCell("F3").font = { ...FONT, bold: true };
  ws.getCell("F4").value = dutch ? "Aandeel spoor 2 (veilige landen)" : "Track 2's share (safe countries)";
  ws.getCell("F5").value = dutch ? "voorbeeldwaarde, niet uit de nota" : "an example value, not from the memo";
  ws.getCell("F5").font = { ...FONT, italic: true, color: { argb: "FFC00000" } };
  ws.getCell("G4").value = 0.2;
  ws.getCell("G4").numFmt = "0%";
  wb.definedNames.add("Invoer!$G$4", dutch ? "AandeelSpoor2" : "SafeShare");
}

/**
 * The target and the decisions per fte-week (issue 23), each labelled for what it is: the memo's
 * "ongeveer 1100" is 1600 decisions at 25 a week (1140) rounded, and it expects triage to take the
 * backlog lower; 1.5 decisions per fte-week is an example, not a figure from the memo.
 */
function addPlanSettings(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, dutch: boolean): void {
  const rows: [string, number, string, string, string][] = dutch
    ? [
        ["Doelvoorraad (eind 2024)", 1100, "#,##0", "Doelvoorraad", "nota: 'ongeveer 1100' (1600 bij 25/week: 1140, afgerond)"],
        ["Beslissingen per fte per week", 1.5, "0.0", "BeslissingenPerFteWeek", "voorbeeldcijfer, niet uit de nota"],
      ]
    : [
        ["Target backlog (end of 2024)", 1100, "#,##0", "TargetBacklog", "memo: 'about 1100' (1600 at 25/week: 1140, rounded)"],
        ["Decisions per fte per week", 1.5, "0.0", "DecisionsPerFteWeek", "an example figure, not from the memo"],
      ];
  rows.forEach(([label, value, format, name, note], i) => {
    const row = 7 + i;
    ws.getCell(row, 1).value = label;
    const cell = ws.getCell(row, 2);
    cell.value = value;
    cell.numFmt = format;
    ws.getCell(row, 3).value = note;
    ws.getCell(row, 3).font = { ...FONT, italic: true, color: { argb: "FFC00000" } };
    wb.definedNames.add(`Invoer!$B$${row}`, name);
  });
}

/** Writes the sample workbook to `file`. */
export async function writeSampleWorkbook(file: string, options: SampleWorkbookOptions = {}): Promise<void> {
  await makeSampleWorkbook(options).xlsx.writeFile(file);
}
