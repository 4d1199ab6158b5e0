/**
 * What an optional section of the pane (uncertainty, tracks, …) gives the pane. Adding a section
 * is one step: a file with a `MountSection` function, listed in pane.ts's `SECTIONS`, its words
 * in its own `XXX_TEXT` table, and its fields in `SectionFields` (sections.ts).
 */
import type { Language } from "../sheets/messages";
import type { SectionFields } from "../plan/options";
import type { FieldBox } from "./fieldControl";
import type { FieldKey, OptionKey } from "./strings";

export interface SectionContext {
  doc: Document;
  language: Language;
  /** Fills a reference field from the workbook's selection. */
  pick: (key: FieldKey | OptionKey) => void;
}

export interface PaneSection {
  /** The section's element, placed between the main inputs and the buttons. */
  element: HTMLElement;
  /** Its fields, so that a problem can be shown at the field and the focus moved there. */
  fields: readonly FieldBox[];
  /** Copies what the planner typed into the run's section fields. */
  readInto(sections: SectionFields): void;
}

export type MountSection = (context: SectionContext) => PaneSection;
