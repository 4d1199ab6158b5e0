/**
 * The baseline in the plan step (issue 23): the first Voortgang stores the plan; later runs
 * compare with the stored plan, not with today's inputs; a new one only on request. The stored
 * sheet's table is read back as a host reads it: its data rows' values.
 */
import { monitorPlan } from "../../src/engine";
import { activeBaselineTable, baselineFromTable } from "../../src/plan/baseline";
import { planSheets } from "../../src/plan/planSheets";
import { BASELINE_COLUMNS, buildBaselineSheet } from "../../src/sheets/baselineSheet";
import type { PlanInputs } from "../../src/sheets/inputs";
import { Cell, excelDateSerial, SheetSpec } from "../../src/sheets/spec";

const JAN_15 = excelDateSerial(2024, 1, 15);
const APR_1 = excelDateSerial(2024, 4, 1);
const ACTUALS = { intake: [27, 22, 26], decisions: [30, 31, 28], backlog: [1437, 1428, 1425] };
const PLAN: PlanInputs = { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, target: 0, firstWeek: excelDateSerial(2024, 1, 1), actuals: ACTUALS };

/** The baseline table's data rows as a host reads them: numbers, dates as serials, blanks null. */
function tableRows(spec: SheetSpec): unknown[][] {
  const table = spec.tables[0];
  if (!table) throw new Error("no table");
  return table.rows.map((row) => row.map((cell: Cell) => (cell !== null && typeof cell === "object" && "date" in cell ? cell.date : cell)));
}

async function firstRun() {
  const planned = await planSheets(PLAN, { language: "nl", createdOn: JAN_15, sheets: ["monitoring"] });
  if (!planned.ok) throw new Error(planned.problem.kind);
  const sheet = planned.sheets.find((s) => s.kind === "baseline");
  if (!sheet) throw new Error("no baseline sheet");
  return { planned, sheet };
}

test("the baseline sheet: fixed values, dated, with its inputs; week 0 holds the opening", async () => {
  const { sheet } = await firstRun();
  expect(sheet.spec.name).toBe("Basislijn 2024-01-15");
  expect(sheet.spec.markerTable).toBe("VoorraadplannerBasislijn20240115");
  const table = sheet.spec.tables[0];
  expect(table?.columns.map((c) => c.header)).toEqual(["Week", "Beginweek", "Instroom", "Capaciteit", "Afdoeningen", "Voorraad einde week"]);
  expect(table?.columns).toHaveLength(BASELINE_COLUMNS.length);
  // No formulas anywhere: the plan as promised, fixed.
  const cells = [...sheet.spec.blocks.flatMap((b) => b.cells.flat()), ...(table?.rows.flat() ?? [])];
  expect(cells.some((c) => c !== null && typeof c === "object" && "formula" in c)).toBe(false);
  expect(table?.rows[0]).toEqual([0, null, null, null, null, 1440]);
  expect(table?.rows[52]?.[5]).toBeCloseTo(1140, 9);
  const labels = sheet.spec.blocks.flatMap((b) => b.cells.flat()).filter((c) => c !== null && typeof c === "object" && "text" in c);
  expect(labels.map((c) => (c as { text: string }).text)).toEqual(
    expect.arrayContaining(["Beginvoorraad", "Instroom per week (gemiddeld)", "Capaciteit per week (gemiddeld)", "Opslag van de planregel", "Horizon (weken)"]),
  );
  // Beside each its figure, as made: 1440, 25, 1600/52, 10%, 52.
  const figures = sheet.spec.blocks.filter((b) => b.at.startsWith("D")).map((b) => b.cells[0]?.[0]);
  expect(figures).toEqual([1440, 25, expect.closeTo(1600 / 52, 9), 0.1, 52]);
  expect(buildBaselineSheet({ baseline: (await firstRun()).planned.baseline?.value as never, language: "en" }).name).toBe("Baseline 2024-01-15");
});

test("read back from its table, the baseline is the one stored, to the last digit", async () => {
  const { planned, sheet } = await firstRun();
  const read = baselineFromTable(sheet.spec.markerTable, tableRows(sheet.spec));
  expect(read).toEqual({ ok: true, value: { ...planned.baseline?.value, inputs: {} } });
});

