/**
 * The what-if sheet's "Wat telt het zwaarst?" (issue 23, item 2): a tornado for the whole
 * decision (scenario 4, "Heel besluit"). Each of five inputs moves 10% down and up, relatively
 * (a triage share of 13.7% becomes 12.3% and 15.0%), the others as typed; the backlog at the
 * horizon and the target week are read for each, as the engine's `sensitivity` computes them.
 * Live native formulas: the model table (off the print area) computes; a printed table and a bar
 * chart show the inputs ordered by swing with LARGE/INDEX/MATCH (no SORT: Excel 2016 and
 * LibreOffice 7.4 compute it), ties broken in the engine's order by subtracting a tiny multiple
 * of the input's position. A sentence names the input that dominates, one says why uplift has no
 * effect while the plan is above the rule, and one shows what the memo's own 2023 intake does.
 */
import { SENSITIVITY_INPUTS, SensitivityInput, WEEKS_PER_YEAR } from "../engine";
import { targetWeekFormula, wholeText } from "./formulaText";
import type { Language } from "./messages";
import { absoluteAddress, Block, Cell, cellAddress, ChartSpec, formula, text } from "./spec";
import { headerWidth } from "./page";
import { widthFor } from "./textWidth";
import type { InputId } from "./whatIfText";

/** The memo's 2023 intake: "1390 in 2023", 26.7 a week. */
export const MEMO_INTAKE_2023 = 1390;
/** −10% and +10%, relatively. */
const STEP = 0.1;
/** Empty rows under the ordered table, so the chart beside it is tall enough to label all five bars. */
const CHART_SPARE_ROWS = 4;
/** Rows of the block: title, intro, header, as typed, five inputs, the spare rows, four sentences. */
export const SENSITIVITY_ROWS = 4 + 5 + CHART_SPARE_ROWS + 4;
/** Tie-breaking: a key's swing less this much per position, far below any real difference. */
const TIE = 1e-6;

/** The input cell each tornado input moves. */
const INPUT_CELL: Record<SensitivityInput, InputId> = {
  intake: "intake",
  planPerYear: "planPerYear",
  uplift: "uplift",
  triageShare: "triage",
  decisionsPerFteWeek: "perFte",
};

export const SENSITIVITY_TEXT: Record<
  Language,
  {
    title: string;
    intro: string;
    headers: readonly string[];
    modelHeaders: readonly string[];
    chartHeaders: readonly string[];
    asTyped: string;
    labels: Record<SensitivityInput, string>;
    short: Record<SensitivityInput, string>;
    noEffect: string;
    never: string;
    chart: string;
    axis: string;
    down: string;
    up: string;
    dominant: (label: string, low: string, high: string, base: string) => string;
    nothing: string;
    uplift: (plan: string, rule: string) => string;
    perFte: string;
    memo2023: (intake: string, plan: string, planNow: string, whole: string, wholeNow: string) => string;
  }
