/**
 * Cell values read straight from a worksheet part: shared strings, inline strings, booleans,
 * errors, dates and cached formula results, positioned by `r` or, where a writer leaves it out,
 * by order.
 */
import { parseCell } from "../../../sheets/spec";
import { decodeEscapes, stringItemText } from "./opcPackage";
import { attributes, unescapeXml } from "./xml";

/** A cell as the input reader wants it; `noResult` for a formula saved without its value. */
export type SheetValue = { value: unknown } | { noResult: true };

export interface SheetCells {
  /** "row,column" (1-based) → value. */
  cells: Map<string, SheetValue>;
  /** The last row and column that hold a cell element at all. */
  lastRow: number;
  lastColumn: number;
  /** Merged ranges as 1-based corners. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export const cellKey = (row: number, column: number): string => `${row},${column}`;

function cellValue(open: Record<string, string>, body: string, strings: readonly string[]): SheetValue {
  const type = open["t"] ?? "n";
  // `<v/>` and `<v></v>` hold no value, as no `<v>` at all.
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body)?.[1];
  const hasFormula = /<(?:\w+:)?f\b/.test(body);
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1];
    return { value: is === undefined ? null : stringItemText(is) };
  }
  // A formula without a stored result (openpyxl writes `<f>…</f><v></v>`): never read as blank.
  // Only a text result (t="str") can be empty: Excel writes `<v></v>` for a formula giving "".
  if (hasFormula && (v === undefined || (v.trim() === "" && type !== "str"))) return { noResult: true };
  if (v === undefined) return { value: null };
  const text = unescapeXml(v);
  switch (type) {
    case "s":
      return { value: strings[Number(text)] ?? null };
    case "str":
      return { value: decodeEscapes(text) };
    case "b":
      return { value: text.trim() === "1" || text.trim() === "true" };
    case "e":
      return { value: { error: text.trim() } };
    case "d": {
      const date = new Date(text.trim().length <= 10 ? `${text.trim()}T00:00:00Z` : `${text.trim()}Z`.replace(/ZZ$/, "Z"));
      return { value: Number.isNaN(date.getTime()) ? text : date };
    }
    default:
      return { value: text.trim() === "" ? null : Number(text) };
  }
}

function readMerges(xml: string): SheetCells["merges"] {
  return [...xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)].flatMap((m) => {
    const [from, to] = (attributes(m[0])["ref"] ?? "").split(":");
    if (!from) return [];
    const a = parseCell(from.replace(/\$/g, ""));
    const b = parseCell((to ?? from).replace(/\$/g, ""));
    return [{ top: a.row + 1, left: a.column + 1, bottom: b.row + 1, right: b.column + 1 }];
  });
}

/**
 * Every cell of a worksheet part.
 *
 * @example
 * readSheetCells(pkg.text("xl/worksheets/sheet1.xml"), sharedStrings).cells.get(cellKey(3, 2))
 */
export function readSheetCells(xml: string, strings: readonly string[]): SheetCells {
  const cells = new Map<string, SheetValue>();
  let lastRow = 0;
  let lastColumn = 0;
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? "";
  let row = 0;
  const rowPattern = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  for (const rowMatch of data.matchAll(rowPattern)) {
    const rowAttributes = attributes(`<row ${rowMatch[1] ?? ""}>`);
    row = rowAttributes["r"] ? Number(rowAttributes["r"]) : row + 1;
    let column = 0;
    const cellPattern = /<(?:\w+:)?c\b((?:"[^"]*"|'[^']*'|[^'">/])*)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
    for (const cellMatch of (rowMatch[2] ?? "").matchAll(cellPattern)) {
      const open = attributes(`<c ${cellMatch[1] ?? ""}>`);
      if (open["r"]) {
        const at = parseCell(open["r"].replace(/\$/g, ""));
        column = at.column + 1;
      } else column += 1;
      lastRow = Math.max(lastRow, row);
      lastColumn = Math.max(lastColumn, column);
      cells.set(cellKey(row, column), cellValue(open, cellMatch[2] ?? "", strings));
    }
  }
  return { cells, lastRow, lastColumn, merges: readMerges(xml) };
}
