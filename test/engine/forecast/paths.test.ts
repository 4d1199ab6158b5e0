/**
 * Intake paths for the Monte Carlo: seeded and repeatable, spread like the forecast's interval
 * (the interval holds about its share of the runs), errors that persist from period to period,
 * and a monthly model spread over weeks by calendar days.
 */
import { dateSerial } from "../../../src/engine/forecast/calendar";
import { fitForecastModel, forecastAt, intervalAt, ForecastModel } from "../../../src/engine/forecast/forecastIntake";
import { IntakePaths, weeklyIntakePaths } from "../../../src/engine/forecast/paths";
import { spreadMonthsOverWeeks } from "../../../src/engine/forecast/weeks";
import { createRng, normalQuantile, uniformOpen32 } from "../../../src/engine/random";
import { drawPoisson } from "../../../src/engine/forecast/poisson";

/** A monthly model from five years of a seasonal series whose level wanders. */
function wanderingModel(): ForecastModel {
  const rng = createRng(21);
  let level = 150;
  const history = Array.from({ length: 60 }, (_, t) => {
    level *= Math.exp(0.1 * normalQuantile(uniformOpen32(rng))); // a random walk of the level
    return drawPoisson(rng, level * (1 + 0.25 * Math.cos((2 * Math.PI * t) / 12)));
  });
  return fitForecastModel(history, 12);
}

function draw(model: ForecastModel, runs: number, periods: number, output: "counts" | "expected", seed = 2024): Float64Array[] {
  const paths = new IntakePaths(createRng(seed), model, runs, output);
  return Array.from({ length: periods }, () => Float64Array.from(paths.next()));
}

const model = wanderingModel();

test("the model has a season and a spread to draw from", () => {
  expect(model.season).toHaveLength(12);
  expect(model.spread).toBeGreaterThan(0.05);
});

test("the same seed draws the same paths; another seed others", () => {
  expect(draw(model, 50, 6, "counts")).toEqual(draw(model, 50, 6, "counts"));
  expect(draw(model, 50, 6, "counts", 7)).not.toEqual(draw(model, 50, 6, "counts"));
});

test("counts are whole numbers ≥ 0; expected intakes are ≥ 0", () => {
  expect(draw(model, 500, 24, "counts").every((period) => period.every((v) => Number.isInteger(v) && v >= 0))).toBe(true);
  expect(draw(model, 500, 24, "expected").every((period) => period.every((v) => v >= 0))).toBe(true);
});

