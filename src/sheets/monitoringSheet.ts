/**
 * The monitoring sheet ("Voortgang" / "Progress", issue 11) as a SheetSpec: the plan against the
 * actuals week by week, the summary sentence for the latest week, the re-forecast, and charts of
 * the plan with its P10–P90 band, the actual backlog and the re-forecast, and of the weekly flows.
 * Pure: a MonitorResult in, a SheetSpec out; the plan step computes it (src/plan/monitoring.ts).
 *
 * Everything that can be a formula is one, over the table's actual-figures cells: a planner types
 * next week's intake and decisions (and, if counted, the backlog) and the columns, status,
 * summary and re-forecast follow. The P10/P90 band and the rank come from the seeded Monte Carlo
 * at writing time; the sheet says they are fixed.
 *
 * Layout: title and sentence on rows 1–3; the weekly table's header on row 4 (frozen, repeated on
 * each printed page), its printed columns in A–K; beside it (M–P) the latest week, the
 * re-forecast, the charts and the notes; the columns behind the figures (cumulative gaps, band,
 * rank, re-forecast, chart helpers) in a second table from column R, outside the print area.
 */
import { MONITORING_SUMMARY_TEXT, MonitorResult } from "../engine";
import { isoDate } from "./dates";
import type { Language } from "./messages";
import { areaOf, headerWidth, pageBreaks, printScale, printSpec, rowHeightsOf, widest, widthsOf } from "./page";
import { axisMinimum, Panel } from "./panel";
import {
  absoluteAddress,
  Block,
  Cell,
  cellAddress,
  ChartSpec,
  columnLetter,
  ConditionalFormatSpec,
  date,
  formula,
  SheetSpec,
  TableSpec,
  text,
} from "./spec";
import { wholeText } from "./formulaText";
import { fontOf, widthFor } from "./textWidth";
import { assumptionsText } from "./uncertaintyBlock";

/** The table that marks a sheet as the add-in's monitoring output. */
export const MONITORING_TABLE = "VoorraadplannerVoortgang";
/** The second table, behind the figures: not printed. */
export const MONITORING_DETAIL_TABLE = "VoorraadplannerVoortgangDetails";

export const MONITORING_SHEET_NAME: Record<Language, string> = { nl: "Voortgang", en: "Progress" };

export type { MonitoringActuals } from "../plan/monitoring";

export interface MonitoringSheetOptions {
  result: MonitorResult;
  language: Language;
  /** Excel serial of the first plan week's start date; weeks get dates when given. */
  firstWeek?: number;
  /** Excel serial of the day the sheet is made, shown in the notes; passed in, no clock here. */
  createdOn?: number;
  /** The actuals are the sample workbook's invented figures: the title and charts say so. */
  sample?: boolean;
  /** Decisions per fte per week (DecisionsPerFteWeek), for the capacity still needed in fte; default 1.5, an example. */
  decisionsPerFte?: number;
  /** The baseline the plan columns come from (issue 23): its date is named; `made` when this run made it. */
  baseline?: { madeOn: number; made: boolean };
}

/** The example figure when the workbook gives no DecisionsPerFteWeek (as the what-if sheet's). */
const EXAMPLE_DECISIONS_PER_FTE = 1.5;

