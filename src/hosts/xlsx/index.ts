/**
 * The .xlsx host in two calls, as `npm run plan` uses it: read a workbook's inputs and settings
 * through its defined names, and transplant the add-in's sheets into a copy of its package.
 */
export { readXlsxBaseline, readXlsxInputs } from "./package/readInputs";
export type { XlsxInputs } from "./package/readInputs";
export { checkWritable, writeXlsxSheets } from "./package/transplant";
export type { WriteXlsxOptions, WriteXlsxResult } from "./package/transplant";
export { PackageRefusal } from "./package/refusal";
export { isSampleXlsx } from "./sampleFlag";
export type { NameProblem } from "./readInputs";
