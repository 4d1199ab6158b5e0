/**
 * The pane reading what planners really keep, against the fake Excel: Excel Tables (typed as a
 * structured reference, or behind a name), never their header or totals row; the 1904 date system,
 * told by the workbook's own DATE without writing anything; a whole column with its header; a first
 * week that is not a Monday; a name into another workbook. Nothing is written when a reference is
 * wrong; the notes go to the pane and under the sheet.
 */
import { describeNote, describeRunProblem } from "../../../src/taskpane/outcomes";
import { saveConventionNames } from "../../../src/hosts/office/runPlan";
import { FakeWorkbook, plannerWorkbook } from "./fakeExcel";
import { expectProblem, fields, INPUTS, run } from "./runHelpers";

const INTAKE = Array.from({ length: 52 }, (_, i) => 22 + (i % 7));

/** The planner workbook with a table "Planning" at F4:H57: a header row, 52 weeks, a totals row. */
function withTable(wb: FakeWorkbook = plannerWorkbook(52)): FakeWorkbook {
  const sheet = wb.sheet("Invoer");
  sheet.set("F4", "Week");
  sheet.set("G4", "Instroom per week");
  sheet.set("H4", "Capaciteit [fte]");
  INTAKE.forEach((intake, i) => {
    sheet.set(`F${5 + i}`, i + 1);
    sheet.set(`G${5 + i}`, intake);
    sheet.set(`H${5 + i}`, 31);
  });
  // The totals row: never a week's figure.
  sheet.set("F57", "Totaal");
  sheet.set("G57", INTAKE.reduce((a, b) => a + b, 0), { formula: "=SUBTOTAL(109,Planning[Instroom per week])" });
  sheet.set("H57", 31 * 52, { formula: "=SUBTOTAL(109,Planning[Capaciteit '[fte']])" });
  wb.addTable("Invoer", "Planning", "F4:H57", { totalsRow: true });
  return wb;
}

function success(outcome: Awaited<ReturnType<typeof run>>["outcome"]): Extract<typeof outcome, { ok: true }> {
  if (!outcome.ok) throw new Error(describeRunProblem(outcome.problem, "en"));
  return outcome;
}

describe("Excel Tables in the pane", () => {
  it("a structured reference typed into a field reads the table's data rows: never the header or the totals row", async () => {
    const wb = withTable();
    const outcome = success((await run(wb, { opening: "Invoer!C2", intake: "Planning[Instroom per week]", capacity: "Planning[[#Data],[Capaciteit '[fte']]]" })).outcome);
    expect(outcome.inputs.intake).toEqual(INTAKE);
    expect(outcome.inputs.capacity).toEqual(Array.from({ length: 52 }, () => 31));
    expect(outcome.weeks).toBe(52);
  });

  it("a name defined as a structured reference, as Excel reports it (its data rows' address)", async () => {
    const wb = withTable();
    wb.defineName("Instroom", "=Planning[Instroom per week]");
    const outcome = success((await run(wb, { opening: "Invoer!C2", intake: "Instroom" })).outcome);
    expect(outcome.inputs.intake).toEqual(INTAKE);
  });

  it("the whole data body of a one-column reference, Planning[#Data] of a one-column table", async () => {
    const wb = plannerWorkbook(52);
    const sheet = wb.addSheet("Realisatie");
    sheet.set("A1", "Instroom");
    INTAKE.forEach((v, i) => sheet.set(`A${2 + i}`, v));
    wb.addTable("Realisatie", "Instroomtabel", "A1:A53");
    const outcome = success((await run(wb, { opening: "Invoer!C2", intake: "Instroomtabel[#Data]" })).outcome);
    expect(outcome.inputs.intake).toEqual(INTAKE);
  });

  it.each([
    ["Plan[Instroom]", "Weekly intake: this workbook has no table 'Plan'."],
    ["Planning[Instroom]", "Weekly intake: the table Planning has no column 'Instroom'."],
    [
      "Planning[[#Totals],[Instroom per week]]",
      "Weekly intake: 'Planning[[#Totals],[Instroom per week]]' takes in a table's header or totals row, which holds no weekly figures; choose a column's data only, such as Planning[Instroom per week].",
    ],
  ])("%s: one sentence, nothing written", async (text, sentence) => {
    await expectProblem(withTable(), { opening: "Invoer!C2", intake: text }, sentence, { field: "intake" });
  });

  it.each([
    ["Plan[Instroom]", "Weekly intake: this workbook has no table 'Plan'."],
    ["Planning[Instroom]", "Weekly intake: the table Planning has no column 'Instroom'."],
  ])("%s on a host that fails the batch for a path through a null object: the same sentence", async (text, sentence) => {
    const wb = withTable();
    wb.nullChainFails = true;
    const before = wb.sheets.map((s) => s.snapshot());
    const { outcome } = await run(wb, { opening: "Invoer!C2", intake: text });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(describeRunProblem(outcome.problem, "en")).toBe(sentence);
    expect(wb.sheets.map((s) => s.snapshot())).toEqual(before);
    expect(wb.syncs.every((s) => s.ops === 0)).toBe(true);
  });

  it("a name over a table's totals row is refused like a typed one", async () => {
    const wb = withTable();
    wb.defineName("Instroom", "=Planning[[#Totals],[Instroom per week]]");
    await expectProblem(
      wb,
      { opening: "Invoer!C2", intake: "Instroom" },
      "Weekly intake: 'Planning[[#Totals],[Instroom per week]]' takes in a table's header or totals row, which holds no weekly figures; choose a column's data only, such as Planning[Instroom per week].",
    );
  });

  it("saves a typed structured reference as a name over the table's column", async () => {
    const wb = withTable();
    const saved = await saveConventionNames(wb.context(), fields({ opening: "Invoer!C2", intake: "Planning[Instroom per week]" }), true);
    expect(saved).toEqual({ ok: true, saved: ["Beginvoorraad", "Instroom"] });
    expect(wb.names).toContainEqual({ name: "Instroom", formula: "=Planning[Instroom per week]" });
  });
});

