/**
 * Monte Carlo simulation of the weekly stock-flow: how uncertain is "about 1100 at the end of 2024"?
 * options.ts (what may be asked, limits, checks), simulation.ts (the runs), percentiles.ts
 * (PERCENTILE.INC per week without sorting), targets.ts (chance of and weeks to a target).
 */
export {
  CAPACITY_SPREAD_RULE,
  DEFAULT_PERCENTILES,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DISPERSION_RULE,
  INTAKE_LEVEL_SPREAD_RULE,
  MAX_PATH_WEEKS,
  MAX_PERCENTILES,
  MAX_RANDOM_INTAKE,
  PERCENTILE_RULE,
  RUNS_RULE,
  SEED_RULE,
} from "./options";
export type { IntakeForecastPaths, IntakeModel, SimulateBacklogOptions } from "./options";
export * from "./percentiles";
export * from "./simulation";
export * from "./targets";

/** Callers build the generator from a seed with this; the engine itself never seeds. */
export { createRng } from "../random";
export type { RandomGenerator } from "../random";
