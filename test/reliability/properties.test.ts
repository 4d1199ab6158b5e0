/**
 * Properties that fill the gaps left by test/engine/*, test/sheets/whatIfSheet.test.ts and
 * test/functions/fuzz.test.ts: the projection sheet builder's numbers are finite, never negative
 * and conserve cases for random plans, and its one formula computes the engine's number
 * (evaluated by HyperFormula); for extreme figures, every step from the raw cells to the sheet
 * either refuses with a message or hands on only finite numbers; and the pane, on random
 * workbooks in the fake Excel, either writes only finite numbers or writes nothing at all.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { requiredCapacityCore } from "../../src/engine";
import { nonFiniteCell, PlanInputs, RawPlanInputs, readPlanInputs } from "../../src/sheets/inputs";
import { buildProjectionSheet, runProjection } from "../../src/sheets/projectionSheet";
import { Cell, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";
import { describeRunProblem } from "../../src/taskpane/outcomes";
import { plannerWorkbook } from "../hosts/office/fakeExcel";
import { run, state } from "../hosts/office/runHelpers";
import { rawContent, specCells } from "../helpers/specCells";

/**
 * A weekly figure: 0, or from 0.001 to 100,000. (Subnormal figures such as 5e-324 decisions a
 * week make the builder's lead time Infinity; the pane and the CLI refuse those before writing,
 * see the extreme-figures properties below.)
 */
const figure = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e5, noNaN: true }));
const series = (weeks: number): fc.Arbitrary<number[]> => fc.array(figure, { minLength: weeks, maxLength: weeks });

/** A random plan the pane would accept: figures up to 100,000, 1 to 260 weeks. */
const plans: fc.Arbitrary<PlanInputs> = fc.integer({ min: 1, max: 260 }).chain((weeks) =>
  fc.record(
    {
      opening: fc.double({ min: 0, max: 1e6, noNaN: true }),
      intake: fc.oneof(figure, series(weeks)),
      capacity: fc.oneof(figure, series(weeks)),
      uplift: fc.double({ min: -1, max: 2, noNaN: true }),
      weeks: fc.integer({ min: 1, max: weeks }),
      firstWeek: fc.integer({ min: 36526, max: 54789 }),
      target: fc.double({ min: 0, max: 1e6, noNaN: true }),
    },
    { requiredKeys: ["opening", "intake", "uplift", "target"] },
  ),
);

const at = (spec: SheetSpec, address: string): Cell | undefined => {
  const p = parseCell(address);
  return specCells(spec).get(`${p.row},${p.column}`);
};

/** The summary's formulas evaluated by HyperFormula, on the builder's own numbers. */
function evaluate(spec: SheetSpec, address: string): unknown {
  const grid: (number | string | null)[][] = Array.from({ length: 13 }, () => new Array<number | string | null>(3).fill(null));
  for (const [key, cell] of specCells(spec)) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    if (r >= 13 || c >= 3) continue;
    (grid[r] as (number | string | null)[])[c] =
      cell === null || typeof cell === "boolean" || isText(cell) ? null : (rawContent(cell) as number | string);
  }
  const hf = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3", smartRounding: false });
  const p = parseCell(address);
  const value = hf.getCellValue({ sheet: 0, row: p.row, col: p.column });
  hf.destroy();
  return value;
}

const close = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

