/**
 * The planner's inputs read from the workbook's bytes: the defined names (workbook- and
 * sheet-scoped, constants) and the cells they point at, through the package's relationships.
 * The same `RawInputsResult` as the task pane hands to `readPlanInputs`.
 */
import { activeBaselineTable } from "../../../plan/baseline";
import { MAX_WEEKS } from "../../../engine";
import {
  ACTUAL_KEYS,
  INPUT_KEYS,
  INPUT_NAMES,
  InputKey,
  qualify,
  RawInput,
  RawPlanInputs,
  ReadingNote,
  skipHeaders,
  toDate1900,
  trimBlankEnds,
} from "../../../sheets/inputs";
import { cellAddress } from "../../../sheets/spec";
import { parseTableReference, TableLayout, TableReference, tableRange } from "../../../sheets/tableReference";
import { GivenSettings, SETTING_KEYS, SETTING_NAMES, SettingKey } from "../../../plan/settings";
import { parseReference, type NameProblem, type RawInputsResult, type SheetReference } from "../readInputs";
import { cellKey, readSheetCells, SheetCells } from "./cells";
import { OpcPackage, openPackage, readSharedStrings } from "./opcPackage";
import { tableLayouts } from "./packageParts";
import { usesDate1904 } from "./workbookPart";
import { attributes, unescapeXml } from "./xml";

const MAX_ROW = 1_048_576;

export interface WorkbookName {
  name: string;
  /** The sheet a sheet-level name belongs to; undefined for a workbook-level name. */
  scope: string | undefined;
  /** The definition as stored, without "=". */
  formula: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Every defined name of the workbook part, scope resolved to its sheet's name. */
export function readWorkbookNames(pkg: OpcPackage): WorkbookName[] {
  const pattern = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;
  return [...pkg.workbookXml.matchAll(pattern)].map((m) => {
    const a = attributes(`<definedName ${m[1] ?? ""}>`);
    const local = a["localSheetId"];
    return {
      name: a["name"] ?? "",
      scope: local === undefined ? undefined : pkg.sheets[Number(local)]?.name,
      formula: unescapeXml(m[2] ?? "").replace(/^=/, ""),
    };
  });
}

/** A name found for an input: the workbook-level one, or else the only sheet-level one (noted). */
type FoundName = { name: WorkbookName; note?: ReadingNote } | { problem: NameProblem } | undefined;

/**
 * The workbook-level name among the wanted ones, English first, then Dutch (case-insensitive).
 * Without one, a name scoped to a single sheet is used and noted; on several sheets it is refused.
 */
function findName(names: readonly WorkbookName[], wantedNames: readonly string[], input: InputKey | SettingKey): FoundName {
  for (const wanted of wantedNames) {
    const found = names.find((n) => n.scope === undefined && n.name.toLowerCase() === wanted.toLowerCase());
    if (found) return { name: found };
  }
  for (const wanted of wantedNames) {
    const local = names.filter((n) => n.scope !== undefined && n.name.toLowerCase() === wanted.toLowerCase());
    const [only] = local;
    if (!only) continue;
    if (local.length > 1) {
      return { problem: { code: "sheet-scoped", input, name: only.name, sheets: local.map((n) => n.scope as string) } };
    }
    return { name: only, note: { kind: "sheet-scoped", name: only.name, sheet: only.scope as string } };
  }
  return undefined;
}

type RangeRead = { ok: true; raw: RawInput; notes: ReadingNote[] } | { ok: false; problem: NameProblem };

type SheetReader = (name: string) => SheetCells | undefined;

/** What the reader needs of a package besides its cells. */
export interface PackageView {
  pkg: OpcPackage;
  sheets: SheetReader;
  tables: readonly TableLayout[];
}

/** `DATE(2024,1,1)`, as the pane saves a typed first week, → that day; undefined for anything else. */
function dateConstant(formula: string): Date | undefined {
  const m = /^DATE\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)$/i.exec(formula);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) ? date : undefined;
}

