/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * The =IND.* functions for uncertainty: Monte Carlo percentiles of the backlog, the fan of
 * percentiles per week, and the chance of meeting a target. Same pattern as functions.ts: convert
 * the arguments (args.ts), call the engine, unwrap + run. The JSDoc is the metadata.
 *
 * Every call seeds its own generator (default seed 2024) and simulates 10,000 runs unless told
 * otherwise, so a workbook shows the same figures every time it is opened or recalculated.
 */
import {
  chanceBelow,
  createRng,
  DEFAULT_SEED,
  NON_NEGATIVE,
  PERCENTILE_RULE,
  RUNS_RULE,
  SEED_RULE,
  simulateBacklog,
  SimulateBacklogOptions,
  WEEKS_RULE,
} from "../engine";
import { readList, readNumber, readOptionalNumber, readSeries, unwrap, run } from "./args";

/** The four leading arguments the three functions share, read and checked in order. */
function readPlan(opening: unknown, intake: unknown, capacity: unknown, weeks: unknown): SimulateBacklogOptions {
  return {
    opening: unwrap(readNumber(opening, "opening", NON_NEGATIVE)),
    intake: unwrap(readSeries(intake, "intake", NON_NEGATIVE)),
    capacity: unwrap(readSeries(capacity, "capacity", NON_NEGATIVE)),
    weeks: unwrap(readNumber(weeks, "weeks", WEEKS_RULE)),
  };
}

/** The two trailing optional arguments: `{ runs }` (empty when omitted) and the seed, 2024 by default. */
function readRunsAndSeed(runs: unknown, seed: unknown): { runs: { runs?: number }; seed: number } {
  const count = unwrap(readOptionalNumber(runs, "runs", RUNS_RULE));
  return {
    runs: count === undefined ? {} : { runs: count },
    seed: unwrap(readOptionalNumber(seed, "seed", SEED_RULE)) ?? DEFAULT_SEED,
  };
}

/**
 * The backlog at the end of the given week at a percentile of a Monte Carlo simulation: weekly intake varies as Poisson arrivals around the given figures, capacity as given. 0.5 is the median, 0.9 a backlog that is exceeded in only 10% of runs.
 * @customfunction BACKLOG_PERCENTILE
 * @helpurl https://localhost:3000/help.html#backlog_percentile
 * @param {any} opening Backlog (open cases) at the start of week 1, e.g. 1440.
 * @param {any[][]} intake Mean weekly intake: one number for every week, or a one-column or one-row range with a figure per week.
 * @param {any[][]} capacity Weekly decisions: one number or a range with a figure per week.
 * @param {any} weeks Week to report (1 to 10,000), e.g. 52 for the end of the year.
 * @param {any} percentile From 0 to 1, e.g. 0.9 for P90.
 * @param {any[][]} [runs] Number of simulated runs (100 to 1,000,000); default 10,000.
 * @param {any[][]} [seed] Seed of the random generator (a whole number); default 2024. The same seed always gives the same result.
 * @returns {number} The backlog at the end of that week at that percentile.
 */
export function BACKLOG_PERCENTILE(
  opening: any,
  intake: any[][],
  capacity: any[][],
  weeks: any,
  percentile: any,
  runs?: any[][],
  seed?: any[][],
): number {
  return run("BACKLOG_PERCENTILE", () => {
    const plan = readPlan(opening, intake, capacity, weeks);
    const p = unwrap(readNumber(percentile, "percentile", PERCENTILE_RULE));
    const rest = readRunsAndSeed(runs, seed);
    const result = unwrap(simulateBacklog(createRng(rest.seed), { ...plan, ...rest.runs, percentiles: [p] }));
    return (result.bands[0] as Float64Array)[result.weeks - 1] as number;
  });
}

/**
 * Monte Carlo fan of the backlog: for every week (rows) the backlog at each percentile (columns). Weekly intake varies as Poisson arrivals around the given figures, capacity as given.
 * @customfunction BACKLOG_FAN
 * @helpurl https://localhost:3000/help.html#backlog_fan
 * @param {any} opening Backlog (open cases) at the start of week 1, e.g. 1440.
 * @param {any[][]} intake Mean weekly intake: one number for every week, or a one-column or one-row range with a figure per week.
 * @param {any[][]} capacity Weekly decisions: one number or a range with a figure per week.
 * @param {any} weeks Number of weeks (1 to 10,000).
 * @param {any[][]} [percentiles] Percentiles from 0 to 1, one row or one column; default 0.1, 0.5, 0.9 (P10, P50, P90).
 * @param {any[][]} [runs] Number of simulated runs (100 to 1,000,000); default 10,000.
 * @param {any[][]} [seed] Seed of the random generator (a whole number); default 2024. The same seed always gives the same result.
 * @returns {number[][]} One row per week, one column per percentile.
 */
export function BACKLOG_FAN(
  opening: any,
  intake: any[][],
  capacity: any[][],
  weeks: any,
  percentiles?: any[][],
  runs?: any[][],
  seed?: any[][],
): number[][] {
  return run("BACKLOG_FAN", () => {
    const plan = readPlan(opening, intake, capacity, weeks);
    // The engine checks each percentile, so a message names its position ("percentiles, value 2").
    const list =
      percentiles === null || percentiles === undefined ? undefined : unwrap(readList(percentiles, "percentiles"));
    const rest = readRunsAndSeed(runs, seed);
    const result = unwrap(
      simulateBacklog(createRng(rest.seed), {
        ...plan,
        ...rest.runs,
        ...(list !== undefined && { percentiles: list as number[] }),
      }),
    );
    const rows: number[][] = new Array<number[]>(result.weeks);
    for (let t = 0; t < result.weeks; t++) rows[t] = result.bands.map((band) => band[t] as number);
    return rows;
  });
}

/**
 * The chance, from 0 to 1, that the backlog at the end of the given week is at or below the target, from a Monte Carlo simulation: weekly intake varies as Poisson arrivals around the given figures, capacity as given.
 * @customfunction CHANCE_BELOW
 * @helpurl https://localhost:3000/help.html#chance_below
 * @param {any} opening Backlog (open cases) at the start of week 1, e.g. 1440.
 * @param {any[][]} intake Mean weekly intake: one number for every week, or a one-column or one-row range with a figure per week.
 * @param {any[][]} capacity Weekly decisions: one number or a range with a figure per week.
 * @param {any} weeks Week at which the target should be met (1 to 10,000), e.g. 52.
 * @param {any} target Backlog to stay at or below, e.g. 1100.
 * @param {any[][]} [runs] Number of simulated runs (100 to 1,000,000); default 10,000.
 * @param {any[][]} [seed] Seed of the random generator (a whole number); default 2024. The same seed always gives the same result.
 * @returns {number} Probability from 0 to 1.
 */
export function CHANCE_BELOW(
  opening: any,
  intake: any[][],
  capacity: any[][],
  weeks: any,
  target: any,
  runs?: any[][],
  seed?: any[][],
): number {
  return run("CHANCE_BELOW", () => {
    const plan = readPlan(opening, intake, capacity, weeks);
    const goal = unwrap(readNumber(target, "target", NON_NEGATIVE));
    const rest = readRunsAndSeed(runs, seed);
    return unwrap(chanceBelow(createRng(rest.seed), { ...plan, ...rest.runs, target: goal }));
  });
}
