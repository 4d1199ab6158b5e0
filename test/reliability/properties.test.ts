/**
 * Properties that fill the gaps left by test/engine/*, test/sheets/whatIfSheet.test.ts and
 * test/functions/fuzz.test.ts: the projection sheet builder's numbers are finite, never negative,
 * and its live formulas (evaluated by HyperFormula) conserve cases for random plans and compute
 * the engine's required capacity; for extreme figures, every step from the raw cells to the sheet
 * either refuses with a message or hands on only finite numbers; and the pane, on random
 * workbooks in the fake Excel, either writes only finite numbers or writes nothing at all.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { requiredCapacityCore } from "../../src/engine";
import { nonFiniteCell, PlanInputs, RawPlanInputs, readPlanInputs } from "../../src/sheets/inputs";
import { projectionFigures, runProjection } from "../../src/plan/figures";
import { buildProjectionSheet } from "../../src/sheets/projectionSheet";
import { parseCell, SheetSpec } from "../../src/sheets/spec";
import { describeRunProblem } from "../../src/taskpane/outcomes";
import { plannerWorkbook } from "../hosts/office/fakeExcel";
import { run, state } from "../hosts/office/runHelpers";
import { specCells, specGrid } from "../helpers/specCells";

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

/** The sheet evaluated by HyperFormula: the written numbers and what its live formulas compute. */
function evaluate(spec: SheetSpec): { value: (address: string) => unknown; destroy: () => void } {
  const hf = HyperFormula.buildFromSheets({ [spec.name]: specGrid(spec) }, { licenseKey: "gpl-v3", smartRounding: false });
  const sheet = hf.getSheetId(spec.name) as number;
  return {
    value: (address) => {
      const p = parseCell(address.replace(/\$/g, ""));
      return hf.getCellValue({ sheet, row: p.row, col: p.column });
    },
    destroy: () => hf.destroy(),
  };
}

const close = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

function build(inputs: PlanInputs, language: "nl" | "en" = "nl") {
  const projection = runProjection(inputs);
  if (!projection.ok) throw new Error(projection.error.message);
  return { projection: projection.value, sheet: buildProjectionSheet({ figures: projectionFigures(inputs, projection.value), language, createdOn: 45306 }) };
}

describe("the projection sheet builder, for random plans", () => {
  test("every number is finite and not negative; its formulas, in HyperFormula, conserve cases week by week and over the horizon", () => {
    fc.assert(
      fc.property(plans, (inputs) => {
        const { sheet } = build(inputs);
        const spec = sheet.spec;
        expect(nonFiniteCell(spec)).toBeUndefined();
        expect(sheet.overflow).toBeUndefined();
        // Every number but the uplift (M8), which a plan may set from −100%.
        for (const [key, cell] of specCells(spec)) {
          if (typeof cell === "number" && key !== "7,12") expect(cell).toBeGreaterThanOrEqual(0);
        }
        const weeks = spec.tables[0]!.rows.length;
        expect(weeks).toBe(inputs.weeks ?? (Array.isArray(inputs.intake) ? inputs.intake.length : Array.isArray(inputs.capacity) ? inputs.capacity.length : 52));
        const hf = evaluate(spec);
        const number = (address: string): number => {
          const v = hf.value(address);
          if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`${address}: ${JSON.stringify(v)}`);
          return v;
        };
        let previous = inputs.opening;
        let came = 0;
        let decided = 0;
        for (let t = 1; t <= weeks; t++) {
          const r = 4 + t;
          const [intake, capacity, decisions, backlog] = ["D", "E", "F", "G"].map((c) => number(`${c}${r}`)) as [number, number, number, number];
          for (const v of [intake, capacity, decisions]) expect(v).toBeGreaterThanOrEqual(0);
          expect(backlog).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, previous + intake));
          const scale = previous + intake;
          // decisions = MIN(capacity, backlog + intake); backlog = backlog + intake − decisions.
          expect(close(decisions, Math.min(capacity, scale), scale)).toBe(true);
          expect(close(backlog, scale - decisions, scale)).toBe(true);
          // The wait and the lead time: a number, or blank where nothing was decided; never an error.
          for (const c of ["H", "I"]) {
            const v = hf.value(`${c}${r}`);
            if (v !== "") expect(Number.isFinite(v)).toBe(true);
          }
          came += intake;
          decided += decisions;
          previous = backlog;
        }
        const total = inputs.opening + came;
        expect(close(inputs.opening + came - decided, previous, total)).toBe(true);
        // The key figures show the table's own: opening, horizon, closing backlog.
        expect(number("L6")).toBe(inputs.opening);
        expect(number("L10")).toBe(weeks);
        expect(number("L11")).toBe(previous);
        hf.destroy();
      }),
      { numRuns: 100 },
    );
  });

  test("its required capacity for the target computes the engine's number, in HyperFormula", () => {
    fc.assert(
      fc.property(plans, (inputs) => {
        const { projection, sheet } = build(inputs, "en");
        const weeks = projection.rows.length;
        const expected = requiredCapacityCore(inputs.opening, projection.meanIntake, inputs.target, weeks);
        const hf = evaluate(sheet.spec);
        const value = hf.value("L16") as number;
        hf.destroy();
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
          const sheet = buildProjectionSheet({ figures: projectionFigures(checked.inputs, projection.value), language: "en", createdOn: 45306 });
          const spec = sheet.spec;
          const overflow = nonFiniteCell(spec) ?? sheet.overflow;
          if (overflow !== undefined) return; // refused before writing: "cell G10 … would not hold a finite number"
          for (const cell of specCells(spec).values()) {
            if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
          }
          // What the live formulas compute is finite too: no #NUM! or #DIV/0! on the sheet.
          const hf = evaluate(spec);
          const weeks = spec.tables[0]!.rows.length;
          const addresses = [...Array.from({ length: 11 }, (_, i) => `L${6 + i}`)];
          for (let r = 5; r < 5 + weeks; r++) for (const c of "DEFGHI") addresses.push(`${c}${r}`);
          for (const address of addresses) {
            const v = hf.value(address);
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            else expect([null, ""].includes(v as null) || typeof v === "string").toBe(true);
          }
          hf.destroy();
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a week whose intake is next to nothing beside huge figures: the lead-time helper stays finite (was #NUM!)", () => {
    const raw: RawPlanInputs = {
      opening: { address: "Invoer!C2", values: [[3.162897473805522e41]] },
      intake: { address: "Invoer!C5:C9", values: [[0], [0], [0], [2.444957689124881e41], [5e-324]] },
      capacity: { address: "Invoer!D5:D9", values: [[0], [0], [0], [0], [1e300]] },
      uplift: 0,
    };
    const checked = readPlanInputs(raw);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
    const projection = runProjection(checked.inputs);
    if (!projection.ok) throw new Error(projection.error.message);
    const spec = buildProjectionSheet({ figures: projectionFigures(checked.inputs, projection.value), language: "en", createdOn: 45306 }).spec;
    const hf = evaluate(spec);
    for (const address of ["I9", "L14"]) expect(typeof hf.value(address) === "number" || hf.value(address) === "").toBe(true);
    hf.destroy();
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
