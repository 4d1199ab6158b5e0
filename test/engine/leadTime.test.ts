import fc from "fast-check";
import { leadTimeCore } from "../../src/engine/closedForms";
import { cohortsOf, decidedLeadTime, decidedLeadTimeCore } from "../../src/engine/leadTime";
import { meanDecidedLeadTime } from "../../src/engine/leadTime";

/** Brute force: cases as discrete unit slices, FIFO, to check the cohort walk. */
function bruteForce(opening: number, spread: number, intake: number[], decisions: number[], slices = 2000): Array<number | null> {
  // Each case is cut into `slices` pieces with their own arrival time; pieces leave in order.
  const queue: number[] = [];
  const piece = 1 / slices;
  const add = (start: number, end: number, count: number): void => {
    const n = Math.round(count * slices);
    for (let k = 0; k < n; k++) queue.push(start + ((k + 0.5) / n) * (end - start));
  };
  add(-spread, 0, opening);
  intake.forEach((count, t) => add(t, t + 1, count));
  let head = 0;
  return decisions.map((d, t) => {
    const n = Math.round(d * slices);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += t + (k + 0.5) / n - (queue[head++] as number);
    return n === 0 ? null : (sum * piece) / (n * piece);
  });
}

describe("decidedLeadTime: the memo's lead time, mean age at decision of the cases decided (FIFO)", () => {
  test("ten cases filed evenly over the ten weeks before week 1, all decided in week 1: 5.5 weeks", () => {
    const out = new Array<number | null>(1);
    decidedLeadTimeCore([{ start: -10, end: 0, count: 10 }], [10], out);
    expect(out[0]).toBeCloseTo(5.5, 12);
  });

  test("no backlog and decisions equal to intake: every case is decided as it comes in, lead time 0", () => {
    const result = decidedLeadTime({ opening: 0, intake: 25, capacity: 30, weeks: 10 });
    if (!result.ok) throw new Error(result.error.message);
    for (const lead of result.value.weekly) expect(lead).toBeCloseTo(0, 12);
  });

  test("nothing decided: null per week and no mean", () => {
    const result = decidedLeadTime({ opening: 100, intake: 5, capacity: 0, weeks: 4 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.weekly).toEqual([null, null, null, null]);
    expect(result.value.mean).toBeNull();
  });

  test("agrees with a brute-force FIFO queue of small pieces", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 15 }),
        (opening, spread, intake, capacity) => {
          const result = decidedLeadTime({ opening, intake, capacity, openingSpreadWeeks: spread });
          if (!result.ok) return false;
          const expected = bruteForce(opening, spread, intake, result.value.decisions);
          return result.value.weekly.every((lead, t) => {
            const want = expected[t];
            if (lead === null || want === null || want === undefined) return (lead === null) === (want === null);
            return Math.abs(lead - want) < 1e-3;
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  test("the opening backlog's default age profile: spread over opening ÷ mean intake weeks", () => {
    const result = decidedLeadTime({ opening: 1440, intake: 25, capacity: 1600 / 52 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.openingSpreadWeeks).toBeCloseTo(1440 / 25, 12);
    expect(cohortsOf(1440, 57.6, [25])[0]).toEqual({ start: -57.6, end: 0, count: 1440 });
  });

  test("2023 replay: 1580 open on 1 January, 1390 filed, 1530 decided; FIFO next to the memo's 343 days", () => {
    const result = decidedLeadTime({ opening: 1580, intake: 1390 / 52, capacity: 1530 / 52, weeks: 52 });
    if (!result.ok) throw new Error(result.error.message);
    const days = (result.value.mean as number) * 7;
    // Every decided case in 2023 was in the opening backlog (1530 < 1580), filed evenly over the
    // 59.1 weeks before 1 January: mean age 59.1 − 1530/1580 × 59.1 / 2 + 26 weeks.
    const spread = 1580 / (1390 / 52);
    const expectedWeeks = spread - ((1530 / 1580) * spread) / 2 + 26;
    expect(result.value.mean).toBeCloseTo(expectedWeeks, 9);
    expect(days).toBeGreaterThan(343); // FIFO on one queue overstates: see docs/lead-time.md
    expect(Math.round(days)).toBe(Math.round(expectedWeeks * 7));
    // The wait for a new application at year end, Little's law: 1440 ÷ (1530/365) ≈ 343.5 days.
    expect(leadTimeCore(1440, 1530 / 365)).toBeCloseTo(343.5, 1);
  });

  test("2024 plan: cases decided still waited about 50 weeks while the backlog falls", () => {
    const result = decidedLeadTime({ opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.mean as number).toBeGreaterThan(45);
    expect(result.value.mean as number).toBeLessThan(60);
  });

  test("bad input names the argument", () => {
    const result = decidedLeadTime({ opening: -1, intake: 25, capacity: 30 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^opening/);
    const spread = decidedLeadTime({ opening: 1, intake: 25, capacity: 30, openingSpreadWeeks: -2 });
    if (!spread.ok) expect(spread.error.message).toMatch(/^opening_spread_weeks/);
    else throw new Error("expected a failure");
  });
});

describe("decidedLeadTime: edges the mutation run found (docs/testing.md)", () => {
  const leadTimes = (cohorts: Parameters<typeof decidedLeadTimeCore>[0], decisions: number[]): Array<number | null> => {
    const out = new Array<number | null>(decisions.length);
    decidedLeadTimeCore(cohorts, decisions, out);
    return out;
  };

  test("decisions beyond the cohorts are ignored: 3 decided of 2 cases, mean over the 2", () => {
    expect(leadTimes([{ start: -2, end: 0, count: 2 }], [3, 1])).toEqual([1.5, null]);
  });

  test("a cohort only partly decided: the oldest half first, then the rest", () => {
    const out = leadTimes([{ start: -10, end: 0, count: 10 }], [5, 5, 0]);
    expect(out[0]).toBeCloseTo(0.5 + 7.5, 12);
    expect(out[1]).toBeCloseTo(1.5 + 2.5, 12);
    expect(out[2]).toBeNull();
  });

  test("NaN decisions stop the week instead of looping", () => {
    expect(leadTimes([{ start: 0, end: 1, count: 1 }], [Number.NaN])).toEqual([null]);
  });

  test("a week counts as decided from just above 1e-12 cases, both per week and over the horizon", () => {
    expect(leadTimes([{ start: 0, end: 1, count: 1 }], [1e-12])).toEqual([null]);
    expect(leadTimes([{ start: 0, end: 1, count: 1 }], [2e-12])[0]).toEqual(expect.any(Number));
    expect(meanDecidedLeadTime([3], [1e-12])).toBeNull();
    expect(meanDecidedLeadTime([3], [2e-12])).toBeCloseTo(3, 12);
    expect(meanDecidedLeadTime([3, null, 1], [2, 0, 6])).toBeCloseTo((3 * 2 + 1 * 6) / 8, 12);
  });

  test("cohorts: the opening before week 1, then one per week with intake, none for a week without", () => {
    expect(cohortsOf(10, 4, new Float64Array([2, 0, 3]))).toEqual([
      { start: -4, end: 0, count: 10 },
      { start: 0, end: 1, count: 2 },
      { start: 2, end: 3, count: 3 },
    ]);
    expect(cohortsOf(0, 4, [1])).toEqual([{ start: 0, end: 1, count: 1 }]);
  });

  test("no intake at all: the opening backlog has no age profile (spread 0), not a division by 0", () => {
    const result = decidedLeadTime({ opening: 100, intake: 0, capacity: 10, weeks: 3 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.openingSpreadWeeks).toBe(0);
    expect(result.value.weekly).toEqual([0.5, 1.5, 2.5]);
    expect(result.value.decisions).toEqual([10, 10, 10]);
  });

  test.each([
    [{ opening: 1, intake: 25, capacity: 30, openingSpreadWeeks: Infinity }],
    [{ opening: 1e308, intake: 1e-300, capacity: 30 }],
  ])("an infinite opening spread, given or by default, is refused naming the argument", (options) => {
    const result = decidedLeadTime(options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^opening_spread_weeks: /);
  });

  test.each([
    [{ opening: 1, intake: -1, capacity: 30 }, "intake"],
    [{ opening: 1, intake: 25, capacity: -1 }, "capacity"],
  ])("a negative series names its argument (%j)", (options, argument) => {
    const result = decidedLeadTime(options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^${argument}\\b`));
  });

  test("series of different lengths name both", () => {
    const result = decidedLeadTime({ opening: 1, intake: [1, 2, 3], capacity: [1, 2] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/intake/);
      expect(result.error.message).toMatch(/capacity/);
    }
  });
});
