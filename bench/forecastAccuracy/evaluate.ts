/**
 * The rolling-origin evaluation of issue 24 on the real series: every method's forecasts from
 * every origin, scored per series and summarised as the geometric mean of per-series error
 * ratios to the best of the four reference methods chosen with hindsight.
 */
import { forecastIntake, ForecastIntakeOptions } from "../../src/engine/forecast/forecastIntake";
import { MonthlySeries } from "./data";
import { EtsForecasts } from "./libreoffice";
import { coverage, cutSeries, flatMean, HORIZON, originsOf, ratioToBest, sameMonthLastYear, score, Window } from "./protocol";

/** The four reference methods of the issue, in its order. */
export const REFERENCES = ["FORECAST.ETS season 12", "FORECAST.ETS detect", "flat 12-month mean", "same month last year"] as const;

export interface SeriesScore {
  id: string;
  /** By method name: monthly MAE and 12-month-total MAE. */
  monthly: Record<string, number>;
  total: Record<string, number>;
  /** Share of actuals inside this function's interval, by confidence. */
  coverage: Record<string, { inside: number; count: number }>;
}

export interface WindowResult {
  window: Window;
  series: SeriesScore[];
}

export const CONFIDENCES = [0.5, 0.8, 0.95] as const;
export const THIS_FUNCTION = "FORECAST_INTAKE";

/** Extra variants of this function to show what each part contributes (ablations). */
export type Variant = Pick<ForecastIntakeOptions, "trends" | "season">;

function ourForecasts(values: readonly number[], origins: readonly number[], variant: Variant) {
  return origins.map((origin) => {
    const history = values.slice(0, origin);
    const byConfidence = CONFIDENCES.map((confidence) => {
      const result = forecastIntake({ history, horizon: HORIZON, periodsPerYear: 12, confidence, ...variant });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    });
    return byConfidence;
  });
}

/** Scores every method on every series of one window. */
export function evaluateWindow(
  all: readonly MonthlySeries[],
  window: Window,
  ets: EtsForecasts,
  variants: Record<string, Variant> = {},
): WindowResult {
  const series = all.map((s): SeriesScore => {
    const values = cutSeries(s, window);
    const origins = originsOf(values.length);
    const fromEts = (seasonality: string): number[][] =>
      origins.map((o) => {
        const f = ets[s.id]?.[seasonality]?.[String(o)];
        if (f === undefined) throw new Error(`no LibreOffice forecast for ${s.id}, origin ${o}`);
        return f;
      });
    const forecasts: Record<string, number[][]> = {
      [REFERENCES[0]]: fromEts("12"),
      [REFERENCES[1]]: fromEts("1"),
      [REFERENCES[2]]: origins.map((o) => flatMean(values.slice(0, o))),
      [REFERENCES[3]]: origins.map((o) => sameMonthLastYear(values.slice(0, o))),
    };
    const ours = ourForecasts(values, origins, {});
    forecasts[THIS_FUNCTION] = ours.map((r) => (r[0] as { forecast: number[] }).forecast);
    for (const [name, variant] of Object.entries(variants)) {
      forecasts[name] = ourForecasts(values, origins, variant).map((r) => (r[0] as { forecast: number[] }).forecast);
    }
    const monthly: Record<string, number> = {};
    const total: Record<string, number> = {};
    for (const [name, f] of Object.entries(forecasts)) {
      const scored = score(values, origins, f);
      monthly[name] = scored.monthlyMae;
      total[name] = scored.totalMae;
    }
    const covered: SeriesScore["coverage"] = {};
    CONFIDENCES.forEach((confidence, k) => {
      const lower = ours.map((r) => (r[k] as { lower: number[] }).lower);
      const upper = ours.map((r) => (r[k] as { upper: number[] }).upper);
      covered[String(confidence)] = coverage(values, origins, lower, upper);
    });
    return { id: s.id, monthly, total, coverage: covered };
  });
  return { window, series };
}

/** The geometric mean over series of method ÷ best of the four references, monthly and total. */
export function summarise(result: WindowResult, method: string): { monthly: number; total: number } {
  const pick = (scores: Record<string, number>[], name: string): number[] => scores.map((s) => s[name] as number);
  const refs = (scores: Record<string, number>[]): number[][] => scores.map((s) => REFERENCES.map((r) => s[r] as number));
  const monthly = result.series.map((s) => s.monthly);
  const total = result.series.map((s) => s.total);
  return { monthly: ratioToBest(pick(monthly, method), refs(monthly)), total: ratioToBest(pick(total, method), refs(total)) };
}

/** Pooled coverage over all series, origins and months ahead. */
export function pooledCoverage(result: WindowResult, confidence: number): number {
  let inside = 0;
  let count = 0;
  for (const s of result.series) {
    const c = s.coverage[String(confidence)] as { inside: number; count: number };
    inside += c.inside;
    count += c.count;
  }
  return inside / count;
}
