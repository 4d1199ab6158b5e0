/**
 * =IND.FORECAST_INTAKE as Excel calls it: ranges as 2-D arrays, omitted arguments as null, blanks
 * as null or "" (the web) or 0 (desktop). It spills horizon × 3 and names the argument and the
 * position of a bad value, in English and in Dutch.
 */
import { forecastIntake } from "../../src/engine/forecast/forecastIntake";
import { describeRule, passesRule } from "../../src/engine/validate";
import { argumentTable } from "../../src/functions/argumentTable";
import { FORECAST_FUNCTIONS } from "../../src/functions/declarations";
import { FORECAST_INTAKE } from "../../src/functions/forecast";
import { describeRuleNl } from "../../src/functions/messages";
import { PERIODS_PER_YEAR_RULE } from "../../src/engine/forecast/rules";
import { call, column, inLanguage } from "../helpers/functions";

const omitted = null as unknown as unknown[][];
const months = Array.from({ length: 36 }, (_, t) => 100 + 20 * Math.cos((2 * Math.PI * t) / 12) + (t % 5));

test("spills horizon rows × (forecast, lower, upper), the engine's figures; 52 weeks and 0.8 by default", () => {
  const spilled = FORECAST_INTAKE(column(months) as unknown[][], 12, [[12]]);
  const engine = forecastIntake({ history: months, horizon: 12, periodsPerYear: 12 });
  if (!engine.ok) throw new Error(engine.error.message);
  expect(spilled).toEqual(engine.value.forecast.map((f, i) => [f, engine.value.lower[i], engine.value.upper[i]]));
  const weekly = Array.from({ length: 120 }, (_, w) => 25 + (w % 4));
  const byDefault = FORECAST_INTAKE(column(weekly) as unknown[][], 52, omitted, omitted);
  const explicit = FORECAST_INTAKE(column(weekly) as unknown[][], 52, [[52]], [[0.8]]);
  expect(byDefault).toEqual(explicit);
  expect(byDefault).toHaveLength(52);
});

test("a history as a row reads like a column; a wider confidence widens the interval", () => {
  expect(FORECAST_INTAKE([months], 6, [[12]])).toEqual(FORECAST_INTAKE(column(months) as unknown[][], 6, [[12]]));
  const narrow = FORECAST_INTAKE([months], 6, [[12]], [[0.5]]);
  const wide = FORECAST_INTAKE([months], 6, [[12]], [[0.95]]);
  narrow.forEach((row, i) => {
    expect((wide[i] as number[])[1]).toBeLessThan(row[1] as number);
    expect((wide[i] as number[])[2]).toBeGreaterThan(row[2] as number);
  });
});

describe("errors name the argument and the position, in English and in Dutch", () => {
  const history = column([120, 130, null, 110, 100, 90, 95]) as unknown[][];
  test.each([
    [
      "a blank on the web (null)",
      () => FORECAST_INTAKE(history, 12),
      "history, value 3: expected a number ≥ 0, got a blank",
      "historie, waarde 3: verwacht een getal ≥ 0, kreeg een lege cel",
    ],
    [
      "a blank on the web (an empty string)",
      () => FORECAST_INTAKE(column([120, 130, 140, 110, ""]) as unknown[][], 12),
      "history, value 5: expected a number ≥ 0, got a blank",
      "historie, waarde 5: verwacht een getal ≥ 0, kreeg een lege cel",
    ],
    [
      "text",
      () => FORECAST_INTAKE([[120, 130, "n.v.t.", 110, 100, 90]], 12),
      "history, value 3: expected a number ≥ 0, got 'n.v.t.'",
      "historie, waarde 3: verwacht een getal ≥ 0, kreeg 'n.v.t.'",
    ],
    [
      "too short",
      () => FORECAST_INTAKE(column([1, 2, 3]) as unknown[][], 12),
      "history: needs at least 6 values, got 3",
      "historie: heeft minstens 6 waarden nodig, kreeg er 3",
    ],
    [
      "a block",
      () => FORECAST_INTAKE([[1, 2], [3, 4]], 12),
      "history: expected one column or one row, got 2 rows × 2 columns",
      "historie: verwacht één kolom of één rij, kreeg 2 rijen × 2 kolommen",
    ],
    [
      "horizon 0",
      () => FORECAST_INTAKE([months], 0),
      "horizon: expected a whole number from 1 to 10,000, got 0",
      "horizon: verwacht een geheel getal van 1 tot 10.000, kreeg 0",
    ],
    [
      "26 periods a year",
      () => FORECAST_INTAKE([months], 12, [[26]]),
      "periods_per_year: expected 12 or 52, got 26",
      "perioden_per_jaar: verwacht 12 of 52, kreeg 26",
    ],
    [
      "confidence 80 (a percentage)",
      () => FORECAST_INTAKE([months], 12, [[12]], [[80]]),
      "confidence: expected a number from 0.5 to 0.99, got 80",
      "betrouwbaarheid: verwacht een getal van 0,5 tot 0,99, kreeg 80",
    ],
  ])("%s", (_label, fn, english, dutch) => {
    expect(call(fn)).toEqual({ code: "#VALUE!", message: english });
    expect(inLanguage("nl-NL", () => call(fn))).toEqual({ code: "#VALUE!", message: dutch });
  });

  test("a blank on Excel desktop arrives as 0 and counts as a month with no intake (documented)", () => {
    expect(call(() => FORECAST_INTAKE(column([120, 130, 0, 110, 100, 90, 95]) as unknown[][], 3)).value).toHaveLength(3);
  });
});

test("the rule '12 or 52' reads as data: checked, and described in both languages and in the docs table", () => {
  expect(passesRule(12, PERIODS_PER_YEAR_RULE) && passesRule(52, PERIODS_PER_YEAR_RULE)).toBe(true);
  expect(passesRule(26, PERIODS_PER_YEAR_RULE) || passesRule(12.5, PERIODS_PER_YEAR_RULE)).toBe(false);
  expect(describeRule(PERIODS_PER_YEAR_RULE)).toBe("12 or 52");
  expect(describeRuleNl(PERIODS_PER_YEAR_RULE)).toBe("12 of 52");
  expect(describeRule({ oneOf: [1, 4, 12] })).toBe("1, 4 or 12");
  expect(argumentTable(FORECAST_FUNCTIONS.FORECAST_INTAKE, "nl")).toContain("| `historie` | één rij of één kolom, zonder lege cellen | een getal ≥ 0 | verplicht |");
});
