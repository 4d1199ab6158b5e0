/** npm run forecast-eval's protocol (bench/forecastAccuracy), worked by hand. */
import { addMonths, monthsBetween, readForecastSeries } from "../../bench/forecastAccuracy/data";
import { etsFormula } from "../../bench/forecastAccuracy/libreoffice";
import { coverage, cutSeries, flatMean, geometricMean, originsOf, ratioToBest, sameMonthLastYear, score, WINDOWS } from "../../bench/forecastAccuracy/protocol";

test("months: adding and counting across years", () => {
  expect(addMonths("2008-01", 13)).toBe("2009-02");
  expect(addMonths("2019-12", 1)).toBe("2020-01");
  expect(monthsBetween("2008-01", "2019-12")).toBe(143);
});

test("24 origins ending at the last one with 12 months after it", () => {
  expect(originsOf(144)).toEqual(Array.from({ length: 24 }, (_, i) => 109 + i));
  expect(originsOf(30, 3, 12)).toEqual([16, 17, 18]);
});

test("window B cuts at 2019-12, window A keeps everything", () => {
  const s = { id: "x", start: "2019-10", values: [1, 2, 3, 4, 5, 6] };
  expect(cutSeries(s, WINDOWS.find((w) => w.name === "B") as (typeof WINDOWS)[number])).toEqual([1, 2, 3]);
  expect(cutSeries(s, WINDOWS.find((w) => w.name === "A") as (typeof WINDOWS)[number])).toEqual([1, 2, 3, 4, 5, 6]);
});

test("scores: monthly MAE over all origins and months, and the MAE of the 12-month totals", () => {
  const values = Array.from({ length: 26 }, (_, t) => t);
  // one origin at 13: actuals 13 … 24; forecast 12 every month: errors 1 … 12
  const scored = score(values, [13], [Array(12).fill(12)]);
  expect(scored.monthlyMae).toBeCloseTo(6.5, 12);
  expect(scored.totalMae).toBeCloseTo(78, 12);
  // errors of opposite sign cancel in the total, not in the monthly MAE
  const zigzag = score([0, ...Array(12).fill(10)], [1], [[...Array(6).fill(12), ...Array(6).fill(8)]]);
  expect(zigzag).toEqual({ monthlyMae: 2, totalMae: 0 });
});

test("coverage counts actuals inside the bounds, bounds included", () => {
  const values = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60];
  const lower = [Array(12).fill(10)];
  const upper = [Array(12).fill(40)];
  expect(coverage(values, [1], lower, upper)).toEqual({ inside: 7, count: 12 });
});

test("references: flat mean of the last 12 months, same month last year", () => {
  const history = Array.from({ length: 24 }, (_, t) => t);
  expect(flatMean(history)).toEqual(Array(12).fill(17.5));
  expect(sameMonthLastYear(history)).toEqual(Array.from({ length: 12 }, (_, h) => 12 + h));
});

test("ratio to the best of the references with hindsight, geometric mean over series", () => {
  expect(geometricMean([2, 8])).toBeCloseTo(4, 12);
  expect(ratioToBest([10, 20], [[10, 12], [25, 40]])).toBeCloseTo(Math.sqrt(0.8), 12);
});

test("the LibreOffice formula: values and timeline up to the origin, the target month after it", () => {
  expect(etsFormula("C", 120, 3, 12)).toBe("_xlfn.FORECAST.ETS(123,Data!$C$1:$C$120,Data!$A$1:$A$120,12,1,1)");
});

test("the shared series read as listed: 15, monthly from their start, numbers only", () => {
  const series = readForecastSeries();
  expect(series.map((s) => s.id)).toContain("nl_asy_subsequent");
  expect(series).toHaveLength(15);
  for (const s of series) expect(s.values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
});
