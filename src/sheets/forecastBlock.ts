/**
 * The intake forecast on the projection sheet (issue 24, item 3). Its fixed values, the forecast
 * (P50) with P10 and P90 per plan week, go in their own columns right of the helpers and the
 * sections' tables, outside the print area: with a forecast intake the table's intake column
 * points at them. In the panel: where the intake came from (the plan step's `source` sentence),
 * the date of the fixed values with a cell that turns into a warning when the history, its start
 * or the first week has changed since, and one chart of the history with the forecast and its
 * P10–P90 interval. With the planner's own intake the forecast is a comparison, said so in the
 * title: the chart adds the plan's intake, and two figures set the means side by side.
 * Pure: the plan step forecasts (src/plan/intakeForecast.ts), this lays out.
 */
import { dateSerial, dayOfSerial, isoWeekday, spreadMonthsOverWeeks } from "../engine";
import type { PlanIntakeForecast } from "../plan/intakeForecast";
import type { InputSources, SeriesSource } from "../plan/sources";
import { isoDate, isoWeekLabel } from "./dates";
import type { Language } from "./messages";
import { headerWidth } from "./page";
import { axisMinimum, Panel } from "./panel";
import { absoluteAddress, Block, Cell, cellAddress, columnLetter, ConditionalFormatSpec, formula, text } from "./spec";
import { widthFor } from "./textWidth";

/** The chart shows at most this many weeks of history: three seasons, so the forecast keeps its room. */
export const CHART_HISTORY_WEEKS = 156;

interface ForecastText {
  title: (plan: boolean) => string;
  /** Beside the key figure of the mean intake, when the intake is the forecast. */
  tag: string;
  /** The table's intake column, when it reads the forecast. */
  intakeHeader: string;
  /** The note under the sheet's title, with a forecast intake. */
  sheetNote: (date: string, column: string) => string;
  columns: readonly [string, string, string, string];
  chartColumns: readonly [string, string, string, string, string, string, string];
  blockNote: (date: string) => string;
  checkLabel: string;
  /** With a forecast intake: which column the table reads, and the planning rule on its mean. */
  planColumn: (column: string, rule: boolean) => string;
  fixed: (date: string) => string;
  unchanged: (date: string) => string;
  changed: (date: string) => string;
  planMean: string;
  forecastMean: string;
  difference: string;
  perWeekFormat: string;
  chart: string;
  constructed: string;
  constructedSeries: string;
  series: { history: string; monthly: string; forecast: string; band: string; plan: string };
  /** The chart shows only the history's last weeks. */
  cut: (weeks: number, total: number) => string;
  week: string;
  isoWeek: string;
  perWeek: string;
}

