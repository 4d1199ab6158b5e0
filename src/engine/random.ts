/**
 * Random draws for the Monte Carlo backlog simulation, on top of pure-rand.
 *
 * Every function takes the generator as its first argument (pure-rand style) and advances it in
 * place (pure-rand 8 generators are mutable); nothing here calls Math.random or reads a clock, so
 * a seed gives the same numbers on every machine. Counts (intake) are drawn by inversion from a
 * precomputed table, which is exact up to tails below 1e-16 and costs one uniform per draw.
 */
import type { RandomGenerator } from "pure-rand/lib/types/RandomGenerator";
import type * as XoroshiroModule from "pure-rand/lib/generator/xoroshiro128plus";
import type * as UniformFloat64Module from "pure-rand/lib/distribution/uniformFloat64";
// pure-rand 8 publishes its entry points only through package.json "exports", which TypeScript's
// moduleResolution "node" does not read; Node, Jest and webpack do. The value imports below resolve
// at run time and take their types from the lib/ declarations above (type-only, erased).
// @ts-expect-error -- typings are reachable only through "exports"; see the comment above.
import { xoroshiro128plus as untypedXoroshiro } from "pure-rand/generator/xoroshiro128plus";
// @ts-expect-error -- typings are reachable only through "exports"; see the comment above.
import { uniformFloat64 as untypedUniformFloat64 } from "pure-rand/distribution/uniformFloat64";

export type { RandomGenerator };

const xoroshiro128plus = untypedXoroshiro as typeof XoroshiroModule.xoroshiro128plus;

/** A uniform draw in [0, 1) with 53 random bits (pure-rand's `uniformFloat64`): for count tables. */
export const uniform01 = untypedUniformFloat64 as typeof UniformFloat64Module.uniformFloat64;

/**
 * A uniform draw strictly inside (0, 1) from one 32-bit output: (k + ½) / 2³². Half the cost of
 * `uniform01`; enough resolution for a continuous factor, and never 0 or 1, so quantiles stay finite.
 */
export function uniformOpen32(rng: RandomGenerator): number {
  return ((rng.next() >>> 0) + 0.5) * TWO_TO_MINUS_32;
}

const TWO_TO_MINUS_32 = 2 ** -32;

/**
 * xoroshiro128+ seeded with a whole number. pure-rand seeds the state almost verbatim, so the first
 * outputs of nearby seeds are nearly equal (seed 1 and 2 both start near 1.0); skipping a few
 * dozen outputs mixes the state before anything is drawn.
 *
 * @example
 * const rng = createRng(2024); uniform01(rng); // same value on every machine
 */
export function createRng(seed: number): RandomGenerator {
  if (!Number.isInteger(seed)) throw new RangeError(`createRng: seed must be a whole number, got ${seed}`);
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < WARM_UP_DRAWS; i++) rng.next();
  return rng;
}

const WARM_UP_DRAWS = 32;

/**
 * A discrete distribution on the whole numbers `lo … lo + cdf.length − 1`, ready for inversion:
 * `cdf` is cumulative and ends at exactly 1, `guide[j]` is the first index whose cdf exceeds
 * j / guide.length, so a draw needs one uniform and one or two comparisons (Chen & Asau).
 */
export interface CountTable {
  lo: number;
  cdf: Float64Array;
  guide: Int32Array;
  /** The distribution's exact mean and variance (not the table's), for documentation and tests. */
  mean: number;
  variance: number;
}

/** Tail mass, relative to the table's total, that we leave out; far below what any run count can detect. */
const TAIL = 1e-17;
/** Guard against tables that would not fit in memory; only absurd inputs get near it. */
const MAX_TABLE = 20_000_000;

/**
 * Builds a table for a unimodal count distribution from the ratios of consecutive probabilities,
 * `up(k) = P(k + 1) / P(k)`. Starting at 1 at floor(mean) and walking both ways needs no
 * log-gamma (which loses all precision for a negative binomial close to Poisson) and no absolute
 * probability; the result is normalised at the end. A walk stops when the geometric bound on the
 * rest of its tail, using the ratio or `upLimit` (the ratio's limit) whichever is larger, drops
 * below TAIL of the mass so far.
 */
