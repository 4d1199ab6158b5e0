/**
 * The monitoring sheet ("Voortgang" / "Progress", issue 11) as a SheetSpec: the plan against the
 * actuals week by week, the summary sentence for the latest week, the re-forecast and a chart of
 * the plan, its P10–P90 band and the actual backlog. Pure: a MonitorResult in, a SheetSpec out.
 *
 * Everything that can be a formula is one, over the table's actual-figures cells: a planner types
 * next week's intake and decisions (and, if counted, the backlog) and the six columns, status,
 * summary and re-forecast follow. The P10/P90 band and the rank come from the seeded Monte Carlo
 * at writing time; the sheet says they are fixed.
 *
 * Layout (0-based rows): 0 title, 1 summary sentence, 2–3 notes, 5–15 the latest week,
 * 17–24 the re-forecast, the chart from D7, the table header in row 26 (Excel row 27), one row per
 * plan week below it.
 */
import { MONITORING_SUMMARY_TEXT, monitorPlan, MonitorResult, Result } from "../engine";
import { isoDate } from "./dates";
import type { PlanInputs } from "./inputs";
import type { Language } from "./messages";
import { runProjection } from "./projectionSheet";
import { Block, Cell, cellAddress, ChartSpec, date, formula, SheetSpec, TableSpec, text } from "./spec";
import { assumptionsText } from "./uncertaintyBlock";

/** The table that marks a sheet as the add-in's monitoring output. */
export const MONITORING_TABLE = "VoorraadplannerVoortgang";

export const MONITORING_SHEET_NAME: Record<Language, string> = { nl: "Voortgang", en: "Progress" };

/** The actual figures as the run reads them: one value per known week from week 1. */
export interface MonitoringActuals {
  intake: number[];
  decisions: number[];
  backlog?: number[];
}

/**
 * Runs the monitoring on checked plan inputs: the plan is the projection the run writes (the
 * planning rule's capacity included), so the two sheets agree.
 *
 * @example
 * const monitored = runMonitoring(inputs, SAMPLE_ACTUALS_2024);
 * if (monitored.ok) buildMonitoringSheet({ result: monitored.value, language: "nl", firstWeek: inputs.firstWeek });
 */
export function runMonitoring(
  inputs: PlanInputs,
  actuals: MonitoringActuals,
  options: { seed?: number; runs?: number } = {},
): Result<MonitorResult> {
  const projection = runProjection(inputs);
  if (!projection.ok) return projection;
  const rows = projection.value.rows;
  return monitorPlan({
    opening: inputs.opening,
    plannedIntake: rows.map((row) => row.intake),
    plannedCapacity: rows.map((row) => row.capacity),
    actualIntake: actuals.intake,
    actualDecisions: actuals.decisions,
    ...(actuals.backlog !== undefined && { actualBacklog: actuals.backlog }),
    ...options,
  });
}

export interface MonitoringSheetOptions {
  result: MonitorResult;
  language: Language;
  /** Excel serial of the first plan week's start date; weeks get dates when given. */
  firstWeek?: number;
  /** Excel serial of the day the sheet is made, shown in the notes; passed in, no clock here. */
  createdOn?: number;
}

