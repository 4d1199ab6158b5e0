import fc from "fast-check";
import { FunctionError } from "../../src/functions/args";
import { BACKLOG_FAN, BACKLOG_PERCENTILE, CHANCE_BELOW } from "../../src/functions/uncertainty";
import { poissonCdf } from "../helpers/poisson";

/** Runs the call and returns the Excel error it throws (Node stand-in: FunctionError). */
function errorOf(call: () => unknown): FunctionError {
  try {
    call();
  } catch (error) {
    if (error instanceof FunctionError) return error;
    throw error;
  }
  throw new Error("expected an Excel error");
}

const weekly = 1600 / 52;
// Excel hands every `any[][]` argument over as a 2-D array, a single number as [[n]].
const column = (values: number[]): number[][] => values.map((v) => [v]);

describe("the memo's question: about 1100 at the end of 2024?", () => {
  test("median backlog at week 52 is the plan's 1140, within 5 standard errors of a 10,000-run median", () => {
    const median = BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.5);
    // Backlog = 1140 + (Poisson(1300) − 1300): sd 36; sample-median SE = √(π/2)·36/√10,000; +1 for the integer grid.
    expect(Math.abs(median - 1140)).toBeLessThan(5 * Math.sqrt(Math.PI / 2) * (36 / 100) + 1);
  });

  test("CHANCE_BELOW(…, 1100) matches P(Poisson(1300) ≤ 1260) within 5 standard errors", () => {
    const chance = CHANCE_BELOW(1440, [[25]], [[weekly]], 52, 1100);
    const exact = poissonCdf(1300, 1260);
    expect(chance).toBeGreaterThanOrEqual(0);
    expect(chance).toBeLessThanOrEqual(1);
    expect(Math.abs(chance - exact)).toBeLessThan(5 * Math.sqrt((exact * (1 - exact)) / 10_000));
  });

  test("defaults: omitted runs and seed (null, as Excel passes them) equal 10,000 runs and seed 2024", () => {
    expect(BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.9)).toBe(
      BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.9, [[10_000]], [[2024]]),
    );
    expect(
      CHANCE_BELOW(1440, [[25]], [[weekly]], 52, 1100, null as unknown as number[][], null as unknown as number[][]),
    ).toBe(CHANCE_BELOW(1440, [[25]], [[weekly]], 52, 1100, [[10_000]], [[2024]]));
  });

  test("the same seed gives the same figure every time; another seed a different one", () => {
    const a = BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.9, [[2000]], [[7]]);
    expect(BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.9, [[2000]], [[7]])).toBe(a);
    const fanA = BACKLOG_FAN(1440, [[25]], [[weekly]], 52, undefined, [[500]], [[7]]);
    const fanB = BACKLOG_FAN(1440, [[25]], [[weekly]], 52, undefined, [[500]], [[8]]);
    expect(fanB).not.toEqual(fanA);
  });
});

describe("BACKLOG_FAN", () => {
  test("spills weeks × percentiles, P10 ≤ P50 ≤ P90 in every row; the last row agrees with BACKLOG_PERCENTILE", () => {
    const fan = BACKLOG_FAN(1440, [[25]], [[weekly]], 52, undefined, [[1000]]);
    expect(fan).toHaveLength(52);
    for (const row of fan) {
      expect(row).toHaveLength(3);
      expect(row[0]).toBeLessThanOrEqual(row[1] as number);
      expect(row[1]).toBeLessThanOrEqual(row[2] as number);
    }
    // Same seed, same draws, same percentile rule: identical numbers.
    expect(fan[51]).toEqual([0.1, 0.5, 0.9].map((p) => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, p, [[1000]])));
  });

  test("percentiles as a row or a column, in the order given", () => {
    const row = BACKLOG_FAN(1440, [[25]], [[weekly]], 8, [[0.75, 0.25]], [[300]]);
    const col = BACKLOG_FAN(1440, [[25]], [[weekly]], 8, [[0.75], [0.25]], [[300]]);
    expect(row).toEqual(col);
    expect(row.every((r) => r.length === 2 && (r[0] as number) >= (r[1] as number))).toBe(true);
  });

  test("weekly ranges for intake and capacity, as PROJECT_BACKLOG takes them", () => {
    const intake = column([30, 30, 30, 0, 0, 0]);
    const capacity = [[0, 0, 0, 100, 100, 100]];
    const fan = BACKLOG_FAN(10, intake, capacity, 6, [[0], [1]], [[200]]);
    expect(fan).toHaveLength(6);
    expect(fan[5]).toEqual([0, 0]); // 100 a week clears anything three weeks of Poisson(30) can bring
    expect(fan[2]?.[0]).toBeGreaterThan(10);
  });
});

