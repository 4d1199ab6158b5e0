/**
 * Office.js failures as sentences a planner can act on, in the pane's language.
 */
import { officeErrorCode } from "../hosts/office/officeErrors";
import type { Language } from "../sheets/messages";
import { PROBLEM_TEXT } from "./problemText";

/** One sentence for an Office.js failure, in the pane's language. */
export function describeOfficeError(error: unknown, language: Language): string {
  const problems = PROBLEM_TEXT[language];
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
