/**
 * The pane's user interface, kept apart from Office: it talks to a `PaneHost`, which the real
 * pane backs with Excel.run (src/hosts/office/officeHost.ts) and tests back with a stand-in.
 * Each part of the page is its own component; this file puts them together and runs the jobs.
 */
import type { Language } from "../sheets/messages";
import { describeOfficeError } from "./officeErrorText";
import type { RunKind, RunOutcome, SaveOutcome } from "../hosts/office/runPlan";
import type { PaneFields } from "../hosts/office/readInputs";
import { ActionButtons, mountActionButtons } from "./actionButtons";
import { elementById } from "./dom";
import { ErrorSummary, mountErrorSummary } from "./errorSummary";
import type { FieldBox } from "./fieldControl";
import { InputsSection, mountInputsSection } from "./inputsSection";
import { describeNote, describeRunProblem, describeSave, describeSuccess, fieldOfProblem } from "./outcomes";
import type { MountSection, PaneSection } from "./paneSection";
import { mountProgressBar, ProgressBar } from "./progressBar";
import { mountResultView, ResultView } from "./resultView";
import { emptySectionFields, SectionFields } from "../plan/options";
import { createStatusLine } from "./statusLine";
import { ControlKey, FieldKey, FORM_TEXT, labelOf, OptionKey, STATUS_TEXT } from "./strings";
import { mountTracksSection } from "./tracksSection";
import { mountUncertaintySection } from "./uncertaintySection";

export interface PaneHost {
  language: Language;
  /** BCP 47 locale for numbers: "nl-NL". */
  locale: string;
  conventionFields(): Promise<Partial<PaneFields>>;
  selection(): Promise<string>;
  /** `onProgress` hears the share done of a long simulation (more than 50,000 runs). */
  run(
    fields: PaneFields,
    kind: RunKind,
    sections?: SectionFields,
    onProgress?: (fraction: number) => void,
    /** A monitoring run: store today's plan as a new baseline. */
    newBaseline?: boolean,
  ): Promise<RunOutcome>;
  saveNames(fields: PaneFields): Promise<SaveOutcome>;
}

export interface PaneHandle {
  /** Resolves when the pane has read the workbook's names and is ready. */
  ready: Promise<void>;
}

/** The optional sections, in the order they appear between the inputs and the buttons. */
const SECTIONS: readonly MountSection[] = [mountUncertaintySection, mountTracksSection];

/** Everything a job needs: the host and the mounted components. */
interface Pane {
  doc: Document;
  host: PaneHost;
  form: HTMLFormElement;
  inputs: InputsSection;
  sections: readonly PaneSection[];
  fields: Map<ControlKey, FieldBox>;
  errors: ErrorSummary;
  actions: ActionButtons;
  progress: ProgressBar;
  status: HTMLParagraphElement;
  result: ResultView;
}

/** Builds every component inside taskpane.html's `<main>`, in reading order. */
function buildPane(doc: Document, host: PaneHost, pick: (key: FieldKey | OptionKey) => void): Pane {
  const language = host.language;
  const formText = FORM_TEXT[language];
  doc.documentElement.lang = formText.htmlLang;
  doc.title = formText.title;
  elementById(doc, "title").textContent = formText.title;
  elementById(doc, "intro").textContent = formText.intro;
  const form = elementById<HTMLFormElement>(doc, "plan-form");
  const errors = mountErrorSummary(doc, language);
  const inputs = mountInputsSection(doc, language, pick);
  const sections = SECTIONS.map((mount) => mount({ doc, language, pick }));
  const actions = mountActionButtons(doc, language);
  form.replaceChildren(errors.element, inputs.element, ...sections.map((section) => section.element), actions.element);
  const progress = mountProgressBar(doc, language);
  const status = createStatusLine(doc);
  const result = mountResultView(doc, language, host.locale);
  form.after(progress.element, status, result.element, result.notes);
  const fields = new Map<ControlKey, FieldBox>();
  for (const field of [...Object.values(inputs.fields), ...sections.flatMap((section) => section.fields)]) {
    fields.set(field.key, field);
  }
  return { doc, host, form, inputs, sections, fields, errors, actions, progress, status, result };
}

/**
 * Runs one job with the buttons disabled. An Office.js failure becomes a plain sentence in the
 * error summary, and at `field` when the job was for one; focus that a disabled button dropped
 * goes back to it.
 */
