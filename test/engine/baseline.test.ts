/** The baseline (src/engine/baseline.ts): made from a plan, checked when read back, compared with the actuals as stored. */
import {
  Baseline,
  baselineProjection,
  checkBaseline,
  compareWithBaseline,
  makeBaseline,
  monitorBaseline,
} from "../../src/engine/baseline";
import { comparePlanWithActuals, monitoringColumns, monitorPlan } from "../../src/engine/monitoring";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { excelDateSerial } from "../../src/sheets/spec";
import { errorOf, value } from "../helpers/result";

const JAN_1 = excelDateSerial(2024, 1, 1);
const JAN_15 = excelDateSerial(2024, 1, 15);
const PLAN = { opening: 1440, intake: 25, capacity: 1600 / 52 };
const ACTUALS = {
  actualIntake: SAMPLE_ACTUALS_2024.intake,
  actualDecisions: SAMPLE_ACTUALS_2024.decisions,
  actualBacklog: SAMPLE_ACTUALS_2024.backlog,
};

const memoBaseline = (): Baseline =>
  value(makeBaseline({ ...PLAN, madeOn: JAN_15, firstWeek: JAN_1, inputs: { Uplift: 0.1, TargetBacklog: 1100 } }));

describe("makeBaseline", () => {
  test("the weekly planned path, dated, with its inputs: 1440 down to 1140 over 52 weeks", () => {
    const baseline = memoBaseline();
    expect(baseline).toMatchObject({ madeOn: JAN_15, firstWeek: JAN_1, opening: 1440, inputs: { Uplift: 0.1, TargetBacklog: 1100 } });
    expect(baseline.weeks).toHaveLength(52);
    expect(baseline.weeks[0]).toEqual({ week: 1, intake: 25, capacity: 1600 / 52, decisions: 1600 / 52, backlog: 1440 + 25 - 1600 / 52 });
    expect(baseline.weeks[51]?.backlog).toBeCloseTo(1140, 9);
  });

  test("plain data: it survives JSON (a sheet of values) unchanged, and its inputs are a copy", () => {
    const inputs = { Uplift: 0.1 };
    const baseline = value(makeBaseline({ ...PLAN, madeOn: JAN_15, inputs }));
    inputs.Uplift = 0.5;
    expect(baseline.inputs).toEqual({ Uplift: 0.1 });
    expect(JSON.parse(JSON.stringify(baseline))).toEqual(baseline);
    expect(baseline.firstWeek).toBeNull();
  });

  test("the planning rule when no capacity is given, as PROJECT_BACKLOG", () => {
    expect(value(makeBaseline({ opening: 1440, intake: 25, madeOn: JAN_15 })).weeks[51]?.backlog).toBeCloseTo(1310, 9);
  });

  test("errors name the date or the plan's argument", () => {
    expect(errorOf(makeBaseline({ ...PLAN, madeOn: Number.NaN })).argument).toBe("baseline_date");
    expect(errorOf(makeBaseline({ ...PLAN, madeOn: JAN_15, firstWeek: -3 })).argument).toBe("first_week");
    expect(errorOf(makeBaseline({ ...PLAN, intake: -1, madeOn: JAN_15 })).argument).toBe("intake");
  });
});

describe("compareWithBaseline: the actuals against the plan that was in force", () => {
  test("the same six columns as comparing with the same plan's inputs", () => {
    const stored = value(compareWithBaseline(memoBaseline(), ACTUALS));
    const live = value(comparePlanWithActuals({ opening: 1440, plannedIntake: 25, plannedCapacity: 1600 / 52, ...ACTUALS }));
    expect(stored.weeks.map(monitoringColumns)).toEqual(live.weeks.map(monitoringColumns));
    expect(stored.baseline.madeOn).toBe(JAN_15);
  });

  test("the stored path counts, not today's inputs: a baseline of 1500 a year compares with its own figures", () => {
    const old = value(makeBaseline({ ...PLAN, capacity: 1500 / 52, madeOn: JAN_1 }));
    const compared = value(compareWithBaseline(old, ACTUALS));
    expect(compared.weeks[0]?.plannedBacklog).toBeCloseTo(1440 + 25 - 1500 / 52, 12);
    expect(compared.plan.closingBacklog).toBeCloseTo(1440 + 52 * (25 - 1500 / 52), 9);
  });

  test("figures as stored, even where they no longer follow from intake and capacity (edited or rounded on the sheet)", () => {
    const baseline = memoBaseline();
    const rounded: Baseline = { ...baseline, weeks: baseline.weeks.map((w) => ({ ...w, backlog: Math.round(w.backlog) })) };
    const compared = value(compareWithBaseline(rounded, ACTUALS));
    expect(compared.weeks[1]?.plannedBacklog).toBe(Math.round(baseline.weeks[1]?.backlog as number));
  });

  test("more actual weeks than the baseline holds is refused, as against any plan", () => {
    const short = value(makeBaseline({ ...PLAN, weeks: 10, madeOn: JAN_15 }));
    expect(errorOf(compareWithBaseline(short, ACTUALS)).argument).toBe("actual_intake");
  });
});

