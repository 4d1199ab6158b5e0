import fc from "fast-check";
import { createRng, simulateBacklog, SimulateBacklogOptions, SimulationResult } from "../../src/engine";
import { Block, cellAddress, isFormula, isText, looksLikeFormula, parseCell } from "../../src/sheets/spec";
import { Panel } from "../../src/sheets/panel";
import {
  assumptionsText,
  bandText,
  chanceSentence,
  endOfYear,
  formatChance,
  formatNumber,
  percentileLabel,
  uncertaintyPanel,
  uncertaintyTable,
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

  test("English says 'an' where the number starts with a vowel sound: 8%, 11%, 18%, 80–89%", () => {
    const article = (chance: number): string => chanceSentence({ chance, target: 0, week: 1 }).en.split(" ")[0] as string;
    expect([0.08, 0.11, 0.18, 0.8, 0.86, 0.89].map(article)).toEqual(["an", "an", "an", "an", "an", "an"]);
    expect([0.01, 0.1, 0.13, 0.28, 0.5, 0.9, 0.001, 0.999].map(article)).toEqual(["a", "a", "a", "a", "a", "a", "a", "a"]);
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
      nl: "Aannames: instroom Poisson rond de geplande instroom per week; instroomniveau vast; capaciteit vast zoals gepland; 10.000 simulaties; startgetal 2024.",
      en: "Assumptions: intake Poisson around the planned weekly intake; intake level fixed; capacity fixed as planned; 10,000 runs; seed 2024.",
    });
    const other = assumptionsText(
      { runs: 100_000, capacitySpread: 0.1, intakeModel: { kind: "overdispersed", dispersion: 2.5 } },
      7,
    );
    expect(other.nl).toBe(
      "Aannames: instroom negatief binomiaal, variantie 2,5 × het gemiddelde; instroomniveau vast; capaciteit gepland × een factor rond 1 (variatiecoëfficiënt 10%); 100.000 simulaties; startgetal 7.",
    );
    expect(assumptionsText({ ...base, intakeModel: { kind: "history", history: [20, 25, 30] } }, 1).en).toContain(
      "intake resampled from 3 historical weeks (bootstrap)",
    );
    expect(assumptionsText({ ...base, intakeModel: { kind: "fixed" } }, 1).nl).toContain(
      "instroom vast, zonder toeval",
    );
  });
});

/** A panel in columns K–O of a sheet whose columns are all 12 wide. */
function panelAt(row: number): Panel {
  const widths = Object.fromEntries("ABCDEFGHIJKLMNOP".split("").map((l) => [l, 12]));
  return new Panel({ column: 10, columns: 5, widths }, row);
}

const textOf = (block: Block): string[] => block.cells.map((r) => (r[0] as { text: string }).text);

