/**
 * Builds a what-if sheet for a meeting ("What-if 2024-01-15") as a SheetSpec. The print area
 * (columns A–I, two A4 pages) holds what the meeting reads: the inputs with the scenario chart
 * beside them, the scenarios side by side with a line on each, the shared-capacity block
 * (crowding-out of other work) and the uncertainty block (a Monte Carlo fan for the current plan).
 * The weekly tables they are computed from stand to the right, outside the print area.
 *
 * Every figure that depends on an input is a native en-US Excel formula (no =IND.* functions),
 * so the sheet recalculates as soon as someone types a number, also without the add-in; the
 * input cells refuse values out of range, with a message in the planner's language. The one
 * exception is the uncertainty block: a simulation cannot be a non-volatile formula, so it holds
 * the figures computed when the sheet was made, and the sheet says so.
 *
 * Blocks of the print area are placed top-down, each a function of the row it starts at
 * (`PRINT_BLOCKS`); a new block is one more entry, and the weekly tables on the right do not move.
 */
import {
  checkNumber,
  createRng,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_WEEKS,
  MEMO_2023,
  projectBacklogCore,
  replay2023,
  SEED_RULE,
  simulateBacklog,
  weekStart,
  whatIfScenarios,
  WhatIfInputs,
} from "../engine";
import { isoDate, isoWeekLabel, serialToParts } from "./dates";
import type { PlanInputs } from "./inputs";
import type { Language } from "./messages";
import { areaOf, fitColumns, headerWidth, pageBreaks, printScale, printSpec, spanPixels, widest, widthsOf } from "./page";
import { Panel } from "./panel";
import { buildSensitivityBlock, sensitivityColumnWidths, SENSITIVITY_ROWS, SENSITIVITY_TEXT, SensitivityBlock } from "./sensitivityBlock";
import { buildSharedCapacityBlock, SharedCapacityBlock, sharedCapacityValidations } from "./sharedCapacityBlock";
import { absoluteAddress, Block, Cell, cellAddress, ChartSpec, columnLetter, date, formula, SheetSpec, text, ValidationSpec } from "./spec";
import { fontOf, widthFor, wrapLines } from "./textWidth";
import { endOfYear, formatNumber, uncertaintyPanel, uncertaintyTable } from "./uncertaintyBlock";
import { buildTargetBlock, TARGET_BLOCK_TEXT, TARGET_BLOCK_ROWS, TargetCells } from "./targetBlock";
import { comparisonTable, scenarioCells, ScenarioCells, scenarioFormulas, SCENARIOS, WEEKS_PER_YEAR, weeklyTables, WITH_TRIAGE } from "./whatIfScenarios";
import { InputId, ScenarioId, WHAT_IF_TEXT, WhatIfLabels } from "./whatIfText";

export { SCENARIOS, WEEKS_PER_YEAR } from "./whatIfScenarios";
export type { InputId, ScenarioId } from "./whatIfText";

/**
 * Memo, 2023: "190 zaken die niet compleet waren" of 1390 filed go to triage (Ter Apel). The 70
 * "niet in behandeling genomen" are a different legal ground, not triage.
 */
export const MEMO_TRIAGE_SHARE = 190 / 1390;
/** Memo: "enkel tientallen die zonder gehoor beslist konden worden", no number: 0 until the planner types one. */
export const MEMO_WITHOUT_HEARING_SHARE = 0;
/** Decisions per fte per week for triage's extra staff: an example figure, as in the shared-capacity block. */
export const DEFAULT_DECISIONS_PER_FTE = 1.5;
/** Memo: the 2024 plan is 1600 decisions; used as "current plan" when the workbook has no capacity. */
export const MEMO_PLAN_PER_YEAR = 1600;
/** Memo: 30 to 40 decisions a week are scheduled now; the custom scenario starts at the middle. */
export const MEMO_SCHEDULED_PER_WEEK = 35;
/** Scenario 5 reaches the target backlog within two years unless told otherwise. */
export const DEFAULT_CLEAR_WITHIN_WEEKS = 104;
/** Runs of the uncertainty block: the engine's default, so its chance is accurate to about ±1 point. */
export const WHAT_IF_RUNS = DEFAULT_RUNS;

export interface WhatIfSheetOptions {
  inputs: PlanInputs;
  language: Language;
  /** Excel serial of today, passed in: no clock. */
  createdOn: number;
  /** Share of intake set aside as incomplete by triage (0..1); default: the memo's 2023 share, 190/1390 = 13.7%. */
  triageShare?: number;
  /** Share of intake decided without a hearing by triage (0..1); default 0 (the memo gives no number). */
  withoutHearingShare?: number;
  /** Share of the opening backlog that triage takes out at once ("getrieerd deel van de beginvoorraad"); default 0. */
  triagedOpeningShare?: number;
  /** Decisions per fte per week, for capacity in fte; default the inputs' own (DecisionsPerFteWeek), else 1.5 (an example figure). */
  decisionsPerFte?: number;
  /** Triage's extra fte are new staff; default the inputs' own (TriageStaffIsNew), else no: taken from other work. */
  triageStaffIsNew?: boolean;
  /** The workbook is the bundled sample: its settings are examples, and the notes say so. */
  sample?: boolean;
  /** Weeks over which the opening backlog was filed (its age profile); default opening ÷ intake. */
  openingSpreadWeeks?: number;
  /** Extra weekly capacity on top of the planning rule (scenarios 2, 3 and 4); default 0. */
  extraCapacity?: number;
  /** Scenario 1's decisions per year; default: mean given capacity × 52, else the memo's 1600. */
  currentPlanPerYear?: number;
  /** Scenario 6's decisions per week; default: the memo's 35 (middle of 30 to 40). */
  customCapacity?: number;
  /** Scenario 5 reaches the target backlog in this many weeks; default 104 (2 years). */
  clearWithinWeeks?: number;
  /**
   * Sheet and table names already in the workbook. Given them, the builder picks a free sheet
   * name ("What-if 2024-01-15 (2)") and free table names, so each click makes a new sheet.
   */
  existingNames?: readonly string[];
  /**
   * Seed of the uncertainty block's simulation (a whole number from 0 to 4,294,967,295);
   * default 2024, as the =IND.* uncertainty functions. The same inputs and seed give the same figures.
   */
  seed?: number;
}

