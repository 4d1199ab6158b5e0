/**
 * Transplant, don't round-trip: the add-in's sheets are rendered in a scratch package and moved
 * into the user's package as new parts. Every part of the user's comes back byte for byte; only
 * the content types, the workbook part and its relationships, and the style sheet change, and
 * only by additions. A rerun removes the add-in's own earlier sheets (recognised by their marker
 * table) and nothing else.
 */
import type { SheetSpec } from "../../../sheets/spec";
import { uniqueSheetName } from "../writeSheet";
import { folderOf, OpcPackage, openPackage, ownerOfRels, readSharedStrings, relativeTarget, relsPartOf } from "./opcPackage";
import { PackageRefusal } from "./refusal";
import { renderScratch } from "./scratch";
import { mergeStyles } from "./styles";
import { attributes, escapeXml } from "./xml";
import { inflateEntry, newEntry, writeZip, ZipEntry } from "./zip";
import { contentTypesWith, findOwnSheets, partsReachedFrom, tableInfo, TableInfo } from "./packageParts";
import {
  editRelationships,
  editWorkbook,
  freeRelationshipIds,
  NewSheet,
  refuseLockedStructure,
  scratchSheetNames,
  usesDate1904,
} from "./workbookPart";

export interface WriteXlsxOptions {
  /** The output file's name: a workbook with macros is refused under a name ending in .xlsx. */
  outputName?: string;
}