const MONITORING_TEXT = {
  nl: {
    title: "Voortgang: plan tegen werkelijkheid, opvolgende asielaanvragen",
    note: (date: string) =>
      `Gemaakt door de Voorraadplanner${date ? ` op ${date}` : ""}. Typ de cijfers van een nieuwe week in de tabel ` +
      "(Instroom gerealiseerd, Afdoeningen gerealiseerd en, als geteld, Voorraad geteld): de kolommen, de samenvatting en de herprognose rekenen mee. " +
      "Een lege getelde voorraad betekent: niet geteld, de voorraad volgt dan uit instroom en afdoeningen.",
    fixed: (date: string) =>
      `Vaste waarden: P10, P90 en de rang komen uit de Monte Carlo van het plan, berekend${date ? ` op ${date}` : ""}; ` +
      "ze rekenen niet mee. Een nieuwe run vervangt dit blad.",
    latest: "Laatste bekende week",
    opening: "Beginvoorraad van het plan",
    lastWeek: "Laatste week met cijfers",
    actual: "Gerealiseerde voorraad",
    planned: "Geplande voorraad",
    difference: "Verschil (werkelijk − plan)",
    intakeAbove: "Meer instroom dan gepland (cumulatief)",
    decisionsBelow: "Minder afdoeningen dan gepland (cumulatief)",
    unexplained: "Onverklaard (alleen met getelde voorraad)",
    rank: "Rang in de verdeling van het plan (vast)",
    status: "Status",
    reforecast: "Herprognose vanaf de laatste gerealiseerde voorraad",
    meanIntake: "Instroom per week: gemiddelde laatste 8 bekende weken",
    meanDecisions: "Afdoeningen per week: gemiddelde laatste 8 bekende weken",
    remaining: "Resterende weken van de planhorizon",
    endBacklog: "Voorraad aan einde horizon (herprognose, geplande capaciteit)",
    planEnd: "Voorraad aan einde horizon volgens plan",
    required: "Vaste capaciteit per week die het plan nog haalt",
    wait: "Verwachte wachttijd nieuwe aanvraag (weken; voorraad ÷ afdoeningen, wet van Little)",
    none: "Nog geen gerealiseerde cijfers.",
    columns: [
      "Week",
      "Begin week",
      "Instroom gepland",
      "Instroom gerealiseerd",
      "Capaciteit gepland",
      "Afdoeningen gepland",
      "Afdoeningen gerealiseerd",
      "Voorraad gepland",
      "Voorraad geteld",
      "Voorraad gerealiseerd",
      "Verschil",
      "Meer instroom (cum.)",
      "Minder afdoeningen (cum.)",
      "Onverklaard",
      "P10 (vast)",
      "P90 (vast)",
      "Bandbreedte P90−P10",
      "Rang (vast)",
      "Status",
      "Herprognose voorraad",
      "Grafiek: gerealiseerd",
      "Bekend",
    ],
    statusWithin: "binnen band",
    statusAbove: "boven P90: achter op plan",
    statusBelow: "onder P10: voor op plan",
    chart: "Voorraad: plan, band P10–P90 en gerealiseerd",
    week: "Week",
    cases: "Zaken",
  },
  en: {
    title: "Progress: plan against actuals, subsequent asylum applications",
    note: (date: string) =>
      `Made by the Backlog Planner${date ? ` on ${date}` : ""}. Type a new week's figures into the table ` +
      "(Actual intake, Actual decisions and, when counted, Counted backlog): the columns, the summary and the re-forecast follow. " +
      "A blank counted backlog means not counted: the backlog then follows from intake and decisions.",
    fixed: (date: string) =>
      `Fixed values: P10, P90 and the rank come from the plan's Monte Carlo, computed${date ? ` on ${date}` : ""}; ` +
      "they do not recalculate. A new run replaces this sheet.",
    latest: "Latest known week",
    opening: "Plan's opening backlog",
    lastWeek: "Last week with figures",
    actual: "Actual backlog",
    planned: "Planned backlog",
    difference: "Difference (actual − plan)",
    intakeAbove: "Intake above plan (cumulative)",
    decisionsBelow: "Decisions below plan (cumulative)",
    unexplained: "Unexplained (counted backlog only)",
    rank: "Rank in the plan's distribution (fixed)",
    status: "Status",
    reforecast: "Re-forecast from the latest actual backlog",
    meanIntake: "Intake per week: mean of the last 8 known weeks",
    meanDecisions: "Decisions per week: mean of the last 8 known weeks",
    remaining: "Weeks left in the plan horizon",
    endBacklog: "Backlog at the horizon (re-forecast, planned capacity)",
    planEnd: "Backlog at the horizon in the plan",
    required: "Steady capacity per week that still meets the plan",
    wait: "Expected wait for a new application (weeks; backlog ÷ decisions, Little's law)",
    none: "No actual figures yet.",
    columns: [
      "Week",
      "Week start",
      "Planned intake",
      "Actual intake",
      "Planned capacity",
      "Planned decisions",
      "Actual decisions",
      "Planned backlog",
      "Counted backlog",
      "Actual backlog",
      "Difference",
      "Intake above plan (cum.)",
      "Decisions below plan (cum.)",
      "Unexplained",
      "P10 (fixed)",
      "P90 (fixed)",
      "Band width P90−P10",
      "Rank (fixed)",
      "Status",
      "Re-forecast backlog",
      "Chart: actual",
      "Known",
    ],
    statusWithin: "within band",
    statusAbove: "above P90: behind plan",
    statusBelow: "below P10: ahead of plan",
    chart: "Backlog: plan, P10–P90 band and actual",
    week: "Week",
    cases: "Cases",
  },
} as const;

