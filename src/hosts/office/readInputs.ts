/* global Excel */
/**
 * Reads the planner's inputs through Office.js. A field holds an address ("Invoer!C5:C56"), a
 * defined name ("Instroom") or, for some fields, a typed value. Everything is queued in one
 * batch: the workbook's names and sheets (`queueMeta`) and every field's cells
 * (`queueReferenceReads`, through null objects, so a name or sheet that does not exist fails
 * nothing); after the sync `resolveFields` checks the fields against the names and sheets and
 * `rawPlanInputs` collects the cells. Whole columns and rows are trimmed to their used part,
 * merged cells are reported, and error cells arrive as `{ error }` so messages can tell them
 * from typed text.
 */
import { MAX_WEEKS } from "../../engine";
import { excelDateSerial, parseCell } from "../../sheets/spec";
import {
  ACTUAL_KEYS,
  ActualKey,
  DATE1904_OFFSET,
  INPUT_NAMES,
  InputKey,
  inputKeyForName,
  qualify,
  RawInput,
  RawPlanInputs,
  parseYesNo,
  ReadingNote,
  skipHeaders,
  splitAddress,
  toDate1900,
  trimBlankEnds,
} from "../../sheets/inputs";
import { parseTableReference, TableReference, takesDataRows } from "../../sheets/tableReference";

// Shared with `npm run plan`, which trims long ranges the same way.
export { trimBlankEnds };
import type { ControlKey, FieldKey } from "../../taskpane/strings";
import { parseTypedNumber } from "../../plan/options";
import { SETTING_NAMES } from "../../plan/settings";
import { parseHistoryPeriods } from "../../sheets/intakeHistory";

export { parseTypedNumber };

export type PaneFields = Record<FieldKey, string>;

export const emptyFields = (): PaneFields => ({
  opening: "",
  intake: "",
  intakeHistory: "",
  intakeHistoryStart: "",
  historyPeriods: "",
  capacity: "",
  uplift: "",
  horizon: "",
  firstWeek: "",
  target: "",
  decisionsPerFte: "",
  triageStaffIsNew: "",
  sheetName: "",
});

/** How the text of one field is understood. */
export type Source =
  | { kind: "empty" }
  | { kind: "range"; sheet: string | undefined; range: string }
  | { kind: "name"; name: string }
  /** A structured reference to an Excel Table: `Planning[Instroom]`. */
  | { kind: "table"; reference: TableReference; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; serial: number }
  | { kind: "invalid"; text: string };

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!\s:\\/?*\[\]]+))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const RANGE = String.raw`(${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})`;
const ADDRESS = new RegExp(`^(?:${SHEET})?${RANGE}$`);
const CELL_ONLY = /^[A-Za-z]{1,3}\d+$/;
/** Excel's rules for defined names, loosely: a letter, "_" or "\" first, no spaces. */
const NAME = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Checks that every column and row in an A1 range exists on a sheet. */
function withinGrid(range: string): boolean {
  return range.split(":").every((part) => {
    const m = /^([A-Z]*)(\d*)$/.exec(part);
    if (!m) return false;
    const [, letters = "", digits = ""] = m;
    if (letters && columnNumber(letters) > MAX_COLUMN) return false;
    if (digits && (Number(digits) < 1 || Number(digits) > MAX_ROW)) return false;
    return true;
  });
}

/** "Invoer!$c$5:$c$56" → { sheet: "Invoer", range: "C5:C56" }; a name; or invalid. */
export function parseReference(input: string): Source {
  const text = input.trim().replace(/^=/, "");
  if (text === "") return { kind: "empty" };
  const m = ADDRESS.exec(text);
  if (m) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const range = (m[3] as string).replace(/\$/g, "").toUpperCase();
    return withinGrid(range) ? { kind: "range", sheet, range } : { kind: "invalid", text: input.trim() };
  }
  if (NAME.test(text) && !CELL_ONLY.test(text) && !/^[RrCc]\d*$/.test(text)) return { kind: "name", name: text };
  const reference = parseTableReference(text);
  if (reference) return { kind: "table", reference, text };
  return { kind: "invalid", text: input.trim() };
}

