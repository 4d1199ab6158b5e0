/**
 * The printed page every sheet is laid out for: A4 landscape, one page wide, header and footer.
 * Builders use it to keep text at 8 pt or more after fitting (a sheet too wide for that is laid
 * out differently, not shrunk), to place manual page breaks so no chart is cut, and to size rows
 * whose text wraps. Pure: widths come from ./textWidth.
 */
import { isoDate } from "./dates";
import type { Language } from "./messages";
import { cellAddress, columnLetter, isText, parseCell, PrintSpec, SheetSpec, TableSpec } from "./spec";
import { columnPixels, fontOf, lineHeight, widthFor, wrapLines } from "./textWidth";

/** A4 in points, landscape. */
export const PAGE_POINTS = { width: 841.89, height: 595.28 } as const;
/** Margins in inches, as both hosts write them (Excel's "narrow" sides, its normal top and bottom). */
export const MARGINS_INCHES = { left: 0.45, right: 0.45, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;
/** The smallest text a printed sheet may show, in points. */
export const MIN_PRINTED_POINTS = 8;
/** Body text is Calibri 11: fitting may scale it down to 8 pt, no further. */
export const MIN_SCALE = MIN_PRINTED_POINTS / 11;
/** Excel's default row height for Calibri 11, in points. */
export const ROW_POINTS = 15;

/**
 * Charts' text size in points (Excel's default is 9), as large as the cells': printed at a sheet's
 * scale it stays at 8 pt or more wherever the cells' text does, also in LibreOffice (which draws
 * columns about 6% wider, so it prints a little smaller). Titles are 1.5 pt larger.
 */
export const CHART_FONT_POINTS = 11;
/**
 * How much wider LibreOffice draws a column than Excel (Carlito unhinted, 7.43 px per digit,
 * against Excel's 7): its fit-to-width scale is Excel's divided by this.
 */
export const LIBREOFFICE_WIDER = 7.43 / 7;

/** Width of the page inside the margins, in points. */
export const PRINTABLE_WIDTH = PAGE_POINTS.width - 72 * (MARGINS_INCHES.left + MARGINS_INCHES.right);
/** Height of the page inside the margins, in points. */
export const PRINTABLE_HEIGHT = PAGE_POINTS.height - 72 * (MARGINS_INCHES.top + MARGINS_INCHES.bottom);

/** Points of a column `width` wide (Excel's pixels at 96 dpi). */
export const columnPoints = (width: number): number => columnPixels(width) * 0.75;

/**
 * The fit-to-width scale for columns this wide, as Excel picks it: a whole percentage, never
 * above 100%.
 *
 * @example
 * printScale([50, 50, 50]) // → 1: 150 characters fit at full size
 */
export function printScale(widths: readonly number[]): number {
  const points = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  return Math.min(100, Math.floor((100 * PRINTABLE_WIDTH) / points)) / 100;
}

/**
 * The widest of each column over several width sets: builders size a sheet for both languages,
 * so it pages alike whichever language it is made in.
 *
 * @example
 * widest({ A: 10, B: 8 }, { A: 12 }) // → { A: 12, B: 8 }
 */
export function widest(...sets: Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const set of sets) for (const [column, width] of Object.entries(set)) out[column] = Math.max(out[column] ?? 0, width);
  return out;
}

/** The widths of columns `first` … `last` (0-based), 8.43 (Excel's default) where none is set. */
export function widthsOf(widths: Record<string, number>, first: number, last: number): number[] {
  const out: number[] = [];
  for (let c = first; c <= last; c++) out.push(widths[columnLetter(c)] ?? 8.43);
  return out;
}

const PAGE_TEXT: Record<Language, { page: string; of: string; made: (date: string) => string }> = {
  nl: { page: "pagina", of: "van", made: (date) => `gemaakt op ${date}` },
  en: { page: "page", of: "of", made: (date) => `made on ${date}` },
};

