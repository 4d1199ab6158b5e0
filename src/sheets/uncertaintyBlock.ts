/**
 * The uncertainty section: the Monte Carlo backlog as a weekly table of fixed values (P10, P50,
 * P90, the plan and the band's width) and a panel that reads it: the chance of meeting the target
 * in plain words, the band at the horizon, the assumptions and a band chart (P10–P90 shaded,
 * median, plan dashed). Pure: a SimulationResult in, Blocks and a ChartSpec out. Every figure is
 * a static number (a simulation result), never a formula; the sheets say so.
 *
 * The table and the panel are placed apart: the table outside the print area, beside the weekly
 * table it belongs to; the panel in the sheet's column of summaries and charts.
 */
import { FORECAST_BAND_TEXT } from "./forecastBandText";
import { IntakeModel, SimulationResult } from "../engine";
import type { Language } from "./messages";
import type { Panel } from "./panel";
import { axisMinimum } from "./panel";
import { Block, Cell, cellAddress, parseCell, text } from "./spec";

/** What the pane and the CLI report from the section, in both languages. */
export interface UncertaintyBlock {
  /** The chance of meeting the target in plain words; null when the simulation had no target. */
  sentence: Record<Language, string> | null;
  /** Intake model, capacity, runs and seed, in plain words. */
  assumptions: Record<Language, string>;
}

const FAN_TEXT: Record<
  Language,
  {
    week: string;
    plan: string;
    median: string;
    width: string;
    band: (low: string, high: string) => string;
    chartTitle: string;
    cases: string;
    atEnd: (when: string, low: string, median: string, high: string) => string;
  }
> = {
  nl: {
    week: "Week",
    plan: "Plan",
    median: "Mediaan",
    width: "Bandbreedte",
    band: (low: string, high: string) => `Band ${low}–${high}`,
    chartTitle: "Voorraad: band P10–P90, mediaan en plan",
    cases: "Voorraad (zaken)",
    atEnd: (when, low, median, high) => `Voorraad ${when}: P10 ${low}, mediaan ${median}, P90 ${high}.`,
  },
  en: {
    week: "Week",
    plan: "Plan",
    median: "Median",
    width: "Band width",
    band: (low: string, high: string) => `${low}–${high} band`,
    chartTitle: "Backlog: P10–P90 band, median and plan",
    cases: "Backlog (cases)",
    atEnd: (when, low, median, high) => `Backlog ${when}: P10 ${low}, median ${median}, P90 ${high}.`,
  },
};

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
 * "kans 13% dat de voorraad eind 2024 ≤ 1100 is" / "a 13% chance that the backlog is ≤ 1100 at the end of 2024".
 * Without a target of the planner's (`basis` "opening") the target is the opening backlog, and the
 * sentence says so: "kans > 99% dat de voorraad eind 2024 niet hoger is dan bij de start (1440)".
 */
export function chanceSentence(
  outcome: { chance: number; target: number; week: number },
  when?: Record<Language, string>,
  basis: "target" | "opening" = "target",
): Record<Language, string> {
  const phrase = when ?? { nl: `in week ${outcome.week}`, en: `in week ${outcome.week}` };
  const chance = formatChance(outcome.chance);
  // "an 8%", "an 11%", "an 18%", "an 80%": the article as the number is said.
  const article = /^(8|1[18]%)/.test(chance) ? "an" : "a";
  if (basis === "opening") {
    return {
      nl: `kans ${chance} dat de voorraad ${phrase.nl} niet hoger is dan bij de start (${formatNumber(outcome.target, "nl")})`,
      en: `${article} ${chance} chance that the backlog is no higher ${phrase.en} than at the start (${formatNumber(outcome.target, "en")})`,
    };
  }
  return {
    nl: `kans ${chance} dat de voorraad ${phrase.nl} ≤ ${formatNumber(outcome.target, "nl")} is`,
    en: `${article} ${chance} chance that the backlog is ≤ ${formatNumber(outcome.target, "en")} ${phrase.en}`,
  };
}

/**
 * What the band leaves out, in a sentence under it: with a forecast intake the forecast's own
 * uncertainty is in it (FORECAST_BAND_TEXT); otherwise the intake level's own moves (the memo's
 * 1810, 1530, 1390: 280 and 140 fewer a year) are not, unless an intake level spread stands in for
 * them, nor a capacity that turns out other than planned, unless its spread is set.
 */
