/* global Excel, Office */
/**
 * Applies a host-neutral SheetSpec through Office.js: the task pane's twin of exceljsAdapter.ts.
 *
 * The adapter works in phases so a caller can fold them into its own batches and keep a whole
 * run within three `context.sync()` calls:
 *   1. `queueLayout`   – sheet, table and defined names and workbook protection (first batch);
 *   2. `queueOwnSheet` – the sheet holding our marker table: its protection, charts, tables;
 *   3. `resolveTarget` – pure: replace our own sheet, or a new sheet with a free name;
 *   4. `applySheetSpec` – queues every write and sends them with one sync.
 *
 * Only a sheet that holds the spec's marker table (a table the add-in named and wrote) is ever
 * cleared; a user's sheet that merely has the same name is left alone and ours gets " (2)".
 * Excel on the web refuses a request over 5 MB, and one `sync` is one request, so writes are
 * cut into row chunks and the adapter syncs early only if a batch would pass its budget.
 */
import {
  blockRange,
  Cell,
  cellAddress,
  CellStyle,
  ChartSpec,
  columnLetter,
  ConditionalFormatSpec,
  isDate,
  isFormula,
  isText,
  looksLikeFormula,
  parseCell,
  PrintSpec,
  SheetSpec,
  TableSpec,
  text,
  ValidationSpec,
} from "../../sheets/spec";
import { isoDate, serialToParts } from "../../sheets/dates";
import { isGivenSheetName, isMarkerTableName } from "../../sheets/inputs";
import { CHART_FONT_POINTS, MARGINS_INCHES, rowHeightsOf } from "../../sheets/page";
import { columnPixels } from "../../sheets/textWidth";

/** Excel on the web's limit on one request (one `context.sync()`). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one batch may carry before the adapter syncs early: the rest is margin for the envelope. */
export const BATCH_BUDGET_BYTES = 4 * 1024 * 1024;
/** Largest single range write; smaller pieces keep each action cheap for Excel to apply. */
export const CHUNK_BUDGET_BYTES = 512 * 1024;
/** Rough cost of one queued action (object path, method, ids) on top of its data. */
const ACTION_OVERHEAD_BYTES = 200;
/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

export type PlaceMode = "replace" | "new";

/** What the adapter must know about the workbook before it writes anything. */
export interface WorkbookLayout {
  sheets: string[];
  tables: string[];
  /** Workbook-scoped defined names: they share one namespace with table names. */
  names: string[];
  /** Structure protection: no sheet can be added. */
  workbookProtected: boolean;
}

/** The add-in's own earlier output sheet, found by its marker table. */
export interface OwnSheet {
  name: string;
  protected: boolean;
  charts: Excel.Chart[];
  tables: Excel.Table[];
}

export type Target =
  | {
      kind: "replace";
      sheet: OwnSheet;
      tableNames: string[];
      /** The planner typed another name for the sheet: it is renamed (a free name, as for a new sheet). */
      rename?: string;
    }
  | { kind: "new"; sheetName: string; tableNames: string[] };

export type PlacementProblem = { code: "workbook-protected" } | { code: "sheet-protected"; sheet: string };

export type TargetResult = { ok: true; target: Target } | { ok: false; problem: PlacementProblem };

export interface ApplyOptions {
  /**
   * Whether the host supports an ExcelApi version ("1.9"). The manifest asks for 1.9, so every
   * host that loads the pane has it; each call is still guarded: page layout and page breaks
   * need 1.9, data validation and secondary axes 1.8, freeze panes and series looks 1.7,
   * conditional formats 1.6.
   */
  supports?: (version: string) => boolean;
  batchBudgetBytes?: number;
  chunkBudgetBytes?: number;
  /** Show the sheet when done; true unless told otherwise. */
  activate?: boolean;
}

export interface ApplyReport {
  sheetName: string;
  replaced: boolean;
  /** Final table names, in spec order. */
  tableNames: string[];
  /** `context.sync()` calls made by the adapter (1 unless a batch passed its budget). */
  syncs: number;
  /** Estimated bytes sent with each of those syncs. */
  batchBytes: number[];
  /** Estimated bytes of the largest single write. */
  largestWriteBytes: number;
}

const lower = (s: string): string => s.toLowerCase();

