/**
 * The plan step's figures for the projection sheet, the pane and the CLI: the headline summary
 * (means, Little's law, the memo's lead time) and the model's replay of 2023.
 */
import { decidedLeadTime } from "../../src/engine";
import { MEMO_2023, replay2023Days, runProjection, summarizeProjection } from "../../src/plan/figures";
import type { PlanInputs } from "../../src/sheets/inputs";

describe("summarizeProjection", () => {
  it("uses means over the horizon and Little's law", () => {
    const inputs: PlanInputs = { opening: 100, intake: [10, 20], capacity: [30, 30], uplift: 0.1, target: 0 };
    const projection = runProjection(inputs);
    if (!projection.ok) throw new Error(projection.error.message);
    const s = summarizeProjection(inputs, projection.value);
    expect(s).toEqual({
      closingBacklog: 100 + 30 - 60,
      meanIntake: 15,
      meanCapacity: 30,
      meanDecisions: 30,
      weeksToClear: 100 / 15,
      leadTimeWeeks: 70 / 30,
      decidedLeadTimeWeeks: s.decidedLeadTimeWeeks,
      decidedLeadTimeByWeek: s.decidedLeadTimeByWeek,
    });
    const engine = decidedLeadTime({ opening: 100, intake: [10, 20], capacity: [30, 30] });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(s.decidedLeadTimeWeeks).toBe(engine.value.mean);
    expect(s.decidedLeadTimeByWeek).toEqual(engine.value.weekly);
  });

  it("gives no lead time, rather than Infinity, when next to nothing is decided", () => {
    const inputs: PlanInputs = { opening: 0, intake: 1e-15, capacity: 5e-324, uplift: 0.1, target: 0, weeks: 2 };
    const projection = runProjection(inputs);
    if (!projection.ok) throw new Error(projection.error.message);
    expect(summarizeProjection(inputs, projection.value).leadTimeWeeks).toBeNull();
  });
});

describe("the 2023 replay beside the memo's 343 days", () => {
  it("is the engine's FIFO lead time on the memo's 2023 figures, in days: about 395", () => {
    const engine = decidedLeadTime({ opening: 1580, intake: 1390 / 52, capacity: 1530 / 52, weeks: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(replay2023Days()).toBeCloseTo((engine.value.mean as number) * 7, 9);
    expect(Math.round(replay2023Days())).toBe(395);
    expect(MEMO_2023).toEqual({ opening: 1580, filed: 1390, decided: 1530, leadTimeDays: 343 });
    // The memo's own figures add up: 1580 + 1390 − 1530 = the 1440 open at the end of 2023.
    expect(MEMO_2023.opening + MEMO_2023.filed - MEMO_2023.decided).toBe(1440);
  });
});