describe("checkBaseline: read back from its sheet", () => {
  test("a baseline as made passes; its projection reads like any plan", () => {
    const baseline = memoBaseline();
    expect(value(checkBaseline(baseline))).toBe(baseline);
    const projection = baselineProjection(baseline);
    expect(projection.rows[0]?.leadTimeWeeks).toBeCloseTo((1440 + 25 - 1600 / 52) / (1600 / 52), 12);
    expect(projection.meanIntake).toBe(25);
    expect(projection.closingBacklog).toBe(baseline.weeks[51]?.backlog);
  });

  test("a week without decisions has no lead time, not Infinity", () => {
    const baseline = value(makeBaseline({ opening: 10, intake: 1, capacity: 0, madeOn: JAN_15, weeks: 2 }));
    expect(baselineProjection(baseline).rows.map((r) => r.leadTimeWeeks)).toEqual([null, null]);
  });

  test.each([
    ["no weeks", (b: Baseline): Baseline => ({ ...b, weeks: [] }), "baseline: it holds no weeks"],
    [
      "a week out of order",
      (b: Baseline): Baseline => ({ ...b, weeks: [b.weeks[1], b.weeks[0], ...b.weeks.slice(2)] as Baseline["weeks"] }),
      "baseline, week 1: the weeks must run 1, 2, 3, … in order, got week 2",
    ],
    [
      "text in a backlog cell",
      (b: Baseline): Baseline => ({ ...b, weeks: b.weeks.map((w, t) => (t === 4 ? { ...w, backlog: "n.v.t." as never } : w)) }),
      "baseline_backlog, week 5: expected a number ≥ 0, got 'n.v.t.'",
    ],
    ["a negative opening", (b: Baseline): Baseline => ({ ...b, opening: -1 }), "baseline_opening: expected a number ≥ 0, got -1"],
    [
      "a date that is text",
      (b: Baseline): Baseline => ({ ...b, madeOn: "15-01-2024" as never }),
      "baseline_date: expected a number from 1 to 2,958,465, got '15-01-2024'",
    ],
  ])("%s: one sentence naming it", (_name, damage, message) => {
    expect(errorOf(checkBaseline(damage(memoBaseline()))).message).toBe(message);
    expect(errorOf(compareWithBaseline(damage(memoBaseline()), ACTUALS)).message).toBe(message);
  });
});

describe("monitorBaseline: Voortgang against the baseline", () => {
  test("band, rank, status and both re-forecasts equal monitorPlan's for the same plan", () => {
    const stored = value(monitorBaseline(memoBaseline(), ACTUALS, { runs: 1000 }));
    const live = value(monitorPlan({ opening: 1440, plannedIntake: 25, plannedCapacity: 1600 / 52, ...ACTUALS, runs: 1000 }));
    expect(stored.p10).toEqual(live.p10);
    expect(stored.rank).toEqual(live.rank);
    expect(stored.status).toEqual(live.status);
    expect(stored.reforecast).toEqual(live.reforecast);
    expect(Math.round(stored.reforecast.endBacklog)).toBe(1247);
    expect(Math.round(stored.reforecast.atPace.endBacklog)).toBe(1333);
    expect(stored.baseline.madeOn).toBe(JAN_15);
  });

  test("errors: the baseline's first, then the simulation's", () => {
    expect(errorOf(monitorBaseline({ ...memoBaseline(), weeks: [] }, ACTUALS)).argument).toBe("baseline");
    expect(errorOf(monitorBaseline(memoBaseline(), ACTUALS, { seed: -1 })).argument).toBe("seed");
  });
});
