/**
 * The sentences about the intake history (issue 24), in Dutch and English: one per problem,
 * naming the cell (and the value's position) or the input. Shared by the task pane and
 * `npm run plan`, as messages.ts is for the other inputs.
 */
import { isoDate } from "./dates";
import type { IntakeHistoryProblem } from "./intakeHistory";
import type { Language } from "./messages";

/** How a sentence names each of the history's inputs. */
export const HISTORY_INPUT_TEXT: Record<Language, Record<IntakeHistoryProblem["input"], string>> = {
  nl: {
    intakeHistory: "de instroomhistorie",
    intakeHistoryStart: "het begin van de instroomhistorie",
    historyPeriods: "het aantal perioden per jaar van de instroomhistorie",
    firstWeek: "de eerste week",
  },
  en: {
    intakeHistory: "the intake history",
    intakeHistoryStart: "the start of the intake history",
    historyPeriods: "the intake history's periods per year",
    firstWeek: "the first week",
  },
};

function shown(value: unknown, language: Language): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "boolean") return language === "nl" ? (value ? "WAAR" : "ONWAAR") : value ? "TRUE" : "FALSE";
  return String(value);
}

interface Parts {
  problem: IntakeHistoryProblem;
  where: string;
  what: string;
  /** "Invoer!F7 (waarde 6 van de instroomhistorie)". */
  cell: string;
  got: string;
  detail: Record<string, number>;
  date: (key: string) => string;
}

function dutch({ problem, where, what, cell, got, detail, date }: Parts): string {
  switch (problem.code) {
    case "empty":
      return problem.input === "intakeHistory"
        ? `${where} is leeg; geef de instroomhistorie een getal per week (of maand), oudste eerst.`
        : `${where} is leeg; vul ${what} in.`;
    case "shape":
      return `${where} is ${detail["rows"]} rijen × ${detail["columns"]} kolommen; kies ${problem.input === "intakeHistory" ? "één kolom of één rij" : "één cel"} voor ${what}.`;
    case "merged":
      return `${where} bevat samengevoegde cellen; hef de samenvoeging op of kies een ander bereik voor de instroomhistorie.`;
    case "blank":
      return `${cell} is leeg; de prognose heeft voor elke periode een aantal nodig: vul 0 in als er niets binnenkwam, of laat de historie na de lege cel beginnen.`;
    case "text":
      return `${cell} bevat de tekst ${got}; er werd een aantal verwacht.`;
    case "boolean":
      return `${cell} bevat ${got}; er werd een aantal verwacht.`;
    case "error-value":
      return `${cell} bevat de foutwaarde ${String(problem.got)}; er werd een aantal verwacht.`;
    case "negative":
      return `${cell} bevat ${got}; er werd een aantal van 0 of meer verwacht.`;
    case "not-finite":
      return `${cell} bevat geen eindig getal.`;
    case "too-short":
      return `${where} heeft ${detail["count"]} waarden; de prognose heeft er minstens ${detail["min"]} nodig (en twee jaar voor een seizoen).`;
    case "too-long":
      return `${where} heeft ${detail["count"]} waarden; er mogen er hoogstens ${detail["max"]} zijn.`;
    case "not-a-date":
      return `${where} bevat ${got}, geen datum; typ de datum van de eerste week (of maand) van de historie, bijvoorbeeld 4-1-2021.`;
    case "periods":
      return problem.address === undefined
        ? `${what} moet 52 (weekcijfers) of 12 (maandcijfers) zijn, niet ${got}.`
        : `${where} bevat ${got}; ${what} is 52 (weekcijfers) of 12 (maandcijfers).`;
    case "needs-start":
      return "Een instroomhistorie in maanden heeft een begindatum nodig om over de weken verdeeld te worden: geef de datum van de eerste maand (InstroomHistorieStart).";
    case "first-week-inside":
      return `De eerste week (${date("got")}) valt binnen de instroomhistorie, die loopt tot en met ${date("lastDay")}; de prognose begint na de historie. Kies een eerste week vanaf ${date("next")}, of laat de eerste week leeg.`;
    case "gap-too-long":
      return `De eerste week (${date("got")}) ligt ${detail["gap"]} ${detail["months"] ? "maanden" : "weken"} na het eind van de instroomhistorie (${date("lastDay")}); de prognose mag hoogstens een jaar na de historie beginnen. Staan er maandcijfers in de historie, geef dan 12 perioden per jaar (InstroomHistoriePerioden).`;
  }
}

