/**
 * The rolling-origin protocol of issue 24: per series and window, 24 consecutive monthly origins
 * ending at the last origin that still has 12 months after it; each origin forecasts the next 12
 * months from the history up to it only. Window B cuts every series at 2019-12; window A keeps
 * everything (so it includes 2020). Errors: the monthly MAE and the MAE of the 12-month total.
 */
import { monthsBetween, MonthlySeries } from "./data";

export const HORIZON = 12;
export const ORIGINS = 24;

export interface Window {
  name: "A" | "B";
  /** Last month kept, or null for the whole series. */
  cutAt: string | null;
}

export const WINDOWS: readonly Window[] = [
  { name: "A", cutAt: null },
  { name: "B", cutAt: "2019-12" },
];

/** The months a window keeps of a series. */
export function cutSeries(series: MonthlySeries, window: Window): number[] {
  if (window.cutAt === null) return series.values;
  return series.values.slice(0, monthsBetween(series.start, window.cutAt) + 1);
}

/**
 * The origins of a series of `length` months, as history lengths: origin o forecasts months
 * o … o + 11 (0-based) from months 0 … o − 1. The last one leaves exactly 12 months after it.
 * @example originsOf(144) // [109, 110, …, 132]
 */
export function originsOf(length: number, origins = ORIGINS, horizon = HORIZON): number[] {
  const last = length - horizon;
  return Array.from({ length: origins }, (_, i) => last - origins + 1 + i);
}

/** One method's forecasts for one series and window: `forecasts[i]` for origin i, 12 values. */
export interface Scored {
  monthlyMae: number;
  totalMae: number;
}

/** Monthly MAE and 12-month-total MAE of the forecasts against the actuals. */
export function score(values: readonly number[], origins: readonly number[], forecasts: readonly (readonly number[])[]): Scored {
  let monthly = 0;
  let total = 0;
  origins.forEach((origin, i) => {
    const forecast = forecasts[i] as readonly number[];
    let sumForecast = 0;
    let sumActual = 0;
    for (let h = 0; h < HORIZON; h++) {
      const actual = values[origin + h] as number;
      const f = forecast[h] as number;
      monthly += Math.abs(f - actual);
      sumForecast += f;
      sumActual += actual;
    }
    total += Math.abs(sumForecast - sumActual);
  });
  return { monthlyMae: monthly / (origins.length * HORIZON), totalMae: total / origins.length };
}

/** Share of actuals inside [lower, upper], with the counts. */
export function coverage(
  values: readonly number[],
  origins: readonly number[],
  lower: readonly (readonly number[])[],
  upper: readonly (readonly number[])[],
): { inside: number; count: number } {
  let inside = 0;
  origins.forEach((origin, i) => {
    for (let h = 0; h < HORIZON; h++) {
      const actual = values[origin + h] as number;
      if (actual >= (lower[i]?.[h] as number) && actual <= (upper[i]?.[h] as number)) inside++;
    }
  });
  return { inside, count: origins.length * HORIZON };
}

/** Geometric mean of positive numbers. */
export function geometricMean(values: readonly number[]): number {
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

/**
 * The geometric mean over series of a method's error ÷ the best error of the reference methods
 * on that series (the best with hindsight).
 * @example ratioToBest([10, 20], [[10, 12], [25, 40]]) // √(1 × 0.8) ≈ 0.894
 */
export function ratioToBest(method: readonly number[], references: readonly (readonly number[])[]): number {
  return geometricMean(method.map((m, s) => m / Math.min(...(references[s] as number[]))));
}

/** The flat mean of the last 12 months, for every month ahead. */
export function flatMean(history: readonly number[]): number[] {
  const last = history.slice(-12);
  const mean = last.reduce((a, b) => a + b, 0) / last.length;
  return Array.from({ length: HORIZON }, () => mean);
}

/** Same month last year: month o + h forecast by month o + h − 12. */
export function sameMonthLastYear(history: readonly number[]): number[] {
  const n = history.length;
  return Array.from({ length: HORIZON }, (_, h) => history[n - 12 + h] as number);
}
