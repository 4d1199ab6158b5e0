/** The smoothing models, their fit, AICc choice and error growth; and the minimiser under them. */
import { minimise } from "../../../src/engine/forecast/nelderMead";
import {
  fitSmoothing,
  runSmoothing,
  selectSmoothing,
  smoothedForecast,
  trendKindsFor,
  trendReach,
  varianceGrowth,
  varianceGrowths,
} from "../../../src/engine/forecast/smoothing";
import { createRng } from "../../../src/engine/random";
import { drawPoisson } from "../../../src/engine/forecast/poisson";

describe("minimise (Nelder–Mead)", () => {
  test("finds the minimum of a bowl and of Rosenbrock's valley", () => {
    const bowl = minimise(([x, y]) => ((x as number) - 1) ** 2 + ((y as number) + 2) ** 2, [0, 0], [1, 1]);
    expect(bowl.x[0]).toBeCloseTo(1, 4);
    expect(bowl.x[1]).toBeCloseTo(-2, 4);
    const rosen = minimise(([x, y]) => 100 * ((y as number) - (x as number) ** 2) ** 2 + (1 - (x as number)) ** 2, [-1.2, 1], [0.5, 0.5], {
      maxEvaluations: 5000,
      tolerance: 1e-14,
    });
    expect(rosen.x[0]).toBeCloseTo(1, 3);
    expect(rosen.x[1]).toBeCloseTo(1, 3);
  });

  test("stops at its evaluation budget, and treats NaN as worse than anything", () => {
    let calls = 0;
    minimise(() => ++calls, [0], [1], { maxEvaluations: 17 });
    expect(calls).toBeLessThanOrEqual(19); // the last step may evaluate twice
    const nan = minimise(([x]) => ((x as number) > 0.5 ? NaN : ((x as number) - 0.3) ** 2), [0], [0.1]);
    expect(nan.x[0]).toBeCloseTo(0.3, 4);
  });
});

describe("the smoothing recursions, by hand", () => {
  test("a level: expected = level; level += α·error", () => {
    const steps: number[] = [];
    const end = runSmoothing([12, 8], { alpha: 0.5, beta: 0, phi: 1, initialLevel: 10, initialSlope: 0 }, (_t, level) => steps.push(level));
    // t=1: error 2, level 11; t=2: error −3, level 9.5; SSE 4 + 9
    expect(steps).toEqual([11, 9.5]);
    expect(end.sse).toBe(13);
  });

  test("a damped trend: expected = level + φ·slope; slope = φ·slope + β·error", () => {
    const end = runSmoothing([15], { alpha: 0.5, beta: 0.2, phi: 0.5, initialLevel: 10, initialSlope: 4 });
    // expected 12, error 3, level 13.5, slope 2 + 0.6
    expect(end.level).toBeCloseTo(13.5, 12);
    expect(end.slope).toBeCloseTo(2.6, 12);
    expect(end.sse).toBeCloseTo(9, 12);
  });

  test("trendReach: φ + … + φ^h, h for an undamped trend", () => {
    expect(trendReach(1, 5)).toBe(5);
    expect(trendReach(0.5, 3)).toBeCloseTo(0.875, 12);
  });

  test("varianceGrowth: 1 + Σ (α + β·reach)², as worked out for h = 3", () => {
    expect(varianceGrowth({ alpha: 0.3, beta: 0, phi: 1 }, 1)).toBe(1);
    expect(varianceGrowth({ alpha: 0.3, beta: 0, phi: 1 }, 3)).toBeCloseTo(1 + 2 * 0.09, 12);
    // φ = 0.5, β = 0.1: c1 = 0.3 + 0.1·0.5 = 0.35, c2 = 0.3 + 0.1·0.75 = 0.375
    expect(varianceGrowth({ alpha: 0.3, beta: 0.1, phi: 0.5 }, 3)).toBeCloseTo(1 + 0.35 ** 2 + 0.375 ** 2, 12);
    expect(Array.from(varianceGrowths({ alpha: 0.3, beta: 0.1, phi: 0.5 }, 3))).toEqual([1, 2, 3].map((h) => varianceGrowth({ alpha: 0.3, beta: 0.1, phi: 0.5 }, h)));
  });
});

describe("fitting and choosing", () => {
  test("a fitted level model on noise around 50 forecasts near 50 with a small α", () => {
    const rng = createRng(3);
    const series = Array.from({ length: 120 }, () => drawPoisson(rng, 50));
    const fit = fitSmoothing(series, "none", 10);
    expect(fit.alpha).toBeLessThan(0.3);
    expect(smoothedForecast(fit, 6)).toBeGreaterThan(45);
    expect(smoothedForecast(fit, 6)).toBeLessThan(55);
    expect(selectSmoothing(series, 10).trend).toBe("none");
  });

  test("the trend kinds a history supports grow with its length (AICc needs room)", () => {
    expect(trendKindsFor(6)).toEqual(["none"]);
    expect(trendKindsFor(7)).toEqual(["none"]);
    expect(trendKindsFor(8)).toEqual(["none", "linear"]);
    expect(trendKindsFor(9)).toEqual(["none", "linear", "damped"]);
  });

  test("a steady climb under noise is a trend", () => {
    const rng = createRng(5);
    const series = Array.from({ length: 60 }, (_, t) => drawPoisson(rng, 40 + 3 * t));
    const fit = selectSmoothing(series, 12);
    expect(fit.trend).not.toBe("none");
    expect(smoothedForecast(fit, 12)).toBeGreaterThan(200);
  });

  test("the choice can be limited to some kinds (the evaluation's variants)", () => {
    const series = Array.from({ length: 36 }, (_, t) => 100 + 2 * t);
    expect(selectSmoothing(series, 12, ["none"]).trend).toBe("none");
    expect(selectSmoothing(series, 12, ["damped"]).trend).toBe("damped");
  });
});
