/**
 * src/engine/montecarlo/simulation.ts against a plain, run-by-run reference built from the
 * draws in random.ts: the hot loop writes those lookups out by hand, so every path through it
 * (Poisson, negative binomial, history, capacity factor) must give the very same numbers.
 */
import { IntakeModel } from "../../../src/engine/montecarlo/options";
import { simulateBacklog, simulateBacklogChunked, SimulationResult } from "../../../src/engine/montecarlo/simulation";
import { createRng } from "../../../src/engine/random";
import {
  capacityFactorTable,
  drawCapacityFactor,
  drawCount,
  negativeBinomialTable,
  poissonTable,
  RandomGenerator,
  uniform01,
} from "../../../src/engine/random";

interface Case {
  opening: number;
  intake: number[];
  capacity: number[];
  runs: number;
  model: IntakeModel;
  spread: number;
  /** Intake level spread: one level factor per run, drawn before any week. */
  levelSpread?: number;
}

/** Backlog per run at the end of each week: `paths[t][i]`, drawing week by week, run by run. */
function referencePaths(rng: RandomGenerator, c: Case): number[][] {
  const factor = c.spread > 0 ? capacityFactorTable(c.spread) : null;
  const levelTable = capacityFactorTable(c.levelSpread ?? 0);
  const levels = Array.from({ length: c.runs }, () => (c.levelSpread ? drawCapacityFactor(rng, levelTable) : 1));
  const backlog = new Array<number>(c.runs).fill(c.opening);
  const paths: number[][] = [];
  c.intake.forEach((mean, t) => {
    const table =
      c.model.kind === "poisson"
        ? poissonTable(mean)
        : c.model.kind === "overdispersed"
          ? negativeBinomialTable(mean, c.model.dispersion)
          : null;
    for (let i = 0; i < c.runs; i++) {
      let intake = mean;
      if (table !== null) intake = drawCount(rng, table);
      else if (c.model.kind === "history")
        intake = c.model.history[Math.floor(uniform01(rng) * c.model.history.length)] as number;
      intake *= levels[i] as number;
      const cap =
        factor === null ? (c.capacity[t] as number) : (c.capacity[t] as number) * drawCapacityFactor(rng, factor);
      const available = (backlog[i] as number) + intake;
      backlog[i] = available - Math.min(cap, available);
    }
    paths.push(backlog.slice());
  });
  return paths;
}

