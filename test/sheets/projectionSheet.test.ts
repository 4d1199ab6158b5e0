/**
 * The projection sheet as a SheetSpec: live formulas on the input cells, laid out for a meeting.
 * HyperFormula evaluates the sheet beside an "Invoer" sheet holding the inputs, so the figures are
 * computed by an engine that is neither Excel nor ours, and compared with the engine.
 */
import { HyperFormula } from "hyperformula";
import { createRng, decidedLeadTime, projectBacklog, projectTracks, simulateBacklog } from "../../src/engine";
import { projectionFigures, runProjection } from "../../src/plan/figures";
import { sourcesOf } from "../../src/plan/sources";
import { isoDate, isoWeekLabel } from "../../src/sheets/dates";
import type { PlanInputs, RawPlanInputs } from "../../src/sheets/inputs";
import { MIN_SCALE, printScale, widthsOf } from "../../src/sheets/page";
import { buildProjectionSheet, PROJECTION_TABLE, ProjectionSheetOptions } from "../../src/sheets/projectionSheet";
import { Block, Cell, excelDateSerial, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";
import { specGrid } from "../helpers/specCells";

const JAN_1 = excelDateSerial(2024, 1, 1);
const JAN_15 = excelDateSerial(2024, 1, 15);

/** The sample's Invoer sheet: B3 opening, B4 uplift, B5 first week, C10:C61 intake, D10:D61 capacity. */
function invoer(values: { opening: number; uplift: number; firstWeek?: number; intake: number[]; capacity?: number[] }): (number | null)[][] {
  const grid: (number | null)[][] = Array.from({ length: 61 }, () => [null, null, null, null]);
  (grid[2] as (number | null)[])[1] = values.opening;
  (grid[3] as (number | null)[])[1] = values.uplift;
  (grid[4] as (number | null)[])[1] = values.firstWeek ?? null;
  values.intake.forEach((v, t) => ((grid[9 + t] as (number | null)[])[2] = v));
  values.capacity?.forEach((v, t) => ((grid[9 + t] as (number | null)[])[3] = v));
  return grid;
}

/** The raw inputs as a host reads them from that sheet. */
function raw(weeks: number, withCapacity: boolean): RawPlanInputs {
  const out: RawPlanInputs = {
    opening: { address: "Invoer!B3", values: [[0]] },
    intake: { address: `Invoer!C10:C${9 + weeks}`, values: [] },
    uplift: { address: "Invoer!B4", values: [[0]] },
    firstWeek: { address: "Invoer!B5", values: [[0]] },
  };
  if (withCapacity) out.capacity = { address: `Invoer!D10:D${9 + weeks}`, values: [] };
  return out;
}

function build(inputs: PlanInputs, options: Partial<ProjectionSheetOptions> = {}): SheetSpec {
  const projection = runProjection(inputs);
  if (!projection.ok) throw new Error(projection.error.message);
  return buildProjectionSheet({
    figures: projectionFigures(inputs, projection.value),
    language: "nl",
    createdOn: JAN_15,
    ...options,
  }).spec;
}

/** Both sheets in HyperFormula; `value("G5")` reads the projection sheet, `set` types into Invoer. */
function evaluate(spec: SheetSpec, input: (number | null)[][]) {
  const hf = HyperFormula.buildFromSheets(
    { Invoer: input, [spec.name]: specGrid(spec) },
    { licenseKey: "gpl-v3", smartRounding: false },
  );
  const sheet = hf.getSheetId(spec.name) as number;
  const invoerId = hf.getSheetId("Invoer") as number;
  return {
    value: (address: string): unknown => {
      const p = parseCell(address.replace(/\$/g, ""));
      return hf.getCellValue({ sheet, row: p.row, col: p.column });
    },
    set: (address: string, v: number): void => {
      const p = parseCell(address);
      hf.setCellContents({ sheet: invoerId, row: p.row, col: p.column }, [[v]]);
    },
  };
}

const near = (got: unknown, want: number, what: string): void => {
  if (typeof got !== "number" || !(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
    throw new Error(`${what}: sheet ${JSON.stringify(got)}, engine ${want}`);
  }
};

/** The label cell holding `label` in the panel (column K) and the figure beside it. */
function figureOf(spec: SheetSpec, label: string): string {
  for (const block of spec.blocks) {
    const start = parseCell(block.at);
    for (let r = 0; r < block.cells.length; r++) {
      const cell = block.cells[r]?.[0];
      if (cell !== null && cell !== undefined && typeof cell === "object" && isText(cell) && cell.text === label) {
        return `L${start.row + r + 1}`;
      }
    }
  }
  throw new Error(`no figure labelled ${label}`);
}

const MEMO: PlanInputs = { opening: 1440, intake: new Array(52).fill(25), capacity: new Array(52).fill(1600 / 52), uplift: 0.1, target: 0, firstWeek: JAN_1 };
const MEMO_SHEET = invoer({ opening: 1440, uplift: 0.1, firstWeek: JAN_1, intake: new Array(52).fill(25), capacity: new Array(52).fill(1600 / 52) });

/** Week t's projected figures against the engine. */
function checkWeeks(sheet: ReturnType<typeof evaluate>, inputs: PlanInputs): void {
  const engine = projectBacklog({ opening: inputs.opening, intake: inputs.intake, uplift: inputs.uplift, ...(inputs.capacity !== undefined && { capacity: inputs.capacity }) });
  if (!engine.ok) throw new Error(engine.error.message);
  const lead = decidedLeadTime({
    opening: inputs.opening,
    intake: engine.value.rows.map((r) => r.intake),
    capacity: engine.value.rows.map((r) => r.capacity),
  });
  if (!lead.ok) throw new Error(lead.error.message);
  engine.value.rows.forEach((row, t) => {
    const r = 5 + t;
    near(sheet.value(`D${r}`), row.intake, `intake week ${t + 1}`);
    near(sheet.value(`E${r}`), row.capacity, `capacity week ${t + 1}`);
    near(sheet.value(`F${r}`), row.decisions, `decisions week ${t + 1}`);
    near(sheet.value(`G${r}`), row.backlog, `backlog week ${t + 1}`);
    if (row.leadTimeWeeks === null) expect(sheet.value(`H${r}`)).toBe("");
    else near(sheet.value(`H${r}`), row.leadTimeWeeks, `wait week ${t + 1}`);
    const decided = lead.value.weekly[t];
    if (decided === null || decided === undefined) expect(sheet.value(`I${r}`)).toBe("");
    else near(sheet.value(`I${r}`), decided, `lead time week ${t + 1}`);
  });
}

describe("the memo's 2024 plan, live on the input cells", () => {
  const spec = build(MEMO, { sources: sourcesOf(raw(52, true)) });
  const sheet = evaluate(spec, MEMO_SHEET);

  it("every week's intake, capacity, decisions, backlog, wait and lead time is the engine's, to 1e-9", () => {
    checkWeeks(sheet, MEMO);
    near(sheet.value("G56"), 1140, "closing");
  });

  it("the key figures: 1140 at the end, 249.6 weeks to clear, the memo's lead time in weeks and days", () => {
    near(sheet.value(figureOf(spec, "Beginvoorraad")), 1440, "opening");
    near(sheet.value(figureOf(spec, "Voorraad aan einde horizon")), 1140, "closing");
    near(sheet.value(figureOf(spec, "Weken tot de voorraad nul is")), 1440 / (1600 / 52 - 25), "weeks to clear");
    const engine = decidedLeadTime({ opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    const lead = figureOf(spec, "Doorlooptijd afgedane zaken");
    near(sheet.value(lead), engine.value.mean as number, "lead time (weeks)");
    near(sheet.value(lead.replace("L", "M")), (engine.value.mean as number) * 7, "lead time (days)");
    const wait = figureOf(spec, "Wachttijd nieuwe aanvraag");
    near(sheet.value(wait), 1140 / (1600 / 52), "wait (weeks)");
    near(sheet.value(wait.replace("L", "M")), (1140 / (1600 / 52)) * 7, "wait (days)");
  });

  it("points at the input cells: the intake, the capacity, the opening and the first week are references", () => {
    const table = spec.tables[0] as NonNullable<SheetSpec["tables"][0]>;
    expect(table.rows[0]?.[3]).toEqual({ formula: "=Invoer!$C$10" });
    expect(table.rows[51]?.[3]).toEqual({ formula: "=Invoer!$C$61" });
    expect(table.rows[0]?.[4]).toEqual({ formula: "=Invoer!$D$10" });
    expect(table.rows[0]?.[1]).toEqual({ formula: '=IF(Invoer!$B$5="","",Invoer!$B$5+7*(A5-1))' });
    const opening = spec.blocks.find((b) => b.at === figureOf(spec, "Beginvoorraad"));
    expect(opening?.cells[0]?.[0]).toEqual({ formula: "=Invoer!$B$3" });
  });

  it("typing a new intake (25 → 30) and opening on Invoer moves the whole sheet, still the engine's", () => {
    const moved = evaluate(spec, MEMO_SHEET);
    for (let t = 0; t < 52; t++) moved.set(`C${10 + t}`, t < 26 ? 30 : 20);
    moved.set("B3", 1500);
    checkWeeks(moved, { ...MEMO, opening: 1500, intake: Array.from({ length: 52 }, (_, t) => (t < 26 ? 30 : 20)) });
    near(moved.value(figureOf(spec, "Instroom per week (gemiddeld)")), 25, "mean intake");
  });

  it("dates and ISO weeks follow the first week's cell", () => {
    expect(sheet.value("B5")).toBe(JAN_1);
    expect(sheet.value("C5")).toBe("2024-W01");
    expect(sheet.value("C56")).toBe("2024-W52");
    const moved = evaluate(spec, MEMO_SHEET);
    moved.set("B5", excelDateSerial(2020, 12, 28));
    expect(moved.value("C5")).toBe(isoWeekLabel(excelDateSerial(2020, 12, 28)));
    expect(moved.value("C6")).toBe("2021-W01");
    expect(isoWeekLabel(excelDateSerial(2020, 12, 28))).toBe("2020-W53");
  });

  it("the required capacity follows the target typed on the sheet", () => {
    const required = figureOf(spec, "Capaciteit nodig voor streefvoorraad");
    near(sheet.value(required), 25 + 1440 / 52, "required capacity for 0");
    const target = spec.blocks.find((b) => b.at === figureOf(spec, "Streefvoorraad (vul in)"));
    expect(target?.style).toBe("input");
  });
});

describe("the planning rule, typed values and odd inputs", () => {
  it("without a capacity, the rule's capacity is (1 + the uplift's cell) × the mean intake, and follows the uplift", () => {
    const inputs: PlanInputs = { opening: 1440, intake: new Array(52).fill(25), uplift: 0.1, target: 0 };
    const spec = build(inputs, { sources: sourcesOf(raw(52, false)) });
    const sheet = evaluate(spec, invoer({ opening: 1440, uplift: 0.1, intake: new Array(52).fill(25) }));
    const capacity = figureOf(spec, "Capaciteit per week (planningsregel)");
    near(sheet.value(capacity), 27.5, "rule");
    expect(spec.blocks.find((b) => b.at === capacity.replace("L", "M"))?.cells[0]?.[0]).toEqual({ formula: "=Invoer!$B$4" });
    checkWeeks(sheet, inputs);
    near(sheet.value("G56"), 1310, "closing");
    sheet.set("B4", 0.2);
    near(sheet.value(capacity), 30, "rule at 20%");
    checkWeeks(sheet, { ...inputs, uplift: 0.2 });
  });

  it("without sources (values typed in the pane), the table holds the values read and the formulas still compute", () => {
    const spec = build({ opening: 100, intake: 25, capacity: 0, uplift: 0.1, target: 0, weeks: 10 });
    const table = spec.tables[0] as NonNullable<SheetSpec["tables"][0]>;
    expect(table.rows[0]?.slice(0, 5)).toEqual([1, null, null, 25, 0]);
    const sheet = evaluate(spec, invoer({ opening: 0, uplift: 0, intake: [] }));
    expect(sheet.value(figureOf(spec, "Weken tot de voorraad nul is"))).toBe("nooit");
    // Nothing decided: no wait and no lead time, blank rather than an error.
    expect(sheet.value("H5")).toBe("");
    expect(sheet.value("I14")).toBe("");
    expect(sheet.value(figureOf(spec, "Doorlooptijd afgedane zaken"))).toBe("");
    near(sheet.value("G14"), 350, "closing");
  });

  it("a varying intake and capacity, with weeks where the backlog runs out: still the engine's lead time", () => {
    const intake = Array.from({ length: 30 }, (_, t) => [0, 40, 5, 0, 25][t % 5] as number);
    const capacity = Array.from({ length: 30 }, (_, t) => [60, 10, 0, 30, 45][t % 5] as number);
    const inputs: PlanInputs = { opening: 50, intake, capacity, uplift: 0.1, target: 0 };
    const spec = build(inputs, { sources: sourcesOf(raw(30, true)) });
    const sheet = evaluate(spec, invoer({ opening: 50, uplift: 0.1, intake, capacity }));
    checkWeeks(sheet, inputs);
  });
});

describe("laid out for a meeting", () => {
  const spec = build(MEMO, { sources: sourcesOf(raw(52, true)) });

  it("the weekly table at A4, marked by the add-in's own table name, its header frozen and repeated on each page", () => {
    const table = spec.tables[0] as NonNullable<SheetSpec["tables"][0]>;
    expect(spec.markerTable).toBe(PROJECTION_TABLE);
    expect(table.name).toBe(PROJECTION_TABLE);
    expect(table.at).toBe("A4");
    expect(table.rows).toHaveLength(52);
    expect(table.columns.map((c) => c.header)).toEqual([
      "Week",
      "Beginweek",
      "ISO-week",
      "Instroom",
      "Capaciteit",
      "Afdoeningen",
      "Voorraad eind week",
      "Wachttijd nieuwe aanvraag (weken)",
      "Doorlooptijd afgedane zaken (weken)",
    ]);
    expect(spec.freeze).toEqual({ rows: 4, columns: 0 });
    expect(spec.print?.titleRows).toEqual({ first: 4, last: 4 });
  });

  it("A4 landscape, one page wide, at 8 pt or more, the title and date in the header, the helpers outside the print area", () => {
    expect(spec.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      title: "Prognose voorraad opvolgende asielaanvragen",
      made: "gemaakt op 2024-01-15",
      pageWords: { page: "pagina", of: "van" },
      area: "A1:O56",
    });
    expect(printScale(widthsOf(spec.columnWidths ?? {}, 0, 14))).toBeGreaterThanOrEqual(MIN_SCALE);
    // The lead time's helpers (from column Q) are on the sheet but not printed.
    const helper = spec.blocks.find((b) => b.style === "header" && parseCell(b.at).column >= 16);
    expect(parseCell(helper?.at ?? "A1").column).toBe(16);
  });

  it("a chart of the backlog, its axis from a round number below it, and the weekly flows on a second axis", () => {
    const chart = spec.charts[0];
    expect(chart).toMatchObject({
      kind: "line",
      categories: "A5:A56",
      yAxisMin: 1000,
      yAxisTitle: "Voorraad (zaken)",
      secondaryAxisTitle: "Zaken per week",
    });
    expect(chart?.series).toEqual([
      { name: "Voorraad (linkeras)", values: "G5:G56" },
      { name: "Instroom per week", values: "D5:D56", secondary: true },
      { name: "Capaciteit per week", values: "E5:E56", secondary: true, dashed: true },
      { name: "Afdoeningen per week", values: "F5:F56", secondary: true },
    ]);
    // Beside the table, in the print area's panel (K–O).
    expect(parseCell(chart?.at ?? "A1").column).toBe(10);
    expect(chart?.widthColumns).toBe(5);
  });

  it("names the lead time for what it is and compares the model's 2023 with the memo's 343 days", () => {
    const words = spec.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c !== null && typeof c === "object" && isText(c) ? [c.text] : []));
    const notes = words.join(" ");
    expect(notes).toContain("343 dagen doorlooptijd in 2023");
    expect(notes).toContain("395 dagen");
    expect(notes).toContain("wet van Little");
    expect(notes).not.toContain("zoals de nota");
    expect(words).toContain("Gemaakt door de Voorraadplanner op 2024-01-15. De cijfers zijn formules op de invoercellen: wijzig de invoer en de prognose rekent mee, ook zonder de add-in. Een nieuwe prognose vervangt dit blad.");
  });

  it("keeps blocks rectangular, the table's rows full, and nothing written twice", () => {
    const seen = new Set<string>();
    const put = (at: string, rows: Cell[][]): void => {
      const start = parseCell(at);
      const width = rows[0]?.length ?? 0;
      rows.forEach((row, r) => {
        expect(row).toHaveLength(width);
        row.forEach((_, c) => {
          const key = `${start.row + r},${start.column + c}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        });
      });
    };
    for (const block of spec.blocks) put(block.at, block.cells);
    for (const table of spec.tables) put(table.at, [table.columns.map((c) => ({ text: c.header })), ...table.rows]);
  });

  it("English, and another horizon", () => {
    const english = build({ ...MEMO, weeks: 10 }, { language: "en" });
    expect(english.name).toBe("Projection");
    expect(english.tables[0]?.rows).toHaveLength(10);
    expect(english.tables[0]?.columns[6]?.header).toBe("Backlog end of week");
    expect(english.print?.area).toMatch(/^A1:O\d+$/);
    expect(english.print?.title).toBe("Backlog projection, subsequent asylum applications");
    expect(english.print?.made).toBe(`made on ${isoDate(JAN_15)}`);
    expect(english.charts[0]?.series.map((s) => s.name)).toEqual(["Backlog (left axis)", "Intake per week", "Capacity per week", "Decisions per week"]);
  });
});

describe("the sections: fixed values, and a cell that warns when the inputs changed since", () => {
  const simulation = simulateBacklog(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, runs: 500, target: 1140 });
  const tracks = projectTracks({ openingByTrack: 1440, intake: new Array(52).fill(25), shares: [190 / 1390, 0.2], capacity: new Array(52).fill(1600 / 52), fastLeadTimeDays: 88 });
  if (!simulation.ok || !tracks.ok) throw new Error("no sections");
  const projection = runProjection(MEMO);
  if (!projection.ok) throw new Error(projection.error.message);
  const built = buildProjectionSheet({
    figures: projectionFigures(MEMO, projection.value),
    language: "nl",
    createdOn: JAN_15,
    sources: sourcesOf(raw(52, true)),
    sections: { simulation: { result: simulation.value, seed: 2024 }, tracks: tracks.value },
    sample: true,
  });
  const spec = built.spec;

  it("the fan and the tracks in the panel, their weekly values right of the helpers, outside the print area", () => {
    expect(built.uncertainty?.sentence?.nl).toMatch(/^kans \d+% dat de voorraad in week 52 ≤ 1140 is$/);
    const tracksTable = spec.tables[built.tracksTable as number];
    expect(tracksTable?.at).toBe("AE4");
    const fan = spec.blocks.find((b) => b.at === "X4");
    expect(fan?.cells[0]?.[0]).toEqual({ text: "Week" });
    expect(spec.charts.map((c) => c.kind)).toEqual(["line", "band", "areaStacked"]);
    for (const chart of spec.charts) expect(parseCell(chart.at).column).toBe(10);
    // The example share is flagged on the sheet: the sample workbook's setting.
    const titles = spec.blocks.filter((b) => b.style === "subtitle").map((b) => (b.cells[0]?.[0] as { text: string }).text);
    expect(titles).toContain("Sporen per behandelspoor (voorbeeldinstelling)");
    expect(spec.charts[2]?.title).toBe("Voorraad per behandelspoor (aandeel spoor 2: voorbeeld)");
  });

  it("the warning cells say the inputs are unchanged, and warn (in words and colour) once an input changes", () => {
    const warnings = spec.blocks.filter((b) => {
      const cell = b.cells[0]?.[0];
      return cell !== null && cell !== undefined && typeof cell === "object" && isFormula(cell) && cell.formula.includes("LET OP");
    });
    expect(warnings).toHaveLength(2);
    expect(spec.conditionalFormats?.map((f) => f.range)).toEqual(warnings.map((w) => w.at));
    const sheet = evaluate(spec, MEMO_SHEET);
    for (const w of warnings) expect(sheet.value(w.at)).toBe("Invoer ongewijzigd sinds de berekening op 2024-01-15.");
    sheet.set("C20", 26);
    for (const w of warnings) expect(sheet.value(w.at)).toBe("LET OP: invoer gewijzigd na 2024-01-15; maak een nieuwe prognose.");
    // The intake moved from one week to another, same sum: still a change.
    const swapped = evaluate(spec, MEMO_SHEET);
    swapped.set("C20", 26);
    swapped.set("C21", 24);
    for (const w of warnings) expect(swapped.value(w.at)).toMatch(/^LET OP/);
  });

  it("why the tracks end below the projection, in a line of its own", () => {
    const text = spec.blocks.flatMap((b: Block) => b.cells.flat()).flatMap((c) => (c !== null && typeof c === "object" && isText(c) ? [c.text] : [])).join(" ");
    expect(text).toMatch(/Waarom 1004,5 en niet 1140, de voorraad van de prognose\?/);
  });
});
