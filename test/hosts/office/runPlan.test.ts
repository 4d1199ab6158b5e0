/**
 * The pane's run against a fake Excel built on office-addin-mock: what is read, what is written,
 * how many syncs, and that nothing is written when an input is wrong or Excel refuses.
 */
import { PROJECTION_TABLE } from "../../../src/sheets/projectionSheet";
import { monitorPlan } from "../../../src/engine";
import { MONITORING_TABLE } from "../../../src/sheets/monitoringSheet";
import { describeOfficeError } from "../../../src/taskpane/officeErrorText";
import { PaneFields } from "../../../src/hosts/office/readInputs";
import { FakeWorkbook, plannerWorkbook } from "./fakeExcel";
import { expectProblem as expectRunProblem, expectTenThousandWeeksSplit, INPUTS, run, state, TODAY } from "./runHelpers";

/** A failed run: the problem sentence, and proof that no write reached the workbook. */
async function expectProblem(wb: FakeWorkbook, partial: Partial<PaneFields>, sentence: string, language: "en" | "nl" = "en") {
  await expectRunProblem(wb, partial, sentence, { language });
}

describe("runPlan: a projection", () => {
  it("reads the inputs, writes the Projection sheet with a table and a chart, in 3 syncs", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    const before = wb.sheet("Invoer").snapshot();
    const { outcome, syncs } = await run(wb, { ...INPUTS, capacity: "Invoer!D5:D56" });
    expect(outcome.ok).toBe(true);
    expect(syncs).toBe(3);
    if (!outcome.ok) return;
    expect(outcome.sheetName).toBe("Projection");
    // The memo's 2024 plan: 1440 + 52 × 25 − 1600 = 1140.
    expect(outcome.summary.closingBacklog).toBeCloseTo(1140, 6);
    const sheet = wb.sheet("Projection");
    expect(sheet.read("A4:I4")[0]).toEqual([
      "Week",
      "Week start",
      "ISO week",
      "Intake",
      "Capacity",
      "Decisions",
      "Backlog end of week",
      "Wait for a new application (weeks)",
      "Lead time of decided cases (weeks)",
    ]);
    expect(sheet.at("A5")?.value).toBe(1);
    // Live: the weeks point at the input cells the pane read, and compute the stock-flow.
    expect(sheet.at("D5")?.formula).toBe("=Invoer!$C$5");
    expect(sheet.at("D56")?.formula).toBe("=Invoer!$C$56");
    expect(sheet.at("E5")?.formula).toBe("=Invoer!$D$5");
    expect(sheet.at("F5")?.formula).toBe("=MIN(E5,$L$6+D5)");
    expect(sheet.at("G6")?.formula).toBe("=G5+D6-F6");
    expect(sheet.at("G5")?.format).toBe("#,##0.0");
    expect(sheet.at("L6")?.formula).toBe("=Invoer!$C$2");
    expect(wb.tables.map((t) => [t.name, t.sheet.name, t.range, t.style])).toEqual([
      [PROJECTION_TABLE, "Projection", "A4:I56", "TableStyleMedium2"],
    ]);
    expect(wb.charts).toHaveLength(1);
    expect(wb.charts[0]?.type).toBe("Line");
    expect(wb.charts[0]?.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ["Backlog (left axis)", "G5:G56", "A5:A56"],
      ["Intake per week", "D5:D56", "A5:A56"],
      ["Capacity per week", "E5:E56", "A5:A56"],
      ["Decisions per week", "F5:F56", "A5:A56"],
    ]);
    // The target is typed on the sheet; the capacity it needs is a formula on the key figures.
    expect(sheet.at("L16")?.formula).toBe("=MAX(0,$L$7+($L$6-$L$15)/$L$10)");
    expect(sheet.at("L11")?.formula).toBe("=G56");
    expect(wb.activeSheet).toBe("Projection");
    expect(wb.sheet("Invoer").snapshot()).toBe(before);
  });

  it("names the sheet Prognose in Dutch and applies the planning rule without capacity", async () => {
    const wb = plannerWorkbook(52);
    const { outcome } = await run(wb, INPUTS, { language: "nl" });
    expect(outcome.ok && outcome.sheetName).toBe("Prognose");
    // 10% rule: 27.5 a week against 25 → 1440 − 52 × 2.5 = 1310.
    expect(outcome.ok && outcome.summary.closingBacklog).toBeCloseTo(1310, 6);
    expect(wb.sheet("Prognose").at("A4")?.value).toBe("Week");
    expect(wb.sheet("Prognose").at("G4")?.value).toBe("Voorraad eind week");
    // The rule's capacity: (1 + the uplift) × the mean intake, one cell the weeks read.
    expect(wb.sheet("Prognose").at("L8")?.formula).toBe("=(1+0.1)*$L$7");
    expect(wb.sheet("Prognose").at("E5")?.formula).toBe("=$L$8");
  });

  it("gives week-start dates and ISO week labels from a typed first week, kept as text", async () => {
    const wb = plannerWorkbook(52);
    const { outcome } = await run(wb, { ...INPUTS, firstWeek: "2024-01-01" });
    expect(outcome.ok).toBe(true);
    const sheet = wb.sheet("Projection");
    // A date typed in the pane has no cell: written as DATE(y,m,d), right in a 1900 and in a 1904
    // workbook alike; the ISO week follows it by formula.
    expect(sheet.at("B5")?.formula).toBe("=DATE(2024,1,1)");
    expect(sheet.at("B5")?.format).toBe("yyyy-mm-dd");
    expect(sheet.at("C5")?.formula).toBe('=IF(B5="","",YEAR(B5-WEEKDAY(B5,2)+4)&"-W"&TEXT(ISOWEEKNUM(B5),"00"))');
    expect(sheet.at("B56")?.formula).toBe("=DATE(2024,12,23)");
    // The chart counts weeks: short labels leave the plot its height.
    expect(wb.charts[0]?.series[0]?.xValues).toBe("A5:A56");
  });

  it("reads the first week, uplift and horizon from cells and typed values", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("F2", 45292);
    wb.sheet("Invoer").set("F3", 0.2);
    const { outcome } = await run(wb, { ...INPUTS, firstWeek: "Invoer!F2", uplift: "Invoer!F3", horizon: "26", target: "1000" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.inputs).toMatchObject({ firstWeek: 45292, uplift: 0.2, weeks: 26, target: 1000 });
    expect(outcome.weeks).toBe(26);
    // 30 a week against 25 for 26 weeks.
    expect(outcome.summary.closingBacklog).toBeCloseTo(1440 - 26 * 5, 6);
    // Required: 25 + (1440 − 1000) / 26.
    expect(outcome.requiredCapacity).toBeCloseTo(25 + 440 / 26, 9);
    expect(wb.sheet("Projection").at("L15")?.value).toBe(1000);
    // The first week's cell and the uplift's cell are read by the sheet's formulas.
    expect(wb.sheet("Projection").at("B5")?.formula).toBe('=IF(Invoer!$F$2="","",Invoer!$F$2+7*(A5-1))');
    expect(wb.sheet("Projection").at("L8")?.formula).toBe("=(1+Invoer!$F$3)*$L$7");
  });

  it("takes a typed uplift as a percentage", async () => {
    const wb = plannerWorkbook(52);
    const { outcome } = await run(wb, { ...INPUTS, uplift: "20%" });
    expect(outcome.ok && outcome.inputs.uplift).toBeCloseTo(0.2, 12);
  });

  it("resolves the convention names, English and Dutch, and a name holding a constant", async () => {
    const wb = plannerWorkbook(52);
    wb.defineName("Beginvoorraad", "=Invoer!$C$2");
    wb.defineName("Intake", "=Invoer!$C$5:$C$56");
    wb.defineName("Opslag", "=0.2");
    const { outcome, syncs } = await run(wb, { opening: "Beginvoorraad", intake: "intake", uplift: "Opslag" });
    expect(syncs).toBe(3);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.inputs).toMatchObject({ opening: 1440, uplift: 0.2 });
    expect(outcome.ok && outcome.inputs.intake).toHaveLength(52);
  });

  it("reads an address without a sheet from the active sheet", async () => {
    const wb = plannerWorkbook(52);
    const { outcome } = await run(wb, { opening: "C2", intake: "$C$5:$C$56" });
    expect(outcome.ok && outcome.inputs.opening).toBe(1440);
  });

  it("keeps reading that sheet when the planner clicks another one while the plan is computed", async () => {
    const wb = plannerWorkbook(52);
    wb.addSheet("Notities").set("C2", "not the opening backlog");
    wb.onSynced = (sync) => {
      if (sync === 1) wb.activeSheet = "Notities";
    };
    const { outcome, syncs } = await run(wb, { opening: "C2", intake: "$C$5:$C$56" });
    expect(syncs).toBe(3);
    expect(outcome.ok && outcome.inputs.opening).toBe(1440);
  });

  it("trims an input that covers a whole column to its used part, and says so", async () => {
    const wb = plannerWorkbook(52);
    const weeks = wb.addSheet("Weken");
    weeks.set("A1", "Week");
    weeks.column("B3", Array.from({ length: 30 }, (_, i) => 20 + i));
    const { outcome } = await run(wb, { opening: "Invoer!C2", intake: "Weken!B:B" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.inputs.intake).toHaveLength(30);
    expect((outcome.inputs.intake as number[])[0]).toBe(20);
    expect(outcome.notes).toEqual([{ kind: "trimmed", from: "Weken!B:B", to: "Weken!B3:B32" }]);
  });

  it("replaces only its own output on a rerun: same sheet, one table, one chart", async () => {
    const wb = plannerWorkbook(52);
    const other = wb.addSheet("Notities");
    other.set("A1", "mijn aantekeningen");
    await run(wb, INPUTS);
    wb.sheet("Projection").set("Z1", "stale");
    const { outcome, syncs } = await run(wb, { ...INPUTS, horizon: "20" });
    expect(syncs).toBe(3);
    expect(outcome.ok && outcome.replaced).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Notities", "Projection"]);
    expect(wb.tables.map((t) => t.range)).toEqual(["A4:I24"]);
    expect(wb.charts).toHaveLength(1);
    const sheet = wb.sheet("Projection");
    expect(sheet.at("A25")).toBeUndefined(); // week 21 of the first run is gone
    expect(sheet.at("Z1")).toBeUndefined();
    expect(other.at("A1")?.value).toBe("mijn aantekeningen");
  });

  it("keeps its sheet once the planner renamed it, and writes the new one under the default name", async () => {
    const wb = plannerWorkbook(52);
    await run(wb, INPUTS);
    wb.sheet("Projection").name = "Mijn prognose";
    wb.activeSheet = "Mijn prognose";
    const kept = wb.sheet("Mijn prognose").snapshot();
    const { outcome } = await run(wb, INPUTS);
    expect(outcome).toMatchObject({ ok: true, sheetName: "Projection", replaced: false });
    expect(wb.sheet("Mijn prognose").snapshot()).toBe(kept);
    // The new sheet's marker table got a free name ("_2"); the next run still finds it and replaces it.
    expect(wb.tables.map((t) => `${t.sheet.name}: ${t.name}`)).toEqual([
      "Mijn prognose: VoorraadplannerPrognose",
      "Projection: VoorraadplannerPrognose_2",
    ]);
    expect((await run(wb, INPUTS)).outcome).toMatchObject({ ok: true, sheetName: "Projection", replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Mijn prognose", "Projection"]);
    expect(wb.sheet("Mijn prognose").snapshot()).toBe(kept);
  });

  it("never writes into a user's sheet that merely has the name: ours gets a suffix", async () => {
    const wb = plannerWorkbook(52);
    const users = wb.addSheet("Projection");
    users.set("A1", "my own projection");
    users.set("A14", "keep me");
    const { outcome } = await run(wb, INPUTS);
    expect(outcome.ok && outcome.sheetName).toBe("Projection (2)");
    expect(users.at("A1")?.value).toBe("my own projection");
    expect(users.at("A14")?.value).toBe("keep me");
    expect(wb.tables[0]?.sheet.name).toBe("Projection (2)");
  });

  it("warns when Excel calculates manually, and leaves the setting alone", async () => {
    const wb = plannerWorkbook(52);
    wb.calculationMode = "Manual";
    const { outcome } = await run(wb, INPUTS);
    expect(outcome.ok).toBe(true);
    expect(outcome.notes).toEqual([{ kind: "manual-calculation" }]);
    expect(wb.calculationMode).toBe("Manual");
  });
});

describe("runPlan: nothing is written when an input is wrong", () => {
  it("names the cell holding text", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C14", "n.v.t.");
    await expectProblem(wb, INPUTS, "Invoer!C14 contains the text 'n.v.t.'; a number was expected.");
  });

  it("says it in Dutch too", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C14", "n.v.t.");
    await expectProblem(wb, INPUTS, "Invoer!C14 bevat de tekst 'n.v.t.'; er werd een getal verwacht.", "nl");
  });

  it("tells an error cell from typed text", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C20", "#N/A", { error: "#N/A" });
    await expectProblem(wb, INPUTS, "Invoer!C20 contains the error value #N/A; a number was expected.");
  });

  // Merged cells in an input: catalogue row 3e, with the same assertion.
  it("ignores merged cells outside the part of a whole column that was read", async () => {
    const wb = plannerWorkbook(52);
    const weeks = wb.addSheet("Weken");
    weeks.column("B3", [25, 25, 25]);
    weeks.merged.push("B100:C100");
    const { outcome } = await run(wb, { opening: "Invoer!C2", intake: "Weken!B:B" });
    expect(outcome.ok).toBe(true);
  });

  it("asks for the required inputs", async () => {
    await expectProblem(
      plannerWorkbook(52),
      { opening: "Invoer!C2" },
      "Fill in the weekly intake: select the cell(s) and choose 'Use selection', type an address such as Invoer!C5, or define the name Intake (or Instroom). Or fill in the past intake for the forecast (name IntakeHistory): the plan then uses its forecast.",
    );
  });

  it("reports a name, a sheet or an address that does not exist", async () => {
    const wb = plannerWorkbook(52);
    await expectProblem(wb, { ...INPUTS, capacity: "Capaciteit" }, "Weekly capacity: this workbook has no name 'Capaciteit'. Type an address or an existing name.");
    await expectProblem(wb, { ...INPUTS, intake: "Input!C5:C56" }, "Weekly intake: this workbook has no sheet 'Input'.");
    await expectProblem(
      wb,
      { ...INPUTS, intake: "C5:C56:C9" },
      "Weekly intake: 'C5:C56:C9' is not a cell address or a name. Type for example Invoer!C5:C56, or choose 'Use selection'.",
    );
    await expectProblem(wb, { ...INPUTS, horizon: "52 weeks" }, "The horizon contains the text '52 weeks'; a number was expected.");
    await expectProblem(wb, { ...INPUTS, firstWeek: "2024-02-30" }, "First week: '2024-02-30' is not a date. Type for example 2024-01-01 or choose a cell holding a date.");
  });

  it("checks the horizon against the intake", async () => {
    await expectProblem(plannerWorkbook(52), { ...INPUTS, horizon: "60" }, "The horizon must be a whole number of weeks from 1 to 52, not 60.");
  });

});

