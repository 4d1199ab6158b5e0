import fc from "fast-check";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { leadTimeCore, projectBacklog, ProjectionResult, weeksToClearCore } from "../../src/engine";
import type { PlanInputs } from "../../src/sheets/inputs";
import { Cell, excelDateSerial, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";
import {
  buildWhatIfSheet,
  InputId,
  MEMO_TRIAGE_SHARE,
  SCENARIOS,
  whatIfLayout,
  WhatIfSheetOptions,
} from "../../src/sheets/whatIfSheet";
import { expectedScenario, InputValues } from "../helpers/whatIfExpected";

const JAN_15 = excelDateSerial(2024, 1, 15);
const MEMO: PlanInputs = {
  opening: 1440,
  intake: 25,
  capacity: 1600 / 52,
  uplift: 0.1,
  target: 0,
  firstWeek: excelDateSerial(2024, 1, 1),
};

/** Every cell the spec writes, blocks and tables (header row included), by 0-based position. */
function specCells(spec: SheetSpec): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const put = (at: string, rows: Cell[][]): void => {
    const start = parseCell(at);
    rows.forEach((line, r) => line.forEach((cell, c) => out.set(`${start.row + r},${start.column + c}`, cell)));
  };
  for (const block of spec.blocks) put(block.at, block.cells);
  for (const table of spec.tables) put(table.at, [table.columns.map((c) => ({ text: c.header })), ...table.rows]);
  return out;
}

/** Lays the spec out on one HyperFormula sheet: an engine that is not Excel and not ours. */
function evaluate(spec: SheetSpec): {
  hf: HyperFormula;
  value: (address: string) => unknown;
  set: (address: string, v: number) => void;
} {
  const cells = specCells(spec);
  let rows = 0;
  let columns = 0;
  for (const key of cells.keys()) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    rows = Math.max(rows, r + 1);
    columns = Math.max(columns, c + 1);
  }
  const grid: (string | number | boolean | null)[][] = Array.from({ length: rows }, () =>
    new Array(columns).fill(null),
  );
  for (const [key, cell] of cells) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    (grid[r] as unknown[])[c] = cell === null ? null : isText(cell) ? cell.text : isFormula(cell) ? cell.formula : cell;
  }
  const hf = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3", smartRounding: false });
  const at = (address: string): { sheet: number; row: number; col: number } => {
    const p = parseCell(address.replace(/\$/g, ""));
    return { sheet: 0, row: p.row, col: p.column };
  };
  return {
    hf,
    value: (address) => hf.getCellValue(at(address)),
    set: (address, v) => void hf.setCellContents(at(address), [[v]]),
  };
}

function rangeCells(range: string): string[] {
  const [a, b] = range.split(":") as [string, string];
  const start = parseCell(a);
  const end = parseCell(b);
  const out: string[] = [];
  for (let r = start.row; r <= end.row; r++) out.push(`${String.fromCharCode(65 + start.column)}${r + 1}`);
  return out;
}

