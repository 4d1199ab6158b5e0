/**
 * The pane's user interface, kept apart from Office: it talks to a `PaneHost`, which the real
 * pane backs with Excel.run (officeHost.ts) and tests back with a stand-in. Every element is
 * built with DOM calls (no innerHTML, no inline styles: the page runs under a strict CSP).
 */
import type { Language } from "../sheets/messages";
import { describeOfficeError } from "../hosts/office/officeErrors";
import {
  describeNote,
  describeRunProblem,
  describeSave,
  describeSuccess,
  fieldOfProblem,
  SummaryLine,
  summaryLines,
  tracksLines,
  uncertaintyResult,
} from "./outcomes";
import type { RunKind, RunOutcome, SaveOutcome } from "../hosts/office/runPlan";
import { emptySectionFields, SectionFields } from "./sections";
import {
  ControlKey,
  FIELD_KEYS,
  FieldKey,
  FieldStrings,
  INTAKE_MODELS,
  IntakeModelKind,
  labelOf,
  OptionKey,
  REFERENCE_FIELDS,
  STRINGS,
  TRACK_KEYS,
  UNCERTAINTY_KEYS,
} from "./strings";
import { emptyFields, PaneFields } from "../hosts/office/readInputs";

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
  ): Promise<RunOutcome>;
  saveNames(fields: PaneFields): Promise<SaveOutcome>;
}

const REQUIRED: readonly ControlKey[] = ["opening", "intake", "safeShare", "dispersion", "history"];
/** Section fields that can point at cells. */
const REFERENCE_OPTIONS: readonly OptionKey[] = ["history"];
/** Fields for a number, to bring up a numeric keyboard on touch screens. */
const NUMERIC: readonly ControlKey[] = [
  "horizon",
  "target",
  "dispersion",
  "capacitySpread",
  "runs",
  "seed",
  "fastShare",
  "safeShare",
  "fastLeadTime",
];

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`taskpane.html lacks #${id}`);
  return node as T;
}

export interface PaneHandle {
  /** Resolves when the pane has read the workbook's names and is ready. */
  ready: Promise<void>;
}

/**
 * Builds the pane inside taskpane.html's skeleton and wires its buttons to `host`.
 *
 * @example
 * Office.onReady(() => mountPane(document, createOfficeHost()));
 */
