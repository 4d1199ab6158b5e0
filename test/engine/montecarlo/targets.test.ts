/** chanceBelow and expectedWeeksToTarget (src/engine/montecarlo/targets.ts). */
import { chanceBelow, expectedWeeksToTarget } from "../../../src/engine/montecarlo/targets";
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
