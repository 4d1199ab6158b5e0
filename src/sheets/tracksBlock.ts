/**
 * The tracks section: a weekly table of fixed values per track (backlog with a total column,
 * decisions, FIFO wait) and a panel that reads it: the tracks at the horizon side by side with
 * their total, why that total differs from the projection's own end figure, and a stacked area
 * chart of the three backlogs. Pure: the engine's values in, a TableSpec, Blocks and a ChartSpec
 * out.
 */
import { ProjectTracksResult, TRACK_IDS, TrackId } from "../engine";
import type { Language } from "./messages";
import type { Panel } from "./panel";
import { Cell, cellAddress, parseCell, TableColumn, TableSpec, text } from "./spec";
import { formatNumber } from "./uncertaintyBlock";

export const TRACKS_TABLE_NAME = "BP_Tracks";

const TRACK_NAME_TEXT: Record<Language, Record<TrackId, string>> = {
  // Not "snel spoor" or "kansarm": the IND's tracks are numbered, and triage also grants.
  nl: { fast: "triage (Ter Apel)", safe: "spoor 2 (veilige landen)", regular: "spoor 4" },
  en: { fast: "triage (Ter Apel)", safe: "track 2 (safe countries)", regular: "track 4" },
};

const TRACKS_BLOCK_TEXT = {
  nl: {
    week: "Week",
    backlog: "Voorraad",
    total: "Voorraad totaal",
    decisions: "Afdoeningen",
    wait: "Wachttijd (weken)",
    beyond: (weeks: number) => (weeks > 0 ? `> ${weeks} weken` : "na de horizon"),
    chart: "Voorraad per behandelspoor",
    example: " (aandeel spoor 2: voorbeeld)",
    cases: "Voorraad (zaken)",
    grid: ["Spoor", "Aandeel instroom", "Voorraad einde", "Afdoeningen per week", "Wachttijd (weken)"],
    sum: "Totaal",
    note: (days: string) =>
      `Triage (Ter Apel) heeft eigen, extra capaciteit en beslist in ${days} dagen; spoor 2 en spoor 4 delen de capaciteit van de prognose, spoor 2 eerst. Wachttijd: voorraad ÷ afdoeningen in de laatste week.`,
    differ: (total: string, closing: string) =>
      `Waarom ${total} en niet ${closing}, de voorraad van de prognose? De sporen tellen triage mee: die beslist de incomplete aanvragen met eigen, extra capaciteit, bovenop de capaciteit van de prognose. De prognose zelf rekent zonder triage.`,
    sample: (share: string) =>
      `Het aandeel spoor 2 (${share}) is een voorbeeldwaarde uit de voorbeeldwerkmap, niet uit de nota: vul het eigen aandeel in.`,
  },
  en: {
    week: "Week",
    backlog: "Backlog",
    total: "Backlog total",
    decisions: "Decisions",
    wait: "Wait (weeks)",
    beyond: (weeks: number) => (weeks > 0 ? `> ${weeks} weeks` : "after the horizon"),
    chart: "Backlog by processing track",
    example: " (track 2's share: an example)",
    cases: "Backlog (cases)",
    grid: ["Track", "Share of intake", "Backlog at the end", "Decisions per week", "Wait (weeks)"],
    sum: "Total",
    note: (days: string) =>
      `Triage (Ter Apel) has its own, extra capacity and decides in ${days} days; tracks 2 and 4 share the projection's capacity, track 2 first. Wait: backlog ÷ decisions in the last week.`,
    differ: (total: string, closing: string) =>
      `Why ${total} and not ${closing}, the projection's backlog? The tracks count triage: it decides the incomplete applications with its own, extra capacity, on top of the projection's capacity. The projection itself leaves triage out.`,
    sample: (share: string) => `Track 2's share (${share}) is an example value from the sample workbook, not from the memo: enter your own.`,
  },
} as const;

export interface TracksTable {
  table: TableSpec;
  /** A1 ranges of the data rows: week numbers and each track's backlog. */
  ranges: { week: string; backlog: Record<TrackId, string> };
}

/** The panel grid's headers, for the columns' widths: each word must fit (headers wrap between words). */
export const tracksGridHeader = (language: Language): readonly string[] => TRACKS_BLOCK_TEXT[language].grid;

/**
 * The weekly table at `at` (its header row there). Columns: week; backlog per track and their
 * total; decisions per track; FIFO wait per track, "> 14 weken" where the application filed that
 * week is not decided by the horizon. Track order: triage (Ter Apel), track 2, track 4.
 *
 * @example
 * tracksTable(projection, "AE4", "VoorraadplannerSporen", "nl") // table AE4:AO56
 */