/** `[1]Invoer!$B$2` or `'[1]Week data'!$B:$B`: a reference into another workbook (an external link). */
const OTHER_WORKBOOK = /^'?\[\d+\]/;

function readRange(view: PackageView, input: InputKey | SettingKey, name: WorkbookName): RangeRead {
  const formula = name.formula.trim();
  // A constant name (Uplift =0.1) is a value of its own; the name stands in for the cell.
  if (NUMBER.test(formula)) return { ok: true, raw: { address: name.name, values: [[Number(formula)]] }, notes: [] };
  const day = dateConstant(formula);
  if (day) return { ok: true, raw: { address: name.name, values: [[day]] }, notes: [] };
  if (OTHER_WORKBOOK.test(formula)) return { ok: false, problem: { code: "other-workbook", input, name: name.name, formula } };
  const structured = parseTableReference(formula);
  if (structured) return readTable(view, input, name, structured);
  const ref = parseReference(formula);
  if (!ref) return { ok: false, problem: { code: "unsupported", input, name: name.name, formula } };
  const entry = view.pkg.sheets.find((s) => s.name.toLowerCase() === ref.sheet.toLowerCase());
  if (entry && entry.kind !== "worksheet") {
    return { ok: false, problem: { code: "not-worksheet", input, name: name.name, sheet: entry.name, kind: entry.kind } };
  }
  const sheet = entry === undefined ? undefined : view.sheets(entry.name);
  if (!sheet || entry === undefined) return { ok: false, problem: { code: "no-sheet", input, name: name.name, sheet: ref.sheet } };
  const read = readCells(sheet, entry.name, ref, input);
  if (!read.ok || !ref.whole) return read;
  // A whole column or row may start with its headers: skipped, and said so.
  const skipped = skipHeaders(read.raw, qualify(entry.name, wholeAddress(ref)));
  return skipped ? { ok: true, raw: skipped.raw, notes: [skipped.note] } : read;
}

/** "B:B" or "5:5" for a whole column or row, as the planner wrote it. */
function wholeAddress(ref: SheetReference): string {
  const letters = (c: number): string => cellAddress(0, c - 1).replace(/\d+$/, "");
  return ref.top === 1 && ref.bottom === MAX_ROW ? `${letters(ref.left)}:${letters(ref.right)}` : `${ref.top}:${ref.bottom}`;
}

/** A structured reference's cells: the data rows of the table's column(s), never headers or totals. */
function readTable(view: PackageView, input: InputKey | SettingKey, name: WorkbookName, reference: TableReference): RangeRead {
  const table = view.tables.find((t) => t.name.toLowerCase() === reference.table.toLowerCase());
  if (!table) return { ok: false, problem: { code: "no-table", input, name: name.name, table: reference.table } };
  const range = tableRange(table, reference);
  if (!range.ok) {
    switch (range.reason) {
      case "no-column":
        return {
          ok: false,
          problem: { code: "no-column", input, name: name.name, table: table.name, column: range.column, columns: table.columns },
        };
      case "not-data":
        return { ok: false, problem: { code: "not-table-data", input, name: name.name, formula: name.formula.trim() } };
      case "empty":
        // A table with no data rows yet: as empty as a blank range.
        return { ok: true, raw: { address: name.formula.trim(), values: [] }, notes: [] };
    }
  }
  const sheet = view.sheets(table.sheet);
  if (!sheet) return { ok: false, problem: { code: "no-sheet", input, name: name.name, sheet: table.sheet } };
  return readCells(sheet, table.sheet, { ...range, whole: false }, input);
}

