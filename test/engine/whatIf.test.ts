/**
 * The what-if scenarios in the engine (src/engine/whatIf.ts): the memo's figures, triage's
 * decisions taken from other work, fte, the lead time across routes, and the model against the
 * one the sheet's formulas are checked with in LibreOffice (test/helpers/whatIfExpected.ts).
 */
import fc from "fast-check";
import { decidedLeadTime } from "../../src/engine/leadTime";
import { projectBacklog } from "../../src/engine/project";
import {
  checkWhatIfInputs,
  CheckedWhatIfInputs,
  closingBacklogCore,
  fromOtherWorkCore,
  SCENARIO_IDS,
  ScenarioId,
  ScenarioOutcome,
  scenarioOutcomeCore,
  scenarioRatesCore,
  whatIfScenarios,
  WhatIfInputs,
} from "../../src/engine/whatIf";
import { expectedScenario, expectedTriageFte } from "../helpers/whatIfExpected";
import { errorOf, value } from "../helpers/result";

/** The sample: the memo's figures, triage's 190/1390, 1.5 decisions per fte-week (an example figure). */
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

const checked = (inputs: WhatIfInputs): CheckedWhatIfInputs => value(checkWhatIfInputs(inputs));

describe("the memo's scenarios", () => {
  let out: Record<ScenarioId, ScenarioOutcome>;
  beforeEach(() => {
    out = value(whatIfScenarios(MEMO));
  });

  test("backlog at the horizon: plan 1140, rule 1310, rule + triage 1132.3, whole decision 962.3", () => {
    expect(out.plan.closingBacklog).toBeCloseTo(1140, 9);
    expect(out.rule.closingBacklog).toBeCloseTo(1310, 9);
    expect(out.triage.closingBacklog).toBeCloseTo(1132.3, 1);
    expect(out.whole.closingBacklog).toBeCloseTo(962.3, 1);
  });

  test("target week for 1100: plan 59, rule 136 (past a 104-row table), whole decision 38", () => {
    expect(out.plan.targetWeek).toBe(59);
    expect(out.rule.targetWeek).toBe(136);
    expect(out.whole.targetWeek).toBe(38);
    expect(out.custom.targetWeek).toBe(34); // 340 ÷ (35 − 25) = 34 exactly
  });

  test("triage needs 2.3 extra fte: 3.4 decisions a week at 1.5 per fte-week", () => {
    expect(out.whole.rates.triagedPerWeek).toBeCloseTo(3.417, 3);
    expect(out.whole.triageFte).toBeCloseTo(2.28, 2);
    expect(out.triage.triageFte).toBe(out.whole.triageFte);
    expect(out.plan.triageFte).toBe(0);
    expect(out.plan.capacityFte).toBeCloseTo(20.51, 2);
  });

  test("decisions from other work: the whole decision about 178 over 52 weeks, its triage; the plan 0", () => {
    expect(out.whole.fromOtherWork).toBeCloseTo((190 / 1390) * 25 * 52, 9);
    expect(Math.round(out.whole.fromOtherWork)).toBe(178);
    expect(out.plan.fromOtherWork).toBe(0);
    expect(out.whole.fromOtherWorkFte).toBeCloseTo(out.whole.triageFte, 12);
  });

  test("a scenario using less than the plan frees capacity: the rule alone frees 170; with triage it takes 7.7 net", () => {
    expect(out.rule.fromOtherWork).toBeCloseTo((27.5 - 1600 / 52) * 52, 9);
    expect(out.rule.fromOtherWork).toBeCloseTo(-170, 9);
    expect(out.triage.fromOtherWork).toBeCloseTo(-170 + (190 / 1390) * 25 * 52, 9);
    expect(out.triage.fromOtherWork).toBeCloseTo(7.7, 1);
    expect(out.required.fromOtherWork).toBeCloseTo(-130, 9);
    expect(out.custom.fromOtherWork).toBeCloseTo(220, 9);
  });

  test("triage's fte marked as new staff take nothing from other work", () => {
    const hired = value(whatIfScenarios({ ...MEMO, triageStaffIsNew: true }));
    expect(hired.whole.fromOtherWork).toBe(0);
    expect(hired.triage.fromOtherWork).toBeCloseTo(-170, 9);
    expect(hired.whole.closingBacklog).toBe(out.whole.closingBacklog);
  });

  test("decided per year, next to the memo's 1600: the whole decision 1778 (1600 by the queue, 178 by triage)", () => {
    expect(out.plan.decidedPerYear).toBeCloseTo(1600, 9);
    expect(out.whole.decidedPerYear).toBeCloseTo(1600 + (190 / 1390) * 25 * 52, 9);
    expect(out.rule.decidedPerYear).toBeCloseTo(1430, 9);
  });

  test("the memo's lead time in days: the plan's queue 361 days; with triage on, triage's 88-day cases pull the mean down", () => {
    expect((out.plan.queueLeadTimeWeeks as number) * 7).toBeCloseTo(out.plan.leadTimeDays as number, 9);
    expect(out.plan.leadTimeDays).toBeCloseTo(361.2, 1);
    const queueDays = (out.whole.queueLeadTimeWeeks as number) * 7;
    const triaged = (190 / 1390) * 25 * 52;
    expect(out.whole.leadTimeDays).toBeCloseTo((1600 * queueDays + triaged * 88) / (1600 + triaged), 6);
    expect(out.whole.leadTimeDays as number).toBeLessThan(queueDays);
    // docs/lead-time.md: about 361 days on the queue, 334 with triage's 178 cases at 88 days.
    expect(Math.round(queueDays)).toBe(361);
    expect(out.whole.leadTimeDays).toBeCloseTo(333.6, 1);
  });

  test("the wait for a new application: backlog ÷ decisions at the horizon", () => {
    expect(out.plan.waitWeeks).toBeCloseTo(1140 / (1600 / 52), 9);
  });
});

