/**
 * The rich workbook and its .xlsm twin after `npm run plan`, opened by LibreOffice (a reader we
 * did not write): the user's chart, picture, conditional formats, pivot table, note and sparklines
 * are all still there, and the add-in's charts are added.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planWorkbook } from "../../../../src/cli/plan";
import { JAN_15 } from "../../../cli/planHelpers";
import { makeRichWorkbook } from "../../../fixtures/richWorkbook";
import { convert } from "../../../helpers/libreoffice";

const FEATURES = {
  chart: /<draw:object\b/g,
  picture: /<draw:image\b/g,
  conditionalFormat: /<calcext:conditional-format\b/g,
  dataBar: /<calcext:data-bar\b/g,
  iconSet: /<calcext:icon-set\b/g,
  colorScale: /<calcext:color-scale\b/g,
  pivotTable: /<table:data-pilot-table\b/g,
  note: /<office:annotation\b/g,
  sparklines: /<calcext:sparkline-group\b/g,
};

function count(fods: string): Record<keyof typeof FEATURES, number> {
  return Object.fromEntries(
    Object.entries(FEATURES).map(([name, pattern]) => [name, fods.match(pattern)?.length ?? 0]),
  ) as Record<keyof typeof FEATURES, number>;
}

test("LibreOffice opens the plans of the rich workbook and its .xlsm twin with every user feature still there", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rich-lo-"));
  try {
    const files: string[] = [];
    for (const [name, macro] of [["rijk", false], ["rijk-macro", true]] as const) {
      const input = await makeRichWorkbook({ macro });
      const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
      if (!result.ok) throw new Error(result.message);
      const ext = macro ? "xlsm" : "xlsx";
      fs.writeFileSync(path.join(dir, `${name}.${ext}`), input);
      fs.writeFileSync(path.join(dir, `${name}-plan.${ext}`), result.xlsx);
      files.push(path.join(dir, `${name}.${ext}`), path.join(dir, `${name}-plan.${ext}`));
    }
    const out = await convert(files, "fods", path.join(dir, "fods"));
    for (const name of ["rijk", "rijk-macro"]) {
      const before = count(fs.readFileSync(path.join(out, `${name}.fods`), "utf8"));
      const after = count(fs.readFileSync(path.join(out, `${name}-plan.fods`), "utf8"));
      expect(before).toEqual({ chart: 1, picture: 2, conditionalFormat: 4, dataBar: 1, iconSet: 1, colorScale: 3, pivotTable: 1, note: 1, sparklines: 1 });
      // The user's features unchanged; the add-in adds its five charts (Prognose, and the what-if's
      // scenarios, shared capacity, tornado and uncertainty; LibreOffice lists a chart's preview
      // image as a picture too) and the six conditional formats that grey the what-if chart's #N/A helpers.
      expect(after).toEqual({ ...before, chart: before.chart + 5, picture: before.picture + 5, conditionalFormat: before.conditionalFormat + 6 });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
