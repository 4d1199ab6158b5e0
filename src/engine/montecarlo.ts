/**
 * Monte Carlo simulation of the weekly stock-flow: how uncertain is "about 1100 at the end of 2024"?
 *
 * Each run follows `decisions = min(capacity, backlog + intake)`, `backlog = backlog + intake −
 * decisions` with a random intake (Poisson, negative binomial or resampled history) and, if asked,
 * a random capacity factor around 1. The generator is the first argument and is advanced in place.
 *
 * Memory: the simulation goes week by week over all runs at once, so it keeps one Float64Array of
 * `runs` backlogs, never a runs × weeks matrix (100,000 × 520 as Float64 would be 416 MB).
 * Percentiles are taken at the end of each week with a bucket count plus selection in the few
 * buckets that matter (`percentilesCore`): 100,000 runs × 520 weeks needs about 2 MB of working
 * arrays. Draws happen in a fixed order (week by week, run by run within a week), so the chunked
 * runner for the task pane gives bit-identical results.
 */
import { projectBacklog, ProjectBacklogOptions } from "./project";
import {
  capacityFactorTable,
  CountTable,
  FactorTable,
  negativeBinomialTable,
  normalQuantile,
  poissonTable,
  RandomGenerator,
  uniform01,
} from "./random";
import { checkNumber, checkSeries, fail, NON_NEGATIVE, NumberRule, ok, Result } from "./validate";

/** Runs when nothing else is asked: the standard error of a percentage is then at most 0.5 point. */
export const DEFAULT_RUNS = 10_000;
/** The fixed seed the custom functions use, so a workbook shows the same figures on every open. */
export const DEFAULT_SEED = 2024;
export const DEFAULT_PERCENTILES: readonly number[] = [0.1, 0.5, 0.9];
export const RUNS_RULE: NumberRule = { min: 100, max: 1_000_000, integer: true };
export const PERCENTILE_RULE: NumberRule = { min: 0, max: 1 };
/** Seeds are 32-bit: every whole number in this range gives a different generator. */
export const SEED_RULE: NumberRule = { min: 0, max: 4_294_967_295, integer: true };
/** Variance ÷ mean of the weekly intake; 1 is Poisson. */
export const DISPERSION_RULE: NumberRule = { min: 1, max: 1000 };
/** Coefficient of variation of the capacity factor; 0.1 = typically within ±10% of plan. */
export const CAPACITY_SPREAD_RULE: NumberRule = { min: 0, max: 1 };
export const MAX_PERCENTILES = 100;
/**
 * Largest weekly intake a random model accepts (a Poisson or negative binomial mean, or a history
 * figure): count tables stay a few MB and no sum of backlogs can overflow.
 */
export const MAX_RANDOM_INTAKE = 1_000_000;
/**
 * Upper bound on runs × weeks, so one call cannot freeze Excel for minutes: a few seconds at the
 * measured speed (`npm run bench`). 100,000 runs × 520 weeks and 1,000,000 runs × 100 weeks fit.
 */
export const MAX_PATH_WEEKS = 100_000_000;

/** How weekly intake varies around the given figures. */
export type IntakeModel =
  /** Poisson arrivals around each week's intake: variance = mean. The default. */
  | { kind: "poisson" }
  /** Negative binomial: variance = dispersion × mean (dispersion > 1 is extra spread). */
  | { kind: "overdispersed"; dispersion: number }
  /** Bootstrap: each week's intake is one of these historical weekly figures, drawn with replacement. */
  | { kind: "history"; history: readonly number[] }
  /** No noise: intake exactly as given (with capacity spread 0, every run equals the plan). */
  | { kind: "fixed" };

export interface SimulateBacklogOptions extends ProjectBacklogOptions {
  /** Number of simulated runs (100 to 1,000,000); default 10,000. */
  runs?: number;
  /** Percentiles in [0, 1] reported for every week; default 0.1, 0.5, 0.9. May be empty. */
  percentiles?: readonly number[];
  /** Default Poisson. */
  intakeModel?: IntakeModel;
  /** Delivered capacity = planned × a lognormal factor with mean 1 and this CV; default 0 (fixed). */
  capacitySpread?: number;
  /** Backlog to reach; enables `target` in the result. */
  target?: number;
  /** Week at which the chance of being at or below target is measured; default the last week. */
  targetWeek?: number;
}

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
  target?: TargetOutcome;
}

