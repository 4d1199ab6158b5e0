/**
 * The Office.js adapter against the fake Excel (office-addin-mock): literal text, names that
 * never collide, chunked writes under the request limit, styles and page setup.
 */
import {
  applySheetSpec,
  freeSheetName,
  freeTableNames,
  literalText,
  payloadBytes,
  resolveTarget,
  widthInPoints,
  WorkbookLayout,
  writeSheetSpec,
} from "../../../src/hosts/office/writeSheet";
import { Cell, formula, SheetSpec, text } from "../../../src/sheets/spec";
import { FakeWorkbook } from "./fakeExcel";

const TRICKY = ["=SUM(A1)", "+31 6 1234 5678", "-", "-5", "@home", "'quoted", "00123", "1-2", "TRUE", "\tTab", "25"];

function spec(overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: "Prognose",
    markerTable: "Marker",
    blocks: [{ at: "A1", cells: [[text("Title")]], style: "title" }],
    tables: [
      {
        name: "Marker",
        at: "A3",
        columns: [{ header: "Week", numberFormat: "0" }, { header: "Label" }],
        rows: [
          [1, text("a")],
          [2, text("b")],
        ],
      },
    ],
    charts: [],
    ...overrides,
  };
}

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("Invoer").set("A1", "user data");
  return wb;
}

