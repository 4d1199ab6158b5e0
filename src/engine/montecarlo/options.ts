/**
 * What a Monte Carlo simulation may be asked, its limits, and the checks that turn the caller's
 * options into a validated plan for the simulation (`preparePlan`).
 */
import type { Month } from "../forecast/calendar";
import type { ForecastModel } from "../forecast/forecastIntake";
import { checkWeeksInMonths } from "../forecast/weeks";
import { projectBacklog, ProjectBacklogOptions } from "../project";
import { checkNumber, checkSeries, fail, MAX_WEEKS, NON_NEGATIVE, NumberRule, ok, Result } from "../validate";

/** Runs when nothing else is asked: the standard error of a percentage is then at most 0.5 point. */
export const DEFAULT_RUNS = 10_000;
/** The fixed seed the custom functions use, so a workbook shows the same figures on every open. */
export const DEFAULT_SEED = 2024;
export const DEFAULT_PERCENTILES: readonly number[] = [0.1, 0.5, 0.9];
export const RUNS_RULE: NumberRule = { min: 100, max: 1_000_000, integer: true };
export const PERCENTILE_RULE: NumberRule = { min: 0, max: 1 };
/** Seeds are 32-bit: every whole number in this range gives a different generator. */
export const SEED_RULE: NumberRule = { min: 0, max: 4_294_967_295, integer: true };
/** Variance ÷ mean of the weekly intake; 1 is Poisson. */
export const DISPERSION_RULE: NumberRule = { min: 1, max: 1000 };
/** Coefficient of variation of the capacity factor; 0.1 = typically within ±10% of plan. */
export const CAPACITY_SPREAD_RULE: NumberRule = { min: 0, max: 1 };
/** Coefficient of variation of a run's intake level; 0.1 = a year's intake typically within ±10%. */
export const INTAKE_LEVEL_SPREAD_RULE: NumberRule = { min: 0, max: 1 };
export const MAX_PERCENTILES = 100;
/**
 * Largest weekly intake a random model accepts (a Poisson or negative binomial mean, or a history
 * figure): count tables stay a few MB and no sum of backlogs can overflow.
 */
export const MAX_RANDOM_INTAKE = 1_000_000;
/**
 * Upper bound on runs × weeks, so one call cannot freeze Excel for minutes: a few seconds at the
 * measured speed (`npm run bench`). 100,000 runs × 520 weeks and 1,000,000 runs × 100 weeks fit.
 */
export const MAX_PATH_WEEKS = 100_000_000;

/** How weekly intake varies around the given figures. */
export type IntakeModel =
  /** Poisson arrivals around each week's intake: variance = mean. The default. */
  | { kind: "poisson" }
  /** Negative binomial: variance = dispersion × mean (dispersion > 1 is extra spread). */
  | { kind: "overdispersed"; dispersion: number }
  /** Bootstrap: each week's intake is one of these historical weekly figures, drawn with replacement. */
  | { kind: "history"; history: readonly number[] }
  /** No noise: intake exactly as given (with capacity spread 0, every run equals the plan). */
  | { kind: "fixed" };

/**
 * Intake drawn around a forecast from history (issue 24, item 4): each run follows its own intake
 * path from the fitted model (forecast/paths.ts), whose level and trend errors persist over the
 * weeks, with a Poisson count around it every week. The plan's `intake` is that forecast.
 */
export interface IntakeForecastPaths {
  /** The fitted model (`fitForecastModel`). */
  model: ForecastModel;
  /** A weekly model: weeks between the history's end and week 1 (drawn and let go); default 0. */
  skip?: number;
  /** A monthly model: the first month after the history, and week 1's first day (an Excel serial). */
  firstMonth?: Month;
  firstWeek?: number;
}

