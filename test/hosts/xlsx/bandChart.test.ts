/** The "band" chart kind: a shaded P10–P90 band (stacked areas) under lines on the same axes. */
import { XMLValidator } from "fast-xml-parser";
import { chartXml } from "../../../src/hosts/xlsx/charts";
import { ChartSpec } from "../../../src/sheets/spec";

const band: ChartSpec = {
  kind: "band",
  title: "Voorraad: plan, band P10–P90 en gerealiseerd",
  categories: "A28:A79",
  series: [
    { name: "P10 (vast)", values: "O28:O79" },
    { name: "Bandbreedte P90−P10", values: "Q28:Q79" },
    { name: "Voorraad gepland", values: "H28:H79" },
    { name: "Voorraad gerealiseerd", values: "U28:U79", markersOnly: true },
  ],
  at: "D7",
  widthColumns: 10,
  heightRows: 20,
};

describe("chartXml for a band", () => {
  const xml = chartXml(band, "Voortgang");

  test("is well-formed: one stacked areaChart, then one lineChart, sharing the axes", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const plot = /<c:plotArea><c:layout\/>(.*)<c:catAx>/.exec(xml)?.[1] ?? "";
    expect(plot).toMatch(/^<c:areaChart><c:grouping val="stacked"\/>.*<\/c:areaChart><c:lineChart>.*<\/c:lineChart>$/);
    expect(plot.match(/<c:axId val="500000001"\/><c:axId val="500000002"\/>/g)).toHaveLength(2);
  });

  test("the band's low edge is invisible and has no legend entry; its width is shaded", () => {
    const area = /<c:areaChart>(.*)<\/c:areaChart>/.exec(xml)?.[1] ?? "";
    const series = area.split("</c:ser>").filter((s) => s.includes("<c:ser>"));
    expect(series).toHaveLength(2);
    expect(series[0]).toContain('<c:tx><c:v>P10 (vast)</c:v></c:tx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>');
    expect(series[1]).toMatch(/<c:spPr><a:solidFill>/);
    expect(xml).toContain('<c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>');
  });

  test("the plan is a line, the actual backlog markers without a line, numbered after the areas", () => {
    const lines = /<c:lineChart>(.*)<\/c:lineChart>/.exec(xml)?.[1] ?? "";
    expect([...lines.matchAll(/<c:idx val="(\d+)"\/>/g)].map((m) => m[1])).toEqual(["2", "3"]);
    // CT_LineSer order: idx, order, tx, spPr, marker, …, cat, val, smooth.
    expect(lines).toContain(
      '<c:v>Voorraad gerealiseerd</c:v></c:tx><c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="circle"/>',
    );
    expect(lines).toContain('<c:v>Voorraad gepland</c:v></c:tx><c:marker><c:symbol val="none"/></c:marker>');
  });

  test("line and stacked-area charts are written as before", () => {
    const line = chartXml({ ...band, kind: "line", series: band.series.slice(2, 3) }, "Voortgang");
    expect(line).not.toContain("<c:areaChart>");
    expect(line).not.toContain("<c:legendEntry>");
    expect(line).not.toContain("<c:spPr>");
  });
});
