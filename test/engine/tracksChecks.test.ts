import { checkFiniteTotal, checkOpeningByTrack, checkShares, expandSeries, resolveSeriesWeeks, waitWeeks } from "../../src/engine/tracks";
import { errorOf, value } from "../helpers/result";

// Exact error objects and boundaries of the track checks: a limit itself and one step past it.

describe("checkShares", () => {
  test("a wrong count is a shape error naming the count and the argument", () => {
    expect(errorOf(checkShares([0.1]))).toEqual({
      kind: "shape",
      argument: "shares",
      got: [0.1],
      message: "shares: expected two values (triage (Ter Apel), track 2) or three (triage (Ter Apel), track 2, track 4), got 1",
    });
    expect(errorOf(checkShares([0.1, 0.1, 0.1, 0.1], "split")).message).toBe(
      "split: expected two values (triage (Ter Apel), track 2) or three (triage (Ter Apel), track 2, track 4), got 4",
    );
  });

  test("a bad share keeps the argument the planner typed; the message names the track", () => {
    expect(errorOf(checkShares([0.1, 1.5], "split"))).toEqual({
      kind: "range",
      argument: "split",
      expected: "a number from 0 to 1",
      rule: { min: 0, max: 1 },
      got: 1.5,
      message: "split, track 2: expected a number from 0 to 1, got 1.5",
    });
  });

  test("shares at 0 and 1 are allowed", () => {
    expect(value(checkShares([1, 0]))).toEqual({ fast: 1, safe: 0, regular: 0 });
    expect(value(checkShares([0, 1]))).toEqual({ fast: 0, safe: 1, regular: 0 });
    expect(value(checkShares([0, 0]))).toEqual({ fast: 0, safe: 0, regular: 1 });
    expect(value(checkShares([0.25, 0.5]))).toEqual({ fast: 0.25, safe: 0.5, regular: 0.25 });
  });

  test("a sum up to 1e-9 above 1 is rounding; more is an error, shown without binary noise", () => {
    // 0.5 + 0.5000000005 = 1.0000000005: within the slack; track 4 gets nothing, never a negative share.
    expect(value(checkShares([0.5, 0.5 + 5e-10]))).toEqual({ fast: 0.5, safe: 0.5 + 5e-10, regular: 0 });
    // Exactly 1 + 1e-9 in binary: still allowed.
    expect(value(checkShares([0.5, 0.500000001]))).toEqual({ fast: 0.5, safe: 0.500000001, regular: 0 });
    expect(errorOf(checkShares([0.5, 0.5 + 2e-9]))).toEqual({
      kind: "range",
      argument: "shares",
      got: [0.5, 0.5 + 2e-9],
      message: "shares: the shares add up to 1.000000002; they must add up to at most 1",
    });
    // 0.6 + 0.7 is 1.2999999999999998 in binary.
    expect(errorOf(checkShares([0.6, 0.7])).message).toBe("shares: the shares add up to 1.3; they must add up to at most 1");
    expect(errorOf(checkShares([0.6, 0.3, 0.2])).message).toBe("shares: the shares add up to 1.1; they must add up to at most 1");
  });

  test("three shares must add up to 1 within 1e-9", () => {
    expect(value(checkShares([0.2, 0.3, 0.5 - 5e-10]))).toEqual({ fast: 0.2, safe: 0.3, regular: 0.5 - 5e-10 });
    expect(value(checkShares([0.2, 0.3, 0.5]))).toEqual({ fast: 0.2, safe: 0.3, regular: 0.5 });
    // Exactly 1 − 1e-9: still allowed.
    expect(value(checkShares([0, 0, 1 - 1e-9]))).toEqual({ fast: 0, safe: 0, regular: 1 - 1e-9 });
    expect(errorOf(checkShares([0.2, 0.3, 0.5 - 2e-9], "split"))).toEqual({
      kind: "range",
      argument: "split",
      got: [0.2, 0.3, 0.5 - 2e-9],
      message:
        "split: the three shares add up to 0.999999998; with three values they must add up to 1 (or give two, triage (Ter Apel) and track 2, and track 4 takes the rest)",
    });
    // 0.1 + 0.7 + 0.1 is 0.8999999999999999 in binary.
    expect(errorOf(checkShares([0.1, 0.7, 0.1])).message).toContain("the three shares add up to 0.9;");
  });

  test("two shares below 1 leave the rest to track 4", () => {
    expect(value(checkShares([0.5, 0.25]))).toEqual({ fast: 0.5, safe: 0.25, regular: 0.25 });
    expect(value(checkShares([0, 0.25]))).toEqual({ fast: 0, safe: 0.25, regular: 0.75 });
  });
});

