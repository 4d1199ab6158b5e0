import { Cell, isDate, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";

/**
 * Every cell a spec writes, blocks and tables (header row included), by 0-based "row,column".
 *
 * @example
 * specCells(spec).get("0,0") // the title cell A1
 */
export function specCells(spec: SheetSpec): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const put = (at: string, rows: Cell[][]): void => {
    const start = parseCell(at);
    rows.forEach((line, r) => line.forEach((cell, c) => out.set(`${start.row + r},${start.column + c}`, cell)));
  };
  for (const block of spec.blocks) put(block.at, block.cells);
  for (const table of spec.tables) put(table.at, [table.columns.map((c) => ({ text: c.header })), ...table.rows]);
  return out;
}

/**
 * A spec cell as a spreadsheet engine takes it (HyperFormula's raw content): a formula's text,
 * literal text, a number (a date as its 1900-system serial), a boolean or null.
 *
 * @example
 * rawContent(formula("=1+1")) // → "=1+1"
 */
export function rawContent(cell: Cell): string | number | boolean | null {
  if (cell === null || typeof cell === "number" || typeof cell === "boolean") return cell;
  if (isFormula(cell)) return cell.formula;
  if (isDate(cell)) return cell.date;
  if (isText(cell)) return cell.text;
  return null;
}

/** A spec's cells as a rectangular grid of raw contents (HyperFormula's input), blanks as null. */
export function specGrid(spec: SheetSpec): (string | number | boolean | null)[][] {
  const cells = specCells(spec);
  let rows = 0;
  let columns = 0;
  for (const key of cells.keys()) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    rows = Math.max(rows, r + 1);
    columns = Math.max(columns, c + 1);
  }
  const grid: (string | number | boolean | null)[][] = Array.from({ length: rows }, () => new Array(columns).fill(null));
  for (const [key, cell] of cells) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    (grid[r] as unknown[])[c] = rawContent(cell);
  }
  return grid;
}
