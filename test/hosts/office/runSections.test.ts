/**
 * The pane's optional sections against the office-addin-mock fake Excel: the uncertainty fan and
 * the tracks table land on the projection sheet next to the projection, still in three syncs,
 * with the engine's own figures; a wrong section field writes nothing and names the field; a long
 * simulation reports progress and yields to the pane between slices.
 */
import { createRng, projectTracks, simulateBacklog, TRACK_IDS } from "../../../src/engine";
import { PROJECTION_TABLE } from "../../../src/sheets/projectionSheet";
import { createOfficeHost, yieldToHost } from "../../../src/hosts/office/officeHost";
import { describeNote, describeRunProblem, tracksLines, uncertaintyResult } from "../../../src/taskpane/outcomes";
import { RunOutcome, RunRequest, RunSuccess } from "../../../src/hosts/office/runPlan";
import { emptySectionFields, SectionFields, TracksFields, UncertaintyFields } from "../../../src/plan/options";
import { TRACKS_TABLE } from "../../../src/plan/placeSections";
import { emptyFields, PaneFields } from "../../../src/hosts/office/readInputs";
import { FakeSheet, FakeWorkbook, OfficeMockObject, plannerWorkbook, rectOf, Rect } from "./fakeExcel";
import { expectProblem as expectRunProblem, run, state } from "./runHelpers";

/** The memo's 2024 plan: 1440 open, 25 a week, 1600 decisions in 52 weeks, from 2024-01-01. */
const PLAN: Partial<PaneFields> = {
  opening: "Invoer!C2",
  intake: "Invoer!C5:C56",
  capacity: "Invoer!D5:D56",
  firstWeek: "2024-01-01",
  target: "1100",
};

function sections(u: Partial<UncertaintyFields> | false, t: Partial<TracksFields> | false = false): SectionFields {
  const s = emptySectionFields();
  if (u) s.uncertainty = { ...s.uncertainty, enabled: true, ...u };
  if (t) s.tracks = { ...s.tracks, enabled: true, ...t };
  return s;
}

/** "an 11%", "a 13%": the article before a whole percentage, as it is said. */
const anOrA = (chance: number): string => (/^(8|11$|18$)/.test(String(Math.round(chance * 100))) ? "an" : "a");

function success(outcome: RunOutcome): RunSuccess {
  if (!outcome.ok) throw new Error(`run failed: ${JSON.stringify(outcome.problem)}`);
  return outcome;
}

async function expectProblem(
  wb: FakeWorkbook,
  extra: Partial<RunRequest>,
  sentence: string,
  field: string,
  language: "en" | "nl" = "en",
) {
  await expectRunProblem(wb, PLAN, sentence, { language, extra, field });
}

/** Rectangles of every table and chart on a sheet, to check that none overlaps another. */
function footprints(wb: FakeWorkbook, sheet: string): [string, Rect][] {
  const tables = wb.tables.filter((t) => t.sheet.name === sheet).map((t): [string, Rect] => [t.name, rectOf(t.range)]);
  const charts = wb.charts
    .filter((c) => c.sheet.name === sheet)
    .map((c): [string, Rect] => [c.name, rectOf(String(c.props["position"]))]);
  return [...tables, ...charts];
}

const overlap = (a: Rect, b: Rect): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** The texts in the panel's first column (K), top to bottom. */
function panelText(sheet: FakeSheet): string[] {
  return [...sheet.cells.entries()]
    .map(([key, cell]) => [key.split(",").map(Number) as [number, number], cell.value] as const)
    .filter(([[, column], value]) => column === 10 && typeof value === "string")
    .sort((a, b) => a[0][0] - b[0][0])
    .map(([, value]) => value as string);
}

function expectNoOverlap(wb: FakeWorkbook, sheet: string): void {
  const all = footprints(wb, sheet);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, ra] = all[i]!;
      const [b, rb] = all[j]!;
      expect(`${a}/${b}: ${overlap(ra, rb)}`).toBe(`${a}/${b}: false`);
    }
  }
}

