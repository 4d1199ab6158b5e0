import * as path from "path";
import fc from "fast-check";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { projectTracks } from "../../src/engine/tracks";
import { call, column } from "../helpers/functions";
import { CROWDING_OUT, FTE_CAPACITY, PROJECT_TRACKS, WAIT_WEEKS } from "../../src/functions/tracks";



describe("PROJECT_TRACKS", () => {
  test("spills one row per week and one column per track: triage (Ter Apel), track 2, track 4", () => {
    const out = PROJECT_TRACKS([[50, 100, 1290]], [[25]], [[0.19, 0.2]], [[27.5]]);
    expect(out).toHaveLength(52);
    expect(out.every((row) => row.length === 3)).toBe(true);
    const engine = projectTracks({ openingByTrack: [50, 100, 1290], intake: 25, shares: [0.19, 0.2], capacity: 27.5 });
    if (!engine.ok) throw new Error(engine.error.message);
    out.forEach((row, t) => {
      expect(row[0]).toBeCloseTo(engine.value.tracks.fast[t]?.backlog as number, 12);
      expect(row[1]).toBeCloseTo(engine.value.tracks.safe[t]?.backlog as number, 12);
      expect(row[2]).toBeCloseTo(engine.value.tracks.regular[t]?.backlog as number, 12);
    });
  });

  test("ranges as columns or rows, a single opening total, weeks and lead time", () => {
    const asRow = PROJECT_TRACKS([[1440]], [[25]], [[0.1, 0.2]], [[30]], [[10]], [[60]], [[0.1]]);
    const asColumn = PROJECT_TRACKS(1440 as never, [[25]], column([0.1, 0.2]), [[30]], 10 as never, 60 as never, 0.1 as never);
    expect(asRow).toHaveLength(10);
    expect(asColumn).toEqual(asRow);
    // Week 1: 144 (the triaged part) + 2.5 open in triage, decided at 1 ÷ (1 + 60/7) a week.
    expect(asRow[0]?.[0]).toBeCloseTo(146.5 - 146.5 / (1 + 60 / 7), 9);
  });

  test("the triaged part of one opening total defaults to 0, as on the what-if sheet", () => {
    const out = PROJECT_TRACKS([[1440]], [[25]], [[0.1, 0.2]], [[30]], [[10]], [[60]]);
    // Week 1: only the 2.5 filed that week are open in triage.
    expect(out[0]?.[0]).toBeCloseTo(2.5 - 2.5 / (1 + 60 / 7), 9);
    // Tracks 2 and 4 share the 1440 in the ratio 0.2 : 0.7.
    const engine = projectTracks({ openingByTrack: 1440, intake: 25, shares: [0.1, 0.2], capacity: 30, weeks: 10, fastLeadTimeDays: 60 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(engine.value.opening.safe).toBeCloseTo((1440 * 0.2) / 0.9, 9);
    out.forEach((row, t) => expect(row[2]).toBeCloseTo(engine.value.tracks.regular[t]?.backlog as number, 12));
    // Per track, the triaged part is not used.
    expect(PROJECT_TRACKS([[0, 100, 1340]], [[25]], [[0.1, 0.2]], [[30]], [[10]], [[60]], [[0.5]])).toEqual(
      PROJECT_TRACKS([[0, 100, 1340]], [[25]], [[0.1, 0.2]], [[30]], [[10]], [[60]]),
    );
  });

  test("a triaged part outside 0 to 1 is an error naming it", () => {
    const result = call(() => PROJECT_TRACKS([[1440]], [[25]], [[0.1, 0.2]], [[30]], null as never, null as never, [[1.5]]));
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toContain("triaged_opening_share");
  });

  test("weekly intake and capacity ranges set the horizon", () => {
    const out = PROJECT_TRACKS([[0, 10, 10]], column([1, 2, 3]), [[0, 0.5]], column([5, 5, 5]));
    expect(out).toHaveLength(3);
  });

  test("omitted optional arguments (null) take the defaults", () => {
    const out = PROJECT_TRACKS([[10, 10, 10]], [[25]], [[0.2, 0.2]], [[30]], null as never, null as never);
    expect(out).toHaveLength(52);
  });

  test.each([
    ["a share above 1", [[0.1, 1.2]], "#VALUE!", "shares, track 2: expected a number from 0 to 1, got 1.2"],
    ["shares adding up to more than 1", [[0.6, 0.5]], "#VALUE!", "shares: the shares add up to 1.1; they must add up to at most 1"],
    ["three shares short of 1", [[0.1, 0.2, 0.5]], "#VALUE!", "shares: the three shares add up to 0.8"],
    ["text as a share", [["10%", 0.2]], "#VALUE!", "shares, triage (Ter Apel): expected a number from 0 to 1, got '10%'"],
    ["four shares", [[0.1, 0.1, 0.1, 0.1]], "#VALUE!", "shares: expected two values"],
    ["a 2×2 range", [[0.1, 0.1], [0.1, 0.1]], "#VALUE!", "shares: expected one column or one row"],
  ])("%s is an error naming the shares", (_, shares, code, message) => {
    const result = call(() => PROJECT_TRACKS([[0, 10, 10]], [[25]], shares as never, [[30]]));
    expect(result.code).toBe(code);
    expect(result.message).toContain(message);
  });

  test("other arguments", () => {
    expect(call(() => PROJECT_TRACKS([[10, 10]], [[25]], [[0.1, 0.2]], [[30]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("opening_by_track: expected one total or three values"),
    });
    expect(call(() => PROJECT_TRACKS([[10, -1, 10]], [[25]], [[0.1, 0.2]], [[30]]))).toMatchObject({
      code: "#VALUE!",
      message: "opening_by_track, track 2: expected a number ≥ 0, got -1",
    });
    expect(call(() => PROJECT_TRACKS([[10, 10, 10]], [[25]], [[0.1, 0.2]], [[30]], [[5]], [[-1]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("fast_lead_time"),
    });
    expect(call(() => PROJECT_TRACKS([[10, 10, 10]], column([1, 2]), [[0.1, 0.2]], [[30]], [[5]]))).toMatchObject({
      code: "#VALUE!",
      message: "weeks: 5 is longer than the intake range (2 weeks)",
    });
    expect(call(() => PROJECT_TRACKS([[10, 10, 10]], [[25]], [[0.1, 0.2]], [["n.v.t."]])).code).toBe("#VALUE!");
  });
});

describe("WAIT_WEEKS, FTE_CAPACITY, CROWDING_OUT", () => {
  test("WAIT_WEEKS: 1440 ahead at the 2023 pace is about 343 days", () => {
    expect(WAIT_WEEKS(1440, 1530 / 52) * 7).toBeCloseTo(342.6, 1);
    expect(WAIT_WEEKS([[1140]], [[1600 / 52]])).toBeCloseTo(37.05, 2);
    expect(call(() => WAIT_WEEKS(100, 0))).toEqual({
      code: "#VALUE!",
      message: "decisions_per_week: expected a number > 0, got 0",
    });
    expect(call(() => WAIT_WEEKS("veel", 10)).code).toBe("#VALUE!");
    expect(call(() => WAIT_WEEKS(1e308, 1e-10)).code).toBe("#NUM!");
  });

  test("FTE_CAPACITY: fte × decisions per fte per week", () => {
    expect(FTE_CAPACITY(20, 1.5)).toBe(30);
    expect(call(() => FTE_CAPACITY(-2, 1.5))).toEqual({ code: "#VALUE!", message: "fte: expected a number ≥ 0, got -2" });
    expect(call(() => FTE_CAPACITY(true, 1.5)).code).toBe("#VALUE!");
  });

  test("CROWDING_OUT: 1,600 pulled forward push 1,600 back", () => {
    expect(CROWDING_OUT(5000, [[100]], [[100]], [[1600 / 52]], 52)).toBeCloseTo(6600, 9);
    expect(CROWDING_OUT(5000, column([100, 100]), column([100, 100]), column([10, 20]), 2)).toBeCloseTo(5030, 12);
    expect(call(() => CROWDING_OUT(0, [[10]], [[40]], [[50]], 10))).toEqual({
      code: "#VALUE!",
      message: "moved_capacity: expected a number from 0 to 40 (other_capacity), got 50",
    });
    expect(call(() => CROWDING_OUT(0, [[10]], [[40]], [[5]], 0)).code).toBe("#VALUE!");
    expect(call(() => CROWDING_OUT(0, column([10, 10]), [[40]], [[5]], 3)).code).toBe("#VALUE!");
  });
});

describe("Excel only ever sees numbers or an Excel error", () => {
  const cell = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 2000 }),
    fc.constantFrom(null, "", "25", "abc", true, Number.NaN, Number.POSITIVE_INFINITY, 1e308),
  );
  const range = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }));
  const finite = (v: unknown): boolean =>
    typeof v === "number" ? Number.isFinite(v) : Array.isArray(v) && v.flat().every((x) => Number.isFinite(x));

  test.each([
    ["PROJECT_TRACKS", (a: unknown[]) => PROJECT_TRACKS(a[0] as never, a[1] as never, a[2] as never, a[3] as never, a[4] as never, a[5] as never)],
    ["WAIT_WEEKS", (a: unknown[]) => WAIT_WEEKS(a[0], a[1])],
    ["FTE_CAPACITY", (a: unknown[]) => FTE_CAPACITY(a[0], a[1])],
    ["CROWDING_OUT", (a: unknown[]) => CROWDING_OUT(a[0], a[1] as never, a[2] as never, a[3] as never, a[4])],
  ])("%s, with arbitrary cells", (_, fn) => {
    fc.assert(
      fc.property(fc.array(range, { minLength: 6, maxLength: 6 }), (args) => {
        const result = call(() => fn(args));
        if (result.code === undefined) expect(finite(result.value)).toBe(true);
        else expect(["#VALUE!", "#NUM!", "#N/A"]).toContain(result.code);
      }),
      { numRuns: 300 },
    );
  });

  test("PROJECT_TRACKS with valid shapes and extreme figures", () => {
    const big = fc.oneof(fc.double({ min: 0, max: 1e308, noNaN: true }), fc.constantFrom(0, 5e-324, 1e308));
    fc.assert(
      fc.property(
        fc.tuple(big, big, big),
        fc.array(big, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        big,
        fc.oneof(fc.double({ min: 0, max: 70000, noNaN: true }), fc.constant(5e-324)),
        (opening, intake, fast, safe, capacity, lead) => {
          const result = call(() => PROJECT_TRACKS([opening], column(intake), [[fast, safe]], [[capacity]], null as never, [[lead]]));
          if (result.code === undefined) expect(finite(result.value)).toBe(true);
          else expect(result.code).toBe("#NUM!");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("metadata from the JSDoc", () => {
  test("four functions with the documented parameters and help anchors", async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/tracks.ts"));
    expect(generated.errors).toEqual([]);
    const functions = JSON.parse(generated.metadataJson) as {
      functions: Array<{ name: string; helpUrl: string; description: string; parameters: Array<{ name: string; optional?: boolean }>; result: { dimensionality?: string } }>;
    };
    const byName = new Map(functions.functions.map((f) => [f.name, f]));
    const shape = (name: string) => byName.get(name)?.parameters.map((p) => [p.name, p.optional === true]);
    expect(shape("PROJECT_TRACKS")).toEqual([
      ["opening_by_track", false],
      ["intake", false],
      ["shares", false],
      ["capacity", false],
      ["weeks", true],
      ["fast_lead_time", true],
      ["triaged_opening_share", true],
    ]);
    expect(byName.get("PROJECT_TRACKS")?.result.dimensionality).toBe("matrix");
    expect(byName.get("PROJECT_TRACKS")?.description).toMatch(/triage \(Ter Apel\), track 2 .*track 4/);
    expect(shape("WAIT_WEEKS")).toEqual([["position", false], ["decisions_per_week", false]]);
    expect(shape("FTE_CAPACITY")).toEqual([["fte", false], ["decisions_per_fte_week", false]]);
    expect(shape("CROWDING_OUT")).toEqual([
      ["other_backlog", false],
      ["other_intake", false],
      ["other_capacity", false],
      ["moved_capacity", false],
      ["weeks", false],
    ]);
    for (const fn of functions.functions) {
      expect(fn.helpUrl).toBe(`https://localhost:3000/functions.html#${fn.name.toLowerCase()}`);
    }
  });
});
