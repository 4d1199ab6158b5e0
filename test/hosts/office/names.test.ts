/**
 * The input conventions: the pane fills in what the workbook's names define, saves the
 * planner's choices as those names, and reads the selection. Against the office-addin-mock fake.
 */
import { createOfficeHost } from "../../../src/hosts/office/officeHost";
import { todaySerial } from "../../../src/sheets/dates";
import { describeSave } from "../../../src/taskpane/outcomes";
import { readConventionNames, readSelection, saveConventionNames } from "../../../src/hosts/office/runPlan";
import { emptyFields, PaneFields } from "../../../src/hosts/office/readInputs";
import { OfficeMockObject, plannerWorkbook } from "./fakeExcel";

const fields = (partial: Partial<PaneFields>): PaneFields => ({ ...emptyFields(), ...partial });

describe("convention names", () => {
  it("fills in every input a convention name defines, in one sync, preferring the pane's language", async () => {
    const wb = plannerWorkbook(52);
    wb.defineName("OpeningBacklog", "=Invoer!$C$2");
    wb.defineName("Beginvoorraad", "=Invoer!$C$2");
    wb.defineName("instroom", "=Invoer!$C$5:$C$56");
    wb.defineName("EersteWeek", "=45292");
    wb.defineName("Unrelated", "=Invoer!$A$1");
    const context = wb.context();
    const sync = jest.spyOn(context, "sync");
    expect(await readConventionNames(context, true)).toEqual({
      opening: "Beginvoorraad",
      intake: "instroom",
      firstWeek: "EersteWeek",
    });
    expect(sync).toHaveBeenCalledTimes(1);
    expect((await readConventionNames(wb.context(), false)).opening).toBe("OpeningBacklog");
  });

  it("saves the planner's choices as names (Dutch in a Dutch pane) and writes no cell", async () => {
    const wb = plannerWorkbook(52);
    const cells = wb.sheet("Invoer").snapshot();
    const context = wb.context();
    const sync = jest.spyOn(context, "sync");
    const saved = await saveConventionNames(
      context,
      fields({ opening: "Invoer!C2", intake: "c5:c56", uplift: "15", firstWeek: "2024-01-01", horizon: "26" }),
      true,
    );
    expect(saved).toEqual({ ok: true, saved: ["Beginvoorraad", "Instroom", "Opslag", "EersteWeek"] });
    expect(sync).toHaveBeenCalledTimes(2);
    expect(wb.names).toEqual([
      { name: "Beginvoorraad", formula: "=Invoer!$C$2" },
      { name: "Instroom", formula: "=Invoer!$C$5:$C$56" },
      { name: "Opslag", formula: "=0.15" },
      // A typed date is saved as DATE(y,m,d): the same day in a 1900 and in a 1904 workbook.
      { name: "EersteWeek", formula: "=DATE(2024,1,1)" },
    ]);
    expect(wb.sheet("Invoer").snapshot()).toBe(cells);
    expect(describeSave(saved, "nl").text).toBe(
      "Bewaard als namen in deze werkmap: Beginvoorraad, Instroom, Opslag, EersteWeek. De volgende keer is één klik genoeg.",
    );
  });

  it("updates a convention name that is already there instead of adding a second one", async () => {
    const wb = plannerWorkbook(52);
    wb.defineName("Intake", "=Invoer!$C$5:$C$30");
    const saved = await saveConventionNames(wb.context(), fields({ intake: "Invoer!C5:C56" }), true);
    expect(saved).toEqual({ ok: true, saved: ["Intake"] });
    expect(wb.names).toEqual([{ name: "Intake", formula: "=Invoer!$C$5:$C$56" }]);
  });

  it("saves nothing for an unknown sheet or an empty pane, and says why", async () => {
    const wb = plannerWorkbook(52);
    const bad = await saveConventionNames(wb.context(), fields({ intake: "Input!C5:C56" }), false);
    expect(describeSave(bad, "en").text).toBe("Weekly intake: this workbook has no sheet 'Input'.");
    const nothing = await saveConventionNames(wb.context(), fields({}), false);
    expect(describeSave(nothing, "en")).toEqual({ ok: false, text: "Nothing has been filled in to save yet." });
    expect(wb.names).toEqual([]);
  });

  it("a field that already is the convention name is not saved again", async () => {
    const wb = plannerWorkbook(52);
    wb.defineName("Instroom", "=Invoer!$C$5:$C$56");
    const saved = await saveConventionNames(wb.context(), fields({ intake: "Instroom" }), true);
    expect("nothing" in saved).toBe(true);
  });
});

describe("selection", () => {
  it("reads the selected range's address in one sync", async () => {
    const wb = plannerWorkbook(52);
    wb.selection = "Invoer!C5:C56";
    const context = wb.context();
    const sync = jest.spyOn(context, "sync");
    expect(await readSelection(context)).toBe("Invoer!C5:C56");
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe("the Office host", () => {
  const g = globalThis as unknown as { Office?: unknown; Excel?: unknown };
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  it("follows Office's display language and runs each job in Excel.run", async () => {
    const wb = plannerWorkbook(52);
    wb.selection = "Invoer!C2";
    // Office.context is the common API: plain properties, no load/sync.
    g.Office = { context: { displayLanguage: "nl-NL", requirements: { isSetSupported: () => true } } };
    g.Excel = new OfficeMockObject({
      run: async (job: (context: unknown) => Promise<unknown>) => job(wb.context()),
    });
    const host = createOfficeHost();
    expect([host.language, host.locale]).toEqual(["nl", "nl-NL"]);
    expect(await host.selection()).toBe("Invoer!C2");
    const outcome = await host.run(fields({ opening: "Invoer!C2", intake: "Invoer!C5:C56" }), "projection");
    expect(outcome.ok && outcome.sheetName).toBe("Prognose");
  });

  it("uses English for any other display language", () => {
    g.Office = { context: { displayLanguage: "fr-FR", requirements: { isSetSupported: () => false } } };
    expect(createOfficeHost().language).toBe("en");
  });

  it("dates by the planner's local calendar", () => {
    expect(todaySerial(new Date(2024, 0, 15, 23, 59))).toBe(45306);
  });
});