/** A date typed in the pane: "2024-01-01" or "1-1-2024" (day first, as in Dutch) → Excel serial. */
export function parseTypedDate(input: string): number | undefined {
  const text = input.trim();
  let parts: [number, number, number] | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text);
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const serial = excelDateSerial(year, month, day);
  // Date.UTC rolls 2024-02-30 over into March: such a date does not exist.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || year < 1900) return undefined;
  return serial;
}

/** How each field's text is understood. */
export function parseField(key: FieldKey, input: string): Source {
  const text = input.trim();
  if (text === "") return { kind: "empty" };
  if (key === "horizon") {
    const value = parseTypedNumber(text);
    return value === undefined ? { kind: "invalid", text } : { kind: "number", value };
  }
  // A number typed, or a cell or name holding it (Doelvoorraad, BeslissingenPerFteWeek).
  if (key === "target" || key === "decisionsPerFte") {
    const value = parseTypedNumber(text);
    if (value !== undefined && !text.includes("%")) return { kind: "number", value };
    if (/^[-+]?[\d.,%\s]+$/.test(text)) return { kind: "invalid", text };
  }
  if (key === "triageStaffIsNew") {
    const yes = parseYesNo(text);
    if (yes !== undefined) return { kind: "number", value: yes ? 1 : 0 };
  }
  if (key === "uplift") {
    // Typed as a percentage ("10" or "10%"); a cell or name holds the fraction itself (0.1).
    const value = parseTypedNumber(text);
    if (value !== undefined) return { kind: "number", value: value / 100 };
  }
  if (key === "firstWeek" || key === "intakeHistoryStart") {
    const serial = parseTypedDate(text);
    if (serial !== undefined) return { kind: "date", serial };
    if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(text)) return { kind: "invalid", text };
  }
  if (key === "historyPeriods") {
    // 52 or 12, or a word (week, maand, …); a name or cell holding it otherwise.
    const periods = parseHistoryPeriods(text);
    if (periods !== undefined) return { kind: "number", value: periods };
    if (parseTypedNumber(text) !== undefined) return { kind: "invalid", text };
  }
  return parseReference(text);
}

/** A workbook-scoped defined name as loaded: for a range, `value` is its address. */
export interface NamedValue {
  name: string;
  type: string;
  value: unknown;
  /** The definition ("=Planning[Instroom]"), to tell a table's column or another workbook. */
  formula?: string;
}

export interface WorkbookMeta {
  names: NamedValue[];
  sheets: string[];
  activeSheet: string;
  calculationMode: string;
  /** The workbook's tables (ListObjects), for structured references. */
  tables?: string[];
  /** Whether the workbook counts dates from 1904: its date serials are 1462 days smaller. */
  date1904?: boolean;
}

/** DATE(2000,1,1) in the 1900 date system; in the 1904 system it is 1462 days less. */
const Y2K_1900 = 36_526;

/**
 * Queues the first batch's reads: names, sheets, tables, the active sheet, the calculation mode,
 * and the date system. `use1904DateSystem` is in no released API set, so the workbook's own DATE
 * tells it (`workbook.functions`, ExcelApi 1.2): nothing is written to find out.
 */
export function queueMeta(context: Excel.RequestContext): () => WorkbookMeta {
  const names = context.workbook.names.load("items/name,items/type,items/value,items/formula");
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const application = context.workbook.application.load("calculationMode");
  const probe = context.workbook.functions.date(2000, 1, 1).load("value");
  return () => ({
    names: names.items.map((n) => ({
      name: n.name,
      type: String(n.type),
      value: n.value as unknown,
      formula: String(n.formula),
    })),
    sheets: sheets.items.map((s) => s.name),
    activeSheet: active.name,
    calculationMode: String(application.calculationMode),
    tables: tables.items.map((t) => t.name),
    date1904: probe.value === Y2K_1900 - DATE1904_OFFSET,
  });
}

/**
 * Field text for every input one of the convention names defines (OpeningBacklog/Beginvoorraad,
 * …), preferring the alias in the pane's language when both exist.
 */
