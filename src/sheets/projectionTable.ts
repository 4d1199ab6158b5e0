/**
 * The projection sheet's weekly table as live formulas: intake and capacity point at the input
 * cells the plan was made from, decisions and backlog follow the engine's stock-flow
 * (`decisions = MIN(capacity, backlog + intake)`), and the memo's lead time of the cases decided
 * each week comes from six helper columns outside the print area. Change the inputs and the
 * table follows, also without the add-in; LibreOffice's recalculation matches the engine to 1e-9
 * (test/sheets/projectionSheet.libreoffice.test.ts).
 *
 * The lead time, first in, first out (src/engine/leadTime.ts): the k-th case decided arrived at
 * a(k), the opening backlog spread evenly over S weeks before week 1, week t's intake spread over
 * week t. With A(k) = ∫₀ᵏ a, the cases decided in week t waited on average
 * t − ½ − (A(D_t) − A(D_{t−1})) ÷ decided_t, D_t being the decisions up to week t. A(k) is closed
 * for k ≤ opening; beyond it the helper columns find the week k's case arrived in (MATCH on the
 * intake up to each week) and add up the arrival times before it.
 */
import type { SeriesSource } from "../plan/sources";
import { weekReference } from "../plan/sources";
import type { WeekRow } from "../engine";
import { isoWeekLabel } from "./dates";
import { absoluteAddress, Block, Cell, cellAddress, date, formula, TableColumn, TableSpec, text } from "./spec";

/** Table columns, 0-based from column A. */
export const PROJECTION_COLUMNS = {
  week: 0,
  start: 1,
  iso: 2,
  intake: 3,
  capacity: 4,
  decisions: 5,
  backlog: 6,
  wait: 7,
  lead: 8,
} as const;
export type ProjectionColumn = keyof typeof PROJECTION_COLUMNS;

/** Helper columns for the lead time, in order, from `helperColumn`. */
const HELPERS = ["intakeBefore", "arrivalBefore", "decided", "beyondOpening", "week", "arrival"] as const;
type Helper = (typeof HELPERS)[number];

export interface ProjectionTableLayout {
  /** 0-based header row; week t is on row headerRow + t. */
  headerRow: number;
  weeks: number;
  /** "D5:D56": a table column over all weeks. */
  range: (column: ProjectionColumn) => string;
  /** "D5": week `week`'s (1-based) cell. */
  cell: (column: ProjectionColumn, week: number) => string;
  /** 0-based first helper column; the helpers' header is on the table's header row. */
  helperColumn: number;
  helperRange: (helper: Helper) => string;
}

export function projectionTableLayout(headerRow: number, weeks: number, helperColumn: number): ProjectionTableLayout {
  const cell = (column: number, week: number): string => cellAddress(headerRow + week, column);
  const range = (column: number): string => `${cell(column, 1)}:${cell(column, weeks)}`;
  return {
    headerRow,
    weeks,
    range: (column) => range(PROJECTION_COLUMNS[column]),
    cell: (column, week) => cell(PROJECTION_COLUMNS[column], week),
    helperColumn,
    helperRange: (helper) => range(helperColumn + HELPERS.indexOf(helper)),
  };
}

/** Where the table's formulas read the plan: input references or the summary's own cells. */
export interface ProjectionReads {
  /** The opening backlog: a cell holding it ("$L$6"). */
  opening: string;
  /** Intake per week: the input's cells, or undefined to write the values as read. */
  intake: SeriesSource | undefined;
  /** Given capacity per week: the input's cells; the planning rule's capacity: one cell ("$L$8"). */
  capacity: { source: SeriesSource } | { cell: string } | undefined;
  /** The first week's date: an input reference, or undefined to write the dates as read. */
  firstWeek: string | undefined;
  /** The opening backlog's spread in weeks for the lead time (opening ÷ mean intake): a cell. */
  spread: string;
}

export interface ProjectionTableText {
  columns: readonly string[];
  helpers: readonly string[];
}

export interface ProjectionTableOptions {
  layout: ProjectionTableLayout;
  reads: ProjectionReads;
  /** The values as read, for inputs without a cell to point at. */
  values: { intake: readonly number[]; capacity: readonly number[]; firstWeek: number | undefined };
  text: ProjectionTableText;
  tableName: string;
  /**
   * The projection's own figures, for a horizon too long for live formulas (`LIVE_WEEKS`): the
   * table then holds values, as computed, and has no helpers.
   */
  fixed?: { rows: readonly WeekRow[]; decidedLeadTime: ReadonlyArray<number | null> };
}