function run(seed: number | RandomGenerator, c: Case, percentiles = [0, 0.5, 1]): SimulationResult {
  const result = simulateBacklog(typeof seed === "number" ? createRng(seed) : seed, {
    opening: c.opening,
    intake: c.intake,
    capacity: c.capacity,
    runs: c.runs,
    intakeModel: c.model,
    capacitySpread: c.spread,
    intakeLevelSpread: c.levelSpread ?? 0,
    percentiles,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const sorted = (values: number[]): number[] => values.slice().sort((a, b) => a - b);

describe.each<[string, IntakeModel, number]>([
  ["Poisson", { kind: "poisson" }, 0],
  ["negative binomial", { kind: "overdispersed", dispersion: 4 }, 0],
  ["history", { kind: "history", history: [0, 5, 40, 12] }, 0],
  ["fixed intake, capacity spread 0.3", { kind: "fixed" }, 0.3],
  ["Poisson, capacity spread 1 (the factor table's tails)", { kind: "poisson" }, 1],
])("%s: the same numbers as the run-by-run reference", (_, model, spread) => {
  const c: Case = {
    opening: 60,
    intake: [20, 20, 25, 3, 30],
    capacity: [22, 22, 22, 40, 5],
    runs: 101,
    model,
    spread,
  };

  test("minimum, median, maximum and mean of every week", () => {
    const result = run(7, c);
    const paths = referencePaths(createRng(7), c);
    paths.forEach((week, t) => {
      const s = sorted(week);
      expect(result.bands[0]?.[t]).toBe(s[0]);
      expect(result.bands[1]?.[t]).toBe(s[50]);
      expect(result.bands[2]?.[t]).toBe(s[100]);
      expect(result.mean[t]).toBeCloseTo(week.reduce((a, b) => a + b, 0) / c.runs, 9);
    });
  });

  test("chunked in slices of one run: bit-identical", async () => {
    const whole = run(3, c);
    const fractions: number[] = [];
    const chunked = await simulateBacklogChunked(
      createRng(3),
      {
        opening: c.opening,
        intake: c.intake,
        capacity: c.capacity,
        runs: c.runs,
        intakeModel: model,
        capacitySpread: spread,
        percentiles: [0, 0.5, 1],
      },
      {
        chunkRuns: 1,
        onProgress: (f) => fractions.push(f),
        yieldToHost: async () => {},
      },
    );
    expect(chunked.ok && chunked.value.bands).toEqual(whole.bands);
    expect(fractions.length).toBe(c.runs);
    expect(fractions[0]).toBeCloseTo(1 / c.runs, 12);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe("capacity spread", () => {
  test("delivered capacity averages the plan (planned × factor, not ÷), with the asked spread", () => {
    // A backlog that never runs out: every run decides exactly its drawn capacity.
    const runs = 20_000;
    const result = simulateBacklog(createRng(11), {
      opening: 1e7,
      intake: 0,
      capacity: 1000,
      weeks: 1,
      runs,
      intakeModel: { kind: "fixed" },
      capacitySpread: 0.5,
      percentiles: [0.5],
    });
    if (!result.ok) throw new Error(result.error.message);
    const decided = 1e7 - (result.value.mean[0] as number);
    // Standard error of the mean decision: 1000 × 0.5 / √runs ≈ 3.5.
    expect(Math.abs(decided - 1000)).toBeLessThan(5 * 3.6);
    // Lognormal with mean 1 and CV 0.5: median exp(−σ²/2) with σ² = ln 1.25, i.e. 894.4.
    expect(1e7 - (result.value.bands[0]?.[0] as number)).toBeCloseTo(1000 / Math.sqrt(1.25), -1);
  });
});

describe("targets", () => {
  // Fixed intake and no spread: the backlog falls by 10 a week, 100 → 90 → … → 0 in week 10.
  const falling = {
    opening: 100,
    intake: 10,
    capacity: 20,
    weeks: 12,
    runs: 100,
    intakeModel: { kind: "fixed" } as const,
  };

  test("the chance is measured in the target week", () => {
    for (const [targetWeek, chance] of [
      [4, 0],
      [5, 1],
      [12, 1],
    ] as const) {
      const result = simulateBacklog(createRng(1), {
        ...falling,
        target: 50,
        targetWeek,
      });
      expect(result.ok && result.value.target).toMatchObject({
        week: targetWeek,
        chance,
        reachedShare: 1,
        expectedWeeks: 5,
      });
    }
  });

  test("an opening exactly at the target has reached it in week 0", () => {
    const result = simulateBacklog(createRng(1), {
      ...falling,
      intake: 20,
      target: 100,
    });
    expect(result.ok && result.value.target).toEqual({
      target: 100,
      week: 12,
      chance: 1,
      reachedShare: 1,
      expectedWeeks: 0,
      meanWeeksWhenReached: 0,
    });
  });

  test("a target nobody reaches: every mean is null, not 0 or NaN", () => {
    const result = simulateBacklog(createRng(1), {
      ...falling,
      target: 0,
      capacity: 10,
    });
    expect(result.ok && result.value.target).toEqual({
      target: 0,
      week: 12,
      chance: 0,
      reachedShare: 0,
      expectedWeeks: null,
      meanWeeksWhenReached: null,
    });
  });

  test("some runs reach it: the mean over those runs only, and no overall expectation", () => {
    // History intake of 0 or 100 with capacity 50: after week 1 about half the runs are at 0.
    const result = simulateBacklog(createRng(5), {
      opening: 20,
      intake: 0,
      capacity: 50,
      weeks: 1,
      runs: 1000,
      intakeModel: { kind: "history", history: [0, 100] },
      target: 10,
    });
    if (!result.ok) throw new Error(result.error.message);
    const target = result.value.target;
    expect(target?.expectedWeeks).toBeNull();
    expect(target?.meanWeeksWhenReached).toBe(1);
    expect(target?.reachedShare).toBe(target?.chance);
    expect(Math.abs((target?.chance as number) - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 1000));
  });

  test("no target: no outcome, and no percentiles asked: no bands", () => {
    const result = simulateBacklog(createRng(1), {
      ...falling,
      percentiles: [],
    });
    expect(result.ok && result.value.target).toBeUndefined();
    expect(result.ok && result.value.bands).toEqual([]);
    expect(result.ok && Array.from(result.value.mean)).toEqual([90, 80, 70, 60, 50, 40, 30, 20, 10, 0, 0, 0]);
    expect(result.ok && Array.from(result.value.plan)).toEqual([90, 80, 70, 60, 50, 40, 30, 20, 10, 0, 0, 0]);
  });

  test("percentiles come back in the order asked", () => {
    const result = simulateBacklog(createRng(2), {
      opening: 100,
      intake: 10,
      capacity: 10,
      weeks: 3,
      runs: 200,
      percentiles: [0.9, 0.1, 0.5],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.percentiles).toEqual([0.9, 0.1, 0.5]);
    const [p90, p10, p50] = result.value.bands.map((band) => band[2] as number);
    expect(p10).toBeLessThan(p50 as number);
    expect(p50).toBeLessThan(p90 as number);
  });
});

/** A generator that returns the given 32-bit words in turn; `simulateBacklog` only calls `next()`. */
function wordsRng(words: number[]): RandomGenerator {
  let i = 0;
  return { next: () => words[i++ % words.length] as number } as unknown as RandomGenerator;
}

describe("draws the reference alone rarely reaches", () => {
  const fixedIntake = { opening: 0, capacity: [10], runs: 100, model: { kind: "fixed" } as IntakeModel };

  test("the first interpolated cell and the first exact upper cell of the factor table", () => {
    // u in the middle of cell 256 (= edge) and of cell 16,128 (= cells − edge): one draw per run.
    const words = [256.5 * 2 ** 18, 16_128.5 * 2 ** 18];
    const c: Case = { ...fixedIntake, intake: [100], spread: 1 };
    const week = sorted(referencePaths(wordsRng(words), c)[0] ?? []);
    const result = run(wordsRng(words), c, [0, 1]);
    expect(new Set(week).size).toBe(2); // both cells drawn
    expect(result.bands[0]?.[0]).toBe(week[0]);
    expect(result.bands[1]?.[0]).toBe(week[99]);
  });

  test("exactly one level factor per run is drawn before the first week's capacity factors", () => {
    const c: Case = { ...fixedIntake, intake: [25], spread: 0.3, levelSpread: 0.2 };
    const week = sorted(referencePaths(createRng(9), c)[0] ?? []);
    const result = run(9, c, [0, 1]);
    expect(result.bands[0]?.[0]).toBe(week[0]);
    expect(result.bands[1]?.[0]).toBe(week[99]);
  });
});
