/**
 * A defined name as the workbook stores it, and its element for tools and tests that add names
 * to a package. The names of a planner's workbook are read by `package/readInputs.ts` and never
 * rewritten: the transplant leaves the user's `<definedName>` elements as they are.
 */
import { escapeXml } from "./package/xml";

export interface DefinedName {
  name: string;
  /** The sheet a sheet-level name belongs to; undefined for a workbook-level name. */
  scope: string | undefined;
  /** The definition as stored, without "=": "Invoer!$B$3", "0.1", "'My sheet'!$C$5:$C$56". */
  formula: string;
  /** The element as stored, for verbatim copying. */
  xml: string;
}

/** A defined name's element, for tests and tools that add names to a package. */
export function definedNameXml(name: string, formula: string, localSheetId?: number): string {
  const scope = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  return `<definedName name="${escapeXml(name)}"${scope}>${escapeXml(formula)}</definedName>`;
}
