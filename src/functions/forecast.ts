/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * =IND.FORECAST_INTAKE: the intake forecast from history, with trend, season and an interval
 * (issue 24; the method and its measured accuracy are in docs/forecast.md). Same pattern as
 * functions.ts: convert the arguments (args.ts), call the engine, unwrap + run. The JSDoc is the
 * metadata.
 */
import { forecastIntake } from "../engine/forecast/forecastIntake";
import { readArguments, run, unwrap } from "./args";
import { FORECAST_FUNCTIONS } from "./declarations";

const { FORECAST_INTAKE: DECLARATION } = FORECAST_FUNCTIONS;

/**
 * Forecasts intake from its history, with trend and season, and spills one row per period after the history with three columns: the forecast (the middle outcome), the lower and the upper bound of the interval. Never below 0.
 * @customfunction FORECAST_INTAKE
 * @helpurl https://localhost:3000/functions.html#forecast_intake
 * @param {any[][]} history Weekly or monthly intake, oldest first, no blank cells: one column or one row of at least 6 numbers.
 * @param {any} horizon Periods to forecast after the history (1 to 10,000), e.g. 52.
 * @param {any[][]} [periods_per_year] 52 for weeks (the default) or 12 for months: the length of the season.
 * @param {any[][]} [confidence] Share of outcomes inside the interval, 0.5 to 0.99; default 0.8 (P10 to P90).
 * @returns {number[][]} One row per period: forecast, lower bound, upper bound.
 */
export function FORECAST_INTAKE(history: any[][], horizon: any, periods_per_year?: any[][], confidence?: any[][]): number[][] {
  return run(DECLARATION, () => {
    const args = readArguments(DECLARATION, [history, horizon, periods_per_year, confidence]);
    const result = unwrap(
      forecastIntake({
        history: args.history,
        horizon: args.horizon,
        ...(args.periods_per_year !== undefined && { periodsPerYear: args.periods_per_year }),
        ...(args.confidence !== undefined && { confidence: args.confidence }),
      }),
    );
    return result.forecast.map((forecast, i) => [forecast, result.lower[i] as number, result.upper[i] as number]);
  });
}