/** Queues the reads `resolveTarget` needs; call the returned function after the next sync. */
export function queueLayout(context: Excel.RequestContext): () => WorkbookLayout {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  const protection = context.workbook.protection.load("protected");
  return () => ({
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    names: names.items.map((n) => n.name),
    workbookProtected: protection.protected,
  });
}

/**
 * Queues the reads about our own earlier sheet, if a marker table exists (its name, or that name
 * made free: "_2"); undefined if not. The tables are known to exist from `layout`, so `getItem`
 * cannot fail. After the sync: the sheet still under a name the add-in gives (`wantedNames`,
 * "Prognose (2)" included), or undefined: a sheet of ours that the planner renamed is theirs.
 */
export function queueOwnSheet(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  markerTable: string,
  wantedNames: readonly string[],
): (() => OwnSheet | undefined) | undefined {
  const markers = layout.tables.filter((t) => isMarkerTableName(t, markerTable));
  if (markers.length === 0) return undefined;
  const reads = markers.map((actual) => {
    const found = context.workbook.tables.getItem(actual).worksheet.load("name");
    const protection = found.protection.load("protected");
    const charts = found.charts.load("items/name");
    const tables = found.tables.load("items/name");
    return (): OwnSheet => ({
      name: found.name,
      protected: protection.protected,
      charts: charts.items,
      tables: tables.items,
    });
  });
  return () =>
    reads.map((read) => read()).find((own) => wantedNames.some((wanted) => isGivenSheetName(own.name, wanted)));
}

/** "Prognose", "Prognose (2)", …: at most 31 characters and not taken (case-insensitive). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map(lower));
  const base = wanted.slice(0, MAX_SHEET_NAME);
  if (!used.has(lower(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(lower(candidate))) return candidate;
  }
}

/** Table names not taken by another table or a defined name: "Name", "Name_2", … */
export function freeTableNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map(lower));
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(lower(candidate)); n++) candidate = `${name}_${n}`;
    used.add(lower(candidate));
    return candidate;
  });
}

/**
 * Decides where the spec goes. "replace" reuses our own sheet (found by its marker table) when
 * there is one; otherwise, and always for "new", a new sheet with a free name. `sheetName` is a
 * name the planner typed (checked with `sheetNameProblem` first): a new sheet gets it, our own
 * sheet is renamed to it; when a user's sheet has it, " (2)" is added, as for the default name.
 */
export function resolveTarget(
  layout: WorkbookLayout,
  spec: SheetSpec,
  mode: PlaceMode,
  own?: OwnSheet,
  sheetName?: string,
): TargetResult {
  const wanted = spec.tables.map((t) => t.name);
  if (mode === "replace" && own) {
    if (own.protected) return { ok: false, problem: { code: "sheet-protected", sheet: own.name } };
    // Our old tables are deleted first, so their names are free again.
    const ours = new Set(own.tables.map((t) => lower(t.name)));
    const taken = [...layout.tables.filter((t) => !ours.has(lower(t))), ...layout.names];
    const target: Target = { kind: "replace", sheet: own, tableNames: freeTableNames(wanted, taken) };
    if (sheetName !== undefined && sheetName !== own.name) {
      // Renaming a sheet changes the workbook's structure: a protected workbook refuses it.
      if (layout.workbookProtected) return { ok: false, problem: { code: "workbook-protected" } };
      const others = layout.sheets.filter((s) => lower(s) !== lower(own.name));
      target.rename = freeSheetName(sheetName, others);
    }
    return { ok: true, target };
  }
  if (layout.workbookProtected) return { ok: false, problem: { code: "workbook-protected" } };
  return {
    ok: true,
    target: {
      kind: "new",
      sheetName: freeSheetName(sheetName ?? spec.name, layout.sheets),
      tableNames: freeTableNames(wanted, [...layout.tables, ...layout.names]),
    },
  };
}

/** Bytes of a string as UTF-8, without allocating a buffer. */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated request bytes of one write: its JSON data plus the action's envelope. */
export function payloadBytes(data: unknown): number {
  return utf8Length(JSON.stringify(data)) + ACTION_OVERHEAD_BYTES;
}

/**
 * Text as Office.js must receive it to stay text. Excel reads a string that starts with "=",
 * "+", "-" or "@" as a formula; a leading apostrophe marks the rest as literal and is not
 * stored, so a text that itself starts with an apostrophe needs one more.
 */
