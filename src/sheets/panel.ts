/**
 * A column of content placed top-down (a summary beside a weekly table, the blocks of a what-if
 * sheet): subtitles, figures with their labels, wrapped notes, small tables and charts. Given the
 * sheet's printed page, each group of rows (a section, a chart) moves down to the next page when
 * it would be cut by a page's end, so printing never splits it. Pure: it collects Blocks and
 * ChartSpecs and knows its next free row.
 */
import { Pager, ROW_POINTS, rowHeightsOf, spanPixels } from "./page";
import { absoluteAddress, Block, Cell, cellAddress, CellStyle, ChartSpec, text } from "./spec";
import { fontOf, wrapLines } from "./textWidth";

export interface PanelFrame {
  /** 0-based first column: labels go here, figures in the columns to its right. */
  column: number;
  /** Columns the panel spans (charts and notes use them all). */
  columns: number;
  /** The sheet's column widths, to wrap notes across the panel. */
  widths: Record<string, number>;
}

/** The printed page the panel's content must not be cut by. */
export interface PanelPages {
  /** The fit-to-width scale (`printScale`). */
  scale: number;
  /** Heights (1-based row → points) of the sheet's rows outside the panel: its title, a table's header. */
  heights: Record<number, number>;
  /** 0-based rows repeated at the top of every later page. */
  titleRows?: { first: number; last: number };
}

/** A chart as a builder describes it; the panel gives it its place and size. */
export type PanelChart = Omit<ChartSpec, "at" | "widthColumns" | "heightRows">;

export class Panel {
  readonly blocks: Block[] = [];
  readonly charts: ChartSpec[] = [];
  /** Rows that must stay on one printed page, as [first row, count], for `pageBreaks`. */
  readonly groups: [number, number][] = [];

  /** @param row 0-based row of the panel's first content */
  constructor(
    readonly frame: PanelFrame,
    public row: number,
    private readonly pages?: PanelPages,
  ) {}

  /** Pixels of the panel's full width, for wrapping notes. */
  get pixels(): number {
    return spanPixels(this.frame.widths, this.frame.column, this.frame.column + this.frame.columns - 1);
  }

  private at(offset = 0): string {
    return cellAddress(this.row, this.frame.column + offset);
  }

  /** The sheet's pages as planned with what the panel holds so far. */
  private pager(): Pager | undefined {
    if (!this.pages) return undefined;
    const own = rowHeightsOf({ blocks: this.blocks, tables: [], columnWidths: this.frame.widths });
    const heights = { ...this.pages.heights, ...own };
    return new Pager(this.pages.scale, (row) => heights[row + 1] ?? ROW_POINTS, this.pages.titleRows);
  }

  /**
   * Content written by `build` kept on one printed page as a whole (a section with its title,
   * figures and chart, a chart, a note): when it would cross a page's end, it is written again
   * from the top of the next page, leaving the rest of this page empty in the panel.
   */
  section(build: () => void): this {
    const start = this.row;
    const counts = [this.blocks.length, this.charts.length, this.groups.length];
    build();
    const pager = this.pager();
    if (pager) {
      const page = pager.pageStart(start);
      if (start !== page && this.row > pager.pageEnd(page)) {
        // A chart first leaves the new page's first row empty: LibreOffice draws a chart's top
        // edge on the page before when the chart starts right at a page break.
        const chartFirst = this.charts.length > (counts[1] as number) && this.charts[counts[1] as number]?.at === this.at(0).replace(/\d+$/, String(start + 1));
        this.blocks.length = counts[0] as number;
        this.charts.length = counts[1] as number;
        this.groups.length = counts[2] as number;
        const moved = pager.pageEnd(page);
        this.row = moved + (chartFirst ? 1 : 0);
        build();
        this.groups.push([moved, this.row - moved]);
        return this;
      }
    }
    this.groups.push([start, this.row - start]);
    return this;
  }

  /** Leaves `rows` empty rows. */
  gap(rows = 1): this {
    this.row += rows;
    return this;
  }

  /** A text wrapped to the panel's width, one line per row, kept on one page. */
  lines(value: string, style: CellStyle = "note"): this {
    return this.section(() => {
      const lines = wrapLines(value, this.pixels, fontOf(style));
      this.blocks.push({ at: this.at(), cells: lines.map((line) => [text(line)]), style });
      this.row += lines.length;
    });
  }

  /** A subtitle; keep it with what follows by writing both in one `section`. */
  subtitle(value: string): this {
    this.blocks.push({ at: this.at(), cells: [[text(value)]], style: "subtitle" });
    this.row += 1;
    return this;
  }

  /**
   * One figure: its label, its value (and optionally a second value beside it) in the next
   * columns. Returns the value cell's absolute address, for formulas that read it.
   */
  figure(label: string, value: Cell, format: string, second?: { value: Cell; format: string; style?: CellStyle }, style: CellStyle = "output"): string {
    this.blocks.push({ at: this.at(0), cells: [[text(label)]], style: "label" });
    this.blocks.push({ at: this.at(1), cells: [[value]], numberFormat: format, style });
    if (second) {
      const note = second.value !== null && typeof second.value === "object" && "text" in second.value;
      this.blocks.push({ at: this.at(2), cells: [[second.value]], numberFormat: second.format, style: second.style ?? (note ? "note" : "output") });
    }
    const address = absoluteAddress(this.at(1));
    this.row += 1;
    return address;
  }

  /** A formula cell across the panel (a sentence, a warning), one row. Returns its address. */
  formulaLine(value: Cell, style: CellStyle): string {
    this.blocks.push({ at: this.at(), cells: [[value]], style });
    const address = absoluteAddress(this.at());
    this.row += 1;
    return address;
  }

  /** A small table: a header row and rows of cells from the panel's first column, kept together. */
  grid(header: readonly string[], rows: Cell[][], formats: readonly string[]): this {
    return this.section(() => {
      this.blocks.push({ at: this.at(), cells: [header.map((h) => text(h))], style: "header" });
      this.row += 1;
      this.blocks.push({ at: this.at(), cells: rows.map((r) => [r[0] as Cell]), style: "label" });
      this.blocks.push({ at: this.at(1), cells: rows.map((r) => r.slice(1)), numberFormat: [...formats], style: "output" });
      this.row += rows.length;
    });
  }

  /** A chart over the panel's full width, `rows` tall, kept on one page. */
  chart(chart: PanelChart, rows: number): this {
    return this.section(() => {
      this.charts.push({ ...chart, at: this.at(), widthColumns: this.frame.columns, heightRows: rows });
      this.row += rows;
    });
  }
}

/**
 * A value axis' lowest value for data between `min` and `max`, when those are fixed: a round
 * number about a quarter of the data's spread below its lowest point, so a backlog moving
 * between 1000 and 1450 is not a flat line at the top. Undefined (Excel's automatic axis, from
 * 0) when the data come near 0 anyway.
 *
 * @example
 * axisMinimum(1140, 1440) // → 1000
 */
export function axisMinimum(min: number, max: number): number | undefined {
  const spread = Math.max(max - min, Math.abs(max) * 0.05, 1e-9);
  const step = 10 ** Math.floor(Math.log10(spread));
  const floor = Math.floor((min - spread / 4) / step) * step;
  return floor > 0 && min > 0.3 * max ? floor : undefined;
}
