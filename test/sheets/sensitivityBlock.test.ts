/**
 * The tornado on its own, computed by HyperFormula: the figures, the order by swing, "geen
 * effect" where nothing moves, the sentences, and that an edit re-orders it live (LibreOffice
 * recomputes it against the engine in whatIfModel.libreoffice.test.ts).
 */
import { HyperFormula } from "hyperformula";
import { sensitivity } from "../../src/engine";
import { SENSITIVITY_ROWS, sensitivityColumnWidths, SENSITIVITY_TEXT } from "../../src/sheets/sensitivityBlock";
import { excelDateSerial, parseCell, SheetSpec } from "../../src/sheets/spec";
import { buildWhatIfSheet, whatIfInputsOf, whatIfLayout, whatIfPrefill } from "../../src/sheets/whatIfSheet";
import { specGrid } from "../helpers/specCells";

const JAN_15 = excelDateSerial(2024, 1, 15);
const SAMPLE = { opening: 1440, intake: 25, capacity: 1600 / 52, uplift: 0.1, target: 1100, targetGiven: true, firstWeek: excelDateSerial(2024, 1, 1) };

function evaluate(spec: SheetSpec): { value: (address: string) => unknown; set: (address: string, v: number) => void } {
  const hf = HyperFormula.buildFromArray(specGrid(spec), { licenseKey: "gpl-v3", smartRounding: false });
  const at = (address: string) => {
    const p = parseCell(address.replace(/\$/g, ""));
    return { sheet: 0, row: p.row, col: p.column };
  };
  return { value: (address) => hf.getCellValue(at(address)), set: (address, v) => void hf.setCellContents(at(address), [[v]]) };
}

describe("the tornado of the whole decision: each input 10% lower and higher", () => {
  const layout = whatIfLayout(104);
  const s = layout.sensitivity;

  test("the issue's figures: intake 850 / 1075, plan 1122 / 802, triage share 980 / 945; uplift and per fte no effect", () => {
    const { value } = evaluate(buildWhatIfSheet({ inputs: SAMPLE, language: "nl", createdOn: JAN_15 }));
    const round = (cell: string): number => Math.round(value(cell) as number);
    expect([round(s.model.intake.closingLow), round(s.model.intake.closingHigh)]).toEqual([850, 1075]);
    expect([round(s.model.planPerYear.closingLow), round(s.model.planPerYear.closingHigh)]).toEqual([1122, 802]);
    expect([round(s.model.triageShare.closingLow), round(s.model.triageShare.closingHigh)]).toEqual([980, 945]);
    // Relative moves: 13.7% becomes 12.3% and 15.0%.
    expect(value(s.model.triageShare.low)).toBeCloseTo((190 / 1390) * 0.9, 12);
    expect(value(s.model.triageShare.high)).toBeCloseTo((190 / 1390) * 1.1, 12);
    expect(value(s.model.uplift.moves)).toBe(false);
    expect(value(s.model.decisionsPerFteWeek.moves)).toBe(false);
    // Ordered by swing: plan (320), intake (225), triage share (35), then the two without effect.
    expect(s.ordered.map((o) => value(o.label))).toEqual([
      "Huidig plan: afdoeningen per jaar",
      "Instroom per week",
      "Triage: aandeel incompleet",
      "Opslag planningsregel (geen effect)",
      "Beslissingen per fte per week (geen effect)",
    ]);
    expect(value(s.sentences.dominant)).toBe(
      "Het zwaarst telt: Huidig plan: afdoeningen per jaar. Bij −10% eindigt het heel besluit op 1122, bij +10% op 802 (zoals ingevuld: 962).",
    );
    expect(value(s.sentences.uplift)).toMatch(/^Opslag: geen effect, want het huidige plan \(30[.,]8 per week\) ligt boven de regel \(27[.,]8 per week bij \+10%\)/);
    expect(value(s.sentences.memo2023)).toContain("het huidige plan eindigt op 1230 (nu 1140)");
  });

  test("the same order as the engine's sensitivity, and live: with a plan below the rule, uplift moves and its sentence goes", () => {
    const options = { inputs: SAMPLE, language: "en" as const, createdOn: JAN_15 };
    const { value, set } = evaluate(buildWhatIfSheet(options));
    const engine = sensitivity(whatIfInputsOf(whatIfPrefill(options)));
    if (!engine.ok) throw new Error(engine.error.message);
    const words = SENSITIVITY_TEXT.en;
    expect(s.ordered.map((o) => value(o.label))).toEqual(
      engine.value.rows.map((row) => words.labels[row.input] + (row.moves ? "" : words.noEffect)),
    );
    set(layout.inputs.planPerYear, 1000);
    expect(value(s.model.uplift.moves)).toBe(true);
    expect(value(s.sentences.uplift)).toBe("");
    expect(String(value(s.ordered[4]?.label as string))).toBe("Decisions per fte per week (no effect)");
  });

  test("its height and the widths of its columns off the print area", () => {
    expect(SENSITIVITY_ROWS).toBe(17);
    for (const language of ["nl", "en"] as const) {
      const widths = sensitivityColumnWidths(language);
      expect(widths).toHaveLength(SENSITIVITY_TEXT[language].modelHeaders.length + 1 + SENSITIVITY_TEXT[language].chartHeaders.length);
      expect(Math.min(...widths)).toBeGreaterThan(0);
    }
  });
});
