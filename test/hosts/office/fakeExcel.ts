/* eslint-disable @typescript-eslint/no-explicit-any -- a stand-in for Office.js objects */
/**
 * A small in-memory Excel for the pane's Jest tests, built on office-addin-mock.
 *
 * Client objects (ranges, sheets, tables, names, …) are `OfficeMockObject`s, so a property read
 * before `load` + `sync` is caught: the proxy around each throws instead of handing back the
 * mock's "Error, property was not loaded" string. Writes (property sets and method calls) are
 * queued and applied to the workbook state at `context.sync()`, in order, as Excel would; each
 * sync records the estimated request bytes it carried. Text typed into a cell is coerced the way
 * Excel coerces typed input ("25" → 25, "=A1" → a formula), so a test notices text that was
 * not protected.
 *
 * A range's values are read when the sync that loads them runs (never for a range nobody loads,
 * and never a million cells: loading one that large fails as Excel's response limit would);
 * `largestRead` records the most cells one load handed back. `*OrNullObject` calls give null
 * objects, and a path through a null object (a sheet or name that is not there) gives null
 * objects too; with `nullChainFails` set, such a path fails the whole batch instead, as some
 * hosts might. `onSynced` runs after each sync, to change the workbook between two syncs as a
 * co-author would.
 */
import type { OfficeMockObject as MockObject } from "office-addin-mock";
import { qualify, splitAddress } from "../../../src/sheets/inputs";
import { parseTableReference } from "../../../src/sheets/tableReference";
import { cellAddress, columnLetter, parseCell } from "../../../src/sheets/spec";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose dependency
// tree ships ES modules that Jest (CommonJS here) cannot load: stand in for that one enum. The
// mock is registered before the require below; outside Jest (the bench) Node loads it as is.
if (typeof jest !== "undefined") {
  jest.mock("office-addin-manifest", () => ({
    OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
  }));
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OfficeMockObject } = require("office-addin-mock") as typeof import("office-addin-mock");
type OfficeMockObject = MockObject;

/** Tests make their own mocks (Office, Excel globals) through here, so the enum stand-in applies. */
export { OfficeMockObject };

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const NOT_READY = new Set(["Error, property was not loaded", "Error, context.sync() was not called"]);

export class OfficeError extends Error {
  debugInfo: { code: string };
  constructor(public code: string) {
    super(`${code} (fake Excel)`);
    this.name = "RichApi.Error";
    this.debugInfo = { code };
  }
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "C5:D6", "C5", "C:C", "5:5" → 0-based rectangle. */
export function rectOf(range: string): Rect {
  const clean = range.replace(/\$/g, "").toUpperCase();
  const [a, b = a] = clean.split(":") as [string, string?];
  if (/^[A-Z]+$/.test(a)) {
    return { top: 0, left: columnNumber(a) - 1, bottom: MAX_ROW - 1, right: columnNumber(b as string) - 1 };
  }
  if (/^\d+$/.test(a)) return { top: Number(a) - 1, left: 0, bottom: Number(b) - 1, right: MAX_COLUMN - 1 };
  const p = parseCell(a);
  const q = parseCell(b as string);
  return { top: p.row, left: p.column, bottom: q.row, right: q.column };
}

export function addressOf(rect: Rect): string {
  if (rect.top === 0 && rect.bottom === MAX_ROW - 1) return `${columnLetter(rect.left)}:${columnLetter(rect.right)}`;
  const a = cellAddress(rect.top, rect.left);
  const b = cellAddress(rect.bottom, rect.right);
  return a === b ? a : `${a}:${b}`;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  format?: string;
  error?: string;
  /** Format properties written to this cell (bold, fill, …), for style checks. */
  style?: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** The whole table: header row, data rows and, with `totalsRow`, the totals row. */
  range: string;
  style?: string;
  /** A totals row under the data (Table Design > Total Row): never data. */
  totalsRow?: boolean;
}

export interface FakeSeries {
  name?: string;
  values?: string;
  xValues?: string;
  /** Looks written to the series (markerStyle, axisGroup, format.line.lineStyle, …). */
  props?: Record<string, unknown>;
}

export interface FakeChart {
  name: string;
  type: string;
  sheet: FakeSheet;
  source: string;
  seriesBy: string;
  series: FakeSeries[];
  props: Record<string, unknown>;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  merged: string[] = [];
  protected = false;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<string, number>();
  /** 1-based row → points, as `format.rowHeight` set them. */
  rowHeights = new Map<number, number>();
  pageLayout: Record<string, unknown> = {};
  /** Cells (A1) above which a manual page break was added. */
  pageBreaks: string[] = [];
  /** Data validation per range: its rule, error alert and prompt. */
  validations = new Map<string, Record<string, unknown>>();
  /** Conditional formats as added: range, type, rule formula and format. */
  conditionalFormats: { range: string; type: string; props: Record<string, unknown> }[] = [];
  constructor(public name: string) {}