const MONITORING_TEXT = {
  nl: {
    title: "Voortgang: plan tegen werkelijkheid, opvolgende asielaanvragen",
    sampleTitle: " (verzonnen voorbeeldcijfers, geen IND-cijfers)",
    sampleChart: " (voorbeeldcijfers)",
    note: (date: string) =>
      `Gemaakt door de Voorraadplanner${date ? ` op ${date}` : ""}. Typ de cijfers van een nieuwe week in de tabel ` +
      "(gerealiseerd, en de voorraad als die geteld is): de samenvatting en de herprognose rekenen mee. " +
      "Zonder getelde voorraad volgt de voorraad uit instroom en afdoeningen.",
    fixed: (date: string) =>
      `Vaste waarden: P10, P90 en de percentielrang komen uit de Monte Carlo van het plan, berekend${date ? ` op ${date}` : ""}; ` +
      "ze rekenen niet mee. Een nieuwe run vervangt dit blad.",
    latest: "Laatste bekende week",
    latestAgainst: (day: string) => `Laatste bekende week, tegen de basislijn van ${day}`,
    baselineNote: (day: string, made: boolean) =>
      `Het plan in deze tabel is de basislijn van ${day} (vaste waarden op het blad met die datum)` +
      (made ? ", vandaag gemaakt uit de invoer." : ", niet de invoer van vandaag.") +
      " Een nieuwe basislijn komt er alleen op verzoek: de knop Nieuwe basislijn, of npm run plan -- --new-baseline.",
    opening: "Beginvoorraad van het plan",
    lastWeek: "Laatste week met cijfers",
    actual: "Gerealiseerde voorraad",
    planned: "Geplande voorraad",
    difference: "Verschil (werkelijk − plan)",
    intakeAbove: "Meer instroom dan gepland (cum.)",
    decisionsBelow: "Minder afdoeningen dan gepland (cum.)",
    unexplained: "Onverklaard (bij getelde voorraad)",
    rank: "Percentielrang in het plan (vast)",
    status: "Status",
    reforecast: "Herprognose vanaf de laatste gerealiseerde voorraad",
    meanIntake: "Instroom per week (laatste 8 weken)",
    meanDecisions: "Afdoeningen per week (laatste 8 weken)",
    remaining: "Resterende weken van de horizon",
    endBacklog: "Voorraad einde horizon (herprognose)",
    endBacklogPace: "Idem, bij tempo laatste 8 weken",
    planEnd: "Voorraad einde horizon (plan)",
    required: "Capaciteit per week om het plan te halen",
    requiredFte: "Idem in fte (per fte-week: rechts)",
    perFteFormat: '0.0#"/fte"',
    wait: "Wachttijd nieuwe aanvraag",
    waitNote: "Herprognose: vanaf de laatste gerealiseerde voorraad, met de gemiddelde instroom van de laatste 8 bekende weken en de geplande capaciteit. Capaciteit om het plan te halen: vast per week, tot het einde van de horizon. Wachttijd: voorraad ÷ afdoeningen per week (wet van Little).",
    none: "Nog geen gerealiseerde cijfers.",
    columns: [
      "Week",
      "Beginweek",
      "Instroom gepland",
      "Instroom gerealiseerd",
      "Afdoeningen gepland",
      "Afdoeningen gerealiseerd",
      "Voorraad geteld",
      "Voorraad gepland",
      "Voorraad gerealiseerd",
      "Verschil",
      "Status",
    ],
    details: [
      "Week",
      "Capaciteit gepland",
      "Meer instroom (cum.)",
      "Minder afdoeningen (cum.)",
      "Onverklaard",
      "P10 (vast)",
      "P90 (vast)",
      "Bandbreedte P90−P10",
      "Percentielrang (vast)",
      "Herprognose voorraad",
      "Grafiekhulp: gerealiseerd",
      "Grafiekhulp: herprognose",
      "Bekend",
      "Herprognose bij huidig tempo",
      "Grafiekhulp: huidig tempo",
    ],
    detailsNote: "Achter de cijfers (niet afgedrukt). #N/A in de grafiekhulpen betekent: geen punt in de grafiek.",
    statusWithin: "binnen band",
    statusAbove: "boven P90",
    statusBelow: "onder P10",
    chart: "Voorraad: plan, band P10–P90, gerealiseerd en herprognose",
    flowsChart: "Instroom en afdoeningen per week",
    series: { band: "Band P10–P90", reforecast: "Herprognose", atPace: "Herprognose bij huidig tempo" },
    week: "Week",
    cases: "Voorraad (zaken)",
    perWeek: "Zaken per week",
    weeksFormat: '#,##0.0" weken"',
    daysFormat: '#,##0" dagen"',
  },
  en: {
    title: "Progress: plan against actuals, subsequent asylum applications",
    sampleTitle: " (invented sample figures, not IND data)",
    sampleChart: " (sample figures)",
    note: (date: string) =>
      `Made by the Backlog Planner${date ? ` on ${date}` : ""}. Type a new week's figures into the table ` +
      "(the actuals, and the backlog when counted): the summary and the re-forecast follow. " +
      "Without a counted backlog the backlog follows from intake and decisions.",
    fixed: (date: string) =>
      `Fixed values: P10, P90 and the percentile rank come from the plan's Monte Carlo, computed${date ? ` on ${date}` : ""}; ` +
      "they do not recalculate. A new run replaces this sheet.",
    latest: "Latest known week",
    latestAgainst: (day: string) => `Latest known week, against the baseline of ${day}`,
    baselineNote: (day: string, made: boolean) =>
      `The plan in this table is the baseline of ${day} (fixed values on the sheet with that date)` +
      (made ? ", made today from the inputs." : ", not today's inputs.") +
      " A new baseline is made only on request: the New baseline button, or npm run plan -- --new-baseline.",
    opening: "Plan's opening backlog",
    lastWeek: "Last week with figures",
    actual: "Actual backlog",
    planned: "Planned backlog",
    difference: "Difference (actual − plan)",
    intakeAbove: "Intake above plan (cum.)",
    decisionsBelow: "Decisions below plan (cum.)",
    unexplained: "Unexplained (counted backlog only)",
    rank: "Percentile rank in the plan (fixed)",
    status: "Status",
    reforecast: "Re-forecast from the latest actual backlog",
    meanIntake: "Intake per week (last 8 weeks)",
    meanDecisions: "Decisions per week (last 8 weeks)",
    remaining: "Weeks left in the horizon",
    endBacklog: "Backlog at the horizon (re-forecast)",
    endBacklogPace: "The same, at the last 8 weeks' pace",
    planEnd: "Backlog at the horizon (plan)",
    required: "Capacity per week to meet the plan",
    requiredFte: "The same in fte (per fte-week: right)",
    perFteFormat: '0.0#"/fte"',
    wait: "Wait for a new application",
    waitNote: "Re-forecast: from the latest actual backlog, with the mean intake of the last 8 known weeks and the planned capacity. Capacity to meet the plan: steady per week, to the end of the horizon. Wait: backlog ÷ decisions per week (Little's law).",
    none: "No actual figures yet.",
    columns: [
      "Week",
      "Week start",
      "Planned intake",
      "Actual intake",
      "Planned decisions",
      "Actual decisions",
      "Counted backlog",
      "Planned backlog",
      "Actual backlog",
      "Difference",
      "Status",
    ],
    details: [
      "Week",
      "Planned capacity",
      "Intake above plan (cum.)",
      "Decisions below plan (cum.)",
      "Unexplained",
      "P10 (fixed)",
      "P90 (fixed)",
      "Band width P90−P10",
      "Percentile rank (fixed)",
      "Re-forecast backlog",
      "Chart helper: actual",
      "Chart helper: re-forecast",
      "Known",
      "Re-forecast at current pace",
      "Chart helper: current pace",
    ],
    detailsNote: "Behind the figures (not printed). #N/A in the chart helpers means: no point in the chart.",
    statusWithin: "within band",
    statusAbove: "above P90",
    statusBelow: "below P10",
    chart: "Backlog: plan, P10–P90 band, actual and re-forecast",
    flowsChart: "Intake and decisions per week",
    series: { band: "P10–P90 band", reforecast: "Re-forecast", atPace: "Re-forecast at current pace" },
    week: "Week",
    cases: "Backlog (cases)",
    perWeek: "Cases per week",
    weeksFormat: '#,##0.0" weeks"',
    daysFormat: '#,##0" days"',
  },
} as const;

