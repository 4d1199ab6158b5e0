/**
 * The Monte Carlo's intake paths around the forecast (issue 24, item 4), checked where it counts
 * for the backlog band: the total intake over the next year. Per series and origin (the protocol's
 * 24 origins, window B), 1,000 paths from the model fitted to the history up to the origin; is the
 * actual 12-month (or 52-week) total inside the paths' P10–P90 of the total? The same for Poisson
 * counts around the forecast alone, the add-in's default band before issue 24. Fixed seeds.
 */
import { fitForecastModel, forecastAt } from "../../src/engine/forecast/forecastIntake";
import { IntakePaths } from "../../src/engine/forecast/paths";
import { drawPoisson } from "../../src/engine/forecast/poisson";
import { createRng, RandomGenerator } from "../../src/engine/random";
import { MonthlySeries } from "./data";
import { geometricMean, originsOf } from "./protocol";
import { weeklyFromMonthly } from "./weekly";

const RUNS = 1000;

export interface TotalsCoverage {
  /** Share of origins whose actual total lies in the paths' P10–P90 of the total. */
  paths: number;
  /** The same for Poisson counts around the forecast alone. */
  poisson: number;
  /** Geometric mean of (paths' P90 − P10) ÷ (Poisson's P90 − P10) of the total. */
  widthRatio: number;
  /** Per series: origins inside the paths' band, of 24. */
  perSeries: Array<{ id: string; inside: number; origins: number }>;
}

function quantile(sorted: Float64Array, p: number): number {
  const x = p * (sorted.length - 1);
  const i = Math.floor(x);
  return (sorted[i] as number) + (x - i) * ((sorted[Math.min(i + 1, sorted.length - 1)] as number) - (sorted[i] as number));
}

/** One origin: the bands of the total from the paths and from Poisson alone, and whether each holds the actual. */
function oneOrigin(history: readonly number[], actual: readonly number[], periodsPerYear: number, rng: RandomGenerator) {
  const model = fitForecastModel(history, periodsPerYear);
  const paths = new IntakePaths(rng, model, RUNS, "counts");
  const fromPaths = new Float64Array(RUNS);
  const fromPoisson = new Float64Array(RUNS);
  for (let h = 1; h <= actual.length; h++) {
    const drawn = paths.next();
    const forecast = forecastAt(model, h);
    for (let i = 0; i < RUNS; i++) {
      fromPaths[i] = (fromPaths[i] as number) + (drawn[i] as number);
      fromPoisson[i] = (fromPoisson[i] as number) + drawPoisson(rng, forecast);
    }
  }
  const total = actual.reduce((a, b) => a + b, 0);
  const band = (values: Float64Array): [number, number] => {
    values.sort();
    return [quantile(values, 0.1), quantile(values, 0.9)];
  };
  const [pLow, pHigh] = band(fromPaths);
  const [qLow, qHigh] = band(fromPoisson);
  return { inPaths: total >= pLow && total <= pHigh, inPoisson: total >= qLow && total <= qHigh, ratio: (pHigh - pLow) / Math.max(1e-9, qHigh - qLow) };
}

function summarise(results: Array<{ id: string; origins: ReturnType<typeof oneOrigin>[] }>): TotalsCoverage {
  const all = results.flatMap((r) => r.origins);
  return {
    paths: all.filter((o) => o.inPaths).length / all.length,
    poisson: all.filter((o) => o.inPoisson).length / all.length,
    widthRatio: geometricMean(all.map((o) => o.ratio)),
    perSeries: results.map((r) => ({ id: r.id, inside: r.origins.filter((o) => o.inPaths).length, origins: r.origins.length })),
  };
}

/** Monthly: each origin's next 12 months. `series` are cut to the window already. */
export function monthlyTotalsCoverage(series: readonly MonthlySeries[]): TotalsCoverage {
  return summarise(
    series.map((s) => {
      const rng = createRng(7);
      const origins = originsOf(s.values.length).map((o) => oneOrigin(s.values.slice(0, o), s.values.slice(o, o + 12), 12, rng));
      return { id: s.id, origins };
    }),
  );
}

/** Weekly, on the weekly series made from the monthly ones (weekly.ts): each origin's next 52 weeks. */
export function weeklyTotalsCoverage(series: readonly MonthlySeries[]): TotalsCoverage {
  return summarise(
    series.map((s, k) => {
      const weeks = weeklyFromMonthly(s, 2024 + k);
      const rng = createRng(9);
      const origins = Array.from({ length: 24 }, (_, j) => {
        const origin = weeks.length - 52 - 4 * j;
        return oneOrigin(weeks.slice(0, origin), weeks.slice(origin, origin + 52), 52, rng);
      });
      return { id: s.id, origins };
    }),
  );
}