export interface WriteXlsxResult {
  bytes: Buffer;
  /** The final names of the add-in's sheets, in spec order. */
  sheetNames: string[];
  /** True when the workbook holds macros, so the output must be an .xlsm. */
  macroEnabled: boolean;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIPS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";

/** Table names made unique against the user's tables (case-insensitive), "_2", "_3", … */
function withFreeTableNames(spec: SheetSpec, taken: Set<string>): SheetSpec {
  const rename = new Map<string, string>();
  const tables = spec.tables.map((table) => {
    let name = table.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${table.name}_${n}`;
    taken.add(name.toLowerCase());
    rename.set(table.name, name);
    return { ...table, name };
  });
  return { ...spec, tables, markerTable: rename.get(spec.markerTable) ?? spec.markerTable };
}

/** The first free name "stem" + n + ext among `taken` (lower-cased part names). */
function freePart(taken: Set<string>, folder: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${folder}/${stem}${n}${ext}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** Style indices remapped and shared strings made inline: the sheet no longer needs the scratch's parts. */
function adaptSheetXml(
  xml: string,
  styleMap: readonly number[] | undefined,
  strings: readonly string[],
  dxfMap?: readonly number[],
): string {
  const style = (n: string): string => String(styleMap ? (styleMap[Number(n)] ?? 0) : n);
  const dxf = (n: string): string => String(dxfMap ? (dxfMap[Number(n)] ?? 0) : n);
  return xml
    .replace(/(<cfRule\b[^>]*?\bdxfId=")(\d+)"/g, (_, head: string, n: string) => `${head}${dxf(n)}"`)
    .replace(/(<c\b[^>]*?\bs=")(\d+)"/g, (_, head: string, n: string) => `${head}${style(n)}"`)
    .replace(/(<row\b[^>]*?\bs=")(\d+)"/g, (_, head: string, n: string) => `${head}${style(n)}"`)
    .replace(/(<col\b[^>]*?\bstyle=")(\d+)"/g, (_, head: string, n: string) => `${head}${style(n)}"`)
    .replace(/<c\b([^>]*?)\bt="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, before: string, after: string, n: string) => {
      const text = escapeXml(strings[Number(n)] ?? "").replace(/\r/g, "&#13;");
      return `<c${before}t="inlineStr"${after}><is><t>${text}</t></is></c>`;
    });
}

interface Placement {
  spec: SheetSpec;
  /** The add-in's earlier sheet this one replaces (its index in the workbook), if any. */
  replaces: number | undefined;
}

/** Decides each spec's final sheet name and table names, and which earlier sheet it replaces. */
function place(pkg: OpcPackage, specs: readonly SheetSpec[], tables: TableInfo[]): Placement[] {
  const own = findOwnSheets(pkg, specs, tables);
  const replaced = new Set(own.values());
  const takenSheets = pkg.sheets.filter((_, i) => !replaced.has(i)).map((s) => s.name);
  const takenTables = new Set(
    tables.filter((t) => !replaced.has(t.sheetIndex)).map((t) => t.name.toLowerCase()),
  );
  return specs.map((spec, i) => {
    const name = uniqueSheetName(spec.name, takenSheets);
    takenSheets.push(name);
    return { spec: withFreeTableNames({ ...spec, name }, takenTables), replaces: own.get(i) };
  });
}

/**
 * Refuses, before any input is read, a workbook the writer would refuse whatever its inputs: one
 * whose structure is locked. Throws `PackageRefusal`.
 */
export function checkWritable(userBytes: Uint8Array): void {
  refuseLockedStructure(openPackage(userBytes));
}

/**
 * Writes the add-in's sheets into the user's workbook file.
 *
 * @example
 * const { bytes, sheetNames } = await writeXlsxSheets(fs.readFileSync("in.xlsx"), [projection, whatIf], { outputName: "plan.xlsx" });
 */
export async function writeXlsxSheets(
  userBytes: Uint8Array,
  specs: readonly SheetSpec[],
  options: WriteXlsxOptions = {},
): Promise<WriteXlsxResult> {
  const pkg = openPackage(userBytes);
  refuseLockedStructure(pkg);
  if (pkg.macroEnabled && options.outputName !== undefined && /\.xlsx$/i.test(options.outputName)) {
    throw new PackageRefusal("macro-as-xlsx");
  }
  const tables = tableInfo(pkg);
  const placements = place(pkg, specs, tables);
  // Date cells are written in the workbook's own date system.
  const scratch = openPackage(await renderScratch(placements.map((p) => p.spec), { date1904: usesDate1904(pkg) }));
  return transplant(pkg, scratch, placements);
}

/** Parts of the user's package that the replaced sheets alone reach, and the calc chain if stale. */
function removedParts(pkg: OpcPackage, placements: readonly Placement[]): Set<string> {
  const removed = new Set<string>();
  const replacedIds = new Set<string>();
  for (const p of placements) {
    const old = p.replaces === undefined ? undefined : pkg.sheets[p.replaces];
    if (old?.part) for (const part of partsReachedFrom(pkg, old.part)) removed.add(part);
    if (old) replacedIds.add(old.sheetId);
  }
  // A calculation chain listing cells of a replaced sheet would be stale: Excel rebuilds it. One
  // that lists none (Excel has not saved the workbook since our sheets came in) is kept as it is.
  const calcChain = pkg.workbookPartOf("calcChain");
  if (calcChain && pkg.has(calcChain) && listsCellsOf(pkg.text(calcChain), replacedIds)) removed.add(calcChain);
  return removed;
}

/** Whether a calculation chain has a cell on one of the sheets (by sheetId; `i` carries over from the cell before). */
function listsCellsOf(calcChainXml: string, sheetIds: ReadonlySet<string>): boolean {
  if (sheetIds.size === 0) return false;
  // The first cell's sheet defaults to 0, as the schema says.
  let sheet = "0";
  for (const m of calcChainXml.matchAll(/<(?:\w+:)?c\b[^>]*>/g)) {
    sheet = attributes(m[0])["i"] ?? sheet;
    if (sheetIds.has(sheet)) return true;
  }
  return false;
}

/** What a transplant adds to the user's package while it copies the scratch parts in. */
interface TransplantWork {
  pkg: OpcPackage;
  scratch: OpcPackage;
  /** Part names in use (lower case), so copies get free names. */
  taken: Set<string>;
  added: ZipEntry[];
  overrides: { part: string; type: string }[];
  /** New relationships of the workbook part. */
  workbookRels: string[];
  workbookFolder: string;
  nextRelId: () => string;
  /** Scratch part → its name in the output. */
  copied: Map<string, string>;
}

function startTransplant(pkg: OpcPackage, scratch: OpcPackage): TransplantWork {
  return {
    pkg,
    scratch,
    taken: new Set([...pkg.entries.keys()].map((n) => n.toLowerCase())),
    added: [],
    overrides: [],
    workbookRels: [],
    workbookFolder: folderOf(pkg.workbookPart),
    nextRelId: freeRelationshipIds(pkg),
    copied: new Map(),
  };
}

/** Adds a relationship from the workbook part to `part`; returns its id. */
function relateToWorkbook(work: TransplantWork, type: string, part: string): string {
  const id = work.nextRelId();
  const target = escapeXml(relativeTarget(work.workbookFolder, part));
  work.workbookRels.push(`<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`);
  return id;
}

/** Copies a scratch part (and what it reaches) under a free name next to the workbook part. */
function copyPart(work: TransplantWork, part: string, content?: string): string {
  const { scratch } = work;
  const known = work.copied.get(part);
  if (known) return known;
  const folder = [work.workbookFolder, folderOf(part).replace(/^xl\/?/, "")].filter(Boolean).join("/");
  const file = part.slice(part.lastIndexOf("/") + 1);
  const m = /^(.*?)\d*(\.[^.]+)$/.exec(file);
  const target = freePart(work.taken, folder, m?.[1] ?? file, m?.[2] ?? "");
  work.copied.set(part, target);
  const rels = scratch.relationships(part);
  if (rels.length > 0) {
    let relsXml = scratch.text(relsPartOf(part));
    for (const rel of rels) {
      if (rel.external) continue;
      const to = copyPart(work, rel.target);
      relsXml = relsXml.replace(
        new RegExp(String.raw`(<Relationship\b[^>]*\bId="${rel.id}"[^>]*\bTarget=")[^"]*"`),
        `$1${escapeXml(relativeTarget(folderOf(target), to))}"`,
      );
    }
    work.added.push(newEntry(relsPartOf(target), relsXml));
    // Typed by an Override of its own: LibreOffice 3.x–6.0 declares no Default for .rels.
    work.overrides.push({ part: relsPartOf(target), type: RELATIONSHIPS_TYPE });
  }
  work.added.push(newEntry(target, content ?? inflateEntry(scratch.entries.get(part) as ZipEntry)));
  work.overrides.push({ part: target, type: scratch.contentType(part) ?? "" });
  return target;
}

/**
 * The user's style sheet with the scratch styles appended (and the map from scratch style ids to
 * merged ones), or, for a package without one, the scratch style sheet added as a new part.
 */
function transplantStyles(
  work: TransplantWork,
): { styleMap?: number[]; dxfMap?: number[]; userStyles?: string; stylesXml?: string } {
  const { pkg, scratch } = work;
  const scratchStyles = scratch.workbookPartOf("styles") as string;
  const userStyles = pkg.workbookPartOf("styles");
  if (userStyles && pkg.has(userStyles)) {
    const merged = mergeStyles(pkg.text(userStyles), scratch.text(scratchStyles));
    return { styleMap: merged.map, dxfMap: merged.dxfMap, userStyles, stylesXml: merged.xml };
  }
  const part = freePart(work.taken, work.workbookFolder, "styles", ".xml");
  work.added.push(newEntry(part, scratch.text(scratchStyles)));
  work.overrides.push({ part, type: scratch.contentType(scratchStyles) ?? "" });
  relateToWorkbook(work, "styles", part);
  return {};
}

/** Copies each scratch sheet and its tables in; returns the `<sheet>` elements to list. */
function transplantSheets(
  work: TransplantWork,
  placements: Placement[],
  styleMap: number[] | undefined,
  dxfMap?: number[],
): NewSheet[] {
  const { pkg, scratch } = work;
  const strings = readSharedStrings(scratch);
  let nextTableId = Math.max(0, ...tableInfo(pkg).map((t) => t.id)) + 1;
  let nextSheetId = Math.max(0, ...pkg.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
  const printNames = scratchSheetNames(scratch);
  return placements.map((placement, i) => {
    const scratchSheet = scratch.sheets[i];
    if (!scratchSheet?.part) throw new Error(`the scratch package lacks sheet ${placement.spec.name}`);
    // Table ids are unique across the workbook.
    for (const rel of scratch.relationships(scratchSheet.part)) {
      if (rel.type.endsWith("/table")) {
        copyPart(work, rel.target, scratch.text(rel.target).replace(/(<table\b[^>]*?\bid=")\d+"/, `$1${nextTableId++}"`));
      }
    }
    const sheetPart = copyPart(work, scratchSheet.part, adaptSheetXml(scratch.text(scratchSheet.part), styleMap, strings, dxfMap));
    const relId = relateToWorkbook(work, "worksheet", sheetPart);
    const old = placement.replaces === undefined ? undefined : pkg.sheets[placement.replaces];
    const sheetId = old?.sheetId ?? String(nextSheetId++);
    return {
      replaces: placement.replaces,
      xml: `<sheet xmlns:r="${REL_NS}" name="${escapeXml(placement.spec.name)}" sheetId="${sheetId}" r:id="${relId}"/>`,
      names: printNames.get(i) ?? [],
    };
  });
}

/** Moves the scratch package's sheets into the user's package; see the file comment. */
function transplant(pkg: OpcPackage, scratch: OpcPackage, placements: Placement[]): WriteXlsxResult {
  const removed = removedParts(pkg, placements);
  const work = startTransplant(pkg, scratch);
  const styles = transplantStyles(work);
  const newSheets = transplantSheets(work, placements, styles.styleMap, styles.dxfMap);

  const relsPart = relsPartOf(pkg.workbookPart);
  const replacedRelIds = new Set(placements.flatMap((p) => (p.replaces === undefined ? [] : [pkg.sheets[p.replaces]?.relId ?? ""])));
  const changed = new Map<string, string>([
    [pkg.workbookPart, editWorkbook(pkg, newSheets)],
    [relsPart, editRelationships(pkg, relsPart, work.workbookRels, replacedRelIds, removed)],
    ["[Content_Types].xml", contentTypesWith(pkg, work.overrides, removed)],
  ]);
  if (styles.stylesXml !== undefined && styles.userStyles) changed.set(styles.userStyles, styles.stylesXml);
  const entries: ZipEntry[] = [];
  for (const entry of pkg.entries.values()) {
    const owner = ownerOfRels(entry.name);
    if (removed.has(entry.name) || (owner !== entry.name && removed.has(owner))) continue;
    const content = changed.get(entry.name);
    entries.push(content === undefined ? entry : newEntry(entry.name, pkg.encode(entry.name, content)));
  }
  return {
    bytes: writeZip([...entries, ...work.added]),
    sheetNames: placements.map((p) => p.spec.name),
    macroEnabled: pkg.macroEnabled,
  };
}