/** The input cells, top to bottom. */
const INPUT_ORDER: readonly InputId[] = [
  "opening",
  "intake",
  "uplift",
  "extra",
  "triage",
  "withoutHearing",
  "triagedOpening",
  "perFte",
  "triageStaff",
  "openingSpread",
  "horizon",
  "target",
  "clearWithin",
  "planPerYear",
  "custom",
  "firstWeek",
];

/**
 * Rows (0-based) of the print area's fixed part: title, up to three lines of notes, the inputs
 * (the scenario chart beside them), the extra fte of triage, the scenarios and a line on each,
 * the note on the chart. The blocks of `PRINT_BLOCKS` follow from FIRST_BLOCK_ROW.
 */
const NOTE_ROW = 1;
const NOTE_LINES = 1;
const INPUT_HEADER_ROW = NOTE_ROW + NOTE_LINES;
const FIRST_INPUT_ROW = INPUT_HEADER_ROW + 1;
const TRIAGE_FTE_ROW = FIRST_INPUT_ROW + INPUT_ORDER.length;
const SCENARIO_TITLE_ROW = TRIAGE_FTE_ROW + 1;
const COMPARISON_ROW = SCENARIO_TITLE_ROW + 1;
/** A line on each scenario, two to a row: the odd ones from column A, the even ones from column D. */
const EXPLANATION_ROW = COMPARISON_ROW + SCENARIOS.length + 1;
const EXPLANATION_ROWS = SCENARIOS.length / 2;
const EXPLANATION_SECOND_COLUMN = 3;
const CHART_NOTE_ROW = EXPLANATION_ROW + EXPLANATION_ROWS;
const CHART_NOTE_LINES = 2;
/** First row of the blocks below the scenarios (shared capacity, uncertainty, and later ones). */
export const FIRST_BLOCK_ROW = CHART_NOTE_ROW + CHART_NOTE_LINES + 1;
/** The print area's columns: A (labels) to I (the comparison table's last column). */
export const LAST_PRINT_COLUMN = 8;
/** The scenario chart beside the inputs: columns E–I. */
const SCENARIO_CHART_COLUMN = 4;
const CHART_ROWS = 14;

/**
 * The weekly tables, right of the print area, their headers on one row: the scenarios' backlog
 * (K), the chart's helpers (T), the shared capacity's weekly columns (AA), the uncertainty's
 * fixed weekly values (AI). The header row is the comparison table's: it is three lines high
 * anyway, so the weekly headers (wrapped to three lines at most) leave the printed rows as they are.
 */
const WEEKLY_ROW = COMPARISON_ROW;
const WEEKLY_COLUMN = 10;
const HELPER_COLUMN = WEEKLY_COLUMN + 2 + SCENARIOS.length + 1;
const SHARED_WEEKLY_COLUMN = HELPER_COLUMN + SCENARIOS.length + 1;
const UNCERTAINTY_COLUMN = SHARED_WEEKLY_COLUMN + 7 + 1;
/**
 * For the blocks added after these: the weekly tables' header row (0-based) and the first column
 * free for their weekly columns, right of the uncertainty's six and a blank one.
 */
export const WEEKLY_TABLES = { headerRow: WEEKLY_ROW, firstFreeColumn: UNCERTAINTY_COLUMN + 7 } as const;

export interface WhatIfLayout {
  /** Absolute address of each input cell, "$B$6". */
  inputs: Record<InputId, string>;
  /** Per scenario: its comparison row's cells, its weekly backlog column and the chart's helper column. */
  scenarios: Record<ScenarioId, ScenarioCells>;
  /** The extra fte triage needs: triaged cases per week ÷ decisions per fte-week. */
  triageFte: string;
  /** Week numbers column of the weekly table. */
  weeks: string;
  /** Rows in the weekly table; the horizon input may go from 1 up to this. */
  tableWeeks: number;
  /**
   * The shared-capacity block: its own input cells, summary cells and weekly columns (absolute
   * addresses), and the cells it reads from the rest of the sheet.
   */
  sharedCapacity: Pick<SharedCapacityBlock, "inputs" | "outputs" | "columns" | "range"> & {
    /** Top-left cell of the block (its title). */
    at: string;
    /** Subsequent applications before any move: the opening and intake inputs, scenario 1's capacity. */
    reads: { opening: string; intake: string; capacity: string };
  };
  /** The target block: each scenario's target week, date, fte, decided per year and lead time. */
  target: Record<ScenarioId, TargetCells>;
  /** The sensitivity block's cells: its model table, the ordered printed rows and its sentences. */
  sensitivity: Pick<SensitivityBlock, "model" | "ordered" | "sentences">;
  /** Header cell of the uncertainty block's weekly table of fixed values (week, P10, P50, P90, plan, band width). */
  uncertaintyAt: string;
  /** Row (0-based) of the uncertainty block's title in the print area. */
  uncertaintyRow: number;
}

const abs = (row: number, column: number): string => absoluteAddress(cellAddress(row, column));

type BaseLayout = Pick<WhatIfLayout, "inputs" | "scenarios" | "weeks" | "tableWeeks" | "triageFte">;

function baseLayout(tableWeeks: number): BaseLayout {
  const inputs = {} as Record<InputId, string>;
  INPUT_ORDER.forEach((id, i) => (inputs[id] = abs(FIRST_INPUT_ROW + i, 1)));
  const scenarios = scenarioCells({
    comparisonRow: COMPARISON_ROW,
    weeklyRow: WEEKLY_ROW,
    weeklyColumn: WEEKLY_COLUMN,
    helperColumn: HELPER_COLUMN,
    tableWeeks,
  });
  return {
    inputs,
    scenarios,
    weeks: `${cellAddress(WEEKLY_ROW + 1, WEEKLY_COLUMN)}:${cellAddress(WEEKLY_ROW + tableWeeks, WEEKLY_COLUMN)}`,
    tableWeeks,
    triageFte: abs(TRIAGE_FTE_ROW, 1),
  };
}

