/**
 * The uncertainty section: a fan chart of the Monte Carlo backlog (P10–P90 band, median and the
 * deterministic plan), the chance of meeting the target in plain words, and the assumptions,
 * placed at a given top-left cell. Pure: a SimulationResult in, Blocks and a ChartSpec out.
 * Every figure is a static number (a simulation result), never a formula.
 *
 * Layout, rows from the top-left cell:
 *   0  title
 *   1  chance sentence ("kans 34% dat de voorraad eind 2024 ≤ 1100 is"), when there is a target
 *   3  header: Week | P10 | P50 | P90 | Plan      chart to the right, from this row
 *   4… one row per week                          assumptions under the chart, as its caption
 */
import { IntakeModel, SimulationResult } from "../engine";
import type { Language } from "./messages";
import { Block, Cell, cellAddress, ChartSpec, parseCell, text } from "./spec";

export interface UncertaintyBlockOptions {
  /** Top-left cell of the section, e.g. "A60". */
  at: string;
  /** The seed the simulation was started with; stated in the assumptions. */
  seed: number;
  /** Language of the title, headers and chart; Dutch unless given. Sentences come in both. */
  language?: Language;
  /**
   * When the target week falls, as a phrase in each language: `endOfYear(2024)` gives
   * "eind 2024" / "at the end of 2024". Default "in week 52" / "in week 52".
   */
  when?: Record<Language, string>;
  /** Percentiles drawn as the band's low edge, middle and high edge; default 0.1, 0.5, 0.9. */
  band?: readonly [number, number, number];
}

export interface UncertaintyBlock {
  blocks: Block[];
  chart: ChartSpec;
  /** The chance of meeting the target in plain words; null when the simulation had no target. */
  sentence: Record<Language, string> | null;
  /** Intake model, capacity, runs and seed, in plain words. */
  assumptions: Record<Language, string>;
  /** The A1 range of the weekly table, header row included. */
  tableRange: string;
  /** 0-based first row below the whole section. */
  bottomRow: number;
}

const FAN_TEXT: Record<Language, { title: string; week: string; plan: string; chartTitle: string; cases: string }> = {
  nl: {
    title: "Onzekerheid: voorraad per week (Monte Carlo)",
    week: "Week",
    plan: "Plan",
    chartTitle: "Voorraad: band P10–P90, mediaan en plan",
    cases: "Zaken",
  },
  en: {
    title: "Uncertainty: backlog per week (Monte Carlo)",
    week: "Week",
    plan: "Plan",
    chartTitle: "Backlog: P10–P90 band, median and plan",
    cases: "Cases",
  },
};

const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 18;
const HEADER_OFFSET = 3;
const COLUMNS = 5;

/** "eind 2024" / "at the end of 2024": the memo's horizon in the chance sentence. */
export function endOfYear(year: number): Record<Language, string> {
  return { nl: `eind ${year}`, en: `at the end of ${year}` };
}

/**
 * A number as a Dutch or English reader expects it: digits grouped only from five digits on
 * (1100, 12.500 / 12,500, as Dutch style guides advise), at most one decimal.
 */
export function formatNumber(value: number, language: Language): string {
  const rounded = Math.round(value * 10) / 10;
  const [whole = "0", decimals] = Math.abs(rounded)
    .toFixed(Number.isInteger(rounded) ? 0 : 1)
    .split(".");
  const group = language === "nl" ? "." : ",";
  const grouped = whole.length >= 5 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  const sign = rounded < 0 ? "-" : "";
  return decimals === undefined ? `${sign}${grouped}` : `${sign}${grouped}${language === "nl" ? "," : "."}${decimals}`;
}

/**
 * A chance in whole percents. A Monte Carlo share of 0 or 1 is not a certainty, so anything that
 * would round to 0% or 100% reads "< 1%" or "> 99%".
 */
export function formatChance(chance: number): string {
  if (chance < 0.005) return "< 1%";
  if (chance > 0.995) return "> 99%";
  return `${Math.round(chance * 100)}%`;
}

/** "P10", "P2.5": the column and series name of a percentile. */
export function percentileLabel(p: number): string {
  return `P${Math.round(p * 1000) / 10}`;
}

/**
 * The chance of meeting the target, in plain words:
 * "kans 34% dat de voorraad eind 2024 ≤ 1100 is" / "a 34% chance that the backlog is ≤ 1100 at the end of 2024".
 */
export function chanceSentence(
  outcome: { chance: number; target: number; week: number },
  when?: Record<Language, string>,
): Record<Language, string> {
  const phrase = when ?? { nl: `in week ${outcome.week}`, en: `in week ${outcome.week}` };
  const chance = formatChance(outcome.chance);
  return {
    nl: `kans ${chance} dat de voorraad ${phrase.nl} ≤ ${formatNumber(outcome.target, "nl")} is`,
    en: `a ${chance} chance that the backlog is ≤ ${formatNumber(outcome.target, "en")} ${phrase.en}`,
  };
}

function describeIntake(model: IntakeModel, language: Language): string {
  const nl = language === "nl";
  switch (model.kind) {
    case "poisson":
      return nl
        ? "instroom Poisson rond de geplande instroom per week"
        : "intake Poisson around the planned weekly intake";
    case "overdispersed": {
      const d = formatNumber(model.dispersion, language);
      return nl
        ? `instroom negatief binomiaal, variantie ${d} × het gemiddelde`
        : `intake negative binomial, variance ${d} × the mean`;
    }
    case "history": {
      const n = formatNumber(model.history.length, language);
      return nl
        ? `instroom getrokken uit ${n} historische weken (bootstrap)`
        : `intake resampled from ${n} historical weeks (bootstrap)`;
    }
    case "fixed":
      return nl ? "instroom vast, zonder toeval" : "intake fixed, without randomness";
  }
}

