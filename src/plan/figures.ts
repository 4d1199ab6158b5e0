/**
 * The plan step's computing, so sheet builders only lay out: the projection of checked inputs,
 * its headline figures (shared by the sheet, the pane and the CLI's summary line), the memo's lead
 * time week by week, and the model's replay of 2023 that the sheet compares with the memo's 343
 * days. Pure: the engine in, figures out.
 */
import {
  decidedLeadTime,
  leadTimeCore,
  projectBacklog,
  ProjectionResult,
  Result,
  targetWeek,
  weeksToClearCore,
  weekStart,
} from "../engine";
import type { PlanInputs } from "../sheets/inputs";

/** Runs the engine on checked inputs. */
export function runProjection(inputs: PlanInputs): Result<ProjectionResult> {
  return projectBacklog({
    opening: inputs.opening,
    intake: inputs.intake,
    uplift: inputs.uplift,
    ...(inputs.capacity !== undefined && { capacity: inputs.capacity }),
    ...(inputs.weeks !== undefined && { weeks: inputs.weeks }),
  });
}

export interface ProjectionSummary {
  closingBacklog: number;
  meanIntake: number;
  meanCapacity: number;
  meanDecisions: number;
  /** Infinity when capacity does not exceed intake. */
  weeksToClear: number;
  /** The wait for a new application at the horizon: backlog ÷ decisions. Null when nothing was decided. */
  leadTimeWeeks: number | null;
  /** The memo's lead time: mean age at decision of all cases decided over the horizon (FIFO). */
  decidedLeadTimeWeeks: number | null;
  /** The same per week; null in a week where nothing was decided. */
  decidedLeadTimeByWeek: Array<number | null>;
  /** When the planner's target (TargetBacklog) is reached; absent without a target of theirs. */
  target?: TargetReached;
}

/** When the plan reaches the planner's target: the pane's result and the CLI's summary line name it. */
export interface TargetReached {
  target: number;
  /** The week; 0 when the opening already is at or below it; null when never. */
  week: number | null;
  /** Found past the weekly series at its mean intake and capacity: "bij constante gemiddelden". */
  continued: boolean;
  /** Weeks in the series (the horizon). */
  seriesWeeks: number;
  /** The week's Monday as an Excel serial, when the plan has a first week and the week is 1 or later. */
  monday: number | null;
}

/** A vanishing number of decisions gives no finite lead time: report none rather than Infinity. */
const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

/**
 * Headline figures of a projection, shared by the sheet, the pane and the CLI's summary line.
 *
 * @example
 * summarizeProjection(inputs, projection).weeksToClear // → 249.6 for the memo's plan
 */
export function summarizeProjection(inputs: PlanInputs, projection: ProjectionResult): ProjectionSummary {
  const n = projection.rows.length;
  let capacity = 0;
  let decisions = 0;
  for (const row of projection.rows) {
    capacity += row.capacity;
    decisions += row.decisions;
  }
  const meanCapacity = capacity / n;
  const meanDecisions = decisions / n;
  const decided = decidedLeadTimeOf(inputs, projection);
  return {
    closingBacklog: projection.closingBacklog,
    meanIntake: projection.meanIntake,
    meanCapacity,
    meanDecisions,
    weeksToClear: weeksToClearCore(inputs.opening, projection.meanIntake, meanCapacity),
    leadTimeWeeks: finiteOrNull(meanDecisions > 0 ? leadTimeCore(projection.closingBacklog, meanDecisions) : null),
    decidedLeadTimeWeeks: finiteOrNull(decided.mean),
    decidedLeadTimeByWeek: decided.weekly.map(finiteOrNull),
    ...(inputs.targetGiven === true && targetReachedOf(inputs, projection)),
  };
}

/**
 * The plan's target week: within the weekly series, else continued at its mean intake and
 * capacity (the sample's 52 weeks reach 1100 in week 59, the week of 10 February 2025).
 */
function targetReachedOf(inputs: PlanInputs, projection: ProjectionResult): { target?: TargetReached } {
  const found = targetWeek({
    opening: inputs.opening,
    intake: projection.rows.map((row) => row.intake),
    capacity: projection.rows.map((row) => row.capacity),
    target: inputs.target,
  });
  // The inputs were checked by the projection; a failure here leaves the figure out.
  if (!found.ok) return {};
  const { week, continued, seriesWeeks } = found.value;
  const monday = week !== null && week > 0 && inputs.firstWeek !== undefined ? weekStart(inputs.firstWeek, week) : null;
  return { target: { target: inputs.target, week, continued, seriesWeeks, monday } };
}

/**
 * The memo's lead time ("de gemiddelde doorlooptijd van het afdoen") for the projection's own
 * weeks: first in, first out, the opening backlog spread over opening ÷ mean intake weeks.
 */
function decidedLeadTimeOf(
  inputs: PlanInputs,
  projection: ProjectionResult,
): { weekly: Array<number | null>; mean: number | null } {
  const result = decidedLeadTime({
    opening: inputs.opening,
    intake: projection.rows.map((row) => row.intake),
    capacity: projection.rows.map((row) => row.capacity),
    weeks: projection.rows.length,
  });
  // The inputs were checked by the projection; a failure here leaves the figures blank.
  return result.ok ? result.value : { weekly: projection.rows.map(() => null), mean: null };
}

/** The memo's 2023: 1580 open on 1 January, 1390 filed, 1440 open at the end, so 1530 decided. */
export const MEMO_2023 = { opening: 1580, filed: 1390, decided: 1530, leadTimeDays: 343 } as const;

/**
 * The model's lead time for 2023, replayed from the memo's figures (FIFO, one queue, 52 weeks),
 * in days: what the sheet sets beside the memo's 343 days.
 *
 * @example
 * replay2023Days() // → 395.4
 */
export function replay2023Days(): number {
  const replay = decidedLeadTime({
    opening: MEMO_2023.opening,
    intake: MEMO_2023.filed / 52,
    capacity: MEMO_2023.decided / 52,
    weeks: 52,
  });
  if (!replay.ok || replay.value.mean === null) throw new Error("the 2023 replay has no lead time");
  return replay.value.mean * 7;
}

/** Everything the projection sheet shows that the plan step computes. */
export interface ProjectionFigures {
  inputs: PlanInputs;
  projection: ProjectionResult;
  summary: ProjectionSummary;
  /** The model's 2023 lead time in days, beside the memo's 343. */
  replay2023Days: number;
}

/** The projection's figures for the sheet, the pane and the CLI. */
export function projectionFigures(inputs: PlanInputs, projection: ProjectionResult): ProjectionFigures {
  return { inputs, projection, summary: summarizeProjection(inputs, projection), replay2023Days: replay2023Days() };
}