/** The cells of a reference on one sheet; a range longer than any horizon only where the sheet has cells. */
function readCells(sheet: SheetCells, sheetName: string, ref: Omit<SheetReference, "sheet">, input: InputKey | SettingKey): RangeRead {
  const trim = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > MAX_WEEKS;
  const bottom = trim ? Math.min(ref.bottom, sheet.lastRow) : ref.bottom;
  const right = trim ? Math.min(ref.right, sheet.lastColumn) : ref.right;
  const values: unknown[][] = [];
  for (let r = ref.top; r <= bottom; r++) {
    const line: unknown[] = [];
    for (let c = ref.left; c <= right; c++) {
      const read = sheet.cells.get(cellKey(r, c)) ?? { value: null };
      if ("noResult" in read) {
        return { ok: false, problem: { code: "no-result", input, address: qualify(sheetName, cellAddress(r - 1, c - 1)) } };
      }
      line.push(read.value);
    }
    values.push(line);
  }
  const topLeft = cellAddress(ref.top - 1, ref.left - 1);
  if (trim && (bottom < ref.top || right < ref.left)) {
    return { ok: true, raw: { address: qualify(sheetName, topLeft), values: [] }, notes: [] };
  }
  const bottomRight = cellAddress(bottom - 1, right - 1);
  let raw: RawInput = { address: qualify(sheetName, topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`), values };
  if (trim) raw = trimBlankEnds(raw);
  const merged = sheet.merges.some((m) => m.top <= bottom && m.bottom >= ref.top && m.left <= right && m.right >= ref.left);
  if (merged) raw.hasMergedCells = true;
  return { ok: true, raw, notes: [] };
}

/** Inputs holding a date: read in the workbook's own date system, kept in the add-in's 1900 one. */
const DATE_INPUTS: readonly InputKey[] = ["firstWeek", "intakeHistoryStart"];

/**
 * Finds and reads every input name from an opened package. The opening backlog is required, and
 * the intake unless an intake history gives it (its forecast); capacity, uplift, first week, the
 * actuals (monitoring) and the history are optional.
 */
export function readPackageInputs(view: PackageView, names: readonly WorkbookName[]): RawInputsResult {
  const raw: Partial<Record<InputKey, RawInput>> = {};
  const used: Partial<Record<InputKey, string>> = {};
  const notes: ReadingNote[] = [];
  const named = (input: InputKey): boolean =>
    names.some((n) => INPUT_NAMES[input].some((wanted) => wanted.toLowerCase() === n.name.toLowerCase()));
  for (const input of INPUT_KEYS) {
    const found = findName(names, INPUT_NAMES[input], input);
    if (found && "problem" in found) return { ok: false, problem: found.problem };
    if (!found) {
      const required = input === "opening" || (input === "intake" && !named("intakeHistory"));
      if (required) return { ok: false, problem: { code: "missing", input, names: INPUT_NAMES[input] } };
      continue;
    }
    const read = readRange(view, input, found.name);
    if (!read.ok) return read;
    raw[input] = DATE_INPUTS.includes(input) ? toDate1900(read.raw, usesDate1904(view.pkg)) : read.raw;
    used[input] = found.name.name;
    if (found.note) notes.push(found.note);
    notes.push(...read.notes);
  }
  const result: RawPlanInputs = { opening: raw.opening as RawInput };
  if (raw.intake) result.intake = raw.intake;
  if (raw.intakeHistory) result.intakeHistory = raw.intakeHistory;
  if (raw.intakeHistoryStart) result.intakeHistoryStart = raw.intakeHistoryStart;
  if (raw.capacity) result.capacity = raw.capacity;
  if (raw.uplift) result.uplift = raw.uplift;
  if (raw.firstWeek) result.firstWeek = raw.firstWeek;
  for (const key of ACTUAL_KEYS) {
    const actual = raw[key];
    if (actual) result[key] = actual;
  }
  return { ok: true, raw: result, names: used, notes };
}

/**
 * The sections' settings from the workbook's own names (Onzekerheid, Simulaties, AandeelSpoor2,
 * … or the English ones): each a constant or one cell. Absent names are left out.
 */
export function readPackageSettings(
  view: PackageView,
  names: readonly WorkbookName[],
): { ok: true; settings: GivenSettings; notes: ReadingNote[] } | { ok: false; problem: NameProblem } {
  const settings: GivenSettings = {};
  const notes: ReadingNote[] = [];
  for (const key of SETTING_KEYS) {
    const found = findName(names, SETTING_NAMES[key], key);
    if (found && "problem" in found) return { ok: false, problem: found.problem };
    if (!found) continue;
    const { name } = found;
    const read = readRange(view, key, name);
    if (!read.ok) return read;
    const values = read.raw.values;
    if (values.length !== 1 || values[0]?.length !== 1)
      return { ok: false, problem: { code: "not-one-cell", input: key, name: name.name, address: read.raw.address } };
    settings[key] = { value: values[0][0], source: { name: name.name } };
    if (found.note) notes.push(found.note);
  }
  return { ok: true, settings, notes };
}

/** Reads each worksheet's cells once, on first use. */
function sheetReader(pkg: OpcPackage): SheetReader {
  const strings = readSharedStrings(pkg);
  const cache = new Map<string, SheetCells | undefined>();
  return (sheetName) => {
    if (!cache.has(sheetName)) {
      const part = pkg.sheets.find((s) => s.name === sheetName && s.kind === "worksheet")?.part;
      cache.set(sheetName, part && pkg.has(part) ? readSheetCells(pkg.text(part), strings) : undefined);
    }
    return cache.get(sheetName);
  };
}

export type XlsxInputs =
  | {
      ok: true;
      raw: RawPlanInputs;
      names: Partial<Record<InputKey, string>>;
      settings: GivenSettings;
      /** What the planner should know about the reading (headers skipped, a sheet-level name used). */
      notes: ReadingNote[];
    }
  | { ok: false; problem: NameProblem };

/**
 * The inputs and the sections' settings of a workbook file. Throws `PackageRefusal` for a file
 * that is not a workbook we read (encrypted, .xls, Strict, corrupt, a zip bomb, a DTD).
 *
 * @example
 * const read = readXlsxInputs(fs.readFileSync("invoer.xlsx"));
 * if (read.ok) readPlanInputs(read.raw);
 */
export function readXlsxInputs(bytes: Uint8Array): XlsxInputs {
  const pkg = openPackage(bytes);
  const names = readWorkbookNames(pkg);
  const view: PackageView = { pkg, sheets: sheetReader(pkg), tables: tableLayouts(pkg) };
  const inputs = readPackageInputs(view, names);
  if (!inputs.ok) return inputs;
  const settings = readPackageSettings(view, names);
  if (!settings.ok) return settings;
  return { ...inputs, settings: settings.settings, notes: [...inputs.notes, ...settings.notes] };
}

/**
 * The baseline in force (issue 23): the data rows of the newest `VoorraadplannerBasislijn…`
 * table, whatever its sheet is called now; undefined when the workbook has none.
 *
 * @example
 * const table = readXlsxBaseline(fs.readFileSync("plan.xlsx"));
 * if (table) baselineFromTable(table.name, table.rows);
 */
export function readXlsxBaseline(bytes: Uint8Array): { name: string; sheet: string; rows: unknown[][] } | undefined {
  const pkg = openPackage(bytes);
  const tables = tableLayouts(pkg);
  const name = activeBaselineTable(tables.map((t) => t.name));
  const table = tables.find((t) => t.name === name);
  if (!table || name === undefined) return undefined;
  const sheet = sheetReader(pkg)(table.sheet);
  if (!sheet) return undefined;
  const rows: unknown[][] = [];
  for (let r = table.top + table.headerRows; r <= table.bottom - table.totalsRows; r++) {
    const line: unknown[] = [];
    for (let c = table.left; c <= table.right; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      line.push(cell === undefined || "noResult" in cell ? null : cell.value);
    }
    rows.push(line);
  }
  return { name, sheet: table.sheet, rows };
}
