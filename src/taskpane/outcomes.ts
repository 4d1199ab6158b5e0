/**
 * Turns run outcomes into what the pane shows: one plain sentence for a problem, and the
 * headline figures in the planner's locale. Pure, so it is tested without a browser or Office.
 */
import { INPUT_NAMES, InputKey } from "../sheets/inputs";
import {
  describeProblem,
  describeReadingNote,
  describeSheetNameProblem,
  Language,
  TABLE_FIELD_TEXT,
} from "../sheets/messages";
import { formatNumber } from "../sheets/uncertaintyBlock";
import type { RunNote, RunProblem, RunSuccess, SaveOutcome } from "../hosts/office/runPlan";
import type { OptionProblem } from "../plan/options";
import { targetWeekPhrase } from "../plan/targetText";
import { ControlKey, FieldKey, FIELD_TEXT, labelOf, SECTION_TEXT, sentence, STATUS_TEXT } from "./strings";
import { PROBLEM_TEXT } from "./problemText";
import { isoDate } from "../sheets/dates";
import { NOTE_TEXT, RESULT_TEXT } from "./resultText";
import type { FieldProblem } from "../hosts/office/readInputs";
import { describeIntakeHistoryProblem } from "../sheets/historyMessages";

/** "Instroom of Intake" / "Intake or Instroom": the names a planner may define for a field. */
function namesFor(field: FieldKey, language: Language): string {
  if (!(field in INPUT_NAMES)) return "";
  const [en, nl] = INPUT_NAMES[field as InputKey];
  return language === "nl" ? `${nl} (of ${en})` : `${en} (or ${nl})`;
}

export function describeFieldProblem(problem: FieldProblem, language: Language): string {
  const problemText = PROBLEM_TEXT[language];
  const label = labelOf(language, problem.field);
  // Triage's staff is yes or no: a word that is no name in the workbook was meant as an answer.
  if (problem.field === "triageStaffIsNew" && (problem.kind === "unknown-name" || problem.kind === "bad-reference")) {
    const got = problem.kind === "unknown-name" ? problem.name : problem.text;
    return sentence(describeProblem({ code: "not-yes-no", input: "triageStaffIsNew", got }, language));
  }
  switch (problem.kind) {
    case "missing": {
      const missing = problemText.missing(label, namesFor(problem.field, language));
      // The intake may also come from an intake history's forecast (issue 24).
      return problem.field === "intake" ? missing + problemText.orHistory(labelOf(language, "intakeHistory")) : missing;
    }
    case "unknown-name":
      return problemText.unknownName(label, problem.name);
    case "unknown-sheet":
      return problemText.unknownSheet(label, problem.sheet);
    case "bad-reference":
      return problemText.badReference(label, problem.text);
    case "bad-date":
      if (problem.field === "intakeHistoryStart") {
        return describeIntakeHistoryProblem(
          { code: "not-a-date", input: "intakeHistoryStart", got: problem.text },
          language,
        );
      }
      return problemText.badDate(problem.text);
    case "bad-number":
      if (problem.field === "historyPeriods") {
        return describeIntakeHistoryProblem({ code: "periods", input: "historyPeriods", got: problem.text }, language);
      }
      // Same sentence as for a cell holding text: "the horizon contains the text 'abc'; …".
      return sentence(
        describeProblem(
          {
            code: "text",
            input: problem.field === "target" || problem.field === "decisionsPerFte" ? problem.field : "horizon",
            got: problem.text,
          },
          language,
        ),
      );
    case "name-not-usable":
      return problemText.nameNotUsable(label, problem.name);
    case "unknown-table":
      return TABLE_FIELD_TEXT[language].unknownTable(label, problem.table);
    case "unknown-column":
      return TABLE_FIELD_TEXT[language].unknownColumn(label, problem.table, problem.column);
    case "table-not-data":
      return TABLE_FIELD_TEXT[language].notData(label, problem.text);
    case "other-workbook":
      return TABLE_FIELD_TEXT[language].otherWorkbook(label, problem.name);
  }
}

