/* global Excel */
/**
 * Reads the planner's inputs through Office.js. A field holds an address ("Invoer!C5:C56"), a
 * defined name ("Instroom") or, for some fields, a typed value. The pane reads in two batches:
 * the workbook's names and sheets first (`queueMeta`), then every input range at once
 * (`queueInputReads`). Whole columns and rows are trimmed to their used part, merged cells are
 * reported, and error cells arrive as `{ error }` so messages can tell them from typed text.
 */
import { MAX_WEEKS } from "../engine";
import { cellAddress, excelDateSerial, parseCell } from "../sheets/spec";
import {
  INPUT_NAMES,
  InputKey,
  inputKeyForName,
  qualify,
  RawInput,
  RawPlanInputs,
  splitAddress,
} from "../sheets/inputs";
import type { ControlKey, FieldKey } from "./strings";

export type PaneFields = Record<FieldKey, string>;

export const emptyFields = (): PaneFields => ({
  opening: "",
  intake: "",
  capacity: "",
  uplift: "",
  horizon: "",
  firstWeek: "",
  target: "",
});

/** How the text of one field is understood. */
export type Source =
  | { kind: "empty" }
  | { kind: "range"; sheet: string | undefined; range: string }
  | { kind: "name"; name: string }
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
  return { kind: "invalid", text: input.trim() };
}

/** A number typed in the pane: "52", "12,5", "12.5", "10%". No thousands separators: never guessed. */
export function parseTypedNumber(input: string): number | undefined {
  const text = input.trim().replace(/%$/, "").trim();
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(text)) return undefined;
  return Number(text.replace(",", "."));
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
  if (key === "horizon" || key === "target") {
    const value = parseTypedNumber(text);
    return value === undefined ? { kind: "invalid", text } : { kind: "number", value };
  }
  if (key === "uplift") {
    // Typed as a percentage ("10" or "10%"); a cell or name holds the fraction itself (0.1).
    const value = parseTypedNumber(text);
    if (value !== undefined) return { kind: "number", value: value / 100 };
  }
  if (key === "firstWeek") {
    const serial = parseTypedDate(text);
    if (serial !== undefined) return { kind: "date", serial };
    if (/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(text)) return { kind: "invalid", text };
  }
  return parseReference(text);
}

/** A workbook-scoped defined name as loaded: for a range, `value` is its address. */
export interface NamedValue {
  name: string;
  type: string;
  value: unknown;
}

export interface WorkbookMeta {
  names: NamedValue[];
  sheets: string[];
  activeSheet: string;
  calculationMode: string;
}

/** Queues the first batch's reads: names, sheets, the active sheet and the calculation mode. */
export function queueMeta(context: Excel.RequestContext): () => WorkbookMeta {
  const names = context.workbook.names.load("items/name,items/type,items/value");
  const sheets = context.workbook.worksheets.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const application = context.workbook.application.load("calculationMode");
  return () => ({
    names: names.items.map((n) => ({ name: n.name, type: String(n.type), value: n.value as unknown })),
    sheets: sheets.items.map((s) => s.name),
    activeSheet: active.name,
    calculationMode: String(application.calculationMode),
  });
}

/**
 * Field text for every input one of the convention names defines (OpeningBacklog/Beginvoorraad,
 * …), preferring the alias in the pane's language when both exist.
 */
