/** When the backlog reaches a target (src/engine/targetWeek.ts): the figures, the 1e-9 edge, the closed form against the weekly walk. */
import fc from "fast-check";
import {
  firstWeekAtTargetCore,
  targetSlack,
  targetWeek,
  weeksToTarget,
  weeksToTargetCore,
  weekStart,
} from "../../src/engine/targetWeek";
import { projectBacklogCore } from "../../src/engine/project";
import { isoDate, isoWeekLabel } from "../../src/sheets/dates";
import { excelDateSerial } from "../../src/sheets/spec";
import { errorOf, value } from "../helpers/result";

const weeks = (n: number, v: number): number[] => new Array<number>(n).fill(v);

describe("weeksToTarget: the issue's cases", () => {
  test("the plan (1600 a year) reaches 1100 in week 59; its backlog is 1105.4 in week 58 and 1099.6 in week 59", () => {
    expect(value(weeksToTarget({ opening: 1440, intake: 25, capacity: 1600 / 52, target: 1100 }))).toBe(59);
    const backlog = new Array<number>(59);
    projectBacklogCore(1440, weeks(59, 25), weeks(59, 1600 / 52), backlog);
    expect(backlog[57]).toBeCloseTo(1105.38, 2);
    expect(backlog[58]).toBeCloseTo(1099.62, 2);
  });

  test("the rule alone (27.5) reaches 1100 in week 136, landing on exactly 1100.0", () => {
    expect(value(weeksToTarget({ opening: 1440, intake: 25, capacity: 27.5, target: 1100 }))).toBe(136);
    const backlog = new Array<number>(136);
    projectBacklogCore(1440, weeks(136, 25), weeks(136, 27.5), backlog);
    expect(backlog[135]).toBe(1100);
    expect(backlog[134]).toBe(1102.5);
  });

  test("capacity equal to intake never gets there: a 'never' error naming capacity", () => {
    expect(errorOf(weeksToTarget({ opening: 1440, intake: 25, capacity: 25, target: 1100 }))).toEqual({
      kind: "never",
      argument: "capacity",
      message: "capacity: 25 decisions a week do not exceed the intake of 25, so the backlog never reaches 1100",
    });
  });

  test("an opening already at or under the target is week 0, whatever the rates", () => {
    expect(value(weeksToTarget({ opening: 1000, intake: 25, capacity: 30, target: 1100 }))).toBe(0);
    expect(value(weeksToTarget({ opening: 1100, intake: 25, capacity: 0, target: 1100 }))).toBe(0);
    expect(value(weeksToTarget({ opening: 1000, intake: weeks(3, 50), capacity: 0, target: 1100 }))).toBe(0);
  });

  test("per-week series: reached inside the series gives its week; reached only after it, 'never' within the weeks given", () => {
    // 100 open; 10 in, 30 out for three weeks, then 10 out: 80, 60, 40, 40, 40.
    const inside = { opening: 100, intake: [10, 10, 10, 10, 10], capacity: [30, 30, 30, 10, 10], target: 50 };
    expect(value(weeksToTarget(inside))).toBe(3);
    const after = { opening: 1440, intake: weeks(52, 25), capacity: 1600 / 52, target: 1100 };
    expect(errorOf(weeksToTarget(after))).toEqual({
      kind: "never",
      argument: "target",
      message: "target: the backlog does not reach 1100 within the weeks given (52)",
    });
    // The same plan over 60 weeks gets there in week 59.
    expect(value(weeksToTarget({ ...after, intake: weeks(60, 25) }))).toBe(59);
  });

  test("a single number repeats beside a series, either way round", () => {
    expect(value(weeksToTarget({ opening: 100, intake: 10, capacity: [30, 30, 30], target: 50 }))).toBe(3);
    expect(value(weeksToTarget({ opening: 100, intake: [10, 10, 10], capacity: 30, target: 50 }))).toBe(3);
  });
});

describe("weeksToTarget: limits", () => {
  test("single numbers: up to 10,000 weeks; one more is 'never' within 10,000 weeks", () => {
    // 10,000 weeks of 0.1 net from 1,000 above target: exactly week 10,000.
    expect(value(weeksToTarget({ opening: 2000, intake: 0, capacity: 0.1, target: 1000 }))).toBe(10_000);
    expect(errorOf(weeksToTarget({ opening: 2000.1, intake: 0, capacity: 0.1, target: 1000 }))).toEqual({
      kind: "never",
      argument: "target",
      message: "target: the backlog does not reach 1000 within 10,000 weeks",
    });
  });

  test("a capacity so close to intake that the weeks overflow is 'not within 10,000 weeks', not a number", () => {
    expect(errorOf(weeksToTarget({ opening: 1e300, intake: 0, capacity: 5e-324, target: 0 })).argument).toBe("target");
  });

  test("capacity below intake is 'never' naming capacity, not the week limit", () => {
    expect(errorOf(weeksToTarget({ opening: 1440, intake: 30, capacity: 25, target: 1100 })).argument).toBe("capacity");
  });

  test.each([
    [{ opening: -1, intake: 25, capacity: 30, target: 0 }, "opening"],
    [{ opening: 1, intake: "25" as never, capacity: 30, target: 0 }, "intake"],
    [{ opening: 1, intake: 25, capacity: [30, -1], target: 0 }, "capacity"],
    [{ opening: 1, intake: 25, capacity: 30, target: -1 }, "target"],
    [{ opening: 1, intake: [1, 2], capacity: [1, 2, 3], target: 0 }, "capacity"],
  ])("%j names %s", (options, argument) => {
    expect(errorOf(weeksToTarget(options)).argument).toBe(argument);
  });

  test("a series longer than 10,000 weeks is refused; intake that overflows is an overflow, not 'never'", () => {
    expect(errorOf(weeksToTarget({ opening: 1, intake: weeks(10_001, 1), capacity: 0, target: 0 })).kind).toBe("range");
    expect(errorOf(weeksToTarget({ opening: 1e308, intake: [1e308, 1e308], capacity: 0, target: 0 }))).toMatchObject({
      kind: "range",
      overflow: true,
      argument: "intake",
    });
  });
});

