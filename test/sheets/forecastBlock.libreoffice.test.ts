/**
 * Prognose with an intake history (issue 24, item 3), recalculated by LibreOffice: the sample's
 * workbook without its Intake and Capacity, so that the plan's intake is the forecast from the
 * constructed history and its capacity the planning rule on it. The table's intake column reads
 * the forecast's fixed values, the rule's capacity is (1 + uplift) × their mean, and the whole
 * projection equals the engine's on that intake, to 1e-9. A history cell edited afterwards
 * turns the forecast's check, and the fixed sections' check, into a warning; the sample itself
 * (its own 25 a week) shows the forecast beside the plan as a comparison, the plan's line live.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planWorkbook } from "../../src/cli/plan";
import { makeSampleWorkbook, SAMPLE_TABLE_HEADER_ROW } from "../../src/cli/sampleWorkbook";
import { projectBacklog } from "../../src/engine";
import type { PlanIntakeForecast } from "../../src/plan/intakeForecast";
import { isoWeekLabel } from "../../src/sheets/dates";
import { excelDateSerial } from "../../src/sheets/spec";
import { convert, csvCell, CSV_ALL_SHEETS, findSoffice, readSheetCsv } from "../helpers/libreoffice";
import { readPackage } from "../helpers/xlsxPackage";

const JAN_1 = excelDateSerial(2024, 1, 1);
const JAN_15 = excelDateSerial(2024, 1, 15);
/** The forecast's columns (right of the helpers, Q–V, and with --uncertainty of its seven, X–AD): week, P50, P10, P90; the check above them. */
const COLUMNS = { plain: { p50: "Y", p10: "Z", p90: "AA", check: "AB2" }, sections: { p50: "AF", p10: "AG", p90: "AH", check: "AI2" } };

let dir: string;
let csv: string;
const files = { plan: "", planEdited: "", sections: "", sectionsEdited: "", sample: "" };
const forecasts: Partial<Record<"plan" | "sample", PlanIntakeForecast | undefined>> = {};

