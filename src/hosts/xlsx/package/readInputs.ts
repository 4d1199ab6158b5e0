/**
 * The planner's inputs read from the workbook's bytes: the defined names (workbook- and
 * sheet-scoped, constants) and the cells they point at, through the package's relationships.
 * The same `RawInputsResult` as the task pane hands to `readPlanInputs`.
 */
import { MAX_WEEKS } from "../../../engine";
import { ACTUAL_KEYS, INPUT_KEYS, INPUT_NAMES, InputKey, qualify, RawInput, RawPlanInputs, trimBlankEnds } from "../../../sheets/inputs";
import { cellAddress } from "../../../sheets/spec";
import { GivenSettings, SETTING_KEYS, SETTING_NAMES, SettingKey } from "../../../plan/settings";
import { parseReference, type NameProblem, type RawInputsResult } from "../readInputs";
import { cellKey, readSheetCells, SheetCells } from "./cells";
import { OpcPackage, openPackage, readSharedStrings } from "./opcPackage";
import { attributes, unescapeXml } from "./xml";

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

/** The workbook-level name among the wanted ones, English first, then Dutch (case-insensitive). */
function findName(names: readonly WorkbookName[], wantedNames: readonly string[]): WorkbookName | undefined {
  for (const wanted of wantedNames) {
    const found = names.find((n) => n.scope === undefined && n.name.toLowerCase() === wanted.toLowerCase());
    if (found) return found;
  }
  return undefined;
}

type RangeRead = { ok: true; raw: RawInput } | { ok: false; problem: NameProblem };

type SheetReader = (name: string) => SheetCells | undefined;

function readRange(pkg: OpcPackage, sheets: SheetReader, input: InputKey | SettingKey, name: WorkbookName): RangeRead {
  const ref = parseReference(name.formula);
  if (!ref) {
    const constant = name.formula.trim();
    // A constant name (Uplift =0.1) is a value of its own; the name stands in for the cell.
    if (NUMBER.test(constant)) return { ok: true, raw: { address: name.name, values: [[Number(constant)]] } };
    return { ok: false, problem: { code: "unsupported", input, name: name.name, formula: name.formula } };
  }
  const sheetName = pkg.sheets.find((s) => s.name.toLowerCase() === ref.sheet.toLowerCase())?.name;
  const sheet = sheetName === undefined ? undefined : sheets(sheetName);
  if (!sheet || sheetName === undefined) {
    return { ok: false, problem: { code: "no-sheet", input, name: name.name, sheet: ref.sheet } };
  }
  // A whole column or a range longer than any horizon is read only where the sheet has cells.
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
  if (trim && (bottom < ref.top || right < ref.left)) return { ok: true, raw: { address: qualify(sheetName, topLeft), values: [] } };
  const bottomRight = cellAddress(bottom - 1, right - 1);
  let raw: RawInput = { address: qualify(sheetName, topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`), values };
  if (trim) raw = trimBlankEnds(raw);
  const merged = sheet.merges.some((m) => m.top <= bottom && m.bottom >= ref.top && m.left <= right && m.right >= ref.left);
  if (merged) raw.hasMergedCells = true;
  return { ok: true, raw };
}

/**
 * Finds and reads every input name from an opened package. Opening backlog and intake are
 * required; capacity, uplift, first week and the actuals (monitoring) are optional.
 */
export function readPackageInputs(pkg: OpcPackage, names: readonly WorkbookName[], sheets: SheetReader): RawInputsResult {
  const raw: Partial<Record<InputKey, RawInput>> = {};
  const used: Partial<Record<InputKey, string>> = {};
  for (const input of INPUT_KEYS) {
    const name = findName(names, INPUT_NAMES[input]);
    if (!name) {
      if (input === "opening" || input === "intake") return { ok: false, problem: { code: "missing", input, names: INPUT_NAMES[input] } };
      continue;
    }
    const read = readRange(pkg, sheets, input, name);
    if (!read.ok) return read;
    raw[input] = read.raw;
    used[input] = name.name;
  }
  const result: RawPlanInputs = { opening: raw.opening as RawInput, intake: raw.intake as RawInput };
  if (raw.capacity) result.capacity = raw.capacity;
  if (raw.uplift) result.uplift = raw.uplift;
  if (raw.firstWeek) result.firstWeek = raw.firstWeek;
  for (const key of ACTUAL_KEYS) {
    const actual = raw[key];
    if (actual) result[key] = actual;
  }
  return { ok: true, raw: result, names: used };
}

/**
 * The sections' settings from the workbook's own names (Onzekerheid, Simulaties, AandeelSpoor2,
 * … or the English ones): each a constant or one cell. Absent names are left out.
 */
export function readPackageSettings(
  pkg: OpcPackage,
  names: readonly WorkbookName[],
  sheets: SheetReader,
): { ok: true; settings: GivenSettings } | { ok: false; problem: NameProblem } {
  const settings: GivenSettings = {};
  for (const key of SETTING_KEYS) {
    const name = findName(names, SETTING_NAMES[key]);
    if (!name) continue;
    const read = readRange(pkg, sheets, key, name);
    if (!read.ok) return read;
    const values = read.raw.values;
    if (values.length !== 1 || values[0]?.length !== 1)
      return { ok: false, problem: { code: "not-one-cell", input: key, name: name.name, address: read.raw.address } };
    settings[key] = { value: values[0][0], source: { name: name.name } };
  }
  return { ok: true, settings };
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
  | { ok: true; raw: RawPlanInputs; names: Partial<Record<InputKey, string>>; settings: GivenSettings }
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
  const sheets = sheetReader(pkg);
  const inputs = readPackageInputs(pkg, names, sheets);
  if (!inputs.ok) return inputs;
  const settings = readPackageSettings(pkg, names, sheets);
  if (!settings.ok) return settings;
  return { ...inputs, settings: settings.settings };
}