describe("checkOpeningByTrack", () => {
  const shares = { fast: 0.5, safe: 0.25, regular: 0.25 };

  test("one total is split by the shares", () => {
    expect(value(checkOpeningByTrack(400, shares))).toEqual({ fast: 200, safe: 100, regular: 100 });
    expect(value(checkOpeningByTrack([400], shares))).toEqual({ fast: 200, safe: 100, regular: 100 });
    expect(value(checkOpeningByTrack(0, shares))).toEqual({ fast: 0, safe: 0, regular: 0 });
  });

  test("a bad total names the argument", () => {
    expect(errorOf(checkOpeningByTrack(-1, shares))).toEqual({
      kind: "range",
      argument: "opening_by_track",
      expected: "a number ≥ 0",
      rule: { min: 0 },
      got: -1,
      message: "opening_by_track: expected a number ≥ 0, got -1",
    });
    expect(errorOf(checkOpeningByTrack(["x"], shares, "opening")).message).toBe("opening: expected a number ≥ 0, got 'x'");
  });

  test("two or four values are a shape error", () => {
    expect(errorOf(checkOpeningByTrack([1, 2], shares))).toEqual({
      kind: "shape",
      argument: "opening_by_track",
      got: [1, 2],
      message: "opening_by_track: expected one total or three values (triage (Ter Apel), track 2, track 4), got 2",
    });
    expect(errorOf(checkOpeningByTrack([1, 2, 3, 4], shares, "opening")).message).toBe(
      "opening: expected one total or three values (triage (Ter Apel), track 2, track 4), got 4",
    );
  });

  test("three values are used as given; a bad one keeps the argument and names the track", () => {
    expect(value(checkOpeningByTrack([0, 7, 3], shares))).toEqual({ fast: 0, safe: 7, regular: 3 });
    expect(errorOf(checkOpeningByTrack([1, -2, 3], shares, "opening"))).toEqual({
      kind: "range",
      argument: "opening",
      expected: "a number ≥ 0",
      rule: { min: 0 },
      got: -2,
      message: "opening, track 2: expected a number ≥ 0, got -2",
    });
    expect(errorOf(checkOpeningByTrack([-1, 2, 3], shares)).message).toBe(
      "opening_by_track, triage (Ter Apel): expected a number ≥ 0, got -1",
    );
  });
});

