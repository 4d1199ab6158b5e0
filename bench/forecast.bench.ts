/**
 * Time per call of =IND.FORECAST_INTAKE (issue 24) through its argument checks, on weekly and
 * monthly histories, and of drawing the Monte Carlo's intake paths around a forecast. Medians;
 * nothing is asserted.
 */
import { createRng } from "../src/engine/random";
import { dateSerial } from "../src/engine/forecast/calendar";
import { fitForecastModel } from "../src/engine/forecast/forecastIntake";
import { drawPoisson } from "../src/engine/forecast/poisson";
import { weeklyIntakePaths } from "../src/engine/forecast/paths";
import { FORECAST_INTAKE } from "../src/functions/forecast";
import { Figure, timePerCall } from "./timing";

/** A seasonal weekly or monthly history of Poisson counts around a slowly falling level. */
function history(periods: number, perYear: number, level: number): number[] {
  const rng = createRng(2024);
  return Array.from({ length: periods }, (_, t) =>
    drawPoisson(rng, level * (1 - (0.15 * t) / periods) * (1 + 0.2 * Math.cos((2 * Math.PI * t) / perYear))),
  );
}

const ms = (x: number): string => `median ${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms per call`;

export async function run(): Promise<Figure[]> {
  const column = (values: number[]): number[][] => values.map((v) => [v]);
  const cases = [
    { what: "`FORECAST_INTAKE`, 10 years of weeks (520), 52 weeks ahead", values: history(520, 52, 25), horizon: 52, perYear: 52, calls: 5 },
    { what: "`FORECAST_INTAKE`, 2 years of weeks (104), 52 weeks ahead", values: history(104, 52, 25), horizon: 52, perYear: 52, calls: 20 },
    { what: "`FORECAST_INTAKE`, 10 years of months (120), 12 months ahead", values: history(120, 12, 110), horizon: 12, perYear: 12, calls: 20 },
  ];
  const rows: Figure[] = cases.map((c) => {
    const time = timePerCall(() => FORECAST_INTAKE(column(c.values), c.horizon, [[c.perYear]]), c.calls, 9);
    console.log(`${c.what}: ${ms(time)}`);
    return { what: c.what, measured: ms(time), goal: "well under 100 ms (a recalculation)" };
  });
  const model = fitForecastModel(history(120, 12, 110), 12);
  const paths = timePerCall(() => {
    const drawn = weeklyIntakePaths(createRng(2024), model, { runs: 10_000, weeks: 52, firstMonth: { year: 2024, month: 1 }, firstWeek: dateSerial(2024, 1, 1) });
    if (!drawn.ok) throw new Error(drawn.error.message);
    for (let w = 0; w < 52; w++) drawn.value.next();
  }, 1, 7);
  console.log(`intake paths, 10,000 runs × 52 weeks from a monthly model: ${ms(paths)}`);
  rows.push({ what: "intake paths around a monthly forecast, 10,000 runs × 52 weeks (Poisson counts)", measured: ms(paths) });
  return rows;
}
