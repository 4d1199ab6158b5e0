/**
 * The plan's intake from the intake history (issue 24, items 3–5). From the checked inputs: check
 * the history read with them, fit the forecast (src/engine/forecast), lay it over the plan's weeks
 * (a monthly forecast spread over the weeks by calendar days) and, when the planner gave no Intake,
 * make it the plan's intake. Its interval, the model for the Monte Carlo's intake paths and the
 * sentence saying where the intake came from go with it, for the sheets. Pure: no Office, no clock.
 *
 * The planner's own Intake wins: then the forecast is only a comparison beside it.
 */
import {
  addMonths,
  dateSerial,
  dayOfSerial,
  DEFAULT_CONFIDENCE,
  forecastIntake,
  ForecastModel,
  IntakeForecastPaths,
  isoWeekday,
  MonitorSimulationOptions,
  Month,
  monthIndex,
  monthsCovering,
  spreadMonthsOverWeeks,
} from "../engine";
import type { PlanInputs } from "../sheets/inputs";
import { HistoryPeriods, IntakeHistory, IntakeHistoryProblem, readIntakeHistory } from "../sheets/intakeHistory";
import type { Language } from "../sheets/messages";
import { describeForecastSource } from "./forecastText";
import type { OptionProblem, UncertaintyPlan } from "./options";

/** Settings from the command line or the workbook's names (src/plan/settings.ts). */
export interface ForecastSettings {
  /** 52 or 12; overrides a periods cell or field read with the inputs. */
  periodsPerYear?: HistoryPeriods;
}

/** The plan may start at most this long after the history ends (a year of weeks or months). */
export const MAX_GAP_WEEKS = 52;
export const MAX_GAP_MONTHS = 12;

/** The history with each period's first day, for the sheets' chart of history and forecast. */
export interface DatedHistory extends IntakeHistory {
  /** Excel serial of each period's first day; absent without a start date. */
  dates?: number[];
  /** Excel serial of the history's last day; absent without a start date. */
  lastDay?: number;
}

export interface PlanIntakeForecast {
  /** "plan": the plan's intake is this forecast (no Intake given); "comparison": shown beside the planner's own. */
  use: "plan" | "comparison";
  /** Per plan week: the forecast (the median outcome) and the interval's bounds. */
  weekly: number[];
  lower: number[];
  upper: number[];
  /** Share of outcomes the interval holds: 0.8, the add-in's P10–P90. */
  confidence: number;
  /** Mean of `weekly`: with the planning rule, the capacity is (1 + uplift) × this. */
  meanWeekly: number;
  history: DatedHistory;
  /** Excel serial of plan week 1: the FirstWeek given, or the week right after the history. */
  firstWeek?: number;
  /** Periods (weeks, or months for a monthly history) between the history's end and week 1. */
  gap: number;
  model: ForecastModel;
  /** For `simulateBacklog`'s `intakeForecast`: each run's intake path around this forecast. */
  paths: IntakeForecastPaths;
  /** "Where the intake came from": history span, method, season, interval; both languages. */
  source: Record<Language, string>;
}

export type IntakeForecastResult =
  | { ok: true; inputs: PlanInputs; forecast?: PlanIntakeForecast }
  | { ok: false; problem: { kind: "option"; problem: OptionProblem } | { kind: "engine"; message: string } };

/** Where plan week 1 lies after the history, and how many of the model's periods to forecast. */
interface Placement {
  firstWeek?: number;
  /** Weekly model: weeks between the history and week 1. */
  skip: number;
  /** Monthly model: the first month after the history. */
  firstMonth?: Month;
  gap: number;
  periods: number;
  lastDay?: number;
}

const refuse = (problem: IntakeHistoryProblem): IntakeForecastResult => {
  const field = problem.input;
  return { ok: false, problem: { kind: "option", problem: { kind: "intake-history", field, problem } } };
};

