/**
 * The .xlsx host in two calls, as `npm run plan` uses it: read a workbook's inputs and settings
 * from its defined names, and write sheet specs into a copy of it. Everything about the package
 * (ExcelJS today, with the user's drawings, charts and names put back) stays behind these two.
 */
import ExcelJS from "exceljs";
import type { RawPlanInputs } from "../../sheets/inputs";
import type { SheetSpec } from "../../sheets/spec";
import type { GivenSettings } from "../../plan/settings";
import { addCharts, SheetCharts } from "./charts";
import { readDefinedNames, restoreDefinedNames } from "./definedNames";
import { keepNumberFormatEscapes } from "./exceljsFixes";
import { restoreDrawings } from "./preserveDrawings";
import { NameProblem, readWorkbookInputs, readWorkbookSettings } from "./readInputs";
import { applySheetSpec } from "./writeSheet";

export type { NameProblem } from "./readInputs";

export type XlsxInputs =
  | { ok: true; raw: RawPlanInputs; settings: GivenSettings }
  | { ok: false; problem: NameProblem };

/** Loads the bytes with ExcelJS; our own copy, so nothing downstream can touch the caller's buffer. */
async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  keepNumberFormatEscapes();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The inputs (OpeningBacklog/Beginvoorraad, …) and the sections' settings (Simulaties, …) of a
 * workbook, read through its workbook-level defined names. Throws when the bytes are not an .xlsx.
 *
 * @example
 * const read = await readXlsxInputs(fs.readFileSync("invoer.xlsx"));
 * if (read.ok) readPlanInputs(read.raw);
 */
export async function readXlsxInputs(bytes: Buffer): Promise<XlsxInputs> {
  const workbook = await loadWorkbook(bytes);
  const names = await readDefinedNames(bytes);
  const raw = readWorkbookInputs(workbook, names);
  if (!raw.ok) return raw;
  const settings = readWorkbookSettings(workbook, names);
  if (!settings.ok) return settings;
  return { ok: true, raw: raw.raw, settings: settings.settings };
}

export interface WrittenSheet {
  /** The sheet's final name: the spec's, or suffixed when a user's sheet had it. */
  sheetName: string;
  /** Final table names, in spec order. */
  tableNames: string[];
}

/**
 * A copy of the workbook with the sheets applied in order (the add-in's earlier sheet of the same
 * kind replaced, a user's sheet never touched), their charts added, and the user's own drawings
 * and defined names kept.
 *
 * @example
 * const { xlsx } = await writeXlsxSheets(input, [projectionSpec, whatIfSpec]);
 */
export async function writeXlsxSheets(
  bytes: Buffer,
  specs: readonly SheetSpec[],
): Promise<{ xlsx: Buffer; sheets: WrittenSheet[] }> {
  const workbook = await loadWorkbook(bytes);
  const applied = specs.map((spec) => applySheetSpec(workbook, spec));
  const saved = await workbook.xlsx.writeBuffer();
  // ExcelJS drops what it cannot model: put back the user's charts and defined names, add ours.
  const kept = await restoreDrawings(
    saved as ArrayBuffer,
    bytes,
    applied.map((a) => a.sheetName),
  );
  const charts: SheetCharts[] = applied.map((a) => ({ sheetName: a.sheetName, charts: a.charts }));
  const withCharts = await addCharts(kept.xlsx, charts);
  const xlsx = await restoreDefinedNames(withCharts, bytes);
  return { xlsx, sheets: applied.map((a) => ({ sheetName: a.sheetName, tableNames: a.tableNames })) };
}
