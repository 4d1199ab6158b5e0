/**
 * The planner's inputs as read from a workbook, host-neutral. The task pane (Office.js) and
 * `npm run plan` (ExcelJS) both read cells, hand them here as `RawInput`s, and get back either
 * checked `PlanInputs` or one `InputProblem` that names the cell: "Invoer!C14 contains the text
 * 'n.v.t.'; a number was expected." Nothing is guessed: text that looks like a number ("25",
 * Dutch "1.234,5") is rejected, as are booleans, error values and dates typed as text.
 */
import { DEFAULT_UPLIFT, MAX_WEEKS } from "../engine";
import { dateToSerial } from "./dates";
import type { IntakeHistoryCells } from "./intakeHistory";
import { cellAddress, parseCell, SheetSpec } from "./spec";

/** Workbook-scoped defined names the add-in reads and writes, English first, then Dutch. */
export const INPUT_NAMES = {
  opening: ["OpeningBacklog", "Beginvoorraad"],
  intake: ["Intake", "Instroom"],
  capacity: ["Capacity", "Capaciteit"],
  uplift: ["Uplift", "Opslag"],
  firstWeek: ["FirstWeek", "EersteWeek"],
  // The actuals for the monitoring sheet (issue 11), optional: weekly ranges from week 1.
  actualIntake: ["ActualIntake", "GerealiseerdeInstroom"],
  actualDecisions: ["ActualDecisions", "GerealiseerdeAfdoeningen"],
  actualBacklog: ["ActualBacklog", "GerealiseerdeVoorraad"],
  // The intake history (issue 24), optional: without Intake the plan's intake is its forecast.
  intakeHistory: ["IntakeHistory", "InstroomHistorie"],
  intakeHistoryStart: ["IntakeHistoryStart", "InstroomHistorieStart"],
} as const;

export type InputKey = keyof typeof INPUT_NAMES;
export const INPUT_KEYS = Object.keys(INPUT_NAMES) as InputKey[];
/** The optional actuals' inputs, read for the monitoring sheet. */
export const ACTUAL_KEYS = ["actualIntake", "actualDecisions", "actualBacklog"] as const;
export type ActualKey = (typeof ACTUAL_KEYS)[number];
/** The intake history's inputs, checked by the plan step (intakeHistory.ts, src/plan/intakeForecast.ts). */
export const HISTORY_KEYS = ["intakeHistory", "intakeHistoryStart"] as const;
export type HistoryKey = (typeof HISTORY_KEYS)[number];
/** The plan's own inputs, read and checked here. */
export type PlanInputKey = Exclude<InputKey, ActualKey | HistoryKey>;

/** Finds which input a defined name stands for (case-insensitive, as Excel names are). */
export function inputKeyForName(name: string): InputKey | undefined {
  const lower = name.toLowerCase();
  return INPUT_KEYS.find((key) => INPUT_NAMES[key].some((n) => n.toLowerCase() === lower));
}

/** An error value in a cell (#N/A, #REF!, …), as adapters normalise it. */
export interface CellErrorValue {
  error: string;
}

/** Cells read for one input. */
export interface RawInput {
  /** Sheet-qualified address as the host reports it: "Invoer!C5:C56" or "'My sheet'!B2". */
  address: string;
  /** Values, row by row. Blank: null or "". Dates: Excel serials or JS Dates. */
  values: unknown[][];
  /** Merged cells inside the input make the week-to-cell mapping ambiguous: refused. */
  hasMergedCells?: boolean;
}

export interface RawPlanInputs {
  opening: RawInput;
  /** Absent (or all blank) with an intake history: the plan's intake is then its forecast. */
  intake?: RawInput;
  capacity?: RawInput;
  /** A cell holding the uplift (e.g. 10% = 0.1), or a number typed in the pane. */
  uplift?: RawInput | number;
  firstWeek?: RawInput;
  /** Horizon typed in the pane, in weeks. */
  horizon?: number;
  /** Target backlog: typed in the pane or given as a setting, or the cell its name or field points at. */
  target?: number | RawInput;
  /** Decisions per fte per week (issue 23): a number, or the cell holding it. */
  decisionsPerFte?: number | RawInput;
  /** Whether triage's extra fte are new staff: yes/no, or the cell holding it. */
  triageStaffIsNew?: boolean | RawInput;
  /** The actual figures (monitoring): intake and decisions together, the counted backlog optional. */
  actualIntake?: RawInput;
  actualDecisions?: RawInput;
  actualBacklog?: RawInput;
  /** The intake history (issue 24): one column or row of counts, oldest first. */
  intakeHistory?: RawInput;
  /** The history's first period's date: a cell, or an Excel serial typed in the pane. */
  intakeHistoryStart?: RawInput | number;
  /** Periods per year of the history, 52 or 12: a cell, or a number typed in the pane. */
  historyPeriods?: RawInput | number;
}