function project(opening: number, intake: number, capacity: number, weeks: number): ProjectionResult {
  const result = projectBacklog({ opening, intake, capacity, weeks });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const close = (a: number, b: number, tolerance = 1e-9): boolean =>
  Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

/** Checks every scenario's formulas against the engine; returns the first mismatch, or undefined. */
function mismatch(spec: SheetSpec, sheet: ReturnType<typeof evaluate>, tableWeeks: number): string | undefined {
  const english = spec.tables.some((t) => t.columns.some((c) => c.header === "Weeks to clear"));
  const never = english ? "never" : "nooit";
  const none = english ? "n/a" : "n.v.t.";
  const layout = whatIfLayout(tableWeeks);
  const v = {} as InputValues;
  for (const id of Object.keys(layout.inputs) as InputId[]) {
    if (id !== "firstWeek") v[id] = sheet.value(layout.inputs[id]) as number;
  }
  for (const id of SCENARIOS) {
    const s = layout.scenarios[id];
    const { intake, capacity } = expectedScenario(id, v);
    if (!close(sheet.value(s.intake) as number, intake)) return `${id} intake`;
    if (!close(sheet.value(s.capacity) as number, capacity))
      return `${id} capacity ${sheet.value(s.capacity)} vs ${capacity}`;
    const engine = project(v.opening, intake, capacity, v.horizon);
    const column = rangeCells(s.backlog);
    for (let w = 0; w < tableWeeks; w++) {
      const got = sheet.value(column[w] as string);
      if (w < v.horizon) {
        // The weekly backlog must be the engine's to 1e-9, absolutely.
        if (typeof got !== "number" || Math.abs(got - (engine.rows[w] as { backlog: number }).backlog) > 1e-9) {
          return `${id} week ${w + 1}: ${String(got)} vs ${engine.rows[w]?.backlog}`;
        }
      } else if (!(got instanceof DetailedCellError) || got.type !== "NA") {
        return `${id} week ${w + 1} past the horizon should be #N/A, got ${String(got)}`;
      }
    }
    if (!close(sheet.value(s.closing) as number, engine.closingBacklog)) return `${id} closing`;
    const weeks = weeksToClearCore(v.opening, intake, capacity);
    const gotWeeks = sheet.value(s.weeksToClear);
    if (Number.isFinite(weeks) ? !close(gotWeeks as number, weeks) : gotWeeks !== never)
      return `${id} weeks to clear ${String(gotWeeks)} vs ${weeks}`;
    const meanDecisions = engine.rows.reduce((sum, r) => sum + r.decisions, 0) / engine.rows.length;
    // The sheet rounds mean decisions to 9 decimals (see whatIfSheet.ts), hence 1e-9 absolute here.
    const gotDecisions = sheet.value(s.decisions) as number;
    if (Math.abs(gotDecisions - meanDecisions) > 1e-9) return `${id} decisions ${gotDecisions} vs ${meanDecisions}`;
    const gotLead = sheet.value(s.leadTime);
    if (meanDecisions === 0) {
      if (gotLead !== none) return `${id} lead time with no decisions: ${String(gotLead)}`;
    } else if (gotDecisions > 0) {
      const lead = leadTimeCore(engine.closingBacklog, meanDecisions);
      // Relative error of backlog ÷ decisions ≈ the decisions' absolute error ÷ decisions.
      if (Math.abs((gotLead as number) - lead) > lead * (1e-9 / gotDecisions + 1e-9))
        return `${id} lead time ${String(gotLead)} vs ${lead}`;
    }
  }
  return undefined;
}

describe("buildWhatIfSheet: names and structure", () => {
  const spec = buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 });

  test("sheet and marker names carry the date, stay ≤ 31 characters and avoid Excel's forbidden characters", () => {
    expect(spec.name).toBe("What-if 2024-01-15");
    expect(spec.name.length).toBeLessThanOrEqual(31);
    expect(spec.name).not.toMatch(/[:\\/?*[\]]/);
    expect(spec.markerTable).toBe("VoorraadplannerWhatIf_20240115");
    expect(spec.tables.map((t) => t.name)).toContain(spec.markerTable);
  });

  test("given the workbook's names, a second sheet on the same day gets free sheet and table names", () => {
    const second = buildWhatIfSheet({
      inputs: MEMO,
      language: "en",
      createdOn: JAN_15,
      existingNames: ["what-if 2024-01-15", "VoorraadplannerWhatIf_20240115", "VoorraadplannerWhatIfWeken_20240115"],
    });
    expect(second.name).toBe("What-if 2024-01-15 (2)");
    expect(second.markerTable).toBe("VoorraadplannerWhatIf_20240115_2");
    expect(new Set(second.tables.map((t) => t.name)).size).toBe(2);
  });

  test("formulas are native en-US Excel: no custom functions, only MAX, INDEX, IF, NA and ROUND", () => {
    const formulas = [...specCells(spec).values()].filter(isFormula).map((f) => f.formula);
    expect(formulas.length).toBeGreaterThan(5 * 104);
    for (const f of formulas) {
      expect(f.startsWith("=")).toBe(true);
      expect(f).not.toMatch(/IND\./i);
      for (const [, name] of f.matchAll(/([A-Z][A-Z0-9.]*)\(/g))
        expect(["MAX", "INDEX", "IF", "NA", "ROUND"]).toContain(name);
      expect(f).not.toMatch(/;/); // en-US argument separator
    }
  });

  test("the inputs are prefilled from the plan, styled as inputs, under a labelled header", () => {
    const layout = whatIfLayout(104);
    const sheet = evaluate(spec);
    const expected: Partial<Record<InputId, number>> = {
      opening: 1440,
      intake: 25,
      uplift: 0.1,
      extra: 0,
      triage: MEMO_TRIAGE_SHARE,
      horizon: 52,
      target: 0,
      clearWithin: 104,
      planPerYear: 1600, // 1600/52 a week × 52, float noise tidied
      firstWeek: excelDateSerial(2024, 1, 1),
    };
    for (const [id, value] of Object.entries(expected)) expect(sheet.value(layout.inputs[id as InputId])).toBe(value);
    const inputBlocks = spec.blocks.filter((b) => b.style === "input");
    expect(inputBlocks).toHaveLength(Object.keys(layout.inputs).length);
    expect(spec.blocks.find((b) => b.style === "header")?.cells[0]).toEqual([
      { text: "Invoer" },
      { text: "Waarde" },
      { text: "Toelichting" },
    ]);
  });

  test("without a capacity in the workbook, the current plan is the memo's 1600 a year", () => {
    const noCapacity: PlanInputs = { opening: 1440, intake: 25, uplift: 0.1, target: 0 };
    const sheet = evaluate(buildWhatIfSheet({ inputs: noCapacity, language: "en", createdOn: JAN_15 }));
    expect(sheet.value(whatIfLayout(104).inputs.planPerYear)).toBe(1600);
    expect(sheet.value(whatIfLayout(104).inputs.firstWeek)).toBeNull();
  });

  test("a chart of every scenario's weekly backlog, and a landscape A4 print with title and date", () => {
    const layout = whatIfLayout(104);
    expect(spec.charts).toHaveLength(1);
    expect(spec.charts[0]?.kind).toBe("line");
    expect(spec.charts[0]?.series.map((s) => s.values)).toEqual(SCENARIOS.map((id) => layout.scenarios[id].backlog));
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
    expect(spec.print?.header).toContain("2024-01-15");
    // Title, date and inputs come first: the first page shows them.
    const firstInputRow = parseCell(layout.inputs.opening.replace(/\$/g, "")).row;
    const lastInputRow = parseCell(layout.inputs.firstWeek.replace(/\$/g, "")).row;
    expect(lastInputRow - firstInputRow).toBe(10);
    expect(lastInputRow).toBeLessThan(20);
  });
});

