/**
 * Poisson counts with a mean that changes from draw to draw (each Monte Carlo run has its own
 * intake path), so no table per mean: inversion for small means, Hörmann's transformed
 * rejection (PTRS, 1993) from 10 up. Exact, and about two uniforms per draw.
 */
import { RandomGenerator, uniform01 } from "../random";

const SMALL = 10;
const LOG_FACTORIAL: number[] = [0];
for (let k = 1; k <= 30; k++) LOG_FACTORIAL.push((LOG_FACTORIAL[k - 1] as number) + Math.log(k));

/** log(k!) exactly from a table to 30, then Stirling's series (error below 1e-12 there). */
export function logFactorial(k: number): number {
  if (k <= 30) return LOG_FACTORIAL[k] as number;
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

/**
 * One Poisson(mean) count; mean 0 gives 0.
 *
 * @example drawPoisson(createRng(1), 25) // a whole number near 25
 */
export function drawPoisson(rng: RandomGenerator, mean: number): number {
  if (!(mean > 0)) return 0;
  return mean < SMALL ? byInversion(rng, mean) : byRejection(rng, mean);
}

function byInversion(rng: RandomGenerator, mean: number): number {
  const u = uniform01(rng);
  let p = Math.exp(-mean);
  let cumulative = p;
  let k = 0;
  // The tail past 200 has probability below 1e-100 for a mean under 10.
  while (u > cumulative && k < 200) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

function byRejection(rng: RandomGenerator, mean: number): number {
  const root = Math.sqrt(mean);
  const b = 0.931 + 2.53 * root;
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  const logMean = Math.log(mean);
  for (;;) {
    const u = uniform01(rng) - 0.5;
    const v = uniform01(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}
