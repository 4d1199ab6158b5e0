/**
 * How uncertain the forecast is, measured on the history itself: the fitted model forecasts
 * 1 to one season ahead from every period after the first season (or third of the history), and
 * the spread of those errors on the log scale, each divided by the model's own growth for its
 * horizon, sets the width. The median absolute error is used (× 1.4826, a normal's σ), so that
 * one surge such as 2015's widens the interval without dominating it. On the real series the
 * 80% interval held 82–86% of the months it had not seen (docs/forecast.md).
 */
import { normalQuantile } from "../random";
import { applySeason, logCount } from "./season";
import { runSmoothing, SmoothingFit, trendReach, varianceGrowths } from "./smoothing";

/** The scale factor from a normal's median absolute deviation to its standard deviation. */
const MAD_TO_SD = 1.4826;

/**
 * The log-scale standard deviation of a one-step surprise, calibrated on the model's own
 * multi-step errors over the history (`adjusted` is the seasonally adjusted history, `factors`
 * the season by period position).
 */
export function calibrateSpread(
  history: readonly number[],
  adjusted: readonly number[],
  factors: readonly number[],
  fit: SmoothingFit,
  periodsPerYear: number,
): number {
  const n = history.length;
  const levels = new Float64Array(n);
  const slopes = new Float64Array(n);
  runSmoothing(adjusted, fit, (t, level, slope) => {
    levels[t] = level;
    slopes[t] = slope;
  });
  const burnIn = Math.max(1, Math.min(periodsPerYear, Math.floor(n / 3)));
  const reach = Math.max(1, Math.min(periodsPerYear, n - burnIn - 1));
  // Per horizon, computed once: the trend's reach and 1 / the error growth's square root.
  const reaches = Float64Array.from({ length: reach + 1 }, (_, h) => trendReach(fit.phi, h));
  const growth = varianceGrowths(fit, reach);
  const inverseGrowth = Float64Array.from({ length: reach + 1 }, (_, h) => (h === 0 ? 0 : 1 / Math.sqrt(growth[h - 1] as number)));
  const actual = Float64Array.from(history, logCount);
  const m = factors.length;
  const standardised: number[] = [];
  for (let t = burnIn - 1; t < n - 1; t++) {
    const level = levels[t] as number;
    const slope = slopes[t] as number;
    for (let h = 1; h <= reach && t + h < n; h++) {
      const expected = applySeason(level + (reaches[h] as number) * slope, factors[(t + h) % m] as number);
      const error = (actual[t + h] as number) - logCount(Math.max(0, expected));
      standardised.push(Math.abs(error) * (inverseGrowth[h] as number));
    }
  }
  return MAD_TO_SD * median(Float64Array.from(standardised));
}

function median(values: Float64Array): number {
  if (values.length === 0) return 0;
  const sorted = values.sort(); // a typed array sorts by value
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The log-scale standard deviation at a horizon whose variance growth is `growth`
 * (smoothing.ts): the calibrated spread grown by the model, and never less than Poisson noise
 * around the forecast (counts vary at least that much).
 */
export function spreadAt(spread: number, growth: number, forecast: number): number {
  const poisson = forecast / (forecast + 1) ** 2; // Var(log(Y + 1)) for Y ~ Poisson(forecast), to first order
  return Math.sqrt(Math.max(spread * spread * growth, poisson));
}

/**
 * The central interval holding `confidence` of the outcomes around a forecast (its median), for
 * a log-scale standard deviation: never below 0.
 *
 * @example
 * intervalAround(100, 0.2, 0.8) // ≈ { lower: 77.2, upper: 129.5 }
 */
export function intervalAround(forecast: number, sd: number, confidence: number): { lower: number; upper: number } {
  const z = normalQuantile((1 + confidence) / 2);
  const shifted = forecast + 1;
  return { lower: Math.max(0, shifted * Math.exp(-z * sd) - 1), upper: shifted * Math.exp(z * sd) - 1 };
}