describe("runPlan: three syncs, inputs read twice", () => {
  it("reads everything in sync 1, reads the inputs again in sync 2, writes only in sync 3", async () => {
    const wb = plannerWorkbook(52);
    const { outcome, syncs } = await run(wb, { ...INPUTS, intake: "Instroom", uplift: "Opslag" });
    // Unknown names: checked after the first sync, which read them through null objects.
    expect(outcome.ok).toBe(false);
    expect(syncs).toBe(1);
    wb.defineName("Instroom", "=Invoer!$C$5:$C$56");
    wb.defineName("Opslag", "=0.2");
    wb.syncs = [];
    const again = await run(wb, { ...INPUTS, intake: "Instroom", uplift: "Opslag" });
    expect(again.syncs).toBe(3);
    expect(wb.syncs.map((s) => s.ops > 0)).toEqual([false, false, true]);
    expect(again.outcome.ok && again.outcome.inputs.uplift).toBe(0.2);
  });

  it("checks the inputs right after the first sync: a wrong cell costs one round trip", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C14", "n.v.t.");
    expect((await run(wb, INPUTS)).syncs).toBe(1);
  });

  it("on a host that fails a batch for a path through a missing sheet or name, still names the field, in 2 syncs", async () => {
    const wb = plannerWorkbook(52);
    wb.nullChainFails = true;
    const sheet = await expectRunProblem(
      wb,
      { ...INPUTS, intake: "Input!C5:C56" },
      "Weekly intake: this workbook has no sheet 'Input'.",
    );
    expect(sheet.syncs).toBe(2);
    await expectRunProblem(
      wb,
      { ...INPUTS, capacity: "Capaciteit" },
      "Weekly capacity: this workbook has no name 'Capaciteit'. Type an address or an existing name.",
    );
    // Everything there: nothing goes through a null object, and the run is as usual.
    expect((await run(wb, INPUTS)).syncs).toBe(3);
  });

  it("passes such a host's failure on when every field resolves (a constant name), writing nothing", async () => {
    const wb = plannerWorkbook(52);
    wb.nullChainFails = true;
    wb.defineName("Opslag", "=0.2");
    const before = state(wb);
    await expect(run(wb, { ...INPUTS, uplift: "Opslag" })).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(state(wb)).toBe(before);
  });
});