test.each(["expected", "counts"] as const)("%s: the 80%% interval holds 80%% of the runs in every month (±3 points), the median is the forecast", (output) => {
  const runs = 20_000;
  const periods = draw(model, runs, 12, output);
  periods.forEach((values, i) => {
    const { lower, upper } = intervalAt(model, i + 1, 0.8);
    let inside = 0;
    let below = 0;
    const forecast = forecastAt(model, i + 1);
    for (const v of values) {
      if (v >= lower && v <= upper) inside++;
      if (v < forecast) below++;
    }
    expect(Math.abs(inside / runs - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(below / runs - 0.5)).toBeLessThan(output === "counts" ? 0.04 : 0.015);
  });
});

test("errors persist: a run above the forecast in month 1 tends to stay above it in month 6", () => {
  const periods = draw(model, 20_000, 6, "expected");
  const dev = (p: number): number[] => Array.from(periods[p] as Float64Array, (v) => Math.log((v + 1) / (forecastAt(model, p + 1) + 1)));
  const a = dev(0);
  const b = dev(5);
  const mean = (x: number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  for (let i = 0; i < a.length; i++) cov += ((a[i] as number) - ma) * ((b[i] as number) - mb);
  cov /= a.length;
  // The model's own covariance: month 1's surprise ε carries α + β·reach(5) into month 6.
  const { alpha, beta, phi } = model.smoothing;
  const reach = phi === 1 ? 5 : (phi * (1 - phi ** 5)) / (1 - phi);
  const expected = (alpha + beta * reach) * model.spread ** 2;
  expect(alpha).toBeGreaterThan(0.05);
  expect(cov).toBeGreaterThan(0);
  expect(Math.abs(cov - expected)).toBeLessThan(0.15 * expected);
});

describe("weeklyIntakePaths", () => {
  const firstMonth = { year: 2024, month: 1 };
  const firstWeek = dateSerial(2024, 1, 1);

  test("a monthly model without spread gives each week its share of the forecast months by calendar days", () => {
    const flat = fitForecastModel([...Array(24)].map((_, t) => [310, 290, 310, 300][t % 4] as number), 12);
    expect(flat.spread).toBe(0);
    const paths = weeklyIntakePaths(createRng(1), { ...flat }, { runs: 3, weeks: 9, firstMonth, firstWeek, output: "expected" });
    if (!paths.ok) throw new Error(paths.error.message);
    const monthly = [1, 2, 3].map((h) => forecastAt(flat, h));
    const spread = spreadMonthsOverWeeks({ monthly, firstMonth, firstWeek, weeks: 9 });
    if (!spread.ok) throw new Error(spread.error.message);
    for (let w = 0; w < 9; w++) {
      const week = paths.value.next();
      for (const v of week) expect(v).toBeCloseTo(spread.value[w] as number, 9);
    }
  });

  test("weekly counts from a monthly model add up, over a year, to about the year's forecast", () => {
    const paths = weeklyIntakePaths(createRng(3), model, { runs: 4000, weeks: 52, firstMonth, firstWeek });
    if (!paths.ok) throw new Error(paths.error.message);
    let total = 0;
    for (let w = 0; w < 52; w++) for (const v of paths.value.next()) total += v;
    const yearForecast = Array.from({ length: 12 }, (_, h) => forecastAt(model, h + 1)).reduce((a, b) => a + b, 0) * (364 / 366);
    // Runs scatter log-symmetrically around the forecast, so their mean lies a little above it.
    expect(total / 4000).toBeGreaterThan(yearForecast * 0.98);
    expect(total / 4000).toBeLessThan(yearForecast * 1.15);
  });

  test("a weekly model draws weeks directly", () => {
    const weekly = fitForecastModel(Array.from({ length: 104 }, (_, w) => 25 + (w % 3)), 52);
    const paths = weeklyIntakePaths(createRng(5), weekly, { runs: 10, weeks: 4 });
    expect(paths.ok && paths.value.next().length).toBe(10);
  });

  test("refusals: a monthly model needs the first month and week; runs are checked", () => {
    const missing = weeklyIntakePaths(createRng(1), model, { runs: 10, weeks: 4 });
    expect(!missing.ok && missing.error.argument).toBe("first_week");
    const early = weeklyIntakePaths(createRng(1), model, { runs: 10, weeks: 4, firstMonth: { year: 2024, month: 2 }, firstWeek });
    expect(!early.ok && early.error.message).toBe("first_week: 2024-01 lies before the first month of the forecast (2024-02)");
    const runs = weeklyIntakePaths(createRng(1), model, { runs: 0, weeks: 4, firstMonth, firstWeek });
    expect(!runs.ok && runs.error.message).toBe("runs: expected a whole number from 1 to 1,000,000, got 0");
  });
});

test("skip: a weekly model's weeks before week 1 are drawn (surprises only) and let go on the first week", () => {
  const weekly = fitForecastModel(Array.from({ length: 104 }, (_, t) => 30 + 10 * Math.sin((2 * Math.PI * t) / 52) + (t % 3)), 52);
  const skipped = weeklyIntakePaths(createRng(3), weekly, { runs: 50, weeks: 4, skip: 6 });
  if (!skipped.ok) throw new Error(skipped.error.message);
  const by = new IntakePaths(createRng(3), weekly, 50, "counts");
  for (let s = 0; s < 6; s++) by.nextExpected();
  for (let w = 0; w < 4; w++) expect(Array.from(skipped.value.next())).toEqual(Array.from(by.next()));
  expect(by.period).toBe(10);
  const bad = weeklyIntakePaths(createRng(3), weekly, { runs: 50, weeks: 4, skip: -1 });
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.error.message).toMatch(/^skip: /);
});