/** The shared-capacity block at FIRST_BLOCK_ROW, its weekly columns right of the print area. */
function sharedCapacityFor(
  base: BaseLayout,
  language: Language,
  values?: { weeks: number; decisionsPerFte?: number },
): { block: SharedCapacityBlock; at: string; reads: WhatIfLayout["sharedCapacity"]["reads"] } {
  const at = cellAddress(FIRST_BLOCK_ROW, 0);
  const reads = { opening: base.inputs.opening, intake: base.inputs.intake, capacity: absoluteAddress(base.scenarios.plan.capacity) };
  const block = buildSharedCapacityBlock({
    at,
    inputs: reads,
    rows: base.tableWeeks,
    language,
    weeklyAt: cellAddress(WEEKLY_ROW, SHARED_WEEKLY_COLUMN),
    ...(values !== undefined && { values }),
  });
  return { block, at, reads };
}

/** Rows (0-based) of the blocks after the shared-capacity block: target, sensitivity, uncertainty. */
function blockRows(sharedBottom: number): { target: number; sensitivity: number; uncertainty: number } {
  const target = sharedBottom + 1;
  const sensitivity = target + TARGET_BLOCK_ROWS + 1;
  return { target, sensitivity, uncertainty: sensitivity + SENSITIVITY_ROWS + 1 };
}

/** The sensitivity block's model table: right of the uncertainty's weekly values, on the weekly tables' header row. */
const SENSITIVITY_MODEL = { row: WEEKLY_ROW, column: WEEKLY_TABLES.firstFreeColumn } as const;

/** The target block for a base layout, at `row`. */
function targetFor(base: BaseLayout, language: Language, row: number, widths: Record<string, number>, memo: { days: string; replay: string; plan: string }) {
  const openings = scenarioFormulas(base.inputs).opening;
  return buildTargetBlock({
    language,
    row,
    widths,
    inputs: base.inputs,
    scenarios: base.scenarios,
    openings,
    triaged: WITH_TRIAGE,
    labels: WHAT_IF_TEXT[language].scenario,
    order: SCENARIOS,
    yes: WHAT_IF_TEXT[language].yes,
    memo,
  });
}

/** The sensitivity block for a base layout, at `row`, reading the target block's whole-decision week. */
function sensitivityFor(base: BaseLayout, language: Language, row: number, target: Record<ScenarioId, TargetCells>): SensitivityBlock {
  return buildSensitivityBlock({
    language,
    row,
    model: SENSITIVITY_MODEL,
    inputs: base.inputs,
    planClosing: absoluteAddress(base.scenarios.plan.closing),
    wholeClosing: absoluteAddress(base.scenarios.whole.closing),
    wholeWeek: target.whole.week,
  });
}

/** The memo's 2023 figures and the model's replay, for the target block's calibration note. */
function memoFigures(language: Language): { days: string; replay: string; plan: string } {
  const replay = replay2023();
  return {
    days: formatNumber(MEMO_2023.leadTimeDays, language),
    replay: replay.ok ? formatNumber(Math.round(replay.value.allRoutesDays), language) : "–",
    plan: formatNumber(MEMO_PLAN_PER_YEAR, language),
  };
}

/** Where everything is for a weekly table of `tableWeeks` rows. */
export function whatIfLayout(tableWeeks: number): WhatIfLayout {
  const base = baseLayout(tableWeeks);
  const shared = sharedCapacityFor(base, "nl");
  const rows = blockRows(shared.block.bottomRow);
  const target = targetFor(base, "nl", rows.target, {}, memoFigures("nl")).cells;
  const sensitivity = sensitivityFor(base, "nl", rows.sensitivity, target);
  return {
    ...base,
    sharedCapacity: {
      at: shared.at,
      reads: shared.reads,
      inputs: shared.block.inputs,
      outputs: shared.block.outputs,
      columns: shared.block.columns,
      range: shared.block.range,
    },
    target,
    sensitivity: { model: sensitivity.model, ordered: sensitivity.ordered, sentences: sensitivity.sentences },
    uncertaintyAt: cellAddress(WEEKLY_ROW, UNCERTAINTY_COLUMN),
    uncertaintyRow: rows.uncertainty,
  };
}

/** Characters Excel refuses in sheet names. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** First name not taken (case-insensitive, as Excel compares sheet and table names). */
function freeName(base: string, taken: readonly string[], suffix: (n: number) => string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = base + suffix(n);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** "What-if 2024-01-15", made unique against `taken`; ≤ 31 characters and no forbidden characters. */
export function whatIfSheetName(language: Language, createdOn: number, taken: readonly string[] = []): string {
  const base = `${WHAT_IF_TEXT[language].sheet} ${isoDate(createdOn)}`.replace(FORBIDDEN, "-").slice(0, 24);
  return freeName(base, taken, (n) => ` (${n})`);
}

/** Workbook-unique table names for this sheet, with the date in them. */
export function whatIfTableNames(createdOn: number, taken: readonly string[] = []): { comparison: string; weekly: string } {
  const { year, month, day } = serialToParts(createdOn);
  const stamp = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
  // Both names take the same suffix so a sheet's two tables stay recognisably a pair.
  const bases = [`VoorraadplannerWhatIf_${stamp}`, `VoorraadplannerWhatIfWeken_${stamp}`];
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const names = bases.map((b) => (n === 1 ? b : `${b}_${n}`));
    if (names.every((name) => !lower.has(name.toLowerCase()))) {
      return { comparison: names[0] as string, weekly: names[1] as string };
    }
  }
}

/** Mean of the first `weeks` values of a series (or the number itself). */
function meanOver(series: number | number[], weeks: number): number {
  if (typeof series === "number") return series;
  let sum = 0;
  const n = Math.min(weeks, series.length);
  for (let i = 0; i < n; i++) sum += series[i] as number;
  return n === 0 ? 0 : sum / n;
}