describe("the projection sheet builder, for random plans", () => {
  test("every number is finite and not negative; cases are conserved week by week and over the horizon", () => {
    fc.assert(
      fc.property(plans, (inputs) => {
        const projection = runProjection(inputs);
        if (!projection.ok) throw new Error(projection.error.message);
        const spec = buildProjectionSheet({ inputs, projection: projection.value, language: "nl", createdOn: 45306 });
        expect(nonFiniteCell(spec)).toBeUndefined();
        for (const cell of specCells(spec).values()) {
          if (typeof cell === "number") expect(cell).toBeGreaterThanOrEqual(0);
        }
        const rows = spec.tables[0]!.rows;
        const weeks = rows.length;
        expect(weeks).toBe(inputs.weeks ?? (Array.isArray(inputs.intake) ? inputs.intake.length : Array.isArray(inputs.capacity) ? inputs.capacity.length : 52));
        let previous = inputs.opening;
        let came = 0;
        let decided = 0;
        for (const row of rows) {
          const [, , , intake, capacity, decisions, backlog] = row as number[];
          const scale = previous + (intake as number);
          // decisions = MIN(capacity, backlog + intake); backlog = backlog + intake − decisions.
          expect(close(decisions as number, Math.min(capacity as number, scale), scale)).toBe(true);
          expect(close(backlog as number, scale - (decisions as number), scale)).toBe(true);
          came += intake as number;
          decided += decisions as number;
          previous = backlog as number;
        }
        const total = inputs.opening + came;
        expect(close(inputs.opening + came - decided, previous, total)).toBe(true);
        // The summary shows the table's own figures.
        expect(at(spec, "B4")).toBe(inputs.opening);
        expect(at(spec, "B7")).toBe(weeks);
        expect(at(spec, "B8")).toBe(previous);
      }),
      { numRuns: 100 },
    );
  });

  test("its formula (required capacity for the target) computes the engine's number, in HyperFormula", () => {
    fc.assert(
      fc.property(plans, (inputs) => {
        const projection = runProjection(inputs);
        if (!projection.ok) throw new Error(projection.error.message);
        const spec = buildProjectionSheet({ inputs, projection: projection.value, language: "en" });
        const weeks = projection.value.rows.length;
        const expected = requiredCapacityCore(inputs.opening, projection.value.meanIntake, inputs.target, weeks);
        const value = evaluate(spec, "B13") as number;
        expect(typeof value).toBe("number");
        expect(close(value, expected, Math.abs(expected) + inputs.opening)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

/** Figures as a careless or malicious workbook may hold them: huge, tiny, zero. */
const extreme = fc.oneof(
  fc.constantFrom(0, 5e-324, 1e-300, 1, 25, 1e300, 1e307, 1.7e308),
  fc.double({ min: 0, max: 1.7e308, noNaN: true }),
);

describe("extreme figures: refused with a message, or finite all the way", () => {
  test("raw cells → readPlanInputs → engine → sheet: each step refuses, or only finite numbers reach the sheet", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((weeks) =>
          fc.tuple(
            extreme,
            fc.array(extreme, { minLength: weeks, maxLength: weeks }),
            fc.option(fc.array(extreme, { minLength: weeks, maxLength: weeks }), { nil: undefined }),
            fc.double({ min: -1, max: 1e6, noNaN: true }),
          ),
        ),
        ([opening, intake, capacity, uplift]) => {
          const column = (values: number[]): unknown[][] => values.map((v) => [v]);
          const raw: RawPlanInputs = {
            opening: { address: "Invoer!C2", values: [[opening]] },
            intake: { address: `Invoer!C5:C${4 + intake.length}`, values: column(intake) },
            uplift,
          };
          if (capacity) raw.capacity = { address: `Invoer!D5:D${4 + capacity.length}`, values: column(capacity) };
          const checked = readPlanInputs(raw);
          if (!checked.ok) return; // refused, with a message naming the cells
          const projection = runProjection(checked.inputs);
          if (!projection.ok) return; // refused by the engine, with a message
          const spec = buildProjectionSheet({ inputs: checked.inputs, projection: projection.value, language: "en" });
          const overflow = nonFiniteCell(spec);
          if (overflow !== undefined) return; // refused before writing: "cell B10 … would not hold a finite number"
          for (const cell of specCells(spec).values()) {
            if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("the pane on random extreme workbooks: only finite numbers written, or nothing written and a sentence", async () => {
    await fc.assert(
      fc.asyncProperty(
        extreme,
        fc.array(extreme, { minLength: 1, maxLength: 12 }),
        fc.array(extreme, { minLength: 1, maxLength: 12 }),
        async (opening, intake, capacity) => {
          const wb = plannerWorkbook(0);
          const sheet = wb.sheet("Invoer");
          sheet.set("C2", opening);
          sheet.column("C5", intake);
          const weeks = Math.min(intake.length, capacity.length);
          sheet.column("D5", capacity.slice(0, weeks));
          const before = state(wb);
          const { outcome } = await run(wb, {
            opening: "Invoer!C2",
            intake: `Invoer!C5:C${4 + weeks}`,
            capacity: `Invoer!D5:D${4 + weeks}`,
          });
          if (!outcome.ok) {
            expect(describeRunProblem(outcome.problem, "en").length).toBeGreaterThan(20);
            expect(state(wb)).toBe(before);
            return;
          }
          for (const s of wb.sheets) {
            for (const cell of s.cells.values()) {
              if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
