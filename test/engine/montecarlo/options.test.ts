/**
 * The limits of src/engine/montecarlo/options.ts, pinned at the limit and one step past it: a
 * limit that moves by one (`>` becoming `>=`) must turn a test red.
 */
import { MAX_PATH_WEEKS, MAX_PERCENTILES, MAX_RANDOM_INTAKE, SimulateBacklogOptions } from "../../../src/engine/montecarlo/options";
import { simulateBacklog, simulateBacklogChunked } from "../../../src/engine/montecarlo/simulation";
import { createRng } from "../../../src/engine/random";

/** Accepted options start simulating: the first slice runs, then the host is asked to yield. */
async function startsSimulating(options: SimulateBacklogOptions): Promise<boolean> {
  const stop = new Error("accepted");
  const outcome = simulateBacklogChunked(createRng(1), options, {
    chunkRuns: 1,
    yieldToHost: () => Promise.reject(stop),
  });
  try {
    const result = await outcome;
    if (!result.ok) return false;
    return true;
  } catch (error) {
    if (error === stop) return true;
    throw error;
  }
}

function errorOf(options: SimulateBacklogOptions): {
  argument: string;
  kind: string;
  message: string;
  week?: number;
} {
  const result = simulateBacklog(createRng(1), options);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

const small = { opening: 100, intake: 10, capacity: 11, weeks: 4, runs: 100 };

describe("runs × weeks limit", () => {
  test("exactly 1,000,000 runs × 100 weeks (the documented maximum) is accepted", async () => {
    expect(1_000_000 * 100).toBe(MAX_PATH_WEEKS);
    await expect(startsSimulating({ ...small, runs: 1_000_000, weeks: 100 })).resolves.toBe(true);
  });

  test("one week more is refused, naming runs", () => {
    const error = errorOf({ ...small, runs: 1_000_000, weeks: 101 });
    expect(error).toMatchObject({ argument: "runs", kind: "range" });
    expect(error.message).toBe(
      "runs: 1,000,000 runs × 101 weeks is more than 100,000,000 simulated weeks; use fewer runs or weeks",
    );
  });

  test("runs: 100 and 1,000,000 accepted, 99, 1,000,001 and 100.5 refused", async () => {
    await expect(startsSimulating({ ...small, runs: 100 })).resolves.toBe(true);
    await expect(startsSimulating({ ...small, runs: 1_000_000, weeks: 1 })).resolves.toBe(true);
    for (const runs of [99, 1_000_001, 100.5]) {
      expect(errorOf({ ...small, runs, weeks: 1 })).toMatchObject({
        argument: "runs",
        kind: "range",
      });
    }
  });
});

describe("random intake cap", () => {
  const atCap = {
    ...small,
    intake: MAX_RANDOM_INTAKE,
    capacity: MAX_RANDOM_INTAKE,
    weeks: 1,
  };
  const pastCap = { ...atCap, intake: MAX_RANDOM_INTAKE + 1 };

  test("Poisson: 1,000,000 a week accepted, 1,000,001 refused naming the week", () => {
    expect(simulateBacklog(createRng(1), atCap).ok).toBe(true);
    const error = errorOf({
      ...pastCap,
      intake: [5, MAX_RANDOM_INTAKE + 1],
      weeks: 2,
    });
    expect(error).toMatchObject({ argument: "intake", kind: "range", week: 2 });
    expect(error.message).toBe("intake, week 2: expected at most 1,000,000 a week for a random intake, got 1000001");
  });

  test("negative binomial: the same cap", () => {
    const model = { kind: "overdispersed", dispersion: 2 } as const;
    expect(simulateBacklog(createRng(1), { ...atCap, intakeModel: model }).ok).toBe(true);
    expect(errorOf({ ...pastCap, intakeModel: model })).toMatchObject({
      argument: "intake",
      week: 1,
    });
  });

  test("fixed intake is not drawn, so it has no cap", () => {
    const result = simulateBacklog(createRng(1), {
      ...pastCap,
      intakeModel: { kind: "fixed" },
    });
    expect(result.ok).toBe(true);
  });

  test("history: figures up to 1,000,000 accepted, 1,000,001 refused", () => {
    const at = { kind: "history", history: [0, MAX_RANDOM_INTAKE] } as const;
    expect(simulateBacklog(createRng(1), { ...small, intakeModel: at }).ok).toBe(true);
    const past = {
      kind: "history",
      history: [0, MAX_RANDOM_INTAKE + 1],
    } as const;
    expect(errorOf({ ...small, intakeModel: past })).toMatchObject({
      argument: "history",
      kind: "range",
      week: 2,
    });
  });
});

describe("percentiles", () => {
  const many = (count: number): number[] => Array.from({ length: count }, (_, i) => i / count);

  test("100 percentiles accepted, 101 refused", () => {
    const result = simulateBacklog(createRng(1), {
      ...small,
      percentiles: many(MAX_PERCENTILES),
    });
    expect(result.ok && result.value.bands.length).toBe(100);
    const error = errorOf({ ...small, percentiles: many(MAX_PERCENTILES + 1) });
    expect(error).toMatchObject({ argument: "percentiles", kind: "shape" });
    expect(error.message).toBe("percentiles: at most 100 percentiles, got 101");
  });

  test("0 and 1 accepted; a bad value is named by its position", () => {
    expect(simulateBacklog(createRng(1), { ...small, percentiles: [0, 1] }).ok).toBe(true);
    const error = errorOf({ ...small, percentiles: [0.5, 1.0001] });
    expect(error.message).toBe("percentiles, value 2: expected a number from 0 to 1, got 1.0001");
    expect(errorOf({ ...small, percentiles: [-0.0001] }).message).toMatch(/^percentiles, value 1:/);
  });

  test("a percentile list that is not a list is a type error", () => {
    const error = errorOf({
      ...small,
      percentiles: 0.5 as unknown as number[],
    });
    expect(error).toMatchObject({ argument: "percentiles", kind: "type" });
    expect(error.message).toBe("percentiles: expected a list of numbers from 0 to 1");
  });
});

describe("target week", () => {
  test("weeks 1 and the last week accepted; 0, one past the horizon and 2.5 refused", () => {
    for (const targetWeek of [1, 4]) {
      expect(simulateBacklog(createRng(1), { ...small, target: 50, targetWeek }).ok).toBe(true);
    }
    for (const targetWeek of [0, 5, 2.5]) {
      expect(errorOf({ ...small, target: 50, targetWeek })).toMatchObject({
        argument: "target_week",
        kind: "range",
      });
    }
  });

  test("the default is the last week", () => {
    const result = simulateBacklog(createRng(1), { ...small, target: 50 });
    expect(result.ok && result.value.target?.week).toBe(4);
  });
});

describe("other options", () => {
  test.each([
    [{ capacitySpread: 1.0001 }, "capacity_spread"],
    [{ capacitySpread: -0.1 }, "capacity_spread"],
    [{ target: -1 }, "target"],
    [{ intakeModel: { kind: "overdispersed", dispersion: 0.999 } as const }, "dispersion"],
    [{ intakeModel: { kind: "overdispersed", dispersion: 1000.5 } as const }, "dispersion"],
    [{ intakeModel: { kind: "history", history: [] } as const }, "history"],
  ])("%p is refused naming %s", (extra, argument) => {
    expect(errorOf({ ...small, ...extra }).argument).toBe(argument);
  });

  test("a history given as one number (one cell) is that one figure every week", () => {
    const one = simulateBacklog(createRng(1), { ...small, intakeModel: { kind: "history", history: 7 as unknown as number[] } });
    const list = simulateBacklog(createRng(1), { ...small, intakeModel: { kind: "history", history: [7] } });
    expect(one.ok && list.ok).toBe(true);
    if (one.ok && list.ok) {
      expect(one.value).toEqual(list.value);
      expect(one.value.bands.map((band) => Array.from(band))).toEqual([[96, 92, 88, 84], [96, 92, 88, 84], [96, 92, 88, 84]]);
    }
  });

  test("capacity spread 1, dispersion 1 and 1000, and a one-figure history are accepted", () => {
    for (const extra of [
      { capacitySpread: 1 },
      { intakeModel: { kind: "overdispersed", dispersion: 1 } as const },
      { intakeModel: { kind: "overdispersed", dispersion: 1000 } as const },
      { intakeModel: { kind: "history", history: [7] } as const },
      { target: 0 },
    ]) {
      expect(simulateBacklog(createRng(1), { ...small, ...extra }).ok).toBe(true);
    }
  });

  test("an unknown intake model names intake_model and the kind", () => {
    const error = errorOf({
      ...small,
      intakeModel: { kind: "uniform" } as never,
    });
    expect(error).toMatchObject({ argument: "intake_model", kind: "type" });
    expect(error.message).toBe("intake_model: expected poisson, overdispersed, history or fixed, got uniform");
  });

  test("the result reports the checked model and spread", () => {
    const result = simulateBacklog(createRng(1), {
      ...small,
      intakeModel: { kind: "overdispersed", dispersion: 3 },
      capacitySpread: 0.2,
    });
    expect(result.ok && result.value).toMatchObject({
      runs: 100,
      weeks: 4,
      intakeModel: { kind: "overdispersed", dispersion: 3 },
      capacitySpread: 0.2,
      percentiles: [0.1, 0.5, 0.9],
    });
  });

  test("chunk_runs below 1 or not whole is refused", async () => {
    for (const chunkRuns of [0, 1.5]) {
      const result = await simulateBacklogChunked(createRng(1), small, {
        chunkRuns,
        yieldToHost: async () => {},
      });
      expect(!result.ok && result.error.argument).toBe("chunk_runs");
    }
  });
});
