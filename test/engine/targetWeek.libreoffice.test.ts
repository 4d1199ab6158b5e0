/**
 * The target week's closed form as a sheet formula (docs/decisions.md, issue 23), recalculated by
 * LibreOffice 7.4, against the engine's weeksToTargetCore: the issue's cases and random ones. The
 * sheets are the next step's; this proves the formula the engine documents for them.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { weeksToTargetCore } from "../../src/engine/targetWeek";
import { convert, CSV_ALL_SHEETS, findSoffice, readSheetCsv } from "../helpers/libreoffice";

/** The formula as docs/decisions.md gives it, on columns A–D of row `r`. */
const targetWeekFormula = (r: number): string => {
  const slack = `1E-9*MAX(1,D${r})`;
  return `IF(A${r}<=D${r}+${slack},0,IF(C${r}>B${r},ROUNDUP((A${r}-D${r}-${slack})/(C${r}-B${r}),0),"nooit"))`;
};

const ISSUE_CASES: ReadonlyArray<readonly [number, number, number, number]> = [
  [1440, 25, 1600 / 52, 1100], // the plan: 59
  [1440, 25, 27.5, 1100], // the rule: 136, exactly 1100.0
  [1440, 25, 25, 1100], // never
  [1000, 25, 30, 1100], // 0
  [1440, 25 * (1 - 190 / 1390), 1600 / 52, 1100], // the whole decision: 38
  [2.1, 0, 0.7, 0], // 3, not 4
];

const RANDOM_CASES = fc.sample(
  fc.tuple(
    fc.integer({ min: 0, max: 20_000 }).map((n) => n / 4),
    fc.integer({ min: 0, max: 600 }).map((n) => n / 13),
    fc.integer({ min: 0, max: 600 }).map((n) => n / 13),
    fc.integer({ min: 0, max: 20_000 }).map((n) => n / 4),
  ),
  { numRuns: 200, seed: 23 },
);

let dir: string;
let rows: string[][];
const CASES = [...ISSUE_CASES, ...RANDOM_CASES];

beforeAll(async () => {
  findSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "target-week-lo-"));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Weeks");
  CASES.forEach((values, i) => {
    const r = i + 1;
    sheet.getRow(r).values = [...values, { formula: targetWeekFormula(r) }];
  });
  const file = path.join(dir, "target.xlsx");
  await workbook.xlsx.writeFile(file);
  rows = readSheetCsv(await convert([file], CSV_ALL_SHEETS, path.join(dir, "csv")), file, "Weeks");
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const engineWeek = ([opening, intake, capacity, target]: readonly number[]): string => {
  const week = weeksToTargetCore(opening as number, intake as number, capacity as number, target as number);
  return Number.isFinite(week) ? String(week) : "nooit";
};

test("the issue's cases: 59, 136, never, 0, 38, and 3 where 2.1 ÷ 0.7 is 3.0000000000000004", () => {
  expect(rows.slice(0, ISSUE_CASES.length).map((row) => row[4])).toEqual(["59", "136", "nooit", "0", "38", "3"]);
});

test("200 random constant-rate cases: LibreOffice's week equals the engine's", () => {
  const mismatches = CASES.map((values, i) => [values, rows[i]?.[4], engineWeek(values)] as const).filter(
    ([, sheet, engine]) => sheet !== engine,
  );
  expect(mismatches).toEqual([]);
});
