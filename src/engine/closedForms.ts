import { checkNumber, fail, NON_NEGATIVE, NumberRule, ok, Result, WEEKS_RULE } from "./validate";

const POSITIVE: NumberRule = { min: 0, minExclusive: true };

/** Weeks until the backlog reaches zero at constant rates; Infinity when it never does. */
export function weeksToClearCore(opening: number, intake: number, capacity: number): number {
  if (opening <= 0) return 0;
  const net = capacity - intake;
  return net > 0 ? opening / net : Number.POSITIVE_INFINITY;
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
  const opening = checkNumber(options.opening, NON_NEGATIVE, "opening");
  if (!opening.ok) return opening;
  const intake = checkNumber(options.intake, NON_NEGATIVE, "intake");
  if (!intake.ok) return intake;
  const capacity = checkNumber(options.capacity, NON_NEGATIVE, "capacity");
  if (!capacity.ok) return capacity;
  const weeks = weeksToClearCore(opening.value, intake.value, capacity.value);
  if (!Number.isFinite(weeks)) {
    return fail({
      kind: "never",
      argument: "capacity",
      message: `capacity: ${capacity.value} decisions a week do not exceed the intake of ${intake.value}, so the backlog never clears`,
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
  const opening = checkNumber(options.opening, NON_NEGATIVE, "opening");
  if (!opening.ok) return opening;
  const intake = checkNumber(options.intake, NON_NEGATIVE, "intake");
  if (!intake.ok) return intake;
  const target = checkNumber(options.target, NON_NEGATIVE, "target");
  if (!target.ok) return target;
  const weeks = checkNumber(options.weeks, WEEKS_RULE, "weeks");
  if (!weeks.ok) return weeks;
  const required = requiredCapacityCore(opening.value, intake.value, target.value, weeks.value);
  if (!Number.isFinite(required)) {
    return fail({ kind: "range", argument: "intake", message: "intake: the figures are too large to give a finite capacity" });
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
  const backlog = checkNumber(options.backlog, NON_NEGATIVE, "backlog");
  if (!backlog.ok) return backlog;
  const rate = checkNumber(options.decisionsPerWeek, POSITIVE, "decisions_per_week");
  if (!rate.ok) return rate;
  const weeks = leadTimeCore(backlog.value, rate.value);
  if (!Number.isFinite(weeks)) {
    return fail({
      kind: "range",
      argument: "decisions_per_week",
      got: rate.value,
      message: `decisions_per_week: ${rate.value} is too small to give a finite lead time`,
    });
  }
  return ok(weeks);
}