export function mountPane(doc: Document, host: PaneHost): PaneHandle {
  const S = STRINGS[host.language];
  doc.documentElement.lang = S.htmlLang;
  doc.title = S.title;
  byId(doc, "title").textContent = S.title;
  byId(doc, "intro").textContent = S.intro;
  byId(doc, "inputs-legend").textContent = S.inputsLegend;
  byId(doc, "result-heading").textContent = S.resultHeading;
  const form = byId<HTMLFormElement>(doc, "plan-form");
  const fieldsBox = byId(doc, "fields");
  const status = byId(doc, "status");
  const alertBox = byId(doc, "alert");
  const result = byId(doc, "result");
  const summary = byId(doc, "summary");
  const notes = byId(doc, "notes");
  const runButton = byId<HTMLButtonElement>(doc, "run");
  const whatIfButton = byId<HTMLButtonElement>(doc, "what-if");
  const saveButton = byId<HTMLButtonElement>(doc, "save-names");
  runButton.textContent = S.run;
  whatIfButton.textContent = S.whatIf;
  saveButton.textContent = S.saveNames;

  const inputs = {} as Record<FieldKey | OptionKey, HTMLInputElement>;
  const selectButtons: HTMLButtonElement[] = [];

  /** One labelled text field with its hint and, for a reference, a "use selection" button. */
  function textField(key: FieldKey | OptionKey, F: FieldStrings, pickable: boolean): HTMLDivElement {
    const wrap = el(doc, "div", { class: "field" });
    const label = el(doc, "label", { for: `field-${key}`, id: `label-${key}` }, F.label);
    const tag = el(doc, "span", { class: "tag" }, REQUIRED.includes(key) ? S.required : S.optional);
    label.append(" ", tag);
    const row = el(doc, "div", { class: "row" });
    const input = el(doc, "input", {
      id: `field-${key}`,
      name: key,
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: F.placeholder,
      "aria-describedby": `hint-${key}`,
    });
    if (key === "opening" || key === "intake") input.setAttribute("aria-required", "true");
    if (NUMERIC.includes(key)) input.setAttribute("inputmode", "decimal");
    row.append(input);
    if (pickable) {
      const pick = el(
        doc,
        "button",
        { type: "button", class: "secondary", "data-select": key, "aria-label": S.useSelectionFor(F.label) },
        S.useSelection,
      );
      pick.addEventListener("click", () => void useSelection(key));
      selectButtons.push(pick);
      row.append(pick);
    }
    wrap.append(label, row, el(doc, "p", { class: "hint", id: `hint-${key}` }, F.hint));
    inputs[key] = input;
    input.addEventListener("input", () => input.removeAttribute("aria-invalid"));
    return wrap;
  }

  /** A labelled checkbox that switches a section on or off, with its hint, appended to `box`. */
  function checkbox(
    box: HTMLElement,
    key: "uncertainty" | "tracks",
    text: string,
    hint: string,
    checked: boolean,
  ): HTMLInputElement {
    const input = el(doc, "input", {
      type: "checkbox",
      id: `field-${key}`,
      name: key,
      "aria-describedby": `hint-${key}`,
    });
    input.checked = checked;
    const wrap = el(doc, "div", { class: "check" });
    wrap.append(input, el(doc, "label", { for: `field-${key}` }, text));
    box.append(wrap, el(doc, "p", { class: "hint", id: `hint-${key}` }, hint));
    return input;
  }

  for (const key of FIELD_KEYS) fieldsBox.append(textField(key, S.fields[key], REFERENCE_FIELDS.includes(key)));

  // The uncertainty section: on by default, as 10,000 runs of a year take some 20 ms. Its
  // settings are folded away; the model choice shows only the field that model needs.
  const X = S.sections;
  byId(doc, "uncertainty-legend").textContent = X.uncertaintyLegend;
  byId(doc, "tracks-summary").textContent = X.tracksSummary;
  const uncertaintyBox = byId(doc, "uncertainty-fields");
  const tracksBox = byId(doc, "tracks-fields");
  const uncertaintyOn = checkbox(uncertaintyBox, "uncertainty", X.uncertaintyToggle, X.uncertaintyToggleHint, true);
  const settings = el(doc, "details", { id: "uncertainty-settings" });
  settings.append(el(doc, "summary", {}, X.uncertaintySettings));
  const modelWrap = el(doc, "div", { class: "field" });
  const model = el(doc, "select", {
    id: "field-intakeModel",
    name: "intakeModel",
    "aria-describedby": "hint-intakeModel",
  });
  for (const kind of INTAKE_MODELS) model.append(el(doc, "option", { value: kind }, X.models[kind]));
  modelWrap.append(
    el(doc, "label", { for: "field-intakeModel" }, X.intakeModel),
    model,
    el(doc, "p", { class: "hint", id: "hint-intakeModel" }, X.intakeModelHint),
  );
  settings.append(modelWrap);
  const optionWraps = {} as Record<OptionKey, HTMLDivElement>;
  for (const key of UNCERTAINTY_KEYS) {
    optionWraps[key] = textField(key, S.options[key], REFERENCE_OPTIONS.includes(key));
    settings.append(optionWraps[key]);
  }
  uncertaintyBox.append(settings);
  const showModelFields = (): void => {
    optionWraps.dispersion.hidden = model.value !== "overdispersed";
    optionWraps.history.hidden = model.value !== "history";
  };
  model.addEventListener("change", () => {
    showModelFields();
    uncertaintyOn.checked = true;
  });
  showModelFields();

  // The tracks section: off until the planner switches it on or types in one of its fields.
  const tracksOn = checkbox(tracksBox, "tracks", X.tracksToggle, X.tracksToggleHint, false);
  for (const key of TRACK_KEYS) tracksBox.append(textField(key, S.options[key], false));
  for (const key of UNCERTAINTY_KEYS) inputs[key].addEventListener("input", () => (uncertaintyOn.checked = true));
  for (const key of TRACK_KEYS) inputs[key].addEventListener("input", () => (tracksOn.checked = true));

  const controls = (key: ControlKey): HTMLInputElement | HTMLSelectElement | undefined =>
    key === "intakeModel" ? model : inputs[key];

  const allButtons = (): HTMLButtonElement[] => [runButton, whatIfButton, saveButton, ...selectButtons];
  const readFields = (): PaneFields => {
    const fields = emptyFields();
    for (const key of FIELD_KEYS) fields[key] = inputs[key].value;
    return fields;
  };
  const readSections = (): SectionFields => {
    const sections = emptySectionFields();
    const u = sections.uncertainty;
    u.enabled = uncertaintyOn.checked;
    u.model = model.value as IntakeModelKind;
    u.dispersion = inputs.dispersion.value;
    u.history = inputs.history.value;
    u.capacitySpread = inputs.capacitySpread.value;
    u.runs = inputs.runs.value;
    u.seed = inputs.seed.value;
    const t = sections.tracks;
    t.enabled = tracksOn.checked;
    t.fastShare = inputs.fastShare.value;
    t.safeShare = inputs.safeShare.value;
    t.fastLeadTime = inputs.fastLeadTime.value;
    return sections;
  };

  // Progress of a long simulation: a progress bar with its value for assistive technology.
  const progressBox = byId(doc, "progress-box");
  const progressBar = byId(doc, "progress");
  const progressMeter = byId<HTMLProgressElement>(doc, "progress-meter");
  const progressText = byId(doc, "progress-text");
  byId(doc, "progress-label").textContent = S.progress.label;
  let shownPercent = -1;
  function showProgress(fraction: number): void {
    const percent = Math.min(100, Math.max(0, Math.floor(fraction * 100)));
    if (percent === shownPercent) return;
    shownPercent = percent;
    const text = S.progress.done(`${percent}%`);
    progressBar.setAttribute("aria-valuenow", String(percent));
    progressBar.setAttribute("aria-valuetext", text);
    progressMeter.value = percent;
    progressText.textContent = text;
    progressBox.hidden = false;
  }
  function hideProgress(): void {
    progressBox.hidden = true;
    shownPercent = -1;
    progressBar.setAttribute("aria-valuenow", "0");
    progressMeter.value = 0;
  }

  function clearMessages(): void {
    alertBox.textContent = "";
    alertBox.hidden = true;
    status.textContent = "";
    for (const input of Object.values(inputs)) input.removeAttribute("aria-invalid");
    model.removeAttribute("aria-invalid");
  }

  function showError(text: string, field?: ControlKey): void {
    alertBox.textContent = text;
    alertBox.hidden = false;
    status.textContent = "";
    const control = field === undefined ? undefined : controls(field);
    if (control) {
      control.setAttribute("aria-invalid", "true");
      // A field in a folded section is unfolded first, so the focus lands where it can be seen.
      for (let d = control.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      control.focus();
    }
  }

  function showNotes(lines: string[]): void {
    notes.replaceChildren(...lines.map((line) => el(doc, "li", {}, line)));
    notes.hidden = lines.length === 0;
  }

  /** Runs one job with the buttons disabled; Office.js failures become a plain sentence. */
  async function busy(job: () => Promise<void>): Promise<void> {
    clearMessages();
    form.setAttribute("aria-busy", "true");
    for (const b of allButtons()) b.disabled = true;
    status.textContent = S.working;
    try {
      await job();
    } catch (error) {
      showError(describeOfficeError(error, host.language));
    } finally {
      hideProgress();
      if (status.textContent === S.working) status.textContent = "";
      for (const b of allButtons()) b.disabled = false;
      form.removeAttribute("aria-busy");
    }
  }

  async function useSelection(key: FieldKey | OptionKey): Promise<void> {
    await busy(async () => {
      const address = await host.selection();
      inputs[key].value = address;
      inputs[key].dispatchEvent(new Event("input"));
      status.textContent = S.selectionTaken(labelOf(S, key), address);
    });
    inputs[key].focus();
  }

  const uncertaintyResultBox = byId(doc, "uncertainty-result");
  const tracksResultBox = byId(doc, "tracks-result");
  byId(doc, "uncertainty-heading").textContent = S.outcome.uncertaintyHeading;
  byId(doc, "tracks-heading").textContent = S.outcome.tracksHeading;
  const definitions = (list: HTMLElement, lines: SummaryLine[]): void =>
    list.replaceChildren(...lines.flatMap((line) => [el(doc, "dt", {}, line.label), el(doc, "dd", {}, line.value)]));

  function showOutcome(outcome: RunOutcome): void {
    const noteLines = outcome.notes.map((n) => describeNote(n, host.language));
    if (!outcome.ok) {
      result.hidden = true;
      showError(describeRunProblem(outcome.problem, host.language), fieldOfProblem(outcome.problem));
      showNotes(noteLines);
      return;
    }
    status.textContent = describeSuccess(outcome, host.language);
    definitions(summary, summaryLines(outcome, host.language, host.locale));
    const u = uncertaintyResult(outcome, host.language, host.locale);
    uncertaintyResultBox.hidden = u === undefined;
    byId(doc, "chance").textContent = u?.chance ?? "";
    byId(doc, "chance").hidden = !u?.chance;
    byId(doc, "assumptions").textContent = u?.assumptions ?? "";
    definitions(byId(doc, "uncertainty-summary"), u?.lines ?? []);
    const trackLines = tracksLines(outcome, host.language, host.locale);
    tracksResultBox.hidden = trackLines.length === 0;
    definitions(byId(doc, "tracks-lines"), trackLines);
    result.hidden = false;
    showNotes(noteLines);
  }

  const run = (kind: RunKind): Promise<void> =>
    busy(async () => showOutcome(await host.run(readFields(), kind, readSections(), showProgress)));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run("projection");
  });
  whatIfButton.addEventListener("click", () => void run("whatIf"));
  saveButton.addEventListener(
    "click",
    () =>
      void busy(async () => {
        const saved = describeSave(await host.saveNames(readFields()), host.language);
        if (saved.ok) status.textContent = saved.text;
        else showError(saved.text);
      }),
  );

  const ready = busy(async () => {
    const found = await host.conventionFields();
    const filled = (Object.keys(found) as FieldKey[]).filter((key) => found[key]);
    for (const key of filled) inputs[key].value = found[key] as string;
    status.textContent = filled.length > 0 ? S.filledFromNames(filled.map((k) => found[k]).join(", ")) : S.noNamesFound;
  });
  return { ready };
}