describe("runPlan: a sheet name typed by the planner", () => {
  it("renames its own sheet to a typed name, keeps a sheet under a name it no longer gives, and names a what-if sheet", async () => {
    const wb = plannerWorkbook(52);
    await run(wb, INPUTS);
    const renamed = await run(wb, { ...INPUTS, sheetName: "  Plan Q1 " });
    expect(renamed.outcome).toMatchObject({ ok: true, sheetName: "Plan Q1", replaced: true });
    expect(renamed.syncs).toBe(3);
    // The same name again replaces it.
    expect((await run(wb, { ...INPUTS, sheetName: "Plan Q1" })).outcome).toMatchObject({ ok: true, sheetName: "Plan Q1", replaced: true });
    // Another name, or none: "Plan Q1" is the planner's now (as a sheet they renamed): kept, and
    // the projection is written anew under the name asked for.
    expect((await run(wb, { ...INPUTS, sheetName: "Plan Q2" })).outcome).toMatchObject({ ok: true, sheetName: "Plan Q2", replaced: false });
    expect((await run(wb, INPUTS)).outcome).toMatchObject({ ok: true, sheetName: "Projection", replaced: false });
    expect((await run(wb, { ...INPUTS, sheetName: "Vergadering" }, { kind: "whatIf" })).outcome).toMatchObject({
      ok: true,
      sheetName: "Vergadering",
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Plan Q1", "Plan Q2", "Projection", "Vergadering"]);
    expect(wb.activeSheet).toBe("Vergadering");
  });
});

describe("runPlan: Excel refuses", () => {
  it.each([
    ["InvalidOperationInCellEditMode", 1, "Excel is still editing a cell. Press Enter or Esc, then try again."],
    ["InactiveWorkbook", 3, "This workbook is no longer the active one. Click in the workbook and try again."],
    ["AccessDenied", 3, "Excel did not allow the change. The sheet or workbook may be protected, or opened read-only."],
  ])("%s at sync %d: the run rejects, the pane says what to do, nothing was written", async (code, at, sentence) => {
    const wb = plannerWorkbook(52);
    const before = state(wb);
    wb.failAt = { sync: at, code };
    const failure = await run(wb, INPUTS).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code });
    expect(describeOfficeError(failure, "en")).toBe(sentence);
    expect(state(wb)).toBe(before);
  });
});

