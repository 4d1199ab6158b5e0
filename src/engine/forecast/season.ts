/**
 * The season of an intake history: how much each period of the year lies above or below the
 * year's level, as a factor (1.2 = 20% above). Estimated on the log scale by ratio to a centred
 * moving average (classical decomposition), with the average's ends carried on along its trend so
 * that the latest months count too; then shrunk towards "no season" (James–Stein) by how
 * consistent the pattern is from year to year. A season that does not repeat is shrunk away
 * rather than forecast: on the real series that decided more than the choice of model did.
 */

/** Counts as logs; +1 so that a period with no intake stays finite. */
export const logCount = (value: number): number => Math.log(value + 1);

/**
 * The season is a factor on count + 1 (the scale it is estimated on), so that a pure season is
 * reproduced exactly: adjusting divides, forecasting multiplies back.
 */
export const adjustForSeason = (value: number, factor: number): number => (value + 1) / factor - 1;
export const applySeason = (adjusted: number, factor: number): number => (adjusted + 1) * factor - 1;

export interface SeasonProfile {
  /** Season length (periods per year); 1 when there is no season. */
  length: number;
  /** `factors[t % length]`: the season of period t (0-based from the first period of the history), a factor on count + 1. */
  factors: number[];
  /** How much of the raw pattern was kept: 1 = all of it, 0 = none (no season). */
  kept: number;
}

/** No season: every factor 1. */
export function flatProfile(): SeasonProfile {
  return { length: 1, factors: [1], kept: 0 };
}

/**
 * The centred moving average over one season of the logs: a 2×m average for an even m, an m
 * average for an odd one. Before the first and after the last full window it goes on in a
 * straight line along its slope over the nearest season.
 */
export function centredAverage(logs: readonly number[], m: number): number[] {
  const n = logs.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const average = new Array<number>(n).fill(0);
  const first = half;
  const last = n - half - 1;
  for (let t = first; t <= last; t++) {
    let sum = 0;
    for (let k = -half; k <= half; k++) {
      const weight = even && (k === -half || k === half) ? 0.5 : 1;
      sum += weight * (logs[t + k] as number);
    }
    average[t] = sum / m;
  }
  const slopeAtStart = first + m <= last ? ((average[first + m] as number) - (average[first] as number)) / m : 0;
  const slopeAtEnd = last - m >= first ? ((average[last] as number) - (average[last - m] as number)) / m : 0;
  for (let t = 0; t < first; t++) average[t] = (average[first] as number) - slopeAtStart * (first - t);
  for (let t = last + 1; t < n; t++) average[t] = (average[last] as number) + slopeAtEnd * (t - last);
  return average;
}

/**
 * The season of `history` with `m` periods a year, or no season when the history is shorter
 * than two years (one year cannot tell a season from a one-off) or m is 1.
 *
 * @example
 * seasonProfile([10, 20, 10, 20, 10, 20, 10, 20], 2).factors // ≈ [0.7, 1.4]: every second period twice the first
 */
export function seasonProfile(history: readonly number[], m: number): SeasonProfile {
  if (m < 2 || history.length < 2 * m) return flatProfile();
  const logs = history.map(logCount);
  const average = centredAverage(logs, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  logs.forEach((v, t) => {
    sums[t % m] = (sums[t % m] as number) + v - (average[t] as number);
    counts[t % m] = (counts[t % m] as number) + 1;
  });
  const means = sums.map((s, j) => s / (counts[j] as number));
  const centre = means.reduce((a, b) => a + b, 0) / m;
  const pattern = means.map((v) => v - centre);
  const kept = keptShare(logs, average, means, counts, pattern);
  return { length: m, factors: pattern.map((v) => Math.exp(kept * v)), kept };
}

/**
 * The James–Stein share of the pattern to keep: 1 − (m − 3)·se² / Σ pattern², never below 0,
 * where se² is the variance of one period's mean from the spread between years.
 */
function keptShare(
  logs: readonly number[],
  average: readonly number[],
  means: readonly number[],
  counts: readonly number[],
  pattern: readonly number[],
): number {
  const m = means.length;
  let within = 0;
  logs.forEach((v, t) => {
    within += (v - (average[t] as number) - (means[t % m] as number)) ** 2;
  });
  const spread = within / (logs.length - m);
  const meanInverseCount = counts.reduce((a, c) => a + 1 / c, 0) / m;
  const se2 = spread * meanInverseCount;
  const size = pattern.reduce((a, v) => a + v * v, 0);
  if (size === 0) return 0;
  return Math.max(0, 1 - (Math.max(0, m - 3) * se2) / size);
}
