/**
 * The plan step on its own: checked inputs and options in, placed sheet specs and the summaries
 * out. No workbook, no fake Excel: the expected figures come from the engine directly.
 */
import { createRng, monitorPlan, projectTracks, simulateBacklog } from "../../src/engine";
import { buildMonitoringSheet, MONITORING_TABLE } from "../../src/sheets/monitoringSheet";
import { SectionPlan } from "../../src/plan/options";
import { planSheets, SHEET_BUILDERS } from "../../src/plan/planSheets";
import { TRACKS_TABLE } from "../../src/plan/placeSections";
import type { PlanInputs } from "../../src/sheets/inputs";
import { projectionFigures, runProjection } from "../../src/plan/figures";
import { buildProjectionSheet } from "../../src/sheets/projectionSheet";
import { Cell, excelDateSerial, parseCell } from "../../src/sheets/spec";
import { buildWhatIfSheet } from "../../src/sheets/whatIfSheet";

const JAN_15 = excelDateSerial(2024, 1, 15);
const MEMO: PlanInputs = { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, target: 0 };
const UNCERTAINTY = { model: "poisson", dispersion: 1, history: "", capacitySpread: 0, runs: 2000, seed: 7 } as const;
const TRACKS = { fastShare: 0.187, safeShare: 0.2, fastLeadTimeDays: 88 };

describe("planSheets", () => {
  test("without sections: the projection and what-if sheets exactly as their builders make them, in the order asked", async () => {
    const planned = await planSheets(MEMO, { language: "nl", createdOn: JAN_15, sheets: ["whatIf", "projection"] });
    if (!planned.ok) throw new Error(planned.problem.kind);
    expect(planned.sheets.map((s) => [s.kind, s.mode])).toEqual([
      ["whatIf", "new"],
      ["projection", "replace"],
    ]);
    const projection = runProjection(MEMO);
    if (!projection.ok) throw new Error("engine");
    expect(planned.sheets[1]?.spec).toEqual(
      buildProjectionSheet({ figures: projectionFigures(MEMO, projection.value), language: "nl", createdOn: JAN_15 }).spec,
    );
    expect(planned.sheets[0]?.spec).toEqual(buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 }));
    expect(planned.summary.closingBacklog).toBeCloseTo(1140, 9);
    expect(planned.weeks).toBe(52);
    expect(planned.requiredCapacity).toBeCloseTo(25 + 1440 / 52, 9);
    expect(planned.uncertainty).toBeUndefined();
    expect(planned.tracks).toBeUndefined();
  });

  test("with both sections: the fan and the tracks are placed right of the projection, and the summaries are the engine's", async () => {
    const sections: SectionPlan = { uncertainty: UNCERTAINTY, tracks: TRACKS };
    const planned = await planSheets(MEMO, { language: "en", createdOn: JAN_15, sheets: ["projection"], sections });
    if (!planned.ok) throw new Error(planned.problem.kind);
    const sheet = planned.sheets[0];
    if (!sheet?.uncertainty || sheet.tracksTable === undefined) throw new Error("sections not placed");
    const sim = simulateBacklog(createRng(7), { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, weeks: 52, runs: 2000, target: 0 });
    if (!sim.ok) throw new Error(sim.error.message);
    expect(planned.uncertainty).toMatchObject({
      low: sim.value.bands[0]?.[51],
      median: sim.value.bands[1]?.[51],
      high: sim.value.bands[2]?.[51],
      runs: 2000,
      seed: 7,
      sliced: false,
    });
    const tracks = projectTracks({
      openingByTrack: 1440,
      intake: Array.from({ length: 52 }, () => 25),
      shares: [0.187, 0.2],
      capacity: Array.from({ length: 52 }, () => 1600 / 52),
      fastLeadTimeDays: 88,
    });
    if (!tracks.ok) throw new Error(tracks.error.message);
    expect(planned.tracks).toEqual({
      closing: tracks.value.closingBacklog,
      shares: tracks.value.shares,
      fastLeadTimeDays: 88,
    });
    const table = sheet.spec.tables[sheet.tracksTable];
    expect(table?.name).toBe(TRACKS_TABLE);
    // Side by side: the projection's table, then the fan, then the tracks, left to right.
    const isP10 = (cell: Cell): boolean => typeof cell === "object" && cell !== null && "text" in cell && cell.text === "P10";
    const fanHeader = sheet.spec.blocks.find((block) => block.style === "header" && (block.cells[0] ?? []).some(isP10));
    const fanColumn = parseCell(fanHeader?.at ?? "A1").column;
    const projectionTable = sheet.spec.tables[0];
    expect(fanColumn).toBeGreaterThan(parseCell(projectionTable?.at ?? "A1").column + (projectionTable?.columns.length ?? 0));
    expect(parseCell(table?.at ?? "A1").column).toBeGreaterThan(fanColumn + 5);
    expect(sheet.spec.charts).toHaveLength(3);
  });

  test("sections apply to the projection sheet only: the what-if sheet is the same with or without them", async () => {
    const planned = await planSheets(MEMO, {
      language: "nl",
      createdOn: JAN_15,
      sheets: ["whatIf"],
      sections: { uncertainty: UNCERTAINTY, tracks: TRACKS },
    });
    if (!planned.ok) throw new Error(planned.problem.kind);
    expect(planned.sheets[0]?.spec).toEqual(buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 }));
    expect(planned.uncertainty).toBeUndefined();
    expect(planned.tracks).toBeUndefined();
  });

  test("a long simulation goes in slices with the host's progress and yield, to the same figures as in one go", async () => {
    const sections: SectionPlan = { uncertainty: { ...UNCERTAINTY, runs: 60_000 } };
    const short: PlanInputs = { ...MEMO, weeks: 8 };
    const fractions: number[] = [];
    let yields = 0;
    const sliced = await planSheets(short, {
      language: "nl",
      createdOn: JAN_15,
      sheets: ["projection"],
      sections,
      progress: {
        onProgress: (fraction) => fractions.push(fraction),
        yieldToHost: async () => {
          yields++;
        },
      },
    });
    const whole = await planSheets(short, { language: "nl", createdOn: JAN_15, sheets: ["projection"], sections });
    if (!sliced.ok || !whole.ok) throw new Error("plan failed");
    expect(sliced.uncertainty?.sliced).toBe(true);
    expect(whole.uncertainty?.sliced).toBe(false);
    expect(yields).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
    expect(sliced.sheets[0]?.spec).toEqual(whole.sheets[0]?.spec);
  });

  test("too much work is refused before simulating, as an option problem on the runs", async () => {
    // 1,000,000 runs of 104 weeks: over the engine's bound of 100 million run-weeks.
    const planned = await planSheets({ ...MEMO, weeks: 104 }, {
      language: "nl",
      createdOn: JAN_15,
      sheets: ["projection"],
      sections: { uncertainty: { ...UNCERTAINTY, runs: 1_000_000 } },
    });
    expect(planned).toMatchObject({ ok: false, problem: { kind: "option", problem: { kind: "too-much-work", field: "runs" } } });
  });

  test("an engine refusal is a problem, not a sheet", async () => {
    const planned = await planSheets({ ...MEMO, weeks: 0 }, { language: "nl", createdOn: JAN_15, sheets: ["projection"] });
    expect(planned).toMatchObject({ ok: false, problem: { kind: "engine" } });
  });

  test("a plan whose live formulas would not compute a finite number is refused, naming the cell", async () => {
    // The opening spread over opening ÷ intake = 1e303 weeks: 100,000 decided cases' arrival times add up past 1e308.
    const planned = await planSheets({ ...MEMO, opening: 1e300, intake: 0.001, capacity: 100_000 }, { language: "nl", createdOn: JAN_15, sheets: ["projection"] });
    expect(planned).toEqual({ ok: false, problem: { kind: "not-finite", sheet: "Prognose", cell: "I5" } });
  });

    test("each sheet kind has one builder: adding a sheet is one entry", () => {
    expect(Object.keys(SHEET_BUILDERS).sort()).toEqual(["baseline", "monitoring", "projection", "whatIf"]);
  });
});