describe("runPlan: size", () => {
  it("writes a 10,000-week horizon in 3 syncs, each request and each write under 5 MB", async () => {
    await expectTenThousandWeeksSplit();
  });
});

describe("runPlan: a what-if sheet", () => {
  it("validates the same inputs, then adds a new dated sheet on each click and keeps the earlier one", async () => {
    const wb = plannerWorkbook(52);
    const first = await run(wb, INPUTS, { kind: "whatIf" });
    expect(first.outcome.ok).toBe(true);
    expect(first.syncs).toBeLessThanOrEqual(3);
    const second = await run(wb, INPUTS, { kind: "whatIf" });
    expect(second.outcome.ok).toBe(true);
    if (!first.outcome.ok || !second.outcome.ok) return;
    expect(first.outcome.sheetName).toContain("2024-01-15");
    expect(second.outcome.sheetName).not.toBe(first.outcome.sheetName);
    expect(second.outcome.replaced).toBe(false);
    const sheets = wb.sheets.map((s) => s.name);
    expect(sheets).toEqual(["Invoer", first.outcome.sheetName, second.outcome.sheetName]);
    // Each sheet keeps its own tables and chart.
    const byTable = new Set(wb.tables.map((t) => t.name.toLowerCase()));
    expect(byTable.size).toBe(wb.tables.length);
    expect(new Set(wb.tables.map((t) => t.sheet.name))).toEqual(new Set(sheets.slice(1)));
    expect(wb.charts.length).toBeGreaterThanOrEqual(2);
  });

  it("writes nothing when an input is wrong", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C14", "n.v.t.");
    const before = state(wb);
    const { outcome } = await run(wb, INPUTS, { kind: "whatIf" });
    expect(outcome.ok).toBe(false);
    expect(state(wb)).toBe(before);
  });
});

