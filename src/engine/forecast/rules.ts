/**
 * What FORECAST_INTAKE may be asked, as data (the function's declarations and the docs read these),
 * and the check of a history as a planner types it. No model code here: the build loads this file.
 */
import { checkNumber, fail, NumberRule, ok, Result, showValue } from "../validate";

export const DEFAULT_PERIODS_PER_YEAR = 52;
export const DEFAULT_CONFIDENCE = 0.8;
export const PERIODS_PER_YEAR_RULE: NumberRule = { oneOf: [12, 52] };
export const CONFIDENCE_RULE: NumberRule = { min: 0.5, max: 0.99 };
export const HORIZON_RULE: NumberRule = { min: 1, max: 10_000, integer: true };
export const HISTORY_RULE: NumberRule = { min: 0 };
/** Fewer values cannot fit even a level and judge it (AICc needs n − parameters − 1 ≥ 2). */
export const MIN_HISTORY = 6;
/** More than 100 years of weeks is not a history but a mistake in the range. */
export const MAX_HISTORY = 5_200;

/**
 * Checks a history as a planner gives it: every value a count (a number ≥ 0), none blank or
 * text, at least 6 of them. The message names the value's position ("history, value 5").
 */
export function checkHistory(values: readonly unknown[], argument = "history"): Result<number[]> {
  if (values.length > MAX_HISTORY) {
    return fail({ kind: "shape", argument, message: `${argument}: has ${values.length} values; at most ${MAX_HISTORY.toLocaleString("en-US")} are allowed` });
  }
  for (let i = 0; i < values.length; i++) {
    const checked = checkNumber(values[i], HISTORY_RULE, argument);
    if (!checked.ok) {
      // The web hands a blank cell over as "" as well as null: both are a blank to a planner.
      const got = values[i] === "" ? null : values[i];
      const message = `${argument}, value ${i + 1}: expected ${checked.error.expected}, got ${showValue(got)}`;
      return fail({ ...checked.error, got, message });
    }
  }
  if (values.length < MIN_HISTORY) {
    return fail({
      kind: "shape",
      argument,
      message: `${argument}: needs at least ${MIN_HISTORY} values, got ${values.length}`,
    });
  }
  return ok(values as number[]);
}