export const FORECAST_BLOCK_TEXT: Record<Language, ForecastText> = {
  nl: {
    title: (plan) => (plan ? "Instroom: prognose uit de instroomhistorie" : "Instroomprognose ter vergelijking (niet in het plan)"),
    tag: "prognose uit historie",
    intakeHeader: "Instroom (prognose)",
    sheetNote: (date, column) =>
      `Gemaakt door de Voorraadplanner op ${date}. De cijfers zijn formules op de invoercellen; de instroom is de vaste prognose uit de historie (kolom ${column}). Een nieuwe prognose vervangt dit blad.`,
    columns: ["Week", "Instroomprognose P50 (vast)", "P10 (vast)", "P90 (vast)"],
    chartColumns: ["Week", "Grafiek: as", "Grafiek: P10", "Grafiek: band P10–P90", "Grafiek: historie", "Grafiek: prognose", "Grafiek: plan"],
    blockNote: (date) => `Instroomprognose uit de historie: vaste waarden van ${date}; ze worden niet afgedrukt.`,
    checkLabel: "Historie gelijk aan die van de prognose:",
    planColumn: (column, rule) =>
      `De kolom Instroom van de tabel is deze prognose (P50): vaste waarden in kolom ${column}, met P10 en P90 ernaast, buiten het afdrukbereik.` +
      (rule ? " De capaciteit volgens de planningsregel is (1 + opslag) × het gemiddelde daarvan." : ""),
    fixed: (date) => `Vaste waarden, berekend op ${date} uit de historie van dat moment: ze rekenen niet mee als de historie verandert.`,
    unchanged: (date) => `Historie ongewijzigd sinds de prognose van ${date}.`,
    changed: (date) => `LET OP: historie gewijzigd na ${date}; maak een nieuwe prognose.`,
    planMean: "Instroom in het plan (gemiddeld)",
    forecastMean: "Prognose uit de historie (gemiddeld)",
    difference: "Verschil prognose − plan",
    perWeekFormat: '#,##0.0" per week"',
    chart: "Instroom per week: historie, prognose en interval P10–P90",
    constructed: " (historie geconstrueerd)",
    constructedSeries: " (geconstrueerd)",
    series: {
      history: "Historie",
      monthly: "Historie (maandcijfers over de weken verdeeld)",
      forecast: "Prognose (P50)",
      band: "Interval P10–P90",
      plan: "Instroom in het plan",
    },
    cut: (weeks, total) => `De grafiek toont de laatste ${weeks} van de ${total} weken historie.`,
    week: "Week",
    isoWeek: "ISO-week",
    perWeek: "Zaken per week",
  },
  en: {
    title: (plan) => (plan ? "Intake: forecast from the intake history" : "Intake forecast for comparison (not in the plan)"),
    tag: "forecast from history",
    intakeHeader: "Intake (forecast)",
    sheetNote: (date, column) =>
      `Made by the Backlog Planner on ${date}. The figures are formulas on the input cells; the intake is the fixed forecast from the history (column ${column}). A new projection replaces this sheet.`,
    columns: ["Week", "Intake forecast P50 (fixed)", "P10 (fixed)", "P90 (fixed)"],
    chartColumns: ["Week", "Chart: axis", "Chart: P10", "Chart: band P10–P90", "Chart: history", "Chart: forecast", "Chart: plan"],
    blockNote: (date) => `Intake forecast from the history: fixed values of ${date}; they are not printed.`,
    checkLabel: "History equal to that of the forecast:",
    planColumn: (column, rule) =>
      `The table's Intake column is this forecast (P50): fixed values in column ${column}, with P10 and P90 beside it, outside the print area.` +
      (rule ? " The planning rule's capacity is (1 + uplift) × its mean." : ""),
    fixed: (date) => `Fixed values, computed on ${date} from the history of that day: they do not follow when the history changes.`,
    unchanged: (date) => `History unchanged since the forecast of ${date}.`,
    changed: (date) => `WARNING: history changed after ${date}; make a new projection.`,
    planMean: "Intake in the plan (mean)",
    forecastMean: "Forecast from the history (mean)",
    difference: "Difference forecast − plan",
    perWeekFormat: '#,##0.0" a week"',
    chart: "Intake per week: history, forecast and P10–P90 interval",
    constructed: " (constructed history)",
    constructedSeries: " (constructed)",
    series: {
      history: "History",
      monthly: "History (monthly counts spread over the weeks)",
      forecast: "Forecast (P50)",
      band: "P10–P90 interval",
      plan: "Intake in the plan",
    },
    cut: (weeks, total) => `The chart shows the last ${weeks} of the ${total} weeks of history.`,
    week: "Week",
    isoWeek: "ISO week",
    perWeek: "Cases per week",
  },
};

export interface ForecastBlockOptions {
  forecast: PlanIntakeForecast;
  language: Language;
  /** Excel serial of the day the sheet is made. */
  createdOn: number;
  /** 0-based first column of the block, right of everything else on the sheet. */
  column: number;
  /** 0-based header row of the weekly table: week t is on row headerRow + t. */
  headerRow: number;
  /** The plan's weeks. */
  weeks: number;
  /** Excel serial of the plan's week 1, when it has dates. */
  firstWeek?: number;
  /** Week t's (1-based) cell of the table's intake column: the comparison's plan line reads it. */
  planIntakeCell: (week: number) => string;
  /** Where the history, its start and the first week were read: the check compares them. */
  sources?: InputSources;
}

/** The history as weeks, for the chart: a monthly history spread over its whole weeks by calendar days. */
interface HistoryWeeks {
  values: number[];
  /** Each week's first day, when the history has a start date. */
  dates?: number[];
  monthly: boolean;
}

function historyWeeks(forecast: PlanIntakeForecast): HistoryWeeks {
  const { history } = forecast;
  if (history.periodsPerYear === 52) {
    const start = history.start;
    return { values: history.values, monthly: false, ...(start !== undefined && { dates: history.values.map((_, i) => start + 7 * i) }) };
  }
  // A monthly history always has its start (the plan step refuses one without).
  const first = dayOfSerial(history.start as number);
  const firstDay = dateSerial(first.year, first.month, 1);
  const monday = firstDay + ((8 - isoWeekday(firstDay)) % 7);
  const lastDay = history.lastDay ?? dateSerial(first.year, first.month + history.values.length, 1) - 1;
  const weeks = Math.max(0, Math.floor((lastDay + 1 - monday) / 7));
  const spread = spreadMonthsOverWeeks({ monthly: history.values, firstMonth: first, firstWeek: monday, weeks });
  // The weeks lie inside the months by construction.
  if (!spread.ok) throw new Error(spread.error.message);
  return { values: spread.value, monthly: true, dates: spread.value.map((_, i) => monday + 7 * i) };
}

