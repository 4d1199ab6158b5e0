/** The sections' pure parts: what a planner types, the history cells and the phrase. */
import { MAX_PATH_WEEKS } from "../../src/engine";
import { excelDateSerial } from "../../src/sheets/spec";
import { checkWork, emptySectionFields, needsSlices, parseSections, readHistory, SectionFields, sliceRuns, SLICE_RUN_WEEKS } from "../../src/plan/options";
import { horizonPhrase } from "../../src/plan/placeSections";

function withUncertainty(u: Partial<SectionFields["uncertainty"]>): SectionFields {
  const s = emptySectionFields();
  s.uncertainty = { ...s.uncertainty, enabled: true, ...u };
  return s;
}

function withTracks(t: Partial<SectionFields["tracks"]>): SectionFields {
  const s = emptySectionFields();
  s.tracks = { ...s.tracks, enabled: true, safeShare: "0.2", ...t };
  return s;
}

describe("parseSections", () => {
  it("is empty when both sections are off or absent", () => {
    expect(parseSections(undefined)).toEqual({ ok: true, plan: {} });
    expect(parseSections(emptySectionFields())).toEqual({ ok: true, plan: {} });
  });

  it("fills in the defaults: Poisson, no capacity spread, 10,000 runs, seed 2024", () => {
    expect(parseSections(withUncertainty({}))).toEqual({
      ok: true,
      plan: { uncertainty: { model: "poisson", dispersion: 1, history: "", capacitySpread: 0, runs: 10_000, seed: 2024 } },
    });
  });

  it.each([
    ["10000", 10_000],
    ["10.000", 10_000],
    ["10,000", 10_000],
    ["10 000", 10_000],
    ["1.000.000", 1_000_000],
    [" 250 ", 250],
  ])("reads runs %p as %p: a separator before three digits groups thousands", (runs, expected) => {
    const parsed = parseSections(withUncertainty({ runs }));
    expect(parsed.ok && parsed.plan.uncertainty?.runs).toBe(expected);
  });

  it("reads a share as a fraction, or as a percentage with its sign", () => {
    const parse = (fastShare: string) => {
      const parsed = parseSections(withTracks({ fastShare }));
      return parsed.ok ? parsed.plan.tracks?.fastShare : parsed.problem;
    };
    expect(parse("0,187")).toBeCloseTo(0.187, 12);
    expect(parse("18,7%")).toBeCloseTo(0.187, 12);
    expect(parse("18.7 %")).toBeCloseTo(0.187, 12);
    expect(parse("")).toBe(190 / 1390);
    // A bare 18.7 is not silently read as a percentage.
    expect(parse("18.7")).toEqual({ kind: "share-range", field: "fastShare", text: "18.7" });
  });

  it("reads the intake level spread as a share; blank leaves it out (0)", () => {
    const parse = (intakeLevelSpread: string) => {
      const parsed = parseSections(withUncertainty({ intakeLevelSpread }));
      return parsed.ok ? parsed.plan.uncertainty?.intakeLevelSpread : parsed.problem;
    };
    expect(parse("10%")).toBeCloseTo(0.1, 12);
    expect(parse("")).toBeUndefined();
    expect(parse("2")).toEqual({ kind: "share-range", field: "intakeLevelSpread", text: "2" });
  });

  it("reads the triaged part of the opening backlog as a share; blank leaves it out (0)", () => {
    const parse = (triagedOpening: string) => {
      const parsed = parseSections(withTracks({ triagedOpening }));
      return parsed.ok ? parsed.plan.tracks?.triagedOpeningShare : parsed.problem;
    };
    expect(parse("10%")).toBeCloseTo(0.1, 12);
    expect(parse("0,25")).toBe(0.25);
    expect(parse(" ")).toBeUndefined();
    expect(parse("1,5")).toEqual({ kind: "share-range", field: "triagedOpening", text: "1,5" });
  });

  it("lets triage (Ter Apel) and track 2 take everything, and no more", () => {
    const all = parseSections(withTracks({ fastShare: "0.1", safeShare: "0.9" }));
    expect(all.ok && all.plan.tracks).toEqual({ fastShare: 0.1, safeShare: 0.9, fastLeadTimeDays: 88 });
    const more = parseSections(withTracks({ fastShare: "0.1", safeShare: "0.91" }));
    expect(more.ok ? undefined : more.problem).toMatchObject({ kind: "shares-sum", field: "safeShare" });
  });

  it("asks for a dispersion only with overdispersed intake, and a history range only with History", () => {
    expect(parseSections(withUncertainty({ dispersion: "x" })).ok).toBe(true);
    expect(parseSections(withUncertainty({ model: "overdispersed", dispersion: "2,5" }))).toMatchObject({
      ok: true,
      plan: { uncertainty: { model: "overdispersed", dispersion: 2.5 } },
    });
    expect(parseSections(withUncertainty({ model: "history", history: " Invoer!F5:F56 " }))).toMatchObject({
      ok: true,
      plan: { uncertainty: { model: "history", history: "Invoer!F5:F56" } },
    });
  });
});

