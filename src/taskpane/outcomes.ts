/**
 * Turns run outcomes into what the pane shows: one plain sentence for a problem, and the
 * headline figures in the planner's locale. Pure, so it is tested without a browser or Office.
 */
import { INPUT_NAMES, InputKey } from "../sheets/inputs";
import { describeProblem, Language } from "../sheets/messages";
import type { RunNote, RunProblem, RunSuccess, SaveOutcome } from "./runPlan";
import { FieldKey, sentence, STRINGS } from "./strings";
import type { FieldProblem } from "./workbookInputs";

/** "Instroom of Intake" / "Intake or Instroom": the names a planner may define for a field. */
function namesFor(field: FieldKey, language: Language): string {
  if (!(field in INPUT_NAMES)) return "";
  const [en, nl] = INPUT_NAMES[field as InputKey];
  return language === "nl" ? `${nl} (of ${en})` : `${en} (or ${nl})`;
}

export function describeFieldProblem(problem: FieldProblem, language: Language): string {
  const S = STRINGS[language];
  const label = S.fields[problem.field].label;
  switch (problem.kind) {
    case "missing":
      return S.problems.missing(label, namesFor(problem.field, language));
    case "unknown-name":
      return S.problems.unknownName(label, problem.name);
    case "unknown-sheet":
      return S.problems.unknownSheet(label, problem.sheet);
    case "bad-reference":
      return S.problems.badReference(label, problem.text);
    case "bad-date":
      return S.problems.badDate(problem.text);
    case "bad-number":
      // Same sentence as for a cell holding text: "the horizon contains the text 'abc'; …".
      return sentence(
        describeProblem(
          { code: "text", input: problem.field === "target" ? "target" : "horizon", got: problem.text },
          language,
        ),
      );
    case "name-not-usable":
      return S.problems.nameNotUsable(label, problem.name);
  }
}

export function describeRunProblem(problem: RunProblem, language: Language): string {
  const P = STRINGS[language].problems;
  switch (problem.kind) {
    case "field":
      return describeFieldProblem(problem.problem, language);
    case "input":
      return sentence(describeProblem(problem.problem, language));
    case "placement":
      return problem.problem.code === "workbook-protected"
        ? P.workbookProtected
        : P.sheetProtected(problem.problem.sheet);
    case "engine":
      return P.engine(problem.message);
  }
}

/** The field a problem is about, to mark it invalid and move focus there. */
export function fieldOfProblem(problem: RunProblem): FieldKey | undefined {
  if (problem.kind === "field") return problem.problem.field;
  if (problem.kind === "input") return problem.problem.input;
  return undefined;
}

export function describeNote(note: RunNote, language: Language): string {
  const N = STRINGS[language].notes;
  return note.kind === "manual-calculation" ? N.manualCalculation : N.trimmed(note.from, note.to);
}

export interface SummaryLine {
  label: string;
  value: string;
}

/** Headline figures, with numbers in the planner's locale ("1.140" in Dutch, "1,140" in English). */
export function summaryLines(outcome: RunSuccess, language: Language, locale: string): SummaryLine[] {
  const S = STRINGS[language].summary;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const s = outcome.summary;
  const lines: SummaryLine[] = [];
  const first = outcome.inputs.firstWeek;
  if (first !== undefined) {
    // Excel serials are calendar days: format them in UTC so no time zone shifts the day.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    const at = (serial: number): string => date.format(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
    lines.push({ label: S.period, value: `${at(first)} – ${at(first + 7 * outcome.weeks - 1)}` });
  }
  return [
    ...lines,
    { label: S.closing, value: number.format(s.closingBacklog) },
    { label: S.weeksToClear, value: Number.isFinite(s.weeksToClear) ? number.format(s.weeksToClear) : S.never },
    { label: S.leadTime, value: s.leadTimeWeeks === null ? "–" : number.format(s.leadTimeWeeks) },
    {
      label: S.required(number.format(outcome.inputs.target), number.format(outcome.weeks)),
      value: number.format(outcome.requiredCapacity),
    },
  ];
}

export function describeSuccess(outcome: RunSuccess, language: Language): string {
  const S = STRINGS[language];
  return outcome.kind === "projection" ? S.projectionDone(outcome.sheetName) : S.whatIfDone(outcome.sheetName);
}

export function describeSave(outcome: SaveOutcome, language: Language): { ok: boolean; text: string } {
  const S = STRINGS[language];
  if (outcome.ok) return { ok: true, text: S.namesSaved(outcome.saved.join(", ")) };
  if ("nothing" in outcome) return { ok: false, text: S.nothingToSave };
  return { ok: false, text: describeFieldProblem(outcome.problem, language) };
}
