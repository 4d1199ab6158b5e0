/** The closed forms (src/engine/closedForms.ts): boundaries and the overflow guards. */
import { leadTime, requiredCapacity, weeksToClear } from "../../src/engine/closedForms";
import { errorOf, value } from "../helpers/result";

describe("weeksToClear", () => {
  test("opening ÷ (capacity − intake)", () => {
    expect(value(weeksToClear({ opening: 100, intake: 10, capacity: 30 }))).toBe(5);
  });

  test("nothing open: 0 weeks, even when capacity does not exceed intake", () => {
    expect(value(weeksToClear({ opening: 0, intake: 10, capacity: 5 }))).toBe(0);
  });

  test("capacity equal to intake never clears; a hair more does", () => {
    const error = errorOf(weeksToClear({ opening: 100, intake: 10, capacity: 10 }));
    expect(error).toMatchObject({ kind: "never", argument: "capacity" });
    expect(error.message).toBe(
      "capacity: 10 decisions a week do not exceed the intake of 10, so the backlog never clears",
    );
    expect(value(weeksToClear({ opening: 1, intake: 10, capacity: 10.5 }))).toBe(2);
    // Less capacity than intake: a negative "weeks" would be nonsense; it never clears.
    expect(errorOf(weeksToClear({ opening: 100, intake: 10, capacity: 5 })).kind).toBe("never");
  });

  test.each([
    [{ opening: -1, intake: 1, capacity: 2 }, "opening"],
    [{ opening: 1, intake: -1, capacity: 2 }, "intake"],
    [{ opening: 1, intake: 1, capacity: -2 }, "capacity"],
  ])("%j names %s", (options, argument) => {
    expect(errorOf(weeksToClear(options))).toMatchObject({
      kind: "range",
      argument,
    });
  });
});

describe("requiredCapacity", () => {
  test("intake + (opening − target) ÷ weeks", () => {
    expect(value(requiredCapacity({ opening: 100, intake: 10, target: 20, weeks: 8 }))).toBe(20);
  });

  test("never below 0: a target above what no decisions leave asks for 0", () => {
    expect(value(requiredCapacity({ opening: 10, intake: 1, target: 100, weeks: 2 }))).toBe(0);
  });

  test("weeks 1 and 10,000 accepted; 0, 10,001 and 1.5 refused", () => {
    expect(value(requiredCapacity({ opening: 10, intake: 0, target: 0, weeks: 1 }))).toBe(10);
    expect(
      value(
        requiredCapacity({
          opening: 10_000,
          intake: 0,
          target: 0,
          weeks: 10_000,
        }),
      ),
    ).toBe(1);
    for (const weeks of [0, 10_001, 1.5]) {
      expect(errorOf(requiredCapacity({ opening: 10, intake: 0, target: 0, weeks }))).toMatchObject({
        kind: "range",
        argument: "weeks",
      });
    }
  });

  test("figures too large for a finite capacity are refused naming intake", () => {
    const error = errorOf(
      requiredCapacity({
        opening: 1.7e308,
        intake: 1.7e308,
        target: 0,
        weeks: 1,
      }),
    );
    expect(error).toEqual({
      kind: "range",
      argument: "intake",
      message: "intake: the figures are too large to give a finite capacity",
      overflow: true,
    });
  });

  test.each([
    [{ opening: -1, intake: 1, target: 0, weeks: 1 }, "opening"],
    [{ opening: 1, intake: -1, target: 0, weeks: 1 }, "intake"],
    [{ opening: 1, intake: 1, target: -1, weeks: 1 }, "target"],
  ])("%j names %s", (options, argument) => {
    expect(errorOf(requiredCapacity(options))).toMatchObject({
      kind: "range",
      argument,
    });
  });
});

describe("leadTime", () => {
  test("backlog ÷ decisions per week", () => {
    expect(value(leadTime({ backlog: 100, decisionsPerWeek: 8 }))).toBe(12.5);
    expect(value(leadTime({ backlog: 0, decisionsPerWeek: 8 }))).toBe(0);
  });

  test("0 decisions refused; a positive rate so small that the lead time overflows is refused too", () => {
    expect(errorOf(leadTime({ backlog: 1, decisionsPerWeek: 0 }))).toMatchObject({
      kind: "range",
      argument: "decisions_per_week",
      message: "decisions_per_week: expected a number > 0, got 0",
    });
    expect(errorOf(leadTime({ backlog: 1e308, decisionsPerWeek: 1e-10 }))).toEqual({
      kind: "range",
      argument: "decisions_per_week",
      got: 1e-10,
      message: "decisions_per_week: 1e-10 is too small to give a finite lead time",
      overflow: true,
    });
    expect(errorOf(leadTime({ backlog: 1, decisionsPerWeek: Number.MIN_VALUE })).argument).toBe("decisions_per_week");
  });

  test("a negative backlog names backlog", () => {
    expect(errorOf(leadTime({ backlog: -1, decisionsPerWeek: 1 }))).toMatchObject({
      kind: "range",
      argument: "backlog",
    });
  });
});
