/**
 * The task pane's tracks section: one table with per-track columns (backlog, decisions, FIFO wait)
 * and a stacked area chart of the three backlogs, placed at a given top-left cell. Pure: values
 * from the engine in, a TableSpec and a ChartSpec out.
 */
import { ProjectTracksResult, TRACK_IDS, TrackId } from "../engine";
import type { Language } from "./messages";
import { Cell, cellAddress, ChartSpec, parseCell, TableColumn, TableSpec } from "./spec";

export interface TracksBlockOptions {
  /** Top-left cell of the table's header row, e.g. "A5". */
  at: string;
  /** Workbook-unique table name; "BP_Tracks" unless given. */
  tableName?: string;
  /** Header and chart language; Dutch unless given. */
  language?: Language;
}

export interface TracksBlock {
  table: TableSpec;
  chart: ChartSpec;
  /** The A1 range of the table, header row included. */
  range: string;
  /** 0-based first row below both the table and the chart. */
  bottomRow: number;
}

const TRACK_NAME_TEXT: Record<Language, Record<TrackId, string>> = {
  // Not "snel spoor" or "kansarm": the IND's tracks are numbered, and triage also grants.
  nl: { fast: "triage (Ter Apel)", safe: "spoor 2 (veilige landen)", regular: "spoor 4" },
  en: { fast: "triage (Ter Apel)", safe: "track 2 (safe countries)", regular: "track 4" },
};

const TRACKS_BLOCK_TEXT: Record<Language, { week: string; backlog: string; decisions: string; wait: string; title: string; cases: string }> = {
  nl: {
    week: "Week",
    backlog: "Voorraad",
    decisions: "Afdoeningen",
    wait: "Wachttijd (weken)",
    title: "Voorraad per behandelspoor",
    cases: "Zaken",
  },
  en: {
    week: "Week",
    backlog: "Backlog",
    decisions: "Decisions",
    wait: "Wait (weeks)",
    title: "Backlog by track",
    cases: "Cases",
  },
};

export const TRACKS_TABLE_NAME = "BP_Tracks";
const CHART_WIDTH_COLUMNS = 8;
const CHART_HEIGHT_ROWS = 18;

/**
 * Builds the tracks table and chart. Columns: week; backlog per track; decisions per track; FIFO
 * wait per track (blank where the case is not decided within the horizon). Track order: triage
 * (Ter Apel, the engine's fast track), track 2, track 4, as everywhere else.
 *
 * @example
 * const projection = projectTracks({ openingByTrack: 1440, intake: 25, shares: [0.19, 0.2], capacity: 27.5 });
 * if (projection.ok) buildTracksBlock(projection.value, { at: "A5" }); // table A5:J57, chart at L5
 */
export function buildTracksBlock(result: ProjectTracksResult, options: TracksBlockOptions): TracksBlock {
  const language = options.language ?? "nl";
  const words = TRACKS_BLOCK_TEXT[language];
  const labels = TRACK_NAME_TEXT[language];
  const start = parseCell(options.at);
  const weeks = result.totalBacklog.length;

  const columns: TableColumn[] = [
    { header: words.week, numberFormat: "0" },
    ...TRACK_IDS.map((id) => ({ header: `${words.backlog} ${labels[id]}`, numberFormat: "#,##0" })),
    ...TRACK_IDS.map((id) => ({ header: `${words.decisions} ${labels[id]}`, numberFormat: "#,##0.0" })),
    ...TRACK_IDS.map((id) => ({ header: `${words.wait} ${labels[id]}`, numberFormat: "0.0" })),
  ];
  const rows: Cell[][] = [];
  for (let t = 0; t < weeks; t++) {
    const at = (id: TrackId) => result.tracks[id][t];
    rows.push([
      t + 1,
      ...TRACK_IDS.map((id) => at(id)?.backlog ?? null),
      ...TRACK_IDS.map((id) => at(id)?.decisions ?? null),
      // Blank, not a number: the case is not decided within the horizon.
      ...TRACK_IDS.map((id) => at(id)?.waitWeeks ?? null),
    ]);
  }

  const firstDataRow = start.row + 1;
  const lastDataRow = start.row + weeks;
  const dataRange = (offset: number): string =>
    `${cellAddress(firstDataRow, start.column + offset)}:${cellAddress(lastDataRow, start.column + offset)}`;
  const chart: ChartSpec = {
    kind: "areaStacked",
    title: words.title,
    categories: dataRange(0),
    series: TRACK_IDS.map((id, i) => ({ name: columns[1 + i]?.header ?? labels[id], values: dataRange(1 + i) })),
    at: cellAddress(start.row, start.column + columns.length + 1),
    widthColumns: CHART_WIDTH_COLUMNS,
    heightRows: CHART_HEIGHT_ROWS,
    xAxisTitle: words.week,
    yAxisTitle: words.cases,
  };
  return {
    table: {
      name: options.tableName ?? TRACKS_TABLE_NAME,
      at: cellAddress(start.row, start.column),
      columns,
      rows,
      style: "TableStyleMedium2",
    },
    chart,
    range: `${cellAddress(start.row, start.column)}:${cellAddress(lastDataRow, start.column + columns.length - 1)}`,
    bottomRow: start.row + Math.max(weeks + 1, CHART_HEIGHT_ROWS),
  };
}