describe("uncertainty section", () => {
  it("writes the fan table and chart to the right of the projection, in 3 syncs, with the engine's figures", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const { outcome, syncs } = await run(wb, PLAN, { sections: sections({}) });
    expect(syncs).toBe(3);
    const ok = success(outcome);
    expect(ok.syncs).toBe(3);
    // The same simulation straight from the engine: same seed, same runs, same figures.
    const engine = simulateBacklog(createRng(2024), {
      opening: 1440,
      intake: Array.from({ length: 52 }, () => 25),
      capacity: Array.from({ length: 52 }, () => 1600 / 52),
      weeks: 52,
      runs: 10_000,
      target: 1100,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    const sheet = wb.sheet("Projection");
    // The fan's weekly values right of the lead time's helpers, outside the print area.
    expect(sheet.read("X4:AC4")[0]).toEqual(["Week", "P10", "P50", "P90", "Plan", "Band width"]);
    const fan = sheet.read("X5:AC56");
    fan.forEach((row, t) => {
      const low = engine.value.bands[0]![t] as number;
      const high = engine.value.bands[2]![t] as number;
      expect(row).toEqual([t + 1, low, engine.value.bands[1]![t], high, engine.value.plan[t], high - low]);
    });
    // The memo's figures (docs/uncertainty.md): P10–P90 1094–1186 at week 52, a 13% chance of ≤ 1100.
    const [p10, p50, p90] = sheet.read("Y56:AA56")[0] as number[];
    expect([p10, p50, p90].map((v) => Math.round(v as number))).toEqual([1094, 1140, 1186]);
    expect(ok.uncertainty).toMatchObject({ low: p10, median: p50, high: p90, runs: 10_000, seed: 2024, sliced: false });
    expect(ok.uncertainty?.sentence?.nl).toBe("kans 13% dat de voorraad eind 2024 ≤ 1100 is");
    // In the panel beside the table (column K): the title, the chance, the band at the horizon, the assumptions.
    const panel = panelText(sheet);
    expect(panel).toContain("Uncertainty (Monte Carlo)");
    expect(panel).toContain("A 13% chance that the backlog is ≤ 1100 at the end of 2024.");
    expect(panel).toContain("Backlog at the end of 2024: P10 1094, median 1140, P90 1186.");
    expect(panel.join(" ")).toContain(
      "Assumptions: intake Poisson around the planned weekly intake; intake level fixed; capacity fixed as planned; 10,000 runs; seed 2024.",
    );
    // The projection's chart, then the fan: a band (two stacked areas) with the median and the plan dashed.
    expect(wb.charts.map((c) => [c.type, String(c.props["position"]).slice(0, 1)])).toEqual([
      ["Line", "K"],
      ["AreaStacked", "K"],
    ]);
    expect(wb.charts[1]?.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ["P10", "Y5:Y56", "X5:X56"],
      ["P10–P90 band", "AC5:AC56", "X5:X56"],
      ["Median", "Z5:Z56", "X5:X56"],
      ["Plan", "AB5:AB56", "X5:X56"],
    ]);
    expect(wb.tables.map((t) => t.range)).toEqual(["A4:I56"]);
    expectNoOverlap(wb, "Projection");
    // No cell in columns J and P: the gaps between the table, the panel and what is not printed.
    const gaps = [...sheet.cells.keys()].filter((key) => [9, 15].includes(Number(key.split(",")[1])));
    expect(gaps).toEqual([]);
  });

  it("says it in the pane in both languages: the chance, the band and the assumptions", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const ok = success((await run(wb, PLAN, { sections: sections({}) })).outcome);
    expect(uncertaintyResult(ok, "nl", "nl-NL")).toEqual({
      chance: "Kans 13% dat de voorraad eind 2024 ≤ 1100 is.",
      assumptions:
        "Aannames: instroom Poisson rond de geplande instroom per week; instroomniveau vast; capaciteit vast zoals gepland; 10.000 simulaties; startgetal 2024.",
      lines: [
        { label: "Voorraad aan het einde, P10–P90", value: "1094 – 1186" },
        { label: "Mediaan aan het einde (P50)", value: "1140" },
      ],
    });
    expect(uncertaintyResult(ok, "en", "en-US")?.chance).toBe(
      "A 13% chance that the backlog is ≤ 1100 at the end of 2024.",
    );
  });

  it("takes the model, spread, runs and seed from the section; a Dutch sheet gets the Dutch sentence", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const u = { model: "overdispersed" as const, dispersion: "3", capacitySpread: "10%", runs: "20.000", seed: "7" };
    const ok = success((await run(wb, PLAN, { language: "nl", sections: sections(u) })).outcome);
    const engine = simulateBacklog(createRng(7), {
      opening: 1440,
      intake: Array.from({ length: 52 }, () => 25),
      capacity: Array.from({ length: 52 }, () => 1600 / 52),
      runs: 20_000,
      intakeModel: { kind: "overdispersed", dispersion: 3 },
      capacitySpread: 0.1,
      target: 1100,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    const sheet = wb.sheet("Prognose");
    expect(sheet.read("Y56:AA56")[0]).toEqual([0, 1, 2].map((i) => engine.value.bands[i]![51]));
    const sentence = ok.uncertainty?.sentence?.nl as string;
    expect(panelText(sheet)).toContain(`K${sentence.slice(1)}.`);
    expect(ok.uncertainty?.assumptions.nl).toBe(
      "Aannames: instroom negatief binomiaal, variantie 3 × het gemiddelde; instroomniveau vast; capaciteit gepland × een factor rond 1 (variatiecoëfficiënt 10%); 20.000 simulaties; startgetal 7.",
    );
  });

  it("draws intake from a history range read in the same batch as the inputs", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const history = [22, 31, 19, 27, null, 25, 30, 24];
    wb.sheet("Invoer").column("F5", history);
    const { outcome, syncs } = await run(wb, PLAN, { sections: sections({ model: "history", history: "Invoer!F5:F12" }) });
    expect(syncs).toBe(3);
    const ok = success(outcome);
    // The blank week is a gap in the records, not a week without intake: seven figures.
    expect(ok.uncertainty?.assumptions.en).toContain("intake resampled from 7 historical weeks (bootstrap)");
    const engine = simulateBacklog(createRng(2024), {
      opening: 1440,
      intake: 25,
      capacity: 1600 / 52,
      weeks: 52,
      intakeModel: { kind: "history", history: [22, 31, 19, 27, 25, 30, 24] },
      target: 1100,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(wb.sheet("Projection").at("Z56")?.value).toBe(engine.value.bands[1]![51]);
  });

  it("simulates more than 50,000 runs in slices: progress several times, a yield between slices, the same figures", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const fractions: number[] = [];
    const yieldToHost = jest.fn(() => Promise.resolve());
    const { outcome, syncs } = await run(wb, PLAN, {
      sections: sections({ runs: "100000" }),
      progress: { onProgress: (f) => fractions.push(f), yieldToHost },
    });
    expect(syncs).toBe(3);
    const ok = success(outcome);
    expect(ok.uncertainty?.sliced).toBe(true);
    expect(yieldToHost.mock.calls.length).toBeGreaterThanOrEqual(5);
    // After every slice a report; between slices a yield: one report more than yields.
    expect(fractions).toHaveLength(yieldToHost.mock.calls.length + 1);
    expect(fractions.every((f, i) => i === 0 || f > (fractions[i - 1] as number))).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    const engine = simulateBacklog(createRng(2024), {
      opening: 1440,
      intake: 25,
      capacity: 1600 / 52,
      weeks: 52,
      runs: 100_000,
      target: 1100,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(wb.sheet("Projection").read("Y5:Y56").map((r) => r[0])).toEqual([...engine.value.bands[0]!]);
    expect(ok.uncertainty?.sentence?.en).toBe(
      `${anOrA(engine.value.target!.chance)} ${Math.round(engine.value.target!.chance * 100)}% chance that the backlog is ≤ 1100 at the end of 2024`,
    );
  });

  it("runs 50,000 runs or fewer in one go, without progress or yields", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const onProgress = jest.fn();
    const yieldToHost = jest.fn(() => Promise.resolve());
    const ok = success((await run(wb, PLAN, { sections: sections({ runs: "50000" }), progress: { onProgress, yieldToHost } })).outcome);
    expect(ok.uncertainty?.sliced).toBe(false);
    expect(onProgress).not.toHaveBeenCalled();
    expect(yieldToHost).not.toHaveBeenCalled();
  });

  it("without a target, asks about the plan's own end value; the intake level spread reaches the engine", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const fields = { ...PLAN, target: "" };
    const ok = success((await run(wb, fields, { sections: sections({ intakeLevelSpread: "10%" }) })).outcome);
    const engine = simulateBacklog(createRng(2024), {
      opening: 1440,
      intake: 25,
      capacity: 1600 / 52,
      weeks: 52,
      runs: 10_000,
      intakeLevelSpread: 0.1,
      target: 1440 + 52 * (25 - 1600 / 52),
    });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(engine.value.target!.target).toBeCloseTo(1140, 6);
    expect(ok.uncertainty?.sentence?.en).toBe(
      `${anOrA(engine.value.target!.chance)} ${Math.round(engine.value.target!.chance * 100)}% chance that the backlog is ≤ 1140 at the end of 2024`,
    );
    expect(uncertaintyResult(ok, "en", "en-US")?.assumptions).toContain(
      "intake level per run × a factor around 1 (coefficient of variation 10%)",
    );
    // A target the planner typed, even 0, is the one asked about.
    const zero = success((await run(wb, { ...PLAN, target: "0" }, { sections: sections({}) })).outcome);
    expect(zero.uncertainty?.sentence?.en).toBe("a < 1% chance that the backlog is ≤ 0 at the end of 2024");
  });

  it("without a first week, says 'in week 52'; a first week mid-year names the ISO week", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const plain = success((await run(wb, { ...PLAN, firstWeek: "" }, { sections: sections({}) })).outcome);
    expect(plain.uncertainty?.sentence?.en).toBe("a 13% chance that the backlog is ≤ 1100 in week 52");
    const mid = success((await run(wb, { ...PLAN, firstWeek: "2024-04-01", horizon: "26" }, { sections: sections({}) })).outcome);
    expect(mid.uncertainty?.sentence?.nl).toBe("kans < 1% dat de voorraad aan het eind van week 2024-W39 ≤ 1100 is");
  });

  it("replaces its own fan on a rerun: still one projection table, two charts", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    await run(wb, PLAN, { sections: sections({}) });
    const { outcome, syncs } = await run(wb, { ...PLAN, horizon: "20" }, { sections: sections({}) });
    expect(syncs).toBe(3);
    expect(success(outcome).replaced).toBe(true);
    expect(wb.charts).toHaveLength(2);
    expect(wb.sheet("Projection").at("X25")).toBeUndefined(); // week 21 of the first fan is gone
  });

  it("leaves the section off the what-if sheet, and says so", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const ok = success((await run(wb, PLAN, { kind: "whatIf", sections: sections({}, { safeShare: "20%" }) })).outcome);
    expect(ok.uncertainty).toBeUndefined();
    expect(ok.tracks).toBeUndefined();
    expect(ok.notes.map((n) => describeNote(n, "en"))).toEqual([
      "The what-if sheet holds no tracks (they are on the projection sheet). Its uncertainty block is fixed, for the current plan: Poisson intake, 10,000 runs, seed 2024.",
    ]);
    // Uncertainty is on by default: that alone does not earn a note on every what-if click.
    const plain = success((await run(wb, PLAN, { kind: "whatIf", sections: sections({}) })).outcome);
    expect(plain.notes).toEqual([]);
  });
});