export function fieldsFromNames(names: readonly string[], preferDutch: boolean): Partial<PaneFields> {
  const out: Partial<PaneFields> = {};
  for (const key of REFERENCE_KEYS) {
    const aliases = [...namesOf(key)];
    if (preferDutch) aliases.reverse();
    for (const alias of aliases) {
      const found = names.find((n) => n.toLowerCase() === alias.toLowerCase());
      if (found) {
        out[key] = found;
        break;
      }
    }
  }
  return out;
}

/** What went wrong resolving a field before any cell was read. */
export type FieldProblem =
  | { kind: "missing"; field: FieldKey }
  | { kind: "unknown-name"; field: ControlKey; name: string }
  | { kind: "unknown-sheet"; field: ControlKey; sheet: string }
  | { kind: "bad-reference"; field: ControlKey; text: string }
  | { kind: "bad-date"; field: FieldKey; text: string }
  | { kind: "bad-number"; field: FieldKey; text: string }
  | { kind: "name-not-usable"; field: ControlKey; name: string }
  /** A structured reference to a table the workbook does not have, or a column the table lacks. */
  | { kind: "unknown-table"; field: ControlKey; table: string }
  | { kind: "unknown-column"; field: ControlKey; table: string; column: string }
  /** A structured reference to a table's header or totals row, or "this row": no weekly figures. */
  | { kind: "table-not-data"; field: ControlKey; text: string }
  /** A name into another workbook (an external link). */
  | { kind: "other-workbook"; field: ControlKey; name: string };

/** A range to read: sheet and A1 range as Excel knows them, and whether to trim it. */
export interface RangeRef {
  sheet: string;
  range: string;
  /** Whole columns/rows and very long ranges are read only where used. */
  trim: boolean;
}

export type Resolved =
  | { kind: "none" }
  | { kind: "range"; ref: RangeRef }
  /** A name holding a constant (=25) rather than cells. */
  | { kind: "constant"; name: string; value: unknown }
  | { kind: "number"; value: number }
  | { kind: "date"; serial: number }
  /** A table's data rows (of one column, or of every column), as Excel names the table. */
  | { kind: "table"; table: string; reference: TableReference };

const REFERENCE_KEYS = [
  "opening",
  "intake",
  "capacity",
  "uplift",
  "firstWeek",
  "intakeHistory",
  "intakeHistoryStart",
  "historyPeriods",
  "target",
  "decisionsPerFte",
  "triageStaffIsNew",
] as const;
export type ReferenceKey = (typeof REFERENCE_KEYS)[number];

/** The settings a field may be filled from by name, like `npm run plan` reads them. */
const SETTING_FIELDS = {
  historyPeriods: "historyPeriods",
  target: "target",
  decisionsPerFte: "decisionsPerFte",
  triageStaffIsNew: "triageStaffIsNew",
} as const;

/** The names a field may be filled from: its input's, or its setting's. */
const namesOf = (key: ReferenceKey): readonly string[] =>
  key in SETTING_FIELDS
    ? SETTING_NAMES[SETTING_FIELDS[key as keyof typeof SETTING_FIELDS]]
    : INPUT_NAMES[key as InputKey];

/** Whole columns ("C:C"), whole rows ("5:5"), or longer than any horizon: trimmed to the used part. */
export function needsTrim(range: string): boolean {
  const [from, to = from] = range.split(":") as [string, string?];
  if (!/\d/.test(from) || !/[A-Z]/.test(from)) return true;
  const a = parseCell(from);
  const b = parseCell(to as string);
  const cells = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
  return cells > MAX_WEEKS;
}

function resolveRange(
  field: ControlKey,
  sheet: string | undefined,
  range: string,
  meta: WorkbookMeta,
): Resolved | FieldProblem {
  const wanted = sheet ?? meta.activeSheet;
  const actual = meta.sheets.find((s) => s.toLowerCase() === wanted.toLowerCase());
  if (actual === undefined) return { kind: "unknown-sheet", field, sheet: wanted };
  return { kind: "range", ref: { sheet: actual, range, trim: needsTrim(range) } };
}

/** A structured reference checked against the workbook's tables; only data rows are read. */
function resolveTable(
  field: ControlKey,
  reference: TableReference,
  text: string,
  meta: WorkbookMeta,
): Resolved | FieldProblem {
  if (!takesDataRows(reference)) return { kind: "table-not-data", field, text };
  const table = (meta.tables ?? []).find((t) => t.toLowerCase() === reference.table.toLowerCase());
  if (table === undefined) return { kind: "unknown-table", field, table: reference.table };
  return { kind: "table", table, reference };
}

