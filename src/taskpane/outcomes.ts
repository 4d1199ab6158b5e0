/**
 * Turns run outcomes into what the pane shows: one plain sentence for a problem, and the
 * headline figures in the planner's locale. Pure, so it is tested without a browser or Office.
 */
import { INPUT_NAMES, InputKey } from "../sheets/inputs";
import { describeProblem, describeSheetNameProblem, Language } from "../sheets/messages";
import { formatNumber } from "../sheets/uncertaintyBlock";
import type { RunNote, RunProblem, RunSuccess, SaveOutcome } from "../hosts/office/runPlan";
import type { OptionProblem } from "./sections";
import { ControlKey, FieldKey, labelOf, sentence, STRINGS } from "./strings";
import type { FieldProblem } from "../hosts/office/readInputs";

/** "Instroom of Intake" / "Intake or Instroom": the names a planner may define for a field. */
function namesFor(field: FieldKey, language: Language): string {
  if (!(field in INPUT_NAMES)) return "";
  const [en, nl] = INPUT_NAMES[field as InputKey];
  return language === "nl" ? `${nl} (of ${en})` : `${en} (or ${nl})`;
}

export function describeFieldProblem(problem: FieldProblem, language: Language): string {
  const S = STRINGS[language];
  const label = labelOf(S, problem.field);
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

/** A problem in the uncertainty or tracks section, naming the field. */
export function describeOptionProblem(problem: OptionProblem, language: Language): string {
  const S = STRINGS[language];
  const P = S.problems;
  const label = labelOf(S, problem.field);
  const n = (value: number): string => formatNumber(value, language);
  switch (problem.kind) {
    case "not-a-number":
      return P.notANumber(label, problem.text);
    case "not-whole":
      return P.notWhole(label, problem.text);
    case "out-of-range":
      return P.outOfRange(label, problem.text, n(problem.min), n(problem.max));
    case "share-range":
      return P.shareRange(label, problem.text);
    case "shares-sum":
      return P.sharesSum(S.options.fastShare.label, S.options.safeShare.label, `${n(problem.sum * 100)}%`);
    case "required":
      if (problem.field === "safeShare") return P.safeShareMissing(label);
      return sentence(problem.field === "dispersion" ? P.dispersionMissing(label) : P.historyMissing(label));
    case "too-much-work":
      return P.tooMuchWork(label, n(problem.runs), n(problem.weeks), n(problem.max));
    case "history-cells":
      switch (problem.code) {
        case "empty":
          return P.historyEmpty(label, problem.address);
        case "merged":
          return P.historyMerged(label, problem.address);
        case "shape":
          return P.historyShape(label, problem.address, String(problem.rows), String(problem.columns));
        case "cell":
          return P.historyCell(label, problem.address, problem.got ?? "");
      }
  }
}

export function describeRunProblem(problem: RunProblem, language: Language): string {
  const P = STRINGS[language].problems;
  switch (problem.kind) {
    case "field":
      return describeFieldProblem(problem.problem, language);
    case "input":
      return sentence(describeProblem(problem.problem, language));
    case "option":
      return describeOptionProblem(problem.problem, language);
    case "simulation":
      return P.simulation(problem.message);
    case "placement":
      return problem.problem.code === "workbook-protected"
        ? P.workbookProtected
        : P.sheetProtected(problem.problem.sheet);
    case "engine":
      return P.engine(problem.message);
    case "sheet-name":
      return describeSheetNameProblem(problem.problem, language);
    case "inputs-changed":
      return P.inputsChanged;
    case "not-finite":
      return P.notFinite(problem.cell);
  }
}

/** The field a problem is about, to mark it invalid and move focus there. */
export function fieldOfProblem(problem: RunProblem): ControlKey | undefined {
  if (problem.kind === "field" || problem.kind === "option") return problem.problem.field;
  if (problem.kind === "input") return problem.problem.input;
  if (problem.kind === "sheet-name") return "sheetName";
  return undefined;
}

export function describeNote(note: RunNote, language: Language): string {
  const N = STRINGS[language].notes;
  switch (note.kind) {
    case "manual-calculation":
      return N.manualCalculation;
    case "what-if-without-sections":
      return N.whatIfWithoutSections;
    case "trimmed":
      return N.trimmed(note.from, note.to);
  }
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

/**
 * The uncertainty section's result: the chance of reaching the target in a sentence that starts
 * with a capital and ends with a full stop, the assumptions, and the band at the horizon.
 */
export function uncertaintyResult(
  outcome: RunSuccess,
  language: Language,
  locale: string,
): { chance: string | null; assumptions: string; lines: SummaryLine[] } | undefined {
  const u = outcome.uncertainty;
  if (!u) return undefined;
  const O = STRINGS[language].outcome;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    chance: u.sentence === null ? null : `${sentence(u.sentence[language])}.`,
    assumptions: u.assumptions[language],
    lines: [
      { label: O.bandLabel, value: O.band(number.format(u.low), number.format(u.high)) },
      { label: O.median, value: number.format(u.median) },
    ],
  };
}

/** The tracks section's result: the backlog per track and in all at the horizon. */
export function tracksLines(outcome: RunSuccess, language: Language, locale: string): SummaryLine[] {
  const t = outcome.tracks;
  if (!t) return [];
  const O = STRINGS[language].outcome;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return [
    ...(["fast", "safe", "regular"] as const).map((id) => ({
      label: O.trackClosing(O.tracks[id]),
      value: number.format(t.closing[id]),
    })),
    { label: O.totalClosing, value: number.format(t.closing.total) },
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
