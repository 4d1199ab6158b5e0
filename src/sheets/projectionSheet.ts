/**
 * Builds the projection sheet ("Prognose" / "Projection") as a SheetSpec, laid out for a meeting:
 * the weekly table on the left (live formulas on the input cells, its header frozen and repeated
 * on every printed page), beside it the key figures, the notes on lead time and a chart of the
 * backlog with the weekly flows on a second axis; with the sections, the uncertainty and the
 * tracks below them as fixed values, with a cell that warns when the inputs have changed since.
 * Printed on A4 landscape, one page wide, at 8 pt or more. Pure: the plan step computes
 * (src/plan/figures.ts), this lays out.
 */
import type { ProjectTracksResult, SimulationResult } from "../engine";
import type { ProjectionFigures } from "../plan/figures";
import type { PlanIntakeForecast } from "../plan/intakeForecast";
import { MEMO_2023 } from "../plan/figures";
import type { InputSources } from "../plan/sources";
import { isoDate } from "./dates";
import { isoWeekFormula } from "./formulaText";
import type { Language } from "./messages";
import { areaOf, fitColumns, headerWidth, pageBreaks, printScale, printSpec, rowHeightsOf, widest, widthsOf } from "./page";
import { axisMinimum, Panel } from "./panel";
import { buildProjectionTable, LIVE_WEEKS, overflowCell, PROJECTION_COLUMNS, projectionTableLayout, ProjectionTableLayout } from "./projectionTable";
import { absoluteAddress, Block, Cell, cellAddress, columnLetter, formula, SheetSpec, TableSpec, text } from "./spec";
import { fontOf, widthFor } from "./textWidth";
import { tracksGridHeader, tracksPanel, tracksTable } from "./tracksBlock";
import { formatNumber, UncertaintyBlock, uncertaintyPanel, uncertaintyTable } from "./uncertaintyBlock";
import { PROJECTION_TEXT } from "./projectionText";
import { FORECAST_BLOCK_TEXT, ForecastBlock, forecastBlock, forecastPanel } from "./forecastBlock";

/** The table that marks a sheet as the add-in's projection output. */
export const PROJECTION_TABLE = "VoorraadplannerPrognose";
/** The tracks' weekly table; the adapters add "_2" should the name be taken. */
export const TRACKS_TABLE = "VoorraadplannerSporen";

export const PROJECTION_SHEET_NAME: Record<Language, string> = { nl: "Prognose", en: "Projection" };

/** The optional sections, computed by the plan step. */
export interface ProjectionSections {
  simulation?: { result: SimulationResult; seed: number; when?: Record<Language, string> };
  tracks?: ProjectTracksResult;
}

export interface ProjectionSheetOptions {
  figures: ProjectionFigures;
  language: Language;
  /** Excel serial of the day the sheet is made; passed in, no clock here. */
  createdOn: number;
  /** Where the inputs were read: the live formulas point there. Without one, the values as read. */
  sources?: InputSources;
  sections?: ProjectionSections;
  /** The workbook is the bundled sample: its example settings are flagged. */
  sample?: boolean;
  /**
   * The intake forecast from the intake history (issue 24): with `use: "plan"` the table's intake
   * reads its fixed values; with "comparison" it is shown beside the plan's own intake.
   */
  intakeForecast?: PlanIntakeForecast;
}

export interface ProjectionSheet {
  spec: SheetSpec;
  /** The fan's sentences, for the pane's summary. */
  uncertainty?: UncertaintyBlock;
  /** Index of the tracks table among the spec's tables (for its final, possibly renamed, name). */
  tracksTable?: number;
  /**
   * The first cell whose live formula would not hold a finite number (see `overflowCell`): the
   * plan step refuses such a plan before writing, as it refuses a non-finite value.
   */
  overflow?: string;
}

/** Rows (0-based): title, note, the table's header (frozen, repeated on each page), week 1. */
const HEADER_ROW = 3;
/** Columns (0-based): the table A–I, a gap, the panel K–O (the print area ends there), then what is not printed. */
const PANEL = { column: 10, columns: 5 } as const;
const HELPER_COLUMN = 16;
const CHART_ROWS = 15;

