/**
 * The target block on its own: its place and height in both languages, its words, and the
 * figures HyperFormula computes from its formulas on the memo's inputs (LibreOffice recomputes
 * them against the engine in whatIfModel.libreoffice.test.ts).
 */
import { HyperFormula } from "hyperformula";
import { excelDateSerial, isFormula, isText, SheetSpec } from "../../src/sheets/spec";
import { TARGET_BLOCK_ROWS, TARGET_BLOCK_TEXT } from "../../src/sheets/targetBlock";
import { buildWhatIfSheet, SCENARIOS, whatIfLayout } from "../../src/sheets/whatIfSheet";
import { specCells, specGrid } from "../helpers/specCells";
import { parseCell } from "../../src/sheets/spec";

const JAN_15 = excelDateSerial(2024, 1, 15);
const SAMPLE = { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, target: 1100, targetGiven: true, firstWeek: excelDateSerial(2024, 1, 1) };

function evaluate(spec: SheetSpec): (address: string) => unknown {
  const hf = HyperFormula.buildFromArray(specGrid(spec), { licenseKey: "gpl-v3", smartRounding: false });
  return (address) => {
    const p = parseCell(address.replace(/\$/g, ""));
    return hf.getCellValue({ sheet: 0, row: p.row, col: p.column });
  };
}

describe("the target block: when each scenario reaches the target, in fte, per year and in days", () => {
  const value = evaluate(buildWhatIfSheet({ inputs: SAMPLE, language: "nl", createdOn: JAN_15, sample: true }));
  const t = whatIfLayout(104).target;

  test("the issue's weeks: the plan 59 (the week of 10 February 2025), the rule alone 136, the whole decision 38", () => {
    expect(value(t.plan.week)).toBe(59);
    expect(value(t.plan.monday)).toBe(excelDateSerial(2025, 2, 10));
    expect(value(t.rule.week)).toBe(136);
    expect(value(t.whole.week)).toBe(38);
    expect(value(t.whole.monday)).toBe(excelDateSerial(2024, 9, 16));
  });

  test("fte at 1.5 decisions per fte-week; triage's fte taken from other work; decided per year beside 1600; lead time in days and weeks", () => {
    expect(value(t.plan.fte)).toBeCloseTo(1600 / 52 / 1.5, 9);
    expect(value(t.plan.fromOtherWorkFte)).toBeCloseTo(0, 9);
    // Triage's 3.42 decisions a week: 2.3 fte from other work; the rule alone frees 2.2.
    expect(value(t.whole.fromOtherWorkFte)).toBeCloseTo(((190 / 1390) * 25) / 1.5, 9);
    expect(value(t.rule.fromOtherWorkFte)).toBeCloseTo((27.5 - 1600 / 52) / 1.5, 9);
    expect(value(t.plan.decidedPerYear)).toBeCloseTo(1600, 6); // decisions per week are rounded to 9 decimals
    expect(Math.round(value(t.whole.decidedPerYear) as number)).toBe(1778);
    expect(value(t.plan.leadTimeWeeks)).toBeCloseTo((value(t.plan.leadTimeDays) as number) / 7, 9);
    // Triage's short route pulls the whole decision's mean below the plan's.
    expect(value(t.whole.leadTimeDays) as number).toBeLessThan(value(t.plan.leadTimeDays) as number);
  });

  test("every figure is a formula, in the same rows in both languages; the title and headers in the sheet's language", () => {
    for (const language of ["nl", "en"] as const) {
      const spec = buildWhatIfSheet({ inputs: SAMPLE, language, createdOn: JAN_15 });
      const cells = specCells(spec);
      for (const id of SCENARIOS) {
        for (const address of Object.values(whatIfLayout(104).target[id])) {
          const p = parseCell(address.replace(/\$/g, ""));
          const cell = cells.get(`${p.row},${p.column}`);
          expect(cell !== undefined && cell !== null && typeof cell === "object" && isFormula(cell)).toBe(true);
        }
      }
      const titleRow = parseCell(whatIfLayout(104).target.plan.week.replace(/\$/g, "")).row - 2;
      const title = cells.get(`${titleRow},0`);
      expect(title !== undefined && title !== null && typeof title === "object" && isText(title) && title.text).toBe(TARGET_BLOCK_TEXT[language].title);
    }
    expect(TARGET_BLOCK_ROWS).toBe(2 + 6 + 8);
  });
});
