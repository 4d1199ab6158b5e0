/**
 * src/engine/random.ts against independent references: pure-rand itself for the generator, exact
 * Poisson and negative-binomial probabilities (sums of logs, no ratio walk) for the count tables,
 * high-precision normal quantiles (mpmath) and Acklam's published algorithm for normalQuantile.
 */
import fc from "fast-check";
// @ts-expect-error -- typings are reachable only through "exports"; see src/engine/random.ts.
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import {
  capacityFactorTable,
  countAt,
  CountTable,
  createRng,
  drawCapacityFactor,
  drawCount,
  factorAt,
  negativeBinomialTable,
  normalQuantile,
  pointTable,
  poissonTable,
  RandomGenerator,
  uniformOpen32,
} from "../../src/engine/random";

/** A generator whose next() returns the given 32-bit outputs in turn. */
function fakeRng(...outputs: number[]): RandomGenerator {
  let i = 0;
  const rng: RandomGenerator = {
    next: () => outputs[i++] as number,
    clone: () => rng,
    getState: () => [],
  };
  return rng;
}

/** The largest double below x > 0. */
function nextDown(x: number): number {
  const f = Float64Array.of(x);
  const words = new Uint32Array(f.buffer); // little-endian: [low, high]
  if (words[0] === 0) {
    words[0] = 0xffffffff;
    words[1] = (words[1] as number) - 1;
  } else words[0] = (words[0] as number) - 1;
  return f[0] as number;
}

const LOG_FACTORIAL = [0];
for (let k = 1; k <= 3000; k++) LOG_FACTORIAL.push((LOG_FACTORIAL[k - 1] as number) + Math.log(k));

/** Poisson(mean) probability of k, from logs (independent of the engine's ratio walk). */
function poissonPmf(mean: number, k: number): number {
  return Math.exp(-mean + k * Math.log(mean) - (LOG_FACTORIAL[k] as number));
}

/** Negative binomial with mean m and variance d·m: size r = m/(d − 1), failure probability 1 − 1/d. */
function negativeBinomialPmf(mean: number, d: number, k: number): number {
  const r = mean / (d - 1);
  let log = -r * Math.log(d) + k * Math.log(1 - 1 / d) - (LOG_FACTORIAL[k] as number);
  for (let i = 0; i < k; i++) log += Math.log(r + i);
  return Math.exp(log);
}

/**
 * Where the documented rule cuts a table: walk down and then up from floor(mean), and stop a side
 * when the geometric bound on the rest of its tail (last probability ÷ (1 − ratio), the ratio no
 * smaller than its limit on the upper side) is below 1e-17 of the mass gathered so far.
 */
function expectedSpan(pmf: (k: number) => number, mean: number, upLimit: number): [number, number] {
  const start = Math.floor(mean);
  let mass = pmf(start);
  let lo = start;
  while (lo > 0) {
    const p = pmf(lo - 1);
    const ratio = p / pmf(lo);
    mass += p;
    lo--;
    if (ratio < 1 && p / (1 - ratio) < 1e-17 * mass) break;
  }
  let hi = start;
  for (;;) {
    const p = pmf(hi + 1);
    const bound = Math.max(p / pmf(hi), upLimit);
    mass += p;
    hi++;
    if (p / (1 - bound) < 1e-17 * mass) break;
  }
  return [lo, hi];
}

/** The table's cdf must be the cumulative pmf over its own span, normalised by the span's mass. */
function expectMatchesPmf(table: CountTable, pmf: (k: number) => number): void {
  const n = table.cdf.length;
  const cells = Array.from({ length: n }, (_, i) => pmf(table.lo + i));
  const total = cells.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  cells.forEach((p, i) => {
    cumulative += p;
    const expected = cumulative / total;
    expect(Math.abs((table.cdf[i] as number) - expected)).toBeLessThanOrEqual(1e-10 * expected);
  });
}