/** `=[1]Invoer!$B$2`, `='C:\map\[Boek.xlsx]Invoer'!$B$2`: a name into another workbook. */
const OTHER_WORKBOOK = /^=?'?[^!]*\[[^\]]+\][^!]*!/;

function resolveName(field: ControlKey, name: string, meta: WorkbookMeta): Resolved | FieldProblem {
  const item = meta.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!item) return { kind: "unknown-name", field, name };
  const formula = item.formula ?? "";
  if (OTHER_WORKBOOK.test(formula)) return { kind: "other-workbook", field, name: item.name };
  // A name over a table's column: Excel gives its data rows as the name's address; a name that
  // takes the header or totals row as well is refused, as a typed one is.
  const reference = parseTableReference(formula);
  if (reference && !takesDataRows(reference)) return { kind: "table-not-data", field, text: formula.replace(/^=/, "") };
  if (item.type === "Range") {
    const address = String(item.value).replace(/^=/, "");
    // A name over several areas ("A1:A5,C1:C5") has no single week-to-cell order.
    const parsed = address.includes(",") ? undefined : parseReference(address);
    if (!parsed || parsed.kind !== "range") return { kind: "name-not-usable", field, name: item.name };
    return resolveRange(field, parsed.sheet, parsed.range, meta);
  }
  if (item.type === "Double" || item.type === "Integer" || item.type === "String" || item.type === "Boolean") {
    return { kind: "constant", name: item.name, value: item.value };
  }
  return { kind: "name-not-usable", field, name: item.name };
}

/**
 * Resolves a reference typed in a section field (the intake history): an address or a defined
 * name, checked against the workbook's sheets and names. The caller handles an empty field.
 */
export function resolveReference(field: ControlKey, text: string, meta: WorkbookMeta): Resolved | FieldProblem {
  const source = parseReference(text);
  if (source.kind === "range") return resolveRange(field, source.sheet, source.range, meta);
  if (source.kind === "name") return resolveName(field, source.name, meta);
  if (source.kind === "table") return resolveTable(field, source.reference, source.text, meta);
  return { kind: "bad-reference", field, text: text.trim() };
}

/** Turns each field's text into what to read, checking names and sheets against the workbook. */
export function resolveFields(
  fields: PaneFields,
  meta: WorkbookMeta,
): { ok: true; resolved: Record<FieldKey, Resolved> } | { ok: false; problem: FieldProblem } {
  const resolved = {} as Record<FieldKey, Resolved>;
  for (const field of Object.keys(fields) as FieldKey[]) {
    if (field === "sheetName") {
      // Not a reference: checked by `readSheetName`, used when the sheet is placed.
      resolved[field] = { kind: "none" };
      continue;
    }
    const source = parseField(field, fields[field]);
    let result: Resolved | FieldProblem;
    switch (source.kind) {
      case "empty":
        // Without an intake, an intake history gives the plan's intake (its forecast).
        if (field === "opening" || (field === "intake" && fields.intakeHistory.trim() === "")) {
          return { ok: false, problem: { kind: "missing", field } };
        }
        result = { kind: "none" };
        break;
      case "invalid":
        result =
          field === "firstWeek" || field === "intakeHistoryStart"
            ? { kind: "bad-date", field, text: source.text }
            : field === "horizon" || field === "target" || field === "decisionsPerFte" || field === "historyPeriods"
              ? { kind: "bad-number", field, text: source.text }
              : { kind: "bad-reference", field, text: source.text };
        break;
      case "number":
        result = { kind: "number", value: source.value };
        break;
      case "date":
        result = { kind: "date", serial: source.serial };
        break;
      case "range":
        result = resolveRange(field, source.sheet, source.range, meta);
        break;
      case "name":
        result = resolveName(field, source.name, meta);
        break;
      case "table":
        result = resolveTable(field, source.reference, source.text, meta);
        break;
    }
    if ("field" in result) return { ok: false, problem: result };
    resolved[field] = result;
  }
  return { ok: true, resolved };
}

