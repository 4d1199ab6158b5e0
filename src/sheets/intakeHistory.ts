/**
 * The intake history (issue 24, item 3) as read from a workbook, checked: the counts of one column
 * or row, oldest first (`IntakeHistory`/`InstroomHistorie`), the first period's date
 * (`IntakeHistoryStart`/`InstroomHistorieStart`) and the periods per year, 52 (weeks, the default)
 * or 12 (months). Every problem names the cell or the input; its sentence is in historyMessages.ts.
 * The plan step (src/plan/intakeForecast.ts) forecasts from it.
 */
import { MAX_HISTORY, MIN_HISTORY } from "../engine";
import { dateToSerial } from "./dates";
import { cellInRange, isErrorText, RawInput } from "./inputs";

export type HistoryPeriods = 12 | 52;
export const DEFAULT_HISTORY_PERIODS: HistoryPeriods = 52;

/** The history's cells as a host read them. */
export interface IntakeHistoryCells {
  values: RawInput;
  /** The first period's first day: a cell, or an Excel serial typed in the pane. */
  start?: RawInput | number;
  /** 52 or 12: a cell, or a number typed in the pane. */
  periods?: RawInput | number;
}

/** A checked history. */
export interface IntakeHistory {
  /** One count per period, oldest first. */
  values: number[];
  periodsPerYear: HistoryPeriods;
  /** Excel serial of the first period's first day, when given. */
  start?: number;
  /** Where the counts are ("Invoer!F10:F165"), trailing blanks left out. */
  address: string;
}

export type IntakeHistoryCode =
  | "empty"
  | "shape"
  | "merged"
  /** A blank before the last figure: a period without a count. */
  | "blank"
  | "text"
  | "boolean"
  | "error-value"
  | "negative"
  | "not-finite"
  | "too-short"
  | "too-long"
  | "not-a-date"
  | "periods"
  /** A monthly history needs its start date to be spread over weeks. */
  | "needs-start"
  /** The plan's first week lies inside the history. */
  | "first-week-inside"
  /** The plan starts more than a year after the history ends. */
  | "gap-too-long";

export interface IntakeHistoryProblem {
  code: IntakeHistoryCode;
  input: "intakeHistory" | "intakeHistoryStart" | "historyPeriods" | "firstWeek";
  /** The cell or range; absent for a value typed in the pane. */
  address?: string;
  /** 1-based position of the value in the history. */
  position?: number;
  got?: unknown;
  /** Figures for the sentence: counts, limits, dates (Excel serials). */
  detail?: Record<string, number>;
}

export type IntakeHistoryResult = { ok: true; history: IntakeHistory } | { ok: false; problem: IntakeHistoryProblem };

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Words a planner may type or write for the periods, in both languages. */
const PERIOD_WORDS: Record<string, HistoryPeriods> = {
  week: 52,
  weeks: 52,
  weekly: 52,
  weken: 52,
  wekelijks: 52,
  month: 12,
  months: 12,
  monthly: 12,
  maand: 12,
  maanden: 12,
  maandelijks: 12,
};

/**
 * 52 or 12 as a planner gives it: the number, or a word (week, weken, maand, monthly, …).
 *
 * @example parseHistoryPeriods("maand") // 12
 */
export function parseHistoryPeriods(value: unknown): HistoryPeriods | undefined {
  if (typeof value === "number") return value === 12 || value === 52 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  if (text === "12" || text === "52") return Number(text) as HistoryPeriods;
  return PERIOD_WORDS[text];
}

/** The problem with one history cell, or its count. */
function checkCount(value: unknown, address: string, position: number): IntakeHistoryProblem | number {
  const at = { input: "intakeHistory", address, position } as const;
  if (isBlank(value)) return { code: "blank", ...at };
  if (typeof value === "object" && value !== null && "error" in value) return { code: "error-value", ...at, got: (value as { error: unknown }).error };
  if (typeof value === "boolean") return { code: "boolean", ...at, got: value };
  if (typeof value === "string") return { code: isErrorText(value) ? "error-value" : "text", ...at, got: value };
  if (value instanceof Date) return { code: "text", ...at, got: value.toISOString().slice(0, 10) };
  if (typeof value !== "number") return { code: "text", ...at, got: String(value) };
  if (!Number.isFinite(value)) return { code: "not-finite", ...at, got: value };
  if (value < 0) return { code: "negative", ...at, got: value };
  return value;
}