/** The actual figures, one value per known week from week 1. */
export interface PlanActuals {
  intake: number[];
  decisions: number[];
  backlog?: number[];
}

export interface PlanInputs {
  opening: number;
  intake: number | number[];
  capacity?: number | number[];
  uplift: number;
  weeks?: number;
  /** Excel serial of the first week's start date. */
  firstWeek?: number;
  target: number;
  /** True when the planner gave the target; without one the uncertainty asks whether the backlog ends below the opening. */
  targetGiven?: boolean;
  /**
   * Decisions one fte makes in a week (`DecisionsPerFteWeek` / `BeslissingenPerFteWeek`), when
   * the planner gave it; the sheets then show capacity in fte with it, else with an example figure.
   */
  decisionsPerFteWeek?: number;
  /** Triage's extra fte are new staff; absent or false: taken from other work (an assumption). */
  triageStaffIsNew?: boolean;
  /** The actual figures, when the workbook has them: the run then writes the monitoring sheet. */
  actuals?: PlanActuals;
  /**
   * The intake history's cells as read, checked and forecast by the plan step
   * (src/plan/intakeForecast.ts), whose sentences name the cells.
   */
  intakeHistory?: IntakeHistoryCells;
  /**
   * True when the planner gave no Intake: `intake` is empty here and the plan step fills in the
   * forecast from the history, over `weeks` (the horizon, or 52).
   */
  intakeFromHistory?: boolean;
}

export type ProblemCode =
  | "text"
  | "boolean"
  | "error-value"
  | "negative"
  | "not-finite"
  | "empty"
  | "shape"
  | "merged"
  | "not-a-date"
  | "uplift-range"
  | "horizon-range"
  | "horizon-too-long"
  | "length-mismatch"
  | "too-large"
  /** Actual intake without actual decisions, or the other way round. */
  | "actuals-incomplete"
  /** An actual range whose length differs from the actual intake's. */
  | "actuals-length"
  /** An actual range with more weeks than the plan. */
  | "actuals-too-long"
  /** A monitoring run on a workbook without actuals. */
  | "no-actuals"
  /** A number that must be above 0 (decisions per fte-week). */
  | "not-positive"
  /** Not yes or no (triage's staff): ja/nee, yes/no, WAAR/ONWAAR, 1/0. */
  | "not-yes-no";

/** Inputs that are one number or switch, typed in the pane or given as a setting (issue 23). */
export type SettingInput = "target" | "decisionsPerFte" | "triageStaffIsNew";

export interface InputProblem {
  code: ProblemCode;
  input: PlanInputKey | "horizon" | SettingInput;
  /** The cell or range the problem is in, "Invoer!C14"; absent for values typed in the pane. */
  address?: string;
  got?: unknown;
  /** Extra figures for the message (lengths, limits). */
  detail?: Record<string, number>;
}

/** A problem with one of the actuals' ranges (monitoring); the pane has no field for these. */
export interface ActualsProblem extends Omit<InputProblem, "input"> {
  input: ActualKey;
}

export type InputsResult =
  | { ok: true; inputs: PlanInputs }
  | { ok: false; problem: InputProblem | ActualsProblem };

/** Whether a problem is about the actuals (no pane field to point at). */
export function isActualsProblem(problem: InputProblem | ActualsProblem): problem is ActualsProblem {
  return (ACTUAL_KEYS as readonly string[]).includes(problem.input);
}

