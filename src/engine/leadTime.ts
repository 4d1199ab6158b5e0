/**
 * The memo's lead time: "de gemiddelde doorlooptijd van het afdoen", the mean age at decision of
 * the cases decided. Not backlog ÷ decisions (that is the wait a new application can expect).
 *
 * Cases queue as age cohorts, first in, first out. Arrivals within a cohort are spread evenly
 * over its span of time; decisions within a week are spread evenly over that week. Time is in
 * weeks, week 1 running from 0 to 1, so a case filed at the start of the horizon and decided at
 * the end of week 1 has waited 1 week. The opening backlog is a cohort (or cohorts) before 0.
 */
import { projectBacklogCore } from "./project";
import { expandSeries, resolveSeriesWeeks } from "./tracks";
import { checkNumber, checkSeries, NON_NEGATIVE, ok, Result, SeriesInput } from "./validate";

/** Cases arriving evenly between `start` and `end` (weeks; week 1 is 0 to 1). */
export interface Cohort {
  start: number;
  end: number;
  count: number;
}

/** Below this many decisions in a week, the week's mean lead time is not a number worth showing. */
const NOTHING_DECIDED = 1e-12;

/**
 * The cohorts of a projection: the opening backlog spread evenly over the `spreadWeeks` before
 * week 1, then each week's intake spread over its week.
 */
export function cohortsOf(opening: number, spreadWeeks: number, intake: ArrayLike<number>): Cohort[] {
  const cohorts: Cohort[] = [];
  if (opening > 0) cohorts.push({ start: -spreadWeeks, end: 0, count: opening });
  Array.from(intake).forEach((count, t) => {
    if (count > 0) cohorts.push({ start: t, end: t + 1, count });
  });
  return cohorts;
}

/**
 * Per week, the mean lead time (weeks) of the cases decided that week, first in, first out, with
 * no checks; `null` where (next to) nothing was decided. Decisions beyond the cohorts are ignored:
 * a stock-flow never decides more than arrived.
 *
 * @example
 * const out = new Array<number | null>(1);
 * decidedLeadTimeCore([{ start: -10, end: 0, count: 10 }], [10], out); // out[0] === 5.5
 */
export function decidedLeadTimeCore(
  cohorts: readonly Cohort[],
  decisions: ArrayLike<number>,
  out: { [index: number]: number | null; length: number },
): void {
  let index = 0; // cohort at the head of the queue
  let taken = 0; // cases of that cohort already decided
  for (let t = 0; t < out.length; t++) {
    let remaining = decisions[t] as number;
    let decided = 0;
    let arrivalSum = 0; // ∫ arrival time over the positions decided this week
    while (index < cohorts.length) {
      const cohort = cohorts[index] as Cohort;
      const from = taken;
      const to = Math.min(cohort.count, taken + remaining);
      // Nothing (or NaN) left to decide, or a remainder below the float step of `taken`: week done.
      if (!(to > from)) break;
      const slope = (cohort.end - cohort.start) / cohort.count;
      arrivalSum += (to - from) * (cohort.start + (slope * (from + to)) / 2);
      decided += to - from;
      remaining -= to - from;
      taken = to;
      if (taken >= cohort.count) {
        index++;
        taken = 0;
      }
    }
    // Decided evenly over week t + 1, which runs from t to t + 1: mean decision time t + 0.5.
    // FIFO decides the oldest cases first, so the mean is ≥ 0; the clamp only removes float noise.
    out[t] = decided > NOTHING_DECIDED ? Math.max(0, t + 0.5 - arrivalSum / decided) : null;
  }
}

export interface DecidedLeadTimeOptions {
  /** Backlog at the start of week 1. */
  opening: number;
  /** Weekly intake: one number or one figure per week. */
  intake: SeriesInput;
  /** Weekly decision capacity: one number or one figure per week. */
  capacity: SeriesInput;
  /** Number of weeks; the length of a weekly series, else 52. */
  weeks?: number;
  /**
   * The opening backlog's age profile: spread evenly over this many weeks before week 1.
   * Default: opening ÷ mean intake, the weeks it took that intake to build the backlog.
   */
  openingSpreadWeeks?: number;
}

export interface DecidedLeadTimeResult {
  /** Per week: mean lead time in weeks of the cases decided that week; null when none were. */
  weekly: Array<number | null>;
  /** Decisions per week (the stock-flow's min(capacity, backlog + intake)). */
  decisions: number[];
  /** Mean lead time in weeks of every case decided over the horizon; null when none were. */
  mean: number | null;
  /** The opening backlog's spread as used, in weeks. */
  openingSpreadWeeks: number;
}

/**
 * The memo's lead time, week by week: the mean age at decision of the cases decided, FIFO.
 *
 * @example
 * // 2023: 1580 open on 1 January, 1390 filed, 1530 decided.
 * decidedLeadTime({ opening: 1580, intake: 1390 / 52, capacity: 1530 / 52, weeks: 52 })
 * // → ok({ mean: 56.49…, … }) weeks, about 395 days; the memo reports 343
 */
export function decidedLeadTime(options: DecidedLeadTimeOptions): Result<DecidedLeadTimeResult> {
  const opening = checkNumber(options.opening, NON_NEGATIVE, "opening");
  if (!opening.ok) return opening;
  const intake = checkSeries(options.intake, NON_NEGATIVE, "intake");
  if (!intake.ok) return intake;
  const capacity = checkSeries(options.capacity, NON_NEGATIVE, "capacity");
  if (!capacity.ok) return capacity;
  const weeks = resolveSeriesWeeks(options.weeks, [
    ["intake", intake.value],
    ["capacity", capacity.value],
  ]);
  if (!weeks.ok) return weeks;
  const intakeWeeks = expandSeries(intake.value, weeks.value);
  const meanIntake = intakeWeeks.reduce((sum, x) => sum + x, 0) / Math.max(1, intakeWeeks.length);
  const spread = checkNumber(
    options.openingSpreadWeeks ?? (meanIntake > 0 ? opening.value / meanIntake : 0),
    NON_NEGATIVE,
    "opening_spread_weeks",
  );
  if (!spread.ok) return spread; // also an infinite default: opening ÷ a vanishing intake
  const backlog = new Float64Array(weeks.value);
  const decisions = new Float64Array(weeks.value);
  projectBacklogCore(opening.value, intakeWeeks, expandSeries(capacity.value, weeks.value), backlog, decisions);
  const weekly = new Array<number | null>(weeks.value);
  decidedLeadTimeCore(cohortsOf(opening.value, spread.value, intakeWeeks), decisions, weekly);
  const mean = meanDecidedLeadTime(weekly, decisions);
  return ok({ weekly, decisions: Array.from(decisions), mean, openingSpreadWeeks: spread.value });
}

/** Mean over the horizon, weighted by each week's decisions: the mean lead time of all cases decided. */
export function meanDecidedLeadTime(weekly: ReadonlyArray<number | null>, decisions: ArrayLike<number>): number | null {
  let total = 0;
  let decided = 0;
  weekly.forEach((lead, t) => {
    if (lead === null) return;
    total += lead * (decisions[t] as number);
    decided += decisions[t] as number;
  });
  return decided > NOTHING_DECIDED ? total / decided : null;
}
