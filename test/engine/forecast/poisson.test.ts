/** Poisson counts with a mean per draw: the distribution against exact probabilities, small and large means. */
import { drawPoisson, logFactorial } from "../../../src/engine/forecast/poisson";
import { createRng } from "../../../src/engine/random";
import { poissonCdf, poissonPmf } from "../../helpers/poisson";

test("logFactorial is exact from the table and from Stirling's series on", () => {
  let exact = 0;
  for (let k = 1; k <= 200; k++) {
    exact += Math.log(k);
    expect(logFactorial(k)).toBeCloseTo(exact, 9);
  }
  expect(logFactorial(0)).toBe(0);
});

test("mean 0 (or less) always draws 0", () => {
  const rng = createRng(1);
  expect(drawPoisson(rng, 0)).toBe(0);
  expect(drawPoisson(rng, -1)).toBe(0);
});

test.each([0.7, 4, 9.9, 10, 25, 140, 2500])("Poisson(%p): 40,000 draws match the exact distribution (chi-square, 5 sd)", (mean) => {
  const rng = createRng(Math.round(mean * 100) + 1);
  const draws = 40_000;
  const counts = new Map<number, number>();
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    const k = drawPoisson(rng, mean);
    expect(Number.isInteger(k) && k >= 0).toBe(true);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    sum += k;
  }
  expect(Math.abs(sum / draws - mean)).toBeLessThan(5 * Math.sqrt(mean / draws));
  // Chi-square over cells of at least 5% expected mass, the tails pooled.
  const sd = Math.sqrt(mean);
  const lo = Math.max(0, Math.floor(mean - 2.5 * sd));
  const hi = Math.ceil(mean + 2.5 * sd);
  const cells: Array<[observed: number, expected: number]> = [];
  let observedBelow = 0;
  for (const [k, c] of counts) if (k < lo) observedBelow += c;
  cells.push([observedBelow, lo > 0 ? poissonCdf(mean, lo - 1) * draws : 0]);
  for (let k = lo; k <= hi; k++) cells.push([counts.get(k) ?? 0, poissonPmf(mean, k) * draws]);
  let observedAbove = 0;
  for (const [k, c] of counts) if (k > hi) observedAbove += c;
  cells.push([observedAbove, (1 - poissonCdf(mean, hi)) * draws]);
  const used = cells.filter(([, e]) => e >= 5);
  const chi = used.reduce((a, [o, e]) => a + (o - e) ** 2 / e, 0);
  const df = used.length - 1;
  expect(chi).toBeLessThan(df + 5 * Math.sqrt(2 * df));
});
