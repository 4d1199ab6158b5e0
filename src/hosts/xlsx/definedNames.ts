/**
 * A defined name's element, for tools and tests that add names to a package. The names of a
 * planner's workbook are read by `package/readInputs.ts` and never rewritten: the transplant
 * leaves the user's `<definedName>` elements as they are.
 */
import { escapeXml } from "./package/xml";

/** A defined name's element, for tests and tools that add names to a package. */
export function definedNameXml(name: string, formula: string, localSheetId?: number): string {
  const scope = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  return `<definedName name="${escapeXml(name)}"${scope}>${escapeXml(formula)}</definedName>`;
}