describe("the scenarios on the memo's figures (HyperFormula evaluates the formulas)", () => {
  const spec = buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 });
  const sheet = evaluate(spec);
  const s = whatIfLayout(104).scenarios;

  test("1. current plan, 1600 a year: 1140 after 52 weeks, 249.6 weeks to clear", () => {
    expect(sheet.value(s.plan.closing)).toBeCloseTo(1140, 9);
    expect(sheet.value(s.plan.weeksToClear)).toBeCloseTo(249.6, 9);
  });

  test("2. the planning rule, 27.5 a week: 1310 after 52 weeks, 576 weeks to clear", () => {
    expect(sheet.value(s.rule.capacity)).toBeCloseTo(27.5, 12);
    expect(sheet.value(s.rule.closing)).toBeCloseTo(1310, 9);
    expect(sheet.value(s.rule.weeksToClear)).toBeCloseTo(576, 9);
  });

  test("4. required capacity: 38.85 a week clears 1440 in 104 weeks", () => {
    expect(sheet.value(s.required.capacity)).toBeCloseTo(25 + 1440 / 104, 12);
    expect(sheet.value(s.required.weeksToClear)).toBeCloseTo(104, 9);
    sheet.set(whatIfLayout(104).inputs.horizon, 104);
    expect(sheet.value(s.required.closing)).toBeCloseTo(0, 9);
  });

  test("typing a new intake (25 → 30) moves every scenario, and all still agree with the engine", () => {
    const fresh = evaluate(spec);
    const state = (): string[] => SCENARIOS.map((id) => `${fresh.value(s[id].capacity)} ${fresh.value(s[id].closing)}`);
    const before = state();
    fresh.set(whatIfLayout(104).inputs.intake, 30);
    // Scenario 4 keeps its closing backlog (its capacity follows the intake); the others end higher.
    state().forEach((now, i) => expect(now).not.toBe(before[i]));
    expect(mismatch(spec, fresh, 104)).toBeUndefined();
  });
});

