/**
 * The intake forecast from history (issue 24): season, then level and trend, then the interval.
 *
 * 1. The season: log ratio to a centred moving average, shrunk towards none by how consistently
 *    it repeats (season.ts). Fewer than two years of history: no season.
 * 2. The seasonally adjusted history is smoothed by ETS(A,N,N), ETS(A,A,N) or ETS(A,Ad,N),
 *    whichever has the lowest AICc (smoothing.ts).
 * 3. The forecast is that model's path times the season, never below 0: the median outcome.
 * 4. The interval: the model's error growth, scaled by its own multi-step errors on the history
 *    (intervals.ts), on the log scale, so it is never negative and wider above than below.
 *
 * Deterministic (no random numbers), and a few milliseconds for ten years of weeks.
 */
import { checkNumber, ok, Result } from "../validate";
import {
  checkHistory,
  CONFIDENCE_RULE,
  DEFAULT_CONFIDENCE,
  DEFAULT_PERIODS_PER_YEAR,
  HORIZON_RULE,
  PERIODS_PER_YEAR_RULE,
} from "./rules";
import { calibrateSpread, intervalAround, spreadAt } from "./intervals";
import { adjustForSeason, applySeason, flatProfile, seasonProfile } from "./season";
import { selectSmoothing, smoothedForecast, SmoothingFit, TREND_KINDS, TrendKind, varianceGrowth, varianceGrowths } from "./smoothing";

export interface ForecastIntakeOptions {
  /** Equally spaced counts, oldest first (weeks or months). */
  history: readonly number[];
  /** Periods to forecast after the last one in the history. */
  horizon: number;
  /** 52 (weeks, the default) or 12 (months): the season's length. */
  periodsPerYear?: number;
  /** Share of outcomes the interval should hold; default 0.8 (P10 to P90). */
  confidence?: number;
  /** The trend kinds to choose from; default all three (used by the accuracy evaluation). */
  trends?: readonly TrendKind[];
  /** False forecasts without a season whatever the history (used by the accuracy evaluation). */
  season?: boolean;
}

/** Everything needed to forecast any period ahead, or to draw paths around the forecast (paths.ts). */
export interface ForecastModel {
  periodsPerYear: number;
  /** Periods in the history: forecast step h is period historyLength + h − 1 (0-based). */
  historyLength: number;
  /** `season[(historyLength + h − 1) % season.length]` multiplies step h; [1] without a season. */
  season: number[];
  /** Share of the raw seasonal pattern kept (0 = no season). */
  seasonKept: number;
  smoothing: SmoothingFit;
  /** Log-scale standard deviation of a one-step surprise, calibrated on the history. */
  spread: number;
}

export interface ForecastIntakeResult {
  /** The forecast (the median outcome) for each period after the history. */
  forecast: number[];
  lower: number[];
  upper: number[];
  confidence: number;
  model: ForecastModel;
}

/** The forecast h periods (1, 2, …) after the history: never below 0. */
export function forecastAt(model: ForecastModel, h: number): number {
  const factor = model.season[(model.historyLength + h - 1) % model.season.length] as number;
  return Math.max(0, applySeason(smoothedForecast(model.smoothing, h), factor));
}

/** The interval h periods after the history holding `confidence` of the outcomes. */
export function intervalAt(model: ForecastModel, h: number, confidence: number): { lower: number; upper: number } {
  const forecast = forecastAt(model, h);
  return intervalAround(forecast, spreadAt(model.spread, varianceGrowth(model.smoothing, h), forecast), confidence);
}

/** Fits the model: season, smoothing and spread. */
export function fitForecastModel(history: readonly number[], periodsPerYear: number, options: Pick<ForecastIntakeOptions, "trends" | "season"> = {}): ForecastModel {
  const profile = options.season === false ? flatProfile() : seasonProfile(history, periodsPerYear);
  const m = profile.factors.length;
  const adjusted = history.map((v, t) => adjustForSeason(v, profile.factors[t % m] as number));
  const block = m > 1 ? m : Math.min(10, periodsPerYear);
  const smoothing = selectSmoothing(adjusted, block, options.trends ?? TREND_KINDS);
  const spread = calibrateSpread(history, adjusted, profile.factors, smoothing, periodsPerYear);
  return {
    periodsPerYear,
    historyLength: history.length,
    season: profile.factors,
    seasonKept: profile.kept,
    smoothing,
    spread,
  };
}

/**
 * Forecasts `horizon` periods after the history, with the interval holding `confidence` of the
 * outcomes; input errors come back as values, naming the argument.
 *
 * @example
 * forecastIntake({ history: Array(104).fill(25), horizon: 52 }) // → ok; forecast: 52 × 25
 */
export function forecastIntake(options: ForecastIntakeOptions): Result<ForecastIntakeResult> {
  const history = checkHistory(options.history);
  if (!history.ok) return history;
  const horizon = checkNumber(options.horizon, HORIZON_RULE, "horizon");
  if (!horizon.ok) return horizon;
  const periods = checkNumber(options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR, PERIODS_PER_YEAR_RULE, "periods_per_year");
  if (!periods.ok) return periods;
  const confidence = checkNumber(options.confidence ?? DEFAULT_CONFIDENCE, CONFIDENCE_RULE, "confidence");
  if (!confidence.ok) return confidence;
  const model = fitForecastModel(history.value, periods.value, options);
  const forecast: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const growth = varianceGrowths(model.smoothing, horizon.value); // one pass, not one per horizon
  for (let h = 1; h <= horizon.value; h++) {
    const f = forecastAt(model, h);
    const interval = intervalAround(f, spreadAt(model.spread, growth[h - 1] as number, f), confidence.value);
    forecast.push(f);
    lower.push(interval.lower);
    upper.push(interval.upper);
  }
  return ok({ forecast, lower, upper, confidence: confidence.value, model });
}