/** The key figures, in order, each one row from the panel's first figure row. */
const FIGURES = ["opening", "meanIntake", "capacity", "decisions", "horizon", "closing", "weeksToClear", "wait", "lead", "target", "required", "targetWeek"] as const;
type Figure = (typeof FIGURES)[number];
/** The panel's subtitle row; the figures follow it. */
const FIRST_FIGURE_ROW = HEADER_ROW + 2;
const figureCell = (figure: Figure, column = PANEL.column + 1): string =>
  absoluteAddress(cellAddress(FIRST_FIGURE_ROW + FIGURES.indexOf(figure), column));

/** Columns' widths: the table's from its headers and figures, the panel's from its labels. */
function columnWidths(options: ProjectionSheetOptions, layout: ProjectionTableLayout): Record<string, number> {
  const words = PROJECTION_TEXT[options.language];
  const widths: Record<string, number> = {};
  const set = (column: number, width: number): void => {
    widths[columnLetter(column)] = Math.max(widths[columnLetter(column)] ?? 0, width);
  };
  words.columns.forEach((header, c) => set(c, headerWidth(header)));
  set(PROJECTION_COLUMNS.start, widthFor("2024-12-30"));
  set(PROJECTION_COLUMNS.iso, widthFor("2024-W52"));
  for (const c of [3, 4, 5, 6, 7, 8]) set(c, widthFor("10.000,0"));
  set(9, 2);
  const forecastWords = FORECAST_BLOCK_TEXT[options.language];
  const forecastLabels = options.intakeForecast?.use === "comparison" ? [forecastWords.planMean, forecastWords.forecastMean, forecastWords.difference] : [];
  set(PANEL.column, Math.max(...[...Object.values(words.figure), ...forecastLabels].map((label) => widthFor(label))));
  if (options.intakeForecast?.use === "plan") set(PROJECTION_COLUMNS.intake, headerWidth(forecastWords.intakeHeader));
  for (let c = 1; c < PANEL.columns; c++) set(PANEL.column + c, c < 3 ? 12.5 : 10.5);
  set(PANEL.column + 1, widthFor("1.440,0 weken", fontOf("output")));
  // The planning rule's uplift beside its capacity ("instroom + 10%"), two digits or the uplift's own.
  if (options.figures.projection.capacitySource === "rule") {
    const uplift = options.figures.inputs.uplift;
    const shown = `${uplift < 0 ? "-" : ""}${Math.max(99, Math.abs(Math.round(uplift * 100)))}%`;
    set(PANEL.column + 2, widthFor(words.upliftFormat.replace(/"([^"]*)"/g, "$1").replace("0%", shown), fontOf("output")));
  }
  // The tracks' grid: its headers wrap between words, so every word fits its column.
  tracksGridHeader(options.language).forEach((header, c) =>
    set(PANEL.column + c, Math.max(...header.split(" ").map((word) => widthFor(word, fontOf("header"))))),
  );
  set(15, 2);
  words.helpers.forEach((header, i) => set(layout.helperColumn + i, Math.max(13, headerWidth(header))));
  return widths;
}

/** The fixed parts' check: true while the inputs are those the fixed values were computed from. */
function unchangedFormula(options: ProjectionSheetOptions, layout: ProjectionTableLayout, history?: string): string {
  const rows = options.figures.projection.rows;
  const close = (expression: string, value: number): string =>
    `ABS(${expression}-(${value}))<=0.000000001*MAX(1,ABS(${value}))`;
  const weighted = (values: number[]): number => values.reduce((sum, v, t) => sum + (t + 1) * v, 0);
  const intake = rows.map((r) => r.intake);
  const capacity = rows.map((r) => r.capacity);
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  return (
    `AND(${close(figureCell("opening"), options.figures.inputs.opening)},` +
    `${close(`SUM(${layout.range("intake")})`, sum(intake))},` +
    `${close(`SUMPRODUCT(${layout.range("week")},${layout.range("intake")})`, weighted(intake))},` +
    `${close(`SUM(${layout.range("capacity")})`, sum(capacity))},` +
    `${close(`SUMPRODUCT(${layout.range("week")},${layout.range("capacity")})`, weighted(capacity))}` +
    // With a forecast intake the intake column is fixed: the history it came from is what may change.
    `${history === undefined ? "" : `,${history}`})`
  );
}

/** The key figures: live formulas on the table and the input cells. */
function figureRows(panel: Panel, options: ProjectionSheetOptions, layout: ProjectionTableLayout): void {
  const { figures, sources, language } = options;
  const words = PROJECTION_TEXT[language];
  const f = (figure: Figure): string => figureCell(figure);
  const upliftCell: Cell = sources?.uplift !== undefined ? formula(sources.uplift) : figures.inputs.uplift;
  const rule = figures.projection.capacitySource === "rule";
  const uplift = typeof upliftCell === "number" ? String(upliftCell) : upliftCell.formula.replace(/^=/, "");
  panel.subtitle(words.keyFigures);
  panel.figure(words.figure.opening, sources?.opening !== undefined ? formula(sources.opening) : figures.inputs.opening, "#,##0");
  const forecastTag = options.intakeForecast?.use === "plan" ? { value: text(FORECAST_BLOCK_TEXT[language].tag), format: "@" } : undefined;
  panel.figure(words.figure.meanIntake, formula(`AVERAGE(${layout.range("intake")})`), "#,##0.0", forecastTag);
  panel.figure(
    rule ? words.figure.capacityRule : words.figure.capacity,
    formula(rule ? `(1+${uplift})*${f("meanIntake")}` : `AVERAGE(${layout.range("capacity")})`),
    "#,##0.0",
    rule ? { value: upliftCell, format: words.upliftFormat } : { value: text(words.given), format: "@" },
  );
  panel.figure(words.figure.decisions, formula(`AVERAGE(${layout.range("decisions")})`), "#,##0.0");
  panel.figure(words.figure.horizon, layout.weeks, words.wholeWeeksFormat);
  panel.figure(words.figure.closing, formula(layout.cell("backlog", layout.weeks)), "#,##0.0");
  panel.figure(
    words.figure.weeksToClear,
    formula(`IF(${f("opening")}<=0,0,IF(${f("capacity")}>${f("meanIntake")},${f("opening")}/(${f("capacity")}-${f("meanIntake")}),"${words.never}"))`),
    words.weeksFormat,
    { value: formula(`IF(ISNUMBER(${f("weeksToClear")}),"${words.constantMeans}","${words.neverWhy}")`), format: "General", style: "note" },
  );
  panel.figure(words.figure.wait, formula(`IF(${f("decisions")}>0.000000000001,${f("closing")}/${f("decisions")},"")`), words.weeksFormat, { value: formula(`IF(${f("wait")}="","",${f("wait")}*7)`), format: words.daysFormat });
  const decided = `SUM(${layout.range("decisions")})`;
  panel.figure(
    words.figure.lead,
    formula(`IF(${decided}>0.000000000001,SUMPRODUCT(${layout.range("lead")},${layout.range("decisions")})/${decided},"")`),
    words.weeksFormat,
    { value: formula(`IF(${f("lead")}="","",${f("lead")}*7)`), format: words.daysFormat },
  );
  panel.figure(words.figure.target, figures.inputs.target, "#,##0", undefined, "input");
  panel.figure(words.figure.required, formula(`MAX(0,${f("meanIntake")}+(${f("opening")}-${f("target")})/${f("horizon")})`), "#,##0.0");
  targetWeekFigure(panel, options, layout);
}

/**
 * When the backlog reaches the target (issue 23): the first week of the table at or below it
 * (SUMPRODUCT(MAX(…)) finds it without array entry, in Excel and LibreOffice), else past the
 * table at the mean intake and capacity, as the engine's `targetWeek`; beside it the ISO week,
 * and "bij constante gemiddelden" when the week lies past the table.
 */
function targetWeekFigure(panel: Panel, options: ProjectionSheetOptions, layout: ProjectionTableLayout): void {
  const words = PROJECTION_TEXT[options.language];
  const f = (figure: Figure): string => figureCell(figure);
  const h = layout.weeks;
  const slack = `0.000000001*MAX(1,${f("target")})`;
  const hit = `SUMPRODUCT(MAX((${layout.range("backlog")}<=${f("target")}+${slack})*(${h + 1}-${layout.range("week")})))`;
  const past = `IF(${f("capacity")}>${f("meanIntake")},${h}+ROUNDUP((${f("closing")}-${f("target")}-${slack})/(${f("capacity")}-${f("meanIntake")}),0),"${words.never}")`;
  const week = `IF(${f("opening")}<=${f("target")}+${slack},0,IF(${hit}>0,${h + 1}-${hit},${past}))`;
  const w = f("targetWeek");
  const first = absoluteAddress(layout.cell("start", 1));
  const monday = `(${first}+7*(${w}-1))`;
  const iso = `IF(OR(NOT(ISNUMBER(${w})),N(${w})<1,NOT(ISNUMBER(${first}))),"",${isoWeekFormula(monday)})`;
  const note = `IF(ISNUMBER(${w}),IF(${w}>${h},"${words.constantMeans}",""),"${words.neverWhy}, ${words.constantMeans}")`;
  panel.figure(words.figure.targetWeek, formula(week), "0", {
    value: formula(`${iso}&IF(AND(${iso}<>"",${note}<>""),", ","")&${note}`),
    format: "General",
    style: "note",
  });
}

/** The notes on the two lead times, and the memo's 2023 figure beside the model's replay. */
function leadTimeNotes(panel: Panel, options: ProjectionSheetOptions): void {
  const words = PROJECTION_TEXT[options.language];
  panel.gap();
  panel.lines(words.waitNote);
  panel.lines(words.leadNote);
  panel.lines(words.memoNote(formatNumber(MEMO_2023.leadTimeDays, options.language), formatNumber(Math.round(options.figures.replay2023Days), options.language)));
}

/** The chart: the backlog on the left axis (from a round number below it), the weekly flows on the right. */
function mainChart(panel: Panel, options: ProjectionSheetOptions, layout: ProjectionTableLayout): void {
  const words = PROJECTION_TEXT[options.language];
  const backlogs = options.figures.projection.rows.map((r) => r.backlog);
  const minimum = axisMinimum(Math.min(...backlogs, options.figures.inputs.opening), Math.max(...backlogs, options.figures.inputs.opening));
  panel.gap();
  panel.chart(
    {
      kind: "line",
      title: words.chart,
      // Week numbers: short labels leave the plot its height (ISO weeks would be turned on their side).
      categories: layout.range("week"),
      series: [
        { name: words.series.backlog, values: layout.range("backlog") },
        { name: words.series.intake, values: layout.range("intake"), secondary: true },
        { name: words.series.capacity, values: layout.range("capacity"), secondary: true, dashed: true },
        { name: words.series.decisions, values: layout.range("decisions"), secondary: true },
      ],
      xAxisTitle: words.week,
      yAxisTitle: words.backlogAxis,
      secondaryAxisTitle: words.flowAxis,
      secondaryAxisMin: 0,
      ...(minimum !== undefined && { yAxisMin: minimum }),
    },
    CHART_ROWS,
  );
}

/** The helpers' own cells above their columns: what they are, the opening's spread, the fixed parts' check. */
function helperHead(
  options: ProjectionSheetOptions,
  layout: ProjectionTableLayout,
  withFixed: boolean,
  history?: string,
): { blocks: Block[]; spread: string; unchanged: string } {
  const words = PROJECTION_TEXT[options.language];
  const at = (row: number, column: number): string => cellAddress(row, layout.helperColumn + column);
  const spread = absoluteAddress(at(1, 4));
  const unchanged = absoluteAddress(at(0, 4));
  const blocks: Block[] = [
    { at: at(1, 0), cells: [[text(words.spreadLabel)]], style: "note" },
    { at: at(1, 4), cells: [[formula(`IF(${figureCell("meanIntake")}>0,${figureCell("opening")}/${figureCell("meanIntake")},0)`)]], numberFormat: "0.0", style: "output" },
    { at: at(2, 0), cells: [[text(words.helpersNote)]], style: "note" },
  ];
  if (withFixed) {
    blocks.push({ at: at(0, 0), cells: [[text(words.unchangedLabel)]], style: "note" });
    blocks.push({ at: at(0, 4), cells: [[formula(unchangedFormula(options, layout, history))]], style: "output" });
  }
  return { blocks, spread, unchanged };
}

/**
 * The projection sheet for one run.
 *
 * @example
 * const figures = projectionFigures(inputs, projection);
 * buildProjectionSheet({ figures, language: "nl", createdOn: 45306, sources: sourcesOf(raw) }).spec
 */
export function buildProjectionSheet(options: ProjectionSheetOptions): ProjectionSheet {
  const { figures, language, sources, sections = {} } = options;
  const words = PROJECTION_TEXT[language];
  const weeks = figures.projection.rows.length;
  const layout = projectionTableLayout(HEADER_ROW, weeks, HELPER_COLUMN);
  // The wider of both languages' widths: the sheet pages alike, whichever language it is made in.
  const widths = widest(columnWidths({ ...options, language: "nl" }, layout), columnWidths({ ...options, language: "en" }, layout));
  const fixed = sections.simulation !== undefined || sections.tracks !== undefined;
  const forecast = forecastColumns(options, layout);
  if (forecast) Object.assign(widths, forecast.widths);
  const planForecast = options.intakeForecast?.use === "plan" ? forecast : undefined;
  const head = helperHead(options, layout, fixed, planForecast?.unchanged);
  const firstWeek = sources?.firstWeek ?? undefined;
  const built = buildProjectionTable({
    layout,
    reads: {
      opening: figureCell("opening"),
      // With a forecast intake, the forecast's fixed values (an Intake emptied for it has nothing to read).
      intake: planForecast ? planForecast.intake : sources?.intake,
      capacity:
        figures.projection.capacitySource === "rule"
          ? { cell: figureCell("capacity") }
          : sources?.capacity !== undefined
            ? { source: sources.capacity }
            : undefined,
      firstWeek,
      spread: head.spread,
    },
    values: {
      intake: figures.projection.rows.map((r) => r.intake),
      capacity: figures.projection.rows.map((r) => r.capacity),
      firstWeek: figures.inputs.firstWeek,
    },
    text: { columns: planForecast ? intakeHeader(words.columns, language) : words.columns, helpers: words.helpers },
    tableName: PROJECTION_TABLE,
    ...(weeks > LIVE_WEEKS && {
      fixed: { rows: figures.projection.rows, decidedLeadTime: figures.summary.decidedLeadTimeByWeek },
    }),
  });
  const scale = printScale(widthsOf(widths, 0, PANEL.column + PANEL.columns - 1));
  const title: Block = { at: "A1", cells: [[text(words.title)]], style: "title" };
  const pages = {
    scale,
    heights: rowHeightsOf({ blocks: [title], tables: [built.table], columnWidths: widths }),
    titleRows: { first: HEADER_ROW, last: HEADER_ROW },
  };
  const panel = new Panel({ column: PANEL.column, columns: PANEL.columns, widths }, HEADER_ROW + 1, pages);
  panel.section(() => figureRows(panel, options, layout));
  // The table's formulas read the figures at `figureCell`'s addresses: the panel must have put them there.
  if (!panel.blocks.some((b) => b.at === figureCell("required").replace(/\$/g, ""))) throw new Error("the key figures moved");
  mainChart(panel, options, layout);
  leadTimeNotes(panel, options);
  const forecastWarnings =
    forecast && options.intakeForecast
      ? forecastPanel(panel, forecast, {
          forecast: options.intakeForecast,
          language,
          createdOn: options.createdOn,
          sample: options.sample === true,
          rule: figures.projection.capacitySource === "rule",
          planMeanCell: figureCell("meanIntake"),
          chartRows: CHART_ROWS,
        })
      : [];
  const tables: TableSpec[] = [built.table];
  const blocks: Block[] = [
    title,
    {
      at: "A2",
      cells: [[text(sheetNote(options, weeks, planForecast))]],
      style: "note",
    },
    ...built.helpers,
    ...head.blocks,
    ...(forecast?.blocks ?? []),
  ];
  const placed = placeSections(panel, options, { blocks, tables, widths, unchanged: head.unchanged });
  const lastRow = Math.max(HEADER_ROW + weeks, panel.row - 1);
  const spec: SheetSpec = {
    name: PROJECTION_SHEET_NAME[language],
    markerTable: PROJECTION_TABLE,
    blocks: [...blocks, ...panel.blocks],
    tables,
    charts: panel.charts,
    columnWidths: widths,
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    ...(placed.conditional.length + forecastWarnings.length > 0 && { conditionalFormats: [...forecastWarnings, ...placed.conditional] }),
  };
  const titleRows = { first: HEADER_ROW + 1, last: HEADER_ROW + 1 };
  spec.print = printSpec({
    title: words.title,
    language,
    createdOn: options.createdOn,
    area: areaOf(0, 0, lastRow, PANEL.column + PANEL.columns - 1),
    titleRows,
    breaksBefore: pageBreaks(spec, scale, { first: HEADER_ROW, last: HEADER_ROW }, panel.groups, lastRow),
  });
  const overflow = weeks > LIVE_WEEKS ? undefined : overflowOf(figures, layout);
  return {
    spec,
    ...(placed.uncertainty && { uncertainty: placed.uncertainty }),
    ...(placed.tracksTable !== undefined && { tracksTable: placed.tracksTable }),
    ...(overflow !== undefined && { overflow }),
  };
}

/** The table's cells (see `overflowCell`), then the weeks to clear the opening backlog and the wait (blank below 1e-12 decisions a week). */
function overflowOf(figures: ProjectionFigures, layout: ProjectionTableLayout): string | undefined {
  const { meanIntake, meanCapacity, meanDecisions, closingBacklog } = figures.summary;
  const opening = figures.inputs.opening;
  const cell = overflowCell(layout, figures.projection.rows, opening);
  if (cell !== undefined) return cell;
  if (meanCapacity > meanIntake && !Number.isFinite(opening / (meanCapacity - meanIntake))) {
    return figureCell("weeksToClear").replace(/\$/g, "");
  }
  if (meanDecisions > 0.000000000001 && !Number.isFinite(closingBacklog / meanDecisions)) return figureCell("wait").replace(/\$/g, "");
  return undefined;
}

/**
 * The sections below the chart, in the panel: each starts with its subtitle, says its values are
 * fixed and shows the warning cell; their weekly tables go right of the helpers, outside the
 * print area, on the table's header row.
 */
function placeSections(
  panel: Panel,
  options: ProjectionSheetOptions,
  sheet: { blocks: Block[]; tables: TableSpec[]; widths: Record<string, number>; unchanged: string },
): { uncertainty?: UncertaintyBlock; tracksTable?: number; conditional: NonNullable<SheetSpec["conditionalFormats"]> } {
  const { sections = {}, language } = options;
  const words = PROJECTION_TEXT[language];
  const made = isoDate(options.createdOn);
  const conditional: NonNullable<SheetSpec["conditionalFormats"]> = [];
  let column = HELPER_COLUMN + words.helpers.length + 1;
  const check = `IF(${sheet.unchanged},"${words.unchanged(made)}","${words.changed(made)}")`;
  const fixedLines = (target: Panel): void => {
    target.lines(words.fixed(made));
    target.formulaLine(formula(check), "note");
  };
  const out: { uncertainty?: UncertaintyBlock; tracksTable?: number; conditional: typeof conditional } = { conditional };
  if (sections.simulation) {
    const { result, seed, when } = sections.simulation;
    const table = uncertaintyTable(result, cellAddress(HEADER_ROW, column), language);
    sheet.blocks.push(...table.blocks);
    sheet.widths[columnLetter(column)] = 6;
    fitColumns(sheet.widths, column, table.blocks.flatMap((block) => block.cells), 11);
    panel.gap().section(() => {
      panel.subtitle(words.uncertaintyTitle);
      out.uncertainty = uncertaintyPanel(panel, result, table, {
        seed,
        language,
        ...(when !== undefined && { when }),
        between: fixedLines,
        chartRows: CHART_ROWS,
      });
    });
    column += 7;
  }
  if (sections.tracks) {
    const table = tracksTable(sections.tracks, cellAddress(HEADER_ROW, column), TRACKS_TABLE, language);
    out.tracksTable = sheet.tables.length;
    sheet.tables.push(table.table);
    sheet.widths[columnLetter(column)] = 6;
    fitColumns(sheet.widths, column + 1, [table.table.columns.slice(1).map((c) => text(c.header)), ...table.table.rows.map((r) => r.slice(1))], 11);
    const tracks = sections.tracks;
    panel.gap().section(() => {
      panel.subtitle(words.tracksTitle(options.sample === true));
      fixedLines(panel);
      tracksPanel(panel, tracks, table, {
        language,
        projectionClosing: options.figures.summary.closingBacklog,
        sample: options.sample === true,
        chartRows: CHART_ROWS,
      });
    });
  }
  // Each warning cell turns red when the inputs changed (found once the panel is final: a section may have moved).
  for (const block of panel.blocks) {
    const cell = block.cells[0]?.[0];
    if (cell !== null && cell !== undefined && typeof cell === "object" && "formula" in cell && cell.formula === `=${check}`) {
      conditional.push({ range: block.at, formula: `=NOT(${sheet.unchanged})`, style: "warning" });
    }
  }
  return out;
}

/**
 * The forecast's columns (src/sheets/forecastBlock.ts), right of the helpers and of the sections'
 * tables, whose places stay as they were without a forecast.
 */
function forecastColumns(options: ProjectionSheetOptions, layout: ProjectionTableLayout): ForecastBlock | undefined {
  const forecast = options.intakeForecast;
  if (forecast === undefined) return undefined;
  const { sections = {}, language } = options;
  let column = HELPER_COLUMN + PROJECTION_TEXT[language].helpers.length + 1;
  if (sections.simulation) column += 7;
  if (sections.tracks) column += tracksTable(sections.tracks, "A1", TRACKS_TABLE, language).table.columns.length + 1;
  const firstWeek = options.figures.inputs.firstWeek;
  return forecastBlock({
    forecast,
    language,
    createdOn: options.createdOn,
    column,
    headerRow: HEADER_ROW,
    weeks: layout.weeks,
    ...(firstWeek !== undefined && { firstWeek }),
    planIntakeCell: (week) => layout.cell("intake", week),
    ...(options.sources !== undefined && { sources: options.sources }),
  });
}

/** The table's headers, the intake's saying it is the forecast. */
function intakeHeader(columns: readonly string[], language: Language): string[] {
  return columns.map((header, c) => (c === PROJECTION_COLUMNS.intake ? FORECAST_BLOCK_TEXT[language].intakeHeader : header));
}

/** The note under the title: how the figures were made, and with a forecast intake, where it is. */
function sheetNote(options: ProjectionSheetOptions, weeks: number, forecast: ForecastBlock | undefined): string {
  const words = PROJECTION_TEXT[options.language];
  const made = isoDate(options.createdOn);
  if (weeks > LIVE_WEEKS) return words.longNote(made, LIVE_WEEKS);
  if (forecast) return FORECAST_BLOCK_TEXT[options.language].sheetNote(made, forecast.intakeColumn);
  return words.note(made, options.sources?.intake !== undefined);
}