describe("property: the what-if formulas compute what the engine computes", () => {
  const money = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
  const planInputs: fc.Arbitrary<PlanInputs> = fc
    .record({
      opening: money(5000),
      intake: fc.oneof(money(120), fc.array(money(120), { minLength: 1, maxLength: 130 })),
      capacity: fc.option(money(150), { nil: undefined }),
      uplift: fc.integer({ min: -50, max: 100 }).map((n) => n / 100),
      target: money(2000),
    })
    .map((r) => {
      const inputs: PlanInputs = { opening: r.opening, intake: r.intake, uplift: r.uplift, target: r.target };
      if (r.capacity !== undefined) inputs.capacity = r.capacity;
      return inputs;
    });
  const options: fc.Arbitrary<WhatIfSheetOptions> = fc
    .record({
      inputs: planInputs,
      triageShare: fc.integer({ min: 0, max: 90 }).map((n) => n / 100),
      extraCapacity: money(20),
      customCapacity: money(100),
      clearWithinWeeks: fc.integer({ min: 1, max: 160 }),
    })
    .map((r) => ({ ...r, language: "nl" as const, createdOn: JAN_15 }));

  test("for random plans, every scenario's weekly backlog is the engine's to 1e-9", () => {
    fc.assert(
      fc.property(options, (o) => {
        const spec = buildWhatIfSheet(o);
        const horizon = Array.isArray(o.inputs.intake) ? o.inputs.intake.length : 52;
        const tableWeeks = Math.max(horizon, o.clearWithinWeeks ?? 104);
        const sheet = evaluate(spec);
        const problem = mismatch(spec, sheet, tableWeeks);
        sheet.hf.destroy();
        return problem === undefined || (console.error(problem), false);
      }),
      { numRuns: 40 },
    );
  });

  test("after random edits to the input cells, every scenario still follows the engine", () => {
    const spec = buildWhatIfSheet({ inputs: MEMO, language: "en", createdOn: JAN_15 });
    const layout = whatIfLayout(104);
    const sheet = evaluate(spec);
    fc.assert(
      fc.property(
        fc.record({
          opening: money(4000),
          intake: money(80),
          uplift: fc.integer({ min: -100, max: 100 }).map((n) => n / 100),
          extra: money(15),
          triage: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
          horizon: fc.integer({ min: 1, max: 104 }),
          target: money(1500),
          clearWithin: fc.integer({ min: 1, max: 300 }),
          planPerYear: money(4000),
          custom: money(90),
        }),
        (edits) => {
          for (const [id, value] of Object.entries(edits)) sheet.set(layout.inputs[id as InputId], value);
          const problem = mismatch(spec, sheet, 104);
          return problem === undefined || (console.error(problem), false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