/** A rectangle in 0-based rows and columns. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectOf(range: string): Rect | undefined {
  const [from, to = from] = range.replace(/\$/g, "").split(":") as [string, string?];
  try {
    const a = parseCell(from);
    const b = parseCell(to as string);
    return { top: a.row, left: a.column, bottom: b.row, right: b.column };
  } catch {
    // Whole columns or rows ("C:C"): compared by letters or digits only.
    const cols = /^([A-Z]+):([A-Z]+)$/.exec(`${from}:${to}`);
    if (cols)
      return {
        top: 0,
        left: columnNumber(cols[1] as string) - 1,
        bottom: MAX_ROW - 1,
        right: columnNumber(cols[2] as string) - 1,
      };
    const rows = /^(\d+):(\d+)$/.exec(`${from}:${to}`);
    if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: MAX_COLUMN - 1 };
    return undefined;
  }
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** Splits "Sheet1!A1:B2,'a,b'!C3" into its areas, minding quoted sheet names. */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      areas.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) areas.push(current.trim());
  return areas;
}

/** Whether any merged area overlaps the range that was read. */
export function mergedOverlap(mergedAddress: string, readAddress: string): boolean {
  const read = rectOf(splitAddress(readAddress).range);
  if (!read) return true;
  return splitAreas(mergedAddress).some((area) => {
    const rect = rectOf(splitAddress(area).range);
    return rect !== undefined && overlaps(rect, read);
  });
}

/** Normalises loaded cells: error cells become `{ error }`, empty cells `null`. */
export function normaliseValues(values: unknown[][], valueTypes: string[][]): unknown[][] {
  return values.map((row, r) =>
    row.map((value, c) => {
      const type = valueTypes[r]?.[c];
      if (type === "Error") return { error: String(value) };
      if (type === "Empty") return null;
      return value;
    }),
  );
}

/** What the pane says about a read: a whole column trimmed to its used part, or a reading note. */
export type ReadNote = { kind: "trimmed"; from: string; to: string } | ReadingNote;

/**
 * Every field that may point at cells: the plan's inputs, the uncertainty section's history, and
 * a defined name read by its name alone (`name:GerealiseerdeInstroom`, the monitoring's actuals).
 */
export type ReadKey = ReferenceKey | "history" | `name:${string}`;

/** The used part of one field's range (values only) and its merged areas, as queued. */
interface QueuedRead {
  used: Excel.Range;
  merged: Excel.RangeAreas | undefined;
  /** For a table's column: the column, a null object when the table has no such column. */
  columns?: Excel.TableColumn[];
}

export interface ReferenceReads {
  /**
   * After the sync: one field's cells, given what the field resolved to against the workbook's
   * names and sheets (`resolveFields`, from the same batch). Undefined when it points at no cells.
   */
  read(key: ReadKey, resolved: Resolved): { raw: RawInput; note?: ReadNote } | undefined;
  /** After the sync: what is wrong with a field's cells before they are read (a table without its column). */
  problem(key: ReadKey, resolved: Resolved): FieldProblem | undefined;
  /** Fields queued in this batch. */
  count: number;
}

/**
 * A table's data rows through Office.js, never its header or totals row: the table's
 * `getDataBodyRange()`, or its column's (`tables.getItemOrNullObject(t).columns
 * .getItemOrNullObject(c).getDataBodyRange()`, ExcelApi 1.4), two columns' bounding box for
 * `[[A]:[B]]`. A table or column that is not there gives null objects (the column's is checked
 * after the sync), or, on some hosts, fails the batch: `readFirst` then says which.
 */
function queueTableRead(context: Excel.RequestContext, reference: TableReference): QueuedRead {
  const table = context.workbook.tables.getItemOrNullObject(reference.table);
  const columns = (reference.columns ?? []).map((name) => table.columns.getItemOrNullObject(name).load("name"));
  const [first, last] = columns;
  const body = !first
    ? table.getDataBodyRange()
    : last
      ? first.getDataBodyRange().getBoundingRect(last.getDataBodyRange())
      : first.getDataBodyRange();
  body.load("address,values,valueTypes");
  return { used: body, merged: undefined, columns };
}