/** The counts: one column or row, a blank only after the last figure, 6 to 5,200 of them. */
function readCounts(raw: RawInput): IntakeHistoryProblem | number[] {
  const input = "intakeHistory" as const;
  if (raw.hasMergedCells) return { code: "merged", input, address: raw.address };
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows > 1 && columns > 1) return { code: "shape", input, address: raw.address, detail: { rows, columns } };
  const flat = rows > 1 ? raw.values.map((r) => r[0]) : (raw.values[0] ?? []);
  let last = flat.length - 1;
  while (last >= 0 && isBlank(flat[last])) last--;
  if (last < 0) return { code: "empty", input, address: raw.address };
  const counts: number[] = [];
  for (let i = 0; i <= last; i++) {
    const cell = cellInRange(raw.address, rows > 1 ? i : 0, rows > 1 ? 0 : i);
    const checked = checkCount(flat[i], cell, i + 1);
    if (typeof checked !== "number") return checked;
    counts.push(checked);
  }
  if (counts.length < MIN_HISTORY) return { code: "too-short", input, address: raw.address, detail: { count: counts.length, min: MIN_HISTORY } };
  if (counts.length > MAX_HISTORY) return { code: "too-long", input, address: raw.address, detail: { count: counts.length, max: MAX_HISTORY } };
  return counts;
}

/** The first period's date: one cell holding a date (a serial or a Date), or a typed serial. */
function readStart(start: RawInput | number): IntakeHistoryProblem | number {
  const input = "intakeHistoryStart" as const;
  if (typeof start === "number") return Math.floor(start);
  const rows = start.values.length;
  const columns = start.values[0]?.length ?? 0;
  if (rows * columns !== 1) return { code: "shape", input, address: start.address, detail: { rows, columns } };
  const value = start.values[0]?.[0];
  const address = cellInRange(start.address, 0, 0);
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 2_958_465) return Math.floor(value);
  if (isBlank(value)) return { code: "empty", input, address };
  return { code: "not-a-date", input, address, got: value };
}

/** 52 or 12, from a cell or typed. */
function readPeriods(periods: RawInput | number): IntakeHistoryProblem | HistoryPeriods {
  const input = "historyPeriods" as const;
  if (typeof periods === "number") return parseHistoryPeriods(periods) ?? { code: "periods", input, got: periods };
  const rows = periods.values.length;
  const columns = periods.values[0]?.length ?? 0;
  if (rows * columns !== 1) return { code: "shape", input, address: periods.address, detail: { rows, columns } };
  const value = periods.values[0]?.[0];
  const address = cellInRange(periods.address, 0, 0);
  if (isBlank(value)) return DEFAULT_HISTORY_PERIODS;
  return parseHistoryPeriods(value) ?? { code: "periods", input, address, got: value };
}

const isProblem = (v: unknown): v is IntakeHistoryProblem => typeof v === "object" && v !== null && "code" in v;

/**
 * Checks the history as read: its counts (a blank inside, text, an error value, a negative number
 * each refused, naming the cell and the value's position), its start date and its periods.
 *
 * @example
 * readIntakeHistory({ values: { address: "Invoer!F2:F157", values: weeks.map((n) => [n]) }, start: 44200 })
 * // → { ok: true, history: { values: […156], periodsPerYear: 52, start: 44200, address: "Invoer!F2:F157" } }
 */
export function readIntakeHistory(cells: IntakeHistoryCells): IntakeHistoryResult {
  const values = readCounts(cells.values);
  if (isProblem(values)) return { ok: false, problem: values };
  const periods = cells.periods === undefined ? DEFAULT_HISTORY_PERIODS : readPeriods(cells.periods);
  if (isProblem(periods)) return { ok: false, problem: periods };
  const start = cells.start === undefined ? undefined : readStart(cells.start);
  if (isProblem(start)) return { ok: false, problem: start };
  const address = cellsAddress(cells.values, values.length);
  return { ok: true, history: { values, periodsPerYear: periods, ...(start !== undefined && { start }), address } };
}

/** The address of the first `count` cells of a one-column or one-row range. */
function cellsAddress(raw: RawInput, count: number): string {
  const down = raw.values.length > 1;
  const first = cellInRange(raw.address, 0, 0);
  if (first === raw.address) return raw.address; // a constant name: no cells to point at
  const last = cellInRange(raw.address, down ? count - 1 : 0, down ? 0 : count - 1);
  const bang = last.lastIndexOf("!");
  return count === 1 ? first : `${first}:${last.slice(bang + 1)}`;
}
