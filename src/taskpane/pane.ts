/**
 * The pane's user interface, kept apart from Office: it talks to a `PaneHost`, which the real
 * pane backs with Excel.run (officeHost.ts) and tests back with a stand-in. Every element is
 * built with DOM calls (no innerHTML, no inline styles: the page runs under a strict CSP).
 */
import type { Language } from "../sheets/messages";
import { describeOfficeError } from "./officeErrors";
import {
  describeNote,
  describeRunProblem,
  describeSave,
  describeSuccess,
  fieldOfProblem,
  summaryLines,
} from "./outcomes";
import type { RunKind, RunOutcome, SaveOutcome } from "./runPlan";
import { FIELD_KEYS, FieldKey, REFERENCE_FIELDS, STRINGS } from "./strings";
import { emptyFields, PaneFields } from "./workbookInputs";

export interface PaneHost {
  language: Language;
  /** BCP 47 locale for numbers: "nl-NL". */
  locale: string;
  conventionFields(): Promise<Partial<PaneFields>>;
  selection(): Promise<string>;
  run(fields: PaneFields, kind: RunKind): Promise<RunOutcome>;
  saveNames(fields: PaneFields): Promise<SaveOutcome>;
}

const REQUIRED: readonly FieldKey[] = ["opening", "intake"];

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

  const inputs = {} as Record<FieldKey, HTMLInputElement>;
  const selectButtons: HTMLButtonElement[] = [];
  for (const key of FIELD_KEYS) {
    const F = S.fields[key];
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
    if (REQUIRED.includes(key)) input.setAttribute("aria-required", "true");
    if (key === "horizon" || key === "target") input.setAttribute("inputmode", "decimal");
    row.append(input);
    if (REFERENCE_FIELDS.includes(key)) {
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
    fieldsBox.append(wrap);
    inputs[key] = input;
    input.addEventListener("input", () => input.removeAttribute("aria-invalid"));
  }

  const allButtons = (): HTMLButtonElement[] => [runButton, whatIfButton, saveButton, ...selectButtons];
  const readFields = (): PaneFields => {
    const fields = emptyFields();
    for (const key of FIELD_KEYS) fields[key] = inputs[key].value;
    return fields;
  };

  function clearMessages(): void {
    alertBox.textContent = "";
    alertBox.hidden = true;
    status.textContent = "";
    for (const key of FIELD_KEYS) inputs[key].removeAttribute("aria-invalid");
  }

  function showError(text: string, field?: FieldKey): void {
    alertBox.textContent = text;
    alertBox.hidden = false;
    status.textContent = "";
    if (field && field in inputs) {
      inputs[field].setAttribute("aria-invalid", "true");
      inputs[field].focus();
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
      if (status.textContent === S.working) status.textContent = "";
      for (const b of allButtons()) b.disabled = false;
      form.removeAttribute("aria-busy");
    }
  }

  async function useSelection(key: FieldKey): Promise<void> {
    await busy(async () => {
      const address = await host.selection();
      inputs[key].value = address;
      status.textContent = S.selectionTaken(S.fields[key].label, address);
    });
    inputs[key].focus();
  }

  function showOutcome(outcome: RunOutcome): void {
    const noteLines = outcome.notes.map((n) => describeNote(n, host.language));
    if (!outcome.ok) {
      result.hidden = true;
      showError(describeRunProblem(outcome.problem, host.language), fieldOfProblem(outcome.problem));
      showNotes(noteLines);
      return;
    }
    status.textContent = describeSuccess(outcome, host.language);
    summary.replaceChildren(
      ...summaryLines(outcome, host.language, host.locale).flatMap((line) => [
        el(doc, "dt", {}, line.label),
        el(doc, "dd", {}, line.value),
      ]),
    );
    result.hidden = false;
    showNotes(noteLines);
  }

  const run = (kind: RunKind): Promise<void> => busy(async () => showOutcome(await host.run(readFields(), kind)));

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
