/**
 * Applies a host-neutral SheetSpec to an ExcelJS workbook: the headless twin of the Office.js
 * adapter, used by `npm run plan`. ExcelJS cannot write charts, so the charts come back in the
 * result and `xlsxCharts.ts` adds them to the saved file.
 */
import type ExcelJS from "exceljs";
import { MARGINS_INCHES, rowHeightsOf } from "../../sheets/page";
import {
  Block,
  Cell,
  CellStyle,
  ChartSpec,
  columnLetter,
  DATE_1904_OFFSET,
  isDate,
  isFormula,
  isText,
  parseCell,
  PrintSpec,
  SheetSpec,
  ValidationSpec,
} from "../../sheets/spec";
import { storedFormula } from "./formulas";

export interface ApplyResult {
  /** The sheet's final name: the spec's, or with " (2)" when a user's sheet already had it. */
  sheetName: string;
  /** True when an earlier sheet of the add-in (same marker table) was replaced. */
  replaced: boolean;
  /** Final table names, in spec order (suffixed when a user's table had the name). */
  tableNames: string[];
  /** The charts still to add to the saved file (see `addCharts`). */
  charts: ChartSpec[];
}

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

type Styler = (cell: ExcelJS.Cell) => void;

/** Fields ExcelJS 4.4 has at run time but leaves out of its typings. */
type SheetInternals = ExcelJS.Worksheet & { tables: Record<string, unknown>; orderNo: number };
const internals = (ws: ExcelJS.Worksheet): SheetInternals => ws as SheetInternals;

/** Names of the tables on a sheet, as loaded or added. */
export const tableNamesOf = (ws: ExcelJS.Worksheet): string[] => Object.keys(internals(ws).tables ?? {});

const THIN = { style: "thin" as const, color: { argb: "FF7F7F7F" } };

/**
 * The add-in's font, named on every styled cell: a font without a name is drawn in whatever the
 * reader picks (LibreOffice took a serif), and the builders measure text in Calibri.
 */
const FONT = { name: "Calibri", family: 2, size: 11 } as const;

/** One look per role; input cells stand out as the cells to type in (fill, border, blue text). */
const STYLES: Record<CellStyle, Styler> = {
  title: (c) => (c.font = { ...FONT, bold: true, size: 14 }),
  subtitle: (c) => (c.font = { ...FONT, bold: true, size: 12 }),
  label: (c) => (c.font = { ...FONT }),
  input: (c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    c.font = { ...FONT, bold: true, color: { argb: "FF1F4E79" } };
    c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  },
  header: (c) => {
    c.font = { ...FONT, bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
    c.border = { bottom: THIN };
    // Long column headers wrap instead of being cut off by the next column.
    c.alignment = { wrapText: true, vertical: "top" };
  },
  output: (c) => (c.font = { ...FONT, bold: true }),
  note: (c) => (c.font = { ...FONT, italic: true, color: { argb: "FF595959" } }),
  warning: (c) => {
    c.font = { ...FONT, bold: true, color: { argb: "FF9C0006" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  },
};

/** A conditional format's look: the warning's dark red on light red, as the "warning" style; green and blue for Voortgang's status. */
const CONDITIONAL_STYLE = {
  warning: {
    font: { bold: true, color: { argb: "FF9C0006" } },
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
  },
  muted: { font: { color: { argb: "FFBFBFBF" } } },
  good: {
    font: { bold: true, color: { argb: "FF006100" } },
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } },
  },
  ahead: {
    font: { bold: true, color: { argb: "FF1F4E79" } },
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFDDEBF7" } },
  },
} as const;

/**
 * Text as the package must hold it to come back unchanged. ExcelJS writes a string as a string
 * (never a formula, whatever it starts with), but puts a carriage return into the XML as is,
 * and every XML reader, Excel's included, turns that into a line feed. SpreadsheetML's own
 * escape `_x000D_` keeps it; a text that already looks like such an escape gets its underscore
 * escaped (`_x005F_`) so it is not decoded.
 */
export function packageText(value: string): string {
  return value.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
}

/** How the workbook being written counts dates. */
export interface DateSystemOptions {
  /** The workbook uses the 1904 date system (`<workbookPr date1904="1">`). */
  date1904?: boolean;
}

/**
 * A spec cell as an ExcelJS value. Text stays literal text even when it starts with "=", "+",
 * "-", "@", tab or CR: ExcelJS writes strings as strings, and only `{ formula }` objects become
 * formulas. A date becomes its serial in the workbook's own date system.
 */
export function toExcelValue(cell: Cell, options: DateSystemOptions = {}): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isDate(cell)) return toExcelValue(cell.date - (options.date1904 ? DATE_1904_OFFSET : 0));
  if (typeof cell === "number") {
    // ExcelJS would write "Infinity" or "NaN" into the package: a broken file, never a blank.
    if (!Number.isFinite(cell)) throw new Error(`cannot write ${cell} to a cell`);
    return cell;
  }
  if (typeof cell === "boolean") return cell;
  if (isText(cell)) return packageText(cell.text);
  if (isFormula(cell)) return { formula: storedFormula(cell.formula) } as ExcelJS.CellFormulaValue;
  throw new Error(`unknown cell: ${JSON.stringify(cell)}`);
}