describe("the 1904 date system in the pane", () => {
  /** The planner workbook with its first week in B5, as the workbook's own date system counts it. */
  function withFirstWeek(date1904: boolean): FakeWorkbook {
    const wb = plannerWorkbook(52);
    wb.date1904 = date1904;
    wb.sheet("Invoer").set("B5", wb.dateSerial(2024, 1, 1), { format: "yyyy-mm-dd" });
    return wb;
  }

  it.each([false, true])("date1904 %p: FirstWeek Monday 2024-01-01 gives 2024-W01 and =DATE(2024,1,1) on the sheet", async (date1904) => {
    const wb = withFirstWeek(date1904);
    expect(wb.sheet("Invoer").at("B5")?.value).toBe(date1904 ? 43_830 : 45_292);
    const outcome = success((await run(wb, { ...INPUTS, firstWeek: "Invoer!B5" })).outcome);
    expect(outcome.inputs.firstWeek).toBe(45_292);
    expect(outcome.notes).toEqual([]);
    // The projection's dates are formulas on the planner's own first-week cell: they count in the
    // workbook's system whatever it is (a typed first week is written as DATE(2024,1,1): below).
    const sheet = wb.sheet("Projection");
    const dates = [...sheet.cells.values()].map((c) => c.formula ?? "");
    expect(dates).toContain('=IF(Invoer!$B$5="","",Invoer!$B$5+7*(A5-1))');
  });

  it("a name holding the first week, saved by the pane as =DATE(2024,1,1), in a 1904 workbook", async () => {
    const wb = plannerWorkbook(52);
    wb.date1904 = true;
    await saveConventionNames(wb.context(), fields({ ...INPUTS, firstWeek: "2024-01-01" }), false);
    expect(wb.names).toContainEqual({ name: "FirstWeek", formula: "=DATE(2024,1,1)" });
    const outcome = success((await run(wb, { ...INPUTS, firstWeek: "FirstWeek" })).outcome);
    expect(outcome.inputs.firstWeek).toBe(45_292);
  });

  it("a date typed in the pane is the add-in's own serial: no shift in a 1904 workbook", async () => {
    const wb = plannerWorkbook(52);
    wb.date1904 = true;
    expect(success((await run(wb, { ...INPUTS, firstWeek: "2024-01-01" })).outcome).inputs.firstWeek).toBe(45_292);
  });

  it("the date system is read with the first batch: still three syncs, and nothing written to find out", async () => {
    const wb = withFirstWeek(true);
    const { syncs } = await run(wb, { ...INPUTS, firstWeek: "Invoer!B5" });
    expect(syncs).toBe(3);
    expect(wb.syncs.slice(0, 2).every((s) => s.ops === 0)).toBe(true);
  });
});

describe("reading notes in the pane and under the sheet", () => {
  it("a whole column with its header: the header is skipped and said so", async () => {
    const wb = plannerWorkbook(52);
    const data = wb.addSheet("Week's data");
    data.set("B1", "Intake");
    INTAKE.forEach((v, i) => data.set(`B${2 + i}`, v));
    const outcome = success((await run(wb, { opening: "Invoer!C2", intake: "'Week''s data'!B:B" })).outcome);
    expect(outcome.inputs.intake).toEqual(INTAKE);
    const note = "In 'Week''s data'!B:B, B1 ('Intake') was read as a header and skipped; the figures come from B2:B53.";
    expect(outcome.notes.map((n) => describeNote(n, "en"))).toEqual([note]);
    const written = [...wb.sheet("Projection").cells.values()].map((c) => c.value);
    expect(written).toContain("Reading the inputs");
    expect(written).toContain(note);
  });

  it("text after the first figure of a whole column is refused, as before", async () => {
    const wb = plannerWorkbook(52);
    // Invoer!C:C: 1440 in C2, then the header "Instroom" in C4.
    await expectProblem(wb, { opening: "Invoer!C2", intake: "Invoer!C:C" }, "Invoer!C4 contains the text 'Instroom'; a number was expected.");
  });

  it("a first week that is not a Monday: kept, and said which day and what that means", async () => {
    const wb = plannerWorkbook(52);
    const outcome = success((await run(wb, { ...INPUTS, firstWeek: "2024-01-03" }, { language: "nl" })).outcome);
    const note =
      "De eerste week begint op woensdag 2024-01-03, niet op een maandag; de Voorraadplanner houdt die dag aan: elke week loopt van woensdag tot en met dinsdag en heet naar de ISO-week waarin hij begint (2024-W01).";
    expect(outcome.notes.map((n) => describeNote(n, "nl"))).toEqual([note]);
    expect([...wb.sheet("Prognose").cells.values()].map((c) => c.value)).toContain(note);
  });

  it("a name into another workbook: one sentence, nothing written", async () => {
    const wb = plannerWorkbook(52);
    wb.defineName("Instroom", "=[1]Inputs!$C$5:$C$56");
    await expectProblem(
      wb,
      { opening: "Invoer!C2", intake: "Instroom" },
      "Instroom per week: de naam 'Instroom' verwijst naar een andere werkmap; de Voorraadplanner leest alleen deze werkmap. Zet de cijfers in deze werkmap.",
      { language: "nl" },
    );
  });
});