/** The plan's weeks as the projection takes them: the horizon, a series' length, or 52. */
function planWeeks(inputs: PlanInputs): number {
  const { intake, capacity } = inputs;
  if (inputs.weeks !== undefined) return inputs.weeks;
  if (Array.isArray(intake) && !inputs.intakeFromHistory) return intake.length;
  return Array.isArray(capacity) ? capacity.length : 52;
}

/** A weekly history: week 1 is the week after it, or `skip` weeks later when FirstWeek says so. */
function placeWeekly(history: IntakeHistory, firstWeek: number | undefined, weeks: number): Placement | IntakeHistoryProblem {
  const { start, values } = history;
  if (start === undefined) return { ...(firstWeek !== undefined && { firstWeek }), skip: 0, gap: 0, periods: weeks };
  const end = start + 7 * values.length; // the day after the history
  if (firstWeek === undefined) return { firstWeek: end, skip: 0, gap: 0, periods: weeks, lastDay: end - 1 };
  if (firstWeek < end) return { code: "first-week-inside", input: "firstWeek", got: firstWeek, detail: { lastDay: end - 1, next: end } };
  const skip = Math.round((firstWeek - end) / 7);
  if (skip > MAX_GAP_WEEKS) return { code: "gap-too-long", input: "firstWeek", got: firstWeek, detail: { lastDay: end - 1, gap: skip, max: MAX_GAP_WEEKS } };
  return { firstWeek, skip, gap: skip, periods: skip + weeks, lastDay: end - 1 };
}

/** A monthly history: week 1 starts in a month after it, by default the first Monday after it. */
function placeMonthly(history: IntakeHistory, firstWeek: number | undefined, weeks: number): Placement | IntakeHistoryProblem {
  if (history.start === undefined) return { code: "needs-start", input: "intakeHistoryStart" };
  const firstMonth = addMonths(dayOfSerial(history.start), history.values.length);
  const next = dateSerial(firstMonth.year, firstMonth.month, 1);
  const lastDay = next - 1;
  if (firstWeek !== undefined && firstWeek < next) {
    return { code: "first-week-inside", input: "firstWeek", got: firstWeek, detail: { lastDay, next } };
  }
  const week1 = firstWeek ?? next + ((8 - isoWeekday(next)) % 7);
  const gap = monthIndex(dayOfSerial(week1)) - monthIndex(firstMonth);
  if (gap > MAX_GAP_MONTHS) return { code: "gap-too-long", input: "firstWeek", got: week1, detail: { lastDay, gap, max: MAX_GAP_MONTHS, months: 1 } };
  return { firstWeek: week1, skip: 0, firstMonth, gap, periods: monthsCovering(firstMonth, week1, weeks), lastDay };
}

/** Each period's first day: every 7 days, or the first of each month. */
function periodDates(history: IntakeHistory): number[] | undefined {
  const { start, values, periodsPerYear } = history;
  if (start === undefined) return undefined;
  if (periodsPerYear === 52) return values.map((_, i) => start + 7 * i);
  const first = dayOfSerial(start);
  return values.map((_, i) => dateSerial(first.year, first.month + i, 1));
}

const isProblem = (v: unknown): v is IntakeHistoryProblem => typeof v === "object" && v !== null && "code" in v;

/**
 * The forecast over the plan's weeks and, without the planner's own Intake, the plan's inputs
 * with that intake (and, without a FirstWeek, week 1 right after the history). Without a history
 * the inputs come back as they are.
 *
 * @example
 * const planned = planIntakeForecast(inputs); // inputs.intakeHistory: 156 weeks from 2021-01-04
 * if (planned.ok) runProjection(planned.inputs); // 52 weeks of forecast intake from 2024-01-01
 */
