/**
 * Shared by the pane's tests (runPlan, runSections, the reliability catalogue and the rerun
 * test): one run of the pane against the fake Excel, a snapshot of everything in the workbook,
 * and the check that a failed run said the right sentence and wrote nothing.
 */
import { MAX_WEEKS } from "../../../src/engine";
import { CHUNK_BUDGET_BYTES, REQUEST_LIMIT_BYTES } from "../../../src/hosts/office/writeSheet";
import { describeRunProblem } from "../../../src/taskpane/outcomes";
import { runPlan, RunOutcome, RunRequest } from "../../../src/hosts/office/runPlan";
import { emptyFields, PaneFields } from "../../../src/hosts/office/readInputs";
import { HyperFormula } from "hyperformula";
import { parseCell } from "../../../src/sheets/spec";
import { FakeWorkbook, plannerWorkbook } from "./fakeExcel";

export const TODAY = 45306; // 2024-01-15
/** The planner workbook's inputs (`plannerWorkbook`): opening backlog and 52 weeks of intake. */
export const INPUTS: Partial<PaneFields> = { opening: "Invoer!C2", intake: "Invoer!C5:C56" };

export function fields(partial: Partial<PaneFields>): PaneFields {
  return { ...emptyFields(), ...partial };
}

/** One run of the pane in a fresh request context, counting its syncs. */
export async function run(
  wb: FakeWorkbook,
  partial: Partial<PaneFields>,
  extra: Partial<RunRequest> = {},
): Promise<{ outcome: RunOutcome; syncs: number }> {
  const context = wb.context();
  const sync = jest.spyOn(context, "sync");
  const outcome: RunOutcome = await runPlan(context, {
    fields: fields(partial),
    kind: "projection",
    language: "en",
    today: TODAY,
    checkMerged: true,
    ...extra,
  });
  return { outcome, syncs: sync.mock.calls.length };
}

/**
 * Everything in the workbook a run could change: every sheet (name, order, cells with their
 * formats and styles, merges, protection, frozen rows, widths, page setup), the tables, charts
 * and names, workbook protection, calculation mode and the active sheet; also row heights, page
 * breaks, validation and conditional formats. Equal before and after
 * a run: nothing was written.
 */
export function state(wb: FakeWorkbook): string {
  return JSON.stringify({
    sheets: wb.sheets.map((s) => [
      s.name,
      s.snapshot(),
      s.merged,
      s.protected,
      s.frozenRows,
      s.frozenColumns,
      [...s.columnWidths.entries()],
      [...s.rowHeights.entries()],
      s.pageLayout,
      s.pageBreaks,
      [...s.validations.entries()],
      s.conditionalFormats,
    ]),
    tables: wb.tables.map((t) => [t.name, t.sheet.name, t.range, t.style]),
    charts: wb.charts.map((c) => [c.name, c.type, c.sheet.name, c.series, c.props]),
    names: wb.names,
    workbookProtected: wb.workbookProtected,
    calculationMode: wb.calculationMode,
    activeSheet: wb.activeSheet,
  });
}

export interface ProblemOptions {
  language?: "en" | "nl";
  /** More of the request: the sections, the kind of run. */
  extra?: Partial<RunRequest>;
  /** The control the problem should mark. */
  field?: string;
}

/**
 * A failed run: the problem sentence in the pane, and proof that no write reached the workbook
 * (no sync carried an operation, and the workbook's state is unchanged).
 */
export async function expectProblem(
  wb: FakeWorkbook,
  partial: Partial<PaneFields>,
  sentence: string,
  options: ProblemOptions = {},
): Promise<RunOutcome> {
  const language = options.language ?? "en";
  const before = state(wb);
  const syncsBefore = wb.syncs.length;
  const { outcome, syncs } = await run(wb, partial, { language, ...options.extra });
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return outcome;
  expect(describeRunProblem(outcome.problem, language)).toBe(sentence);
  if (options.field !== undefined) {
    expect("problem" in outcome.problem && "field" in outcome.problem.problem && outcome.problem.problem.field).toBe(
      options.field,
    );
  }
  expect(syncs).toBeLessThanOrEqual(2);
  expect(wb.syncs.slice(syncsBefore).every((s) => s.ops === 0)).toBe(true);
  expect(state(wb)).toBe(before);
  return outcome;
}

/**
 * The largest run there is: 10,000 weeks of full-precision capacity (the longest cells), with
 * week-start dates and ISO weeks. Excel on the web refuses a request over 5 MB; the writes are
 * cut into chunks of at most 512 KB and still sent in one sync, so the run takes 3 syncs and no
 * request comes near the limit.
 */
export async function expectTenThousandWeeksSplit(): Promise<FakeWorkbook> {
  // Capacity 1600/52 = 30.769230769230770…: full-precision doubles, the longest cells there are.
  const wb = plannerWorkbook(MAX_WEEKS, { capacity: true });
  const { outcome, syncs } = await run(wb, {
    opening: "Invoer!C2",
    intake: `Invoer!C5:C${4 + MAX_WEEKS}`,
    capacity: `Invoer!D5:D${4 + MAX_WEEKS}`,
    firstWeek: "2024-01-01",
  });
  expect(outcome.ok).toBe(true);
  expect(syncs).toBe(3);
  expect(wb.syncs).toHaveLength(3);
  for (const s of wb.syncs) expect(s.bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
  const write = wb.syncs[2]!;
  // Split into chunks: many writes, each at most the adapter's chunk budget.
  expect(write.bytes).toBeGreaterThan(2 * CHUNK_BUDGET_BYTES);
  expect(write.largestOp).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES + 1024);
  expect(outcome.ok && outcome.report.batchBytes[0]).toBeGreaterThanOrEqual(write.bytes * 0.9);
  expect(wb.tables[0]?.range).toBe(`A4:I${4 + MAX_WEEKS}`);
  const sheet = wb.sheet("Projection");
  expect(sheet.at(`A${4 + MAX_WEEKS}`)?.value).toBe(MAX_WEEKS);
  // Past LIVE_WEEKS the weeks are written as computed (the request stays under 5 MB).
  expect(sheet.at(`C${4 + MAX_WEEKS}`)?.value).toMatch(/^\d{4}-W\d{2}$/);
  return wb;
}

/**
 * What the written formulas compute, by HyperFormula, from the named sheets' cells as the fake
 * holds them (a formula where one was written, else the value): the fake Excel does not calculate.
 *
 * @example
 * computed(wb, ["Invoer", "Projection"])("Projection", "L12") // → "never"
 */
export function computed(wb: FakeWorkbook, names: readonly string[]): (sheet: string, address: string) => unknown {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const name of names) {
    const grid: (string | number | boolean | null)[][] = [];
    for (const [key, cell] of wb.sheet(name).cells) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      while (grid.length <= r) grid.push([]);
      (grid[r] as unknown[])[c] = cell.formula ?? cell.value;
    }
    const width = Math.max(0, ...grid.map((row) => row.length));
    sheets[name] = grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", smartRounding: false });
  return (sheet, address) => {
    const p = parseCell(address);
    const value = hf.getCellValue({ sheet: hf.getSheetId(sheet) as number, row: p.row, col: p.column });
    return typeof value === "object" && value !== null && "type" in value ? `#${String((value as { type: string }).type)}` : value;
  };
}
