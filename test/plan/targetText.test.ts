/**
 * The plan's target week for the pane and the CLI: computed by the plan step from the weekly
 * series (continued at its means past it), and said in Dutch and English.
 */
import { runProjection, summarizeProjection } from "../../src/plan/figures";
import { targetSentence, targetWeekPhrase } from "../../src/plan/targetText";
import type { PlanInputs } from "../../src/sheets/inputs";
import { excelDateSerial } from "../../src/sheets/spec";

const SAMPLE: PlanInputs = {
  opening: 1440,
  intake: new Array(52).fill(25),
  capacity: new Array(52).fill(1600 / 52),
  uplift: 0.1,
  target: 1100,
  targetGiven: true,
  firstWeek: excelDateSerial(2024, 1, 1),
};

function summary(inputs: PlanInputs) {
  const projection = runProjection(inputs);
  if (!projection.ok) throw new Error(projection.error.message);
  return summarizeProjection(inputs, projection.value);
}

describe("the plan's target week (issue 23, item 1)", () => {
  test("the sample's 52 weeks reach 1100 in week 59, the week of Monday 10 February 2025, at constant averages", () => {
    const target = summary(SAMPLE).target;
    expect(target).toEqual({ target: 1100, week: 59, continued: true, seriesWeeks: 52, monday: excelDateSerial(2025, 2, 10) });
    if (!target) throw new Error("no target");
    expect(targetSentence(target, "nl", "1.100")).toBe("streefvoorraad 1.100 in week 59 (2025-W07, week van 2025-02-10), bij constante gemiddelden na week 52");
    expect(targetSentence(target, "en", "1,100")).toBe("target backlog 1,100 in week 59 (2025-W07, week of 2025-02-10), at constant averages after week 52");
  });

  test("within the series: no 'constant averages'; without a first week: no date", () => {
    const { firstWeek: _firstWeek, ...undated } = SAMPLE;
    const target = summary({ ...undated, target: 1300 }).target;
    // 1440 − 5.77 a week reaches 1300 in week 25 (1440 − 25 × 5.769 = 1295.8).
    expect(target).toMatchObject({ week: 25, continued: false, monday: null });
    if (!target) throw new Error("no target");
    expect(targetWeekPhrase(target, "nl")).toBe("in week 25");
  });

  test("already there, never, and no target of the planner's", () => {
    const already = summary({ ...SAMPLE, target: 1500 }).target;
    if (!already) throw new Error("no target");
    expect(targetSentence(already, "nl", "1.500")).toBe("streefvoorraad 1.500: nu al bereikt");
    const never = summary({ ...SAMPLE, capacity: new Array(52).fill(25) }).target;
    if (!never) throw new Error("no target");
    expect(never.week).toBeNull();
    expect(targetSentence(never, "en", "1,100")).toBe("target backlog 1,100: never reached, at constant averages after week 52");
    expect(summary({ ...SAMPLE, targetGiven: false }).target).toBeUndefined();
  });
});