test("a later run compares with the stored baseline, not with today's inputs; Voortgang names its date", async () => {
  const { sheet } = await firstRun();
  const stored = baselineFromTable(sheet.spec.markerTable, tableRows(sheet.spec));
  if (!stored.ok) throw new Error(stored.error.message);
  // Today the planner asks for more decisions: 2000 a year instead of the rule's.
  const today: PlanInputs = { ...PLAN, capacity: 2000 / 52 };
  const later = await planSheets(today, { language: "nl", createdOn: APR_1, sheets: ["monitoring"], baseline: stored.value });
  if (!later.ok) throw new Error(later.problem.kind);
  // No new baseline sheet; the plan column is the baseline's (1600 a year), not today's 2000.
  expect(later.sheets.map((s) => s.kind)).toEqual(["monitoring"]);
  expect(later.baseline).toEqual({ value: stored.value, made: false });
  const engine = monitorPlan({
    opening: 1440,
    plannedIntake: 25,
    plannedCapacity: 1600 / 52,
    actualIntake: ACTUALS.intake,
    actualDecisions: ACTUALS.decisions,
    actualBacklog: ACTUALS.backlog,
  });
  if (!engine.ok) throw new Error(engine.error.message);
  later.monitoring?.weeks.forEach((w, t) => expect(w.plannedBacklog).toBeCloseTo(engine.value.weeks[t]?.plannedBacklog as number, 9));
  expect(later.monitoring?.plan.closingBacklog).toBeCloseTo(1140, 9);
  // Against today's inputs the plan would end far lower.
  const todays = await planSheets(today, { language: "nl", createdOn: APR_1, sheets: ["monitoring"] });
  if (!todays.ok) throw new Error(todays.problem.kind);
  expect(todays.monitoring?.plan.closingBacklog).toBeLessThan(1000);
  // Voortgang names the baseline's date, in its panel and in a note.
  const voortgang = later.sheets[0]?.spec;
  const cells = voortgang?.blocks.flatMap((b) => b.cells.flat()) ?? [];
  expect(cells).toContainEqual({ text: "Laatste bekende week, tegen de basislijn van 2024-01-15" });
  const words = cells.map((c) => (c !== null && typeof c === "object" && "text" in c ? c.text : "")).join(" ");
  expect(words).toContain("Het plan in deze tabel is de basislijn van 2024-01-15");
  expect(words).toContain("niet de invoer van vandaag");
});

test("a new baseline only on request: today's plan, dated today; the old one is not touched", async () => {
  const { sheet } = await firstRun();
  const stored = baselineFromTable(sheet.spec.markerTable, tableRows(sheet.spec));
  if (!stored.ok) throw new Error(stored.error.message);
  const today: PlanInputs = { ...PLAN, capacity: 2000 / 52 };
  const renewed = await planSheets(today, { language: "nl", createdOn: APR_1, sheets: ["monitoring"], baseline: stored.value, newBaseline: true });
  if (!renewed.ok) throw new Error(renewed.problem.kind);
  expect(renewed.sheets.map((s) => [s.kind, s.spec.name, s.spec.markerTable])).toEqual([
    ["monitoring", "Voortgang", "VoorraadplannerVoortgang"],
    ["baseline", "Basislijn 2024-04-01", "VoorraadplannerBasislijn20240401"],
  ]);
  expect(renewed.baseline?.made).toBe(true);
  expect(renewed.monitoring?.plan.rows[0]?.capacity).toBeCloseTo(2000 / 52, 9);
  // The newest table is the one in force; the old one keeps its own name and sheet.
  expect(activeBaselineTable(["VoorraadplannerVoortgang", "VoorraadplannerBasislijn20240115", "VoorraadplannerBasislijn20240401"])).toBe(
    "VoorraadplannerBasislijn20240401",
  );
  expect(activeBaselineTable(["VoorraadplannerBasislijn20240401", "VoorraadplannerBasislijn20240401_2"])).toBe("VoorraadplannerBasislijn20240401_2");
  expect(activeBaselineTable(["Basislijn", "MijnBasislijn20240101", "VoorraadplannerVoortgang"])).toBeUndefined();
});

test("a baseline table with a typed-over cell or a missing week 0: an error naming the table", async () => {
  const { sheet } = await firstRun();
  const rows = tableRows(sheet.spec);
  const typed = rows.map((row, i) => (i === 3 ? [row[0], row[1], "veel", ...row.slice(3)] : row));
  const bad = baselineFromTable("VoorraadplannerBasislijn20240115", typed);
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.error.message).toBe("baseline VoorraadplannerBasislijn20240115: week 3 holds a cell that is not a number");
  const noOpening = baselineFromTable("VoorraadplannerBasislijn20240115", rows.slice(1));
  if (noOpening.ok) throw new Error("accepted");
  expect(noOpening.error.message).toMatch(/week 0 with the opening backlog is missing/);
});
