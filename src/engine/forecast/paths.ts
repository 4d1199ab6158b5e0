/**
 * Intake paths around the forecast for the Monte Carlo (issue 24, item 4): each run follows its
 * own future drawn from the fitted model, so a run whose intake comes in high early tends to stay
 * high. Per period, one surprise ε ~ N(0, spread²) on the log scale; it moves that period's
 * intake, and it leaves α·ε in the level and β·ε in the trend (damped by φ), which persist — the
 * same growth of uncertainty as the forecast's interval (intervals.ts), so the runs' spread in a
 * period matches the interval. Then a Poisson count around each run's expected intake, with the
 * period's own surprise reduced by Poisson's share so that noise is not counted twice.
 *
 * The generator is passed in and advanced in a fixed order (period by period, run by run), like
 * the backlog simulation's, and only one period's values per run are kept, never runs × periods.
 */
import { normalQuantile, RandomGenerator, uniformOpen32 } from "../random";
import { checkNumber, fail, ok, Result } from "../validate";
import { Month } from "./calendar";
import { ForecastModel, forecastAt } from "./forecastIntake";
import { drawPoisson } from "./poisson";
import { checkWeeksInMonths, weekShares } from "./weeks";

export interface IntakePathOptions {
  /** Number of runs (paths), 1 to 1,000,000. */
  runs: number;
  /** "counts" (default): whole-number intakes, Poisson around each path; "expected": the paths' expected intakes. */
  output?: "counts" | "expected";
}

/**
 * Draws the model's own periods (months for a monthly model, weeks for a weekly one) for `runs`
 * runs. `runs` must be checked already (weeklyIntakePaths does); a bad one is a programming error.
 */
export class IntakePaths {
  readonly runs: number;
  private readonly level: Float64Array;
  private readonly trend: Float64Array;
  private readonly expected: Float64Array;
  private readonly values: Float64Array;
  private step = 0;

  constructor(
    private readonly rng: RandomGenerator,
    private readonly model: ForecastModel,
    runs: number,
    private readonly output: "counts" | "expected" = "counts",
  ) {
    if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`IntakePaths: runs must be a whole number ≥ 1, got ${runs}`);
    this.runs = runs;
    this.level = new Float64Array(runs);
    this.trend = new Float64Array(runs);
    this.expected = new Float64Array(runs);
    this.values = new Float64Array(runs);
  }

  /** Periods drawn so far. */
  get period(): number {
    return this.step;
  }

  /**
   * Each run's expected intake for the next period (a reused array: copy it to keep it). With
   * `counts` output the period's own surprise is reduced by Poisson's share, as counts will follow.
   */
  nextExpected(): Float64Array {
    this.step++;
    const { alpha, beta, phi } = this.model.smoothing;
    const forecast = forecastAt(this.model, this.step);
    const spread = this.model.spread;
    const poisson = this.output === "counts" ? forecast / (forecast + 1) ** 2 : 0;
    const own = spread > 0 ? Math.sqrt(Math.max(0, spread * spread - poisson)) / spread : 0;
    const { rng, level, trend, expected } = this;
    for (let i = 0; i < this.runs; i++) {
      const surprise = spread * normalQuantile(uniformOpen32(rng));
      const carried = (level[i] as number) + phi * (trend[i] as number);
      expected[i] = Math.max(0, (forecast + 1) * Math.exp(carried + own * surprise) - 1);
      level[i] = carried + alpha * surprise;
      trend[i] = phi * (trend[i] as number) + beta * surprise;
    }
    return expected;
  }

  /** Each run's intake for the next period (a reused array). */
  next(): Float64Array {
    const expected = this.nextExpected();
    if (this.output === "expected") return expected;
    for (let i = 0; i < this.runs; i++) this.values[i] = drawPoisson(this.rng, expected[i] as number);
    return this.values;
  }
}

export interface WeeklyIntakePathOptions extends IntakePathOptions {
  /** Weeks to draw. */
  weeks: number;
  /**
   * A weekly model: weeks between the history's end and week 1, drawn (surprises only) and let go
   * on the first `next()`, so week 1 has the uncertainty of its distance from the history. A
   * monthly model places its weeks by date (`firstMonth`, `firstWeek`) instead. Default 0.
   */
  skip?: number;
  /** For a monthly model: the first month after the history, and the first day (Excel serial) of week 1. */
  firstMonth?: Month;
  firstWeek?: number;
}

/**
 * Weekly intake paths from a weekly or a monthly model: a monthly model's run draws its months
 * and spreads each over the weeks by calendar days (weeks.ts), then draws the week's count.
 *
 * @example
 * const paths = unwrap(weeklyIntakePaths(createRng(2024), model, { runs: 10_000, weeks: 52 }));
 * for (let w = 0; w < 52; w++) { const intake = paths.next(); … intake[run] … }
 */
export function weeklyIntakePaths(
  rng: RandomGenerator,
  model: ForecastModel,
  options: WeeklyIntakePathOptions,
): Result<{ next: () => Float64Array; runs: number }> {
  const runs = checkNumber(options.runs, { min: 1, max: 1_000_000, integer: true }, "runs");
  if (!runs.ok) return runs;
  const output = options.output ?? "counts";
  if (model.periodsPerYear !== 12) {
    const skip = checkNumber(options.skip ?? 0, { min: 0, max: 10_000, integer: true }, "skip");
    if (!skip.ok) return skip;
    const paths = new IntakePaths(rng, model, runs.value, output);
    let left = skip.value;
    const next = (): Float64Array => {
      for (; left > 0; left--) paths.nextExpected();
      return paths.next();
    };
    return ok({ next, runs: runs.value });
  }
  if (options.firstMonth === undefined || options.firstWeek === undefined) {
    const message = "first_week: a monthly forecast is spread over weeks from its first month and the first week's date; give both";
    return fail({ kind: "shape", argument: "first_week", message });
  }
  const checked = checkWeeksInMonths(options.firstMonth, options.firstWeek, options.weeks);
  if (!checked.ok) return checked;
  return ok(new MonthsOverWeeks(rng, model, runs.value, output, weekShares(options.firstMonth, options.firstWeek, options.weeks)));
}

/** A monthly model's paths, spread over weeks by days; keeps the months a week can touch. */
class MonthsOverWeeks {
  private readonly months: IntakePaths;
  private readonly drawn: Float64Array[] = [];
  private readonly week: Float64Array;
  private w = 0;

  constructor(
    private readonly rng: RandomGenerator,
    model: ForecastModel,
    readonly runs: number,
    private readonly output: "counts" | "expected",
    private readonly shares: ReturnType<typeof weekShares>,
  ) {
    // The months' own surprise is reduced for Poisson's share when weekly counts follow.
    this.months = new IntakePaths(rng, model, runs, output);
    this.week = new Float64Array(runs);
  }

  next(): Float64Array {
    const parts = this.shares[this.w++] ?? [];
    this.week.fill(0);
    for (const { month, share } of parts) {
      while (this.drawn.length <= month) this.drawn.push(Float64Array.from(this.months.nextExpected()));
      const values = this.drawn[month] as Float64Array;
      for (let i = 0; i < this.runs; i++) this.week[i] = (this.week[i] as number) + share * (values[i] as number);
      // A month no later week needs is let go.
      if (month >= 1) this.drawn[month - 1] = EMPTY;
    }
    if (this.output === "counts") for (let i = 0; i < this.runs; i++) this.week[i] = drawPoisson(this.rng, this.week[i] as number);
    return this.week;
  }
}

const EMPTY = new Float64Array(0);
