import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { applySheetSpec } from "../../../src/hosts/xlsx/writeSheet";
import { ChartSpec, excelDateSerial, parseCell } from "../../../src/sheets/spec";
import { buildWhatIfSheet, SCENARIOS, whatIfLayout } from "../../../src/sheets/whatIfSheet";
import { addCharts, chartXml, sheetRange } from "../../../src/hosts/xlsx/charts";

const line: ChartSpec = {
  kind: "line",
  title: "Voorraad <per> week & scenario",
  categories: "A48:A151",
  series: [
    { name: "1. Huidig plan", values: "C48:C151" },
    { name: "2. Planningsregel", values: "D48:D151" },
  ],
  at: "A26",
  widthColumns: 8,
  heightRows: 20,
  xAxisTitle: "Week",
  yAxisTitle: "Zaken",
};

async function whatIfWorkbook(): Promise<{ xlsx: Buffer; sheetName: string; charts: ChartSpec[] }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Invoer").getCell("A1").value = 1;
  const spec = buildWhatIfSheet({
    inputs: { opening: 1440, intake: 25, uplift: 0.1, target: 0 },
    language: "nl",
    createdOn: excelDateSerial(2024, 1, 15),
  });
  const applied = applySheetSpec(wb, spec);
  return { xlsx: Buffer.from(await wb.xlsx.writeBuffer()), sheetName: applied.sheetName, charts: applied.charts };
}