/**
 * Queues a read of every field that may point at cells, before anything is known about the
 * workbook, so the reads share the first batch with the names, sheets and layout:
 *   - a typed address through its sheet: `worksheets.getItemOrNullObject(sheet).getRange(range)`,
 *     or the active sheet's `getRange(range)` when no sheet is typed;
 *   - a defined name through `names.getItemOrNullObject(name).getRangeOrNullObject()`.
 * Of each range only the used part is loaded (`getUsedRangeOrNullObject(true)`), so a whole
 * column or a 1,048,576-row range costs what it holds; `read` puts the blanks back around it
 * for a range that is not trimmed. A name or sheet that does not exist gives null objects here
 * and a problem from `resolveFields`. The same call queued again later reads the cells again.
 */
export function queueReferenceReads(
  context: Excel.RequestContext,
  texts: Partial<Record<ReadKey, string>>,
  checkMerged: boolean,
  /** For a later read: the sheet an address without one meant the first time, whichever is active now. */
  activeSheet?: string,
): ReferenceReads {
  const queued = new Map<ReadKey, QueuedRead>();
  const worksheets = context.workbook.worksheets;
  for (const key of Object.keys(texts) as ReadKey[]) {
    const text = texts[key] ?? "";
    const source =
      key === "history" || key.startsWith("name:") ? parseReference(text) : parseField(key as FieldKey, text);
    if (source.kind === "table") {
      queued.set(key, queueTableRead(context, source.reference));
      continue;
    }
    let full: Excel.Range;
    if (source.kind === "range") {
      const sheetName = source.sheet ?? activeSheet;
      const sheet =
        sheetName === undefined ? worksheets.getActiveWorksheet() : worksheets.getItemOrNullObject(sheetName);
      full = sheet.getRange(source.range);
    } else if (source.kind === "name") {
      full = context.workbook.names.getItemOrNullObject(source.name).getRangeOrNullObject();
    } else continue;
    const used = full.getUsedRangeOrNullObject(true);
    used.load("address,values,valueTypes");
    // ExcelApi 1.13; older hosts skip the check rather than fail the whole batch.
    const merged = checkMerged ? full.getMergedAreasOrNullObject() : undefined;
    if (merged) merged.load("address");
    queued.set(key, { used, merged });
  }
  return {
    read: (key, resolved) => {
      if (resolved.kind === "constant") return { raw: { address: resolved.name, values: [[resolved.value]] } };
      const q = queued.get(key);
      if (resolved.kind === "table") return q && !q.used.isNullObject ? tableRaw(q) : undefined;
      if (resolved.kind !== "range") return undefined;
      return q ? rawFrom(q, resolved.ref) : undefined;
    },
    problem: (key, resolved) => {
      if (resolved.kind !== "table") return undefined;
      const missing = (queued.get(key)?.columns ?? []).findIndex((column) => column.isNullObject);
      const column = resolved.reference.columns?.[missing];
      return missing < 0 || column === undefined
        ? undefined
        : { kind: "unknown-column", field: fieldOf(key), table: resolved.table, column };
    },
    count: queued.size,
  };
}

/** The field a read key belongs to, for a problem: an actual's name counts as the intake's. */
const fieldOf = (key: ReadKey): ControlKey => (key.startsWith("name:") ? "intake" : (key as ControlKey));

/** A table's data rows as read: Excel's address, values with error cells as `{ error }`. */
function tableRaw(queued: QueuedRead): { raw: RawInput } {
  const { used } = queued;
  return {
    raw: { address: used.address, values: normaliseValues(used.values as unknown[][], used.valueTypes as string[][]) },
  };
}

/** "C:C" or "5:5": a whole column or row, whose leading text cells are headers. */
const isWhole = (range: string): boolean => /^[A-Z]+:[A-Z]+$|^\d+:\d+$/.test(range);

/** The cells of `range` (≤ 10,000 of them: longer ranges are trimmed), blanks as null around the used part. */
function padToRange(range: string, used: RawInput | undefined): unknown[][] {
  const rect = rectOf(range) as Rect;
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  const values = Array.from({ length: rows }, () => new Array<unknown>(columns).fill(null));
  const inner = used ? rectOf(splitAddress(used.address).range) : undefined;
  if (used && inner) {
    used.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = values[inner.top - rect.top + r];
        const column = inner.left - rect.left + c;
        if (row && column >= 0 && column < columns) row[column] = value;
      }),
    );
  }
  return values;
}

