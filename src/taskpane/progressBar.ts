/**
 * The progress of a long simulation: one named progress bar (a native <progress>, labelled by
 * the text above it) with its value in words for assistive technology.
 */
import type { Language } from "../sheets/messages";
import { createElement } from "./dom";
import { PROGRESS_TEXT } from "./strings";

export interface ProgressBar {
  element: HTMLDivElement;
  /** Shows the share done, 0 to 1; repeats of the same whole percent are skipped. */
  show(fraction: number): void;
  hide(): void;
}

/**
 * @example
 * const progress = mountProgressBar(document, "nl");
 * host.run(fields, "projection", sections, progress.show);
 */
export function mountProgressBar(doc: Document, language: Language): ProgressBar {
  const progressText = PROGRESS_TEXT[language];
  const element = createElement(doc, "div", { id: "progress-box", class: "progress", hidden: "" });
  const label = createElement(doc, "p", { id: "progress-label", class: "progress-label" }, progressText.label);
  const bar = createElement(doc, "progress", {
    id: "progress",
    max: "100",
    value: "0",
    "aria-labelledby": "progress-label",
  });
  // The same words as the bar's aria-valuetext: hidden from assistive technology, not repeated.
  const words = createElement(doc, "p", { id: "progress-text", class: "hint", "aria-hidden": "true" });
  element.append(label, bar, words);
  let shownPercent = -1;
  return {
    element,
    show: (fraction) => {
      const percent = Math.min(100, Math.max(0, Math.floor(fraction * 100)));
      if (percent === shownPercent) return;
      shownPercent = percent;
      const text = progressText.done(`${percent}%`);
      bar.value = percent;
      bar.setAttribute("aria-valuetext", text);
      words.textContent = text;
      element.hidden = false;
    },
    hide: () => {
      element.hidden = true;
      shownPercent = -1;
      bar.value = 0;
      bar.removeAttribute("aria-valuetext");
    },
  };
}