describe("resolveSeriesWeeks", () => {
  test("without weeks: the length of the ranges, else 52", () => {
    expect(value(resolveSeriesWeeks(undefined, []))).toBe(52);
    expect(value(resolveSeriesWeeks(undefined, [["intake", 5], ["capacity", 7]]))).toBe(52);
    expect(value(resolveSeriesWeeks(undefined, [["intake", 5], ["capacity", [1, 2, 3]], ["moved", 2], ["other", [4, 5, 6]]]))).toBe(3);
  });

  test("ranges of different lengths: the later one is named against the first", () => {
    expect(errorOf(resolveSeriesWeeks(undefined, [["intake", [1, 2, 3]], ["capacity", [1, 2]]]))).toEqual({
      kind: "shape",
      argument: "capacity",
      message: "capacity: has 2 weeks but intake has 3; give one number or one figure per intake week",
    });
    expect(errorOf(resolveSeriesWeeks(4, [["a", 1], ["b", [1, 2]], ["c", [1, 2]], ["d", [1]]])).message).toBe(
      "d: has 1 weeks but b has 2; give one number or one figure per b week",
    );
  });

  test("at most 10,000 weeks from the ranges", () => {
    expect(value(resolveSeriesWeeks(undefined, [["capacity", 3], ["intake", new Array(10_000).fill(1)]]))).toBe(10_000);
    expect(errorOf(resolveSeriesWeeks(undefined, [["capacity", 3], ["intake", new Array(10_001).fill(1)]]))).toEqual({
      kind: "range",
      argument: "intake",
      message: "intake: has 10001 weeks; at most 10,000 are allowed",
    });
  });

  test("weeks given: a whole number from 1 to 10,000, not past the ranges", () => {
    expect(value(resolveSeriesWeeks(500, [["intake", 5]]))).toBe(500);
    expect(value(resolveSeriesWeeks(10_000, []))).toBe(10_000);
    expect(value(resolveSeriesWeeks(3, [["intake", 5], ["capacity", [1, 2, 3]]]))).toBe(3);
    expect(value(resolveSeriesWeeks(2, [["intake", [1, 2, 3]]]))).toBe(2);
    expect(errorOf(resolveSeriesWeeks(4, [["intake", 5], ["capacity", [1, 2, 3]]]))).toEqual({
      kind: "range",
      argument: "weeks",
      got: 4,
      message: "weeks: 4 is longer than the capacity range (3 weeks)",
    });
    expect(errorOf(resolveSeriesWeeks(0, []))).toEqual({
      kind: "range",
      argument: "weeks",
      expected: "a whole number from 1 to 10,000",
      rule: { min: 1, max: 10_000, integer: true },
      got: 0,
      message: "weeks: expected a whole number from 1 to 10,000, got 0",
    });
    expect(errorOf(resolveSeriesWeeks(10_001, [])).message).toBe("weeks: expected a whole number from 1 to 10,000, got 10001");
  });
});

describe("checkFiniteTotal and expandSeries", () => {
  test("the opening and every intake week count towards the total", () => {
    expect(value(checkFiniteTotal(1, [2, 3], "intake"))).toBe(true);
    expect(value(checkFiniteTotal(1e308, [0], "intake"))).toBe(true);
    expect(errorOf(checkFiniteTotal(1e308, [1e308], "other_intake"))).toEqual({
      kind: "range",
      overflow: true,
      argument: "other_intake",
      message: "other_intake: the figures are too large to add up to a finite backlog",
    });
    expect(errorOf(checkFiniteTotal(0, [1e308, 1e308], "intake")).argument).toBe("intake");
  });

  test("one number fills every week; a range gives its first weeks", () => {
    expect(expandSeries(3, 2)).toEqual([3, 3]);
    expect(expandSeries([1, 2, 3], 2)).toEqual([1, 2]);
    expect(expandSeries([1, 2, 3], 3)).toEqual([1, 2, 3]);
  });
});

describe("waitWeeks", () => {
  test("position ÷ decisions per week", () => {
    expect(value(waitWeeks({ position: 30, decisionsPerWeek: 4 }))).toBe(7.5);
    expect(value(waitWeeks({ position: 0, decisionsPerWeek: 4 }))).toBe(0);
  });

  test("bad inputs name their argument", () => {
    expect(errorOf(waitWeeks({ position: -1, decisionsPerWeek: 4 })).message).toBe("position: expected a number ≥ 0, got -1");
    expect(errorOf(waitWeeks({ position: 1e308, decisionsPerWeek: 1e-10 }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "decisions_per_week",
      got: 1e-10,
      message: "decisions_per_week: 1e-10 is too small to give a finite wait",
    });
  });
});
