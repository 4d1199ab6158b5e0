/** The status line: a polite live region that says what the pane is doing or has just done. */
import { createElement } from "./dom";

/**
 * @example
 * const status = createStatusLine(document);
 * status.textContent = "Klaar: de prognose staat op het blad Prognose.";
 */
export function createStatusLine(doc: Document): HTMLParagraphElement {
  return createElement(doc, "p", { id: "status", class: "status", role: "status", "aria-live": "polite" });
}