/** 0-based rows: the sentence, the table's header; the panel's summary rows from its first row. */
const SENTENCE_ROW = 1;
const TABLE_ROW = 3;
const SUMMARY = [
  "latest",
  "opening",
  "lastWeek",
  "actual",
  "planned",
  "difference",
  "intakeAbove",
  "decisionsBelow",
  "unexplained",
  "rank",
  "status",
  "gap",
  "reforecast",
  "meanIntake",
  "meanDecisions",
  "remaining",
  "endBacklog",
  "endBacklogPace",
  "planEnd",
  "required",
  "requiredFte",
  "wait",
] as const;
type SummaryKey = (typeof SUMMARY)[number];
/** The panel: labels in M, figures in N, a second figure in O; charts over M–P. The print area ends at P. */
const PANEL = { column: 12, columns: 4 } as const;
/** The second table's first column (R), outside the print area. */
const DETAIL_COLUMN = 17;
const CHART_ROWS = 15;

/** Table columns, 0-based: the printed table from A, the details from R. */
const COL = {
  week: 0,
  date: 1,
  plannedIntake: 2,
  actualIntake: 3,
  plannedDecisions: 4,
  actualDecisions: 5,
  countedBacklog: 6,
  plannedBacklog: 7,
  actualBacklog: 8,
  difference: 9,
  status: 10,
  detailWeek: DETAIL_COLUMN,
  plannedCapacity: DETAIL_COLUMN + 1,
  intakeAbove: DETAIL_COLUMN + 2,
  decisionsBelow: DETAIL_COLUMN + 3,
  unexplained: DETAIL_COLUMN + 4,
  p10: DETAIL_COLUMN + 5,
  p90: DETAIL_COLUMN + 6,
  bandWidth: DETAIL_COLUMN + 7,
  rank: DETAIL_COLUMN + 8,
  reforecast: DETAIL_COLUMN + 9,
  chartActual: DETAIL_COLUMN + 10,
  chartReforecast: DETAIL_COLUMN + 11,
  known: DETAIL_COLUMN + 12,
  // The re-forecast at the current pace (the mean actual decisions of the last 8 known weeks).
  reforecastPace: DETAIL_COLUMN + 13,
  chartPace: DETAIL_COLUMN + 14,
} as const;

