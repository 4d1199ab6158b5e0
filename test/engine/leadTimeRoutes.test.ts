/** The memo's lead time across its grounds of decision (src/engine/leadTimeRoutes.ts): 2023 replayed beside 343 days, and triage's cases in the mean. */
import { decidedLeadTime } from "../../src/engine/leadTime";
import { leadTimeWithTriage, meanOverRoutes, MEMO_2023, replay2023 } from "../../src/engine/leadTimeRoutes";
import { errorOf, value } from "../helpers/result";

describe("meanOverRoutes", () => {
  test("weighted by the cases each route decided; routes with nothing decided do not count", () => {
    expect(meanOverRoutes([{ decided: 3, leadTimeDays: 100 }, { decided: 1, leadTimeDays: 20 }])).toBe(80);
    expect(meanOverRoutes([{ decided: 0, leadTimeDays: 1e9 }, { decided: 2, leadTimeDays: 60 }])).toBe(60);
    expect(meanOverRoutes([])).toBeNull();
    expect(meanOverRoutes([{ decided: 0, leadTimeDays: 88 }])).toBeNull();
  });
});

describe("leadTimeWithTriage", () => {
  test("triage's cases at 88 days unless given, weighted with the queue's, in days and weeks", () => {
    expect(leadTimeWithTriage({ queue: { decided: 1600, meanWeeks: 50 }, triage: { decided: 178 } })).toEqual({
      days: (1600 * 350 + 178 * 88) / 1778,
      weeks: (1600 * 350 + 178 * 88) / 1778 / 7,
      decided: 1778,
    });
    expect(leadTimeWithTriage({ queue: { decided: 10, meanWeeks: 10 }, triage: { decided: 10, leadTimeDays: 14 } }).days).toBe(42);
  });

  test("triage off: the queue's own; a queue that decided nothing leaves triage's; nothing at all: null", () => {
    expect(leadTimeWithTriage({ queue: { decided: 1600, meanWeeks: 50 } })).toEqual({ days: 350, weeks: 50, decided: 1600 });
    expect(leadTimeWithTriage({ queue: { decided: 0, meanWeeks: null }, triage: { decided: 5 } }).days).toBe(88);
    expect(leadTimeWithTriage({ queue: { decided: 0, meanWeeks: null } })).toEqual({ days: null, weeks: null, decided: 0 });
  });
});

describe("replay2023: the memo's year, comparable with its 343 days", () => {
  test("one FIFO queue for all 1530 gives 395 days; with the 190 incomplete (88 days) and 70 not considered (60 days) on their own routes, 370", () => {
    const replay = value(replay2023());
    expect(replay.memoDays).toBe(343);
    expect(replay.openingSpreadWeeks).toBeCloseTo(1580 / (1390 / 52), 12);
    expect(replay.singleQueueDays).toBeCloseTo(395.4, 1);
    expect(replay.queueDays).toBeCloseTo(429.5, 1);
    expect(replay.allRoutesDays).toBeCloseTo(370.2, 1);
    expect(replay.allRoutesDays).toBeCloseTo((1270 * replay.queueDays + 190 * 88 + 70 * 60) / 1530, 9);
  });

  test("the single queue is the existing replay (docs/lead-time.md), and the queue without the short routes still ends at 1440", () => {
    const single = value(decidedLeadTime({ opening: 1580, intake: 1390 / 52, capacity: 1530 / 52, weeks: 52 }));
    expect(value(replay2023()).singleQueueDays).toBeCloseTo((single.mean as number) * 7, 9);
    const short = MEMO_2023.incomplete.decided + MEMO_2023.notConsidered.decided;
    expect(MEMO_2023.opening + MEMO_2023.filed - short - (MEMO_2023.decided - short)).toBe(MEMO_2023.closing);
  });

  test("the opening backlog's age profile is an assumption the planner can change: older cases, a longer lead time", () => {
    const queueIntakeProfile = value(replay2023({ openingSpreadWeeks: 1580 / (1130 / 52) }));
    expect(queueIntakeProfile.allRoutesDays).toBeCloseTo(417.4, 1);
    expect(value(replay2023({ openingSpreadWeeks: 0 })).allRoutesDays).toBeLessThan(value(replay2023()).allRoutesDays);
    expect(errorOf(replay2023({ openingSpreadWeeks: -1 })).argument).toBe("opening_spread_weeks");
  });
});
