/** The tracks section: folded away and off until the planner switches it on or types in it. */
import { createElement } from "./dom";
import { createTextField, createToggle, FieldBox } from "./fieldControl";
import type { MountSection } from "./paneSection";
import { OptionKey, SECTION_TEXT, TRACK_KEYS } from "./strings";

/**
 * @example
 * const tracks = mountTracksSection({ doc: document, language: "en", pick: useSelection });
 */
export const mountTracksSection: MountSection = ({ doc, language }) => {
  const sectionText = SECTION_TEXT[language];
  const element = createElement(doc, "details", { id: "tracks-section", class: "section" });
  element.append(createElement(doc, "summary", { id: "tracks-summary" }, sectionText.tracksSummary));
  const toggle = createToggle(doc, {
    key: "tracks",
    label: sectionText.tracksToggle,
    hint: sectionText.tracksToggleHint,
    checked: false,
  });
  const box = createElement(doc, "div", { id: "tracks-fields" });
  box.append(toggle.wrap);
  const options = {} as Record<OptionKey, FieldBox<HTMLInputElement>>;
  for (const key of TRACK_KEYS) {
    options[key] = createTextField(doc, { key, language });
    options[key].control.addEventListener("input", () => (toggle.input.checked = true));
    box.append(options[key].wrap);
  }
  element.append(box);
  return {
    element,
    fields: TRACK_KEYS.map((key) => options[key]),
    readInto: (sections) => {
      const tracks = sections.tracks;
      tracks.enabled = toggle.input.checked;
      tracks.fastShare = options.fastShare.control.value;
      tracks.safeShare = options.safeShare.control.value;
      tracks.fastLeadTime = options.fastLeadTime.control.value;
    },
  };
};
