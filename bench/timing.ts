/** Shared timing helpers for the benchmarks: medians over repeated samples. */
import { performance } from "perf_hooks";

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median milliseconds per call of `fn`, over `samples` batches of `callsPerSample` calls. */
export function timePerCall(fn: () => unknown, callsPerSample: number, samples = 15): number {
  for (let i = 0; i < callsPerSample; i++) fn(); // warm up the JIT
  const perCall: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < callsPerSample; i++) fn();
    perCall.push((performance.now() - start) / callsPerSample);
  }
  return median(perCall);
}

/**
 * One row of the table `npm run bench` prints (and docs/performance.md shows).
 * @example { what: "PROJECT_BACKLOG, 520 weeks", measured: "median 120 µs per call", goal: "well under 1 ms" }
 */
export interface Figure {
  what: string;
  measured: string;
  goal?: string;
}
