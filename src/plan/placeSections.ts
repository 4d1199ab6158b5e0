/**
 * Places the optional sections' blocks on the projection sheet, side by side to the right of its
 * chart, so nothing overlaps: the uncertainty fan, then the tracks. Pure.
 */
import type { ProjectTracksResult, SimulationResult } from "../engine";
import { isoWeekLabel, serialToParts } from "../sheets/dates";
import { Language, SECTION_SHEET_TEXT } from "../sheets/messages";
import { Block, Cell, cellAddress, columnLetter, isText, parseCell, SheetSpec } from "../sheets/spec";
import { buildTracksBlock } from "../sheets/tracksBlock";
import { buildUncertaintyBlock, endOfYear, formatNumber, UncertaintyBlock } from "../sheets/uncertaintyBlock";

/** The table holding the per-track columns; the adapter adds "_2" should the name be taken. */
export const TRACKS_TABLE = "VoorraadplannerSporen";

/**
 * When the horizon ends, for the chance sentence: "eind 2024" when the last week ends around
 * the turn of the year, else "aan het eind van week 2024-W30"; without a first week the
 * builder's own "in week 52".
 */
export function horizonPhrase(firstWeek: number | undefined, weeks: number): Record<Language, string> | undefined {
  if (firstWeek === undefined) return undefined;
  const lastDay = firstWeek + 7 * weeks - 1;
  const { year, month, day } = serialToParts(lastDay);
  if (month === 12 && day >= 22) return endOfYear(year);
  if (month === 1 && day <= 4) return endOfYear(year - 1);
  const week = isoWeekLabel(lastDay);
  return { nl: SECTION_SHEET_TEXT.nl.whenWeek(week), en: SECTION_SHEET_TEXT.en.whenWeek(week) };
}

/** Columns a text spills over to its right in default-width columns (about 8 characters each). */
const spill = (cell: Cell): number => (cell !== null && isText(cell) ? Math.ceil(cell.text.length / 8) - 1 : 0);

/**
 * The last column (0-based) the spec's content reaches: blocks (including text that spills into
 * empty cells to its right), tables and charts.
 */
export function rightmostColumn(spec: Pick<SheetSpec, "blocks" | "tables" | "charts">): number {
  let right = 0;
  for (const block of spec.blocks) {
    const start = parseCell(block.at).column;
    const width = block.cells[0]?.length ?? 1;
    const spills = Math.max(0, ...block.cells.map((row) => spill(row[width - 1] ?? null)));
    right = Math.max(right, start + width - 1 + spills);
  }
  for (const table of spec.tables) right = Math.max(right, parseCell(table.at).column + table.columns.length - 1);
  for (const chart of spec.charts) right = Math.max(right, parseCell(chart.at).column + chart.widthColumns - 1);
  return right;
}

export interface SectionResults {
  simulation?: { result: SimulationResult; seed: number; when?: Record<Language, string> };
  tracks?: ProjectTracksResult;
}

export interface PlacedSections {
  spec: SheetSpec;
  uncertainty?: UncertaintyBlock;
  /** Index of the tracks table among the spec's tables (for its final, possibly renamed, name). */
  tracksTable?: number;
}

/**
 * Adds the sections to the projection sheet, side by side to the right of its chart, each one
 * empty column clear of what is left of it (spilling text included), all starting at row 1:
 * the fan (title, chance, table, chart, assumptions), then the tracks (title, note, table,
 * stacked chart). The projection's own table and chart stay where they are.
 *
 * @example
 * placeSections(buildProjectionSheet(options), { simulation: { result, seed: 2024 } }, "nl")
 * // fan title at T1, table T4:X56, chart from Z4
 */
export function placeSections(spec: SheetSpec, results: SectionResults, language: Language): PlacedSections {
  const out: SheetSpec = {
    ...spec,
    blocks: [...spec.blocks],
    tables: [...spec.tables],
    charts: [...spec.charts],
    columnWidths: { ...spec.columnWidths },
  };
  const placed: PlacedSections = { spec: out };
  let column = rightmostColumn(out) + 2;
  if (results.simulation) {
    const { result, seed, when } = results.simulation;
    const block = buildUncertaintyBlock(result, {
      at: cellAddress(0, column),
      seed,
      language,
      ...(when !== undefined && { when }),
    });
    out.blocks.push(...block.blocks);
    out.charts.push(block.chart);
    placed.uncertainty = block;
    column = rightmostColumn({ blocks: block.blocks, tables: [], charts: [block.chart] }) + 2;
  }
  if (results.tracks) {
    const text = SECTION_SHEET_TEXT[language];
    const tracks = results.tracks;
    const pct = (share: number): string => `${formatNumber(share * 100, language)}%`;
    const note = text.tracksNote(
      pct(tracks.shares.fast),
      pct(tracks.shares.safe),
      pct(tracks.shares.regular),
      formatNumber(tracks.fastLeadTimeDays, language),
    );
    const header: Block[] = [
      { at: cellAddress(0, column), cells: [[{ text: text.tracksTitle }]], style: "title" },
      { at: cellAddress(1, column), cells: [[{ text: note }]], style: "note" },
    ];
    const block = buildTracksBlock(tracks, { at: cellAddress(3, column), tableName: TRACKS_TABLE, language });
    out.blocks.push(...header);
    placed.tracksTable = out.tables.length;
    out.tables.push(block.table);
    out.charts.push(block.chart);
    // Room for the numbers; the long headers stay readable in the table's filter buttons.
    const widths = out.columnWidths as Record<string, number>;
    widths[columnLetter(column)] = 8;
    for (let c = 1; c < block.table.columns.length; c++) widths[columnLetter(column + c)] = 13;
  }
  return placed;
}
