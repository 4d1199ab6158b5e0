import fc from "fast-check";
import { bandStatus, comparePlanWithActuals, describeWeek, formatWhole, monitoringColumns, monitorPlan, MonitorResult, PlanVsActualOptions, reforecast, summarizeLatestWeek } from "../../src/engine/monitoring";
import { simulateBacklog } from "../../src/engine/montecarlo/simulation";
import { chanceBelow } from "../../src/engine/montecarlo/targets";
import { projectBacklog } from "../../src/engine/project";
import { createRng } from "../../src/engine/random";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { errorOf, value } from "../helpers/result";

const SMALL: PlanVsActualOptions = {
  opening: 100,
  plannedIntake: [10, 10, 10, 10, 10],
  plannedCapacity: 12,
  actualIntake: [13, 9, 10],
  actualDecisions: [11, 12, 15],
};

describe("the six columns on hand-computed cases", () => {
  test("from the flows: plan 98, 96, 94; actual 102, 99, 94", () => {
    const result = value(comparePlanWithActuals(SMALL));
    expect(result.weeks.map(monitoringColumns)).toEqual([
      [98, 102, 4, 3, 1, 0],
      [96, 99, 3, 2, 1, 0],
      [94, 94, 0, 2, -2, 0],
    ]);
    expect(result.weeks.every((w) => !w.measured)).toBe(true);
  });

  test("with a counted backlog the unexplained part is what the flows don't explain", () => {
    const result = value(comparePlanWithActuals({ ...SMALL, actualBacklog: [101, 99, 90] }));
    expect(result.weeks.map(monitoringColumns)).toEqual([
      [98, 101, 3, 3, 1, -1],
      [96, 99, 3, 2, 1, 0],
      [94, 90, -4, 2, -2, -4],
    ]);
  });

  test("planned decisions are min(capacity, backlog + intake), not the capacity", () => {
    // Plan: 5 + 2 = 7 < 10, so 7 decided and the backlog is 0; then 2 of 2.
    const result = value(
      comparePlanWithActuals({ opening: 5, plannedIntake: 2, plannedCapacity: 10, actualIntake: [2, 2], actualDecisions: [6, 3] }),
    );
    expect(result.weeks.map((w) => w.plannedDecisions)).toEqual([7, 2]);
    expect(result.weeks.map(monitoringColumns)).toEqual([
      [0, 1, 1, 0, 1, 0],
      [0, 0, 0, 0, 0, 0],
    ]);
  });

  test("one number as the actuals is one known week", () => {
    const result = value(comparePlanWithActuals({ ...SMALL, actualIntake: 13, actualDecisions: 11 }));
    expect(result.weeks).toHaveLength(1);
    expect(result.weeks[0]?.actualBacklog).toBe(102);
  });

  test("the memo's plan, 1440 at 25 a week and 1600/52 decided: week 1 planned 1434.23", () => {
    const result = value(
      comparePlanWithActuals({ opening: 1440, plannedIntake: 25, plannedCapacity: 1600 / 52, actualIntake: [27], actualDecisions: [30] }),
    );
    expect(result.weeks[0]?.plannedBacklog).toBeCloseTo(1440 + 25 - 1600 / 52, 12);
    expect(result.weeks[0]?.actualBacklog).toBe(1437);
    expect(result.plan.rows).toHaveLength(52);
  });
});