function rawFrom(queued: QueuedRead, ref: RangeRef): { raw: RawInput; note?: ReadNote } {
  const { used, merged } = queued;
  const whole = qualify(ref.sheet, ref.range);
  const cells: RawInput | undefined = used.isNullObject
    ? undefined
    : { address: used.address, values: normaliseValues(used.values as unknown[][], used.valueTypes as string[][]) };
  let raw: RawInput;
  let note: ReadNote | undefined;
  if (ref.trim) {
    if (!cells) return { raw: { address: whole, values: [] } };
    raw = trimBlankEnds(cells);
    // A whole column may start with its headers: skipped, and the note says so (and where).
    const skipped = isWhole(ref.range) ? skipHeaders(raw, whole) : undefined;
    if (skipped) {
      raw = skipped.raw;
      note = skipped.note;
    } else if (raw.values.length > 0) note = { kind: "trimmed", from: whole, to: raw.address };
  } else {
    raw = { address: whole, values: padToRange(ref.range, cells) };
  }
  if (merged && !merged.isNullObject && raw.values.length > 0 && mergedOverlap(merged.address, raw.address)) {
    raw.hasMergedCells = true;
  }
  return note ? { raw, note } : { raw };
}

/**
 * For a batch that failed on a host that refuses a path through a null object: the columns of
 * each table the fields name, read by `getItem` (the table is known to exist from `meta`), so the
 * pane can say which column is not there. Undefined when no field names an existing table's column.
 */
export function queueTableColumns(
  context: Excel.RequestContext,
  texts: Partial<Record<ReadKey, string>>,
  meta: WorkbookMeta,
): (() => FieldProblem | undefined) | undefined {
  const checks: (() => FieldProblem | undefined)[] = [];
  for (const key of Object.keys(texts) as ReadKey[]) {
    const source = parseReference(texts[key] ?? "");
    if (source.kind !== "table" || !source.reference.columns) continue;
    const resolved = resolveTable(fieldOf(key), source.reference, source.text, meta);
    if (resolved.kind !== "table") continue;
    const table = resolved.table;
    const columns = context.workbook.tables.getItem(table).columns.load("items/name");
    const wanted = source.reference.columns;
    checks.push(() => {
      const column = wanted.find((c) => !columns.items.some((item) => item.name.toLowerCase() === c.toLowerCase()));
      return column === undefined ? undefined : { kind: "unknown-column", field: fieldOf(key), table, column };
    });
  }
  if (checks.length === 0) return undefined;
  return () => checks.map((check) => check()).find((problem) => problem !== undefined);
}

/** The reference fields' texts, for `queueReferenceReads`. */
export function referenceTexts(fields: PaneFields): Partial<Record<ReadKey, string>> {
  const texts: Partial<Record<ReadKey, string>> = {};
  for (const key of REFERENCE_KEYS) texts[key] = fields[key];
  return texts;
}

/**
 * The raw inputs for `readPlanInputs` from the reads of one batch and the fields as resolved,
 * with a note for each range that was trimmed. Pane-typed values (uplift %, horizon, target) go
 * straight in.
 */