export function literalText(value: string): string {
  return looksLikeFormula(value) || value.startsWith("'") ? `'${value}` : value;
}

type OfficeValue = string | number | boolean;

function toOfficeValue(cell: Cell): OfficeValue {
  if (cell === null) return "";
  if (typeof cell === "number") {
    // JSON would turn NaN or Infinity into null: a builder bug, never a blank.
    if (!Number.isFinite(cell)) throw new Error(`cannot write ${cell} to a cell`);
    return cell;
  }
  if (typeof cell === "boolean") return cell;
  if (isText(cell)) return literalText(cell.text);
  if (isFormula(cell)) return cell.formula;
  if (isDate(cell)) return dateFormula(cell.date);
  throw new Error(`unknown cell: ${JSON.stringify(cell)}`);
}

/**
 * A date as `=DATE(y,m,d)`: right in a workbook of either date system, which released Office.js
 * cannot tell (`use1904DateSystem` is not in a released API set), where a serial would be four
 * years off in a 1904 workbook.
 */
export function dateFormula(serial: number): string {
  if (!Number.isFinite(serial)) throw new Error(`cannot write the date ${serial} to a cell`);
  const { year, month, day } = serialToParts(serial);
  return `=DATE(${year},${month},${day})`;
}

/** Sends the queued writes, syncing early only when a batch would pass its budget. */
class Batcher {
  syncs = 0;
  batchBytes: number[] = [];
  largest = 0;
  private current = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  /** Call before queuing a write of `bytes`. */
  async reserve(bytes: number): Promise<void> {
    if (this.current > 0 && this.current + bytes > this.budget) await this.flush();
    this.current += bytes;
    if (bytes > this.largest) this.largest = bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.batchBytes.push(this.current);
    this.current = 0;
  }
}

/** One rectangle of spec cells with a number format per column, written in row chunks. */
interface Grid {
  at: string;
  rows: Cell[][];
  formats: (string | undefined)[];
}

/** Consecutive row ranges whose values and number formats each stay under the chunk budget. */
function chunkRows(rows: OfficeValue[][], formats: string[][], budget: number): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const rowBytes = Math.max(utf8Length(JSON.stringify(row)), utf8Length(JSON.stringify(formats[i]))) + 1;
    if (i > start && bytes + rowBytes > budget) {
      chunks.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  });
  if (rows.length > start) chunks.push([start, rows.length]);
  return chunks;
}

async function writeGrid(sheet: Excel.Worksheet, grid: Grid, batch: Batcher, chunkBudget: number): Promise<void> {
  if (grid.rows.length === 0) return;
  const columns = grid.rows[0]?.length ?? 0;
  if (columns === 0) return;
  for (const row of grid.rows) {
    if (row.length !== columns) throw new Error(`block at ${grid.at} is not rectangular`);
  }
  const values = grid.rows.map((row) => row.map(toOfficeValue));
  // Text cells get the text format first, so Excel never turns "00123" or "1-2" into numbers.
  const formats = grid.rows.map((row) => row.map((cell, c) => (isText(cell) ? "@" : grid.formats[c] || "General")));
  const start = parseCell(grid.at);
  for (const [from, to] of chunkRows(values, formats, chunkBudget)) {
    const cells = grid.rows.slice(from, to);
    const range = sheet.getRange(blockRange(cellAddress(start.row + from, start.column), to - from, columns));
    const chunkFormats = formats.slice(from, to);
    if (chunkFormats.some((row) => row.some((f) => f !== "General"))) {
      await batch.reserve(payloadBytes(chunkFormats));
      range.numberFormat = chunkFormats;
    }
    const chunk = values.slice(from, to);
    await batch.reserve(payloadBytes(chunk));
    if (cells.some((row) => row.some((cell) => cell !== null && (isFormula(cell) || isDate(cell)))))
      range.formulas = chunk;
    else range.values = chunk;
  }
}

const columnFormats = (format: string | string[] | undefined, columns: number): (string | undefined)[] =>
  Array.from({ length: columns }, (_, c) => (Array.isArray(format) ? format[c] : format));

/** The add-in's font, as the .xlsx host names it: the builders measure text in Calibri. */
const FONT_NAME = "Calibri";

