/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * The =IND.* functions for uncertainty: Monte Carlo percentiles of the backlog, the fan of
 * percentiles per week, and the chance of meeting a target. Same pattern as functions.ts: convert
 * the arguments (args.ts), call the engine, unwrap + run. The JSDoc is the metadata.
 *
 * Every call seeds its own generator (default seed 2024) and simulates 10,000 runs unless told
 * otherwise, so a workbook shows the same figures every time it is opened or recalculated.
 */
import { DEFAULT_SEED, SimulateBacklogOptions } from "../engine/montecarlo/options";
import { simulateBacklog } from "../engine/montecarlo/simulation";
import { chanceBelow } from "../engine/montecarlo/targets";
import { createRng } from "../engine/random";
import { readArguments, run, unwrap } from "./args";
import { UNCERTAINTY_FUNCTIONS } from "./declarations";

const { BACKLOG_PERCENTILE: PERCENTILE, BACKLOG_FAN: FAN, CHANCE_BELOW: CHANCE } = UNCERTAINTY_FUNCTIONS;

/** The arguments the three functions share, read by their declarations. */
interface SharedArguments {
  opening: number;
  intake: number | number[];
  capacity: number | number[];
  weeks: number;
  runs: number | undefined;
  seed: number | undefined;
}

/** The simulation options and the generator's seed (2024 unless given) from the read arguments. */
function planOf(args: SharedArguments): {
  plan: SimulateBacklogOptions;
  seed: number;
} {
  const plan: SimulateBacklogOptions = {
    opening: args.opening,
    intake: args.intake,
    capacity: args.capacity,
    weeks: args.weeks,
    ...(args.runs !== undefined && { runs: args.runs }),
  };
  return { plan, seed: args.seed ?? DEFAULT_SEED };
}

/**
 * The backlog at the end of the given week at a percentile of a Monte Carlo simulation: weekly intake varies as Poisson arrivals around the given figures, capacity as given. 0.5 is the median, 0.9 a backlog that is exceeded in only 10% of runs.
 * @customfunction BACKLOG_PERCENTILE
 * @helpurl https://localhost:3000/functions.html#backlog_percentile
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
  return run(PERCENTILE, () => {
    const args = readArguments(PERCENTILE, [opening, intake, capacity, weeks, percentile, runs, seed]);
    const { plan, seed: start } = planOf(args);
    const result = unwrap(
      simulateBacklog(createRng(start), {
        ...plan,
        percentiles: [args.percentile],
      }),
    );
    return (result.bands[0] as Float64Array)[result.weeks - 1] as number;
  });
}

/**
 * Monte Carlo fan of the backlog: for every week (rows) the backlog at each percentile (columns). Weekly intake varies as Poisson arrivals around the given figures, capacity as given.
 * @customfunction BACKLOG_FAN
 * @helpurl https://localhost:3000/functions.html#backlog_fan
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
  return run(FAN, () => {
    // The engine checks each percentile, so a message names its position ("percentiles, value 2").
    const args = readArguments(FAN, [opening, intake, capacity, weeks, percentiles, runs, seed]);
    const { plan, seed: start } = planOf(args);
    const list = args.percentiles as number[] | undefined;
    const result = unwrap(
      simulateBacklog(createRng(start), {
        ...plan,
        ...(list !== undefined && { percentiles: list }),
      }),
    );
    return Array.from({ length: result.weeks }, (_, t) => result.bands.map((band) => band[t] as number));
  });
}

/**
 * The chance, from 0 to 1, that the backlog at the end of the given week is at or below the target, from a Monte Carlo simulation: weekly intake varies as Poisson arrivals around the given figures, capacity as given.
 * @customfunction CHANCE_BELOW
 * @helpurl https://localhost:3000/functions.html#chance_below
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
  return run(CHANCE, () => {
    const args = readArguments(CHANCE, [opening, intake, capacity, weeks, target, runs, seed]);
    const { plan, seed: start } = planOf(args);
    return unwrap(chanceBelow(createRng(start), { ...plan, target: args.target }));
  });
}