/** Validated, expanded inputs for the simulation core. */
interface Plan {
  opening: number;
  weeks: number;
  runs: number;
  intake: Float64Array;
  capacity: Float64Array;
  plan: Float64Array;
  percentiles: number[];
  model: IntakeModel;
  spread: number;
  target: number | undefined;
  targetWeek: number;
}

function preparePlan(options: SimulateBacklogOptions): Result<Plan> {
  const projection = projectBacklog(options);
  if (!projection.ok) return projection;
  const rows = projection.value.rows;
  const weeks = rows.length;
  const runs = checkNumber(options.runs ?? DEFAULT_RUNS, RUNS_RULE, "runs");
  if (!runs.ok) return runs;
  if (runs.value * weeks > MAX_PATH_WEEKS) {
    return fail({
      kind: "range",
      argument: "runs",
      got: runs.value,
      message: `runs: ${runs.value.toLocaleString("en-US")} runs × ${weeks} weeks is more than ${MAX_PATH_WEEKS.toLocaleString("en-US")} simulated weeks; use fewer runs or weeks`,
    });
  }
  const percentiles = checkPercentiles(options.percentiles ?? DEFAULT_PERCENTILES);
  if (!percentiles.ok) return percentiles;
  const model = checkModel(options.intakeModel ?? { kind: "poisson" });
  if (!model.ok) return model;
  const spread = checkNumber(options.capacitySpread ?? 0, CAPACITY_SPREAD_RULE, "capacity_spread");
  if (!spread.ok) return spread;
  let target: number | undefined;
  if (options.target !== undefined) {
    const checked = checkNumber(options.target, NON_NEGATIVE, "target");
    if (!checked.ok) return checked;
    target = checked.value;
  }
  const targetWeek = checkNumber(options.targetWeek ?? weeks, { min: 1, max: weeks, integer: true }, "target_week");
  if (!targetWeek.ok) return targetWeek;

  const random = model.value.kind === "poisson" || model.value.kind === "overdispersed";
  const intake = new Float64Array(weeks);
  const capacity = new Float64Array(weeks);
  const plan = new Float64Array(weeks);
  for (let t = 0; t < weeks; t++) {
    const row = rows[t] as (typeof rows)[number];
    if (random && row.intake > MAX_RANDOM_INTAKE) {
      return fail({
        kind: "range",
        argument: "intake",
        week: t + 1,
        got: row.intake,
        message: `intake, week ${t + 1}: expected at most ${MAX_RANDOM_INTAKE.toLocaleString("en-US")} a week for a random intake, got ${row.intake}`,
      });
    }
    intake[t] = row.intake;
    capacity[t] = row.capacity;
    plan[t] = row.backlog;
  }
  return ok({
    opening: options.opening,
    weeks,
    runs: runs.value,
    intake,
    capacity,
    plan,
    percentiles: percentiles.value,
    model: model.value,
    spread: spread.value,
    target,
    targetWeek: targetWeek.value,
  });
}

function checkPercentiles(values: readonly number[]): Result<number[]> {
  if (!Array.isArray(values)) {
    return fail({
      kind: "type",
      argument: "percentiles",
      got: values,
      message: "percentiles: expected a list of numbers from 0 to 1",
    });
  }
  if (values.length > MAX_PERCENTILES) {
    return fail({
      kind: "shape",
      argument: "percentiles",
      message: `percentiles: at most ${MAX_PERCENTILES} percentiles, got ${values.length}`,
    });
  }
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const checked = checkNumber(values[i], PERCENTILE_RULE, "percentiles");
    if (!checked.ok) {
      const error = checked.error;
      return fail({ ...error, message: error.message.replace(/^percentiles:/, `percentiles, value ${i + 1}:`) });
    }
    out.push(checked.value);
  }
  return ok(out);
}

