/**
 * An intake history in a workbook through `npm run plan` (issue 24, item 3): read from its names
 * (a range, a whole column with its header, a start date in the 1904 date system), the plan on its
 * forecast, the periods as a name or as `--history-periods`, and each refusal: one sentence, exit
 * code 2, nothing written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { planWorkbook } from "../../src/cli/plan";
import { definedNameXml } from "../../src/hosts/xlsx/definedNames";
import { createRng, drawPoisson, forecastIntake, spreadMonthsOverWeeks } from "../../src/engine";
import { excelDateSerial } from "../../src/sheets/spec";
import { CliRun, JAN_15, runCli } from "./planHelpers";

const START = excelDateSerial(2021, 1, 4);
const JAN_1_2024 = excelDateSerial(2024, 1, 1);

function weeklyHistory(): number[] {
  const rng = createRng(3);
  return Array.from({ length: 156 }, (_, t) => drawPoisson(rng, 28 * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 52)) - t * 0.04));
}
const WEEKS = weeklyHistory();

interface HistoryBook {
  /** The counts, or any cell values; default the weekly history. */
  values?: unknown[];
  /** Excel serial of the first period (as the workbook stores it); undefined: no start. */
  start?: number | undefined;
  /** Extra names: name → cell value on the sheet (a constant in column H). */
  settings?: Record<string, unknown>;
  /** The name over the history: "range" (D2:D…) or "column" ($D:$D, the header skipped). */
  reference?: "range" | "column";
  intake?: number;
  firstWeek?: number;
  date1904?: boolean;
}

async function historyBook(options: HistoryBook = {}): Promise<Buffer> {
  const values = options.values ?? WEEKS;
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = new Date(Date.UTC(2024, 0, 1));
  const ws = wb.addWorksheet("Invoer");
  ws.getCell("A2").value = "Beginvoorraad";
  ws.getCell("B2").value = 1440;
  wb.definedNames.add("Invoer!$B$2", "Beginvoorraad");
  ws.getCell("D1").value = "Instroom per week";
  values.forEach((v, i) => (ws.getCell(2 + i, 4).value = v as ExcelJS.CellValue));
  // ExcelJS drops a name over a whole column: that one is added to the package afterwards.
  const whole = options.reference === "column";
  if (!whole) wb.definedNames.add(`Invoer!$D$2:$D$${1 + values.length}`, "InstroomHistorie");
  if ("start" in options ? options.start !== undefined : true) {
    ws.getCell("B3").value = "start" in options ? (options.start as number) : START;
    ws.getCell("B3").numFmt = "yyyy-mm-dd";
    wb.definedNames.add("Invoer!$B$3", "InstroomHistorieStart");
  }
  if (options.intake !== undefined) {
    ws.getCell("B4").value = options.intake;
    wb.definedNames.add("Invoer!$B$4", "Instroom");
  }
  if (options.firstWeek !== undefined) {
    ws.getCell("B5").value = options.firstWeek;
    wb.definedNames.add("Invoer!$B$5", "EersteWeek");
  }
  Object.entries(options.settings ?? {}).forEach(([name, value], i) => {
    ws.getCell(2 + i, 8).value = value as ExcelJS.CellValue;
    wb.definedNames.add(`Invoer!$H$${2 + i}`, name);
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  if (!options.date1904 && !whole) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  let xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  // Excel for Mac's old default: every date serial 1462 days smaller, and the flag on workbookPr.
  if (options.date1904) xml = xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"');
  if (whole) xml = xml.replace("</definedNames>", `${definedNameXml("InstroomHistorie", "Invoer!$D:$D")}</definedNames>`);
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "nodebuffer" });
}

const plan = (bytes: Buffer, language: "nl" | "en" = "nl", settings = {}): ReturnType<typeof planWorkbook> =>
  planWorkbook(bytes, { language, createdOn: JAN_15, settings });

