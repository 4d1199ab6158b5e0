import fc from "fast-check";
import { projectBacklog } from "../../src/engine/project";
import {
  crowdingOut,
  CrowdingOutOptions,
  CrowdingOutResult,
  fteCapacity,
  fteForCapacity,
  shareCapacity,
  ShareCapacityOptions,
} from "../../src/engine/sharedCapacity";
import { errorOf, value } from "../helpers/result";


const crowd = (options: CrowdingOutOptions): CrowdingOutResult => value(crowdingOut(options));

/** Other work with its weekly capacity and a move of at most that capacity. */
const otherWork = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc
    .record({
      opening: fc.double({ min: 0, max: 5000, noNaN: true }),
      intake: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: n, maxLength: n }),
      capacity: fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { minLength: n, maxLength: n }),
      fraction: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    })
    .map((w) => ({ ...w, moved: w.capacity.map((c, t) => c * (w.fraction[t] as number)) })),
);

describe("fteCapacity", () => {
  test("fte × decisions per fte per week", () => {
    expect(value(fteCapacity({ fte: 20, decisionsPerFteWeek: 1.5 }))).toBe(30);
    expect(errorOf(fteCapacity({ fte: -1, decisionsPerFteWeek: 1.5 })).message).toBe("fte: expected a number ≥ 0, got -1");
    expect(errorOf(fteCapacity({ fte: 1e200, decisionsPerFteWeek: 1e200 })).kind).toBe("range");
  });
});

describe("fteForCapacity: a weekly capacity in people", () => {
  test("capacity ÷ decisions per fte-week, the inverse of fteCapacity", () => {
    expect(value(fteForCapacity({ capacity: 30, decisionsPerFteWeek: 1.5 }))).toBe(20);
    // Triage's 3.4 decisions a week (190/1390 of 25) at the example 1.5: the 2.3 extra fte.
    expect(value(fteForCapacity({ capacity: (190 / 1390) * 25, decisionsPerFteWeek: 1.5 }))).toBeCloseTo(2.28, 2);
    const fte = value(fteForCapacity({ capacity: 1600 / 52, decisionsPerFteWeek: 1.5 }));
    expect(value(fteCapacity({ fte, decisionsPerFteWeek: 1.5 }))).toBeCloseTo(1600 / 52, 12);
  });

  test("no decisions per fte-week give no number of fte: refused, naming it; an overflow is #NUM!'s kind", () => {
    expect(errorOf(fteForCapacity({ capacity: 30, decisionsPerFteWeek: 0 })).message).toBe(
      "decisions_per_fte_week: expected a number > 0, got 0",
    );
    expect(errorOf(fteForCapacity({ capacity: -1, decisionsPerFteWeek: 1 })).argument).toBe("capacity");
    expect(errorOf(fteForCapacity({ capacity: 1e308, decisionsPerFteWeek: 1e-10 }))).toEqual({
      kind: "range",
      overflow: true,
      argument: "decisions_per_fte_week",
      message: "decisions_per_fte_week: too small to give a finite number of fte",
    });
  });
});

describe("crowding-out: the Minister's caveat", () => {
  test("pulling 1,600 forward pushes 1,600 back", () => {
    // Other work in balance (intake = capacity) with a backlog that never runs out.
    const r = crowd({ opening: 5000, intake: 100, capacity: 100, moved: 1600 / 52, weeks: 52, decisionsPerFteWeek: 1.5 });
    expect(r.closingBacklogWithout).toBe(5000);
    expect(r.closingBacklogWith).toBeCloseTo(6600, 9);
    expect(r.totalLostDecisions).toBeCloseTo(1600, 9);
    for (const week of r.rows) expect(week.lostDecisions).toBeCloseTo(1600 / 52, 12);
    expect(r.extraCapacityNeeded).toBeCloseTo(1600 / 52, 12);
    expect(r.extraFteNeeded).toBeCloseTo(1600 / 52 / 1.5, 12);
  });

  test("capacity moved equals the other work's lost decisions, week by week, while it is busy", () => {
    fc.assert(
      fc.property(otherWork, (w) => {
        // A backlog larger than all capacity over the horizon keeps the other work busy every week.
        const busy = w.capacity.reduce((a, b) => a + b, 0) + 1;
        const r = crowd({ opening: busy, intake: w.intake, capacity: w.capacity, moved: w.moved });
        r.rows.forEach((week, t) => expect(week.lostDecisions).toBeCloseTo(w.moved[t] as number, 9));
      }),
    );
  });

  test("in general the loss is at most the move, and the extra backlog is the loss so far", () => {
    fc.assert(
      fc.property(otherWork, (w) => {
        const r = crowd({ opening: w.opening, intake: w.intake, capacity: w.capacity, moved: w.moved });
        let lostSoFar = 0;
        r.rows.forEach((week, t) => {
          lostSoFar += week.lostDecisions;
          expect(week.lostDecisions).toBeLessThanOrEqual((w.moved[t] as number) + 1e-9);
          expect(week.backlogWith).toBeGreaterThanOrEqual(0);
          expect(week.backlogWithout).toBeGreaterThanOrEqual(0);
          expect(week.extraBacklog).toBeGreaterThanOrEqual(-1e-9);
          expect(week.extraBacklog).toBeCloseTo(lostSoFar, 6);
        });
      }),
    );
  });

  test("the extra capacity needed does hold the other work at its backlog without the move", () => {
    fc.assert(
      fc.property(otherWork, (w) => {
        const r = crowd({ opening: w.opening, intake: w.intake, capacity: w.capacity, moved: w.moved });
        const restored = value(
          projectBacklog({
            opening: w.opening,
            intake: w.intake,
            capacity: w.capacity.map((c, t) => c - (w.moved[t] as number) + r.extraCapacityNeeded),
          }),
        );
        restored.rows.forEach((row, t) =>
          expect(row.backlog).toBeLessThanOrEqual((r.rows[t]?.backlogWithout as number) + 1e-6),
        );
        // And it never asks for more than the largest move.
        expect(r.extraCapacityNeeded).toBeLessThanOrEqual(Math.max(0, ...w.moved) + 1e-9);
      }),
    );
  });

  test("other work with room to spare loses nothing", () => {
    const r = crowd({ opening: 0, intake: 50, capacity: 100, moved: 30, weeks: 10 });
    expect(r.totalLostDecisions).toBe(0);
    expect(r.extraCapacityNeeded).toBe(0);
    expect(r.extraFteNeeded).toBeNull();
  });

  test("moving more than the other work has is a range error naming the week", () => {
    expect(errorOf(crowdingOut({ opening: 0, intake: 10, capacity: 40, moved: 50 }))).toMatchObject({
      kind: "range",
      argument: "moved_capacity",
      message: "moved_capacity: expected a number from 0 to 40 (other_capacity), got 50",
    });
    expect(errorOf(crowdingOut({ opening: 0, intake: 10, capacity: [40, 40, 20], moved: [10, 10, 30] })).message).toBe(
      "moved_capacity, week 3: expected a number from 0 to 20 (other_capacity, week 3), got 30",
    );
  });

  test("other validation names the argument", () => {
    expect(errorOf(crowdingOut({ opening: -5, intake: 10, capacity: 40, moved: 5 })).argument).toBe("other_backlog");
    expect(errorOf(crowdingOut({ opening: 0, intake: [10, 10], capacity: [40, 40, 40], moved: 5 })).kind).toBe("shape");
    expect(errorOf(crowdingOut({ opening: 0, intake: 10, capacity: 40, moved: 5, decisionsPerFteWeek: 0 })).argument).toBe(
      "decisions_per_fte_week",
    );
    expect(
      errorOf(crowdingOut({ opening: 0, intake: 100, capacity: 100, moved: 50, decisionsPerFteWeek: 1e-320 })).kind,
    ).toBe("range");
  });
});