describe("the uncertainty table and panel", () => {
  const result = simulate({ ...memo, target: 1100 });
  const table = uncertaintyTable(result, "X4", "nl");
  const panel = panelAt(10);
  const section = uncertaintyPanel(panel, result, table, { seed: 2024, language: "nl", when: endOfYear(2024), chartRows: 14 });

  test("the table: a header at the given cell and one row per week below it", () => {
    expect(blockAt(table.blocks, "X4").cells).toEqual([
      ["Week", "P10", "P50", "P90", "Plan", "Bandbreedte"].map((t) => ({ text: t })),
    ]);
    expect(table.range).toBe("X4:AC56");
    expect(table.ranges).toEqual({
      week: "X5:X56",
      low: "Y5:Y56",
      median: "Z5:Z56",
      high: "AA5:AA56",
      plan: "AB5:AB56",
      width: "AC5:AC56",
    });
  });

  test("the weekly rows are the simulation's numbers, static values and no formulas", () => {
    const data = blockAt(table.blocks, "X5");
    expect(data.cells).toHaveLength(52);
    data.cells.forEach((row, t) => {
      const low = result.bands[0]?.[t] as number;
      const high = result.bands[2]?.[t] as number;
      expect(row).toEqual([t + 1, low, result.bands[1]?.[t], high, result.plan[t], high - low]);
    });
    expect(data.cells[51]?.[4]).toBeCloseTo(1140, 9);
    const cells = [...table.blocks, ...panel.blocks].flatMap((b) => b.cells.flat());
    expect(cells.some((c) => c !== null && typeof c === "object" && isFormula(c))).toBe(false);
    // Literal text never starts like a formula.
    expect(
      cells
        .filter((c) => c !== null && typeof c === "object" && isText(c))
        .some((c) => looksLikeFormula((c as { text: string }).text)),
    ).toBe(false);
  });

  test("the panel: the chance, the band at the horizon, the assumptions, then the chart", () => {
    expect(section.sentence?.nl).toMatch(/^kans \d+% dat de voorraad eind 2024 ≤ 1100 is$/);
    const lines = panel.blocks.flatMap(textOf);
    expect(lines[0]).toBe(`K${section.sentence?.nl.slice(1)}.`);
    const low = formatNumber(result.bands[0]?.[51] as number, "nl");
    const high = formatNumber(result.bands[2]?.[51] as number, "nl");
    expect(lines[1]).toBe(`Voorraad eind 2024: P10 ${low}, mediaan ${formatNumber(result.bands[1]?.[51] as number, "nl")}, P90 ${high}.`);
    // What the band leaves out (the intake level's moves of 280 and 140 a year), then the assumptions.
    expect(lines.slice(2).join(" ")).toBe(`${bandText(result, "nl")} ${section.assumptions.nl}`);
    expect(bandText(result, "nl")).toContain("280 en 140 minder per jaar");
    expect(panel.blocks[0]?.at).toBe("K11");
    expect(panel.charts[0]?.at).toBe(cellAddress(10 + lines.length, 10));
    expect(panel.row).toBe(10 + lines.length + 14);
    expect(section.assumptions.en).toBe(
      "Assumptions: intake Poisson around the planned weekly intake; intake level fixed; capacity fixed as planned; 500 runs; seed 2024.",
    );
  });

  test("a band chart: P10 (invisible) and the band's width stacked, the median, the plan dashed; the axis from below the band", () => {
    const chart = panel.charts[0];
    expect(chart?.kind).toBe("band");
    expect(chart?.categories).toBe("X5:X56");
    expect(chart?.series).toEqual([
      { name: "P10", values: "Y5:Y56" },
      { name: "Band P10–P90", values: "AC5:AC56" },
      { name: "Mediaan", values: "Z5:Z56" },
      { name: "Plan", values: "AB5:AB56", dashed: true },
    ]);
    expect(chart?.widthColumns).toBe(5);
    expect(chart?.heightRows).toBe(14);
    // The band runs from about 1094 to 1440: the axis starts at a round number below it, not at 0.
    expect(chart?.yAxisMin).toBe(1000);
    expect(chart?.yAxisTitle).toBe("Voorraad (zaken)");
  });

  test("English headers and sentence when asked; no sentence without a target", () => {
    const english = panelAt(0);
    const block = uncertaintyPanel(english, result, uncertaintyTable(result, "A1", "en"), { seed: 2024, language: "en", chartRows: 10 });
    expect(block.sentence?.en).toMatch(/^an? \d+% chance that the backlog is ≤ 1100 in week 52$/);
    expect(textOf(english.blocks[0] as Block)[0]).toBe(`A${block.sentence?.en.slice(1)}.`);
    expect(english.charts[0]?.title).toBe("Backlog: P10–P90 band, median and plan");
    const none = panelAt(0);
    const noTarget = simulate({ ...memo, weeks: 8 });
    expect(uncertaintyPanel(none, noTarget, uncertaintyTable(noTarget, "A1", "nl"), { seed: 1, language: "nl", chartRows: 10 }).sentence).toBeNull();
    expect(textOf(none.blocks[0] as Block)[0]).toMatch(/^Voorraad in week 8: P10/);
  });

  test("a custom band, and an error when the simulation lacks one of its percentiles", () => {
    const wide = simulate({ ...memo, weeks: 4, percentiles: [0.05, 0.5, 0.95] });
    const custom = uncertaintyTable(wide, "A1", "nl", [0.05, 0.5, 0.95]);
    expect(custom.blocks[0]?.cells[0]?.map((c) => (c as { text: string }).text)).toEqual(["Week", "P5", "P50", "P95", "Plan", "Bandbreedte"]);
    const panel = panelAt(0);
    uncertaintyPanel(panel, wide, custom, { seed: 1, language: "nl", chartRows: 8 });
    expect(panel.charts[0]?.series.map((s) => s.name)).toEqual(["P5", "Band P5–P95", "Mediaan", "Plan"]);
    expect(panel.blocks.flatMap(textOf)[0]).toMatch(/^Voorraad in week 4: P5 [\d,]+, mediaan [\d,]+, P95 [\d,]+\.$/);
    expect(() => uncertaintyTable(wide, "A1", "nl")).toThrow(/no percentile 0.1/);
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
          const t = uncertaintyTable(r, at, "nl");
          const p = panelAt(0);
          uncertaintyPanel(p, r, t, { seed: 1, language: "nl", chartRows: 10 });
          const chart = p.charts[0];
          const first = cellAddress(row + 1, column);
          const last = cellAddress(row + weeks, column);
          expect(chart?.categories).toBe(`${first}:${last}`);
          for (const series of chart?.series ?? []) {
            const [from, to] = series.values.split(":").map((a) => parseCell(a as string));
            expect(to?.row).toBe((from?.row ?? 0) + weeks - 1);
            expect(from?.row).toBe(row + 1);
          }
          expect(blockAt(t.blocks, first).cells).toHaveLength(weeks);
        },
      ),
      { numRuns: 60 },
    );
  });
});
