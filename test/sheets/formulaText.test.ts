/**
 * The shared formula pieces, computed by HyperFormula (an engine that is not ours): the target
 * week's closed form equals the engine's `weeksToTargetCore`, the ISO week label equals
 * `isoWeekLabel`, and whole numbers are grouped as `formatNumber` groups them.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { weeksToTargetCore } from "../../src/engine";
import { isoWeekLabel } from "../../src/sheets/dates";
import { excelDateSerial } from "../../src/sheets/spec";
import { isoWeekFormula, signedWholeText, targetWeekFormula, wholeText } from "../../src/sheets/formulaText";

/** One formula on A1:D1 (opening, intake, capacity, target), computed. */
function compute(formula: string, values: (number | string)[] = []): unknown {
  const hf = HyperFormula.buildFromArray([[...values, `=${formula}`]], { licenseKey: "gpl-v3", smartRounding: false });
  try {
    return hf.getCellValue({ sheet: 0, row: 0, col: values.length });
  } finally {
    hf.destroy();
  }
}

const week = (opening: number, intake: number, capacity: number, target: number): unknown =>
  compute(targetWeekFormula("A1", "B1", "C1", "D1", "nooit"), [opening, intake, capacity, target]);

describe("targetWeekFormula: the first week at or below the target, at constant rates", () => {
  test("the issue's cases: 59, 136 (exactly 1100.0, hence the 1e-9), never, 0", () => {
    expect(week(1440, 25, 1600 / 52, 1100)).toBe(59);
    expect(week(1440, 25, 27.5, 1100)).toBe(136);
    expect(week(1440, 25, 25, 1100)).toBe("nooit");
    expect(week(1000, 25, 30, 1100)).toBe(0);
  });

  test("equals the engine's weeksToTargetCore for random rates (never as text)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        // Rates in hundredths, as a planner types them (a denormal capacity is no one's plan).
        fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 5000 }),
        (opening, intake, capacity, target) => {
          const engine = weeksToTargetCore(opening, intake, capacity, target);
          const sheet = week(opening, intake, capacity, target);
          return Number.isFinite(engine) ? sheet === engine : sheet === "nooit";
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("isoWeekFormula and wholeText", () => {
  // Mid-year weeks only: HyperFormula's ISOWEEKNUM numbers some year-end days differently from
  // Excel (2024-12-30 is 2025-W01); LibreOffice's is checked in whatIfModel.libreoffice.test.ts.
  test("the ISO week of a date: the year of its Thursday and ISOWEEKNUM", () => {
    for (const [y, m, d] of [[2025, 2, 10], [2024, 9, 16], [2026, 8, 3], [2024, 8, 19]] as const) {
      const serial = excelDateSerial(y, m, d);
      expect(compute(isoWeekFormula("A1"), [serial])).toBe(isoWeekLabel(serial));
    }
  });

  test("whole numbers grouped from five digits, as the sheets write them; a sign kept", () => {
    expect(compute(wholeText("A1", "nl"), [1122.4])).toBe("1122");
    expect(compute(wholeText("A1", "nl"), [12500])).toBe("12.500");
    expect(compute(wholeText("A1", "en"), [12500])).toBe("12,500");
    expect(compute(signedWholeText("A1", "en"), [-112.2])).toBe("-112");
  });
});