> = {
  nl: {
    title: "Wat telt het zwaarst? Heel besluit bij elke invoer 10% lager en hoger",
    intro:
      "Eén invoer tegelijk 10% lager en hoger, relatief (een triage-aandeel van 13,7% wordt 12,3% en 15,0%), de andere zoals ingevuld; de grootste uitslag bovenaan.",
    headers: ["Invoer (gesorteerd op uitslag)", "Voorraad einde horizon bij −10%", "Voorraad einde horizon bij +10%", "Streefvoorraad bereikt bij −10% (week)", "Streefvoorraad bereikt bij +10% (week)"],
    modelHeaders: ["Invoer", "Kort", "Waarde", "−10%", "+10%", "Voorraad −10%", "Voorraad +10%", "Week −10%", "Week +10%", "Uitslag", "Verandert", "Sleutel"],
    chartHeaders: ["Rang", "Rij", "Grafiek: invoer", "Grafiek: −10%", "Grafiek: +10%"],
    asTyped: "Heel besluit zoals ingevuld",
    labels: {
      intake: "Instroom per week",
      planPerYear: "Huidig plan: afdoeningen per jaar",
      uplift: "Opslag planningsregel",
      triageShare: "Triage: aandeel incompleet",
      decisionsPerFteWeek: "Beslissingen per fte per week",
    },
    short: { intake: "Instroom", planPerYear: "Plan per jaar", uplift: "Opslag", triageShare: "Triage-aandeel", decisionsPerFteWeek: "Per fte" },
    noEffect: " (geen effect)",
    never: "nooit",
    chart: "Heel besluit: verschil in voorraad einde horizon",
    axis: "Zaken t.o.v. zoals ingevuld",
    down: "−10%",
    up: "+10%",
    dominant: (label, low, high, base) =>
      `"Het zwaarst telt: "&${label}&". Bij −10% eindigt het heel besluit op "&${low}&", bij +10% op "&${high}&" (zoals ingevuld: "&${base}&")."`,
    nothing: "Geen van de vijf invoeren verandert de voorraad of de streefweek.",
    uplift: (plan, rule) =>
      `"Opslag: geen effect, want het huidige plan ("&${plan}&" per week) ligt boven de regel ("&${rule}&" per week bij +10%); het heel besluit neemt het hoogste van de twee."`,
    perFte: "Beslissingen per fte per week verandert de voorraad niet, alleen het aantal fte.",
    memo2023: (intake, plan, planNow, whole, wholeNow) =>
      `"Instroom van 2023 uit de nota (1390 per jaar, 26,7 per week) in plaats van "&${intake}&": het huidige plan eindigt op "&${plan}&" (nu "&${planNow}&"), het heel besluit op "&${whole}&" (nu "&${wholeNow}&")."`,
  },
  en: {
    title: "What matters most? The whole decision with each input 10% lower and higher",
    intro:
      "One input at a time 10% lower and higher, relatively (a triage share of 13.7% becomes 12.3% and 15.0%), the others as typed; the largest swing at the top.",
    headers: ["Input (ordered by swing)", "Backlog at the horizon at −10%", "Backlog at the horizon at +10%", "Target reached at −10% (week)", "Target reached at +10% (week)"],
    modelHeaders: ["Input", "Short", "Value", "−10%", "+10%", "Backlog −10%", "Backlog +10%", "Week −10%", "Week +10%", "Swing", "Moves", "Key"],
    chartHeaders: ["Rank", "Row", "Chart: input", "Chart: −10%", "Chart: +10%"],
    asTyped: "Whole decision as typed",
    labels: {
      intake: "Intake per week",
      planPerYear: "Current plan: decisions per year",
      uplift: "Planning rule uplift",
      triageShare: "Triage: share incomplete",
      decisionsPerFteWeek: "Decisions per fte per week",
    },
    short: { intake: "Intake", planPerYear: "Plan per year", uplift: "Uplift", triageShare: "Triage share", decisionsPerFteWeek: "Per fte" },
    noEffect: " (no effect)",
    never: "never",
    chart: "Whole decision: change in backlog at the horizon",
    axis: "Cases against as typed",
    down: "−10%",
    up: "+10%",
    dominant: (label, low, high, base) =>
      `"What matters most: "&${label}&". At −10% the whole decision ends at "&${low}&", at +10% at "&${high}&" (as typed: "&${base}&")."`,
    nothing: "None of the five inputs moves the backlog or the target week.",
    uplift: (plan, rule) =>
      `"Uplift: no effect, since the current plan ("&${plan}&" a week) is above the rule ("&${rule}&" a week at +10%); the whole decision takes the higher of the two."`,
    perFte: "Decisions per fte per week moves no backlog, only the number of fte.",
    memo2023: (intake, plan, planNow, whole, wholeNow) =>
      `"The memo's 2023 intake (1390 a year, 26.7 a week) instead of "&${intake}&": the current plan ends at "&${plan}&" (now "&${planNow}&"), the whole decision at "&${whole}&" (now "&${wholeNow}&")."`,
  },
};

/** The whole decision's inputs, as formula expressions (a cell, or a moved value's cell). */
type WholeInputs = Record<"opening" | "intake" | "planPerYear" | "uplift" | "triage" | "withoutHearing" | "triagedOpening" | "extra" | "horizon", string>;

/** The whole decision's queue: what triage leaves, at MAX(plan, rule) + extra (as `scenarioRatesCore`). */
function wholeQueue(m: WholeInputs): { opening: string; intake: string; capacity: string } {
  return {
    opening: `((1-${m.triagedOpening})*${m.opening})`,
    intake: `((1-(${m.triage}+${m.withoutHearing}))*${m.intake})`,
    capacity: `(MAX(${m.planPerYear}/${WEEKS_PER_YEAR},(1+${m.uplift})*${m.intake})+${m.extra})`,
  };
}

/** The whole decision's backlog at the horizon: linear until it reaches 0 (`closingBacklogCore`). */
function wholeClosing(m: WholeInputs): string {
  const q = wholeQueue(m);
  return `MAX(0,${q.opening}+${m.horizon}*(${q.intake}-${q.capacity}))`;
}

