/**
 * The form's buttons: make the projection (the form's submit), a new what-if sheet, the progress
 * against the plan (Voortgang, from the workbook's actuals), save as names.
 */
import type { Language } from "../sheets/messages";
import { createElement } from "./dom";
import { FORM_TEXT } from "./strings";

export interface ActionButtons {
  element: HTMLDivElement;
  run: HTMLButtonElement;
  whatIf: HTMLButtonElement;
  monitoring: HTMLButtonElement;
  /** Voortgang with today's plan as a new baseline (the old one kept). */
  newBaseline: HTMLButtonElement;
  saveNames: HTMLButtonElement;
}

/**
 * @example
 * const actions = mountActionButtons(document, "en");
 * actions.whatIf.addEventListener("click", () => void run("whatIf"));
 */
export function mountActionButtons(doc: Document, language: Language): ActionButtons {
  const formText = FORM_TEXT[language];
  const element = createElement(doc, "div", { class: "actions" });
  const run = createElement(doc, "button", { type: "submit", id: "run", class: "primary" }, formText.run);
  const whatIf = createElement(doc, "button", { type: "button", id: "what-if" }, formText.whatIf);
  const monitoring = createElement(doc, "button", { type: "button", id: "monitoring" }, formText.monitoring);
  const newBaseline = createElement(doc, "button", { type: "button", id: "new-baseline" }, formText.newBaseline);
  const saveNames = createElement(doc, "button", { type: "button", id: "save-names" }, formText.saveNames);
  element.append(run, whatIf, monitoring, newBaseline, saveNames);
  return { element, run, whatIf, monitoring, newBaseline, saveNames };
}