describe("shareCapacity: subsequent applications next to other work types", () => {
  const base: ShareCapacityOptions = {
    fte: 100,
    decisionsPerFteWeek: 1.3,
    subsequent: { opening: 1440, intake: 25, capacity: 27.5 },
    moved: 1600 / 52 - 27.5,
    others: [
      { name: "first applications", opening: 20000, intake: 80, weight: 3 },
      { name: "extensions", opening: 8000, intake: 30, weight: 1 },
    ],
    weeks: 52,
  };

  test("capacity from fte; the other work splits what is left by weight", () => {
    const r = value(shareCapacity(base));
    expect(r.totalCapacity[0]).toBeCloseTo(130, 12);
    expect(r.others[0]?.share).toBe(0.75);
    expect(r.others[0]?.rows[0]?.capacity).toBeCloseTo(0.75 * 102.5, 9);
    expect(r.others[1]?.rows[0]?.moved).toBeCloseTo(0.25 * (1600 / 52 - 27.5), 12);
  });

  test("what subsequent applications gain, the other work loses, week by week", () => {
    const r = value(shareCapacity(base));
    r.lostDecisions.forEach((lost, t) => {
      expect(lost).toBeCloseTo(1600 / 52 - 27.5, 9);
      expect(r.gainedDecisions[t]).toBeCloseTo(lost, 9);
    });
    // The 2024 plan: 1600 decided, backlog 1140 at week 52.
    expect(r.subsequent[51]?.backlogWith).toBeCloseTo(1140, 9);
    expect(r.extraFteNeeded).toBeCloseTo((1600 / 52 - 27.5) / 1.3, 9);
  });

  test("the JSDoc example: 170 decisions lost over 52 weeks", () => {
    const r = value(
      shareCapacity({
        capacity: 130,
        subsequent: { opening: 1440, intake: 25, capacity: 27.5 },
        moved: 1600 / 52 - 27.5,
        others: [{ name: "first applications", opening: 5000, intake: 102.5 }],
      }),
    );
    expect(r.others[0]?.totalLostDecisions).toBeCloseTo(170, 9);
    expect(r.extraFteNeeded).toBeNull();
  });

  test("input errors", () => {
    expect(errorOf(shareCapacity({ ...base, capacity: 130 })).message).toBe("fte: give either capacity or fte, not both");
    const { fte: _fte, ...noCapacity } = base;
    expect(errorOf(shareCapacity(noCapacity)).argument).toBe("capacity");
    expect(errorOf(shareCapacity({ ...base, decisionsPerFteWeek: undefined as never })).argument).toBe(
      "decisions_per_fte_week",
    );
    expect(errorOf(shareCapacity({ ...base, subsequent: { ...base.subsequent, capacity: 200 } }))).toMatchObject({
      kind: "range",
      argument: "subsequent_capacity",
    });
    expect(errorOf(shareCapacity({ ...base, moved: 110 }))).toMatchObject({ kind: "range", argument: "moved_capacity" });
    expect(errorOf(shareCapacity({ ...base, others: [] })).kind).toBe("shape");
    expect(
      errorOf(shareCapacity({ ...base, others: [{ name: "first applications", opening: 0, intake: 10, weight: 0 }] })).kind,
    ).toBe("range");
    expect(
      errorOf(shareCapacity({ ...base, others: [{ name: "first applications", opening: -1, intake: 10 }] })).message,
    ).toBe("first applications backlog: expected a number ≥ 0, got -1");
  });
});
