/**
 * The monitoring sheet recalculated by LibreOffice, headless: a spreadsheet engine that is not
 * ours. The spec is written with the ExcelJS adapter and the chart writer (as `npm run plan` does),
 * LibreOffice recalculates every formula on loading, and each figure must be the engine's to 1e-9.
 * One workbook also has week 13 typed into the table after writing, as a planner would.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  bandStatus,
  comparePlanWithActuals,
  describeWeek,
  MonitoringWeek,
  monitorPlan,
  MonitorResult,
  PlanVsActualOptions,
  reforecast,
  summarizeLatestWeek,
} from "../../src/engine";
import { addCharts } from "../../src/hosts/xlsx/charts";
import { applySheetSpec } from "../../src/hosts/xlsx/writeSheet";
import { buildMonitoringSheet, monitoringLayout, MONITORING_SHEET_NAME } from "../../src/sheets/monitoringSheet";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { excelDateSerial } from "../../src/sheets/spec";
import { convert, csvCell, CSV_ALL_SHEETS, findSoffice, readSheetCsv } from "../helpers/libreoffice";
import { checkReforecast, checkWeeks, expectNumber, plain } from "../helpers/monitoringCsv";

const SAMPLE: PlanVsActualOptions = {
  opening: 1440,
  plannedIntake: 25,
  plannedCapacity: 1600 / 52,
  actualIntake: SAMPLE_ACTUALS_2024.intake,
  actualDecisions: SAMPLE_ACTUALS_2024.decisions,
  actualBacklog: SAMPLE_ACTUALS_2024.backlog,
};
/** A 26-week plan with weekly figures and no counted backlog: the flows give the actual backlog. */
const SEASONAL: PlanVsActualOptions = {
  opening: 300,
  plannedIntake: Array.from({ length: 26 }, (_, t) => 20 + 5 * Math.sin(t / 4)),
  plannedCapacity: Array.from({ length: 26 }, (_, t) => (t < 10 ? 22.5 : 27.25)),
  actualIntake: [18, 25, 0, 31.5, 22],
  actualDecisions: [20, 19, 24, 26, 0],
};
/** What the planner types for week 13 in the sample's sheet: no count this week. */
const WEEK_13 = { intake: 30, decisions: 25 };

/** The summary sentence as the sheet shows it on two lines (A2, A3), joined as the engine writes it. */
function sentenceOf(rows: string[][], layout: ReturnType<typeof monitoringLayout>): string {
  return `${csvCell(rows, plain(layout.summary.sentence))} ${csvCell(rows, plain(layout.summary.outlook))}`;
}

function monitor(options: PlanVsActualOptions): MonitorResult {
  const result = monitorPlan(options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

let dir: string;
let csvDir: string;
let loXlsxDir: string;
const files = { sample: "", typed: "", seasonal: "" };
const results: { sample?: MonitorResult; seasonal?: MonitorResult } = {};

async function write(
  result: MonitorResult,
  language: "nl" | "en",
  file: string,
  typeIn?: (ws: ExcelJS.Worksheet) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const spec = buildMonitoringSheet({ result, language, firstWeek: excelDateSerial(2024, 1, 1), createdOn: 45_306 });
  const applied = applySheetSpec(workbook, spec);
  typeIn?.(workbook.getWorksheet(applied.sheetName) as ExcelJS.Worksheet);
  const saved = await workbook.xlsx.writeBuffer();
  fs.writeFileSync(file, await addCharts(new Uint8Array(saved), [{ sheetName: applied.sheetName, charts: applied.charts }]));
}

beforeAll(async () => {
  findSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "monitoring-lo-"));
  files.sample = path.join(dir, "sample.xlsx");
  files.typed = path.join(dir, "typed.xlsx");
  files.seasonal = path.join(dir, "seasonal.xlsx");
  results.sample = monitor(SAMPLE);
  results.seasonal = monitor(SEASONAL);
  await write(results.sample, "nl", files.sample);
  const layout = monitoringLayout(52);
  await write(results.sample, "nl", files.typed, (ws) => {
    ws.getCell(layout.cell("actualIntake", 13)).value = WEEK_13.intake;
    ws.getCell(layout.cell("actualDecisions", 13)).value = WEEK_13.decisions;
  });
  await write(results.seasonal, "en", files.seasonal);
  csvDir = await convert([files.sample, files.typed, files.seasonal], CSV_ALL_SHEETS, path.join(dir, "csv"));
  // LibreOffice reads our chart and writes it back in its own words: does the band survive?
  loXlsxDir = await convert([files.sample], "xlsx", path.join(dir, "lo-xlsx"));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the sample's six columns, band and status, recalculated by LibreOffice, are the engine's to 1e-9", () => {
  const result = results.sample as MonitorResult;
  const rows = readSheetCsv(csvDir, files.sample, MONITORING_SHEET_NAME.nl);
  checkWeeks(rows, result.weeks, result, "nl");
  const layout = monitoringLayout(52);
  result.rank.forEach((rank, t) => expectNumber(rows, layout.cell("rank", t + 1), rank, `rank week ${t + 1}`));
});

