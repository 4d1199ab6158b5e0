/** Exact Poisson probabilities by the textbook recurrence in log space, independent of the engine's tables. */

export function poissonPmf(mean: number, k: number): number {
  let log = -mean;
  for (let i = 1; i <= k; i++) log += Math.log(mean / i);
  return Math.exp(log);
}

export function poissonCdf(mean: number, k: number): number {
  let log = -mean;
  let sum = Math.exp(log);
  for (let i = 1; i <= k; i++) {
    log += Math.log(mean / i);
    sum += Math.exp(log);
  }
  return sum;
}