/** The horizon the projection uses: explicit weeks, else a series' length, else 52. */
export function horizonOf(inputs: PlanInputs): number {
  if (inputs.weeks !== undefined) return inputs.weeks;
  if (Array.isArray(inputs.intake)) return inputs.intake.length;
  if (Array.isArray(inputs.capacity)) return inputs.capacity.length;
  return DEFAULT_WEEKS;
}

/** Rounds away float noise (1600/52 × 52) so prefilled figures read as the planner typed them. */
const tidy = (x: number): number => {
  const r = Math.round(x * 1e6) / 1e6;
  return Math.abs(r - x) < 1e-9 ? r : x;
};

/** The values the input block starts with. */
export interface WhatIfPrefill {
  opening: number;
  intake: number;
  uplift: number;
  extra: number;
  triage: number;
  withoutHearing: number;
  triagedOpening: number;
  perFte: number;
  /** Triage's extra fte are new staff (the input cell says ja/yes). */
  triageStaff: boolean;
  openingSpread: number;
  horizon: number;
  target: number;
  clearWithin: number;
  planPerYear: number;
  custom: number;
  firstWeek: number | null;
}

/** Prefilled input values from the current plan and the memo's defaults. */
export function whatIfPrefill(options: WhatIfSheetOptions): WhatIfPrefill {
  const { inputs } = options;
  const horizon = horizonOf(inputs);
  const intake = tidy(meanOver(inputs.intake, horizon));
  return {
    opening: inputs.opening,
    intake,
    uplift: inputs.uplift,
    extra: options.extraCapacity ?? 0,
    triage: options.triageShare ?? MEMO_TRIAGE_SHARE,
    withoutHearing: options.withoutHearingShare ?? MEMO_WITHOUT_HEARING_SHARE,
    triagedOpening: options.triagedOpeningShare ?? 0,
    perFte: options.decisionsPerFte ?? inputs.decisionsPerFteWeek ?? DEFAULT_DECISIONS_PER_FTE,
    triageStaff: options.triageStaffIsNew ?? inputs.triageStaffIsNew ?? false,
    // The weeks the mean intake took to build the backlog; no intake: all of it filed just before week 1.
    openingSpread: options.openingSpreadWeeks ?? (intake > 0 ? tidy(inputs.opening / intake) : 0),
    horizon,
    target: inputs.target,
    clearWithin: options.clearWithinWeeks ?? DEFAULT_CLEAR_WITHIN_WEEKS,
    planPerYear:
      options.currentPlanPerYear ??
      (inputs.capacity === undefined ? MEMO_PLAN_PER_YEAR : tidy(meanOver(inputs.capacity, horizon) * WEEKS_PER_YEAR)),
    custom: options.customCapacity ?? MEMO_SCHEDULED_PER_WEEK,
    firstWeek: inputs.firstWeek ?? null,
  };
}

/** The short note beside each input. */
function notesOf(rows: ReturnType<typeof inputRows>): Record<InputId, string> {
  return Object.fromEntries(INPUT_ORDER.map((id) => [id, rows[id].source])) as Record<InputId, string>;
}

/** Each input's value, number format and short note. */
function inputRows(labels: WhatIfLabels, prefill: WhatIfPrefill, options: WhatIfSheetOptions, tableWeeks: number) {
  const source = labels.source;
  const intakeSource = Array.isArray(options.inputs.intake) ? source.intakeSeries(prefill.horizon) : source.intakeSingle;
  const planGiven = options.currentPlanPerYear !== undefined || options.inputs.capacity !== undefined;
  const rows: Record<InputId, { value: Cell; format: string; source: string }> = {
    opening: { value: prefill.opening, format: "#,##0", source: source.opening },
    intake: { value: prefill.intake, format: "#,##0.0", source: intakeSource },
    uplift: { value: prefill.uplift, format: "0.0%", source: source.uplift },
    extra: { value: prefill.extra, format: "#,##0.0", source: source.extra },
    triage: { value: prefill.triage, format: "0.0%", source: source.triage(options.triageShare !== undefined) },
    withoutHearing: { value: prefill.withoutHearing, format: "0.0%", source: source.withoutHearing },
    triagedOpening: { value: prefill.triagedOpening, format: "0.0%", source: source.triagedOpening },
    perFte: {
      value: prefill.perFte,
      format: "#,##0.0##",
      source: source.perFte(options.sample === true || (options.decisionsPerFte ?? options.inputs.decisionsPerFteWeek) === undefined),
    },
    triageStaff: { value: text(prefill.triageStaff ? labels.yes : labels.no), format: "General", source: source.triageStaff },
    openingSpread: {
      value: prefill.openingSpread,
      format: "#,##0.0",
      source: source.openingSpread(formatNumber(prefill.openingSpread, options.language)),
    },
    horizon: { value: prefill.horizon, format: "0", source: source.horizon(tableWeeks) },
    target: { value: prefill.target, format: "#,##0", source: source.target(options.inputs.targetGiven === true) },
    clearWithin: { value: prefill.clearWithin, format: "0", source: source.clearWithin },
    planPerYear: { value: prefill.planPerYear, format: "#,##0", source: source.planPerYear(planGiven) },
    custom: { value: prefill.custom, format: "#,##0.0", source: source.custom },
    firstWeek: { value: prefill.firstWeek === null ? null : date(prefill.firstWeek), format: "yyyy-mm-dd", source: source.firstWeek },
  };
  return rows;
}

