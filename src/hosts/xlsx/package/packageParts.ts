/**
 * What the transplant needs to know about a package's parts: its tables, which sheets are the
 * add-in's own (they hold a spec's marker table), which parts only such a sheet reaches, and the
 * content types with the new parts added.
 */
import type { SheetSpec } from "../../../sheets/spec";
import { ownerOfRels, resolveTarget, type OpcPackage } from "./opcPackage";
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

/** Spec index → index of the add-in's earlier sheet with that spec's marker table. */
export function findOwnSheets(pkg: OpcPackage, specs: readonly SheetSpec[], tables: readonly TableInfo[]): Map<number, number> {
  const own = new Map<number, number>();
  const claimed = new Set<number>();
  specs.forEach((spec, i) => {
    const marker = tables.find((t) => t.name.toLowerCase() === spec.markerTable.toLowerCase() && !claimed.has(t.sheetIndex));
    if (!marker || pkg.sheets[marker.sheetIndex]?.kind !== "worksheet") return;
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
