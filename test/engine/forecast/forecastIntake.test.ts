/**
 * FORECAST_INTAKE's engine on cases worked out by hand: a constant history forecasts that
 * constant, a pure season is reproduced, a straight line continues, a damped trend dies out as
 * damped; and invariants over any history (fast-check): never negative, the interval around the
 * forecast, wider for a higher confidence, the same answer every time.
 */
import fc from "fast-check";
import { forecastAt, forecastIntake, ForecastIntakeResult, intervalAt } from "../../../src/engine/forecast/forecastIntake";
import { intervalAround } from "../../../src/engine/forecast/intervals";
import { trendReach, varianceGrowths } from "../../../src/engine/forecast/smoothing";
import { normalQuantile } from "../../../src/engine/random";

function forecast(history: number[], horizon: number, periodsPerYear = 12, confidence?: number): ForecastIntakeResult {
  const result = forecastIntake({ history, horizon, periodsPerYear, ...(confidence !== undefined && { confidence }) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const PATTERN = [120, 100, 110, 90, 95, 105, 130, 140, 150, 135, 115, 110];

describe("worked cases", () => {
  test("a constant history forecasts that constant, weekly and monthly, with no trend", () => {
    for (const [history, m] of [[Array(104).fill(25), 52], [Array(36).fill(140), 12]] as const) {
      const result = forecast([...history], 20, m);
      for (const f of result.forecast) expect(f).toBeCloseTo(history[0], 9);
      expect(result.model.smoothing.trend).toBe("none");
      expect(result.model.seasonKept).toBe(0);
    }
  });

  test("a constant history's interval is Poisson noise around it, no narrower: 25 a week → 19.3 to 32.3 (80%)", () => {
    const result = forecast(Array(104).fill(25), 4, 52);
    // log(Y + 1) of a Poisson(25) count has standard deviation √25 / 26 to first order.
    const z = normalQuantile(0.9);
    expect(result.lower[0]).toBeCloseTo(26 * Math.exp((-z * 5) / 26) - 1, 9);
    expect(result.upper[0]).toBeCloseTo(26 * Math.exp((z * 5) / 26) - 1, 9);
    expect(result.lower[0]).toBeCloseTo(19.32, 2);
    expect(result.upper[0]).toBeCloseTo(32.27, 2);
  });

  test("a pure monthly season is reproduced exactly, continuing from where the history stops", () => {
    const history = Array.from({ length: 40 }, (_, t) => PATTERN[t % 12] as number); // ends in April of year 4
    const result = forecast(history, 24);
    result.forecast.forEach((f, h) => expect(f).toBeCloseTo(PATTERN[(40 + h) % 12] as number, 6));
    expect(result.model.seasonKept).toBeCloseTo(1, 12);
  });

  test("a pure weekly season (52 weeks) is reproduced exactly", () => {
    const season = Array.from({ length: 52 }, (_, w) => 25 + Math.round(6 * Math.sin((2 * Math.PI * w) / 52)) + (w === 51 ? -10 : 0));
    const history = Array.from({ length: 3 * 52 }, (_, t) => season[t % 52] as number);
    forecast(history, 52, 52).forecast.forEach((f, h) => expect(f).toBeCloseTo(season[h] as number, 6));
  });

  test("with fewer than two years of history there is no season (23 months); 24 months have one", () => {
    const history = Array.from({ length: 23 }, (_, t) => PATTERN[t % 12] as number);
    const result = forecast(history, 12);
    expect(result.model.season).toEqual([1]);
    expect(forecast(history.concat(PATTERN[11] as number), 12).model.season).toHaveLength(12); // 24 months: a season
  });

  test("a straight line continues: up by 2 a month from 100, and down by 7 from 500", () => {
    for (const [start, step] of [[100, 2], [500, -7]] as const) {
      const history = Array.from({ length: 36 }, (_, t) => start + step * t);
      const result = forecast(history, 12);
      expect(result.model.smoothing.trend).toBe("linear");
      result.forecast.forEach((f, h) => expect(f).toBeCloseTo(start + step * (36 + h), 4));
    }
  });

  test("a damped trend is recognised and dies out: each step is φ times the last", () => {
    // level l, slope b, φ = 0.9, no noise: y_t = l + (φ + … + φ^t)·b
    const phi = 0.9;
    const history = Array.from({ length: 48 }, (_, t) => 200 + trendReach(phi, t + 1) * 20);
    const result = forecast(history, 12);
    expect(result.model.smoothing.trend).toBe("damped");
    expect(result.model.smoothing.phi).toBeCloseTo(phi, 3);
    const steps = result.forecast.map((f, h) => f - (h === 0 ? (history[47] as number) : (result.forecast[h - 1] as number)));
    for (let h = 1; h < steps.length; h++) expect((steps[h] as number) / (steps[h - 1] as number)).toBeCloseTo(phi, 3);
    result.forecast.forEach((f, h) => expect(f).toBeCloseTo(200 + trendReach(phi, 49 + h) * 20, 2));
  });

  test("a falling line that would cross zero is held at 0, and its interval stays at or above 0", () => {
    const history = Array.from({ length: 23 }, (_, t) => 230 - 10 * t); // 230 … 10, too short for a season
    const result = forecast(history, 12);
    expect(result.forecast[0]).toBeCloseTo(0, 6);
    for (let h = 0; h < 12; h++) {
      expect(result.forecast[h]).toBeGreaterThanOrEqual(0);
      expect(result.lower[h]).toBeGreaterThanOrEqual(0);
    }
  });

  test("the interval is the calibrated spread grown by the model, around the forecast", () => {
    const history = Array.from({ length: 60 }, (_, t) => 100 + 15 * Math.sin(t) + (t % 12) * 3);
    const result = forecast(history, 12);
    for (let h = 1; h <= 12; h++) {
      const expected = intervalAt(result.model, h, 0.8);
      expect(result.lower[h - 1]).toBe(expected.lower);
      expect(result.upper[h - 1]).toBe(expected.upper);
      expect(result.forecast[h - 1]).toBe(forecastAt(result.model, h));
    }
    // and the width grows with the horizon (level errors persist)
    expect((result.upper[11] as number) - (result.lower[11] as number)).toBeGreaterThan((result.upper[0] as number) - (result.lower[0] as number));
  });
});

test("the longest horizon, 10,000 periods: finite figures, the model's error growth never shrinks, the last interval is the widest", () => {
  const history = Array.from({ length: 60 }, (_, t) => 100 + 15 * Math.sin(t) + (t % 12) * 3);
  const result = forecast(history, 10_000);
  const halfWidth = (h: number): number => Math.log(((result.upper[h] as number) + 1) / ((result.forecast[h] as number) + 1));
  expect(result.forecast).toHaveLength(10_000);
  for (let h = 1; h < 10_000; h++) {
    expect(Number.isFinite(result.upper[h] as number)).toBe(true);
  }
  const growth = varianceGrowths(result.model.smoothing, 10_000);
  for (let h = 1; h < 10_000; h++) expect(growth[h]).toBeGreaterThanOrEqual(growth[h - 1] as number);
  expect(halfWidth(9_999)).toBeGreaterThan(Math.max(...Array.from({ length: 100 }, (_, h) => halfWidth(h))));
});

describe("intervalAround", () => {
  test("is log-symmetric on count + 1 and never below 0", () => {
    const { lower, upper } = intervalAround(100, 0.2, 0.8);
    expect(Math.log(101 / (lower + 1))).toBeCloseTo(Math.log((upper + 1) / 101), 12);
    expect(intervalAround(0, 0.5, 0.8).lower).toBe(0);
    expect(intervalAround(0, 0.5, 0.8).upper).toBeGreaterThan(0);
  });
});

describe("properties", () => {
  const histories = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 6, maxLength: 130 });

  test("never negative; lower ≤ forecast ≤ upper; a higher confidence gives a wider interval", () => {
    fc.assert(
      fc.property(histories, fc.constantFrom(12, 52), (history, m) => {
        const narrow = forecast(history, 15, m, 0.5);
        const wide = forecast(history, 15, m, 0.95);
        for (let h = 0; h < 15; h++) {
          expect(narrow.lower[h]).toBeGreaterThanOrEqual(0);
          expect(narrow.lower[h]).toBeLessThanOrEqual(narrow.forecast[h] as number);
          expect(narrow.upper[h]).toBeGreaterThanOrEqual(narrow.forecast[h] as number);
          expect(wide.lower[h]).toBeLessThanOrEqual(narrow.lower[h] as number);
          expect(wide.upper[h]).toBeGreaterThanOrEqual(narrow.upper[h] as number);
          expect(wide.forecast[h]).toBe(narrow.forecast[h]);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("deterministic: the same history gives the same figures, bit for bit", () => {
    fc.assert(
      fc.property(histories, (history) => {
        expect(forecast(history, 12)).toEqual(forecast(history.slice(), 12));
      }),
      { numRuns: 30 },
    );
  });

  test("scaling the history scales a non-seasonal forecast: ×10 history, ×10 forecast (the fit does not depend on units)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 50, max: 500 }), { minLength: 8, maxLength: 23 }), (history) => {
        const one = forecast(history, 6).forecast;
        const ten = forecast(history.map((v) => v * 10), 6).forecast;
        one.forEach((f, h) => expect(ten[h] as number).toBeCloseTo(10 * f, 0));
      }),
      { numRuns: 40 },
    );
  });
});

describe("input errors come back as values naming the argument", () => {
  const messageOf = (options: Parameters<typeof forecastIntake>[0]): string => {
    const result = forecastIntake(options);
    if (result.ok) throw new Error("expected an error");
    return result.error.message;
  };
  test.each([
    ["5 values", { history: [1, 2, 3, 4, 5], horizon: 3 }, "history: needs at least 6 values, got 5"],
    ["a blank", { history: [1, 2, null, 4, 5, 6] as unknown as number[], horizon: 3 }, "history, value 3: expected a number ≥ 0, got a blank"],
    ["text", { history: [1, 2, 3, 4, 5, "n.v.t."] as unknown as number[], horizon: 3 }, "history, value 6: expected a number ≥ 0, got 'n.v.t.'"],
    ["a negative count", { history: [1, 2, 3, -4, 5, 6], horizon: 3 }, "history, value 4: expected a number ≥ 0, got -4"],
    ["5,201 values", { history: Array(5201).fill(1), horizon: 3 }, "history: has 5201 values; at most 5,200 are allowed"],
    ["horizon 0", { history: Array(10).fill(1), horizon: 0 }, "horizon: expected a whole number from 1 to 10,000, got 0"],
    ["26 periods a year", { history: Array(10).fill(1), horizon: 3, periodsPerYear: 26 }, "periods_per_year: expected 12 or 52, got 26"],
    ["confidence 1", { history: Array(10).fill(1), horizon: 3, confidence: 1 }, "confidence: expected a number from 0.5 to 0.99, got 1"],
  ])("%s", (_label, options, message) => {
    expect(messageOf(options)).toBe(message);
  });
});