/** What each input may hold: a horizon of 120 on a sheet of 104 weekly rows is refused as it is typed. */
function inputValidations(labels: WhatIfLabels, inputCells: Record<InputId, string>, tableWeeks: number, notes: Record<InputId, string>): ValidationSpec[] {
  const rule = (id: InputId, kind: ValidationSpec["kind"], min?: number | string, max?: number | string): ValidationSpec => ({
    range: inputCells[id].replace(/\$/g, ""),
    kind,
    ...(min !== undefined && { min }),
    ...(max !== undefined && { max }),
    prompt: labels.help[id]?.prompt ?? `${labels.input[id]}: ${notes[id]}.`,
    title: labels.help[id]?.title ?? labels.input[id],
    error: id === "horizon" ? labels.horizonError(tableWeeks) : (labels.help[id]?.error ?? labels.anyNumber),
  });
  return [
    rule("opening", "decimal", 0),
    rule("intake", "decimal", 0),
    rule("uplift", "decimal", -1, 10),
    rule("extra", "decimal", 0),
    rule("triage", "decimal", 0, `=1-${inputCells.withoutHearing}`),
    rule("withoutHearing", "decimal", 0, `=1-${inputCells.triage}`),
    rule("triagedOpening", "decimal", 0, 1),
    rule("perFte", "decimal", 0.001),
    { ...rule("triageStaff", "list"), list: [labels.no, labels.yes] },
    rule("openingSpread", "decimal", 0),
    rule("horizon", "whole", 1, tableWeeks),
    rule("target", "decimal", 0),
    rule("clearWithin", "whole", 1, 10000),
    rule("planPerYear", "decimal", 0),
    rule("custom", "decimal", 0),
    // 2000-01-01 to 2099-12-31.
    rule("firstWeek", "date", 36526, 73050),
  ];
}

/** Title, notes, and the input block: labels, prefilled input cells and a short note on each. */
function inputBlocks(labels: WhatIfLabels, prefill: WhatIfPrefill, options: WhatIfSheetOptions, tableWeeks: number, widths: Record<string, number>): Block[] {
  const createdOn = isoDate(options.createdOn);
  const notes = wrapLines(labels.note(createdOn), spanPixels(widths, 0, LAST_PRINT_COLUMN), fontOf("note"));
  if (notes.length > NOTE_LINES) throw new Error(`the what-if note takes ${notes.length} lines, more than ${NOTE_LINES}`);
  const rows = inputRows(labels, prefill, options, tableWeeks);
  const blocks: Block[] = [
    { at: "A1", cells: [[text(labels.title)]], style: "title" },
    { at: cellAddress(NOTE_ROW, 0), cells: notes.map((line) => [text(line)]), style: "note" },
    { at: cellAddress(INPUT_HEADER_ROW, 0), cells: [labels.inputHeader.map((h) => text(h))], style: "header" },
    { at: cellAddress(FIRST_INPUT_ROW, 0), cells: INPUT_ORDER.map((id) => [text(labels.input[id])]), style: "label" },
    { at: cellAddress(FIRST_INPUT_ROW, 2), cells: INPUT_ORDER.map((id) => [text(rows[id].source)]), style: "note" },
  ];
  INPUT_ORDER.forEach((id, i) => {
    const row = rows[id];
    blocks.push({ at: cellAddress(FIRST_INPUT_ROW + i, 1), cells: [[row.value]], numberFormat: row.format, style: "input" });
  });
  blocks.push(...triageFteBlocks(labels, baseLayout(tableWeeks).inputs));
  blocks.push({ at: cellAddress(SCENARIO_TITLE_ROW, 0), cells: [[text(labels.scenariosTitle)]], style: "subtitle" });
  const explanation = (id: ScenarioId): Cell[] => [text(`${labels.scenario[id]}: ${labels.explanation[id]}`)];
  blocks.push(
    { at: cellAddress(EXPLANATION_ROW, 0), cells: SCENARIOS.filter((_, i) => i % 2 === 0).map(explanation), style: "note" },
    {
      at: cellAddress(EXPLANATION_ROW, EXPLANATION_SECOND_COLUMN),
      cells: SCENARIOS.filter((_, i) => i % 2 === 1).map(explanation),
      style: "note",
    },
  );
  const chartNote = wrapLines(labels.chartNote(prefill.horizon), spanPixels(widths, 0, LAST_PRINT_COLUMN), fontOf("note"));
  if (chartNote.length > CHART_NOTE_LINES) throw new Error("the what-if chart note is too long");
  blocks.push({ at: cellAddress(CHART_NOTE_ROW, 0), cells: chartNote.map((line) => [text(line)]), style: "note" });
  return blocks;
}

/**
 * The extra fte triage (Ter Apel) needs, live: triaged cases per week ÷ decisions per fte-week.
 * Triaged cases per week: the shares of the intake, plus the triaged part of the opening backlog
 * spread over the horizon.
 */
function triageFteBlocks(labels: WhatIfLabels, inputCells: Record<InputId, string>): Block[] {
  const perWeek =
    `(${inputCells.triage}+${inputCells.withoutHearing})*${inputCells.intake}` +
    `+${inputCells.triagedOpening}*${inputCells.opening}/${inputCells.horizon}`;
  return [
    { at: cellAddress(TRIAGE_FTE_ROW, 0), cells: [[text(labels.triageFte)]], style: "label" },
    {
      at: cellAddress(TRIAGE_FTE_ROW, 1),
      cells: [[formula(`IF(${inputCells.perFte}>0,(${perWeek})/${inputCells.perFte},"${labels.none}")`)]],
      style: "output",
      numberFormat: "#,##0.0",
    },
    { at: cellAddress(TRIAGE_FTE_ROW, 2), cells: [[text(labels.triageFteNote)]], style: "note" },
  ];
}