test("the sample's re-forecast and summary sentence are the engine's", () => {
  const result = results.sample as MonitorResult;
  const rows = readSheetCsv(csvDir, files.sample, MONITORING_SHEET_NAME.nl);
  checkReforecast(rows, result.reforecast, 52);
  const layout = monitoringLayout(52);
  expect(sentenceOf(rows, layout)).toBe(summarizeLatestWeek(result).nl);
  expect(summarizeLatestWeek(result).nl).toMatch(/^Week 12: voorraad 1408, 37 boven plan: /);
});

test("week 13 typed into the table moves the columns, the re-forecast and the sentence", () => {
  const rows = readSheetCsv(csvDir, files.typed, MONITORING_SHEET_NAME.nl);
  // Weeks 1–12 still counted; week 13 has no count, so its backlog comes from the flows.
  const counted = comparePlanWithActuals(SAMPLE);
  const { actualBacklog: _counted, ...plan } = SAMPLE;
  const flows = comparePlanWithActuals({
    ...plan,
    actualIntake: [...SAMPLE_ACTUALS_2024.intake, WEEK_13.intake],
    actualDecisions: [...SAMPLE_ACTUALS_2024.decisions, WEEK_13.decisions],
  });
  if (!counted.ok || !flows.ok) throw new Error("engine refused the sample");
  const result = results.sample as MonitorResult;
  const week13 = flows.value.weeks[12] as MonitoringWeek;
  checkWeeks(rows, [...counted.value.weeks, week13], result, "nl");
  checkReforecast(rows, reforecast(flows.value), 52);
  const layout = monitoringLayout(52);
  // No rank for a week typed in after the run: the sentence leaves it out.
  expect(csvCell(rows, layout.cell("rank", 13))).toBe("");
  const status = bandStatus(week13.actualBacklog, result.p10[12] as number, result.p90[12] as number);
  const ahead = reforecast(flows.value);
  expect(sentenceOf(rows, layout)).toBe(
    describeWeek({ ...week13, status, reforecast: { planned: ahead.endBacklog, atPace: ahead.atPace.endBacklog } }, "nl"),
  );
});

test("a plan with weekly figures and no counted backlog, in English, is the engine's to 1e-9", () => {
  const result = results.seasonal as MonitorResult;
  const rows = readSheetCsv(csvDir, files.seasonal, MONITORING_SHEET_NAME.en);
  checkWeeks(rows, result.weeks, result, "en");
  checkReforecast(rows, result.reforecast, 26);
  const layout = monitoringLayout(26);
  expect(sentenceOf(rows, layout)).toBe(summarizeLatestWeek(result).en);
});

test("LibreOffice reads the band chart: a stacked area pair, the plan and re-forecast lines and the actuals as markers; and the weekly flows chart", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(loXlsxDir, "sample.xlsx")));
  const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
  expect(charts).toHaveLength(2);
  const xmls = await Promise.all(charts.map((name) => (zip.file(name) as JSZip.JSZipObject).async("string")));
  const xml = xmls.find((x) => x.includes("<c:areaChart>")) ?? "";
  const area = /<c:areaChart>(.*?)<\/c:areaChart>/s.exec(xml)?.[1] ?? "";
  const line = /<c:lineChart>(.*?)<\/c:lineChart>/s.exec(xml)?.[1] ?? "";
  expect(area).toMatch(/<c:grouping val="stacked"\/>/);
  expect(area.match(/<c:ser>/g)).toHaveLength(2);
  // The plan, the actuals, the re-forecast and (issue 23) the re-forecast at the current pace.
  expect(line.match(/<c:ser>/g)).toHaveLength(4);
  const layout = monitoringLayout(52);
  const column = (name: "chartActual" | "chartReforecast" | "chartPace"): string => layout.column(name).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  expect(line).toContain(column("chartPace"));
  // The actual backlog (#N/A after the known weeks) and the re-forecast (#N/A before the last known week).
  expect(line).toContain(column("chartActual"));
  expect(line).toContain(column("chartReforecast"));
  // The flows: intake and decisions, planned and actual, in a chart of their own.
  const flows = xmls.find((x) => !x.includes("<c:areaChart>")) ?? "";
  expect(flows.match(/<c:ser>/g)).toHaveLength(4);
});
