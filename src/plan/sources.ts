/**
 * Where the plan's inputs were read, as references a formula can use: the projection sheet
 * points its live formulas at them, so it follows the planner's input cells (and works without
 * the add-in). Host-neutral and pure: both hosts hand over the cells they read (`RawPlanInputs`).
 */
import { qualify, RawInput, RawPlanInputs, splitAddress } from "../sheets/inputs";
import { cellAddress, parseCell } from "../sheets/spec";

/** One input as a formula reference: a cell ("Invoer!$B$3") or a defined name holding a number. */
export type CellSource = string;

/** A weekly input: week t's cell, counting from the first cell down a column or along a row. */
export interface SeriesSource {
  /** Sheet name, unquoted; undefined for a defined name ("same") or a column of the sheet being written. */
  sheet: string | undefined;
  /** 0-based first cell. */
  row: number;
  column: number;
  /** "down" a column, "right" along a row, or "same" for one cell (or a name) used every week. */
  step: "down" | "right" | "same";
  /** For "same" on a defined name: the name. */
  name?: string;
}

/** A range's cells, for a check that they are as they were (the intake history, issue 24). */
export interface RangeSource {
  /** "'Intake history'!$C$5:$C$160". */
  reference: string;
  /** The k-th cell (1-based) is number k of `along(reference) − offset`: ROW down a column, COLUMN along a row. */
  along: "ROW" | "COLUMN";
  offset: number;
}

export interface InputSources {
  opening?: CellSource;
  intake?: SeriesSource;
  capacity?: SeriesSource;
  uplift?: CellSource;
  firstWeek?: CellSource;
  /** The intake history's cells and its start cell: the forecast's fixed values warn when they change. */
  intakeHistory?: RangeSource;
  intakeHistoryStart?: CellSource;
}

/** "$B$3" from 0-based row and column. */
const absoluteCell = (row: number, column: number): string => cellAddress(row, column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** The range's corners, or undefined for something that is not a cell range (a name, a whole column). */
function corners(raw: RawInput): { sheet: string | undefined; top: number; left: number; rows: number; columns: number } | undefined {
  const { sheet, range } = splitAddress(raw.address);
  const [first, last = first] = range.replace(/\$/g, "").split(":") as [string, string?];
  if (!/^[A-Za-z]{1,3}\d+$/.test(first) || !/^[A-Za-z]{1,3}\d+$/.test(last as string)) return undefined;
  const a = parseCell(first);
  const b = parseCell(last as string);
  return { sheet, top: a.row, left: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

/** A one-cell input as a reference: "'My sheet'!$B$3", or the name of a constant. */
function cellSource(raw: RawInput | undefined, ownSheets: ReadonlySet<string>): CellSource | undefined {
  if (!raw) return undefined;
  const box = corners(raw);
  if (!box) return /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(raw.address) ? raw.address : undefined;
  if (box.sheet === undefined || ownSheets.has(box.sheet.toLowerCase())) return undefined;
  return qualify(box.sheet, absoluteCell(box.top, box.left));
}

function seriesSource(raw: RawInput | undefined, ownSheets: ReadonlySet<string>): SeriesSource | undefined {
  if (!raw) return undefined;
  const box = corners(raw);
  if (!box) {
    const name = cellSource(raw, ownSheets);
    return name === undefined ? undefined : { sheet: undefined, row: 0, column: 0, step: "same", name };
  }
  if (box.sheet === undefined || ownSheets.has(box.sheet.toLowerCase())) return undefined;
  const step = box.rows > 1 ? "down" : box.columns > 1 ? "right" : "same";
  return { sheet: box.sheet, row: box.top, column: box.left, step };
}

/**
 * The sources of the inputs as read. A range on one of the add-in's own sheets (which a run
 * replaces) or anything that is not a plain cell range or constant name has no source: the sheet
 * then writes the value as read.
 *
 * @example
 * sourcesOf({ opening: { address: "Invoer!B3", values: [[1440]] }, intake: { address: "Invoer!C10:C61", values } }, [])
 * // → { opening: "Invoer!$B$3", intake: { sheet: "Invoer", row: 9, column: 2, step: "down" } }
 */
export function sourcesOf(raw: RawPlanInputs, ownSheetNames: readonly string[] = []): InputSources {
  const own = new Set(ownSheetNames.map((n) => n.toLowerCase()));
  const sources: InputSources = {};
  const opening = cellSource(raw.opening, own);
  if (opening !== undefined) sources.opening = opening;
  const intake = seriesSource(raw.intake, own);
  if (intake !== undefined) sources.intake = intake;
  const capacity = seriesSource(raw.capacity, own);
  if (capacity !== undefined) sources.capacity = capacity;
  const uplift = typeof raw.uplift === "object" ? cellSource(raw.uplift, own) : undefined;
  if (uplift !== undefined) sources.uplift = uplift;
  const firstWeek = cellSource(raw.firstWeek, own);
  if (firstWeek !== undefined) sources.firstWeek = firstWeek;
  const history = rangeSource(raw.intakeHistory, own);
  if (history !== undefined) sources.intakeHistory = history;
  const start = typeof raw.intakeHistoryStart === "object" ? cellSource(raw.intakeHistoryStart, own) : undefined;
  if (start !== undefined) sources.intakeHistoryStart = start;
  return sources;
}

/** One column or row of cells as a reference, numbered from 1; anything else has no source. */
function rangeSource(raw: RawInput | undefined, ownSheets: ReadonlySet<string>): RangeSource | undefined {
  const box = raw && corners(raw);
  if (!box || box.sheet === undefined || ownSheets.has(box.sheet.toLowerCase())) return undefined;
  if (box.rows > 1 && box.columns > 1) return undefined;
  const last = absoluteCell(box.top + box.rows - 1, box.left + box.columns - 1);
  const down = box.rows > 1 || box.columns === 1;
  return {
    reference: qualify(box.sheet, `${absoluteCell(box.top, box.left)}:${last}`),
    along: down ? "ROW" : "COLUMN",
    // ROW() and COLUMN() count from 1: the first cell is number 1 after the offset.
    offset: down ? box.top : box.left,
  };
}

/** Week `week`'s (1-based) cell of a weekly source, as a reference. */
export function weekReference(source: SeriesSource, week: number): string {
  if (source.step === "same") return source.name ?? qualify(source.sheet as string, absoluteCell(source.row, source.column));
  const row = source.step === "down" ? source.row + week - 1 : source.row;
  const column = source.step === "right" ? source.column + week - 1 : source.column;
  // Without a sheet: a column on the sheet being written (the forecast intake's fixed values).
  return source.sheet === undefined ? absoluteCell(row, column) : qualify(source.sheet, absoluteCell(row, column));
}