type Column = keyof typeof COL;
const MAIN_COLUMNS = (Object.keys(COL) as Column[]).filter((c) => COL[c] < DETAIL_COLUMN);
const DETAIL_COLUMNS = (Object.keys(COL) as Column[]).filter((c) => COL[c] >= DETAIL_COLUMN);

/** Where everything is: the builder's formulas and the tests read the same addresses. */
export interface MonitoringLayout {
  firstRow: number;
  lastRow: number;
  /**
   * "$N$7" and so on: absolute addresses of the summary figures (the sentence is "$A$2", its
   * second line with both re-forecasts at the horizon "$A$3").
   */
  summary: Record<Exclude<SummaryKey, "latest" | "reforecast" | "gap"> | "sentence" | "outlook", string>;
  /** The A1 address of a table cell: `cell("actualIntake", 3)` for week 3. */
  cell: (column: Column, week: number) => string;
  /** The A1 range of a table column over all plan weeks. */
  column: (column: Column) => string;
}

/** 0-based row of a summary line: the panel starts on the row below the table's header. */
const summaryRow = (key: SummaryKey): number => TABLE_ROW + 1 + SUMMARY.indexOf(key);

export function monitoringLayout(weeks: number): MonitoringLayout {
  const firstRow = TABLE_ROW + 1;
  const lastRow = TABLE_ROW + weeks;
  const summary = {
    sentence: absoluteAddress(cellAddress(SENTENCE_ROW, 0)),
    outlook: absoluteAddress(cellAddress(SENTENCE_ROW + 1, 0)),
  } as Record<string, string>;
  for (const key of SUMMARY) {
    if (key !== "latest" && key !== "reforecast" && key !== "gap") summary[key] = absoluteAddress(cellAddress(summaryRow(key), PANEL.column + 1));
  }
  return {
    firstRow,
    lastRow,
    summary: summary as MonitoringLayout["summary"],
    cell: (column, week) => cellAddress(firstRow + week - 1, COL[column]),
    column: (column) => `${cellAddress(firstRow, COL[column])}:${cellAddress(lastRow, COL[column])}`,
  };
}

/**
 * The summary sentence as formulas over the summary cells, on two lines (one would run past the
 * printed page): the latest week, then both re-forecasts at the horizon. Together they mirror
 * `describeWeek`.
 */
function sentenceFormulas(layout: MonitoringLayout, language: Language): [string, string] {
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
  const rank = `IF(${s.rank}="",""," (${words.rank} "&ROUND(${s.rank}*100,0)&")")`;
  const verdict = `IF(${above},"${words.behind}",IF(${below},"${words.ahead}",""))&"."`;
  // Both re-forecasts at the horizon (issue 23): what was promised, and what the current pace gives.
  const outlook =
    `IF(${s.lastWeek}=0,"","${words.reforecast} "&${wholeText(s.endBacklog, language)}&" ${words.atPlan}, "&` +
    `${wholeText(s.endBacklogPace, language)}&" ${words.atPace}.")`;
  return [
    `IF(${s.lastWeek}=0,"${labels.none}","Week "&${s.lastWeek}&": ${words.backlog} "&${wholeText(s.actual, language)}&", "&` +
      `${gap}&": "&${intake}&", "&${decisions}&${rest}&". "&${band}&${rank}&${verdict})`,
    outlook,
  ];
}