/** Column widths: A from every label in it, the others from the comparison table's headers. */
function columnWidths(labels: WhatIfLabels, shared: SharedCapacityBlock, weeks: { horizon: number; table: number }): Record<string, number> {
  const labelsInA = [
    ...Object.values(labels.input),
    labels.triageFte,
    ...Object.values(labels.scenario),
    ...shared.blocks.filter((b) => b.style === "label").flatMap((b) => b.cells.map((row) => row[0])).map((cell) => (cell !== null && typeof cell === "object" && "text" in cell ? cell.text : "")),
  ];
  const language: Language = labels === WHAT_IF_TEXT.nl ? "nl" : "en";
  const sensitivity = SENSITIVITY_TEXT[language];
  // Column A also holds the tornado's inputs, with "(geen effect)" where one moves nothing.
  labelsInA.push(...Object.values(sensitivity.labels).map((label) => label + sensitivity.noEffect), sensitivity.asTyped);
  const widths: Record<string, number> = { A: Math.max(...labelsInA.map((t) => widthFor(t))) };
  labels.comparison.slice(1).forEach((header, i) => (widths[columnLetter(i + 1)] = Math.max(13, headerWidth(header))));
  // The target block's and the tornado's headers share the comparison table's columns.
  for (const headers of [TARGET_BLOCK_TEXT[language].headers, sensitivity.headers]) {
    headers.slice(1).forEach((header, i) => (widths[columnLetter(i + 1)] = Math.max(widths[columnLetter(i + 1)] ?? 13, headerWidth(header))));
  }
  // The inputs' notes run from C over D: wide enough for the longest.
  const source = labels.source as Record<string, unknown>;
  const notes = [...INPUT_ORDER.map((id) => source[id]), labels.triageFteNote].map((n) => (typeof n === "string" ? n : ""));
  // The notes that hold a figure, as this sheet shows them (the spread at its longest).
  notes.push(labels.source.openingSpread("10.000,0"), labels.source.intakeSeries(weeks.horizon), labels.source.horizon(weeks.table));
  notes.push(labels.source.triage(true), labels.source.triage(false), labels.source.planPerYear(true), labels.source.planPerYear(false));
  const noteWidth = Math.max(...notes.map((n) => widthFor(n, fontOf("note"))));
  widths["C"] = Math.max(widths["C"] ?? 0, noteWidth - (widths["D"] ?? 13));
  widths[columnLetter(LAST_PRINT_COLUMN + 1)] = 3;
  // The weekly tables right of the print area.
  widths[columnLetter(WEEKLY_COLUMN)] = 7;
  widths[columnLetter(WEEKLY_COLUMN + 1)] = Math.max(headerWidth(labels.weekStart), widthFor("2024-12-30"));
  SCENARIOS.forEach((id, i) => {
    widths[columnLetter(WEEKLY_COLUMN + 2 + i)] = Math.max(11, headerWidth(labels.scenario[id]));
    widths[columnLetter(HELPER_COLUMN + i)] = Math.max(11, headerWidth(labels.scenario[id]));
  });
  const sharedHeaders = shared.blocks.find((b) => b.style === "header")?.cells[0] ?? [];
  sharedHeaders.forEach((cell, i) => {
    const header = cell !== null && typeof cell === "object" && "text" in cell ? cell.text : "";
    widths[columnLetter(SHARED_WEEKLY_COLUMN + i)] = Math.max(i === 0 ? 7 : 11, headerWidth(header));
  });
  for (let i = 0; i < 6; i++) widths[columnLetter(UNCERTAINTY_COLUMN + i)] = i === 0 ? 7 : 11;
  sensitivityColumnWidths(language).forEach((width, i) => (widths[columnLetter(SENSITIVITY_MODEL.column + i)] = width));
  return widths;
}

/** A block of the print area below the scenarios: it adds its cells and charts from `row` and returns the next free row. */
export type PrintBlock = (sheet: WhatIfContext, row: number) => number;

/** What a print block may use and add to. */
export interface WhatIfContext {
  options: WhatIfSheetOptions;
  labels: WhatIfLabels;
  prefill: WhatIfPrefill;
  layout: BaseLayout;
  widths: Record<string, number>;
  blocks: Block[];
  charts: ChartSpec[];
  validations: ValidationSpec[];
  /** Rows that must stay on one printed page, as [first row, count]. */
  groups: [number, number][];
  /** The target block's cells, once it is placed (the sensitivity block reads the whole decision's week). */
  target?: Record<ScenarioId, TargetCells>;
}

/**
 * The blocks below the scenarios, top to bottom. Each starts one empty row below the one
 * before. The shared-capacity, target and sensitivity blocks come first, in this order: the
 * layout (`whatIfLayout`) knows their places.
 */
export const PRINT_BLOCKS: readonly PrintBlock[] = [sharedBlock, targetBlock, sensitivityBlock, uncertaintyBlock];

/**
 * The shared-capacity block ("gedeelde capaciteit"): its formulas read the sheet's opening
 * backlog and intake inputs and scenario 1's capacity; its own inputs keep the builder's example
 * figures, except the week the summary reads: the horizon. Its chart stands beside its inputs and
 * summary (columns D–I), its weekly columns right of the print area.
 */
function sharedBlock(sheet: WhatIfContext, row: number): number {
  if (row !== FIRST_BLOCK_ROW) throw new Error("the shared-capacity block is the first block below the scenarios");
  const { block } = sharedCapacityFor(sheet.layout, sheet.options.language, {
    weeks: Math.min(sheet.prefill.horizon, sheet.layout.tableWeeks),
    decisionsPerFte: sheet.prefill.perFte,
  });
  const chartColumn = 3;
  const firstInputRow = row + 2;
  const bottom = block.bottomRow;
  sheet.blocks.push(...block.blocks);
  sheet.charts.push({
    ...block.chart,
    at: cellAddress(firstInputRow, chartColumn),
    widthColumns: LAST_PRINT_COLUMN + 1 - chartColumn,
    heightRows: bottom - firstInputRow,
  });
  sheet.validations.push(...sharedCapacityValidations(block, sheet.layout.tableWeeks, sheet.options.language));
  sheet.groups.push([row, bottom - row]);
  return bottom;
}

/**
 * "Wanneer halen we de streefvoorraad, met hoeveel mensen, en de doorlooptijd" per scenario
 * (src/sheets/targetBlock.ts), right below the shared-capacity block.
 */
function targetBlock(sheet: WhatIfContext, row: number): number {
  const language = sheet.options.language;
  if (row !== blockRows(sharedCapacityFor(sheet.layout, language).block.bottomRow).target) throw new Error("the target block moved");
  const block = targetFor(sheet.layout, language, row, sheet.widths, memoFigures(language));
  sheet.blocks.push(...block.blocks);
  sheet.groups.push(...block.groups);
  sheet.target = block.cells;
  return block.bottomRow;
}

