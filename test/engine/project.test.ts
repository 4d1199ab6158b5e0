import fc from "fast-check";
import { errorOf } from "../helpers/result";
import { leadTime, requiredCapacity, weeksToClear } from "../../src/engine/closedForms";
import { plannedCapacity, projectBacklog, projectBacklogCore, ProjectBacklogOptions, ProjectionResult } from "../../src/engine/project";

function project(options: ProjectBacklogOptions): ProjectionResult {
  const result = projectBacklog(options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("memo figures (docs/memo.md, The arithmetic the tests check)", () => {
  test("2023: 1580 + 1390 filed − 1530 decided leaves 1440; Little's law ≈ 343 days", () => {
    const year = project({ opening: 1580, intake: 1390 / 52, capacity: 1530 / 52, weeks: 52 });
    expect(year.closingBacklog).toBeCloseTo(1440, 9);
    const sumDecisions = year.rows.reduce((s, r) => s + r.decisions, 0);
    expect(sumDecisions).toBeCloseTo(1530, 9);
    const lt = leadTime({ backlog: 1440, decisionsPerWeek: 1530 / 52 });
    expect(lt.ok && lt.value * 7).toBeCloseTo(342.6, 1); // the memo's "343 days"
  });

  test("2024 plan: 1440, 25 a week, 1600 decided in 52 weeks → 1140; 249.6 weeks to clear", () => {
    const plan = project({ opening: 1440, intake: 25, capacity: 1600 / 52 });
    expect(plan.rows).toHaveLength(52);
    expect(plan.closingBacklog).toBeCloseTo(1140, 9);
    const clear = weeksToClear({ opening: 1440, intake: 25, capacity: 1600 / 52 });
    expect(clear.ok && clear.value).toBeCloseTo(249.6, 1);
  });

  test("the 10% rule alone: 27.5 a week, 1310 after 52 weeks, 576 weeks to clear", () => {
    const rule = project({ opening: 1440, intake: 25 });
    expect(rule.capacitySource).toBe("rule");
    expect(rule.rows[0]?.capacity).toBeCloseTo(27.5, 12);
    expect(rule.rows.every((r) => r.capacity === rule.rows[0]?.capacity)).toBe(true); // held steady
    expect(rule.closingBacklog).toBeCloseTo(1310, 9);
    expect(plannedCapacity({ intake: 25 })).toEqual({ ok: true, value: expect.closeTo(27.5, 12) });
    const clear = weeksToClear({ opening: 1440, intake: 25, capacity: 27.5 });
    expect(clear.ok && clear.value).toBeCloseTo(576, 9);
  });

  test("required capacity to reach 0 in 104 weeks: 38.846 a week", () => {
    const req = requiredCapacity({ opening: 1440, intake: 25, target: 0, weeks: 104 });
    expect(req.ok && req.value).toBeCloseTo(38.846, 3);
    // …and projecting with it really lands on zero at week 104.
    const check = project({ opening: 1440, intake: 25, capacity: req.ok ? req.value : 0, weeks: 104 });
    expect(check.closingBacklog).toBeCloseTo(0, 9);
  });
});

describe("projectBacklog", () => {
  test("rows carry week, intake, capacity, decisions, backlog and Little's-law lead time", () => {
    const p = project({ opening: 10, intake: [5, 5, 0], capacity: [8, 8, 8] });
    expect(p.rows.map((r) => r.week)).toEqual([1, 2, 3]);
    expect(p.rows.map((r) => r.decisions)).toEqual([8, 8, 4]);
    expect(p.rows.map((r) => r.backlog)).toEqual([7, 4, 0]);
    expect(p.rows[0]?.leadTimeWeeks).toBeCloseTo(7 / 8, 12);
  });

  test("a week with no decisions has no lead time (null, not Infinity)", () => {
    const p = project({ opening: 10, intake: 1, capacity: 0, weeks: 2 });
    expect(p.rows.map((r) => r.leadTimeWeeks)).toEqual([null, null]);
  });

  test("weeks defaults to the series length, or 52 for a single number", () => {
    expect(project({ opening: 0, intake: [1, 2, 3] }).rows).toHaveLength(3);
    expect(project({ opening: 0, intake: 1, capacity: [1, 1, 1, 1] }).rows).toHaveLength(4);
    expect(project({ opening: 0, intake: 1 }).rows).toHaveLength(52);
    expect(project({ opening: 0, intake: [1, 2, 3], weeks: 2 }).rows).toHaveLength(2);
  });

  test("a horizon shorter than the intake range: the rule's mean uses only the weeks in it", () => {
    const p = project({ opening: 0, intake: [10, 20, 90, 90], weeks: 2 });
    expect(p.meanIntake).toBe(15);
    expect(p.rows.map((r) => r.capacity)).toEqual([16.5, 16.5]);
    expect(p.capacitySource).toBe("rule");
    const given = project({
      opening: 0,
      intake: [10, 20, 90],
      capacity: [1, 2, 3],
      weeks: 2,
    });
    expect(given.rows.map((r) => [r.intake, r.capacity])).toEqual([
      [10, 1],
      [20, 2],
    ]);
    expect(given.meanIntake).toBe(15);
  });

  test("capacitySource says whether the caller gave capacity", () => {
    expect(project({ opening: 5, intake: 1, capacity: 0, weeks: 1 }).capacitySource).toBe("given");
    expect(project({ opening: 5, intake: 1, weeks: 1 }).capacitySource).toBe("rule");
    expect(project({ opening: 5, intake: 1, capacity: 3, weeks: 1 }).closingBacklog).toBe(3);
  });

  test("a series of exactly 10,000 weeks is accepted, 10,001 refused naming the series", () => {
    expect(project({ opening: 0, intake: new Array(10_000).fill(1) }).rows).toHaveLength(10_000);
    for (const [options, argument] of [
      [{ opening: 0, intake: new Array(10_001).fill(1) }, "intake"],
      [{ opening: 0, intake: 1, capacity: new Array(10_001).fill(1) }, "capacity"],
    ] as const) {
      const result = projectBacklog(options);
      expect(!result.ok && result.error).toMatchObject({
        kind: "range",
        argument,
      });
      expect(!result.ok && result.error.message).toBe(`${argument}: has 10001 weeks; at most 10,000 are allowed`);
    }
  });

  test("weeks equal to the range is accepted; longer names the capacity range when only capacity is a range", () => {
    expect(project({ opening: 0, intake: 1, capacity: [1, 2], weeks: 2 }).rows).toHaveLength(2);
    const result = projectBacklog({
      opening: 0,
      intake: 1,
      capacity: [1, 2],
      weeks: 3,
    });
    expect(!result.ok && result.error).toMatchObject({
      kind: "range",
      argument: "weeks",
      got: 3,
      message: "weeks: 3 is longer than the capacity range (2 weeks)",
    });
  });

  test("uplift -1 (no decisions) is accepted; the default uplift is 10%", () => {
    expect(project({ opening: 5, intake: 2, uplift: -1, weeks: 1 }).rows[0]?.capacity).toBe(0);
    expect(project({ opening: 5, intake: 20, weeks: 1 }).rows[0]?.capacity).toBe(22);
  });

  test("the planning rule uses the mean intake over the horizon", () => {
    const p = project({ opening: 0, intake: [10, 30], uplift: 0.5 });
    expect(p.rows.map((r) => r.capacity)).toEqual([30, 30]);
  });

  test.each([
    [{ opening: -1, intake: 25 }, "range", "opening: expected a number ≥ 0, got -1"],
    [{ opening: 1, intake: [1, Number.NaN] }, "type", "intake, week 2: expected a number ≥ 0, got NaN"],
    [{ opening: 1, intake: [] as number[] }, "shape", "intake: the range is empty"],
    [{ opening: 1, intake: 1, weeks: 0 }, "range", "weeks: expected a whole number from 1 to 10,000, got 0"],
    [{ opening: 1, intake: 1, weeks: 10_001 }, "range", "weeks: expected a whole number from 1 to 10,000, got 10001"],
    [{ opening: 1, intake: 1, uplift: -1.5 }, "range", "uplift: expected a number ≥ -1, got -1.5"],
    [{ opening: 1, intake: [1, 2], capacity: [1, 2, 3] }, "shape", "capacity: has 3 weeks but intake has 2"],
    [{ opening: 1, intake: [1, 2], weeks: 3 }, "range", "weeks: 3 is longer than the intake range (2 weeks)"],
    [{ opening: 0, intake: [1e308, 1e308] }, "range", "intake: the figures are too large to add up to a finite backlog"],
    [{ opening: 0, intake: 1e308, uplift: 1 }, "range", "intake: the figures are too large to add up to a finite backlog"],
  ] as [ProjectBacklogOptions, string, string][])("rejects %j", (options, kind, message) => {
    const result = projectBacklog(options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe(kind);
      expect(result.error.message).toContain(message);
    }
  });

  test("text in a series names the week: intake, week 14", () => {
    const intake: unknown[] = new Array(20).fill(25);
    intake[13] = "n.v.t.";
    const result = projectBacklog({ opening: 1, intake: intake as number[] });
    expect(!result.ok && result.error.message).toBe("intake, week 14: expected a number ≥ 0, got 'n.v.t.'");
    expect(!result.ok && result.error.week).toBe(14);
  });
});

describe("closed forms", () => {
  test("weeks to clear: never when capacity ≤ intake, 0 when nothing is open", () => {
    const never = weeksToClear({ opening: 100, intake: 25, capacity: 25 });
    expect(!never.ok && never.error.kind).toBe("never");
    expect(!never.ok && never.error.message).toMatch(/never clears/);
    expect(weeksToClear({ opening: 0, intake: 25, capacity: 10 })).toEqual({ ok: true, value: 0 });
  });

  test("the planning rule never hands out an infinite capacity", () => {
    const r = plannedCapacity({ intake: 1e308, uplift: 1 });
    expect(!r.ok && r.error.kind).toBe("range");
  });

  test("required capacity is never negative", () => {
    expect(requiredCapacity({ opening: 0, intake: 1, target: 1000, weeks: 10 })).toEqual({ ok: true, value: 0 });
  });

  test("lead time with zero decisions is a range error naming the argument", () => {
    const r = leadTime({ backlog: 10, decisionsPerWeek: 0 });
    expect(!r.ok && r.error.message).toBe("decisions_per_week: expected a number > 0, got 0");
  });
});

describe("properties", () => {
  const rate = fc.double({ min: 0, max: 1000, noNaN: true });
  const scenario = fc
    .record({
      opening: fc.double({ min: 0, max: 1e5, noNaN: true }),
      weeks: fc.integer({ min: 1, max: 120 }),
    })
    .chain(({ opening, weeks }) =>
      fc.record({
        opening: fc.constant(opening),
        intake: fc.array(rate, { minLength: weeks, maxLength: weeks }),
        capacity: fc.array(rate, { minLength: weeks, maxLength: weeks }),
      }),
    );

  test("conservation: opening + Σ intake − Σ decisions = closing", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = project(s);
        const inflow = s.intake.reduce((a, b) => a + b, 0);
        const outflow = p.rows.reduce((a, r) => a + r.decisions, 0);
        const scale = Math.max(1, s.opening + inflow);
        return Math.abs(s.opening + inflow - outflow - p.closingBacklog) <= 1e-9 * scale;
      }),
    );
  });

  test("the backlog is never negative and decisions never exceed capacity", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const p = project(s);
        return p.rows.every((r) => r.backlog >= 0 && r.decisions <= r.capacity && r.decisions >= 0);
      }),
    );
  });

  test("the closing backlog never falls when intake rises", () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 119 }), rate, (s, at, extra) => {
        const more = s.intake.slice();
        const i = at % more.length;
        more[i] = (more[i] as number) + extra;
        return project({ ...s, intake: more }).closingBacklog >= project(s).closingBacklog - 1e-9;
      }),
    );
  });

  test("the inputs are not mutated", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const copy = structuredClone(s);
        project(s);
        project({ opening: s.opening, intake: s.intake });
        expect(s).toEqual(copy);
      }),
    );
  });

  test("every output is finite", () => {
    fc.assert(
      fc.property(scenario, (s) =>
        project(s).rows.every(
          (r) => Number.isFinite(r.backlog) && Number.isFinite(r.decisions) && (r.leadTimeWeeks === null || Number.isFinite(r.leadTimeWeeks)),
        ),
      ),
    );
  });
});

