/**
 * Adds native charts to a saved .xlsx. ExcelJS 4.4 writes no charts, so after it has saved the
 * workbook we open the zip and add, per sheet: a drawing part with one anchor per chart, one
 * DrawingML chart part per chart, their relationships and content types. The charts reference
 * sheet ranges only (no cached values), so Excel and LibreOffice draw them from the live cells.
 */
import JSZip from "jszip";
import { CHART_FONT_POINTS } from "../../sheets/page";
import { ChartSeries, ChartSpec, parseCell } from "../../sheets/spec";
import { resolveTarget } from "./package/opcPackage";
import { attributes, escapeXml, insertChild, WORKSHEET_ORDER } from "./package/xml";

export interface SheetCharts {
  sheetName: string;
  charts: ChartSpec[];
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  drawingType: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chartType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/** "C48:C151" on sheet "What-if 2024-01-15" → "'What-if 2024-01-15'!$C$48:$C$151". */
export function sheetRange(sheetName: string, range: string): string {
  const absolute = range
    .split(":")
    .map((part) => part.replace(/\$/g, "").replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2"))
    .join(":");
  return `'${sheetName.replace(/'/g, "''")}'!${absolute}`;
}

function titleXml(title: string, points = CHART_FONT_POINTS + 1.5, bold = true): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="nl-NL" sz="${Math.round(points * 100)}" b="${bold ? 1 : 0}"/>` +
    `<a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/**
 * One `<c:ser>`; `line` adds the line-series elements, `look` the shape properties, `bar` a bar's
 * `invertIfNegative` (CT_LineSer/CT_AreaSer/CT_BarSer order).
 */
function seriesXml(series: ChartSeries, index: number, categories: string, sheetName: string, line: boolean, look = "", bar = false): string {
  // Actual figures stand out from the lines and the light band: dots, dark red unless coloured.
  const marker = series.markersOnly
    ? `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${series.color ?? MARKER_COLOR}"/></a:solidFill>` +
      `<a:ln><a:noFill/></a:ln></c:spPr></c:marker>`
    : `<c:marker><c:symbol val="none"/></c:marker>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>${look}` +
    // A negative bar keeps its colour (Excel would draw it white).
    (bar ? `<c:invertIfNegative val="0"/>` : "") +
    (line ? marker : "") +
    `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(sheetRange(sheetName, series.values))}</c:f></c:numRef></c:val>` +
    (line ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/** The actual figures' markers unless a series has its colour, as the Office.js host draws them too. */
const MARKER_COLOR = "C00000";

/** Axis ids: the primary pair, and the secondary pair for series on the right-hand axis. */
const PRIMARY = { cat: 500000001, val: 500000002 };
const SECONDARY = { cat: 500000003, val: 500000004 };
const axisIds = (axes: typeof PRIMARY): string => `<c:axId val="${axes.cat}"/><c:axId val="${axes.val}"/>`;
/** The band's low edge: no fill, no outline. Its width: a light shade. Markers-only: no line. */
const NO_FILL = `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`;
const BAND_FILL = `<c:spPr><a:solidFill><a:srgbClr val="9DC3E6"><a:alpha val="60000"/></a:srgbClr></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`;
const NO_LINE = `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>`;

/** A line series' shape properties: markers only (no line), or its colour and dashes, or the default line. */
function lineLook(series: ChartSeries): string {
  if (series.markersOnly) return NO_LINE;
  if (!series.dashed && series.color === undefined) return "";
  const fill = series.color === undefined ? "" : `<a:solidFill><a:srgbClr val="${series.color}"/></a:solidFill>`;
  return `<c:spPr><a:ln w="22225">${fill}${series.dashed ? `<a:prstDash val="dash"/>` : ""}</a:ln></c:spPr>`;
}

/**
 * The plot of a chart: one line or stacked-area group, or for "band" both on the same axes; series
 * marked `secondary` go into a second line group on the right-hand axis. Series are numbered in
 * the spec's order across the groups.
 */
function plotXml(chart: ChartSpec, categories: string, sheetName: string): string {
  const numbered = chart.series.map((series, index) => ({ series, index }));
  const lines = (group: typeof numbered, axes: typeof PRIMARY): string =>
    group.length === 0
      ? ""
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        group.map(({ series, index }) => seriesXml(series, index, categories, sheetName, true, lineLook(series))).join("") +
        `<c:marker val="1"/>${axisIds(axes)}</c:lineChart>`;
  const areas = (group: typeof numbered, looks: string[]): string =>
    `<c:areaChart><c:grouping val="stacked"/><c:varyColors val="0"/>` +
    group.map(({ series, index }, i) => seriesXml(series, index, categories, sheetName, false, looks[i] ?? "")).join("") +
    `${axisIds(PRIMARY)}</c:areaChart>`;
  const secondary = numbered.filter(({ series }) => series.secondary === true);
  const primary = numbered.filter(({ series }) => series.secondary !== true);
  if (chart.kind === "areaStacked") return areas(numbered, []);
  if (chart.kind === "tornado") {
    // Horizontal bars, each series drawn from 0 over the same category: a tornado.
    const fill = (series: ChartSeries): string =>
      series.color === undefined ? "" : `<c:spPr><a:solidFill><a:srgbClr val="${series.color}"/></a:solidFill></c:spPr>`;
    return (
      `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      numbered.map(({ series, index }) => seriesXml(series, index, categories, sheetName, false, fill(series), true)).join("") +
      `<c:gapWidth val="60"/><c:overlap val="100"/>${axisIds(PRIMARY)}</c:barChart>`
    );
  }
  if (chart.kind === "line") return lines(primary, PRIMARY) + lines(secondary, SECONDARY);
  return areas(primary.slice(0, 2), [NO_FILL, BAND_FILL]) + lines(primary.slice(2), PRIMARY) + lines(secondary, SECONDARY);
}

interface AxisOptions {
  ids: typeof PRIMARY;
  title?: string | undefined;
  min?: number | undefined;
  /** The secondary pair: its category axis is hidden and its value axis sits on the right. */
  secondary: boolean;
  crossBetween: "between" | "midCat";
}

/** A category axis and a value axis (CT_CatAx, CT_ValAx element order). */
function axesXml(chart: ChartSpec, options: AxisOptions): string {
  const { ids, secondary } = options;
  // A tornado's categories stand on the left, their labels at the low end (clear of the bars), its values below.
  const bars = chart.kind === "tornado";
  const scaling = (min: number | undefined): string =>
    `<c:scaling><c:orientation val="minMax"/>${min === undefined ? "" : `<c:min val="${min}"/>`}</c:scaling>`;
  const every = chart.categoryLabelEvery;
  const skip = every === undefined || secondary ? "" : `<c:tickLblSkip val="${every}"/><c:tickMarkSkip val="${every}"/>`;
  const catAx =
    `<c:catAx><c:axId val="${ids.cat}"/>${scaling(undefined)}<c:delete val="${secondary ? 1 : 0}"/>` +
    `<c:axPos val="${bars ? "l" : "b"}"/>${!secondary && chart.xAxisTitle ? titleXml(chart.xAxisTitle, CHART_FONT_POINTS, false) : ""}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="${bars ? "low" : "nextTo"}"/><c:crossAx val="${ids.val}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/>${skip}<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${ids.val}"/>${scaling(options.min)}<c:delete val="0"/>` +
    `<c:axPos val="${secondary ? "r" : bars ? "b" : "l"}"/>${secondary ? "" : "<c:majorGridlines/>"}${options.title ? titleXml(options.title, CHART_FONT_POINTS, false) : ""}` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${ids.cat}"/><c:crosses val="${secondary ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="${options.crossBetween}"/></c:valAx>`;
  return catAx + valAx;
}

/** One DrawingML chart part for a chart spec; element order follows the schema (CT_Chart, …). */
export function chartXml(chart: ChartSpec, sheetName: string): string {
  const crossBetween = chart.kind === "line" || chart.kind === "tornado" ? "between" : "midCat";
  const categories = sheetRange(sheetName, chart.categories);
  const plot = plotXml(chart, categories, sheetName);
  const hasSecondary = chart.kind !== "areaStacked" && chart.kind !== "tornado" && chart.series.some((s) => s.secondary === true);
  const axes =
    axesXml(chart, { ids: PRIMARY, title: chart.yAxisTitle, min: chart.yAxisMin, secondary: false, crossBetween }) +
    (hasSecondary
      ? axesXml(chart, {
          ids: SECONDARY,
          title: chart.secondaryAxisTitle,
          min: chart.secondaryAxisMin,
          secondary: true,
          crossBetween,
        })
      : "");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${titleXml(chart.title)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axes}</c:plotArea>` +
    // A band's invisible low edge gets no legend entry.
    `<c:legend><c:legendPos val="b"/>${chart.kind === "band" ? `<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>` : ""}` +
    `<c:overlay val="0"/></c:legend>` +
    // "gap": #N/A past the horizon ends a line instead of dropping it to zero.
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    // The chart's text at 10.5 pt (Excel's default is 9): printed at the sheet's scale it stays ≥ 8 pt.
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(CHART_FONT_POINTS * 100)}"/></a:pPr>` +
    `<a:endParaRPr lang="nl-NL"/></a:p></c:txPr></c:chartSpace>`
  );
}

/** The drawing part placing each chart over its cells (two-cell anchors move with the grid). */
export function drawingXml(charts: ChartSpec[], relIds: string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const from = parseCell(chart.at);
      const marker = (col: number, row: number): string =>
        `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(from.column, from.row)}</xdr:from>` +
        `<xdr:to>${marker(from.column + chart.widthColumns, from.row + chart.heightRows)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${relIds[i]}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

export async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file ? file.async("string") : undefined;
}

/** Sheet name → its part path ("xl/worksheets/sheet2.xml"), from workbook.xml and its rels. */
export async function sheetPartPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await readText(zip, "xl/workbook.xml");
  const rels = await readText(zip, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new Error("not an .xlsx workbook: xl/workbook.xml is missing");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a["Id"] && a["Target"]) targets.set(a["Id"], resolveTarget("xl", a["Target"]));
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = a["r:id"];
    const target = id === undefined ? undefined : targets.get(id);
    if (a["name"] !== undefined && target) out.set(a["name"], target);
  }
  return out;
}

function nextFreeNumber(zip: JSZip, prefix: string, suffix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return n;
}

/**
 * Adds `<drawing r:id>` to a worksheet part as a direct child of `<worksheet>`, where CT_Worksheet's
 * sequence puts it, never inside a nested element that merely contains a later element's name.
 */
export function insertDrawing(sheetXml: string, relId: string): string {
  const prefix = /<(\w+:)?worksheet\b/.exec(sheetXml)?.[1] ?? "";
  if (new RegExp(`<${prefix}drawing\\b`).test(sheetXml)) {
    throw new Error("the sheet already has a drawing; charts would replace it");
  }
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? "";
  const declared = attributes(root)["xmlns:r"] === NS.rel;
  const element = `<${prefix}drawing${declared ? "" : ` xmlns:r="${NS.rel}"`} r:id="${relId}"/>`;
  return insertChild(sheetXml, "drawing", element, WORKSHEET_ORDER);
}

export function addRelationship(
  relsXml: string | undefined,
  type: string,
  target: string,
): { xml: string; id: string } {
  const xml =
    relsXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  let max = 0;
  for (const m of xml.matchAll(/\bId="rId(\d+)"/g)) max = Math.max(max, Number(m[1]));
  const id = `rId${max + 1}`;
  return {
    id,
    xml: xml.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
    ),
  };
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  return contentTypes.replace("</Types>", `<Override PartName="${partName}" ContentType="${type}"/></Types>`);
}

/**
 * Returns the workbook with the charts added to the named sheets.
 *
 * @example
 * const buffer = await workbook.xlsx.writeBuffer();
 * const withCharts = await addCharts(buffer, [{ sheetName: "Prognose", charts: spec.charts }]);
 * // A package only read again at once (the scratch) may skip compressing: { compression: "STORE" }
 */
export async function addCharts(
  xlsx: Uint8Array | ArrayBuffer,
  sheets: SheetCharts[],
  options: { compression?: "STORE" | "DEFLATE" } = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const paths = await sheetPartPaths(zip);
  let contentTypes = (await readText(zip, "[Content_Types].xml")) as string;
  for (const { sheetName, charts } of sheets) {
    if (charts.length === 0) continue;
    const sheetPath = paths.get(sheetName);
    if (!sheetPath) throw new Error(`no sheet named ${sheetName} in the workbook`);
    const folder = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const file = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);

    const drawingNo = nextFreeNumber(zip, "xl/drawings/drawing", ".xml");
    let drawingRels: string | undefined;
    const chartRelIds: string[] = [];
    for (const chart of charts) {
      const chartNo = nextFreeNumber(zip, "xl/charts/chart", ".xml");
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(chart, sheetName));
      contentTypes = addOverride(contentTypes, `/xl/charts/chart${chartNo}.xml`, NS.chartType);
      const rel = addRelationship(drawingRels, NS.chartRel, `../charts/chart${chartNo}.xml`);
      drawingRels = rel.xml;
      chartRelIds.push(rel.id);
    }
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(charts, chartRelIds));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, drawingRels as string);
    contentTypes = addOverride(contentTypes, `/xl/drawings/drawing${drawingNo}.xml`, NS.drawingType);

    const sheetRelsPath = `${folder}/_rels/${file}.rels`;
    const sheetRel = addRelationship(
      await readText(zip, sheetRelsPath),
      NS.drawingRel,
      `../drawings/drawing${drawingNo}.xml`,
    );
    zip.file(sheetRelsPath, sheetRel.xml);
    zip.file(sheetPath, insertDrawing((await readText(zip, sheetPath)) as string, sheetRel.id));
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "nodebuffer", compression: options.compression ?? "DEFLATE" });
}
