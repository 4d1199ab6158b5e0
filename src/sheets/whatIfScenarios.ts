/**
 * The what-if sheet's scenarios as live native formulas: each scenario's queue (opening, intake,
 * capacity) on the input cells, the comparison table, and the weekly backlog table with the
 * chart's helper columns. Weekly backlog per scenario: backlog_t = MAX(0, backlog_{t-1} + intake −
 * capacity), the engine's `decisions = min(capacity, backlog + intake)` written as one cell.
 */
import { absoluteAddress, Cell, cellAddress, formula, TableSpec, text } from "./spec";
import { SCENARIO_IDS, ScenarioId, WEEKS_PER_YEAR } from "../engine/whatIf";
import type { InputId, WhatIfLabels } from "./whatIfText";

/** The engine's scenarios, in the sheet's order: 1. Huidig plan … 6. Eigen scenario. */
export const SCENARIOS: readonly ScenarioId[] = SCENARIO_IDS;
/** Scenarios with triage (Ter Apel): their queue is what triage leaves. */
export const WITH_TRIAGE: ReadonlySet<ScenarioId> = new Set(["triage", "whole"]);
export { WEEKS_PER_YEAR };

/** Where one scenario's figures are. */
export interface ScenarioCells {
  intake: string;
  capacity: string;
  closing: string;
  weeksToClear: string;
  /** Backlog ÷ decisions at the horizon: the wait a new application can expect. */
  leadTime: string;
  decisions: string;
  /** The memo's lead time: mean age at decision of the cases decided over the horizon (weeks). */
  decidedLeadTime: string;
  /**
   * Decisions taken from other work over the horizon: (capacity + triage's decisions, unless its
   * fte are new staff, − plan capacity) × horizon; negative: freed for other work.
   */
  fromOtherWork: string;
  /** Weekly backlog, "M6:M109": one row per week of the weekly table; blank past the horizon. */
  backlog: string;
  /** The chart's helper column: the weekly backlog, #N/A past the horizon. */
  chart: string;
}

/** Comparison table columns (0-based from column A). */
export const COMPARISON_COLUMNS = {
  name: 0,
  intake: 1,
  capacity: 2,
  closing: 3,
  weeksToClear: 4,
  leadTime: 5,
  decisions: 6,
  decidedLeadTime: 7,
  fromOtherWork: 8,
} as const;

/** Where the scenario tables go: the comparison table's header row, the weekly table's header cell. */
export interface ScenarioPlaces {
  comparisonRow: number;
  /** 0-based header row and first column of the weekly table (week, week start, one column per scenario). */
  weeklyRow: number;
  weeklyColumn: number;
  /** 0-based first column of the chart's helper columns, on the weekly table's header row. */
  helperColumn: number;
  tableWeeks: number;
}

/** Each scenario's cells, for a layout. */
export function scenarioCells(places: ScenarioPlaces): Record<ScenarioId, ScenarioCells> {
  const out = {} as Record<ScenarioId, ScenarioCells>;
  const first = places.weeklyRow + 1;
  const last = places.weeklyRow + places.tableWeeks;
  SCENARIOS.forEach((id, i) => {
    const row = places.comparisonRow + 1 + i;
    const c = COMPARISON_COLUMNS;
    const column = places.weeklyColumn + 2 + i;
    const helper = places.helperColumn + i;
    out[id] = {
      intake: cellAddress(row, c.intake),
      capacity: cellAddress(row, c.capacity),
      closing: cellAddress(row, c.closing),
      weeksToClear: cellAddress(row, c.weeksToClear),
      leadTime: cellAddress(row, c.leadTime),
      decisions: cellAddress(row, c.decisions),
      decidedLeadTime: cellAddress(row, c.decidedLeadTime),
      fromOtherWork: cellAddress(row, c.fromOtherWork),
      backlog: `${cellAddress(first, column)}:${cellAddress(last, column)}`,
      chart: `${cellAddress(first, helper)}:${cellAddress(last, helper)}`,
    };
  });
  return out;
}

type ScenarioFormulas = Record<"opening" | "intake" | "capacity", Record<ScenarioId, string>>;

/**
 * Per scenario: the queue's opening backlog, weekly intake and capacity, each a formula on the
 * input cells. With triage (scenarios 3 and 4) the queue is what triage leaves, while the capacity
 * stays that of the full intake: triage has its own extra staff, so "de beschikbare capaciteit
 * [wordt] ingezet op de overgebleven caseload".
 */