/** A label a year apart on the chart's axis: ISO weeks in full would crowd each other. */
const LABEL_EVERY = 52;

/** The chart's rows: empty weeks that put week 1 on a label, the history's last weeks, the weeks between, the plan's weeks. */
interface ChartRows {
  /** Empty rows before the history, so that week 1 is a whole number of `LABEL_EVERY` from the first row. */
  pad: number;
  history: number[];
  /** Rows between the history and week 1 (a plan that starts later). */
  gap: number;
  /** Each row's first day, or undefined: then the rows are numbered, week 1 of the plan being 1. */
  dates?: number[];
  monthly: boolean;
  total: number;
}

function chartRows(options: ForecastBlockOptions): ChartRows {
  const weeks = historyWeeks(options.forecast);
  const shown = Math.min(weeks.values.length, CHART_HISTORY_WEEKS);
  const from = weeks.values.length - shown;
  const history = weeks.values.slice(from);
  const base = { history, monthly: weeks.monthly, total: weeks.values.length };
  const { firstWeek } = options;
  if (weeks.dates === undefined || firstWeek === undefined) return { ...base, pad: 0, gap: 0 };
  const historyDates = weeks.dates.slice(from);
  const next = (historyDates[historyDates.length - 1] as number) + 7;
  const gap = Math.max(0, Math.round((firstWeek - next) / 7));
  const pad = (LABEL_EVERY - ((shown + gap) % LABEL_EVERY)) % LABEL_EVERY;
  const dates = [
    ...Array.from({ length: pad }, (_, i) => (historyDates[0] as number) - 7 * (pad - i)),
    ...historyDates,
    ...Array.from({ length: gap }, (_, i) => firstWeek - 7 * (gap - i)),
    ...Array.from({ length: options.weeks }, (_, t) => firstWeek + 7 * t),
  ];
  return { ...base, pad, gap, dates };
}

/** TRUE while the history (and its start, and the first week) are as the forecast read them. */
function checkFormula(options: ForecastBlockOptions): string | undefined {
  const { forecast, sources } = options;
  const history = sources?.intakeHistory;
  if (history === undefined) return undefined;
  const close = (expression: string, value: number): string => `ABS(${expression}-(${value}))<=0.000000001*MAX(1,ABS(${value}))`;
  const values = forecast.history.values;
  const sum = values.reduce((a, b) => a + b, 0);
  const weighted = values.reduce((a, v, i) => a + (i + 1) * v, 0);
  const ref = history.reference;
  const parts = [close(`SUM(${ref})`, sum), close(`SUMPRODUCT(${history.along}(${ref})-${history.offset},${ref})`, weighted)];
  // Dates as DATE(y,m,d): the same day in a 1900 and a 1904 workbook.
  const day = (serial: number): string => {
    const d = dayOfSerial(serial);
    return `DATE(${d.year},${d.month},${d.day})`;
  };
  if (sources?.intakeHistoryStart !== undefined && forecast.history.start !== undefined) {
    parts.push(`N(${sources.intakeHistoryStart})=${day(forecast.history.start)}`);
  }
  if (sources?.firstWeek !== undefined && options.firstWeek !== undefined) parts.push(`N(${sources.firstWeek})=${day(options.firstWeek)}`);
  return `AND(${parts.join(",")})`;
}

export interface ForecastBlock {
  blocks: Block[];
  /** Widths of the block's columns. */
  widths: Record<string, number>;
  /** The forecast (P50) column, for the table's intake formulas when the plan's intake is the forecast. */
  intake: SeriesSource;
  /** The P50 column's letter, for the sentence that names it. */
  intakeColumn: string;
  /** The cell that is TRUE while the history is unchanged; absent when the history has no cells to compare. */
  unchanged?: string;
  /** The chart's ranges. */
  chart: { categories: string; low: string; width: string; history: string; forecast: string; plan: string };
  rows: ChartRows;
}