/** 0-based rows of the fixed layout. */
const ROW = {
  sentence: 1,
  note: 2,
  fixed: 3,
  latest: 5,
  opening: 6,
  lastWeek: 7,
  actual: 8,
  planned: 9,
  difference: 10,
  intakeAbove: 11,
  decisionsBelow: 12,
  unexplained: 13,
  rank: 14,
  status: 15,
  reforecast: 17,
  meanIntake: 18,
  meanDecisions: 19,
  remaining: 20,
  endBacklog: 21,
  planEnd: 22,
  required: 23,
  wait: 24,
  table: 26,
} as const;

/** Table columns, 0-based, in the order of `MONITORING_TEXT.columns`. */
const COL = {
  week: 0,
  date: 1,
  plannedIntake: 2,
  actualIntake: 3,
  plannedCapacity: 4,
  plannedDecisions: 5,
  actualDecisions: 6,
  plannedBacklog: 7,
  countedBacklog: 8,
  actualBacklog: 9,
  difference: 10,
  intakeAbove: 11,
  decisionsBelow: 12,
  unexplained: 13,
  p10: 14,
  p90: 15,
  bandWidth: 16,
  rank: 17,
  status: 18,
  reforecast: 19,
  chartActual: 20,
  known: 21,
} as const;

type Column = keyof typeof COL;

/** Where everything is: the builder's formulas and the tests read the same addresses. */
export interface MonitoringLayout {
  firstRow: number;
  lastRow: number;
  /** "$B$8" and so on: absolute addresses of the summary figures. */
  summary: Record<Exclude<keyof typeof ROW, "table" | "latest" | "reforecast" | "note" | "fixed">, string>;
  /** The A1 address of a table cell: `cell("actualIntake", 3)` for week 3. */
  cell: (column: Column, week: number) => string;
  /** The A1 range of a table column over all plan weeks. */
  column: (column: Column) => string;
}

export function monitoringLayout(weeks: number): MonitoringLayout {
  const firstRow = ROW.table + 1;
  const lastRow = ROW.table + weeks;
  const absolute = (row: number, column: number): string => cellAddress(row, column).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const summary = {} as Record<string, string>;
  for (const key of Object.keys(ROW) as (keyof typeof ROW)[]) summary[key] = absolute(ROW[key], key === "sentence" ? 0 : 1);
  return {
    firstRow,
    lastRow,
    summary: summary as MonitoringLayout["summary"],
    cell: (column, week) => cellAddress(firstRow + week - 1, COL[column]),
    column: (column) => `${cellAddress(firstRow, COL[column])}:${cellAddress(lastRow, COL[column])}`,
  };
}

/** A whole number as text in a formula, as `formatWhole` writes it (grouped from 5 digits, below a million). */
function wholeText(ref: string, language: Language): string {
  const rounded = `ROUND(ABS(${ref}),0)`;
  const group = language === "nl" ? "." : ",";
  return `IF(${rounded}>=10000,INT(${rounded}/1000)&"${group}"&RIGHT("00"&MOD(${rounded},1000),3),${rounded}&"")`;
}