describe("runPlan: the monitoring sheet (Voortgang / Progress)", () => {
  const ACTUALS = { intake: [27, 22, 26], decisions: [30, 31, 28], backlog: [1437, 1428, 1425] };
  /** The planner workbook with actuals in columns F–H under the given names (Dutch by default). */
  function withActuals(names: readonly string[] = ["GerealiseerdeInstroom", "GerealiseerdeAfdoeningen", "GerealiseerdeVoorraad"]) {
    const wb = plannerWorkbook(52);
    const sheet = wb.sheet("Invoer");
    sheet.column("F5", ACTUALS.intake);
    sheet.column("G5", ACTUALS.decisions);
    sheet.column("H5", ACTUALS.backlog);
    ["F", "G", "H"].forEach((letter, i) => {
      const name = names[i];
      if (name !== undefined) wb.defineName(name, `=Invoer!$${letter}$5:$${letter}$7`);
    });
    return wb;
  }

  it("reads the actuals from their defined names and writes the sheet in three syncs; a second run replaces it", async () => {
    const wb = withActuals();
    const first = await run(wb, INPUTS, { kind: "monitoring", language: "nl" });
    if (!first.outcome.ok) throw new Error(JSON.stringify(first.outcome.problem));
    // Read, read again, write; and one more write: the first Voortgang stores the baseline (issue 23).
    expect(first.syncs).toBe(4);
    expect(first.outcome).toMatchObject({ kind: "monitoring", sheetName: "Voortgang", replaced: false });
    const engine = monitorPlan({
      opening: 1440,
      plannedIntake: 25,
      plannedCapacity: Array.from({ length: 52 }, () => (25 * 52 * 1.1) / 52),
      actualIntake: ACTUALS.intake,
      actualDecisions: ACTUALS.decisions,
      actualBacklog: ACTUALS.backlog,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    // Without capacity, the plan's capacity is the planning rule's: mean intake plus 10%.
    expect(first.outcome.monitoring?.weeks).toEqual(engine.value.weeks.map((w) => ({ ...w })));
    expect(wb.tables.map((t) => [t.name, t.sheet.name])).toContainEqual([MONITORING_TABLE, "Voortgang"]);
    expect(wb.charts.some((c) => c.sheet.name === "Voortgang")).toBe(true);
    const second = await run(wb, INPUTS, { kind: "monitoring", language: "nl" });
    expect(second.outcome).toMatchObject({ ok: true, sheetName: "Voortgang", replaced: true });
    // The second run reads the baseline in one more sync, and writes no new one.
    expect(second.syncs).toBe(4);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Basislijn 2024-01-15", "Voortgang"]);
  });

  it("the baseline (issue 23): later runs compare with it, whatever the inputs say today; a new one only on request, the old one kept", async () => {
    const wb = withActuals();
    const first = await run(wb, INPUTS, { kind: "monitoring", language: "nl" });
    if (!first.outcome.ok) throw new Error(JSON.stringify(first.outcome.problem));
    expect(first.outcome.baseline).toEqual({ sheet: "Basislijn 2024-01-15", madeOn: TODAY, made: true });
    expect(wb.tables.map((t) => [t.name, t.sheet.name])).toContainEqual(["VoorraadplannerBasislijn20240115", "Basislijn 2024-01-15"]);
    // Voortgang stays the active sheet: the baseline is written first, not activated.
    expect(wb.sheets.find((s) => s.name === "Voortgang")).toBeDefined();
    // The planner renames the baseline's sheet: still recognised by its table.
    const stored = wb.sheets.find((s) => s.name === "Basislijn 2024-01-15");
    if (!stored) throw new Error("no baseline sheet");
    stored.name = "Beloofd in januari";
    // Today the plan asks 20% more than the intake instead of 10%, a week later.
    const today = { ...INPUTS, uplift: "20%" };
    const later = await run(wb, today, { kind: "monitoring", language: "nl", today: TODAY + 7 });
    if (!later.outcome.ok) throw new Error(JSON.stringify(later.outcome.problem));
    expect(later.outcome.baseline).toEqual({ sheet: "Beloofd in januari", madeOn: TODAY, made: false });
    // The plan column is the baseline's (the rule's 27.5 a week), not today's 30.
    expect(later.outcome.monitoring?.plan.rows[0]?.capacity).toBeCloseTo(27.5, 9);
    expect(later.outcome.monitoring?.weeks).toEqual(first.outcome.monitoring?.weeks);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Beloofd in januari", "Voortgang"]);

    const renewed = await run(wb, today, { kind: "monitoring", language: "nl", today: TODAY + 7, newBaseline: true });
    if (!renewed.outcome.ok) throw new Error(JSON.stringify(renewed.outcome.problem));
    expect(renewed.outcome.baseline).toEqual({ sheet: "Basislijn 2024-01-22", madeOn: TODAY + 7, made: true });
    expect(renewed.outcome.monitoring?.plan.rows[0]?.capacity).toBeCloseTo(30, 9);
    // The old one is kept, as the planner left it.
    expect(wb.sheets.map((s) => s.name).sort()).toEqual(["Basislijn 2024-01-22", "Beloofd in januari", "Invoer", "Voortgang"]);
    expect(wb.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["VoorraadplannerBasislijn20240115", "VoorraadplannerBasislijn20240122"]));
    const next = await run(wb, INPUTS, { kind: "monitoring", language: "nl", today: TODAY + 14 });
    if (!next.outcome.ok) throw new Error(JSON.stringify(next.outcome.problem));
    expect(next.outcome.baseline).toEqual({ sheet: "Basislijn 2024-01-22", madeOn: TODAY + 7, made: false });
  });

  it("a baseline typed over with text: one sentence naming its table, nothing written", async () => {
    const wb = withActuals();
    await run(wb, INPUTS, { kind: "monitoring", language: "en" });
    const table = wb.tables.find((t) => t.name === "VoorraadplannerBasislijn20240115");
    if (!table) throw new Error("no baseline table");
    // Week 3's intake, typed over: the table's header, week 0, then weeks 1, 2, 3 → its fifth row, column C.
    const top = Number(/\d+/.exec(table.range)?.[0]);
    table.sheet.set(`C${top + 4}`, "veel");
    await expectRunProblem(
      wb,
      INPUTS,
      "The baseline in the table VoorraadplannerBasislijn20240115 cannot be read (a cell is not a number, or the weeks are out of order); repair the table, or store a new one with New baseline. Nothing was written.",
      { extra: { kind: "monitoring" } },
    );
  });

  it("takes the English names and writes Progress", async () => {
    const wb = withActuals(["ActualIntake", "ActualDecisions"]);
    const { outcome } = await run(wb, INPUTS, { kind: "monitoring" });
    expect(outcome).toMatchObject({ ok: true, sheetName: "Progress" });
    if (outcome.ok) expect(outcome.monitoring?.weeks.every((w) => !w.measured)).toBe(true);
  });

  it("without actuals: one sentence, nothing written", async () => {
    await expectRunProblem(
      plannerWorkbook(52),
      INPUTS,
      "There are no actual figures: name the columns with the weekly intake and decisions ActualIntake and ActualDecisions.",
      { extra: { kind: "monitoring" } },
    );
  });

  it("a counted backlog of another length: the sentence names the range, nothing written", async () => {
    const wb = withActuals();
    wb.names = wb.names.map((n) => (n.name === "GerealiseerdeVoorraad" ? { ...n, formula: "=Invoer!$H$5:$H$6" } : n));
    await expectRunProblem(
      wb,
      INPUTS,
      "Invoer!H5:H6 has 2 weeks of counted backlog, but the actual intake has 3 weeks; give every figure for each known week.",
      { extra: { kind: "monitoring" } },
    );
  });

  it("a projection run does not read the actuals", async () => {
    const wb = withActuals();
    wb.sheet("Invoer").set("F6", "n.v.t.");
    const { outcome } = await run(wb, INPUTS);
    expect(outcome).toMatchObject({ ok: true, kind: "projection" });
  });
});
