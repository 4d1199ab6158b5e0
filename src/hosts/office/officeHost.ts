/* global Excel, Office, setTimeout */
/**
 * The pane's host backed by Office.js: each job is one `Excel.run`. Language and locale follow
 * Office.context.displayLanguage.
 */
import { todaySerial } from "../../sheets/dates";
import type { PaneHost } from "../../taskpane/pane";
import { readConventionNames, readSelection, runPlan, saveConventionNames } from "./runPlan";
import { languageFor } from "../../taskpane/strings";

/**
 * Lets the pane repaint and handle input between slices of a long simulation: a macrotask, so
 * the browser renders the progress bar before the next slice starts.
 */
export const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createOfficeHost(): PaneHost {
  const displayLanguage = Office.context.displayLanguage || "en-US";
  const language = languageFor(displayLanguage);
  const preferDutch = language === "nl";
  const supports = (version: string): boolean => Office.context.requirements.isSetSupported("ExcelApi", version);
  return {
    language,
    locale: displayLanguage,
    conventionFields: () => Excel.run((context) => readConventionNames(context, preferDutch)),
    selection: () => Excel.run((context) => readSelection(context)),
    run: (fields, kind, sections, onProgress, newBaseline) =>
      Excel.run((context) =>
        runPlan(context, {
          fields,
          kind,
          language,
          today: todaySerial(),
          checkMerged: supports("1.13"),
          adapter: { supports },
          ...(sections !== undefined && { sections }),
          progress: { yieldToHost, ...(onProgress !== undefined && { onProgress }) },
          ...(newBaseline === true && { newBaseline: true }),
        }),
      ),
    saveNames: (fields) => Excel.run((context) => saveConventionNames(context, fields, preferDutch)),
  };
}
