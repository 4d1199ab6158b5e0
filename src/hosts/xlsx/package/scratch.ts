/**
 * The add-in's sheets rendered on their own, in a scratch package that holds nothing of the
 * user's: ExcelJS writes the cells, styles and tables, `addCharts` the charts. The transplant
 * then moves these parts into the user's package.
 */
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../../sheets/spec";
import { addCharts } from "../charts";
import { applySheetSpec, DateSystemOptions } from "../writeSheet";

/**
 * A package holding only `specs`, each under exactly its spec name (the caller has made names
 * unique against the user's workbook already), with date cells in the user's date system.
 *
 * @example
 * const scratch = await renderScratch([projectionSpec, whatIfSpec]);
 */
export async function renderScratch(specs: readonly SheetSpec[], options: DateSystemOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const applied = specs.map((spec) => applySheetSpec(workbook, spec, options));
  // The scratch package is opened again at once and its parts deflated anew by the transplant:
  // compressing it here (JSZip's pure-JavaScript deflate) was a third of the plan command's time.
  const saved = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return addCharts(
    Buffer.from(saved as ArrayBuffer),
    applied.map((a) => ({ sheetName: a.sheetName, charts: a.charts })),
    { compression: "STORE" },
  );
}