function english({ problem, where, what, cell, got, detail, date }: Parts): string {
  switch (problem.code) {
    case "empty":
      return problem.input === "intakeHistory"
        ? `${where} is empty; give the intake history one figure per week (or month), oldest first.`
        : `${where} is empty; fill in ${what}.`;
    case "shape":
      return `${where} is ${detail["rows"]} rows × ${detail["columns"]} columns; choose ${problem.input === "intakeHistory" ? "one column or one row" : "one cell"} for ${what}.`;
    case "merged":
      return `${where} contains merged cells; unmerge them or choose another range for the intake history.`;
    case "blank":
      return `${cell} is blank; the forecast needs a count for every period: enter 0 if nothing came in, or start the history after the blank cell.`;
    case "text":
      return `${cell} contains the text ${got}; a count was expected.`;
    case "boolean":
      return `${cell} contains ${got}; a count was expected.`;
    case "error-value":
      return `${cell} contains the error value ${String(problem.got)}; a count was expected.`;
    case "negative":
      return `${cell} contains ${got}; a count of 0 or more was expected.`;
    case "not-finite":
      return `${cell} does not contain a finite number.`;
    case "too-short":
      return `${where} has ${detail["count"]} values; the forecast needs at least ${detail["min"]} (and two years for a season).`;
    case "too-long":
      return `${where} has ${detail["count"]} values; at most ${detail["max"]} are allowed.`;
    case "not-a-date":
      return `${where} contains ${got}, not a date; type the date of the history's first week (or month), for example 2021-01-04.`;
    case "periods":
      return problem.address === undefined
        ? `${what} must be 52 (weekly figures) or 12 (monthly figures), not ${got}.`
        : `${where} contains ${got}; ${what} are 52 (weekly figures) or 12 (monthly figures).`;
    case "needs-start":
      return "An intake history in months needs its start date to be spread over the weeks: give the date of its first month (IntakeHistoryStart).";
    case "first-week-inside":
      return `The first week (${date("got")}) lies inside the intake history, which runs to ${date("lastDay")}; the forecast starts after the history. Choose a first week from ${date("next")} on, or leave the first week empty.`;
    case "gap-too-long":
      return `The first week (${date("got")}) is ${detail["gap"]} ${detail["months"] ? "months" : "weeks"} after the end of the intake history (${date("lastDay")}); the forecast may start at most a year after the history. If the history holds monthly figures, give 12 periods per year (IntakeHistoryPeriods).`;
  }
}

/**
 * One sentence saying what is wrong with the intake history and where.
 *
 * @example
 * describeIntakeHistoryProblem({ code: "blank", input: "intakeHistory", address: "Historie!B7", position: 6 }, "en")
 * // → "Historie!B7 (value 6 of the intake history) is blank; the forecast needs a count for every period: …"
 */
export function describeIntakeHistoryProblem(problem: IntakeHistoryProblem, language: Language): string {
  const what = HISTORY_INPUT_TEXT[language][problem.input];
  const where = problem.address ?? what;
  const position =
    problem.position === undefined
      ? ""
      : language === "nl"
        ? ` (waarde ${problem.position} van de instroomhistorie)`
        : ` (value ${problem.position} of the intake history)`;
  const detail = problem.detail ?? {};
  const date = (key: string): string => {
    const serial = key === "got" ? problem.got : detail[key];
    return typeof serial === "number" ? isoDate(serial) : "";
  };
  const parts: Parts = { problem, where, what, cell: `${where}${position}`, got: shown(problem.got, language), detail, date };
  const text = language === "nl" ? dutch(parts) : english(parts);
  // Without an address the sentence starts with a label ("de instroomhistorie …"): capitalise it.
  return problem.address === undefined ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
