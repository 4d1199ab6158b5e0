import { fifoWaitCore, projectTracks, projectTracksCore, ProjectTracksResult } from "../../src/engine/tracks";
import { errorOf, value } from "../helpers/result";

// Week-by-week figures of the three tracks, worked out by hand.

describe("projectTracksCore", () => {
  test("triage decides available ÷ (1 + L); track 2 goes first; track 4 gets what is left", () => {
    const backlog = [new Float64Array(2), new Float64Array(2), new Float64Array(2)] as const;
    const decisions = [new Float64Array(2), new Float64Array(2), new Float64Array(2)] as const;
    // Lead time 1 week: triage decides half of what it holds each week.
    projectTracksCore([10, 5, 20], [[4, 0], [3, 1], [2, 6]], [6, 30], 1, backlog, decisions);
    // Week 1: triage 14 → 7 decided; track 2 holds 8, takes all 6; track 4 gets 0 of its 22.
    // Week 2: triage 7 → 3.5; track 2 holds 3, takes 3 of 30; track 4 gets 27 of its 28.
    expect(backlog.map((b) => Array.from(b))).toEqual([[7, 3.5], [2, 0], [22, 1]]);
    expect(decisions.map((d) => Array.from(d))).toEqual([[7, 3.5], [6, 3], [0, 27]]);
  });

  test("lead time 0 decides everything the same week", () => {
    const backlog = [[0], [0], [0]] as const;
    const decisions = [[0], [0], [0]] as const;
    projectTracksCore([8, 0, 0], [[2], [0], [0]], [0], 0, backlog, decisions);
    expect(backlog).toEqual([[0], [0], [0]]);
    expect(decisions).toEqual([[10], [0], [0]]);
  });
});

describe("fifoWaitCore", () => {
  const wait = (backlog: number[], decisions: number[]): Array<number | null> => {
    const out = new Array<number | null>(backlog.length);
    fifoWaitCore(backlog, decisions, out);
    return out;
  };

  test("counted week by week and interpolated in the deciding week", () => {
    // Decisions 0, 10, 5, 20: 35 by the end of week 4.
    // Week 1: 30 ahead → 15 by week 3, then 15 of week 4's 20: 2.75 weeks.
    // Weeks 2 and 3: 35 in all, exactly at the end of week 4.
    expect(wait([30, 25, 20, 0], [0, 10, 5, 20])).toEqual([2.75, 2, 1, 0]);
  });

  test("an empty queue waits 0 weeks, also in the last week; a full one at the end waits past the horizon", () => {
    expect(wait([0], [3])).toEqual([0]);
    expect(wait([5], [5])).toEqual([null]);
    expect(wait([5, 0], [0, 5])).toEqual([1, 0]);
  });

  test("a case 1e-9 short of decided counts as decided, in that week and not the next", () => {
    // 10 ahead; week 2 decides 10 − 1e-10: decided within week 2, not beyond the horizon.
    expect(wait([10, 0], [0, 10 - 1e-10])).toEqual([1, 0]);
    // Exactly at the tolerance: 1 ahead, 1 − 1e-9 decided in the last week.
    expect(wait([1, 0], [0, 1 - 1e-9])).toEqual([1, 0]);
  });

  test("a remainder within the tolerance is decided at the start of the week", () => {
    expect(wait([1e-12, 0], [0, 1])).toEqual([0, 0]);
    expect(wait([1e-12, 0], [0, 1e-12])).toEqual([0, 0]);
    expect(wait([1e-9, 0], [0, 1e-9])).toEqual([0, 0]);
    // The tolerance grows with the count: 1e-9 × 1000 here.
    expect(wait([1e-7, 0], [1000, 1e-7])).toEqual([0, 0]);
  });

  test("a remainder just past the tolerance is interpolated", () => {
    // 2e-9 ahead, 4e-9 decided in week 2: half a week.
    expect(wait([2e-9, 0], [0, 4e-9])).toEqual([0.5, 0]);
  });
});

describe("projectTracks: figures by hand", () => {
  // Lead time 7 days = 1 week. Intake 10 then 20, split 0.5 / 0.25 / 0.25.
  // Week 1: triage 7 + 5 = 12 → 6; track 2 10 + 2.5 = 12.5, takes all 8; track 4 20 + 2.5, gets 0.
  // Week 2: triage 6 + 10 = 16 → 8; track 2 4.5 + 5 → 9.5 of 40; track 4 22.5 + 5 → 27.5 of 30.5: 3 unused.
    // Per test, not at collection: Stryker counts code run outside a test as covered by every test.
  let r: ProjectTracksResult;
  beforeEach(() => {
    r = value(
    projectTracks({ openingByTrack: [7, 10, 20], intake: [10, 20], shares: [0.5, 0.25], capacity: [8, 40], fastLeadTimeDays: 7 }),
  );
  });

  test("inputs as used", () => {
    expect(r.shares).toEqual({ fast: 0.5, safe: 0.25, regular: 0.25 });
    expect(r.opening).toEqual({ fast: 7, safe: 10, regular: 20 });
    expect(r.fastLeadTimeDays).toBe(7);
  });

  test("each track's weeks", () => {
    expect(r.tracks.fast).toEqual([
      { week: 1, intake: 5, capacity: 6, decisions: 6, backlog: 6, leadTimeWeeks: 1, waitWeeks: 0.75 },
      { week: 2, intake: 10, capacity: 8, decisions: 8, backlog: 8, leadTimeWeeks: 1, waitWeeks: null },
    ]);
    expect(r.tracks.safe).toEqual([
      { week: 1, intake: 2.5, capacity: 8, decisions: 8, backlog: 4.5, leadTimeWeeks: 4.5 / 8, waitWeeks: 4.5 / 9.5 },
      { week: 2, intake: 5, capacity: 40, decisions: 9.5, backlog: 0, leadTimeWeeks: 0, waitWeeks: 0 },
    ]);
    expect(r.tracks.regular).toEqual([
      { week: 1, intake: 2.5, capacity: 0, decisions: 0, backlog: 22.5, leadTimeWeeks: null, waitWeeks: 22.5 / 27.5 },
      { week: 2, intake: 5, capacity: 30.5, decisions: 27.5, backlog: 0, leadTimeWeeks: 0, waitWeeks: 0 },
    ]);
  });

  test("totals, unused capacity and the closing backlog", () => {
    expect(r.totalBacklog).toEqual([33, 8]);
    expect(r.unusedCapacity).toEqual([0, 3]);
    expect(r.closingBacklog).toEqual({ fast: 8, safe: 0, regular: 0, total: 8 });
  });

  test("one week: the closing backlog is that week's", () => {
    const one = value(projectTracks({ openingByTrack: [7, 10, 20], intake: 10, shares: [0.5, 0.25], capacity: 8, weeks: 1, fastLeadTimeDays: 7 }));
    expect(one.closingBacklog).toEqual({ fast: 6, safe: 4.5, regular: 22.5, total: 33 });
  });
});