export interface PrintOptions {
  title: string;
  language: Language;
  /** Excel serial of the day the sheet was made. */
  createdOn: number;
  /** The printed range, "A1:P56". */
  area: string;
  titleRows?: { first: number; last: number };
  breaksBefore?: number[];
}

/** A4 landscape, one page wide, the title and date in the header, "pagina 1 van 3" in the footer. */
export function printSpec(options: PrintOptions): PrintSpec {
  const words = PAGE_TEXT[options.language];
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    title: options.title,
    made: words.made(isoDate(options.createdOn)),
    pageWords: { page: words.page, of: words.of },
    area: options.area,
    ...(options.titleRows !== undefined && { titleRows: options.titleRows }),
    ...(options.breaksBefore !== undefined && options.breaksBefore.length > 0 && { breaksBefore: options.breaksBefore }),
  };
}

/** Pixels of columns `first` … `last` together (0-based), for wrapping text across them. */
export function spanPixels(widths: Record<string, number>, first: number, last: number): number {
  return widthsOf(widths, first, last).reduce((sum, w) => sum + columnPixels(w), 0);
}

/** Height in points of a header row whose texts wrap in their columns. */
function headerHeight(texts: readonly (string | undefined)[], firstColumn: number, widths: Record<string, number>): number {
  let lines = 1;
  texts.forEach((text, c) => {
    if (text === undefined) return;
    const pixels = columnPixels(widths[columnLetter(firstColumn + c)] ?? 8.43);
    lines = Math.max(lines, wrapLines(text, pixels, fontOf("header")).length);
  });
  return lines * ROW_POINTS;
}

/**
 * Row heights the hosts must set, since neither re-measures: titles and subtitles for their
 * font size, header rows (blocks styled "header" and every table's header row) for the lines
 * their texts wrap into. Explicit heights in `spec.rowHeights` win.
 */
export function rowHeightsOf(spec: Pick<SheetSpec, "blocks" | "tables" | "columnWidths" | "rowHeights">): Record<number, number> {
  const widths = spec.columnWidths ?? {};
  const heights: Record<number, number> = {};
  const raise = (row: number, points: number): void => {
    if (points > (heights[row + 1] ?? ROW_POINTS)) heights[row + 1] = points;
  };
  for (const block of spec.blocks) {
    const start = parseCell(block.at);
    block.cells.forEach((line, r) => {
      if (block.style === "title" || block.style === "subtitle") raise(start.row + r, lineHeight(fontOf(block.style).size));
      if (block.style === "header") {
        raise(start.row + r, headerHeight(line.map((cell) => (cell !== null && isText(cell) ? cell.text : undefined)), start.column, widths));
      }
    });
  }
  for (const table of spec.tables as TableSpec[]) {
    const start = parseCell(table.at);
    raise(start.row, headerHeight(table.columns.map((c) => c.header), start.column, widths));
  }
  return { ...heights, ...spec.rowHeights };
}

