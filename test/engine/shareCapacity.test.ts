import { shareCapacity, ShareCapacityOptions, ShareCapacityResult } from "../../src/engine/sharedCapacity";
import { errorOf, value } from "../helpers/result";

// shareCapacity's figures worked out by hand, and its checks in the order they are given.

/** The options without the named keys (exactOptionalPropertyTypes forbids `key: undefined`). */
function omit(options: ShareCapacityOptions, ...keys: Array<keyof ShareCapacityOptions>): ShareCapacityOptions {
  const copy: Record<string, unknown> = { ...options };
  for (const key of keys) delete copy[key];
  return copy as unknown as ShareCapacityOptions;
}

describe("shareCapacity: figures by hand", () => {
  // 10 a week in all; subsequent applications 3 of it, 1 moved to them; the other 7 split 3 : 1.
  // A (share 0.75): capacity 5.25, moved 0.75; opening 20, intake 5.
  //   without: 25 → 5.25 → 19.75; 24.75 → 5.25 → 19.5. With 4.5: 25 → 20.5; 25.5 → 21.
  // The second (share 0.25): capacity 1.75, moved 0.25; intake 1 a week, decided in full either way.
  // Subsequent: opening 4, intake 2; on 3: 6 → 3, 5 → 2; on 4: 6 → 2, 4 → 0.
  const options: ShareCapacityOptions = {
    fte: 20,
    decisionsPerFteWeek: 0.5,
    subsequent: { opening: 4, intake: 2, capacity: 3 },
    moved: 1,
    others: [
      { name: "  A ", opening: 20, intake: 5, weight: 3 },
      { name: " ", opening: 0, intake: [1, 1] },
    ],
  };
    // Per test, not at collection: Stryker counts code run outside a test as covered by every test.
  let r: ShareCapacityResult;
  beforeEach(() => {
    r = value(shareCapacity(options));
  });

  test("capacity from fte; subsequent applications with and without the move", () => {
    expect(r.totalCapacity).toEqual([10, 10]);
    expect(r.subsequent).toEqual([
      { week: 1, capacityWithout: 3, capacityWith: 4, decisionsWithout: 3, decisionsWith: 4, backlogWithout: 3, backlogWith: 2 },
      { week: 2, capacityWithout: 3, capacityWith: 4, decisionsWithout: 3, decisionsWith: 4, backlogWithout: 2, backlogWith: 0 },
    ]);
    expect(r.gainedDecisions).toEqual([1, 1]);
  });

  test("the other work splits what is left by weight; names are trimmed, a blank one numbered", () => {
    const [a, b] = r.others;
    expect(a?.name).toBe("A");
    expect(a?.share).toBe(0.75);
    expect(a?.rows.map((w) => [w.capacity, w.moved, w.decisionsWithout, w.decisionsWith, w.backlogWithout, w.backlogWith])).toEqual([
      [5.25, 0.75, 5.25, 4.5, 19.75, 20.5],
      [5.25, 0.75, 5.25, 4.5, 19.5, 21],
    ]);
    expect(a?.extraCapacityNeeded).toBe(0.75);
    expect(a?.extraFteNeeded).toBe(1.5);
    expect(a?.totalLostDecisions).toBe(1.5);
    expect(b?.name).toBe("other work 2");
    expect(b?.share).toBe(0.25);
    expect(b?.rows.map((w) => [w.capacity, w.moved, w.decisionsWithout, w.decisionsWith, w.backlogWith])).toEqual([
      [1.75, 0.25, 1, 1, 0],
      [1.75, 0.25, 1, 1, 0],
    ]);
    expect(b?.extraCapacityNeeded).toBe(0);
  });

  test("the total loss and the extra capacity over all work types", () => {
    expect(r.lostDecisions).toEqual([0.75, 0.75]);
    expect(r.extraCapacityNeeded).toBe(0.75);
    expect(r.extraFteNeeded).toBe(1.5);
  });

  test("the default weight is 1; a total capacity per week instead of fte", () => {
    const given = value(shareCapacity({ ...omit(options, "fte", "decisionsPerFteWeek"), capacity: [10, 10] }));
    expect(given.others.map((o) => o.share)).toEqual([0.75, 0.25]);
    expect(given.others[0]?.rows).toEqual(r.others[0]?.rows.map((w) => ({ ...w, extraFteNeeded: null })));
    expect(given.extraFteNeeded).toBeNull();
    expect(given.extraCapacityNeeded).toBe(0.75);
    const even = value(shareCapacity({ ...options, others: [{ name: "A", opening: 0, intake: 1 }, { name: "B", opening: 0, intake: 1 }] }));
    expect(even.others.map((o) => o.share)).toEqual([0.5, 0.5]);
    expect(value(shareCapacity({ ...options, others: [{ name: 7 as never, opening: 0, intake: 1 }] })).others[0]?.name).toBe("other work 1");
  });

  test("a subsequent capacity a hair above the total leaves the others 0, not less", () => {
    const tight = value(shareCapacity({ ...omit(options, "fte"), capacity: 3, subsequent: { opening: 0, intake: 0, capacity: 3 + 1e-9 }, moved: 0, weeks: 1 }));
    expect(tight.others[0]?.rows[0]?.capacity).toBe(0);
  });
});

