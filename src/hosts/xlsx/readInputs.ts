/**
 * What reading a workbook file's inputs through its defined names can say: the result and
 * problem types, and the parser for the references the names hold. The reading itself is in
 * `package/readInputs.ts`.
 */
import type { InputKey, RawPlanInputs, ReadingNote } from "../../sheets/inputs";
import type { SettingKey } from "../../plan/settings";

/** Why the names could not be read; turned into a sentence by `describeNameProblem`. */
export type NameProblem =
  | { code: "missing"; input: InputKey; names: readonly string[] }
  | { code: "unsupported"; input: InputKey | SettingKey; name: string; formula: string }
  | { code: "no-sheet"; input: InputKey | SettingKey; name: string; sheet: string }
  | { code: "no-result"; input: InputKey | SettingKey; address: string }
  /** A setting's name must point at one cell (or hold a constant). */
  | { code: "not-one-cell"; input: SettingKey; name: string; address: string }
  /** The name points into another workbook (`[1]Invoer!$B$2`): only this workbook is read. */
  | { code: "other-workbook"; input: InputKey | SettingKey; name: string; formula: string }
  /** The name points at a chart sheet (or another sheet without cells). */
  | { code: "not-worksheet"; input: InputKey | SettingKey; name: string; sheet: string; kind: string }
  /** No workbook-level name, but sheet-level ones on several sheets: which one is meant? */
  | { code: "sheet-scoped"; input: InputKey | SettingKey; name: string; sheets: string[] }
  /** A structured reference to a table the workbook does not have. */
  | { code: "no-table"; input: InputKey | SettingKey; name: string; table: string }
  | { code: "no-column"; input: InputKey | SettingKey; name: string; table: string; column: string; columns: string[] }
  /** A structured reference to a table's header or totals row ("this row", #Headers, #Totals) alone. */
  | { code: "not-table-data"; input: InputKey | SettingKey; name: string; formula: string };

export type RawInputsResult =
  | { ok: true; raw: RawPlanInputs; names: Partial<Record<InputKey, string>>; notes: ReadingNote[] }
  | { ok: false; problem: NameProblem };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!]+))!`;
const REFERENCE = new RegExp(String.raw`^${SHEET}\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$`, "i");
/** A whole column ("$C:$C") or a whole row ("$5:$5"). */
const COLUMNS = new RegExp(String.raw`^${SHEET}\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$`, "i");
const ROWS = new RegExp(String.raw`^${SHEET}\$?(\d+):\$?(\d+)$`);
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** A cell reference: its sheet, 1-based corners, and whether it is a whole column or row. */
export interface SheetReference {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** "$B:$B" or "$5:$5": leading text cells are headers. */
  whole: boolean;
}

/** A reference as sheet plus 1-based corners, or undefined for anything else. */
export function parseReference(formula: string): SheetReference | undefined {
  const text = formula.trim().replace(/^=/, "");
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const sheetOf = (m: RegExpExecArray): string => (m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string));
  let corners: [number, number, number, number] | undefined;
  let m = REFERENCE.exec(text);
  const whole = !m;
  if (m) {
    const left = col(m[3] as string);
    const top = Number(m[4]);
    corners = [top, left, m[6] ? Number(m[6]) : top, m[5] ? col(m[5]) : left];
  } else if ((m = COLUMNS.exec(text))) {
    corners = [1, col(m[3] as string), MAX_ROW, col(m[4] as string)];
  } else if ((m = ROWS.exec(text))) {
    corners = [Number(m[3]), 1, Number(m[4]), MAX_COLUMN];
  }
  if (!m || !corners) return undefined;
  const [top, left, bottom, right] = corners;
  return {
    whole,
    sheet: sheetOf(m),
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