/** A problem in the uncertainty or tracks section, naming the field. */
export function describeOptionProblem(problem: OptionProblem, language: Language): string {
  const problemText = PROBLEM_TEXT[language];
  const fieldText = FIELD_TEXT[language];
  const label = labelOf(language, problem.field);
  const number = (value: number): string => formatNumber(value, language);
  switch (problem.kind) {
    case "not-a-number":
      return problemText.notANumber(label, problem.text);
    case "not-whole":
      return problemText.notWhole(label, problem.text);
    case "out-of-range":
      return problemText.outOfRange(label, problem.text, number(problem.min), number(problem.max));
    case "share-range":
      return problemText.shareRange(label, problem.text);
    case "shares-sum":
      return problemText.sharesSum(
        fieldText.fastShare.label,
        fieldText.safeShare.label,
        `${number(problem.sum * 100)}%`,
      );
    case "required":
      if (problem.field === "safeShare") return problemText.safeShareMissing(label);
      return sentence(
        problem.field === "dispersion" ? problemText.dispersionMissing(label) : problemText.historyMissing(label),
      );
    case "too-much-work":
      return problemText.tooMuchWork(label, number(problem.runs), number(problem.weeks), number(problem.max));
    case "history-cells":
      switch (problem.code) {
        case "empty":
          return problemText.historyEmpty(label, problem.address);
        case "merged":
          return problemText.historyMerged(label, problem.address);
        case "shape":
          return problemText.historyShape(label, problem.address, String(problem.rows), String(problem.columns));
        case "cell":
          return problemText.historyCell(label, problem.address, problem.got ?? "");
      }
    // The intake history for the forecast (issue 24): the sentence names the cell itself.
    case "intake-history":
      return describeIntakeHistoryProblem(problem.problem, language);
    case "history-periods":
      return describeIntakeHistoryProblem({ code: "periods", input: "historyPeriods", got: problem.text }, language);
    case "forecast-level-spread":
      return problemText.forecastLevelSpread(label);
    case "forecast-model":
      return problemText.forecastModel(label, SECTION_TEXT[language].models[problem.model]);
  }
}

export function describeRunProblem(problem: RunProblem, language: Language): string {
  const problemText = PROBLEM_TEXT[language];
  switch (problem.kind) {
    case "field":
      return describeFieldProblem(problem.problem, language);
    case "input":
      return sentence(describeProblem(problem.problem, language));
    case "option":
      return describeOptionProblem(problem.problem, language);
    case "simulation":
      return problemText.simulation(problem.message);
    case "placement":
      return problem.problem.code === "workbook-protected"
        ? problemText.workbookProtected
        : problemText.sheetProtected(problem.problem.sheet);
    case "engine":
      return problemText.engine(problem.message);
    case "actuals":
      return problem.message;
    case "baseline":
      return problemText.baseline(problem.table);
    case "sheet-name":
      return describeSheetNameProblem(problem.problem, language);
    case "inputs-changed":
      return problemText.inputsChanged;
    case "not-finite":
      return problemText.notFinite(problem.cell);
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
  const noteText = NOTE_TEXT[language];
  switch (note.kind) {
    case "manual-calculation":
      return noteText.manualCalculation;
    case "what-if-without-sections":
      return noteText.whatIfWithoutSections;
    case "trimmed":
      return noteText.trimmed(note.from, note.to);
    default:
      // Headers skipped, a sheet-level name, a first week not on a Monday: as `npm run plan` says them.
      return describeReadingNote(note, language);
  }
}

/**
 * Numbers in the planner's locale, grouped as the sheets group them: from five digits on
 * ("1310", "12.500"), so the chance sentence and the list above it agree. (`npm run plan`'s
 * summary line still groups from four: "1.140".)
 *
 * @example
 * numberFormat("nl-NL", 1).format(12500.25) // "12.500,3"
 */
export function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  // "min2" is in ES2023 (Chromium 106, Safari 15.4); older engines read it as `true`.
  const grouping = "min2" as unknown as boolean;
  return new Intl.NumberFormat(locale, { maximumFractionDigits, useGrouping: grouping });
}

export interface SummaryLine {
  label: string;
  value: string;
}

