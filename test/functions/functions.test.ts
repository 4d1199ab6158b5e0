import { call, column } from "../helpers/functions";
import {
  LEAD_TIME,
  PLANNED_CAPACITY,
  PROJECT_BACKLOG,
  REQUIRED_CAPACITY,
  WEEKS_TO_CLEAR,
} from "../../src/functions/functions";


const weeksOf = (n: number, v: unknown): unknown[][] => column(new Array(n).fill(v));

describe("memo figures through the functions", () => {
  test("PROJECT_BACKLOG spills one column; 2024 plan ends at 1140", () => {
    const out = PROJECT_BACKLOG(1440, [[25]], [[1600 / 52]], null as never, null as never);
    expect(out).toHaveLength(52);
    expect(out.every((row) => row.length === 1)).toBe(true);
    expect(out[51]?.[0]).toBeCloseTo(1140, 9);
  });

  test("PROJECT_BACKLOG without capacity applies the 10% rule: 1310 after 52 weeks", () => {
    const out = PROJECT_BACKLOG(1440, weeksOf(52, 25) as never);
    expect(out).toHaveLength(52);
    expect(out[51]?.[0]).toBeCloseTo(1310, 9);
  });

  test("2023 from yearly totals: 1580 start, 1390 filed, 1530 decided → 1440", () => {
    const out = PROJECT_BACKLOG(1580, [[1390 / 52]], [[1530 / 52]], [[52]]);
    expect(out[51]?.[0]).toBeCloseTo(1440, 9);
    expect(LEAD_TIME(1440, 1530 / 52) * 7).toBeCloseTo(342.6, 1);
  });

  test("PLANNED_CAPACITY, WEEKS_TO_CLEAR and REQUIRED_CAPACITY", () => {
    expect(PLANNED_CAPACITY([[25]])).toBeCloseTo(27.5, 12);
    expect(PLANNED_CAPACITY(weeksOf(4, 25) as never, [[0.2]])).toBeCloseTo(30, 12);
    expect(WEEKS_TO_CLEAR(1440, [[25]], [[27.5]])).toBeCloseTo(576, 9);
    expect(WEEKS_TO_CLEAR(1440, [[25]], [[1600 / 52]])).toBeCloseTo(249.6, 1);
    expect(REQUIRED_CAPACITY(1440, [[25]], 0, 104)).toBeCloseTo(38.846, 3);
  });

  test("a row range works like a column range", () => {
    const asRow = PROJECT_BACKLOG(100, [[10, 20, 30]], [[15, 15, 15]]);
    const asColumn = PROJECT_BACKLOG(100, [[10], [20], [30]], [[15], [15], [15]]);
    expect(asRow).toEqual(asColumn);
    expect(asRow).toHaveLength(3);
  });
});