export function bandText(
  result: Pick<SimulationResult, "capacitySpread"> & { intakeLevelSpread?: number; intakeForecast?: unknown },
  language: Language,
): string {
  if (result.intakeForecast !== undefined) return FORECAST_BAND_TEXT[language].band;
  const nl = language === "nl";
  const level = (result.intakeLevelSpread ?? 0) > 0;
  const capacity = result.capacitySpread > 0;
  const holds = nl
    ? `De band bevat het toeval van de wekelijkse instroom${level ? ", een instroomniveau per run" : ""}${capacity ? " en een capaciteit die anders uitvalt dan gepland" : ""}.`
    : `The band holds the week-to-week chance of the intake${level ? ", an intake level per run" : ""}${capacity ? " and a capacity that turns out other than planned" : ""}.`;
  const leaves = nl
    ? ` Hij laat weg dat het niveau van de instroom zelf verschuift: 1810, 1530 en 1390 aanvragen in 2021, 2022 en 2023, 280 en 140 minder per jaar${level ? " (de spreiding van het instroomniveau neemt daar een deel van mee)" : ""}${capacity ? "" : ", en dat de capaciteit anders uitvalt dan gepland"}.`
    : ` It leaves out that the intake level itself moves: 1810, 1530 and 1390 applications in 2021, 2022 and 2023, 280 and 140 fewer a year${level ? " (the intake level spread takes in part of that)" : ""}${capacity ? "" : ", and a capacity that turns out other than planned"}.`;
  return holds + leaves;
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
    ? `instroomniveau per simulatie × een factor rond 1 (variatiecoëfficiënt ${cv})`
    : `intake level per run × a factor around 1 (coefficient of variation ${cv})`;
}

/**
 * "Aannames: instroom Poisson …; instroomniveau vast; capaciteit vast zoals gepland; 10.000
 * simulaties; startgetal 2024." With a forecast intake, the forecast's phrases (FORECAST_BAND_TEXT)
 * take the place of the intake's and the level's.
 */
export function assumptionsText(
  result: Pick<SimulationResult, "intakeModel" | "capacitySpread" | "runs" | "intakeForecast"> & { intakeLevelSpread?: number },
  seed: number,
): Record<Language, string> {
  const forecast = result.intakeForecast !== undefined;
  const line = (language: Language): string =>
    `${language === "nl" ? "Aannames" : "Assumptions"}: ${forecast ? FORECAST_BAND_TEXT[language].intake : describeIntake(result.intakeModel, language)}; ` +
    `${forecast ? FORECAST_BAND_TEXT[language].level : describeLevel(result.intakeLevelSpread ?? 0, language)}; ` +
    `${describeCapacity(result.capacitySpread, language)}; ${formatNumber(result.runs, language)} ` +
    `${language === "nl" ? `simulaties; startgetal ${seed}` : `runs; seed ${seed}`}.`;
  return { nl: line("nl"), en: line("en") };
}

/** The weekly table's columns: week, the band's low edge, middle and high edge, the plan, the band's width. */
export interface UncertaintyTable {
  blocks: Block[];
  /** A1 ranges of the data rows: week numbers and each column. */
  ranges: { week: string; low: string; median: string; high: string; plan: string; width: string };
  /** The A1 range of the weekly table, header row included. */
  range: string;
  /** The band's percentiles and headers ("P10", …). */
  band: readonly [number, number, number];
}

/**
 * The weekly table of fixed values at `at` (its header row there): week, P10, P50, P90, plan and
 * the band's width. Throws when the result lacks one of the band's percentiles: the caller
 * simulates with the percentiles it wants to draw.
 *
 * @example
 * uncertaintyTable(simulation, "X4", "nl") // header X4:AC4, week 1 on row 5
 */