/** Headline figures, with numbers in the planner's locale ("1.140" in Dutch, "1,140" in English). */
export function summaryLines(outcome: RunSuccess, language: Language, locale: string): SummaryLine[] {
  const resultText = RESULT_TEXT[language];
  const number = numberFormat(locale, 1);
  const summary = outcome.summary;
  const lines: SummaryLine[] = [];
  const first = outcome.inputs.firstWeek;
  if (first !== undefined) {
    // Excel serials are calendar days: format them in UTC so no time zone shifts the day.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    const at = (serial: number): string => date.format(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
    lines.push({ label: resultText.period, value: `${at(first)} – ${at(first + 7 * outcome.weeks - 1)}` });
  }
  return [
    ...lines,
    { label: resultText.closing, value: number.format(summary.closingBacklog) },
    {
      label: resultText.weeksToClear,
      value: Number.isFinite(summary.weeksToClear) ? number.format(summary.weeksToClear) : resultText.never,
    },
    { label: resultText.leadTime, value: summary.leadTimeWeeks === null ? "–" : number.format(summary.leadTimeWeeks) },
    {
      label: resultText.decidedLeadTime,
      value: summary.decidedLeadTimeWeeks === null ? "–" : number.format(summary.decidedLeadTimeWeeks),
    },
    {
      label: resultText.required(number.format(outcome.inputs.target), number.format(outcome.weeks)),
      value: number.format(outcome.requiredCapacity),
    },
    // The planner's own target: the week, its ISO week and Monday, "bij constante gemiddelden" past the series.
    ...(summary.target === undefined
      ? []
      : [
          {
            label: resultText.targetReached(number.format(summary.target.target)),
            value: targetWeekPhrase(summary.target, language),
          },
        ]),
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
  const uncertainty = outcome.uncertainty;
  if (!uncertainty) return undefined;
  const resultText = RESULT_TEXT[language];
  const number = numberFormat(locale, 0);
  return {
    chance: uncertainty.sentence === null ? null : `${sentence(uncertainty.sentence[language])}.`,
    assumptions: uncertainty.assumptions[language],
    lines: [
      {
        label: resultText.bandLabel,
        value: resultText.band(number.format(uncertainty.low), number.format(uncertainty.high)),
      },
      { label: resultText.median, value: number.format(uncertainty.median) },
    ],
  };
}

/** Where the intake came from, when the workbook has an intake history: the plan's forecast, or a comparison beside it. */
export function intakeSourceLine(outcome: RunSuccess, language: Language): string | undefined {
  return outcome.intakeForecast?.source[language];
}

/** The tracks section's result: the backlog per track and in all at the horizon. */
export function tracksLines(outcome: RunSuccess, language: Language, locale: string): SummaryLine[] {
  const tracks = outcome.tracks;
  if (!tracks) return [];
  const resultText = RESULT_TEXT[language];
  const number = numberFormat(locale, 1);
  return [
    ...(["fast", "safe", "regular"] as const).map((id) => ({
      label: resultText.trackClosing(resultText.tracks[id]),
      value: number.format(tracks.closing[id]),
    })),
    { label: resultText.totalClosing, value: number.format(tracks.closing.total) },
  ];
}

export function describeSuccess(outcome: RunSuccess, language: Language): string {
  const statusText = STATUS_TEXT[language];
  switch (outcome.kind) {
    case "projection":
      return statusText.projectionDone(outcome.sheetName);
    case "whatIf":
      return statusText.whatIfDone(outcome.sheetName);
    case "monitoring": {
      const done = statusText.monitoringDone(outcome.sheetName);
      const baseline = outcome.baseline;
      return baseline
        ? `${done} ${statusText.baseline(baseline.sheet, isoDate(baseline.madeOn), baseline.made)}`
        : done;
    }
  }
}

export function describeSave(outcome: SaveOutcome, language: Language): { ok: boolean; text: string } {
  const statusText = STATUS_TEXT[language];
  if (outcome.ok) return { ok: true, text: statusText.namesSaved(outcome.saved.join(", ")) };
  if ("nothing" in outcome) return { ok: false, text: statusText.nothingToSave };
  return { ok: false, text: describeFieldProblem(outcome.problem, language) };
}