export interface SimulateBacklogOptions extends ProjectBacklogOptions {
  /** Number of simulated runs (100 to 1,000,000); default 10,000. */
  runs?: number;
  /** Percentiles in [0, 1] reported for every week; default 0.1, 0.5, 0.9. May be empty. */
  percentiles?: readonly number[];
  /** Default Poisson. */
  intakeModel?: IntakeModel;
  /** Delivered capacity = planned × a lognormal factor with mean 1 and this CV; default 0 (fixed). */
  capacitySpread?: number;
  /**
   * Uncertainty in the intake *level*: each run draws its own factor L (lognormal, mean 1, this
   * CV) and its weekly intake is L × the weekly figure, noise included. Default 0 (no level
   * uncertainty). The memo's yearly intake moved by −280 and −140, far more than weekly noise.
   */
  intakeLevelSpread?: number;
  /**
   * Draws each run's intake path around a forecast from history, with the forecast's own
   * uncertainty, instead of Poisson around the fixed weekly figures. Takes the place of
   * `intakeLevelSpread` (giving both is refused); the intake model must be Poisson (the default).
   */
  intakeForecast?: IntakeForecastPaths;
  /** Backlog to reach; enables `target` in the result. */
  target?: number;
  /** Week at which the chance of being at or below target is measured; default the last week. */
  targetWeek?: number;
}

/** Validated, expanded inputs for the simulation. */
export interface SimulationPlan {
  opening: number;
  weeks: number;
  runs: number;
  intake: Float64Array;
  capacity: Float64Array;
  /** The deterministic projection: the backlog at the end of each week. */
  plan: Float64Array;
  percentiles: number[];
  model: IntakeModel;
  spread: number;
  levelSpread: number;
  /** The forecast to draw intake paths around, when asked. */
  forecast: IntakeForecastPaths | undefined;
  target: number | undefined;
  targetWeek: number;
}

/**
 * Checks every option and expands intake and capacity to one figure per week. The first problem
 * found is the error, naming the argument (and week).
 *
 * @example
 * preparePlan({ opening: 1440, intake: 25, capacity: 30, weeks: 52, runs: 1000 })
 * // → ok({ weeks: 52, runs: 1000, percentiles: [0.1, 0.5, 0.9], model: { kind: "poisson" }, … })
 */
export function preparePlan(options: SimulateBacklogOptions): Result<SimulationPlan> {
  const projection = projectBacklog(options);
  if (!projection.ok) return projection;
  const rows = projection.value.rows;
  const weeks = rows.length;
  const runs = checkRuns(options.runs ?? DEFAULT_RUNS, weeks);
  if (!runs.ok) return runs;
  const percentiles = checkPercentiles(options.percentiles ?? DEFAULT_PERCENTILES);
  if (!percentiles.ok) return percentiles;
  const model = checkModel(options.intakeModel ?? { kind: "poisson" });
  if (!model.ok) return model;
  const spread = checkNumber(options.capacitySpread ?? 0, CAPACITY_SPREAD_RULE, "capacity_spread");
  if (!spread.ok) return spread;
  const levelSpread = checkNumber(options.intakeLevelSpread ?? 0, INTAKE_LEVEL_SPREAD_RULE, "intake_level_spread");
  if (!levelSpread.ok) return levelSpread;
  const forecast = checkForecast(options.intakeForecast, model.value, levelSpread.value, weeks);
  if (!forecast.ok) return forecast;
  let target: number | undefined;
  if (options.target !== undefined) {
    const checked = checkNumber(options.target, NON_NEGATIVE, "target");
    if (!checked.ok) return checked;
    target = checked.value;
  }
  const targetWeek = checkNumber(options.targetWeek ?? weeks, { min: 1, max: weeks, integer: true }, "target_week");
  if (!targetWeek.ok) return targetWeek;

  const random = model.value.kind === "poisson" || model.value.kind === "overdispersed" || forecast.value !== undefined;
  const intake = new Float64Array(weeks);
  const capacity = new Float64Array(weeks);
  const plan = new Float64Array(weeks);
  for (let t = 0; t < weeks; t++) {
    const row = rows[t] as (typeof rows)[number];
    if (random && row.intake > MAX_RANDOM_INTAKE) {
      return fail({
        kind: "range",
        argument: "intake",
        week: t + 1,
        got: row.intake,
        message: `intake, week ${t + 1}: expected at most ${MAX_RANDOM_INTAKE.toLocaleString("en-US")} a week for a random intake, got ${row.intake}`,
      });
    }
    intake[t] = row.intake;
    capacity[t] = row.capacity;
    plan[t] = row.backlog;
  }
  const checked = {
    runs: runs.value,
    percentiles: percentiles.value,
    model: model.value,
    spread: spread.value,
    levelSpread: levelSpread.value,
    forecast: forecast.value,
  };
  return ok({ opening: options.opening, weeks, ...checked, intake, capacity, plan, target, targetWeek: targetWeek.value });
}