/** The summary sentence as one formula over the summary cells; mirrors `describeWeek`. */
function sentenceFormula(layout: MonitoringLayout, language: Language): string {
  const words = MONITORING_SUMMARY_TEXT[language];
  const labels = MONITORING_TEXT[language];
  const s = layout.summary;
  const gap =
    `IF(ROUND(ABS(${s.difference}),0)=0,"${words.onPlan}",` +
    `${wholeText(s.difference, language)}&IF(${s.difference}>0," ${words.above}"," ${words.below}"))`;
  const intake = `${wholeText(s.intakeAbove, language)}&IF(${s.intakeAbove}>=0," ${words.moreIntake}"," ${words.lessIntake}")`;
  const decisions =
    `${wholeText(s.decisionsBelow, language)}&` +
    `IF(${s.decisionsBelow}>=0," ${words.fewerDecisions}"," ${words.moreDecisions}")`;
  const rest =
    `IF(ROUND(ABS(${s.unexplained}),0)=0,"",", "&IF(${s.unexplained}<0,"-","")&` +
    `${wholeText(s.unexplained, language)}&" ${words.unexplained}")`;
  const above = `${s.status}="${labels.statusAbove}"`;
  const below = `${s.status}="${labels.statusBelow}"`;
  const band = `IF(${above},"${words.aboveBand}",IF(${below},"${words.belowBand}","${words.within}"))`;
  const rank = `IF(${s.rank}="",""," (P"&ROUND(${s.rank}*100,0)&")")`;
  const verdict = `IF(${above},"${words.behind}",IF(${below},"${words.ahead}",""))&"."`;
  return (
    `IF(${s.lastWeek}=0,"${labels.none}","Week "&${s.lastWeek}&": ${words.backlog} "&${wholeText(s.actual, language)}&", "&` +
    `${gap}&": "&${intake}&", "&${decisions}&${rest}&". "&${band}&${rank}&${verdict})`
  );
}

/** The live formulas of one table row (week `week`, 1-based). */
function rowFormulas(layout: MonitoringLayout, week: number, language: Language): Partial<Record<Column, Cell>> {
  const labels = MONITORING_TEXT[language];
  const c = (column: Column, w = week): string => layout.cell(column, w);
  const fromTop = (column: Column): string => `${layout.cell(column, 1).replace(/(\d+)$/, "$$$1")}:${c(column)}`;
  const last = layout.summary.lastWeek;
  const unknown = `${c("week")}>${last}`;
  const previous = week === 1 ? layout.summary.opening : c("reforecast", week - 1);
  return {
    actualBacklog: formula(
      `IF(${unknown},"",IF(${c("countedBacklog")}="",` +
        `${layout.summary.opening}+SUM(${fromTop("actualIntake")})-SUM(${fromTop("actualDecisions")}),${c("countedBacklog")}))`,
    ),
    difference: formula(`IF(${unknown},"",${c("actualBacklog")}-${c("plannedBacklog")})`),
    intakeAbove: formula(`IF(${unknown},"",SUM(${fromTop("actualIntake")})-SUM(${fromTop("plannedIntake")}))`),
    decisionsBelow: formula(`IF(${unknown},"",SUM(${fromTop("plannedDecisions")})-SUM(${fromTop("actualDecisions")}))`),
    unexplained: formula(
      `IF(${unknown},"",IF(${c("countedBacklog")}="",0,${c("difference")}-${c("intakeAbove")}-${c("decisionsBelow")}))`,
    ),
    bandWidth: formula(`${c("p90")}-${c("p10")}`),
    status: formula(
      `IF(${unknown},"",IF(${c("actualBacklog")}>${c("p90")},"${labels.statusAbove}",` +
        `IF(${c("actualBacklog")}<${c("p10")},"${labels.statusBelow}","${labels.statusWithin}")))`,
    ),
    // Backlog = max(0, previous + intake − capacity) is decisions = min(capacity, backlog + intake).
    reforecast: formula(
      `IF(OR(${last}=0,${c("week")}<${last}),"",IF(${c("week")}=${last},${c("actualBacklog")},` +
        `MAX(0,${previous}+${layout.summary.meanIntake}-${c("plannedCapacity")})))`,
    ),
    chartActual: formula(`IF(${unknown},NA(),${c("actualBacklog")})`),
    known: formula(
      `IF(OR(${c("actualIntake")}<>"",${c("actualDecisions")}<>"",${c("countedBacklog")}<>""),${c("week")},0)`,
    ),
  };
}