describe("planSheets: the monitoring sheet", () => {
  const ACTUALS = { intake: [27, 22, 26], decisions: [30, 31, 28], backlog: [1437, 1428, 1425] };
  const WITH_ACTUALS: PlanInputs = { ...MEMO, firstWeek: excelDateSerial(2024, 1, 1), actuals: ACTUALS };

  test("replaces the add-in's Voortgang sheet, built from the engine's monitoring of the same plan", async () => {
    const planned = await planSheets(WITH_ACTUALS, { language: "nl", createdOn: JAN_15, sheets: ["monitoring"] });
    if (!planned.ok) throw new Error(planned.problem.kind);
    const sheet = planned.sheets[0];
    expect([sheet?.kind, sheet?.mode, sheet?.spec.name, sheet?.spec.markerTable]).toEqual([
      "monitoring",
      "replace",
      "Voortgang",
      MONITORING_TABLE,
    ]);
    // The plan is the projection with the planning rule's capacity; the engine monitors it directly.
    const engine = monitorPlan({
      opening: 1440,
      plannedIntake: 25,
      plannedCapacity: 1600 / 52,
      actualIntake: ACTUALS.intake,
      actualDecisions: ACTUALS.decisions,
      actualBacklog: ACTUALS.backlog,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(planned.monitoring).toEqual(engine.value);
    expect(sheet?.spec).toEqual(
      buildMonitoringSheet({
        result: engine.value,
        language: "nl",
        firstWeek: excelDateSerial(2024, 1, 1),
        createdOn: JAN_15,
        baseline: { madeOn: JAN_15, made: true },
      }),
    );
    // The first Voortgang stores the plan as the baseline: a second sheet, after it.
    expect(planned.sheets.map((s) => [s.kind, s.spec.name, s.spec.markerTable])).toEqual([
      ["monitoring", "Voortgang", MONITORING_TABLE],
      ["baseline", "Basislijn 2024-01-15", "VoorraadplannerBasislijn20240115"],
    ]);
    expect(planned.monitoring?.weeks.map((w) => w.difference)).toEqual([
      1437 - (1440 + 25 - 1600 / 52),
      1428 - (1440 + 50 - 3200 / 52),
      1425 - (1440 + 75 - 4800 / 52),
    ].map((d) => expect.closeTo(d, 9) as unknown as number));
  });

  test("in English it is the Progress sheet", async () => {
    const planned = await planSheets(WITH_ACTUALS, { language: "en", createdOn: JAN_15, sheets: ["projection", "monitoring"] });
    if (!planned.ok) throw new Error(planned.problem.kind);
    expect(planned.sheets.map((s) => s.spec.name)).toEqual(["Projection", "Progress", "Baseline 2024-01-15"]);
  });

  test("asked for without actuals: a problem, no sheet", async () => {
    const planned = await planSheets(MEMO, { language: "nl", createdOn: JAN_15, sheets: ["monitoring"] });
    expect(planned).toEqual({ ok: false, problem: { kind: "no-actuals" } });
  });

  test("the other sheets do not compute the monitoring", async () => {
    const planned = await planSheets(WITH_ACTUALS, { language: "nl", createdOn: JAN_15, sheets: ["projection"] });
    if (!planned.ok) throw new Error(planned.problem.kind);
    expect(planned.monitoring).toBeUndefined();
  });
});