/** An input moved by `sign` × 10%, kept within what it allows (the engine's `ruleFor`). */
function moved(input: SensitivityInput, cell: string, sign: -1 | 1, inputs: Record<InputId, string>): string {
  const value = `${cell}*${1 + sign * STEP}`;
  if (input === "uplift") return `MAX(-1,${value})`;
  if (input === "triageShare") return `MIN(1-${inputs.withoutHearing},${value})`;
  return value;
}

export interface SensitivityBlockOptions {
  language: Language;
  /** 0-based row of the block's title in the print area (columns A–I). */
  row: number;
  /** The model and chart tables' header cell, right of the print area (0-based row and column). */
  model: { row: number; column: number };
  inputs: Record<InputId, string>;
  /** Absolute addresses of scenario 1's backlog at the horizon and the whole decision's. */
  planClosing: string;
  wholeClosing: string;
  /** The whole decision's target week cell (the target block), for the "as typed" row. */
  wholeWeek: string;
}

export interface SensitivityBlock {
  blocks: Block[];
  chart: ChartSpec;
  groups: [number, number][];
  bottomRow: number;
  /** Per input (engine order): the model's low/high backlog and week cells, and whether it moves. */
  model: Record<SensitivityInput, { closingLow: string; closingHigh: string; weekLow: string; weekHigh: string; moves: string; low: string; high: string }>;
  /** The printed ordered rows (rank 1 first): input label, backlog at −10% and +10%, weeks. */
  ordered: { label: string; closingLow: string; closingHigh: string; weekLow: string; weekHigh: string }[];
  /** The sentences' cells: the dominant input, uplift's reason, the 2023 intake. */
  sentences: { dominant: string; uplift: string; memo2023: string };
  /** The widest printed label (with "(geen effect)"), for column A's width. */
  widestLabel: number;
}

/** The model table, off the print area: one row per input in the engine's order. */
function modelRows(options: SensitivityBlockOptions, first: number): { rows: Cell[][]; cells: SensitivityBlock["model"] } {
  const { inputs, language, model } = options;
  const words = SENSITIVITY_TEXT[language];
  const col = (c: number): number => model.column + c;
  const base: WholeInputs = {
    opening: inputs.opening,
    intake: inputs.intake,
    planPerYear: inputs.planPerYear,
    uplift: inputs.uplift,
    triage: inputs.triage,
    withoutHearing: inputs.withoutHearing,
    triagedOpening: inputs.triagedOpening,
    extra: inputs.extra,
    horizon: inputs.horizon,
  };
  const baseWeek = options.wholeWeek;
  const cells = {} as SensitivityBlock["model"];
  const rows = SENSITIVITY_INPUTS.map((input, i): Cell[] => {
    const r = first + i;
    const a = (c: number): string => absoluteAddress(cellAddress(r, col(c)));
    const cell = inputs[INPUT_CELL[input]];
    const at = (sign: -1 | 1): WholeInputs => {
      const changed = { ...base };
      const key = input === "triageShare" ? "triage" : input;
      if (key !== "decisionsPerFteWeek") changed[key] = a(sign === -1 ? 3 : 4);
      return changed;
    };
    const week = (m: WholeInputs): string => {
      const q = wholeQueue(m);
      return targetWeekFormula(q.opening, q.intake, q.capacity, inputs.target, words.never);
    };
    const far = (x: string): string => `ABS(${x}-${options.wholeClosing})>0.000000001*MAX(1,ABS(${options.wholeClosing}))`;
    cells[input] = { low: a(3), high: a(4), closingLow: a(5), closingHigh: a(6), weekLow: a(7), weekHigh: a(8), moves: a(10) };
    return [
      text(words.labels[input]),
      text(words.short[input]),
      formula(cell),
      formula(moved(input, cell, -1, inputs)),
      formula(moved(input, cell, 1, inputs)),
      formula(wholeClosing(at(-1))),
      formula(wholeClosing(at(1))),
      formula(week(at(-1))),
      formula(week(at(1))),
      formula(`ABS(${a(6)}-${a(5)})`),
      // Moves: the backlog or the target week changes (a week that is "never" on one side differs too).
      formula(`OR(${far(a(5))},${far(a(6))},${a(7)}&""<>${baseWeek}&"",${a(8)}&""<>${baseWeek}&"")`),
      formula(`${a(9)}-${i + 1}*${TIE}`),
    ];
  });
  return { rows, cells };
}

/** A range of the model table's column `c` over the five inputs. */
function modelColumn(options: SensitivityBlockOptions, first: number, c: number): string {
  const column = options.model.column + c;
  return `${absoluteAddress(cellAddress(first, column))}:${absoluteAddress(cellAddress(first + SENSITIVITY_INPUTS.length - 1, column))}`;
}

