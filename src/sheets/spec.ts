/**
 * A host-neutral description of a sheet the add-in writes: values, formulas, formats, tables and
 * charts as plain data. Builders (pure, unit-tested without mocks) produce a `SheetSpec`; two thin
 * adapters apply it: Office.js in the task pane, ExcelJS in the headless `npm run plan`.
 *
 * Cell text is always literal: adapters must never let a `Text` starting with "=", "+", "-", "@",
 * tab or CR turn into a formula. Only a `Formula` cell is a formula.
 */

/** Literal text. */
export interface Text {
  text: string;
}

/** A native Excel formula in English (en-US) syntax, starting with "=". */
export interface Formula {
  formula: string;
}

/**
 * A calendar date, as days since 1899-12-30 (the 1900 date system, the add-in's own). Each host
 * writes it in the workbook's own date system: the .xlsx host shifts it by 1462 days in a 1904
 * workbook, Office.js writes it as `=DATE(y,m,d)`, right in either system. Builders never see
 * the workbook's system.
 */
export interface DateValue {
  date: number;
}

/** One cell: a number, a boolean, blank (`null`), literal text, a formula or a date. */
export type Cell = number | boolean | null | Text | Formula | DateValue;

export const text = (value: string): Text => ({ text: value });
export const formula = (value: string): Formula => ({ formula: value.startsWith("=") ? value : `=${value}` });
export const isText = (cell: Cell): cell is Text => typeof cell === "object" && cell !== null && "text" in cell;
export const isFormula = (cell: Cell): cell is Formula =>
  typeof cell === "object" && cell !== null && "formula" in cell;
/** A date cell; `serial` counts days from 1899-12-30, whatever the workbook's date system. */
export const date = (serial: number): DateValue => ({ date: serial });
export const isDate = (cell: Cell): cell is DateValue => typeof cell === "object" && cell !== null && "date" in cell;

/** Visual roles; each adapter maps them to the host's formatting. */
export type CellStyle = "title" | "subtitle" | "label" | "input" | "header" | "output" | "note" | "warning";

/** A rectangle of cells written in one go. */
export interface Block {
  /** Top-left cell, e.g. "A1". */
  at: string;
  /** Rectangular: every row has the same length. */
  cells: Cell[][];
  /** One number format for the whole block, or one per column ("" keeps the default). */
  numberFormat?: string | string[];
  style?: CellStyle;
}

export interface TableColumn {
  header: string;
  numberFormat?: string;
}

/** A native Excel table (ListObject): header row at `at`, then the rows. */
export interface TableSpec {
  /** Workbook-unique table name; also how the add-in recognises its own output. */
  name: string;
  at: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style?: string;
}

export interface ChartSeries {
  name: string;
  /** A1 range on this sheet holding the series' values, e.g. "G6:G57". */
  values: string;
  /** In a "band" chart: draw this line series as markers only, without a line (actual figures). */
  markersOnly?: boolean;
}

export interface ChartSpec {
  /**
   * "band": the first two series are stacked areas, the first invisible (the band's low edge) and
   * the second filled (its width), so the band shows as a shaded area; the others are lines.
   */
  kind: "line" | "areaStacked" | "band";
  title: string;
  /** A1 range on this sheet with the x-axis labels (weeks or dates). */
  categories: string;
  series: ChartSeries[];
  /** Top-left cell of the chart and its size in columns and rows. */
  at: string;
  widthColumns: number;
  heightRows: number;
  xAxisTitle?: string;
  yAxisTitle?: string;
}

export interface PrintSpec {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Scale so the used columns fit one page wide. */
  fitToWidth: boolean;
  /** Left header text, e.g. the title and date. */
  header?: string;
}

export interface SheetSpec {
  /** The name the builder wants; adapters add a suffix when a user's sheet already has it. */
  name: string;
  /** The name of a table on this sheet that marks it as the add-in's own output. */
  markerTable: string;
  blocks: Block[];
  tables: TableSpec[];
  charts: ChartSpec[];
  /** Column letter → width in characters. */
  columnWidths?: Record<string, number>;
  freezeRows?: number;
  print?: PrintSpec;
}

/** 0-based column index → letters: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based row and column → "B3". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "C5" → { row: 4, column: 2 }. */
export function parseCell(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`not a cell address: ${address}`);
  const letters = match[1] as string;
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** The A1 range a block covers, e.g. "A5:H57". */
export function blockRange(at: string, rows: number, columns: number): string {
  const start = parseCell(at);
  const end = cellAddress(start.row + Math.max(rows, 1) - 1, start.column + Math.max(columns, 1) - 1);
  return `${cellAddress(start.row, start.column)}:${end}`;
}

/** Days from 1899-12-30 (Excel's day 0) for a calendar date; pure, no clock. */
export function excelDateSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Days between the 1900 and the 1904 date systems' serials for the same day. */
export const DATE_1904_OFFSET = 1462;

/** Text that Excel would read as a formula if typed in: "=", "+", "-", "@", tab, CR. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
