/**
 * FORECAST_INTAKE against LibreOffice's FORECAST.ETS (its implementation of Excel's FORECAST.ETS,
 * run headless) on the inputs where the two methods coincide: a constant history, a pure monthly
 * season, and straight lines up and down. Both must give the same twelve months. (Elsewhere they
 * differ by design: docs/forecast.md.) One workbook, one LibreOffice launch.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { etsFormula, Seasonality } from "../../../bench/forecastAccuracy/libreoffice";
import { forecastIntake } from "../../../src/engine/forecast/forecastIntake";
import { convert, CSV_ALL_SHEETS, readSheetCsv } from "../../helpers/libreoffice";

const PATTERN = [120, 100, 110, 90, 95, 105, 130, 140, 150, 135, 115, 110];
/** Each case with the FORECAST.ETS seasonality it is compared at (LibreOffice gives #NUM! for season 12 on a flat or straight history). */
const CASES: Array<{ name: string; history: number[]; seasonality: Seasonality }> = [
  { name: "constant 25", history: Array(36).fill(25), seasonality: 1 },
  { name: "pure season, season 12", history: Array.from({ length: 36 }, (_, t) => PATTERN[t % 12] as number), seasonality: 12 },
  { name: "pure season, detected", history: Array.from({ length: 36 }, (_, t) => PATTERN[t % 12] as number), seasonality: 1 },
  { name: "up 2 a month", history: Array.from({ length: 36 }, (_, t) => 100 + 2 * t), seasonality: 1 },
  { name: "down 7 a month", history: Array.from({ length: 36 }, (_, t) => 500 - 7 * t), seasonality: 1 },
];

let libreOffice: number[][];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-lo-"));
  const file = path.join(dir, "reference.xlsx");
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  for (let i = 0; i < 36; i++) data.getCell(i + 1, 1).value = i + 1;
  CASES.forEach((c, k) => c.history.forEach((v, i) => (data.getCell(i + 1, k + 2).value = v)));
  const sheet = wb.addWorksheet("Forecast");
  CASES.forEach((c, k) => {
    const column = String.fromCharCode(66 + k);
    for (let h = 1; h <= 12; h++) sheet.getCell(k + 1, h).value = { formula: etsFormula(column, 36, h, c.seasonality) } as ExcelJS.CellValue;
  });
  await wb.xlsx.writeFile(file);
  const out = await convert([file], CSV_ALL_SHEETS, dir);
  libreOffice = readSheetCsv(out, file, "Forecast").map((row) => row.slice(0, 12).map(Number));
  fs.rmSync(dir, { recursive: true, force: true });
});

test.each(CASES.map((c, k) => [c.name, k] as const))("%s: the same twelve months as LibreOffice's FORECAST.ETS", (_name, k) => {
  const c = CASES[k] as (typeof CASES)[number];
  const ours = forecastIntake({ history: c.history, horizon: 12, periodsPerYear: 12 });
  if (!ours.ok) throw new Error(ours.error.message);
  const theirs = libreOffice[k] as number[];
  expect(theirs.every(Number.isFinite)).toBe(true);
  ours.value.forecast.forEach((f, h) => expect(f).toBeCloseTo(theirs[h] as number, 5));
});
