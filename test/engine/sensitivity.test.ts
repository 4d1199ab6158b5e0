/** The tornado (src/engine/sensitivity.ts): the figures for the whole decision, order, "no effect", limits. */
import { sensitivity, SensitivityRow, SENSITIVITY_INPUTS } from "../../src/engine/sensitivity";
import { whatIfScenarios, WhatIfInputs } from "../../src/engine/whatIf";
import { errorOf, value } from "../helpers/result";

const MEMO: WhatIfInputs = {
  opening: 1440,
  intake: 25,
  uplift: 0.1,
  extraCapacity: 0,
  triageShare: 190 / 1390,
  withoutHearingShare: 0,
  triagedOpeningShare: 0,
  decisionsPerFteWeek: 1.5,
  horizon: 52,
  target: 1100,
  clearWithin: 104,
  planPerYear: 1600,
  customCapacity: 35,
};

const rowOf = (rows: readonly SensitivityRow[], input: SensitivityRow["input"]): SensitivityRow =>
  rows.find((r) => r.input === input) as SensitivityRow;

describe("the whole decision with the sample and the exact share 190/1390", () => {
  test("intake −10% / +10%: 850 / 1075 at the horizon", () => {
    const row = rowOf(value(sensitivity(MEMO)).rows, "intake");
    expect([row.low, row.high]).toEqual([22.5, expect.closeTo(27.5, 12)]);
    expect(Math.round(row.closingLow)).toBe(850);
    expect(Math.round(row.closingHigh)).toBe(1075);
    // The exact figures: 1440 + 52 × (0.863 × 22.5 − 30.77) and the same with 27.5.
    expect(row.closingHigh).toBeCloseTo(1074.53, 2);
  });

  test("the plan's decisions per year (capacity) −10% / +10%: 1122 / 802", () => {
    const row = rowOf(value(sensitivity(MEMO)).rows, "planPerYear");
    expect([row.low, row.high]).toEqual([1440, expect.closeTo(1760, 9)]);
    expect(Math.round(row.closingLow)).toBe(1122);
    expect(Math.round(row.closingHigh)).toBe(802);
  });

  test("triage share −10% / +10% relatively (13.7% → 12.3% and 15.0%): 980 / 945", () => {
    const row = rowOf(value(sensitivity(MEMO)).rows, "triageShare");
    expect(row.low).toBeCloseTo(0.123, 3);
    expect(row.high).toBeCloseTo(0.15, 3);
    expect(Math.round(row.closingLow)).toBe(980);
    expect(Math.round(row.closingHigh)).toBe(945);
    expect(row.closingHigh).toBeCloseTo(944.53, 2);
  });

  test("the target week moves with them: base 38; intake 30 / 49, plan 56 / 28, triage share 39 / 36", () => {
    const result = value(sensitivity(MEMO));
    expect(result.week).toBe(38);
    expect(result.closing).toBeCloseTo(962.3, 1);
    const weeks = (input: SensitivityRow["input"]): [number | null, number | null] => {
      const row = rowOf(result.rows, input);
      return [row.weekLow, row.weekHigh];
    };
    expect(weeks("intake")).toEqual([30, 49]);
    expect(weeks("planPerYear")).toEqual([56, 28]);
    expect(weeks("triageShare")).toEqual([39, 36]);
  });

  test("uplift and decisions per fte do not move the result: the plan is above the rule, and fte change no backlog", () => {
    const rows = value(sensitivity(MEMO)).rows;
    for (const input of ["uplift", "decisionsPerFteWeek"] as const) {
      const row = rowOf(rows, input);
      expect(row.moves).toBe(false);
      expect(row.swing).toBe(0);
      expect([row.weekLow, row.weekHigh]).toEqual([38, 38]);
    }
  });

  test("ordered by swing: the plan's capacity (320) dominates, then intake (224), triage share (36); ties in input order", () => {
    const result = value(sensitivity(MEMO));
    expect(result.rows.map((r) => r.input)).toEqual(["planPerYear", "intake", "triageShare", "uplift", "decisionsPerFteWeek"]);
    expect(result.dominant).toBe("planPerYear");
    expect(result.rows[0]?.swing).toBeCloseTo(320, 9);
    expect(result.rows[1]?.swing).toBeCloseTo(224.46, 2);
  });
});

describe("what the block must make visible", () => {
  test("the memo's own 2023 intake (1390, 26.7 a week) moves the plan from 1140 to about 1230", () => {
    const at25 = value(whatIfScenarios(MEMO)).plan.closingBacklog;
    const at2023 = value(whatIfScenarios({ ...MEMO, intake: 1390 / 52 })).plan.closingBacklog;
    expect(at25).toBeCloseTo(1140, 9);
    expect(at2023).toBeCloseTo(1230, 9);
  });

  test("uplift moves the whole decision once the rule is above the plan", () => {
    // 30 a week: the rule, 33 a week, is above the plan's 30.77.
    const row = rowOf(value(sensitivity({ ...MEMO, intake: 30 })).rows, "uplift");
    expect(row.moves).toBe(true);
    expect(row.closingLow).toBeGreaterThan(row.closingHigh);
  });

  test("another scenario and step can be asked: the plan alone at ±20% does not depend on the triage share", () => {
    const result = value(sensitivity(MEMO, { scenario: "plan", step: 0.2 }));
    expect(result.scenario).toBe("plan");
    expect(rowOf(result.rows, "planPerYear").low).toBeCloseTo(1280, 9);
    expect(rowOf(result.rows, "triageShare").moves).toBe(false);
  });

  test("a capacity that falls below intake gives no target week (null, 'never')", () => {
    // The plan alone at 26 a week: −10% is 23.4 a week against 25 in, so 1100 is never reached.
    const row = rowOf(value(sensitivity({ ...MEMO, planPerYear: 26 * 52, horizon: 1 }, { scenario: "plan" })).rows, "planPerYear");
    expect(row.weekLow).toBeNull();
    expect(row.moves).toBe(true);
  });

  test("no input moves a result that sits at 0: dominant is null", () => {
    const result = value(sensitivity({ ...MEMO, opening: 0, intake: 0, target: 0 }));
    expect(result.rows.every((r) => !r.moves)).toBe(true);
    expect(result.dominant).toBeNull();
    expect(result.rows.map((r) => r.input)).toEqual(SENSITIVITY_INPUTS);
  });
});

describe("limits", () => {
  test("a moved input stays within what it may be: triage share up to 1 − the without-hearing share, uplift from −1", () => {
    const share = rowOf(value(sensitivity({ ...MEMO, triageShare: 0.95, withoutHearingShare: 0.02 })).rows, "triageShare");
    expect(share.high).toBeCloseTo(0.98, 12);
    const uplift = rowOf(value(sensitivity({ ...MEMO, uplift: -1 })).rows, "uplift");
    expect([uplift.low, uplift.high]).toEqual([-0.9, -1]);
  });

  test("bad inputs and steps are named", () => {
    expect(errorOf(sensitivity({ ...MEMO, intake: -1 })).argument).toBe("intake");
    expect(errorOf(sensitivity(MEMO, { step: 1.5 }))).toMatchObject({ argument: "step", kind: "range" });
  });
});
