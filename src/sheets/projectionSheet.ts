/**
 * Builds the projection sheet ("Prognose" / "Projection") as a SheetSpec: a summary block, an
 * Excel table with one row per week, and a line chart of backlog and intake. Pure: the task pane
 * and `npm run plan` apply the same description through their own adapters.
 */
import {
  decidedLeadTime,
  leadTimeCore,
  projectBacklog,
  ProjectionResult,
  Result,
  weeksToClearCore,
} from "../engine";
import { isoDate, isoWeekLabel } from "./dates";
import type { PlanInputs } from "./inputs";
import type { Language } from "./messages";
import { Block, Cell, cellAddress, date, formula, SheetSpec, TableSpec, text } from "./spec";

/** The table that marks a sheet as the add-in's projection output. */
export const PROJECTION_TABLE = "VoorraadplannerPrognose";

export const PROJECTION_SHEET_NAME: Record<Language, string> = { nl: "Prognose", en: "Projection" };

const PROJECTION_TEXT = {
  nl: {
    title: "Prognose voorraad opvolgende asielaanvragen",
    note: (date: string) =>
      `Gemaakt door de Voorraadplanner${date ? ` op ${date}` : ""}. Een nieuwe prognose vervangt dit blad.`,
    opening: "Beginvoorraad",
    meanIntake: "Gemiddelde instroom per week",
    capacity: "Capaciteit per week (gemiddeld)",
    rule: (pct: string) => `planningsregel: instroom + ${pct}, vast gehouden`,
    given: "opgegeven capaciteit",
    horizon: "Horizon (weken)",
    closing: "Voorraad aan einde horizon",
    weeksToClear: "Weken tot voorraad nul (constante gemiddelden)",
    never: "nooit: capaciteit ≤ instroom",
    leadTime: "Wachttijd nieuwe aanvraag aan einde horizon (weken)",
    leadTimeNote: "voorraad ÷ afdoeningen (wet van Little)",
    decidedLeadTime: "Doorlooptijd afgedane zaken, gemiddeld (weken)",
    decidedLeadTimeNote: "zoals de nota: wachttijd bij afdoening, wie eerst komt eerst maalt",
    target: "Streefvoorraad (vul in)",
    required: "Benodigde capaciteit per week voor streefvoorraad",
    columns: [
      "Week",
      "Begin week",
      "ISO-week",
      "Instroom",
      "Capaciteit",
      "Afdoeningen",
      "Voorraad eind week",
      "Wachttijd nieuwe aanvraag (weken)",
      "Doorlooptijd afgedane zaken (weken)",
    ],
    chart: "Voorraad en instroom per week",
    backlog: "Voorraad",
    intake: "Instroom",
    week: "Week",
    cases: "Zaken",
  },
  en: {
    title: "Backlog projection, subsequent asylum applications",
    note: (date: string) => `Made by the Backlog Planner${date ? ` on ${date}` : ""}. A new projection replaces this sheet.`,
    opening: "Opening backlog",
    meanIntake: "Mean intake per week",
    capacity: "Capacity per week (mean)",
    rule: (pct: string) => `planning rule: intake + ${pct}, held steady`,
    given: "capacity as given",
    horizon: "Horizon (weeks)",
    closing: "Backlog at the horizon",
    weeksToClear: "Weeks to clear (constant means)",
    never: "never: capacity ≤ intake",
    leadTime: "Wait for a new application at the horizon (weeks)",
    leadTimeNote: "backlog ÷ decisions (Little's law)",
    decidedLeadTime: "Lead time of decided cases, mean (weeks)",
    decidedLeadTimeNote: "as in the memo: time waited at decision, first in, first out",
    target: "Target backlog (enter)",
    required: "Required capacity per week for the target",
    columns: [
      "Week",
      "Week start",
      "ISO week",
      "Intake",
      "Capacity",
      "Decisions",
      "Backlog end of week",
      "Wait for a new application (weeks)",
      "Lead time of decided cases (weeks)",
    ],
    chart: "Backlog and intake per week",
    backlog: "Backlog",
    intake: "Intake",
    week: "Week",
    cases: "Cases",
  },
} as const;

/** Runs the engine on checked inputs. */
export function runProjection(inputs: PlanInputs): Result<ProjectionResult> {
  return projectBacklog({
    opening: inputs.opening,
    intake: inputs.intake,
    uplift: inputs.uplift,
    ...(inputs.capacity !== undefined && { capacity: inputs.capacity }),
    ...(inputs.weeks !== undefined && { weeks: inputs.weeks }),
  });
}

