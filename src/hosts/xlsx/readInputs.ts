/**
 * Reads the planner's inputs from a workbook file through its defined names (OpeningBacklog,
 * Intake, Capacity, Uplift, FirstWeek or the Dutch aliases) into `RawPlanInputs`, the same
 * host-neutral shape the task pane hands to `readPlanInputs`.
 */
import type ExcelJS from "exceljs";
import { MAX_WEEKS } from "../../engine";
import { INPUT_NAMES, InputKey, qualify, RawInput, RawPlanInputs, trimBlankEnds } from "../../sheets/inputs";
import { cellAddress } from "../../sheets/spec";
import type { DefinedName } from "./definedNames";
import { GivenSettings, SETTING_KEYS, SETTING_NAMES, SettingKey } from "../../plan/settings";

/** Why the names could not be read; turned into a sentence by `describeNameProblem`. */
export type NameProblem =
  | { code: "missing"; input: InputKey; names: readonly string[] }
  | { code: "unsupported"; input: InputKey | SettingKey; name: string; formula: string }
  | { code: "no-sheet"; input: InputKey | SettingKey; name: string; sheet: string }
  | { code: "no-result"; input: InputKey | SettingKey; address: string }
  /** A setting's name must point at one cell (or hold a constant). */
  | { code: "not-one-cell"; input: SettingKey; name: string; address: string };

export type RawInputsResult =
  { ok: true; raw: RawPlanInputs; names: Partial<Record<InputKey, string>> } | { ok: false; problem: NameProblem };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!]+))!`;
const REFERENCE = new RegExp(String.raw`^${SHEET}\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$`, "i");
/** A whole column ("$C:$C") or a whole row ("$5:$5"). */
const COLUMNS = new RegExp(String.raw`^${SHEET}\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$`, "i");
const ROWS = new RegExp(String.raw`^${SHEET}\$?(\d+):\$?(\d+)$`);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** A reference as sheet plus 1-based corners, or undefined for anything else. */
export function parseReference(
  formula: string,
): { sheet: string; top: number; left: number; bottom: number; right: number } | undefined {
  const text = formula.trim().replace(/^=/, "");
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const sheetOf = (m: RegExpExecArray): string => (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string));
  let corners: [number, number, number, number] | undefined;
  let m = REFERENCE.exec(text);
  if (m) {
    const left = col(m[3] as string);
    const top = Number(m[4]);
    corners = [top, left, m[6] ? Number(m[6]) : top, m[5] ? col(m[5]) : left];
  } else if ((m = COLUMNS.exec(text))) {
    corners = [1, col(m[3] as string), MAX_ROW, col(m[4] as string)];
  } else if ((m = ROWS.exec(text))) {
    corners = [Number(m[3]), 1, Number(m[4]), MAX_COLUMN];
  }
  if (!m || !corners) return undefined;
  const [top, left, bottom, right] = corners;
  return {
    sheet: sheetOf(m),
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** The workbook-level name for an input or setting, English first, then Dutch (case-insensitive). */
function findName(names: readonly DefinedName[], wantedNames: readonly string[]): DefinedName | undefined {
  for (const wanted of wantedNames) {
    const found = names.find((n) => n.scope === undefined && n.name.toLowerCase() === wanted.toLowerCase());
    if (found) return found;
  }
  return undefined;
}

type Normalised = { value: unknown } | { noResult: true };

/** One ExcelJS cell value as `readPlanInputs` expects it: numbers, text, booleans, Dates, errors. */
function normalise(value: ExcelJS.CellValue): Normalised {
  if (value === null || value === undefined) return { value: null };
  if (typeof value !== "object" || value instanceof Date) return { value };
  if ("error" in value) return { value: { error: String(value.error) } };
  if ("richText" in value) return { value: value.richText.map((run) => run.text).join("") };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    // A formula saved without its result (by a tool that does not calculate) has no value to read.
    if (result === undefined) return { noResult: true };
    if (typeof result === "object" && result !== null && "error" in result)
      return { value: { error: String((result as { error: unknown }).error) } };
    return { value: result };
  }
  if ("text" in value) return { value: String((value as { text: unknown }).text) };
  return { value: String(value) };
}

function readRange(
  workbook: ExcelJS.Workbook,
  input: InputKey | SettingKey,
  name: DefinedName,
): { ok: true; raw: RawInput } | { ok: false; problem: NameProblem } {
  const ref = parseReference(name.formula);
  if (!ref) {
    if (NUMBER.test(name.formula.trim().replace(/^=/, ""))) {
      // A constant name (Uplift =0.1) is a value of its own; the name stands in for the cell.
      return { ok: true, raw: { address: name.name, values: [[Number(name.formula.trim().replace(/^=/, ""))]] } };
    }
    return { ok: false, problem: { code: "unsupported", input, name: name.name, formula: name.formula } };
  }
  const ws = workbook.getWorksheet(ref.sheet);
  if (!ws) return { ok: false, problem: { code: "no-sheet", input, name: name.name, sheet: ref.sheet } };
  // A whole column or row, or a range longer than any horizon (C1:C1048576), is read only where
  // the sheet has cells and then trimmed to its figures, as the task pane does: never a million
  // empty cells.
  const cellCount = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1);
  const trim = cellCount > MAX_WEEKS;
  const bottom = trim ? Math.min(ref.bottom, ws.rowCount) : ref.bottom;
  const right = trim ? Math.min(ref.right, ws.columnCount) : ref.right;
  const values: unknown[][] = [];
  let merged = false;
  for (let r = ref.top; r <= bottom; r++) {
    const line: unknown[] = [];
    for (let c = ref.left; c <= right; c++) {
      // findCell, not getCell: reading must not add empty cells to the user's sheet.
      const cell = ws.findRow(r)?.findCell(c);
      if (cell?.isMerged) merged = true;
      const read = normalise(cell?.value ?? null);
      if ("noResult" in read)
        return {
          ok: false,
          problem: { code: "no-result", input, address: qualify(ref.sheet, cellAddress(r - 1, c - 1)) },
        };
      line.push(read.value);
    }
    values.push(line);
  }
  const topLeft = cellAddress(ref.top - 1, ref.left - 1);
  if (trim && (bottom < ref.top || right < ref.left)) {
    return { ok: true, raw: { address: qualify(ws.name, topLeft), values: [] } };
  }
  const bottomRight = cellAddress(bottom - 1, right - 1);
  const address = qualify(ws.name, topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`);
  let raw: RawInput = { address, values };
  if (trim) raw = trimBlankEnds(raw);
  if (merged) raw.hasMergedCells = true;
  return { ok: true, raw };
}