describe("identity: difference = intake above plan + decisions below plan + unexplained", () => {
  const figure = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e4, noNaN: true }));
  const cases = fc.integer({ min: 1, max: 60 }).chain((planWeeks) =>
    fc.integer({ min: 1, max: planWeeks }).chain((known) =>
      fc.record({
        opening: fc.double({ min: 0, max: 1e5, noNaN: true }),
        plannedIntake: fc.oneof(figure, fc.array(figure, { minLength: planWeeks, maxLength: planWeeks })),
        plannedCapacity: fc.array(figure, { minLength: planWeeks, maxLength: planWeeks }),
        actualIntake: fc.array(figure, { minLength: known, maxLength: known }),
        actualDecisions: fc.array(figure, { minLength: known, maxLength: known }),
        actualBacklog: fc.option(fc.array(figure, { minLength: known, maxLength: known }), { nil: undefined }),
      }),
    ),
  );

  test("column 3 = column 4 + column 5 + column 6, and column 6 is 0 without a count", () => {
    fc.assert(
      fc.property(cases, (options) => {
        const { actualBacklog, ...rest } = options;
        const result = value(comparePlanWithActuals(actualBacklog === undefined ? rest : { ...rest, actualBacklog }));
        for (const week of result.weeks) {
          const [, , difference, intake, decisions, unexplained] = monitoringColumns(week) as [number, number, number, number, number, number];
          const scale = 1 + Math.abs(options.opening) + Math.abs(intake) + Math.abs(decisions) + week.week * 1e4;
          expect(Math.abs(difference - (intake + decisions + unexplained))).toBeLessThanOrEqual(1e-9 * scale);
          if (actualBacklog === undefined) expect(unexplained).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("re-forecast", () => {
  test("hand-computed: from 94 at week 3, intake 32/3, capacity 12 for 2 weeks", () => {
    const forecast = reforecast(value(comparePlanWithActuals(SMALL)));
    expect(forecast.fromWeek).toBe(3);
    expect(forecast.startBacklog).toBe(94);
    expect(forecast.meanIntake).toBeCloseTo(32 / 3, 12);
    expect(forecast.remainingWeeks).toBe(2);
    expect(forecast.backlog[0]).toBeCloseTo(94 + 32 / 3 - 12, 12);
    expect(forecast.endBacklog).toBeCloseTo(94 + 2 * (32 / 3 - 12), 12);
    expect(forecast.planEndBacklog).toBe(90);
    expect(forecast.requiredCapacity).toBeCloseTo(32 / 3 + (94 - 90) / 2, 12);
    expect(forecast.waitWeeks).toBeCloseTo(94 / (38 / 3), 12);
  });

  test("projects like the engine: projectBacklog from the latest backlog with the mean of the last 8 weeks", () => {
    const intake = [30, 20, 25, 27, 23, 31, 22, 26, 28, 24];
    const decisions = [29, 31, 30, 28, 32, 27, 30, 29, 31, 26];
    const capacity = Array.from({ length: 52 }, (_, t) => 28 + (t % 5));
    const result = value(
      comparePlanWithActuals({ opening: 1440, plannedIntake: 25, plannedCapacity: capacity, actualIntake: intake, actualDecisions: decisions }),
    );
    const forecast = reforecast(result);
    const mean = intake.slice(2).reduce((a, b) => a + b, 0) / 8;
    expect(forecast.meanIntake).toBeCloseTo(mean, 12);
    expect(forecast.meanDecisions).toBeCloseTo(decisions.slice(2).reduce((a, b) => a + b, 0) / 8, 12);
    const engine = value(
      projectBacklog({ opening: forecast.startBacklog, intake: mean, capacity: capacity.slice(10) }),
    );
    expect(forecast.backlog).toEqual(engine.rows.map((row) => row.backlog));
    expect(forecast.endBacklog).toBe(engine.closingBacklog);
    // The required capacity, held steady, lands on the plan's end figure.
    const steady = value(
      projectBacklog({ opening: forecast.startBacklog, intake: mean, capacity: forecast.requiredCapacity as number, weeks: 42 }),
    );
    expect(steady.closingBacklog).toBeCloseTo(result.plan.closingBacklog, 9);
  });

  test("every plan week known: nothing left to project, no required capacity", () => {
    const result = value(
      comparePlanWithActuals({ opening: 10, plannedIntake: [1, 1], plannedCapacity: 2, actualIntake: [1, 1], actualDecisions: [0, 0] }),
    );
    const forecast = reforecast(result);
    expect(forecast.remainingWeeks).toBe(0);
    expect(forecast.endBacklog).toBe(12);
    expect(forecast.requiredCapacity).toBeNull();
    expect(forecast.waitWeeks).toBeNull(); // nothing decided: no Little's law figure
  });
});

describe("band and rank from the seeded Monte Carlo", () => {
  const options: PlanVsActualOptions = {
    opening: 1440,
    plannedIntake: 25,
    plannedCapacity: 1600 / 52,
    actualIntake: SAMPLE_ACTUALS_2024.intake,
    actualDecisions: SAMPLE_ACTUALS_2024.decisions,
    actualBacklog: SAMPLE_ACTUALS_2024.backlog,
  };
    // Per test, not at collection: Stryker counts code run outside a test as covered by every test.
  let result: MonitorResult;
  beforeEach(() => {
    result = value(monitorPlan({ ...options, runs: 2000 }));
  });

  test("the rank of week t is chanceBelow for week t at the actual backlog", () => {
    for (const week of [1, 6, 12]) {
      const actual = result.weeks[week - 1]?.actualBacklog as number;
      const chance = value(
        chanceBelow(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: week, target: actual, runs: 2000 }),
      );
      expect(result.rank[week - 1]).toBe(chance);
    }
  });

  test("P10 and P90 are the simulation's percentiles of the plan", () => {
    const sim = value(
      simulateBacklog(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, runs: 2000, percentiles: [0.1, 0.9] }),
    );
    expect(result.p10).toEqual(Array.from(sim.bands[0] as Float64Array));
    expect(result.p90).toEqual(Array.from(sim.bands[1] as Float64Array));
    expect(result.p10).toHaveLength(52);
  });

  test("status compares the actual backlog with the band", () => {
    expect(bandStatus(10, 5, 15)).toBe("within");
    expect(bandStatus(15, 5, 15)).toBe("within");
    expect(bandStatus(5, 5, 15)).toBe("within");
    expect(bandStatus(4.5, 5, 15)).toBe("below");
    expect(bandStatus(15.5, 5, 15)).toBe("above");
    expect(bandStatus(4, 5, 15)).toBe("below");
    result.weeks.forEach((week, t) =>
      expect(result.status[t]).toBe(bandStatus(week.actualBacklog, result.p10[t] as number, result.p90[t] as number)),
    );
  });

  test("a fixed intake without capacity spread: every run is the plan, so the band is the plan and the rank 0 or 1", () => {
    const fixed = value(monitorPlan({ ...SMALL, actualBacklog: [97, 96, 93], runs: 100, intakeModel: { kind: "fixed" } }));
    expect(fixed.seed).toBe(2024);
    expect(fixed.runs).toBe(100);
    expect(fixed.intakeModel).toEqual({ kind: "fixed" });
    expect(fixed.capacitySpread).toBe(0);
    expect(fixed.p10).toEqual([98, 96, 94, 92, 90]);
    expect(fixed.p90).toEqual([98, 96, 94, 92, 90]);
    // 97 < 98, 96 ≤ 96, 93 < 94.
    expect(fixed.rank).toEqual([0, 1, 0]);
    expect(fixed.status).toEqual(["below", "within", "below"]);
    // Both re-forecasts at the horizon close the sentence (issue 23).
    const fixedEnd = { planned: formatWhole(fixed.reforecast.endBacklog, "en"), atPace: formatWhole(fixed.reforecast.atPace.endBacklog, "en") };
    expect(summarizeLatestWeek(fixed)).toEqual({
      nl:
        "Week 3: voorraad 93, 1 onder plan: 2 door meer instroom, 2 door meer afdoeningen, -1 onverklaard. Onder de verwachte bandbreedte (percentielrang 0): voor op plan. " +
        `Herprognose aan het einde: ${fixedEnd.planned} bij geplande capaciteit, ${fixedEnd.atPace} in het huidige tempo.`,
      en:
        "Week 3: backlog 93, 1 below plan: 2 from more intake, 2 from more decisions, -1 unexplained. Below the expected band (percentile rank 0): ahead of plan. " +
        `Re-forecast at the horizon: ${fixedEnd.planned} at the planned capacity, ${fixedEnd.atPace} at the current pace.`,
    });
    // From the flows: 102, 99, 94 against 98, 96, 94.
    const flows = value(monitorPlan({ ...SMALL, runs: 100, intakeModel: { kind: "fixed" } }));
    expect(flows.rank).toEqual([1, 1, 1]);
    expect(flows.status).toEqual(["above", "above", "within"]);
    const flowsEnd = { planned: formatWhole(flows.reforecast.endBacklog, "en"), atPace: formatWhole(flows.reforecast.atPace.endBacklog, "en") };
    expect(summarizeLatestWeek(flows)).toEqual({
      nl:
        "Week 3: voorraad 94, op plan: 2 door meer instroom, 2 door meer afdoeningen. Binnen de verwachte bandbreedte (percentielrang 100). " +
        `Herprognose aan het einde: ${flowsEnd.planned} bij geplande capaciteit, ${flowsEnd.atPace} in het huidige tempo.`,
      en:
        "Week 3: backlog 94, on plan: 2 from more intake, 2 from more decisions. Within the expected band (percentile rank 100). " +
        `Re-forecast at the horizon: ${flowsEnd.planned} at the planned capacity, ${flowsEnd.atPace} at the current pace.`,
    });
  });

  test("the capacity spread reaches the simulation", () => {
    const spread = value(monitorPlan({ ...SMALL, runs: 100, intakeModel: { kind: "fixed" }, capacitySpread: 0.2 }));
    expect(spread.capacitySpread).toBe(0.2);
    expect(spread.p10[0] as number).toBeLessThan(spread.p90[0] as number);
  });

  test("another seed gives other ranks; the same seed the same", () => {
    const again = value(monitorPlan({ ...options, runs: 2000 }));
    expect(again.rank).toEqual(result.rank);
    const other = value(monitorPlan({ ...options, runs: 2000, seed: 7 }));
    expect(other.rank).not.toEqual(result.rank);
  });
});

describe("summary sentence", () => {
  const week = { week: 20, actualBacklog: 1402, difference: 35, intakeAbovePlan: 28, decisionsBelowPlan: 7, unexplained: 0 };

  test("the issue's example, in Dutch and English", () => {
    expect(describeWeek({ ...week, status: "within", rank: 0.73 }, "nl")).toBe(
      "Week 20: voorraad 1402, 35 boven plan: 28 door meer instroom, 7 door minder afdoeningen. Binnen de verwachte bandbreedte (percentielrang 73).",
    );
    expect(describeWeek({ ...week, status: "within", rank: 0.73 }, "en")).toBe(
      "Week 20: backlog 1402, 35 above plan: 28 from more intake, 7 from fewer decisions. Within the expected band (percentile rank 73).",
    );
  });

  test("below plan, less intake, more decisions, an unexplained part and outside the band", () => {
    const ahead = { week: 4, actualBacklog: 12_345.4, difference: -20.4, intakeAbovePlan: -5, decisionsBelowPlan: -12, unexplained: -3.4 };
    expect(describeWeek({ ...ahead, status: "below", rank: 0.04 }, "nl")).toBe(
      "Week 4: voorraad 12.345, 20 onder plan: 5 door minder instroom, 12 door meer afdoeningen, -3 onverklaard. " +
        "Onder de verwachte bandbreedte (percentielrang 4): voor op plan.",
    );
    expect(describeWeek({ ...week, difference: 0.3, status: "above" }, "en")).toBe(
      "Week 20: backlog 1402, on plan: 28 from more intake, 7 from fewer decisions. Above the expected band: behind plan.",
    );
    expect(formatWhole(1234567, "en")).toBe("1,234,567");
  });

  test("no gap in intake or decisions counts as more intake and fewer decisions; a positive unexplained part has no sign", () => {
    const even = { week: 2, actualBacklog: 50, difference: 4, intakeAbovePlan: 0, decisionsBelowPlan: 0, unexplained: 4 };
    expect(describeWeek({ ...even, status: "within" }, "nl")).toBe(
      "Week 2: voorraad 50, 4 boven plan: 0 door meer instroom, 0 door minder afdoeningen, 4 onverklaard. Binnen de verwachte bandbreedte.",
    );
    expect(describeWeek({ ...even, status: "within" }, "en")).toBe(
      "Week 2: backlog 50, 4 above plan: 0 from more intake, 0 from fewer decisions, 4 unexplained. Within the expected band.",
    );
    const justBelow = { ...even, difference: -1, intakeAbovePlan: -0.2, decisionsBelowPlan: -0.2, unexplained: -0.6 };
    expect(describeWeek({ ...justBelow, status: "within" }, "en")).toBe(
      "Week 2: backlog 50, 1 below plan: 0 from less intake, 0 from more decisions, -1 unexplained. Within the expected band.",
    );
    // An unexplained part that rounds to 0 is left out; 0.5 rounds to 1.
    expect(describeWeek({ ...even, unexplained: 0.49, status: "within" }, "en")).toBe(
      "Week 2: backlog 50, 4 above plan: 0 from more intake, 0 from fewer decisions. Within the expected band.",
    );
    expect(describeWeek({ ...even, unexplained: 0.5, status: "within" }, "en")).toBe(
      "Week 2: backlog 50, 4 above plan: 0 from more intake, 0 from fewer decisions, 1 unexplained. Within the expected band.",
    );
  });

  test("summarizeLatestWeek describes the last known week with its status and rank", () => {
    const result = value(
      monitorPlan({
        opening: 1440,
        plannedIntake: 25,
        plannedCapacity: 1600 / 52,
        actualIntake: SAMPLE_ACTUALS_2024.intake,
        actualDecisions: SAMPLE_ACTUALS_2024.decisions,
        actualBacklog: SAMPLE_ACTUALS_2024.backlog,
        runs: 1000,
      }),
    );
    const sentence = summarizeLatestWeek(result);
    expect(sentence.nl).toMatch(/^Week 12: voorraad 1408, 37 boven plan: 20 door meer instroom, 21 door minder afdoeningen, -4 onverklaard\. /);
    expect(sentence.en).toContain(`(percentile rank ${Math.round((result.rank[11] as number) * 100)})`);
    // The issue's figures: 1247 at the planned capacity, 1333 at the last 8 weeks' pace.
    expect(sentence.nl).toMatch(/ Herprognose aan het einde: 1247 bij geplande capaciteit, 1333 in het huidige tempo\.$/);
    expect(sentence.en).toMatch(/ Re-forecast at the horizon: 1247 at the planned capacity, 1333 at the current pace\.$/);
  });
});

describe("bad inputs: one sentence naming the argument (and week)", () => {
  test.each([
    [{ actualDecisions: [11, 12] }, "shape", "actual_decisions: has 2 weeks but actual_intake has 3; give one figure per known week"],
    [{ actualBacklog: [1, 2, 3, 4] }, "shape", "actual_backlog: has 4 weeks but actual_intake has 3; give one figure per known week"],
    [
      { actualIntake: [1, 1, 1, 1, 1, 1], actualDecisions: [1, 1, 1, 1, 1, 1] },
      "shape",
      "actual_intake: has 6 weeks but the plan has only 5; the actuals may not run past the plan",
    ],
    [{ actualDecisions: [11, 12, -1] }, "range", "actual_decisions, week 3: expected a number ≥ 0, got -1"],
    [{ actualIntake: [13, Number.NaN, 10] }, "type", "actual_intake, week 2: expected a number ≥ 0, got NaN"],
    [{ actualBacklog: [1, "90" as unknown as number, 3] }, "type", "actual_backlog, week 2: expected a number ≥ 0, got '90'"],
    [{ actualIntake: [] }, "shape", "actual_intake: the range is empty"],
    [{ plannedIntake: [10, 10, -2, 10, 10] }, "range", "planned_intake, week 3: expected a number ≥ 0, got -2"],
    [
      { plannedCapacity: [12, 12] },
      "shape",
      "planned_capacity: has 2 weeks but planned_intake has 5; give one number or one figure per plan week",
    ],
    [{ opening: -1 }, "range", "opening: expected a number ≥ 0, got -1"],
    [{ plannedCapacity: [12, -1, 12, 12, 12] }, "range", "planned_capacity, week 2: expected a number ≥ 0, got -1"],
  ] as [Partial<PlanVsActualOptions>, string, string][])("%j", (change, kind, message) => {
    const error = errorOf(comparePlanWithActuals({ ...SMALL, ...change }));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
    // The argument is the name the sentence starts with.
    expect(error.argument).toBe(message.slice(0, message.search(/[:,]/)));
  });

  test("a plan the engine refuses names planned_intake or planned_capacity, whichever it is", () => {
    const longCapacity = errorOf(
      comparePlanWithActuals({ ...SMALL, plannedIntake: 10, plannedCapacity: new Array<number>(10_001).fill(12) }),
    );
    expect(longCapacity).toEqual({
      kind: "range",
      argument: "planned_capacity",
      message: "planned_capacity: has 10001 weeks; at most 10,000 are allowed",
    });
    const longIntake = errorOf(comparePlanWithActuals({ ...SMALL, plannedIntake: new Array<number>(10_001).fill(1), plannedCapacity: 1 }));
    expect(longIntake).toEqual({
      kind: "range",
      argument: "planned_intake",
      message: "planned_intake: has 10001 weeks; at most 10,000 are allowed",
    });
    const overflow = errorOf(comparePlanWithActuals({ ...SMALL, opening: 1e308, plannedIntake: 1e308, plannedCapacity: 0 }));
    expect(overflow.argument).toBe("planned_intake");
    expect(overflow.message).toBe("planned_intake: the figures are too large to add up to a finite backlog");
  });

  test("a number as planned intake with a weekly planned capacity is no shape error", () => {
    const result = value(comparePlanWithActuals({ ...SMALL, plannedIntake: 10, plannedCapacity: [12, 12, 11, 12] }));
    expect(result.plan.rows.map((row) => row.backlog)).toEqual([98, 96, 95, 93]);
  });

  test("only the actual backlog running past the largest number is enough to refuse, naming the week", () => {
    // Plan: 1e308 held (nothing in, nothing out). Week 2: 1e308 + 1e308 overflows the backlog,
    // while the intake above plan (1e308) and the decisions below plan (0) stay finite.
    const error = errorOf(
      comparePlanWithActuals({ opening: 1e308, plannedIntake: 0, plannedCapacity: 0, actualIntake: [0, 1e308], actualDecisions: [0, 0] }),
    );
    expect(error).toEqual({
      kind: "range",
      argument: "actual_intake",
      week: 2,
      message: "actual_intake, week 2: the figures are too large to add up to a finite backlog",
    });
  });

  test("monitorPlan passes on the errors of the comparison", () => {
    expect(errorOf(monitorPlan({ ...SMALL, actualIntake: [] })).message).toBe("actual_intake: the range is empty");
  });

  test("actuals too large to add up name the week", () => {
    const error = errorOf(comparePlanWithActuals({ ...SMALL, actualIntake: [1e308, 1e308, 1], actualDecisions: [0, 0, 0] }));
    expect(error.message).toBe("actual_intake, week 2: the figures are too large to add up to a finite backlog");
  });

  test("a plan too long for the engine names planned_intake", () => {
    const error = errorOf(
      comparePlanWithActuals({ ...SMALL, plannedIntake: new Array<number>(10_001).fill(1), plannedCapacity: 1 }),
    );
    expect(error.argument).toBe("planned_intake");
    expect(error.message).toMatch(/^planned_intake: has 10001 weeks/);
  });

  test("monitorPlan checks the seed and the runs", () => {
    expect(errorOf(monitorPlan({ ...SMALL, seed: 1.5 })).message).toBe(
      "seed: expected a whole number from 0 to 4,294,967,295, got 1.5",
    );
    expect(errorOf(monitorPlan({ ...SMALL, runs: 5 })).argument).toBe("runs");
  });
});

describe("re-forecast at the current pace beside the one at planned capacity (issue 23)", () => {
  test("hand-computed: from 94 at week 3, intake 32/3 and the mean actual decisions 38/3 for 2 weeks", () => {
    const forecast = reforecast(value(comparePlanWithActuals(SMALL)));
    expect(forecast.atPace.capacity).toBeCloseTo(38 / 3, 12);
    expect(forecast.atPace.backlog).toHaveLength(2);
    expect(forecast.atPace.backlog[0]).toBeCloseTo(94 + 32 / 3 - 38 / 3, 12);
    expect(forecast.atPace.endBacklog).toBeCloseTo(94 + 2 * (32 / 3 - 38 / 3), 12);
  });

  test("the sample's actuals: 28.6 decisions a week over the last 8 weeks; the year ends at 1247 at planned capacity, 1333 at that pace", () => {
    // src/cli/sampleWorkbook.ts writes SAMPLE_ACTUALS_2024 beside the plan: 1440, 25 a week, 1600 a year.
    const forecast = reforecast(
      value(
        comparePlanWithActuals({
          opening: 1440,
          plannedIntake: new Array(52).fill(25),
          plannedCapacity: new Array(52).fill(1600 / 52),
          actualIntake: SAMPLE_ACTUALS_2024.intake,
          actualDecisions: SAMPLE_ACTUALS_2024.decisions,
          actualBacklog: SAMPLE_ACTUALS_2024.backlog,
        }),
      ),
    );
    expect(forecast.fromWeek).toBe(12);
    expect(forecast.startBacklog).toBe(1408);
    expect(forecast.meanDecisions).toBe(28.625);
    expect(forecast.meanIntake).toBe(26.75);
    // 1408 + 40 × (26.75 − 30.77) and 1408 + 40 × (26.75 − 28.625).
    expect(forecast.endBacklog).toBeCloseTo(1408 + 40 * (26.75 - 1600 / 52), 9);
    expect(Math.round(forecast.endBacklog)).toBe(1247);
    expect(forecast.atPace.endBacklog).toBeCloseTo(1333, 9);
  });

  test("a pace above intake empties the backlog and holds it at 0, as the stock-flow does", () => {
    const result = value(
      comparePlanWithActuals({ opening: 5, plannedIntake: [1, 1, 1, 1], plannedCapacity: 1, actualIntake: [1], actualDecisions: [4] }),
    );
    expect(reforecast(result).atPace.backlog).toEqual([0, 0, 0]);
  });

  test("every plan week known: nothing to project at either rate", () => {
    const result = value(
      comparePlanWithActuals({ opening: 10, plannedIntake: [1, 1], plannedCapacity: 2, actualIntake: [1, 1], actualDecisions: [3, 0] }),
    );
    expect(reforecast(result).atPace).toEqual({ capacity: 1.5, backlog: [], endBacklog: 9 });
  });
});
