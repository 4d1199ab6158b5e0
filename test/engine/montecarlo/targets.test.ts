/** chanceBelow, expectedWeeksToTarget and headlineChance (src/engine/montecarlo/targets.ts). */
import { chanceBelow, expectedWeeksToTarget, headlineChance } from "../../../src/engine/montecarlo/targets";
import { createRng } from "../../../src/engine/random";

// Fixed intake and no spread: the backlog falls by 10 a week, 100 → 90 → … → 0 in week 10.
const falling = {
  opening: 100,
  intake: 10,
  capacity: 20,
  weeks: 12,
  runs: 100,
  intakeModel: { kind: "fixed" } as const,
};

describe("chanceBelow", () => {
  test("looks at the week asked: 50 is reached in week 5, not in week 4", () => {
    expect(chanceBelow(createRng(1), { ...falling, target: 50, week: 4 })).toEqual({ ok: true, value: 0 });
    expect(chanceBelow(createRng(1), { ...falling, target: 50, week: 5 })).toEqual({ ok: true, value: 1 });
  });

  test("without a week, the last week", () => {
    expect(chanceBelow(createRng(1), { ...falling, intake: 30, target: 100 })).toEqual({ ok: true, value: 0 });
    expect(chanceBelow(createRng(1), { ...falling, target: 0 })).toEqual({
      ok: true,
      value: 1,
    });
  });

  test("a week past the horizon is an error naming target_week", () => {
    const result = chanceBelow(createRng(1), {
      ...falling,
      target: 50,
      week: 13,
    });
    expect(!result.ok && result.error.argument).toBe("target_week");
  });
});

describe("expectedWeeksToTarget", () => {
  test("the first week at or below target", () => {
    expect(expectedWeeksToTarget(createRng(1), { ...falling, target: 35 })).toEqual({
      ok: true,
      value: { expectedWeeks: 7, reachedShare: 1, meanWeeksWhenReached: 7 },
    });
  });

  test("never reached: null means, share 0", () => {
    expect(
      expectedWeeksToTarget(createRng(1), {
        ...falling,
        capacity: 10,
        target: 50,
      }),
    ).toEqual({
      ok: true,
      value: {
        expectedWeeks: null,
        reachedShare: 0,
        meanWeeksWhenReached: null,
      },
    });
  });

  test("bad input is an error, not a throw", () => {
    const result = expectedWeeksToTarget(createRng(1), {
      ...falling,
      target: -5,
    });
    expect(!result.ok && result.error.argument).toBe("target");
  });
});

describe("headlineChance: the planner's target, not the plan's own median", () => {
  const plan = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 };

  test("the sample with target 1100: about 13% under the plan alone, P10 about 1094 (Poisson, 10,000 runs, seed 2024)", () => {
    const headline = headlineChance(createRng(2024), { ...plan, target: 1100 });
    if (!headline.ok) throw new Error(headline.error.message);
    expect(headline.value).toMatchObject({ target: 1100, basis: "target", week: 52 });
    expect(headline.value.chance).toBeCloseTo(0.13, 2);
    expect(Math.round(headline.value.p10)).toBe(1094);
    expect(Math.round(headline.value.p50)).toBe(1140);
    // The same draws as chanceBelow: one simulation, the same seed.
    expect(chanceBelow(createRng(2024), { ...plan, target: 1100 })).toEqual({ ok: true, value: headline.value.chance });
  });

  test("the plan's own end value as target says nothing: about 50%", () => {
    const headline = headlineChance(createRng(2024), { ...plan, target: 1140 });
    expect(headline.ok && Math.abs(headline.value.chance - 0.5) < 0.03).toBe(true);
  });

  test("without a target: the chance that the backlog ends no higher than it started", () => {
    const headline = headlineChance(createRng(2024), plan);
    if (!headline.ok) throw new Error(headline.error.message);
    expect(headline.value).toMatchObject({ target: 1440, basis: "opening" });
    expect(headline.value.chance).toBe(1);
    const rising = headlineChance(createRng(1), { ...falling, intake: 30 });
    expect(rising.ok && rising.value).toMatchObject({ target: 100, basis: "opening", chance: 0 });
  });

  test("its errors are the simulation's", () => {
    const result = headlineChance(createRng(1), { ...plan, target: -1 });
    expect(!result.ok && result.error.argument).toBe("target");
  });
});
