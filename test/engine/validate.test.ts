import {
  checkNumber,
  checkNumbers,
  checkSeries,
  checkSeriesAll,
  describeRule,
  MAX_WEEKS,
  NON_NEGATIVE,
  passesRule,
  POSITIVE,
  showValue,
  UPLIFT_RULE,
  WEEKS_RULE,
} from "../../src/engine/validate";

describe("the rules as data", () => {
  test("each rule allows exactly its range, checked at the boundary and one step past it", () => {
    expect([passesRule(0, NON_NEGATIVE), passesRule(-Number.MIN_VALUE, NON_NEGATIVE)]).toEqual([true, false]);
    expect([passesRule(Number.MIN_VALUE, POSITIVE), passesRule(0, POSITIVE)]).toEqual([true, false]);
    expect([passesRule(-1, UPLIFT_RULE), passesRule(-1.0000001, UPLIFT_RULE)]).toEqual([true, false]);
    expect([1, MAX_WEEKS, 0, MAX_WEEKS + 1, 2.5].map((w) => passesRule(w, WEEKS_RULE))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(MAX_WEEKS).toBe(10_000);
  });

  test("only finite numbers pass, whatever the rule", () => {
    for (const value of ["25", true, null, undefined, Number.NaN, Infinity, -Infinity, [1]]) {
      expect(passesRule(value, {})).toBe(false);
    }
    expect(passesRule(-1e300, {})).toBe(true);
  });

  test("a maximum alone, and a whole number without bounds", () => {
    expect([passesRule(5, { max: 5 }), passesRule(5.0001, { max: 5 })]).toEqual([true, false]);
    expect([passesRule(-3, { integer: true }), passesRule(0.5, { integer: true })]).toEqual([true, false]);
    expect(passesRule(0.5, { integer: false })).toBe(true);
  });

  test("describeRule says each rule in words", () => {
    expect(describeRule(NON_NEGATIVE)).toBe("a number ≥ 0");
    expect(describeRule(POSITIVE)).toBe("a number > 0");
    expect(describeRule(WEEKS_RULE)).toBe("a whole number from 1 to 10,000");
    expect(describeRule({ max: 1.5 })).toBe("a number ≤ 1.5");
    expect(describeRule({ integer: true })).toBe("a whole number");
    expect(describeRule({})).toBe("a number");
  });

  test("showValue shows a value the way a planner knows it", () => {
    expect(["25", true, false, null, undefined, Number.NaN, Infinity, -Infinity, 1.5, [1], {}].map(showValue)).toEqual([
      "'25'",
      "TRUE",
      "FALSE",
      "a blank",
      "a blank",
      "NaN",
      "Infinity",
      "-Infinity",
      "1.5",
      "a range",
      "object",
    ]);
  });
});

describe("checkNumber", () => {
  test("a number in range comes back as it is", () => {
    expect(checkNumber(3, NON_NEGATIVE, "opening")).toEqual({ ok: true, value: 3 });
  });

  test("a finite number out of range is a range error with the facts and one sentence", () => {
    expect(checkNumber(-5, NON_NEGATIVE, "opening")).toEqual({
      ok: false,
      error: {
        kind: "range",
        argument: "opening",
        expected: "a number ≥ 0",
        rule: NON_NEGATIVE,
        got: -5,
        message: "opening: expected a number ≥ 0, got -5",
      },
    });
  });

  test("text, a blank or Infinity is a type error", () => {
    for (const value of ["5", null, Infinity]) {
      const result = checkNumber(value, NON_NEGATIVE, "opening");
      expect(result.ok ? "passed" : result.error.kind).toBe("type");
    }
  });

  test("a week and a cell are kept and the week is said", () => {
    const result = checkNumber("x", NON_NEGATIVE, "intake", { week: 3, cell: { row: 2, column: 0 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.week).toBe(3);
    expect(result.error.cell).toEqual({ row: 2, column: 0 });
    expect(result.error.message).toBe("intake, week 3: expected a number ≥ 0, got 'x'");
    const plain = checkNumber("x", NON_NEGATIVE, "intake");
    expect(plain.ok ? {} : plain.error).not.toHaveProperty("week");
    expect(plain.ok ? {} : plain.error).not.toHaveProperty("cell");
  });
});

describe("checkSeries", () => {
  test("one number is checked as one number", () => {
    expect(checkSeries(25, NON_NEGATIVE, "intake")).toEqual({ ok: true, value: 25 });
    const bad = checkSeries(-1, NON_NEGATIVE, "intake");
    expect(bad.ok ? "" : bad.error.message).toBe("intake: expected a number ≥ 0, got -1");
  });

  test("a list comes back as a copy, the input untouched", () => {
    const input = [1, 2, 3];
    const result = checkSeries(input, NON_NEGATIVE, "intake");
    expect(result).toEqual({ ok: true, value: [1, 2, 3] });
    if (result.ok) expect(result.value).not.toBe(input);
  });

  test("an empty list is a shape error", () => {
    expect(checkSeries([], NON_NEGATIVE, "capacity")).toEqual({
      ok: false,
      error: { kind: "shape", argument: "capacity", message: "capacity: the range is empty" },
    });
  });

  test("the first bad value is named by its week, also in week 1 and the last week", () => {
    const weekOf = (series: number[]): number | undefined => {
      const result = checkSeries(series, NON_NEGATIVE, "intake");
      return result.ok ? undefined : result.error.week;
    };
    expect(weekOf([-1, 2, 3])).toBe(1);
    expect(weekOf([1, -2, -3])).toBe(2);
    expect(weekOf([1, 2, -3])).toBe(3);
    const result = checkSeries([1, Number.NaN], NON_NEGATIVE, "intake");
    expect(result.ok ? "" : result.error.message).toBe("intake, week 2: expected a number ≥ 0, got NaN");
  });
});

describe("checkNumbers and checkSeriesAll", () => {
  test("all pass: the values under their keys", () => {
    expect(checkNumbers({ backlog: [1440, NON_NEGATIVE, "backlog"], rate: [30, POSITIVE, "rate"] })).toEqual({
      ok: true,
      value: { backlog: 1440, rate: 30 },
    });
    expect(checkSeriesAll({ intake: [[1, 2], NON_NEGATIVE, "intake"], capacity: [3, NON_NEGATIVE, "capacity"] })).toEqual({
      ok: true,
      value: { intake: [1, 2], capacity: 3 },
    });
  });

  test("the first failure in order is the one reported", () => {
    const numbers = checkNumbers({ a: [1, NON_NEGATIVE, "first"], b: [-1, NON_NEGATIVE, "second"], c: [-1, NON_NEGATIVE, "third"] });
    expect(numbers.ok ? "" : numbers.error.argument).toBe("second");
    const series = checkSeriesAll({ a: [[1], NON_NEGATIVE, "first"], b: [[], NON_NEGATIVE, "second"], c: [-1, NON_NEGATIVE, "third"] });
    expect(series.ok ? "" : series.error.argument).toBe("second");
  });
});
