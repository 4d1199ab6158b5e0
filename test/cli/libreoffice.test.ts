/**
 * Recalculates the generated workbooks with LibreOffice, headless: a spreadsheet engine that is
 * neither ours nor HyperFormula. Two soffice launches in all (they take seconds each): one saves
 * .xlsx files as LibreOffice writes them, one exports every sheet of every file to CSV. Every
 * check of the what-if sheet (scenarios, shared-capacity block, uncertainty block) reads those
 * same CSV files.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import {
  createRng,
  projectBacklog,
  ProjectionResult,
  projectTracks,
  simulateBacklog,
  TRACK_IDS,
  weeksToClearCore,
} from "../../src/engine";
import { planSheets, REPLACED_SHEET_NAMES } from "../../src/plan/planSheets";
import { projectionFigures } from "../../src/plan/figures";
import { sourcesOf } from "../../src/plan/sources";
import { RawPlanInputs, readPlanInputs } from "../../src/sheets/inputs";
import { cellAddress, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";
import { planWorkbook } from "../../src/cli/plan";
import { excelDateSerial } from "../../src/sheets/spec";
import { runCli } from "./planHelpers";
import { SCENARIOS, whatIfLayout } from "../../src/sheets/whatIfSheet";
import { sheetRange } from "../../src/hosts/xlsx/charts";
import { convert, csvCell, CSV_ALL_SHEETS, findSoffice, readSheetCsv } from "../helpers/libreoffice";
import { makeUserWorkbook } from "../helpers/userWorkbook";
import {
  expectedScenario,
  expectedSharedCapacity,
  InputValues,
  SHARED_CAPACITY_COLUMNS,
  SharedCapacityValuesInSheet,
} from "../helpers/whatIfExpected";
import { readPackage } from "../helpers/xlsxPackage";
import { checkReforecast, checkWeeks, expectNumber } from "../helpers/monitoringCsv";
import { monitorPlan } from "../../src/engine";
import { monitoringLayout, MONITORING_SHEET_NAME } from "../../src/sheets/monitoringSheet";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { SAMPLE_HISTORY_START, sampleIntakeHistory } from "../../src/cli/sampleHistory";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "voorbeeld-invoer.xlsx");
const JAN_15 = excelDateSerial(2024, 1, 15);
const WHAT_IF = "What-if 2024-01-15";
const MEMO_INPUTS: InputValues = {
  opening: 1440,
  intake: 25,
  uplift: 0.1,
  extra: 0,
  triage: 190 / 1390,
  withoutHearing: 0,
  triagedOpening: 0,
  perFte: 1.5,
  openingSpread: 1440 / 25,
  horizon: 52,
  // The sample's Doelvoorraad (issue 23).
  target: 1100,
  clearWithin: 104,
  planPerYear: 1600,
  custom: 35,
};

let dir: string;
let csvDir: string;
let loXlsxDir: string;
const files = {
  plan: "",
  intake30: "",
  sample: "",
  sections: "",
  userByLibreOffice: "",
  userPlan: "",
};

async function plan(input: Buffer, file: string): Promise<void> {
  const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
  if (!result.ok) throw new Error(result.message);
  fs.writeFileSync(file, result.xlsx);
}

/** A copy of the output with one input cell of the what-if sheet typed over, as in a meeting. */
async function withInput(source: string, target: string, address: string, value: number): Promise<void> {
  const pkg = await readPackage(fs.readFileSync(source));
  const sheet = pkg.sheet(WHAT_IF);
  const cell = new RegExp(`(<c r="${address}"[^>]*>)<v>[^<]*</v>`);
  if (!cell.test(sheet.xml)) throw new Error(`no value cell ${address} in ${sheet.path}`);
  pkg.zip.file(sheet.path, sheet.xml.replace(cell, `$1<v>${value}</v>`));
  fs.writeFileSync(target, await pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

beforeAll(async () => {
  findSoffice(); // fails with install instructions when LibreOffice is missing
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-lo-"));
  files.plan = path.join(dir, "plan.xlsx");
  files.intake30 = path.join(dir, "plan-intake30.xlsx");
  files.sample = path.join(dir, "sample.xlsx");
  fs.copyFileSync(SAMPLE, files.sample);
  await plan(fs.readFileSync(SAMPLE), files.plan);
  // `npm run plan -- --uncertainty --tracks` on the bundled sample, in process.
  files.sections = path.join(dir, "sections.xlsx");
  const run = await runCli(dir, ["--uncertainty", "--tracks", "--out", files.sections]);
  if (run.code !== 0) throw new Error(run.stderr.join("\n"));
  await withInput(files.plan, files.intake30, whatIfLayout(104).inputs.intake.replace(/\$/g, ""), 30);
  const user = path.join(dir, "user.xlsx");
  fs.writeFileSync(user, await makeUserWorkbook());

  // Launch 1: LibreOffice saves our output (does it read our chart?) and the user's workbook
  // (a workbook written by another program than ExcelJS).
  loXlsxDir = await convert([files.plan, user], "xlsx", path.join(dir, "lo-xlsx"));
  files.userByLibreOffice = path.join(loXlsxDir, "user.xlsx");
  files.userPlan = path.join(dir, "user-plan.xlsx");
  await plan(fs.readFileSync(files.userByLibreOffice), files.userPlan);

  // Launch 2: recalculate and export every sheet of every file.
  csvDir = await convert(
    [files.plan, files.intake30, files.sample, files.sections, files.userByLibreOffice, files.userPlan],
    CSV_ALL_SHEETS,
    path.join(dir, "csv"),
  );
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function project(opening: number, intake: number, capacity: number, weeks: number): ProjectionResult {
  const result = projectBacklog({ opening, intake, capacity, weeks });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Compares LibreOffice's recalculated what-if sheet with the engine, scenario by scenario. */
function checkWhatIf(file: string, inputs: InputValues): void {
  const rows = readSheetCsv(csvDir, file, WHAT_IF);
  const layout = whatIfLayout(104);
  expect(Number(csvCell(rows, layout.inputs.intake.replace(/\$/g, "")))).toBe(inputs.intake);
  for (const id of SCENARIOS) {
    const s = layout.scenarios[id];
    const { opening, intake, capacity } = expectedScenario(id, inputs);
    const engine = project(opening, intake, capacity, inputs.horizon);
    const [first, last] = s.backlog.split(":") as [string, string];
    const column = first.replace(/\d+/, "");
    const firstRow = Number(first.replace(/[A-Z]+/, ""));
    const lastRow = Number(last.replace(/[A-Z]+/, ""));
    const helper = (s.chart.split(":")[0] as string).replace(/\d+/, "");
    for (let r = firstRow; r <= lastRow; r++) {
      const week = r - firstRow;
      const got = csvCell(rows, `${column}${r}`);
      const chart = csvCell(rows, `${helper}${r}`);
      if (week < inputs.horizon) {
        const want = (engine.rows[week] as { backlog: number }).backlog;
        if (!(Math.abs(Number(got) - want) <= 1e-9))
          throw new Error(`${id}, week ${week + 1}: LibreOffice ${got}, engine ${want}`);
        expect(chart).toBe(got);
      } else {
        // Blank in the table past the horizon; #N/A only in the chart's helper column, which a chart skips.
        expect([got, chart]).toEqual(["", "#N/A"]);
      }
    }
    expect(Math.abs(Number(csvCell(rows, s.closing)) - engine.closingBacklog)).toBeLessThanOrEqual(1e-9);
    const weeks = weeksToClearCore(opening, intake, capacity);
    if (Number.isFinite(weeks)) expect(Number(csvCell(rows, s.weeksToClear))).toBeCloseTo(weeks, 9);
    else expect(csvCell(rows, s.weeksToClear)).toBe("nooit");
  }
}

test("every scenario's weekly backlog, recalculated by LibreOffice, is the engine's to 1e-9", () => {
  checkWhatIf(files.plan, MEMO_INPUTS);
  // The memo's headline figures, as LibreOffice computed them.
  const rows = readSheetCsv(csvDir, files.plan, WHAT_IF);
  const s = whatIfLayout(104).scenarios;
  expect(Number(csvCell(rows, s.plan.closing))).toBeCloseTo(1140, 9);
  expect(Number(csvCell(rows, s.plan.weeksToClear))).toBeCloseTo(249.6, 9);
  expect(Number(csvCell(rows, s.rule.closing))).toBeCloseTo(1310, 9);
});

test("typing intake 30 instead of 25 in the what-if sheet: every scenario follows", () => {
  checkWhatIf(files.intake30, { ...MEMO_INPUTS, intake: 30 });
  const before = readSheetCsv(csvDir, files.plan, WHAT_IF);
  const after = readSheetCsv(csvDir, files.intake30, WHAT_IF);
  for (const id of SCENARIOS) {
    const s = whatIfLayout(104).scenarios[id];
    expect(`${csvCell(after, s.capacity)} ${csvCell(after, s.closing)}`).not.toBe(
      `${csvCell(before, s.capacity)} ${csvCell(before, s.closing)}`,
    );
  }
});

/** "$B$171:$B$274" → ["B171", …, "B274"]. */
function columnCells(range: string): string[] {
  const [first, last] = range.replace(/\$/g, "").split(":") as [string, string];
  const column = first.replace(/\d+/, "");
  const out: string[] = [];
  for (let r = Number(first.replace(/[A-Z]+/, "")); r <= Number(last.replace(/[A-Z]+/, "")); r++) out.push(`${column}${r}`);
  return out;
}

/** Compares LibreOffice's recalculated shared-capacity block with the engine, column by column. */
function checkSharedCapacity(file: string, inputs: InputValues): void {
  const rows = readSheetCsv(csvDir, file, WHAT_IF);
  const layout = whatIfLayout(104);
  const S = layout.sharedCapacity;
  const n = (address: string): number => Number(csvCell(rows, address.replace(/\$/g, "")));
  // The block reads the what-if inputs and scenario 1's capacity; its own inputs are example figures.
  expect(n(layout.inputs.intake)).toBe(inputs.intake);
  expect(n(layout.scenarios.plan.capacity)).toBeCloseTo(inputs.planPerYear / 52, 12);
  const v: SharedCapacityValuesInSheet = {
    opening: inputs.opening,
    intake: inputs.intake,
    capacity: inputs.planPerYear / 52,
    otherBacklog: n(S.inputs.otherBacklog),
    otherIntake: n(S.inputs.otherIntake),
    otherCapacity: n(S.inputs.otherCapacity),
    movedCapacity: n(S.inputs.movedCapacity),
    decisionsPerFte: n(S.inputs.decisionsPerFte),
  };
  expect(v).toMatchObject({ otherBacklog: 5000, otherIntake: 100, otherCapacity: 100, movedCapacity: 5, decisionsPerFte: 1.5 });
  const want = expectedSharedCapacity(v, 104);
  for (const key of SHARED_CAPACITY_COLUMNS) {
    columnCells(S.columns[key]).forEach((address, week) => {
      const got = csvCell(rows, address);
      const expected = want[key][week] as number;
      if (!(Math.abs(Number(got) - expected) <= 1e-9))
        throw new Error(`${key}, week ${week + 1} (${address}): LibreOffice ${got}, engine ${expected}`);
    });
  }
  const week = n(S.inputs.weeks);
  expect(week).toBe(inputs.horizon);
  expect(Math.abs(n(S.outputs.otherWith) - (want.otherWith[week - 1] as number))).toBeLessThanOrEqual(1e-9);
  expect(Math.abs(n(S.outputs.subsequentWith) - (want.subsequentWith[week - 1] as number))).toBeLessThanOrEqual(1e-9);
}

test("the shared-capacity block's weekly columns, recalculated by LibreOffice, are the engine's to 1e-9, also after typing intake 30", () => {
  checkSharedCapacity(files.plan, MEMO_INPUTS);
  checkSharedCapacity(files.intake30, { ...MEMO_INPUTS, intake: 30 });
  // The edit reached the block: subsequent applications end higher with intake 30.
  const S = whatIfLayout(104).sharedCapacity;
  const week52 = columnCells(S.columns.subsequentWithout)[51] as string;
  const before = Number(csvCell(readSheetCsv(csvDir, files.plan, WHAT_IF), week52));
  const after = Number(csvCell(readSheetCsv(csvDir, files.intake30, WHAT_IF), week52));
  expect(before).toBeCloseTo(1140, 9);
  expect(after).toBeCloseTo(1140 + 52 * 5, 9);
});

test("the uncertainty block holds the simulation's figures as static values: LibreOffice shows them, and the intake edit leaves them", () => {
  const sim = simulateBacklog(createRng(2024), {
    opening: 1440,
    intake: 25,
    capacity: 1600 / 52,
    weeks: 52,
    runs: 10_000,
    target: 0,
  });
  if (!sim.ok) throw new Error(sim.error.message);
  const header = parseCell(whatIfLayout(104).uncertaintyAt);
  const table = (file: string): string[][] => {
    const rows = readSheetCsv(csvDir, file, WHAT_IF);
    return Array.from({ length: 52 }, (_, t) => [0, 1, 2, 3, 4].map((c) => csvCell(rows, cellAddress(header.row + 1 + t, header.column + c))));
  };
  const plan = table(files.plan);
  plan.forEach((row, t) => {
    const want = [t + 1, sim.value.bands[0]?.[t], sim.value.bands[1]?.[t], sim.value.bands[2]?.[t], sim.value.plan[t]];
    // The CSV export writes 15 significant digits.
    row.forEach((got, c) => expect(Math.abs(Number(got) - (want[c] as number))).toBeLessThanOrEqual(1e-9));
  });
  expect(table(files.intake30)).toEqual(plan);
});

test("the projection sheet's weekly backlog, recalculated by LibreOffice, is the engine's", () => {
  const rows = readSheetCsv(csvDir, files.plan, "Prognose");
  const engine = project(1440, 25, 1600 / 52, 52);
  const header = rows.findIndex((r) => r[0] === "Week");
  engine.rows.forEach((week, i) =>
    expect(Math.abs(Number(rows[header + 1 + i]?.[6]) - week.backlog)).toBeLessThanOrEqual(1e-9),
  );
});

test("the original sheets come back as LibreOffice reads them: the sample's Invoer, and a LibreOffice-written workbook", async () => {
  expect(readSheetCsv(csvDir, files.plan, "Invoer")).toEqual(readSheetCsv(csvDir, files.sample, "Invoer"));
  const original = await readPackage(fs.readFileSync(files.userByLibreOffice));
  const output = await readPackage(fs.readFileSync(files.userPlan));
  for (const sheet of original.sheets) {
    expect(readSheetCsv(csvDir, files.userPlan, sheet.name)).toEqual(
      readSheetCsv(csvDir, files.userByLibreOffice, sheet.name),
    );
    // And in the package itself: values, formulas, number formats, merges.
    expect(Object.fromEntries(output.sheet(sheet.name).cells)).toEqual(Object.fromEntries(sheet.cells));
    expect(output.sheet(sheet.name).merges).toEqual(sheet.merges);
  }
  // The chart on the user's sheet (as LibreOffice wrote it) is still there, with its ranges.
  const chartParts = (p: typeof original): string[] =>
    Object.keys(p.zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(chartParts(original)).toHaveLength(1);
  expect(chartParts(output)).toHaveLength(6); // the user's, the projection's, the what-if sheet's four
  expect(output.sheet("Gegevens").xml).toMatch(/<drawing r:id="[^"]+"\/>/);
  const userChart = await (original.zip.file(chartParts(original)[0] as string) as JSZip.JSZipObject).async("string");
  const outputCharts = await Promise.all(
    chartParts(output).map((f) => (output.zip.file(f) as JSZip.JSZipObject).async("string")),
  );
  expect(outputCharts).toContain(userChart);
  const names = (p: typeof original): string[] => p.names.map((n) => `${n.scope ?? ""}!${n.name}=${n.formula}`).sort();
  expect(names(output)).toEqual(expect.arrayContaining(names(original)));
  expect(names(output).filter((n) => !n.includes("_xlnm."))).toEqual(
    names(original).filter((n) => !n.includes("_xlnm.")),
  );
});

test("LibreOffice opens the charts we add and keeps them, with the ranges we wrote", async () => {
  const saved = await readPackage(fs.readFileSync(path.join(loXlsxDir, "plan.xlsx")));
  const charts = await Promise.all(
    Object.keys(saved.zip.files)
      .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
      .map((f) => (saved.zip.file(f) as { async: (t: "string") => Promise<string> }).async("string")),
  );
  // The projection's two (backlog and flows; the sample's history with its forecast), the what-if
  // sheet's scenarios, shared capacity, tornado and uncertainty, and the monitoring sheet's band and
  // weekly flows (the sample has actuals).
  expect(charts).toHaveLength(8);
  const refs = charts.join("\n").replace(/&apos;/g, "'");
  const layout = whatIfLayout(104);
  // The scenario chart draws the helper columns (#N/A past the horizon), for the first 52 weeks.
  for (const id of SCENARIOS) {
    const [first] = layout.scenarios[id].chart.split(":") as [string];
    const column = first.replace(/\d+/, "");
    const row = Number(first.replace(/[A-Z]+/, ""));
    expect(refs).toContain(sheetRange(WHAT_IF, `${column}${row}:${column}${row + 51}`));
  }
  const S = layout.sharedCapacity;
  for (const key of ["week", "subsequentWithout", "subsequentWith", "otherWithout", "otherWith"] as const)
    expect(refs).toContain(sheetRange(WHAT_IF, S.columns[key]));
  // The band chart: P10, the band's width, the median and the plan, from the fixed weekly table.
  const u = parseCell(layout.uncertaintyAt);
  for (const c of [1, 2, 4, 5]) {
    expect(refs).toContain(sheetRange(WHAT_IF, `${cellAddress(u.row + 1, u.column + c)}:${cellAddress(u.row + 52, u.column + c)}`));
  }
  expect(refs).toContain("Prognose!$G$5:$G$56");
});

test("the CLI's Voortgang sheet on the sample, recalculated by LibreOffice, is the engine's monitoring to 1e-9", () => {
  // The engine on the sample's figures, not the CLI's own result: the plan (1440, 25 a week,
  // 1600/52 capacity) against the labelled 2024 actuals, with the default seed and runs.
  const engine = monitorPlan({
    opening: 1440,
    plannedIntake: 25,
    plannedCapacity: 1600 / 52,
    actualIntake: SAMPLE_ACTUALS_2024.intake,
    actualDecisions: SAMPLE_ACTUALS_2024.decisions,
    actualBacklog: SAMPLE_ACTUALS_2024.backlog,
  });
  if (!engine.ok) throw new Error(engine.error.message);
  const result = engine.value;
  const rows = readSheetCsv(csvDir, files.plan, MONITORING_SHEET_NAME.nl);
  checkWeeks(rows, result.weeks, result, "nl");
  checkReforecast(rows, result.reforecast, 52);
  const layout = monitoringLayout(52);
  result.rank.forEach((rank, t) => expectNumber(rows, layout.cell("rank", t + 1), rank, `rank week ${t + 1}`));
});

/** The fan's weekly table's header cell (its "P10" header block) on the projection sheet. */
function fanHeader(spec: SheetSpec): { row: number; column: number } {
  for (const block of spec.blocks) {
    const i = (block.cells[0] ?? []).findIndex((cell) => cell !== null && typeof cell === "object" && isText(cell) && cell.text === "P10");
    if (block.style === "header" && i > 0) {
      const at = parseCell(block.at);
      return { row: at.row, column: at.column + i - 1 };
    }
  }
  throw new Error("no fan table");
}

describe("npm run plan -- --uncertainty --tracks on the sample, recalculated by LibreOffice", () => {
  const MEMO = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 };
  /** The same plan step on the sample's checked inputs: where each block was placed. */
  async function planned() {
    const raw: RawPlanInputs = {
      opening: { address: "Invoer!B3", values: [[MEMO.opening]] },
      intake: { address: "Invoer!C10:C61", values: Array.from({ length: 52 }, () => [MEMO.intake]) },
      capacity: { address: "Invoer!D10:D61", values: Array.from({ length: 52 }, () => [MEMO.capacity]) },
      uplift: { address: "Invoer!B4", values: [[0.1]] },
      firstWeek: { address: "Invoer!B5", values: [[excelDateSerial(2024, 1, 1)]] },
      // The sample's constructed history (InstroomHistorie): its forecast is a comparison beside the 25 a week.
      intakeHistory: { address: "Instroomhistorie!C5:C160", values: sampleIntakeHistory().map((v) => [v]) },
      intakeHistoryStart: { address: "Instroomhistorie!A5", values: [[SAMPLE_HISTORY_START]] },
      // The sample's Doelvoorraad (issue 23): 1100, the memo's "ongeveer 1100".
      target: 1100,
      decisionsPerFte: 1.5,
    };
    const inputs = readPlanInputs(raw);
    if (!inputs.ok) throw new Error(inputs.problem.code);
    const result = await planSheets(inputs.inputs, {
      language: "nl",
      createdOn: JAN_15,
      sheets: ["projection"],
      sources: sourcesOf(raw, REPLACED_SHEET_NAMES),
      sample: true,
      sections: {
        uncertainty: { model: "poisson", dispersion: 1, history: "", capacitySpread: 0, runs: 10_000, seed: 2024 },
        tracks: { fastShare: 190 / 1390, safeShare: 0.2, fastLeadTimeDays: 88 },
      },
    });
    if (!result.ok) throw new Error(result.problem.kind);
    return result.sheets[0] as NonNullable<(typeof result.sheets)[0]>;
  }

  test("the fan's P10, P50, P90 and plan per week are the engine's seeded simulation, to 1e-9", async () => {
    const sim = simulateBacklog(createRng(2024), { ...MEMO, runs: 10_000, target: 0 });
    if (!sim.ok) throw new Error(sim.error.message);
    const rows = readSheetCsv(csvDir, files.sections, "Prognose");
    const header = fanHeader((await planned()).spec);
    for (let t = 0; t < 52; t++) {
      const want = [t + 1, sim.value.bands[0]?.[t], sim.value.bands[1]?.[t], sim.value.bands[2]?.[t], sim.value.plan[t]];
      want.forEach((value, c) => {
        const got = csvCell(rows, cellAddress(header.row + 1 + t, header.column + c));
        if (!(Math.abs(Number(got) - (value as number)) <= 1e-9)) throw new Error(`fan week ${t + 1}, column ${c}: LibreOffice ${got}, engine ${value}`);
      });
    }
  });

  test("the tracks' backlog and decisions per track and week are the engine's projectTracks, to 1e-9", async () => {
    const tracks = projectTracks({
      openingByTrack: MEMO.opening,
      intake: Array.from({ length: 52 }, () => MEMO.intake),
      shares: [190 / 1390, 0.2],
      capacity: Array.from({ length: 52 }, () => MEMO.capacity),
      fastLeadTimeDays: 88,
    });
    if (!tracks.ok) throw new Error(tracks.error.message);
    const sheet = await planned();
    const table = sheet.spec.tables[sheet.tracksTable as number];
    if (!table) throw new Error("no tracks table");
    const start = parseCell(table.at);
    const rows = readSheetCsv(csvDir, files.sections, "Prognose");
    expect(csvCell(rows, table.at)).toBe(table.columns[0]?.header);
    for (let t = 0; t < 52; t++) {
      TRACK_IDS.forEach((id, i) => {
        const week = tracks.value.tracks[id][t];
        const backlog = csvCell(rows, cellAddress(start.row + 1 + t, start.column + 1 + i));
        // Week, three backlogs, their total, then three decision columns.
        const decisions = csvCell(rows, cellAddress(start.row + 1 + t, start.column + 5 + i));
        expect(Math.abs(Number(backlog) - (week?.backlog as number))).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(Number(decisions) - (week?.decisions as number))).toBeLessThanOrEqual(1e-9);
      });
      const total = csvCell(rows, cellAddress(start.row + 1 + t, start.column + 4));
      expect(Math.abs(Number(total) - TRACK_IDS.reduce((sum, id) => sum + (tracks.value.tracks[id][t]?.backlog as number), 0))).toBeLessThanOrEqual(1e-9);
    }
  });

  test("every value of the sheet comes back from LibreOffice as written; every formula recalculates to a number or text, never an error; the key figures are the engine's", async () => {
    const sheet = await planned();
    const rows = readSheetCsv(csvDir, files.sections, "Prognose");
    let formulas = 0;
    const cells = [
      ...sheet.spec.blocks.map((block) => ({ at: block.at, cells: block.cells })),
      ...sheet.spec.tables.map((table) => ({ at: cellAddress(parseCell(table.at).row + 1, parseCell(table.at).column), cells: table.rows })),
    ];
    for (const { at, cells: grid } of cells) {
      const start = parseCell(at);
      grid.forEach((row, r) =>
        row.forEach((cell, c) => {
          const address = cellAddress(start.row + r, start.column + c);
          const got = csvCell(rows, address);
          // Dates are exported as shown, 2024-01-01: back to their serial.
          const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(got);
          // …and percentages as shown, 13.6690647482014%: back to the fraction.
          const percent = /^(-?[\d.]+)%$/.exec(got);
          const value = date
            ? excelDateSerial(Number(date[1]), Number(date[2]), Number(date[3]))
            : percent
              ? Number(percent[1]) / 100
              : Number(got);
          if (typeof cell === "number") {
            if (!(Math.abs(value - cell) <= 1e-9 * Math.max(1, Math.abs(cell))))
              throw new Error(`${address}: LibreOffice ${got}, written ${cell}`);
          } else if (cell !== null && typeof cell === "object" && isFormula(cell)) {
            formulas++;
            if (/^(#|Err:)/.test(got)) throw new Error(`${address}: LibreOffice ${got} for ${cell.formula}`);
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(52 * 13);
    // The key figures: the memo's 1140 at the horizon, 249.6 weeks to clear, the capacity that
    // reaches the sample's target (1100) from 1440 with intake 25 in 52 weeks.
    const figures = projectionFigures(
      { opening: MEMO.opening, intake: MEMO.intake, capacity: MEMO.capacity, uplift: 0.1, target: 1100 },
      project(MEMO.opening, MEMO.intake, MEMO.capacity, 52),
    );
    expect(Number(csvCell(rows, "L11"))).toBeCloseTo(1140, 9);
    expect(Number(csvCell(rows, "L12"))).toBeCloseTo(249.6, 9);
    expect(Number(csvCell(rows, "L14"))).toBeCloseTo(figures.summary.decidedLeadTimeWeeks as number, 9);
    expect(Number(csvCell(rows, "L16"))).toBeCloseTo(25 + (1440 - 1100) / 52, 9);
    // The fixed parts' check: the inputs are those they were computed from.
    const warnings = rows.flat().filter((v) => /^(Invoer ongewijzigd|LET OP: invoer gewijzigd)/.test(v));
    expect(warnings).toEqual(["Invoer ongewijzigd sinds de berekening op 2024-01-15.", "Invoer ongewijzigd sinds de berekening op 2024-01-15."]);
  });
});