/** "Wat telt het zwaarst?": the tornado of the whole decision (src/sheets/sensitivityBlock.ts). */
function sensitivityBlock(sheet: WhatIfContext, row: number): number {
  const language = sheet.options.language;
  if (!sheet.target || row !== blockRows(sharedCapacityFor(sheet.layout, language).block.bottomRow).sensitivity) {
    throw new Error("the sensitivity block follows the target block");
  }
  const block = sensitivityFor(sheet.layout, language, row, sheet.target);
  sheet.blocks.push(...block.blocks);
  sheet.charts.push(block.chart);
  sheet.groups.push(...block.groups);
  return row + SENSITIVITY_ROWS;
}

/**
 * The engine's what-if inputs for the sheet as prefilled: the figures its live formulas start
 * from, for the sentences that are fixed when the sheet is made (the uncertainty's headline).
 */
export function whatIfInputsOf(prefill: WhatIfPrefill): WhatIfInputs {
  return {
    opening: prefill.opening,
    intake: prefill.intake,
    uplift: prefill.uplift,
    extraCapacity: prefill.extra,
    triageShare: prefill.triage,
    withoutHearingShare: prefill.withoutHearing,
    triagedOpeningShare: prefill.triagedOpening,
    decisionsPerFteWeek: prefill.perFte,
    openingSpreadWeeks: prefill.openingSpread,
    horizon: prefill.horizon,
    target: prefill.target,
    clearWithin: prefill.clearWithin,
    planPerYear: prefill.planPerYear,
    customCapacity: prefill.custom,
    triageStaffIsNew: prefill.triageStaff,
  };
}

/**
 * "Het heel besluit (scenario 4) haalt 1100 in week 38 (2024-W38)": the sentence set beside the
 * uncertainty's headline (issue 23, item 5), from the engine's what-if scenarios as prefilled.
 * Undefined when the inputs are refused.
 */
export function wholeDecisionSentence(prefill: WhatIfPrefill): Record<Language, string> | undefined {
  const scenarios = whatIfScenarios(whatIfInputsOf(prefill));
  if (!scenarios.ok) return undefined;
  const week = scenarios.value.whole.targetWeek;
  const iso = week !== null && week > 0 && prefill.firstWeek !== null ? isoWeekLabel(weekStart(prefill.firstWeek, week)) : undefined;
  const sentence = (language: Language): string => TARGET_BLOCK_TEXT[language].beside(formatNumber(prefill.target, language), week, iso);
  return { nl: sentence("nl"), en: sentence("en") };
}

/**
 * The uncertainty block for the current plan as prefilled (scenario 1: opening, intake and
 * decisions per year / 52 over the horizon), Poisson intake, 10,000 runs, the given seed: fixed
 * values, with notes saying they were computed when the sheet was made. The text stands in
 * columns A–C, the chart beside it in D–I, the weekly values right of the print area.
 */
function uncertaintyBlock(sheet: WhatIfContext, row: number): number {
  const { options, labels, prefill } = sheet;
  const { language } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  // The seed comes from code, not from a cell: a bad one is a programmer error.
  const checkedSeed = checkNumber(seed, SEED_RULE, "seed");
  if (!checkedSeed.ok) throw new RangeError(checkedSeed.error.message);
  const capacity = prefill.planPerYear / WEEKS_PER_YEAR;
  // The planner's target (TargetBacklog); without one, whether the backlog ends no higher than it
  // started. Never the plan's own end value: that is the median, and a chance of about 50% says nothing.
  const given = options.inputs.targetGiven === true;
  const target = given ? prefill.target : prefill.opening;
  const beside = given ? wholeDecisionSentence(prefill) : undefined;
  const simulation = simulateBacklog(createRng(seed), {
    opening: prefill.opening,
    intake: prefill.intake,
    capacity,
    weeks: prefill.horizon,
    runs: WHAT_IF_RUNS,
    intakeModel: { kind: "poisson" },
    target,
  });
  if (!simulation.ok) {
    sheet.blocks.push({ at: cellAddress(row, 0), cells: [[text(labels.notSimulated(simulation.error.message))]], style: "warning" });
    return row + 1;
  }
  const table = uncertaintyTable(simulation.value, cellAddress(WEEKLY_ROW, UNCERTAINTY_COLUMN), language);
  sheet.blocks.push(...table.blocks);
  // Outside the print area: widening these leaves the printed scale as it is.
  fitColumns(sheet.widths, UNCERTAINTY_COLUMN, table.blocks.flatMap((block) => block.cells), 11);
  const title = new Panel({ column: 0, columns: LAST_PRINT_COLUMN + 1, widths: sheet.widths }, row);
  title.subtitle(labels.uncertaintyTitle);
  const words = new Panel({ column: 0, columns: 3, widths: sheet.widths }, title.row);
  const chart = new Panel({ column: 3, columns: LAST_PRINT_COLUMN - 2, widths: sheet.widths }, title.row);
  const when = whenPhrase(prefill.firstWeek, prefill.horizon);
  const show = (x: number): string => formatNumber(x, language);
  uncertaintyPanel(words, simulation.value, table, {
    seed,
    language,
    ...(when !== undefined && { when }),
    chartRows: CHART_ROWS,
    chartPanel: chart,
    headline: { basis: given ? "target" : "opening", ...(beside !== undefined && { beside }) },
    between: (panel) => {
      panel.lines(
        labels.frozen(isoDate(options.createdOn), {
          opening: show(prefill.opening),
          intake: show(prefill.intake),
          capacity: show(capacity),
          weeks: String(prefill.horizon),
        }),
      );
    },
  });
  for (const panel of [title, words, chart]) {
    sheet.blocks.push(...panel.blocks);
    sheet.charts.push(...panel.charts);
  }
  const bottom = Math.max(words.row, chart.row);
  sheet.groups.push([row, bottom - row]);
  return bottom;
}

/**
 * The what-if sheet for a meeting.
 *
 * @example
 * buildWhatIfSheet({ inputs, language: "nl", createdOn: excelDateSerial(2024, 1, 15) })
 * // → a SheetSpec named "What-if 2024-01-15" with six live scenarios
 */
