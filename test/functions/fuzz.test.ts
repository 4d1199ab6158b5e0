/**
 * Every =IND.* function against every argument shape Excel (or a careless caller) can hand over:
 * numbers, text, booleans, null, nested and ragged arrays, empty arrays, huge arrays. Each call
 * returns a finite value or throws an Excel error with a message; nothing else, ever.
 */
import fc from "fast-check";
import * as core from "../../src/functions/functions";
import * as tracks from "../../src/functions/tracks";
import * as uncertainty from "../../src/functions/uncertainty";
import { call, column } from "../helpers/functions";
import { FUNCTION_DECLARATIONS } from "../../src/functions/declarations";

type AnyFn = (...args: unknown[]) => unknown;
const FUNCTIONS: [string, AnyFn, number][] = [
  ["PROJECT_BACKLOG", core.PROJECT_BACKLOG as AnyFn, 5],
  ["PLANNED_CAPACITY", core.PLANNED_CAPACITY as AnyFn, 2],
  ["WEEKS_TO_CLEAR", core.WEEKS_TO_CLEAR as AnyFn, 3],
  ["WEEKS_TO_TARGET", core.WEEKS_TO_TARGET as AnyFn, 4],
  ["REQUIRED_CAPACITY", core.REQUIRED_CAPACITY as AnyFn, 4],
  ["LEAD_TIME", core.LEAD_TIME as AnyFn, 2],
  ["PROJECT_TRACKS", tracks.PROJECT_TRACKS as AnyFn, 6],
  ["WAIT_WEEKS", tracks.WAIT_WEEKS as AnyFn, 2],
  ["FTE_CAPACITY", tracks.FTE_CAPACITY as AnyFn, 2],
  ["CROWDING_OUT", tracks.CROWDING_OUT as AnyFn, 5],
  ["BACKLOG_PERCENTILE", uncertainty.BACKLOG_PERCENTILE as AnyFn, 7],
  ["BACKLOG_FAN", uncertainty.BACKLOG_FAN as AnyFn, 7],
  ["CHANCE_BELOW", uncertainty.CHANCE_BELOW as AnyFn, 7],
];

const cell = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom(100, 0.5, 1e308, -0, 5e-324),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("n.v.t.", "1.234,5", "25", "#N/A", "=1+1"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
);
const argument = fc.oneof(
  cell,
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }), // ranges, ragged ones included
  fc.array(cell, { maxLength: 4 }), // a flat array: not what Excel sends
  fc.array(fc.array(fc.array(cell, { maxLength: 2 }), { maxLength: 2 }), { maxLength: 2 }), // nested
  fc.constant([]),
  fc.constant([[]]),
);

/** Every argument name the declarations know (messages start with one). */
const DECLARED_NAMES = new Set(FUNCTION_DECLARATIONS.flatMap((d) => d.arguments.map((a) => a.name)));

function expectExcelAnswer(result: ReturnType<typeof call>): void {
  if (result.code !== undefined) {
    expect(["#VALUE!", "#NUM!", "#N/A"]).toContain(result.code);
    expect((result.message ?? "").length).toBeGreaterThan(10);
    // #NUM! shows no message in Excel, so it is kept for results that overflow; every argument
    // error is #VALUE! and names a declared argument; #N/A only for a backlog that never clears
    // or never reaches its target.
    if (result.code === "#NUM!") expect(result.message).toMatch(/too (large|small)|not a finite number/);
    if (result.code === "#N/A") expect(result.message).toMatch(/never clears|never reaches|does not reach/);
    if (result.code === "#VALUE!") expect(DECLARED_NAMES.has((result.message ?? "").split(/[,:]/)[0] ?? "")).toBe(true);
    return;
  }
  const values = typeof result.value === "number" ? [result.value] : (result.value as unknown[][]).flat();
  expect(Array.isArray(result.value) || typeof result.value === "number").toBe(true);
  for (const v of values) {
    expect(typeof v).toBe("number");
    expect(Number.isFinite(v)).toBe(true);
  }
}

describe.each(FUNCTIONS)("%s", (_name, fn, arity) => {
  test("any argument shape: a finite value or an Excel error with a message", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: arity, maxLength: arity }), (args) => {
        // The simulation functions get few runs, so the fuzz stays quick; 100 is their minimum.
        if (_name.startsWith("BACKLOG_") || _name === "CHANCE_BELOW") args[5] = [[100]];
        expectExcelAnswer(call(() => fn(...args)));
      }),
      { numRuns: 200 },
    );
  });

  test("fewer arguments than declared (omitted ones arrive as undefined)", () => {
    for (let n = 0; n < arity; n++) {
      const args = [1440, [[25]], [[30]], [[52]], [[0.5]], [[100]], [[1]]].slice(0, n);
      expectExcelAnswer(call(() => fn(...args)));
    }
  });
});

describe("huge arguments", () => {
  const weeks = (n: number, v: unknown): unknown[][] => column(new Array(n).fill(v));

  test("10,000 weeks are answered; 10,001 and a million-row range are refused, quickly", () => {
    expect(call(() => core.PROJECT_BACKLOG(0, weeks(10_000, 1))).value).toHaveLength(10_000);
    expect(call(() => core.PROJECT_BACKLOG(0, weeks(10_001, 1))).code).toBe("#VALUE!");
    expect(call(() => core.PROJECT_BACKLOG(0, weeks(1_048_576, 1))).code).toBe("#VALUE!");
    expect(call(() => tracks.PROJECT_TRACKS([[1440]], weeks(1_048_576, 1), [[0.2, 0.2]], [[30]])).code).toBe("#VALUE!");
  });

  test("a simulation too large for one formula is refused, not run", () => {
    const result = call(() => uncertainty.BACKLOG_FAN(1440, weeks(10_000, 25), [[30]], 10_000, undefined, [[1_000_000]]));
    expect(result.code).toBe("#VALUE!");
  });

  test("a whole-column range of blanks (Excel on the web) is the same as zeros (desktop)", () => {
    const web = call(() => core.PROJECT_BACKLOG(10, weeks(500, null), [[1]]));
    const desktop = call(() => core.PROJECT_BACKLOG(10, weeks(500, 0), [[1]]));
    expect(web).toEqual(desktop);
  });
});