const xmlOf = async (zip: JSZip, path: string): Promise<string> => {
  const file = zip.file(path);
  if (!file) throw new Error(`missing part ${path}; parts: ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
};

describe("chartXml", () => {
  test("references the sheet's ranges absolutely, quoting the sheet name", () => {
    expect(sheetRange("What-if 2024-01-15", "C48:C151")).toBe("'What-if 2024-01-15'!$C$48:$C$151");
    expect(sheetRange("Jan's blad", "$A$1")).toBe("'Jan''s blad'!$A$1");
    const xml = chartXml(line, "What-if 2024-01-15");
    expect(XMLValidator.validate(xml)).toBe(true);
    const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(refs).toEqual([
      "&apos;What-if 2024-01-15&apos;!$A$48:$A$151",
      "&apos;What-if 2024-01-15&apos;!$C$48:$C$151",
      "&apos;What-if 2024-01-15&apos;!$A$48:$A$151",
      "&apos;What-if 2024-01-15&apos;!$D$48:$D$151",
    ]);
    expect(xml).toContain("<c:lineChart>");
    expect(xml).toContain("Voorraad &lt;per&gt; week &amp; scenario");
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
  });

  test("a value axis from a given minimum, the weekly flows on a secondary axis on the right, dashed and coloured lines", () => {
    const xml = chartXml(
      {
        ...line,
        yAxisMin: 1000,
        secondaryAxisTitle: "Zaken per week",
        series: [
          { name: "Voorraad", values: "G5:G56" },
          { name: "Instroom", values: "D5:D56", secondary: true },
          { name: "Capaciteit", values: "E5:E56", secondary: true, dashed: true, color: "1F4E79" },
        ],
      },
      "Prognose",
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    // Two line groups: the backlog on the first pair of axes, the flows on the second.
    const groups = [...xml.matchAll(/<c:lineChart>([\s\S]*?)<\/c:lineChart>/g)].map((m) => m[1] as string);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toContain("<c:v>Voorraad</c:v>");
    expect(groups[0]).toContain('<c:axId val="500000001"/><c:axId val="500000002"/>');
    expect(groups[1]).toContain("<c:v>Instroom</c:v>");
    expect(groups[1]).toContain('<c:axId val="500000003"/><c:axId val="500000004"/>');
    // Series keep the spec's order across the groups.
    expect(groups[1]).toContain('<c:idx val="1"/>');
    expect(groups[1]).toContain('<a:srgbClr val="1F4E79"/></a:solidFill><a:prstDash val="dash"/>');
    // The primary value axis starts at 1000; the secondary one is on the right, crossing at the maximum.
    expect(xml).toContain('<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="1000"/></c:scaling>');
    expect(xml).toMatch(/<c:valAx><c:axId val="500000004"\/>[\s\S]*?<c:axPos val="r"\/>[\s\S]*?<c:crosses val="max"\/>/);
    expect(xml).toMatch(/<c:catAx><c:axId val="500000003"\/>[\s\S]*?<c:delete val="1"\/>/);
    expect(xml).toContain("Zaken per week");
    // The chart's text at 11 pt, as the cells': printed at the sheet's scale it stays at 8 pt or more.
    expect(xml).toContain('<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100"/></a:pPr>');
  });

  test("without a minimum or a secondary series: one axis pair, automatic scaling", () => {
    const xml = chartXml(line, "Prognose");
    expect(xml).not.toContain("<c:min ");
    expect(xml).not.toContain("500000003");
    expect(xml.match(/<c:lineChart>/g)).toHaveLength(1);
  });

  test("a label every n-th category: tickLblSkip and tickMarkSkip on the category axis, in the schema's order; none without", () => {
    const xml = chartXml({ ...line, categoryLabelEvery: 52 }, "Prognose");
    expect(XMLValidator.validate(xml)).toBe(true);
    // CT_CatAx: …lblAlgn, lblOffset, tickLblSkip, tickMarkSkip, noMultiLvlLbl.
    expect(xml).toContain('<c:lblOffset val="100"/><c:tickLblSkip val="52"/><c:tickMarkSkip val="52"/><c:noMultiLvlLbl val="0"/>');
    expect(chartXml(line, "Prognose")).not.toContain("tickLblSkip");
  });

  test("a stacked area chart is an areaChart with stacked grouping", () => {
    const xml = chartXml({ ...line, kind: "areaStacked" }, "Prognose");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<c:areaChart><c:grouping val="stacked"\/>/);
    expect(xml).not.toContain("<c:smooth");
  });
});

describe("addCharts on a workbook ExcelJS wrote", () => {
  test("adds drawing and chart parts, their relationships and content types, and a <drawing> in the sheet", async () => {
    const { xlsx, sheetName, charts } = await whatIfWorkbook();
    const zip = await JSZip.loadAsync(await addCharts(xlsx, [{ sheetName, charts }]));
    const sheet = await xmlOf(zip, "xl/worksheets/sheet2.xml");
    // CT_Worksheet order: <drawing> before <tableParts>.
    expect(sheet).toMatch(/<drawing r:id="rId3"\/><tableParts/);
    expect(XMLValidator.validate(sheet)).toBe(true);
    expect(await xmlOf(zip, "xl/worksheets/_rels/sheet2.xml.rels")).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"',
    );
    const drawing = await xmlOf(zip, "xl/drawings/drawing1.xml");
    expect(XMLValidator.validate(drawing)).toBe(true);
    const at = parseCell((charts[0] as ChartSpec).at);
    expect(drawing).toContain(
      `<xdr:from><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row>`,
    );
    expect(drawing).toContain(
      `<xdr:to><xdr:col>${at.column + (charts[0] as ChartSpec).widthColumns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row + (charts[0] as ChartSpec).heightRows}</xdr:row>`,
    );
    expect(await xmlOf(zip, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const types = await xmlOf(zip, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    // The chart draws the what-if sheet's helper columns (#N/A past the horizon) over the 52 weeks written.
    const chart = await xmlOf(zip, "xl/charts/chart1.xml");
    const layout = whatIfLayout(104);
    const weeks52 = (range: string): string => range.replace(/\d+$/, String(Number((range.split(":")[0] as string).replace(/^[A-Z]+/, "")) + 51));
    for (const id of SCENARIOS)
      expect(chart).toContain(sheetRange(sheetName, weeks52(layout.scenarios[id].chart)).replace(/'/g, "&apos;"));
    expect(chart).toContain(sheetRange(sheetName, weeks52(layout.weeks)).replace(/'/g, "&apos;"));
    // One drawing holds all four of the sheet's charts: scenarios, shared capacity, tornado, uncertainty.
    expect(drawing.match(/<xdr:twoCellAnchor /g)).toHaveLength(4);
    const shared = await xmlOf(zip, "xl/charts/chart2.xml");
    expect(XMLValidator.validate(shared)).toBe(true);
    expect(shared).toContain(sheetRange(sheetName, layout.sharedCapacity.columns.otherWith).replace(/'/g, "&apos;"));
    // The tornado: horizontal bars from 0, overlapping, negative bars keeping their colour.
    const tornado = await xmlOf(zip, "xl/charts/chart3.xml");
    expect(XMLValidator.validate(tornado)).toBe(true);
    expect(tornado).toContain('<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(tornado).toContain('<c:overlap val="100"/>');
    expect(tornado).toContain('<c:invertIfNegative val="0"/>');
    const fan = await xmlOf(zip, "xl/charts/chart4.xml");
    expect(XMLValidator.validate(fan)).toBe(true);
    expect(fan).toContain("<c:v>P10</c:v>");
  });

  test("two sheets with charts get separate drawings and numbered charts; the other sheets stay as they were", async () => {
    const { xlsx, sheetName, charts } = await whatIfWorkbook();
    const before = await JSZip.loadAsync(xlsx);
    const zip = await JSZip.loadAsync(
      await addCharts(xlsx, [
        { sheetName, charts },
        { sheetName: "Invoer", charts: [{ ...line, kind: "areaStacked" }] },
      ]),
    );
    expect(zip.file("xl/drawings/drawing2.xml")).not.toBeNull();
    // The what-if sheet's four charts (scenarios, shared capacity, tornado, uncertainty) come first.
    expect(charts).toHaveLength(4);
    expect(await xmlOf(zip, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart4.xml"');
    expect(await xmlOf(zip, "xl/charts/chart5.xml")).toContain("&apos;Invoer&apos;!$C$48:$C$151");
    expect(await xmlOf(zip, "xl/worksheets/sheet1.xml")).toContain('<drawing r:id="rId1"/>');
    expect(await xmlOf(zip, "xl/styles.xml")).toBe(await xmlOf(before, "xl/styles.xml"));
  });

  test("an unknown sheet is an error, not a silent no-op", async () => {
    const { xlsx, charts } = await whatIfWorkbook();
    await expect(addCharts(xlsx, [{ sheetName: "Bestaat niet", charts }])).rejects.toThrow(
      "no sheet named Bestaat niet",
    );
  });
});