function tableRows(options: MonitoringSheetOptions, layout: MonitoringLayout): Cell[][] {
  const { result, language, firstWeek } = options;
  return result.plan.rows.map((row, t) => {
    const known = result.weeks[t];
    const values = {
      week: row.week,
      date: firstWeek === undefined ? null : date(firstWeek + 7 * t),
      plannedIntake: row.intake,
      actualIntake: known?.actualIntake ?? null,
      plannedCapacity: row.capacity,
      plannedDecisions: row.decisions,
      actualDecisions: known?.actualDecisions ?? null,
      plannedBacklog: row.backlog,
      countedBacklog: known?.measured ? known.actualBacklog : null,
      p10: result.p10[t] as number,
      p90: result.p90[t] as number,
      rank: known === undefined ? null : (result.rank[t] as number),
      ...rowFormulas(layout, row.week, language),
    } as Record<Column, Cell>;
    return (Object.keys(COL) as Column[]).map((column) => values[column]);
  });
}

/** The summary and re-forecast figures: formulas over the table, labels beside them. */
function summaryBlocks(options: MonitoringSheetOptions, layout: MonitoringLayout, weeks: number): Block[] {
  const labels = MONITORING_TEXT[options.language];
  const s = layout.summary;
  const latest = (column: Column): string => `IF(${s.lastWeek}=0,"",INDEX(${layout.column(column)},${s.lastWeek}))`;
  // SUMIFS on the week number, not INDEX(…):INDEX(…): the same in Excel, LibreOffice and HyperFormula.
  const lastEight = (column: Column): string =>
    `IF(${s.lastWeek}=0,"",SUMIFS(${layout.column(column)},${layout.column("week")},">="&(${s.lastWeek}-7),` +
    `${layout.column("week")},"<="&${s.lastWeek})/MIN(8,${s.lastWeek}))`;
  const figure = (row: number, label: string, value: Cell, numberFormat = "#,##0.0"): Block[] => [
    { at: cellAddress(row, 0), cells: [[text(label)]], style: "label" },
    { at: cellAddress(row, 1), cells: [[value]], numberFormat, style: "output" },
  ];
  return [
    { at: cellAddress(ROW.latest, 0), cells: [[text(labels.latest)]], style: "subtitle" },
    ...figure(ROW.opening, labels.opening, options.result.opening),
    ...figure(ROW.lastWeek, labels.lastWeek, formula(`MAX(${layout.column("known")})`), "0"),
    ...figure(ROW.actual, labels.actual, formula(latest("actualBacklog"))),
    ...figure(ROW.planned, labels.planned, formula(latest("plannedBacklog"))),
    ...figure(ROW.difference, labels.difference, formula(latest("difference"))),
    ...figure(ROW.intakeAbove, labels.intakeAbove, formula(latest("intakeAbove"))),
    ...figure(ROW.decisionsBelow, labels.decisionsBelow, formula(latest("decisionsBelow"))),
    ...figure(ROW.unexplained, labels.unexplained, formula(latest("unexplained"))),
    // A week typed in after the run has no rank: blank, not INDEX's 0.
    ...figure(ROW.rank, labels.rank, formula(`IF(${latest("rank")}="","",${latest("rank")})`), "0%"),
    ...figure(ROW.status, labels.status, formula(latest("status")), "@"),
    { at: cellAddress(ROW.reforecast, 0), cells: [[text(labels.reforecast)]], style: "subtitle" },
    ...figure(ROW.meanIntake, labels.meanIntake, formula(lastEight("actualIntake"))),
    ...figure(ROW.meanDecisions, labels.meanDecisions, formula(lastEight("actualDecisions"))),
    ...figure(ROW.remaining, labels.remaining, formula(`IF(${s.lastWeek}=0,"",${weeks}-${s.lastWeek})`), "0"),
    ...figure(ROW.endBacklog, labels.endBacklog, formula(`IF(${s.lastWeek}=0,"",${layout.cell("reforecast", weeks)})`)),
    ...figure(ROW.planEnd, labels.planEnd, formula(layout.cell("plannedBacklog", weeks))),
    ...figure(
      ROW.required,
      labels.required,
      formula(`IF(OR(${s.lastWeek}=0,N(${s.remaining})=0),"",MAX(0,${s.meanIntake}+(${s.actual}-${s.planEnd})/${s.remaining}))`),
    ),
    ...figure(
      ROW.wait,
      labels.wait,
      formula(`IF(OR(${s.lastWeek}=0,N(${s.meanDecisions})=0),"",${s.actual}/${s.meanDecisions})`),
    ),
  ];
}