export function scenarioFormulas(inputCells: Record<InputId, string>): ScenarioFormulas {
  const { opening, intake, uplift, extra, planPerYear } = inputCells;
  const rule = `(1+${uplift})*${intake}`;
  const plan = `${planPerYear}/${WEEKS_PER_YEAR}`;
  const queueOpening = `(1-${inputCells.triagedOpening})*${opening}`;
  const queueIntake = `(1-(${inputCells.triage}+${inputCells.withoutHearing}))*${intake}`;
  const each = (value: string, triaged: string): Record<ScenarioId, string> =>
    Object.fromEntries(SCENARIOS.map((id) => [id, WITH_TRIAGE.has(id) ? triaged : value])) as Record<ScenarioId, string>;
  return {
    opening: each(opening, queueOpening),
    intake: each(intake, queueIntake),
    capacity: {
      plan,
      rule: `${rule}+${extra}`,
      triage: `${rule}+${extra}`,
      whole: `MAX(${plan},${rule})+${extra}`,
      required: `MAX(0,${intake}+(${opening}-${inputCells.target})/${inputCells.clearWithin})`,
      custom: `${inputCells.custom}`,
    },
  };
}

/**
 * The memo's lead time over the horizon, in weeks, as one formula: the mean age at decision of
 * every case decided, first in, first out, as src/engine/leadTime.ts computes it. Closed form for
 * constant rates: cases decided in week t leave at t − ½ on average, so the total lead time is
 * Σ (t − ½) × decided_t minus the summed arrival times of the first D cases (D decided in all),
 * with the opening backlog filed evenly over the spread weeks before week 1.
 */
function decidedLeadTimeFormula(
  queue: { opening: string; intake: string; capacity: string; closing: string },
  inputCells: Record<InputId, string>,
  none: string,
): string {
  const { opening, intake, capacity } = queue;
  const horizon = inputCells.horizon;
  const spread = inputCells.openingSpread;
  const decided = `(${opening}+${horizon}*${intake}-${queue.closing})`;
  // Σ backlog over weeks 1 … H−1, from the stock-flow's closed form (linear until it reaches 0).
  const n = `(${horizon}-1)`;
  const falling = `MIN(${n},INT(${opening}/(${capacity}-${intake})))`;
  const backlogSum =
    `IF(${capacity}>${intake},${falling}*${opening}-(${capacity}-${intake})*${falling}*(${falling}+1)/2,` +
    `${n}*${opening}+(${intake}-${capacity})*${n}*(${n}+1)/2)`;
  const decidedBefore = `(${n}*${opening}+${intake}*${horizon}*${n}/2-${backlogSum})`;
  const leaving = `(${horizon}*${decided}-${decidedBefore}-0.5*${decided})`;
  const fromOpening = `MIN(${decided},${opening})`;
  const arrivals =
    `(-${spread}*${fromOpening}+IF(${opening}>0,${spread}*${fromOpening}^2/(2*${opening}),0)` +
    `+IF(${intake}>0,MAX(0,${decided}-${opening})^2/(2*${intake}),0))`;
  return `IF(ROUND(${decided},9)>0,(${leaving}-${arrivals})/${decided},"${none}")`;
}

/**
 * Triage's decisions per week, as the engine's `scenarioRatesCore` has them: its shares of the
 * intake, plus its part of the opening backlog spread over the horizon.
 */
export function triagedPerWeek(inputs: Record<InputId, string>): string {
  return `((${inputs.triage}+${inputs.withoutHearing})*${inputs.intake}+${inputs.triagedOpening}*${inputs.opening}/${inputs.horizon})`;
}

const absoluteRange = (range: string): string =>
  range
    .split(":")
    .map((a) => absoluteAddress(a))
    .join(":");

