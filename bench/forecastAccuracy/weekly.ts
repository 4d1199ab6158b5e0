/**
 * A check of the weekly mode (52 periods a year), for want of real weekly data: weekly series made
 * from the real monthly ones by spreading each month over its days (weeks from the first Monday)
 * and drawing a Poisson count per week (fixed seed). 24 origins four weeks apart, each forecasting
 * 52 weeks; compared with the flat mean of the last 52 weeks and the same week last year.
 * Poisson noise is the least a real weekly series has, so this flatters every method alike.
 */
import { addMonths, dateSerial, isoWeekday } from "../../src/engine/forecast/calendar";
import { forecastIntake } from "../../src/engine/forecast/forecastIntake";
import { drawPoisson } from "../../src/engine/forecast/poisson";
import { spreadMonthsOverWeeks } from "../../src/engine/forecast/weeks";
import { createRng } from "../../src/engine/random";
import { MonthlySeries } from "./data";
import { geometricMean } from "./protocol";

const WEEKS_AHEAD = 52;
const ORIGINS = 24;
const ORIGIN_STEP = 4;

/** The weekly counts of one monthly series: full weeks from its first Monday to its last month's end. */
export function weeklyFromMonthly(series: MonthlySeries, seed: number): number[] {
  const [year, month] = series.start.split("-").map(Number) as [number, number];
  let firstWeek = dateSerial(year, month, 1);
  while (isoWeekday(firstWeek) !== 1) firstWeek++;
  const after = addMonths({ year, month }, series.values.length);
  const end = dateSerial(after.year, after.month, 1); // the day after the last month
  const weeks = Math.floor((end - firstWeek) / 7);
  const spread = spreadMonthsOverWeeks({ monthly: series.values, firstMonth: { year, month }, firstWeek, weeks });
  if (!spread.ok) throw new Error(spread.error.message);
  const rng = createRng(seed);
  return spread.value.map((mean) => drawPoisson(rng, mean));
}

export interface WeeklyCheck {
  /** Geometric means over series of this function's MAE ÷ the reference's. */
  versusFlat: { weekly: number; total: number };
  versusSameWeek: { weekly: number; total: number };
  coverage80: number;
}

export function weeklyCheck(all: readonly MonthlySeries[]): WeeklyCheck {
  const ratios = { flatW: [] as number[], flatT: [] as number[], sameW: [] as number[], sameT: [] as number[] };
  let inside = 0;
  let count = 0;
  all.forEach((series, s) => {
    const weeks = weeklyFromMonthly(series, 2024 + s);
    const sums = { mineW: 0, mineT: 0, flatW: 0, flatT: 0, sameW: 0, sameT: 0 };
    for (let k = 0; k < ORIGINS; k++) {
      const origin = weeks.length - WEEKS_AHEAD - k * ORIGIN_STEP;
      const history = weeks.slice(0, origin);
      const actual = weeks.slice(origin, origin + WEEKS_AHEAD);
      const result = forecastIntake({ history, horizon: WEEKS_AHEAD, periodsPerYear: 52 });
      if (!result.ok) throw new Error(result.error.message);
      const last = history.slice(-52);
      const flat = last.reduce((a, b) => a + b, 0) / 52;
      const total = (f: (h: number) => number): number => Math.abs(actual.reduce((a, v, h) => a + f(h) - v, 0));
      actual.forEach((v, h) => {
        sums.mineW += Math.abs((result.value.forecast[h] as number) - v);
        sums.flatW += Math.abs(flat - v);
        sums.sameW += Math.abs((last[h] as number) - v);
        if (v >= (result.value.lower[h] as number) && v <= (result.value.upper[h] as number)) inside++;
        count++;
      });
      sums.mineT += total((h) => result.value.forecast[h] as number);
      sums.flatT += total(() => flat);
      sums.sameT += total((h) => last[h] as number);
    }
    ratios.flatW.push(sums.mineW / sums.flatW);
    ratios.flatT.push(sums.mineT / sums.flatT);
    ratios.sameW.push(sums.mineW / sums.sameW);
    ratios.sameT.push(sums.mineT / sums.sameT);
  });
  return {
    versusFlat: { weekly: geometricMean(ratios.flatW), total: geometricMean(ratios.flatT) },
    versusSameWeek: { weekly: geometricMean(ratios.sameW), total: geometricMean(ratios.sameT) },
    coverage80: inside / count,
  };
}
