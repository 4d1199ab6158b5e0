import {
  checkNumber,
  checkSeries,
  fail,
  MAX_WEEKS,
  NON_NEGATIVE,
  ok,
  Result,
  SeriesInput,
  UPLIFT_RULE,
  WEEKS_RULE,
} from "./validate";

/** The memo's planning rule: schedule 10% more decisions than the weekly intake. */
export const DEFAULT_UPLIFT = 0.1;
/** Horizon when nothing else fixes it: one year of weeks. */
export const DEFAULT_WEEKS = 52;

export interface ProjectBacklogOptions {
  /** Backlog (open cases) at the start of week 1. */
  opening: number;
  /** Weekly intake: one number for every week, or one figure per week. */
  intake: SeriesInput;
  /** Weekly decision capacity. Omit it to apply the planning rule. */
  capacity?: SeriesInput;
  /** Number of weeks. Defaults to the length of a weekly series, else 52. */
  weeks?: number;
  /** Planning-rule uplift over mean intake; 0.10 unless given. Ignored when capacity is given. */
  uplift?: number;
}

export interface WeekRow {
  /** 1-based week number. */
  week: number;
  intake: number;
  capacity: number;
  decisions: number;
  /** Backlog at the end of the week. */
  backlog: number;
  /** Little's law: backlog ÷ decisions this week, in weeks; null when nothing (or next to nothing) was decided. */
  leadTimeWeeks: number | null;
}

export interface ProjectionResult {
  rows: WeekRow[];
  /** "rule" when capacity came from the planning rule, "given" when the caller supplied it. */
  capacitySource: "rule" | "given";
  /** Mean weekly intake over the horizon. */
  meanIntake: number;
  /** Backlog at the end of the last week. */
  closingBacklog: number;
}

/**
 * The weekly stock-flow with no checks, on plain arrays: used by the validated wrapper, the
 * benchmark and the Monte Carlo inner loop. `out` receives the backlog at the end of each week.
 */
export function projectBacklogCore(
  opening: number,
  intake: ArrayLike<number>,
  capacity: ArrayLike<number>,
  out: { [index: number]: number; length: number },
  decisionsOut?: { [index: number]: number; length: number },
): number {
  let backlog = opening;
  const n = out.length;
  for (let t = 0; t < n; t++) {
    const available = backlog + (intake[t] as number);
    const decided = Math.min(capacity[t] as number, available);
    backlog = available - decided;
    out[t] = backlog;
    if (decisionsOut) decisionsOut[t] = decided;
  }
  return backlog;
}

/** `(1 + uplift) × mean`, the planning rule's steady weekly capacity. */
export function plannedCapacityCore(meanIntake: number, uplift: number): number {
  return (1 + uplift) * meanIntake;
}

function seriesLength(series: number | number[]): number | undefined {
  return typeof series === "number" ? undefined : series.length;
}

function expand(series: number | number[], weeks: number): number[] {
  return typeof series === "number" ? new Array<number>(weeks).fill(series) : series.slice(0, weeks);
}

/** Resolves the horizon from an explicit `weeks` or the lengths of the weekly series. */
function resolveWeeks(
  weeks: number | undefined,
  intake: number | number[],
  capacity: number | number[] | undefined,
): Result<number> {
  const intakeLength = seriesLength(intake);
  const capacityLength = capacity === undefined ? undefined : seriesLength(capacity);
  if (intakeLength !== undefined && capacityLength !== undefined && intakeLength !== capacityLength) {
    return fail({
      kind: "shape",
      argument: "capacity",
      message: `capacity: has ${capacityLength} weeks but intake has ${intakeLength}; give one number or one figure per intake week`,
    });
  }
  const seriesWeeks = intakeLength ?? capacityLength;
  if (weeks === undefined) {
    const resolved = seriesWeeks ?? DEFAULT_WEEKS;
    if (resolved > MAX_WEEKS) {
      return fail({
        kind: "range",
        argument: intakeLength !== undefined ? "intake" : "capacity",
        message: `${intakeLength !== undefined ? "intake" : "capacity"}: has ${resolved} weeks; at most ${MAX_WEEKS.toLocaleString("en-US")} are allowed`,
      });
    }
    return ok(resolved);
  }
  const checked = checkNumber(weeks, WEEKS_RULE, "weeks");
  if (!checked.ok) return checked;
  if (seriesWeeks !== undefined && checked.value > seriesWeeks) {
    const which = intakeLength !== undefined ? "intake" : "capacity";
    return fail({
      kind: "range",
      argument: "weeks",
      got: weeks,
      message: `weeks: ${weeks} is longer than the ${which} range (${seriesWeeks} weeks)`,
    });
  }
  return ok(checked.value);
}