/** Acklam's algorithm as published (P. J. Acklam, 2003), for exact comparisons at its region edges. */
const ACKLAM = {
  a: [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ],
  b: [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1],
  c: [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464101,
    2.938163982698783,
  ],
  d: [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416],
};
const horner = (coefficients: number[], x: number, last: number): number =>
  coefficients.reduce((acc, c) => acc * x + c, 0) * x + last;
function acklamCentral(u: number): number {
  const q = u - 0.5;
  const r = q * q;
  const { a, b } = ACKLAM;
  return (horner(a.slice(0, 5), r, a[5] as number) * q) / horner(b, r, 1);
}
function acklamLowTail(u: number): number {
  const q = Math.sqrt(-2 * Math.log(u));
  const { c, d } = ACKLAM;
  return horner(c.slice(0, 5), q, c[5] as number) / horner(d, q, 1);
}

describe("uniformOpen32", () => {
  test.each([
    [0, 2 ** -33],
    [-1, 1 - 2 ** -33],
    [0x7fffffff, 0.5 - 2 ** -33],
    [-0x80000000, 0.5 + 2 ** -33],
    [12345, 12345.5 * 2 ** -32],
  ])("32-bit output %p maps to (k + ½) / 2³² = %p, strictly inside (0, 1)", (output, expected) => {
    expect(uniformOpen32(fakeRng(output))).toBe(expected);
  });
});

describe("createRng", () => {
  test("is pure-rand's xoroshiro128+ for the seed, after 32 warm-up draws", () => {
    for (const seed of [0, 1, 2024, -7]) {
      const reference = xoroshiro128plus(seed);
      for (let i = 0; i < 32; i++) reference.next();
      const rng = createRng(seed);
      expect(rng.getState()).toEqual(reference.getState());
      expect([rng.next(), rng.next(), rng.next()]).toEqual([reference.next(), reference.next(), reference.next()]);
    }
  });

  test("a seed that is not a whole number is refused", () => {
    expect(() => createRng(1.5)).toThrow(new RangeError("createRng: seed must be a whole number, got 1.5"));
    expect(() => createRng(NaN)).toThrow(RangeError);
  });
});