/** One look per role, matching the ExcelJS adapter; input cells stand out as the cells to type in. */
function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  font.name = FONT_NAME;
  font.size = 11;
  switch (style) {
    case "title":
      font.bold = true;
      font.size = 14;
      return;
    case "subtitle":
      font.bold = true;
      font.size = 12;
      return;
    case "label":
      return;
    case "input":
      range.format.fill.color = "#FFF2CC";
      font.bold = true;
      font.color = "#1F4E79";
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const border = range.format.borders.getItem(edge);
        border.style = "Continuous";
        border.color = "#7F7F7F";
      }
      return;
    case "header":
      font.bold = true;
      range.format.fill.color = "#D9D9D9";
      range.format.borders.getItem("EdgeBottom").style = "Continuous";
      // Long column headers wrap instead of being cut off by the next column.
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
      return;
    case "output":
      font.bold = true;
      return;
    case "note":
      font.italic = true;
      font.color = "#595959";
      return;
    case "warning":
      font.bold = true;
      font.color = "#9C0006";
      range.format.fill.color = "#FFC7CE";
      return;
  }
}

/** Column width as the spec gives it (Excel's stored width) → points: the .xlsx host's pixels at 96 dpi. */
export function widthInPoints(width: number): number {
  return columnPixels(width) * 0.75;
}

/** Excel header/footer codes start with "&": a literal ampersand is written "&&". */
const headerText = (value: string): string => value.replace(/&/g, "&&");

/** Structured references follow a renamed table: "Old[Week]" → "Old_2[Week]". */
function renameInFormulas(rows: Cell[][], from: string, to: string): Cell[][] {
  if (from === to) return rows;
  const pattern = new RegExp(`(^|[^A-Za-z0-9_.])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\[`, "gi");
  return rows.map((row) =>
    row.map((cell) =>
      cell !== null && isFormula(cell) ? { formula: cell.formula.replace(pattern, `$1${to}[`) } : cell,
    ),
  );
}

async function writeTable(
  sheet: Excel.Worksheet,
  table: TableSpec,
  name: string,
  renames: [string, string][],
  batch: Batcher,
  chunkBudget: number,
): Promise<void> {
  let rows = table.rows;
  for (const [from, to] of renames) rows = renameInFormulas(rows, from, to);
  const header = table.columns.map((column) => text(column.header));
  // Values first, then the table over them: much cheaper than adding rows to a table.
  await writeGrid(
    sheet,
    { at: table.at, rows: [header, ...rows], formats: table.columns.map((c) => c.numberFormat) },
    batch,
    chunkBudget,
  );
  await batch.reserve(ACTION_OVERHEAD_BYTES * 3);
  // A Range, not an address: a bare address would put the table on the active sheet.
  const added = sheet.tables.add(sheet.getRange(blockRange(table.at, rows.length + 1, table.columns.length)), true);
  added.name = name;
  added.style = table.style ?? "TableStyleMedium2";
  // Long headers wrap (their row height is set with the others) instead of being cut off.
  const headerRow = sheet.getRange(blockRange(table.at, 1, table.columns.length));
  headerRow.format.wrapText = true;
  headerRow.format.verticalAlignment = "Top";
  headerRow.format.font.name = FONT_NAME;
}

