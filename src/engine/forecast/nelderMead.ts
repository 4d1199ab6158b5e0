/**
 * Nelder–Mead minimisation (the downhill simplex), deterministic: the same start gives the same
 * answer on every machine. Used to fit the smoothing models by least squares; the parameters are
 * mapped to unbounded coordinates by the caller, so the simplex itself needs no bounds.
 */

export interface MinimumOptions {
  /** Most objective evaluations; default 200 per coordinate. */
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this, relative to the best; default 1e-10. */
  tolerance?: number;
}

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
}

/**
 * The point near `start` where `f` is lowest, from a simplex with the given step per coordinate.
 *
 * @example
 * minimise(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0], [1, 1]).x // ≈ [1, -2]
 */
export function minimise(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  steps: readonly number[],
  options: MinimumOptions = {},
): Minimum {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * Math.max(1, n);
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 0;
  const value = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i] = (x[i] as number) + (steps[i] as number);
    points.push(x);
  }
  const values = points.map(value);
  while (evaluations < maxEvaluations) {
    sortSimplex(points, values);
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Math.abs(worst - best) <= tolerance * (Math.abs(best) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (points[i]?.[j] as number) / n;
    const towards = (t: number): number[] => centroid.map((c, j) => c + t * ((points[n]?.[j] as number) - c));
    const reflected = towards(-1);
    const fr = value(reflected);
    if (fr < best) {
      const expanded = towards(-2);
      const fe = value(expanded);
      replaceWorst(points, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
    } else if (fr < (values[n - 1] as number)) {
      replaceWorst(points, values, reflected, fr);
    } else {
      const contracted = towards(fr < worst ? -0.5 : 0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, worst)) replaceWorst(points, values, contracted, fc);
      else shrink(points, values, value);
    }
  }
  sortSimplex(points, values);
  return { x: points[0] as number[], value: values[0] as number, evaluations };
}

/** Orders the simplex from best to worst (a stable insertion sort: n is at most 5 here). */
function sortSimplex(points: number[][], values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as number;
    const p = points[i] as number[];
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      points[j + 1] = points[j] as number[];
      j--;
    }
    values[j + 1] = v;
    points[j + 1] = p;
  }
}

function replaceWorst(points: number[][], values: number[], x: number[], fx: number): void {
  points[points.length - 1] = x;
  values[values.length - 1] = fx;
}

/** Pulls every point halfway towards the best one. */
function shrink(points: number[][], values: number[], value: (x: number[]) => number): void {
  const best = points[0] as number[];
  for (let i = 1; i < points.length; i++) {
    points[i] = (points[i] as number[]).map((v, j) => (best[j] as number) + 0.5 * (v - (best[j] as number)));
    values[i] = value(points[i] as number[]);
  }
}
