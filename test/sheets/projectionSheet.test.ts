/**
 * The projection sheet as a SheetSpec: the memo's figures, the table, the summary and the chart.
 * Pure: no host, no adapter.
 */
import { decidedLeadTime } from "../../src/engine";
import { isoDate, isoWeekLabel } from "../../src/sheets/dates";
import type { PlanInputs } from "../../src/sheets/inputs";
import {
  buildProjectionSheet,
  PROJECTION_TABLE,
  runProjection,
  summarizeProjection,
} from "../../src/sheets/projectionSheet";
import { Block, blockRange, Cell, excelDateSerial, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";

/** The cell at an address, looked up across the spec's blocks and tables. */
function cellAt(spec: SheetSpec, address: string): Cell | undefined {
  const p = parseCell(address);
  for (const block of spec.blocks) {
    const s = parseCell(block.at);
    const row = block.cells[p.row - s.row];
    if (row && p.column >= s.column && p.column - s.column < row.length) return row[p.column - s.column];
  }
  for (const table of spec.tables) {
    const s = parseCell(table.at);
    if (p.row === s.row) return { text: table.columns[p.column - s.column]?.header ?? "" };
    const row = table.rows[p.row - s.row - 1];
    if (row && p.column >= s.column) return row[p.column - s.column];
  }
  return undefined;
}

const blockOf = (spec: SheetSpec, address: string): Block | undefined => {
  const p = parseCell(address);
  return spec.blocks.find((b) => {
    const s = parseCell(b.at);
    return p.row >= s.row && p.row < s.row + b.cells.length && p.column >= s.column && p.column < s.column + (b.cells[0]?.length ?? 0);
  });
};

function build(inputs: PlanInputs, language: "nl" | "en" = "en", createdOn?: number): SheetSpec {
  const projection = runProjection(inputs);
  if (!projection.ok) throw new Error(projection.error.message);
  return buildProjectionSheet({ inputs, projection: projection.value, language, ...(createdOn !== undefined && { createdOn }) });
}

const MEMO: PlanInputs = { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, target: 0 };

describe("the memo's 2024 plan", () => {
  const spec = build(MEMO);

  it("ends week 52 at 1140, with 249.6 weeks to clear", () => {
    expect(cellAt(spec, "G66")).toBeCloseTo(1140, 9);
    expect(cellAt(spec, "B8")).toBeCloseTo(1140, 9);
    // From the opening backlog at constant rates, as the memo reckons it.
    expect(cellAt(spec, "B9")).toBeCloseTo(1440 / (1600 / 52 - 25), 9);
    expect(cellAt(spec, "B9")).toBeCloseTo(249.6, 1);
  });

  it("has one table row per week under headers, marked by the add-in's own table name", () => {
    const table = spec.tables[0]!;
    expect(spec.markerTable).toBe(PROJECTION_TABLE);
    expect(table.name).toBe(PROJECTION_TABLE);
    expect(table.at).toBe("A14");
    expect(table.rows).toHaveLength(52);
    expect(table.columns.map((c) => c.header)).toEqual([
      "Week",
      "Week start",
      "ISO week",
      "Intake",
      "Capacity",
      "Decisions",
      "Backlog end of week",
      "Wait for a new application (weeks)",
      "Lead time of decided cases (weeks)",
    ]);
    expect(table.rows[0]?.slice(0, 8)).toEqual([1, null, null, 25, 1600 / 52, 1600 / 52, 1440 + 25 - 1600 / 52, (1440 + 25 - 1600 / 52) / (1600 / 52)]);
    // The memo's lead time: the 1440 were filed evenly over the 57.6 weeks before week 1 (1440 ÷ 25);
    // week 1 decides the oldest 30.77, filed on average 57.6 − 30.77/50 weeks before week 1 began.
    expect(table.rows[0]?.[8]).toBeCloseTo(0.5 + 57.6 - 1600 / 52 / 50, 9);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });

  it("shows the memo's lead time next to the wait for a new application: still about a year in 2024", () => {
    expect(cellAt(spec, "A10")).toEqual({ text: "Wait for a new application at the horizon (weeks)" });
    expect(cellAt(spec, "A11")).toEqual({ text: "Lead time of decided cases, mean (weeks)" });
    const engine = decidedLeadTime({ opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(cellAt(spec, "B11")).toBeCloseTo(engine.value.mean as number, 12);
    // The backlog falls from 1440 to 1140, yet the cases decided waited well over 50 weeks: FIFO
    // decides the opening backlog, filed over the 57.6 weeks before, first.
    expect(cellAt(spec, "B11") as number).toBeGreaterThan(50);
    spec.tables[0]!.rows.forEach((row, t) => expect(row[8]).toBeCloseTo(engine.value.weekly[t] as number, 12));
  });

  it("computes the required capacity live from the target cell, against the right cells", () => {
    const required = cellAt(spec, "B13");
    expect(required !== null && typeof required === "object" && isFormula(required) && required.formula).toBe("=MAX(0,B5+(B4-B12)/B7)");
    expect(cellAt(spec, "B4")).toBe(1440); // opening
    expect(cellAt(spec, "B5")).toBe(25); // mean intake
    expect(cellAt(spec, "B7")).toBe(52); // horizon
    expect(cellAt(spec, "B12")).toBe(0); // target, typed by the planner
    expect(blockOf(spec, "B12")?.style).toBe("input");
  });

  it("shows the horizon as whole weeks and the other figures with one decimal", () => {
    expect(blockOf(spec, "B7")?.numberFormat).toBe("0");
    expect(blockOf(spec, "B8")?.numberFormat).toBe("#,##0.0");
    expect(blockOf(spec, "B4")?.numberFormat).toBe("#,##0.0");
  });

  it("charts backlog and intake per week from the table's own columns", () => {
    expect(spec.charts).toEqual([
      expect.objectContaining({
        kind: "line",
        categories: "A15:A66",
        series: [
          { name: "Backlog", values: "G15:G66" },
          { name: "Intake", values: "D15:D66" },
        ],
      }),
    ]);
    // The chart sits beside the table, not over it.
    const chart = spec.charts[0]!;
    expect(parseCell(chart.at).column).toBeGreaterThan(7);
  });

  it("keeps blocks rectangular and clear of the table", () => {
    const tableTop = parseCell(spec.tables[0]!.at).row;
    for (const block of spec.blocks) {
      const width = block.cells[0]?.length ?? 0;
      for (const row of block.cells) expect(row).toHaveLength(width);
      const range = blockRange(block.at, block.cells.length, width);
      expect(parseCell(range.split(":")[1]!).row).toBeLessThan(tableTop);
    }
  });
});

describe("the planning rule and the calendar", () => {
  it("notes the rule when no capacity is given: intake + 10%, held steady", () => {
    const spec = build({ opening: 1440, intake: 25, uplift: 0.1, target: 0 });
    expect(cellAt(spec, "B6")).toBeCloseTo(27.5, 12);
    expect(cellAt(spec, "C6")).toEqual({ text: "planning rule: intake + 10%, held steady" });
    expect(cellAt(spec, "B8")).toBeCloseTo(1310, 9);
    expect(cellAt(spec, "B9")).toBeCloseTo(576, 9);
  });

  it("says 'never' in words when capacity does not exceed intake, and leaves lead time blank without decisions", () => {
    const spec = build({ opening: 100, intake: 25, capacity: 0, uplift: 0.1, target: 0 });
    expect(cellAt(spec, "B9")).toEqual({ text: "never: capacity ≤ intake" });
    expect(cellAt(spec, "B10")).toBeNull();
    expect(spec.tables[0]!.rows[0]![7]).toBeNull();
    // Nothing decided: no lead time of decided cases either, in the summary or the weeks.
    expect(cellAt(spec, "B11")).toBeNull();
    expect(spec.tables[0]!.rows.every((row) => row[8] === null)).toBe(true);
  });

  it("gives week-start dates and ISO week labels, as text, and charts against them", () => {
    const first = excelDateSerial(2024, 1, 1);
    const spec = build({ ...MEMO, firstWeek: first });
    const rows = spec.tables[0]!.rows;
    expect(rows[0]!.slice(0, 3)).toEqual([1, { date: first }, { text: "2024-W01" }]);
    expect(rows[51]!.slice(0, 3)).toEqual([52, { date: first + 51 * 7 }, { text: "2024-W52" }]);
    expect(spec.tables[0]!.columns[1]!.numberFormat).toBe("yyyy-mm-dd");
    expect(spec.tables[0]!.columns[2]!.numberFormat).toBe("@");
    expect(spec.charts[0]!.categories).toBe("C15:C66");
  });

  it("labels ISO weeks across year ends", () => {
    expect(isoWeekLabel(excelDateSerial(2021, 1, 1))).toBe("2020-W53");
    expect(isoWeekLabel(excelDateSerial(2019, 12, 30))).toBe("2020-W01");
    expect(isoWeekLabel(excelDateSerial(2026, 12, 31))).toBe("2026-W53");
    expect(isoDate(excelDateSerial(2024, 2, 29))).toBe("2024-02-29");
  });

  it("follows the horizon and the language, and dates the note", () => {
    const spec = build({ ...MEMO, weeks: 10 }, "nl", excelDateSerial(2024, 1, 15));
    expect(spec.name).toBe("Prognose");
    expect(spec.tables[0]!.rows).toHaveLength(10);
    expect(spec.tables[0]!.columns[6]!.header).toBe("Voorraad eind week");
    const note = cellAt(spec, "A2");
    expect(note !== null && typeof note === "object" && isText(note) && note.text).toContain("2024-01-15");
    expect(spec.charts[0]!.series.map((s) => s.name)).toEqual(["Voorraad", "Instroom"]);
  });
});

describe("summarizeProjection", () => {
  it("uses means over the horizon and Little's law", () => {
    const inputs: PlanInputs = { opening: 100, intake: [10, 20], capacity: [30, 30], uplift: 0.1, target: 0 };
    const projection = runProjection(inputs);
    if (!projection.ok) throw new Error(projection.error.message);
    const s = summarizeProjection(inputs, projection.value);
    expect(s).toEqual({
      closingBacklog: 100 + 30 - 60,
      meanIntake: 15,
      meanCapacity: 30,
      meanDecisions: 30,
      weeksToClear: 100 / 15,
      leadTimeWeeks: 70 / 30,
      decidedLeadTimeWeeks: s.decidedLeadTimeWeeks,
      decidedLeadTimeByWeek: s.decidedLeadTimeByWeek,
    });
  });

  it("gives no lead time, rather than Infinity, when next to nothing is decided", () => {
    const inputs: PlanInputs = { opening: 0, intake: 1e-15, capacity: 5e-324, uplift: 0.1, target: 0, weeks: 2 };
    const projection = runProjection(inputs);
    if (!projection.ok) throw new Error(projection.error.message);
    expect(summarizeProjection(inputs, projection.value).leadTimeWeeks).toBeNull();
  });
});
