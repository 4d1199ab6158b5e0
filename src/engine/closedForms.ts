import { checkNumbers, fail, NON_NEGATIVE, ok, POSITIVE, Result, WEEKS_RULE } from "./validate";

/** Weeks until the backlog reaches zero at constant rates; Infinity when it never does. */
export function weeksToClearCore(opening: number, intake: number, capacity: number): number {
  if (opening <= 0) return 0;
  // A net outflow of 0 or less never clears: opening ÷ 0 is Infinity.
  return opening / Math.max(0, capacity - intake);
}

/** Weekly decisions that take the backlog from `opening` to `target` in `weeks`; never below 0. */
export function requiredCapacityCore(opening: number, intake: number, target: number, weeks: number): number {
  return Math.max(0, intake + (opening - target) / weeks);
}

/** Little's law: lead time (weeks) = backlog ÷ throughput (decisions per week). */
export function leadTimeCore(backlog: number, decisionsPerWeek: number): number {
  return backlog / decisionsPerWeek;
}

export interface WeeksToClearOptions {
  opening: number;
  intake: number;
  capacity: number;
}

/**
 * Weeks until the backlog is cleared when intake and capacity stay constant:
 * `opening ÷ (capacity − intake)`. A backlog that never clears is an error of kind "never".
 *
 * @example
 * weeksToClear({ opening: 1440, intake: 25, capacity: 27.5 }) // → ok(576)
 */
export function weeksToClear(options: WeeksToClearOptions): Result<number> {
  const checked = checkNumbers({
    opening: [options.opening, NON_NEGATIVE, "opening"],
    intake: [options.intake, NON_NEGATIVE, "intake"],
    capacity: [options.capacity, NON_NEGATIVE, "capacity"],
  });
  if (!checked.ok) return checked;
  const { opening, intake, capacity } = checked.value;
  const weeks = weeksToClearCore(opening, intake, capacity);
  if (!Number.isFinite(weeks)) {
    return fail({
      kind: "never",
      argument: "capacity",
      message: `capacity: ${capacity} decisions a week do not exceed the intake of ${intake}, so the backlog never clears`,
    });
  }
  return ok(weeks);
}

export interface RequiredCapacityOptions {
  opening: number;
  intake: number;
  target: number;
  weeks: number;
}

/**
 * Steady weekly decisions needed to bring the backlog down to `target` by week `weeks`:
 * `intake + (opening − target) ÷ weeks`, and 0 when even no decisions stay at or under target.
 *
 * @example
 * requiredCapacity({ opening: 1440, intake: 25, target: 0, weeks: 104 }) // → ok(38.846…)
 */
export function requiredCapacity(options: RequiredCapacityOptions): Result<number> {
  const checked = checkNumbers({
    opening: [options.opening, NON_NEGATIVE, "opening"],
    intake: [options.intake, NON_NEGATIVE, "intake"],
    target: [options.target, NON_NEGATIVE, "target"],
    weeks: [options.weeks, WEEKS_RULE, "weeks"],
  });
  if (!checked.ok) return checked;
  const { opening, intake, target, weeks } = checked.value;
  const required = requiredCapacityCore(opening, intake, target, weeks);
  if (!Number.isFinite(required)) {
    return fail({
      kind: "range",
      overflow: true,
      argument: "intake",
      message: "intake: the figures are too large to give a finite capacity",
    });
  }
  return ok(required);
}

export interface LeadTimeOptions {
  backlog: number;
  decisionsPerWeek: number;
}

/**
 * Lead time in weeks by Little's law. Zero decisions have no finite lead time: a "range" error.
 *
 * @example
 * leadTime({ backlog: 1440, decisionsPerWeek: 1530 / 52 }) // → ok(48.94…), about 343 days
 */
export function leadTime(options: LeadTimeOptions): Result<number> {
  const checked = checkNumbers({
    backlog: [options.backlog, NON_NEGATIVE, "backlog"],
    rate: [options.decisionsPerWeek, POSITIVE, "decisions_per_week"],
  });
  if (!checked.ok) return checked;
  const { backlog, rate } = checked.value;
  const weeks = leadTimeCore(backlog, rate);
  if (!Number.isFinite(weeks)) {
    return fail({
      kind: "range",
      overflow: true,
      argument: "decisions_per_week",
      got: rate,
      message: `decisions_per_week: ${rate} is too small to give a finite lead time`,
    });
  }
  return ok(weeks);
}
