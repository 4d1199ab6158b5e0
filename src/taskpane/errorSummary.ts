/**
 * The error summary at the top of the form: a heading and one line per problem, each linking to
 * its field. A problem without a field (an Excel error) is a plain line, and the summary itself
 * takes the focus.
 */
import type { Language } from "../sheets/messages";
import { createElement, unfoldAround } from "./dom";
import type { FieldBox } from "./fieldControl";
import { FORM_TEXT } from "./strings";

export interface ErrorSummary {
  element: HTMLDivElement;
  /** Shows `text`; with a field, also at the field, which gets the focus. */
  show(text: string, field?: FieldBox): void;
  clear(): void;
}

/** Moves the focus to a field, unfolding its section first so that it can be seen. */
export function focusField(field: FieldBox): void {
  unfoldAround(field.control);
  field.control.focus();
}

/**
 * @example
 * const errors = mountErrorSummary(document, "nl");
 * form.prepend(errors.element);
 * errors.show("Aandeel snel spoor: 1,2 ligt niet tussen 0 en 1. …", fastShareField);
 */
export function mountErrorSummary(doc: Document, language: Language): ErrorSummary {
  const element = createElement(doc, "div", {
    id: "error-summary",
    class: "error-summary",
    role: "alert",
    tabindex: "-1",
    "aria-labelledby": "error-summary-heading",
    hidden: "",
  });
  const heading = createElement(doc, "h2", { id: "error-summary-heading" }, FORM_TEXT[language].errorSummary);
  const list = createElement(doc, "ul", { id: "error-list" });
  element.append(heading, list);
  const shown: FieldBox[] = [];

  const lineFor = (text: string, field?: FieldBox): HTMLLIElement => {
    const line = createElement(doc, "li");
    if (!field) {
      line.textContent = text;
      return line;
    }
    const link = createElement(doc, "a", { href: `#${field.control.id}` }, text);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      focusField(field);
    });
    line.append(link);
    return line;
  };

  return {
    element,
    show: (text, field) => {
      list.replaceChildren(lineFor(text, field));
      element.hidden = false;
      if (field) {
        field.showError(text);
        shown.push(field);
        focusField(field);
      } else {
        element.focus();
      }
    },
    clear: () => {
      list.replaceChildren();
      element.hidden = true;
      for (const field of shown.splice(0)) field.clearError();
    },
  };
}