function chartSpec(options: MonitoringSheetOptions, layout: MonitoringLayout): ChartSpec {
  const labels = MONITORING_TEXT[options.language];
  const columns = labels.columns;
  return {
    kind: "band",
    title: labels.chart,
    categories: layout.column("week"),
    series: [
      { name: columns[COL.p10], values: layout.column("p10") },
      { name: columns[COL.bandWidth], values: layout.column("bandWidth") },
      { name: columns[COL.plannedBacklog], values: layout.column("plannedBacklog") },
      { name: columns[COL.actualBacklog], values: layout.column("chartActual"), markersOnly: true },
    ],
    at: cellAddress(ROW.opening, 3),
    widthColumns: 10,
    heightRows: 20,
    xAxisTitle: labels.week,
    yAxisTitle: labels.cases,
  };
}

const FORMATS: Record<Column, string> = {
  week: "0",
  date: "yyyy-mm-dd",
  plannedIntake: "#,##0.0",
  actualIntake: "#,##0",
  plannedCapacity: "#,##0.0",
  plannedDecisions: "#,##0.0",
  actualDecisions: "#,##0",
  plannedBacklog: "#,##0.0",
  countedBacklog: "#,##0",
  actualBacklog: "#,##0.0",
  difference: "#,##0.0",
  intakeAbove: "#,##0.0",
  decisionsBelow: "#,##0.0",
  unexplained: "#,##0.0",
  p10: "#,##0",
  p90: "#,##0",
  bandWidth: "#,##0",
  rank: "0%",
  status: "@",
  reforecast: "#,##0.0",
  chartActual: "#,##0.0",
  known: "0",
};

/**
 * The monitoring sheet for one run.
 *
 * @example
 * const monitored = runMonitoring(inputs, { intake: [27, 24], decisions: [28, 31] });
 * if (monitored.ok) buildMonitoringSheet({ result: monitored.value, language: "nl" });
 */
export function buildMonitoringSheet(options: MonitoringSheetOptions): SheetSpec {
  const { result, language } = options;
  const labels = MONITORING_TEXT[language];
  const weeks = result.plan.rows.length;
  const layout = monitoringLayout(weeks);
  const date = options.createdOn === undefined ? "" : isoDate(options.createdOn);
  const assumptions = assumptionsText(result, result.seed)[language];
  const table: TableSpec = {
    name: MONITORING_TABLE,
    at: cellAddress(ROW.table, 0),
    columns: labels.columns.map((header, i) => ({
      header,
      numberFormat: FORMATS[(Object.keys(COL) as Column[])[i] as Column],
    })),
    rows: tableRows(options, layout),
    style: "TableStyleMedium2",
  };
  return {
    name: MONITORING_SHEET_NAME[language],
    markerTable: MONITORING_TABLE,
    blocks: [
      { at: "A1", cells: [[text(labels.title)]], style: "title" },
      { at: cellAddress(ROW.sentence, 0), cells: [[formula(sentenceFormula(layout, language))]], style: "output" },
      { at: cellAddress(ROW.note, 0), cells: [[text(labels.note(date))]], style: "note" },
      { at: cellAddress(ROW.fixed, 0), cells: [[text(`${labels.fixed(date)} ${assumptions}`)]], style: "note" },
      ...summaryBlocks(options, layout, weeks),
    ],
    tables: [table],
    charts: [chartSpec(options, layout)],
    columnWidths: { A: 58, B: 14, C: 11, D: 11, E: 11, F: 12, G: 12, H: 12, I: 12, J: 12, K: 11, L: 12, M: 12, N: 12 },
  };
}
