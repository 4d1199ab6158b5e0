/**
 * Running a plan twice leaves every user sheet identical: through the task pane (the fake
 * Excel: every user sheet, table, chart and name snapshotted before, compared after each run)
 * and through `npm run plan` (ExcelJS: the second run on the first one's output; every original
 * sheet cell for cell and every defined name compared with the input, read back without ExcelJS).
 */
import { planWorkbook } from "../../src/cli/plan";
import { makeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { emptySectionFields, SectionFields } from "../../src/plan/options";
import { makeUserWorkbook } from "../helpers/userWorkbook";
import { readPackage } from "../helpers/xlsxPackage";
import { expectOriginalsKept, JAN_15 } from "../cli/planHelpers";
import { FakeWorkbook, plannerWorkbook } from "../hosts/office/fakeExcel";
import { run } from "../hosts/office/runHelpers";

/** A planner's workbook with more of their own: names, a table, a chart, merges, a sheet called Projection. */
function userWorkbook(): { wb: FakeWorkbook; userSheets: string[] } {
  const wb = plannerWorkbook(52, { capacity: true });
  wb.sheet("Invoer").set("E2", "=C2*2", { formula: "=C2*2", format: "0" });
  wb.sheet("Invoer").merged.push("A1:D1");
  wb.defineName("Beginvoorraad", "=Invoer!$C$2");
  wb.defineName("Instroom", "=Invoer!$C$5:$C$56");
  wb.defineName("Opslag", "=0.12");
  const notes = wb.addSheet("Notities");
  notes.set("A1", "=geen formule", { format: "@" });
  notes.set("B2", 0.1 + 0.2);
  notes.protected = true;
  wb.tables.push({ name: "MijnTabel", sheet: notes, range: "D1:E3", style: "TableStyleLight1" });
  wb.charts.push({ name: "Mijn grafiek", type: "Line", sheet: notes, source: "D1:E3", seriesBy: "Columns", series: [{}], props: {} });
  // A sheet of the planner's that merely has the add-in's name.
  wb.addSheet("Projection").set("A1", "my own projection");
  return { wb, userSheets: ["Invoer", "Notities", "Projection"] };
}

/** Everything of the planner's: their sheets, tables, charts, names, protection and settings. */
function userState(wb: FakeWorkbook, userSheets: readonly string[]): string {
  const mine = (name: string): boolean => userSheets.includes(name);
  return JSON.stringify({
    sheets: wb.sheets
      .filter((s) => mine(s.name))
      .map((s) => [s.name, s.snapshot(), s.merged, s.protected, s.frozenRows, [...s.columnWidths], s.pageLayout]),
    order: wb.sheets.map((s) => s.name).filter(mine),
    tables: wb.tables.filter((t) => mine(t.sheet.name)).map((t) => [t.name, t.sheet.name, t.range, t.style]),
    charts: wb.charts.filter((c) => mine(c.sheet.name)).map((c) => [c.name, c.type, c.sheet.name, c.source, c.props]),
    names: wb.names,
    workbookProtected: wb.workbookProtected,
    calculationMode: wb.calculationMode,
  });
}

function withSections(): SectionFields {
  const s = emptySectionFields();
  s.uncertainty.enabled = true;
  s.tracks = { ...s.tracks, enabled: true, safeShare: "20%" };
  return s;
}

describe("running a plan twice leaves every user sheet identical", () => {
  test("the task pane (fake Excel): projection twice, what-if twice", async () => {
    const { wb, userSheets } = userWorkbook();
    const before = userState(wb, userSheets);
    const inputs = { opening: "Beginvoorraad", intake: "Instroom", capacity: "Invoer!D5:D56", uplift: "Opslag", firstWeek: "2024-01-01" };

    const first = await run(wb, inputs, { sections: withSections() });
    expect(first.outcome).toMatchObject({ ok: true, sheetName: "Projection (2)", replaced: false });
    expect(userState(wb, userSheets)).toBe(before);
    const ours = wb.sheet("Projection (2)").snapshot();

    const second = await run(wb, inputs, { sections: withSections() });
    expect(second.outcome).toMatchObject({ ok: true, sheetName: "Projection (2)", replaced: true });
    expect(userState(wb, userSheets)).toBe(before);
    // The same inputs give the same sheet (fixed seed), and it was replaced, not duplicated.
    expect(wb.sheet("Projection (2)").snapshot()).toBe(ours);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Notities", "Projection", "Projection (2)"]);

    for (let i = 0; i < 2; i++) {
      expect((await run(wb, inputs, { kind: "whatIf" })).outcome.ok).toBe(true);
      expect(userState(wb, userSheets)).toBe(before);
    }
    // Each what-if click makes a sheet of its own; the planner's sheets keep their places.
    expect(wb.sheets.map((s) => s.name).filter((n) => userSheets.includes(n))).toEqual(userSheets);
    expect(wb.sheets).toHaveLength(6);
  });

  test("npm run plan (ExcelJS): a planner's own workbook, then the first run's output as input", async () => {
    const input = await makeUserWorkbook();
    const original = await readPackage(input);
    const first = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
    if (!first.ok) throw new Error(first.message);
    const second = await planWorkbook(first.xlsx, { language: "nl", createdOn: JAN_15 });
    if (!second.ok) throw new Error(second.message);
    const a = await readPackage(first.xlsx);
    const b = await readPackage(second.xlsx);
    // Every original sheet, cell for cell (values, formulas, formats, merges), and every name.
    expectOriginalsKept(original, a);
    expectOriginalsKept(original, b);
    // The add-in's own sheets are replaced in place, with the same contents.
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    for (const name of [first.projectionSheet, first.whatIfSheet]) {
      expect(Object.fromEntries(b.sheet(name).cells)).toEqual(Object.fromEntries(a.sheet(name).cells));
    }
  });

  test("npm run plan (ExcelJS): the bundled sample, three runs in a row", async () => {
    const input = Buffer.from(await makeSampleWorkbook().xlsx.writeBuffer());
    const original = await readPackage(input);
    let current: Buffer = input;
    for (let i = 0; i < 3; i++) {
      const result = await planWorkbook(current, { language: "en", createdOn: JAN_15 });
      if (!result.ok) throw new Error(result.message);
      current = result.xlsx;
      const pkg = await readPackage(current);
      expectOriginalsKept(original, pkg);
      // The monitoring sheet is replaced like the projection; the what-if sheet is dated.
      // The first Progress stored the baseline (issue 23); later runs keep it and compare with it.
      expect(pkg.sheets.map((s) => s.name)).toEqual(["Invoer", "Instroomhistorie", "Projection", "What-if 2024-01-15", "Progress", "Baseline 2024-01-15"]);
    }
  });
});
