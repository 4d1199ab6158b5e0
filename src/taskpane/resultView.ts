/**
 * The result of a run: the headline figures, the uncertainty band and the tracks, as label/value
 * pairs, and the notes under them. After a run the heading takes the focus (which brings the
 * result into view) and the key figure is returned for the status line to announce.
 */
import type { Language } from "../sheets/messages";
import type { RunSuccess } from "../hosts/office/runPlan";
import { createElement } from "./dom";
import { intakeSourceLine, SummaryLine, summaryLines, tracksLines, uncertaintyResult } from "./outcomes";
import { RESULT_TEXT } from "./resultText";

export interface ResultView {
  element: HTMLElement;
  notes: HTMLUListElement;
  /** Shows the figures, focuses the heading; returns the key figure in a sentence. */
  show(outcome: RunSuccess): string;
  hide(): void;
  showNotes(lines: readonly string[]): void;
}

function fillList(doc: Document, list: HTMLElement, lines: readonly SummaryLine[]): void {
  list.replaceChildren(
    ...lines.flatMap((line) => {
      const pair = createElement(doc, "div", { class: "pair" });
      pair.append(createElement(doc, "dt", {}, line.label), createElement(doc, "dd", {}, line.value));
      return [pair];
    }),
  );
}

/** The result section's elements, ids as the tests and the docs know them. */
function buildResult(doc: Document, language: Language) {
  const resultText = RESULT_TEXT[language];
  const element = createElement(doc, "section", { id: "result", "aria-labelledby": "result-heading", hidden: "" });
  const heading = createElement(doc, "h2", { id: "result-heading", tabindex: "-1" }, resultText.heading);
  const summary = createElement(doc, "dl", { id: "summary" });
  // Where the intake came from (an intake history's forecast), under the figures it made.
  const source = createElement(doc, "p", { id: "intake-source", class: "hint", hidden: "" });
  const uncertaintyBox = createElement(doc, "div", { id: "uncertainty-result", hidden: "" });
  const chance = createElement(doc, "p", { id: "chance", class: "chance" });
  const uncertaintyList = createElement(doc, "dl", { id: "uncertainty-summary" });
  const assumptions = createElement(doc, "p", { id: "assumptions", class: "hint" });
  uncertaintyBox.append(
    createElement(doc, "h3", { id: "uncertainty-heading" }, resultText.uncertaintyHeading),
    chance,
    uncertaintyList,
    assumptions,
  );
  const tracksBox = createElement(doc, "div", { id: "tracks-result", hidden: "" });
  const tracksList = createElement(doc, "dl", { id: "tracks-lines" });
  tracksBox.append(createElement(doc, "h3", { id: "tracks-heading" }, resultText.tracksHeading), tracksList);
  element.append(heading, summary, source, uncertaintyBox, tracksBox);
  return {
    element,
    heading,
    summary,
    source,
    uncertaintyBox,
    chance,
    uncertaintyList,
    assumptions,
    tracksBox,
    tracksList,
  };
}

/**
 * @example
 * const result = mountResultView(document, "nl", "nl-NL");
 * status.textContent = `${describeSuccess(outcome, "nl")} ${result.show(outcome)}`;
 */
export function mountResultView(doc: Document, language: Language, locale: string): ResultView {
  const parts = buildResult(doc, language);
  const notes = createElement(doc, "ul", { id: "notes", class: "notes", hidden: "" });
  return {
    element: parts.element,
    notes,
    show: (outcome) => {
      const lines = summaryLines(outcome, language, locale);
      fillList(doc, parts.summary, lines);
      const source = intakeSourceLine(outcome, language);
      parts.source.textContent = source ?? "";
      parts.source.hidden = source === undefined;
      const uncertainty = uncertaintyResult(outcome, language, locale);
      parts.uncertaintyBox.hidden = uncertainty === undefined;
      parts.chance.textContent = uncertainty?.chance ?? "";
      parts.chance.hidden = !uncertainty?.chance;
      parts.assumptions.textContent = uncertainty?.assumptions ?? "";
      fillList(doc, parts.uncertaintyList, uncertainty?.lines ?? []);
      const trackLines = tracksLines(outcome, language, locale);
      parts.tracksBox.hidden = trackLines.length === 0;
      fillList(doc, parts.tracksList, trackLines);
      parts.element.hidden = false;
      parts.heading.scrollIntoView({ block: "start" });
      parts.heading.focus();
      const resultText = RESULT_TEXT[language];
      const closing = lines.find((line) => line.label === resultText.closing);
      return closing ? resultText.keyFigure(closing.label, closing.value) : "";
    },
    hide: () => {
      parts.element.hidden = true;
    },
    showNotes: (lines) => {
      notes.replaceChildren(...lines.map((line) => createElement(doc, "li", {}, line)));
      notes.hidden = lines.length === 0;
    },
  };
}