describe("shareCapacity: checks", () => {
  const base: ShareCapacityOptions = {
    capacity: 10,
    subsequent: { opening: 4, intake: 2, capacity: 3 },
    moved: 1,
    others: [{ name: "A", opening: 20, intake: 5 }],
  };
  const message = (options: ShareCapacityOptions): string => errorOf(shareCapacity(options)).message;

  test("total capacity: given, or fte with decisions per fte", () => {
    expect(errorOf(shareCapacity({ ...base, fte: 1 }))).toEqual({
      kind: "shape",
      argument: "fte",
      message: "fte: give either capacity or fte, not both",
    });
    expect(errorOf(shareCapacity(omit(base, "capacity")))).toEqual({
      kind: "shape",
      argument: "capacity",
      message: "capacity: give the total capacity, or fte and decisions_per_fte_week",
    });
    expect(errorOf(shareCapacity({ ...omit(base, "capacity"), fte: 10 }))).toEqual({
      kind: "shape",
      argument: "decisions_per_fte_week",
      message: "decisions_per_fte_week: needed with fte to compute the total capacity",
    });
    expect(message({ ...omit(base, "capacity"), fte: -1 })).toBe("fte: expected a number ≥ 0, got -1");
    expect(message({ ...base, capacity: -1, decisionsPerFteWeek: 0 })).toBe("decisions_per_fte_week: expected a number > 0, got 0");
    expect(message({ ...base, capacity: -1, subsequent: { ...base.subsequent, opening: -1 } })).toBe(
      "capacity: expected a number ≥ 0, got -1",
    );
  });

  test("subsequent applications, then the other work, then the weeks", () => {
    expect(message({ ...base, subsequent: { opening: -1, intake: -1, capacity: 3 } })).toBe("subsequent_backlog: expected a number ≥ 0, got -1");
    expect(message({ ...base, subsequent: { opening: 0, intake: -1, capacity: -1 } })).toBe("subsequent_intake: expected a number ≥ 0, got -1");
    expect(message({ ...base, subsequent: { opening: 0, intake: 1, capacity: -1 }, moved: -1 })).toBe(
      "subsequent_capacity: expected a number ≥ 0, got -1",
    );
    expect(message({ ...base, moved: -1, others: [] })).toBe("moved_capacity: expected a number ≥ 0, got -1");
    expect(errorOf(shareCapacity({ ...base, others: [] }))).toEqual({
      kind: "shape",
      argument: "others",
      message: "others: give at least one other work type",
    });
    expect(message({ ...base, others: [{ name: "A", opening: -1, intake: -1, weight: -1 }] })).toBe("A backlog: expected a number ≥ 0, got -1");
    expect(message({ ...base, others: [{ name: "A", opening: 0, intake: -1, weight: -1 }] })).toBe("A weight: expected a number ≥ 0, got -1");
    expect(message({ ...base, others: [{ name: "A", opening: 0, intake: 1 }, { name: "", opening: 0, intake: -1 }] })).toBe(
      "other work 2 intake: expected a number ≥ 0, got -1",
    );
    expect(errorOf(shareCapacity({ ...base, weeks: 0, others: [{ name: "A", opening: 0, intake: 1, weight: 0 }] }))).toEqual({
      kind: "range",
      argument: "others",
      message: "others: the weights add up to 0; give at least one work type a weight above 0",
    });
    expect(message({ ...base, others: [{ name: "A", opening: 0, intake: [1, 2, 3] }], capacity: [1, 2] })).toBe(
      "A intake: has 3 weeks but capacity has 2; give one number or one figure per capacity week",
    );
    expect(message({ ...base, moved: [1, 1, 1], subsequent: { opening: 0, intake: [1, 2], capacity: 3 } })).toBe(
      "moved_capacity: has 3 weeks but subsequent_intake has 2; give one number or one figure per subsequent_intake week",
    );
    expect(message({ ...base, moved: [1, 1, 1], subsequent: { opening: 0, intake: 1, capacity: [3, 3] } })).toBe(
      "moved_capacity: has 3 weeks but subsequent_capacity has 2; give one number or one figure per subsequent_capacity week",
    );
    expect(message({ ...base, weeks: 0 })).toBe("weeks: expected a whole number from 1 to 10,000, got 0");
  });

  test("subsequent applications get at most the total", () => {
    expect(errorOf(shareCapacity({ ...base, subsequent: { ...base.subsequent, capacity: 11 }, moved: 100 }))).toEqual({
      kind: "range",
      argument: "subsequent_capacity",
      got: 11,
      message: "subsequent_capacity: expected a number from 0 to 10 (capacity), got 11",
    });
    expect(errorOf(shareCapacity({ ...base, capacity: [10, 5], subsequent: { ...base.subsequent, capacity: [3, 6] } }))).toEqual({
      kind: "range",
      argument: "subsequent_capacity",
      week: 2,
      got: 6,
      message: "subsequent_capacity, week 2: expected a number from 0 to 5 (capacity, week 2), got 6",
    });
  });

  test("at most what subsequent applications leave can be moved", () => {
    expect(errorOf(shareCapacity({ ...base, moved: 8 }))).toEqual({
      kind: "range",
      argument: "moved_capacity",
      got: 8,
      message: "moved_capacity: expected a number from 0 to 7 (capacity − subsequent_capacity), got 8",
    });
    expect(value(shareCapacity({ ...base, moved: 7 })).lostDecisions[0]).toBe(7);
    expect(message({ ...base, capacity: [10, 9], moved: 7 })).toBe(
      "moved_capacity: expected a number from 0 to 6 (capacity − subsequent_capacity, week 2), got 7",
    );
    expect(message({ ...base, subsequent: { ...base.subsequent, capacity: [3, 4] }, moved: 7 })).toBe(
      "moved_capacity: expected a number from 0 to 6 (capacity − subsequent_capacity, week 2), got 7",
    );
    expect(message({ ...base, moved: [1, 8] })).toBe("moved_capacity, week 2: expected a number from 0 to 7 (capacity − subsequent_capacity), got 8");
  });

  test("figures too large to add up, per work type", () => {
    expect(errorOf(shareCapacity({ ...base, others: [{ name: "A", opening: 1e308, intake: 1e308 }], subsequent: { ...base.subsequent, intake: 1e308, opening: 1e308 } }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "A intake",
      message: "A intake: the figures are too large to add up to a finite backlog",
    });
    expect(
      message({ ...base, others: [{ name: "A", opening: 0, intake: 1 }, { name: "B", opening: 1e308, intake: 1e308 }] }),
    ).toBe("B intake: the figures are too large to add up to a finite backlog");
    expect(message({ ...base, subsequent: { ...base.subsequent, intake: 1e308, opening: 1e308 } })).toBe(
      "subsequent_intake: the figures are too large to add up to a finite backlog",
    );
  });

  test("a tiny decisions per fte that makes the fte infinite", () => {
    expect(errorOf(shareCapacity({ ...base, decisionsPerFteWeek: 1e-320 }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "decisions_per_fte_week",
      message: "decisions_per_fte_week: too small to give a finite number of fte",
    });
  });
});
