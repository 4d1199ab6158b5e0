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
import { decidedLeadTime, projectBacklog, sensitivity, SENSITIVITY_INPUTS, weekStart, whatIfScenarios } from "../../src/engine";
import { isoWeekLabel } from "../../src/sheets/dates";
import { applySheetSpec } from "../../src/hosts/xlsx/writeSheet";
import { excelDateSerial } from "../../src/sheets/spec";
import { buildWhatIfSheet, SCENARIOS, whatIfInputsOf, whatIfLayout, whatIfPrefill, WhatIfSheetOptions } from "../../src/sheets/whatIfSheet";
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
  // The target: 1100, dated from 1 January 2024; triage's fte marked as new staff.
  target: {
    inputs: { ...MEMO, target: 1100, targetGiven: true, firstWeek: excelDateSerial(2024, 1, 1) },
    language: "en",
    createdOn: JAN_15,
    triageStaffIsNew: true,
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
    const triaged = (id === "triage" || id === "whole") && values.triageStaff !== true ? expectedTriageFte(values) * values.perFte : 0;
    const taken = (scenario.capacity + triaged - values.planPerYear / 52) * values.horizon;
    expect(Math.abs(Number(read(cells.fromOtherWork)) - taken)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(taken)));
  });

  test.each(SCENARIOS)("scenario %s's target block: target week, ISO week, fte, decided per year and lead time in days, as the engine's", (id) => {
    const engine = whatIfScenarios(whatIfInputsOf(whatIfPrefill(options)));
    if (!engine.ok) throw new Error(engine.error.message);
    const outcome = engine.value[id];
    const cells = layout.target[id];
    const never = options.language === "en" ? "never" : "nooit";
    const none = options.language === "en" ? "n/a" : "n.v.t.";
    if (outcome.targetWeek === null) expect(read(cells.week)).toBe(never);
    else expect(Number(read(cells.week))).toBe(outcome.targetWeek);
    const first = whatIfPrefill(options).firstWeek;
    if (first !== null && outcome.targetWeek !== null && outcome.targetWeek > 0) {
      expect(read(cells.iso)).toBe(isoWeekLabel(weekStart(first, outcome.targetWeek)));
    } else expect(read(cells.iso)).toBe("");
    const near = (cell: string, value: number): void =>
      expect(Math.abs(Number(read(cell)) - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
    near(cells.fte, outcome.capacityFte);
    near(cells.fromOtherWorkFte, outcome.fromOtherWorkFte);
    near(cells.decidedPerYear, outcome.decidedPerYear);
    if (outcome.leadTimeDays === null) expect(read(cells.leadTimeDays)).toBe(none);
    else {
      near(cells.leadTimeDays, outcome.leadTimeDays);
      near(cells.leadTimeWeeks, outcome.leadTimeDays / 7);
    }
  });

  test("the tornado: each input's backlog and target week at −10% and +10% as the engine's sensitivity, ordered by swing with LARGE/INDEX/MATCH", () => {
    const engine = sensitivity(whatIfInputsOf(whatIfPrefill(options)));
    if (!engine.ok) throw new Error(engine.error.message);
    const never = options.language === "en" ? "never" : "nooit";
    const week = (w: number | null): string => (w === null ? never : String(w));
    for (const row of engine.value.rows) {
      const cells = layout.sensitivity.model[row.input];
      expect(Math.abs(Number(read(cells.closingLow)) - row.closingLow)).toBeLessThanOrEqual(1e-9 * Math.max(1, row.closingLow));
      expect(Math.abs(Number(read(cells.closingHigh)) - row.closingHigh)).toBeLessThanOrEqual(1e-9 * Math.max(1, row.closingHigh));
      expect(read(cells.weekLow)).toBe(week(row.weekLow));
      expect(read(cells.weekHigh)).toBe(week(row.weekHigh));
      expect(read(cells.moves)).toBe(row.moves ? "TRUE" : "FALSE");
    }
    // The printed rows in the engine's order: the largest swing first, "geen effect" where nothing moves.
    const noEffect = options.language === "en" ? " (no effect)" : " (geen effect)";
    const printed = layout.sensitivity.ordered.map((o) => read(o.label));
    expect(printed).toHaveLength(SENSITIVITY_INPUTS.length);
    engine.value.rows.forEach((row, k) => {
      expect(printed[k]?.endsWith(noEffect)).toBe(!row.moves);
      const o = layout.sensitivity.ordered[k];
      expect(Math.abs(Number(read(o?.closingLow as string)) - row.closingLow)).toBeLessThanOrEqual(1e-9 * Math.max(1, row.closingLow));
    });
    const dominant = read(layout.sensitivity.sentences.dominant);
    if (engine.value.dominant === null) expect(dominant).toMatch(/^(Geen|None)/);
    else expect(dominant).toContain(printed[0]?.replace(noEffect, "") as string);
  });

  test("triage's extra fte: triaged cases per week ÷ decisions per fte-week", () => {
    expect(Math.abs(Number(read(layout.triageFte)) - expectedTriageFte(values))).toBeLessThanOrEqual(1e-9);
  });
});

test("the issue's figures: target weeks 59, 136 and 38; the tornado's 850 / 1075, 1122 / 802, 980 / 945", () => {
  const rows = readSheetCsv(csvDir, files["target"] as string, buildWhatIfSheet(CASES["target"] as WhatIfSheetOptions).name);
  const layout = whatIfLayout(104);
  const at = (address: string): string => csvCell(rows, address.replace(/\$/g, ""));
  expect([at(layout.target.plan.week), at(layout.target.rule.week), at(layout.target.whole.week)]).toEqual(["59", "136", "38"]);
  expect(at(layout.target.plan.iso)).toBe("2025-W07"); // the week of 10 February 2025
  const round = (cell: string): number => Math.round(Number(at(cell)));
  const model = layout.sensitivity.model;
  expect([round(model.intake.closingLow), round(model.intake.closingHigh)]).toEqual([850, 1075]);
  expect([round(model.planPerYear.closingLow), round(model.planPerYear.closingHigh)]).toEqual([1122, 802]);
  expect([round(model.triageShare.closingLow), round(model.triageShare.closingHigh)]).toEqual([980, 945]);
  expect(at(layout.sensitivity.ordered[0]?.label as string)).toBe("Current plan: decisions per year");
  expect(at(layout.sensitivity.sentences.uplift)).toMatch(/^Uplift: no effect, since the current plan \(30\.8 a week\) is above the rule \(27\.8 a week at \+10%\)/);
  // The memo's own 2023 intake moves the plan from 1140 to about 1230.
  expect(at(layout.sensitivity.sentences.memo2023)).toContain("the current plan ends at 1230 (now 1140)");
});

test("the memo's headline figures after 52 weeks: rule + triage ≈ 1,132.3, the whole decision ≈ 962.3", () => {
  const rows = readSheetCsv(csvDir, files["memo"] as string, buildWhatIfSheet(CASES["memo"] as WhatIfSheetOptions).name);
  const scenarios = whatIfLayout(104).scenarios;
  expect(Number(csvCell(rows, scenarios.triage.closing))).toBeCloseTo(1132.3, 1);
  expect(Number(csvCell(rows, scenarios.whole.closing))).toBeCloseTo(962.3, 1);
});
