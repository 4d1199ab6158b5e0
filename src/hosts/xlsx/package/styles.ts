/**
 * Adds the add-in's cell formats to the user's style sheet without touching what is there:
 * fonts, fills, borders, number formats and cell formats are appended (or an identical existing
 * one is reused, so a rerun adds nothing), and the add-in's style index N becomes `map[N]`.
 */
import { attributes, findChild, insertChild, STYLESHEET_ORDER } from "./xml";

export interface MergedStyles {
  xml: string;
  /** Scratch cellXfs index → index in the merged style sheet. */
  map: number[];
  /** Scratch dxfs index (conditional formats' looks) → index in the merged style sheet. */
  dxfMap: number[];
}

/** The child elements (their full XML) of a direct child `container` of the style sheet. */
function items(xml: string, container: string, item: string): string[] {
  const span = findChild(xml, container);
  if (!span) return [];
  const body = xml.slice(span.start, span.end);
  const pattern = new RegExp(String.raw`<((?:\w+:)?${item})\b(?:"[^"]*"|'[^']*'|[^'">])*?(?:\/>|>[\s\S]*?<\/\1>)`, "g");
  return [...body.matchAll(pattern)].map((m) => m[0]);
}

/** Gives unprefixed element names the root's prefix, for a style sheet written as `<x:styleSheet>`. */
function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${prefix}$2`) : xml;
}

/** Appends `added` (already prefixed) to the container, creating it in schema order if absent. */
function appendItems(xml: string, container: string, added: string[], prefix: string, total: number): string {
  if (added.length === 0) return xml;
  const span = findChild(xml, container);
  if (!span) {
    const element = `<${prefix}${container} count="${total}">${added.join("")}</${prefix}${container}>`;
    return insertChild(xml, container, element, STYLESHEET_ORDER);
  }
  let element = xml.slice(span.start, span.end);
  if (element.endsWith("/>")) {
    element = `${element.slice(0, -2).trimEnd()}>${added.join("")}</${prefix}${container}>`;
  } else {
    const close = element.lastIndexOf("</");
    element = element.slice(0, close) + added.join("") + element.slice(close);
  }
  element = /\bcount="\d+"/.test(element.slice(0, element.indexOf(">")))
    ? element.replace(/\bcount="\d+"/, `count="${total}"`)
    : element;
  return xml.slice(0, span.start) + element + xml.slice(span.end);
}

/** Index of `candidate` in `list`, appending it (and recording it in `added`) when new. */
function reuseOrAppend(list: string[], added: string[], candidate: string): number {
  const found = list.indexOf(candidate);
  if (found >= 0) return found;
  list.push(candidate);
  added.push(candidate);
  return list.length - 1;
}

const setAttribute = (tag: string, name: string, value: string | number): string =>
  new RegExp(String.raw`\b${name}="[^"]*"`).test(tag)
    ? tag.replace(new RegExp(String.raw`\b${name}="[^"]*"`), `${name}="${value}"`)
    : tag.replace(/^<([\w:]+)/, `<$1 ${name}="${value}"`);

/**
 * Merges the scratch package's style sheet (written by ExcelJS for the add-in's sheets) into the
 * user's.
 *
 * @example
 * const { xml, map } = mergeStyles(userStylesXml, scratchStylesXml);
 */
export function mergeStyles(userXml: string, scratchXml: string): MergedStyles {
  const prefix = /<(\w+:)?styleSheet\b/.exec(userXml)?.[1] ?? "";
  const lists = {
    fonts: items(userXml, "fonts", "font"),
    fills: items(userXml, "fills", "fill"),
    borders: items(userXml, "borders", "border"),
    cellXfs: items(userXml, "cellXfs", "xf"),
    dxfs: items(userXml, "dxfs", "dxf"),
  };
  const added: Record<keyof typeof lists, string[]> = { fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  const userFormats = items(userXml, "numFmts", "numFmt").map((tag) => attributes(tag));
  const addedFormats: string[] = [];
  let nextFormat = Math.max(163, ...userFormats.map((f) => Number(f["numFmtId"] ?? 0))) + 1;
  const scratchFormats = new Map(
    items(scratchXml, "numFmts", "numFmt").map((tag) => {
      const a = attributes(tag);
      return [a["numFmtId"] ?? "", tag] as const;
    }),
  );
  const formatId = (id: string): number => {
    const tag = scratchFormats.get(id);
    if (Number(id) < 164 || !tag) return Number(id);
    const code = attributes(tag)["formatCode"];
    const existing = userFormats.find((f) => f["formatCode"] === code);
    if (existing) return Number(existing["numFmtId"]);
    const assigned = nextFormat++;
    userFormats.push({ numFmtId: String(assigned), formatCode: code ?? "" });
    addedFormats.push(withPrefix(setAttribute(tag, "numFmtId", assigned), prefix));
    return assigned;
  };
  const scratch = {
    fonts: items(scratchXml, "fonts", "font"),
    fills: items(scratchXml, "fills", "fill"),
    borders: items(scratchXml, "borders", "border"),
  };
  const pick = (kind: "fonts" | "fills" | "borders", id: string | undefined): number =>
    reuseOrAppend(lists[kind], added[kind], withPrefix(scratch[kind][Number(id ?? 0)] ?? "", prefix));
  const map = items(scratchXml, "cellXfs", "xf").map((xf) => {
    const a = attributes(xf.slice(0, xf.indexOf(">") + 1));
    let merged = withPrefix(xf, prefix);
    merged = setAttribute(merged, "fontId", pick("fonts", a["fontId"]));
    merged = setAttribute(merged, "fillId", pick("fills", a["fillId"]));
    merged = setAttribute(merged, "borderId", pick("borders", a["borderId"]));
    merged = setAttribute(merged, "numFmtId", formatId(a["numFmtId"] ?? "0"));
    merged = setAttribute(merged, "xfId", 0);
    return reuseOrAppend(lists.cellXfs, added.cellXfs, merged);
  });
  // A conditional format's look (dxf) carries its own font and fill: appended as is.
  const dxfMap = items(scratchXml, "dxfs", "dxf").map((dxf) => reuseOrAppend(lists.dxfs, added.dxfs, withPrefix(dxf, prefix)));
  let xml = appendItems(userXml, "numFmts", addedFormats, prefix, userFormats.length);
  xml = appendItems(xml, "fonts", added.fonts, prefix, lists.fonts.length);
  xml = appendItems(xml, "fills", added.fills, prefix, lists.fills.length);
  xml = appendItems(xml, "borders", added.borders, prefix, lists.borders.length);
  xml = appendItems(xml, "cellXfs", added.cellXfs, prefix, lists.cellXfs.length);
  xml = appendItems(xml, "dxfs", added.dxfs, prefix, lists.dxfs.length);
  return { xml, map, dxfMap };
}
