import fc from "fast-check";
import { DEFAULT_PERCENTILES, DEFAULT_RUNS, IntakeModel, MAX_PATH_WEEKS, SimulateBacklogOptions } from "../../src/engine/montecarlo/options";
import { PercentileWorkspace, percentilesCore } from "../../src/engine/montecarlo/percentiles";
import { simulateBacklog, simulateBacklogChunked, SimulationResult } from "../../src/engine/montecarlo/simulation";
import { chanceBelow, expectedWeeksToTarget } from "../../src/engine/montecarlo/targets";
import { projectBacklog } from "../../src/engine/project";
import { createRng } from "../../src/engine/random";
import {
  capacityFactorTable,
  countAt,
  drawCapacityFactor,
  drawCount,
  factorAt,
  negativeBinomialTable,
  normalQuantile,
  poissonTable,
  uniform01,
} from "../../src/engine/random";
import { poissonCdf, poissonPmf } from "../helpers/poisson";
import { selectCore } from "../../src/engine/montecarlo/percentiles";

/** Tolerances are this many standard errors: a false alarm is then a one-in-a-million event. */
const Z = 5;

function simulate(seed: number, options: SimulateBacklogOptions): SimulationResult {
  const result = simulateBacklog(createRng(seed), options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function moments(values: ArrayLike<number>): { mean: number; variance: number; m4: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    s2 += d * d;
    s4 += d * d * d * d;
  }
  return { mean, variance: s2 / (n - 1), m4: s4 / n };
}

function draws(n: number, seed: number, draw: (rng: ReturnType<typeof createRng>) => number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(rng);
  return out;
}

/** PERCENTILE.INC on a sorted copy: the reference for percentilesCore. */
function referencePercentile(values: readonly number[], p: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * p;
  const k = Math.floor(h);
  const below = s[k] as number;
  if (h === k || k + 1 >= s.length) return below;
  const above = s[k + 1] as number;
  const v = below + (h - k) * (above - below);
  return v > above ? above : v < below ? below : v;
}

describe("random draws (src/engine/random.ts)", () => {
  const N = 40_000;

  test.each([0.3, 3, 25, 10_000])("Poisson(%p): sample mean and variance within 5 standard errors", (mu) => {
    const table = poissonTable(mu);
    const m = moments(draws(N, 7, (rng) => drawCount(rng, table)));
    expect(Math.abs(m.mean - mu)).toBeLessThan(Z * Math.sqrt(mu / N));
    // Var of the sample variance for Poisson: (μ4 − σ⁴)/N with μ4 = μ(1 + 3μ).
    expect(Math.abs(m.variance - mu)).toBeLessThan(Z * Math.sqrt((mu + 2 * mu * mu) / N));
  });

  test("Poisson(25): frequencies pass a chi-square test against the textbook pmf", () => {
    const mu = 25;
    const table = poissonTable(mu);
    const counts = new Map<number, number>();
    const sample = draws(N, 11, (rng) => drawCount(rng, table));
    for (const k of sample) counts.set(k, (counts.get(k) ?? 0) + 1);
    // Bins 12…38 each expect ≥ 5 draws; the two tails are pooled.
    let chi2 = 0;
    let bins = 0;
    const lowTail = poissonCdf(mu, 11);
    const highTail = 1 - poissonCdf(mu, 38);
    const observedLow = sample.filter((k) => k <= 11).length;
    const observedHigh = sample.filter((k) => k >= 39).length;
    for (const [observed, p] of [
      [observedLow, lowTail],
      [observedHigh, highTail],
    ] as const) {
      chi2 += (observed - N * p) ** 2 / (N * p);
      bins++;
    }
    for (let k = 12; k <= 38; k++) {
      const expected = N * poissonPmf(mu, k);
      chi2 += ((counts.get(k) ?? 0) - expected) ** 2 / expected;
      bins++;
    }
    const df = bins - 1;
    expect(chi2).toBeLessThan(df + Z * Math.sqrt(2 * df));
  });

  test("negative binomial (mean 25, dispersion 3): mean 25, variance 75 within 5 standard errors", () => {
    const mu = 25;
    const d = 3;
    const table = negativeBinomialTable(mu, d);
    const m = moments(draws(N, 13, (rng) => drawCount(rng, table)));
    const variance = mu * d;
    expect(Math.abs(m.mean - mu)).toBeLessThan(Z * Math.sqrt(variance / N));
    // Exact fourth central moment from the excess kurtosis 6/r + p²/(r(1 − p)), p = 1/d, r = μ/(d − 1).
    const r = mu / (d - 1);
    const p = 1 / d;
    const m4 = variance * variance * (3 + 6 / r + (p * p) / (r * (1 - p)));
    expect(Math.abs(m.variance - variance)).toBeLessThan(Z * Math.sqrt((m4 - variance * variance) / N));
  });

  test("dispersion 1 is Poisson, mean 0 always draws 0", () => {
    expect(negativeBinomialTable(25, 1).cdf).toEqual(poissonTable(25).cdf);
    const zero = poissonTable(0);
    expect(draws(100, 1, (rng) => drawCount(rng, zero)).every((k) => k === 0)).toBe(true);
  });

  test("tables: cdf rises to exactly 1 and inversion is monotone in u", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (mu, d, u1, u2) => {
          const table = negativeBinomialTable(mu, d);
          expect(table.cdf[table.cdf.length - 1]).toBe(1);
          expect(table.cdf.every((c, i) => i === 0 || c >= (table.cdf[i - 1] as number))).toBe(true);
          const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
          expect(countAt(table, a)).toBeLessThanOrEqual(countAt(table, b));
          expect(countAt(table, a)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("normal quantile matches reference values", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.719016485455709, 7);
  });

  test("capacity factor: mean 1 and CV = spread within 5 standard errors, never negative", () => {
    const spread = 0.15;
    const table = capacityFactorTable(spread);
    const sample = draws(N, 17, (rng) => drawCapacityFactor(rng, table));
    const m = moments(sample);
    expect(sample.every((f) => f >= 0)).toBe(true);
    expect(Math.abs(m.mean - 1)).toBeLessThan(Z * (spread / Math.sqrt(N)));
    // Lognormal kurtosis gives the standard error of the sample variance.
    const s2 = table.sigma * table.sigma;
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    const variance = spread * spread;
    expect(Math.abs(m.variance - variance)).toBeLessThan(Z * variance * Math.sqrt((kurtosis - 1) / N));
  });

  test.each([0.05, 0.3, 1])("capacity factor table (spread %p) agrees with the exact lognormal quantile", (spread) => {
    const table = capacityFactorTable(spread);
    let worst = 0;
    for (let u = 1e-7; u < 1; u += 0.0000731) {
      const exact = Math.exp(table.sigma * normalQuantile(u) + table.shift);
      worst = Math.max(worst, Math.abs(factorAt(table, u) - exact) / exact);
    }
    expect(worst).toBeLessThan(1e-6);
  });

  test("createRng: same seed same stream; nearby seeds do not start alike", () => {
    expect(draws(5, 42, uniform01)).toEqual(draws(5, 42, uniform01));
    // pure-rand seeds the state almost verbatim: without the warm-up every first draw is near 1.
    const first = Array.from({ length: 1000 }, (_, seed) => uniform01(createRng(seed)));
    const mean = first.reduce((a, b) => a + b, 0) / first.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(Z * Math.sqrt(1 / 12 / first.length));
  });
});

describe("percentilesCore", () => {
  test("equals PERCENTILE.INC on a sorted copy, for any data and percentiles", () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (values, ps) => {
          ps.sort((a, b) => a - b);
          const ws = new PercentileWorkspace(values.length, ps.length);
          const out = new Float64Array(ps.length);
          const data = Float64Array.from(values);
          percentilesCore(data, data.length, ps, out, ws);
          expect(Array.from(data)).toEqual(values); // input untouched
          ps.forEach((p, j) => expect(out[j]).toBe(referencePercentile(values, p)));
        },
      ),
      // The counterexample a random seed once found: a spread too small for buckets ÷ spread.
      { numRuns: 200, examples: [[[0, 5e-324], [1]]] },
    );
  });

  test.each([
    [[0, 5e-324], [0, 0.5, 1]],
    [[0, 1e-310], [0, 0.5, 1]],
    [[1e-310, 0, 3e-310, 2e-310], [0, 0.25, 0.5, 0.9, 1]],
    [[7, 7 + 2 ** -50, 7], [0, 0.5, 0.75, 1]],
  ])("a spread too small to cut into buckets, %p, still equals PERCENTILE.INC", (values, ps) => {
    const ws = new PercentileWorkspace(values.length, ps.length);
    const out = new Float64Array(ps.length);
    percentilesCore(Float64Array.from(values), values.length, ps, out, ws);
    expect(Array.from(out)).toEqual(ps.map((p) => referencePercentile(values, p)));
  });

  test("[0, 1e-310] gives its minimum, midpoint and maximum, not the minimum three times", () => {
    const out = new Float64Array(3);
    percentilesCore(Float64Array.from([0, 1e-310]), 2, [0, 0.5, 1], out, new PercentileWorkspace(2, 3));
    expect(Array.from(out)).toEqual([0, 5e-311, 1e-310]);
  });

  test("one outlier and 1,999 distinct values in one bucket: the sampled selection (over 600 values) is exact", () => {
    // A fixed shuffle of 0…1998 (multiplying by a unit mod 1999), then 1e12 far above them.
    const values = Array.from({ length: 1999 }, (_, i) => (i * 1234) % 1999).concat([1e12]);
    const ps = [0, 0.001, 0.1, 0.25, 0.333, 0.5, 0.777, 0.9, 0.999, 0.9995, 1];
    const out = new Float64Array(ps.length);
    percentilesCore(Float64Array.from(values), values.length, ps, out, new PercentileWorkspace(values.length, ps.length));
    expect(Array.from(out)).toEqual(ps.map((p) => referencePercentile(values, p)));
    expect(out[5]).toBe(999.5);
  });

  test("selectCore puts the k-th smallest at k, smaller before and larger after, over 5,000 values", () => {
    for (const k of [0, 1, 600, 2499, 2500, 4998, 4999]) {
      const a = Float64Array.from({ length: 5000 }, (_, i) => (i * 2207) % 5000);
      selectCore(a, k, 0, 4999);
      expect(a[k]).toBe(k);
      expect(a.subarray(0, k).every((v) => v < k)).toBe(true);
      expect(a.subarray(k + 1).every((v) => v > k)).toBe(true);
    }
  });

  test("every value equal, and one outlier among many equal values", () => {
    const ws = new PercentileWorkspace(1000, 3);
    const out = new Float64Array(3);
    percentilesCore(new Float64Array(1000).fill(7.5), 1000, [0, 0.5, 1], out, ws);
    expect(Array.from(out)).toEqual([7.5, 7.5, 7.5]);
    const skewed = new Float64Array(1000);
    skewed[999] = 1e9;
    percentilesCore(skewed, 1000, [0.5, 0.999, 1], out, ws);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(referencePercentile(Array.from(skewed), 0.999));
    expect(out[2]).toBe(1e9);
  });

  test("one workspace reused call after call, as week after week, with other data and percentiles each time", () => {
    const n = 120;
    const value = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const call = fc.tuple(
      fc.array(value, { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(call, { minLength: 2, maxLength: 5 }), (calls) => {
        const ws = new PercentileWorkspace(n, 8);
        for (const [values, ps] of calls) {
          ps.sort((a, b) => a - b);
          const out = new Float64Array(ps.length);
          percentilesCore(Float64Array.from(values), n, ps, out, ws);
          ps.forEach((p, j) => expect(out[j]).toBe(referencePercentile(values, p)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

const memo = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 };

describe("simulateBacklog", () => {
  const series = fc.array(
    fc.integer({ min: 0, max: 60_00 }).map((n) => n / 100),
    { minLength: 1, maxLength: 30 },
  );

  test("zero variance: every percentile equals the deterministic projection exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        series,
        fc.oneof(fc.integer({ min: 0, max: 60 }), series),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
        (opening, intake, capacity, percentiles) => {
          const weeks = typeof capacity === "number" ? intake.length : Math.min(intake.length, capacity.length);
          const options = {
            opening,
            intake: intake.slice(0, weeks),
            capacity: typeof capacity === "number" ? capacity : capacity.slice(0, weeks),
          };
          const result = simulate(1, { ...options, runs: 100, percentiles, intakeModel: { kind: "fixed" } });
          const plan = projectBacklog(options);
          if (!plan.ok) throw new Error(plan.error.message);
          const expected = plan.value.rows.map((r) => r.backlog);
          expect(Array.from(result.plan)).toEqual(expected);
          for (const band of result.bands) expect(Array.from(band)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  test("capacity well above intake: mean and median track the plan within tolerances from the run count", () => {
    const runs = 4000;
    const r = simulate(3, { opening: 1440, intake: 25, capacity: 40, weeks: 52, runs, percentiles: [0.5] });
    const median = r.bands[0] as Float64Array;
    for (let t = 0; t < 52; t++) {
      const sd = Math.sqrt(25 * (t + 1)); // backlog = plan + (Poisson(25t) − 25t) while capacity binds
      expect(Math.abs((r.mean[t] as number) - (r.plan[t] as number))).toBeLessThan(Z * (sd / Math.sqrt(runs)));
      // Standard error of a sample median √(π/2)·σ/√n, plus 1 for the Poisson median's offset.
      const seMedian = Math.sqrt(Math.PI / 2) * (sd / Math.sqrt(runs));
      expect(Math.abs((median[t] as number) - (r.plan[t] as number))).toBeLessThan(Z * seMedian + 1);
    }
  });

  const models: fc.Arbitrary<IntakeModel> = fc.oneof(
    fc.constant<IntakeModel>({ kind: "poisson" }),
    fc.constant<IntakeModel>({ kind: "fixed" }),
    fc
      .double({ min: 1, max: 20, noNaN: true })
      .map((dispersion): IntakeModel => ({ kind: "overdispersed", dispersion })),
    fc
      .array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 10 })
      .map((history): IntakeModel => ({ kind: "history", history })),
  );
  const scenario = fc.record({
    opening: fc.integer({ min: 0, max: 2000 }),
    intake: fc.oneof(
      fc.integer({ min: 0, max: 60 }),
      fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 12, maxLength: 12 }),
    ),
    capacity: fc.integer({ min: 0, max: 80 }),
    weeks: fc.integer({ min: 1, max: 12 }),
    runs: fc.integer({ min: 100, max: 300 }),
    intakeModel: models,
    capacitySpread: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  });

  test("percentiles never decrease as p rises, and the backlog is never negative", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (s, ps, seed) => {
          const r = simulate(seed, { ...s, percentiles: ps });
          const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
          for (let t = 0; t < r.weeks; t++) {
            for (let j = 1; j < order.length; j++) {
              const lower = r.bands[(order[j - 1] as readonly [number, number])[1]]?.[t] as number;
              const higher = r.bands[(order[j] as readonly [number, number])[1]]?.[t] as number;
              expect(higher).toBeGreaterThanOrEqual(lower);
            }
            for (const band of r.bands) expect(band[t]).toBeGreaterThanOrEqual(0);
            expect(r.mean[t]).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  test("same seed gives identical output; a different seed gives different output", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 5, max: 60 }), fc.nat(1000), (scene, intake, seed) => {
        // Poisson intake of at least 5 a week and no decisions: the paths really are random. Over
        // one week two seeds give the same mean about 1 time in 220 (runs × intake ≈ 7,700, sd ≈ 88);
        // over 8 weeks of independent sums, about 1 in 10^18.
        const s = { ...scene, intake, capacity: 0, weeks: 8, intakeModel: { kind: "poisson" } as const };
        const a = simulate(seed, s);
        const b = simulate(seed, s);
        expect(a).toEqual(b);
        const c = simulate(seed + 1, s);
        expect(Array.from(c.mean)).not.toEqual(Array.from(a.mean));
      }),
      { numRuns: 20 },
    );
  });

  test("the chunked runner gives bit-identical results and reports progress up to 1", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.integer({ min: 1, max: 400 }), async (s, chunkRuns) => {
        const sync = simulate(5, { ...s, target: 500 });
        const fractions: number[] = [];
        let yields = 0;
        const chunked = await simulateBacklogChunked(
          createRng(5),
          { ...s, target: 500 },
          { chunkRuns, onProgress: (f) => fractions.push(f), yieldToHost: async () => void yields++ },
        );
        expect(chunked).toEqual({ ok: true, value: sync });
        expect(fractions[fractions.length - 1]).toBe(1);
        expect(fractions.every((f, i) => i === 0 || f > (fractions[i - 1] as number))).toBe(true);
        expect(yields).toBe(fractions.length - 1);
        expect(fractions.length).toBe(Math.ceil((s.runs * s.weeks) / (chunkRuns * s.weeks)));
      }),
      { numRuns: 25 },
    );
  });

  test("defaults: 10,000 runs and P10, P50, P90", () => {
    const r = simulate(1, memo);
    expect(r.runs).toBe(DEFAULT_RUNS);
    expect(r.percentiles).toEqual([...DEFAULT_PERCENTILES]);
    expect(r.bands).toHaveLength(3);
    expect(r.intakeModel).toEqual({ kind: "poisson" });
  });

  test("more spread (overdispersion, capacity factor) widens the P10–P90 band", () => {
    const width = (r: SimulationResult, t: number): number => (r.bands[2]?.[t] as number) - (r.bands[0]?.[t] as number);
    const base = { ...memo, runs: 2000 };
    const poisson = simulate(9, base);
    const overdispersed = simulate(9, { ...base, intakeModel: { kind: "overdispersed", dispersion: 4 } });
    expect(width(overdispersed, 51)).toBeGreaterThan(1.5 * width(poisson, 51));
    const fixed = simulate(9, { ...base, intakeModel: { kind: "fixed" } });
    expect(width(fixed, 51)).toBe(0);
    const capacityOnly = simulate(9, { ...base, intakeModel: { kind: "fixed" }, capacitySpread: 0.2 });
    expect(width(capacityOnly, 51)).toBeGreaterThan(0);
  });

  test("history model draws only the historical figures, each about equally often", () => {
    const history = [10, 20, 35, 50];
    const runs = 8000;
    const r = simulate(4, {
      opening: 0,
      intake: 25,
      capacity: 0,
      weeks: 1,
      runs,
      intakeModel: { kind: "history", history },
      percentiles: [0.1, 0.3, 0.6, 0.9],
    });
    expect(Array.from(r.bands.map((b) => b[0]))).toEqual([10, 20, 35, 50]);
    // The mean of a bootstrap draw is the history's mean, 28.75.
    const sd = Math.sqrt(history.reduce((s, h) => s + (h - 28.75) ** 2, 0) / history.length);
    expect(Math.abs((r.mean[0] as number) - 28.75)).toBeLessThan(Z * (sd / Math.sqrt(runs)));
  });
});

describe("chance of meeting a target", () => {
  test("no decisions: the chance is the Poisson cdf of the cumulative intake", () => {
    const runs = 4000;
    const chance = chanceBelow(createRng(21), { opening: 100, intake: 5, capacity: 0, weeks: 10, runs, target: 148 });
    const exact = poissonCdf(50, 48);
    expect(chance.ok).toBe(true);
    if (chance.ok) expect(Math.abs(chance.value - exact)).toBeLessThan(Z * Math.sqrt((exact * (1 - exact)) / runs));
  });

  test("the memo's plan: chance of ≤ 1100 at week 52 is P(Poisson(1300) ≤ 1260)", () => {
    const runs = 4000;
    const chance = chanceBelow(createRng(22), { ...memo, runs, target: 1100 });
    // backlog = 1440 + S − 1600 while capacity binds every week (it does: the backlog stays high).
    const cdf = poissonCdf(1300, 1260);
    expect(chance.ok && Math.abs(chance.value - cdf)).toBeLessThan(Z * Math.sqrt((cdf * (1 - cdf)) / runs));
  });

  test("a target week before the end, and targets nobody or everybody meets", () => {
    const at10 = chanceBelow(createRng(1), { ...memo, runs: 500, target: 1440, week: 10 });
    expect(at10).toEqual({ ok: true, value: 1 }); // 10 weeks of −5.8 a week: far below 1440
    expect(chanceBelow(createRng(1), { ...memo, runs: 500, target: 0 })).toEqual({ ok: true, value: 0 });
  });

  test("expected weeks to target: deterministic case equals the plan's first week at target", () => {
    const fixed = expectedWeeksToTarget(createRng(1), {
      opening: 1440,
      intake: 25,
      capacity: 40,
      weeks: 200,
      runs: 100,
      target: 0,
      intakeModel: { kind: "fixed" },
    });
    expect(fixed).toEqual({ ok: true, value: { expectedWeeks: 96, reachedShare: 1, meanWeeksWhenReached: 96 } });
  });

  test("expected weeks to target with Poisson intake: between 96 and 96 + 40/15, within tolerance", () => {
    const runs = 2000;
    const r = expectedWeeksToTarget(createRng(2), {
      opening: 1440,
      intake: 25,
      capacity: 40,
      weeks: 200,
      runs,
      target: 0,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.reachedShare).toBe(1);
    // The hitting time's spread: √(25·96)/15 weeks; the last step overshoots zero by less than 40/15 weeks.
    const se = Math.sqrt(25 * 96) / 15 / Math.sqrt(runs);
    expect(r.value.expectedWeeks).toBeGreaterThan(96 - Z * se);
    expect(r.value.expectedWeeks).toBeLessThan(96 + 40 / 15 + Z * se);
  });

  test("runs that never reach the target make the expectation null, not a biased mean", () => {
    const r = expectedWeeksToTarget(createRng(3), { ...memo, runs: 500, target: 1100 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.expectedWeeks).toBeNull();
    expect(r.value.reachedShare).toBeGreaterThan(0);
    expect(r.value.reachedShare).toBeLessThan(1);
    expect(r.value.meanWeeksWhenReached).toBeGreaterThan(40);
    const already = expectedWeeksToTarget(createRng(3), { ...memo, runs: 100, target: 2000 });
    expect(already.ok && already.value.expectedWeeks).toBe(0);
  });
});

describe("input errors are values naming the argument", () => {
  const error = (options: SimulateBacklogOptions): { kind: string; argument: string; message: string } => {
    const r = simulateBacklog(createRng(1), options);
    if (r.ok) throw new Error("expected an error");
    return r.error;
  };

  test.each<[string, SimulateBacklogOptions, string, string, RegExp]>([
    [
      "runs below 100",
      { ...memo, runs: 50 },
      "range",
      "runs",
      /^runs: expected a whole number from 100 to 1,000,000, got 50$/,
    ],
    ["runs not whole", { ...memo, runs: 100.5 }, "range", "runs", /^runs:/],
    [
      "percentile above 1",
      { ...memo, percentiles: [0.5, 1.2] },
      "range",
      "percentiles",
      /^percentiles, value 2: expected a number from 0 to 1, got 1.2$/,
    ],
    [
      "dispersion below 1",
      { ...memo, intakeModel: { kind: "overdispersed", dispersion: 0.5 } },
      "range",
      "dispersion",
      /^dispersion:/,
    ],
    [
      "empty history",
      { ...memo, intakeModel: { kind: "history", history: [] } },
      "shape",
      "history",
      /^history: the range is empty$/,
    ],
    [
      "negative history",
      { ...memo, intakeModel: { kind: "history", history: [3, -1] } },
      "range",
      "history",
      /^history, week 2:/,
    ],
    ["capacity spread above 1", { ...memo, capacitySpread: 2 }, "range", "capacity_spread", /^capacity_spread:/],
    ["negative target", { ...memo, target: -1 }, "range", "target", /^target:/],
    ["target week past the horizon", { ...memo, target: 1, targetWeek: 53 }, "range", "target_week", /^target_week:/],
    ["too much work", { ...memo, weeks: 520, runs: 1_000_000 }, "range", "runs", /simulated weeks/],
    [
      "huge history figure",
      { ...memo, intakeModel: { kind: "history", history: [25, 1e300] } },
      "range",
      "history",
      /^history, week 2: expected a number from 0 to 1,000,000, got 1e\+300$/,
    ],
    ["huge random intake", { ...memo, intake: [25, 2e6], weeks: 2 }, "range", "intake", /^intake, week 2:/],
    ["text intake", { ...memo, intake: "25" as unknown as number }, "type", "intake", /^intake:/],
  ])("%s", (_, options, kind, argument, message) => {
    const e = error(options);
    expect(e.kind).toBe(kind);
    expect(e.argument).toBe(argument);
    expect(e.message).toMatch(message);
  });

  test("the work limit allows 100,000 runs × 520 weeks", () => {
    expect(100_000 * 520).toBeLessThanOrEqual(MAX_PATH_WEEKS);
  });
});