export function tracksTable(result: ProjectTracksResult, at: string, tableName: string, language: Language): TracksTable {
  const words = TRACKS_BLOCK_TEXT[language];
  const labels = TRACK_NAME_TEXT[language];
  const start = parseCell(at);
  const weeks = result.totalBacklog.length;
  const columns: TableColumn[] = [
    { header: words.week, numberFormat: "0" },
    ...TRACK_IDS.map((id) => ({ header: `${words.backlog} ${labels[id]}`, numberFormat: "#,##0" })),
    { header: words.total, numberFormat: "#,##0" },
    ...TRACK_IDS.map((id) => ({ header: `${words.decisions} ${labels[id]}`, numberFormat: "#,##0.0" })),
    ...TRACK_IDS.map((id) => ({ header: `${words.wait} ${labels[id]}`, numberFormat: "0.0" })),
  ];
  const rows: Cell[][] = [];
  for (let t = 0; t < weeks; t++) {
    const week = (id: TrackId) => result.tracks[id][t];
    rows.push([
      t + 1,
      ...TRACK_IDS.map((id) => week(id)?.backlog ?? null),
      result.totalBacklog[t] as number,
      ...TRACK_IDS.map((id) => week(id)?.decisions ?? null),
      // Not decided within the horizon: the wait is longer than the weeks that are left (none in its last week).
      ...TRACK_IDS.map((id): Cell => {
        const wait = week(id)?.waitWeeks;
        return wait === null || wait === undefined ? text(words.beyond(weeks - t - 1)) : wait;
      }),
    ]);
  }
  const column = (offset: number): string =>
    `${cellAddress(start.row + 1, start.column + offset)}:${cellAddress(start.row + weeks, start.column + offset)}`;
  return {
    table: { name: tableName, at, columns, rows, style: "TableStyleMedium2" },
    ranges: {
      week: column(0),
      backlog: { fast: column(1), safe: column(2), regular: column(3) },
    },
  };
}

export interface TracksPanelOptions {
  language: Language;
  /** The projection's own backlog at the horizon, to say why the tracks' total differs. */
  projectionClosing: number;
  /** The settings are the sample workbook's examples: say so in the title, the chart and a note. */
  sample: boolean;
  chartRows: number;
}

/**
 * The section's panel: a grid of the tracks at the horizon with their total, notes, and the
 * stacked area chart of the three backlogs. The caller writes the subtitle.
 */
export function tracksPanel(panel: Panel, result: ProjectTracksResult, table: TracksTable, options: TracksPanelOptions): void {
  const { language } = options;
  const words = TRACKS_BLOCK_TEXT[language];
  const labels = TRACK_NAME_TEXT[language];
  const weeks = result.totalBacklog.length;
  const lastDecisions = (id: TrackId): number => result.tracks[id][weeks - 1]?.decisions ?? 0;
  const meanDecisions = (id: TrackId): number => result.tracks[id].reduce((sum, w) => sum + w.decisions, 0) / weeks;
  const wait = (backlog: number, decided: number): Cell => (decided > 0 ? backlog / decided : null);
  const rows: Cell[][] = TRACK_IDS.map((id) => [
    text(labels[id].charAt(0).toUpperCase() + labels[id].slice(1)),
    result.shares[id],
    result.closingBacklog[id],
    meanDecisions(id),
    wait(result.closingBacklog[id], lastDecisions(id)),
  ]);
  const total = TRACK_IDS.reduce((sum, id) => sum + lastDecisions(id), 0);
  rows.push([
    text(words.sum),
    1,
    result.closingBacklog.total,
    TRACK_IDS.reduce((sum, id) => sum + meanDecisions(id), 0),
    wait(result.closingBacklog.total, total),
  ]);
  panel.grid(words.grid, rows, ["0.0%", "#,##0.0", "#,##0.0", "0.0"]);
  panel.lines(words.note(formatNumber(result.fastLeadTimeDays, language)));
  panel.lines(words.differ(formatNumber(result.closingBacklog.total, language), formatNumber(options.projectionClosing, language)));
  if (options.sample) panel.lines(words.sample(`${formatNumber(result.shares.safe * 100, language)}%`));
  panel.chart(
    {
      kind: "areaStacked",
      title: words.chart + (options.sample ? words.example : ""),
      categories: table.ranges.week,
      series: TRACK_IDS.map((id) => ({ name: labels[id], values: table.ranges.backlog[id] })),
      xAxisTitle: words.week,
      yAxisTitle: words.cases,
    },
    options.chartRows,
  );
}