export function buildWhatIfSheet(options: WhatIfSheetOptions): SheetSpec {
  const { language, createdOn } = options;
  const labels = WHAT_IF_TEXT[language];
  const prefill = whatIfPrefill(options);
  // Rows cover the horizon and scenario 5's period, so both are visible and the horizon can grow.
  const tableWeeks = Math.max(prefill.horizon, prefill.clearWithin);
  const layout = baseLayout(tableWeeks);
  const taken = options.existingNames ?? [];
  const tables = whatIfTableNames(createdOn, taken);
  // The wider of both languages' widths: the sheet pages alike, whichever language it is made in.
  const widthsIn = (lang: Language): Record<string, number> => columnWidths(WHAT_IF_TEXT[lang], sharedCapacityFor(layout, lang).block, { horizon: prefill.horizon, table: tableWeeks });
  const widths = widest(widthsIn("nl"), widthsIn("en"));

  const sheet: WhatIfContext = {
    options,
    labels,
    prefill,
    layout,
    widths,
    blocks: inputBlocks(labels, prefill, options, tableWeeks, widths),
    charts: [scenarioChart(labels, layout, prefill.horizon)],
    validations: inputValidations(labels, layout.inputs, tableWeeks, notesOf(inputRows(labels, prefill, options, tableWeeks))),
    groups: [[EXPLANATION_ROW, EXPLANATION_ROWS + CHART_NOTE_LINES]],
  };
  const weekly = weeklyTables(
    labels,
    layout.inputs,
    layout.scenarios,
    { comparisonRow: COMPARISON_ROW, weeklyRow: WEEKLY_ROW, weeklyColumn: WEEKLY_COLUMN, helperColumn: HELPER_COLUMN, tableWeeks },
    tables.weekly,
  );
  sheet.blocks.push(
    { at: cellAddress(WEEKLY_ROW - 1, WEEKLY_COLUMN), cells: [[text(labels.weeklyTitle)]], style: "subtitle" },
    { at: cellAddress(WEEKLY_ROW - 1, HELPER_COLUMN), cells: [[text(labels.helpersTitle)]], style: "note" },
    { at: cellAddress(WEEKLY_ROW, HELPER_COLUMN), cells: [weekly.helpers[0] as Cell[]], style: "header" },
    { at: cellAddress(WEEKLY_ROW + 1, HELPER_COLUMN), cells: weekly.helpers.slice(1), numberFormat: "#,##0.0" },
  );
  let row = FIRST_BLOCK_ROW;
  for (const block of PRINT_BLOCKS) row = block(sheet, row) + 1;
  const lastRow = row - 2;

  const spec: SheetSpec = {
    name: whatIfSheetName(language, createdOn, taken),
    markerTable: tables.comparison,
    blocks: sheet.blocks,
    tables: [
      comparisonTable(labels, layout.inputs, layout.scenarios, { comparisonRow: COMPARISON_ROW, weeklyRow: WEEKLY_ROW, weeklyColumn: WEEKLY_COLUMN, helperColumn: HELPER_COLUMN, tableWeeks }, tables.comparison),
      weekly.table,
    ],
    charts: sheet.charts,
    columnWidths: widths,
    validations: sheet.validations,
    conditionalFormats: SCENARIOS.map((id) => ({
      range: layout.scenarios[id].chart,
      formula: `=ISNA(${layout.scenarios[id].chart.split(":")[0]})`,
      style: "muted" as const,
    })),
  };
  spec.print = printSpec({
    title: labels.title,
    language,
    createdOn,
    area: areaOf(0, 0, lastRow, LAST_PRINT_COLUMN),
    breaksBefore: pageBreaks(spec, printScale(widthsOf(widths, 0, LAST_PRINT_COLUMN)), undefined, sheet.groups, lastRow),
  });
  return spec;
}

/**
 * The scenarios' chart beside the inputs. It plots the horizon's weeks as written, from the
 * helper columns (#N/A past a shorter horizon typed later, which a chart skips); the axis starts
 * at 0 (Excel's automatic axis), since the inputs can move the lines anywhere.
 */
function scenarioChart(labels: WhatIfLabels, layout: BaseLayout, horizon: number): ChartSpec {
  const rows = (range: string): string => {
    const [first] = range.split(":") as [string];
    const start = first.replace(/\d+$/, "");
    const top = Number(first.replace(/^[A-Z]+/, ""));
    return `${first}:${start}${top + horizon - 1}`;
  };
  return {
    kind: "line",
    title: labels.chart,
    categories: rows(layout.weeks),
    series: SCENARIOS.map((id) => ({ name: labels.scenario[id], values: rows(layout.scenarios[id].chart) })),
    at: cellAddress(FIRST_INPUT_ROW, SCENARIO_CHART_COLUMN),
    widthColumns: LAST_PRINT_COLUMN + 1 - SCENARIO_CHART_COLUMN,
    heightRows: TRIAGE_FTE_ROW + 1 - FIRST_INPUT_ROW,
    xAxisTitle: labels.week,
    yAxisTitle: labels.cases,
  };
}

/** Scenario 1's backlog at the horizon, as prefilled: the uncertainty block's target. */
export function planEndValue(prefill: WhatIfPrefill): number {
  const weeks = prefill.horizon;
  const capacity = prefill.planPerYear / WEEKS_PER_YEAR;
  return projectBacklogCore(
    prefill.opening,
    new Array<number>(weeks).fill(prefill.intake),
    new Array<number>(weeks).fill(capacity),
    new Array<number>(weeks),
  );
}

/**
 * When the simulated horizon ends, for the chance sentence: "eind 2024" when its last week ends
 * in the last seven days of a year, else "aan het eind van week 2025-W30"; without a first week
 * the block's own "in week 52".
 */
export function whenPhrase(firstWeek: number | null, weeks: number): Record<Language, string> | undefined {
  if (firstWeek === null) return undefined;
  const end = Math.floor(firstWeek) + 7 * weeks - 1;
  const { year, month, day } = serialToParts(end);
  if (month === 12 && day >= 25) return endOfYear(year);
  const week = isoWeekLabel(end);
  return { nl: `aan het eind van week ${week}`, en: `at the end of week ${week}` };
}
