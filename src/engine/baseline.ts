/**
 * The baseline: the plan that was in force, kept as fixed values so Voortgang compares the
 * actuals with what was promised, not with whatever the inputs say today. Plain data: the weekly
 * planned path with its inputs and the date it was made. The sheets write it and read it back;
 * here it is made, checked when read back, and compared with the actuals.
 */
import { compareWithPlan, ActualsInput, monitorComparison, MonitorResult, MonitorSimulationOptions, PlanVsActualResult } from "./monitoring";
import { projectBacklog, ProjectBacklogOptions, ProjectionResult, WeekRow } from "./project";
import { checkNumber, fail, NON_NEGATIVE, ok, Result } from "./validate";

/** One week of the planned path. */
export interface BaselineWeek {
  week: number;
  intake: number;
  capacity: number;
  decisions: number;
  /** Planned backlog at the end of the week. */
  backlog: number;
}

export interface Baseline {
  /** Excel serial of the day the baseline was made (passed in: the engine has no clock). */
  madeOn: number;
  /** Excel serial of week 1's Monday; null when the workbook has none. */
  firstWeek: number | null;
  /** Backlog at the start of week 1. */
  opening: number;
  /** The inputs the plan was made with, by name (e.g. Uplift, TargetBacklog), for the record. */
  inputs: Readonly<Record<string, number>>;
  weeks: BaselineWeek[];
}

export interface MakeBaselineOptions extends ProjectBacklogOptions {
  madeOn: number;
  firstWeek?: number | null;
  inputs?: Readonly<Record<string, number>>;
}

/** An Excel date serial: a whole day count, as Excel stores a date. */
const DATE_RULE = { min: 1, max: 2_958_465 }; // 1900-01-01 to 9999-12-31

/**
 * The baseline of a plan: its projection (as PROJECT_BACKLOG computes it), dated.
 *
 * @example
 * makeBaseline({ opening: 1440, intake: 25, capacity: 1600 / 52, madeOn: 45306, firstWeek: 45292 })
 * // → ok; weeks[51].backlog === 1140
 */
export function makeBaseline(options: MakeBaselineOptions): Result<Baseline> {
  const { madeOn, firstWeek, inputs, ...plan } = options;
  const dates = checkDates(madeOn, firstWeek ?? null);
  if (!dates.ok) return dates;
  const projection = projectBacklog(plan);
  if (!projection.ok) return projection;
  return ok({
    madeOn,
    firstWeek: firstWeek ?? null,
    opening: options.opening,
    inputs: { ...inputs },
    weeks: projection.value.rows.map(({ week, intake, capacity, decisions, backlog }) => ({ week, intake, capacity, decisions, backlog })),
  });
}

function checkDates(madeOn: unknown, firstWeek: unknown): Result<true> {
  const made = checkNumber(madeOn, DATE_RULE, "baseline_date");
  if (!made.ok) return made;
  if (firstWeek !== null) {
    const first = checkNumber(firstWeek, DATE_RULE, "first_week");
    if (!first.ok) return first;
  }
  return ok(true);
}

const FIELDS = ["intake", "capacity", "decisions", "backlog"] as const;

/**
 * A baseline as read back from its sheet, checked: dates, an opening, weeks numbered 1, 2, … in
 * order, every figure a number ≥ 0. The figures are taken as stored, not recomputed: they are
 * what was promised. The first problem is the error, naming the field and week.
 */
export function checkBaseline(baseline: Baseline): Result<Baseline> {
  const dates = checkDates(baseline.madeOn, baseline.firstWeek);
  if (!dates.ok) return dates;
  const opening = checkNumber(baseline.opening, NON_NEGATIVE, "baseline_opening");
  if (!opening.ok) return opening;
  if (!Array.isArray(baseline.weeks) || baseline.weeks.length === 0) {
    return fail({ kind: "shape", argument: "baseline", message: "baseline: it holds no weeks" });
  }
  for (let t = 0; t < baseline.weeks.length; t++) {
    const row = baseline.weeks[t] as BaselineWeek;
    if (row.week !== t + 1) {
      return fail({ kind: "shape", argument: "baseline", week: t + 1, got: row.week, message: `baseline, week ${t + 1}: the weeks must run 1, 2, 3, … in order, got week ${String(row.week)}` });
    }
    for (const field of FIELDS) {
      const value = checkNumber(row[field], NON_NEGATIVE, `baseline_${field}`, { week: t + 1 });
      if (!value.ok) return value;
    }
  }
  return ok(baseline);
}

/** The baseline as a projection, so the monitoring's re-forecast and band read it like any plan. */
export function baselineProjection(baseline: Baseline): ProjectionResult {
  const rows: WeekRow[] = baseline.weeks.map((w) => {
    const lead = w.backlog / w.decisions;
    return { ...w, leadTimeWeeks: Number.isFinite(lead) ? lead : null };
  });
  const meanIntake = rows.reduce((sum, r) => sum + r.intake, 0) / rows.length;
  return { rows, capacitySource: "given", meanIntake, closingBacklog: (rows[rows.length - 1] as WeekRow).backlog };
}

export interface BaselineComparison extends PlanVsActualResult {
  /** The baseline compared against: Voortgang names its date. */
  baseline: Baseline;
}

/**
 * The actuals against the baseline that was in force: the six columns of PLAN_VS_ACTUAL, from
 * the stored weekly path.
 *
 * @example
 * compareWithBaseline(baseline, { actualIntake: [27, 22], actualDecisions: [30, 31] })
 * // → ok; weeks[1].plannedBacklog is the baseline's week 2, whatever the inputs say now
 */
export function compareWithBaseline(baseline: Baseline, actuals: ActualsInput): Result<BaselineComparison> {
  const checked = checkBaseline(baseline);
  if (!checked.ok) return checked;
  const compared = compareWithPlan(baseline.opening, baselineProjection(baseline), actuals);
  return compared.ok ? ok({ ...compared.value, baseline }) : compared;
}

/**
 * Voortgang against a baseline: the comparison, and the band, rank, status and both
 * re-forecasts (at the planned capacity and at the current pace) from the baseline's own path.
 */
export function monitorBaseline(
  baseline: Baseline,
  actuals: ActualsInput,
  options: MonitorSimulationOptions = {},
): Result<MonitorResult & { baseline: Baseline }> {
  const compared = compareWithBaseline(baseline, actuals);
  if (!compared.ok) return compared;
  const monitored = monitorComparison(compared.value, options);
  return monitored.ok ? ok({ ...monitored.value, baseline }) : monitored;
}
