/**
 * Exponential smoothing of the seasonally adjusted intake: the state-space models ETS(A,N,N)
 * (a level), ETS(A,A,N) (level and trend) and ETS(A,Ad,N) (level and a trend that dies out),
 * fitted by least squares (their maximum likelihood) and compared by AICc (Hyndman et al.,
 * Forecasting with Exponential Smoothing, 2008). Errors are additive: fitted on the real series,
 * multiplicative errors let the big 2015 swings pick trends that then overshot.
 */
import { minimise } from "./nelderMead";

export type TrendKind = "none" | "linear" | "damped";
export const TREND_KINDS: readonly TrendKind[] = ["none", "linear", "damped"];

/** A fitted model: its smoothing parameters and its state at the end of the history. */
export interface SmoothingFit {
  trend: TrendKind;
  /** How much of each surprise moves the level (0 to 1). */
  alpha: number;
  /** How much of each surprise moves the trend (0 to alpha); 0 without a trend. */
  beta: number;
  /** Damping per period (0.8 to 0.98) of a damped trend; 1 otherwise. */
  phi: number;
  /** Level and trend before the first period (fitted). */
  initialLevel: number;
  initialSlope: number;
  /** Level and trend after the last period: the forecast starts from these. */
  level: number;
  slope: number;
  /** Mean squared one-step error. */
  variance: number;
  /** Fitted values: parameters + 1 for the error variance. */
  parameters: number;
  aicc: number;
}

const PHI_MIN = 0.8;
const PHI_MAX = 0.98;
const BOUND = 1e-4;
const STARTING_ALPHAS = [0.2, 0.7];
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (p: number): number => Math.log(p / (1 - p));

/** Values fitted per trend kind: alpha, level (+ beta, slope) (+ phi). */
const FREE: Record<TrendKind, number> = { none: 2, linear: 4, damped: 5 };

/** The parameters the model needs, from the optimiser's unbounded coordinates. */
interface Parameters {
  alpha: number;
  beta: number;
  phi: number;
  initialLevel: number;
  initialSlope: number;
}

/** Runs the model through the series; returns the sum of squared one-step errors and the final state. */
export function runSmoothing(
  series: readonly number[],
  p: Parameters,
  onStep?: (t: number, level: number, slope: number) => void,
): { sse: number; level: number; slope: number } {
  let level = p.initialLevel;
  let slope = p.initialSlope;
  let sse = 0;
  for (let t = 0; t < series.length; t++) {
    const expected = level + p.phi * slope;
    const error = (series[t] as number) - expected;
    sse += error * error;
    level = expected + p.alpha * error;
    slope = p.phi * slope + p.beta * error;
    onStep?.(t, level, slope);
  }
  return { sse, level, slope };
}

/**
 * Starting values: the first periods' mean as the level (a straight line through them for a
 * trend: its value before the first period, and its slope), and the series' spread as the scale.
 */
function startingState(series: readonly number[], block: number, trend: boolean): { level: number; slope: number; scale: number } {
  const n = series.length;
  const k = Math.max(2, Math.min(block, n));
  const first = series.slice(0, k);
  const meanT = (k + 1) / 2;
  const meanY = first.reduce((a, v) => a + v, 0) / k;
  let cov = 0;
  let varT = 0;
  first.forEach((v, i) => {
    cov += (i + 1 - meanT) * (v - meanY);
    varT += (i + 1 - meanT) ** 2;
  });
  const slope = trend ? cov / varT : 0;
  const all = series.reduce((a, v) => a + v, 0) / n;
  const spread = Math.sqrt(series.reduce((a, v) => a + (v - all) ** 2, 0) / n);
  return { level: meanY - slope * meanT, slope, scale: Math.max(spread, 1e-6 * (Math.abs(all) + 1)) };
}

/**
 * Fits one trend kind by least squares; `block` is how many of the first periods give the
 * starting level and slope (a season, or 10).
 */