async function runBusy(pane: Pane, job: () => Promise<void>, field?: FieldBox): Promise<void> {
  const { doc, form, status } = pane;
  const working = STATUS_TEXT[pane.host.language].working;
  const starter = doc.activeElement;
  pane.errors.clear();
  form.setAttribute("aria-busy", "true");
  const buttons = Array.from(form.querySelectorAll("button"));
  for (const button of buttons) button.disabled = true;
  status.textContent = working;
  try {
    await job();
  } catch (error) {
    status.textContent = "";
    pane.errors.show(describeOfficeError(error, pane.host.language), field);
  } finally {
    pane.progress.hide();
    if (status.textContent === working) status.textContent = "";
    for (const button of buttons) button.disabled = false;
    form.removeAttribute("aria-busy");
    const lost = doc.activeElement === null || doc.activeElement === doc.body;
    if (lost && starter instanceof HTMLElement && starter.isConnected) starter.focus();
  }
}

function readSections(pane: Pane): SectionFields {
  const sections = emptySectionFields();
  for (const section of pane.sections) section.readInto(sections);
  return sections;
}

/** A problem at its field (with focus there) and in the summary; a success in view and announced. */
function showOutcome(pane: Pane, outcome: RunOutcome): void {
  const language = pane.host.language;
  const notes = outcome.notes.map((note) => describeNote(note, language));
  if (!outcome.ok) {
    pane.result.hide();
    pane.status.textContent = "";
    const field = fieldOfProblem(outcome.problem);
    pane.errors.show(describeRunProblem(outcome.problem, language), field && pane.fields.get(field));
  } else {
    const keyFigure = pane.result.show(outcome);
    pane.status.textContent = [describeSuccess(outcome, language), keyFigure].filter(Boolean).join(" ");
  }
  pane.result.showNotes(notes);
}

async function useSelection(pane: Pane, key: FieldKey | OptionKey): Promise<void> {
  const field = pane.fields.get(key);
  if (!field) return;
  await runBusy(
    pane,
    async () => {
      const address = await pane.host.selection();
      field.control.value = address;
      field.control.dispatchEvent(new Event("input"));
      pane.status.textContent = STATUS_TEXT[pane.host.language].selectionTaken(
        labelOf(pane.host.language, key),
        address,
      );
    },
    field,
  );
  field.control.focus();
}

async function saveNames(pane: Pane): Promise<void> {
  await runBusy(pane, async () => {
    const saved = describeSave(await pane.host.saveNames(pane.inputs.read()), pane.host.language);
    if (saved.ok) pane.status.textContent = saved.text;
    else {
      pane.status.textContent = "";
      pane.errors.show(saved.text);
    }
  });
}

/** Fills the inputs from the workbook's names, and says what it found. */
async function loadNames(pane: Pane): Promise<void> {
  await runBusy(pane, async () => {
    const found = await pane.host.conventionFields();
    const filled = pane.inputs.fill(found);
    const statusText = STATUS_TEXT[pane.host.language];
    pane.status.textContent =
      filled.length > 0
        ? statusText.filledFromNames(filled.map((key) => found[key]).join(", "))
        : statusText.noNamesFound;
  });
}

/**
 * Builds the pane inside taskpane.html's skeleton and wires its buttons to `host`.
 *
 * @example
 * Office.onReady(() => mountPane(document, createOfficeHost()));
 */
export function mountPane(doc: Document, host: PaneHost): PaneHandle {
  // Called on a click only, so after `mounted` exists.
  const pick = (key: FieldKey | OptionKey): void => void useSelection(mounted, key);
  const mounted = buildPane(doc, host, pick);
  const run = (kind: RunKind, newBaseline = false): Promise<void> =>
    runBusy(mounted, async () => {
      const outcome = await host.run(
        mounted.inputs.read(),
        kind,
        readSections(mounted),
        mounted.progress.show,
        newBaseline,
      );
      showOutcome(mounted, outcome);
    });
  mounted.form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run("projection");
  });
  mounted.actions.whatIf.addEventListener("click", () => void run("whatIf"));
  mounted.actions.monitoring.addEventListener("click", () => void run("monitoring"));
  mounted.actions.newBaseline.addEventListener("click", () => void run("monitoring", true));
  mounted.actions.saveNames.addEventListener("click", () => void saveNames(mounted));
  return { ready: loadNames(mounted) };
}
