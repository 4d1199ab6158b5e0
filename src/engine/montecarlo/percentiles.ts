/**
 * Percentile selection, as Excel's PERCENTILE.INC, of one week's backlogs over all runs, without
 * sorting them: the range [min, max] is cut into buckets and counted; only the few values in the
 * buckets that hold a wanted rank are copied out and selected among. Three passes over the data
 * in all, and no allocation once the workspace exists.
 */
import { MAX_PERCENTILES } from "./options";

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
 * `values` is left as it is.
 *
 * @example
 * percentilesCore(Float64Array.from([4, 1, 3, 2]), 4, [0, 0.5, 1], out, new PercentileWorkspace(4, 3))
 * // out → [1, 2.5, 4]
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
  // Stryker disable next-line BlockStatement: speed only; with max = min every value falls in bucket 0 and each percentile is min.
  if (!(max > min)) {
    for (let j = 0; j < m; j++) out[j] = min; // all values equal
    return;
  }
  // buckets ÷ (max − min) overflows for a spread below about 1e-305 (e.g. [0, 5e-324]); any finite
  // scale keeps bucket order equal to value order, and (v − min) × scale then stays below buckets.
  const scale = Math.min(ws.counts.length / (max - min), Number.MAX_VALUE);
  const last = ws.counts.length - 1;
  const rankCount = listWantedRanks(n, ps, ws);
  countBuckets(values, n, min, scale, last, ws.counts);
  locateRanks(rankCount, ws);
  gatherWanted(values, n, min, scale, last, ws);
  selectRanks(rankCount, ws);
  // Leave every bucket without a slot again, for the next week.
  for (let r = 0; r < rankCount; r++) ws.slotOf[ws.rankBucket[r] as number] = -1;
  interpolate(n, ps, ws, out);
}

/**
 * Fills `ws.ranks` with the wanted order statistics, ascending: floor(h) and, when h is not whole,
 * the next one; `ws.firstRank[j]` points at percentile j's lower one. Returns how many there are.
 */
function listWantedRanks(n: number, ps: ArrayLike<number>, ws: PercentileWorkspace): number {
  const { ranks, firstRank } = ws;
  let rankCount = 0;
  for (let j = 0; j < ps.length; j++) {
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
  return rankCount;
}

/** Counts the values per bucket: bucket = ⌊(v − min) × scale⌋, the top values into the last one. */
function countBuckets(values: Float64Array, n: number, min: number, scale: number, last: number, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    // (v − min) × scale rises with v, so bucket order is value order.
    const x = ((values[i] as number) - min) * scale;
    const b = x >= last ? last : x | 0;
    counts[b] = (counts[b] as number) + 1;
  }
}

/** Finds the bucket of each wanted rank and gives each such bucket a slot in `work`. */
function locateRanks(rankCount: number, ws: PercentileWorkspace): void {
  const { counts, ranks, slotOf, slotStart, slotFill, rankBucket, inBucket } = ws;
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
}

/** Copies the values of the wanted buckets into their slots in `work`. */
function gatherWanted(values: Float64Array, n: number, min: number, scale: number, last: number, ws: PercentileWorkspace): void {
  const { slotOf, slotFill, work } = ws;
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
}

/** `ws.rankValue[r]`: the value of rank r, selected within its bucket's slot. */
function selectRanks(rankCount: number, ws: PercentileWorkspace): void {
  const { counts, rankBucket, slotOf, slotStart, inBucket, work, rankValue } = ws;
  for (let r = 0; r < rankCount; r++) {
    const b = rankBucket[r] as number;
    const start = slotStart[slotOf[b] as number] as number;
    const at = start + (inBucket[r] as number);
    selectCore(work, at, start, start + (counts[b] as number) - 1);
    rankValue[r] = work[at] as number;
  }
}

/** PERCENTILE.INC from the selected order statistics: between floor(h) and the next, by h's fraction. */
function interpolate(n: number, ps: ArrayLike<number>, ws: PercentileWorkspace, out: { [index: number]: number }): void {
  const { firstRank, rankValue } = ws;
  for (let j = 0; j < ps.length; j++) {
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
 *
 * @example
 * const a = Float64Array.from([5, 1, 4, 2, 3]);
 * selectCore(a, 2, 0, 4); // a[2] → 3
 */
export function selectCore(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Narrow the range around k from a sample first.
      // Stryker disable ArithmeticOperator,UnaryOperator,ConditionalExpression,EqualityOperator: speed only; the exact partition below gives the same a[k] for any range narrowed within [left, right].
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectCore(a, k, newLeft, newRight);
    }
    // Stryker restore ArithmeticOperator,UnaryOperator,ConditionalExpression,EqualityOperator
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