describe("the 1e-9 comparison", () => {
  test("a backlog within 1e-9 of the target (relative, at least 1e-9) counts as reached; 1e-8 above does not", () => {
    expect(targetSlack(1100)).toBeCloseTo(1.1e-6, 15);
    expect(targetSlack(0)).toBe(1e-9);
    expect(firstWeekAtTargetCore(1100 + 1e-6, [0], [0], 1100).week).toBe(0);
    expect(firstWeekAtTargetCore(1100 + 1.2e-6, [0], [0], 1100).week).toBeNull();
    expect(weeksToTargetCore(1e-9, 0, 0, 0)).toBe(0);
    expect(weeksToTargetCore(2e-9, 0, 0, 0)).toBe(Infinity);
  });

  test("decimals that land a hair off the target still reach it: 2.1 open, 0.7 a week, in 3 weeks", () => {
    // In binary floating point 2.1 − 0.7 − 0.7 − 0.7 is 2.2e-16, not 0, and 2.1 ÷ 0.7 is 3.0000000000000004:
    // without the slack the walk would never stop and the closed form would say week 4.
    const walked = firstWeekAtTargetCore(2.1, [0, 0, 0], [0.7, 0.7, 0.7], 0);
    expect(walked.closing).toBeGreaterThan(0);
    expect(walked.week).toBe(3);
    expect(2.1 / 0.7).toBeGreaterThan(3);
    expect(weeksToTargetCore(2.1, 0, 0.7, 0)).toBe(3);
  });

  test("the closed form equals the week-by-week walk (random constant rates)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom(1, 4, 10, 52),
        (opening, intake, capacity, target, per) => {
          // Weekly figures like 1600/52 or 27.5: decimals, as planners type them.
          const i = intake / per;
          const c = capacity / per;
          const closed = weeksToTargetCore(opening / 4, i, c, target / 4);
          const walked = firstWeekAtTargetCore(opening / 4, weeks(2000, i), weeks(2000, c), target / 4).week;
          expect(closed > 2000 ? null : closed).toBe(walked);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("targetWeek: a plan's series, continued at its means past its end", () => {
  test("the sample's plan (52 weekly values) reaches 1100 in week 59, continued 'bij constante gemiddelden'", () => {
    const result = value(targetWeek({ opening: 1440, intake: weeks(52, 25), capacity: weeks(52, 1600 / 52), target: 1100 }));
    expect(result).toEqual({ week: 59, continued: true, seriesWeeks: 52, meanIntake: 25, meanCapacity: expect.closeTo(30.769, 3) });
  });

  test("week 59 of a plan starting Monday 1 January 2024 is the week of Monday 10 February 2025, ISO week 2025-W07", () => {
    const monday = weekStart(excelDateSerial(2024, 1, 1), 59);
    expect(isoDate(monday)).toBe("2025-02-10");
    expect(isoWeekLabel(monday)).toBe("2025-W07");
    expect(weekStart(excelDateSerial(2024, 1, 1), 1)).toBe(excelDateSerial(2024, 1, 1));
  });

  test("reached within the series: its own week, not continued", () => {
    const result = value(targetWeek({ opening: 100, intake: [10, 10, 10, 10], capacity: [30, 30, 30, 10], target: 50 }));
    expect(result).toMatchObject({ week: 3, continued: false, seriesWeeks: 4 });
  });

  test("continued from the series' closing backlog at its means, not from the opening", () => {
    // 100 open; weeks 1–2 decide 0, then 60 and 60 (means: intake 10, capacity 30): 110, 120, 70, 20.
    const result = value(targetWeek({ opening: 100, intake: [10, 10, 10, 10], capacity: [0, 0, 60, 60], target: 0 }));
    expect(result).toMatchObject({ week: 5, continued: true, meanCapacity: 30 });
  });

  test("means that never get there: null; an opening at the target: week 0", () => {
    expect(value(targetWeek({ opening: 1440, intake: [25, 25], capacity: [30, 20], target: 1100 })).week).toBeNull();
    expect(value(targetWeek({ opening: 1000, intake: 25, capacity: 0, target: 1100 }))).toMatchObject({ week: 0, continued: false });
  });

  test("one number for both: 52 weeks, then the same rates (the rule alone: week 136, past any weekly table)", () => {
    expect(value(targetWeek({ opening: 1440, intake: 25, capacity: 27.5, target: 1100 }))).toMatchObject({ week: 136, continued: true, seriesWeeks: 52 });
  });

  test("its errors are weeksToTarget's", () => {
    expect(errorOf(targetWeek({ opening: 1, intake: [1, 2], capacity: [1], target: 0 })).argument).toBe("capacity");
    expect(errorOf(targetWeek({ opening: 1, intake: 1, capacity: 1, target: Number.NaN })).argument).toBe("target");
    expect(errorOf(targetWeek({ opening: 1e308, intake: [1e308, 1e308], capacity: 0, target: 0 })).overflow).toBe(true);
  });
});