describe("errors follow the foundation rules", () => {
  test.each<[string, () => unknown, string, RegExp]>([
    [
      "percentile above 1",
      () => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 1.5),
      "#VALUE!",
      /^percentile: expected a number from 0 to 1, got 1.5$/,
    ],
    ["percentile below 0", () => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, -0.1), "#VALUE!", /^percentile:/],
    [
      "percentile as text",
      () => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, "P90"),
      "#VALUE!",
      /^percentile: .*got 'P90'$/,
    ],
    [
      "runs below 100",
      () => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.5, [[99]]),
      "#VALUE!",
      /^runs: expected a whole number from 100 to 1,000,000, got 99$/,
    ],
    ["runs above 1,000,000", () => CHANCE_BELOW(1440, [[25]], [[weekly]], 52, 1100, [[1_000_001]]), "#VALUE!", /^runs:/],
    ["runs not whole", () => BACKLOG_FAN(1440, [[25]], [[weekly]], 52, undefined, [[250.5]]), "#VALUE!", /^runs:/],
    ["runs as text", () => BACKLOG_FAN(1440, [[25]], [[weekly]], 52, undefined, [["many"]]), "#VALUE!", /^runs:/],
    [
      "runs × weeks too large",
      () => CHANCE_BELOW(1440, [[25]], [[weekly]], 520, 1100, [[1_000_000]]),
      "#VALUE!",
      /^runs: .*simulated weeks/,
    ],
    [
      "seed negative",
      () => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.5, undefined, [[-1]]),
      "#VALUE!",
      /^seed:/,
    ],
    ["seed not whole", () => CHANCE_BELOW(1440, [[25]], [[weekly]], 52, 1100, undefined, [[1.5]]), "#VALUE!", /^seed:/],
    [
      "intake text in week 3",
      () => BACKLOG_FAN(1440, column([25, 25, "n.v.t." as unknown as number]), [[weekly]], 3),
      "#VALUE!",
      /^intake, week 3: expected a number ≥ 0, got 'n.v.t.'$/,
    ],
    [
      "intake 2 × 2 range",
      () =>
        BACKLOG_PERCENTILE(
          1440,
          [
            [1, 2],
            [3, 4],
          ],
          [[weekly]],
          2,
          0.5,
        ),
      "#VALUE!",
      /^intake: expected one column or one row/,
    ],
    ["capacity negative", () => CHANCE_BELOW(1440, [[25]], [[-1]], 52, 1100), "#VALUE!", /^capacity:/],
    ["opening negative", () => CHANCE_BELOW(-5, [[25]], [[weekly]], 52, 1100), "#VALUE!", /^opening:/],
    ["weeks 0", () => BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 0, 0.5), "#VALUE!", /^weeks:/],
    [
      "weeks past the intake range",
      () => BACKLOG_PERCENTILE(1440, column([25, 25]), [[weekly]], 3, 0.5),
      "#VALUE!",
      /^weeks: 3 is longer than the intake range/,
    ],
    ["target negative", () => CHANCE_BELOW(1440, [[25]], [[weekly]], 52, -1), "#VALUE!", /^target:/],
    [
      "a percentile in the list above 1",
      () => BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [[0.1, 1.2]]),
      "#VALUE!",
      /^percentiles, value 2: expected a number from 0 to 1, got 1.2$/,
    ],
    [
      "a percentile in the list as text",
      () => BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [["P10"], [0.5]]),
      "#VALUE!",
      /^percentiles, value 1:/,
    ],
    [
      "percentiles 2 × 2",
      () =>
        BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [
          [0.1, 0.2],
          [0.3, 0.4],
        ]),
      "#VALUE!",
      /^percentiles: expected one column or one row/,
    ],
  ])("%s", (_, call, code, message) => {
    const error = errorOf(call);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  test("any cell values: a finite result in range or an Excel error, never NaN, Infinity or a raw exception", () => {
    const cell = fc.oneof(
      fc.double({ min: -10, max: 3000 }),
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom<unknown>(null, "", "25", true, Number.NaN, Number.POSITIVE_INFINITY),
    );
    const range = fc.oneof(
      cell,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(range, range, range, cell, cell, cell, (intake, capacity, percentiles, weeks, scalar, target) => {
        const calls: Array<() => number | number[][]> = [
          () => BACKLOG_PERCENTILE(1440, intake as number[][], capacity as number[][], weeks, scalar, [[100]]),
          () =>
            BACKLOG_FAN(100, intake as number[][], capacity as number[][], weeks, percentiles as number[][], [[100]]),
          () => CHANCE_BELOW(scalar, intake as number[][], capacity as number[][], weeks, target, [[100]]),
        ];
        for (const call of calls) {
          let result: number | number[][];
          try {
            result = call();
          } catch (error) {
            expect(error).toBeInstanceOf(FunctionError);
            expect(["#VALUE!", "#NUM!"]).toContain((error as FunctionError).code);
            continue;
          }
          const values = typeof result === "number" ? [result] : result.flat();
          for (const v of values) expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
