/**
 * A targeted fix for ExcelJS 4.4, applied once before `npm run plan` loads a workbook.
 *
 * ExcelJS strips every backslash from number formats when it reads them (numfmt-xform.js:
 * `formatCode.replace(/[\\](.)/g, '$1')`) and writes them back stripped. That changes what the
 * user sees: `0\%` (a literal percent sign) becomes `0%` (times 100), `dd\-mm\-yyyy` changes text.
 * Its writer emits the code as stored, so keeping the code as read round-trips it exactly.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NumFmtXform = require("exceljs/lib/xlsx/xform/style/numfmt-xform") as {
  prototype: { parseOpen(node: { name: string; attributes: Record<string, string> }): boolean; model?: unknown };
};

const PATCHED = Symbol.for("voorraadplanner.exceljs.numFmtEscapes");

/** Makes ExcelJS keep number-format codes verbatim. Idempotent. */
export function keepNumberFormatEscapes(): void {
  const proto = NumFmtXform.prototype as typeof NumFmtXform.prototype & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto.parseOpen = function parseOpen(this: { model?: unknown }, node) {
    if (node.name !== "numFmt") return false;
    this.model = {
      id: parseInt(node.attributes["numFmtId"] ?? "", 10),
      formatCode: node.attributes["formatCode"] ?? "",
    };
    return true;
  };
  proto[PATCHED] = true;
}