/** Sums that overflow are refused, naming the intake: the engine never hands out Infinity. */
function tooLarge<T>(): Result<T> {
  return fail({
    kind: "range",
    overflow: true,
    argument: "intake",
    message: "intake: the figures are too large to add up to a finite backlog",
  });
}

/** Mean of a series; never empty: checkSeries refuses an empty range and `weeks` is ≥ 1. */
function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Projects the backlog week by week:
 * `decisions = min(capacity, backlog + intake)`, `backlog = backlog + intake − decisions`.
 * Without a capacity, the planning rule sets a steady `(1 + uplift) × mean intake`.
 *
 * @example
 * projectBacklog({ opening: 1440, intake: 25, capacity: 1600 / 52 })
 * // → ok; rows[51].backlog === 1140 (the memo's "about 1100" at the end of 2024)
 */
export function projectBacklog(options: ProjectBacklogOptions): Result<ProjectionResult> {
  const opening = checkNumber(options.opening, NON_NEGATIVE, "opening");
  if (!opening.ok) return opening;
  const intake = checkSeries(options.intake, NON_NEGATIVE, "intake");
  if (!intake.ok) return intake;
  let capacity: number | number[] | undefined;
  if (options.capacity !== undefined) {
    const checked = checkSeries(options.capacity, NON_NEGATIVE, "capacity");
    if (!checked.ok) return checked;
    capacity = checked.value;
  }
  const weeks = resolveWeeks(options.weeks, intake.value, capacity);
  if (!weeks.ok) return weeks;
  const n = weeks.value;

  const intakeWeeks = expand(intake.value, n);
  const meanIntake = meanOf(intakeWeeks);
  let capacityWeeks: number[];
  if (capacity === undefined) {
    const uplift = checkNumber(options.uplift ?? DEFAULT_UPLIFT, UPLIFT_RULE, "uplift");
    if (!uplift.ok) return uplift;
    const planned = plannedCapacityCore(meanIntake, uplift.value);
    if (!Number.isFinite(planned)) return tooLarge();
    capacityWeeks = new Array<number>(n).fill(planned);
  } else {
    capacityWeeks = expand(capacity, n);
  }

  const backlog = new Float64Array(n);
  const decisions = new Float64Array(n);
  const closingBacklog = projectBacklogCore(opening.value, intakeWeeks, capacityWeeks, backlog, decisions);
  // Once a sum overflows it stays infinite to the end, so the closing figure tells.
  if (!Number.isFinite(closingBacklog)) return tooLarge();
  const rows: WeekRow[] = [];
  for (let t = 0; t < n; t++) {
    const decided = decisions[t] as number;
    const end = backlog[t] as number;
    // No (or vanishingly few) decisions give ∞ or 0/0: the week has no lead time.
    const lead = end / decided;
    rows.push({
      week: t + 1,
      intake: intakeWeeks[t] as number,
      capacity: capacityWeeks[t] as number,
      decisions: decided,
      backlog: end,
      leadTimeWeeks: Number.isFinite(lead) ? lead : null,
    });
  }
  return ok({
    rows,
    capacitySource: capacity === undefined ? "rule" : "given",
    meanIntake,
    closingBacklog,
  });
}

export interface PlannedCapacityOptions {
  intake: SeriesInput;
  uplift?: number;
}

/**
 * The planning rule's weekly capacity: `(1 + uplift) ×` mean weekly intake.
 *
 * @example
 * plannedCapacity({ intake: 25 }) // → ok(27.5)
 */
export function plannedCapacity(options: PlannedCapacityOptions): Result<number> {
  const intake = checkSeries(options.intake, NON_NEGATIVE, "intake");
  if (!intake.ok) return intake;
  const uplift = checkNumber(options.uplift ?? DEFAULT_UPLIFT, UPLIFT_RULE, "uplift");
  if (!uplift.ok) return uplift;
  const mean = typeof intake.value === "number" ? intake.value : meanOf(intake.value);
  const planned = plannedCapacityCore(mean, uplift.value);
  return Number.isFinite(planned) ? ok(planned) : tooLarge();
}