export interface ProjectionSheetOptions {
  inputs: PlanInputs;
  projection: ProjectionResult;
  language: Language;
  /** Excel serial of the day the sheet is made, shown in the note; passed in, no clock here. */
  createdOn?: number;
}

/** Summary rows start here (0-based row 3 = Excel row 4); the table follows below them. */
const SUMMARY_ROW = 3;
/** Offset of the horizon among the summary rows (B7). */
const HORIZON_ROW = 3;
const TABLE_ROW = 13;

export interface ProjectionSummary {
  closingBacklog: number;
  meanIntake: number;
  meanCapacity: number;
  meanDecisions: number;
  /** Infinity when capacity does not exceed intake. */
  weeksToClear: number;
  /** The wait for a new application at the horizon: backlog ÷ decisions. Null when nothing was decided. */
  leadTimeWeeks: number | null;
  /** The memo's lead time: mean age at decision of all cases decided over the horizon (FIFO). */
  decidedLeadTimeWeeks: number | null;
  /** The same per week; null in a week where nothing was decided. */
  decidedLeadTimeByWeek: Array<number | null>;
}

/** A vanishing number of decisions gives no finite lead time: report none rather than Infinity. */
const finiteOrNull = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

/** Headline figures of a projection, shared by the sheet, the pane and the CLI's summary line. */
export function summarizeProjection(inputs: PlanInputs, projection: ProjectionResult): ProjectionSummary {
  const n = projection.rows.length;
  let capacity = 0;
  let decisions = 0;
  for (const row of projection.rows) {
    capacity += row.capacity;
    decisions += row.decisions;
  }
  const meanCapacity = capacity / n;
  const meanDecisions = decisions / n;
  const decided = decidedLeadTimeOf(inputs, projection);
  return {
    closingBacklog: projection.closingBacklog,
    meanIntake: projection.meanIntake,
    meanCapacity,
    meanDecisions,
    weeksToClear: weeksToClearCore(inputs.opening, projection.meanIntake, meanCapacity),
    leadTimeWeeks: finiteOrNull(meanDecisions > 0 ? leadTimeCore(projection.closingBacklog, meanDecisions) : null),
    decidedLeadTimeWeeks: finiteOrNull(decided.mean),
    decidedLeadTimeByWeek: decided.weekly,
  };
}

/**
 * The memo's lead time ("de gemiddelde doorlooptijd van het afdoen") for the projection's own
 * weeks: first in, first out, the opening backlog spread over opening ÷ mean intake weeks.
 */
function decidedLeadTimeOf(
  inputs: PlanInputs,
  projection: ProjectionResult,
): { weekly: Array<number | null>; mean: number | null } {
  const result = decidedLeadTime({
    opening: inputs.opening,
    intake: projection.rows.map((row) => row.intake),
    capacity: projection.rows.map((row) => row.capacity),
    weeks: projection.rows.length,
  });
  // The inputs were checked by the projection; a failure here leaves the figures blank.
  return result.ok ? result.value : { weekly: projection.rows.map(() => null), mean: null };
}

/**
 * The projection sheet for one run.
 *
 * @example
 * const projection = runProjection(inputs);
 * if (projection.ok) buildProjectionSheet({ inputs, projection: projection.value, language: "nl" });
 */
export function buildProjectionSheet(options: ProjectionSheetOptions): SheetSpec {
  const { inputs, projection, language } = options;
  const labels = PROJECTION_TEXT[language];
  const first = TABLE_ROW + 1;
  const last = TABLE_ROW + projection.rows.length;
  const column = (c: number): string => `${cellAddress(first, c)}:${cellAddress(last, c)}`;
  return {
    name: PROJECTION_SHEET_NAME[language],
    markerTable: PROJECTION_TABLE,
    blocks: summaryBlocks(options),
    tables: [projectionTable(inputs, projection, language)],
    charts: [
      {
        kind: "line",
        title: labels.chart,
        categories: inputs.firstWeek === undefined ? column(0) : column(2),
        series: [
          { name: labels.backlog, values: column(6) },
          { name: labels.intake, values: column(3) },
        ],
        at: "J4",
        widthColumns: 9,
        heightRows: 20,
        xAxisTitle: labels.week,
        yAxisTitle: labels.cases,
      },
    ],
    columnWidths: { A: 50, B: 14, C: 34, D: 11, E: 11, F: 12, G: 18, H: 18, I: 18 },
  };
}