describe("the work a simulation takes", () => {
  it("slices above 50,000 runs, or above as much work for a long horizon", () => {
    expect(needsSlices(50_000, 52)).toBe(false);
    expect(needsSlices(50_001, 52)).toBe(true);
    expect(needsSlices(10_000, 520)).toBe(true);
    expect(needsSlices(10_000, 52)).toBe(false);
  });

  it("cuts slices of about the same work whatever the horizon", () => {
    expect(sliceRuns(52) * 52).toBeLessThanOrEqual(SLICE_RUN_WEEKS);
    expect(sliceRuns(52) * 52).toBeGreaterThan(SLICE_RUN_WEEKS - 52);
    expect(sliceRuns(10_000_000)).toBe(1);
  });

  it("refuses more than the engine's bound of simulated weeks", () => {
    const plan = { model: "poisson" as const, dispersion: 1, history: "", capacitySpread: 0, runs: 10_000, seed: 1 };
    expect(checkWork(plan, MAX_PATH_WEEKS / 10_000)).toBeUndefined();
    expect(checkWork(plan, MAX_PATH_WEEKS / 10_000 + 1)).toMatchObject({ kind: "too-much-work", field: "runs" });
  });
});

describe("readHistory", () => {
  it("reads a column or a row, leaving out blank cells", () => {
    expect(readHistory({ address: "H!B2:B6", values: [[20], [null], [""], [31], [0]] })).toEqual({
      ok: true,
      values: [20, 31, 0],
    });
    expect(readHistory({ address: "H!B2:D2", values: [[20, 25, 30]] })).toEqual({ ok: true, values: [20, 25, 30] });
  });

  it.each([
    [{ address: "H!B2:B3", values: [[20], ["n.v.t."]] }, { code: "cell", address: "H!B3", got: "'n.v.t.'" }],
    [{ address: "H!B2:B3", values: [[20], [{ error: "#N/A" }]] }, { code: "cell", address: "H!B3", got: "#N/A" }],
    [{ address: "H!B2:B3", values: [[-3], [20]] }, { code: "cell", address: "H!B2", got: "-3" }],
    [{ address: "H!B2:B3", values: [[true], [20]] }, { code: "cell", address: "H!B2", got: "TRUE" }],
    [{ address: "H!B2:B3", values: [[null], [""]] }, { code: "empty", address: "H!B2:B3" }],
    [{ address: "H!B2:C3", values: [[1, 2], [3, 4]] }, { code: "shape", rows: 2, columns: 2 }],
    [{ address: "H!B2:B3", values: [[1], [2]], hasMergedCells: true }, { code: "merged" }],
  ])("refuses %j", (raw, problem) => {
    const read = readHistory(raw);
    expect(read.ok ? undefined : read.problem).toMatchObject({ kind: "history-cells", field: "history", ...problem });
  });
});

describe("horizonPhrase", () => {
  const jan1 = excelDateSerial(2024, 1, 1);

  it("says 'eind 2024' for a horizon ending around the turn of the year", () => {
    expect(horizonPhrase(jan1, 52)).toEqual({ nl: "eind 2024", en: "at the end of 2024" });
    expect(horizonPhrase(excelDateSerial(2024, 1, 4), 52)).toEqual({ nl: "eind 2024", en: "at the end of 2024" });
  });

  it("names the ISO week otherwise, and leaves it to the builder without a first week", () => {
    expect(horizonPhrase(jan1, 26)).toEqual({
      nl: "aan het eind van week 2024-W26",
      en: "at the end of week 2024-W26",
    });
    expect(horizonPhrase(undefined, 52)).toBeUndefined();
  });
});
