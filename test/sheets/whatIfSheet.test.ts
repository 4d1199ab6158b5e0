import fc from "fast-check";
import { DetailedCellError, HyperFormula } from "hyperformula";
import {
  createRng,
  decidedLeadTime,
  leadTimeCore,
  projectBacklog,
  ProjectionResult,
  simulateBacklog,
  SimulationResult,
  weeksToClearCore,
} from "../../src/engine";
import type { PlanInputs } from "../../src/sheets/inputs";
import { MIN_SCALE, printScale, widthsOf } from "../../src/sheets/page";
import { Cell, cellAddress, CellStyle, excelDateSerial, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";
import { fitsWidth, fontOf, widthFor } from "../../src/sheets/textWidth";
import { assumptionsText, chanceSentence, endOfYear } from "../../src/sheets/uncertaintyBlock";
import {
  buildWhatIfSheet,
  FIRST_BLOCK_ROW,
  InputId,
  MEMO_TRIAGE_SHARE,
  SCENARIOS,
  planEndValue,
  whatIfLayout,
  whatIfPrefill,
  whenPhrase,
  WhatIfSheetOptions,
} from "../../src/sheets/whatIfSheet";
import {
  expectedScenario,
  expectedSharedCapacity,
  expectedTriageFte,
  InputValues,
  SHARED_CAPACITY_COLUMNS,
  SharedCapacityValuesInSheet,
} from "../helpers/whatIfExpected";
import { rawContent, specCells } from "../helpers/specCells";

const JAN_15 = excelDateSerial(2024, 1, 15);
const MEMO: PlanInputs = {
  opening: 1440,
  intake: 25,
  capacity: 1600 / 52,
  uplift: 0.1,
  target: 0,
  firstWeek: excelDateSerial(2024, 1, 1),
};

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
    (grid[r] as unknown[])[c] = rawContent(cell);
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
    if (id === "triageStaff") v.triageStaff = ["ja", "yes"].includes(String(sheet.value(layout.inputs[id])));
    else if (id !== "firstWeek") v[id] = sheet.value(layout.inputs[id]) as number;
  }
  for (const id of SCENARIOS) {
    const s = layout.scenarios[id];
    const { opening, intake, capacity } = expectedScenario(id, v);
    if (!close(sheet.value(s.intake) as number, intake)) return `${id} intake`;
    if (!close(sheet.value(s.capacity) as number, capacity))
      return `${id} capacity ${sheet.value(s.capacity)} vs ${capacity}`;
    const engine = project(opening, intake, capacity, v.horizon);
    const column = rangeCells(s.backlog);
    for (let w = 0; w < tableWeeks; w++) {
      const got = sheet.value(column[w] as string);
      if (w < v.horizon) {
        // The weekly backlog must be the engine's to 1e-9, absolutely.
        if (typeof got !== "number" || Math.abs(got - (engine.rows[w] as { backlog: number }).backlog) > 1e-9) {
          return `${id} week ${w + 1}: ${String(got)} vs ${engine.rows[w]?.backlog}`;
        }
      } else if (got !== "") {
        return `${id} week ${w + 1} past the horizon should be blank, got ${String(got)}`;
      }
    }
    if (!close(sheet.value(s.closing) as number, engine.closingBacklog)) return `${id} closing`;
    const weeks = weeksToClearCore(opening, intake, capacity);
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
      // The closing backlog and mean decisions are checked against the engine above; the lead time
      // is checked as the engine's formula on the sheet's own two (their rounding, 1e-9 each, would
      // otherwise add up to more than any fixed relative bound when the backlog is small).
      const lead = leadTimeCore(sheet.value(s.closing) as number, gotDecisions);
      if (Math.abs((gotLead as number) - lead) > Math.abs(lead) * 1e-12 + 1e-12)
        return `${id} lead time ${String(gotLead)} vs ${lead}`;
    }
    const decided = decidedLeadTime({ opening, intake, capacity, weeks: v.horizon, openingSpreadWeeks: v.openingSpread });
    if (!decided.ok) return `${id} engine: ${decided.error.message}`;
    const gotDecided = sheet.value(s.decidedLeadTime);
    if (gotDecisions > 0 && decided.value.mean !== null) {
      if (Math.abs((gotDecided as number) - decided.value.mean) > 1e-9 * Math.max(1, decided.value.mean, v.openingSpread))
        return `${id} decided lead time ${String(gotDecided)} vs ${decided.value.mean}`;
    } else if (gotDecisions === 0 && gotDecided !== none) return `${id} decided lead time with no decisions: ${String(gotDecided)}`;
    const planCapacity = v.planPerYear / 52;
    // Triage's decisions are taken from other work too unless its fte are new staff; below the plan: freed (negative).
    const triaged = (id === "triage" || id === "whole") && v.triageStaff !== true ? expectedTriageFte(v) * v.perFte : 0;
    if (!close(sheet.value(s.fromOtherWork) as number, (capacity + triaged - planCapacity) * v.horizon))
      return `${id} taken from other work ${String(sheet.value(s.fromOtherWork))}`;
  }
  if (v.perFte > 0 && !close(sheet.value(layout.triageFte) as number, expectedTriageFte(v))) return "triage fte";
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

  test("formulas are native en-US Excel: no IND. and no custom function, only functions Excel 2016 and LibreOffice 7.4 share", () => {
    for (const language of ["nl", "en"] as const) {
      const sheet = buildWhatIfSheet({ inputs: MEMO, language, createdOn: JAN_15 });
      const formulas = [...specCells(sheet).values()].filter(isFormula).map((f) => f.formula);
      // Scenarios (6 × 104 weekly, 6 × 104 chart helpers, 6 × 8 comparison), the week starts (104),
      // triage's fte, the shared-capacity block (6 × 104 + 8), the target block (6 × 8), the
      // sensitivity block (model 5 × 10, chart helper 5 × 4, printed 4 + 5 × 5, three sentences).
      expect(formulas.length).toBe(104 + 6 * 104 + 6 * 104 + 6 * 8 + 1 + 6 * 104 + 8 + 6 * 8 + (5 * 10 + 5 * 4 + 4 + 5 * 5 + 3));
      for (const f of formulas) {
        expect(f.startsWith("=")).toBe(true);
        expect(f).not.toMatch(/IND\./i);
        for (const [, name] of f.matchAll(/([A-Za-z_][A-Za-z0-9._]*)\(/g))
          expect(["MAX", "MIN", "INDEX", "IF", "NA", "ROUND", "INT", "ROUNDUP", "ABS", "OR", "AND", "NOT", "N", "ISNUMBER", "LARGE", "MATCH", "YEAR", "WEEKDAY", "TEXT", "ISOWEEKNUM", "RIGHT", "MOD"]).toContain(name);
        expect(f.replace(/"[^"]*"/g, '""')).not.toMatch(/;/); // en-US argument separator (outside quoted text)
      }
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
      withoutHearing: 0,
      triagedOpening: 0,
      perFte: 1.5,
      openingSpread: 57.6,
      horizon: 52,
      target: 0,
      clearWithin: 104,
      planPerYear: 1600, // 1600/52 a week × 52, float noise tidied
      firstWeek: excelDateSerial(2024, 1, 1),
    };
    for (const [id, value] of Object.entries(expected)) expect(sheet.value(layout.inputs[id as InputId])).toBe(value);
    const lastInputRow = parseCell(layout.inputs.firstWeek.replace(/\$/g, "")).row;
    const inputBlocks = spec.blocks.filter((b) => b.style === "input" && parseCell(b.at).row <= lastInputRow);
    expect(inputBlocks).toHaveLength(Object.keys(layout.inputs).length);
    expect(spec.blocks.find((b) => b.style === "header")?.cells[0]).toEqual([
      { text: "Invoer" },
      { text: "Waarde" },
      { text: "Toelichting" },
    ]);
    // Each input refuses what it cannot hold, with a message in the planner's language.
    const rule = (id: InputId) => spec.validations?.find((v) => v.range === layout.inputs[id].replace(/\$/g, ""));
    expect(rule("horizon")).toMatchObject({ kind: "whole", min: 1, max: 104, title: "Horizon (weken)", error: "Typ een heel aantal weken van 1 tot 104." });
    expect(rule("opening")?.error).toBe("Typ een getal van 0 of meer.");
    expect(rule("triage")).toMatchObject({ kind: "decimal", min: 0, max: `=1-${layout.inputs.withoutHearing}` });
    expect(rule("perFte")).toMatchObject({ kind: "decimal", min: 0.001 });
    expect(rule("firstWeek")).toMatchObject({ kind: "date" });
    for (const id of Object.keys(layout.inputs) as InputId[]) {
      const r = rule(id);
      expect(r?.title.length).toBeLessThanOrEqual(32);
      expect(r?.prompt.length).toBeLessThanOrEqual(255);
      expect(r?.error.length).toBeLessThanOrEqual(225);
    }
    const english = buildWhatIfSheet({ inputs: MEMO, language: "en", createdOn: JAN_15 });
    expect(english.validations?.find((v) => v.range === layout.inputs.horizon.replace(/\$/g, ""))?.error).toBe(
      "Type a whole number of weeks from 1 to 104.",
    );
  });

  test("without a capacity in the workbook, the current plan is the memo's 1600 a year", () => {
    const noCapacity: PlanInputs = { opening: 1440, intake: 25, uplift: 0.1, target: 0 };
    const sheet = evaluate(buildWhatIfSheet({ inputs: noCapacity, language: "en", createdOn: JAN_15 }));
    expect(sheet.value(whatIfLayout(104).inputs.planPerYear)).toBe(1600);
    expect(sheet.value(whatIfLayout(104).inputs.firstWeek)).toBeNull();
  });

  test("a chart of every scenario's weekly backlog over the horizon written, from #N/A helpers; a landscape A4 print with title and date", () => {
    const layout = whatIfLayout(104);
    // The scenarios' chart first; then the shared-capacity block's, the tornado and the uncertainty block's.
    expect(spec.charts).toHaveLength(4);
    expect(spec.charts[0]?.kind).toBe("line");
    // 52 weeks (the horizon), not the table's 104 rows: the x-axis ends where the lines do.
    const first52 = (range: string): string => {
      const [from] = range.split(":") as [string];
      return `${from}:${from.replace(/\d+$/, "")}${Number(from.replace(/^[A-Z]+/, "")) + 51}`;
    };
    expect(spec.charts[0]?.series.map((s) => s.values)).toEqual(SCENARIOS.map((id) => first52(layout.scenarios[id].chart)));
    expect(spec.charts[0]?.categories).toBe(first52(layout.weeks));
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, made: "gemaakt op 2024-01-15" });
    expect(spec.print?.title).toBe("What-if: voorraad opvolgende asielaanvragen");
    // Title, date and inputs come first: the first page shows them.
    const firstInputRow = parseCell(layout.inputs.opening.replace(/\$/g, "")).row;
    const lastInputRow = parseCell(layout.inputs.firstWeek.replace(/\$/g, "")).row;
    expect(lastInputRow - firstInputRow).toBe(15);
    expect(lastInputRow).toBeLessThan(20);
  });

  test("past the horizon the weekly cells are blank and the chart's helpers #N/A; no error at any horizon the validation allows", () => {
    const layout = whatIfLayout(104);
    const sheet = evaluate(spec);
    for (const horizon of [1, 52, 80, 104]) {
      sheet.set(layout.inputs.horizon, horizon);
      for (const id of SCENARIOS) {
        const backlog = rangeCells(layout.scenarios[id].backlog);
        const chart = rangeCells(layout.scenarios[id].chart);
        backlog.forEach((address, t) => {
          const value = sheet.value(address);
          if (t < horizon) expect(typeof value).toBe("number");
          else expect(value).toBe("");
          const helper = sheet.value(chart[t] as string);
          if (t < horizon) expect(helper).toBe(value);
          else expect(helper).toBeInstanceOf(DetailedCellError);
        });
        for (const cell of ["closing", "weeksToClear", "leadTime", "decisions", "decidedLeadTime", "fromOtherWork"] as const) {
          expect(sheet.value(layout.scenarios[id][cell])).not.toBeInstanceOf(DetailedCellError);
        }
      }
    }
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

  test("3. rule + triage: the queue takes 21.58 a week against 27.5 and ends at about 1,132.3, below scenario 2", () => {
    expect(sheet.value(s.triage.intake)).toBeCloseTo((1200 / 1390) * 25, 12);
    expect(sheet.value(s.triage.capacity)).toBeCloseTo(27.5, 12);
    expect(sheet.value(s.triage.closing)).toBeCloseTo(1440 + 52 * ((1200 / 1390) * 25 - 27.5), 9);
    expect(Math.round((sheet.value(s.triage.closing) as number) * 10) / 10).toBe(1132.3);
    expect(sheet.value(s.triage.closing) as number).toBeLessThan(sheet.value(s.rule.closing) as number);
    // Triage's own staff: 190/1390 × 25 = 3.42 cases a week at 1.5 decisions per fte-week.
    expect(sheet.value(whatIfLayout(104).triageFte)).toBeCloseTo(((190 / 1390) * 25) / 1.5, 12);
  });

  test("4. the whole decision: MAX(plan, rule) + extra on what triage leaves ends at about 962.3", () => {
    expect(sheet.value(s.whole.capacity)).toBeCloseTo(1600 / 52, 12);
    expect(Math.round((sheet.value(s.whole.closing) as number) * 10) / 10).toBe(962.3);
  });

  test("decisions taken from other work: above the plan's capacity, triage's included, × the horizon; below it: freed (negative)", () => {
    expect(sheet.value(s.plan.fromOtherWork)).toBe(0);
    expect(sheet.value(s.rule.fromOtherWork)).toBeCloseTo((27.5 - 1600 / 52) * 52, 9); // -170: freed
    // The issue: triage's 3.4 decisions a week are not free, about 178 over 52 weeks.
    expect(sheet.value(s.whole.fromOtherWork)).toBeCloseTo(((190 / 1390) * 25) * 52, 9);
    expect(Math.round(sheet.value(s.whole.fromOtherWork) as number)).toBe(178);
    expect(sheet.value(s.required.fromOtherWork)).toBeCloseTo((25 + 1440 / 104 - 1600 / 52) * 52, 9);
  });

  test("the memo's lead time of decided cases sits next to the wait for a new application", () => {
    const engine = decidedLeadTime({ opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(sheet.value(s.plan.decidedLeadTime)).toBeCloseTo(engine.value.mean as number, 9);
    // Cases decided in 2024 still waited about 50 weeks while the backlog falls.
    expect(sheet.value(s.plan.decidedLeadTime) as number).toBeGreaterThan(45);
  });

  test("5. required capacity: 38.85 a week clears 1440 in 104 weeks", () => {
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
      withoutHearingShare: fc.integer({ min: 0, max: 10 }).map((n) => n / 100),
      triagedOpeningShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      decisionsPerFte: fc.integer({ min: 1, max: 50 }).map((n) => n / 10),
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
          triage: fc.integer({ min: 0, max: 90 }).map((n) => n / 100),
          withoutHearing: fc.integer({ min: 0, max: 10 }).map((n) => n / 100),
          triagedOpening: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
          perFte: fc.integer({ min: 1, max: 50 }).map((n) => n / 10),
          openingSpread: money(200),
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

/** "$B$171:$B$274" → every address in it, top to bottom (one column). */
function columnCells(range: string): string[] {
  const [a, b] = range.replace(/\$/g, "").split(":") as [string, string];
  const start = parseCell(a);
  const end = parseCell(b);
  const out: string[] = [];
  for (let r = start.row; r <= end.row; r++) out.push(cellAddress(r, start.column));
  return out;
}

const textAt = (cells: Map<string, Cell>, row: number, column: number): string => {
  const cell = cells.get(`${row},${column}`);
  if (cell === undefined || cell === null || typeof cell !== "object" || !isText(cell)) {
    throw new Error(`no text at ${cellAddress(row, column)}`);
  }
  return cell.text;
};


describe("property: triage never makes the backlog worse (the memo: \"zal de voorraad ook sneller doen afnemen\")", () => {
  const spec = buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 });
  const layout = whatIfLayout(104);
  const sheet = evaluate(spec);
  test("scenario 3 never ends above scenario 2, and strictly below when the share > 0 and scenario 2's backlog > 0", () => {
    const amount = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        fc.record({
          opening: amount(4000),
          intake: amount(80),
          uplift: fc.integer({ min: -50, max: 100 }).map((n) => n / 100),
          extra: amount(15),
          triage: fc.integer({ min: 0, max: 90 }).map((n) => n / 100),
          withoutHearing: fc.integer({ min: 0, max: 10 }).map((n) => n / 100),
          horizon: fc.integer({ min: 1, max: 104 }),
        }),
        (edits) => {
          for (const [id, value] of Object.entries(edits)) sheet.set(layout.inputs[id as InputId], value);
          const rule = sheet.value(layout.scenarios.rule.closing) as number;
          const triage = sheet.value(layout.scenarios.triage.closing) as number;
          if (triage > rule + 1e-9) return false;
          const share = edits.triage + edits.withoutHearing;
          if (share > 0 && edits.intake > 0 && rule > 0) return triage < rule;
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("layout: the print area holds what the meeting reads, the weekly tables stand right of it", () => {
  const spec = buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 });
  const layout = whatIfLayout(104);
  const lastPrinted = (s: SheetSpec): number => parseCell((s.print?.area.split(":")[1] as string)).row;

  test("the print area is A–I; no cell is written twice and no chart covers a written cell", () => {
    expect(spec.print?.area).toMatch(/^A1:I\d+$/);
    const seen = new Map<string, number>();
    const count = (at: string, rows: Cell[][]): void => {
      const start = parseCell(at);
      rows.forEach((line, r) => line.forEach((_, c) => {
        const key = `${start.row + r},${start.column + c}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }));
    };
    for (const block of spec.blocks) count(block.at, block.cells);
    for (const table of spec.tables) count(table.at, [table.columns.map((c) => ({ text: c.header })), ...table.rows]);
    expect([...seen.entries()].filter(([, n]) => n > 1)).toEqual([]);
    for (const chart of spec.charts) {
      const at = parseCell(chart.at);
      expect(at.column + chart.widthColumns).toBeLessThanOrEqual(9); // ends at column I's right edge
      expect(at.row + chart.heightRows - 1).toBeLessThanOrEqual(lastPrinted(spec));
      for (let r = at.row; r < at.row + chart.heightRows; r++)
        for (let c = at.column; c < at.column + chart.widthColumns; c++)
          expect({ chart: chart.title, cell: cellAddress(r, c), taken: seen.has(`${r},${c}`) }).toMatchObject({ taken: false });
    }
  });

  test("every text in the print area fits: in its own column when the next one is filled, else up to column I", () => {
    for (const language of ["nl", "en"] as const) {
      const sheet = buildWhatIfSheet({ inputs: { ...MEMO, target: 1100 }, language, createdOn: JAN_15 });
      const cells = specCells(sheet);
      const widths = "ABCDEFGHI".split("").map((letter) => sheet.columnWidths?.[letter] as number);
      const styles = new Map<string, CellStyle | undefined>();
      for (const block of sheet.blocks) {
        const start = parseCell(block.at);
        block.cells.forEach((line, r) => line.forEach((_, c) => styles.set(`${start.row + r},${start.column + c}`, block.style)));
      }
      const tableHeaders = new Set(sheet.tables.flatMap((t) => t.columns.map((_, c) => `${parseCell(t.at).row},${parseCell(t.at).column + c}`)));
      const cut: string[] = [];
      for (const [key, cell] of cells) {
        if (cell === null || typeof cell !== "object" || !isText(cell)) continue;
        const [row, column] = key.split(",").map(Number) as [number, number];
        const style = styles.get(key);
        if (column > 8 || row > lastPrinted(sheet) || style === "header" || tableHeaders.has(key)) continue; // headers wrap
        const room: number[] = [widths[column] as number];
        for (let c = column + 1; c <= 8 && !cells.has(`${row},${c}`); c++) room.push(widths[c] as number);
        if (!fitsWidth(cell.text, fontOf(style), room)) cut.push(`${language} ${cellAddress(row, column)}: ${cell.text}`);
      }
      expect(cut).toEqual([]);
    }
  });

  test("three A4 pages at 8 pt or more: two page breaks, and the scale fitting A–I one page wide", () => {
    expect(spec.print?.breaksBefore).toHaveLength(2);
    expect(printScale(widthsOf(spec.columnWidths ?? {}, 0, 8))).toBeGreaterThanOrEqual(MIN_SCALE);
  });

  test("the shared-capacity and uncertainty blocks follow the scenarios in the print area; their weekly columns stand right of it", () => {
    expect(parseCell(layout.sharedCapacity.at).row).toBe(FIRST_BLOCK_ROW);
    expect(parseCell(layout.sharedCapacity.columns.week.replace(/\$/g, "").split(":")[0] as string).column).toBeGreaterThan(9);
    expect(parseCell(layout.scenarios.plan.backlog.split(":")[0] as string).column).toBeGreaterThan(9);
    expect(parseCell(layout.uncertaintyAt).column).toBeGreaterThan(9);
    // The same places in the built sheet, in both languages.
    for (const language of ["nl", "en"] as const) {
      const built = buildWhatIfSheet({ inputs: MEMO, language, createdOn: JAN_15 });
      const cells = specCells(built);
      const at = parseCell(layout.sharedCapacity.at);
      expect(textAt(cells, at.row, 0)).toMatch(language === "nl" ? /^Gedeelde capaciteit/ : /^Shared capacity/);
      expect(textAt(cells, layout.uncertaintyRow, 0)).toMatch(language === "nl" ? /^Onzekerheid/ : /^Uncertainty/);
      expect(layout.uncertaintyRow).toBeLessThanOrEqual(lastPrinted(built));
      // Nothing but the weekly tables (and their titles) outside the print area.
      for (const block of built.blocks) {
        const start = parseCell(block.at);
        if (start.row > lastPrinted(built)) expect(start.column).toBeGreaterThan(9);
      }
    }
  });

  test("title, date and inputs open the sheet; column A fits the longest label", () => {
    const cells = specCells(spec);
    expect(textAt(cells, 0, 0)).toBe("What-if: voorraad opvolgende asielaanvragen");
    expect(textAt(cells, 1, 0)).toContain("2024-01-15");
    expect(parseCell(layout.inputs.firstWeek.replace(/\$/g, "")).row).toBeLessThan(20);
    expect(spec.print).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      title: "What-if: voorraad opvolgende asielaanvragen",
      made: "gemaakt op 2024-01-15",
    });
    const labels = [...cells.entries()]
      .filter(([key, cell]) => key.endsWith(",0") && cell !== null && typeof cell === "object" && isText(cell))
      .filter(([key]) => Number(key.split(",")[0]) >= parseCell(layout.sharedCapacity.at).row + 2)
      .filter(([key]) => Number(key.split(",")[0]) < parseCell(layout.sharedCapacity.at).row + 16)
      .map(([, cell]) => (cell as { text: string }).text);
    expect(labels).toHaveLength(14);
    expect(Math.max(...labels.map((t) => widthFor(t)))).toBeLessThanOrEqual(spec.columnWidths?.["A"] as number);
    // At most the label column may be frozen; this sheet fits a screen and freezes nothing.
    expect(spec.freeze === undefined || (spec.freeze.rows === 0 && spec.freeze.columns <= 1)).toBe(true);
  });
});

/** The values the shared-capacity block computes from, as they stand in the sheet now. */
function sharedValues(sheet: ReturnType<typeof evaluate>, tableWeeks: number): SharedCapacityValuesInSheet {
  const layout = whatIfLayout(tableWeeks);
  const S = layout.sharedCapacity;
  const n = (address: string): number => sheet.value(address) as number;
  return {
    opening: n(layout.inputs.opening),
    intake: n(layout.inputs.intake),
    capacity: n(layout.scenarios.plan.capacity),
    otherBacklog: n(S.inputs.otherBacklog),
    otherIntake: n(S.inputs.otherIntake),
    otherCapacity: n(S.inputs.otherCapacity),
    movedCapacity: n(S.inputs.movedCapacity),
    decisionsPerFte: n(S.inputs.decisionsPerFte),
  };
}

/** The block's weekly columns and summary cells against the engine, to 1e-9; the first mismatch or undefined. */
function sharedMismatch(sheet: ReturnType<typeof evaluate>, tableWeeks: number): string | undefined {
  const S = whatIfLayout(tableWeeks).sharedCapacity;
  const v = sharedValues(sheet, tableWeeks);
  const want = expectedSharedCapacity(v, tableWeeks);
  for (const key of SHARED_CAPACITY_COLUMNS) {
    const cells = columnCells(S.columns[key]);
    expect(cells).toHaveLength(tableWeeks);
    for (let t = 0; t < tableWeeks; t++) {
      const got = sheet.value(cells[t] as string);
      const expected = want[key][t] as number;
      if (typeof got !== "number" || !(Math.abs(got - expected) <= 1e-9)) {
        return `${key}, week ${t + 1}: sheet ${String(got)}, engine ${expected}`;
      }
    }
  }
  const week = sheet.value(S.inputs.weeks) as number;
  const summary: Array<[keyof typeof S.outputs, number]> = [
    ["sharedCapacity", v.capacity + v.otherCapacity],
    ["sharedFte", (v.capacity + v.otherCapacity) / v.decisionsPerFte],
    ["subsequentWithout", want.subsequentWithout[week - 1] as number],
    ["subsequentWith", want.subsequentWith[week - 1] as number],
    ["otherWithout", want.otherWithout[week - 1] as number],
    ["otherWith", want.otherWith[week - 1] as number],
    ["lostDecisions", (want.otherWith[week - 1] as number) - (want.otherWithout[week - 1] as number)],
    ["extraFte", want.extraFte[week - 1] as number],
  ];
  for (const [key, expected] of summary) {
    const got = sheet.value(S.outputs[key]) as number;
    if (!(Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) return `${key}: ${got} vs ${expected}`;
  }
  return undefined;
}

describe("the shared-capacity block (gedeelde capaciteit): live native formulas", () => {
  const spec = buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 });
  const layout = whatIfLayout(104);
  const S = layout.sharedCapacity;

  test("reads the sheet's opening backlog and intake, and scenario 1's capacity (the current plan)", () => {
    expect(S.reads).toEqual({
      opening: layout.inputs.opening,
      intake: layout.inputs.intake,
      capacity: `$${layout.scenarios.plan.capacity.replace(/(\d+)$/, "$$$1")}`,
    });
    const cells = specCells(spec);
    const first = parseCell(columnCells(S.columns.subsequentWithout)[0] as string);
    const cell = cells.get(`${first.row},${first.column}`);
    expect(cell).toEqual({ formula: `=MAX(0,${S.reads.opening}+${S.reads.intake}-${S.reads.capacity})` });
    // The block's rows match the weekly table's, and its summary starts at the horizon.
    expect(columnCells(S.columns.week)).toHaveLength(104);
    expect(evaluate(spec).value(S.inputs.weeks)).toBe(52);
    // Its chart: the four backlogs, a line chart (a kind xlsxCharts.ts writes).
    const chart = spec.charts[1];
    expect(chart?.kind).toBe("line");
    expect(chart?.series.map((s) => s.values)).toEqual(
      (["subsequentWithout", "subsequentWith", "otherWithout", "otherWith"] as const).map((k) =>
        S.columns[k].replace(/\$/g, ""),
      ),
    );
  });

  test("evaluated by HyperFormula, every weekly column and summary cell is the engine's to 1e-9", () => {
    const sheet = evaluate(spec);
    expect(sharedMismatch(sheet, 104)).toBeUndefined();
    // The memo's plan next to the block's example other work (5000 open, 100 in and 100 out a week, 5 moved).
    expect(sheet.value(S.outputs.subsequentWithout)).toBeCloseTo(1140, 9);
    expect(sheet.value(S.outputs.otherWith)).toBeCloseTo(5000 + 52 * 5, 9);
    sheet.hf.destroy();
  });

  test("typing intake 30 instead of 25 in the what-if inputs: the block follows, still the engine's", () => {
    const sheet = evaluate(spec);
    const before = sheet.value(columnCells(S.columns.subsequentWith)[51] as string);
    sheet.set(layout.inputs.intake, 30);
    expect(sheet.value(columnCells(S.columns.subsequentWith)[51] as string)).not.toBe(before);
    expect(sharedMismatch(sheet, 104)).toBeUndefined();
    // And the current plan's decisions per year, which sets scenario 1's capacity.
    sheet.set(layout.inputs.planPerYear, 2000);
    expect(sharedMismatch(sheet, 104)).toBeUndefined();
    sheet.hf.destroy();
  });

  test("property: random edits of the what-if inputs and of the block's own inputs keep it on the engine", () => {
    const sheet = evaluate(buildWhatIfSheet({ inputs: MEMO, language: "en", createdOn: JAN_15 }));
    const money = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        fc.record({
          opening: money(4000),
          intake: money(80),
          planPerYear: money(4000),
          otherBacklog: money(8000),
          otherIntake: money(150),
          otherCapacity: money(150),
          movedShare: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
          weeks: fc.integer({ min: 1, max: 104 }),
          decisionsPerFte: fc.integer({ min: 10, max: 500 }).map((n) => n / 100),
        }),
        (e) => {
          sheet.set(layout.inputs.opening, e.opening);
          sheet.set(layout.inputs.intake, e.intake);
          sheet.set(layout.inputs.planPerYear, e.planPerYear);
          sheet.set(S.inputs.otherBacklog, e.otherBacklog);
          sheet.set(S.inputs.otherIntake, e.otherIntake);
          sheet.set(S.inputs.otherCapacity, e.otherCapacity);
          // The engine refuses to move more than the other work has; the sheet would clamp at 0.
          sheet.set(S.inputs.movedCapacity, e.otherCapacity * e.movedShare);
          sheet.set(S.inputs.weeks, e.weeks);
          sheet.set(S.inputs.decisionsPerFte, e.decisionsPerFte);
          const problem = sharedMismatch(sheet, 104);
          return problem === undefined || (console.error(problem), false);
        },
      ),
      { numRuns: 25 },
    );
    sheet.hf.destroy();
  });

  test("a long plan: the block gets as many weekly rows as the weekly table (520)", () => {
    const intake = Array.from({ length: 520 }, (_, w) => 25 + Math.round(4 * Math.sin((2 * Math.PI * w) / 52)));
    const long = buildWhatIfSheet({ inputs: { ...MEMO, intake }, language: "nl", createdOn: JAN_15 });
    const sheet = evaluate(long);
    expect(sharedMismatch(sheet, 520)).toBeUndefined();
    sheet.hf.destroy();
  });
});

/** The uncertainty block's weekly rows as written, below its header at `at`: week, P10, P50, P90, plan. */
function uncertaintyRows(spec: SheetSpec, at: string, weeks: number): Cell[][] {
  const cells = specCells(spec);
  const start = parseCell(at);
  return Array.from({ length: weeks }, (_, t) =>
    [0, 1, 2, 3, 4].map((c) => cells.get(`${start.row + 1 + t},${start.column + c}`) as Cell),
  );
}

function simulate(seed: number, inputs: { opening: number; intake: number; capacity: number; weeks: number; target: number }): SimulationResult {
  const result = simulateBacklog(createRng(seed), { ...inputs, runs: 10_000, intakeModel: { kind: "poisson" } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Every text of the block, top to bottom, from its title row on, in columns A–C. */
function blockTexts(spec: SheetSpec, fromRow: number): string[] {
  const out: Array<[number, number, string]> = [];
  for (const [key, cell] of specCells(spec)) {
    const [row, column] = key.split(",").map(Number) as [number, number];
    if (row >= fromRow && column <= 2 && cell !== null && typeof cell === "object" && isText(cell)) out.push([row, column, cell.text]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , t]) => t);
}

describe("the uncertainty block: static values from the simulation, computed when the sheet is made", () => {
  const layout = whatIfLayout(104);
  const memoPlan = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 };

  test("its values are simulateBacklog's for the current plan (scenario 1), Poisson, 10,000 runs, seed 2024", () => {
    const spec = buildWhatIfSheet({ inputs: { ...MEMO, target: 1100, targetGiven: true }, language: "nl", createdOn: JAN_15 });
    // The planner's target (Doelvoorraad), not the plan's own end value (its median: about 50%, saying nothing).
    const sim = simulate(2024, { ...memoPlan, target: 1100 });
    const rows = uncertaintyRows(spec, layout.uncertaintyAt, 52);
    rows.forEach((row, t) =>
      expect(row).toEqual([t + 1, sim.bands[0]?.[t], sim.bands[1]?.[t], sim.bands[2]?.[t], sim.plan[t]]),
    );
    // The plan line is scenario 1 as the sheet starts: 1140 at week 52.
    expect(rows[51]?.[4]).toBeCloseTo(1140, 9);
    const cells = specCells(spec);
    const u = parseCell(layout.uncertaintyAt);
    expect(cells.get(`${u.row + 1 + 52},${u.column}`)).toBeUndefined(); // 52 rows, the horizon
    // The chance in plain words, the band at the horizon and the assumptions, under the block's title.
    const sentence = chanceSentence(sim.target as NonNullable<SimulationResult["target"]>, endOfYear(2024)).nl;
    // The figures: about 13% (P10 about 1094).
    expect(sentence).toBe("kans 13% dat de voorraad eind 2024 ≤ 1100 is");
    const texts = blockTexts(spec, layout.uncertaintyRow);
    expect(texts[0]).toBe("Onzekerheid: voorraad per week (Monte Carlo, vaste waarden)");
    expect(texts[1]).toBe(`K${sentence.slice(1)}.`);
    // Beside it, the whole decision's target week (scenario 4, week 38).
    expect(texts[2]).toBe("Het heel besluit (scenario 4 van de what-if: plan, regel en triage) haalt 1100 in week 38 (2024-W38).");
    expect(texts[3]).toMatch(/^Voorraad eind 2024: P10 1094, mediaan [\d.]+, P90 [\d.]+\.$/);
    // What the band leaves out: the intake level moved by 280 and 140 a year.
    expect(texts.join(" ")).toContain("280 en 140 minder per jaar");
    expect(texts.join(" ")).toContain(assumptionsText(sim, 2024).nl.split("; ")[0] as string);
    // Its chart beside the text: a band of P10–P90, the median and the plan.
    const chart = spec.charts[3];
    expect(parseCell(chart?.at as string).row).toBe(layout.uncertaintyRow + 1);
    expect(chart?.kind).toBe("band");
    expect(chart?.series.map((s) => s.name)).toEqual(["P10", "Band P10–P90", "Mediaan", "Plan"]);
  });

  test("no formulas in it, and editing an input moves the live blocks but not these figures", () => {
    const spec = buildWhatIfSheet({ inputs: MEMO, language: "en", createdOn: JAN_15 });
    const u = parseCell(layout.uncertaintyAt);
    for (const [key, cell] of specCells(spec)) {
      const [row, column] = key.split(",").map(Number) as [number, number];
      const inTable = column >= u.column && column <= u.column + 5;
      const inBlock = row >= layout.uncertaintyRow && column <= 8;
      if (inTable || inBlock) expect(cell !== null && typeof cell === "object" && isFormula(cell)).toBe(false);
    }
    const sheet = evaluate(spec);
    const median = cellAddress(u.row + 1 + 51, u.column + 2);
    const before = sheet.value(median);
    const closing = sheet.value(layout.scenarios.plan.closing);
    sheet.set(layout.inputs.intake, 30);
    expect(sheet.value(layout.scenarios.plan.closing)).not.toBe(closing);
    expect(sheet.value(median)).toBe(before);
    sheet.hf.destroy();
  });

  test("labelled as computed when the sheet was made and not recalculating: in the sheet note and in the block, nl and en", () => {
    const nl = buildWhatIfSheet({ inputs: MEMO, language: "nl", createdOn: JAN_15 });
    expect(textAt(specCells(nl), 1, 0)).toContain("alles rekent direct mee, ook zonder de add-in, behalve de onzekerheid");
    const nlBlock = blockTexts(nl, layout.uncertaintyRow).join(" ");
    expect(nlBlock).toContain("Vaste waarden, berekend bij het maken van dit blad (2024-01-15); ze rekenen niet mee als u de invoer wijzigt.");
    expect(nlBlock).toContain("Huidig plan: beginvoorraad 1440, instroom 25 en capaciteit 30,8 per week, 52 weken.");
    const en = buildWhatIfSheet({ inputs: MEMO, language: "en", createdOn: JAN_15 });
    expect(textAt(specCells(en), 1, 0)).toContain("everything recalculates at once, also without the add-in, except the uncertainty");
    const enBlock = blockTexts(en, layout.uncertaintyRow).join(" ");
    expect(enBlock).toMatch(/Fixed values, computed when this sheet was made \(2024-01-15\); they do not recalculate/);
    expect(enBlock).toContain("capacity 30.8 a week, 52 weeks.");
  });

  test("an optional seed: that seed's simulation; the same options always give the same sheet, with no Math.random or clock", () => {
    const random = jest.spyOn(Math, "random");
    const now = jest.spyOn(Date, "now");
    try {
      const options = { inputs: MEMO, language: "nl" as const, createdOn: JAN_15, seed: 7 };
      const spec = buildWhatIfSheet(options);
      expect(buildWhatIfSheet(options)).toEqual(spec);
      const sim = simulate(7, { ...memoPlan, target: 0 });
      uncertaintyRows(spec, layout.uncertaintyAt, 52).forEach((row, t) =>
        expect(row).toEqual([t + 1, sim.bands[0]?.[t], sim.bands[1]?.[t], sim.bands[2]?.[t], sim.plan[t]]),
      );
      const other = uncertaintyRows(buildWhatIfSheet({ ...options, seed: 2024 }), layout.uncertaintyAt, 52);
      expect(other).not.toEqual(uncertaintyRows(spec, layout.uncertaintyAt, 52));
      expect(blockTexts(spec, layout.uncertaintyRow).join(" ")).toContain("startgetal 7.");
      expect(random).not.toHaveBeenCalled();
      expect(now).not.toHaveBeenCalled();
      // A seed from code that the functions would refuse is a programmer error.
      expect(() => buildWhatIfSheet({ ...options, seed: 1.5 })).toThrow("seed: expected");
      expect(() => buildWhatIfSheet({ ...options, seed: -1 })).toThrow(RangeError);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  test("the horizon's end in words: the end of a year, else its ISO week, else the week number", () => {
    expect(whenPhrase(excelDateSerial(2024, 1, 1), 52)).toEqual(endOfYear(2024));
    expect(whenPhrase(excelDateSerial(2024, 1, 1), 30)).toEqual({
      nl: "aan het eind van week 2024-W30",
      en: "at the end of week 2024-W30",
    });
    expect(whenPhrase(null, 52)).toBeUndefined();
    const noDate = buildWhatIfSheet({ inputs: { opening: 1440, intake: 25, uplift: 0.1, target: 1100 }, language: "en", createdOn: JAN_15 });
    // Without a target of the planner's: whether the backlog ends no higher than it started.
    expect(blockTexts(noDate, layout.uncertaintyRow)[1]).toMatch(/^An? [>\d]+[ \d]*% chance that the backlog is no higher in week 52 than at the start \(1440\)\.$/);
  });

  test("inputs the simulation refuses: a warning in place of the block, the rest of the sheet as usual", () => {
    const spec = buildWhatIfSheet({ inputs: { ...MEMO, intake: 2_000_000 }, language: "en", createdOn: JAN_15 });
    expect(spec.charts).toHaveLength(3);
    const warning = spec.blocks.find((b) => b.style === "warning");
    expect(warning?.at).toBe(cellAddress(layout.uncertaintyRow, 0));
    expect(textAt(specCells(spec), layout.uncertaintyRow, 0)).toMatch(/^Uncertainty not computed: intake, week 1:/);
  });
});