async function writeChart(
  sheet: Excel.Worksheet,
  spec: ChartSpec,
  index: number,
  batch: Batcher,
  supports: (version: string) => boolean = () => false,
): Promise<void> {
  const [first, ...rest] = spec.series;
  if (!first) return;
  await batch.reserve(ACTION_OVERHEAD_BYTES * (8 + 6 * spec.series.length));
  const chart = sheet.charts.add(
    spec.kind === "line" ? "Line" : spec.kind === "tornado" ? "BarClustered" : "AreaStacked",
    sheet.getRange(first.values),
    "Columns",
  );
  chart.name = `Chart${index + 1}`;
  chart.title.text = spec.title;
  const categories = sheet.getRange(spec.categories);
  // Series are set explicitly, so Excel never guesses them from headers or neighbouring cells.
  const series0 = chart.series.getItemAt(0);
  series0.name = first.name;
  series0.setValues(sheet.getRange(first.values));
  series0.setXAxisValues(categories);
  const added: Excel.ChartSeries[] = [series0];
  for (const item of rest) {
    const series = chart.series.add(item.name);
    series.setValues(sheet.getRange(item.values));
    series.setXAxisValues(categories);
    added.push(series);
  }
  styleSeries(spec, added, supports);
  chart.format.font.size = CHART_FONT_POINTS;
  chart.title.format.font.size = CHART_FONT_POINTS + 1.5;
  if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
  if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
  if (spec.yAxisMin !== undefined) chart.axes.valueAxis.minimum = spec.yAxisMin;
  // Without ExcelApi 1.7 Excel spaces the labels itself.
  if (spec.categoryLabelEvery !== undefined && supports("1.7")) {
    chart.axes.categoryAxis.tickLabelSpacing = spec.categoryLabelEvery;
    chart.axes.categoryAxis.tickMarkSpacing = spec.categoryLabelEvery;
  }
  if (supports("1.8") && spec.series.some((item) => item.secondary === true)) {
    const secondary = chart.axes.getItem("Value", "Secondary");
    if (spec.secondaryAxisTitle) secondary.title.text = spec.secondaryAxisTitle;
    if (spec.secondaryAxisMin !== undefined) secondary.minimum = spec.secondaryAxisMin;
  }
  if (spec.kind === "tornado" && supports("1.8")) {
    // A tornado: the bars over each other from 0, the category labels clear of them at the left.
    (added[0] as Excel.ChartSeries).overlap = 100;
    (added[0] as Excel.ChartSeries).gapWidth = 60;
    chart.axes.categoryAxis.tickLabelPosition = "Low";
  }
  chart.legend.position = "Bottom";
  const at = parseCell(spec.at);
  chart.setPosition(spec.at, cellAddress(at.row + spec.heightRows - 1, at.column + spec.widthColumns - 1));
}

/**
 * A band's low edge invisible and its width shaded, the rest lines; markers only for actuals,
 * dashed lines, and series on the secondary axis. Series looks need ExcelApi 1.7, the secondary
 * axis 1.8: without them the series stay plain lines on one axis.
 */
function styleSeries(spec: ChartSpec, added: Excel.ChartSeries[], supports: (version: string) => boolean): void {
  if (!supports("1.7")) return;
  if (spec.kind === "band") {
    const low = added[0] as Excel.ChartSeries;
    low.format.fill.clear();
    low.format.line.lineStyle = "None";
  }
  spec.series.forEach((item, i) => {
    const series = added[i] as Excel.ChartSeries;
    if (spec.kind === "band" && i < 2) return;
    if (spec.kind === "tornado") {
      if (item.color !== undefined) series.format.fill.setSolidColor(`#${item.color}`);
      return;
    }
    if (spec.kind === "band") series.chartType = item.markersOnly ? "LineMarkers" : "Line";
    const color = `#${item.color ?? "C00000"}`;
    if (item.markersOnly) {
      series.markerStyle = "Circle";
      series.markerBackgroundColor = color;
      series.markerForegroundColor = color;
      series.format.line.lineStyle = "None";
    } else if (spec.kind !== "areaStacked") series.markerStyle = "None";
    if (!item.markersOnly && item.color !== undefined) series.format.line.color = color;
    if (item.dashed) series.format.line.lineStyle = "Dash";
    if (item.secondary && supports("1.8")) series.axisGroup = "Secondary";
  });
}

function defaultSupports(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
}

/**
 * Queues every write of `spec` at `target` and sends them: one `context.sync()` unless the
 * batch would pass its budget. Nothing outside the target sheet is written.
 *
 * @example
 * const report = await applySheetSpec(context, spec, target);
 */
