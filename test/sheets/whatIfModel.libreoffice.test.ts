/**
 * Issue 14's what-if formulas recalculated by LibreOffice, a spreadsheet engine that is neither
 * ours nor HyperFormula, against the engine to 1e-9: every scenario's queue (triage and the whole
 * decision included), the memo's lead time of decided cases, the decisions taken from other work,
 * and triage's extra fte. The sheets are written by the ExcelJS path the CLI uses.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { decidedLeadTime, projectBacklog } from "../../src/engine";
import { applySheetSpec } from "../../src/hosts/xlsx/writeSheet";
import { excelDateSerial } from "../../src/sheets/spec";
import { buildWhatIfSheet, SCENARIOS, whatIfLayout, whatIfPrefill, WhatIfSheetOptions } from "../../src/sheets/whatIfSheet";
import { expectedScenario, expectedTriageFte, InputValues } from "../helpers/whatIfExpected";
import { convert, CSV_ALL_SHEETS, csvCell, findSoffice, readSheetCsv } from "../helpers/libreoffice";

const JAN_15 = excelDateSerial(2024, 1, 15);
const MEMO = { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, target: 0 };

/** Sheets that exercise every branch: the memo; triage with the opening backlog; a queue that clears. */
const CASES: Record<string, WhatIfSheetOptions> = {
  memo: { inputs: MEMO, language: "nl", createdOn: JAN_15 },
  triaged: {
    inputs: { ...MEMO, weeks: 80 },
    language: "nl",
    createdOn: JAN_15,
    triageShare: 0.2,
    withoutHearingShare: 0.05,
    triagedOpeningShare: 0.3,
    decisionsPerFte: 2.5,
    openingSpreadWeeks: 30,
    extraCapacity: 4,
  },
  clears: {
    inputs: { opening: 120, intake: 10, capacity: 18, uplift: 0.5, target: 0, weeks: 40 },
    language: "nl",
    createdOn: JAN_15,
    customCapacity: 60,
  },
};

let dir: string;
let csvDir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  findSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "whatif-model-lo-"));
  for (const [name, options] of Object.entries(CASES)) {
    const workbook = new ExcelJS.Workbook();
    applySheetSpec(workbook, buildWhatIfSheet(options));
    files[name] = path.join(dir, `${name}.xlsx`);
    await workbook.xlsx.writeFile(files[name] as string);
  }
  csvDir = await convert(Object.values(files), CSV_ALL_SHEETS, path.join(dir, "csv"));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function inputValues(options: WhatIfSheetOptions): InputValues {
  const { firstWeek: _firstWeek, ...values } = whatIfPrefill(options);
  return values;
}

describe.each(Object.keys(CASES))("LibreOffice recalculates the %s what-if sheet as the engine computes it", (name) => {
  const options = CASES[name] as WhatIfSheetOptions;
  const values = inputValues(options);
  const tableWeeks = Math.max(values.horizon, values.clearWithin);
  const layout = whatIfLayout(tableWeeks);
  const read = (address: string): string =>
    csvCell(readSheetCsv(csvDir, files[name] as string, buildWhatIfSheet(options).name), address.replace(/\$/g, ""));

  test.each(SCENARIOS)("scenario %s: closing backlog, lead time of decided cases, decisions from other work", (id) => {
    const scenario = expectedScenario(id, values);
    const cells = layout.scenarios[id];
    const projection = projectBacklog({ ...scenario, weeks: values.horizon });
    if (!projection.ok) throw new Error(projection.error.message);
    expect(Math.abs(Number(read(cells.closing)) - projection.value.closingBacklog)).toBeLessThanOrEqual(1e-9);
    const lead = decidedLeadTime({ ...scenario, weeks: values.horizon, openingSpreadWeeks: values.openingSpread });
    if (!lead.ok) throw new Error(lead.error.message);
    if (lead.value.mean === null) expect(read(cells.decidedLeadTime)).toBe("n.v.t.");
    else expect(Math.abs(Number(read(cells.decidedLeadTime)) - lead.value.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, lead.value.mean));
    const taken = Math.max(0, scenario.capacity - values.planPerYear / 52) * values.horizon;
    expect(Math.abs(Number(read(cells.fromOtherWork)) - taken)).toBeLessThanOrEqual(1e-9 * Math.max(1, taken));
  });

  test("triage's extra fte: triaged cases per week ÷ decisions per fte-week", () => {
    expect(Math.abs(Number(read(layout.triageFte)) - expectedTriageFte(values))).toBeLessThanOrEqual(1e-9);
  });
});

test("the memo's headline figures after 52 weeks: rule + triage ≈ 1,132.3, the whole decision ≈ 962.3", () => {
  const rows = readSheetCsv(csvDir, files["memo"] as string, buildWhatIfSheet(CASES["memo"] as WhatIfSheetOptions).name);
  const scenarios = whatIfLayout(104).scenarios;
  expect(Number(csvCell(rows, scenarios.triage.closing))).toBeCloseTo(1132.3, 1);
  expect(Number(csvCell(rows, scenarios.whole.closing))).toBeCloseTo(962.3, 1);
});