/** Splits "'My sheet'!C5:C56" into sheet ("My sheet") and range ("C5:C56"). */
export function splitAddress(address: string): { sheet: string | undefined; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** Quotes a sheet name for an address when Excel would: "'My sheet'!A1". */
export function qualify(sheet: string, range: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${range}`;
}

/** The address of cell (row, column) inside a range address, keeping the sheet: "Invoer!C14". */
export function cellInRange(address: string, row: number, column: number): string {
  const { sheet, range } = splitAddress(address);
  const first = (range.split(":")[0] as string).replace(/\$/g, "");
  // A defined name holding a constant (=25) or a whole column ("C:C") has no cell to point at:
  // the message names what the planner gave instead.
  if (!/^[A-Za-z]+\d+$/.test(first)) return address;
  const start = parseCell(first);
  const cell = cellAddress(start.row + row, start.column + column);
  return sheet === undefined ? cell : qualify(sheet, cell);
}

/** A problem about any input; narrowed to `InputProblem` for the plan's own inputs. */
type AnyProblem = InputProblem | ActualsProblem;
/** The inputs checked here (the history is checked by the plan step). */
type CheckedKey = PlanInputKey | ActualKey;

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";
const isErrorValue = (v: unknown): v is CellErrorValue =>
  typeof v === "object" && v !== null && "error" in v && typeof (v as CellErrorValue).error === "string";

/** Checks one cell as a number ≥ 0; returns the problem or the number. */
function checkCell(value: unknown, input: CheckedKey | SettingInput, address: string): AnyProblem | number {
  if (isErrorValue(value)) return { code: "error-value", input, address, got: value.error };
  if (typeof value === "boolean") return { code: "boolean", input, address, got: value };
  if (typeof value === "string") {
    // Office.js reports error cells as their text when valueTypes are not consulted.
    if (isErrorText(value)) return { code: "error-value", input, address, got: value };
    return { code: "text", input, address, got: value };
  }
  if (value instanceof Date) return { code: "text", input, address, got: value.toISOString().slice(0, 10) };
  if (typeof value !== "number") return { code: "text", input, address, got: String(value) };
  if (!Number.isFinite(value)) return { code: "not-finite", input, address, got: value };
  if (value < 0) return { code: "negative", input, address, got: value };
  return value;
}

/** A weekly series from a one-column or one-row range; trailing blanks are dropped. */
function readWeekly(raw: RawInput, input: CheckedKey): AnyProblem | number | number[] {
  if (raw.hasMergedCells) return { code: "merged", input, address: raw.address };
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return { code: "empty", input, address: raw.address };
  if (rows > 1 && columns > 1) {
    return { code: "shape", input, address: raw.address, detail: { rows, columns } };
  }
  const cells: { value: unknown; row: number; column: number }[] = [];
  raw.values.forEach((line, r) => line.forEach((value, c) => cells.push({ value, row: r, column: c })));
  let last = cells.length - 1;
  while (last >= 0 && isBlank(cells[last]?.value)) last--;
  if (last < 0) return { code: "empty", input, address: raw.address };
  if (last >= MAX_WEEKS) {
    return { code: "horizon-too-long", input, address: raw.address, detail: { weeks: last + 1, max: MAX_WEEKS } };
  }
  const out: number[] = [];
  for (let i = 0; i <= last; i++) {
    const cell = cells[i] as { value: unknown; row: number; column: number };
    // A blank between figures counts as 0, as Excel's own SUM would; desktop and web agree.
    const checked = checkCell(isBlank(cell.value) ? 0 : cell.value, input, cellInRange(raw.address, cell.row, cell.column));
    if (typeof checked !== "number") return checked;
    out.push(checked);
  }
  return out.length === 1 ? (out[0] as number) : out;
}

/** One cell's number (a one-cell range). */
function readSingle(raw: RawInput, input: PlanInputKey | SettingInput): InputProblem | number {
  if (raw.hasMergedCells) return { code: "merged", input, address: raw.address };
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return { code: "empty", input, address: raw.address };
  if (rows * columns !== 1) return { code: "shape", input, address: raw.address, detail: { rows, columns } };
  const value = raw.values[0]?.[0];
  const address = cellInRange(raw.address, 0, 0);
  if (isBlank(value)) return { code: "empty", input, address };
  return checkCell(value, input, address) as InputProblem | number;
}

function readDate(raw: RawInput): InputProblem | number {
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows * columns !== 1) return { code: "shape", input: "firstWeek", address: raw.address, detail: { rows, columns } };
  const value = raw.values[0]?.[0];
  const address = cellInRange(raw.address, 0, 0);
  if (value instanceof Date) return dateToSerial(value);
  // A real date cell holds a serial number; 1 = 1900-01-01, 2958465 = 9999-12-31.
  if (typeof value === "number" && Number.isFinite(value) && value >= 1 && value <= 2_958_465) return Math.floor(value);
  if (isBlank(value)) return { code: "empty", input: "firstWeek", address };
  return { code: "not-a-date", input: "firstWeek", address, got: value };
}

const isProblem = (v: unknown): v is AnyProblem => typeof v === "object" && v !== null && "code" in v;

/**
 * Checks everything the planner gave before anything is computed or written.
 *
 * @example
 * readPlanInputs({ opening: { address: "Invoer!C2", values: [[1440]] },
 *                  intake: { address: "Invoer!C5:C56", values: weeks.map((w) => [25]) } })
 */
export function readPlanInputs(raw: RawPlanInputs): InputsResult {
  const opening = readSingle(raw.opening, "opening");
  if (isProblem(opening)) return { ok: false, problem: opening };
  // The planner's own Intake wins; without it (or with its cells all blank) the history's forecast.
  const fromHistory = raw.intakeHistory !== undefined && (raw.intake === undefined || allBlank(raw.intake));
  if (raw.intake === undefined && !fromHistory) return { ok: false, problem: { code: "empty", input: "intake" } };
  const intake = fromHistory ? [] : readWeekly(raw.intake as RawInput, "intake");
  if (isProblem(intake)) return { ok: false, problem: intake };
  let capacity: number | number[] | undefined;
  if (raw.capacity) {
    const read = readWeekly(raw.capacity, "capacity");
    if (isProblem(read)) return { ok: false, problem: read };
    capacity = read;
    if (!fromHistory && Array.isArray(intake) && Array.isArray(capacity) && capacity.length !== intake.length) {
      return {
        ok: false,
        problem: {
          code: "length-mismatch",
          input: "capacity",
          address: raw.capacity.address,
          detail: { capacity: capacity.length, intake: intake.length },
        },
      };
    }
  }
  let uplift = DEFAULT_UPLIFT;
  if (raw.uplift !== undefined) {
    const read = typeof raw.uplift === "number" ? raw.uplift : readSingle(raw.uplift, "uplift");
    if (isProblem(read)) {
      // A negative uplift down to −100% is allowed; re-check the raw number in that case.
      if (read.code !== "negative" || typeof read.got !== "number") return { ok: false, problem: read };
    }
    const value = isProblem(read) ? (read.got as number) : read;
    if (!Number.isFinite(value) || value < -1) {
      const problem: InputProblem = { code: "uplift-range", input: "uplift", got: value };
      if (typeof raw.uplift !== "number") problem.address = cellInRange(raw.uplift.address, 0, 0);
      return { ok: false, problem };
    }
    uplift = value;
  }
  const inputs: PlanInputs = { opening, intake, uplift, target: 0 };
  if (capacity !== undefined) inputs.capacity = capacity;
  if (raw.horizon !== undefined) {
    const seriesWeeks =
      Array.isArray(intake) && !fromHistory ? intake.length : Array.isArray(capacity) ? capacity.length : undefined;
    const limit = seriesWeeks ?? MAX_WEEKS;
    if (!Number.isInteger(raw.horizon) || raw.horizon < 1 || raw.horizon > limit) {
      return { ok: false, problem: { code: "horizon-range", input: "horizon", got: raw.horizon, detail: { max: limit } } };
    }
    inputs.weeks = raw.horizon;
  }
  if (raw.intakeHistory !== undefined) {
    inputs.intakeHistory = historyCells(raw, raw.intakeHistory);
    // The horizon is then the Weeks setting (the pane's horizon), a capacity series' length, or 52.
    if (fromHistory) {
      inputs.intakeFromHistory = true;
      inputs.weeks ??= Array.isArray(capacity) ? capacity.length : 52;
    }
  }
  if (raw.firstWeek) {
    const first = readDate(raw.firstWeek);
    if (isProblem(first)) return { ok: false, problem: first };
    inputs.firstWeek = first;
  }
  const settings = readSettingInputs(raw);
  if ("code" in settings) return { ok: false, problem: settings };
  Object.assign(inputs, settings);
  const tooLarge = checkTotals(inputs, raw);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const actuals = readActuals(raw, planWeeks(inputs));
  if (isProblem(actuals)) return { ok: false, problem: actuals };
  if (actuals) inputs.actuals = actuals;
  return { ok: true, inputs };
}

/** A setting's number as typed or read from its cell: ≥ 0 (the target) or above 0 (decisions per fte). */
function readSettingNumber(given: number | RawInput, input: "target" | "decisionsPerFte"): InputProblem | number {
  const value = typeof given === "number" ? given : readSingle(given, input);
  if (typeof value !== "number") return value;
  const address = typeof given === "number" ? undefined : cellInRange(given.address, 0, 0);
  const at = address === undefined ? {} : { address };
  if (!Number.isFinite(value)) return { code: "not-finite", input, got: value, ...at };
  if (value < 0) return { code: "negative", input, got: value, ...at };
  if (input === "decisionsPerFte" && value === 0) return { code: "not-positive", input, got: value, ...at };
  return value;
}

/** ja/nee, yes/no, WAAR/ONWAAR, TRUE/FALSE, 1/0: a switch typed, read from a cell, or a cell's boolean. */
function readYesNo(given: boolean | RawInput): InputProblem | boolean {
  if (typeof given === "boolean") return given;
  const address = cellInRange(given.address, 0, 0);
  const rows = given.values.length;
  const columns = given.values[0]?.length ?? 0;
  if (rows * columns !== 1) return { code: "shape", input: "triageStaffIsNew", address: given.address, detail: { rows, columns } };
  const value = given.values[0]?.[0];
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  const yesNo = parseYesNo(typeof value === "string" ? value : "");
  if (yesNo !== undefined) return yesNo;
  if (isBlank(value)) return { code: "empty", input: "triageStaffIsNew", address };
  return { code: "not-yes-no", input: "triageStaffIsNew", address, got: isErrorValue(value) ? value.error : value };
}

/** "ja", "nee", "yes", "no", "waar", "onwaar", "true", "false", "1", "0" (any case) → true or false. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (["ja", "yes", "waar", "true", "1"].includes(t)) return true;
  if (["nee", "no", "onwaar", "false", "0"].includes(t)) return false;
  return undefined;
}

/** The target, decisions per fte-week and triage's staff, each checked with a sentence naming its cell or field. */
function readSettingInputs(raw: RawPlanInputs): InputProblem | Partial<Pick<PlanInputs, "target" | "targetGiven" | "decisionsPerFteWeek" | "triageStaffIsNew">> {
  const out: Partial<Pick<PlanInputs, "target" | "targetGiven" | "decisionsPerFteWeek" | "triageStaffIsNew">> = {};
  if (raw.target !== undefined) {
    const target = readSettingNumber(raw.target, "target");
    if (typeof target !== "number") return target;
    out.target = target;
    out.targetGiven = true;
  }
  if (raw.decisionsPerFte !== undefined) {
    const perFte = readSettingNumber(raw.decisionsPerFte, "decisionsPerFte");
    if (typeof perFte !== "number") return perFte;
    out.decisionsPerFteWeek = perFte;
  }
  if (raw.triageStaffIsNew !== undefined) {
    const isNew = readYesNo(raw.triageStaffIsNew);
    if (typeof isNew !== "boolean") return isNew;
    out.triageStaffIsNew = isNew;
  }
  return out;
}

/** Whether a range holds no figure at all (an Intake column emptied to use the history's forecast). */
const allBlank = (raw: RawInput): boolean => raw.values.every((row) => row.every(isBlank));

/** The history's cells as read, for the plan step. */
function historyCells(raw: RawPlanInputs, values: RawInput): IntakeHistoryCells {
  return {
    values,
    ...(raw.intakeHistoryStart !== undefined && { start: raw.intakeHistoryStart }),
    ...(raw.historyPeriods !== undefined && { periods: raw.historyPeriods }),
  };
}

/** The plan's horizon in weeks, as the projection takes it. */
function planWeeks(inputs: PlanInputs): number {
  const { intake, capacity } = inputs;
  return inputs.weeks ?? (Array.isArray(intake) ? intake.length : Array.isArray(capacity) ? capacity.length : 52);
}

/** One actual range as weeks from week 1; all blank is no weeks yet (an Excel table's empty row). */
function readActualSeries(raw: RawInput, input: ActualKey): AnyProblem | number[] {
  const read = readWeekly(raw, input);
  if (isProblem(read)) return read.code === "empty" ? [] : read;
  return Array.isArray(read) ? read : [read];
}

/**
 * The actuals for the monitoring sheet, checked by the issue's rules: intake and decisions come
 * together and have the same length, a counted backlog has that length too, none is longer than
 * the plan, a blank inside counts as 0. Undefined when the workbook has none (or all are blank).
 */
function readActuals(raw: RawPlanInputs, weeks: number): AnyProblem | PlanActuals | undefined {
  const series: Partial<Record<ActualKey, number[]>> = {};
  for (const key of ACTUAL_KEYS) {
    const range = raw[key];
    if (!range) continue;
    const read = readActualSeries(range, key);
    if (isProblem(read)) return read;
    series[key] = read;
  }
  const intake = series.actualIntake ?? [];
  const decisions = series.actualDecisions ?? [];
  const backlog = series.actualBacklog;
  if (intake.length === 0 && decisions.length === 0 && (backlog?.length ?? 0) === 0) return undefined;
  if (!raw.actualIntake || !raw.actualDecisions) {
    const given: ActualKey = raw.actualIntake ? "actualIntake" : raw.actualDecisions ? "actualDecisions" : "actualBacklog";
    const range = raw[given] as RawInput;
    return { code: "actuals-incomplete", input: given, address: range.address };
  }
  const known = intake.length;
  for (const key of ["actualDecisions", "actualBacklog"] as const) {
    const length = series[key]?.length;
    const range = raw[key];
    if (length === undefined || !range || length === known) continue;
    return { code: "actuals-length", input: key, address: range.address, detail: { weeks: length, intake: known } };
  }
  for (const key of ACTUAL_KEYS) {
    const length = series[key]?.length ?? 0;
    const range = raw[key];
    if (range && length > weeks) {
      return { code: "actuals-too-long", input: key, address: range.address, detail: { weeks: length, plan: weeks } };
    }
  }
  return { intake, decisions, ...(backlog !== undefined && backlog.length > 0 && { backlog }) };
}

/**
 * Every figure may be finite and still add up to Infinity (1e308 twice): then the engine, the
 * sheet's totals or the planning rule's capacity would not be finite. Refused here, naming the
 * range, so nothing downstream ever meets a NaN or an Infinity.
 */
function checkTotals(inputs: PlanInputs, raw: RawPlanInputs): InputProblem | undefined {
  const { intake, capacity } = inputs;
  const weeks =
    inputs.weeks ?? (Array.isArray(intake) ? intake.length : Array.isArray(capacity) ? capacity.length : 52);
  const total = (series: number | number[]): number => {
    if (!Array.isArray(series)) return series * weeks;
    let sum = 0;
    for (let i = 0; i < Math.min(weeks, series.length); i++) sum += series[i] as number;
    return sum;
  };
  // What can come in, with the planning rule's uplift on top: a bound on every backlog, decision
  // and capacity figure the projection holds.
  const intakeTotal = total(intake);
  if (!Number.isFinite(inputs.opening + intakeTotal * (1 + Math.max(0, inputs.uplift)))) {
    return { code: "too-large", input: "intake", ...(raw.intake !== undefined && { address: raw.intake.address }) };
  }
  if (capacity !== undefined && raw.capacity && !Number.isFinite(total(capacity))) {
    return { code: "too-large", input: "capacity", address: raw.capacity.address };
  }
  return undefined;
}

/**
 * Drops blank cells before the first and after the last figure of a trimmed one-column or one-row
 * range, and moves its address along: week 1 is the first used cell of a whole column.
 */
export function trimBlankEnds(raw: RawInput): RawInput {
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0 || (rows > 1 && columns > 1)) return raw;
  const flat = rows > 1 ? raw.values.map((r) => r[0]) : (raw.values[0] as unknown[]);
  let first = 0;
  while (first < flat.length && isBlank(flat[first])) first++;
  let last = flat.length - 1;
  while (last >= first && isBlank(flat[last])) last--;
  if (first > last) return { ...raw, values: [] };
  const { sheet, range } = splitAddress(raw.address);
  const start = parseCell((range.split(":")[0] as string).replace(/\$/g, ""));
  const down = rows > 1;
  const from = down
    ? { row: start.row + first, column: start.column }
    : { row: start.row, column: start.column + first };
  const to = down ? { row: start.row + last, column: start.column } : { row: start.row, column: start.column + last };
  const a1 = (p: { row: number; column: number }): string => cellAddress(p.row, p.column);
  const trimmedRange = first === last ? a1(from) : `${a1(from)}:${a1(to)}`;
  const kept = flat.slice(first, last + 1);
  return {
    ...raw,
    address: sheet === undefined ? trimmedRange : qualify(sheet, trimmedRange),
    values: down ? kept.map((v) => [v]) : [kept],
  };
}

/**
 * What reading the inputs did that the planner should know, though nothing is wrong: each becomes
 * a sentence in the pane, on `npm run plan`'s output and in the notes of the sheets written.
 */
export type ReadingNote =
  /** A whole column or row began with text: headers, skipped (`cells` are the skipped cells). */
  | { kind: "headers-skipped"; from: string; cells: string; texts: string[]; to: string }
  /** The only name for an input is scoped to one sheet; it was used. */
  | { kind: "sheet-scoped"; name: string; sheet: string }
  /** The first week does not start on a Monday (`weekday` 1 = Monday … 7 = Sunday). */
  | { kind: "not-monday"; serial: number; weekday: number; address?: string };

/** The kinds of `ReadingNote`, to tell them among a host's other notes. */
export const READING_NOTE_KINDS: readonly string[] = ["headers-skipped", "sheet-scoped", "not-monday"];

/** Days between the 1900 and the 1904 date system's serial of the same day. */
export const DATE1904_OFFSET = 1462;

/**
 * A date input read from a workbook that counts from 1904 (`date1904`, Excel for Mac's old
 * default): its serials moved into the add-in's own 1900 system. Dates (JS `Date`s, from a typed
 * ISO date cell or a DATE formula) are absolute already and stay.
 *
 * @example
 * toDate1900({ address: "Invoer!B5", values: [[43830]] }, true).values // [[45292]]: 2024-01-01
 */
export function toDate1900(raw: RawInput, date1904: boolean): RawInput {
  if (!date1904) return raw;
  return { ...raw, values: raw.values.map((row) => row.map((v) => (typeof v === "number" ? v + DATE1904_OFFSET : v))) };
}

/**
 * A whole column or row's leading text cells, skipped as headers ("Instroom" above the weeks in
 * `Invoer!B:B`), with the blanks after them; undefined when it starts with no text. Text after the
 * first figure stays, and is refused as before. `raw` is the used part, its blank ends trimmed.
 */
export function skipHeaders(raw: RawInput, from: string): { raw: RawInput; note: ReadingNote } | undefined {
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0 || (rows > 1 && columns > 1)) return undefined;
  const flat = rows > 1 ? raw.values.map((r) => r[0]) : (raw.values[0] as unknown[]);
  let count = 0;
  while (count < flat.length && ((typeof flat[count] === "string" && !isErrorText(flat[count] as string)) || isBlank(flat[count]))) count++;
  if (count === 0) return undefined;
  const texts = flat.slice(0, count).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  const down = rows > 1;
  const at = (i: number): string => cellInRange(raw.address, down ? i : 0, down ? 0 : i);
  const span = (a: number, b: number): string => (a === b ? at(a) : `${at(a)}:${splitAddress(at(b)).range}`);
  const kept = flat.slice(count);
  const rest: RawInput =
    kept.length === 0
      ? { ...raw, values: [] }
      : trimBlankEnds({ ...raw, address: span(count, flat.length - 1), values: down ? kept.map((v) => [v]) : [kept] });
  return { raw: rest, note: { kind: "headers-skipped", from, cells: span(0, count - 1), texts, to: rest.address } };
}

/** Office.js reports an error cell as its text when valueTypes are not consulted. */
export const isErrorText = (value: string): boolean =>
  /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BLOCKED!|CONNECT!|FIELD!|BUSY!|UNKNOWN!)$/.test(value);

/** Weekday of a 1900-system serial: 1 = Monday … 7 = Sunday (serial 2, 1900-01-01, was a Monday). */
export const weekdayOf = (serial: number): number => ((((Math.floor(serial) - 2) % 7) + 7) % 7) + 1;

/**
 * A note when the first week does not start on a Monday. The tool keeps the day as given: each
 * week runs seven days from it, and carries the ISO week its first day falls in.
 */
export function firstWeekNote(serial: number | undefined, address?: string): ReadingNote | undefined {
  if (serial === undefined) return undefined;
  const weekday = weekdayOf(serial);
  if (weekday === 1) return undefined;
  return { kind: "not-monday", serial, weekday, ...(address !== undefined && { address }) };
}

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;
/** Characters Excel does not allow in a sheet name. */
export const FORBIDDEN_SHEET_CHARACTERS = [":", "\\", "/", "?", "*", "[", "]"] as const;
/** Excel keeps this sheet name for itself (the change history of shared workbooks). */
export const RESERVED_SHEET_NAME = "History";

/**
 * Whether a sheet's name is one the add-in gives a sheet it wants to call `wanted`: the name
 * itself or, when that was taken, "Prognose (2)", "Prognose (3)", … (cut to 31 characters), in
 * any case. A sheet of the add-in's under another name was renamed by the planner: it is theirs
 * now, kept, and the next run writes its sheet anew.
 *
 * @example
 * isGivenSheetName("Prognose (2)", "Prognose")   // true
 * isGivenSheetName("Prognose maart", "Prognose") // false
 */
export function isGivenSheetName(sheetName: string, wanted: string): boolean {
  const lower = sheetName.toLowerCase();
  if (lower === wanted.slice(0, MAX_SHEET_NAME).toLowerCase()) return true;
  const m = / \((\d+)\)$/.exec(sheetName);
  if (!m || Number(m[1]) < 2) return false;
  const suffix = m[0];
  return lower === (wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix).toLowerCase();
}

/** Whether a table is a spec's marker table: its name, or that name made free with "_2", "_3", … */
export function isMarkerTableName(tableName: string, marker: string): boolean {
  const lower = tableName.toLowerCase();
  const base = marker.toLowerCase();
  return lower === base || (lower.startsWith(`${base}_`) && /^\d+$/.test(lower.slice(base.length + 1)));
}

/** Why a sheet name typed by the planner cannot be used. */
export type SheetNameProblem =
  | { code: "too-long"; name: string; length: number }
  | { code: "bad-character"; name: string; character: string }
  | { code: "apostrophe"; name: string }
  | { code: "reserved"; name: string };

/**
 * Checks a sheet name the planner typed, by Excel's rules: at most 31 characters, none of
 * : \ / ? * [ ], no apostrophe first or last, and not "History" (in any case). Pure: whether
 * the name is already taken is the adapters' business (they add " (2)").
 *
 * @example
 * sheetNameProblem("Prognose Q1") // → undefined
 * sheetNameProblem("Q1/Q2")       // → { code: "bad-character", name: "Q1/Q2", character: "/" }
 */
export function sheetNameProblem(name: string): SheetNameProblem | undefined {
  const character = [...name].find((ch) => (FORBIDDEN_SHEET_CHARACTERS as readonly string[]).includes(ch));
  if (character !== undefined) return { code: "bad-character", name, character };
  if (name.startsWith("'") || name.endsWith("'")) return { code: "apostrophe", name };
  if (name.length > MAX_SHEET_NAME) return { code: "too-long", name, length: name.length };
  if (name.toLowerCase() === RESERVED_SHEET_NAME.toLowerCase()) return { code: "reserved", name };
  return undefined;
}

/**
 * A sheet-name field as typed: blank means the builder's own name (`undefined`); otherwise the
 * trimmed name, or the problem with it.
 */
export function readSheetName(
  text: string | undefined,
): { ok: true; name: string | undefined } | { ok: false; problem: SheetNameProblem } {
  const name = (text ?? "").trim();
  if (name === "") return { ok: true, name: undefined };
  const problem = sheetNameProblem(name);
  return problem ? { ok: false, problem } : { ok: true, name };
}

/**
 * The first cell of a spec holding a number JSON cannot carry (NaN, ±Infinity), as "B10"; the
 * last check before anything is written, so a builder's overflow never reaches a workbook.
 */
export function nonFiniteCell(spec: Pick<SheetSpec, "blocks" | "tables">): string | undefined {
  const scan = (at: string, rows: readonly (readonly unknown[])[], offset: number): string | undefined => {
    const start = parseCell(at);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as readonly unknown[];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        // A date cell carries its serial in `date`: the same check applies to it.
        const v = typeof cell === "object" && cell !== null && "date" in cell ? (cell as { date: unknown }).date : cell;
        if (typeof v === "number" && !Number.isFinite(v)) return cellAddress(start.row + offset + r, start.column + c);
      }
    }
    return undefined;
  };
  for (const block of spec.blocks) {
    const found = scan(block.at, block.cells, 0);
    if (found) return found;
  }
  for (const table of spec.tables) {
    const found = scan(table.at, table.rows, 1);
    if (found) return found;
  }
  return undefined;
}