/** "A1:P56" for 0-based corners. */
export const areaOf = (top: number, left: number, bottom: number, right: number): string =>
  `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;

/**
 * Plans the printed pages of a sheet fitted one page wide: which row starts each page, given the
 * scale and the rows' heights. Content is placed top-down; `place` moves a group of rows that
 * would straddle a page boundary (a chart, a table of figures) to the next page. Every boundary
 * becomes a manual page break, so Excel and LibreOffice break exactly where the plan says (each
 * planned page keeps a row of room for their own rounding).
 */
export class Pager {
  private readonly starts: number[] = [0];
  private readonly capacity: number;
  private readonly laterCapacity: number;

  /**
   * @param scale the fit-to-width scale (`printScale`)
   * @param height points of a 0-based row
   * @param titleRows 0-based rows repeated at the top of every later page
   */
  constructor(
    scale: number,
    private readonly height: (row: number) => number,
    titleRows?: { first: number; last: number },
  ) {
    this.capacity = PRINTABLE_HEIGHT / scale - ROW_POINTS;
    let repeated = 0;
    if (titleRows) for (let r = titleRows.first; r <= titleRows.last; r++) repeated += height(r);
    this.laterCapacity = this.capacity - repeated;
  }

  /** 0-based first row of the page holding `row`, planning pages up to it. */
  pageStart(row: number): number {
    for (;;) {
      const last = this.starts[this.starts.length - 1] as number;
      if (row < last) {
        for (let i = this.starts.length - 1; i >= 0; i--) if ((this.starts[i] as number) <= row) return this.starts[i] as number;
      }
      const end = this.pageEnd(last);
      if (row < end) return last;
      this.starts.push(end);
    }
  }

  /** The first row after the page starting at `start`. */
  pageEnd(start: number): number {
    const room = start === 0 ? this.capacity : this.laterCapacity;
    let used = 0;
    let row = start;
    while (used + this.height(row) <= room) used += this.height(row++);
    return Math.max(row, start + 1);
  }

  /**
   * Keeps rows `row` … `row + count - 1` (a chart, a table of figures) on one page: when they
   * would cross the end of the page holding `row`, a new page starts at `row`. Content stays
   * where it is; only the page boundary moves.
   */
  keepTogether(row: number, count: number): void {
    const start = this.pageStart(row);
    if (row === start || row + count <= this.pageEnd(start)) return;
    // Pages planned after this one assumed the old boundary: plan them again from `row`.
    while ((this.starts[this.starts.length - 1] as number) > start) this.starts.pop();
    this.starts.push(row);
  }

  /** 1-based rows that start a page after the first, up to and including `lastRow` (0-based). */
  breaksUpTo(lastRow: number): number[] {
    this.pageStart(lastRow);
    return this.starts.filter((start) => start > 0 && start <= lastRow).map((start) => start + 1);
  }
}

/**
 * The manual page breaks of a sheet: its rows' heights as the hosts set them, fitted at `scale`,
 * each group of rows kept on one page, every boundary up to `lastRow` (0-based) a break.
 *
 * @example
 * pageBreaks(spec, 0.8, { first: 3, last: 3 }, panel.groups, 56) // → [40, 79]
 */
export function pageBreaks(
  spec: Pick<SheetSpec, "blocks" | "tables" | "columnWidths" | "rowHeights">,
  scale: number,
  titleRows: { first: number; last: number } | undefined,
  groups: readonly [number, number][],
  lastRow: number,
): number[] {
  const heights = rowHeightsOf(spec);
  const pager = new Pager(scale, (row) => heights[row + 1] ?? ROW_POINTS, titleRows);
  for (const [row, count] of [...groups].sort((a, b) => a[0] - b[0])) pager.keepTogether(row, count);
  return pager.breaksUpTo(lastRow);
}

/**
 * Widths of a block's columns from `firstColumn` on: each header wraps into at most three lines,
 * each text below it fits on one line (its neighbour is filled), at least `minimum`.
 *
 * @example
 * fitColumns(widths, 23, [header, ...rows], 11) // the fan table's columns from X
 */
export function fitColumns(widths: Record<string, number>, firstColumn: number, rows: readonly (readonly unknown[])[], minimum: number): void {
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || typeof cell !== "object" || !isText(cell as never)) return;
      const text = (cell as { text: string }).text;
      const letter = columnLetter(firstColumn + c);
      widths[letter] = Math.max(widths[letter] ?? 0, minimum, r === 0 ? headerWidth(text) : widthFor(text));
    }),
  );
}

/**
 * The narrowest width (in steps of ½) at which a header wraps into at most `lines` lines, and
 * its longest word fits.
 *
 * @example
 * headerWidth("Wachttijd nieuwe aanvraag (weken)") // → 15.5
 */
export function headerWidth(header: string, lines = 3): number {
  const font = fontOf("header");
  let width = Math.max(...header.split(" ").map((word) => widthFor(word, font)));
  while (wrapLines(header, columnPixels(width), font).length > lines) width += 0.5;
  return width;
}