describe("count tables", () => {
  test.each([0.3, 3, 25.5, 1000])("Poisson(%p): cdf is the exact Poisson cdf over the table's span", (mean) => {
    expectMatchesPmf(poissonTable(mean), (k) => poissonPmf(mean, k));
  });

  test.each([
    [25, 3],
    [2, 5],
    [7, 1.5],
  ])("negative binomial (mean %p, dispersion %p): cdf is the exact pmf over the span", (mean, d) => {
    expectMatchesPmf(negativeBinomialTable(mean, d), (k) => negativeBinomialPmf(mean, d, k));
  });

  test.each([0.3, 3, 25.5, 100, 1000])(
    "Poisson(%p): the table spans exactly what the 1e-17 tail rule keeps",
    (mean) => {
      const table = poissonTable(mean);
      const [lo, hi] = expectedSpan((k) => poissonPmf(mean, k), mean, 0);
      expect([table.lo, table.lo + table.cdf.length - 1]).toEqual([lo, hi]);
    },
  );

  test.each([
    [25, 3],
    [2, 5],
    [7, 1.5],
  ])("negative binomial (mean %p, dispersion %p) spans what the tail rule keeps", (mean, d) => {
    const table = negativeBinomialTable(mean, d);
    const [lo, hi] = expectedSpan((k) => negativeBinomialPmf(mean, d, k), mean, 1 - 1 / d);
    expect([table.lo, table.lo + table.cdf.length - 1]).toEqual([lo, hi]);
  });

  test("Poisson(1000) leaves out the far tails: it spans 740 … 1281", () => {
    const table = poissonTable(1000);
    expect(table.lo).toBe(740);
    expect(table.cdf.length).toBe(542);
  });

  test("small tables start at 0 and end at exactly 1", () => {
    for (const table of [poissonTable(3), poissonTable(0.3), negativeBinomialTable(25, 3)]) {
      expect(table.lo).toBe(0);
      expect(table.cdf[table.cdf.length - 1]).toBe(1);
    }
  });

  test("mean and variance are the distribution's: Poisson μ, μ; negative binomial μ, dispersion × μ", () => {
    expect(poissonTable(2.5)).toMatchObject({ mean: 2.5, variance: 2.5 });
    expect(negativeBinomialTable(25, 3)).toMatchObject({ mean: 25, variance: 75 });
  });

  test("dispersion 1 is exactly the Poisson table", () => {
    expect(negativeBinomialTable(25, 1)).toEqual(poissonTable(25));
  });

  test("a mean of 0 is the point table at 0; pointTable(v) always draws v", () => {
    const point = { lo: 0, cdf: Float64Array.of(1), guide: Int32Array.of(0), mean: 0, variance: 0 };
    expect(poissonTable(0)).toEqual(point);
    expect(negativeBinomialTable(0, 3)).toEqual(point);
    expect(pointTable(7)).toEqual({ ...point, lo: 7, mean: 7 });
    expect(countAt(pointTable(7), 0.999)).toBe(7);
  });

  test("guide[j] is the first index whose cdf exceeds j / length", () => {
    // The geometric distribution (mean 1, dispersion 2) has cdf 0.5, 0.75, … exactly and 58 cells,
    // so guide[29] sits exactly on a cdf value.
    const geometric = negativeBinomialTable(1, 2);
    expect(geometric.cdf.slice(0, 3)).toEqual(Float64Array.of(0.5, 0.75, 0.875));
    expect(geometric.guide.length).toBe(58);
    expect(geometric.guide[29]).toBe(1);
    for (const table of [geometric, poissonTable(3), poissonTable(1000), negativeBinomialTable(2, 5)]) {
      const n = table.cdf.length;
      const expected = Array.from({ length: n }, (_, j) => table.cdf.findIndex((c) => c > j / n));
      expect(Array.from(table.guide)).toEqual(expected);
    }
  });

  test.each([
    ["Poisson(3)", () => poissonTable(3)],
    ["Poisson(1000)", () => poissonTable(1000)],
    ["negative binomial (2, 5)", () => negativeBinomialTable(2, 5)],
  ])("%s: countAt steps up exactly at each cumulative probability below 1", (_, build) => {
    const table = build();
    const { cdf, lo } = table;
    // Far-tail cells whose mass is below 2⁻⁵³ cannot be reached: cdf rounds to 1 before them.
    const last = cdf.indexOf(1);
    expect(countAt(table, 0)).toBe(lo);
    expect(countAt(table, 1 - 2 ** -53)).toBe(lo + last);
    for (let i = 0; i < last; i++) {
      const c = cdf[i] as number;
      expect(countAt(table, c)).toBe(lo + i + 1);
      if (nextDown(c) > (i === 0 ? 0 : (cdf[i - 1] as number))) expect(countAt(table, nextDown(c))).toBe(lo + i);
    }
  });

  test("countAt is lo plus the number of cumulative probabilities ≤ u", () => {
    const tables = [poissonTable(0.3), poissonTable(25.5), negativeBinomialTable(7, 1.5)];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
        for (const table of tables) {
          expect(countAt(table, u)).toBe(table.lo + table.cdf.filter((c) => c <= u).length);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("drawCount inverts pure-rand's 53-bit uniform: 0 gives the first count, 1 − 2⁻⁵³ the last reachable one", () => {
    const table = poissonTable(25.5);
    expect(drawCount(fakeRng(0, 0), table)).toBe(table.lo);
    expect(drawCount(fakeRng(-1, -1), table)).toBe(table.lo + table.cdf.indexOf(1));
    // u = 0.75 exactly: 0.75 × 2²⁶ from the first output, nothing from the second.
    expect(drawCount(fakeRng(0.75 * 2 ** 26, 0), table)).toBe(countAt(table, 0.75));
  });

  test.each([
    [() => poissonTable(-1), /^poissonTable: mean must be ≥ 0, got -1$/],
    [() => poissonTable(NaN), /^poissonTable: mean must be ≥ 0, got NaN$/],
    [() => poissonTable(Infinity), /^poissonTable: mean must be ≥ 0, got Infinity$/],
    [() => negativeBinomialTable(5, 0.5), /^negativeBinomialTable: dispersion must be ≥ 1, got 0.5$/],
    [() => negativeBinomialTable(5, NaN), /^negativeBinomialTable: dispersion must be ≥ 1, got NaN$/],
    [() => negativeBinomialTable(5, Infinity), /^negativeBinomialTable: dispersion must be ≥ 1, got Infinity$/],
    [() => negativeBinomialTable(-1, 3), /^negativeBinomialTable: mean must be ≥ 0, got -1$/],
    [() => negativeBinomialTable(NaN, 3), /^negativeBinomialTable: mean must be ≥ 0, got NaN$/],
    [() => negativeBinomialTable(Infinity, 3), /^negativeBinomialTable: mean must be ≥ 0, got Infinity$/],
  ])("invalid input %#: RangeError %p", (build, message) => {
    expect(build).toThrow(RangeError);
    expect(build).toThrow(message);
  });
});

describe("normalQuantile", () => {
  // Φ⁻¹ to 17 digits (mpmath, 50 digits); Acklam's relative error is below 1.15e-9.
  test.each([
    [1e-300, -37.047096299361199],
    [1e-10, -6.3613409024040562],
    [1e-5, -4.2648907939228246],
    [0.001, -3.0902323061678135],
    [0.01, -2.3263478740408411],
    [0.02, -2.053748910631823],
    [0.024, -1.9773684281819467],
    [0.025, -1.9599639845400542],
    [0.1, -1.2815515655446004],
    [0.3, -0.52440051270804082],
    [0.7, 0.52440051270804066],
    [0.9, 1.2815515655446006],
    [0.975, 1.9599639845400539],
    [0.976, 1.9773684281819463],
    [0.99, 2.3263478740408408],
    [0.999, 3.0902323061678133],
    [0.9999999999, 6.3613408896974219],
  ])("Φ⁻¹(%p) = %p within 1.2e-9 relative", (u, z) => {
    expect(Math.abs(normalQuantile(u) - z)).toBeLessThan(1.2e-9 * Math.abs(z));
  });

  test("Φ⁻¹(0.5) is exactly +0", () => {
    expect(Object.is(normalQuantile(0.5), 0)).toBe(true);
  });

  test("0 and below give −∞, 1 and above give +∞", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(-0.5)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBe(Infinity);
  });

  test("symmetric: Φ⁻¹(1 − u) = −Φ⁻¹(u) exactly where 1 − u is exact", () => {
    for (const u of [2 ** -10, 2 ** -6, 0.0625, 0.25, 0.375]) {
      expect(normalQuantile(1 - u)).toBe(-normalQuantile(u));
    }
  });

  test("the tail formula applies below 0.02425 and above 1 − 0.02425, the central one from them inward", () => {
    const pLow = 0.02425;
    expect(acklamCentral(pLow)).not.toBe(acklamLowTail(pLow)); // the two formulas do differ there
    expect(normalQuantile(pLow)).toBe(acklamCentral(pLow));
    expect(normalQuantile(nextDown(pLow))).toBe(acklamLowTail(nextDown(pLow)));
    expect(normalQuantile(1 - pLow)).toBe(acklamCentral(1 - pLow));
    const justAbove = 1 - pLow + 2 ** -53;
    expect(normalQuantile(justAbove)).toBe(-acklamLowTail(1 - justAbove));
  });
});

describe("capacity factor", () => {
  const CELLS = 16_384;

  test("lognormal parameters: σ² = ln(1 + spread²), shift = −σ²/2, 16,384 cells, outer 1/64 exact", () => {
    const table = capacityFactorTable(0.5);
    expect(table.sigma).toBe(Math.sqrt(Math.log(1.25)));
    expect(table.shift).toBeCloseTo(-Math.log(1.25) / 2, 15);
    expect(table).toMatchObject({ cells: CELLS, edge: 256 });
    expect(table.quantiles.length).toBe(CELLS + 1);
  });

  test("quantiles hold the lognormal quantile in the interpolated cells; the outer cells stay unused", () => {
    const table = capacityFactorTable(0.5);
    const { sigma, shift, quantiles } = table;
    expect(quantiles[CELLS / 2]).toBe(Math.exp(shift)); // the median
    const z = -2.1538746940614562; // Φ⁻¹(1/64)
    expect(quantiles[256]).toBeCloseTo(Math.exp(sigma * z + shift), 8);
    expect(quantiles[CELLS - 256]).toBeCloseTo(Math.exp(-sigma * z + shift), 8);
    expect(quantiles[255]).toBe(0);
    expect(quantiles[CELLS - 255]).toBe(0);
    expect(quantiles[CELLS]).toBe(0);
  });

  test("factorAt is exact in the outer cells and linear in between, cell by cell at the edges", () => {
    const table = capacityFactorTable(1);
    const q = table.quantiles;
    const exact = (u: number): number => Math.exp(table.sigma * normalQuantile(u) + table.shift);
    for (const cell of [0, 255, CELLS - 256, CELLS - 1]) {
      const u = (cell + 0.5) / CELLS;
      expect(factorAt(table, u)).toBe(exact(u));
    }
    for (const cell of [256, 4000, CELLS - 257]) {
      const u = (cell + 0.5) / CELLS;
      const a = q[cell] as number;
      const b = q[cell + 1] as number;
      expect(factorAt(table, u)).toBe(a + 0.5 * (b - a));
      expect(factorAt(table, u)).not.toBe(exact(u)); // so the interpolation is really what is used
      expect(Math.abs(factorAt(table, u) / exact(u) - 1)).toBeLessThan(1e-6);
    }
  });

  test("factorAt in the tails is the lognormal quantile exp(σ·Φ⁻¹(u) − σ²/2)", () => {
    const table = capacityFactorTable(0.3);
    const s2 = Math.log1p(0.09);
    for (const [u, z] of [
      [0.001, -3.0902323061678135],
      [0.999, 3.0902323061678133],
      [2 ** -10, -3.0972690781987845],
    ] as const) {
      const expected = Math.exp(Math.sqrt(s2) * z - s2 / 2);
      expect(Math.abs(factorAt(table, u) / expected - 1)).toBeLessThan(1e-8);
    }
  });

  test("mean 1 and coefficient of variation = spread (midpoint rule over u)", () => {
    const spread = 0.3;
    const table = capacityFactorTable(spread);
    const n = 1 << 16;
    let sum = 0;
    let sumSquares = 0;
    for (let k = 0; k < n; k++) {
      const f = factorAt(table, (k + 0.5) / n);
      sum += f;
      sumSquares += f * f;
    }
    expect(sum / n).toBeCloseTo(1, 4);
    expect(sumSquares / n - 1).toBeCloseTo(spread * spread, 3);
  });

  test("spread 0: every factor is 1", () => {
    const table = capacityFactorTable(0);
    for (const u of [2 ** -33, 0.01, 0.3, 0.5, 0.99, 1 - 2 ** -33]) expect(factorAt(table, u)).toBe(1);
  });

  test("drawCapacityFactor is factorAt at uniformOpen32", () => {
    const table = capacityFactorTable(0.2);
    const s2 = Math.log1p(0.04);
    for (const output of [0, 0x40000000, -1]) {
      expect(drawCapacityFactor(fakeRng(output), table)).toBe(factorAt(table, uniformOpen32(fakeRng(output))));
    }
    expect(drawCapacityFactor(fakeRng(0x40000000), table)).toBeCloseTo(
      Math.exp(Math.sqrt(s2) * -0.6744897501960817 - s2 / 2),
      4,
    ); // Φ⁻¹(¼)
  });

  test.each([-0.1, NaN, Infinity])("spread %p is refused", (spread) => {
    expect(() => capacityFactorTable(spread)).toThrow(new RangeError(`capacity spread must be ≥ 0, got ${spread}`));
  });
});