export function fitSmoothing(series: readonly number[], trend: TrendKind, block: number): SmoothingFit {
  const start = startingState(series, block, trend !== "none");
  const decode = (x: readonly number[]): Parameters => {
    const alpha = BOUND + (1 - 2 * BOUND) * logistic(x[0] as number);
    return {
      alpha,
      beta: trend === "none" ? 0 : alpha * (BOUND + (1 - 2 * BOUND) * logistic(x[2] as number)),
      phi: trend === "damped" ? PHI_MIN + (PHI_MAX - PHI_MIN) * logistic(x[4] as number) : 1,
      initialLevel: start.level + (x[1] as number) * start.scale,
      initialSlope: trend === "none" ? 0 : start.slope + ((x[3] as number) * start.scale) / 10,
    };
  };
  const free = FREE[trend];
  const steps = [1, 0.5, 1, 0.5, 1].slice(0, free);
  const sse = (x: readonly number[]): number => runSmoothing(series, decode(x)).sse;
  // Two starts, a slow and a fast level, then a second search from the better one's answer:
  // the simplex can stall on a ridge or settle for fast smoothing that tracks a damped trend.
  const starts = STARTING_ALPHAS.map((a) => minimise(sse, [logit(a), 0, logit(0.1), 0, 0].slice(0, free), steps));
  const first = starts.reduce((a, b) => (b.value < a.value ? b : a));
  const best = minimise(sse, first.x, steps);
  const p = decode(best.x);
  const end = runSmoothing(series, p);
  return { trend, ...p, level: end.level, slope: end.slope, ...criterion(end.sse, series.length, free + 1, start.scale) };
}

/**
 * AICc of a least-squares fit with k estimated values. The variance has a floor far below any
 * real series' (a standard deviation of 1e-12 of the series' spread), so exact fits compare by
 * their number of values.
 */
function criterion(sse: number, n: number, k: number, scale: number): { variance: number; parameters: number; aicc: number } {
  const variance = Math.max(sse / n, 1e-24 * scale * scale);
  const minusTwoLogLikelihood = n * (Math.log(2 * Math.PI * variance) + 1);
  const aicc = minusTwoLogLikelihood + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  return { variance: sse / n, parameters: k, aicc };
}

/** The trend kinds a history of n periods can support: n − k − 1 ≥ 2 keeps AICc meaningful. */
export function trendKindsFor(n: number): TrendKind[] {
  return TREND_KINDS.filter((kind) => n - (FREE[kind] + 1) - 1 >= 2);
}

/**
 * Fits every trend kind the history supports and keeps the one with the lowest AICc (on a tie,
 * the simpler one).
 *
 * @example
 * selectSmoothing([10, 12, 14, 16, 18, 20, 22, 24, 26, 28], 10).trend // "linear"
 */
export function selectSmoothing(series: readonly number[], block: number, kinds: readonly TrendKind[] = TREND_KINDS): SmoothingFit {
  const allowed = kinds.filter((kind) => trendKindsFor(series.length).includes(kind));
  const fits = (allowed.length > 0 ? allowed : ["none" as const]).map((kind) => fitSmoothing(series, kind, block));
  return fits.reduce((best, fit) => (fit.aicc < best.aicc ? fit : best));
}

/** The sum φ + φ² + … + φ^h: how far the trend carries after h periods. */
export function trendReach(phi: number, h: number): number {
  if (phi === 1) return h;
  return (phi * (1 - phi ** h)) / (1 - phi);
}

/** The seasonally adjusted forecast h periods after the history (h ≥ 1). */
export function smoothedForecast(fit: SmoothingFit, h: number): number {
  return fit.level + trendReach(fit.phi, h) * fit.slope;
}

/**
 * How much wider the forecast error is h periods ahead than one ahead, as a variance ratio:
 * 1 + Σ_{j<h} (α + β·(φ + … + φ^j))². The level and trend errors a surprise leaves behind persist.
 */
export function varianceGrowth(fit: Pick<SmoothingFit, "alpha" | "beta" | "phi">, h: number): number {
  return varianceGrowths(fit, h)[h - 1] as number;
}

/** varianceGrowth for h = 1 … horizon at once, in one pass (`[h − 1]` is horizon h). */
export function varianceGrowths(fit: Pick<SmoothingFit, "alpha" | "beta" | "phi">, horizon: number): Float64Array {
  const growth = new Float64Array(Math.max(0, horizon));
  let sum = 1;
  for (let h = 1; h <= horizon; h++) {
    growth[h - 1] = sum;
    const c = fit.alpha + fit.beta * trendReach(fit.phi, h);
    sum += c * c;
  }
  return growth;
}