  key(row: number, column: number): string {
    return `${row},${column}`;
  }
  get(row: number, column: number): FakeCell | undefined {
    return this.cells.get(this.key(row, column));
  }
  /** The cell at an A1 address ("B5"), or undefined when blank. */
  at(address: string): FakeCell | undefined {
    const p = parseCell(address);
    return this.get(p.row, p.column);
  }
  /** Cell values of an A1 range, row by row (null for blank). */
  read(range: string): unknown[][] {
    const r = rectOf(range);
    const out: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let c = r.left; c <= r.right; c++) line.push(this.get(row, c)?.value ?? null);
      out.push(line);
    }
    return out;
  }
  set(address: string, value: FakeCell["value"], extra: Partial<FakeCell> = {}): void {
    const p = parseCell(address);
    this.cells.set(this.key(p.row, p.column), { value, ...extra });
  }
  /** Writes a column of values downwards from `address`. */
  column(address: string, values: FakeCell["value"][]): void {
    const p = parseCell(address);
    values.forEach((v, i) => {
      if (v !== null) this.cells.set(this.key(p.row + i, p.column), { value: v });
    });
  }
  /** Bounding box of non-empty cells inside `rect`, or undefined. */
  usedWithin(rect: Rect): Rect | undefined {
    let box: Rect | undefined;
    for (const [key, cell] of this.cells) {
      if (cell.value === null || cell.value === "") continue;
      const [row, column] = key.split(",").map(Number) as [number, number];
      if (row < rect.top || row > rect.bottom || column < rect.left || column > rect.right) continue;
      box = box
        ? {
            top: Math.min(box.top, row),
            left: Math.min(box.left, column),
            bottom: Math.max(box.bottom, row),
            right: Math.max(box.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return box;
  }
  /** A snapshot of every cell, to show that nothing changed. */
  snapshot(): string {
    return JSON.stringify([...this.cells.entries()].sort(), null, 0);
  }
}

export interface NamedItem {
  name: string;
  formula: string;
}

interface Op {
  bytes: number;
  describe: string;
  apply: () => void;
}

export interface SyncRecord {
  bytes: number;
  ops: number;
  /** Largest single write in this batch. */
  largestOp: number;
}

const bytesOf = (data: unknown): number => Buffer.byteLength(JSON.stringify(data) ?? "", "utf8");

/** Excel's reading of typed input, enough to catch text that was not kept literal. */
function typed(value: unknown, format: string | undefined): Pick<FakeCell, "value" | "formula"> {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" || typeof value === "boolean") return { value };
  const s = String(value);
  if (s === "") return { value: null };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (format === "@") return { value: s };
  if (/^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: 0, formula: s.startsWith("=") ? s : `=${s}` };
  if (/^[+-]?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(s)) return { value: Number(s) };
  if (/^(TRUE|FALSE)$/i.test(s)) return { value: s.toUpperCase() === "TRUE" };
  return { value: s };
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  names: NamedItem[] = [];
  workbookProtected = false;
  /** The workbook counts dates from 1904 (Excel for Mac's old default): DATE gives 1462 less. */
  date1904 = false;
  calculationMode = "Automatic";
  activeSheet = "";
  selection = "";
  /** Makes the n-th sync (1-based) reject with this error code, as Excel would. */
  failAt: { sync: number; code: string } | undefined;
  /** A host that fails the batch (ItemNotFound) when a path runs through a null object. */
  nullChainFails = false;
  /** Runs after the n-th sync (1-based) has completed: a co-author's change between two syncs. */
  onSynced: ((sync: number) => void) | undefined;
  /** The most cells any single load handed back. */
  largestRead = 0;
  syncs: SyncRecord[] = [];
  private ops: Op[] = [];
  private tracked: OfficeMockObject[] = [];
  private afterSync: (() => void)[] = [];
  /** Undoes a batch's pending loads when its sync fails, so a later batch can load afresh. */
  private afterFailure: (() => void)[] = [];
  /** Reads that resolve at the next sync (range values are read then, not when queued). */
  private deliveries: (() => void)[] = [];
  private pendingFailure: string | undefined;
  private proxies = new WeakSet<object>();

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`no sheet ${name} in the fake workbook`);
    return found;
  }
  defineName(name: string, formula: string): void {
    this.names.push({ name, formula });
  }
  /**
   * An Excel Table over `range` (header row first) on `sheet`, as a planner or Power Query makes
   * one; its column names are the header cells.
   */
  addTable(sheet: string, name: string, range: string, options: { totalsRow?: boolean } = {}): FakeTable {
    const table: FakeTable = { name, sheet: this.sheet(sheet), range, ...(options.totalsRow && { totalsRow: true }) };
    this.tables.push(table);
    return table;
  }
  /** A table's column names: its header cells. */
  tableColumns(table: FakeTable): string[] {
    const rect = rectOf(table.range);
    const names: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) names.push(String(table.sheet.get(rect.top, c)?.value ?? ""));
    return names;
  }
  /** A table's data rows, of one column (0-based index among its columns) or of all: never header or totals. */
  tableBody(table: FakeTable, column?: number): Rect {
    const rect = rectOf(table.range);
    const body = { ...rect, top: rect.top + 1, bottom: rect.bottom - (table.totalsRow ? 1 : 0) };
    return column === undefined ? body : { ...body, left: rect.left + column, right: rect.left + column };
  }
  /** DATE(y, m, d) as this workbook computes it: a serial of its own date system. */
  dateSerial(year: number, month: number, day: number): number {
    const serial = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
    return this.date1904 ? serial - 1462 : serial;
  }

  /** A fresh request context, as `Excel.run` hands one to its callback. */
  context(): any {
    const wb = this;
    const context = new OfficeMockObject({
      sync: async () => wb.sync(),
    }) as any;
    context.workbook = this.workbookObject();
    return context;
  }

  // ---- mechanics -------------------------------------------------------------------------

  private queue(describe: string, data: unknown, apply: () => void): void {
    this.ops.push({ describe, bytes: bytesOf(data) + 100, apply });
  }

  /** Wraps a mock so unloaded reads throw and property writes are queued. */
  private wrap<T extends object>(
    raw: OfficeMockObject,
    path: string,
    onWrite?: (prop: string, value: unknown) => void,
    onLoad?: () => void,
  ): T {
    this.tracked.push(raw);
    const children = new Map<string, unknown>();
    const proxy: any = new Proxy(raw as any, {
      get: (target, prop, receiver) => {
        if (prop === "load") {
          return (...args: unknown[]) => {
            target.load(...args);
            onLoad?.();
            return proxy;
          };
        }
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop === "string" && typeof value === "string" && NOT_READY.has(value)) {
          throw new Error(`read ${path}.${prop} before load and sync: ${value}`);
        }
        if (typeof value === "object" && value !== null && this.proxies.has(value)) return value;
        if (value instanceof OfficeMockObject && typeof prop === "string" && !prop.startsWith("_")) {
          if (!children.has(prop)) {
            children.set(
              prop,
              this.wrap(value, `${path}.${prop}`, onWrite ? (p, v) => onWrite(`${prop}.${p}`, v) : undefined),
            );
          }
          return children.get(prop);
        }
        return value;
      },
      set: (target, prop, value) => {
        if (typeof prop !== "string" || prop.startsWith("_")) {
          target[prop] = value;
          return true;
        }
        if (!onWrite) throw new Error(`${path}.${prop} is read-only in the fake`);
        onWrite(prop, value);
        target[prop] = value;
        return true;
      },
    });
    this.proxies.add(proxy);
    return proxy as T;
  }

  async sync(): Promise<void> {
    const index = this.syncs.length + 1;
    const ops = this.ops;
    const after = this.afterSync;
    const deliveries = this.deliveries;
    const failure = this.pendingFailure;
    const undo = this.afterFailure;
    this.ops = [];
    this.afterSync = [];
    this.deliveries = [];
    this.afterFailure = [];
    this.pendingFailure = undefined;
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    this.syncs.push({ bytes, ops: ops.length, largestOp: ops.reduce((m, op) => Math.max(m, op.bytes), 0) });
    const fail = (code: string): never => {
      for (const fn of undo) fn();
      throw new OfficeError(code);
    };
    if (this.failAt && this.failAt.sync === index) fail(this.failAt.code);
    if (failure) fail(failure);
    if (bytes > 5 * 1024 * 1024) fail("RequestPayloadSizeLimitExceeded");
    for (const op of ops) op.apply();
    try {
      for (const deliver of deliveries) deliver();
    } catch (error) {
      for (const fn of undo) fn();
      throw error;
    }
    const tracked = this.tracked;
    for (const raw of tracked) await raw.sync();
    // office-addin-mock finishes nested updates in later microtasks.
    await new Promise((resolve) => setImmediate(resolve));
    for (const fn of after) fn();
    this.onSynced?.(index);
  }

  private mock(data: Record<string, unknown>): OfficeMockObject {
    return new OfficeMockObject(data);
  }

  /** A collection whose `items` are readable only after `load` and a sync. */
  private collection<T>(path: string, items: () => T[], extra: Record<string, unknown> = {}): any {
    let state: "idle" | "loading" | "ready" = "idle";
    let snapshot: T[] = [];
    const coll: any = {
      load: (props?: string) => {
        if (!props || !props.startsWith("items/")) throw new Error(`${path}.load("${props}"): load items/… only`);
        const wanted = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
        // Loading a collection again in the same batch adds properties to the same items, as
        // Office.js does; in a later batch it reads the collection afresh.
        if (state !== "loading") {
          snapshot = items();
          state = "loading";
          this.afterSync.push(() => (state = "ready"));
          this.afterFailure.push(() => (state = "idle"));
        }
        for (const item of snapshot as any[]) item.load(wanted.join(","));
        return coll;
      },
      get items(): T[] {
        if (state !== "ready") throw new Error(`read ${path}.items before load and sync`);
        return snapshot;
      },
      ...extra,
    };
    return coll;
  }

  // ---- objects ----------------------------------------------------------------------------

  private workbookObject(): any {
    const wb = this;
    return {
      // Read afresh on every access, so a later batch sees a change made in between.
      get protection() {
        return wb.wrap(wb.mock({ protected: wb.workbookProtected }), "workbook.protection");
      },
      get application() {
        return wb.wrap(wb.mock({ calculationMode: wb.calculationMode }), "application", () => {
          throw new Error("the add-in must never change the calculation mode");
        });
      },
      worksheets: this.collection("worksheets", () => this.sheets.map((s) => this.sheetObject(s)), {
        getItem: (name: string) => this.sheetObject(this.sheet(name)),
        getItemOrNullObject: (name: string) => {
          const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
          return found ? this.nullable(this.sheetObject(found), false) : this.nullObject(`worksheets[${name}]`);
        },
        getActiveWorksheet: () => this.sheetObject(this.sheet(this.activeSheet)),
        add: (name: string) => {
          const sheet = new FakeSheet(name);
          this.queue(`worksheets.add(${name})`, name, () => {
            if (this.workbookProtected) throw new OfficeError("AccessDenied");
            if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
              throw new OfficeError("ItemAlreadyExists");
            }
            this.sheets.push(sheet);
          });
          return this.sheetObject(sheet);
        },
      }),
      tables: this.collection("tables", () => this.tables.map((t) => this.tableObject(t)), {
        getItem: (name: string) => {
          const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
          if (!table) throw new Error(`getItem(${name}) on a missing table would fail the batch`);
          return this.tableObject(table);
        },
        getItemOrNullObject: (name: string) => {
          const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
          return table ? this.nullable(this.tableObject(table), false) : this.nullObject(`tables[${name}]`);
        },
      }),
      // Worksheet functions evaluated by the workbook (ExcelApi 1.2): only DATE, the date-system probe.
      functions: {
        date: (year: number, month: number, day: number) =>
          this.wrap<any>(this.mock({ value: this.dateSerial(year, month, day), error: "" }), `functions.date(${year},${month},${day})`),
      },
      names: this.collection("names", () => this.names.map((n) => this.nameObject(n)), {
        getItem: (name: string) => {
          const item = this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
          if (!item) throw new Error(`names.getItem(${name}) on a missing name would fail the batch`);
          return this.nameObject(item);
        },
        getItemOrNullObject: (name: string) => {
          const item = this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
          return item ? this.nullable(this.nameObject(item), false) : this.nullObject(`names[${name}]`);
        },
        add: (name: string, formula: string) => {
          this.queue(`names.add(${name})`, [name, formula], () => {
            if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError("ItemAlreadyExists");
            this.names.push({ name, formula });
          });
        },
      }),
      getSelectedRange: () => {
        const { sheet, range } = splitAddress(wb.selection);
        return this.rangeObject(this.sheet(sheet ?? this.activeSheet), range);
      },
    };
  }

  /** What a defined name evaluates to, as NamedItem.type and .value report it. */
  private evaluateName(item: NamedItem): { type: string; value: unknown } {
    const body = item.formula.replace(/^=/, "");
    if (/^-?\d+(\.\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
    if (/^".*"$/.test(body)) return { type: "String", value: body.slice(1, -1) };
    const date = /^DATE\((\d+),(\d+),(\d+)\)$/i.exec(body);
    if (date) return { type: "Double", value: this.dateSerial(Number(date[1]), Number(date[2]), Number(date[3])) };
    // A name over a table's column: Excel reports the address of the cells it takes.
    const reference = parseTableReference(body);
    if (reference) {
      const table = this.tables.find((t) => t.name.toLowerCase() === reference.table.toLowerCase());
      const columns = table ? this.tableColumns(table) : [];
      const column = reference.columns ? columns.findIndex((c) => c.toLowerCase() === (reference.columns as string[])[0]?.toLowerCase()) : undefined;
      if (!table || column === -1) return { type: "Error", value: "#REF!" };
      const rect = reference.specials.includes("#all") ? { ...rectOf(table.range), ...(column !== undefined && { left: rectOf(table.range).left + column, right: rectOf(table.range).left + column }) } : this.tableBody(table, column);
      return { type: "Range", value: qualify(table.sheet.name, addressOf(rect)) };
    }
    if (/^'?\[\d+\]/.test(body)) return { type: "Error", value: "#REF!" };
    if (body.includes("!")) return { type: "Range", value: body };
    return { type: "Error", value: "#NAME?" };
  }

  private nameObject(item: NamedItem): any {
    const { type, value } = this.evaluateName(item);
    const path = `names[${item.name}]`;
    const raw = this.mock({
      name: item.name,
      type,
      value,
      formula: item.formula,
      // The cells a name refers to; a null object for a constant, an error or several areas.
      getRangeOrNullObject: () => {
        const { sheet, range } = splitAddress(String(value));
        const owner = type === "Range" && !range.includes(",") && sheet !== undefined
          ? this.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())
          : undefined;
        return owner ? this.nullable(this.rangeObject(owner, range), false) : this.nullObject(`${path}.range`);
      },
    });
    return this.wrap(raw, path, (prop, v) => {
      if (prop !== "formula") throw new Error(`${path}.${prop} cannot be set`);
      this.queue(`${path}.formula`, v, () => (item.formula = String(v)));
    });
  }

  /**
   * What an `*OrNullObject` call gives when nothing is there. Its `isNullObject` is true after
   * the sync; a method called on it gives another null object (or, with `nullChainFails`, fails
   * the batch); reading anything else from it throws.
   */
  private nullObject(path: string): any {
    let ready = false;
    this.afterSync.push(() => (ready = true));
    const methods = new Set([
      "getRange",
      "getRangeOrNullObject",
      "getUsedRangeOrNullObject",
      "getMergedAreasOrNullObject",
      "getDataBodyRange",
      "getBoundingRect",
      "getItemOrNullObject",
    ]);
    const proxy: any = new Proxy(
      {},
      {
        get: (_target, prop) => {
          if (prop === "isNullObject") {
            if (!ready) throw new Error(`read ${path}.isNullObject before sync`);
            return true;
          }
          if (prop === "load") return () => proxy;
          if (prop === "then" || typeof prop === "symbol") return undefined;
          // A table's columns, through a table that is not there: a path through a null object.
          if (prop === "columns") return this.nullObject(`${path}.columns`);
          if (methods.has(prop)) {
            return () => {
              if (this.nullChainFails) this.pendingFailure = "ItemNotFound";
              return this.nullObject(`${path}.${prop}()`);
            };
          }
          throw new Error(`read ${path}.${prop} of a null object`);
        },
        set: () => {
          throw new Error(`${path}: a null object cannot be changed`);
        },
      },
    );
    return proxy;
  }

  private sheetObject(sheet: FakeSheet): any {
    const path = `sheet(${sheet.name})`;
    const chartsOf = (): FakeChart[] => this.charts.filter((c) => c.sheet === sheet);
    const tablesOf = (): FakeTable[] => this.tables.filter((t) => t.sheet === sheet);
    const raw = this.mock({
      name: sheet.name,
      protection: { protected: sheet.protected },
      pageLayout: {
        orientation: "",
        paperSize: "",
        zoom: {},
        leftMargin: 0,
        rightMargin: 0,
        topMargin: 0,
        bottomMargin: 0,
        headerMargin: 0,
        footerMargin: 0,
        headersFooters: { defaultForAllPages: { leftHeader: "", rightHeader: "", rightFooter: "" } },
        setPrintArea: (area: string) =>
          this.queue(`${path}.pageLayout.setPrintArea`, area, () => {
            this.guard(sheet);
            sheet.pageLayout["printArea"] = area;
          }),
        setPrintTitleRows: (rows: string) =>
          this.queue(`${path}.pageLayout.setPrintTitleRows`, rows, () => {
            this.guard(sheet);
            sheet.pageLayout["printTitleRows"] = rows;
          }),
      },
      horizontalPageBreaks: {
        add: (at: string) => this.queue(`${path}.horizontalPageBreaks.add`, at, () => sheet.pageBreaks.push(at)),
        removePageBreaks: () => this.queue(`${path}.horizontalPageBreaks.removePageBreaks`, null, () => (sheet.pageBreaks = [])),
      },
      getRange: (address?: string) => this.rangeObject(sheet, address ?? `A1:${columnLetter(MAX_COLUMN - 1)}${MAX_ROW}`),
      activate: () => this.queue(`${path}.activate()`, null, () => (this.activeSheet = sheet.name)),
    });
    const proxy = this.wrap<any>(raw, path, (prop, value) => {
      if (prop === "name") {
        this.queue(`${path}.name`, value, () => {
          // Renaming changes the workbook's structure: a protected workbook refuses it.
          if (this.workbookProtected) throw new OfficeError("AccessDenied");
          if (!this.sheets.includes(sheet)) throw new OfficeError("ItemNotFound");
          const name = String(value);
          if (this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) {
            throw new OfficeError("ItemAlreadyExists");
          }
          if (this.activeSheet === sheet.name) this.activeSheet = name;
          sheet.name = name;
        });
        return;
      }
      if (!prop.startsWith("pageLayout.")) throw new Error(`${path}.${prop} cannot be set in the fake`);
      this.queue(`${path}.${prop}`, value, () => {
        this.guard(sheet);
        sheet.pageLayout[prop.slice("pageLayout.".length)] = value;
      });
    });
    (raw as any).charts = this.collection(`${path}.charts`, () => chartsOf().map((c) => this.chartObject(c)), {
      add: (type: string, source: any, seriesBy: string) => {
        const chart: FakeChart = { name: "", type, sheet, source: source.__address, seriesBy, series: [{}], props: {} };
        this.queue(`${path}.charts.add`, [type, source.__address], () => {
          this.guard(sheet);
          this.charts.push(chart);
        });
        return this.chartObject(chart);
      },
    });
    (raw as any).tables = this.collection(`${path}.tables`, () => tablesOf().map((t) => this.tableObject(t)), {
      add: (source: any, hasHeaders: boolean) => {
        // As in Excel: a Range knows its sheet; a bare address means the *active* sheet.
        let owner = sheet;
        let address: string;
        if (typeof source === "string") {
          const split = splitAddress(source);
          owner = this.sheet(split.sheet ?? this.activeSheet);
          address = split.range;
        } else {
          owner = source.__sheet as FakeSheet;
          address = source.__address as string;
        }
        const table: FakeTable = { name: `Table${this.tables.length + 1}`, sheet: owner, range: address };
        this.queue(`${path}.tables.add(${address})`, [address, hasHeaders], () => {
          this.guard(owner);
          if (!hasHeaders) throw new Error("the add-in's tables have headers");
          if (this.tables.some((t) => t.sheet === owner && overlaps(rectOf(t.range), rectOf(address)))) {
            throw new OfficeError("InvalidOperation");
          }
          this.tables.push(table);
        });
        return this.tableObject(table);
      },
    });
    (raw as any).freezePanes = {
      freezeRows: (n: number) => this.queue(`${path}.freezeRows`, n, () => (sheet.frozenRows = n)),
      freezeColumns: (n: number) => this.queue(`${path}.freezeColumns`, n, () => (sheet.frozenColumns = n)),
      freezeAt: (range: string) =>
        this.queue(`${path}.freezeAt`, range, () => {
          const rect = rectOf(range);
          sheet.frozenRows = rect.bottom + 1;
          sheet.frozenColumns = rect.right + 1;
        }),
      unfreeze: () =>
        this.queue(`${path}.unfreeze`, null, () => {
          sheet.frozenRows = 0;
          sheet.frozenColumns = 0;
        }),
    };
    return proxy;
  }

  /** Excel refuses any change to a protected sheet. */
  private guard(sheet: FakeSheet): void {
    if (sheet.protected) throw new OfficeError("AccessDenied");
    if (!this.sheets.includes(sheet)) throw new OfficeError("ItemNotFound");
  }

  private tableObject(table: FakeTable): any {
    const path = `table(${table.name})`;
    const raw = this.mock({
      name: table.name,
      delete: () =>
        this.queue(`${path}.delete()`, null, () => {
          this.guard(table.sheet);
          this.tables = this.tables.filter((t) => t !== table);
          this.clearRect(table.sheet, rectOf(table.range));
        }),
    });
    const proxy = this.wrap<any>(raw, path, (prop, value) => {
      this.queue(`${path}.${prop}`, value, () => {
        this.guard(table.sheet);
        if (prop === "name") {
          const taken = [...this.tables.filter((t) => t !== table).map((t) => t.name), ...this.names.map((n) => n.name)];
          if (taken.some((n) => n.toLowerCase() === String(value).toLowerCase())) throw new OfficeError("ItemAlreadyExists");
          table.name = String(value);
        } else if (prop === "style") table.style = String(value);
        else throw new Error(`${path}.${prop} cannot be set in the fake`);
      });
    });
    // Navigation to the table's sheet, as `tables.getItem(name).worksheet`.
    Object.defineProperty(raw, "worksheet", { get: () => this.sheetObject(table.sheet) });
    // The data rows, never the header or totals row (Table.getDataBodyRange, ExcelApi 1.1).
    (raw as any).getDataBodyRange = () => this.rangeObject(table.sheet, addressOf(this.tableBody(table)));
    (raw as any).columns = this.collection(
      `${path}.columns`,
      () => this.tableColumns(table).map((name, i) => this.columnObject(table, name, i)),
      {
        getItemOrNullObject: (key: string) => {
          const index = this.tableColumns(table).findIndex((c) => c.toLowerCase() === key.toLowerCase());
          return index < 0
            ? this.nullObject(`${path}.columns[${key}]`)
            : this.nullable(this.columnObject(table, this.tableColumns(table)[index] as string, index), false);
        },
      },
    );
    return proxy;
  }

  /** One column of a table: its name and its data rows (TableColumn.getDataBodyRange). */
  private columnObject(table: FakeTable, name: string, index: number): any {
    const raw = this.mock({
      name,
      getDataBodyRange: () => this.rangeObject(table.sheet, addressOf(this.tableBody(table, index))),
    });
    return this.wrap<any>(raw, `table(${table.name}).columns[${name}]`);
  }

  private chartObject(chart: FakeChart): any {
    const path = `chart(${chart.sheet.name})`;
    /** Records a look written to series `index()` (a path like "format.line.lineStyle"). */
    const looks = (index: () => number, prefix = ""): any =>
      new Proxy(
        {},
        {
          get: (_t, prop) => {
            if (typeof prop !== "string") return undefined;
            if (prop === "clear") {
              return () =>
                this.queue(`${path}.series.${prefix}clear`, null, () => {
                  const series = chart.series[index()] as FakeSeries;
                  series.props = { ...series.props, [`${prefix}cleared`]: true };
                });
            }
            return looks(index, `${prefix}${prop}.`);
          },
          set: (_t, prop, value) => {
            this.queue(`${path}.series.${prefix}${String(prop)}`, value, () => {
              const series = chart.series[index()] as FakeSeries;
              series.props = { ...series.props, [`${prefix}${String(prop)}`]: value };
            });
            return true;
          },
        },
      );
    const seriesObject = (index: number): any => {
      const look = looks(() => index);
      return new Proxy(
        {
          setValues: (range: any) =>
            this.queue(`${path}.series[${index}].setValues`, range.__address, () => ((chart.series[index] as FakeSeries).values = range.__address)),
          setXAxisValues: (range: any) =>
            this.queue(`${path}.series[${index}].setXAxisValues`, range.__address, () => ((chart.series[index] as FakeSeries).xValues = range.__address)),
        },
        {
          get: (target: any, prop) => (prop in target ? target[prop] : look[prop]),
          set: (_t, prop, value) => {
            if (prop === "name") wb.queue(`${path}.series[${index}].name`, value, () => ((chart.series[index] as FakeSeries).name = value));
            else look[prop] = value;
            return true;
          },
        },
      );
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const wb = this;
    const raw = this.mock({
      name: chart.name,
      title: { text: "", format: { font: { size: 0 } } },
      legend: { position: "" },
      format: { font: { size: 0 } },
      axes: {
        categoryAxis: { title: { text: "" } },
        valueAxis: { title: { text: "" }, minimum: "" },
        getItem: (type: string, group: string) =>
          this.wrap(this.mock({ title: { text: "" }, minimum: "" }), `${path}.axes[${type},${group}]`, (prop, value) =>
            this.queue(`${path}.axes[${type},${group}].${prop}`, value, () => (chart.props[`axes.${type}.${group}.${prop}`] = value)),
          ),
      },
      setPosition: (from: string, to: string) =>
        this.queue(`${path}.setPosition`, [from, to], () => (chart.props["position"] = `${from}:${to}`)),
      delete: () =>
        this.queue(`${path}.delete()`, null, () => {
          this.guard(chart.sheet);
          this.charts = this.charts.filter((c) => c !== chart);
        }),
    });
    (raw as any).series = {
      getItemAt: (i: number) => seriesObject(i),
      add: (name: string) => {
        let index = -1;
        this.queue(`${path}.series.add`, name, () => {
          chart.series.push({ name });
          index = chart.series.length - 1;
        });
        // The new series is the next one: its index is known once the add is applied.
        const look = looks(() => index);
        return new Proxy(
          {
            setValues: (range: any) => this.queue(`${path}.series+.setValues`, range.__address, () => ((chart.series[index] as FakeSeries).values = range.__address)),
            setXAxisValues: (range: any) =>
              this.queue(`${path}.series+.setXAxisValues`, range.__address, () => ((chart.series[index] as FakeSeries).xValues = range.__address)),
          },
          {
            get: (target: any, prop) => (prop in target ? target[prop] : look[prop]),
            set: (_t, prop, value) => {
              look[prop] = value;
              return true;
            },
          },
        );
      },
    };
    return this.wrap<any>(raw, path, (prop, value) => {
      this.queue(`${path}.${prop}`, value, () => {
        if (prop === "name") chart.name = String(value);
        else chart.props[prop] = value;
      });
    });
  }

  private clearRect(sheet: FakeSheet, rect: Rect): void {
    for (const key of [...sheet.cells.keys()]) {
      const [row, column] = key.split(",").map(Number) as [number, number];
      if (row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right) sheet.cells.delete(key);
    }
  }

  /** The cells of a rectangle as Office.js hands them back: values and their types. */
  private readCells(sheet: FakeSheet, rect: Rect): { values: unknown[][]; valueTypes: string[][] } {
    const values: unknown[][] = [];
    const valueTypes: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: unknown[] = [];
      const types: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.get(r, c);
        if (cell?.error) {
          line.push(cell.error);
          types.push("Error");
        } else if (cell === undefined || cell.value === null || cell.value === "") {
          line.push("");
          types.push("Empty");
        } else {
          line.push(cell.value);
          types.push(typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String");
        }
      }
      values.push(line);
      valueTypes.push(types);
    }
    return { values, valueTypes };
  }

  private rangeObject(sheet: FakeSheet, range: string): any {
    const rect = rectOf(range);
    const rows = rect.bottom - rect.top + 1;
    const columns = rect.right - rect.left + 1;
    const address = qualify(sheet.name, addressOf(rect));
    const path = `range(${address})`;
    // A range over a million cells is too large to return.
    const huge = rows * columns > 1_000_000;
    // Values are read when the sync that loads them runs, as Excel reads them.
    let due = false;
    const deliver = (): void => {
      due = false;
      const props = (raw as any)._properties as Map<string, { _loaded: boolean; _valueBeforeLoaded: unknown }>;
      const valuesProp = props.get("values");
      const typesProp = props.get("valueTypes");
      if (!valuesProp?._loaded && !typesProp?._loaded) return;
      if (huge) throw new OfficeError("ResponsePayloadSizeLimitExceeded");
      const cells = this.readCells(sheet, rect);
      this.largestRead = Math.max(this.largestRead, rows * columns);
      if (valuesProp) valuesProp._valueBeforeLoaded = cells.values;
      if (typesProp) typesProp._valueBeforeLoaded = cells.valueTypes;
    };
    const raw = this.mock({
      address,
      values: [],
      valueTypes: [],
      rowCount: rows,
      columnCount: columns,
      format: { columnWidth: 0, font: { bold: false, italic: false, size: 11, color: "" }, fill: { color: "" } },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        if (valuesOnly !== true) throw new Error("the add-in reads used ranges by values only");
        const used = sheet.usedWithin(rect);
        return this.nullable(used ? this.rangeObject(sheet, addressOf(used)) : this.rangeObject(sheet, "A1"), used === undefined);
      },
      getBoundingRect: (other: any) => {
        const o = rectOf(other.__address as string);
        const box = { top: Math.min(rect.top, o.top), left: Math.min(rect.left, o.left), bottom: Math.max(rect.bottom, o.bottom), right: Math.max(rect.right, o.right) };
        return this.rangeObject(sheet, addressOf(box));
      },
      getMergedAreasOrNullObject: () => {
        const areas = sheet.merged.filter((m) => overlaps(rectOf(m), rect));
        const obj = this.wrap<any>(this.mock({ address: areas.map((m) => qualify(sheet.name, m)).join(",") }), `${path}.merged`);
        return this.nullable(obj, areas.length === 0);
      },
      clear: () => this.queue(`${path}.clear()`, null, () => {
        this.guard(sheet);
        this.clearRect(sheet, rect);
      }),
    });
    (raw as any).__address = addressOf(rect);
    (raw as any).__sheet = sheet;
    const validation = (key: string) => (value: unknown) =>
      wb.queue(`${path}.dataValidation.${key}`, value, () => {
        wb.guard(sheet);
        sheet.validations.set(addressOf(rect), { ...sheet.validations.get(addressOf(rect)), [key]: value });
      });
    (raw as any).dataValidation = {
      clear: () => wb.queue(`${path}.dataValidation.clear()`, null, () => sheet.validations.delete(addressOf(rect))),
      set rule(v: unknown) {
        validation("rule")(v);
      },
      set errorAlert(v: unknown) {
        validation("errorAlert")(v);
      },
      set prompt(v: unknown) {
        validation("prompt")(v);
      },
      set ignoreBlanks(v: unknown) {
        validation("ignoreBlanks")(v);
      },
    };
    (raw as any).conditionalFormats = {
      add: (type: string) => {
        const format = { range: addressOf(rect), type, props: {} as Record<string, unknown> };
        wb.queue(`${path}.conditionalFormats.add`, type, () => {
          wb.guard(sheet);
          sheet.conditionalFormats.push(format);
        });
        const record = (prefix: string): any =>
          new Proxy(
            {},
            {
              get: (_t, prop) => (typeof prop === "string" ? record(`${prefix}${prop}.`) : undefined),
              set: (_t, prop, value) => {
                wb.queue(`${path}.conditionalFormats.${prefix}${String(prop)}`, value, () => (format.props[`${prefix}${String(prop)}`] = value));
                return true;
              },
            },
          );
        return record("");
      },
    };
    (raw as any).format.borders = {
      getItem: (edge: string) => ({
        set style(v: string) {
          wb.queue(`${path}.borders.${edge}`, v, () => wb.styleRect(sheet, rect, `border${edge}`, v));
        },
        set color(v: string) {
          wb.queue(`${path}.borders.${edge}.color`, v, () => undefined);
        },
      }),
    };
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const wb = this;
    const proxy = this.wrap<any>(
      raw,
      path,
      (prop, value) => {
        this.queue(`${path}.${prop}`, value, () => this.writeRange(sheet, rect, prop, value));
      },
      () => {
        if (!due) this.deliveries.push(deliver);
        due = true;
      },
    );
    return proxy;
  }

  /** Marks an OrNullObject result; `isNullObject` is readable after the sync. */
  private nullable(proxy: any, isNull: boolean): any {
    const raw = proxy as any;
    Object.defineProperty(raw, "isNullObject", { value: undefined, writable: true, configurable: true });
    let ready = false;
    this.afterSync.push(() => (ready = true));
    return new Proxy(raw, {
      get: (target, prop, receiver) => {
        if (prop === "isNullObject") {
          if (!ready) throw new Error("read isNullObject before sync");
          return isNull;
        }
        if (isNull && ready && (prop === "values" || prop === "address" || prop === "valueTypes")) {
          throw new Error(`read ${String(prop)} of a null object`);
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  }

  private styleRect(sheet: FakeSheet, rect: Rect, key: string, value: unknown): void {
    this.guard(sheet);
    for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 500); r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.get(r, c) ?? { value: null };
        cell.style = { ...cell.style, [key]: value };
        sheet.cells.set(sheet.key(r, c), cell);
      }
    }
  }

  private writeRange(sheet: FakeSheet, rect: Rect, prop: string, value: unknown): void {
    this.guard(sheet);
    const rows = rect.bottom - rect.top + 1;
    const columns = rect.right - rect.left + 1;
    if (prop === "format.columnWidth") {
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(columnLetter(c), Number(value));
      return;
    }
    if (prop === "format.rowHeight") {
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r + 1, Number(value));
      return;
    }
    if (prop === "format.useStandardHeight") {
      for (const row of [...sheet.rowHeights.keys()]) if (row - 1 >= rect.top && row - 1 <= rect.bottom) sheet.rowHeights.delete(row);
      return;
    }
    if (prop.startsWith("format.")) return this.styleRect(sheet, rect, prop.slice("format.".length), value);
    if (prop !== "values" && prop !== "formulas" && prop !== "numberFormat") throw new Error(`range.${prop} is not supported by the fake`);
    const matrix = value as unknown[][];
    if (!Array.isArray(matrix) || matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== columns)) {
      throw new OfficeError("InvalidArgument");
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const key = sheet.key(rect.top + r, rect.left + c);
        const cell = sheet.cells.get(key) ?? { value: null };
        const v = (matrix[r] as unknown[])[c];
        if (prop === "numberFormat") cell.format = String(v);
        else if (v !== null) {
          const t = typed(v, cell.format);
          cell.value = t.value;
          if (t.formula) cell.formula = t.formula;
          else delete cell.formula;
        }
        sheet.cells.set(key, cell);
      }
    }
  }
}

/** A workbook like a planner's: inputs on "Invoer" (C2 opening, C5:C56 intake, D5:D56 capacity). */
export function plannerWorkbook(weeks = 52, options: { capacity?: boolean } = {}): FakeWorkbook {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet("Invoer");
  sheet.set("B2", "Beginvoorraad");
  sheet.set("C2", 1440);
  sheet.set("C4", "Instroom");
  sheet.column("C5", Array.from({ length: weeks }, () => 25));
  if (options.capacity) {
    sheet.set("D4", "Capaciteit");
    sheet.column("D5", Array.from({ length: weeks }, () => 1600 / 52));
  }
  return wb;
}