/** The comparison table: one row per scenario, every figure a formula. */
export function comparisonTable(
  labels: WhatIfLabels,
  inputCells: Record<InputId, string>,
  scenarios: Record<ScenarioId, ScenarioCells>,
  places: ScenarioPlaces,
  tableName: string,
): TableSpec {
  const formulas = scenarioFormulas(inputCells);
  const planCapacity = scenarios.plan.capacity;
  const rows: Cell[][] = SCENARIOS.map((id) => {
    const cells = scenarios[id];
    const opening = formulas.opening[id];
    return [
      text(labels.scenario[id]),
      formula(formulas.intake[id]),
      formula(formulas.capacity[id]),
      formula(`INDEX(${absoluteRange(cells.backlog)},${inputCells.horizon})`),
      // Constant rates, as the engine's weeksToClearCore: opening ÷ (capacity − intake).
      formula(
        `IF(${opening}<=0,0,IF(${cells.capacity}>${cells.intake},${opening}/(${cells.capacity}-${cells.intake}),"${labels.never}"))`,
      ),
      // Little's law at the horizon: backlog ÷ mean decisions per week, the wait for a new application.
      formula(`IF(${cells.decisions}>0,${cells.closing}/${cells.decisions},"${labels.none}")`),
      // Everything that came in and is no longer waiting was decided. ROUND to 1e-9 drops the
      // float noise of that difference, so "no decisions" reads 0 and lead time "n/a", not 1e16.
      formula(`ROUND((${opening}+${inputCells.horizon}*${cells.intake}-${cells.closing})/${inputCells.horizon},9)`),
      formula(decidedLeadTimeFormula({ opening, intake: cells.intake, capacity: cells.capacity, closing: cells.closing }, inputCells, labels.none)),
      // The Minister: "als ik 1.600 mensen naar voren ga trekken, ik 1.600 andere mensen naar achter duw".
      // Triage's decisions come from other work too, unless its fte are new staff (an input);
      // a scenario below the plan frees capacity (negative, shown as "vrij").
      formula(
        `(${cells.capacity}+IF(${inputCells.triageStaff}="${labels.yes}",0,${WITH_TRIAGE.has(id) ? triagedPerWeek(inputCells) : "0"})-${planCapacity})*${inputCells.horizon}`,
      ),
    ];
  });
  return {
    name: tableName,
    at: cellAddress(places.comparisonRow, 0),
    columns: labels.comparison.map((header, i) => ({
      header,
      numberFormat: ["@", "#,##0.0", "#,##0.0", "#,##0", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0", `#,##0;"${labels.freed} "#,##0;0`][i] as string,
    })),
    rows,
    style: "TableStyleMedium2",
  };
}

/**
 * The weekly table (week, week start, one backlog column per scenario; blank past the horizon)
 * and the chart's helper columns beside it (the same backlog, #N/A past the horizon, which a
 * chart skips where it would draw "" as 0).
 */
export function weeklyTables(
  labels: WhatIfLabels,
  inputCells: Record<InputId, string>,
  scenarios: Record<ScenarioId, ScenarioCells>,
  places: ScenarioPlaces,
  tableName: string,
): { table: TableSpec; helpers: Cell[][] } {
  const openings = scenarioFormulas(inputCells).opening;
  const rows: Cell[][] = [];
  const helpers: Cell[][] = [[...SCENARIOS.map((id) => text(labels.scenario[id]))]];
  for (let k = 0; k < places.tableWeeks; k++) {
    const row = places.weeklyRow + 1 + k;
    const week = cellAddress(row, places.weeklyColumn);
    const cells: Cell[] = [k + 1, formula(`IF(${inputCells.firstWeek}="","",${inputCells.firstWeek}+7*(${week}-1))`)];
    const helperRow: Cell[] = [];
    SCENARIOS.forEach((id, i) => {
      const column = places.weeklyColumn + 2 + i;
      const previous = k === 0 ? openings[id] : cellAddress(row - 1, column);
      const scenario = scenarios[id];
      // Blank past the horizon, so no error shows; the row above is a number whenever this one is computed.
      cells.push(
        formula(
          `IF(${week}>${inputCells.horizon},"",MAX(0,${previous}+${absoluteAddress(scenario.intake)}-${absoluteAddress(scenario.capacity)}))`,
        ),
      );
      const here = cellAddress(row, column);
      helperRow.push(formula(`IF(${here}="",NA(),${here})`));
    });
    rows.push(cells);
    helpers.push(helperRow);
  }
  return {
    table: {
      name: tableName,
      at: cellAddress(places.weeklyRow, places.weeklyColumn),
      columns: [
        { header: labels.week, numberFormat: "0" },
        { header: labels.weekStart, numberFormat: "yyyy-mm-dd" },
        ...SCENARIOS.map((id) => ({ header: labels.scenario[id], numberFormat: "#,##0.0" })),
      ],
      rows,
      style: "TableStyleLight9",
    },
    helpers,
  };
}