describe("tracks section", () => {
  it("flags the track-2 share as an example only in the sample workbook (its name Voorbeeldwerkmap)", async () => {
    const title = async (sample: boolean): Promise<string[]> => {
      const wb = plannerWorkbook(52, { capacity: true });
      if (sample) wb.defineName("Voorbeeldwerkmap", "=Invoer!$A$1");
      success((await run(wb, PLAN, { language: "nl", sections: sections(false, { safeShare: "0.2" }) })).outcome);
      return panelText(wb.sheet("Prognose")).filter((t) => t.startsWith("Sporen per behandelspoor"));
    };
    expect(await title(true)).toEqual(["Sporen per behandelspoor (voorbeeldinstelling)"]);
    expect(await title(false)).toEqual(["Sporen per behandelspoor"]);
  });

  it("writes the per-track table and a stacked chart, clear of the fan and the projection, in 3 syncs", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const { outcome, syncs } = await run(wb, PLAN, {
      sections: sections({}, { fastShare: "18,7%", safeShare: "0.2" }),
    });
    expect(syncs).toBe(3);
    const ok = success(outcome);
    expect(wb.tables.map((t) => [t.name, t.range])).toEqual([
      [PROJECTION_TABLE, "A4:I56"],
      // Right of the fan's weekly values, outside the print area; a total column after the three backlogs.
      [TRACKS_TABLE, "AE4:AO56"],
    ]);
    expect(wb.charts.map((c) => c.type)).toEqual(["Line", "AreaStacked", "AreaStacked"]);
    expect(wb.charts[2]?.series.map((s) => [s.name, s.values])).toEqual([
      ["triage (Ter Apel)", "AF5:AF56"],
      ["track 2 (safe countries)", "AG5:AG56"],
      ["track 4", "AH5:AH56"],
    ]);
    expectNoOverlap(wb, "Projection");
    // The engine's figures, with the plan's capacity shared by tracks 2 and 4.
    const engine = projectTracks({
      openingByTrack: 1440,
      intake: 25,
      shares: [0.187, 0.2],
      capacity: 1600 / 52,
      weeks: 52,
      fastLeadTimeDays: 88,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    const sheet = wb.sheet("Projection");
    const row56 = sheet.read("AE56:AO56")[0] as unknown[];
    expect(row56[0]).toBe(52);
    TRACK_IDS.forEach((id, i) => {
      expect(row56[1 + i]).toBeCloseTo(engine.value.tracks[id][51]!.backlog, 9);
      expect(row56[5 + i]).toBeCloseTo(engine.value.tracks[id][51]!.decisions, 9);
    });
    expect(row56[4]).toBeCloseTo(engine.value.closingBacklog.total, 9);
    // The opening 1440 is split by the shares; track 2 empties within weeks, as it goes first.
    expect(ok.tracks?.closing).toEqual(engine.value.closingBacklog);
    expect(ok.tracks?.closing.safe).toBe(0);
    const panel = panelText(sheet);
    expect(panel).toContain("Processing tracks");
    expect(panel.join(" ")).toContain(
      "Triage (Ter Apel) has its own, extra capacity and decides in 88 days; tracks 2 and 4 share the projection's capacity, track 2 first.",
    );
    // The shares and the tracks at the horizon side by side, with their total.
    expect(panel).toEqual(expect.arrayContaining(["Triage (Ter Apel)", "Track 2 (safe countries)", "Track 4", "Total"]));
    expect(tracksLines(ok, "nl", "nl-NL").map((l) => l.value)).toEqual(["57,7", "0", "896,9", "954,6"]);
  });

  it("moves the triaged part of the opening backlog into triage, as the what-if sheet does", async () => {
    const wb = plannerWorkbook(52);
    const request = { sections: sections(false, { safeShare: "20%", triagedOpening: "10%" }) };
    const ok = success((await run(wb, { opening: "Invoer!C2", intake: "Invoer!C5:C56" }, request)).outcome);
    const engine = projectTracks({
      openingByTrack: 1440,
      intake: 25,
      shares: [190 / 1390, 0.2],
      capacity: 27.5,
      weeks: 52,
      triagedOpeningShare: 0.1,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(engine.value.opening.fast).toBeCloseTo(144, 9);
    expect(ok.tracks?.closing.total).toBeCloseTo(engine.value.closingBacklog.total, 9);
    const wrong = await run(plannerWorkbook(52), PLAN, { sections: sections(false, { safeShare: "20%", triagedOpening: "1,5" }) });
    expect(wrong.outcome.ok).toBe(false);
  });

  it("shares the planning rule's capacity when none is given, and defaults triage (Ter Apel) to the memo's figures", async () => {
    const wb = plannerWorkbook(52);
    const ok = success(
      (await run(wb, { opening: "Invoer!C2", intake: "Invoer!C5:C56" }, { sections: sections(false, { safeShare: "20%" }) }))
        .outcome,
    );
    const engine = projectTracks({ openingByTrack: 1440, intake: 25, shares: [190 / 1390, 0.2], capacity: 27.5, weeks: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(ok.tracks?.closing.total).toBeCloseTo(engine.value.closingBacklog.total, 9);
    expect(ok.tracks?.shares.fast).toBe(190 / 1390);
    expect(ok.tracks?.fastLeadTimeDays).toBe(88);
    // Without the fan, the tracks' weekly values come first right of the helpers.
    expect(wb.tables.map((t) => t.range)).toEqual(["A4:I56", "X4:AH56"]);
  });

  it("gives the table a free name when a defined name already has it, and replaces it on a rerun", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    wb.defineName(TRACKS_TABLE, "=Invoer!$A$1");
    const first = success((await run(wb, PLAN, { sections: sections(false, { safeShare: "20%" }) })).outcome);
    expect(first.tracks?.tableName).toBe(`${TRACKS_TABLE}_2`);
    const second = success((await run(wb, PLAN, { sections: sections(false, { safeShare: "25%" }) })).outcome);
    expect(second.tracks?.tableName).toBe(`${TRACKS_TABLE}_2`);
    expect(wb.tables.map((t) => t.name)).toEqual([PROJECTION_TABLE, `${TRACKS_TABLE}_2`]);
    expect(wb.charts).toHaveLength(2);
  });
});

describe("a wrong section field: nothing is written, the message names the field", () => {
  const tracks = (t: Partial<TracksFields>) => ({ sections: sections(false, { safeShare: "20%", ...t }) });
  const uncertainty = (u: Partial<UncertaintyFields>) => ({ sections: sections(u) });

  it.each([
    [
      tracks({ fastShare: "1.2" }),
      "Triage (Ter Apel) share: 1.2 is not between 0 and 1. Type a share such as 0.137 or a percentage such as 13.7%.",
      "fastShare",
    ],
    [
      tracks({ fastShare: "60%", safeShare: "0.5" }),
      "Triage (Ter Apel) share and Track 2 share (safe countries) add up to 110%; together they may be at most 100% (track 4 takes the rest).",
      "safeShare",
    ],
    [
      tracks({ safeShare: "" }),
      "Fill in the track 2 share (safe countries), for example 0.2 or 20%. The decision memo does not give this share, so there is no default.",
      "safeShare",
    ],
    [tracks({ safeShare: "veel" }), "Track 2 share (safe countries): 'veel' is not a number.", "safeShare"],
    [tracks({ fastLeadTime: "-5" }), "Triage lead time (days): -5 is not between 0 and 70,000.", "fastLeadTime"],
    [uncertainty({ runs: "50" }), "Number of runs: 50 is not between 100 and 1,000,000.", "runs"],
    [uncertainty({ runs: "10.5" }), "Number of runs: 10.5 is not a whole number.", "runs"],
    [uncertainty({ seed: "abc" }), "Seed: 'abc' is not a number.", "seed"],
    [uncertainty({ capacitySpread: "150%" }), "Capacity spread: 150% is not between 0 and 1. Type a share such as 0.137 or a percentage such as 13.7%.", "capacitySpread"],
    [
      uncertainty({ model: "overdispersed" }),
      "Fill in the dispersion (1 to 1000; 1 = Poisson), or choose another intake model.",
      "dispersion",
    ],
    [uncertainty({ model: "overdispersed", dispersion: "0.5" }), "Dispersion: 0.5 is not between 1 and 1000.", "dispersion"],
    [
      uncertainty({ model: "history" }),
      "Fill in the intake history: select the intake of past weeks and choose 'Use selection', or choose another intake model.",
      "history",
    ],
  ])("%#: %s", async (extra, sentence, field) => {
    await expectProblem(plannerWorkbook(52, { capacity: true }), extra as Partial<RunRequest>, sentence, field);
  });

  it("checks before the first sync: no round trip at all", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const { outcome, syncs } = await run(wb, PLAN, tracks({ fastShare: "1.2" }));
    expect(outcome.ok).toBe(false);
    expect(syncs).toBe(0);
  });

  it("says it in Dutch too", async () => {
    await expectProblem(
      plannerWorkbook(52, { capacity: true }),
      tracks({ fastShare: "1,2" }),
      "Aandeel triage (Ter Apel): 1,2 ligt niet tussen 0 en 1. Typ een deel zoals 0,137 of een percentage zoals 13,7%.",
      "fastShare",
      "nl",
    );
  });

  it("does not check a section that is switched off", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const off = emptySectionFields();
    off.tracks.fastShare = "1.2";
    off.uncertainty.runs = "abc";
    expect((await run(wb, PLAN, { sections: off })).outcome.ok).toBe(true);
    expect(wb.charts).toHaveLength(1);
  });

  it("refuses more than 100,000,000 simulated weeks after reading the horizon, before writing", async () => {
    const wb = plannerWorkbook(2000, { capacity: true });
    const before = state(wb);
    const { outcome, syncs } = await run(
      wb,
      { opening: "Invoer!C2", intake: "Invoer!C5:C2004" },
      { sections: sections({ runs: "100000" }) },
    );
    // Checked right after the first read: the inputs are read in the first batch.
    expect(syncs).toBe(1);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(describeRunProblem(outcome.problem, "en")).toBe(
      "Number of runs: 100,000 runs × 2000 weeks is more than 100,000,000 simulated weeks. Choose fewer runs or a shorter horizon.",
    );
    expect(state(wb)).toBe(before);
  });

  it("names the history cell that is not a figure, and an unknown history sheet", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    wb.sheet("Invoer").column("F5", [22, 31, "n.v.t.", 27]);
    await expectProblem(
      wb,
      uncertainty({ model: "history", history: "Invoer!F5:F8" }),
      "Intake history: Invoer!F7 contains 'n.v.t.'; a number of 0 or more was expected.",
      "history",
    );
    await expectProblem(
      wb,
      uncertainty({ model: "history", history: "Historie!B2:B53" }),
      "Intake history: this workbook has no sheet 'Historie'.",
      "history",
    );
    await expectProblem(
      wb,
      uncertainty({ model: "history", history: "Invoer!F5:G8" }),
      "Intake history: Invoer!F5:G8 is 4 rows × 2 columns; choose one column or one row.",
      "history",
    );
  });
});

describe("the Office host", () => {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  it("yields with a timer, not a microtask, so the browser can paint between slices", async () => {
    const order: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => resolve(order.push("timer") as unknown as void), 0));
    const yielded = yieldToHost().then(() => order.push("yield"));
    await Promise.resolve().then(() => order.push("microtask"));
    await Promise.all([timer, yielded]);
    expect(order).toEqual(["microtask", "timer", "yield"]);
  });

  it("passes the sections and the pane's progress through to the run, in one Excel.run", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    g.Office = { context: { displayLanguage: "nl-NL", requirements: { isSetSupported: () => true } } };
    g.Excel = new OfficeMockObject({
      run: async (job: (context: unknown) => Promise<unknown>) => job(wb.context()),
    });
    const fractions: number[] = [];
    const outcome = await createOfficeHost().run(
      { ...emptyFields(), ...PLAN },
      "projection",
      sections({ runs: "60000" }, { safeShare: "20%" }),
      (f) => fractions.push(f),
    );
    const ok = success(outcome);
    expect(ok.syncs).toBe(3);
    expect(ok.uncertainty?.sliced).toBe(true);
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions.at(-1)).toBe(1);
    expect(ok.tracks?.tableName).toBe(TRACKS_TABLE);
    const sentence = ok.uncertainty?.sentence?.nl as string;
    expect(panelText(wb.sheet("Prognose"))).toContain(`K${sentence.slice(1)}.`);
    // With every API set: the print setup, the frozen header and the warning cells' formats arrive.
    const sheet = wb.sheet("Prognose");
    expect(sheet.frozenRows).toBe(4);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$4:$4" });
    expect(sheet.pageBreaks.length).toBeGreaterThan(0);
    expect(sheet.conditionalFormats.map((f) => f.type)).toEqual(["Custom", "Custom"]);
  });
});
