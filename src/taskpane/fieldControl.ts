/**
 * One field of the form: its label (with "required" or "optional"), the control, the hint under
 * it and the error under that. An error is linked to the control with aria-errormessage and
 * aria-describedby, so a screen reader on the field reads it.
 */
import type { Language } from "../sheets/messages";
import { createElement } from "./dom";
import { ControlKey, FIELD_TEXT, FieldKey, FORM_TEXT, OptionKey } from "./strings";

/** Fields that show "verplicht"/"required" and are marked required for assistive technology. */
const REQUIRED: readonly ControlKey[] = ["opening", "safeShare", "dispersion", "history"];
/** Required unless another field is filled in instead: the intake, or an intake history (issue 24). */
const REQUIRED_OR: readonly ControlKey[] = ["intake"];
/** Fields for a number, to bring up a numeric keyboard on touch screens. */
const NUMERIC: readonly ControlKey[] = [
  "horizon",
  "target",
  "decisionsPerFte",
  "dispersion",
  "capacitySpread",
  "intakeLevelSpread",
  "runs",
  "seed",
  "fastShare",
  "safeShare",
  "fastLeadTime",
  "triagedOpening",
];

export type Control = HTMLInputElement | HTMLSelectElement;

export interface FieldBox<C extends Control = Control> {
  key: ControlKey;
  control: C;
  /** The field's whole block: hidden when its intake model does not need it. */
  wrap: HTMLDivElement;
  showError(text: string): void;
  clearError(): void;
}

export interface TextFieldOptions {
  key: FieldKey | OptionKey;
  language: Language;
  /** Adds a "use selection" button below the field, which calls this. */
  pick?: (key: FieldKey | OptionKey) => void;
}

/** The error slot under a field, and the wiring that links it to the control. */
function attachError(doc: Document, key: ControlKey, control: Control, wrap: HTMLElement): Omit<FieldBox, "wrap"> {
  const hintId = `hint-${key}`;
  const errorId = `error-${key}`;
  const error = createElement(doc, "p", { class: "field-error", id: errorId, hidden: "" });
  wrap.append(error);
  control.setAttribute("aria-describedby", hintId);
  const clearError = (): void => {
    error.textContent = "";
    error.hidden = true;
    control.removeAttribute("aria-invalid");
    control.removeAttribute("aria-errormessage");
    control.setAttribute("aria-describedby", hintId);
  };
  const showError = (text: string): void => {
    error.textContent = text;
    error.hidden = false;
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-errormessage", errorId);
    control.setAttribute("aria-describedby", `${errorId} ${hintId}`);
  };
  control.addEventListener("input", clearError);
  control.addEventListener("change", clearError);
  return { key, control, showError, clearError };
}

/**
 * A labelled text field; for a cell reference, a "use selection" button whose accessible name
 * starts with its visible text ("Gebruik selectie voor instroom per week").
 *
 * @example
 * const intake = createTextField(document, { key: "intake", language: "nl", pick: useSelection });
 * fieldset.append(intake.wrap);
 */
export function createTextField(doc: Document, options: TextFieldOptions): FieldBox<HTMLInputElement> {
  const { key, language } = options;
  const formText = FORM_TEXT[language];
  const fieldText = FIELD_TEXT[language][key];
  const required = REQUIRED.includes(key);
  const wrap = createElement(doc, "div", { class: "field" });
  const label = createElement(doc, "label", { for: `field-${key}`, id: `label-${key}` }, fieldText.label);
  const tag = required ? formText.required : REQUIRED_OR.includes(key) ? formText.requiredOrHistory : formText.optional;
  label.append(" ", createElement(doc, "span", { class: "tag" }, tag));
  const input = createElement(doc, "input", {
    id: `field-${key}`,
    name: key,
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: fieldText.placeholder,
  });
  if (required) input.setAttribute("aria-required", "true");
  if (NUMERIC.includes(key)) input.setAttribute("inputmode", "decimal");
  const row = createElement(doc, "div", { class: "row" });
  row.append(input);
  const pick = options.pick;
  if (pick) {
    const button = createElement(
      doc,
      "button",
      {
        type: "button",
        class: "secondary",
        "data-select": key,
        "aria-label": formText.useSelectionFor(fieldText.label),
      },
      formText.useSelection,
    );
    button.addEventListener("click", () => pick(key));
    row.append(button);
  }
  wrap.append(label, row, createElement(doc, "p", { class: "hint", id: `hint-${key}` }, fieldText.hint));
  return { ...attachError(doc, key, input, wrap), control: input, wrap };
}

/**
 * A labelled drop-down with its hint and error slot.
 *
 * @example
 * createSelectField(document, { key: "intakeModel", label: "Instroommodel", hint: "…", choices: [["poisson", "Poisson"]] })
 */
export function createSelectField(
  doc: Document,
  options: { key: ControlKey; label: string; hint: string; choices: readonly (readonly [string, string])[] },
): FieldBox<HTMLSelectElement> {
  const { key } = options;
  const wrap = createElement(doc, "div", { class: "field" });
  const select = createElement(doc, "select", { id: `field-${key}`, name: key });
  for (const [value, text] of options.choices) select.append(createElement(doc, "option", { value }, text));
  wrap.append(
    createElement(doc, "label", { for: `field-${key}` }, options.label),
    select,
    createElement(doc, "p", { class: "hint", id: `hint-${key}` }, options.hint),
  );
  return { ...attachError(doc, key, select, wrap), control: select, wrap };
}

/**
 * A labelled checkbox that switches a section on or off, with its hint.
 *
 * @example
 * const tracksOn = createToggle(document, { key: "tracks", label: "Sporen doorrekenen", hint: "…", checked: false });
 */
export function createToggle(
  doc: Document,
  options: { key: string; label: string; hint: string; checked: boolean },
): { wrap: HTMLDivElement; input: HTMLInputElement } {
  const id = `field-${options.key}`;
  const input = createElement(doc, "input", {
    type: "checkbox",
    id,
    name: options.key,
    "aria-describedby": `hint-${options.key}`,
  });
  input.checked = options.checked;
  const check = createElement(doc, "div", { class: "check" });
  check.append(input, createElement(doc, "label", { for: id }, options.label));
  const wrap = createElement(doc, "div", { class: "toggle" });
  wrap.append(check, createElement(doc, "p", { class: "hint", id: `hint-${options.key}` }, options.hint));
  return { wrap, input };
}