function buildTable(up: (k: number) => number, upLimit: number, mean: number, variance: number): CountTable {
  const start = Math.floor(mean);
  const below: number[] = [];
  const above: number[] = [1];
  let total = 1;
  let p = 1;
  for (let k = start; k > 0; k--) {
    const ratio = 1 / up(k - 1); // P(k − 1) / P(k)
    p *= ratio;
    below.push(p);
    total += p;
    if (ratio < 1 && p / (1 - ratio) < TAIL * total) break;
    if (below.length > MAX_TABLE) throw new RangeError(`count table too large for mean ${mean}`);
  }
  p = 1;
  for (let k = start; ; k++) {
    const ratio = up(k);
    p *= ratio;
    above.push(p);
    total += p;
    const bound = ratio > upLimit ? ratio : upLimit;
    if (bound < 1 && p / (1 - bound) < TAIL * total) break;
    if (above.length > MAX_TABLE) throw new RangeError(`count table too large for mean ${mean}`);
  }
  const n = below.length + above.length;
  const cdf = new Float64Array(n);
  let cumulative = 0;
  let i = 0;
  for (let j = below.length - 1; j >= 0; j--) cdf[i++] = cumulative += below[j] as number;
  for (const q of above) cdf[i++] = cumulative += q;
  for (let j = 0; j < n; j++) cdf[j] = (cdf[j] as number) / cumulative;
  cdf[n - 1] = 1; // every u in [0, 1) then finds an index
  const guide = new Int32Array(n);
  let at = 0;
  for (let j = 0; j < n; j++) {
    while ((cdf[at] as number) <= j / n) at++;
    guide[j] = at;
  }
  return { lo: start - below.length, cdf, guide, mean, variance };
}

/**
 * Poisson(mean) as a table. A mean of 0 always draws 0.
 *
 * @example
 * drawCount(createRng(1), poissonTable(25)) // a whole number near 25
 */
