import fc from "fast-check";
import { createRng, simulateBacklog, SimulateBacklogOptions, SimulationResult } from "../../src/engine";
import { Block, cellAddress, isFormula, isText, looksLikeFormula, parseCell } from "../../src/sheets/spec";
import {
  assumptionsText,
  buildUncertaintyBlock,
  chanceSentence,
  endOfYear,
  formatChance,
  formatNumber,
  percentileLabel,
} from "../../src/sheets/uncertaintyBlock";

function simulate(options: SimulateBacklogOptions): SimulationResult {
  const result = simulateBacklog(createRng(2024), options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const memo = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, runs: 500 };

function blockAt(blocks: Block[], at: string): Block {
  const block = blocks.find((b) => b.at === at);
  if (!block) throw new Error(`no block at ${at}`);
  return block;
}

describe("chance sentence and assumptions in plain words", () => {
  test("the issue's example, in Dutch and English", () => {
    expect(chanceSentence({ chance: 0.34, target: 1100, week: 52 }, endOfYear(2024))).toEqual({
      nl: "kans 34% dat de voorraad eind 2024 ≤ 1100 is",
      en: "a 34% chance that the backlog is ≤ 1100 at the end of 2024",
    });
  });

  test("without a phrase for the week, the week number", () => {
    expect(chanceSentence({ chance: 0.5, target: 0, week: 104 })).toEqual({
      nl: "kans 50% dat de voorraad in week 104 ≤ 0 is",
      en: "a 50% chance that the backlog is ≤ 0 in week 104",
    });
  });

  test("a simulated 0 or 1 is not called certain", () => {
    expect(formatChance(0)).toBe("< 1%");
    expect(formatChance(0.004)).toBe("< 1%");
    expect(formatChance(0.005)).toBe("1%");
    expect(formatChance(0.994)).toBe("99%");
    expect(formatChance(1)).toBe("> 99%");
  });

  test("numbers: grouped from five digits, Dutch decimal comma", () => {
    expect(formatNumber(1100, "nl")).toBe("1100");
    expect(formatNumber(12_500, "nl")).toBe("12.500");
    expect(formatNumber(12_500, "en")).toBe("12,500");
    expect(formatNumber(1_000_000, "en")).toBe("1,000,000");
    expect(formatNumber(1100.25, "nl")).toBe("1100,3");
    expect(formatNumber(1140.0000000000027, "en")).toBe("1140");
    expect(percentileLabel(0.1)).toBe("P10");
    expect(percentileLabel(0.025)).toBe("P2.5");
  });

  test("assumptions name the intake model, capacity, runs and seed", () => {
    const base = { runs: 10_000, capacitySpread: 0 };
    expect(assumptionsText({ ...base, intakeModel: { kind: "poisson" } }, 2024)).toEqual({
      nl: "Aannames: instroom Poisson rond de geplande instroom per week; instroomniveau vast; capaciteit vast zoals gepland; 10.000 runs; seed 2024.",
      en: "Assumptions: intake Poisson around the planned weekly intake; intake level fixed; capacity fixed as planned; 10,000 runs; seed 2024.",
    });
    const other = assumptionsText(
      { runs: 100_000, capacitySpread: 0.1, intakeModel: { kind: "overdispersed", dispersion: 2.5 } },
      7,
    );
    expect(other.nl).toBe(
      "Aannames: instroom negatief binomiaal, variantie 2,5 × het gemiddelde; instroomniveau vast; capaciteit gepland × een factor rond 1 (variatiecoëfficiënt 10%); 100.000 runs; seed 7.",
    );
    expect(assumptionsText({ ...base, intakeModel: { kind: "history", history: [20, 25, 30] } }, 1).en).toContain(
      "intake resampled from 3 historical weeks (bootstrap)",
    );
    expect(assumptionsText({ ...base, intakeModel: { kind: "fixed" } }, 1).nl).toContain(
      "instroom vast, zonder toeval",
    );
  });
});

describe("buildUncertaintyBlock", () => {
  const result = simulate({ ...memo, target: 1100 });
  const section = buildUncertaintyBlock(result, { at: "A60", seed: 2024, when: endOfYear(2024) });

  test("title, chance sentence, header and one row per week at the given cell", () => {
    expect(blockAt(section.blocks, "A60").cells).toEqual([[{ text: "Onzekerheid: voorraad per week (Monte Carlo)" }]]);
    expect(blockAt(section.blocks, "A61").cells).toEqual([[{ text: section.sentence?.nl }]]);
    expect(section.sentence?.nl).toMatch(/^kans \d+% dat de voorraad eind 2024 ≤ 1100 is$/);
    expect(blockAt(section.blocks, "A63").cells).toEqual([
      ["Week", "P10", "P50", "P90", "Plan"].map((t) => ({ text: t })),
    ]);
    expect(section.tableRange).toBe("A63:E115");
    expect(section.bottomRow).toBe(115);
  });

  test("the weekly rows are the simulation's numbers, static values and no formulas", () => {
    const data = blockAt(section.blocks, "A64");
    expect(data.cells).toHaveLength(52);
    data.cells.forEach((row, t) => {
      expect(row).toEqual([t + 1, result.bands[0]?.[t], result.bands[1]?.[t], result.bands[2]?.[t], result.plan[t]]);
    });
    expect(data.cells[51]?.[4]).toBeCloseTo(1140, 9);
    const cells = section.blocks.flatMap((b) => b.cells.flat());
    expect(cells.some((c) => c !== null && typeof c === "object" && isFormula(c))).toBe(false);
    // Literal text never starts like a formula.
    expect(
      cells
        .filter((c) => c !== null && typeof c === "object" && isText(c))
        .some((c) => looksLikeFormula((c as { text: string }).text)),
    ).toBe(false);
  });

  test("a line chart of P10, P50, P90 and the plan, right of the table, assumptions under it", () => {
    expect(section.chart.kind).toBe("line");
    expect(section.chart.categories).toBe("A64:A115");
    expect(section.chart.series).toEqual([
      { name: "P10", values: "B64:B115" },
      { name: "P50", values: "C64:C115" },
      { name: "P90", values: "D64:D115" },
      { name: "Plan", values: "E64:E115" },
    ]);
    expect(section.chart.at).toBe("G63");
    const caption = blockAt(section.blocks, "G81");
    expect(caption.style).toBe("note");
    expect(caption.cells).toEqual([[{ text: section.assumptions.nl }]]);
    expect(section.assumptions.en).toBe(
      "Assumptions: intake Poisson around the planned weekly intake; intake level fixed; capacity fixed as planned; 500 runs; seed 2024.",
    );
  });

  test("English headers and sentence when asked; no sentence without a target", () => {
    const english = buildUncertaintyBlock(result, { at: "C5", seed: 2024, language: "en" });
    expect(blockAt(english.blocks, "C6").cells).toEqual([[{ text: english.sentence?.en }]]);
    expect(english.sentence?.en).toMatch(/^a \d+% chance that the backlog is ≤ 1100 in week 52$/);
    expect(english.chart.title).toBe("Backlog: P10–P90 band, median and plan");
    const noTarget = buildUncertaintyBlock(simulate({ ...memo, weeks: 8 }), { at: "A1", seed: 1 });
    expect(noTarget.sentence).toBeNull();
    expect(noTarget.blocks.some((b) => b.at === "A2")).toBe(false);
    // A short table still leaves room for the chart and its caption.
    expect(noTarget.bottomRow).toBe(3 + 18 + 1);
  });

  test("a custom band, and an error when the simulation lacks one of its percentiles", () => {
    const wide = simulate({ ...memo, weeks: 4, percentiles: [0.05, 0.5, 0.95] });
    const block = buildUncertaintyBlock(wide, { at: "A1", seed: 1, band: [0.05, 0.5, 0.95] });
    expect(block.chart.series.map((s) => s.name)).toEqual(["P5", "P50", "P95", "Plan"]);
    expect(() => buildUncertaintyBlock(wide, { at: "A1", seed: 1 })).toThrow(/no percentile 0.1/);
  });

  test("anywhere on the sheet, for any horizon: chart ranges cover exactly the table's weeks", () => {
    const results = new Map<number, SimulationResult>();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        (row, column, weeks) => {
          const r = results.get(weeks) ?? simulate({ ...memo, weeks, runs: 100 });
          results.set(weeks, r);
          const at = cellAddress(row, column);
          const s = buildUncertaintyBlock(r, { at, seed: 1 });
          const first = cellAddress(row + 4, column);
          const last = cellAddress(row + 3 + weeks, column);
          expect(s.chart.categories).toBe(`${first}:${last}`);
          for (const series of s.chart.series) {
            const [from, to] = series.values.split(":").map((a) => parseCell(a as string));
            expect(to?.row).toBe((from?.row ?? 0) + weeks - 1);
          }
          const data = blockAt(s.blocks, first);
          expect(data.cells).toHaveLength(weeks);
          expect(s.bottomRow).toBeGreaterThan(row + 3 + weeks);
        },
      ),
      { numRuns: 60 },
    );
  });
});
