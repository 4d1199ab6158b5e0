/**
 * Office.js failures as sentences a planner can act on. `Excel.run` rejects with an
 * OfficeExtension.Error whose `code` (sometimes only `debugInfo.code`) says what happened;
 * codes are not localised, so they are safe to map.
 */
import type { Language } from "../../sheets/messages";
import { STRINGS } from "../../taskpane/strings";

/** The error code of an Office.js failure, or "Unknown". */
export function officeErrorCode(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; debugInfo?: { code?: unknown } };
    if (typeof e.code === "string" && e.code !== "") return e.code;
    if (typeof e.debugInfo?.code === "string" && e.debugInfo.code !== "") return e.debugInfo.code;
  }
  return "Unknown";
}

/** One sentence for an Office.js failure, in the pane's language. */
export function describeOfficeError(error: unknown, language: Language): string {
  const problems = STRINGS[language].problems;
  const code = officeErrorCode(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return problems.cellEditMode;
    case "InactiveWorkbook":
      return problems.inactiveWorkbook;
    case "AccessDenied":
      return problems.accessDenied;
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return problems.payloadTooLarge;
    case "ApiNotFound":
    case "ApiNotAvailable":
    case "NotImplemented":
      return problems.apiNotSupported;
    case "InvalidSelection":
      return problems.invalidSelection;
    default:
      return problems.unexpected(code);
  }
}
