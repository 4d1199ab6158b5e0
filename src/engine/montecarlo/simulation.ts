/**
 * The simulation itself: each run follows `decisions = min(capacity, backlog + intake)`,
 * `backlog = backlog + intake − decisions` with a random intake (Poisson, negative binomial,
 * resampled history, or each run's own path around a forecast from history) and, if asked, a
 * random capacity factor around 1. The generator is the first
 * argument and is advanced in place.
 *
 * Memory: the simulation goes week by week over all runs at once, so it keeps one Float64Array of
 * `runs` backlogs, never a runs × weeks matrix (100,000 × 520 as Float64 would be 416 MB), and
 * takes the percentiles at the end of each week (percentiles.ts). Draws happen in a fixed order
 * (week by week, run by run within a week), so the chunked runner for the task pane gives
 * bit-identical results.
 */
import {
  capacityFactorTable,
  CountTable,
  drawCapacityFactor,
  FactorTable,
  negativeBinomialTable,
  normalQuantile,
  poissonTable,
  RandomGenerator,
  uniform01,
} from "../random";
import { weeklyIntakePaths } from "../forecast/paths";
import { checkNumber, ok, Result } from "../validate";
import { IntakeForecastPaths, IntakeModel, preparePlan, SimulateBacklogOptions, SimulationPlan } from "./options";
import { PercentileWorkspace, percentilesCore } from "./percentiles";

export interface TargetOutcome {
  target: number;
  week: number;
  /** Share of runs with backlog ≤ target at the end of `week`. */
  chance: number;
  /** Share of runs whose backlog is ≤ target at the end of some week within the horizon. */
  reachedShare: number;
  /**
   * Mean of the first week with backlog ≤ target (0 when the opening already is). Null unless every
   * run got there within the horizon: otherwise the mean would silently leave out the slow runs.
   */
  expectedWeeks: number | null;
  /** The same mean over only the runs that got there; null when none did. */
  meanWeeksWhenReached: number | null;
}

export interface SimulationResult {
  runs: number;
  weeks: number;
  /** As asked, in the order asked. */
  percentiles: number[];
  /** `bands[i][t]`: percentile `percentiles[i]` of the backlog at the end of week t + 1. */
  bands: Float64Array[];
  /** Mean backlog at the end of each week. */
  mean: Float64Array;
  /** The deterministic projection (no noise) at the end of each week, as PROJECT_BACKLOG. */
  plan: Float64Array;
  intakeModel: IntakeModel;
  capacitySpread: number;
  /** CV of each run's intake level factor; 0 when the level is fixed. */
  intakeLevelSpread: number;
  /** The forecast the runs' intake paths were drawn around, when they were. */
  intakeForecast?: IntakeForecastPaths;
  target?: TargetOutcome;
}

const MODE_TABLE = 0;
const MODE_HISTORY = 1;
const MODE_FIXED = 2;
const MODE_PATHS = 3;
const EMPTY = new Float64Array(0);
const EMPTY_INT = new Int32Array(0);
const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * One simulation in progress. `step(budget)` advances up to `budget` run-weeks in a fixed order
 * (week by week, runs 0…n−1 within a week), so any cutting into chunks draws the same numbers.
 */
class BacklogSimulation {
  private readonly backlog: Float64Array;
  private readonly firstWeek: Int32Array | null;
  private readonly bands: Float64Array[];
  private readonly mean: Float64Array;
  /** Percentile indices in ascending order of p, the p's in that order, and one week's values. */
  private readonly order: number[];
  private readonly sortedPs: Float64Array;
  private readonly weekValues: Float64Array;
  private readonly workspace: PercentileWorkspace;
  private readonly mode: number;
  private readonly history: Float64Array;
  private readonly factor: FactorTable | null;
  /** Each run's intake level factor, or null when the level is fixed. */
  private readonly level: Float64Array | null;
  /** Each run's intake path around a forecast, one week per `next()`; null without a forecast. */
  private readonly paths: { next: () => Float64Array } | null;
  /** This week's intake of every run, drawn from `paths` when the week starts. */
  private drawn: Float64Array = EMPTY;
  private table: CountTable | null = null;
  private tableMean = Number.NaN;
  private chanceCount = 0;
  private week = 0;
  private run = 0;

  constructor(
    private readonly rng: RandomGenerator,
    private readonly p: SimulationPlan,
  ) {
    this.backlog = new Float64Array(p.runs).fill(p.opening);
    this.bands = p.percentiles.map(() => new Float64Array(p.weeks));
    this.mean = new Float64Array(p.weeks);
    this.order = p.percentiles
      .map((_, i) => i)
      .sort((a, b) => (p.percentiles[a] as number) - (p.percentiles[b] as number));
    this.sortedPs = Float64Array.from(this.order, (i) => p.percentiles[i] as number);
    this.weekValues = new Float64Array(this.order.length);
    this.workspace = new PercentileWorkspace(p.percentiles.length > 0 ? p.runs : 0, Math.max(1, p.percentiles.length));
    this.firstWeek = p.target === undefined ? null : new Int32Array(p.runs).fill(p.opening <= p.target ? 0 : -1);
    this.mode =
      p.forecast !== undefined ? MODE_PATHS : p.model.kind === "history" ? MODE_HISTORY : p.model.kind === "fixed" ? MODE_FIXED : MODE_TABLE;
    this.history = Float64Array.from(p.model.kind === "history" ? p.model.history : []);
    this.factor = p.spread > 0 ? capacityFactorTable(p.spread) : null;
    this.level = p.levelSpread > 0 ? drawLevels(rng, p.runs, p.levelSpread) : null;
    this.paths = p.forecast === undefined ? null : forecastPaths(rng, p.forecast, p.runs, p.weeks);
  }