/**
 * The forecast to draw around: with the Poisson model only (its paths draw their own counts), not
 * with an intake level spread (the forecast's uncertainty takes its place), and a monthly model
 * with the dates that place its months over the weeks.
 */
function checkForecast(
  forecast: IntakeForecastPaths | undefined,
  model: IntakeModel,
  levelSpread: number,
  weeks: number,
): Result<IntakeForecastPaths | undefined> {
  if (forecast === undefined) return ok(undefined);
  if (model.kind !== "poisson") {
    return fail({
      kind: "type",
      argument: "intake_model",
      got: model.kind,
      message: `intake_model: the forecast's paths draw their own counts; the intake model must be poisson with intake_forecast, got ${model.kind}`,
    });
  }
  if (levelSpread > 0) {
    return fail({
      kind: "range",
      argument: "intake_level_spread",
      got: levelSpread,
      message: "intake_level_spread: the forecast's own uncertainty takes the place of the intake level spread; give one or the other",
    });
  }
  const skip = checkNumber(forecast.skip ?? 0, { min: 0, max: MAX_WEEKS, integer: true }, "skip");
  if (!skip.ok) return skip;
  if (forecast.model.periodsPerYear === 12) {
    if (forecast.firstMonth === undefined || forecast.firstWeek === undefined) {
      const message = "first_week: a monthly forecast is spread over weeks from its first month and the first week's date; give both";
      return fail({ kind: "shape", argument: "first_week", message });
    }
    const placed = checkWeeksInMonths(forecast.firstMonth, forecast.firstWeek, weeks);
    if (!placed.ok) return placed;
  }
  return ok({ ...forecast, skip: skip.value });
}

/** Runs within RUNS_RULE, and runs × weeks within MAX_PATH_WEEKS. */
function checkRuns(value: number, weeks: number): Result<number> {
  const runs = checkNumber(value, RUNS_RULE, "runs");
  if (!runs.ok || runs.value * weeks <= MAX_PATH_WEEKS) return runs;
  return fail({
    kind: "range",
    argument: "runs",
    got: runs.value,
    message: `runs: ${runs.value.toLocaleString("en-US")} runs × ${weeks} weeks is more than ${MAX_PATH_WEEKS.toLocaleString("en-US")} simulated weeks; use fewer runs or weeks`,
  });
}

function checkPercentiles(values: readonly number[]): Result<number[]> {
  if (!Array.isArray(values)) {
    return fail({
      kind: "type",
      argument: "percentiles",
      got: values,
      message: "percentiles: expected a list of numbers from 0 to 1",
    });
  }
  if (values.length > MAX_PERCENTILES) {
    return fail({
      kind: "shape",
      argument: "percentiles",
      message: `percentiles: at most ${MAX_PERCENTILES} percentiles, got ${values.length}`,
    });
  }
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const checked = checkNumber(values[i], PERCENTILE_RULE, "percentiles");
    if (!checked.ok) {
      const error = checked.error;
      return fail({ ...error, message: `percentiles, value ${i + 1}${error.message.slice("percentiles".length)}` });
    }
    out.push(checked.value);
  }
  return ok(out);
}

function checkModel(model: IntakeModel): Result<IntakeModel> {
  switch (model.kind) {
    case "poisson":
    case "fixed":
      return ok({ kind: model.kind });
    case "overdispersed": {
      const dispersion = checkNumber(model.dispersion, DISPERSION_RULE, "dispersion");
      return dispersion.ok ? ok({ kind: "overdispersed", dispersion: dispersion.value }) : dispersion;
    }
    case "history": {
      const history = checkSeries(model.history, { min: 0, max: MAX_RANDOM_INTAKE }, "history");
      if (!history.ok) return history;
      return ok({ kind: "history", history: typeof history.value === "number" ? [history.value] : history.value });
    }
    default:
      return fail({
        kind: "type",
        argument: "intake_model",
        got: (model as { kind?: unknown }).kind,
        message: `intake_model: expected poisson, overdispersed, history or fixed, got ${String((model as { kind?: unknown }).kind)}`,
      });
  }
}