/** The sample without its Intake and Capacity names: the plan takes the history's forecast and the planning rule. */
async function fromHistory(): Promise<Buffer> {
  const wb = makeSampleWorkbook({ names: "nl" });
  const first = SAMPLE_TABLE_HEADER_ROW + 1;
  for (let row = first; row < first + 52; row++) {
    wb.definedNames.remove(`Invoer!$C$${row}`, "Instroom");
    wb.definedNames.remove(`Invoer!$D$${row}`, "Capaciteit");
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A copy with the history's week 16 (Instroomhistorie!C20) raised by 5, as a planner would correct it. */
async function edited(source: string, target: string): Promise<void> {
  const pkg = await readPackage(fs.readFileSync(source));
  const sheet = pkg.sheet("Instroomhistorie");
  const cell = /<c r="C20"([^>]*)><v>([^<]*)<\/v><\/c>/;
  const found = cell.exec(sheet.xml);
  if (!found) throw new Error("no value cell C20 on Instroomhistorie");
  pkg.zip.file(sheet.path, sheet.xml.replace(cell, `<c r="C20"$1><v>${Number(found[2]) + 5}</v></c>`));
  fs.writeFileSync(target, await pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

beforeAll(async () => {
  findSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-lo-"));
  const input = await fromHistory();
  const write = async (name: keyof typeof files, bytes: Buffer, uncertainty: boolean): Promise<PlanIntakeForecast | undefined> => {
    const settings = uncertainty ? { uncertainty: { value: true, source: { flag: "--uncertainty" } }, runs: { value: "500", source: { flag: "--runs" } } } : {};
    const result = await planWorkbook(bytes, { language: "nl", createdOn: JAN_15, settings });
    if (!result.ok) throw new Error(result.message);
    files[name] = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(files[name], result.xlsx);
    return result.intakeForecast;
  };
  forecasts.plan = await write("plan", input, false);
  await write("sections", input, true);
  forecasts.sample = await write("sample", fs.readFileSync(path.join(__dirname, "..", "..", "assets", "voorbeeld-invoer.xlsx")), false);
  files.planEdited = path.join(dir, "plan-edited.xlsx");
  files.sectionsEdited = path.join(dir, "sections-edited.xlsx");
  await edited(files.plan, files.planEdited);
  await edited(files.sections, files.sectionsEdited);
  csv = await convert(Object.values(files), CSV_ALL_SHEETS, path.join(dir, "csv"));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const near = (rows: string[][], address: string, want: number, what: string): void => {
  const got = Number(csvCell(rows, address));
  if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
    throw new Error(`${what} (${address}): LibreOffice ${csvCell(rows, address)}, expected ${want}`);
  }
};

test("the plan's intake is the forecast: the table reads its fixed column, the rule's capacity is 1.1 × its mean, and the projection is the engine's", () => {
  const forecast = forecasts.plan as PlanIntakeForecast;
  expect(forecast.use).toBe("plan");
  for (const [file, columns] of [[files.plan, COLUMNS.plain], [files.sections, COLUMNS.sections]] as const) {
    const rows = readSheetCsv(csv, file, "Prognose");
    expect(csvCell(rows, "D4")).toBe("Instroom (prognose)");
    expect(csvCell(rows, `${columns.p50}4`)).toBe("Instroomprognose P50 (vast)");
    const capacity = 1.1 * forecast.meanWeekly;
    const engine = projectBacklog({ opening: 1440, intake: forecast.weekly, uplift: 0.1 });
    if (!engine.ok) throw new Error(engine.error.message);
    forecast.weekly.forEach((value, t) => {
      const r = 5 + t;
      // Week 1 is the Monday after the history (2024-01-01), the dates the history's continuation.
      expect(csvCell(rows, `C${r}`)).toBe(isoWeekLabel(JAN_1 + 7 * t));
      near(rows, `${columns.p50}${r}`, value, `forecast week ${t + 1}`);
      near(rows, `${columns.p10}${r}`, forecast.lower[t] as number, `P10 week ${t + 1}`);
      near(rows, `${columns.p90}${r}`, forecast.upper[t] as number, `P90 week ${t + 1}`);
      near(rows, `D${r}`, value, `intake week ${t + 1}`);
      near(rows, `E${r}`, capacity, `capacity week ${t + 1}`);
      near(rows, `F${r}`, (engine.value.rows[t] as { decisions: number }).decisions, `decisions week ${t + 1}`);
      near(rows, `G${r}`, (engine.value.rows[t] as { backlog: number }).backlog, `backlog week ${t + 1}`);
    });
    near(rows, "L7", forecast.meanWeekly, "mean intake");
    near(rows, "L8", capacity, "the rule's capacity");
    expect(csvCell(rows, "M7")).toBe("prognose uit historie");
    near(rows, "L11", engine.value.closingBacklog, "backlog at the horizon");
    expect(csvCell(rows, columns.check)).toBe("TRUE");
    // No error value anywhere on the sheet.
    expect(rows.flat().filter((v) => /^#|^Err:/.test(v))).toEqual([]);
  }
});

test("the history edited after the run: the forecast's check and the fixed sections' turn into warnings; the live table stays on the forecast", () => {
  const warnings = (file: string): string[] =>
    readSheetCsv(csv, file, "Prognose")
      .flat()
      .filter((v) => /^(Historie ongewijzigd|Invoer ongewijzigd|LET OP)/.test(v));
  expect(warnings(files.plan)).toEqual(["Historie ongewijzigd sinds de prognose van 2024-01-15."]);
  expect(warnings(files.planEdited)).toEqual(["LET OP: historie gewijzigd na 2024-01-15; maak een nieuwe prognose."]);
  expect(warnings(files.sections).sort()).toEqual(["Historie ongewijzigd sinds de prognose van 2024-01-15.", "Invoer ongewijzigd sinds de berekening op 2024-01-15."]);
  expect(warnings(files.sectionsEdited).sort()).toEqual([
    "LET OP: historie gewijzigd na 2024-01-15; maak een nieuwe prognose.",
    "LET OP: invoer gewijzigd na 2024-01-15; maak een nieuwe prognose.",
  ]);
  const rows = readSheetCsv(csv, files.planEdited, "Prognose");
  expect(csvCell(rows, COLUMNS.plain.check)).toBe("FALSE");
  near(rows, "D5", (forecasts.plan as PlanIntakeForecast).weekly[0] as number, "intake week 1");
});

test("the sample keeps its 25 a week: the forecast is beside it, its chart's plan line reads the table's live intake", () => {
  const forecast = forecasts.sample as PlanIntakeForecast;
  expect(forecast.use).toBe("comparison");
  const rows = readSheetCsv(csv, files.sample, "Prognose");
  expect(csvCell(rows, "D4")).toBe("Instroom");
  near(rows, "D5", 25, "intake week 1");
  near(rows, "L11", 1140, "backlog at the horizon");
  near(rows, "Y5", forecast.weekly[0] as number, "forecast week 1");
  expect(csvCell(rows, "AB2")).toBe("TRUE");
  // The chart's columns from AC: week, axis label, P10, band, history, forecast, plan; 156 weeks of history first.
  expect(csvCell(rows, "AC4")).toBe("Week");
  expect(csvCell(rows, "AC5")).toBe("2021-W01");
  expect(csvCell(rows, "AD5")).toBe("2021-W01");
  expect(csvCell(rows, "AD6")).toBe("");
  expect(csvCell(rows, "AC161")).toBe("2024-W01");
  expect(csvCell(rows, "AD161")).toBe("2024-W01");
  near(rows, "AI161", 25, "the plan's intake in the chart, week 1");
  near(rows, "AH161", forecast.weekly[0] as number, "the forecast in the chart, week 1");
  near(rows, "AF161", (forecast.upper[0] as number) - (forecast.lower[0] as number), "the band's width, week 1");
  expect(rows.flat().filter((v) => /^#|^Err:/.test(v))).toEqual([]);
});