/**
 * The forecast's columns: the fixed weekly values the table may read, the check cell above them,
 * and the chart's columns (history, then the forecast's rows reading the fixed values).
 *
 * @example
 * forecastBlock({ forecast, language: "nl", createdOn: 45306, column: 23, headerRow: 3, weeks: 52, firstWeek: 45292, planIntakeCell: (t) => `D${4 + t}` })
 */
export function forecastBlock(options: ForecastBlockOptions): ForecastBlock {
  const { forecast, language, column: c0, headerRow } = options;
  const words = FORECAST_BLOCK_TEXT[language];
  const rows = chartRows(options);
  const at = (row: number, column: number): string => cellAddress(row, c0 + column);
  const blocks: Block[] = [{ at: at(0, 0), cells: [[text(words.blockNote(isoDate(options.createdOn)))]], style: "note" }];
  const check = checkFormula(options);
  if (check !== undefined) {
    blocks.push({ at: at(1, 0), cells: [[text(words.checkLabel)]], style: "note" });
    blocks.push({ at: at(1, 4), cells: [[formula(check)]], style: "output" });
  }
  // The fixed weekly values, beside the table's weeks.
  blocks.push({ at: at(headerRow, 0), cells: [words.columns.map((h) => text(h))], style: "header" });
  blocks.push({
    at: at(headerRow + 1, 0),
    cells: forecast.weekly.map((value, t) => [t + 1, value, forecast.lower[t] as number, forecast.upper[t] as number]),
    numberFormat: ["0", "#,##0.0", "#,##0.0", "#,##0.0"],
  });
  // The chart's columns: the history as read, then each plan week reading the fixed values.
  const chartColumn = 5;
  const dated = rows.dates !== undefined;
  const header = words.chartColumns;
  const fixedCell = (offset: number, week: number): string => at(headerRow + week, offset);
  const chartCells: Cell[][] = [];
  // The week: its ISO week as text (a chart's category axis shows a date cell as its serial in
  // LibreOffice), or its number from week 1; on the axis, a label a year apart, week 1 among them.
  const category = (row: number): Cell[] => {
    const week = row - rows.pad - rows.history.length - rows.gap + 1;
    if (!rows.dates) return [week, week];
    const label = isoWeekLabel(rows.dates[row] as number);
    return [text(label), text((week - 1) % LABEL_EVERY === 0 ? label : "")];
  };
  const before = rows.pad + rows.history.length;
  for (let i = 0; i < rows.pad; i++) chartCells.push([...category(i), null, null, null, null, null]);
  rows.history.forEach((value, i) => {
    // The band fans out from the last week of history: no sliver from 0 up to week 1's band.
    const fan = i === rows.history.length - 1 && rows.gap === 0;
    chartCells.push([...category(rows.pad + i), fan ? value : null, fan ? 0 : null, value, null, null]);
  });
  for (let i = 0; i < rows.gap; i++) chartCells.push([...category(before + i), null, null, null, null, null]);
  for (let t = 1; t <= options.weeks; t++) {
    chartCells.push([
      ...category(before + rows.gap + t - 1),
      formula(fixedCell(2, t)),
      formula(`${fixedCell(3, t)}-${fixedCell(2, t)}`),
      null,
      formula(fixedCell(1, t)),
      forecast.use === "comparison" ? formula(options.planIntakeCell(t)) : null,
    ]);
  }
  const columns = forecast.use === "comparison" ? 7 : 6;
  blocks.push({ at: at(headerRow, chartColumn), cells: [header.slice(0, columns).map((h) => text(h))], style: "header" });
  blocks.push({
    at: at(headerRow + 1, chartColumn),
    cells: chartCells.map((row) => row.slice(0, columns)),
    numberFormat: [dated ? "General" : "0", dated ? "General" : "0", "#,##0.0", "#,##0.0", rows.monthly ? "#,##0.0" : "#,##0", "#,##0.0", "#,##0.0"].slice(0, columns),
  });
  const range = (offset: number): string => `${at(headerRow + 1, chartColumn + offset)}:${at(headerRow + chartCells.length, chartColumn + offset)}`;
  const widths: Record<string, number> = {};
  const set = (offset: number, width: number): void => {
    widths[columnLetter(c0 + offset)] = width;
  };
  set(0, Math.max(widthFor("Week"), widthFor("10.000")));
  // (the chart's first column holds ISO weeks, "2024-W52", or week numbers)
  words.columns.slice(1).forEach((h, i) => set(1 + i, Math.max(10, headerWidth(h))));
  set(4, Math.max(2, widthFor("WAAR")));
  header.slice(0, columns).forEach((h, i) => set(chartColumn + i, Math.max(i < 2 ? widthFor("2024-W52") : 9, headerWidth(h))));
  return {
    blocks,
    widths,
    intake: { sheet: undefined, row: headerRow + 1, column: c0 + 1, step: "down" },
    intakeColumn: columnLetter(c0 + 1),
    ...(check !== undefined && { unchanged: absoluteAddress(at(1, 4)) }),
    chart: { categories: range(1), low: range(2), width: range(3), history: range(4), forecast: range(5), plan: range(6) },
    rows,
  };
}

