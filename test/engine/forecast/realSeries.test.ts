/**
 * FORECAST_INTAKE on the real monthly series of ../shared/forecast-data (Eurostat, read where they
 * lie, never copied): the rolling-origin protocol of issue 24, window B (cut at 2019-12). The
 * interval is calibrated (the 80% interval holds 70–90% of the months it did not see) and the
 * forecast beats the two references that need no LibreOffice: the flat 12-month mean and the
 * same month last year (npm run forecast-eval compares with FORECAST.ETS too).
 */
import { readForecastSeries } from "../../../bench/forecastAccuracy/data";
import { coverage, cutSeries, flatMean, geometricMean, HORIZON, originsOf, sameMonthLastYear, score, WINDOWS } from "../../../bench/forecastAccuracy/protocol";
import { forecastIntake } from "../../../src/engine/forecast/forecastIntake";

const windowB = WINDOWS.find((w) => w.name === "B") as (typeof WINDOWS)[number];
const series = readForecastSeries();

interface Scores {
  ratioFlat: { monthly: number; total: number };
  ratioSame: { monthly: number; total: number };
  inside: number;
  count: number;
}

function evaluate(confidence: number): Scores {
  const mine = { monthly: [] as number[], total: [] as number[] };
  const flat = { monthly: [] as number[], total: [] as number[] };
  const same = { monthly: [] as number[], total: [] as number[] };
  let inside = 0;
  let count = 0;
  for (const s of series) {
    const values = cutSeries(s, windowB);
    const origins = originsOf(values.length);
    const results = origins.map((o) => {
      const r = forecastIntake({ history: values.slice(0, o), horizon: HORIZON, periodsPerYear: 12, confidence });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    const add = (into: { monthly: number[]; total: number[] }, forecasts: number[][]): void => {
      const scored = score(values, origins, forecasts);
      into.monthly.push(scored.monthlyMae);
      into.total.push(scored.totalMae);
    };
    add(mine, results.map((r) => r.forecast));
    add(flat, origins.map((o) => flatMean(values.slice(0, o))));
    add(same, origins.map((o) => sameMonthLastYear(values.slice(0, o))));
    const c = coverage(values, origins, results.map((r) => r.lower), results.map((r) => r.upper));
    inside += c.inside;
    count += c.count;
  }
  const ratio = (a: number[], b: number[]): number => geometricMean(a.map((x, i) => x / (b[i] as number)));
  return {
    ratioFlat: { monthly: ratio(mine.monthly, flat.monthly), total: ratio(mine.total, flat.total) },
    ratioSame: { monthly: ratio(mine.monthly, same.monthly), total: ratio(mine.total, same.total) },
    inside,
    count,
  };
}

let at80: Scores;
beforeAll(() => {
  at80 = evaluate(0.8);
});

test("the shared data is there: 15 series, window B ends every one at 2019-12, 24 origins each", () => {
  expect(series).toHaveLength(15);
  for (const s of series) {
    const values = cutSeries(s, windowB);
    expect(values.length).toBe(s.id === "nl_asy_total_long" ? 252 : 144);
    expect(originsOf(values.length)).toHaveLength(24);
  }
});

test("the 80% interval holds between 70% and 90% of the 4,320 months it did not see", () => {
  expect(at80.count).toBe(15 * 24 * 12);
  expect(at80.inside / at80.count).toBeGreaterThan(0.7);
  expect(at80.inside / at80.count).toBeLessThan(0.9);
});

test("a wider interval holds more: 95% holds more than 80%, and 50% less", () => {
  const at95 = evaluate(0.95);
  const at50 = evaluate(0.5);
  expect(at95.inside).toBeGreaterThan(at80.inside);
  expect(at50.inside).toBeLessThan(at80.inside);
  expect(at95.inside / at95.count).toBeGreaterThan(0.88);
});

test("more accurate than the flat 12-month mean and the same month last year, monthly and on the 12-month total", () => {
  expect(at80.ratioFlat.monthly).toBeLessThan(0.9);
  expect(at80.ratioFlat.total).toBeLessThan(0.85);
  expect(at80.ratioSame.monthly).toBeLessThan(0.8);
  expect(at80.ratioSame.total).toBeLessThan(0.85);
});