export function planIntakeForecast(inputs: PlanInputs, settings: ForecastSettings = {}): IntakeForecastResult {
  if (inputs.intakeHistory === undefined) return { ok: true, inputs };
  const cells = settings.periodsPerYear === undefined ? inputs.intakeHistory : { ...inputs.intakeHistory, periods: settings.periodsPerYear };
  const read = readIntakeHistory(cells);
  if (!read.ok) return refuse(read.problem);
  const history = read.history;
  const weeks = planWeeks(inputs);
  const monthly = history.periodsPerYear === 12;
  const placed = monthly ? placeMonthly(history, inputs.firstWeek, weeks) : placeWeekly(history, inputs.firstWeek, weeks);
  if (isProblem(placed)) return refuse(placed);
  const fitted = forecastIntake({ history: history.values, horizon: placed.periods, periodsPerYear: history.periodsPerYear, confidence: DEFAULT_CONFIDENCE });
  if (!fitted.ok) return { ok: false, problem: { kind: "engine", message: fitted.error.message } };
  const { forecast, lower, upper, model, confidence } = fitted.value;
  const overWeeks = (monthlyValues: number[]): number[] => {
    if (!monthly) return monthlyValues.slice(placed.skip, placed.skip + weeks);
    const spread = spreadMonthsOverWeeks({ monthly: monthlyValues, firstMonth: placed.firstMonth as Month, firstWeek: placed.firstWeek as number, weeks });
    // The months were counted to cover the weeks (monthsCovering): spreading cannot fall short.
    if (!spread.ok) throw new Error(spread.error.message);
    return spread.value;
  };
  const weekly = overWeeks(forecast);
  const dates = periodDates(history);
  const result: PlanIntakeForecast = {
    use: inputs.intakeFromHistory ? "plan" : "comparison",
    weekly,
    lower: overWeeks(lower),
    upper: overWeeks(upper),
    confidence,
    meanWeekly: weekly.reduce((sum, v) => sum + v, 0) / Math.max(1, weekly.length),
    history: { ...history, ...(dates && { dates }), ...(placed.lastDay !== undefined && { lastDay: placed.lastDay }) },
    ...(placed.firstWeek !== undefined && { firstWeek: placed.firstWeek }),
    gap: placed.gap,
    model,
    paths: monthly
      ? { model, firstMonth: placed.firstMonth as Month, firstWeek: placed.firstWeek as number }
      : { model, skip: placed.skip },
    source: { nl: "", en: "" },
  };
  result.source = { nl: describeForecastSource(result, "nl"), en: describeForecastSource(result, "en") };
  if (!inputs.intakeFromHistory) return { ok: true, inputs, forecast: result };
  const planned: PlanInputs = { ...inputs, intake: weekly, weeks };
  if (planned.firstWeek === undefined && result.firstWeek !== undefined) planned.firstWeek = result.firstWeek;
  return { ok: true, inputs: planned, forecast: result };
}

/**
 * The Monte Carlo's intake with a forecast intake: each run's own path around the forecast, with
 * the forecast's uncertainty (Poisson, the default model), or the forecast exactly (Fixed). The
 * forecast's uncertainty takes the place of an intake level spread and of the overdispersed and
 * history models: giving one of those with it is refused, naming the field.
 */
export function forecastSimulation(
  forecast: PlanIntakeForecast | undefined,
  plan: UncertaintyPlan,
): { ok: true; intakeForecast?: IntakeForecastPaths } | { ok: false; problem: OptionProblem } {
  if (forecast === undefined || forecast.use !== "plan") return { ok: true };
  if ((plan.intakeLevelSpread ?? 0) > 0) return { ok: false, problem: { kind: "forecast-level-spread", field: "intakeLevelSpread" } };
  if (plan.model === "overdispersed" || plan.model === "history") {
    return { ok: false, problem: { kind: "forecast-model", field: "intakeModel", model: plan.model } };
  }
  return plan.model === "fixed" ? { ok: true } : { ok: true, intakeForecast: forecast.paths };
}

/**
 * What Voortgang's band must simulate with: with a forecast intake, the runs' paths around it, so
 * a seasonal peak inside the forecast's interval stays inside the band (`runMonitoring`'s options).
 */
export function forecastMonitoring(forecast: PlanIntakeForecast | undefined): Pick<MonitorSimulationOptions, "intakeForecast"> {
  return forecast?.use === "plan" ? { intakeForecast: forecast.paths } : {};
}