/** The live formulas of one table row (week `week`, 1-based). */
function rowFormulas(layout: MonitoringLayout, week: number, language: Language): Partial<Record<Column, Cell>> {
  const labels = MONITORING_TEXT[language];
  const c = (column: Column, w = week): string => layout.cell(column, w);
  const fromTop = (column: Column): string => `${absoluteAddress(layout.cell(column, 1))}:${c(column)}`;
  const last = layout.summary.lastWeek;
  const unknown = `${c("week")}>${last}`;
  const previous = week === 1 ? layout.summary.opening : c("reforecast", week - 1);
  const previousPace = week === 1 ? layout.summary.opening : c("reforecastPace", week - 1);
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
    // Charts skip #N/A but draw "" as 0: these two feed the chart, outside the print area.
    chartActual: formula(`IF(${unknown},NA(),${c("actualBacklog")})`),
    chartReforecast: formula(`IF(${c("reforecast")}="",NA(),${c("reforecast")})`),
    // The same from the same week, at the pace of the last 8 known weeks instead of the planned capacity.
    reforecastPace: formula(
      `IF(OR(${last}=0,${c("week")}<${last}),"",IF(${c("week")}=${last},${c("actualBacklog")},` +
        `MAX(0,${previousPace}+${layout.summary.meanIntake}-${layout.summary.meanDecisions})))`,
    ),
    chartPace: formula(`IF(${c("reforecastPace")}="",NA(),${c("reforecastPace")})`),
    known: formula(
      `IF(OR(${c("actualIntake")}<>"",${c("actualDecisions")}<>"",${c("countedBacklog")}<>""),${c("week")},0)`,
    ),
  };
}