async function refusal(bytes: Buffer, language: "nl" | "en" = "nl", settings = {}): Promise<string> {
  const result = await plan(bytes, language, settings);
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("a weekly history without Intake: the plan takes its forecast", () => {
  test("52 weeks from the week after the history, the intake the forecast, the rule's capacity 1.1 × its mean", async () => {
    const result = await plan(await historyBook());
    if (!result.ok) throw new Error(result.message);
    const engine = forecastIntake({ history: WEEKS, horizon: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(result.projection.rows.map((r) => r.intake)).toEqual(engine.value.forecast);
    expect(result.inputs.intakeFromHistory).toBe(true);
    const mean = engine.value.forecast.reduce((a, b) => a + b) / 52;
    expect(result.summary.meanCapacity).toBeCloseTo(1.1 * mean, 9);
    // The sheets are dated from the week after the history: 2024-01-01 is the projection's week 1.
    expect(result.projection.rows).toHaveLength(52);
  });

  test("a whole column with its header reads the same, with the reading note", async () => {
    const result = await plan(await historyBook({ reference: "column" }));
    const range = await plan(await historyBook());
    if (!result.ok || !range.ok) throw new Error("plan");
    expect(result.projection.rows).toEqual(range.projection.rows);
    expect(result.notes).toEqual(["In Invoer!D:D is D1 ('Instroom per week') als kop gelezen en overgeslagen; de cijfers komen uit D2:D157."]);
  });

  test("a start date in a 1904 workbook is the same day", async () => {
    const result = await plan(await historyBook({ start: START - 1462, date1904: true }));
    const plain = await plan(await historyBook());
    if (!result.ok || !plain.ok) throw new Error("plan");
    expect(result.projection.rows).toEqual(plain.projection.rows);
  });

  test("the horizon: 52 weeks unless --weeks or the name HorizonWeken says otherwise", async () => {
    const result = await plan(await historyBook());
    expect(result.ok && result.projection.rows.length).toBe(52);
    const byFlag = await plan(await historyBook(), "nl", { weeks: { value: "26", source: { flag: "--weeks" } } });
    const byName = await plan(await historyBook({ settings: { HorizonWeken: 26 } }));
    if (!byFlag.ok || !byName.ok) throw new Error("plan");
    const engine = forecastIntake({ history: WEEKS, horizon: 26 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(byFlag.projection.rows.map((r) => r.intake)).toEqual(engine.value.forecast);
    expect(byName.projection.rows).toEqual(byFlag.projection.rows);
    expect(await refusal(await historyBook(), "en", { weeks: { value: "2.5", source: { flag: "--weeks" } } })).toBe(
      "--weeks must be a whole number of weeks, 1 or more, not '2.5'.",
    );
  });

  test("week 1 after a history that starts on a Tuesday is a Tuesday, and the notes say so", async () => {
    const result = await plan(await historyBook({ start: START + 1 }), "en");
    if (!result.ok) throw new Error(result.message);
    expect(result.inputs.firstWeek).toBe(START + 1 + 7 * 156);
    expect(result.notes.some((note) => /Tuesday/.test(note))).toBe(true);
  });

  test("the source line: which intake the plan used, in both languages", async () => {
    const result = await plan(await historyBook());
    if (!result.ok) throw new Error(result.message);
    expect(result.intakeForecast?.use).toBe("plan");
    expect(result.intakeForecast?.source.nl).toMatch(/^Instroom: prognose uit de instroomhistorie \(156 weken, 2021-01-04 t\/m 2023-12-31, Invoer!D2:D157\)/);
    expect(result.inputs.intake).toEqual(result.intakeForecast?.weekly);
    const given = await plan(await historyBook({ intake: 25 }), "en");
    if (!given.ok) throw new Error(given.message);
    expect(given.intakeForecast?.use).toBe("comparison");
    expect(given.intakeForecast?.source.en).toMatch(/^For comparison, not in the plan \(which uses the intake given\): forecast from the intake history/);
  });

  test("with the uncertainty, the band is drawn around the forecast; an intake level spread is refused", async () => {
    const result = await plan(await historyBook(), "en", { uncertainty: { value: true, source: { flag: "--uncertainty" } }, runs: { value: "2000", source: { flag: "--runs" } } });
    if (!result.ok) throw new Error(result.message);
    expect(result.uncertainty?.runs).toBe(2000);
    const spread = await refusal(await historyBook({ settings: { SpreidingInstroomniveau: 0.1 } }), "nl", { uncertainty: { value: true, source: { flag: "--uncertainty" } } });
    expect(spread).toBe(
      "De instroom komt uit de prognose van de instroomhistorie, en de onzekerheid van de prognose neemt de plaats in van de spreiding van het instroomniveau; laat de naam SpreidingInstroomniveau weg (of geef zelf de instroom).",
    );
  });
});

describe("a monthly history", () => {
  const rng = createRng(4);
  const MONTHS = Array.from({ length: 48 }, (_, t) => drawPoisson(rng, 120 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12))));
  const monthly = (settings: Record<string, unknown> = {}): Promise<Buffer> =>
    historyBook({ values: MONTHS, start: excelDateSerial(2020, 1, 1), settings });

  test("with the name InstroomHistoriePerioden = 12: spread over the weeks by calendar days", async () => {
    const result = await plan(await monthly({ InstroomHistoriePerioden: 12 }));
    if (!result.ok) throw new Error(result.message);
    const engine = forecastIntake({ history: MONTHS, horizon: 12, periodsPerYear: 12 });
    if (!engine.ok) throw new Error(engine.error.message);
    const weekly = spreadMonthsOverWeeks({ monthly: engine.value.forecast, firstMonth: { year: 2024, month: 1 }, firstWeek: JAN_1_2024, weeks: 52 });
    if (!weekly.ok) throw new Error(weekly.error.message);
    expect(result.projection.rows.map((r) => r.intake)).toEqual(weekly.value);
  });

  test("--history-periods 12 does the same, and wins over the name", async () => {
    const flag = { historyPeriods: { value: "12", source: { flag: "--history-periods" } } };
    const byFlag = await plan(await monthly({ InstroomHistoriePerioden: 52 }), "nl", flag);
    const byName = await plan(await monthly({ InstroomHistoriePerioden: "maand" }));
    if (!byFlag.ok || !byName.ok) throw new Error("plan");
    expect(byFlag.projection.rows).toEqual(byName.projection.rows);
  });

  test("read as weeks (no periods given), its 48 values end in 2020 and the plan starts in 2024: refused, saying why", async () => {
    const message = await refusal(await historyBook({ values: MONTHS, start: excelDateSerial(2020, 1, 1), firstWeek: JAN_1_2024 }), "en");
    expect(message).toBe(
      "The first week (2024-01-01) is 161 weeks after the end of the intake history (2020-12-01); the forecast may start at most a year after the history. If the history holds monthly figures, give 12 periods per year (IntakeHistoryPeriods).",
    );
  });
});

describe("refusals: one sentence naming the cell, nothing computed", () => {
  test("a text cell in the history names the cell and the value's position", async () => {
    const values: unknown[] = [...WEEKS];
    values[9] = "onbekend";
    expect(await refusal(await historyBook({ values }))).toBe(
      "Invoer!D11 (waarde 10 van de instroomhistorie) bevat de tekst 'onbekend'; er werd een aantal verwacht.",
    );
  });

  test("a blank inside the history", async () => {
    const values: unknown[] = [...WEEKS];
    values[40] = null;
    expect(await refusal(await historyBook({ values }), "en")).toBe(
      "Invoer!D42 (value 41 of the intake history) is blank; the forecast needs a count for every period: enter 0 if nothing came in, or start the history after the blank cell.",
    );
  });

  test("a FirstWeek inside the history", async () => {
    expect(await refusal(await historyBook({ firstWeek: excelDateSerial(2023, 10, 2) }))).toBe(
      "De eerste week (2023-10-02) valt binnen de instroomhistorie, die loopt tot en met 2023-12-31; de prognose begint na de historie. Kies een eerste week vanaf 2024-01-01, of laat de eerste week leeg.",
    );
  });

  test("a start that is not a date", async () => {
    const wb = await historyBook({ start: undefined, settings: {} });
    // The start's name over a text cell.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(wb as unknown as ArrayBuffer);
    book.getWorksheet("Invoer")!.getCell("B3").value = "januari 2021";
    book.definedNames.add("Invoer!$B$3", "InstroomHistorieStart");
    const message = await refusal(Buffer.from(await book.xlsx.writeBuffer()), "en");
    expect(message).toBe("Invoer!B3 contains 'januari 2021', not a date; type the date of the history's first week (or month), for example 2021-01-04.");
  });

  test("bad periods, as a name and as a flag", async () => {
    expect(await refusal(await historyBook({ settings: { InstroomHistoriePerioden: 4 } }))).toBe(
      "De naam InstroomHistoriePerioden moet 52 (weekcijfers) of 12 (maandcijfers) zijn, niet '4'.",
    );
  });

  test("neither Intake nor a history: the sentence names both ways", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Invoer").getCell("B2").value = 1440;
    wb.definedNames.add("Invoer!$B$2", "Beginvoorraad");
    expect(await refusal(Buffer.from(await wb.xlsx.writeBuffer()))).toBe(
      "De werkmap heeft geen naam voor de instroom: geef de cel(len) met de instroom de werkmapnaam Instroom (of Intake), of geef een instroomhistorie de naam InstroomHistorie (of IntakeHistory): dan rekent het plan met de prognose daaruit.",
    );
  });
});

describe("npm run plan --history-periods", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-history-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (argv: string[]): Promise<CliRun> => runCli(dir, argv);

  test("a bad value is one sentence, exit code 2, nothing written", async () => {
    fs.writeFileSync(path.join(dir, "in.xlsx"), await historyBook());
    const result = await run(["--in", "in.xlsx", "--history-periods", "13", "--lang", "en"]);
    expect(result).toEqual({ code: 2, stdout: [], stderr: ["--history-periods must be 52 (weekly figures) or 12 (monthly figures), not '13'."] });
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("a good one plans and writes", async () => {
    fs.writeFileSync(path.join(dir, "in.xlsx"), await historyBook());
    const result = await run(["--in", "in.xlsx", "--history-periods", "52"]);
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "out", "plan.xlsx"))).toBe(true);
  });
});