  get total(): number {
    return this.p.runs * this.p.weeks;
  }

  get done(): number {
    return this.week * this.p.runs + this.run;
  }

  /** Simulates up to `budget` run-weeks; returns true when the whole simulation is finished. */
  step(budget: number): boolean {
    const { runs, weeks } = this.p;
    let left = budget;
    while (left > 0 && this.week < weeks) {
      if (this.run === 0) this.prepareWeek(this.week);
      const end = Math.min(runs, this.run + left);
      this.simulateSlice(this.week, this.run, end);
      left -= end - this.run;
      this.run = end;
      if (end === runs) {
        this.finishWeek(this.week);
        this.week++;
        this.run = 0;
      }
    }
    return this.week >= weeks;
  }

  /**
   * Called once at the start of each week, whatever the slicing: a forecast's paths draw every
   * run's intake for the week here, in one go, so slices draw the same numbers.
   */
  private prepareWeek(t: number): void {
    if (this.paths !== null) this.drawn = this.paths.next();
    if (this.mode !== MODE_TABLE) return;
    const mean = this.p.intake[t] as number;
    if (mean === this.tableMean) return; // a constant intake builds its table once
    const model = this.p.model;
    this.table = model.kind === "overdispersed" ? negativeBinomialTable(mean, model.dispersion) : poissonTable(mean);
    this.tableMean = mean;
  }

  /**
   * The hot loop: no allocation, one uniform per intake draw and one per capacity factor. The
   * table lookups of countAt and factorAt are written out here so the loop stays one function.
   */
  private simulateSlice(t: number, from: number, to: number): void {
    const rng = this.rng;
    const backlog = this.backlog;
    const mode = this.mode;
    const planned = this.p.capacity[t] as number;
    const fixedIntake = this.p.intake[t] as number;
    const history = this.history;
    const historyLength = history.length;
    const factor = this.factor;
    const quantiles = factor === null ? EMPTY : factor.quantiles;
    const cells = factor === null ? 0 : factor.cells;
    const edge = factor === null ? 0 : factor.edge;
    const table = this.table;
    const cdf = table === null ? EMPTY : table.cdf;
    const guide = table === null ? EMPTY_INT : table.guide;
    const guideLength = guide.length;
    const lo = table === null ? 0 : table.lo;
    const level = this.level;
    const drawn = this.drawn;
    for (let i = from; i < to; i++) {
      let intake: number;
      if (mode === MODE_TABLE) {
        const u = uniform01(rng);
        let k = guide[(u * guideLength) | 0] as number;
        while ((cdf[k] as number) <= u) k++;
        intake = lo + k;
      } else if (mode === MODE_HISTORY) {
        intake = history[(uniform01(rng) * historyLength) | 0] as number;
      } else if (mode === MODE_PATHS) {
        intake = drawn[i] as number;
      } else {
        intake = fixedIntake;
      }
      if (level !== null) intake *= level[i] as number;
      let cap = planned;
      if (factor !== null) {
        const u = ((rng.next() >>> 0) + 0.5) * TWO_TO_MINUS_32; // inlined uniformOpen32
        const x = u * cells;
        const c = x | 0;
        let f: number;
        if (c < edge || c >= cells - edge) {
          f = Math.exp(factor.sigma * normalQuantile(u) + factor.shift);
        } else {
          const a = quantiles[c] as number;
          f = a + (x - c) * ((quantiles[c + 1] as number) - a);
        }
        cap = planned * f;
      }
      // Same operations, in the same order, as projectBacklogCore: zero noise reproduces the plan exactly.
      const available = (backlog[i] as number) + intake;
      const decided = Math.min(cap, available);
      backlog[i] = available - decided;
    }
  }

  private finishWeek(t: number): void {
    const { runs, target, targetWeek } = this.p;
    const backlog = this.backlog;
    const first = this.firstWeek;
    let sum = 0;
    for (let i = 0; i < runs; i++) sum += backlog[i] as number;
    this.mean[t] = sum / runs;
    if (first !== null && target !== undefined) {
      let below = 0;
      for (let i = 0; i < runs; i++) {
        if ((backlog[i] as number) <= target) {
          below++;
          if ((first[i] as number) < 0) first[i] = t + 1;
        }
      }
      if (t + 1 === targetWeek) this.chanceCount = below;
    }
    percentilesCore(backlog, runs, this.sortedPs, this.weekValues, this.workspace);
    for (let j = 0; j < this.order.length; j++) {
      (this.bands[this.order[j] as number] as Float64Array)[t] = this.weekValues[j] as number;
    }
  }

