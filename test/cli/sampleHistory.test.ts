/**
 * The sample's constructed intake history (issue 24, item 6): it adds up to the memo's yearly
 * totals, its season's shape is what the Eurostat series in ../shared show (measured again here,
 * where they lie), it is labelled as constructed, and with it the sample's plan stays as it is
 * while the forecast from it is shown as a comparison; without the sample's Intake, the plan
 * takes the forecast (through `npm run plan`'s reading path).
 */
import * as fs from "fs";
import * as path from "path";
import { planWorkbook } from "../../src/cli/plan";
import {
  BORROWED_MONTH_SHAPE,
  MEMO_YEAR_TOTALS,
  SAMPLE_HISTORY_SHEET,
  SAMPLE_HISTORY_START,
  sampleIntakeHistory,
} from "../../src/cli/sampleHistory";
import { makeSampleWorkbook, SAMPLE_TABLE_HEADER_ROW } from "../../src/cli/sampleWorkbook";
import { dayOfSerial, isoWeekday } from "../../src/engine";
import { readXlsxInputs } from "../../src/hosts/xlsx";
import { planSheets } from "../../src/plan/planSheets";
import { readPlanInputs } from "../../src/sheets/inputs";
import { excelDateSerial } from "../../src/sheets/spec";
import { readPackage } from "../helpers/xlsxPackage";
import { FORECAST_DATA_DIR } from "../../bench/forecastAccuracy/data";

const JAN_15 = excelDateSerial(2024, 1, 15);
const history = sampleIntakeHistory();

