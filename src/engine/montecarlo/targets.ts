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

export interface HeadlineChanceOptions extends Omit<SimulateBacklogOptions, "target" | "targetWeek" | "percentiles"> {
  /** The planner's target (`TargetBacklog` / `Doelvoorraad`); omit it when there is none. */
  target?: number;
}

export interface HeadlineChance {
  /** The backlog the chance is about: the planner's target, else the opening backlog. */
  target: number;
  /** "target" when the planner set it; "opening" for "the backlog ends no higher than it started". */
  basis: "target" | "opening";
  /** The horizon's last week, which the chance and the band are read at. */
  week: number;
  /** Share of runs with backlog ≤ target at the end of `week`. */
  chance: number;
  /** P10, P50 and P90 of the backlog at the end of `week`. */
  p10: number;
  p50: number;
  p90: number;
}

/**
 * The uncertainty headline: the chance that the backlog at the horizon is at or below the
 * planner's target, with the band beside it. Not the plan's own end value: that is the median,
 * and a chance of about 50% says nothing. Without a target the question is whether the backlog
 * ends no higher than it started.
 *
 * @example
 * headlineChance(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, target: 1100 })
 * // → ok({ target: 1100, basis: "target", chance: 0.1313, p10: 1094, p50: 1140, p90: 1186, … })
 */
export function headlineChance(rng: RandomGenerator, options: HeadlineChanceOptions): Result<HeadlineChance> {
  const { target, ...rest } = options;
  const basis = target === undefined ? "opening" : "target";
  const result = simulateBacklog(rng, { ...rest, target: target ?? options.opening, percentiles: [0.1, 0.5, 0.9] });
  if (!result.ok) return result;
  const outcome = result.value.target as TargetOutcome;
  const at = (i: number): number => (result.value.bands[i] as Float64Array)[outcome.week - 1] as number;
  return ok({ target: outcome.target, basis, week: outcome.week, chance: outcome.chance, p10: at(0), p50: at(1), p90: at(2) });
}
