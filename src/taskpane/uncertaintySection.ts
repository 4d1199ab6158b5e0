/**
 * The uncertainty section: on by default, as 10,000 runs of a year take some 20 ms. Its settings
 * are folded away; the model choice shows only the field that model needs.
 */
import { createElement } from "./dom";
import { createSelectField, createTextField, createToggle, FieldBox } from "./fieldControl";
import type { MountSection } from "./paneSection";
import { INTAKE_MODELS, IntakeModelKind, OptionKey, SECTION_TEXT, UNCERTAINTY_KEYS } from "./strings";

/** Section fields that can point at cells. */
const REFERENCE_OPTIONS: readonly OptionKey[] = ["history"];

/**
 * @example
 * const uncertainty = mountUncertaintySection({ doc: document, language: "nl", pick: useSelection });
 */
export const mountUncertaintySection: MountSection = ({ doc, language, pick }) => {
  const sectionText = SECTION_TEXT[language];
  const element = createElement(doc, "fieldset", { id: "uncertainty-section", class: "section" });
  element.append(createElement(doc, "legend", { id: "uncertainty-legend" }, sectionText.uncertaintyLegend));
  const toggle = createToggle(doc, {
    key: "uncertainty",
    label: sectionText.uncertaintyToggle,
    hint: sectionText.uncertaintyToggleHint,
    checked: true,
  });
  const settings = createElement(doc, "details", { id: "uncertainty-settings" });
  settings.append(createElement(doc, "summary", {}, sectionText.uncertaintySettings));
  const model = createSelectField(doc, {
    key: "intakeModel",
    label: sectionText.intakeModel,
    hint: sectionText.intakeModelHint,
    choices: INTAKE_MODELS.map((kind) => [kind, sectionText.models[kind]] as const),
  });
  settings.append(model.wrap);
  const options = {} as Record<OptionKey, FieldBox<HTMLInputElement>>;
  for (const key of UNCERTAINTY_KEYS) {
    options[key] = createTextField(doc, { key, language, ...(REFERENCE_OPTIONS.includes(key) && { pick }) });
    options[key].control.addEventListener("input", () => (toggle.input.checked = true));
    settings.append(options[key].wrap);
  }
  element.append(toggle.wrap, settings);
  const showModelFields = (): void => {
    options.dispersion.wrap.hidden = model.control.value !== "overdispersed";
    options.history.wrap.hidden = model.control.value !== "history";
  };
  model.control.addEventListener("change", () => {
    showModelFields();
    toggle.input.checked = true;
  });
  showModelFields();
  return {
    element,
    fields: [model, ...UNCERTAINTY_KEYS.map((key) => options[key])],
    readInto: (sections) => {
      const uncertainty = sections.uncertainty;
      uncertainty.enabled = toggle.input.checked;
      uncertainty.model = model.control.value as IntakeModelKind;
      uncertainty.dispersion = options.dispersion.control.value;
      uncertainty.history = options.history.control.value;
      uncertainty.capacitySpread = options.capacitySpread.control.value;
      uncertainty.runs = options.runs.control.value;
      uncertainty.seed = options.seed.control.value;
    },
  };
};