describe("the model is the sheet's", () => {
  const inputs = fc.record({
    opening: fc.integer({ min: 0, max: 5000 }),
    intake: fc.double({ min: 0, max: 80, noNaN: true }),
    uplift: fc.double({ min: -0.5, max: 1, noNaN: true }),
    extraCapacity: fc.double({ min: 0, max: 10, noNaN: true }),
    triageShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    withoutHearingShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
    triagedOpeningShare: fc.double({ min: 0, max: 1, noNaN: true }),
    decisionsPerFteWeek: fc.double({ min: 0.5, max: 5, noNaN: true }),
    openingSpreadWeeks: fc.double({ min: 0, max: 100, noNaN: true }),
    horizon: fc.integer({ min: 1, max: 150 }),
    target: fc.integer({ min: 0, max: 3000 }),
    clearWithin: fc.integer({ min: 1, max: 150 }),
    planPerYear: fc.integer({ min: 0, max: 3000 }),
    customCapacity: fc.double({ min: 0, max: 60, noNaN: true }),
  });

  test("each scenario's queue is the one the sheet's formulas are checked against (LibreOffice test helper)", () => {
    fc.assert(
      fc.property(inputs, (raw) => {
        const v = checked(raw);
        const values = { ...raw, extra: raw.extraCapacity, triage: raw.triageShare, withoutHearing: raw.withoutHearingShare, triagedOpening: raw.triagedOpeningShare, perFte: raw.decisionsPerFteWeek, openingSpread: raw.openingSpreadWeeks, custom: raw.customCapacity };
        for (const id of SCENARIO_IDS) {
          const { triagedPerWeek, ...queue } = scenarioRatesCore(v, id);
          const expected = expectedScenario(id, values);
          expect(queue.opening).toBeCloseTo(expected.opening, 9);
          expect(queue.intake).toBeCloseTo(expected.intake, 9);
          expect(queue.capacity).toBeCloseTo(expected.capacity, 9);
          if (id === "triage" || id === "whole") expect(triagedPerWeek / v.decisionsPerFteWeek).toBeCloseTo(expectedTriageFte(values), 9);
          else expect(triagedPerWeek).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("the closed forms equal the weekly stock-flow and the FIFO lead time", () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom(...SCENARIO_IDS), (raw, id) => {
        const v = checked(raw);
        const outcome = scenarioOutcomeCore(v, id);
        const { opening, intake, capacity } = outcome.rates;
        const projection = value(projectBacklog({ opening, intake, capacity, weeks: v.horizon }));
        expect(Math.abs(outcome.closingBacklog - projection.closingBacklog)).toBeLessThanOrEqual(1e-9 * Math.max(1, opening + v.horizon * intake));
        const lead = value(decidedLeadTime({ opening, intake, capacity, weeks: v.horizon, openingSpreadWeeks: v.openingSpreadWeeks }));
        expect(outcome.queueLeadTimeWeeks).toBe(lead.mean);
      }),
      { numRuns: 150 },
    );
  });

  test("closingBacklogCore: linear down to 0 and then 0; up when intake exceeds capacity", () => {
    expect(closingBacklogCore(100, 10, 30, 4)).toBe(20);
    expect(closingBacklogCore(100, 10, 30, 6)).toBe(0);
    expect(closingBacklogCore(100, 30, 10, 2)).toBe(140);
  });

  test("fromOtherWorkCore: capacity plus triage (unless new staff) minus the plan, over the horizon", () => {
    expect(fromOtherWorkCore(30, 4, 31, 10, false)).toBe(30);
    expect(fromOtherWorkCore(30, 4, 31, 10, true)).toBe(-10);
  });
});

describe("triage's part of the opening backlog and the lead time across routes", () => {
  test("triage decides its part of the opening over the horizon; those cases waited (spread + horizon) ÷ 2 weeks", () => {
    const v = checked({ ...MEMO, triagedOpeningShare: 0.25, openingSpreadWeeks: 40 });
    const whole = scenarioOutcomeCore(v, "whole");
    expect(whole.rates.opening).toBe(1080);
    expect(whole.rates.triagedPerWeek).toBeCloseTo((190 / 1390) * 25 + 360 / 52, 12);
    const queueDecided = whole.decisionsPerWeek * 52;
    const intakeTriaged = (190 / 1390) * 25 * 52;
    const days = (queueDecided * (whole.queueLeadTimeWeeks as number) * 7 + intakeTriaged * 88 + 360 * ((40 + 52) / 2) * 7) / (queueDecided + intakeTriaged + 360);
    expect(whole.leadTimeDays).toBeCloseTo(days, 9);
  });

  test("triage's lead time is an input, 88 days unless given", () => {
    const slow = scenarioOutcomeCore(checked({ ...MEMO, triageLeadTimeDays: 200 }), "whole");
    const memo = scenarioOutcomeCore(checked(MEMO), "whole");
    expect(slow.leadTimeDays as number).toBeGreaterThan(memo.leadTimeDays as number);
    expect(checked(MEMO).triageLeadTimeDays).toBe(88);
  });

  test("a queue that decides nothing has no lead time and no wait; triage's cases still have theirs", () => {
    const v = checked({ ...MEMO, planPerYear: 0, uplift: -1 });
    const whole = scenarioOutcomeCore(v, "whole");
    expect(whole.decisionsPerWeek).toBe(0);
    expect(whole.queueLeadTimeWeeks).toBeNull();
    expect(whole.waitWeeks).toBeNull();
    expect(whole.leadTimeDays).toBeCloseTo(88, 9);
    expect(scenarioOutcomeCore(v, "plan").leadTimeDays).toBeNull();
    expect(scenarioOutcomeCore(v, "plan").targetWeek).toBeNull();
  });
});

describe("checks", () => {
  test("the default opening spread is opening ÷ intake (0 without intake); the staff are taken from other work unless marked", () => {
    expect(checked(MEMO).openingSpreadWeeks).toBeCloseTo(57.6, 12);
    expect(checked({ ...MEMO, intake: 0 }).openingSpreadWeeks).toBe(0);
    expect(checked(MEMO).triageStaffIsNew).toBe(false);
  });

  test.each([
    ["opening", { opening: -1 }],
    ["uplift", { uplift: -1.5 }],
    ["triage_share", { triageShare: 1.2 }],
    ["decisions_per_fte_week", { decisionsPerFteWeek: 0 }],
    ["horizon", { horizon: 0 }],
    ["clear_within", { clearWithin: 2.5 }],
    ["plan_per_year", { planPerYear: "1600" as never }],
    ["triage_lead_time", { triageLeadTimeDays: -1 }],
  ])("%s is named", (argument, change) => {
    expect(errorOf(whatIfScenarios({ ...MEMO, ...change })).argument).toBe(argument);
  });

  test("triage's two shares may not add up to more than 1", () => {
    expect(errorOf(whatIfScenarios({ ...MEMO, triageShare: 0.7, withoutHearingShare: 0.4 }))).toEqual({
      kind: "range",
      argument: "without_hearing_share",
      message: "without_hearing_share: triage's two shares add up to 1.1; they must add up to at most 1",
    });
    expect(value(whatIfScenarios({ ...MEMO, triageShare: 0.7, withoutHearingShare: 0.3 })).whole.rates.intake).toBeCloseTo(0, 12);
  });

  test("figures too large for a finite result are an overflow, naming what overflowed", () => {
    expect(errorOf(whatIfScenarios({ ...MEMO, opening: 1e308, intake: 1e308 }))).toMatchObject({ overflow: true, argument: "intake" });
    expect(errorOf(whatIfScenarios({ ...MEMO, decisionsPerFteWeek: 5e-324 }))).toMatchObject({
      overflow: true,
      argument: "decisions_per_fte_week",
    });
  });
});
