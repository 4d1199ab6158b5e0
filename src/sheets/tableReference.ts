/**
 * Structured references to an Excel Table, as a defined name or a pane field holds them:
 * `Planning[Instroom]`, `Planning[[#Data],[Instroom]]`, `Planning[#Data]`, `Planning[]`, a column
 * name with spaces, and the escapes `'[`, `']`, `'#` and `''`. Host-neutral: each host resolves the
 * parsed reference against its own tables (the .xlsx host through the table parts, the pane through
 * `tables.getItem(…).columns.getItem(…).getDataBodyRange()`). Header and totals rows are never data:
 * a reference that takes them is refused.
 */

/** The special items of a structured reference, lower case. */
export type TableSpecial = "#all" | "#data" | "#headers" | "#totals" | "#this row";

export interface TableReference {
  table: string;
  /** The column, or the first and last of a column range; undefined for every column. */
  columns: [string] | [string, string] | undefined;
  /** The special items given (#Data, #All, …); empty for the plain `Table[Column]`. */
  specials: TableSpecial[];
}

const SPECIALS: readonly TableSpecial[] = ["#all", "#data", "#headers", "#totals", "#this row"];
/** A table name: a letter, "_" or "\" first (Excel's rule for names), no spaces. */
const TABLE = /^([A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*)\[([\s\S]*)\]$/;

/** One bracketed item's text with Excel's escapes undone: `'[` → `[`, `''` → `'`. */
const unescapeItem = (text: string): string => text.replace(/'(.)/g, "$1");

/**
 * Splits the inside of `[[…],[…]:[…]]` into its items and the separators between them; undefined
 * when the brackets do not pair up. An apostrophe escapes the character after it.
 */
function items(inner: string): { items: string[]; separators: string[] } | undefined {
  const found: string[] = [];
  const separators: string[] = [];
  let i = 0;
  while (i < inner.length) {
    while (inner[i] === " ") i++;
    if (inner[i] !== "[") return undefined;
    let j = i + 1;
    let text = "";
    while (j < inner.length && inner[j] !== "]") {
      if (inner[j] === "'" && j + 1 < inner.length) {
        text += inner.slice(j, j + 2);
        j += 2;
      } else text += inner[j++];
    }
    if (j >= inner.length) return undefined;
    found.push(text);
    i = j + 1;
    while (inner[i] === " ") i++;
    if (i < inner.length) {
      if (inner[i] !== "," && inner[i] !== ":") return undefined;
      separators.push(inner[i] as string);
      i++;
    }
  }
  return { items: found, separators };
}

/**
 * A structured reference, or undefined for any other text (an address, a name, a formula).
 *
 * @example
 * parseTableReference("Planning[[#Data],[Instroom per week]]")
 * // → { table: "Planning", columns: ["Instroom per week"], specials: ["#data"] }
 */
export function parseTableReference(text: string): TableReference | undefined {
  const m = TABLE.exec(text.trim().replace(/^=/, ""));
  if (!m) return undefined;
  const table = m[1] as string;
  const inner = m[2] as string;
  if (inner.trim() === "") return { table, columns: undefined, specials: [] };
  // The short forms: `Table[Column]`, `Table[#Data]`, `Table[@Column]` (this row).
  if (!inner.trimStart().startsWith("[")) {
    if (inner.startsWith("@")) return { table, columns: [unescapeItem(inner.slice(1))], specials: ["#this row"] };
    const special = SPECIALS.find((s) => s === inner.trim().toLowerCase());
    if (special) return { table, columns: undefined, specials: [special] };
    if (/(^|[^'])[[\]]/.test(inner)) return undefined;
    return { table, columns: [unescapeItem(inner)], specials: [] };
  }
  const parsed = items(inner);
  if (!parsed) return undefined;
  const specials: TableSpecial[] = [];
  const columns: string[] = [];
  for (const item of parsed.items) {
    const special = SPECIALS.find((s) => s === item.trim().toLowerCase());
    if (special) specials.push(special);
    else columns.push(unescapeItem(item));
  }
  const ranged = parsed.separators.includes(":");
  if (columns.length > 2 || (columns.length === 2 && !ranged) || (ranged && columns.length !== 2)) return undefined;
  return {
    table,
    columns: columns.length === 0 ? undefined : (columns as [string] | [string, string]),
    specials,
  };
}

/**
 * Whether the reference takes data rows only: no special item, or #Data alone. A header or a
 * totals row is never a week's figure, so a reference that takes one (#All, #Headers, #Totals) is
 * refused rather than read in part, and "this row" (@) means nothing outside the table.
 */
export function takesDataRows(reference: TableReference): boolean {
  return reference.specials.every((special) => special === "#data");
}

/** A table's layout as a host knows it: where it is and which rows are headers and totals. */
export interface TableLayout {
  name: string;
  sheet: string;
  /** 1-based corners of the whole table, headers and totals included. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

export type TableRangeResult =
  | { ok: true; sheet: string; top: number; left: number; bottom: number; right: number }
  | { ok: false; reason: "no-column"; column: string }
  /** The reference takes only the headers, the totals or "this row": no data rows. */
  | { ok: false; reason: "not-data" }
  /** The table has no data rows at all (only its header). */
  | { ok: false; reason: "empty" };

/**
 * The cells of the table's data rows that the reference takes (1-based corners); column names
 * compare as Excel compares them, ignoring case.
 *
 * @example
 * tableRange(layout, parseTableReference("Planning[Instroom]")!) // → { ok: true, sheet: "Invoer", top: 5, … }
 */
export function tableRange(table: TableLayout, reference: TableReference): TableRangeResult {
  if (!takesDataRows(reference)) return { ok: false, reason: "not-data" };
  const index = (name: string): number => table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  let left = table.left;
  let right = table.right;
  if (reference.columns) {
    const [first, last = first] = reference.columns;
    const from = index(first);
    if (from < 0) return { ok: false, reason: "no-column", column: first };
    const to = index(last);
    if (to < 0) return { ok: false, reason: "no-column", column: last };
    left = table.left + Math.min(from, to);
    right = table.left + Math.max(from, to);
  }
  const top = table.top + table.headerRows;
  const bottom = table.bottom - table.totalsRows;
  if (bottom < top) return { ok: false, reason: "empty" };
  return { ok: true, sheet: table.sheet, top, left, bottom, right };
}