describe("literal text", () => {
  it("prefixes an apostrophe only where Excel would read a formula or drop one", () => {
    expect(literalText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(literalText("-")).toBe("'-");
    expect(literalText("'quoted")).toBe("''quoted");
    expect(literalText("Week")).toBe("Week");
    expect(literalText("00123")).toBe("00123");
  });

  it("keeps every Text cell exactly as given, and writes Formula cells as formulas", async () => {
    const wb = workbook();
    const cells: Cell[][] = TRICKY.map((t) => [text(t), formula("=1+1")]);
    const result = await writeSheetSpec(wb.context(), spec({ blocks: [{ at: "B2", cells }], tables: [] }), "replace");
    expect(result.ok).toBe(true);
    const sheet = wb.sheet("Prognose");
    TRICKY.forEach((t, i) => {
      expect(sheet.at(`B${2 + i}`)).toMatchObject({ value: t, format: "@" });
      expect(sheet.at(`B${2 + i}`)?.formula).toBeUndefined();
      expect(sheet.at(`C${2 + i}`)?.formula).toBe("=1+1");
    });
  });

  it("would catch unguarded text: the fake reads typed input the way Excel does", async () => {
    const wb = workbook();
    const context = wb.context();
    const range = context.workbook.worksheets.getItem("Invoer").getRange("B1:B3");
    range.values = [["=SUM(A1)"], ["25"], ["-"]];
    await context.sync();
    expect(wb.sheet("Invoer").at("B1")?.formula).toBe("=SUM(A1)");
    expect(wb.sheet("Invoer").at("B2")?.value).toBe(25);
    expect(wb.sheet("Invoer").at("B3")?.formula).toBe("=-");
  });

  it("refuses a number JSON cannot carry before anything is sent", async () => {
    const wb = workbook();
    await expect(
      writeSheetSpec(wb.context(), spec({ blocks: [{ at: "A1", cells: [[Number.NaN]] }] }), "replace"),
    ).rejects.toThrow("cannot write NaN");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer"]);
  });
});

describe("names", () => {
  it("adds ' (2)', ' (3)' to a taken sheet name, case-insensitively, within 31 characters", () => {
    expect(freeSheetName("Prognose", ["Invoer"])).toBe("Prognose");
    expect(freeSheetName("Prognose", ["prognose", "Prognose (2)"])).toBe("Prognose (3)");
    const long = "X".repeat(40);
    expect(freeSheetName(long, [])).toHaveLength(31);
    expect(freeSheetName(long, ["X".repeat(31)])).toBe(`${"X".repeat(27)} (2)`);
  });

  it("keeps table names clear of other tables and of defined names", () => {
    expect(freeTableNames(["Marker", "Other"], ["marker", "Other", "Other_2"])).toEqual(["Marker_2", "Other_3"]);
  });

  it("renames a colliding table and the structured references to it", async () => {
    const wb = workbook();
    wb.defineName("Marker", "=Invoer!$A$1");
    const s = spec({ blocks: [{ at: "D1", cells: [[formula("=SUM(Marker[Week])")]] }] });
    const result = await writeSheetSpec(wb.context(), s, "new");
    expect(result.ok && result.report.tableNames).toEqual(["Marker_2"]);
    expect(wb.tables.map((t) => t.name)).toEqual(["Marker_2"]);
    expect(wb.sheet("Prognose").at("D1")?.formula).toBe("=SUM(Marker_2[Week])");
  });
});

describe("placement", () => {
  const layout = (over: Partial<WorkbookLayout> = {}): WorkbookLayout => ({
    sheets: ["Invoer", "Prognose"],
    tables: ["Marker"],
    names: [],
    workbookProtected: false,
    ...over,
  });

  it("replaces our own sheet unless it is protected; a protected workbook gets no new sheet", () => {
    const own = { name: "Prognose", protected: false, charts: [], tables: [] };
    const replaced = resolveTarget(layout(), spec(), "replace", own);
    expect(replaced.ok && replaced.target.kind).toBe("replace");
    expect(resolveTarget(layout(), spec(), "replace", { ...own, protected: true })).toEqual({
      ok: false,
      problem: { code: "sheet-protected", sheet: "Prognose" },
    });
    expect(resolveTarget(layout({ workbookProtected: true }), spec(), "new")).toEqual({
      ok: false,
      problem: { code: "workbook-protected" },
    });
    // Replacing our own sheet adds no sheet, so workbook protection does not stand in the way.
    expect(resolveTarget(layout({ workbookProtected: true }), spec(), "replace", own).ok).toBe(true);
    const fresh = resolveTarget(layout(), spec(), "new");
    expect(fresh.ok && fresh.target).toMatchObject({ kind: "new", sheetName: "Prognose (2)", tableNames: ["Marker_2"] });
  });

  it("replaces its own sheet in place: old charts, tables and cells go, the user's sheets stay", async () => {
    const wb = workbook();
    const chart = { kind: "line" as const, title: "T", categories: "A4:A5", series: [{ name: "S", values: "B4:B5" }], at: "E1", widthColumns: 4, heightRows: 8 };
    await writeSheetSpec(wb.context(), spec({ charts: [chart], blocks: [{ at: "H9", cells: [[text("old")]] }] }), "replace");
    const result = await writeSheetSpec(wb.context(), spec({ charts: [chart] }), "replace");
    expect(result.ok && result.report.replaced).toBe(true);
    expect(result.syncs).toBe(3);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Prognose"]);
    expect(wb.charts).toHaveLength(1);
    expect(wb.tables.map((t) => t.name)).toEqual(["Marker"]);
    expect(wb.sheet("Prognose").at("H9")).toBeUndefined();
    expect(wb.sheet("Invoer").at("A1")?.value).toBe("user data");
    expect(wb.charts[0]?.props).toMatchObject({ "title.text": "T", position: "E1:H8", "legend.position": "Bottom" });
  });
});

describe("size", () => {
  const rows = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [i + 1, (i + 1) / 7, text(`w${i + 1}`)]);

  it("cuts a large write into chunks under the chunk budget, and every row arrives", async () => {
    const wb = workbook();
    const s = spec({ blocks: [{ at: "A10", cells: rows(2000), numberFormat: ["0", "0.00", ""] }] });
    const result = await writeSheetSpec(wb.context(), s, "replace", { chunkBudgetBytes: 4096 });
    expect(result.ok).toBe(true);
    const write = wb.syncs[wb.syncs.length - 1]!;
    expect(write.ops).toBeGreaterThan(20);
    expect(write.largestOp).toBeLessThanOrEqual(4096 + 200);
    const sheet = wb.sheet("Prognose");
    expect(sheet.at("A2009")?.value).toBe(2000);
    expect(sheet.at("B2009")).toMatchObject({ value: 2000 / 7, format: "0.00" });
    expect(sheet.at("C2009")).toMatchObject({ value: "w2000", format: "@" });
  });

  it("syncs early when a batch would pass its budget, so no request is over it", async () => {
    const wb = workbook();
    const s = spec({ blocks: [{ at: "A10", cells: rows(3000) }] });
    const budget = 32 * 1024;
    const result = await writeSheetSpec(wb.context(), s, "replace", { chunkBudgetBytes: 4096, batchBudgetBytes: budget });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.syncs).toBeGreaterThan(3);
    expect(wb.syncs).toHaveLength(1 + result.report.syncs);
    for (const s of wb.syncs) expect(s.bytes).toBeLessThanOrEqual(budget + 4096);
    expect(wb.sheet("Prognose").at("C3009")?.value).toBe("w3000");
  });

  it("estimates request bytes from the JSON it sends", () => {
    expect(payloadBytes([["≥"]])).toBe(JSON.stringify([["≥"]]).length + 2 + 200);
  });
});