describe("projectTracks: the opening backlog from one total", () => {
  const base = { intake: 0, shares: [0.5, 0.25], capacity: 0, weeks: 1, fastLeadTimeDays: 0 };

  test("triage takes the triaged part; tracks 2 and 4 split the rest by their shares", () => {
    expect(value(projectTracks({ ...base, openingByTrack: 1000, triagedOpeningShare: 0.2 })).opening).toEqual({
      fast: 200,
      safe: 400,
      regular: 400,
    });
    expect(value(projectTracks({ ...base, openingByTrack: [1000], triagedOpeningShare: 0.2 })).opening).toEqual({
      fast: 200,
      safe: 400,
      regular: 400,
    });
    expect(value(projectTracks({ ...base, openingByTrack: [1000], shares: [0.5, 0.1] })).opening).toEqual({
      fast: 0,
      safe: 200,
      regular: 800,
    });
  });

  test("all intake to triage: the untriaged part goes to track 4", () => {
    expect(value(projectTracks({ ...base, openingByTrack: 100, shares: [1, 0], triagedOpeningShare: 0.25 })).opening).toEqual({
      fast: 25,
      safe: 0,
      regular: 75,
    });
  });

  test("per-track figures stay as given", () => {
    expect(value(projectTracks({ ...base, openingByTrack: [1, 2, 3], triagedOpeningShare: 1 })).opening).toEqual({
      fast: 1,
      safe: 2,
      regular: 3,
    });
  });
});

describe("projectTracks: the first bad input is reported", () => {
  const base = { openingByTrack: [1, 2, 3], intake: 5, shares: [0.5, 0.25], capacity: 4 };

  test("shares, then opening, then series, weeks, lead time and triaged share", () => {
    expect(errorOf(projectTracks({ ...base, shares: [0.6, 0.6], openingByTrack: [1, 2] })).message).toBe(
      "shares: the shares add up to 1.2; they must add up to at most 1",
    );
    expect(errorOf(projectTracks({ ...base, openingByTrack: [1, 2], intake: -1 })).message).toBe(
      "opening_by_track: expected one total or three values (triage (Ter Apel), track 2, track 4), got 2",
    );
    expect(errorOf(projectTracks({ ...base, capacity: [1, -1], weeks: 0 })).message).toBe(
      "capacity, week 2: expected a number ≥ 0, got -1",
    );
    expect(errorOf(projectTracks({ ...base, intake: [1, 1, 1], capacity: [1, 1], weeks: 0 })).message).toBe(
      "capacity: has 2 weeks but intake has 3; give one number or one figure per intake week",
    );
    expect(errorOf(projectTracks({ ...base, capacity: [1, 1], weeks: 3 })).message).toBe(
      "weeks: 3 is longer than the capacity range (2 weeks)",
    );
    expect(errorOf(projectTracks({ ...base, weeks: 0, fastLeadTimeDays: -1 })).message).toBe(
      "weeks: expected a whole number from 1 to 10,000, got 0",
    );
    expect(errorOf(projectTracks({ ...base, fastLeadTimeDays: 70_001, triagedOpeningShare: 2 })).message).toBe(
      "fast_lead_time: expected a number from 0 to 70,000, got 70001",
    );
    expect(errorOf(projectTracks({ ...base, triagedOpeningShare: 1.5 })).message).toBe(
      "triaged_opening_share: expected a number from 0 to 1, got 1.5",
    );
    expect(errorOf(projectTracks({ ...base, intake: [1e308, 1e308] })).message).toBe(
      "intake: the figures are too large to add up to a finite backlog",
    );
    // The opening backlogs of all three tracks count.
    for (const openingByTrack of [
      [1e308, 0, 1e308],
      [0, 1e308, 1e308],
      [1e308, 1e308, 0],
    ]) {
      expect(errorOf(projectTracks({ ...base, openingByTrack, intake: 0 })).message).toBe(
        "intake: the figures are too large to add up to a finite backlog",
      );
    }
  });

  test("the limits themselves are allowed", () => {
    const r = value(projectTracks({ ...base, weeks: 1, fastLeadTimeDays: 70_000, triagedOpeningShare: 1 }));
    expect(r.fastLeadTimeDays).toBe(70_000);
    expect(value(projectTracks({ ...base, weeks: 1 })).fastLeadTimeDays).toBe(88);
  });
});