function checkModel(model: IntakeModel): Result<IntakeModel> {
  switch (model.kind) {
    case "poisson":
    case "fixed":
      return ok({ kind: model.kind });
    case "overdispersed": {
      const d = checkNumber(model.dispersion, DISPERSION_RULE, "dispersion");
      return d.ok ? ok({ kind: "overdispersed", dispersion: d.value }) : d;
    }
    case "history": {
      const h = checkSeries(model.history, { min: 0, max: MAX_RANDOM_INTAKE }, "history");
      if (!h.ok) return h;
      return ok({ kind: "history", history: typeof h.value === "number" ? [h.value] : h.value });
    }
    default:
      return fail({
        kind: "type",
        argument: "intake_model",
        got: (model as { kind?: unknown }).kind,
        message: `intake_model: expected poisson, overdispersed, history or fixed, got ${String((model as { kind?: unknown }).kind)}`,
      });
  }
}

const MODE_TABLE = 0;
const MODE_HISTORY = 1;
const MODE_FIXED = 2;

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
  private table: CountTable | null = null;
  private tableMean = Number.NaN;
  private chanceCount = 0;
  private week = 0;
  private run = 0;

  constructor(
    private readonly rng: RandomGenerator,
    private readonly p: Plan,
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
    this.mode = p.model.kind === "history" ? MODE_HISTORY : p.model.kind === "fixed" ? MODE_FIXED : MODE_TABLE;
    this.history = Float64Array.from(p.model.kind === "history" ? p.model.history : []);
    this.factor = p.spread > 0 ? capacityFactorTable(p.spread) : null;
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

  private prepareWeek(t: number): void {
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
    for (let i = from; i < to; i++) {
      let intake: number;
      if (mode === MODE_TABLE) {
        const u = uniform01(rng);
        let k = guide[(u * guideLength) | 0] as number;
        while ((cdf[k] as number) <= u) k++;
        intake = lo + k;
      } else if (mode === MODE_HISTORY) {
        intake = history[(uniform01(rng) * historyLength) | 0] as number;
      } else {
        intake = fixedIntake;
      }
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
      const decided = cap < available ? cap : available;
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
    if (this.order.length === 0) return;
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
    };
    if (target !== undefined && this.firstWeek !== null) {
      result.target = targetOutcome(this.firstWeek, target, targetWeek, this.chanceCount / runs);
    }
    return result;
  }
}

const EMPTY = new Float64Array(0);
const EMPTY_INT = new Int32Array(0);
const TWO_TO_MINUS_32 = 2 ** -32;

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
 * Reusable buffers for `percentilesCore`, allocated once per simulation (not per week or run).
 */
export class PercentileWorkspace {
  readonly work: Float64Array;
  readonly counts: Int32Array;
  /** Bucket → slot in `work`, −1 when the bucket holds no wanted rank. */
  readonly slotOf: Int32Array;
  readonly slotStart: Int32Array;
  readonly slotFill: Int32Array;
  readonly rankBucket: Int32Array;
  readonly rankValue: Float64Array;
  readonly ranks: Int32Array;
  readonly inBucket: Int32Array;
  /** Index in `ranks` of each percentile's lower order statistic. */
  readonly firstRank: Int32Array;

  constructor(n: number, maxPercentiles = MAX_PERCENTILES) {
    this.work = new Float64Array(n);
    // About one bucket per 4 values (at most 4096): wanted buckets then hold a handful of values.
    const buckets = Math.max(1, Math.min(4096, n >> 2));
    this.counts = new Int32Array(buckets);
    this.slotOf = new Int32Array(buckets).fill(-1);
    const maxRanks = 2 * maxPercentiles;
    this.slotStart = new Int32Array(maxRanks);
    this.slotFill = new Int32Array(maxRanks);
    this.rankBucket = new Int32Array(maxRanks);
    this.rankValue = new Float64Array(maxRanks);
    this.ranks = new Int32Array(maxRanks);
    this.inBucket = new Int32Array(maxRanks);
    this.firstRank = new Int32Array(maxPercentiles);
  }
}

/**
 * Percentiles as Excel's PERCENTILE.INC (rank h = (n − 1)p, interpolated between the order
 * statistics around h) of `values[0…n)`, for `ps` in ascending order, written to `out`.
 * `values` is left as it is. Instead of one selection per percentile over all n values, the range
 * [min, max] is cut into buckets and counted; only the few values in the buckets that hold a
 * wanted rank are copied out and selected among: three passes over the data in all.
 */