export async function applySheetSpec(
  context: Excel.RequestContext,
  spec: SheetSpec,
  target: Target,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const supports = options.supports ?? defaultSupports;
  const chunkBudget = options.chunkBudgetBytes ?? CHUNK_BUDGET_BYTES;
  const batch = new Batcher(context, options.batchBudgetBytes ?? BATCH_BUDGET_BYTES);
  const worksheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  let sheetName: string;
  if (target.kind === "replace") {
    sheet = worksheets.getItem(target.sheet.name);
    sheetName = target.rename ?? target.sheet.name;
    await batch.reserve(ACTION_OVERHEAD_BYTES * (4 + target.sheet.charts.length + target.sheet.tables.length));
    for (const chart of target.sheet.charts) chart.delete();
    for (const table of target.sheet.tables) table.delete();
    sheet.getRange().clear();
    sheet.freezePanes.unfreeze();
    if (supports("1.9")) sheet.horizontalPageBreaks.removePageBreaks();
    if (supports("1.7")) sheet.getRange().format.useStandardHeight = true;
    if (target.rename !== undefined) sheet.name = target.rename;
  } else {
    sheetName = target.sheetName;
    await batch.reserve(ACTION_OVERHEAD_BYTES);
    sheet = worksheets.add(sheetName);
  }

  for (const [letter, width] of Object.entries(spec.columnWidths ?? {})) {
    await batch.reserve(ACTION_OVERHEAD_BYTES);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width);
  }
  const renames = spec.tables.map((t, i): [string, string] => [t.name, target.tableNames[i] ?? t.name]);
  for (const block of spec.blocks) {
    const columns = block.cells[0]?.length ?? 0;
    let cells = block.cells;
    for (const [from, to] of renames) cells = renameInFormulas(cells, from, to);
    await writeGrid(
      sheet,
      { at: block.at, rows: cells, formats: columnFormats(block.numberFormat, columns) },
      batch,
      chunkBudget,
    );
    if (block.style && columns > 0) {
      await batch.reserve(ACTION_OVERHEAD_BYTES * 6);
      applyStyle(sheet.getRange(blockRange(block.at, block.cells.length, columns)), block.style);
    }
  }
  for (let i = 0; i < spec.tables.length; i++) {
    const table = spec.tables[i] as TableSpec;
    await writeTable(sheet, table, renames[i]?.[1] ?? table.name, renames, batch, chunkBudget);
  }
  for (let i = 0; i < spec.charts.length; i++) await writeChart(sheet, spec.charts[i] as ChartSpec, i, batch, supports);
  await batch.reserve(ACTION_OVERHEAD_BYTES * 2 * Object.keys(rowHeightsOf(spec)).length);
  // Neither host re-measures rows: wrapped headers and titles get their height from the spec.
  for (const [row, points] of Object.entries(rowHeightsOf(spec)))
    sheet.getRange(`${row}:${row}`).format.rowHeight = points;
  if (spec.freeze && supports("1.7")) {
    await batch.reserve(ACTION_OVERHEAD_BYTES);
    freeze(sheet, spec.freeze);
  }
  if (spec.print && supports("1.9")) {
    await batch.reserve(ACTION_OVERHEAD_BYTES * (12 + (spec.print.breaksBefore?.length ?? 0)));
    applyPrint(sheet, spec.print);
  }
  if (supports("1.8")) {
    for (const rule of spec.validations ?? []) {
      await batch.reserve(payloadBytes(rule));
      applyValidation(sheet.getRange(rule.range), rule);
    }
  }
  if (supports("1.6")) {
    for (const format of spec.conditionalFormats ?? []) {
      await batch.reserve(payloadBytes(format));
      applyConditionalFormat(sheet.getRange(format.range), format);
    }
  }
  if (options.activate !== false) sheet.activate();
  await batch.flush();
  return {
    sheetName,
    replaced: target.kind === "replace",
    tableNames: renames.map(([, to]) => to),
    syncs: batch.syncs,
    batchBytes: batch.batchBytes,
    largestWriteBytes: batch.largest,
  };
}

/** Frozen rows, columns or both: the top-left pane holds the rows above and the columns left of the split. */
function freeze(sheet: Excel.Worksheet, panes: { rows: number; columns: number }): void {
  if (panes.rows > 0 && panes.columns > 0)
    sheet.freezePanes.freezeAt(`A1:${columnLetter(panes.columns - 1)}${panes.rows}`);
  else if (panes.rows > 0) sheet.freezePanes.freezeRows(panes.rows);
  else if (panes.columns > 0) sheet.freezePanes.freezeColumns(panes.columns);
}

/**
 * A4 landscape, one page wide, the .xlsx host's margins, header and footer, print area, print
 * titles and page breaks. Assigned through the full path: Office.js queues each as a write.
 */
