/**
 * The Monte Carlo's intake paths on the real monthly series of ../shared/forecast-data (read where
 * they lie): the band of the next 12 months' total intake, from the model fitted up to each origin
 * (the protocol's 24 origins per series, window B), holds the actual total about as often as a
 * P10–P90 band should, where Poisson around the forecast alone, the band before issue 24, almost
 * never does. `npm run forecast-eval` prints the same figures, weekly too (docs/forecast.md).
 */
import { readForecastSeries } from "../../../bench/forecastAccuracy/data";
import { monthlyTotalsCoverage } from "../../../bench/forecastAccuracy/paths";
import { cutSeries, WINDOWS } from "../../../bench/forecastAccuracy/protocol";

test("the 12-month total lies in the paths' P10–P90 in 70–95% of origins; in Poisson's alone in under 20%", () => {
  const windowB = WINDOWS.find((w) => w.name === "B") as (typeof WINDOWS)[number];
  const coverage = monthlyTotalsCoverage(readForecastSeries().map((s) => ({ ...s, values: cutSeries(s, windowB) })));
  // Measured: 86.4% against 6.9%, the band 29× as wide.
  expect(coverage.paths).toBeGreaterThan(0.7);
  expect(coverage.paths).toBeLessThan(0.95);
  expect(coverage.poisson).toBeLessThan(0.2);
  expect(coverage.widthRatio).toBeGreaterThan(5);
});