/**
 * Finds and reads every input name. Opening backlog and intake are required; capacity, uplift
 * and first week are optional, as in the task pane.
 */
export function readWorkbookInputs(workbook: ExcelJS.Workbook, names: readonly DefinedName[]): RawInputsResult {
  const raw: Partial<Record<InputKey, RawInput>> = {};
  const used: Partial<Record<InputKey, string>> = {};
  for (const input of ["opening", "intake", "capacity", "uplift", "firstWeek"] as const) {
    const name = findName(names, INPUT_NAMES[input]);
    if (!name) {
      if (input === "opening" || input === "intake")
        return { ok: false, problem: { code: "missing", input, names: INPUT_NAMES[input] } };
      continue;
    }
    const read = readRange(workbook, input, name);
    if (!read.ok) return read;
    raw[input] = read.raw;
    used[input] = name.name;
  }
  const result: RawPlanInputs = { opening: raw.opening as RawInput, intake: raw.intake as RawInput };
  if (raw.capacity) result.capacity = raw.capacity;
  if (raw.uplift) result.uplift = raw.uplift;
  if (raw.firstWeek) result.firstWeek = raw.firstWeek;
  return { ok: true, raw: result, names: used };
}

/**
 * Reads the sections' settings from the workbook's own names (Onzekerheid, Simulaties,
 * AandeelSpoor2, … or the English ones): each a constant or one cell. Absent names are left out.
 *
 * @example
 * readWorkbookSettings(workbook, names) // → { ok: true, settings: { safeShare: { value: 0.2, source: { name: "AandeelSpoor2" } } } }
 */
export function readWorkbookSettings(
  workbook: ExcelJS.Workbook,
  names: readonly DefinedName[],
): { ok: true; settings: GivenSettings } | { ok: false; problem: NameProblem } {
  const settings: GivenSettings = {};
  for (const key of SETTING_KEYS) {
    const name = findName(names, SETTING_NAMES[key]);
    if (!name) continue;
    const read = readRange(workbook, key, name);
    if (!read.ok) return read;
    const values = read.raw.values;
    if (values.length !== 1 || values[0]?.length !== 1)
      return { ok: false, problem: { code: "not-one-cell", input: key, name: name.name, address: read.raw.address } };
    settings[key] = { value: values[0][0], source: { name: name.name } };
  }
  return { ok: true, settings };
}
