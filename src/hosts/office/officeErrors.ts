/**
 * The code of an Office.js failure. `Excel.run` rejects with an OfficeExtension.Error whose
 * `code` (sometimes only `debugInfo.code`) says what happened; codes are not localised, so they
 * are safe to map (the pane's sentences for them: src/taskpane/officeErrorText.ts).
 */

/** The error code of an Office.js failure, or "Unknown". */
export function officeErrorCode(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof e.code === "string" && e.code !== "") return e.code;
    if (typeof e.debugInfo?.code === "string" && e.debugInfo.code !== "") return e.debugInfo.code;
  }
  return "Unknown";
}
