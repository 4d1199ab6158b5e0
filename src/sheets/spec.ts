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
  /** Draw this line series as markers only, without a line (actual figures). */
  markersOnly?: boolean;
  /** Draw this line dashed: a re-forecast or another line that is not the plan itself. */
  dashed?: boolean;
  /** Plot this line against the secondary (right-hand) value axis, e.g. weekly flows beside a backlog. */
  secondary?: boolean;
  /** The line's or markers' colour as RGB hex ("1F4E79"), to pair a plan with its actuals; default the host's. */
  color?: string;
}

export interface ChartSpec {
  /**
   * "band": the first two series are stacked areas, the first invisible (the band's low edge) and
   * the second filled (its width), so the band shows as a shaded area; the others are lines.
   * "tornado": horizontal bars, every series from 0 over the same category (overlapping), the
   * category labels at the left edge: changes down and up per input, the first category at the
   * bottom.
   */
  kind: "line" | "areaStacked" | "band" | "tornado";
  title: string;
  /** A1 range on this sheet with the x-axis labels (weeks or dates). */
  categories: string;
  /**
   * Label (and tick) every n-th category only, from the first: long text labels ("2024-W01")
   * over a few hundred weeks would crowd each other. Absent: the host's automatic spacing.
   */
  categoryLabelEvery?: number;
  series: ChartSeries[];
  /** Top-left cell of the chart and its size in columns and rows. */
  at: string;
  widthColumns: number;
  heightRows: number;
  xAxisTitle?: string;
  /** The value axis' title, with its unit ("Zaken"). */
  yAxisTitle?: string;
  /**
   * The value axis' lowest value, for data fixed when written (Excel's automatic axis starts at 0,
   * which flattens a backlog moving between 1000 and 1450). Absent: automatic.
   */
  yAxisMin?: number;
  /** The secondary axis' title, when a series is `secondary`. */
  secondaryAxisTitle?: string;
  /** The secondary axis' lowest value; absent: automatic. */
  secondaryAxisMin?: number;
}

/** What a planner may type into input cells, checked by Excel as they type it. */
export interface ValidationSpec {
  /** A1 range of the input cells, e.g. "B14". */
  range: string;
  /** "list": one of `list`'s words, from a drop-down. */
  kind: "whole" | "decimal" | "date" | "list";
  /** The words a "list" allows, e.g. ["nee", "ja"]. */
  list?: string[];
  /** Lowest and highest allowed value: a number, or a formula starting with "=" ("=1-$B$11"). */
  min?: number | string;
  max?: number | string;
  /** Title of the prompt and of the refusal (Excel allows 32 characters). */
  title: string;
  /** Shown when the cell is selected (Excel allows 255 characters). */
  prompt: string;
  /** Shown when a value is refused (Excel allows 225 characters). */
  error: string;
}

/** A cell that changes its look when a formula on it is true, e.g. a warning that inputs changed. */
export interface ConditionalFormatSpec {
  /** A1 range the format applies to. */
  range: string;
  /** An en-US formula, relative to the range's top-left cell, e.g. "=LEFT($A$5,1)=\"!\"". */
  formula: string;
  /**
   * "warning": dark red on light red; "muted": light grey text, for chart helpers' #N/A;
   * "good": dark green on light green; "ahead": dark blue on light blue (Voortgang's status).
   */
  style: "warning" | "muted" | "good" | "ahead";
}

/** A4 landscape, one page wide, header and footer; each host writes the same. */
export interface PrintSpec {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Scale so the print area fits one page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Header, left: the sheet's title. */
  title: string;
  /** Header, right: when the sheet was made, e.g. "gemaakt op 2024-01-15". */
  made: string;
  /** Footer, right: the words around the page numbers, "pagina" 1 "van" 3. */
  pageWords: { page: string; of: string };
  /** The printed range, e.g. "A1:P56". */
  area: string;
  /** 1-based rows printed again at the top of each later page: the weekly table's header. */
  titleRows?: { first: number; last: number };
  /** 1-based rows that start a new page (manual page breaks), so no chart is cut across pages. */
  breaksBefore?: number[];
}

export interface SheetSpec {
  /** The name the builder wants; adapters add a suffix when a user's sheet already has it. */
  name: string;
  /** The name of a table on this sheet that marks it as the add-in's own output. */
  markerTable: string;
  blocks: Block[];
  tables: TableSpec[];
  charts: ChartSpec[];
  /** Column letter → width as Excel stores it (characters of the default font, padding included). */
  columnWidths?: Record<string, number>;
  /** 1-based row → height in points, for wrapped headers and titles (hosts do not re-measure). */
  rowHeights?: Record<number, number>;
  /** Frozen panes: the rows above and the columns left of the scrolling part. */
  freeze?: { rows: number; columns: number };
  print?: PrintSpec;
  validations?: ValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
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

/** "B19" → "$B$19": a reference that stays put when copied or filled. */
export function absoluteAddress(address: string): string {
  return address.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2");
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
