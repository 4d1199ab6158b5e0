/**
 * The little XML the package code needs: escaping, one unescape for every entity XML defines,
 * start-tag attributes, and the direct children of a part's root element (so that an element is
 * inserted where the schema's sequence wants it, never inside a nested element).
 */

/** Text or attribute value as XML holds it. */
export const escapeXml = (value: string): string =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/**
 * The five named entities and numeric character references, in one pass so that "&amp;lt;"
 * stays "&lt;".
 *
 * @example
 * unescapeXml("A&amp;B &#233;&#x20AC;") // "A&B é€"
 */
export function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (whole, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
    }
    const code = entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of one XML start tag, unescaped, keyed by their qualified name. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out[m[1] as string] = unescapeXml(m[3] ?? m[4] ?? "");
  }
  return out;
}

/** True when the text declares a DTD or entities, which the package code never expands. */
export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(xml);
}

/** A direct child of the root element: its local name and where it starts and ends. */
export interface ChildSpan {
  name: string;
  start: number;
  end: number;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);

/**
 * The root element's direct children in document order, found by tracking depth over tags
 * (comments, CDATA and processing instructions skipped), and where the root's content ends.
 */
export function rootChildren(xml: string): { children: ChildSpan[]; rootOpenEnd: number; rootClose: number } {
  const children: ChildSpan[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
  let depth = 0;
  let rootOpenEnd = -1;
  let rootClose = xml.length;
  let current: { name: string; start: number } | undefined;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[2] === undefined) continue;
    const closing = m[1] === "/";
    const selfClosing = m[3] === "/";
    if (closing) {
      depth--;
      if (depth === 1 && current) {
        children.push({ name: current.name, start: current.start, end: m.index + m[0].length });
        current = undefined;
      } else if (depth === 0) {
        rootClose = m.index;
        break;
      }
      continue;
    }
    if (depth === 0) {
      rootOpenEnd = m.index + m[0].length;
      if (selfClosing) rootClose = m.index;
      depth = selfClosing ? 0 : 1;
      if (selfClosing) break;
      continue;
    }
    if (depth === 1) {
      if (selfClosing) children.push({ name: localName(m[2]), start: m.index, end: m.index + m[0].length });
      else current = { name: localName(m[2]), start: m.index };
    }
    if (!selfClosing) depth++;
  }
  if (rootOpenEnd < 0) throw new Error("the part has no root element");
  return { children, rootOpenEnd, rootClose };
}

/**
 * Inserts `element` as a direct child of the root, after every child that the schema's sequence
 * `order` puts before it (`name` is its own local name), and before everything after it.
 *
 * @example
 * insertChild(sheetXml, "drawing", `<drawing r:id="rId3"/>`, WORKSHEET_ORDER)
 */
export function insertChild(xml: string, name: string, element: string, order: readonly string[]): string {
  const { children, rootOpenEnd, rootClose } = rootChildren(xml);
  const rank = order.indexOf(name);
  if (rank < 0) throw new Error(`${name} is not in the element order`);
  if (rootOpenEnd > rootClose) throw new Error("cannot insert into a self-closing root element");
  let at = rootOpenEnd;
  for (const child of children) {
    const childRank = order.indexOf(child.name);
    if (childRank >= 0 && childRank <= rank) at = child.end;
  }
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The direct child `name` of the root, if present. */
export function findChild(xml: string, name: string): ChildSpan | undefined {
  return rootChildren(xml).children.find((child) => child.name === name);
}

/** CT_Worksheet's sequence of children (ISO/IEC 29500-1 §18.3.1.99). */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
] as const;

/** CT_Workbook's sequence of children (§18.2.27). */
export const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups",
  "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr",
  "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
] as const;

/** CT_Stylesheet's sequence of children (§18.8.39). */
export const STYLESHEET_ORDER = [
  "numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors",
  "extLst",
] as const;