function describeCapacity(spread: number, language: Language): string {
  if (spread === 0) return language === "nl" ? "capaciteit vast zoals gepland" : "capacity fixed as planned";
  const cv = `${formatNumber(spread * 100, language)}%`;
  return language === "nl"
    ? `capaciteit gepland × een factor rond 1 (variatiecoëfficiënt ${cv})`
    : `capacity planned × a factor around 1 (coefficient of variation ${cv})`;
}

/** The intake level: fixed, or one factor per run around 1. */
function describeLevel(spread: number, language: Language): string {
  if (spread === 0) return language === "nl" ? "instroomniveau vast" : "intake level fixed";
  const cv = `${formatNumber(spread * 100, language)}%`;
  return language === "nl"
    ? `instroomniveau per run × een factor rond 1 (variatiecoëfficiënt ${cv})`
    : `intake level per run × a factor around 1 (coefficient of variation ${cv})`;
}

/** "Aannames: instroom Poisson …; instroomniveau vast; capaciteit vast zoals gepland; 10.000 runs; seed 2024." */
export function assumptionsText(
  result: Pick<SimulationResult, "intakeModel" | "capacitySpread" | "runs"> & { intakeLevelSpread?: number },
  seed: number,
): Record<Language, string> {
  const line = (language: Language): string =>
    `${language === "nl" ? "Aannames" : "Assumptions"}: ${describeIntake(result.intakeModel, language)}; ` +
    `${describeLevel(result.intakeLevelSpread ?? 0, language)}; ` +
    `${describeCapacity(result.capacitySpread, language)}; ${formatNumber(result.runs, language)} runs; seed ${seed}.`;
  return { nl: line("nl"), en: line("en") };
}

/**
 * Builds the section. Throws when the result lacks one of the band's percentiles: the caller
 * simulates with the percentiles it wants to draw.
 *
 * @example
 * const sim = simulateBacklog(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52, target: 1100 });
 * if (sim.ok) buildUncertaintyBlock(sim.value, { at: "A60", seed: 2024, when: endOfYear(2024) });
 * // sentence.nl: "kans 13% dat de voorraad eind 2024 ≤ 1100 is"; table A63:E115, chart at G63
 */
export function buildUncertaintyBlock(result: SimulationResult, options: UncertaintyBlockOptions): UncertaintyBlock {
  const language = options.language ?? "nl";
  const words = FAN_TEXT[language];
  const band = options.band ?? [0.1, 0.5, 0.9];
  const bandValues = band.map((p) => {
    const index = result.percentiles.indexOf(p);
    if (index < 0) throw new Error(`buildUncertaintyBlock: the simulation has no percentile ${p}`);
    return result.bands[index] as Float64Array;
  });
  const start = parseCell(options.at);
  const weeks = result.weeks;
  const headerRow = start.row + HEADER_OFFSET;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + weeks;
  const col = (offset: number): number => start.column + offset;

  const rows: Cell[][] = [];
  for (let t = 0; t < weeks; t++) {
    rows.push([t + 1, ...bandValues.map((values) => values[t] as number), result.plan[t] as number]);
  }
  const headers = [words.week, ...band.map(percentileLabel), words.plan];
  const sentence = result.target === undefined ? null : chanceSentence(result.target, options.when);
  const assumptions = assumptionsText(result, options.seed);

  const chartAt = cellAddress(headerRow, col(COLUMNS + 1));
  const blocks: Block[] = [
    { at: cellAddress(start.row, col(0)), cells: [[text(words.title)]], style: "title" },
    ...(sentence === null
      ? []
      : [{ at: cellAddress(start.row + 1, col(0)), cells: [[text(sentence[language])]], style: "output" as const }]),
    { at: cellAddress(headerRow, col(0)), cells: [headers.map(text)], style: "header" },
    { at: cellAddress(firstDataRow, col(0)), cells: rows, numberFormat: ["0", "#,##0", "#,##0", "#,##0", "#,##0"] },
    // The caption under the chart: the reader sees what the band assumes.
    {
      at: cellAddress(headerRow + CHART_HEIGHT_ROWS, col(COLUMNS + 1)),
      cells: [[text(assumptions[language])]],
      style: "note",
    },
  ];

  const range = (offset: number): string =>
    `${cellAddress(firstDataRow, col(offset))}:${cellAddress(lastDataRow, col(offset))}`;
  const chart: ChartSpec = {
    kind: "line",
    title: words.chartTitle,
    categories: range(0),
    series: headers.slice(1).map((name, i) => ({ name, values: range(i + 1) })),
    at: chartAt,
    widthColumns: CHART_WIDTH_COLUMNS,
    heightRows: CHART_HEIGHT_ROWS,
    xAxisTitle: words.week,
    yAxisTitle: words.cases,
  };
  return {
    blocks,
    chart,
    sentence,
    assumptions,
    tableRange: `${cellAddress(headerRow, col(0))}:${cellAddress(lastDataRow, col(COLUMNS - 1))}`,
    bottomRow: Math.max(lastDataRow, headerRow + CHART_HEIGHT_ROWS) + 1,
  };
}
