import { decidedLeadTime } from "../../src/engine/leadTime";
import { FunctionError } from "../../src/functions/args";
import { DECIDED_LEAD_TIME } from "../../src/functions/leadTime";
import { call, inLanguage } from "../helpers/functions";

describe("=IND.DECIDED_LEAD_TIME: the memo's lead time of the cases decided", () => {
  test("the 2023 replay: 1580 open, 1390 filed, 1530 decided; the engine's FIFO figure, in weeks", () => {
    const engine = decidedLeadTime({ opening: 1580, intake: 1390 / 52, capacity: 1530 / 52, weeks: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(DECIDED_LEAD_TIME(1580, [[1390 / 52]], [[1530 / 52]], [[52]])).toBe(engine.value.mean);
    expect(DECIDED_LEAD_TIME(1580, [[1390 / 52]], [[1530 / 52]], [[52]]) * 7).toBeCloseTo(395.4, 1);
  });

  test("ranges per week and an explicit opening spread", () => {
    const engine = decidedLeadTime({ opening: 100, intake: [10, 20, 5], capacity: [30, 30, 30], openingSpreadWeeks: 4 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(DECIDED_LEAD_TIME(100, [[10], [20], [5]], [[30], [30], [30]], null as never, [[4]])).toBe(engine.value.mean);
  });

  test("weeks limits the horizon: 10 open cases, all at week 0, 5 decided in each of 2 weeks, mean 1 week", () => {
    expect(DECIDED_LEAD_TIME(10, [[1]], [[5]], [[2]], [[0]])).toBeCloseTo(1, 12);
    expect(DECIDED_LEAD_TIME(10, [[1]], [[5]], null as never, [[0]])).not.toBeCloseTo(1, 3);
  });

  test("nothing decided: #N/A naming capacity; bad input: the argument named", () => {
    expect(() => DECIDED_LEAD_TIME(100, [[5]], [[0]])).toThrow(FunctionError);
    try {
      DECIDED_LEAD_TIME(100, [[5]], [[0]]);
    } catch (error) {
      expect((error as FunctionError).code).toBe("#N/A");
      expect((error as Error).message).toBe("capacity: nothing is decided within the horizon, so there is no lead time");
    }
    expect(inLanguage("nl-NL", () => call(() => DECIDED_LEAD_TIME(100, [[5]], [[0]])))).toEqual({
      code: "#N/A",
      message: "capaciteit: binnen de horizon wordt niets afgedaan, dus er is geen doorlooptijd",
    });
    expect(() => DECIDED_LEAD_TIME(-1, [[5]], [[10]])).toThrow(/opening/);
    expect(() => DECIDED_LEAD_TIME(10, [[5]], [[10]], [[4]], [[-3]])).toThrow(/opening_spread_weeks/);
  });
});