describe("omitted and blank arguments", () => {
  test("omitted optional arguments arrive as null (or undefined) and take their defaults", () => {
    const a = PROJECT_BACKLOG(1440, [[25]], null as never, null as never, null as never);
    const b = PROJECT_BACKLOG(1440, [[25]]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(52);
    expect(PLANNED_CAPACITY([[25]], null as never)).toBeCloseTo(27.5, 12);
  });

  test("a blank cell gives the same result on desktop (0) and on the web (null)", () => {
    const desktop = PROJECT_BACKLOG(0, [[10], [0], [10]], [[5], [5], [5]]);
    const web = PROJECT_BACKLOG(null, [[10], [null], [10]], [[5], [5], [5]]);
    expect(web).toEqual(desktop);
    // An optional argument pointing at a blank cell arrives as [[0]] or [[null]]: both mean 0.
    expect(PROJECT_BACKLOG(10, [[1]], [[0]])).toEqual(PROJECT_BACKLOG(10, [[1]], [[null]]));
    expect(PLANNED_CAPACITY([[20]], [[0]])).toBe(PLANNED_CAPACITY([[20]], [[null]]));
  });
});

describe("bad input: the right error code and a message naming the argument", () => {
  test.each([
    ["text opening", () => PROJECT_BACKLOG("veel", [[25]]), "#VALUE!", "opening: expected a number ≥ 0, got 'veel'"],
    ["boolean intake", () => PROJECT_BACKLOG(1, [[true]]), "#VALUE!", "intake: expected a number ≥ 0, got TRUE"],
    [
      "text inside the intake range",
      () => PROJECT_BACKLOG(1, [...weeksOf(13, 25), ["n.v.t."], ...weeksOf(5, 25)] as never),
      "#VALUE!",
      "intake, week 14: expected a number ≥ 0, got 'n.v.t.'",
    ],
    ["Dutch number text", () => PROJECT_BACKLOG(1, [[25], ["1.234,5"]]), "#VALUE!", "intake, week 2: expected a number ≥ 0, got '1.234,5'"],
    ["negative opening", () => PROJECT_BACKLOG(-5, [[25]]), "#VALUE!", "opening: expected a number ≥ 0, got -5"],
    ["negative capacity", () => PROJECT_BACKLOG(5, [[25]], [[-1]]), "#VALUE!", "capacity: expected a number ≥ 0, got -1"],
    ["NaN", () => PROJECT_BACKLOG(Number.NaN, [[25]]), "#VALUE!", "opening: expected a number ≥ 0, got NaN"],
    ["Infinity", () => PROJECT_BACKLOG(1, [[Number.POSITIVE_INFINITY]]), "#VALUE!", "intake: expected a number ≥ 0, got Infinity"],
    ["empty range", () => PROJECT_BACKLOG(1, [] as never), "#VALUE!", "intake: the range is empty"],
    ["empty row", () => PROJECT_BACKLOG(1, [[]] as never), "#VALUE!", "intake: the range is empty"],
    ["2-D range", () => PROJECT_BACKLOG(1, [[1, 2], [3, 4]]), "#VALUE!", "intake: expected one column or one row, got 2 rows × 2 columns"],
    ["ragged range", () => PROJECT_BACKLOG(1, [[1, 2], [3]] as never), "#VALUE!", "intake: the range has rows of different lengths"],
    [
      "capacity length differs",
      () => PROJECT_BACKLOG(1, weeksOf(52, 25) as never, weeksOf(40, 30) as never),
      "#VALUE!",
      "capacity: has 40 weeks but intake has 52",
    ],
    ["weeks 0", () => PROJECT_BACKLOG(1, [[25]], null as never, [[0]]), "#VALUE!", "weeks: expected a whole number from 1 to 10,000, got 0"],
    ["weeks too many", () => PROJECT_BACKLOG(1, [[25]], null as never, [[10_001]]), "#VALUE!", "weeks: expected a whole number from 1 to 10,000, got 10001"],
    ["weeks text", () => PROJECT_BACKLOG(1, [[25]], null as never, [["52"]]), "#VALUE!", "weeks: expected a whole number from 1 to 10,000, got '52'"],
    ["uplift text", () => PROJECT_BACKLOG(1, [[25]], null as never, null as never, [["10%"]]), "#VALUE!", "uplift: expected a number ≥ -1, got '10%'"],
    ["uplift below -1", () => PLANNED_CAPACITY([[25]], [[-2]]), "#VALUE!", "uplift: expected a number ≥ -1, got -2"],
    ["never clears", () => WEEKS_TO_CLEAR(1440, [[25]], [[25]]), "#N/A", "the backlog never clears"],
    ["zero decisions", () => LEAD_TIME(100, 0), "#VALUE!", "decisions_per_week: expected a number > 0, got 0"],
    ["target text", () => REQUIRED_CAPACITY(1, [[1]], "nul", 10), "#VALUE!", "target: expected a number ≥ 0, got 'nul'"],
    ["weeks as range", () => REQUIRED_CAPACITY(1, [[1]], 0, [[1], [2]]), "#VALUE!", "weeks: expected one number, got a range of 2 cells"],
  ])("%s", (_name, fn, code, message) => {
    const result = call(fn);
    expect(result.code).toBe(code);
    expect(result.message).toContain(message);
  });
});

describe("the functions run in Excel's runtime too", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test("errors are CustomFunctions.Error when the runtime provides it", () => {
    class HostError {
      constructor(
        public code: string,
        public message: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: HostError, ErrorCode: {} };
    let thrown: unknown;
    try {
      PROJECT_BACKLOG(-1, [[1]]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HostError);
    expect(thrown).toMatchObject({ code: "#VALUE!", message: "opening: expected a number ≥ 0, got -1" });
  });
});

describe("PROJECT_BACKLOG's uplift", () => {
  test("without a capacity the rule plans (1 + uplift) × mean intake: 15 a week at uplift 0.5", () => {
    expect(PROJECT_BACKLOG(100, [[10]], null as never, [[2]], [[0.5]])).toEqual([[95], [90]]);
    expect(PROJECT_BACKLOG(100, [[10]], null as never, [[2]], null as never)).toEqual([[99], [98]]);
  });
});