describe("looks and page setup", () => {
  it("styles blocks by role, sets widths in points, freezes rows and sets up printing when supported", async () => {
    const wb = workbook();
    const s = spec({
      blocks: [
        { at: "A1", cells: [[text("Title")]], style: "title" },
        { at: "B2", cells: [[10]], style: "input" },
        { at: "A3", cells: [[text("Een kop die over drie regels loopt in een smalle kolom")]], style: "header" },
      ],
      columnWidths: { A: 10 },
      freeze: { rows: 2, columns: 0 },
      print: {
        orientation: "landscape",
        paper: "A4",
        fitToWidth: true,
        title: "R&D",
        made: "gemaakt op 2024-01-15",
        pageWords: { page: "pagina", of: "van" },
        area: "A1:C10",
        titleRows: { first: 3, last: 3 },
        breaksBefore: [6, 9],
      },
    });
    await writeSheetSpec(wb.context(), s, "replace", { supports: (v) => ["1.6", "1.7", "1.8", "1.9"].includes(v) });
    const sheet = wb.sheet("Prognose");
    expect(sheet.at("A1")?.style).toMatchObject({ "font.bold": true, "font.size": 14, "font.name": "Calibri" });
    expect(sheet.at("B2")?.style).toMatchObject({ "fill.color": "#FFF2CC", "font.bold": true });
    // Widths as the .xlsx host stores them: the same pixels, in points.
    expect(sheet.columnWidths.get("A")).toBe(widthInPoints(10));
    expect(widthInPoints(10)).toBe(52.5);
    expect(sheet.frozenRows).toBe(2);
    // Rows neither host re-measures: the title's, and the wrapped header's three lines.
    expect(sheet.rowHeights.get(1)).toBe(19.25);
    expect(sheet.rowHeights.get(3)).toBeGreaterThanOrEqual(45);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 0.45 * 72,
      topMargin: 0.75 * 72,
      "headersFooters.defaultForAllPages.leftHeader": "R&&D",
      "headersFooters.defaultForAllPages.rightHeader": "gemaakt op 2024-01-15",
      "headersFooters.defaultForAllPages.rightFooter": "pagina &P van &N",
      printArea: "A1:C10",
      printTitleRows: "$3:$3",
    });
    expect(sheet.pageBreaks).toEqual(["A6", "A9"]);
  });

  it("frozen rows and columns, data validation with its messages, a warning's conditional format, series looks", async () => {
    const wb = workbook();
    const s = spec({
      blocks: [{ at: "B5", cells: [[52]], style: "input" }],
      freeze: { rows: 0, columns: 1 },
      validations: [
        { range: "B5", kind: "whole", min: 1, max: 104, title: "Horizon", prompt: "1 tot 104 weken", error: "Typ 1 tot 104." },
        { range: "B6", kind: "date", min: 36526, max: 73050, title: "Eerste week", prompt: "Een maandag", error: "Typ een datum." },
        { range: "B7", kind: "decimal", min: 0, max: "=1-$B$8", title: "Aandeel", prompt: "0% tot 100%", error: "Te groot." },
        { range: "B8", kind: "list", list: ["nee", "ja"], title: "Nieuw personeel?", prompt: "ja of nee", error: "Kies ja of nee." },
      ],
      conditionalFormats: [
        { range: "C5", formula: "=NOT($U$1)", style: "warning" },
        // Voortgang's status (issue 23): green within the band, blue ahead of plan.
        { range: "K5:K56", formula: '=K5="binnen band"', style: "good" },
        { range: "K5:K56", formula: '=K5="onder P10"', style: "ahead" },
      ],
      charts: [
        {
          kind: "line",
          title: "Voorraad",
          categories: "A5:A6",
          series: [
            { name: "Voorraad", values: "B5:B6" },
            { name: "Capaciteit", values: "C5:C6", secondary: true, dashed: true },
          ],
          at: "E1",
          widthColumns: 4,
          heightRows: 10,
          yAxisMin: 1000,
          secondaryAxisTitle: "Zaken per week",
          categoryLabelEvery: 52,
        },
      ],
    });
    await writeSheetSpec(wb.context(), s, "replace", { supports: () => true });
    const sheet = wb.sheet("Prognose");
    expect(sheet.frozenColumns).toBe(1);
    expect(sheet.validations.get("B5")).toEqual({
      rule: { wholeNumber: { formula1: 1, formula2: 104, operator: "Between" } },
      ignoreBlanks: false,
      errorAlert: { message: "Typ 1 tot 104.", showAlert: true, style: "Stop", title: "Horizon" },
      prompt: { message: "1 tot 104 weken", showPrompt: true, title: "Horizon" },
    });
    expect(sheet.validations.get("B6")?.["rule"]).toEqual({ date: { formula1: "2000-01-01", formula2: "2099-12-31", operator: "Between" } });
    expect(sheet.validations.get("B7")?.["rule"]).toEqual({ decimal: { formula1: 0, formula2: "=1-$B$8", operator: "Between" } });
    // A drop-down of words (the what-if's "nieuw personeel?"), not a number rule.
    expect(sheet.validations.get("B8")?.["rule"]).toEqual({ list: { inCellDropDown: true, source: "nee,ja" } });
    expect(sheet.conditionalFormats).toEqual([
      {
        range: "C5",
        type: "Custom",
        props: { "custom.rule.formula": "=NOT($U$1)", "custom.format.font.color": "#9C0006", "custom.format.font.bold": true, "custom.format.fill.color": "#FFC7CE" },
      },
      {
        range: "K5:K56",
        type: "Custom",
        props: { "custom.rule.formula": '=K5="binnen band"', "custom.format.font.color": "#006100", "custom.format.font.bold": true, "custom.format.fill.color": "#C6EFCE" },
      },
      {
        range: "K5:K56",
        type: "Custom",
        props: { "custom.rule.formula": '=K5="onder P10"', "custom.format.font.color": "#1F4E79", "custom.format.font.bold": true, "custom.format.fill.color": "#DDEBF7" },
      },
    ]);
    const chart = wb.charts[0];
    expect(chart?.props).toMatchObject({
      "axes.valueAxis.minimum": 1000,
      "axes.Value.Secondary.title.text": "Zaken per week",
      // A label (and tick) a year apart on a long axis of ISO weeks (ExcelApi 1.7).
      "axes.categoryAxis.tickLabelSpacing": 52,
      "axes.categoryAxis.tickMarkSpacing": 52,
    });
    expect(chart?.series[1]?.props).toMatchObject({ axisGroup: "Secondary", "format.line.lineStyle": "Dash", markerStyle: "None" });
  });

  it("leaves page setup, freezing, validation and formats alone where the API sets are missing", async () => {
    const wb = workbook();
    const s = spec({
      freeze: { rows: 3, columns: 0 },
      validations: [{ range: "B5", kind: "whole", min: 1, max: 104, title: "H", prompt: "p", error: "e" }],
      conditionalFormats: [{ range: "C5", formula: "=TRUE", style: "warning" }],
      print: {
        orientation: "portrait",
        paper: "A4",
        fitToWidth: false,
        title: "T",
        made: "m",
        pageWords: { page: "page", of: "of" },
        area: "A1:B2",
      },
    });
    await writeSheetSpec(wb.context(), s, "replace", { supports: () => false });
    const sheet = wb.sheet("Prognose");
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.frozenRows).toBe(0);
    expect(sheet.validations.size).toBe(0);
    expect(sheet.conditionalFormats).toEqual([]);
  });

  it("applies a spec with no further sync than the one that sends it", async () => {
    const wb = workbook();
    const context = wb.context();
    const target = { kind: "new" as const, sheetName: "Prognose", tableNames: ["Marker"] };
    const sync = jest.spyOn(context, "sync");
    const report = await applySheetSpec(context, spec(), target, { activate: false });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(report).toMatchObject({ sheetName: "Prognose", syncs: 1, replaced: false });
    expect(wb.activeSheet).toBe("Invoer");
  });
});