export interface ForecastPanelOptions {
  forecast: PlanIntakeForecast;
  language: Language;
  createdOn: number;
  /** The workbook is the bundled sample: its history is constructed, and the chart says so. */
  sample: boolean;
  /** The plan's capacity follows the planning rule (on the forecast's mean, with a forecast intake). */
  rule: boolean;
  /** The key figure of the plan's mean intake, a live formula: the comparison sets the forecast's beside it. */
  planMeanCell: string;
  chartRows: number;
}

/**
 * The forecast's section in the panel: title, where the intake came from, the fixed values' date
 * and warning (its conditional format returned), the comparison's figures, and the chart.
 */
export function forecastPanel(panel: Panel, block: ForecastBlock, options: ForecastPanelOptions): ConditionalFormatSpec[] {
  const { forecast, language } = options;
  const words = FORECAST_BLOCK_TEXT[language];
  const made = isoDate(options.createdOn);
  const plan = forecast.use === "plan";
  const conditional: ConditionalFormatSpec[] = [];
  panel.gap().section(() => {
    conditional.length = 0;
    panel.subtitle(words.title(plan));
    panel.lines(forecast.source[language]);
    if (plan) panel.lines(words.planColumn(block.intakeColumn, options.rule));
    else {
      const mean = panel.figure(words.planMean, formula(options.planMeanCell), words.perWeekFormat);
      const forecastMean = panel.figure(words.forecastMean, forecast.meanWeekly, words.perWeekFormat);
      panel.figure(words.difference, formula(`${forecastMean}-${mean}`), `+${words.perWeekFormat};-${words.perWeekFormat}`, {
        value: formula(`IF(${mean}>0,${forecastMean}/${mean}-1,"")`),
        format: "+0%;-0%",
      });
    }
    panel.lines(words.fixed(made));
    if (block.unchanged !== undefined) {
      const warning = panel.formulaLine(formula(`IF(${block.unchanged},"${words.unchanged(made)}","${words.changed(made)}")`), "note");
      conditional.push({ range: warning.replace(/\$/g, ""), formula: `=NOT(${block.unchanged})`, style: "warning" });
    }
    if (block.rows.total > block.rows.history.length) panel.lines(words.cut(block.rows.history.length, block.rows.total));
    forecastChart(panel, block, options);
  });
  return conditional;
}

/** History, forecast and its interval (and the plan's intake, for a comparison) in one chart. */
function forecastChart(panel: Panel, block: ForecastBlock, options: ForecastPanelOptions): void {
  const { forecast, language } = options;
  const words = FORECAST_BLOCK_TEXT[language];
  const comparison = forecast.use === "comparison";
  const history = block.rows.monthly ? words.series.monthly : words.series.history;
  const low = Math.min(...block.rows.history, ...forecast.lower);
  const high = Math.max(...block.rows.history, ...forecast.upper);
  const minimum = axisMinimum(low, high);
  panel.chart(
    {
      kind: "band",
      title: words.chart + (options.sample ? words.constructed : ""),
      categories: block.chart.categories,
      ...(block.rows.dates !== undefined && { categoryLabelEvery: LABEL_EVERY }),
      series: [
        { name: "P10", values: block.chart.low },
        { name: words.series.band, values: block.chart.width },
        { name: history + (options.sample ? words.constructedSeries : ""), values: block.chart.history, color: "7F7F7F" },
        { name: words.series.forecast, values: block.chart.forecast, color: "1F4E79" },
        ...(comparison ? [{ name: words.series.plan, values: block.chart.plan, dashed: true, color: "C00000" }] : []),
      ],
      xAxisTitle: block.rows.dates ? words.isoWeek : words.week,
      yAxisTitle: words.perWeek,
      ...(minimum !== undefined && { yAxisMin: minimum }),
    },
    options.chartRows,
  );
}