async function sampleBytes(language: "nl" | "en", withIntake = true): Promise<Buffer> {
  // The sample's 52 weeks carry the history (makeSampleWorkbook's `history`).
  const wb = makeSampleWorkbook({ names: language });
  if (!withIntake) {
    // ExcelJS keeps a name cell by cell: every cell of the intake's range lets go of it.
    const first = SAMPLE_TABLE_HEADER_ROW + 1;
    for (let row = first; row < first + 52; row++) wb.definedNames.remove(`Invoer!$C$${row}`, language === "nl" ? "Instroom" : "Intake");
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("the constructed history", () => {
  test("156 whole weeks from Monday 2021-01-04; each ISO year adds up to the memo's total exactly", () => {
    expect(history).toHaveLength(156);
    expect(history.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    expect(isoWeekday(SAMPLE_HISTORY_START)).toBe(1);
    expect(dayOfSerial(SAMPLE_HISTORY_START + 7 * 156 - 1)).toEqual({ year: 2023, month: 12, day: 31 });
    MEMO_YEAR_TOTALS.forEach(({ total }, y) => expect(history.slice(52 * y, 52 * (y + 1)).reduce((a, b) => a + b)).toBe(total));
    expect(sampleIntakeHistory()).toEqual(history); // a fixed seed: the same file every time
  });

  test("the season's shape is the one measured on Eurostat's NL subsequent applicants, 2008–2019", () => {
    const rows = fs
      .readFileSync(path.join(FORECAST_DATA_DIR, "nl_asy_subsequent.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .filter(([date]) => (date as string) >= "2008-01" && (date as string) < "2020-01");
    const byYear = new Map<string, number>();
    for (const [date, value] of rows) byYear.set((date as string).slice(0, 4), (byYear.get((date as string).slice(0, 4)) ?? 0) + Number(value));
    const shape = new Array<number>(12).fill(0);
    for (const [date, value] of rows) {
      const year = byYear.get((date as string).slice(0, 4)) as number;
      shape[Number((date as string).slice(5, 7)) - 1]! += Number(value) / (year / 12) / byYear.size;
    }
    shape.forEach((ratio, m) => expect(Math.abs(ratio - BORROWED_MONTH_SHAPE[m]!)).toBeLessThanOrEqual(0.005 + 1e-12));
  });

  test("the history carries that season: October's weeks above May's and December's", () => {
    const monthMean = (month: number): number => {
      const weeks = history.filter((_, w) => dayOfSerial(SAMPLE_HISTORY_START + 7 * w + 3).month === month);
      return weeks.reduce((a, b) => a + b) / weeks.length;
    };
    expect(monthMean(10)).toBeGreaterThan(monthMean(5));
    expect(monthMean(10)).toBeGreaterThan(monthMean(12));
  });
});

describe("in the sample workbook", () => {
  test("a sheet of its own, labelled as constructed, with the names the plan reads", async () => {
    const pkg = await readPackage(await sampleBytes("nl"));
    const sheet = pkg.sheet(SAMPLE_HISTORY_SHEET.nl);
    expect(sheet.cells.get("A1")?.value).toMatch(/GECONSTRUEERD, geen IND-cijfers/);
    expect(sheet.cells.get("A2")?.value).toMatch(/Eurostat/);
    expect(sheet.cells.get("C5")?.value).toBe(String(history[0]));
    expect(sheet.cells.get("C160")?.value).toBe(String(history[155]));
    const names = Object.fromEntries(pkg.names.map((n) => [n.name, n.formula]));
    expect(names["InstroomHistorie"]).toMatch(/^'?Instroomhistorie'?!\$C\$5:\$C\$160$/);
    expect(names["InstroomHistorieStart"]).toMatch(/^'?Instroomhistorie'?!\$A\$5$/);
    const en = await readPackage(await sampleBytes("en"));
    expect(en.sheet(SAMPLE_HISTORY_SHEET.en).cells.get("A1")?.value).toMatch(/CONSTRUCTED, not IND data/);
    expect(en.names.map((n) => n.name)).toEqual(expect.arrayContaining(["IntakeHistory", "IntakeHistoryStart"]));
  });

  test("the sample keeps Intake = 25: its plan is the memo's (1140 after 52 weeks); the forecast is a comparison", async () => {
    const bytes = await sampleBytes("nl");
    const result = await planWorkbook(bytes, { language: "nl", createdOn: JAN_15 });
    if (!result.ok) throw new Error(result.message);
    expect(result.summary.closingBacklog).toBeCloseTo(1140, 6);
    expect(result.summary.meanIntake).toBe(25);
    const read = readXlsxInputs(bytes);
    if (!read.ok) throw new Error(read.problem.code);
    const inputs = readPlanInputs(read.raw);
    if (!inputs.ok) throw new Error(inputs.problem.code);
    const planned = await planSheets(inputs.inputs, { language: "nl", createdOn: JAN_15, sheets: ["projection"] });
    if (!planned.ok) throw new Error(planned.problem.kind);
    const forecast = planned.intakeForecast;
    expect(forecast?.use).toBe("comparison");
    expect(forecast?.weekly).toHaveLength(52);
    expect(forecast?.firstWeek).toBe(excelDateSerial(2024, 1, 1));
    expect(forecast?.source.nl).toMatch(/^Ter vergelijking, niet in het plan .*156 weken, 2021-01-04 t\/m 2023-12-31, Instroomhistorie!C5:C160/);
    // The memo's years fell 1810 → 1530 → 1390: the forecast for 2024 is below the flat 25 a week.
    expect(forecast?.meanWeekly).toBeLessThan(25);
    expect(forecast?.meanWeekly).toBeGreaterThan(15);
  });

  test("without the sample's Intake, npm run plan's reading path plans on the forecast from the history", async () => {
    const result = await planWorkbook(await sampleBytes("en", false), { language: "en", createdOn: JAN_15 });
    if (!result.ok) throw new Error(result.message);
    const read = readXlsxInputs(await sampleBytes("en", false));
    if (!read.ok) throw new Error(read.problem.code);
    expect(read.raw.intake).toBeUndefined();
    const inputs = readPlanInputs(read.raw);
    if (!inputs.ok) throw new Error(inputs.problem.code);
    const planned = await planSheets(inputs.inputs, { language: "en", createdOn: JAN_15, sheets: ["projection"] });
    if (!planned.ok) throw new Error(planned.problem.kind);
    expect(planned.intakeForecast?.use).toBe("plan");
    expect(result.projection.rows.map((r) => r.intake)).toEqual(planned.intakeForecast?.weekly);
    expect(result.summary.meanIntake).toBeCloseTo(planned.intakeForecast?.meanWeekly as number, 9);
    expect(result.projection.rows).toHaveLength(52);
    // The sample has a capacity (1600 a year): the plan keeps it.
    expect(result.summary.meanCapacity).toBeCloseTo(1600 / 52, 9);
  });
});