/** The worksheet holding a table with this name, if any (Excel table names are case-insensitive). */
export function findSheetWithTable(workbook: ExcelJS.Workbook, table: string): ExcelJS.Worksheet | undefined {
  const wanted = table.toLowerCase();
  return workbook.worksheets.find((ws) => tableNamesOf(ws).some((name) => name.toLowerCase() === wanted));
}

function allTableNames(workbook: ExcelJS.Workbook, except?: ExcelJS.Worksheet): Set<string> {
  const names = new Set<string>();
  for (const ws of workbook.worksheets) {
    if (ws === except) continue;
    for (const name of tableNamesOf(ws)) names.add(name.toLowerCase());
  }
  return names;
}

/** "Prognose", "Prognose (2)", … ≤ 31 characters, not taken (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

function writeBlock(ws: ExcelJS.Worksheet, block: Block, options: DateSystemOptions): void {
  const start = parseCell(block.at);
  const style = block.style ? STYLES[block.style] : undefined;
  block.cells.forEach((line, r) => {
    line.forEach((value, c) => {
      const cell = ws.getCell(start.row + r + 1, start.column + c + 1);
      cell.value = toExcelValue(value, options);
      const format = Array.isArray(block.numberFormat) ? block.numberFormat[c] : block.numberFormat;
      if (format) cell.numFmt = format;
      if (style) style(cell);
    });
  });
}

/** Excel header/footer codes start with "&": a literal ampersand is written "&&". */
const headerText = (value: string): string => value.replace(/&/g, "&&");

/**
 * Header and footer as Excel's codes: the title left and the date made right in the header,
 * "pagina &P van &N" right in the footer. A digit right after a code would read as a font size
 * ("&12"), so each section starts with its letter code and text.
 */
export function headerFooterCodes(print: PrintSpec): { header: string; footer: string } {
  return {
    header: `&L${headerText(print.title)}&R${headerText(print.made)}`,
    footer: `&R${headerText(print.pageWords.page)} &P ${headerText(print.pageWords.of)} &N`,
  };
}

