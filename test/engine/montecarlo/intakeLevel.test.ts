/**
 * The intake-level option of the Monte Carlo engine (issue 14): each run draws its own level
 * factor L (lognormal, mean 1, CV = intakeLevelSpread) and its weekly intake is L × the figure.
 */
import { simulateBacklog, simulateBacklogChunked } from "../../../src/engine/montecarlo/simulation";
import { createRng } from "../../../src/engine/random";
import { capacityFactorTable, drawCapacityFactor } from "../../../src/engine/random";

const FIXED = { kind: "fixed" } as const;

describe("intakeLevelSpread", () => {
  test("0 (the default) changes nothing: the same draws and figures as without the option", () => {
    const options = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, runs: 500, target: 1140 };
    const without = simulateBacklog(createRng(7), options);
    const zero = simulateBacklog(createRng(7), { ...options, intakeLevelSpread: 0 });
    if (!without.ok || !zero.ok) throw new Error("simulation failed");
    expect(zero.value.bands).toEqual(without.value.bands);
    expect(zero.value.target).toEqual(without.value.target);
    expect(zero.value.intakeLevelSpread).toBe(0);
  });

  test("each run's intake is its level factor × the weekly figure, drawn first, run by run", () => {
    // Fixed intake and no capacity: a run's backlog after w weeks is w × 25 × L_r exactly.
    const runs = 200;
    const result = simulateBacklog(createRng(11), {
      opening: 0,
      intake: 25,
      capacity: 0,
      weeks: 4,
      runs,
      intakeModel: FIXED,
      intakeLevelSpread: 0.1,
      percentiles: [0, 0.5, 1],
    });
    if (!result.ok) throw new Error(result.error.message);
    const rng = createRng(11);
    const table = capacityFactorTable(0.1);
    const levels = Array.from({ length: runs }, () => drawCapacityFactor(rng, table)).sort((a, b) => a - b);
    const mean = levels.reduce((sum, x) => sum + x, 0) / runs;
    expect(result.value.mean[3]).toBeCloseTo(4 * 25 * mean, 9);
    expect(result.value.bands[0]?.[3]).toBeCloseTo(4 * 25 * (levels[0] as number), 9);
    expect(result.value.bands[2]?.[3]).toBeCloseTo(4 * 25 * (levels[runs - 1] as number), 9);
    expect(result.value.intakeLevelSpread).toBe(0.1);
  });

  test("the level factor has mean 1 and the asked coefficient of variation", () => {
    const result = simulateBacklog(createRng(2024), {
      opening: 0,
      intake: 25,
      capacity: 0,
      weeks: 52,
      runs: 20_000,
      intakeModel: FIXED,
      intakeLevelSpread: 0.1,
    });
    if (!result.ok) throw new Error(result.error.message);
    const planned = 52 * 25;
    expect(result.value.mean[51]! / planned).toBeCloseTo(1, 2);
    // Lognormal: P90 ÷ P50 = exp(1.2816 σ) with σ² = ln(1 + 0.1²).
    const sigma = Math.sqrt(Math.log1p(0.01));
    expect(result.value.bands[2]![51]! / result.value.bands[1]![51]!).toBeCloseTo(Math.exp(1.2816 * sigma), 2);
  });

  test("widens the band: a level spread of 10% spreads the year's end far more than weekly noise alone", () => {
    const options = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, runs: 5000 };
    const weekly = simulateBacklog(createRng(3), options);
    const level = simulateBacklog(createRng(3), { ...options, intakeLevelSpread: 0.1 });
    if (!weekly.ok || !level.ok) throw new Error("simulation failed");
    const width = (r: typeof weekly.value): number => r.bands[2]![51]! - r.bands[0]![51]!;
    expect(width(level.value)).toBeGreaterThan(2 * width(weekly.value));
  });

  test("in slices it draws the same numbers", async () => {
    const options = { opening: 1440, intake: 25, capacity: 30, weeks: 20, runs: 1000, intakeLevelSpread: 0.2 };
    const whole = simulateBacklog(createRng(5), options);
    const sliced = await simulateBacklogChunked(createRng(5), options, { chunkRuns: 37, yieldToHost: async () => {} });
    if (!whole.ok || !sliced.ok) throw new Error("simulation failed");
    expect(sliced.value.bands).toEqual(whole.value.bands);
  });

  test.each([-0.1, 1.5, Number.NaN])("%p is an error naming intake_level_spread", (spread) => {
    const result = simulateBacklog(createRng(1), { opening: 10, intake: 5, capacity: 5, weeks: 4, runs: 100, intakeLevelSpread: spread });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^intake_level_spread: /);
  });
});
