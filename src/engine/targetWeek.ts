/**
 * "Wanneer halen we 1100?": the first week whose end-of-week backlog is at most a target.
 *
 * Constant rates have a closed form, so the answer needs no weekly table and lies wherever it
 * lies (136 weeks for the rule alone, past the what-if sheet's 104 rows). A weekly series is
 * walked week by week. The comparison allows 1e-9 of the target (at least 1e-9): 1440 at 25 in
 * and 27.5 out lands on 1100.0 exactly in week 136, and sums of decimals must not miss it.
 */
import { checkFiniteTotal, expandSeries, resolveSeriesWeeks } from "./tracks";
import { checkNumber, checkSeries, fail, MAX_WEEKS, NON_NEGATIVE, ok, Result, SeriesInput } from "./validate";

/** Relative slack of "at most the target": the float noise of weekly sums, never a real case. */
export const TARGET_TOLERANCE = 1e-9;

/** How far above `target` a backlog may be and still count as reached. */
export function targetSlack(target: number): number {
  return TARGET_TOLERANCE * Math.max(1, target);
}

/**
 * Closed form at constant rates, no checks: the first week t ≥ 0 with
 * `max(0, opening − t × (capacity − intake)) ≤ target`; 0 when the opening already is, Infinity
 * when the backlog never falls that far. The stock-flow declines linearly until it reaches 0, and
 * a target ≥ 0 is reached before the clamp matters.
 *
 * @example
 * weeksToTargetCore(1440, 25, 1600 / 52, 1100) // → 59
 */
export function weeksToTargetCore(opening: number, intake: number, capacity: number, target: number): number {
  const excess = opening - target - targetSlack(target);
  if (excess <= 0) return 0;
  const net = capacity - intake;
  if (!(net > 0)) return Number.POSITIVE_INFINITY;
  return Math.ceil(excess / net);
}

/**
 * Week by week over the weeks given, no checks: the stock-flow of `projectBacklogCore`, stopping
 * at the first week at or below target. `week` is null when it is not reached within the series;
 * `closing` is then the backlog at its end (else the backlog in the week found).
 */
export function firstWeekAtTargetCore(
  opening: number,
  intake: ArrayLike<number>,
  capacity: ArrayLike<number>,
  target: number,
): { week: number | null; closing: number } {
  const limit = target + targetSlack(target);
  if (opening <= limit) return { week: 0, closing: opening };
  let backlog = opening;
  for (let t = 0; t < intake.length; t++) {
    const available = backlog + (intake[t] as number);
    backlog = available - Math.min(capacity[t] as number, available);
    if (backlog <= limit) return { week: t + 1, closing: backlog };
  }
  return { week: null, closing: backlog };
}

export interface WeeksToTargetOptions {
  /** Backlog at the start of week 1. */
  opening: number;
  /** Weekly intake: one number, or one figure per week (the weeks given are then the horizon). */
  intake: SeriesInput;
  /** Weekly decision capacity: one number, or one figure per week. */
  capacity: SeriesInput;
  /** The backlog to reach. */
  target: number;
}

interface CheckedTargetInputs {
  opening: number;
  intake: number | number[];
  capacity: number | number[];
  target: number;
}

function checkTargetInputs(options: WeeksToTargetOptions): Result<CheckedTargetInputs> {
  const opening = checkNumber(options.opening, NON_NEGATIVE, "opening");
  if (!opening.ok) return opening;
  const intake = checkSeries(options.intake, NON_NEGATIVE, "intake");
  if (!intake.ok) return intake;
  const capacity = checkSeries(options.capacity, NON_NEGATIVE, "capacity");
  if (!capacity.ok) return capacity;
  const target = checkNumber(options.target, NON_NEGATIVE, "target");
  if (!target.ok) return target;
  return ok({ opening: opening.value, intake: intake.value, capacity: capacity.value, target: target.value });
}

/** "Never" in words: the one case where no number of weeks will do. */
function notReached(target: number, within: string): Result<number> {
  return fail({
    kind: "never",
    argument: "target",
    message: `target: the backlog does not reach ${target} within ${within}`,
  });
}