/**
 * The block: the model and the chart's helper (off the print area), the printed ordered table
 * with the chart beside it, and the sentences below.
 *
 * @example
 * const block = buildSensitivityBlock({ language: "nl", row: 90, model: { row: 24, column: 41 }, inputs, planClosing, wholeClosing, wholeWeek });
 */
export function buildSensitivityBlock(options: SensitivityBlockOptions): SensitivityBlock {
  const { language, inputs, row } = options;
  const words = SENSITIVITY_TEXT[language];
  const n = SENSITIVITY_INPUTS.length;
  const modelFirst = options.model.row + 1;
  const { rows, cells } = modelRows(options, modelFirst);
  const range = (c: number): string => modelColumn(options, modelFirst, c);
  const keys = range(11);
  // The chart's helper beside the model: rank, the model's row of that rank, and the bars, rank
  // 5 first, so the bar chart (which draws its first category at the bottom) has rank 1 on top.
  const helperColumn = options.model.column + words.modelHeaders.length + 1;
  const helper: Cell[][] = [];
  const rowOf = (k: number): string => absoluteAddress(cellAddress(modelFirst + k - 1, helperColumn + 1));
  for (let k = 1; k <= n; k++) {
    const chartRank = n + 1 - k;
    const index = rowOf(chartRank);
    helper.push([
      k,
      formula(`MATCH(LARGE(${keys},${k}),${keys},0)`),
      formula(`INDEX(${range(1)},${index})`),
      formula(`INDEX(${range(5)},${index})-${options.wholeClosing}`),
      formula(`INDEX(${range(6)},${index})-${options.wholeClosing}`),
    ]);
  }
  // Rank k's row sits in helper row k (column +1), whatever the chart's own order.
  const blocks: Block[] = [
    { at: cellAddress(options.model.row - 1, options.model.column), cells: [[text(words.title)]], style: "note" },
    { at: cellAddress(options.model.row, options.model.column), cells: [words.modelHeaders.map((h) => text(h))], style: "header" },
    { at: cellAddress(modelFirst, options.model.column), cells: rows, numberFormat: ["@", "@", "General", "General", "General", "#,##0.0", "#,##0.0", "0", "0", "#,##0.0", "General", "General"] },
    { at: cellAddress(options.model.row, helperColumn), cells: [words.chartHeaders.map((h) => text(h))], style: "header" },
    { at: cellAddress(modelFirst, helperColumn), cells: helper, numberFormat: ["0", "0", "General", "#,##0.0", "#,##0.0"] },
  ];

  // The printed part: title, intro, the ordered table beside the chart, the sentences.
  const at = (r: number, c: number): string => cellAddress(r, c);
  blocks.push({ at: at(row, 0), cells: [[text(words.title)]], style: "subtitle" });
  blocks.push({ at: at(row + 1, 0), cells: [[text(words.intro)]], style: "note" });
  const header = row + 2;
  blocks.push({ at: at(header, 0), cells: [words.headers.map((h) => text(h))], style: "header" });
  const asTyped = header + 1;
  blocks.push({ at: at(asTyped, 0), cells: [[text(words.asTyped)]], style: "label" });
  blocks.push({
    at: at(asTyped, 1),
    cells: [[formula(options.wholeClosing), formula(options.wholeClosing), formula(options.wholeWeek), formula(options.wholeWeek)]],
    numberFormat: ["#,##0", "#,##0", "0", "0"],
    style: "output",
  });
  const ordered: SensitivityBlock["ordered"] = [];
  const orderedRows: Cell[][] = [];
  const labelRows: Cell[][] = [];
  for (let k = 1; k <= n; k++) {
    const r = asTyped + k;
    const index = rowOf(k);
    labelRows.push([formula(`INDEX(${range(0)},${index})&IF(INDEX(${range(10)},${index}),"","${words.noEffect}")`)]);
    orderedRows.push([4, 5, 6, 7].map((c) => formula(`INDEX(${range(c + 1)},${index})`)));
    ordered.push({ label: at(r, 0), closingLow: at(r, 1), closingHigh: at(r, 2), weekLow: at(r, 3), weekHigh: at(r, 4) });
  }
  blocks.push({ at: at(asTyped + 1, 0), cells: labelRows, style: "label", numberFormat: "General" });
  blocks.push({ at: at(asTyped + 1, 1), cells: orderedRows, numberFormat: ["#,##0", "#,##0", "0", "0"], style: "output" });

  const lines = asTyped + n + 1 + CHART_SPARE_ROWS;
  const top = rowOf(1);
  const dominant = `IF(INDEX(${range(10)},${top}),${words.dominant(
    `INDEX(${range(0)},${top})`,
    wholeText(`INDEX(${range(5)},${top})`, language),
    wholeText(`INDEX(${range(6)},${top})`, language),
    wholeText(options.wholeClosing, language),
  )},"${words.nothing}")`;
  const upliftRow = SENSITIVITY_INPUTS.indexOf("uplift");
  const upliftMoves = absoluteAddress(cellAddress(modelFirst + upliftRow, options.model.column + 10));
  const upliftHigh = absoluteAddress(cellAddress(modelFirst + upliftRow, options.model.column + 4));
  const plan = `${inputs.planPerYear}/${WEEKS_PER_YEAR}`;
  const rule = `(1+${upliftHigh})*${inputs.intake}`;
  const upliftReason = `IF(AND(NOT(${upliftMoves}),${plan}>=${rule}),${words.uplift(`ROUND(${plan},1)`, `ROUND(${rule},1)`)},"")`;
  const memoIntake = `${MEMO_INTAKE_2023}/${WEEKS_PER_YEAR}`;
  const planAt2023 = `MAX(0,${inputs.opening}+${inputs.horizon}*(${memoIntake}-${plan}))`;
  const wholeAt2023 = wholeClosing({
    opening: inputs.opening,
    intake: `(${memoIntake})`,
    planPerYear: inputs.planPerYear,
    uplift: inputs.uplift,
    triage: inputs.triage,
    withoutHearing: inputs.withoutHearing,
    triagedOpening: inputs.triagedOpening,
    extra: inputs.extra,
    horizon: inputs.horizon,
  });
  const memo2023 = words.memo2023(
    `ROUND(${inputs.intake},1)`,
    wholeText(planAt2023, language),
    wholeText(options.planClosing, language),
    wholeText(wholeAt2023, language),
    wholeText(options.wholeClosing, language),
  );
  blocks.push({ at: at(lines, 0), cells: [[formula(dominant)]], style: "output", numberFormat: "General" });
  blocks.push({ at: at(lines + 1, 0), cells: [[formula(upliftReason)], [text(words.perFte)], [formula(memo2023)]], style: "note", numberFormat: "General" });
  const chartAt = cellAddress(header, 5);
  const chart: ChartSpec = {
    kind: "tornado",
    title: words.chart,
    categories: `${cellAddress(modelFirst, helperColumn + 2)}:${cellAddress(modelFirst + n - 1, helperColumn + 2)}`,
    series: [
      { name: words.down, values: `${cellAddress(modelFirst, helperColumn + 3)}:${cellAddress(modelFirst + n - 1, helperColumn + 3)}`, color: "C00000" },
      { name: words.up, values: `${cellAddress(modelFirst, helperColumn + 4)}:${cellAddress(modelFirst + n - 1, helperColumn + 4)}`, color: "1F4E79" },
    ],
    at: chartAt,
    widthColumns: 4,
    heightRows: lines - header,
    yAxisTitle: words.axis,
  };
  const bottom = lines + 4;
  if (bottom - row !== SENSITIVITY_ROWS) throw new Error("the sensitivity block's rows moved");
  const widestLabel = Math.max(...SENSITIVITY_INPUTS.map((input) => widthFor(words.labels[input] + words.noEffect)), widthFor(words.asTyped));
  return {
    blocks,
    chart,
    groups: [[row, bottom - row]],
    bottomRow: bottom,
    model: cells,
    ordered,
    sentences: { dominant: cellAddress(lines, 0), uplift: cellAddress(lines + 1, 0), memo2023: cellAddress(lines + 3, 0) },
    widestLabel,
  };
}

/**
 * Widths of the model's and the chart helper's columns (off the print area), from the model's
 * first column: wide enough for their labels and headers, so nothing is cut.
 */
export function sensitivityColumnWidths(language: Language): number[] {
  const words = SENSITIVITY_TEXT[language];
  const labels = SENSITIVITY_INPUTS.map((input) => widthFor(words.labels[input]));
  const shorts = SENSITIVITY_INPUTS.map((input) => widthFor(words.short[input]));
  const model = words.modelHeaders.map((header, i) =>
    Math.max(11, headerWidth(header), widthFor(header), ...(i === 0 ? labels : i === 1 ? shorts : [])),
  );
  const helper = words.chartHeaders.map((header, i) => Math.max(i < 2 ? 7 : 11, headerWidth(header), ...(i === 2 ? shorts : [])));
  return [...model, 3, ...helper];
}