describe("plannedCapacity and the core loop", () => {
  test("the rule over a weekly range uses its mean; one number is its own mean", () => {
    expect(plannedCapacity({ intake: [10, 20, 60], uplift: 0.5 })).toEqual({
      ok: true,
      value: 45,
    });
    expect(plannedCapacity({ intake: 8, uplift: 0.25 })).toEqual({
      ok: true,
      value: 10,
    });
  });

  test("bad intake or uplift is an error naming it", () => {
    const intake = plannedCapacity({ intake: [1, -1] });
    expect(!intake.ok && intake.error).toMatchObject({
      argument: "intake",
      week: 2,
    });
    const uplift = plannedCapacity({ intake: 1, uplift: -1.01 });
    expect(!uplift.ok && uplift.error.argument).toBe("uplift");
  });

  test("projectBacklogCore fills decisions only when asked, and returns the closing backlog", () => {
    const out = [0, 0];
    const decisions = [0, 0];
    expect(projectBacklogCore(10, [5, 5], [12, 1], out, decisions)).toBe(7);
    expect(out).toEqual([3, 7]);
    expect(decisions).toEqual([12, 1]);
    expect(projectBacklogCore(10, [5, 5], [12, 1], [0, 0])).toBe(7);
  });
});

describe("projectBacklog names the argument of every refusal (mutation survivors)", () => {
  test("a capacity range of another length than intake names capacity", () => {
    expect(errorOf(projectBacklog({ opening: 10, intake: [1, 2, 3], capacity: [1, 2] }))).toMatchObject({
      kind: "shape",
      argument: "capacity",
    });
  });

  test("a negative capacity names capacity and its week", () => {
    expect(errorOf(projectBacklog({ opening: 10, intake: [1, 2], capacity: [1, -2] }))).toMatchObject({
      argument: "capacity",
    });
  });

  test("a backlog that overflows while projecting is refused naming intake, never Infinity", () => {
    const error = errorOf(projectBacklog({ opening: 1.7e308, intake: [1.7e308, 1.7e308], capacity: 0 }));
    expect(error).toMatchObject({ kind: "range", argument: "intake", overflow: true });
  });
});