export function rawPlanInputs(
  resolved: Record<FieldKey, Resolved>,
  reads: ReferenceReads,
  date1904 = false,
): { ok: true; raw: RawPlanInputs; notes: ReadNote[] } | { ok: false; problem: FieldProblem } {
  const notes: ReadNote[] = [];
  const inputs = {} as Partial<Record<ReferenceKey, RawInput>>;
  for (const key of REFERENCE_KEYS) {
    const problem = reads.problem(key, resolved[key]);
    if (problem) return { ok: false, problem };
    const read = reads.read(key, resolved[key]);
    if (!read) continue;
    // A date read from the workbook is a serial of its own date system; the add-in counts from 1900.
    inputs[key] = key === "firstWeek" ? toDate1900(read.raw, date1904) : read.raw;
    if (read.note) notes.push(read.note);
  }
  const raw: RawPlanInputs = { opening: inputs.opening as RawInput };
  if (inputs.intake) raw.intake = inputs.intake;
  if (inputs.capacity) raw.capacity = inputs.capacity;
  if (inputs.firstWeek) raw.firstWeek = inputs.firstWeek;
  addHistory(raw, inputs, resolved, date1904);
  const uplift = resolved.uplift;
  if (uplift.kind === "number") raw.uplift = uplift.value;
  else if (inputs.uplift) raw.uplift = inputs.uplift;
  const horizon = resolved.horizon;
  if (horizon.kind === "number") raw.horizon = horizon.value;
  const target = resolved.target;
  if (target.kind === "number") raw.target = target.value;
  else if (inputs.target) raw.target = inputs.target;
  const perFte = resolved.decisionsPerFte;
  if (perFte.kind === "number") raw.decisionsPerFte = perFte.value;
  else if (inputs.decisionsPerFte) raw.decisionsPerFte = inputs.decisionsPerFte;
  const staff = resolved.triageStaffIsNew;
  if (staff.kind === "number") raw.triageStaffIsNew = staff.value === 1;
  else if (inputs.triageStaffIsNew) raw.triageStaffIsNew = inputs.triageStaffIsNew;
  return { ok: true, raw, notes };
}

/**
 * The intake history's fields: its cells, its start (a typed date is the add-in's own serial, a
 * cell one of the workbook's date system) and its periods (typed, or a cell or name).
 */
function addHistory(
  raw: RawPlanInputs,
  inputs: Partial<Record<ReferenceKey, RawInput>>,
  resolved: Record<FieldKey, Resolved>,
  date1904: boolean,
): void {
  if (inputs.intakeHistory) raw.intakeHistory = inputs.intakeHistory;
  const start = resolved.intakeHistoryStart;
  if (start.kind === "date") raw.intakeHistoryStart = start.serial;
  else if (inputs.intakeHistoryStart) raw.intakeHistoryStart = toDate1900(inputs.intakeHistoryStart, date1904);
  const periods = resolved.historyPeriods;
  if (periods.kind === "number") raw.historyPeriods = periods.value;
  else if (inputs.historyPeriods) raw.historyPeriods = inputs.historyPeriods;
}

/** The read keys of the actuals' convention names, both aliases (English first): null objects when absent. */
export function actualNameTexts(): Partial<Record<ReadKey, string>> {
  const texts: Partial<Record<ReadKey, string>> = {};
  for (const key of ACTUAL_KEYS) for (const alias of INPUT_NAMES[key]) texts[`name:${alias}`] = alias;
  return texts;
}

/**
 * The actuals' ranges from the convention names the workbook defines (English first, as the CLI
 * reads them); the pane has no fields for them.
 */
export function readActualNames(meta: WorkbookMeta, reads: ReferenceReads): Partial<Record<ActualKey, RawInput>> {
  const raw: Partial<Record<ActualKey, RawInput>> = {};
  for (const key of ACTUAL_KEYS) {
    const alias = INPUT_NAMES[key].find((a) => meta.names.some((n) => n.name.toLowerCase() === a.toLowerCase()));
    if (alias === undefined) continue;
    // A name the pane cannot read (several areas, a formula) counts as absent: the plan's
    // check then says which actuals are missing.
    const resolved = resolveName("intake", alias, meta);
    if ("field" in resolved) continue;
    const read = reads.read(`name:${alias}`, resolved);
    if (read) raw[key] = read.raw;
  }
  return raw;
}

/** The name a field is saved under: the alias already defined, else the one in the pane's language. */
export function nameForField(key: InputKey, existing: readonly string[], preferDutch: boolean): string {
  const aliases = INPUT_NAMES[key];
  const found = existing.find((n) => inputKeyForName(n) === key);
  if (found) return found;
  return preferDutch ? aliases[1] : aliases[0];
}

/** Absolute reference for a name's formula: "=Invoer!$C$5:$C$56". */
export function absoluteReference(sheet: string, range: string): string {
  const abs = range
    .split(":")
    .map((part) =>
      part.replace(
        /^([A-Z]*)(\d*)$/,
        (_, letters: string, digits: string) => `${letters ? `$${letters}` : ""}${digits ? `$${digits}` : ""}`,
      ),
    )
    .join(":");
  return `=${qualify(sheet, abs)}`;
}
