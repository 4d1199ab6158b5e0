/**
 * Questions about reaching a target backlog, answered from the simulation: the chance of being at
 * or below it in a given week, and how many weeks it takes to get there.
 */
import { RandomGenerator } from "../random";
import { ok, Result } from "../validate";
import { SimulateBacklogOptions } from "./options";
import { simulateBacklog, TargetOutcome } from "./simulation";

export interface ChanceBelowOptions extends Omit<SimulateBacklogOptions, "target" | "targetWeek" | "percentiles"> {
  target: number;
  /** Week to look at; default the last week. */
  week?: number;
}

/**
 * The chance that the backlog at the end of `week` is at or below `target`: the share of runs.
 *
 * @example
 * chanceBelow(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, target: 1100 })
 * // → ok(≈ 0.13)
 */
export function chanceBelow(rng: RandomGenerator, options: ChanceBelowOptions): Result<number> {
  const { week, ...rest } = options;
  const result = simulateBacklog(rng, { ...rest, percentiles: [], ...(week !== undefined && { targetWeek: week }) });
  if (!result.ok) return result;
  return ok((result.value.target as TargetOutcome).chance);
}

export interface WeeksToTargetResult {
  /** Mean first week with backlog ≤ target; null unless every run reaches it within the horizon. */
  expectedWeeks: number | null;
  /** Share of runs that reach the target within the horizon. */
  reachedShare: number;
  /** Mean first week over the runs that reach it; null when none does. */
  meanWeeksWhenReached: number | null;
}

/**
 * Expected number of weeks until the backlog is first at or below `target`, within the horizon
 * (`weeks`, default the intake range or 52: set it long enough for slow plans).
 *
 * @example
 * expectedWeeksToTarget(createRng(2024), { opening: 1440, intake: 25, capacity: 40, weeks: 200, target: 0 })
 * // → ok({ expectedWeeks: ≈ 96.4, reachedShare: 1, … })
 */
export function expectedWeeksToTarget(
  rng: RandomGenerator,
  options: Omit<SimulateBacklogOptions, "target" | "targetWeek" | "percentiles"> & { target: number },
): Result<WeeksToTargetResult> {
  const result = simulateBacklog(rng, { ...options, percentiles: [] });
  if (!result.ok) return result;
  const outcome = result.value.target as TargetOutcome;
  return ok({
    expectedWeeks: outcome.expectedWeeks,
    reachedShare: outcome.reachedShare,
    meanWeeksWhenReached: outcome.meanWeeksWhenReached,
  });
}
