/**
 * The intake forecast (issue 24): forecastIntake.ts (the entry point: season, smoothing,
 * interval), paths.ts (intake paths around it for the Monte Carlo), weeks.ts (a monthly forecast
 * spread over weeks by calendar days), calendar.ts (Excel serials without a clock), rules.ts
 * (what may be asked). The method and its measured accuracy: docs/forecast.md.
 */
export {
  CONFIDENCE_RULE,
  DEFAULT_CONFIDENCE,
  DEFAULT_PERIODS_PER_YEAR,
  HISTORY_RULE,
  HORIZON_RULE,
  MAX_HISTORY,
  MIN_HISTORY,
  PERIODS_PER_YEAR_RULE,
  checkHistory,
} from "./rules";
export { fitForecastModel, forecastAt, forecastIntake, intervalAt } from "./forecastIntake";
export type { ForecastIntakeOptions, ForecastIntakeResult, ForecastModel } from "./forecastIntake";
export type { SmoothingFit, TrendKind } from "./smoothing";
export { IntakePaths, weeklyIntakePaths } from "./paths";
export type { IntakePathOptions, WeeklyIntakePathOptions } from "./paths";
export { checkWeeksInMonths, monthsCovering, spreadMonthsOverWeeks, weekShares } from "./weeks";
export type { SpreadOverWeeksOptions } from "./weeks";
export { addMonths, dateSerial, dayOfSerial, daysInMonth, isoWeekday, monthIndex, monthLabel } from "./calendar";
export type { Month } from "./calendar";
export { drawPoisson } from "./poisson";