/** A4 landscape, one page wide, margins, header and footer, print area, titles and page breaks. */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    paperSize: 9, // A4 in the SpreadsheetML paper-size table
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0, // 0 = as many pages tall as needed
    margins: { ...MARGINS_INCHES },
    // ExcelJS writes "$" before the columns only ('S'!$A1:$O56), which LibreOffice does not take
    // as the print area: with "$" before the rows too the name is absolute, as Excel writes it.
    printArea: print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    ...(print.titleRows !== undefined && { printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}` }),
  } as ExcelJS.PageSetup;
  const codes = headerFooterCodes(print);
  ws.headerFooter = { oddHeader: codes.header, oddFooter: codes.footer } as ExcelJS.HeaderFooter;
  // A break "after" row n starts the next page at row n + 1; the break runs across every column.
  for (const row of print.breaksBefore ?? []) ws.getRow(row - 1).addPageBreak(0, 16384);
}

/** JS Date (UTC midnight) of a serial in the workbook's date system, as ExcelJS writes date bounds. */
function boundDate(serial: number, options: DateSystemOptions): Date {
  const shifted = serial - (options.date1904 ? DATE_1904_OFFSET : 0);
  return new Date(Date.UTC(1899, 11, 30) + shifted * 86_400_000);
}

/** Data validation on every cell of the range: type, bounds, a prompt and a refusal in words. */
function applyValidation(ws: ExcelJS.Worksheet, rule: ValidationSpec, options: DateSystemOptions): void {
  const bound = (value: number | string): string | Date =>
    typeof value === "string"
      ? storedFormula(value)
      : rule.kind === "date"
        ? boundDate(value, options)
        : String(value);
  const bounds = [rule.min, rule.max].filter((v): v is number | string => v !== undefined).map(bound);
  const operator = rule.min !== undefined && rule.max !== undefined ? "between" : rule.min !== undefined ? "greaterThanOrEqual" : "lessThanOrEqual";
  const [from, to = from] = rule.range.split(":") as [string, string?];
  const a = parseCell(from);
  const b = parseCell(to as string);
  // A drop-down of words: one quoted, comma-separated list (Excel's own form for a typed list).
  const list = rule.kind === "list" ? { formulae: [`"${(rule.list ?? []).join(",")}"`] } : { operator, formulae: bounds };
  for (let r = a.row; r <= b.row; r++) {
    for (let c = a.column; c <= b.column; c++) {
      ws.getCell(r + 1, c + 1).dataValidation = {
        type: rule.kind,
        allowBlank: rule.kind === "date",
        ...list,
        showInputMessage: true,
        promptTitle: rule.title,
        prompt: rule.prompt,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: rule.title,
        error: rule.error,
      } as ExcelJS.DataValidation;
    }
  }
}

/**
 * Writes `spec` as a new worksheet. An earlier sheet of the add-in (one holding the spec's marker
 * table) is replaced in place; a user's sheet with the same name is left alone and ours gets a
 * suffix. Charts are returned, not written.
 *
 * @example
 * const { charts, sheetName } = applySheetSpec(workbook, buildProjectionSheet(options), { date1904: false });
 */
export function applySheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec, options: DateSystemOptions = {}): ApplyResult {
  const previous = findSheetWithTable(workbook, spec.markerTable);
  let orderNo: number | undefined;
  if (previous) {
    orderNo = internals(previous).orderNo;
    workbook.removeWorksheet(previous.id);
  }
  const sheetName = uniqueSheetName(
    spec.name,
    workbook.worksheets.map((ws) => ws.name),
  );
  const ws = workbook.addWorksheet(sheetName);
  // Keep a replaced sheet where the planner had it.
  if (orderNo !== undefined) internals(ws).orderNo = orderNo;

  if (spec.columnWidths) {
    for (const [letter, width] of Object.entries(spec.columnWidths)) ws.getColumn(letter).width = width;
  }
  for (const block of spec.blocks) writeBlock(ws, block, options);
  // Neither Excel nor LibreOffice re-measures the rows of a file a program wrote.
  for (const [row, points] of Object.entries(rowHeightsOf(spec))) ws.getRow(Number(row)).height = points;

  const takenTables = allTableNames(workbook, ws);
  const tableNames: string[] = [];
  for (const table of spec.tables) {
    let name = table.name;
    for (let n = 2; takenTables.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
    takenTables.add(name.toLowerCase());
    tableNames.push(name);
    ws.addTable({
      name,
      ref: table.at,
      headerRow: true,
      style: {
        theme: (table.style ?? "TableStyleMedium2") as NonNullable<ExcelJS.TableStyleProperties["theme"]>,
        showRowStripes: true,
      },
      columns: table.columns.map((column) => ({ name: column.header, filterButton: false })),
      rows: table.rows.map((row) => row.map((cell) => toExcelValue(cell, options))),
    });
    const start = parseCell(table.at);
    const header = ws.getRow(start.row + 1);
    table.columns.forEach((column, c) => {
      const cell = header.getCell(start.column + c + 1);
      cell.font = { ...FONT, bold: true };
      // Long headers wrap (their row height is set above) instead of being cut off.
      cell.alignment = { wrapText: true, vertical: "top" };
      if (!column.numberFormat) return;
      for (let r = 0; r < table.rows.length; r++) {
        ws.getCell(start.row + 2 + r, start.column + c + 1).numFmt = column.numberFormat;
      }
    });
  }

  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    ws.views = [
      { state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: `${columnLetter(columns)}${rows + 1}`, activeCell: "A1" },
    ];
  }
  if (spec.print) applyPrint(ws, spec.print);
  for (const rule of spec.validations ?? []) applyValidation(ws, rule, options);
  spec.conditionalFormats?.forEach((format, i) => {
    ws.addConditionalFormatting({
      ref: format.range,
      rules: [
        { type: "expression", priority: i + 1, formulae: [storedFormula(format.formula)], style: CONDITIONAL_STYLE[format.style] },
      ],
    } as ExcelJS.ConditionalFormattingOptions);
  });
  // Formulas are written without cached results: ask every host to calculate on opening.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return { sheetName, replaced: previous !== undefined, tableNames, charts: spec.charts };
}
