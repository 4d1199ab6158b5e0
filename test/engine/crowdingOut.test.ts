import { crowdingOut, crowdingOutCore, CrowdingOutResult, extraCapacityCore, fteCapacity } from "../../src/engine/sharedCapacity";
import { errorOf, value } from "../helpers/result";

// Crowding-out figures worked out by hand, and its checks at their limits.

describe("fteCapacity", () => {
  test("fte × decisions per fte per week; 0 is allowed", () => {
    expect(value(fteCapacity({ fte: 4, decisionsPerFteWeek: 2.5 }))).toBe(10);
    expect(value(fteCapacity({ fte: 0, decisionsPerFteWeek: 0 }))).toBe(0);
  });

  test("errors", () => {
    expect(errorOf(fteCapacity({ fte: 4, decisionsPerFteWeek: -1 })).message).toBe(
      "decisions_per_fte_week: expected a number ≥ 0, got -1",
    );
    expect(errorOf(fteCapacity({ fte: 1e200, decisionsPerFteWeek: 1e200 }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "fte",
      message: "fte: the figures are too large to give a finite capacity",
    });
  });
});

describe("crowdingOutCore and extraCapacityCore", () => {
  test("the other work twice: on its capacity and on that capacity less the move, never below 0", () => {
    const out = {
      backlogWithout: new Float64Array(2),
      backlogWith: new Float64Array(2),
      decisionsWithout: new Float64Array(2),
      decisionsWith: new Float64Array(2),
    };
    // Week 2 moves a hair more than there is: the reduced capacity is 0, not negative.
    crowdingOutCore(10, [5, 5], [8, 1], [2, 1 + 5e-10], out);
    expect(Array.from(out.backlogWithout)).toEqual([7, 11]);
    expect(Array.from(out.decisionsWithout)).toEqual([8, 1]);
    expect(Array.from(out.backlogWith)).toEqual([9, 14]);
    expect(Array.from(out.decisionsWith)).toEqual([6, 0]);
  });

  test("the running peak of the lost decisions, from 0", () => {
    const out = [9, 9, 9, 9, 9];
    extraCapacityCore([-1, 2, 1, 2, 3], out);
    expect(out).toEqual([0, 2, 2, 2, 3]);
  });
});

describe("crowdingOut: figures by hand", () => {
  // Opening 10, intake 5 a week, capacity 8, 8, 4, moved 2, 0, 3.
  // Without: 15 → 8 → 7; 12 → 8 → 4; 9 → 4 → 5.
  // With (6, 8, 1): 15 → 6 → 9; 14 → 8 → 6; 11 → 1 → 10.
    // Per test, not at collection: Stryker counts code run outside a test as covered by every test.
  let r: CrowdingOutResult;
  beforeEach(() => {
    r = value(crowdingOut({ opening: 10, intake: 5, capacity: [8, 8, 4], moved: [2, 0, 3], decisionsPerFteWeek: 2 }));
  });

  test("rows", () => {
    const row = (week: number, capacity: number, moved: number, dWithout: number, dWith: number, bWithout: number, bWith: number, peak: number) => ({
      week,
      intake: 5,
      capacity,
      moved,
      decisionsWithout: dWithout,
      decisionsWith: dWith,
      lostDecisions: dWithout - dWith,
      backlogWithout: bWithout,
      backlogWith: bWith,
      extraBacklog: bWith - bWithout,
      extraCapacityNeeded: peak,
      extraFteNeeded: peak / 2,
    });
    expect(r.rows).toEqual([row(1, 8, 2, 8, 6, 7, 9, 2), row(2, 8, 0, 8, 8, 4, 6, 2), row(3, 4, 3, 4, 1, 5, 10, 3)]);
  });

  test("totals", () => {
    expect(r.closingBacklogWithout).toBe(5);
    expect(r.closingBacklogWith).toBe(10);
    expect(r.totalLostDecisions).toBe(5);
    expect(r.extraCapacityNeeded).toBe(3);
    expect(r.extraFteNeeded).toBe(1.5);
  });

  test("without decisions per fte there is no fte figure", () => {
    const plain = value(crowdingOut({ opening: 10, intake: 5, capacity: 8, moved: 2, weeks: 1 }));
    expect(plain.rows[0]?.extraFteNeeded).toBeNull();
    expect(plain.extraFteNeeded).toBeNull();
    expect(plain.extraCapacityNeeded).toBe(2);
  });

  test("one week", () => {
    const one = value(crowdingOut({ opening: 10, intake: 5, capacity: 8, moved: 2, weeks: 1 }));
    expect([one.closingBacklogWithout, one.closingBacklogWith, one.totalLostDecisions]).toEqual([7, 9, 2]);
  });
});

describe("crowdingOut: checks", () => {
  const base = { opening: 0, intake: 1, capacity: 40, moved: 5 };

  test("the first bad input is reported", () => {
    expect(errorOf(crowdingOut({ ...base, opening: -1, intake: -1 })).message).toBe("other_backlog: expected a number ≥ 0, got -1");
    expect(errorOf(crowdingOut({ ...base, intake: -1, capacity: -1 })).message).toBe("other_intake: expected a number ≥ 0, got -1");
    expect(errorOf(crowdingOut({ ...base, capacity: -1, moved: -1 })).message).toBe("other_capacity: expected a number ≥ 0, got -1");
    expect(errorOf(crowdingOut({ ...base, moved: -1, weeks: 0 })).message).toBe("moved_capacity: expected a number ≥ 0, got -1");
    expect(errorOf(crowdingOut({ ...base, intake: [1, 1], moved: [1, 1, 1], decisionsPerFteWeek: 0 })).message).toBe(
      "moved_capacity: has 3 weeks but other_intake has 2; give one number or one figure per other_intake week",
    );
    expect(errorOf(crowdingOut({ ...base, capacity: [1, 1], moved: [1, 1, 1] })).message).toBe(
      "moved_capacity: has 3 weeks but other_capacity has 2; give one number or one figure per other_capacity week",
    );
    expect(errorOf(crowdingOut({ ...base, decisionsPerFteWeek: 0, moved: 50 })).message).toBe(
      "decisions_per_fte_week: expected a number > 0, got 0",
    );
    expect(errorOf(crowdingOut({ ...base, moved: 50, intake: [1e308, 1e308] })).message).toBe(
      "moved_capacity: expected a number from 0 to 40 (other_capacity), got 50",
    );
    expect(errorOf(crowdingOut({ ...base, intake: [1e308, 1e308] }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "other_intake",
      message: "other_intake: the figures are too large to add up to a finite backlog",
    });
  });

  test("moving more than there is: the week is named where a range was given", () => {
    expect(errorOf(crowdingOut({ ...base, moved: 41 }))).toEqual({
      kind: "range",
      argument: "moved_capacity",
      got: 41,
      message: "moved_capacity: expected a number from 0 to 40 (other_capacity), got 41",
    });
    expect(errorOf(crowdingOut({ ...base, capacity: [40, 20], moved: 30 }))).toEqual({
      kind: "range",
      argument: "moved_capacity",
      got: 30,
      message: "moved_capacity: expected a number from 0 to 20 (other_capacity, week 2), got 30",
    });
    expect(errorOf(crowdingOut({ ...base, moved: [10, 41] }))).toEqual({
      kind: "range",
      argument: "moved_capacity",
      week: 2,
      got: 41,
      message: "moved_capacity, week 2: expected a number from 0 to 40 (other_capacity), got 41",
    });
    expect(errorOf(crowdingOut({ ...base, moved: [41, 10] })).message).toBe(
      "moved_capacity, week 1: expected a number from 0 to 40 (other_capacity), got 41",
    );
  });

  test("up to 1e-9 of the capacity (at least 1e-9) more is rounding", () => {
    expect(crowdingOut({ ...base, capacity: 1, moved: 1 + 1e-9 }).ok).toBe(true);
    expect(crowdingOut({ ...base, capacity: 1, moved: 1.000000002 }).ok).toBe(false);
    expect(crowdingOut({ ...base, capacity: 0, moved: 1e-9 }).ok).toBe(true);
    expect(crowdingOut({ ...base, capacity: 0, moved: 2e-9 }).ok).toBe(false);
    expect(crowdingOut({ ...base, capacity: 1000, moved: 1000 + 1e-9 * 1000 }).ok).toBe(true);
    expect(crowdingOut({ ...base, capacity: 1000, moved: 1000.000002 }).ok).toBe(false);
  });

  test("a tiny decisions per fte that makes the fte infinite", () => {
    expect(errorOf(crowdingOut({ ...base, moved: 2, opening: 100, decisionsPerFteWeek: 1e-320 }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "decisions_per_fte_week",
      message: "decisions_per_fte_week: too small to give a finite number of fte",
    });
    // Nothing lost: 0 fte, however small the figure.
    expect(value(crowdingOut({ ...base, decisionsPerFteWeek: 1e-320 })).extraFteNeeded).toBe(0);
  });
});