function tableRows(options: MonitoringSheetOptions, layout: MonitoringLayout): Record<Column, Cell>[] {
  const { result, language, firstWeek } = options;
  return result.plan.rows.map((row, t) => {
    const known = result.weeks[t];
    return {
      week: row.week,
      detailWeek: row.week,
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
  });
}

/** The latest week and the re-forecast: formulas over the table, labels beside them. */
function summaryRows(panel: Panel, options: MonitoringSheetOptions, layout: MonitoringLayout, weeks: number): void {
  const labels = MONITORING_TEXT[options.language];
  panel.section(() => {
    // The baseline's date in the heading: no row of its own, so the band chart stays on page 1.
    panel.subtitle(options.baseline ? labels.latestAgainst(isoDate(options.baseline.madeOn)) : labels.latest);
    latestWeek(panel, options, layout);
  });
  panel.gap();
  panel.section(() => {
    panel.subtitle(labels.reforecast);
    reforecastRows(panel, options, layout, weeks);
  });
}

/** The latest known week: the actual and planned backlog, the gaps, the rank and the status. */
function latestWeek(panel: Panel, options: MonitoringSheetOptions, layout: MonitoringLayout): void {
  const labels = MONITORING_TEXT[options.language];
  const s = layout.summary;
  const latest = (column: Column): string => `IF(${s.lastWeek}=0,"",INDEX(${layout.column(column)},${s.lastWeek}))`;
  panel.figure(labels.opening, options.result.opening, "#,##0.0");
  panel.figure(labels.lastWeek, formula(`MAX(${layout.column("known")})`), "0");
  panel.figure(labels.actual, formula(latest("actualBacklog")), "#,##0.0");
  panel.figure(labels.planned, formula(latest("plannedBacklog")), "#,##0.0");
  panel.figure(labels.difference, formula(latest("difference")), "#,##0.0");
  panel.figure(labels.intakeAbove, formula(latest("intakeAbove")), "#,##0.0");
  panel.figure(labels.decisionsBelow, formula(latest("decisionsBelow")), "#,##0.0");
  panel.figure(labels.unexplained, formula(latest("unexplained")), "#,##0.0");
  // A week typed in after the run has no rank: blank, not INDEX's 0.
  panel.figure(labels.rank, formula(`IF(${latest("rank")}="","",${latest("rank")})`), "0%");
  // "General", not text ("@"): Excel keeps a formula typed into a text-formatted cell as text.
  panel.figure(labels.status, formula(latest("status")), "General");
}

/** The re-forecast from the latest actual backlog: means of the last 8 weeks, the end, the capacity still needed, the wait. */
function reforecastRows(panel: Panel, options: MonitoringSheetOptions, layout: MonitoringLayout, weeks: number): void {
  const labels = MONITORING_TEXT[options.language];
  const s = layout.summary;
  // SUMIFS on the week number, not INDEX(…):INDEX(…): the same in Excel, LibreOffice and HyperFormula.
  const lastEight = (column: Column): string =>
    `IF(${s.lastWeek}=0,"",SUMIFS(${layout.column(column)},${layout.column("week")},">="&(${s.lastWeek}-7),` +
    `${layout.column("week")},"<="&${s.lastWeek})/MIN(8,${s.lastWeek}))`;
  panel.figure(labels.meanIntake, formula(lastEight("actualIntake")), "#,##0.0");
  panel.figure(labels.meanDecisions, formula(lastEight("actualDecisions")), "#,##0.0");
  panel.figure(labels.remaining, formula(`IF(${s.lastWeek}=0,"",${weeks}-${s.lastWeek})`), "0");
  panel.figure(labels.endBacklog, formula(`IF(${s.lastWeek}=0,"",${layout.cell("reforecast", weeks)})`), "#,##0.0");
  panel.figure(labels.endBacklogPace, formula(`IF(${s.lastWeek}=0,"",${layout.cell("reforecastPace", weeks)})`), "#,##0.0");
  panel.figure(labels.planEnd, formula(layout.cell("plannedBacklog", weeks)), "#,##0.0");
  panel.figure(
    labels.required,
    formula(`IF(OR(${s.lastWeek}=0,N(${s.remaining})=0),"",MAX(0,${s.meanIntake}+(${s.actual}-${s.planEnd})/${s.remaining}))`),
    "#,##0.0",
  );
  // In fte: ÷ decisions per fte-week, a cell of its own beside it (typed over, the figure follows).
  const perFte = absoluteAddress(cellAddress(summaryRow("requiredFte"), PANEL.column + 2));
  panel.figure(labels.requiredFte, formula(`IF(OR(${s.required}="",N(${perFte})<=0),"",${s.required}/${perFte})`), "#,##0.0", {
    value: options.decisionsPerFte ?? EXAMPLE_DECISIONS_PER_FTE,
    format: labels.perFteFormat,
    style: "input",
  });
  panel.figure(
    labels.wait,
    formula(`IF(OR(${s.lastWeek}=0,N(${s.meanDecisions})=0),"",${s.actual}/${s.meanDecisions})`),
    labels.weeksFormat,
    { value: formula(`IF(${s.wait}="","",${s.wait}*7)`), format: labels.daysFormat },
  );
}

/** The band chart (plan, P10–P90, actual markers, dashed re-forecast) and the weekly flows. */
function charts(panel: Panel, options: MonitoringSheetOptions, layout: MonitoringLayout): void {
  const labels = MONITORING_TEXT[options.language];
  const flag = options.sample ? labels.sampleChart : "";
  // The series are named as the table's columns they draw.
  const header = (column: Column): string => labels.columns[MAIN_COLUMNS.indexOf(column)] as string;
  const { p10, p90 } = options.result;
  const planned = options.result.plan.rows.map((r) => r.backlog);
  const actual = options.result.weeks.map((w) => w.actualBacklog);
  const minimum = axisMinimum(Math.min(...p10, ...planned, ...actual), Math.max(...p90, ...planned, ...actual));
  const band: Omit<ChartSpec, "at" | "widthColumns" | "heightRows"> = {
    kind: "band",
    title: labels.chart + flag,
    categories: layout.column("week"),
    series: [
      { name: "P10", values: layout.column("p10") },
      { name: labels.series.band, values: layout.column("bandWidth") },
      { name: header("plannedBacklog"), values: layout.column("plannedBacklog") },
      { name: header("actualBacklog"), values: layout.column("chartActual"), markersOnly: true },
      { name: labels.series.reforecast, values: layout.column("chartReforecast"), dashed: true },
      { name: labels.series.atPace, values: layout.column("chartPace"), dashed: true, color: "7030A0" },
    ],
    xAxisTitle: labels.week,
    yAxisTitle: labels.cases,
    ...(minimum !== undefined && { yAxisMin: minimum }),
  };
  // Right below the figures, so the first page holds both (and the weeks beside them).
  panel.chart(band, CHART_ROWS - 2);
  panel.gap().chart(
    {
      kind: "line",
      title: labels.flowsChart + flag,
      categories: layout.column("week"),
      // A plan and its actuals in one colour: intake red, decisions blue.
      series: [
        { name: header("plannedIntake"), values: layout.column("plannedIntake"), dashed: true, color: "C00000" },
        { name: header("actualIntake"), values: layout.column("actualIntake"), markersOnly: true, color: "C00000" },
        { name: header("plannedDecisions"), values: layout.column("plannedDecisions"), color: "1F4E79" },
        { name: header("actualDecisions"), values: layout.column("actualDecisions"), markersOnly: true, color: "1F4E79" },
      ],
      xAxisTitle: labels.week,
      yAxisTitle: labels.perWeek,
    },
    CHART_ROWS,
  );
}

const FORMATS: Record<Column, string> = {
  week: "0",
  detailWeek: "0",
  date: "yyyy-mm-dd",
  plannedIntake: "#,##0.0",
  actualIntake: "#,##0",
  plannedCapacity: "#,##0.0",
  plannedDecisions: "#,##0.0",
  actualDecisions: "#,##0",
  plannedBacklog: "#,##0.0",
  countedBacklog: "#,##0",
  actualBacklog: "#,##0.0",
  // A digit's width of space after the figure: the status beside it starts clear of it.
  difference: "#,##0.0_0;-#,##0.0_0",
  intakeAbove: "#,##0.0",
  decisionsBelow: "#,##0.0",
  unexplained: "#,##0.0",
  p10: "#,##0",
  p90: "#,##0",
  bandWidth: "#,##0",
  rank: "0%",
  status: "General",
  reforecast: "#,##0.0",
  chartActual: "#,##0.0",
  chartReforecast: "#,##0.0",
  known: "0",
  reforecastPace: "#,##0.0",
  chartPace: "#,##0.0",
};

/** Widths: the tables' from their headers and figures, the panel's label column from its labels. */
function columnWidths(language: Language): Record<string, number> {
  const labels = MONITORING_TEXT[language];
  const widths: Record<string, number> = {};
  MAIN_COLUMNS.forEach((column, i) => (widths[columnLetter(COL[column])] = Math.max(headerWidth(labels.columns[i] as string), widthFor(i === 0 ? "52" : "1.440,0"))));
  widths[columnLetter(COL.date)] = Math.max(widths[columnLetter(COL.date)] ?? 0, widthFor("2024-12-30"));
  widths[columnLetter(COL.status)] = Math.max(...[labels.statusAbove, labels.statusBelow, labels.statusWithin, labels.columns[10]].map((t) => widthFor(t)));
  widths[columnLetter(COL.status + 1)] = 2;
  const panelLabels = SUMMARY.filter((k) => k !== "gap" && k !== "latest" && k !== "reforecast").map((k) => labels[k] as string);
  widths[columnLetter(PANEL.column)] = Math.max(...panelLabels.map((t) => widthFor(t)));
  for (let c = 1; c < PANEL.columns; c++) widths[columnLetter(PANEL.column + c)] = 10.5;
  widths[columnLetter(PANEL.column + 1)] = Math.max(12.5, widthFor("1.440,0 weken", fontOf("output")));
  widths[columnLetter(DETAIL_COLUMN - 1)] = 2;
  // Two lines at most: the header row is the printed table's too, and need not be taller for these.
  DETAIL_COLUMNS.forEach((column, i) => (widths[columnLetter(COL[column])] = Math.max(11, headerWidth(labels.details[i] as string, 2))));
  return widths;
}

/**
 * The status in colour (issue 23): behind plan (above P90) red, ahead (below P10) blue, within
 * the band green, on the table's status column and the latest week's status. The word stays, so
 * the page reads the same in black and white; each pair has a contrast above 4.5:1.
 */
function statusFormats(layout: MonitoringLayout, language: Language, panel: Panel): ConditionalFormatSpec[] {
  const labels = MONITORING_TEXT[language];
  const looks = [
    [labels.statusAbove, "warning"],
    [labels.statusBelow, "ahead"],
    [labels.statusWithin, "good"],
  ] as const;
  const latest = layout.summary.status.replace(/\$/g, "");
  if (!panel.blocks.some((b) => b.at === latest)) throw new Error(`the monitoring status is not at ${latest}`);
  const first = layout.cell("status", 1);
  return looks.flatMap(([word, style]) => [
    { range: layout.column("status"), formula: `=${first}="${word}"`, style },
    { range: latest, formula: `=${layout.summary.status}="${word}"`, style },
  ]);
}

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
  const made = options.createdOn === undefined ? "" : isoDate(options.createdOn);
  // The wider of both languages' widths: the sheet pages alike, whichever language it is made in.
  const widths = widest(columnWidths("nl"), columnWidths("en"));
  const rows = tableRows(options, layout);
  const table = (name: string, columns: Column[], headers: readonly string[]): TableSpec => ({
    name,
    at: cellAddress(TABLE_ROW, COL[columns[0] as Column]),
    columns: headers.map((header, i) => ({ header, numberFormat: FORMATS[columns[i] as Column] })),
    rows: rows.map((row) => columns.map((column) => row[column])),
    style: "TableStyleMedium2",
  });
  const right = PANEL.column + PANEL.columns - 1;
  const scale = printScale(widthsOf(widths, 0, right));
  const mainTable = table(MONITORING_TABLE, MAIN_COLUMNS, labels.columns);
  const pages = {
    scale,
    heights: rowHeightsOf({ blocks: [{ at: "A1", cells: [[text(labels.title)]], style: "title" }], tables: [mainTable], columnWidths: widths }),
    titleRows: { first: TABLE_ROW, last: TABLE_ROW },
  };
  const panel = new Panel({ column: PANEL.column, columns: PANEL.columns, widths }, TABLE_ROW + 1, pages);
  summaryRows(panel, options, layout, weeks);
  // The formulas read the summary at `monitoringLayout`'s addresses: the panel must have put it there.
  for (const address of Object.values(layout.summary)) {
    if (address !== layout.summary.sentence && address !== layout.summary.outlook && !panel.blocks.some((b) => b.at === address.replace(/\$/g, ""))) {
      throw new Error(`the monitoring summary is not at ${address}`);
    }
  }
  charts(panel, options, layout);
  panel.gap().lines(labels.waitNote);
  if (options.baseline) panel.lines(labels.baselineNote(isoDate(options.baseline.madeOn), options.baseline.made));
  panel.lines(labels.note(made));
  panel.lines(`${labels.fixed(made)} ${assumptionsText(result, result.seed)[language]}`);
  const title = labels.title + (options.sample ? labels.sampleTitle : "");
  const helperMuted: ConditionalFormatSpec[] = (["chartActual", "chartReforecast"] as const).map((column) => ({
    range: layout.column(column),
    formula: `=ISNA(${layout.cell(column, 1)})`,
    style: "muted",
  }));
  const statusColours = statusFormats(layout, language, panel);
  const [sentence, outlook] = sentenceFormulas(layout, language);
  const blocks: Block[] = [
    { at: "A1", cells: [[text(title)]], style: "title" },
    { at: cellAddress(SENTENCE_ROW, 0), cells: [[formula(sentence)]], style: "output" },
    { at: cellAddress(SENTENCE_ROW + 1, 0), cells: [[formula(outlook)]], style: "output" },
    { at: cellAddress(TABLE_ROW - 1, DETAIL_COLUMN), cells: [[text(labels.detailsNote)]], style: "note" },
    ...panel.blocks,
  ];
  const spec: SheetSpec = {
    name: MONITORING_SHEET_NAME[language],
    markerTable: MONITORING_TABLE,
    blocks,
    tables: [mainTable, table(MONITORING_DETAIL_TABLE, DETAIL_COLUMNS, labels.details)],
    charts: panel.charts,
    columnWidths: widths,
    freeze: { rows: TABLE_ROW + 1, columns: 0 },
    conditionalFormats: [...statusColours, ...helperMuted],
  };
  const lastRow = Math.max(layout.lastRow, panel.row - 1);
  spec.print = printSpec({
    title,
    language,
    createdOn: options.createdOn ?? 0,
    area: areaOf(0, 0, lastRow, right),
    titleRows: { first: TABLE_ROW + 1, last: TABLE_ROW + 1 },
    breaksBefore: pageBreaks(spec, scale, { first: TABLE_ROW, last: TABLE_ROW }, panel.groups, lastRow),
  });
  return spec;
}