/**
 * The first week whose end-of-week backlog is at most `target`, as `=IND.WEEKS_TO_TARGET` gives
 * it: 0 when the opening already is; with single numbers the closed form, up to 10,000 weeks;
 * with a weekly series the weeks given are the horizon (a single number repeats). Not reached:
 * an error of kind "never" (#N/A in Excel) saying why.
 *
 * @example
 * weeksToTarget({ opening: 1440, intake: 25, capacity: 1600 / 52, target: 1100 }) // → ok(59)
 * weeksToTarget({ opening: 1440, intake: 25, capacity: 27.5, target: 1100 }) // → ok(136)
 */
export function weeksToTarget(options: WeeksToTargetOptions): Result<number> {
  const checked = checkTargetInputs(options);
  if (!checked.ok) return checked;
  const { opening, intake, capacity, target } = checked.value;
  if (typeof intake === "number" && typeof capacity === "number") {
    const week = weeksToTargetCore(opening, intake, capacity, target);
    if (week <= MAX_WEEKS) return ok(week);
    if (capacity <= intake) {
      return fail({
        kind: "never",
        argument: "capacity",
        message: `capacity: ${capacity} decisions a week do not exceed the intake of ${intake}, so the backlog never reaches ${target}`,
      });
    }
    return notReached(target, `${MAX_WEEKS.toLocaleString("en-US")} weeks`);
  }
  const weeks = resolveSeriesWeeks(undefined, [
    ["intake", intake],
    ["capacity", capacity],
  ]);
  if (!weeks.ok) return weeks;
  const intakeWeeks = expandSeries(intake, weeks.value);
  const finite = checkFiniteTotal(opening, intakeWeeks, "intake");
  if (!finite.ok) return finite;
  const found = firstWeekAtTargetCore(opening, intakeWeeks, expandSeries(capacity, weeks.value), target);
  return found.week === null ? notReached(target, `the weeks given (${weeks.value})`) : ok(found.week);
}

export interface TargetWeekResult {
  /** The week the target is reached; 0 when the opening already is; null when never. */
  week: number | null;
  /**
   * True when the week lies beyond the series, found at the series' mean intake and capacity
   * from its closing backlog: the sheet, the pane and the CLI say "bij constante gemiddelden".
   */
  continued: boolean;
  /** Weeks in the series. */
  seriesWeeks: number;
  meanIntake: number;
  meanCapacity: number;
}

const meanOf = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * The target week of a plan for the pane, the CLI and the sheets: within the weekly series when
 * it is reached there; else continued past the series at its mean intake and capacity (the
 * sample's plan is 52 weekly values and reaches 1100 in week 59). Unlike `weeksToTarget` there
 * is no 10,000-week limit: a closed form has none, and the caller shows the week as it is.
 *
 * @example
 * targetWeek({ opening: 1440, intake: new Array(52).fill(25), capacity: new Array(52).fill(1600 / 52), target: 1100 })
 * // → ok({ week: 59, continued: true, seriesWeeks: 52, … })
 */
export function targetWeek(options: WeeksToTargetOptions): Result<TargetWeekResult> {
  const checked = checkTargetInputs(options);
  if (!checked.ok) return checked;
  const { opening, intake, capacity, target } = checked.value;
  const weeks = resolveSeriesWeeks(undefined, [
    ["intake", intake],
    ["capacity", capacity],
  ]);
  if (!weeks.ok) return weeks;
  const n = weeks.value;
  const intakeWeeks = expandSeries(intake, n);
  const capacityWeeks = expandSeries(capacity, n);
  const finite = checkFiniteTotal(opening, intakeWeeks, "intake");
  if (!finite.ok) return finite;
  const meanIntake = meanOf(intakeWeeks);
  const meanCapacity = meanOf(capacityWeeks);
  const found = firstWeekAtTargetCore(opening, intakeWeeks, capacityWeeks, target);
  const base = { seriesWeeks: n, meanIntake, meanCapacity };
  if (found.week !== null) return ok({ week: found.week, continued: false, ...base });
  const more = weeksToTargetCore(found.closing, meanIntake, meanCapacity, target);
  return ok({ week: Number.isFinite(more) ? n + more : null, continued: true, ...base });
}

/**
 * The Monday of plan week `week` as an Excel serial, from week 1's Monday: the date the sheets
 * show beside a target week (the ISO week label is the sheets' `isoWeekLabel` of it).
 *
 * @example
 * weekStart(45292, 59) // → 45698, Monday 10 February 2025 (45292 is Monday 1 January 2024)
 */
export function weekStart(firstWeek: number, week: number): number {
  return firstWeek + 7 * (week - 1);
}