export function poissonTable(mean: number): CountTable {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poissonTable: mean must be ≥ 0, got ${mean}`);
  if (mean === 0) return pointTable(0);
  return buildTable((k) => mean / (k + 1), 0, mean, mean);
}

/**
 * Negative binomial with the given mean and variance-to-mean ratio `dispersion` (≥ 1; 1 is
 * Poisson): variance = dispersion × mean. It is the Poisson–Gamma mixture (a Poisson whose mean
 * itself varies from week to week), tabulated directly: size r = mean / (dispersion − 1),
 * success probability 1 / dispersion.
 *
 * @example
 * negativeBinomialTable(25, 3) // mean 25, variance 75
 */
export function negativeBinomialTable(mean: number, dispersion: number): CountTable {
  if (!(dispersion >= 1) || !Number.isFinite(dispersion)) {
    throw new RangeError(`negativeBinomialTable: dispersion must be ≥ 1, got ${dispersion}`);
  }
  if (dispersion === 1) return poissonTable(mean);
  if (!(mean >= 0) || !Number.isFinite(mean)) {
    throw new RangeError(`negativeBinomialTable: mean must be ≥ 0, got ${mean}`);
  }
  if (mean === 0) return pointTable(0);
  const r = mean / (dispersion - 1);
  const q = 1 - 1 / dispersion; // failure probability
  return buildTable((k) => ((k + r) * q) / (k + 1), q, mean, mean * dispersion);
}

/** The distribution that is always `value` (a fixed, whole-number intake). */
export function pointTable(value: number): CountTable {
  return { lo: value, cdf: Float64Array.of(1), guide: Int32Array.of(0), mean: value, variance: 0 };
}

/** One draw from a table by inversion: monotone in the uniform, one uniform per draw. */
export function drawCount(rng: RandomGenerator, table: CountTable): number {
  return countAt(table, uniform01(rng));
}

/** The table's quantile at u ∈ [0, 1). */
export function countAt(table: CountTable, u: number): number {
  const { cdf, guide } = table;
  let i = guide[(u * guide.length) | 0] as number;
  while ((cdf[i] as number) <= u) i++;
  return table.lo + i;
}

/**
 * Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), for
 * u in (0, 1). Used for the capacity factor: one uniform per draw, no rejection loop.
 */
export function normalQuantile(u: number): number {
  if (u <= 0) return -Infinity;
  if (u >= 1) return Infinity;
  if (u < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  if (u > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return (
    ((((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q) /
    (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1)
  );
}

// Acklam's coefficients: central region (A, B) and tails (C, D).
const P_LOW = 0.02425;
const A1 = -3.969683028665376e1;
const A2 = 2.209460984245205e2;
const A3 = -2.759285104469687e2;
const A4 = 1.38357751867269e2;
const A5 = -3.066479806614716e1;
const A6 = 2.506628277459239;
const B1 = -5.447609879822406e1;
const B2 = 1.615858368580409e2;
const B3 = -1.556989798598866e2;
const B4 = 6.680131188771972e1;
const B5 = -1.328068155288572e1;
const C1 = -7.784894002430293e-3;
const C2 = -3.223964580411365e-1;
const C3 = -2.400758277161838;
const C4 = -2.549732539343734;
const C5 = 4.374664141464101;
const C6 = 2.938163982698783;
const D1 = 7.784695709041462e-3;
const D2 = 3.224671290700398e-1;
const D3 = 2.445134137142996;
const D4 = 3.754408661907416;

/**
 * The capacity factor: lognormal with mean exactly 1 and coefficient of variation `spread`
 * (0.1 = delivered capacity typically within ±10% of plan). Lognormal rather than a clamped
 * normal: it is never negative, and a clamp at 0 would push the mean above 1.
 *
 * Drawn by inversion from a quantile table with linear interpolation (16,384 cells, 128 kB); the outer
 * 1/64 on each side, where the quantile curves sharply, is computed exactly. Relative error below
 * 1e-6 of the factor (tested), one uniform per draw and no exp/log for 97% of draws.
 */
export interface FactorTable {
  sigma: number;
  /** −σ²/2, so that E[factor] = 1. */
  shift: number;
  /** quantiles[i] = factor at u = i / cells, for the interpolated cells (outer ones unused). */
  quantiles: Float64Array;
  cells: number;
  /** Cells below `edge` and from `cells − edge` on are computed exactly. */
  edge: number;
}

const FACTOR_CELLS = 16_384;
const FACTOR_EDGE = FACTOR_CELLS / 64;

export function capacityFactorTable(spread: number): FactorTable {
  if (!(spread >= 0) || !Number.isFinite(spread)) throw new RangeError(`capacity spread must be ≥ 0, got ${spread}`);
  const variance = Math.log1p(spread * spread);
  const sigma = Math.sqrt(variance);
  const shift = -variance / 2;
  const quantiles = new Float64Array(FACTOR_CELLS + 1);
  for (let i = FACTOR_EDGE; i <= FACTOR_CELLS - FACTOR_EDGE; i++) {
    quantiles[i] = Math.exp(sigma * normalQuantile(i / FACTOR_CELLS) + shift);
  }
  return { sigma, shift, quantiles, cells: FACTOR_CELLS, edge: FACTOR_EDGE };
}

/** The factor at u ∈ (0, 1): exact in the outer cells, interpolated in between. */
export function factorAt(table: FactorTable, u: number): number {
  const x = u * table.cells;
  const i = x | 0;
  if (i < table.edge || i >= table.cells - table.edge) {
    return Math.exp(table.sigma * normalQuantile(u) + table.shift);
  }
  const q = table.quantiles;
  const a = q[i] as number;
  return a + (x - i) * ((q[i + 1] as number) - a);
}

/** One capacity factor (≥ 0, mean 1). */
export function drawCapacityFactor(rng: RandomGenerator, table: FactorTable): number {
  return factorAt(table, uniformOpen32(rng));
}