/** Title, note, the headline figures and the live target → required capacity cells. */
function summaryBlocks(options: ProjectionSheetOptions): Block[] {
  const { inputs, projection, language } = options;
  const labels = PROJECTION_TEXT[language];
  const summary = summarizeProjection(inputs, projection);
  const percent = `${Math.round(inputs.uplift * 1000) / 10}%`;
  const at = (r: number, c: number): string => cellAddress(r, c);
  const summaryCell = (r: number): string => at(SUMMARY_ROW + r, 1);

  const summaryCells: Cell[][] = [
    [text(labels.opening), inputs.opening, null],
    [text(labels.meanIntake), summary.meanIntake, null],
    [
      text(labels.capacity),
      summary.meanCapacity,
      text(projection.capacitySource === "rule" ? labels.rule(percent) : labels.given),
    ],
    [text(labels.horizon), projection.rows.length, null],
    [text(labels.closing), summary.closingBacklog, null],
    [text(labels.weeksToClear), Number.isFinite(summary.weeksToClear) ? summary.weeksToClear : text(labels.never), null],
    [text(labels.leadTime), summary.leadTimeWeeks, text(labels.leadTimeNote)],
    [text(labels.decidedLeadTime), summary.decidedLeadTimeWeeks, text(labels.decidedLeadTimeNote)],
  ];
  const targetRow = SUMMARY_ROW + summaryCells.length;
  const figures = (from: number, to: number, numberFormat: string): Block => ({
    at: at(SUMMARY_ROW + from, 1),
    cells: summaryCells.slice(from, to).map((r) => [r[1] as Cell]),
    numberFormat,
    style: "output",
  });
  return [
    { at: "A1", cells: [[text(labels.title)]], style: "title" },
    {
      at: "A2",
      cells: [[text(labels.note(options.createdOn === undefined ? "" : isoDate(options.createdOn)))]],
      style: "note",
    },
    { at: at(SUMMARY_ROW, 0), cells: summaryCells.map((r) => [r[0] as Cell]), style: "label" },
    // Figures with one decimal, but the horizon is a whole number of weeks ("52", not "52.0").
    figures(0, HORIZON_ROW, "#,##0.0"),
    figures(HORIZON_ROW, HORIZON_ROW + 1, "0"),
    figures(HORIZON_ROW + 1, summaryCells.length, "#,##0.0"),
    { at: at(SUMMARY_ROW, 2), cells: summaryCells.map((r) => [r[2] as Cell]), style: "note" },
    { at: at(targetRow, 0), cells: [[text(labels.target)], [text(labels.required)]], style: "label" },
    { at: at(targetRow, 1), cells: [[inputs.target]], numberFormat: "#,##0", style: "input" },
    {
      // Live: the planner types a target and sees the steady capacity that reaches it.
      at: at(targetRow + 1, 1),
      cells: [
        [
          formula(
            `MAX(0,${summaryCell(1)}+(${summaryCell(0)}-${at(targetRow, 1)})/${summaryCell(HORIZON_ROW)})`,
          ),
        ],
      ],
      numberFormat: "#,##0.0",
      style: "output",
    },
  ];
}

/**
 * The weekly table: week, start date, ISO week, intake, capacity, decisions, backlog, the wait for
 * a new application (backlog ÷ decisions) and the memo's lead time of the cases decided that week.
 */
function projectionTable(inputs: PlanInputs, projection: ProjectionResult, language: Language): TableSpec {
  const firstWeek = inputs.firstWeek;
  const decided = decidedLeadTimeOf(inputs, projection).weekly;
  const tableRows: Cell[][] = projection.rows.map((row, t) => {
    const start = firstWeek === undefined ? null : firstWeek + 7 * (row.week - 1);
    return [
      row.week,
      start === null ? null : date(start),
      start === null ? null : text(isoWeekLabel(start)),
      row.intake,
      row.capacity,
      row.decisions,
      row.backlog,
      row.leadTimeWeeks,
      finiteOrNull(decided[t] ?? null),
    ];
  });
  const formats = ["0", "yyyy-mm-dd", "@", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0", "0.0", "0.0"];
  return {
    name: PROJECTION_TABLE,
    at: cellAddress(TABLE_ROW, 0),
    columns: PROJECTION_TEXT[language].columns.map((header, i) => ({ header, numberFormat: formats[i] as string })),
    rows: tableRows,
    style: "TableStyleMedium2",
  };
}