export function uncertaintyTable(
  result: SimulationResult,
  at: string,
  language: Language,
  band: readonly [number, number, number] = [0.1, 0.5, 0.9],
): UncertaintyTable {
  const words = FAN_TEXT[language];
  const values = band.map((p) => {
    const index = result.percentiles.indexOf(p);
    if (index < 0) throw new Error(`uncertaintyTable: the simulation has no percentile ${p}`);
    return result.bands[index] as Float64Array;
  });
  const [low, median, high] = values as [Float64Array, Float64Array, Float64Array];
  const start = parseCell(at);
  const rows: Cell[][] = [];
  for (let t = 0; t < result.weeks; t++) {
    const width = (high[t] as number) - (low[t] as number);
    rows.push([t + 1, low[t] as number, median[t] as number, high[t] as number, result.plan[t] as number, width]);
  }
  const headers = [words.week, ...band.map(percentileLabel), words.plan, words.width];
  const column = (offset: number): string =>
    `${cellAddress(start.row + 1, start.column + offset)}:${cellAddress(start.row + result.weeks, start.column + offset)}`;
  return {
    blocks: [
      { at, cells: [headers.map(text)], style: "header" },
      { at: cellAddress(start.row + 1, start.column), cells: rows, numberFormat: ["0", "#,##0", "#,##0", "#,##0", "#,##0", "#,##0"] },
    ],
    ranges: { week: column(0), low: column(1), median: column(2), high: column(3), plan: column(4), width: column(5) },
    range: `${at}:${cellAddress(start.row + result.weeks, start.column + headers.length - 1)}`,
    band,
  };
}

export interface UncertaintyPanelOptions {
  /** The seed the simulation was started with; stated in the assumptions. */
  seed: number;
  language: Language;
  /**
   * When the target week falls, as a phrase in each language: `endOfYear(2024)` gives
   * "eind 2024" / "at the end of 2024". Default "in week 52" / "in week 52".
   */
  when?: Record<Language, string>;
  /** Lines after the band at the horizon (what is fixed, a warning cell), written by the caller. */
  between?: (panel: Panel) => void;
  /**
   * The headline's basis: "target" (the planner's target, the default) or "opening" (no target:
   * the backlog ends no higher than it started); `beside`, a sentence set beside the headline
   * (the whole decision's target week).
   */
  headline?: { basis: "target" | "opening"; beside?: Record<Language, string> };
  /** Chart height in rows. */
  chartRows: number;
  /** Where the chart goes: beside the text instead of below it. */
  chartPanel?: Panel;
}

/**
 * The section's panel: the chance sentence (when there is a target), the band at the horizon,
 * the assumptions, the caller's lines, and the band chart over the weekly table.
 *
 * @example
 * uncertaintyPanel(panel, simulation, uncertaintyTable(simulation, "X4", "nl"), { seed: 2024, language: "nl", chartRows: 14 })
 * // sentence.nl: "kans 13% dat de voorraad in week 52 ≤ 1100 is"
 */
export function uncertaintyPanel(
  panel: Panel,
  result: SimulationResult,
  table: UncertaintyTable,
  options: UncertaintyPanelOptions,
): UncertaintyBlock {
  const { language } = options;
  const words = FAN_TEXT[language];
  const sentence = result.target === undefined ? null : chanceSentence(result.target, options.when, options.headline?.basis);
  const assumptions = assumptionsText(result, options.seed);
  const series = (band: 0 | 1 | 2): number[] => Array.from(result.bands[result.percentiles.indexOf(table.band[band])] as Float64Array);
  const at = (band: 0 | 1 | 2): string => formatNumber(series(band)[result.weeks - 1] as number, language);
  const when = options.when?.[language] ?? `in week ${result.weeks}`;
  if (sentence !== null) panel.lines(`${capitalise(sentence[language])}.`, "output");
  const beside = options.headline?.beside;
  if (sentence !== null && beside !== undefined) panel.lines(beside[language], "label");
  const atEnd = words.atEnd(when, at(0), at(1), at(2));
  // "P5 …, mediaan …, P95 …" for another band than the usual one.
  panel.lines(atEnd.replace("P10", percentileLabel(table.band[0])).replace("P90", percentileLabel(table.band[2])), "label");
  panel.lines(bandText(result, language));
  panel.lines(assumptions[language]);
  options.between?.(panel);
  const minimum = axisMinimum(Math.min(...series(0), ...result.plan), Math.max(...series(2), ...result.plan));
  (options.chartPanel ?? panel).chart(
    {
      kind: "band",
      title: words.chartTitle,
      categories: table.ranges.week,
      series: [
        { name: percentileLabel(table.band[0]), values: table.ranges.low },
        { name: words.band(percentileLabel(table.band[0]), percentileLabel(table.band[2])), values: table.ranges.width },
        { name: words.median, values: table.ranges.median },
        { name: words.plan, values: table.ranges.plan, dashed: true },
      ],
      xAxisTitle: words.week,
      yAxisTitle: words.cases,
      ...(minimum !== undefined && { yAxisMin: minimum }),
    },
    options.chartRows,
  );
  return { sentence, assumptions };
}

/** "kans 13% …" → "Kans 13% …" at the start of a line. */
const capitalise = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