  result(): SimulationResult {
    const { runs, weeks, percentiles, model, spread, target, targetWeek } = this.p;
    const result: SimulationResult = {
      runs,
      weeks,
      percentiles: percentiles.slice(),
      bands: this.bands,
      mean: this.mean,
      plan: this.p.plan,
      intakeModel: model,
      capacitySpread: spread,
      intakeLevelSpread: this.p.levelSpread,
    };
    if (this.p.forecast !== undefined) result.intakeForecast = this.p.forecast;
    if (target !== undefined && this.firstWeek !== null) {
      result.target = targetOutcome(this.firstWeek, target, targetWeek, this.chanceCount / runs);
    }
    return result;
  }
}

/**
 * One intake level factor per run, drawn before any week (run 0 first), so that a simulation cut
 * into slices draws the same numbers. Lognormal with mean 1 and CV `spread`, as the capacity factor.
 */
function drawLevels(rng: RandomGenerator, runs: number, spread: number): Float64Array {
  const table = capacityFactorTable(spread);
  const levels = new Float64Array(runs);
  for (let i = 0; i < runs; i++) levels[i] = drawCapacityFactor(rng, table);
  return levels;
}

/** The weekly intake paths of a checked forecast (preparePlan checked its dates and runs). */
function forecastPaths(rng: RandomGenerator, forecast: IntakeForecastPaths, runs: number, weeks: number): { next: () => Float64Array } {
  const { model, skip, firstMonth, firstWeek } = forecast;
  const paths = weeklyIntakePaths(rng, model, {
    runs,
    weeks,
    ...(skip !== undefined && { skip }),
    ...(firstMonth !== undefined && { firstMonth }),
    ...(firstWeek !== undefined && { firstWeek }),
  });
  if (!paths.ok) throw new Error(`forecast paths: ${paths.error.message}`);
  return paths.value;
}

function targetOutcome(first: Int32Array, target: number, week: number, chance: number): TargetOutcome {
  let reached = 0;
  let sum = 0;
  for (let i = 0; i < first.length; i++) {
    const w = first[i] as number;
    if (w >= 0) {
      reached++;
      sum += w;
    }
  }
  const all = reached === first.length;
  return {
    target,
    week,
    chance,
    reachedShare: reached / first.length,
    expectedWeeks: all ? sum / reached : null,
    meanWeeksWhenReached: reached > 0 ? sum / reached : null,
  };
}

/**
 * Simulates `runs` weekly backlog paths and reports percentiles per week, the mean, the
 * deterministic plan and, when a target is given, the chance of being at or below it.
 *
 * @example
 * simulateBacklog(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, target: 1100 })
 * // → ok; bands[1][51] ≈ 1140 (the median at week 52), target.chance ≈ 0.13
 */
export function simulateBacklog(rng: RandomGenerator, options: SimulateBacklogOptions): Result<SimulationResult> {
  const plan = preparePlan(options);
  if (!plan.ok) return plan;
  const simulation = new BacklogSimulation(rng, plan.value);
  simulation.step(Number.POSITIVE_INFINITY);
  return ok(simulation.result());
}

export interface ChunkOptions {
  /** Work per slice, as the equivalent of this many whole runs (runs × weeks run-weeks); default 2,000. */
  chunkRuns?: number;
  /** Called after every slice with the share done, 0 < fraction ≤ 1. */
  onProgress?: (fraction: number) => void;
  /** Lets the host breathe between slices (e.g. `() => new Promise((r) => setTimeout(r, 0))`). */
  yieldToHost: () => Promise<void>;
}

export const DEFAULT_CHUNK_RUNS = 2_000;

/**
 * The same simulation cut into slices, awaiting `yieldToHost` between them, for the task pane:
 * large runs show progress and keep the pane responsive. The result is bit-identical to
 * `simulateBacklog` with a generator in the same state.
 *
 * @example
 * await simulateBacklogChunked(createRng(2024), { opening: 1440, intake: 25, capacity: 30.77, runs: 100_000 },
 *   { onProgress: (f) => bar.value = f, yieldToHost: () => new Promise((r) => setTimeout(r, 0)) })
 */
export async function simulateBacklogChunked(
  rng: RandomGenerator,
  options: SimulateBacklogOptions,
  chunks: ChunkOptions,
): Promise<Result<SimulationResult>> {
  const plan = preparePlan(options);
  if (!plan.ok) return plan;
  const chunkRuns = checkNumber(chunks.chunkRuns ?? DEFAULT_CHUNK_RUNS, { min: 1, integer: true }, "chunk_runs");
  if (!chunkRuns.ok) return chunkRuns;
  const simulation = new BacklogSimulation(rng, plan.value);
  const budget = chunkRuns.value * plan.value.weeks;
  for (;;) {
    const finished = simulation.step(budget);
    chunks.onProgress?.(simulation.done / simulation.total);
    if (finished) break;
    await chunks.yieldToHost();
  }
  return ok(simulation.result());
}
