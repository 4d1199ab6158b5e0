/**
 * Applies a host-neutral SheetSpec to an ExcelJS workbook: the headless twin of the Office.js
 * adapter, used by `npm run plan`. ExcelJS cannot write charts, so the charts come back in the
 * result and `xlsxCharts.ts` adds them to the saved file.
 */
import type ExcelJS from "exceljs";
import {
  Block,
  Cell,
  CellStyle,
  ChartSpec,
  DATE_1904_OFFSET,
  isDate,
  isFormula,
  isText,
  parseCell,
  SheetSpec,
} from "../../sheets/spec";

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

/** One look per role; input cells stand out as the cells to type in (fill, border, blue text). */
const STYLES: Record<CellStyle, Styler> = {
  title: (c) => (c.font = { bold: true, size: 14 }),
  subtitle: (c) => (c.font = { bold: true, size: 12 }),
  label: () => undefined,
  input: (c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
    c.font = { bold: true, color: { argb: "FF1F4E79" } };
    c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  },
  header: (c) => {
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
    c.border = { bottom: THIN };
    // Long column headers wrap instead of being cut off by the next column.
    c.alignment = { wrapText: true, vertical: "top" };
  },
  output: (c) => (c.font = { bold: true }),
  note: (c) => (c.font = { italic: true, color: { argb: "FF595959" } }),
  warning: (c) => {
    c.font = { bold: true, color: { argb: "FF9C0006" } };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  },
};

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
  if (isFormula(cell)) return { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
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
    if (block.style === "header") fitHeaderRow(ws, start.row + r + 1, start.column + 1, line);
  });
}

/**
 * Wrapped header text needs a taller row: neither Excel nor LibreOffice re-measures row heights
 * of a file written by a library, so the height is set from the text and the column widths.
 */
function fitHeaderRow(ws: ExcelJS.Worksheet, row: number, firstColumn: number, line: Cell[]): void {
  let lines = 1;
  line.forEach((value, c) => {
    if (!isText(value)) return;
    const width = ws.getColumn(firstColumn + c).width ?? 8.43;
    // Bold text runs wider than the column's character count: allow for it.
    lines = Math.max(lines, Math.ceil(value.text.length / Math.max(1, width * 0.8)));
  });
  if (lines > 1) ws.getRow(row).height = 15 * Math.min(lines, 5);
}

/** Excel header/footer codes start with "&": a literal ampersand is written "&&". */
const headerText = (value: string): string => value.replace(/&/g, "&&");

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
      header.getCell(start.column + c + 1).font = { bold: true };
      if (!column.numberFormat) return;
      for (let r = 0; r < table.rows.length; r++) {
        ws.getCell(start.row + 2 + r, start.column + c + 1).numFmt = column.numberFormat;
      }
    });
  }

  if (spec.freezeRows) ws.views = [{ state: "frozen", ySplit: spec.freezeRows }];
  if (spec.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: spec.print.orientation,
      paperSize: 9, // A4 in the SpreadsheetML paper-size table
      fitToPage: spec.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0, // 0 = as many pages tall as needed
    };
    const header = spec.print.header;
    ws.headerFooter = {
      ...(header !== undefined && { oddHeader: `&L${headerText(header)}` }),
      oddFooter: "&R&P / &N",
    } as ExcelJS.HeaderFooter;
  }
  // Formulas are written without cached results: ask every host to calculate on opening.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return { sheetName, replaced: previous !== undefined, tableNames, charts: spec.charts };
}
