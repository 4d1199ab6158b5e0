import fc from "fast-check";
import { comparePlanWithActuals, monitoringColumns, monitorPlan } from "../../src/engine/monitoring";
import { PLAN_VS_ACTUAL } from "../../src/functions/monitoring";
import { CHANCE_BELOW } from "../../src/functions/uncertainty";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { call, column } from "../helpers/functions";

const weekly = 1600 / 52;
const row = (values: unknown[]): unknown[][] => [values];

describe("=IND.PLAN_VS_ACTUAL", () => {
  test("spills one row per known week, six columns, no header", () => {
    const result = PLAN_VS_ACTUAL([[100]], [[10]], [[12]], column([13, 9, 10]), column([11, 12, 15]));
    expect(result).toEqual([
      [98, 102, 4, 3, 1, 0],
      [96, 99, 3, 2, 1, 0],
      [94, 94, 0, 2, -2, 0],
    ]);
  });

  test("a counted backlog fills column 2 and the unexplained part; a row range works like a column", () => {
    const result = PLAN_VS_ACTUAL(100, [[10]], [[12]], row([13, 9, 10]), row([11, 12, 15]), row([101, 99, 90]));
    expect(result.map((r) => r[5])).toEqual([-1, 0, -4]);
  });

  test("the sample's 12 weeks equal the engine's columns, with the plan as weekly ranges", () => {
    const result = PLAN_VS_ACTUAL(
      1440,
      column(new Array(52).fill(25)),
      column(new Array(52).fill(weekly)),
      column(SAMPLE_ACTUALS_2024.intake),
      column(SAMPLE_ACTUALS_2024.decisions),
      column(SAMPLE_ACTUALS_2024.backlog),
    );
    const engine = comparePlanWithActuals({
      opening: 1440,
      plannedIntake: 25,
      plannedCapacity: weekly,
      actualIntake: SAMPLE_ACTUALS_2024.intake,
      actualDecisions: SAMPLE_ACTUALS_2024.decisions,
      actualBacklog: SAMPLE_ACTUALS_2024.backlog,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(result).toEqual(engine.value.weeks.map(monitoringColumns));
  });

  test("the monitoring rank of a week is what =IND.CHANCE_BELOW gives for that week", () => {
    const monitored = monitorPlan({
      opening: 1440,
      plannedIntake: 25,
      plannedCapacity: weekly,
      actualIntake: SAMPLE_ACTUALS_2024.intake,
      actualDecisions: SAMPLE_ACTUALS_2024.decisions,
      actualBacklog: SAMPLE_ACTUALS_2024.backlog,
    });
    if (!monitored.ok) throw new Error(monitored.error.message);
    for (const week of [3, 12]) {
      const actual = SAMPLE_ACTUALS_2024.backlog[week - 1] as number;
      expect(CHANCE_BELOW(1440, [[25]], [[weekly]], week, actual)).toBe(monitored.value.rank[week - 1]);
    }
  });

  test("blanks inside the actual ranges count as 0, as elsewhere in the add-in", () => {
    const blanks = PLAN_VS_ACTUAL(100, [[10]], [[12]], column([13, null, 10]), column([11, "", 15]));
    const zeros = PLAN_VS_ACTUAL(100, [[10]], [[12]], column([13, 0, 10]), column([11, 0, 15]));
    expect(blanks).toEqual(zeros);
  });

  test.each([
    [
      "different lengths",
      () => PLAN_VS_ACTUAL(100, [[10]], [[12]], column([13, 9, 10]), column([11, 12])),
      "#VALUE!",
      "actual_decisions: has 2 weeks but actual_intake has 3; give one figure per known week",
    ],
    [
      "counted backlog of another length",
      () => PLAN_VS_ACTUAL(100, [[10]], [[12]], column([13, 9]), column([11, 12]), column([1, 2, 3])),
      "#VALUE!",
      "actual_backlog: has 3 weeks but actual_intake has 2; give one figure per known week",
    ],
    [
      "actuals longer than the plan",
      () => PLAN_VS_ACTUAL(100, column([10, 10]), [[12]], column([1, 1, 1]), column([1, 1, 1])),
      "#VALUE!",
      "actual_intake: has 3 weeks but the plan has only 2; the actuals may not run past the plan",
    ],
    [
      "text in a week",
      () => PLAN_VS_ACTUAL(100, [[10]], [[12]], column([13, "twaalf", 10]), column([11, 12, 15])),
      "#VALUE!",
      "actual_intake, week 2: expected a number ≥ 0, got 'twaalf'",
    ],
    [
      "a negative count",
      () => PLAN_VS_ACTUAL(100, [[10]], [[12]], column([13, 9, 10]), column([11, 12, 15]), column([101, -1, 90])),
      "#VALUE!",
      "actual_backlog, week 2: expected a number ≥ 0, got -1",
    ],
    [
      "a two-column range",
      () => PLAN_VS_ACTUAL(100, [[10]], [[12]], [[1, 2], [3, 4]], column([11, 12])),
      "#VALUE!",
      "actual_intake: expected one column or one row, got 2 rows × 2 columns",
    ],
    [
      "planned capacity of another length than planned intake",
      () => PLAN_VS_ACTUAL(100, column([10, 10, 10]), column([12, 12]), column([1]), column([1])),
      "#VALUE!",
      "planned_capacity: has 2 weeks but planned_intake has 3; give one number or one figure per plan week",
    ],
  ])("%s → one sentence naming the argument and week", (_, fn, code, message) => {
    expect(call(fn)).toEqual({ code, message });
  });
});

describe("=IND.PLAN_VS_ACTUAL against any argument shape", () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 60 }),
    fc.constantFrom(1e308, -0, 5e-324),
    fc.string({ maxLength: 4 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(""),
  );
  const argument = fc.oneof(
    cell,
    fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 6 }),
    fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 8 }),
    fc.constant([]),
    fc.constant([[]]),
  );

  test("a finite 6-column spill or an Excel error with a message, nothing else", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 6, maxLength: 6 }), (args) => {
        const result = call(() => (PLAN_VS_ACTUAL as (...a: unknown[]) => unknown)(...args));
        if (result.code !== undefined) {
          expect(["#VALUE!", "#NUM!"]).toContain(result.code);
          expect((result.message ?? "").length).toBeGreaterThan(10);
          return;
        }
        for (const line of result.value as number[][]) {
          expect(line).toHaveLength(6);
          for (const v of line) expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
