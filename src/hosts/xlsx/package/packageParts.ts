/**
 * What the transplant needs to know about a package's parts: its tables, which sheets are the
 * add-in's own (they hold a spec's marker table), which parts only such a sheet reaches, and the
 * content types with the new parts added.
 */
import { isGivenSheetName, isMarkerTableName } from "../../../sheets/inputs";
import { parseCell, type SheetSpec } from "../../../sheets/spec";
import type { TableLayout } from "../../../sheets/tableReference";
import { decodeEscapes, ownerOfRels, resolveTarget, type OpcPackage } from "./opcPackage";
import { attributes, escapeXml } from "./xml";

export interface TableInfo {
  /** Index of the sheet holding the table. */
  sheetIndex: number;
  part: string;
  /** The name formulas and the Name Manager use (displayName). */
  name: string;
  id: number;
}

/** Every table of every worksheet. */
export function tableInfo(pkg: OpcPackage): TableInfo[] {
  return pkg.sheets.flatMap((sheet, sheetIndex) => {
    if (!sheet.part || !pkg.has(sheet.part)) return [];
    return pkg
      .relationships(sheet.part)
      .filter((rel) => !rel.external && rel.type.endsWith("/table") && pkg.has(rel.target))
      .map((rel) => {
        const a = attributes(/<(?:\w+:)?table\b[^>]*>/.exec(pkg.text(rel.target))?.[0] ?? "");
        return { sheetIndex, part: rel.target, name: a["displayName"] ?? a["name"] ?? "", id: Number(a["id"] ?? 0) };
      });
  });
}

/** Every table's place, header and totals rows and column names, for structured references. */
export function tableLayouts(pkg: OpcPackage, tables: readonly TableInfo[] = tableInfo(pkg)): TableLayout[] {
  return tables.flatMap((table) => {
    const xml = pkg.text(table.part);
    const a = attributes(/<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "");
    const [from, to = from] = (a["ref"] ?? "").replace(/\$/g, "").split(":");
    const sheet = pkg.sheets[table.sheetIndex]?.name;
    if (!from || !to || sheet === undefined) return [];
    const p = parseCell(from);
    const q = parseCell(to);
    // Column names as Excel shows them: a line break is stored as _x000a_.
    const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b[^>]*>/g)].map((m) => decodeEscapes(attributes(m[0])["name"] ?? ""));
    return [
      {
        name: table.name,
        sheet,
        top: p.row + 1,
        left: p.column + 1,
        bottom: q.row + 1,
        right: q.column + 1,
        headerRows: Number(a["headerRowCount"] ?? 1),
        totalsRows: Number(a["totalsRowCount"] ?? 0),
        columns,
      },
    ];
  });
}

/**
 * Spec index → index of the add-in's earlier sheet with that spec's marker table (or the marker
 * made free, "_2"), still under a name the add-in gives it. A sheet of ours that the planner renamed
 * ("Prognose maart") is theirs: it is kept, and the spec is written as a new sheet.
 */
export function findOwnSheets(pkg: OpcPackage, specs: readonly SheetSpec[], tables: readonly TableInfo[]): Map<number, number> {
  const own = new Map<number, number>();
  const claimed = new Set<number>();
  specs.forEach((spec, i) => {
    const marker = tables.find((t) => {
      const sheet = pkg.sheets[t.sheetIndex];
      return (
        isMarkerTableName(t.name, spec.markerTable) &&
        !claimed.has(t.sheetIndex) &&
        sheet?.kind === "worksheet" &&
        isGivenSheetName(sheet.name, spec.name)
      );
    });
    if (!marker) return;
    own.set(i, marker.sheetIndex);
    claimed.add(marker.sheetIndex);
  });
  return own;
}

/** Parts reachable through relationships from `roots`, never entering `excluded`. */
function reachable(pkg: OpcPackage, roots: readonly string[], excluded: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue = roots.filter((r) => !excluded.has(r));
  while (queue.length > 0) {
    const part = queue.pop() as string;
    if (seen.has(part) || !pkg.has(part)) continue;
    seen.add(part);
    for (const rel of pkg.relationships(part)) {
      if (!rel.external && !excluded.has(rel.target)) queue.push(rel.target);
    }
  }
  return seen;
}

/**
 * The parts only `sheetPart` reaches: the sheet, its tables, drawings, charts. A part anything
 * else in the package also reaches (a shared image, a pivot cache) is kept.
 */
export function partsReachedFrom(pkg: OpcPackage, sheetPart: string): Set<string> {
  const mine = reachable(pkg, [sheetPart], new Set());
  const rest = reachable(pkg, [""], new Set([sheetPart]));
  // The package root "" is not a part; its relationships are read all the same.
  for (const rel of pkg.relationships("")) if (!rel.external) rest.add(rel.target);
  return new Set([...mine].filter((part) => !rest.has(part)));
}

/**
 * The user's [Content_Types].xml with an Override for every new part and none for removed ones.
 */
export function contentTypesWith(
  pkg: OpcPackage,
  added: readonly { part: string; type: string }[],
  removed: ReadonlySet<string>,
): string {
  const xml = pkg.contentTypesXml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (tag) => {
    const part = resolveTarget("", attributes(tag)["PartName"] ?? "");
    // A removed part's relationships part goes with it.
    return removed.has(part) || removed.has(ownerOfRels(part)) ? "" : tag;
  });
  const prefix = /<(\w+:)?Types\b/.exec(xml)?.[1] ?? "";
  const extra = added
    .filter((a) => a.type !== "" && pkg.contentType(a.part) !== a.type)
    .map((a) => `<${prefix}Override PartName="/${escapeXml(a.part)}" ContentType="${escapeXml(a.type)}"/>`)
    .join("");
  return xml.replace(/<\/(\w+:)?Types>\s*$/, (close) => `${extra}${close}`);
}