export function percentilesCore(
  values: Float64Array,
  n: number,
  ps: ArrayLike<number>,
  out: { [index: number]: number },
  ws: PercentileWorkspace,
): void {
  const m = ps.length;
  if (m === 0) return;
  let min = values[0] as number;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (!(max > min)) {
    for (let j = 0; j < m; j++) out[j] = min; // all values equal
    return;
  }
  // buckets ÷ (max − min) overflows for a spread below about 1e-305 (e.g. [0, 5e-324]); any finite
  // scale keeps bucket order equal to value order, and (v − min) × scale then stays below buckets.
  const scale = Math.min(ws.counts.length / (max - min), Number.MAX_VALUE);
  // Wanted ranks, ascending: floor(h) and, when h is not whole, the next one.
  const { ranks, firstRank } = ws;
  let rankCount = 0;
  for (let j = 0; j < m; j++) {
    const h = (n - 1) * (ps[j] as number);
    const k = Math.floor(h);
    // ps ascend, so k is one of the last two ranks listed or a new, larger one.
    let index = -1;
    if (rankCount > 0 && ranks[rankCount - 1] === k) index = rankCount - 1;
    else if (rankCount > 1 && ranks[rankCount - 2] === k) index = rankCount - 2;
    if (index < 0) {
      ranks[rankCount] = k;
      index = rankCount++;
    }
    firstRank[j] = index;
    if (h > k && k + 1 < n && ranks[rankCount - 1] !== k + 1) ranks[rankCount++] = k + 1;
  }
  const counts = ws.counts;
  const buckets = counts.length;
  const last = buckets - 1;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    // (v − min) × scale rises with v, so bucket order is value order.
    const x = ((values[i] as number) - min) * scale;
    const b = x >= last ? last : x | 0;
    counts[b] = (counts[b] as number) + 1;
  }
  // Find the bucket of each rank and give each such bucket a slot in `work`.
  const { slotOf, slotStart, slotFill, rankBucket, inBucket, work } = ws;
  let bucket = 0;
  let before = 0;
  let slots = 0;
  let offset = 0;
  for (let r = 0; r < rankCount; r++) {
    const rank = ranks[r] as number;
    while (before + (counts[bucket] as number) <= rank) before += counts[bucket++] as number;
    rankBucket[r] = bucket;
    inBucket[r] = rank - before;
    if ((slotOf[bucket] as number) < 0) {
      slotOf[bucket] = slots;
      slotStart[slots] = offset;
      slotFill[slots] = offset;
      offset += counts[bucket] as number;
      slots++;
    }
  }
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const b = (v - min) * scale;
    const slot = slotOf[b >= last ? last : b | 0] as number;
    if (slot >= 0) {
      const at = slotFill[slot] as number;
      work[at] = v;
      slotFill[slot] = at + 1;
    }
  }
  const rankValue = ws.rankValue;
  for (let r = 0; r < rankCount; r++) {
    const b = rankBucket[r] as number;
    const slot = slotOf[b] as number;
    const start = slotStart[slot] as number;
    const at = start + (inBucket[r] as number);
    selectCore(work, at, start, start + (counts[b] as number) - 1);
    rankValue[r] = work[at] as number;
  }
  for (let r = 0; r < rankCount; r++) slotOf[rankBucket[r] as number] = -1;
  for (let j = 0; j < m; j++) {
    const h = (n - 1) * (ps[j] as number);
    const k = Math.floor(h);
    const r = firstRank[j] as number;
    const below = rankValue[r] as number;
    if (h > k && k + 1 < n) {
      const above = rankValue[r + 1] as number;
      const value = below + (h - k) * (above - below);
      // Rounding must not push an interpolated value past its neighbours (monotone in p).
      out[j] = value > above ? above : value < below ? below : value;
    } else {
      out[j] = below;
    }
  }
}

/**
 * Rearranges `a[left…right]` so that `a[k]` is the value it would have if sorted, smaller-or-equal
 * values before it and greater-or-equal after it (Floyd–Rivest selection; linear on average,
 * including when many values are equal, e.g. every backlog at 0).
 */
export function selectCore(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Narrow the range around k from a sample first.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectCore(a, k, newLeft, newRight);
    }
    const pivot = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > pivot) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
    }
    if (a[left] === pivot) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
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

/** Callers build the generator from a seed with this; the engine itself never seeds. */
export { createRng } from "./random";
export type { RandomGenerator } from "./random";
