/** Whether a workbook file is the bundled sample: it carries the name Voorbeeldwerkmap/SampleWorkbook. */
import { isSampleWorkbook } from "../../plan/settings";
import { openPackage } from "./package/opcPackage";
import { readWorkbookNames } from "./package/readInputs";

/**
 * True when the workbook-level names include the sample's mark.
 *
 * @example
 * isSampleXlsx(fs.readFileSync("assets/voorbeeld-invoer.xlsx")) // → true
 */
export function isSampleXlsx(bytes: Uint8Array): boolean {
  const names = readWorkbookNames(openPackage(bytes)).filter((n) => n.scope === undefined);
  return isSampleWorkbook(names.map((n) => n.name));
}