function applyPrint(sheet: Excel.Worksheet, print: PrintSpec): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.leftMargin = MARGINS_INCHES.left * 72;
  layout.rightMargin = MARGINS_INCHES.right * 72;
  layout.topMargin = MARGINS_INCHES.top * 72;
  layout.bottomMargin = MARGINS_INCHES.bottom * 72;
  layout.headerMargin = MARGINS_INCHES.header * 72;
  layout.footerMargin = MARGINS_INCHES.footer * 72;
  const pages = layout.headersFooters.defaultForAllPages;
  pages.leftHeader = headerText(print.title);
  pages.rightHeader = headerText(print.made);
  pages.rightFooter = `${headerText(print.pageWords.page)} &P ${headerText(print.pageWords.of)} &N`;
  layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  // A break is added above the range given: the page starts at that row.
  for (const row of print.breaksBefore ?? []) sheet.horizontalPageBreaks.add(`A${row}`);
}

/** The bound of a rule as Office.js takes it: a number, a formula, or a date as ISO text. */
function validationBound(rule: ValidationSpec, value: number | string): string | number {
  if (typeof value === "string") return value;
  return rule.kind === "date" ? isoDate(value) : value;
}

/** Data validation on the input cells: type, bounds, a prompt when selected and a refusal in words. */
function applyValidation(range: Excel.Range, rule: ValidationSpec): void {
  const operator =
    rule.min !== undefined && rule.max !== undefined
      ? "Between"
      : rule.min !== undefined
        ? "GreaterThanOrEqualTo"
        : "LessThanOrEqualTo";
  const bounds = [rule.min, rule.max]
    .filter((v): v is number | string => v !== undefined)
    .map((v) => validationBound(rule, v));
  const criteria = {
    formula1: bounds[0] as string | number,
    ...(bounds[1] !== undefined && { formula2: bounds[1] }),
    operator,
  } as const;
  range.dataValidation.clear();
  range.dataValidation.rule =
    rule.kind === "list"
      ? { list: { inCellDropDown: true, source: (rule.list ?? []).join(",") } }
      : rule.kind === "whole"
        ? { wholeNumber: criteria }
        : rule.kind === "decimal"
          ? { decimal: criteria }
          : { date: { ...criteria, formula1: String(criteria.formula1) } as Excel.DateTimeDataValidation };
  range.dataValidation.ignoreBlanks = rule.kind === "date";
  range.dataValidation.errorAlert = { message: rule.error, showAlert: true, style: "Stop", title: rule.title };
  range.dataValidation.prompt = { message: rule.prompt, showPrompt: true, title: rule.title };
}

/** The look when the rule's formula is true: a warning (dark red on light red), green, blue, or muted grey text. */
function applyConditionalFormat(range: Excel.Range, format: ConditionalFormatSpec): void {
  const added = range.conditionalFormats.add("Custom");
  added.custom.rule.formula = format.formula;
  if (format.style === "muted") {
    added.custom.format.font.color = "#BFBFBF";
    return;
  }
  const [font, fill] = CONDITIONAL_COLOURS[format.style];
  added.custom.format.font.color = font;
  added.custom.format.font.bold = true;
  added.custom.format.fill.color = fill;
}

/** Font and fill of the coloured looks, as the xlsx host writes them. */
const CONDITIONAL_COLOURS = {
  warning: ["#9C0006", "#FFC7CE"],
  good: ["#006100", "#C6EFCE"],
  ahead: ["#1F4E79", "#DDEBF7"],
} as const;

export type WriteResult =
  { ok: true; report: ApplyReport; syncs: number } | { ok: false; problem: PlacementProblem; syncs: number };

/**
 * All phases in one go, for callers with nothing else to read: at most three syncs (layout, our
 * own sheet if any, the writes).
 *
 * @example
 * await Excel.run((context) => writeSheetSpec(context, buildWhatIfSheet(options), "new"));
 */
export async function writeSheetSpec(
  context: Excel.RequestContext,
  spec: SheetSpec,
  mode: PlaceMode,
  options: ApplyOptions = {},
): Promise<WriteResult> {
  const readLayout = queueLayout(context);
  await context.sync();
  const layout = readLayout();
  let syncs = 1;
  const readOwn = mode === "replace" ? queueOwnSheet(context, layout, spec.markerTable, [spec.name]) : undefined;
  if (readOwn) {
    await context.sync();
    syncs++;
  }
  const placed = resolveTarget(layout, spec, mode, readOwn?.());
  if (!placed.ok) return { ok: false, problem: placed.problem, syncs };
  const report = await applySheetSpec(context, spec, placed.target, options);
  return { ok: true, report, syncs: syncs + report.syncs };
}
