/**
 * Recalculates the generated workbooks with LibreOffice, headless: a spreadsheet engine that is
 * neither ours nor HyperFormula. Two soffice launches in all (they take seconds each): one saves
 * .xlsx files as LibreOffice writes them, one exports every sheet of every file to CSV.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { projectBacklog, ProjectionResult, weeksToClearCore } from "../../src/engine";
import { planWorkbook } from "../../src/cli/plan";
import { excelDateSerial } from "../../src/sheets/spec";
import { SCENARIOS, whatIfLayout } from "../../src/sheets/whatIfSheet";
import { sheetRange } from "../../src/sheets/xlsxCharts";
import { convert, csvCell, CSV_ALL_SHEETS, findSoffice, readSheetCsv } from "../helpers/libreoffice";
import { makeUserWorkbook } from "../helpers/userWorkbook";
import { expectedScenario, InputValues } from "../helpers/whatIfExpected";
import { readPackage } from "../helpers/xlsxPackage";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "voorbeeld-invoer.xlsx");
const JAN_15 = excelDateSerial(2024, 1, 15);
const WHAT_IF = "What-if 2024-01-15";
const MEMO_INPUTS: InputValues = {
  opening: 1440,
  intake: 25,
  uplift: 0.1,
  extra: 0,
  triage: (190 + 70) / 1390,
  horizon: 52,
  target: 0,
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
    [files.plan, files.intake30, files.sample, files.userByLibreOffice, files.userPlan],
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
    const { intake, capacity } = expectedScenario(id, inputs);
    const engine = project(inputs.opening, intake, capacity, inputs.horizon);
    const [first, last] = s.backlog.split(":") as [string, string];
    const column = first.replace(/\d+/, "");
    const firstRow = Number(first.replace(/[A-Z]+/, ""));
    const lastRow = Number(last.replace(/[A-Z]+/, ""));
    for (let r = firstRow; r <= lastRow; r++) {
      const week = r - firstRow;
      const got = csvCell(rows, `${column}${r}`);
      if (week < inputs.horizon) {
        const want = (engine.rows[week] as { backlog: number }).backlog;
        if (!(Math.abs(Number(got) - want) <= 1e-9))
          throw new Error(`${id}, week ${week + 1}: LibreOffice ${got}, engine ${want}`);
      } else {
        expect(got).toBe("#N/A");
      }
    }
    expect(Math.abs(Number(csvCell(rows, s.closing)) - engine.closingBacklog)).toBeLessThanOrEqual(1e-9);
    const weeks = weeksToClearCore(inputs.opening, intake, capacity);
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
  expect(chartParts(output)).toHaveLength(3);
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
  expect(charts).toHaveLength(2);
  const refs = charts.join("\n").replace(/&apos;/g, "'");
  const layout = whatIfLayout(104);
  for (const id of SCENARIOS) expect(refs).toContain(sheetRange(WHAT_IF, layout.scenarios[id].backlog));
  expect(refs).toContain("Prognose!$G$15:$G$66");
});
