/**
 * Closed forms that take constant rates use the mean of a weekly range: checked through the
 * custom functions against hand-computed values for multi-week ranges.
 */
import { LEAD_TIME, PLANNED_CAPACITY, REQUIRED_CAPACITY, WEEKS_TO_CLEAR } from "../../src/functions/functions";
import { call, column } from "../helpers/functions";

describe("the mean of a weekly range", () => {
  test("WEEKS_TO_CLEAR: intake 10, 20 (mean 15) and capacity 30, 40 (mean 35): 100 ÷ 20 = 5 weeks", () => {
    expect(WEEKS_TO_CLEAR(100, column([10, 20]), column([30, 40]))).toBe(5);
    expect(WEEKS_TO_CLEAR(100, [[10, 20]], [[35]])).toBe(5);
  });

  test("REQUIRED_CAPACITY: intake 6, 12, 30 (mean 16) plus (100 − 20) ÷ 8 = 26 a week", () => {
    expect(REQUIRED_CAPACITY(100, column([6, 12, 30]), 20, 8)).toBe(26);
  });

  test("PLANNED_CAPACITY: 1.5 × the mean of 10, 20, 60 = 45", () => {
    expect(PLANNED_CAPACITY(column([10, 20, 60]), [[0.5]])).toBe(45);
  });

  test("blank cells in a range count as 0 in the mean", () => {
    expect(WEEKS_TO_CLEAR(100, column([20, null]), column([30, ""]))).toBe(20);
  });

  test("capacity equal to the mean intake never clears: #N/A", () => {
    expect(call(() => WEEKS_TO_CLEAR(100, column([10, 30]), [[20]]))).toMatchObject({ code: "#N/A" });
  });

  test("LEAD_TIME: 100 ÷ 8 = 12.5 weeks; 0 decisions is #VALUE! with its message", () => {
    expect(LEAD_TIME(100, 8)).toBe(12.5);
    expect(call(() => LEAD_TIME(100, 0))).toMatchObject({ code: "#VALUE!" });
  });
});