/**
 * The longest horizon written as live formulas: 50 years of weeks. Longer ones (up to the
 * engine's 10,000) are written as values: a request to Excel on the web stays under 5 MB.
 */
export const LIVE_WEEKS = 2600;

/**
 * Number formats of the table's columns, in order. The ISO week is "General", not text ("@"):
 * Excel keeps a formula typed into a text-formatted cell as text, uncomputed.
 */
const FORMATS = ["0", "yyyy-mm-dd", "General", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0", "0.0", "0.0"];

/** One week's nine cells. */
function weekRow(options: ProjectionTableOptions, week: number): Cell[] {
  const { layout, reads, values } = options;
  const c = (column: ProjectionColumn, w = week): string => layout.cell(column, w);
  const h = (helper: Helper, w = week): string => cellAddress(layout.headerRow + w, layout.helperColumn + HELPERS.indexOf(helper));
  const start: Cell =
    reads.firstWeek !== undefined
      ? formula(`IF(${reads.firstWeek}="","",${reads.firstWeek}+7*(${c("week")}-1))`)
      : values.firstWeek === undefined
        ? null
        : date(values.firstWeek + 7 * (week - 1));
  // ISO 8601: the week holding the date, in the year of that week's Thursday.
  const iso: Cell =
    start === null
      ? null
      : formula(`IF(${c("start")}="","",YEAR(${c("start")}-WEEKDAY(${c("start")},2)+4)&"-W"&TEXT(ISOWEEKNUM(${c("start")}),"00"))`);
  const intake: Cell = reads.intake ? formula(weekReference(reads.intake, week)) : (values.intake[week - 1] as number);
  const capacity: Cell =
    reads.capacity === undefined
      ? (values.capacity[week - 1] as number)
      : "cell" in reads.capacity
        ? formula(reads.capacity.cell)
        : formula(weekReference(reads.capacity.source, week));
  const before = week === 1 ? reads.opening : c("backlog", week - 1);
  const arrivedBefore = week === 1 ? "0" : h("arrival", week - 1);
  return [
    week,
    start,
    iso,
    intake,
    capacity,
    formula(`MIN(${c("capacity")},${before}+${c("intake")})`),
    formula(`${before}+${c("intake")}-${c("decisions")}`),
    // Little's law per week; blank where nothing (or next to nothing: 1e-12) was decided.
    formula(`IF(${c("decisions")}>0.000000000001,${c("backlog")}/${c("decisions")},"")`),
    formula(`IF(${c("decisions")}>0.000000000001,MAX(0,${c("week")}-0.5-(${h("arrival")}-${arrivedBefore})/${c("decisions")}),"")`),
  ];
}

/** One week as computed, for a horizon too long for live formulas. */
function fixedRow(options: ProjectionTableOptions, fixed: NonNullable<ProjectionTableOptions["fixed"]>, week: number): Cell[] {
  const row = fixed.rows[week - 1] as WeekRow;
  const first = options.values.firstWeek;
  const start = first === undefined ? undefined : first + 7 * (week - 1);
  return [
    week,
    start === undefined ? null : date(start),
    start === undefined ? null : text(isoWeekLabel(start)),
    row.intake,
    row.capacity,
    row.decisions,
    row.backlog,
    row.leadTimeWeeks,
    fixed.decidedLeadTime[week - 1] ?? null,
  ];
}

/**
 * The helpers of one week: intake and arrival times up to the week's start, decisions up to its
 * end, how many of those came after the opening backlog, the week the last of them arrived in,
 * and A(D_t), the summed arrival times of everything decided so far.
 */
function helperRow(options: ProjectionTableOptions, week: number): Cell[] {
  const { layout, reads } = options;
  const c = (column: ProjectionColumn, w = week): string => layout.cell(column, w);
  const h = (helper: Helper, w = week): string => cellAddress(layout.headerRow + w, layout.helperColumn + HELPERS.indexOf(helper));
  const abs = (helper: Helper): string =>
    layout
      .helperRange(helper)
      .split(":")
      .map((a) => absoluteAddress(a))
      .join(":");
  const intakeColumn = layout.range("intake").split(":").map((a) => absoluteAddress(a)).join(":");
  const opening = reads.opening;
  const spread = reads.spread;
  const j = h("week");
  const pick = (range: string): string => `INDEX(${range},${j})`;
  const into = `(${h("beyondOpening")}-${pick(abs("intakeBefore"))})`;
  return [
    week === 1 ? 0 : formula(`${h("intakeBefore", week - 1)}+${c("intake", week - 1)}`),
    week === 1 ? 0 : formula(`${h("arrivalBefore", week - 1)}+${c("intake", week - 1)}*(${week - 1}-0.5)`),
    formula(`${week === 1 ? "" : `${h("decided", week - 1)}+`}${c("decisions")}`),
    formula(`${h("decided")}-${opening}`),
    formula(`IF(${h("beyondOpening")}<=0,0,MIN(${layout.weeks},MATCH(${h("beyondOpening")},${abs("intakeBefore")},1)))`),
    formula(
      `IF(${h("decided")}<=${opening},IF(${opening}>0,${spread}*${h("decided")}*(${h("decided")}/(2*${opening})-1),0),` +
        `-${spread}*${opening}/2+IF(${j}=0,0,${pick(abs("arrivalBefore"))}+${into}*((${j}-1)+` +
        // into ≤ the week's intake, so the ratio is at most 0.5; where rounding of huge figures
        // says otherwise (or the intake is 0) the week is all decided: 0.5, with no overflow.
        `IF(${pick(intakeColumn)}>MAX(0,${into}),${into}/(2*${pick(intakeColumn)}),0.5))))`,
    ),
  ];
}

/**
 * The weekly table (an Excel table at `layout.headerRow`, columns A–I) and the helper block (its
 * header on the same row, from `layout.helperColumn`).
 *
 * @example
 * buildProjectionTable({ layout: projectionTableLayout(3, 52, 16), reads, values, text, tableName: "VoorraadplannerPrognose" })
 */
export function buildProjectionTable(options: ProjectionTableOptions): { table: TableSpec; helpers: Block[] } {
  const { layout, fixed } = options;
  const rows: Cell[][] = [];
  const helpers: Cell[][] = [];
  for (let week = 1; week <= layout.weeks; week++) {
    rows.push(fixed ? fixedRow(options, fixed, week) : weekRow(options, week));
    if (!fixed) helpers.push(helperRow(options, week));
  }
  const columns: TableColumn[] = options.text.columns.map((header, i) => ({ header, numberFormat: FORMATS[i] as string }));
  const table: TableSpec = { name: options.tableName, at: cellAddress(layout.headerRow, 0), columns, rows, style: "TableStyleMedium2" };
  if (fixed) return { table, helpers: [] };
  return {
    table,
    helpers: [
      { at: cellAddress(layout.headerRow, layout.helperColumn), cells: [options.text.helpers.map((h) => text(h))], style: "header" },
      { at: cellAddress(layout.headerRow + 1, layout.helperColumn), cells: helpers, numberFormat: "0.00" },
    ],
  };
}

/**
 * The first visible cell whose live formula would not hold a finite number for these figures
 * (Excel would show #NUM!), or undefined. The projection's own figures are checked one by one;
 * the helpers' running sums and the lead time's division by small decisions against a bound:
 * the summed arrival times are at most the opening's spread × the decided part of the opening
 * plus the horizon × everything that came in. Conservative: a plan refused here has figures far
 * beyond any backlog (some 1e290).
 *
 * @example
 * overflowCell(layout, projection.rows, 1440) // → undefined for the memo's plan
 */
export function overflowCell(layout: ProjectionTableLayout, rows: readonly WeekRow[], opening: number): string | undefined {
  const weeks = rows.length;
  let intakeTotal = 0;
  let capacityTotal = 0;
  let decidedTotal = 0;
  for (const row of rows) {
    intakeTotal += row.intake;
    capacityTotal += row.capacity;
    decidedTotal += row.decisions;
  }
  const spread = intakeTotal > 0 ? opening / (intakeTotal / weeks) : 0;
  const bound = spread * Math.min(opening, decidedTotal) + weeks * (intakeTotal + capacityTotal + opening);
  for (let t = 1; t <= weeks; t++) {
    const row = rows[t - 1] as WeekRow;
    for (const column of ["intake", "capacity", "decisions", "backlog"] as const) {
      if (!Number.isFinite(row[column])) return layout.cell(column, t);
    }
    if (row.decisions > 0.000000000001 && !Number.isFinite(row.backlog / row.decisions)) return layout.cell("wait", t);
    if (!Number.isFinite(spread) || !Number.isFinite(bound) || (row.decisions > 0.000000000001 && !Number.isFinite((2 * bound) / row.decisions))) {
      return layout.cell("lead", t);
    }
  }
  return undefined;
}
