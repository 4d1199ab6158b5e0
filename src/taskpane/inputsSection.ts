/** The main inputs: opening backlog, intake, capacity, …, each a labelled field. */
import type { Language } from "../sheets/messages";
import { emptyFields, PaneFields } from "../hosts/office/readInputs";
import { createElement } from "./dom";
import { createTextField, FieldBox } from "./fieldControl";
import { FIELD_KEYS, FieldKey, FORM_TEXT, OptionKey, REFERENCE_FIELDS } from "./strings";

export interface InputsSection {
  element: HTMLFieldSetElement;
  fields: Record<FieldKey, FieldBox<HTMLInputElement>>;
  read(): PaneFields;
  /** Fills in what the workbook's names give; returns the fields filled. */
  fill(found: Partial<PaneFields>): FieldKey[];
}

/**
 * Builds the inputs fieldset.
 *
 * @example
 * const inputs = mountInputsSection(document, "nl", useSelection);
 * form.append(inputs.element);
 */
export function mountInputsSection(
  doc: Document,
  language: Language,
  pick: (key: FieldKey | OptionKey) => void,
): InputsSection {
  const element = createElement(doc, "fieldset", { id: "inputs-section" });
  element.append(createElement(doc, "legend", { id: "inputs-legend" }, FORM_TEXT[language].inputsLegend));
  const fields = {} as Record<FieldKey, FieldBox<HTMLInputElement>>;
  for (const key of FIELD_KEYS) {
    fields[key] = createTextField(doc, { key, language, ...(REFERENCE_FIELDS.includes(key) && { pick }) });
    element.append(fields[key].wrap);
  }
  return {
    element,
    fields,
    read: () => {
      const read = emptyFields();
      for (const key of FIELD_KEYS) read[key] = fields[key].control.value;
      return read;
    },
    fill: (found) => {
      const filled = FIELD_KEYS.filter((key) => found[key]);
      for (const key of filled) fields[key].control.value = found[key] as string;
      return filled;
    },
  };
}