export function fieldsFromNames(names: readonly string[], preferDutch: boolean): Partial<PaneFields> {
  const out: Partial<PaneFields> = {};
  for (const key of Object.keys(INPUT_NAMES) as InputKey[]) {
    const aliases = [...INPUT_NAMES[key]];
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
  | { kind: "name-not-usable"; field: ControlKey; name: string };

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
  | { kind: "date"; serial: number };

const REFERENCE_KEYS = ["opening", "intake", "capacity", "uplift", "firstWeek"] as const;
type ReferenceKey = (typeof REFERENCE_KEYS)[number];

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

function resolveName(field: ControlKey, name: string, meta: WorkbookMeta): Resolved | FieldProblem {
  const item = meta.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!item) return { kind: "unknown-name", field, name };
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
  return { kind: "bad-reference", field, text: text.trim() };
}

/** Turns each field's text into what to read, checking names and sheets against the workbook. */
export function resolveFields(
  fields: PaneFields,
  meta: WorkbookMeta,
): { ok: true; resolved: Record<FieldKey, Resolved> } | { ok: false; problem: FieldProblem } {
  const resolved = {} as Record<FieldKey, Resolved>;
  for (const field of Object.keys(fields) as FieldKey[]) {
    const source = parseField(field, fields[field]);
    let result: Resolved | FieldProblem;
    switch (source.kind) {
      case "empty":
        if (field === "opening" || field === "intake") return { ok: false, problem: { kind: "missing", field } };
        result = { kind: "none" };
        break;
      case "invalid":
        result =
          field === "firstWeek"
            ? { kind: "bad-date", field, text: source.text }
            : field === "horizon" || field === "target"
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
    }
    if ("field" in result) return { ok: false, problem: result };
    resolved[field] = result;
  }
  return { ok: true, resolved };
}

/** A rectangle in 0-based rows and columns. */
interface Rect {
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

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

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

export interface ReadNote {
  kind: "trimmed";
  from: string;
  to: string;
}

export interface InputReads {
  /** Call after the sync: the raw cells for `readPlanInputs`, and notes for the planner. */
  read(): { raw: RawPlanInputs; notes: ReadNote[] };
  /** Ranges queued in this batch. */
  count: number;
}

interface QueuedRange {
  source: Excel.Range;
  merged: Excel.RangeAreas | undefined;
  ref: RangeRef;
}

function queueRange(context: Excel.RequestContext, ref: RangeRef, checkMerged: boolean): QueuedRange {
  const full = context.workbook.worksheets.getItem(ref.sheet).getRange(ref.range);
  const source = ref.trim ? full.getUsedRangeOrNullObject(true) : full;
  source.load("address,values,valueTypes");
  // ExcelApi 1.13; older hosts skip the check rather than fail the whole batch.
  const merged = checkMerged ? full.getMergedAreasOrNullObject() : undefined;
  if (merged) merged.load("address");
  return { source, merged, ref };
}

function rawFrom(queued: QueuedRange): { raw: RawInput; note?: ReadNote } {
  const { source, merged, ref } = queued;
  const whole = qualify(ref.sheet, ref.range);
  if (source.isNullObject) return { raw: { address: whole, values: [] } };
  let raw: RawInput = {
    address: source.address,
    values: normaliseValues(source.values as unknown[][], source.valueTypes as string[][]),
  };
  if (ref.trim) raw = trimBlankEnds(raw);
  if (merged && !merged.isNullObject && raw.values.length > 0 && mergedOverlap(merged.address, raw.address)) {
    raw.hasMergedCells = true;
  }
  return ref.trim && raw.values.length > 0 ? { raw, note: { kind: "trimmed", from: whole, to: raw.address } } : { raw };
}

/**
 * Queues the read of one resolved reference outside the plan's inputs (the intake history); the
 * returned function gives its raw cells after the sync. Undefined when there is nothing to read.
 */
export function queueReferenceRead(
  context: Excel.RequestContext,
  resolved: Resolved,
  checkMerged: boolean,
): (() => { raw: RawInput; note?: ReadNote }) | undefined {
  if (resolved.kind === "constant") {
    return () => ({ raw: { address: resolved.name, values: [[resolved.value]] } });
  }
  if (resolved.kind !== "range") return undefined;
  const queued = queueRange(context, resolved.ref, checkMerged);
  return () => rawFrom(queued);
}

/**
 * Queues a read of every input that points at cells; the returned `read` builds the raw inputs
 * after the sync. Pane-typed values (uplift %, horizon, target) go straight in.
 */
export function queueInputReads(
  context: Excel.RequestContext,
  resolved: Record<FieldKey, Resolved>,
  checkMerged: boolean,
): InputReads {
  const queued = new Map<ReferenceKey, QueuedRange>();
  for (const key of REFERENCE_KEYS) {
    const r = resolved[key];
    if (r.kind === "range") queued.set(key, queueRange(context, r.ref, checkMerged));
  }
  const read = (): { raw: RawPlanInputs; notes: ReadNote[] } => {
    const notes: ReadNote[] = [];
    const inputs = {} as Partial<Record<ReferenceKey, RawInput>>;
    for (const key of REFERENCE_KEYS) {
      const r = resolved[key];
      const q = queued.get(key);
      if (q) {
        const { raw, note } = rawFrom(q);
        inputs[key] = raw;
        if (note) notes.push(note);
      } else if (r.kind === "constant") {
        inputs[key] = { address: r.name, values: [[r.value]] };
      }
    }
    const raw: RawPlanInputs = {
      opening: inputs.opening as RawInput,
      intake: inputs.intake as RawInput,
    };
    if (inputs.capacity) raw.capacity = inputs.capacity;
    if (inputs.firstWeek) raw.firstWeek = inputs.firstWeek;
    const uplift = resolved.uplift;
    if (uplift.kind === "number") raw.uplift = uplift.value;
    else if (inputs.uplift) raw.uplift = inputs.uplift;
    const horizon = resolved.horizon;
    if (horizon.kind === "number") raw.horizon = horizon.value;
    const target = resolved.target;
    if (target.kind === "number") raw.target = target.value;
    return { raw, notes };
  };
  return { read, count: queued.size };
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
